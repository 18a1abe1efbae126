//! The `keyturn` command line, run as a user runs it.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::{OPS, err, forms, out, run, run_with_stdin};
use keyturn::http::{HttpRequest, Scheme};
use keyturn::sign::{Credentials, acs3, huawei, tc3, ucloud};
use secrecy::SecretString;
use serde_json::Value;

const KEY_SECRET: &str = "fake-secret-0123456789";
const NEW: &str = "FakeNewPass42";
const OLD: &str = "FakeOldPass41";
const AT: &str = "2026-03-04T05:06:07Z";

/// `keyturn` with this process's folders, which the tests here share, and
/// a clean environment.
fn keyturn() -> Command {
    let home = std::env::temp_dir().join(format!("keyturn-cli-{}", std::process::id()));
    common::keyturn_in(&home, &[])
}

/// A `keyturn request` for each operation, with every required field.
fn request(op: &str) -> Command {
    let mut c = keyturn();
    c.args([
        "request",
        op,
        "--key-id",
        "FAKEKEYID",
        "--at",
        AT,
        "--nonce",
        "fixed-nonce",
    ])
    .env("KEYTURN_KEY_SECRET", KEY_SECRET)
    .env("NEW_PW", NEW)
    .env("OLD_PW", OLD)
    // DDS wants all four kinds of character.
    .env("DDS_PW", "Fake-New-Pass42");
    let params: &[&str] = match op {
        "aliyun.dts.modify-consumer-group-password" => &[
            "SubscriptionInstanceId=dtsg2m10r1x15a",
            "ConsumerGroupID=dtswc411cg617p",
            "ConsumerGroupPassword=env:OLD_PW",
            "consumerGroupNewPassword=env:NEW_PW",
        ],
        "aliyun.dts.modify-dts-job-password" => &[
            "DtsJobId=l3m1213ye7l",
            "Endpoint=src",
            "UserName=dtstest",
            "Password=env:NEW_PW",
        ],
        "huaweicloud.dcs.update-password" => &[
            "project_id=0504201b5a80d3a22f6ec01a1f4b5c9c",
            "instance_id=5560df16-ebe1-4ad6-8a1e-0b1a9c1e4a2b",
            "old_password=env:OLD_PW",
            "new_password=env:NEW_PW",
        ],
        "ucloud.uredis.modify-group-password" => &["GroupId=uredis-abc123", "Password=env:NEW_PW"],
        "tencentcloud.tcaplusdb.modify-cluster-password" => &[
            "ClusterId=23311894780",
            "OldPassword=env:OLD_PW",
            "NewPassword=env:NEW_PW",
            "OldPasswordExpireTime=2099-03-05 00:00:00",
        ],
        "aliyun.r-kvstore.modify-account-password" => &[
            "InstanceId=r-bp1zxszhcgatnx",
            "AccountName=demoaccount",
            "OldAccountPassword=env:OLD_PW",
            "NewAccountPassword=env:NEW_PW",
        ],
        "aliyun.r-kvstore.reset-account-password" => &[
            "InstanceId=r-bp1zxszhcgatnx",
            "AccountName=demoaccount",
            "AccountPassword=env:NEW_PW",
        ],
        "aliyun.rds.reset-account-password" => &[
            "DBInstanceId=rm-uf6wjk5xxxxxxx",
            "AccountName=test1",
            "AccountPassword=env:NEW_PW",
        ],
        "aliyun.polardb.modify-account-password" => &[
            "DBClusterId=pc-abcdefgh",
            "AccountName=testacc",
            "NewAccountPassword=env:NEW_PW",
        ],
        "tencentcloud.redis.modify-instance-password" => &[
            "InstanceId=crs-5a4py64p",
            "OldPassword=env:OLD_PW",
            "Password=env:NEW_PW",
        ],
        "tencentcloud.redis.reset-password" => &[
            "InstanceId=crs-5a4py64p",
            "Password=env:NEW_PW",
            "NoAuth=false",
        ],
        "tencentcloud.cdb.modify-account-password" => &[
            "InstanceId=cdb-c1nl9rpv",
            "NewPassword=env:NEW_PW",
            "Accounts.0.User=app",
        ],
        "huaweicloud.rds.reset-password" => &[
            "project_id=0504201b5a80d3a22f6ec01a1f4b5c9c",
            "instance_id=161e33e453954e21acfff65bfa3dbfebin04",
            "db_user_pwd=env:NEW_PW",
            "X-Language=en-us",
        ],
        "huaweicloud.dds.reset-password" => &[
            "project_id=0504201b5a80d3a22f6ec01a1f4b5c9c",
            "instance_id=cc6345c64cec47499182467ea0dd432ain02",
            "user_pwd=env:DDS_PW",
        ],
        "ucloud.udb.modify-instance-password" => &["DBId=udb-abc123", "Password=env:NEW_PW"],
        other => panic!("{other}"),
    };
    for p in params {
        c.args(["--param", p]);
    }
    let region = match op.split('.').next() {
        Some("huaweicloud") => "cn-north-4",
        Some("ucloud") => "cn-bj2",
        Some("tencentcloud") => "ap-guangzhou",
        _ => "cn-hangzhou",
    };
    c.args(["--region", region]);
    c
}

