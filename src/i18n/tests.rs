use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;
use crate::words;

/// Each message of an .ftl file with the variables it uses (in its value,
/// its variants and its attributes).
fn messages(source: &Source) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source.text) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{}: {errors:?}", source.path),
    };
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                for attribute in &m.attributes {
                    pattern_vars(&attribute.value, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(
                    found.insert(id.clone(), vars).is_none(),
                    "{}: {id} twice",
                    source.path
                );
            }
            ast::Entry::Junk { content } => panic!("{}: junk {content:?}", source.path),
            _ => {}
        }
    }
    found
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// What differs between two languages' messages: ids only one has, and
/// ids whose variables differ.
fn differences(
    a: &BTreeMap<String, BTreeSet<String>>,
    b: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, vars) in a {
        match b.get(id) {
            None => problems.push(format!("{id}: only in the first")),
            Some(other) if other != vars => {
                problems.push(format!("{id}: variables {vars:?} against {other:?}"))
            }
            Some(_) => {}
        }
    }
    for id in b.keys().filter(|id| !a.contains_key(*id)) {
        problems.push(format!("{id}: only in the second"));
    }
    problems
}

#[test]
fn every_language_has_the_same_messages_with_the_same_variables() {
    let mut total = 0;
    for (english, chinese) in MESSAGES {
        let problems = differences(&messages(&english), &messages(&chinese));
        assert!(
            problems.is_empty(),
            "{} against {}:\n{}",
            english.path,
            chinese.path,
            problems.join("\n")
        );
        total += messages(&english).len();
    }
    assert!(total > 100, "{total} messages");
}

/// Every English message, from all of English's files.
fn english_messages() -> BTreeMap<String, BTreeSet<String>> {
    EN_US.iter().flat_map(messages).collect()
}

#[test]
fn a_missing_or_extra_id_or_variable_is_found() {
    let parse = |text: &'static str| {
        messages(&Source {
            path: "test.ftl",
            text,
        })
    };
    let english = parse("a = A { $x }\nb = B\n");
    assert!(differences(&english, &parse("a = 甲 { $x }\nb = 乙\n")).is_empty());
    assert_eq!(
        differences(&english, &parse("a = 甲 { $x }\n")),
        ["b: only in the first"]
    );
    assert_eq!(
        differences(&english, &parse("a = 甲 { $x }\nb = 乙\nc = 丙\n")),
        ["c: only in the second"]
    );
    assert_eq!(
        differences(&english, &parse("a = 甲 { $y }\nb = 乙\n")).len(),
        1
    );
    // A variable used only inside a plural's variants still counts.
    let plural = parse("a = { $n ->\n    [one] one { $x }\n   *[other] many\n}\nb = B\n");
    assert!(
        differences(&english, &plural)
            .iter()
            .any(|p| p.starts_with("a:"))
    );
}

#[test]
fn every_file_parses_and_no_message_is_defined_twice() {
    for lang in Lang::ALL {
        let (_, problems) = build(lang);
        assert!(problems.is_empty(), "{lang}: {problems:?}");
    }
    for (lang, sources) in [("en-US", EN_US), ("zh-CN", ZH_CN)] {
        let mut ids = BTreeSet::new();
        for source in sources {
            for id in messages(source).into_keys() {
                assert!(ids.insert(id.clone()), "{id} in two {lang} files");
            }
        }
    }
}

#[test]
fn the_catalogue_is_translated_exactly() {
    let wanted: BTreeSet<String> = words::catalog_texts()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let have: BTreeSet<String> = messages(&CATALOG_ZH_CN).into_keys().collect();
    let missing: Vec<_> = wanted.difference(&have).collect();
    let extra: Vec<_> = have.difference(&wanted).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "zh-CN/catalog.ftl lacks {missing:?} and has no use for {extra:?}"
    );
}

#[test]
fn every_hint_has_words_in_every_language() {
    let wanted: BTreeSet<String> = crate::outcome::hint::all()
        .into_iter()
        .map(|hint| hint.id().to_owned())
        .collect();
    for source in [MESSAGES[3].0, MESSAGES[3].1] {
        let have: BTreeSet<String> = messages(&source).into_keys().collect();
        let missing: Vec<_> = wanted.difference(&have).collect();
        let extra: Vec<_> = have.difference(&wanted).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{} lacks {missing:?} and has no use for {extra:?}",
            source.path
        );
    }
    let hint = crate::outcome::AuthProblem::ClockSkew.hint();
    with_language(ZH, || {
        assert_eq!(
            words::hint(hint),
            "本机时钟与云厂商的相差太多。请开启自动校时（NTP）后重试。"
        );
    });
    with_language(EN, || {
        assert!(words::hint(hint).starts_with("This computer's clock"))
    });
}

