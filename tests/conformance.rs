//! Keyturn speaks each API as its official SDK does: the requests the SDKs
//! sent for fixed inputs (recorded by `scripts/capture-sdk-requests` into
//! `tests/conformance/`) against Keyturn's request for the same inputs,
//! field by field — method, path, every parameter's name, value and place,
//! the body, and every header — with each deliberate difference listed
//! once below with its reason. And the emulator accepts each SDK-made
//! request, answered as documented: it is checked against the providers'
//! own clients, not only against Keyturn.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde_json::Value as Json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use keyturn::catalog::{CATALOG, FieldKind, Provider, find};
use keyturn::emulator::{EmulatorConfig, start};
use keyturn::endpoint::Endpoint;
use keyturn::http::{HttpRequest, HttpResponse};
use keyturn::outcome::{Status, TaskId, interpret};
use keyturn::request::{self, Inputs, SigningContext, Value};
use keyturn::sign::Credentials;

/// Headers an SDK sends that Keyturn deliberately does not send the same,
/// per provider, with why. Anything else must match exactly.
fn deliberate(provider: Provider, header: &str) -> Option<&'static str> {
    Some(match (provider, header) {
        (_, "user-agent") => "each client names itself",
        (_, "accept-encoding" | "connection") => {
            "the SDKs' HTTP libraries ask for compression and keep-alive; Keyturn makes one call and reads one plain answer"
        }
        (_, "authorization") => {
            "the signature covers other headers (the SDKs sign their user-agent; Tencent's signs only content-type and host, Keyturn also x-tc-action, as Tencent's own signature example does); its validity is checked against the emulator instead"
        }
        (Provider::Alibaba, "x-acs-credentials-provider") => {
            "the SDK's note of where it found its key, not part of the API"
        }
        (Provider::UCloud, "u-timestamp-ms") => "the SDK's own timing, not signed",
        (Provider::Tencent, "x-tc-requestclient" | "x-tc-traceid") => {
            "the SDK's own name and trace id, not part of the signature"
        }
        (Provider::Tencent, "x-tc-language") => {
            "the SDK asks for Chinese messages; Keyturn takes the provider's default"
        }
        (Provider::Huawei | Provider::Tencent, "content-length") => {
            "the SDKs write JSON with spaces after ':' and ','; Keyturn writes it compact (the body is compared parsed)"
        }
        _ => return None,
    })
}

struct Fixture {
    dir: PathBuf,
    inputs: Json,
    request: Json,
}

fn fixtures(variant: Option<&str>) -> Vec<Fixture> {
    recorded_calls(variant, false)
}

/// The recorded calls that follow an operation's task (`TaskPoll::call`).
fn task_calls(variant: Option<&str>) -> Vec<Fixture> {
    recorded_calls(variant, true)
}

fn recorded_calls(variant: Option<&str>, tasks: bool) -> Vec<Fixture> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let dir = match variant {
            Some(v) => dir.join(v),
            None => dir,
        };
        let read = |name: &str| -> Json {
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
        };
        let inputs = read("inputs.json");
        // A task's call (`task_call_of`) is no operation of the catalogue:
        // it is the poll call of one that is.
        let of_task = inputs["task_call_of"].as_str();
        if let Some(op) = of_task {
            assert!(
                find(op).is_some_and(|op| op.answer.task.is_some()),
                "{}: the task call of {op}, which follows no task",
                dir.display()
            );
        } else {
            assert!(
                find(inputs["operation"].as_str().unwrap()).is_some(),
                "{}: an operation the catalogue does not have",
                dir.display()
            );
        }
        if of_task.is_some() != tasks {
            continue;
        }
        out.push(Fixture {
            request: read("request.json"),
            inputs,
            dir,
        });
    }
    if tasks {
        let following = CATALOG.iter().filter(|op| op.answer.task.is_some());
        let polls: std::collections::BTreeSet<_> = following
            .filter_map(|op| op.answer.task.map(|t| format!("{:?}", t.call)))
            .collect();
        assert_eq!(out.len(), polls.len(), "one fixture per task call");
    } else {
        assert_eq!(out.len(), CATALOG.len(), "one fixture per operation");
    }
    out
}

fn time_of(inputs: &Json) -> OffsetDateTime {
    inputs["time"]
        .as_str()
        .map(|t| OffsetDateTime::parse(t, &Rfc3339).unwrap())
        .unwrap_or_else(|| OffsetDateTime::parse("2026-01-01T00:00:00Z", &Rfc3339).unwrap())
}