#[test]
fn ops_lists_and_describes_every_operation() {
    let o = run({
        let mut c = keyturn();
        c.arg("ops");
        c
    });
    assert!(o.status.success());
    for op in OPS {
        assert!(out(&o).contains(op), "{op}");
        let mut c = keyturn();
        c.args(["ops", op]);
        let d = run(c);
        assert!(d.status.success());
        let text = out(&d);
        let catalog = keyturn::catalog::find(op).unwrap();
        for f in catalog
            .fields
            .iter()
            .filter(|f| Some(f.wire_name) != catalog.region.param)
        {
            assert!(text.contains(f.wire_name), "{op}: {}", f.wire_name);
        }
    }
    let mut c = keyturn();
    c.args(["ops", "no.such.op"]);
    let bad = run(c);
    assert_eq!(bad.status.code(), Some(2));
    assert!(err(&bad).contains("keyturn ops"));
}

#[test]
fn check_reports_rules_and_exit_code_without_echoing_the_password() {
    let mut c = keyturn();
    c.args(["check", "huaweicloud.dcs.update-password"]);
    let ok = run_with_stdin(c, "Sup3r-Fake-Pass!\n");
    assert_eq!(ok.status.code(), Some(0), "{}", err(&ok));
    assert!(out(&ok).contains("strength:"));
    assert!(!out(&ok).contains("Sup3r-Fake-Pass!"));

    let mut c = keyturn();
    c.args(["check", "huaweicloud.dcs.update-password"]);
    let bad = run_with_stdin(c, "short\n");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        out(&bad).contains(
            "✗ 8 to 32 characters (some versions accept up to 64): add 3 more characters"
        )
    );
    assert!(out(&bad).contains("✗ contains at least 3 of"));
}

#[test]
fn generated_passwords_pass_check_for_every_operation() {
    for op in OPS {
        let spec = keyturn::catalog::find(op)
            .unwrap()
            .new_password
            .policy
            .generator;
        for length in [spec.min, spec.default, spec.max] {
            let mut c = keyturn();
            c.args([
                "generate",
                op,
                "--length",
                &length.to_string(),
                "--avoid-lookalikes",
            ]);
            let g = run(c);
            assert!(g.status.success(), "{}", err(&g));
            let pw = out(&g);
            assert_eq!(pw.trim_end_matches('\n').chars().count(), length);
            let mut c = keyturn();
            c.args(["check", op]);
            let checked = run_with_stdin(c, &pw);
            assert_eq!(checked.status.code(), Some(0), "{op}: {}", out(&checked));
        }
        let mut c = keyturn();
        c.args(["generate", op, "--length", &(spec.max + 1).to_string()]);
        assert_eq!(run(c).status.code(), Some(2));
    }
}

fn request_json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", err(o));
    serde_json::from_slice(&o.stdout).expect("request prints JSON")
}

/// Rebuilds the printed request and checks that its signature covers
/// exactly what was printed.
fn verify_printed_signature(op: &str, v: &Value) {
    let creds = Credentials::new("FAKEKEYID", SecretString::from(KEY_SECRET.to_owned()));
    let url = url::Url::parse(v["url"].as_str().unwrap()).unwrap();
    let mut req = HttpRequest::new(
        v["method"].as_str().unwrap(),
        Scheme::Https,
        url.host_str().unwrap(),
        url.path(),
    );
    let auth = v["headers"]["authorization"].as_str().unwrap_or_default();
    // Only the headers the signature names (the printed request also shows
    // the unsigned ones that go on the wire: user-agent, content-length…).
    let signed: Vec<String> = auth
        .split_once("SignedHeaders=")
        .map(|(_, rest)| rest.split(',').next().unwrap_or_default())
        .unwrap_or_default()
        .split(';')
        .map(str::to_owned)
        .collect();
    req.headers = v["headers"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| {
            !k.eq_ignore_ascii_case("authorization")
                && (auth.is_empty() || signed.iter().any(|s| s.eq_ignore_ascii_case(k)))
        })
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect();
    req.query = v["query"]
        .as_object()
        .map(|q| {
            q.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                .collect()
        })
        .unwrap_or_default();
    req.body = v["body"].as_str().unwrap().to_owned().into();
    let sig = |s: &str| auth.ends_with(&format!("Signature={s}"));
    match op {
        "huaweicloud.dcs.update-password" => {
            let c = huawei::canonical_request(&req);
            let sts = huawei::StringToSign::new(req.header("X-Sdk-Date").unwrap(), &c);
            assert!(sig(&huawei::signature(&creds, &sts)), "{auth}");
        }
        "tencentcloud.tcaplusdb.modify-cluster-password" => {
            let t = time::OffsetDateTime::parse(AT, &time::format_description::well_known::Rfc3339)
                .unwrap();
            let c = tc3::canonical_request(&req);
            let sts = tc3::StringToSign::new(t, tc3::CredentialScope::new(t, "tcaplusdb"), &c);
            assert!(sig(&tc3::signature(&creds, &sts)), "{auth}");
        }
        "ucloud.uredis.modify-group-password" => {
            let params: Vec<(String, String)> = url::form_urlencoded::parse(req.body.as_bytes())
                .into_owned()
                .collect();
            let want = params
                .iter()
                .find(|(k, _)| k == "Signature")
                .unwrap()
                .1
                .clone();
            assert_eq!(
                ucloud::signature(&creds, &ucloud::StringToSign::new(&params)),
                want
            );
        }
        _ => {
            let c = acs3::canonical_request(&req);
            assert!(
                sig(&acs3::signature(&creds, &acs3::StringToSign::new(&c))),
                "{auth}"
            );
        }
    }
}