#[test]
fn text_is_plain_without_bidi_isolation_marks() {
    let mut args = FluentArgs::new();
    args.set("message", "x");
    assert_eq!(tr_in(Lang::English, "error-line", Some(&args)), "error: x");
    assert_eq!(
        tr_in(Lang::SimplifiedChinese, "error-line", Some(&args)),
        "错误：x"
    );
}

#[test]
fn plurals_follow_each_language() {
    let add = |lang, n: usize| {
        let mut args = FluentArgs::new();
        args.set("count", n);
        tr_in(lang, "shortfall-add-characters", Some(&args))
    };
    assert_eq!(add(Lang::English, 1), "add 1 more character");
    assert_eq!(add(Lang::English, 3), "add 3 more characters");
    assert_eq!(add(Lang::SimplifiedChinese, 1), "还需 1 个字符");
    assert_eq!(add(Lang::SimplifiedChinese, 3), "还需 3 个字符");
}

/// A bundle of `lang` made of `text` alone.
fn test_bundle(lang: Lang, text: &str) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_owned()).unwrap();
    bundle.add_resource(resource).unwrap();
    bundle
}

#[test]
fn a_message_missing_from_a_language_comes_in_english_never_as_its_id() {
    let english = test_bundle(
        Lang::English,
        "only-english = In English { $n }\nboth = Both\n",
    );
    let chinese = test_bundle(Lang::SimplifiedChinese, "both = 两者\n");
    let mut args = FluentArgs::new();
    args.set("n", 2);
    assert_eq!(
        lookup(&chinese, &english, "only-english", Some(&args)),
        "In English 2"
    );
    assert_eq!(lookup(&chinese, &english, "both", None), "两者");
    // A Chinese message that cannot be formatted (a variable not given)
    // falls back too.
    let broken = test_bundle(Lang::SimplifiedChinese, "only-english = 中文 { $m }\n");
    assert_eq!(
        lookup(&broken, &english, "only-english", Some(&args)),
        "In English 2"
    );
}

#[test]
fn the_current_language_can_change_at_any_time() {
    // (The process-wide switch itself is exercised by the command line's
    // and the window's tests, each in a process or behind a lock of its own.)
    with_language(ZH, || {
        assert_eq!(language(), ZH);
        assert_eq!(tr("rule-alphabet"), "只含允许的字符");
        assert_eq!(tr_or("no-such-catalog-text", "English"), "English");
    });
    with_language(EN, || {
        assert_eq!(tr("rule-alphabet"), "only allowed characters");
        assert_eq!(
            tr!("error-unknown-operation", id = "\"x\""),
            "no operation \"x\"; `keyturn ops` lists them"
        );
    });
}

#[test]
fn languages_have_a_tag_an_argument_and_a_name_for_a_picker() {
    let names: Vec<_> = Lang::ALL.iter().map(|l| l.display_name()).collect();
    assert_eq!(names, ["English", "简体中文"]);
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.tag()), Some(lang));
        assert_eq!(Lang::parse(lang.arg()), Some(lang));
        assert_eq!(Lang::from_index(lang.index()), lang);
    }
}

/// An environment holding exactly `vars`.
fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

const ZH: Lang = Lang::SimplifiedChinese;
const EN: Lang = Lang::English;

#[test]
fn the_choice_goes_explicit_then_keyturn_lang_then_language_then_the_locale() {
    let all = [
        ("KEYTURN_LANG", "zh-CN"),
        ("LANGUAGE", "en_US"),
        ("LC_ALL", "zh_CN.UTF-8"),
        ("LC_MESSAGES", "en_US.UTF-8"),
        ("LANG", "zh_CN.UTF-8"),
    ];
    assert_eq!(choose(Some(EN), env(&all)), EN, "explicit first");
    assert_eq!(choose(None, env(&all)), ZH, "then KEYTURN_LANG");
    assert_eq!(choose(None, env(&all[1..])), EN, "then LANGUAGE");
    assert_eq!(choose(None, env(&all[2..])), ZH, "then LC_ALL");
    assert_eq!(choose(None, env(&all[3..])), EN, "then LC_MESSAGES");
    assert_eq!(choose(None, env(&all[4..])), ZH, "then LANG");
    assert_eq!(choose(None, env(&[])), EN, "else English");
    // Set but empty is unset.
    assert_eq!(
        choose(
            None,
            env(&[
                ("KEYTURN_LANG", ""),
                ("LC_ALL", ""),
                ("LANG", "zh_CN.UTF-8")
            ])
        ),
        ZH
    );
}

