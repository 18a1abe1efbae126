//! The emulator end to end: real requests, built and signed by
//! `keyturn::request`, sent over plain HTTP to an emulator on 127.0.0.1:0,
//! and the providers' documented answers read back.
//!
//! Every test starts its own emulator, so their states never mix.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{CONSUMER_GROUP, DCS, DTS_JOB, TCAPLUS, UREDIS};
use keyturn::catalog::{FieldKind, find};
use keyturn::emulator::{self, EmulatorConfig, RunningEmulator};
use keyturn::endpoint::Endpoint;
use keyturn::http::HttpRequest;
use keyturn::request::{self, Inputs, SigningContext, ValidatedRequest, Value};
use keyturn::sign::{Credentials, ucloud};
use secrecy::SecretString;
use serde_json::Value as Json;
use time::OffsetDateTime;

const KEY_ID: &str = "KTEMUTESTKEY";
const SECRET: &str = "ktemu-test-secret";
const SLOW: Duration = Duration::from_millis(300);

async fn emulator() -> RunningEmulator {
    let mut config = EmulatorConfig::new(KEY_ID, SecretString::from(SECRET));
    config.slow_answer = SLOW;
    emulator::start(config, "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

fn credentials(key_id: &str, secret: &str) -> Credentials {
    Credentials::new(key_id, SecretString::from(secret.to_owned()))
}

fn good() -> Credentials {
    credentials(KEY_ID, SECRET)
}

fn region(op: &str) -> Option<&'static str> {
    match op {
        DCS => Some("cn-north-4"),
        UREDIS => Some("cn-bj2"),
        TCAPLUS => Some("ap-guangzhou"),
        _ => None,
    }
}

/// Inputs as a user would give them (passwords as secrets).
fn inputs(op: &str, params: &[(&str, &str)]) -> Inputs {
    let op = find(op).unwrap();
    let mut inputs = Inputs {
        region: region(op.id).map(str::to_owned),
        ..Inputs::default()
    };
    for (name, value) in params {
        let secret = op.field(name).map(|f| f.kind) == Some(FieldKind::Secret);
        let value = if secret {
            Value::Secret(SecretString::from((*value).to_owned()))
        } else {
            Value::Plain((*value).to_owned())
        };
        inputs.set(name, value);
    }
    inputs
}

/// A request checked by `request::validate`, as the CLI builds them.
fn validated(op: &str, params: &[(&str, &str)]) -> ValidatedRequest {
    request::validate(find(op).unwrap(), &inputs(op, params)).unwrap()
}

fn sign(
    emu: &RunningEmulator,
    validated: &ValidatedRequest,
    creds: &Credentials,
    time: OffsetDateTime,
) -> HttpRequest {
    let endpoint = Endpoint::parse_override(&emu.url()).unwrap();
    let nonce = request::fresh_nonce();
    request::build(
        validated,
        &endpoint,
        creds,
        SigningContext {
            time,
            nonce: &nonce,
        },
    )
    .request
}

struct Answer {
    status: u16,
    content_type: String,
    request_id_header: Option<String>,
    ucloud_request_id: Option<String>,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Json {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }
}

/// A plain HTTP client (the emulator is plain http on loopback), with
/// Keyturn's TLS provider installed as reqwest needs one to build.
fn client() -> reqwest::Client {
    keyturn::transport::tls::install();
    reqwest::Client::new()
}

async fn send_with(client: &reqwest::Client, req: &HttpRequest) -> reqwest::Result<Answer> {
    let method = reqwest::Method::from_bytes(req.method.as_bytes()).unwrap();
    let mut builder = client
        .request(method, req.url().as_str())
        .body(req.body.to_string());
    for (name, value) in &req.headers {
        // reqwest writes Host from the URL: the same `127.0.0.1:port`.
        if !name.eq_ignore_ascii_case("host") {
            builder = builder.header(name.as_str(), value.as_str());
        }
    }
    let response = builder.send().await?;
    let status = response.status().as_u16();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header("content-type").unwrap_or_default();
    let request_id_header = header("x-request-id");
    let ucloud_request_id = header("x-ucloud-request-uuid");
    let body = response.bytes().await?.to_vec();
    Ok(Answer {
        status,
        content_type,
        request_id_header,
        ucloud_request_id,
        body,
    })
}

async fn send(req: &HttpRequest) -> Answer {
    send_with(&client(), req).await.unwrap()
}

/// Signs now with the right key and sends.
async fn call(emu: &RunningEmulator, op: &str, params: &[(&str, &str)]) -> Answer {
    send(&sign(emu, &validated(op, params), &good(), now())).await
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Valid parameters for each operation, about `resource`.
fn params_for(op: &str, resource: &'static str) -> Vec<(&'static str, &'static str)> {
    match op {
        CONSUMER_GROUP => vec![
            ("SubscriptionInstanceId", resource),
            ("ConsumerGroupID", "cg-1"),
            ("ConsumerGroupPassword", "Current123"),
            ("consumerGroupNewPassword", "Rotated456"),
        ],
        DTS_JOB => vec![
            ("DtsJobId", resource),
            ("Endpoint", "src"),
            ("UserName", "dtstest"),
            ("Password", "Rotated456"),
        ],
        DCS => vec![
            ("project_id", "proj1"),
            ("instance_id", resource),
            ("old_password", "Current-123"),
            ("new_password", "Rotated-456"),
        ],
        UREDIS => vec![("GroupId", resource), ("Password", "Rotated_456")],
        TCAPLUS => vec![
            ("ClusterId", resource),
            ("OldPassword", "Current123"),
            ("NewPassword", "Rotated456"),
            ("OldPasswordExpireTime", "2099-01-01 00:00:00"),
        ],
        _ => unreachable!(),
    }
}

/// The provider's error code, wherever it keeps it.
fn code(op: &str, answer: &Answer) -> String {
    let json = answer.json();
    let code = match op {
        CONSUMER_GROUP | DTS_JOB => json.get("Code").or_else(|| json.get("ErrCode")),
        DCS => json.get("error_code"),
        UREDIS => json.get("RetCode"),
        _ => json.pointer("/Response/Error/Code"),
    };
    match code {
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "none".into(),
    }
}

#[tokio::test]
async fn every_operation_succeeds() {
    let emu = emulator().await;

    let a = call(&emu, CONSUMER_GROUP, &params_for(CONSUMER_GROUP, "dtsg1")).await;
    assert_eq!(a.status, 200);
    let j = a.json();
    assert_eq!(j["Success"], true);
    assert_eq!(j["RequestId"].as_str().unwrap().len(), 36);

    let a = call(&emu, DTS_JOB, &params_for(DTS_JOB, "job1")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.json()["HttpStatusCode"], 200);
    assert_eq!(a.json()["Success"], true);

    let a = call(&emu, DCS, &params_for(DCS, "dcs1")).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.request_id_header.as_deref().map(str::len), Some(32));
    let j = a.json();
    assert_eq!(j["result"], "success");
    // Strings, as Huawei documents them.
    assert_eq!(j["retry_times_left"], "5");
    assert_eq!(j["lock_time"], "0");
    assert_eq!(j["lock_time_left"], "0");

    let a = call(&emu, UREDIS, &params_for(UREDIS, "ured1")).await;
    assert_eq!(a.status, 200);
    // UCloud's request id travels in a header, where its SDKs read it.
    assert_eq!(a.ucloud_request_id.as_deref().map(str::len), Some(36));
    assert_eq!(
        a.json(),
        serde_json::json!({"Action": "ModifyURedisGroupPasswordResponse", "RetCode": 0})
    );

    let a = call(&emu, TCAPLUS, &params_for(TCAPLUS, "c1")).await;
    assert_eq!(a.status, 200);
    let j = a.json();
    assert!(j.pointer("/Response/Error").is_none(), "{j}");
    assert!(j.pointer("/Response/RequestId").unwrap().is_string());

    emu.shutdown().await;
}

#[tokio::test]
async fn the_new_password_is_the_one_that_counts_next_time() {
    let emu = emulator().await;
    let mut params = params_for(CONSUMER_GROUP, "dtsg2");
    assert_eq!(call(&emu, CONSUMER_GROUP, &params).await.status, 200);
    // The same old password again is now wrong.
    let a = call(&emu, CONSUMER_GROUP, &params).await;
    assert_eq!(a.status, 400);
    let j = a.json();
    assert_eq!(j["Success"], false);
    assert_eq!(j["ErrCode"], "InvalidParameter");
    assert_eq!(
        j["ErrMessage"],
        "The Value of Input Parameter %s is not valid."
    );
    assert_eq!(j["DynamicMessage"], "ConsumerGroupPassword");
    // With the password set last time it works.
    params[2].1 = "Rotated456";
    params[3].1 = "Third789x";
    assert_eq!(call(&emu, CONSUMER_GROUP, &params).await.status, 200);

    // ModifyDtsJobPassword refuses the password the account already has.
    let job = params_for(DTS_JOB, "job2");
    assert_eq!(call(&emu, DTS_JOB, &job).await.status, 200);
    let a = call(&emu, DTS_JOB, &job).await;
    assert_eq!(a.json()["DynamicMessage"], "Password");
}

#[tokio::test]
async fn a_wrong_secret_is_refused_by_every_provider() {
    let emu = emulator().await;
    let wrong = credentials(KEY_ID, "not-the-secret");
    let expected = [
        (CONSUMER_GROUP, 400, "SignatureDoesNotMatch"),
        (DCS, 401, "APIGW.0301"),
        (UREDIS, 200, "171"),
        (TCAPLUS, 200, "AuthFailure.SignatureFailure"),
    ];
    for (op, status, want) in expected {
        let req = sign(&emu, &validated(op, &params_for(op, "r1")), &wrong, now());
        let a = send(&req).await;
        assert_eq!((a.status, code(op, &a).as_str()), (status, want), "{op}");
    }
    let req = sign(&emu, &validated(DCS, &params_for(DCS, "r1")), &wrong, now());
    let j = send(&req).await.json();
    assert_eq!(
        j["error_msg"],
        "Incorrect IAM authentication information: verify aksk signature fail"
    );
    assert!(j["request_id"].is_string());
    let req = sign(
        &emu,
        &validated(UREDIS, &params_for(UREDIS, "r1")),
        &wrong,
        now(),
    );
    let a = send(&req).await;
    assert_eq!(a.json()["Message"], "Signature VerifyAC Error");
    assert!(a.ucloud_request_id.is_some());
}

#[tokio::test]
async fn an_unknown_key_id_is_refused_by_every_provider() {
    let emu = emulator().await;
    let stranger = credentials("LTAIsomeoneelse", SECRET);
    let expected = [
        (CONSUMER_GROUP, 404, "InvalidAccessKeyId.NotFound"),
        (DCS, 401, "APIGW.0301"),
        (UREDIS, 200, "172"),
        (TCAPLUS, 200, "AuthFailure.SecretIdNotFound"),
    ];
    for (op, status, want) in expected {
        let req = sign(
            &emu,
            &validated(op, &params_for(op, "r1")),
            &stranger,
            now(),
        );
        let a = send(&req).await;
        assert_eq!((a.status, code(op, &a).as_str()), (status, want), "{op}");
        if op == DCS {
            assert!(
                a.json()["error_msg"]
                    .as_str()
                    .unwrap()
                    .ends_with("ak:LTAIsomeoneelse,err:ak not exist")
            );
        }
    }
}

#[tokio::test]
async fn a_clock_an_hour_off_is_refused_and_ten_minutes_is_not() {
    let emu = emulator().await;
    let expected = [
        (CONSUMER_GROUP, 400, "InvalidTimeStamp.Expired"),
        (DCS, 401, "APIGW.0301"),
        (TCAPLUS, 200, "AuthFailure.SignatureExpire"),
    ];
    for (op, status, want) in expected {
        for off in [time::Duration::hours(-1), time::Duration::hours(1)] {
            let req = sign(
                &emu,
                &validated(op, &params_for(op, "skew")),
                &good(),
                now() + off,
            );
            let a = send(&req).await;
            assert_eq!(
                (a.status, code(op, &a).as_str()),
                (status, want),
                "{op} {off}"
            );
        }
        // Ten minutes off: Alibaba and Huawei allow fifteen, Tencent's
        // signature v3 only five.
        let req = sign(
            &emu,
            &validated(op, &params_for(op, "skew")),
            &good(),
            now() - time::Duration::minutes(10),
        );
        let a = send(&req).await;
        assert_eq!(a.status, 200, "{op}: {}", String::from_utf8_lossy(&a.body));
        let within = if op == TCAPLUS { want } else { "none" };
        assert_eq!(code(op, &a), within, "{op}");
        let req = sign(
            &emu,
            &validated(op, &params_for(op, "skew4")),
            &good(),
            now() - time::Duration::minutes(4),
        );
        assert_eq!(code(op, &send(&req).await), "none", "{op}");
    }
    let req = sign(
        &emu,
        &validated(DCS, &params_for(DCS, "skew2")),
        &good(),
        now() - time::Duration::hours(1),
    );
    let message = send(&req).await.json()["error_msg"].to_string();
    assert!(message.contains("signature expired"), "{message}");
}

#[tokio::test]
async fn alibaba_refuses_a_reused_nonce() {
    let emu = emulator().await;
    let req = sign(
        &emu,
        &validated(DTS_JOB, &params_for(DTS_JOB, "j1")),
        &good(),
        now(),
    );
    assert_eq!(send(&req).await.status, 200);
    let a = send(&req).await;
    assert_eq!(
        (a.status, code(DTS_JOB, &a).as_str()),
        (400, "SignatureNonceUsed")
    );
}

#[tokio::test]
async fn a_body_changed_after_signing_is_refused() {
    let emu = emulator().await;
    for (op, want) in [
        (DTS_JOB, "SignatureDoesNotMatch"),
        (DCS, "APIGW.0301"),
        (UREDIS, "171"),
        (TCAPLUS, "AuthFailure.SignatureFailure"),
    ] {
        let mut req = sign(&emu, &validated(op, &params_for(op, "t1")), &good(), now());
        if op == DTS_JOB {
            // Alibaba's parameters are in the query string: change one there.
            for (_, value) in &mut req.query {
                if value.as_str() == "Rotated456" {
                    *value = "Changed456".into();
                }
            }
            assert!(req.query.iter().any(|(_, v)| v == "Changed456"), "{op}");
        } else {
            // UCloud's password is base64: change its group instead.
            let body = req.body.replace("Rotated", "Changed").replace("=t1", "=t2");
            assert_ne!(body, *req.body, "{op}");
            req.body = body.into();
        }
        let a = send(&req).await;
        assert_eq!(code(op, &a), want, "{op}");
    }
}

#[tokio::test]
async fn huawei_locks_after_five_wrong_old_passwords() {
    let emu = emulator().await;
    let mut params = params_for(DCS, "dcs-lock");
    assert_eq!(call(&emu, DCS, &params).await.json()["result"], "success");
    // "Current-123" is no longer right.
    params[3].1 = "Another-789";
    for left in ["4", "3", "2", "1"] {
        let j = call(&emu, DCS, &params).await.json();
        assert_eq!(j["result"], "passwordFailed");
        assert_eq!(j["retry_times_left"], left);
    }
    let a = call(&emu, DCS, &params).await;
    assert_eq!(a.status, 200);
    let j = a.json();
    assert_eq!(j["result"], "locked");
    assert_eq!(j["lock_time"], "5");
    assert_eq!(j["lock_time_left"], "5");
    // Locked even with the right password.
    params[2].1 = "Rotated-456";
    let j = call(&emu, DCS, &params).await.json();
    assert_eq!(j["result"], "locked");
}

#[tokio::test]
async fn tcaplus_keeps_the_old_password_window() {
    let emu = emulator().await;
    let first = params_for(TCAPLUS, "cl-window");
    assert_eq!(code(TCAPLUS, &call(&emu, TCAPLUS, &first).await), "none");
    let second = [
        ("ClusterId", "cl-window"),
        ("OldPassword", "Rotated456"),
        ("NewPassword", "Third789X"),
        ("OldPasswordExpireTime", "2099-01-01 00:00:00"),
    ];
    let a = call(&emu, TCAPLUS, &second).await;
    assert_eq!(a.status, 200);
    assert_eq!(code(TCAPLUS, &a), "FailedOperation.OldPasswordInUse");
    assert_eq!(
        a.json().pointer("/Response/Error/Message").unwrap(),
        "The old password has not expired."
    );
    // Mode 2 moves the expiry into the past; then a new change is accepted.
    let mut expire_now = second;
    expire_now[3].1 = "2020-01-01 00:00:00";
    let mut mode2 = expire_now.to_vec();
    mode2.push(("Mode", "2"));
    assert_eq!(code(TCAPLUS, &call(&emu, TCAPLUS, &mode2).await), "none");
    assert_eq!(
        code(TCAPLUS, &call(&emu, TCAPLUS, &mode2).await),
        "FailedOperation.OldPasswordHasExpired"
    );
    assert_eq!(
        code(TCAPLUS, &call(&emu, TCAPLUS, &expire_now).await),
        "none"
    );
    // The old password is not the current one.
    assert_eq!(
        code(TCAPLUS, &call(&emu, TCAPLUS, &second).await),
        "FailedOperation.PasswordFailure"
    );
}

#[tokio::test]
async fn tcaplus_allows_twenty_requests_a_second() {
    let emu = emulator().await;
    let client = client();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..25 {
        let req = sign(
            &emu,
            &validated(TCAPLUS, &params_for(TCAPLUS, "rate")),
            &good(),
            now(),
        );
        let client = client.clone();
        calls.spawn(async move { send_with(&client, &req).await.unwrap() });
    }
    let mut limited = 0;
    while let Some(answer) = calls.join_next().await {
        let answer = answer.unwrap();
        if code(TCAPLUS, &answer) == "RequestLimitExceeded" {
            limited += 1;
        }
    }
    assert_eq!(limited, 5);
}

#[tokio::test]
async fn regions_the_providers_do_not_have_are_refused() {
    let emu = emulator().await;
    let in_region = |op: &str, region: &str| {
        let mut inputs = inputs(op, &params_for(op, "somewhere"));
        inputs.region = Some(region.to_owned());
        request::validate(find(op).unwrap(), &inputs).unwrap()
    };
    let a = send(&sign(
        &emu,
        &in_region(UREDIS, "cn-north-4"),
        &good(),
        now(),
    ))
    .await;
    assert_eq!(a.json()["RetCode"], 230);
    assert_eq!(a.json()["Message"], "Params [Region] not available");
    let a = send(&sign(
        &emu,
        &in_region(TCAPLUS, "ap-nowhere"),
        &good(),
        now(),
    ))
    .await;
    assert_eq!(code(TCAPLUS, &a), "UnsupportedRegion");
    assert!(
        a.json()
            .pointer("/Response/Error/Message")
            .and_then(Json::as_str)
            .unwrap()
            .contains("ap-nowhere")
    );
    // The same requests in regions they have go through.
    let a = send(&sign(&emu, &in_region(UREDIS, "hk"), &good(), now())).await;
    assert_eq!(a.json()["RetCode"], 0);
    let a = send(&sign(
        &emu,
        &in_region(TCAPLUS, "ap-singapore"),
        &good(),
        now(),
    ))
    .await;
    assert_eq!(code(TCAPLUS, &a), "none");
}

#[tokio::test]
async fn ucloud_wants_base64_and_an_empty_password_removes_it() {
    let emu = emulator().await;
    let mut pairs: Vec<(String, String)> = [
        ("Action", "ModifyURedisGroupPassword"),
        ("Region", "cn-bj2"),
        ("GroupId", "g-b64"),
        ("Password", "not base64!"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    ucloud::sign(&mut pairs, &good());
    let endpoint = Endpoint::parse_override(&emu.url()).unwrap();
    let mut req = HttpRequest::new("POST", endpoint.scheme, &endpoint.host, "/");
    req.push_header("Content-Type", "application/x-www-form-urlencoded");
    req.body = keyturn::http::query_string(&pairs).into();
    let j = send(&req).await.json();
    assert_eq!(j["RetCode"], 230);
    assert_eq!(j["Message"], "Params [Password] not available");

    let mut inputs = inputs(UREDIS, &[("GroupId", "g-empty"), ("Password", "")]);
    inputs.confirmed_empty.insert("Password".into());
    let validated = request::validate(find(UREDIS).unwrap(), &inputs).unwrap();
    let a = send(&sign(&emu, &validated, &good(), now())).await;
    assert_eq!(a.json()["RetCode"], 0);
}

/// UCloud's Node.js SDK sends its parameters as a JSON object
/// (`Content-Type: application/json`) rather than a form: the emulator
/// takes both, and checks the signature over the same pairs.
#[tokio::test]
async fn ucloud_takes_a_json_body_as_its_node_sdk_sends_it() {
    let emu = emulator().await;
    let as_json = |group: &str, tamper: bool| {
        let form = sign(
            &emu,
            &validated(
                UREDIS,
                &[("GroupId", group), ("Password", "Json-Body-2026")],
            ),
            &good(),
            now(),
        );
        let mut object = serde_json::Map::new();
        for (name, value) in url::form_urlencoded::parse(form.body.as_bytes()) {
            let value = if tamper && name == "GroupId" {
                format!("{value}-x")
            } else {
                value.into_owned()
            };
            object.insert(name.into_owned(), Json::String(value));
        }
        let mut req = HttpRequest::new("POST", form.scheme, &form.host, "/");
        req.push_header("Content-Type", "application/json");
        req.body = Json::Object(object).to_string().into();
        req
    };
    let a = send(&as_json("g-json", false)).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.json()["RetCode"], 0, "{}", a.json());
    assert_eq!(
        emu.current_password(find(UREDIS).unwrap(), &["g-json"])
            .as_deref()
            .map(String::as_str),
        Some("Json-Body-2026")
    );
    // A parameter changed after signing: the signature covers the JSON's
    // pairs as it covers a form's.
    let a = send(&as_json("g-json", true)).await;
    assert_eq!(a.json()["RetCode"], 171, "{}", a.json());
}

#[tokio::test]
async fn every_fault_for_every_provider() {
    let emu = emulator().await;
    let client = client();
    for op in [CONSUMER_GROUP, DTS_JOB, DCS, UREDIS, TCAPLUS] {
        let send_fault = |resource: &'static str| {
            let req = sign(
                &emu,
                &validated(op, &params_for(op, resource)),
                &good(),
                now(),
            );
            let client = client.clone();
            async move { send_with(&client, &req).await }
        };

        let started = Instant::now();
        let a = send_fault("fault-slow-1").await.unwrap();
        assert!(started.elapsed() >= SLOW, "{op}");
        assert_eq!(a.status, 200, "{op}");
        assert_eq!(
            code(op, &a),
            if op == UREDIS { "0" } else { "none" },
            "{op}"
        );

        let e = send_fault("fault-reset-1").await.err();
        assert!(e.is_some(), "{op}: fault-reset answered");

        let a = send_fault("fault-malformed-1").await.unwrap();
        assert_eq!(a.status, 200);
        assert!(!a.body.is_empty());
        assert!(serde_json::from_slice::<Json>(&a.body).is_err(), "{op}");

        let a = send_fault("fault-empty-1").await.unwrap();
        assert_eq!((a.status, a.body.len()), (200, 0), "{op}");

        let a = send_fault("fault-huge-1").await.unwrap();
        assert_eq!(a.status, 200);
        assert!(a.body.len() >= 3 * 1024 * 1024, "{op}");

        let a = send_fault("fault-html-1").await.unwrap();
        assert_eq!(a.status, 502);
        assert!(a.content_type.starts_with("text/html"), "{op}");
        assert!(String::from_utf8_lossy(&a.body).contains("<html>"));

        let a = send_fault("fault-5xx-1").await.unwrap();
        assert_eq!(a.status, 500, "{op}");
        let want = match op {
            CONSUMER_GROUP | DTS_JOB | TCAPLUS => "InternalError",
            DCS => "DCS.5000",
            _ => "150",
        };
        assert_eq!(code(op, &a), want, "{op}");

        let a = send_fault("fault-503-1").await.unwrap();
        assert_eq!(a.status, 503);
        assert!(a.content_type.starts_with("text/plain"), "{op}");
    }
}

#[tokio::test]
async fn faults_come_only_after_a_valid_signature() {
    let emu = emulator().await;
    let wrong = credentials(KEY_ID, "not-the-secret");
    let req = sign(
        &emu,
        &validated(DCS, &params_for(DCS, "fault-html-2")),
        &wrong,
        now(),
    );
    let a = send(&req).await;
    assert_eq!((a.status, code(DCS, &a).as_str()), (401, "APIGW.0301"));
}

#[tokio::test]
async fn anything_else_gets_a_json_404() {
    let emu = emulator().await;
    let a = send_with(
        &client(),
        &HttpRequest::new(
            "GET",
            keyturn::http::Scheme::Http,
            &emu.addr.to_string(),
            "/v2/x",
        ),
    )
    .await
    .unwrap();
    assert_eq!(a.status, 404);
    assert!(
        a.json()["Message"]
            .as_str()
            .unwrap()
            .contains("X-TC-Action")
    );
}

/// `keyturn emulate` with no key makes a throwaway pair, prints it and the
/// address, and serves requests signed with it.
#[test]
fn the_emulate_command_prints_a_throwaway_key_and_serves() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_keyturn"))
        .args(["emulate", "--port", "0"])
        .env_remove("KEYTURN_KEY_SECRET")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (mut key_id, mut secret, mut url) = (None, None, None);
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(v) = line.trim().strip_prefix("key id: ") {
            key_id = Some(v.to_owned());
        } else if let Some(v) = line.trim().strip_prefix("secret: ") {
            secret = Some(v.to_owned());
        } else if let Some(v) = line.strip_prefix("listening on ") {
            url = Some(v.to_owned());
            break;
        }
    }
    let (key_id, secret, url) = (key_id.unwrap(), secret.unwrap(), url.unwrap());
    assert!(key_id.starts_with("KTEMU"));
    assert!(url.starts_with("http://127.0.0.1:"));

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let answer = runtime.block_on(async {
        let endpoint = Endpoint::parse_override(&url).unwrap();
        let signed = request::build(
            &validated(UREDIS, &params_for(UREDIS, "cli")),
            &endpoint,
            &credentials(&key_id, &secret),
            SigningContext {
                time: now(),
                nonce: "n",
            },
        );
        send(&signed.request).await
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(answer.json()["RetCode"], 0);
}