#[test]
fn request_is_signed_reproducible_and_masked() {
    for op in OPS {
        let first = run(request(op));
        let second = run(request(op));
        assert_eq!(first.stdout, second.stdout, "{op}: not reproducible");
        let masked = out(&first);
        for secret in [NEW, OLD].iter().flat_map(|s| forms(s)) {
            assert!(!masked.contains(&secret), "{op}: {secret} shown: {masked}");
        }
        assert!(!masked.contains(KEY_SECRET));
        assert!(masked.contains(keyturn::request::MASK), "{op}");

        let mut c = request(op);
        c.arg("--show-secrets");
        let shown = request_json(&run(c));
        let body = shown["body"].as_str().unwrap();
        if op.starts_with("aliyun") {
            // Alibaba's parameters travel in the query string.
            assert!(
                shown["url"].as_str().unwrap().contains("FakeNewPass42"),
                "{op}: {shown}"
            );
            assert!(body.is_empty(), "{op}: {body}");
        } else if op.starts_with("ucloud") {
            // The password travels base64-encoded inside a form body.
            assert!(body.contains("Password=RmFrZU5ld1Bhc3M0Mg%3D%3D"), "{body}");
        } else {
            assert!(body.contains(NEW), "{op}: {body}");
        }
        verify_printed_signature(op, &shown);
    }
}

/// The ten operations added after the first five: listed by `keyturn ops`
/// and built by `keyturn request` with no code of their own in the
/// command line.
const LATER_OPS: [&str; 10] = [
    "aliyun.r-kvstore.modify-account-password",
    "aliyun.r-kvstore.reset-account-password",
    "aliyun.rds.reset-account-password",
    "aliyun.polardb.modify-account-password",
    "tencentcloud.redis.modify-instance-password",
    "tencentcloud.redis.reset-password",
    "tencentcloud.cdb.modify-account-password",
    "huaweicloud.rds.reset-password",
    "huaweicloud.dds.reset-password",
    "ucloud.udb.modify-instance-password",
];

