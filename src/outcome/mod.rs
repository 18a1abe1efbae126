//! The one outcome model: every response, from any provider, and every
//! failure to get one, becomes an [`Outcome`] that a front end can render
//! without knowing the provider.
//!
//! The most important distinction is between *definite* results (the
//! provider answered, or the request provably never left) and
//! [`Status::Unknown`]: the request may have reached the server but no
//! answer was read. Unknown is not failure — the password may have changed.

mod aliyun;
pub mod codes;
mod huawei;
mod tencent;
mod ucloud;

use std::fmt;

use serde_json::Value;
use time::OffsetDateTime;

use crate::catalog::{Operation, Provider};
use crate::http::HttpResponse;
use crate::shown::shown;
use crate::transport::SendError;

/// Reads a provider's answer to `op`. Never panics: an answer that cannot
/// be read is a rejection when its status says the request was refused
/// (4xx), and unknown otherwise.
pub fn interpret(op: &Operation, response: &HttpResponse, now: OffsetDateTime) -> Outcome {
    interpret_from(op.provider, response, now)
}

/// Reads any answer of `provider`'s API gateway the way [`interpret`] does.
pub fn interpret_from(provider: Provider, response: &HttpResponse, now: OffsetDateTime) -> Outcome {
    let read = match provider {
        Provider::Alibaba => aliyun::interpret(response, now),
        Provider::Huawei => huawei::interpret(response, now),
        Provider::UCloud => ucloud::interpret(response, now),
        Provider::Tencent => tencent::interpret(response, now),
    };
    read.unwrap_or_else(|| unreadable(response))
}

const REDIRECTED: &str = "The endpoint answered with a redirect, which is never followed for a signed request: check the endpoint or region.";
const REFUSED_UNREADABLE: &str =
    "The provider refused the request without a readable reason; the password was not changed.";
const NOT_SENT: &str = "Nothing was changed. Check the network, the region (it decides the host name) and any endpoint override.";
const NO_ANSWER: &str = "The request may have reached the provider, so the password may have changed. Check before trying again; the new password is kept.";

/// Every error code the providers' tables name (patterns as written,
/// `*` included), for tests that walk them.
pub fn known_codes() -> Vec<&'static str> {
    [aliyun::CODES, huawei::CODES, ucloud::CODES, tencent::CODES]
        .iter()
        .flat_map(|table| table.iter().map(|rule| rule.code.trim_end_matches('*')))
        .collect()
}

/// Every hint an outcome can carry, with a message id for its
/// translations (`zh-CN/outcomes.ftl`, tested to cover this list exactly).
/// Outcomes keep the English, which `--json` prints; front ends show
/// `words::hint`.
pub fn hints() -> Vec<(String, &'static str)> {
    let mut hints = vec![
        ("hint-redirected".to_owned(), REDIRECTED),
        ("hint-refused-unreadable".to_owned(), REFUSED_UNREADABLE),
        (
            "hint-unreadable-answer".to_owned(),
            codes::UNREADABLE_ANSWER,
        ),
        (
            "hint-server-error".to_owned(),
            codes::UNKNOWN_AFTER_SERVER_ERROR,
        ),
        ("hint-not-sent".to_owned(), NOT_SENT),
        ("hint-no-answer".to_owned(), NO_ANSWER),
        (
            "hint-huawei-wrong-old-password".to_owned(),
            huawei::WRONG_OLD_PASSWORD,
        ),
        ("hint-huawei-locked".to_owned(), huawei::LOCKED),
        (
            "hint-ucloud-region-or-group".to_owned(),
            ucloud::REGION_OR_GROUP,
        ),
        (
            "hint-huawei-signatures-blocked".to_owned(),
            huawei::SIGNATURES_BLOCKED,
        ),
    ];
    for problem in AuthProblem::ALL {
        hints.push((format!("hint-auth-{}", problem.id()), problem.hint()));
    }
    for (provider, table) in [
        ("alibaba", aliyun::CODES),
        ("huawei", huawei::CODES),
        ("ucloud", ucloud::CODES),
        ("tencent", tencent::CODES),
    ] {
        for rule in table {
            if let Some(hint) = rule.hint {
                let code: String = rule
                    .code
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() {
                            c.to_ascii_lowercase()
                        } else {
                            '-'
                        }
                    })
                    .collect();
                hints.push((
                    format!("hint-{provider}-{}", code.trim_end_matches('-')),
                    hint,
                ));
            }
        }
    }
    hints
}

