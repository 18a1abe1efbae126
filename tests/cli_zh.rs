//! The command line in Simplified Chinese, chosen each way a user can
//! choose it (`--lang`, `KEYTURN_LANG`, the locale), and what must not
//! change with the language: `--json` output, the signed request, exit
//! codes, wire names, the files Keyturn keeps.

mod common;

use std::process::{Command, Output};

use common::{DCS, Home, OPS, TCAPLUS, UREDIS, err, out, run, run_with_stdin};
use serde_json::Value;

/// The ways of asking for Chinese, each as what it adds to a command.
#[derive(Debug, Clone, Copy)]
enum Way {
    Flag,
    KeyturnLang,
    Lang,
    Language,
}

const WAYS: [Way; 4] = [Way::Flag, Way::KeyturnLang, Way::Lang, Way::Language];

impl Way {
    /// `keyturn ARGS` in `home`, asking for Chinese this way.
    fn keyturn(self, home: &Home, args: &[&str]) -> Command {
        match self {
            Way::Flag => {
                let mut with_flag = vec!["--lang", "zh-CN"];
                with_flag.extend_from_slice(args);
                home.keyturn(&with_flag)
            }
            Way::KeyturnLang => {
                let mut c = home.keyturn(args);
                c.env("KEYTURN_LANG", "zh-CN").env("LANG", "en_US.UTF-8");
                c
            }
            Way::Lang => {
                let mut c = home.keyturn(args);
                c.env("LANG", "zh_CN.UTF-8");
                c
            }
            Way::Language => {
                let mut c = home.keyturn(args);
                c.env("LANGUAGE", "zh_TW:zh_CN:en")
                    .env("LANG", "en_US.UTF-8");
                c
            }
        }
    }
}

/// The same command in English: the clean environment's default, and by
/// `--lang en` over a Chinese locale.
fn english(home: &Home, args: &[&str]) -> [Command; 2] {
    let mut with_flag = vec!["--lang", "en"];
    with_flag.extend_from_slice(args);
    let mut over_locale = home.keyturn(&with_flag);
    over_locale.env("LANG", "zh_CN.UTF-8");
    [home.keyturn(args), over_locale]
}

#[test]
fn ops_lists_and_describes_in_chinese_whichever_way_it_is_asked_for() {
    let home = Home::new("zh-ops");
    for way in WAYS {
        let o = run(way.keyturn(&home, &["ops"]));
        assert!(o.status.success(), "{way:?}: {}", err(&o));
        let text = out(&o);
        for op in OPS {
            assert!(text.contains(op), "{way:?}: ids stay as they are: {op}");
        }
        for name in ["阿里云 DTS", "华为云 DCS", "腾讯云 TcaplusDB"] {
            assert!(text.contains(name), "{way:?}: {name} missing:\n{text}");
        }
        assert!(!text.contains("Alibaba Cloud"), "{way:?}:\n{text}");
    }
    for cmd in english(&home, &["ops"]) {
        assert!(out(&run(cmd)).contains("Alibaba Cloud DTS"));
    }

    let o = run(Way::Flag.keyturn(&home, &["ops", DCS]));
    let text = out(&o);
    for words in [
        "修改 DCS（Redis / Memcached）实例的密码",
        "地域（--region）：",
        "实例ID  [必填、文本]",
        "旧密码  [必填、密码：只能用 env:VAR 给出]",
        "新密码（new_password）：",
        "8 到 32 个字符（部分版本最多接受 64 个：仅警告）",
        "必须与 old_password 不同",
    ] {
        assert!(text.contains(words), "{words} missing:\n{text}");
    }
    // Wire names are the provider's, in every language.
    for wire in ["project_id", "instance_id", "old_password", "new_password"] {
        assert!(text.contains(wire), "{wire}");
    }
}