#[test]
fn later_operations_are_listed_and_build_requests() {
    let listed = out(&run({
        let mut c = keyturn();
        c.arg("ops");
        c
    }));
    for op in LATER_OPS {
        assert!(listed.contains(op), "{op}");
        let mut c = keyturn();
        c.args(["ops", op]);
        let d = run(c);
        assert!(d.status.success(), "{op}: {}", err(&d));
        let v = request_json(&run(request(op)));
        assert_eq!(
            v["method"],
            if op.starts_with("huaweicloud.dds") {
                "PUT"
            } else {
                "POST"
            },
            "{op}"
        );
        let shown = v.to_string();
        assert!(
            !shown.contains(NEW) && !shown.contains("Fake-New-Pass42"),
            "{op}: {v}"
        );
    }

    // Alibaba: every field in the query, the region choosing the host
    // through the SDK's table.
    let v = request_json(&run(request(LATER_OPS[0])));
    assert!(
        v["url"]
            .as_str()
            .unwrap()
            .starts_with("https://r-kvstore.aliyuncs.com/?AccountName=demoaccount"),
        "{v}"
    );
    assert_eq!(v["query"]["NewAccountPassword"], keyturn::request::MASK);
    assert_eq!(v["headers"]["x-acs-version"], "2015-01-01");

    // Tencent Redis: a boolean is a JSON boolean.
    let v = request_json(&run(request(LATER_OPS[5])));
    assert_eq!(v["url"], "https://redis.tencentcloudapi.com/");
    let body: Value = serde_json::from_str(v["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["NoAuth"], Value::Bool(false));

    // Tencent CDB: the one account is an array of one object, its host
    // the default `%`.
    let mut c = request(LATER_OPS[6]);
    c.arg("--show-secrets");
    let v = request_json(&run(c));
    let body: Value = serde_json::from_str(v["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "InstanceId": "cdb-c1nl9rpv",
            "NewPassword": NEW,
            "Accounts": [{"User": "app", "Host": "%"}],
        })
    );

    // Huawei RDS: the path, the SDK's content type, X-Language as a signed header.
    let v = request_json(&run(request(LATER_OPS[7])));
    assert_eq!(
        v["url"],
        "https://rds.cn-north-4.myhuaweicloud.com/v3/0504201b5a80d3a22f6ec01a1f4b5c9c/instances/161e33e453954e21acfff65bfa3dbfebin04/password"
    );
    assert_eq!(v["headers"]["content-type"], "application/json");
    assert_eq!(v["headers"]["x-language"], "en-us");
    let auth = v["headers"]["authorization"].as_str().unwrap();
    assert!(auth.contains("x-language"), "{auth}");

    // Huawei DDS: rwuser unless given.
    let v = request_json(&run(request(LATER_OPS[8])));
    let body: Value = serde_json::from_str(v["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["user_name"], "rwuser");
    // The database is sent only when chosen, as the SDK sends it; without
    // it the API means admin.
    assert!(body.get("db_name").is_none(), "{body}");

    // UCloud UDB: the password as typed, not base64.
    let mut c = request(LATER_OPS[9]);
    c.arg("--show-secrets");
    let v = request_json(&run(c));
    assert!(
        v["body"]
            .as_str()
            .unwrap()
            .contains(&format!("Password={NEW}")),
        "{v}"
    );
}

#[test]
fn region_goes_where_each_provider_wants_it() {
    // Alibaba: every parameter in the query string, as the SDK sends them;
    // the body is empty, so its hash holds nothing to mask.
    let v = request_json(&run(request(OPS[0])));
    assert!(
        v["url"]
            .as_str()
            .unwrap()
            .starts_with("https://dts.aliyuncs.com/?ConsumerGroupID="),
        "{v}"
    );
    assert_eq!(v["query"]["RegionId"], "cn-hangzhou");
    assert_eq!(
        v["query"]["consumerGroupNewPassword"],
        keyturn::request::MASK
    );
    assert_eq!(v["body"], "");
    assert_eq!(v["headers"]["x-acs-action"], "ModifyConsumerGroupPassword");
    assert_eq!(v["headers"]["x-acs-signature-nonce"], "fixed-nonce");
    assert_eq!(v["headers"]["accept"], "application/json");
    assert_eq!(
        v["headers"]["x-acs-content-sha256"],
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );

    let v = request_json(&run(request(OPS[2])));
    assert_eq!(
        v["url"],
        "https://dcs.cn-north-4.myhuaweicloud.com/v2/0504201b5a80d3a22f6ec01a1f4b5c9c/instances/5560df16-ebe1-4ad6-8a1e-0b1a9c1e4a2b/password"
    );
    assert_eq!(v["method"], "PUT");

    let v = request_json(&run(request(OPS[3])));
    assert!(v["body"].as_str().unwrap().contains("Region=cn-bj2"));
    assert_eq!(v["url"], "https://api.ucloud.cn/");

    let v = request_json(&run(request(OPS[4])));
    assert_eq!(v["headers"]["x-tc-region"], "ap-guangzhou");
    assert_eq!(v["headers"]["x-tc-timestamp"], "1772600767");
    let body: Value = serde_json::from_str(v["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["Mode"], "1");
    assert_eq!(body["OldPasswordExpireTime"], "2099-03-05 00:00:00");
}

#[test]
fn a_literal_password_on_the_command_line_is_refused_and_not_echoed() {
    let mut c = request(OPS[2]);
    c.args(["--param", "new_password=Literal-Fake-99"]);
    // Given twice is an error too; use a fresh command without the env one.
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    assert!(!err(&o).contains("Literal-Fake-99"));

    let mut c = keyturn();
    c.args(["request", OPS[3], "--key-id", "K", "--region", "cn-bj2"])
        .args([
            "--param",
            "GroupId=g",
            "--param",
            "Password=Literal-Fake-99",
        ])
        .env("KEYTURN_KEY_SECRET", KEY_SECRET);
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("Password is a password: it cannot be given as plain text"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("Literal-Fake-99"));
    assert!(o.stdout.is_empty());
}

#[test]
fn broken_rules_and_bad_fields_exit_2_with_every_problem_named() {
    let mut c = keyturn();
    c.args([
        "request",
        OPS[4],
        "--key-id",
        "K",
        "--region",
        "ap-guangzhou",
    ])
    .args([
        "--param",
        "ClusterId=1",
        "--param",
        "OldPassword=env:OLD_PW",
    ])
    .args([
        "--param",
        "NewPassword=env:BAD_PW",
        "--param",
        "OldPasswordExpireTime=tomorrow",
    ])
    .args(["--param", "Mode=3", "--param", "Colour=blue"])
    .env("KEYTURN_KEY_SECRET", KEY_SECRET)
    .env("OLD_PW", OLD)
    .env("BAD_PW", "alllowercase1");
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("no field \"Colour\""), "{e}");
    assert!(
        e.contains("OldPasswordExpireTime must be a time written YYYY-MM-DD HH:MM:SS"),
        "{e}"
    );
    assert!(
        e.contains("Mode must be one of: 1 (change the password), 2"),
        "{e}"
    );
    assert!(e.contains("✗ contains a lower-case letter, an upper-case letter and a digit: add an upper-case letter"), "{e}");
    assert!(!e.contains("alllowercase1"));
    assert!(o.stdout.is_empty());
}

#[test]
fn dts_job_current_password_is_checked_but_never_sent() {
    let mut c = request(OPS[1]);
    c.args(["--param", "CurrentPassword=env:NEW_PW"]);
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("differs from the current password"));

    let mut c = request(OPS[1]);
    c.args(["--param", "CurrentPassword=env:OLD_PW", "--show-secrets"]);
    let v = request_json(&run(c));
    assert!(!v["body"].as_str().unwrap().contains("CurrentPassword"));
    assert!(!v["body"].as_str().unwrap().contains(OLD));
}

#[test]
fn uredis_empty_password_needs_explicit_confirmation() {
    let base = |confirm: bool| {
        let mut c = keyturn();
        c.args([
            "request",
            OPS[3],
            "--key-id",
            "K",
            "--region",
            "cn-bj2",
            "--show-secrets",
        ])
        .args(["--param", "GroupId=g", "--param", "Password=env:EMPTY"])
        .env("KEYTURN_KEY_SECRET", KEY_SECRET)
        .env("EMPTY", "");
        if confirm {
            c.args(["--allow-empty", "Password"]);
        }
        run(c)
    };
    let refused = base(false);
    assert_eq!(refused.status.code(), Some(2));
    assert!(err(&refused).contains("an empty Password removes the group's password"));
    let v = request_json(&base(true));
    assert!(
        v["body"]
            .as_str()
            .unwrap()
            .split('&')
            .any(|p| p == "Password=")
    );
}

#[test]
fn missing_key_secret_and_plain_http_endpoints_are_refused() {
    let mut c = request(OPS[0]);
    c.env_remove("KEYTURN_KEY_SECRET");
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("KEYTURN_KEY_SECRET is not set"));

    let mut c = request(OPS[0]);
    c.args(["--endpoint", "http://dts.example.com"]);
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("only to a loopback address"));

    let mut c = request(OPS[0]);
    c.args(["--endpoint", "http://127.0.0.1:8787"]);
    let v = request_json(&run(c));
    assert!(
        v["url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:8787/?"),
        "{v}"
    );
}

#[test]
fn no_secret_reaches_the_logs_even_at_trace_level() {
    for op in OPS {
        let mut c = request(op);
        c.env("RUST_LOG", "trace");
        let o = run(c);
        assert!(o.status.success());
        let all = format!("{}{}", out(&o), err(&o));
        for secret in [KEY_SECRET, NEW, OLD].iter().flat_map(|s| forms(s)) {
            assert!(!all.contains(&secret), "{op}: {secret} leaked");
        }
    }
}

#[test]
fn rust_log_turns_on_more_logs_and_a_bad_one_is_said_not_ignored() {
    let mut c = request(OPS[0]);
    c.env("RUST_LOG", "keyturn=debug");
    let o = run(c);
    assert!(o.status.success());
    assert!(err(&o).contains("signed request"), "{}", err(&o));

    let quiet = run(request(OPS[0]));
    assert!(quiet.status.success());
    assert!(!err(&quiet).contains("signed request"));

    let mut c = request(OPS[0]);
    c.env("RUST_LOG", "=x=y");
    let o = run(c);
    assert!(
        o.status.success(),
        "a bad RUST_LOG must not stop the command"
    );
    assert!(
        err(&o).contains("RUST_LOG was not understood"),
        "{}",
        err(&o)
    );
}

#[test]
fn with_no_arguments_and_no_display_the_window_says_why_it_cannot_open() {
    let mut c = keyturn();
    c.env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET");
    let o = run(c);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("could not open the window"), "{}", err(&o));
    assert!(out(&o).is_empty());
}