/// Keyturn's request for the fixture's inputs, signed at its time and nonce.
fn keyturn_request(f: &Fixture) -> HttpRequest {
    let op = find(f.inputs["operation"].as_str().unwrap()).unwrap();
    let k = &f.inputs["keyturn"];
    let mut inputs = Inputs {
        region: k["region"].as_str().map(str::to_owned),
        ..Inputs::default()
    };
    for (name, value) in k["params"].as_object().unwrap() {
        let text = value.as_str().unwrap().to_owned();
        let secret = op.field(name).map(|f| f.kind) == Some(FieldKind::Secret);
        inputs.set(
            name,
            if secret {
                Value::Secret(SecretString::from(text))
            } else {
                Value::Plain(text)
            },
        );
    }
    let validated = request::validate(op, &inputs).unwrap();
    let endpoint = Endpoint::parse_override(f.inputs["endpoint"].as_str().unwrap()).unwrap();
    let credentials = Credentials::new(
        f.inputs["key_id"].as_str().unwrap(),
        SecretString::from(f.inputs["key_secret"].as_str().unwrap().to_owned()),
    );
    let nonce = f.inputs["nonce"].as_str().unwrap_or("");
    request::build(
        &validated,
        &endpoint,
        &credentials,
        SigningContext {
            time: time_of(&f.inputs),
            nonce,
        },
    )
    .request
}

fn pairs(v: &Json) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap().to_owned(),
                        p[1].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn keyturn_sends_what_the_official_sdks_send() {
    for f in fixtures(Some("keyturn-fields")) {
        let op = find(f.inputs["operation"].as_str().unwrap()).unwrap();
        assert_same_request(op.id, op.provider, &keyturn_request(&f), &f.request);
    }
}

/// The call that follows a change's task is the SDK's too.
#[test]
fn keyturns_task_calls_are_what_the_official_sdks_send() {
    for f in task_calls(Some("keyturn-fields")) {
        let op = find(f.inputs["task_call_of"].as_str().unwrap()).unwrap();
        let poll = op.answer.task.unwrap();
        let id = match &f.inputs["fields"][poll.id_param] {
            Json::Number(n) => TaskId::Number(n.as_u64().unwrap()),
            other => TaskId::Text(other.as_str().unwrap().to_owned()),
        };
        let endpoint = Endpoint::parse_override(f.inputs["endpoint"].as_str().unwrap()).unwrap();
        let credentials = Credentials::new(
            f.inputs["key_id"].as_str().unwrap(),
            SecretString::from(f.inputs["key_secret"].as_str().unwrap().to_owned()),
        );
        let ours = request::task_call(
            &poll,
            &id,
            &endpoint,
            f.inputs["region"].as_str(),
            &credentials,
            SigningContext {
                time: time_of(&f.inputs),
                nonce: "",
            },
        )
        .unwrap()
        .request;
        let what = format!("{} (the task call of {})", f.inputs["operation"], op.id);
        assert_same_request(&what, op.provider, &ours, &f.request);
    }
}

/// Keyturn's request `ours` is the SDK's `sdk`: method, path, query, body
/// and every header but the deliberate differences.
fn assert_same_request(what: &str, provider: Provider, ours: &HttpRequest, sdk: &Json) {
    assert_eq!(
        ours.method,
        sdk["method"].as_str().unwrap(),
        "{what}: method"
    );
    assert_eq!(ours.path, sdk["path"].as_str().unwrap(), "{what}: path");

    // The query string: every parameter, its value and its order.
    let sdk_query = pairs(&sdk["query_params"]);
    // No parameter the SDK leaves out (DTS's direction goes only when
    // chosen, as the SDKs send it).
    assert_eq!(ours.query, sdk_query, "{what}: query parameters");

    // The body: JSON compared parsed (names, values, types), forms as
    // sets of pairs (UCloud's SDK orders its fields differently; the
    // signature sorts them), anything else byte for byte.
    if !sdk["body_json"].is_null() {
        let our: Json = serde_json::from_str(&ours.body).unwrap();
        assert_eq!(our, sdk["body_json"], "{what}: JSON body");
        let keys = |v: &Json| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
        assert_eq!(
            keys(&our),
            keys(&sdk["body_json"]),
            "{what}: JSON field order"
        );
    } else if !sdk["body_form"].is_null() {
        let mut our: Vec<(String, String)> = url::form_urlencoded::parse(ours.body.as_bytes())
            .into_owned()
            .collect();
        let mut theirs = pairs(&sdk["body_form"]);
        our.sort();
        theirs.sort();
        assert_eq!(our, theirs, "{what}: form body");
    } else {
        assert_eq!(
            ours.body.as_str(),
            sdk["body"].as_str().unwrap(),
            "{what}: body"
        );
    }

    // Every header the SDK sends, with its value, unless listed above.
    let ours_by_name: BTreeMap<String, &str> = ours
        .headers
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.as_str()))
        .collect();
    let sdk_headers = pairs(&sdk["headers"]);
    for (name, value) in &sdk_headers {
        let name = name.to_ascii_lowercase();
        if deliberate(provider, &name).is_some() {
            continue;
        }
        assert_eq!(
            ours_by_name.get(&name).copied(),
            Some(value.as_str()),
            "{what}: header {name}"
        );
    }
    // And nothing the SDK does not send, unless listed.
    for name in ours_by_name.keys() {
        assert!(
            deliberate(provider, name).is_some()
                || sdk_headers
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case(name)),
            "{what}: Keyturn sends {name}, the SDK does not"
        );
    }
}