#[test]
fn keyturn_lang_takes_the_same_names_as_lang_and_passes_over_others() {
    for value in ["zh-CN", "zh_CN", "zh", "ZH-cn", "zh-Hans", "zh_CN.UTF-8"] {
        assert_eq!(choose(None, env(&[("KEYTURN_LANG", value)])), ZH, "{value}");
    }
    for value in ["en", "en-US", "en_GB.UTF-8", "C"] {
        assert_eq!(
            choose(
                None,
                env(&[("KEYTURN_LANG", value), ("LANG", "zh_CN.UTF-8")])
            ),
            EN,
            "{value}"
        );
    }
    // Unknown: the system decides.
    assert_eq!(
        choose(
            None,
            env(&[("KEYTURN_LANG", "klingon"), ("LANG", "zh_CN.UTF-8")])
        ),
        ZH
    );
}

#[test]
fn language_is_a_list_whose_first_known_entry_wins() {
    assert_eq!(choose(None, env(&[("LANGUAGE", "fr:zh_CN:en")])), ZH);
    assert_eq!(choose(None, env(&[("LANGUAGE", "zh_TW:zh_CN")])), ZH);
    assert_eq!(choose(None, env(&[("LANGUAGE", "de:en:zh")])), EN);
    // None known: English, as gettext would show, not the locale.
    assert_eq!(
        choose(None, env(&[("LANGUAGE", "fr:de"), ("LANG", "zh_CN.UTF-8")])),
        EN
    );
}

#[test]
fn a_c_locale_gives_english_even_with_language_set() {
    for c in ["C", "POSIX", "C.UTF-8"] {
        assert_eq!(choose(None, env(&[("LANG", c)])), EN, "{c}");
        assert_eq!(
            choose(None, env(&[("LANGUAGE", "zh_CN"), ("LC_ALL", c)])),
            EN,
            "LANGUAGE with LC_ALL={c}"
        );
    }
}

#[test]
fn locale_names_map_to_languages_simplified_chinese_only() {
    for zh in [
        "zh_CN.UTF-8",
        "zh_CN.GB18030",
        "zh_CN",
        "zh",
        "zh_SG.UTF-8",
        "zh-Hans",
        "zh-Hans-CN",
        "zh-Hans-HK",
    ] {
        assert_eq!(Lang::parse(zh), Some(ZH), "{zh}");
    }
    for en in ["en_US.UTF-8", "en_GB", "en", "en_IN@euro", "C", "POSIX"] {
        assert_eq!(Lang::parse(en), Some(EN), "{en}");
    }
    // Traditional Chinese and other languages: not one Keyturn has.
    for other in [
        "zh_TW.UTF-8",
        "zh_HK",
        "zh-MO",
        "zh-Hant",
        "zh-Hant-TW",
        "fr_FR.UTF-8",
        "",
    ] {
        assert_eq!(Lang::parse(other), None, "{other}");
    }
    assert_eq!(choose(None, env(&[("LANG", "zh_TW.UTF-8")])), EN);
    assert_eq!(choose(None, env(&[("LANG", "fr_FR.UTF-8")])), EN);
}

/// Every literal message id in the code (a string like `"rule-alphabet"`
/// whose first word starts some English message) is an English message: a
/// typo would otherwise show up only as its id, at run time. (Other strings
/// of that shape, such as widget ids, must therefore not start with a
/// message's first word.)
#[test]
fn every_message_id_in_the_code_exists_in_english() {
    let english = english_messages();
    let prefixes: BTreeSet<&str> = english
        .keys()
        .filter_map(|id| id.split('-').next())
        // Built from data at run time, checked against their sources.
        .filter(|p| !matches!(*p, "catalog"))
        .collect();
    let mut files = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    let mut unknown = Vec::new();
    let mut seen = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                files.push(entry.unwrap().path());
            }
            continue;
        }
        // The demo's profile names ("demo-huawei") are data.
        let in_demo = path.parent().is_some_and(|dir| dir.ends_with("src/demo"));
        if path.extension().is_none_or(|e| e != "rs") || in_demo {
            continue;
        }
        let code: String = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .map(|line| format!("{line}\n"))
            .collect();
        for literal in code.split('"').skip(1).step_by(2) {
            let looks_like_id = literal.contains('-')
                && !literal.ends_with('-')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && literal
                    .split('-')
                    .next()
                    .is_some_and(|p| prefixes.contains(p));
            if !looks_like_id {
                continue;
            }
            seen += 1;
            if !english.contains_key(literal) {
                unknown.push(format!("{}: {literal}", path.display()));
            }
        }
    }
    assert!(seen > 100, "only {seen} ids found: is the scan broken?");
    assert!(
        unknown.is_empty(),
        "not in any en-US file:\n{}",
        unknown.join("\n")
    );
}