#[test]
fn a_closed_standard_output_does_not_hide_the_outcome_of_a_send() {
    // Nothing listens on port 1: the outcome is "not sent" (exit 1), and it
    // must stay exit 1 even though it cannot be printed.
    let mut c = request(OPS[2]);
    c.args(["--send", "--endpoint", "http://127.0.0.1:1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    // Close the reading end before keyturn writes anything.
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let e = err(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    // The reader left on purpose: nothing to report.
    assert!(!e.contains("standard output"), "{e}");

    // A full disk is reported, and the exit code still gives the outcome.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut c = request(OPS[2]);
    c.args(["--send", "--endpoint", "http://127.0.0.1:1"])
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped());
    let o = c.output().unwrap();
    let e = err(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("could not write to standard output"), "{e}");
}

/// One request as it arrived on a loopback socket: the request line, the
/// headers (names lower-cased) and the body. Answers `{}` and closes.
fn record_one(listener: std::net::TcpListener) -> (String, Vec<(String, String)>, Vec<u8>) {
    use std::io::{BufRead, BufReader, Read};
    let (stream, _) = listener.accept().unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let request_line = line.trim_end().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).unwrap();
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (name, value) = h.split_once(':').unwrap();
        // As written on the wire: its case kept.
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let mut stream = stream;
    let _ = stream.write_all(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}",
    );
    (request_line, headers, body)
}