#[test]
fn check_words_the_password_rules_in_chinese() {
    let home = Home::new("zh-check");
    for way in WAYS {
        let o = run_with_stdin(way.keyturn(&home, &["check", DCS]), "abc def\n");
        assert_eq!(o.status.code(), Some(2), "{way:?}: {}", err(&o));
        let text = out(&o);
        for words in [
            "✗ 8 到 32 个字符（部分版本最多接受 64 个）：还需 1 个字符",
            "✗ 包含小写字母、大写字母、数字、特殊字符中的至少 3 类：还需加入大写字母、数字、特殊字符中的 2 类",
            "✗ 只含允许的字符：需删去 1 个不允许的字符",
            "第 4 个字符：空格，不允许使用",
            "强度：",
        ] {
            assert!(text.contains(words), "{way:?}: {words} missing:\n{text}");
        }
        assert!(!text.contains("abc def"), "the password is never echoed");
    }
    let o = run_with_stdin(
        Way::Flag.keyturn(&home, &["check", UREDIS]),
        "Fake-Pass_1234\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("✓ 6 到 36 个字符"), "{}", out(&o));
}

#[test]
fn usage_errors_are_in_chinese_with_the_same_exit_code() {
    let home = Home::new("zh-usage");
    for way in WAYS {
        let o = run(way.keyturn(&home, &["ops", "no.such.op"]));
        assert_eq!(o.status.code(), Some(2), "{way:?}");
        assert!(
            err(&o).contains("错误：没有操作 \"no.such.op\"；`keyturn ops` 可列出全部操作"),
            "{way:?}: {}",
            err(&o)
        );

        // An error of the arguments themselves, which clap finds.
        let o = run(way.keyturn(&home, &["profile", "add", "p"]));
        assert_eq!(o.status.code(), Some(2), "{way:?}");
        let e = err(&o);
        assert!(e.starts_with("错误：缺少以下必需的参数："), "{way:?}: {e}");
        assert!(
            e.contains("--provider <PROVIDER>") && e.contains("用法："),
            "{e}"
        );
    }
    let [o, _] = english(&home, &["ops", "no.such.op"]).map(run);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("error: no operation \"no.such.op\""));

    // A language Keyturn does not have: refused by --lang, passed over
    // (and said) in KEYTURN_LANG.
    let o = run(home.keyturn(&["--lang", "fr", "ops"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("'fr'"), "{}", err(&o));
    let mut c = home.keyturn(&["ops"]);
    c.env("KEYTURN_LANG", "fr").env("LANG", "zh_CN.UTF-8");
    let o = run(c);
    assert!(o.status.success());
    assert!(out(&o).contains("阿里云"), "the locale decides");
    assert!(err(&o).contains("KEYTURN_LANG"), "{}", err(&o));
    // LC_ALL=C asks for no translation, whatever LANGUAGE says.
    let mut c = home.keyturn(&["ops"]);
    c.env("LANGUAGE", "zh_CN").env("LC_ALL", "C");
    assert!(out(&run(c)).contains("Alibaba Cloud"));
}

#[test]
fn help_is_in_chinese() {
    let home = Home::new("zh-help");
    for way in WAYS {
        let o = run(way.keyturn(&home, &["--help"]));
        assert!(o.status.success(), "{way:?}");
        let text = out(&o);
        for words in [
            "Keyturn 用于轮换托管数据库和缓存服务的密码",
            "用法：keyturn",
            "命令:",
            "选项:",
            "列出修改密码的操作",
            "退出状态：",
            "KEYTURN_LANG",
        ] {
            assert!(text.contains(words), "{way:?}: {words} missing:\n{text}");
        }
    }
    let o = run(Way::Flag.keyturn(&home, &["profile", "add", "--help"]));
    let text = out(&o);
    assert!(
        text.contains("添加配置；AccessKey Secret 从标准输入读取"),
        "{text}"
    );
    assert!(
        text.contains("参数:") && text.contains("显示帮助"),
        "{text}"
    );
    // --lang after the subcommand works too.
    let o = run(home.keyturn(&["ops", "--lang", "zh-CN", "--help"]));
    assert!(out(&o).contains("列出修改密码的操作"), "{}", out(&o));
}

/// The man pages follow the language: the Chinese ones have Chinese text
/// and headings, the same pages as the English ones, and no English
/// heading left; the English page is English whatever the locale says.
#[test]
fn man_pages_are_in_the_language_asked_for() {
    let home = Home::new("zh-man");
    let [english, _] = english(&home, &["manpage"]).map(run);
    let english = out(&english);
    assert!(
        english.contains("Keyturn rotates the passwords"),
        "{english}"
    );
    assert!(english.contains(".SH \"EXIT STATUS\""), "{english}");
    for way in WAYS {
        let o = run(way.keyturn(&home, &["manpage"]));
        let page = out(&o);
        assert!(page.contains("Keyturn 用于轮换"), "{way:?}: {page}");
        assert!(page.contains(".SH \"退出状态\""), "{way:?}: {page}");
        assert!(
            page.contains("阿里云 DTS ModifyConsumerGroupPassword"),
            "{way:?}"
        );
        // Where things are kept, in Chinese too (it was the one English
        // section), and as they are now: one item per resource, the locks.
        let files = page
            .split(".SH \"文件\"")
            .nth(1)
            .and_then(|rest| rest.split(".SH").next())
            .unwrap_or_else(|| panic!("{way:?}: no FILES section"));
        assert!(files.contains("数据文件夹"), "{way:?}: {files}");
        assert!(files.contains("resource:"), "{way:?}: {files}");
        assert!(files.contains("keyturn/locks/"), "{way:?}: {files}");
        assert!(
            !has_english_phrase(&files.replace("Secret Service", "")),
            "{way:?}: {files}"
        );
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS"] {
            assert!(
                !page.contains(&format!(".SH {heading}\n")),
                "{way:?}: {heading}"
            );
            assert!(
                !page.contains(&format!(".SH \"{heading}\"")),
                "{way:?}: {heading}"
            );
        }
    }

    let pages = |dir: &std::path::Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let (en_dir, zh_dir) = (home.dir.join("man-en"), home.dir.join("man-zh"));
    let o = run(home.keyturn(&["manpage", "--dir", &en_dir.display().to_string()]));
    assert!(o.status.success(), "{}", err(&o));
    let o = run(Way::Flag.keyturn(&home, &["manpage", "--dir", &zh_dir.display().to_string()]));
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("个手册页"), "{}", err(&o));
    assert_eq!(pages(&zh_dir), pages(&en_dir));
    let add = std::fs::read_to_string(zh_dir.join("keyturn-profile-add.1")).unwrap();
    assert!(
        add.contains("添加配置") && add.contains(".SH 选项"),
        "{add}"
    );
}