fn unreadable(response: &HttpResponse) -> Outcome {
    let what = describe_body(response);
    let mut outcome = if (300..400).contains(&response.status) {
        Outcome::new(Status::Rejected).with_hint(REDIRECTED)
    } else if (400..500).contains(&response.status) {
        Outcome::new(Status::Rejected).with_hint(REFUSED_UNREADABLE)
    } else {
        Outcome::new(Status::Unknown).with_hint(codes::UNREADABLE_ANSWER)
    };
    outcome.http_status = Some(response.status);
    outcome.message = Some(format!("HTTP {}: {what}", response.status));
    outcome
}

/// A few words on an answer that is not what the provider documents.
fn describe_body(response: &HttpResponse) -> String {
    let text = String::from_utf8_lossy(&response.body);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        "empty answer".into()
    } else if trimmed.starts_with('<') {
        "an HTML page instead of the API's answer".into()
    } else if serde_json::from_str::<Value>(trimmed).is_err() && trimmed.starts_with(['{', '[']) {
        "malformed JSON".into()
    } else {
        "an answer in an unexpected shape".into()
    }
}

/// The outcome of a call whose answer was never read.
pub fn from_send_error(error: &SendError) -> Outcome {
    match error {
        SendError::NotSent(reason) => {
            let mut o = Outcome::new(Status::NotSent).with_hint(NOT_SENT);
            o.message = Some(reason.clone());
            o
        }
        SendError::Unknown(reason) => {
            let mut o = Outcome::new(Status::Unknown).with_hint(NO_ANSWER);
            o.message = Some(reason.clone());
            o
        }
    }
}

/// A JSON value as text: strings as they are, numbers written out.
pub(crate) fn json_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A count that providers send as a number or as a string of digits.
pub(crate) fn json_u32(v: Option<&Value>) -> Option<u32> {
    match v? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// What happened to one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    /// The provider's own error code, e.g. `FailedOperation.OldPasswordInUse`.
    pub code: Option<String>,
    /// The provider's message, with any `%s` already filled in.
    pub message: Option<String>,
    pub request_id: Option<String>,
    /// HTTP status of the answer, when there was one.
    pub http_status: Option<u16>,
    /// What the user can do about it, in plain words.
    pub hint: Option<String>,
}

/// The kinds of result a front end distinguishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The provider confirmed the change.
    Succeeded,
    /// The provider refused the request for a reason given in code/message.
    Rejected,
    /// The current password given was wrong.
    WrongOldPassword { retries_left: Option<u32> },
    /// Password changes are locked; they may be tried again at `until`.
    Locked { until: Option<OffsetDateTime> },
    /// TcaplusDB: a previous old password is still valid until `until`, so
    /// no new change is accepted before then.
    OldPasswordStillValid { until: Option<OffsetDateTime> },
    /// Too many requests; try again at `retry_at`.
    Throttled { retry_at: Option<OffsetDateTime> },
    /// The provider could not authenticate the request.
    Auth(AuthProblem),
    /// The request certainly did not reach the provider (no connection could
    /// be made, or it was refused before sending): nothing changed.
    NotSent,
    /// The request may have reached the provider, but no answer was read
    /// (timeout, connection reset after sending, unreadable answer to a
    /// change). The change may have happened.
    Unknown,
}

/// Why the provider did not accept the credentials or signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthProblem {
    /// The signature did not match: usually a wrong access key secret.
    SignatureMismatch,
    /// The provider does not know this access key id, or it is disabled.
    UnknownKey,
    /// The request's time is too far from the provider's clock.
    ClockSkew,
    /// The key is valid but lacks permission for this operation.
    NoPermission,
}

impl AuthProblem {
    pub const ALL: [AuthProblem; 4] = [
        AuthProblem::SignatureMismatch,
        AuthProblem::UnknownKey,
        AuthProblem::ClockSkew,
        AuthProblem::NoPermission,
    ];