/// A printed request's headers in the order printed (a JSON object's
/// members, which `serde_json::Value` would sort by name).
fn printed_headers(stdout: &[u8]) -> Vec<(String, String)> {
    struct Ordered(Vec<(String, String)>);
    impl<'de> serde::Deserialize<'de> for Ordered {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Members;
            impl<'de> serde::de::Visitor<'de> for Members {
                type Value = Ordered;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object of strings")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Ordered, A::Error> {
                    let mut all = Vec::new();
                    while let Some(member) = map.next_entry::<String, String>()? {
                        all.push(member);
                    }
                    Ok(Ordered(all))
                }
            }
            d.deserialize_map(Members)
        }
    }
    #[derive(serde::Deserialize)]
    struct Printed {
        headers: Ordered,
    }
    serde_json::from_slice::<Printed>(stdout)
        .expect("request prints JSON")
        .headers
        .0
}

/// What `keyturn request` prints is what `--send` puts on the wire, line
/// for line: the same request line, every printed header in the printed
/// order and case with its value (accept, user-agent, host and
/// content-length included), no other header, and the same body. Signed
/// with the same time and nonce, the two are the same request down to the
/// signature. Read off the socket itself: an HTTP server (the emulator's
/// included) would hand over the headers with their names lower-cased.
#[test]
fn the_printed_request_is_the_request_on_the_wire() {
    // Sending stages the new password in the keyring first; without one,
    // nothing is sent and the recorder below would wait for ever.
    common::require_keyring();
    for op in OPS {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let recorder = std::thread::spawn(move || record_one(listener));

        let mut printed = request(op);
        printed.args(["--endpoint", &endpoint, "--show-secrets"]);
        let printed_output = run(printed);
        let printed = request_json(&printed_output);
        let mut masked = request(op);
        masked.args(["--endpoint", &endpoint]);
        let masked = printed_headers(&run(masked).stdout);

        let mut sent = request(op);
        sent.args(["--endpoint", &endpoint, "--send", "--timeout", "5"]);
        let o = run(sent);
        let (request_line, wire_headers, wire_body) = recorder.join().unwrap();
        assert!(o.status.code().is_some(), "{op}: {}", err(&o));
        // The recorder's answer settles nothing: discard the open change, so
        // that its pending password leaves the (shared) keyring.
        let mut list = keyturn();
        list.args(["recover", "--json"]);
        let open: Vec<Value> = serde_json::from_slice(&run(list).stdout).unwrap();
        for attempt in open {
            let mut discard = keyturn();
            discard.args(["recover", attempt["attempt"].as_str().unwrap(), "--discard"]);
            assert!(run(discard).status.success(), "{op}");
        }

        let url = url::Url::parse(printed["url"].as_str().unwrap()).unwrap();
        let target = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        };
        assert_eq!(
            request_line,
            format!("{} {target} HTTP/1.1", printed["method"].as_str().unwrap()),
            "{op}"
        );
        let line = |(name, value): &(String, String)| format!("{name}: {value}");
        let printed_lines: Vec<String> = printed_headers(&printed_output.stdout)
            .iter()
            .map(line)
            .collect();
        let wire_lines: Vec<String> = wire_headers.iter().map(line).collect();
        assert_eq!(
            wire_lines, printed_lines,
            "{op}: the wire's header lines differ from the printed ones"
        );
        // Masked, the same lines but for the masked values.
        assert_eq!(masked.len(), wire_headers.len(), "{op}");
        for ((name, value), (wire_name, wire_value)) in masked.iter().zip(&wire_headers) {
            assert_eq!(name, wire_name, "{op}");
            assert!(value == wire_value || value == "********", "{op}: {name}");
        }
        assert_eq!(
            String::from_utf8(wire_body).unwrap(),
            printed["body"].as_str().unwrap(),
            "{op}"
        );
    }
}

/// `--version` names the store this computer's settings choose: the
/// keyring by default, and when the settings cannot be read, says so
/// instead of naming the keyring it would not use.
#[test]
fn version_names_the_store_or_why_its_settings_cannot_be_read() {
    let home = common::Home::new("cli-version-store");
    let shown = home.run(&["--version"], "");
    assert!(shown.status.success(), "{}", err(&shown));
    assert!(
        out(&shown).contains("store: the OS keyring of this computer"),
        "{}",
        out(&shown)
    );

    let settings = home.paths().config_dir.join("store.json");
    std::fs::create_dir_all(settings.parent().unwrap()).unwrap();
    std::fs::write(&settings, "{not json").unwrap();
    let shown = home.run(&["--version"], "");
    assert!(shown.status.success(), "{}", err(&shown));
    assert!(
        out(&shown).contains("store: the team store's settings cannot be used"),
        "{}",
        out(&shown)
    );
    assert!(!out(&shown).contains("OS keyring of this computer"));
}