/// Runs `args` in English (both ways) and in Chinese (every way) and
/// asserts the same exit code and byte-identical standard output.
fn same_in_every_language(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Output {
    let with_env = |mut c: Command| {
        for (k, v) in env {
            c.env(k, v);
        }
        c
    };
    let [reference, over_locale] = english(home, args).map(|c| run(with_env(c)));
    assert_eq!(out(&over_locale), out(&reference), "{args:?}");
    for way in WAYS {
        let o = run(with_env(way.keyturn(home, args)));
        assert_eq!(o.status.code(), reference.status.code(), "{way:?} {args:?}");
        assert_eq!(o.stdout, reference.stdout, "{way:?} {args:?}");
    }
    reference
}

#[test]
fn json_and_signed_requests_are_byte_identical_in_every_language() {
    let home = Home::new("zh-json");
    for args in [
        &["profile", "list", "--json"][..],
        &["password", "list", "--json"],
        &["history", "--json"],
        &["recover", "--json"],
    ] {
        let o = same_in_every_language(&home, args, &[]);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        let _: Value = serde_json::from_slice(&o.stdout).unwrap();
    }
    // A signed request, printed as JSON, with time and nonce fixed.
    let env = [
        ("KEYTURN_KEY_SECRET", "fake-secret-0123456789"),
        ("NEW_PW", "FakeNewPass42"),
    ];
    let request = [
        "request",
        UREDIS,
        "--key-id",
        "FAKEKEYID",
        "--at",
        "2026-03-04T05:06:07Z",
        "--nonce",
        "fixed-nonce",
        "--region",
        "cn-bj2",
        "--param",
        "GroupId=uredis-abc123",
        "--param",
        "Password=env:NEW_PW",
    ];
    let o = same_in_every_language(&home, &request, &env);
    assert!(o.status.success(), "{}", err(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["body"]
            .as_str()
            .unwrap()
            .contains("GroupId=uredis-abc123")
    );
    // A refused one: the same exit code, nothing on stdout.
    let mut refused = request.to_vec();
    refused.extend_from_slice(&["--param", "Colour=red"]);
    let o = same_in_every_language(&home, &refused, &env);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

/// A change sent with `--json`: the outcome's words (the `keyring` note
/// included) are English in every language, like its field names.
#[test]
fn a_sent_change_reads_the_same_as_json_in_every_language() {
    common::require_keyring();
    let home = Home::new("zh-send");
    let (_runtime, emulator) = common::emulator("FAKEKEYID", "fake-emulator-secret-zh", None);
    // One change of the same group, in `lang`, with `password` as the new one.
    let request = |lang: &str, password: &str, json: bool| {
        let url = emulator.url();
        let mut args = vec![
            "--lang",
            lang,
            "request",
            UREDIS,
            "--key-id",
            "FAKEKEYID",
            "--endpoint",
            &url,
            "--region",
            "cn-bj2",
            "--param",
            "GroupId=uredis-zh-json",
            "--param",
            "Password=env:NEW_PW",
            "--send",
        ];
        if json {
            args.push("--json");
        }
        let mut c = home.keyturn(&args);
        c.env("KEYTURN_KEY_SECRET", "fake-emulator-secret-zh")
            .env("NEW_PW", password);
        run(c)
    };
    let send = |lang: &str, password: &str| {
        let o = request(lang, password, true);
        assert_eq!(o.status.code(), Some(0), "{lang}: {}", err(&o));
        let mut v: Value = serde_json::from_slice(&o.stdout).unwrap();
        // What differs from one change to the next.
        for volatile in ["attempt", "request_id"] {
            if let Some(field) = v.get_mut(volatile) {
                *field = Value::Null;
            }
        }
        v
    };
    let english = send("en", "FakeZhJson11");
    let chinese = send("zh-CN", "FakeZhJson22");
    assert_eq!(chinese, english);
    assert!(english["keyring"].is_string(), "{english}");

    // Without --json, the outcome and where the passwords are, in Chinese.
    let o = request("zh-CN", "FakeZhJson33", false);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    assert!(text.starts_with("密码已修改"), "{text}");
    assert!(text.contains("新密码现已成为系统密钥环中"), "{text}");
    let o = run(Way::Flag.keyturn(&home, &["history"]));
    assert!(out(&o).contains("成功"), "{}", out(&o));
}

/// Whether `text` holds an English phrase (two English words in a row):
/// ids, wire names and console terms (Secret, ASCII) may stay, sentences
/// may not.
fn has_english_phrase(text: &str) -> bool {
    // The consoles' own terms, which the Chinese consoles keep in English.
    let text = ["AccessKey ID", "AccessKey Secret", "Secret Service"]
        .iter()
        .fold(text.to_owned(), |t, term| t.replace(term, ""));
    text.split(|c: char| !c.is_ascii_alphabetic() && c != ' ')
        .any(|part| part.split_whitespace().count() >= 2)
}

/// The rarer input errors, an id a path cannot hold and an expiry in the
/// past, are in Chinese too (they kept the core's English), and refuse as
/// before.
#[test]
fn rarer_input_errors_are_in_chinese() {
    let home = Home::new("zh-inputs");
    let mut c = Way::Flag.keyturn(
        &home,
        &[
            "request",
            DCS,
            "--key-id",
            "KTFAKEZHKEY",
            "--region",
            "cn-north-4",
            "--param",
            "project_id=not/a/project",
            "--param",
            "instance_id=i-1",
            "--param",
            "old_password=env:KT_OLD",
            "--param",
            "new_password=env:KT_NEW",
        ],
    );
    c.env("KT_OLD", "Zh-Fake-Old-1")
        .env("KT_NEW", "Zh-Fake-New-22");
    let o = run(c);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let said = err(&o);
    assert!(
        said.contains("project_id 只能由1 到 64 个 ASCII 字母"),
        "{said}"
    );
    assert!(!has_english_phrase(&said), "{said}");

    let mut c = Way::KeyturnLang.keyturn(
        &home,
        &[
            "request",
            TCAPLUS,
            "--key-id",
            "KTFAKEZHKEY",
            "--region",
            "ap-guangzhou",
            "--param",
            "ClusterId=6000001",
            "--param",
            "OldPassword=env:KT_OLD",
            "--param",
            "NewPassword=env:KT_NEW",
            "--param",
            "OldPasswordExpireTime=2020-01-01 00:00:00",
        ],
    );
    c.env("KT_OLD", "Zh-Fake-Old-1")
        .env("KT_NEW", "Zh-Fake-New-22");
    let o = run(c);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let said = err(&o);
    assert!(said.contains("OldPasswordExpireTime 已经过去"), "{said}");
    assert!(!has_english_phrase(&said), "{said}");
}