/// Sends `request` to an emulator whose clock stands at `at`, with the
/// fixture's key, and reads the answer as Keyturn does.
async fn emulator_answer(f: &Fixture, request: &HttpRequest) -> (Status, String) {
    let op = find(f.inputs["operation"].as_str().unwrap()).unwrap();
    let mut config = EmulatorConfig::new(
        f.inputs["key_id"].as_str().unwrap(),
        SecretString::from(f.inputs["key_secret"].as_str().unwrap().to_owned()),
    );
    config.pinned_time = Some(time_of(&f.inputs));
    let emulator = start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    // The request keeps its recorded Host header (it is signed); only the
    // connection goes to the emulator's port.
    let url = format!(
        "http://{}{}",
        emulator.addr,
        request.url().split_once(&request.host).unwrap().1
    );
    keyturn::transport::tls::install();
    let client = reqwest::Client::new();
    let mut builder = client.request(
        reqwest::Method::from_bytes(request.method.as_bytes()).unwrap(),
        url,
    );
    for (name, value) in &request.headers {
        if !name.eq_ignore_ascii_case("content-length") {
            builder = builder.header(name.as_str(), value.as_str());
        }
    }
    let answer = builder
        .body(request.body.as_bytes().to_vec())
        .send()
        .await
        .unwrap();
    let status = answer.status().as_u16();
    let headers = answer
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let body = answer.bytes().await.unwrap().to_vec();
    let text = String::from_utf8_lossy(&body).into_owned();
    let response = HttpResponse {
        status,
        headers,
        body,
    };
    let outcome = interpret(op, &response, time_of(&f.inputs));
    emulator.shutdown().await;
    (outcome.status, text)
}

/// The SDK's recorded request, to be sent again.
fn recorded(f: &Fixture) -> HttpRequest {
    let sdk = &f.request;
    let host = pairs(&sdk["headers"])
        .into_iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("host"))
        .unwrap()
        .1;
    let mut request = HttpRequest::new(
        sdk["method"].as_str().unwrap(),
        keyturn::http::Scheme::Http,
        &host,
        sdk["path"].as_str().unwrap(),
    );
    request.query = pairs(&sdk["query_params"]);
    request.headers = pairs(&sdk["headers"]);
    request.body = sdk["body"].as_str().unwrap_or_default().to_owned().into();
    request
}

/// Whether `status` is the documented success of the fixture's operation:
/// a change made, or (for one the provider finishes as a task) accepted.
fn accepted(f: &Fixture, status: &Status) -> bool {
    let op = find(f.inputs["operation"].as_str().unwrap()).unwrap();
    match op.answer.task {
        Some(_) => matches!(status, Status::Accepted { .. }),
        None => *status == Status::Succeeded,
    }
}

#[tokio::test]
async fn the_emulator_accepts_what_the_official_sdks_send() {
    for variant in [None, Some("keyturn-fields")] {
        for f in fixtures(variant) {
            let (status, text) = emulator_answer(&f, &recorded(&f)).await;
            assert!(
                accepted(&f, &status),
                "{}: {status:?} {text}",
                f.dir.display()
            );
        }
    }
}

/// Keyturn's own request for the same inputs is accepted too: its
/// signature is valid under each scheme.
#[tokio::test]
async fn keyturns_signature_for_the_same_inputs_is_valid() {
    for f in fixtures(Some("keyturn-fields")) {
        let (status, text) = emulator_answer(&f, &keyturn_request(&f)).await;
        assert!(
            accepted(&f, &status),
            "{}: {status:?} {text}",
            f.dir.display()
        );
    }
}

/// Region to host as the official SDK maps it: every region of its table
/// goes where the table says, any other to the regional pattern.
#[test]
fn alibaba_regions_go_to_the_sdks_hosts() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/aliyun-dts-endpoints.json");
    let table: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for id in [
        "aliyun.dts.modify-consumer-group-password",
        "aliyun.dts.modify-dts-job-password",
    ] {
        let op = find(id).unwrap();
        let host = |region: &str| Endpoint::default_for(op, Some(region)).unwrap().host;
        for (region, want) in table["map"].as_object().unwrap() {
            assert_eq!(host(region), want.as_str().unwrap(), "{id} {region}");
        }
        for (region, want) in table["resolved_examples"].as_object().unwrap() {
            assert_eq!(host(region), want.as_str().unwrap(), "{id} {region}");
        }
    }
}