/// `keyturn request` for ModifyDtsJobPassword, DCS and URedis with one
/// field changed (and a region), printed without sending.
fn request_with(op: &str, region: &str, change: (&str, &str), extra: &[&str]) -> Output {
    let mut c = keyturn();
    c.args(["request", op, "--key-id", "FAKEKEYID", "--region", region])
        .env("KEYTURN_KEY_SECRET", KEY_SECRET)
        .env("NEW_PW", NEW)
        .env("OLD_PW", OLD);
    let params: &[(&str, &str)] = match op {
        "huaweicloud.dcs.update-password" => &[
            ("project_id", "0504201b5a80d3a22f6ec01a1f4b5c9c"),
            ("instance_id", "5560df16-ebe1-4ad6-8a1e-0b1a9c1e4a2b"),
            ("old_password", "env:OLD_PW"),
            ("new_password", "env:NEW_PW"),
        ],
        "aliyun.dts.modify-dts-job-password" => &[
            ("DtsJobId", "l3m1213ye7l"),
            ("Endpoint", "src"),
            ("UserName", "dtstest"),
            ("Password", "env:NEW_PW"),
        ],
        "ucloud.uredis.modify-group-password" => {
            &[("GroupId", "uredis-abc123"), ("Password", "env:NEW_PW")]
        }
        other => panic!("{other}"),
    };
    for (name, value) in params {
        let value = if *name == change.0 { change.1 } else { value };
        c.args(["--param", &format!("{name}={value}")]);
    }
    c.args(extra);
    run(c)
}

/// A region Huawei's SDK does not list has no host Keyturn may guess: the
/// request is refused, naming the region and the way forward, unless an
/// endpoint is given.
#[test]
fn an_unknown_huawei_region_is_refused_unless_an_endpoint_is_given() {
    let dcs = "huaweicloud.dcs.update-password";
    let refused = request_with(dcs, "ap-southeast-9", ("", ""), &[]);
    assert_eq!(refused.status.code(), Some(2), "{}", out(&refused));
    assert!(refused.stdout.is_empty(), "{}", out(&refused));
    let e = err(&refused);
    assert!(e.contains("UpdatePassword"), "{e}");
    assert!(e.contains("\"ap-southeast-9\""), "{e}");
    assert!(e.contains("--endpoint"), "{e}");

    let given = request_with(
        dcs,
        "ap-southeast-9",
        ("", ""),
        &["--endpoint", "https://dcs.ap-southeast-9.example.com"],
    );
    let v = request_json(&given);
    assert!(
        v["url"]
            .as_str()
            .unwrap()
            .starts_with("https://dcs.ap-southeast-9.example.com/v2/"),
        "{v}"
    );
    // A region of the SDK's table still finds its own host.
    let listed = request_json(&request_with(dcs, "cn-north-4", ("", ""), &[]));
    assert!(
        listed["url"]
            .as_str()
            .unwrap()
            .starts_with("https://dcs.cn-north-4.myhuaweicloud.com/"),
        "{listed}"
    );
}

/// An id the provider cannot have (a non-ASCII letter, composed as
/// U+00E9 or decomposed as "e" + U+0301) is refused before anything is
/// stored or built, naming the field: two spellings of one text would
/// otherwise be two resources shown with one name.
#[test]
fn ids_the_provider_cannot_have_are_refused_naming_the_field() {
    let cases = [
        (
            "aliyun.dts.modify-dts-job-password",
            "cn-hangzhou",
            "DtsJobId",
            "l3m-caf\u{e9}",
        ),
        (
            "aliyun.dts.modify-dts-job-password",
            "cn-hangzhou",
            "DtsJobId",
            "l3m-cafe\u{301}",
        ),
        (
            "aliyun.dts.modify-dts-job-password",
            "cn-hangzhou",
            "UserName",
            "jose\u{301}",
        ),
        (
            "ucloud.uredis.modify-group-password",
            "cn-bj2",
            "GroupId",
            "uredis-\u{e9}",
        ),
        (
            "huaweicloud.dcs.update-password",
            "cn-north-4",
            "instance_id",
            "5560df16-e\u{301}",
        ),
    ];
    for (op, region, field, value) in cases {
        for extra in [&[][..], &["--send", "--endpoint", "http://127.0.0.1:9"][..]] {
            let o = request_with(op, region, (field, value), extra);
            assert_eq!(o.status.code(), Some(2), "{op} {field} {value:?} {extra:?}");
            assert!(o.stdout.is_empty(), "{}", out(&o));
            let e = err(&o);
            assert!(e.contains(&format!("{field} must be")), "{e}");
            assert!(e.contains("ASCII"), "{e}");
        }
    }
}

/// `keyturn` at a password prompt on a real (pseudo-)terminal, as in a shell.
#[cfg(target_os = "linux")]
mod terminal {
    use std::fs::File;
    use std::io::{Read, Write};
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    use std::process::{Child, ExitStatus};
    use std::sync::mpsc::{Receiver, channel};
    use std::time::{Duration, Instant};

    const WAIT: Duration = Duration::from_secs(20);

    /// `keyturn ARGS` with a pseudo-terminal as its controlling terminal
    /// and its standard input, output and error.
    struct OnATerminal {
        child: Child,
        /// The terminal's side the command sees; its modes are read here.
        follower: OwnedFd,
        keyboard: File,
        screen: Receiver<Vec<u8>>,
        shown: Vec<u8>,
    }