    /// A short name, for message ids.
    pub fn id(self) -> &'static str {
        match self {
            AuthProblem::SignatureMismatch => "signature-mismatch",
            AuthProblem::UnknownKey => "unknown-key",
            AuthProblem::ClockSkew => "clock-skew",
            AuthProblem::NoPermission => "no-permission",
        }
    }

    /// What to check, in plain words.
    pub fn hint(self) -> &'static str {
        match self {
            AuthProblem::SignatureMismatch => {
                "The signature did not match. Check that the access key secret belongs to this key id and was copied whole."
            }
            AuthProblem::UnknownKey => {
                "The provider does not know this access key id, or it is disabled. Check the key id and its state in the console."
            }
            AuthProblem::ClockSkew => {
                "This computer's clock is too far from the provider's. Turn on automatic time (NTP) and try again."
            }
            AuthProblem::NoPermission => {
                "The key works but may not call this API. Grant its user or role permission for this action."
            }
        }
    }
}

impl Status {
    /// A short title for the result.
    pub fn title(&self) -> &'static str {
        match self {
            Status::Succeeded => "Password changed",
            Status::Rejected => "Rejected by the provider",
            Status::WrongOldPassword { .. } => "Wrong current password",
            Status::Locked { .. } => "Password changes are locked",
            Status::OldPasswordStillValid { .. } => "The previous old password is still valid",
            Status::Throttled { .. } => "Too many requests",
            Status::Auth(_) => "The provider did not accept the access key",
            Status::NotSent => "Not sent",
            Status::Unknown => "Result unknown: the password may have changed",
        }
    }
}

impl Outcome {
    pub fn new(status: Status) -> Self {
        Outcome {
            status,
            code: None,
            message: None,
            request_id: None,
            http_status: None,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.status.title())?;
        match &self.status {
            Status::WrongOldPassword {
                retries_left: Some(n),
            } => write!(
                f,
                " ({n} {} left before the lock)",
                if *n == 1 { "try" } else { "tries" }
            )?,
            Status::Locked { until: Some(t) }
            | Status::OldPasswordStillValid { until: Some(t) } => {
                write!(f, " until {}", crate::time_format::utc(t))?
            }
            Status::Throttled { retry_at: Some(t) } => {
                write!(f, "; try again after {}", crate::time_format::utc(t))?
            }
            _ => {}
        }
        // What the provider wrote is shown escaped: it must not drive the
        // terminal or forge a line (see `crate::shown`).
        if let Some(code) = &self.code {
            write!(f, "\n  code: {}", shown(code))?;
        }
        if let Some(message) = &self.message {
            write!(f, "\n  message: {}", shown(message))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, "\n  request id: {}", shown(id))?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}", shown(hint))?;
        }
        Ok(())
    }
}

impl Status {
    /// A stable name for scripts (`--json`).
    pub fn key(&self) -> &'static str {
        match self {
            Status::Succeeded => "succeeded",
            Status::Rejected => "rejected",
            Status::WrongOldPassword { .. } => "wrong_old_password",
            Status::Locked { .. } => "locked",
            Status::OldPasswordStillValid { .. } => "old_password_still_valid",
            Status::Throttled { .. } => "throttled",
            Status::Auth(_) => "auth_problem",
            Status::NotSent => "not_sent",
            Status::Unknown => "unknown",
        }
    }
}

impl AuthProblem {
    pub fn key(self) -> &'static str {
        match self {
            AuthProblem::SignatureMismatch => "signature_mismatch",
            AuthProblem::UnknownKey => "unknown_key",
            AuthProblem::ClockSkew => "clock_skew",
            AuthProblem::NoPermission => "no_permission",
        }
    }
}

impl serde::Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let rfc3339 = |t: &OffsetDateTime| {
            t.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default()
        };
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("status", self.status.key())?;
        match &self.status {
            Status::WrongOldPassword { retries_left } => {
                map.serialize_entry("retries_left", retries_left)?
            }
            Status::Locked { until } | Status::OldPasswordStillValid { until } => {
                map.serialize_entry("until", &until.as_ref().map(rfc3339))?
            }
            Status::Throttled { retry_at } => {
                map.serialize_entry("retry_at", &retry_at.as_ref().map(rfc3339))?
            }
            Status::Auth(problem) => map.serialize_entry("problem", problem.key())?,
            _ => {}
        }
        map.serialize_entry("title", self.status.title())?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("request_id", &self.request_id)?;
        map.serialize_entry("http_status", &self.http_status)?;
        map.serialize_entry("hint", &self.hint)?;
        map.end()
    }
}
