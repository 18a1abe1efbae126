//! Property tests over everything Keyturn reads that someone else wrote:
//! the index file, the rotation journal, and each provider's answer (the
//! console CSV import has its own beside its parser, `vault::import`).
//! Whatever the bytes: no panic, no quoted content where content could be
//! private, no control character in what is shown, and output bounded by
//! the input.

mod common;

use std::path::PathBuf;

use proptest::prelude::*;
use time::OffsetDateTime;

use keyturn::catalog::Provider;
use keyturn::http::HttpResponse;
use keyturn::journal::Journal;
use keyturn::outcome::interpret_from;
use keyturn::vault::index;

const NOW: i64 = 1_772_600_767;

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Text made of what hostile input is made of: JSON punctuation, quotes,
/// escapes, control characters, non-ASCII.
fn hostile_text() -> impl Strategy<Value = String> {
    "[ -~\\t\\n\\r\\u{1b}\\u{7}\\u{0}\\u{202e}é张]{0,40}"
}

/// JSON values with the names providers use as keys, nested a little.
fn provider_json() -> impl Strategy<Value = serde_json::Value> {
    let keys = prop::sample::select(vec![
        "Response",
        "Error",
        "Code",
        "Message",
        "RequestId",
        "ErrCode",
        "ErrMessage",
        "DynamicMessage",
        "Success",
        "RetCode",
        "error_code",
        "error_msg",
        "result",
        "retry_times_left",
        "lock_time",
        "lock_time_left",
        "message",
        "request_id",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        hostile_text().prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "success",
            "passwordFailed",
            "locked",
            "failed",
            "%s%s%s",
            "FailedOperation.OldPasswordInUse",
            "DCS.4043",
            "APIGW.0301",
            "true",
        ])
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 32, 6, move |inner| {
        prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| {
            serde_json::Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        })
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        provider_json().prop_map(|v| v.to_string().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..256),
        hostile_text().prop_map(String::into_bytes),
    ]
}

proptest! {
    /// Every provider's reader takes any answer: a status, headers and a
    /// body of any shape.
    #[test]
    fn provider_answers_never_panic_and_stay_bounded(
        status in prop_oneof![Just(200u16), Just(400), Just(403), Just(429), Just(500), 100u16..600],
        body in body(),
        request_id in hostile_text(),
    ) {
        for provider in [Provider::Alibaba, Provider::Huawei, Provider::UCloud, Provider::Tencent] {
            let response = HttpResponse {
                status,
                headers: vec![
                    ("x-request-id".into(), request_id.clone()),
                    ("x-acs-request-id".into(), request_id.clone()),
                    ("x-ucloud-request-uuid".into(), request_id.clone()),
                ],
                body: body.clone(),
            };
            let outcome = interpret_from(provider, &response, now());
            let shown = keyturn::words::outcome(&outcome, None);
            prop_assert!(
                !shown.chars().any(|c| c.is_control() && c != '\n'),
                "{provider:?}: {shown:?}"
            );
            // Every line but the title is indented: nothing forges one.
            prop_assert!(
                shown.lines().skip(1).all(|l| l.starts_with("  ")),
                "{provider:?}: {shown:?}"
            );
            let from_answer = outcome.message.as_ref().map_or(0, String::len)
                + outcome.code.as_ref().map_or(0, String::len)
                + outcome.request_id.as_ref().map_or(0, String::len);
            prop_assert!(
                from_answer <= 2 * (body.len() + request_id.len()) + 64,
                "{provider:?}: {from_answer} bytes from a {}-byte answer",
                body.len()
            );
            let json = keyturn::words::outcome_json(&outcome);
            prop_assert_eq!(json["status"].as_str(), Some(outcome.status.key()));
        }
    }

    /// Whatever the index file holds, reading it gives an index or an
    /// error of bounded length with no control character in it.
    #[test]
    fn the_index_reader_never_panics(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            hostile_text().prop_map(|t| format!("{{\"version\": 2, \"profiles\": [{{\"name\": \"{t}\"}}]}}").into_bytes()),
            provider_json().prop_map(|v| v.to_string().into_bytes()),
        ],
    ) {
        if let Err(e) = index::parse(&bytes, PathBuf::from("index.json")) {
            let message = e.to_string();
            prop_assert!(message.len() < 1024, "{message}");
            prop_assert!(!message.chars().any(|c| c.is_control() && c != '\n'), "{message:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the journal holds, reading it skips what is not a record
    /// and never repeats a skipped line's content.
    #[test]
    fn the_journal_reader_never_panics_or_quotes_a_line(
        lines in prop::collection::vec(
            prop_oneof![
                hostile_text().prop_map(|t| format!("MARKER{t}")),
                hostile_text().prop_map(|t| format!("{{\"MARKER\": \"{t}\"}}")),
                Just("{\"attempt\":\"MARKER\",\"at\":\"2026-03-04T05:06:07Z\"}".to_owned()),
            ],
            0..20,
        ),
        raw in prop::collection::vec(any::<u8>(), 0..128),
    ) {
        let dir = common::fresh_dir("fuzz-journal");
        let journal = Journal::new(&dir);
        let mut bytes = lines.join("\n").into_bytes();
        bytes.extend_from_slice(&raw);
        std::fs::write(journal.path(), &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let contents = journal.read().map_err(|e| TestCaseError::fail(e.to_string()))?;
        for skipped in &contents.skipped {
            let shown = skipped.to_string();
            prop_assert!(!shown.contains("MARKER"), "{shown}");
            prop_assert!(shown.len() < 512);
        }
        prop_assert!(contents.records.len() + contents.skipped.len() <= bytes.len() + 1);
        let _ = contents.open_attempts();
        let _ = std::fs::remove_dir_all(&dir);
    }
}
