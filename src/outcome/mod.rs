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
pub mod hint;
mod huawei;
mod json;
pub mod task;
mod tencent;
mod ucloud;

use serde_json::Value;
use time::OffsetDateTime;

use crate::catalog::{Answer, Operation, Provider};
use crate::http::HttpResponse;
use crate::transport::{Failure, SendError};

pub use hint::Hint;
pub use task::TaskId;

/// Reads a provider's answer to `op`. Never panics: an answer that cannot
/// be read is a rejection when its status says the request was refused
/// (4xx), and unknown otherwise; an ambiguous one (a member named twice, a
/// success at an error status) is unknown whatever its status.
pub fn interpret(op: &Operation, response: &HttpResponse, now: OffsetDateTime) -> Outcome {
    read(op.provider, op.answer, response, now)
}

/// Reads any answer of `provider`'s API gateway the way [`interpret`] does,
/// with success meaning an answer without an error (a read-only call's).
pub fn interpret_from(provider: Provider, response: &HttpResponse, now: OffsetDateTime) -> Outcome {
    read(provider, Answer::NO_ERROR, response, now)
}

fn read(
    provider: Provider,
    answer: Answer,
    response: &HttpResponse,
    now: OffsetDateTime,
) -> Outcome {
    let body = match json::parse(&response.body) {
        Ok(body) => body,
        Err(AnswerShape::DuplicateKey) => {
            return ambiguous(response, Detail::Unreadable(AnswerShape::DuplicateKey));
        }
        Err(_) => return unreadable(response),
    };
    let read = match provider {
        Provider::Alibaba => aliyun::interpret(response, &body, answer.success, now),
        Provider::Huawei => huawei::interpret(response, &body, answer.success, now),
        Provider::UCloud => ucloud::interpret(response, &body, answer.success, now),
        Provider::Tencent => tencent::interpret(response, &body, answer.success, now),
    };
    let Some(mut outcome) = read else {
        return unreadable(response);
    };
    if outcome.status == Status::Succeeded {
        // The one rule for every provider: a body that says it worked, at a
        // status that says it did not, is not a success; nor a refusal.
        if !(200..300).contains(&response.status) {
            return ambiguous(response, Detail::SuccessAtErrorStatus);
        }
        if let Some(task) = answer.task {
            match task::id_in(provider, &body, task.id_field) {
                Some(id) => {
                    outcome.task = Some(id.clone());
                    outcome.status = Status::Accepted { task: id };
                }
                None => return ambiguous(response, Detail::Unreadable(AnswerShape::Unexpected)),
            }
        }
    }
    outcome
}

/// An answer that says two things at once: the change may have been made.
fn ambiguous(response: &HttpResponse, detail: Detail) -> Outcome {
    let mut outcome = Outcome::new(Status::Unknown).with_hint(Hint::UNREADABLE_ANSWER);
    outcome.http_status = Some(response.status);
    outcome.detail = Some(detail);
    outcome
}

/// Every error code the providers' tables name (patterns as written,
/// `*` included), for tests that walk them.
pub fn known_codes() -> Vec<&'static str> {
    TABLES
        .iter()
        .flat_map(|table| table.iter().map(|rule| rule.code.trim_end_matches('*')))
        .collect()
}

/// Every provider's code table.
const TABLES: [&[codes::CodeRule]; 4] =
    [aliyun::CODES, huawei::CODES, ucloud::CODES, tencent::CODES];

fn unreadable(response: &HttpResponse) -> Outcome {
    let mut outcome = if (300..400).contains(&response.status) {
        Outcome::new(Status::Rejected).with_hint(Hint::REDIRECTED)
    } else if (400..500).contains(&response.status) {
        Outcome::new(Status::Rejected).with_hint(Hint::REFUSED_UNREADABLE)
    } else {
        Outcome::new(Status::Unknown).with_hint(Hint::UNREADABLE_ANSWER)
    };
    outcome.http_status = Some(response.status);
    outcome.detail = Some(Detail::Unreadable(AnswerShape::of(&response.body)));
    outcome
}

/// The outcome of a call whose answer was never read.
pub fn from_send_error(error: &SendError) -> Outcome {
    let (status, hint, failure) = match error {
        SendError::NotSent(failure) => (Status::NotSent, Hint::NOT_SENT, failure),
        SendError::Unknown(failure) => (Status::Unknown, Hint::NO_ANSWER, failure),
    };
    let mut outcome = Outcome::new(status).with_hint(hint);
    outcome.detail = Some(Detail::Transport(failure.clone()));
    outcome
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
    /// What Keyturn saw when the provider's answer was missing or could
    /// not be read.
    pub detail: Option<Detail>,
    pub request_id: Option<String>,
    /// HTTP status of the answer, when there was one.
    pub http_status: Option<u16>,
    /// What the user can do about it.
    pub hint: Option<Hint>,
    /// The provider's task that finished (or is finishing) the change, for
    /// an operation that only accepts it.
    pub task: Option<TaskId>,
}

/// Keyturn's own account of a call whose answer is missing or unreadable,
/// as facts; front ends word it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// The answer (its HTTP status in [`Outcome::http_status`]) is not
    /// what the provider documents.
    Unreadable(AnswerShape),
    /// The body's own status field holds `given`, which no HTTP status
    /// can be.
    NotAnHttpStatus { given: String },
    /// Nothing was sent, or no answer was read.
    Transport(Failure),
    /// The body says the change was made, at an HTTP status (in
    /// [`Outcome::http_status`]) that says the request failed.
    SuccessAtErrorStatus,
}

/// What an answer that is not the provider's documented one looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerShape {
    Empty,
    /// A web page: a proxy's, a gateway's or a captive portal's.
    Html,
    MalformedJson,
    /// JSON or text of another shape.
    Unexpected,
    /// JSON naming one member twice in one object: which of the two the
    /// provider meant cannot be known.
    DuplicateKey,
}

impl AnswerShape {
    /// The shape of `body`.
    pub fn of(body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(body);
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            AnswerShape::Empty
        } else if trimmed.starts_with('<') {
            AnswerShape::Html
        } else if trimmed.starts_with(['{', '[']) && serde_json::from_str::<Value>(trimmed).is_err()
        {
            AnswerShape::MalformedJson
        } else {
            AnswerShape::Unexpected
        }
    }

    /// A stable name for scripts (`--json`).
    pub fn key(self) -> &'static str {
        match self {
            AnswerShape::Empty => "empty",
            AnswerShape::Html => "html",
            AnswerShape::MalformedJson => "malformed_json",
            AnswerShape::Unexpected => "unexpected",
            AnswerShape::DuplicateKey => "duplicate_key",
        }
    }
}

/// The kinds of result a front end distinguishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The provider confirmed the change.
    Succeeded,
    /// The provider accepted the change and finishes it as a task: the
    /// password changes when the task is done. The rotation follows the
    /// task (`TaskPoll`) and settles on what it comes to.
    Accepted { task: TaskId },
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
}

impl Outcome {
    pub fn new(status: Status) -> Self {
        Outcome {
            status,
            code: None,
            message: None,
            detail: None,
            request_id: None,
            http_status: None,
            hint: None,
            task: None,
        }
    }

    pub fn with_hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }
}

impl Status {
    /// A stable name for scripts (`--json`).
    pub fn key(&self) -> &'static str {
        match self {
            Status::Succeeded => "succeeded",
            Status::Accepted { .. } => "accepted",
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