    impl OnATerminal {
        fn start(args: &[&str]) -> OnATerminal {
            let (mut leader, mut follower) = (0, 0);
            // SAFETY: openpty writes two descriptors; no name, settings or size.
            let opened = unsafe {
                libc::openpty(
                    &mut leader,
                    &mut follower,
                    std::ptr::null_mut(),
                    std::ptr::null(),
                    std::ptr::null(),
                )
            };
            assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
            // SAFETY: both descriptors were just opened and are owned here alone.
            let (leader, follower) =
                unsafe { (OwnedFd::from_raw_fd(leader), OwnedFd::from_raw_fd(follower)) };
            let mut command = super::keyturn();
            command
                .args(args)
                .stdin(follower.try_clone().unwrap())
                .stdout(follower.try_clone().unwrap())
                .stderr(follower.try_clone().unwrap());
            // SAFETY: setsid, ioctl and signal are async-signal-safe. The
            // child gets its own session, with the terminal (its stdin) as
            // controlling terminal, and Ctrl+C's default action, as a shell
            // gives the command it runs (a test run started in the
            // background would otherwise hand down SIGINT ignored).
            unsafe {
                command.pre_exec(|| {
                    if libc::setsid() < 0
                        || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0
                        || libc::signal(libc::SIGINT, libc::SIG_DFL) == libc::SIG_ERR
                    {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
            let child = command.spawn().expect("keyturn starts");
            let mut output = File::from(leader.try_clone().unwrap());
            let (tx, screen) = channel();
            std::thread::spawn(move || {
                let mut buf = [0u8; 256];
                while let Ok(n @ 1..) = output.read(&mut buf) {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            });
            OnATerminal {
                child,
                follower,
                keyboard: File::from(leader),
                screen,
                shown: Vec::new(),
            }
        }

        /// ECHO, ICANON and ISIG: what a shell's next line needs.
        fn modes(&self) -> libc::tcflag_t {
            // SAFETY: a zeroed termios is valid for tcgetattr to fill.
            let mut t: libc::termios = unsafe { std::mem::zeroed() };
            // SAFETY: the descriptor is an open terminal; t is writable.
            assert_eq!(
                unsafe { libc::tcgetattr(self.follower.as_raw_fd(), &mut t) },
                0
            );
            t.c_lflag & (libc::ECHO | libc::ICANON | libc::ISIG)
        }

        /// Waits until the terminal has shown `text`.
        fn wait_for(&mut self, text: &str) {
            let deadline = Instant::now() + WAIT;
            while !String::from_utf8_lossy(&self.shown).contains(text) {
                let left = deadline
                    .checked_duration_since(Instant::now())
                    .unwrap_or_else(|| panic!("{text:?} not shown: {}", self.screen()));
                if let Ok(bytes) = self.screen.recv_timeout(left) {
                    self.shown.extend(bytes);
                }
            }
        }

        fn screen(&self) -> String {
            String::from_utf8_lossy(&self.shown).into_owned()
        }

        fn type_keys(&mut self, keys: &[u8]) {
            self.keyboard.write_all(keys).unwrap();
        }

        /// Waits for the command to end.
        fn end(&mut self) -> ExitStatus {
            let deadline = Instant::now() + WAIT;
            loop {
                if let Some(status) = self.child.try_wait().unwrap() {
                    return status;
                }
                assert!(Instant::now() < deadline, "the command did not end");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    /// Ctrl+C at a password prompt ends the command as Ctrl+C does, and
    /// gives the terminal back as it was: the shell's next line is shown as
    /// typed (rpassword reads the terminal raw, and raises SIGINT before it
    /// would put it back).
    #[test]
    fn ctrl_c_at_a_password_prompt_gives_the_terminal_back() {
        let mut term = OnATerminal::start(&["check", "huaweicloud.dcs.update-password"]);
        let before = term.modes();
        assert_eq!(before, libc::ECHO | libc::ICANON | libc::ISIG);
        term.wait_for("Password to check");
        std::thread::sleep(Duration::from_millis(200));
        term.type_keys(b"fake\x03");
        let status = term.end();
        assert_eq!(status.signal(), Some(libc::SIGINT), "{status}");
        assert_eq!(
            term.modes(),
            before,
            "the terminal was left without echo or line editing"
        );
    }

    /// Ctrl+D on an empty prompt says that nothing was typed, on a line of
    /// its own, and is a usage error.
    #[test]
    fn ctrl_d_at_an_empty_password_prompt_says_nothing_was_typed() {
        let mut term = OnATerminal::start(&["check", "huaweicloud.dcs.update-password"]);
        term.wait_for("Password to check: ");
        std::thread::sleep(Duration::from_millis(200));
        term.type_keys(b"\x04");
        term.wait_for("nothing was typed");
        let status = term.end();
        assert_eq!(status.code(), Some(2), "{status}: {}", term.screen());
        let screen = term.screen();
        let line = screen
            .lines()
            .find(|l| l.contains("nothing was typed"))
            .unwrap();
        assert!(
            line.trim_start().starts_with("error: nothing was typed"),
            "not on a line of its own: {screen:?}"
        );
    }
}
