//! Reading UCloud answers: `{Action, RetCode, Message}` at HTTP 200;
//! `RetCode` 0 is success (at HTTP 2xx: `outcome::read` holds every
//! provider to that). Codes: UCloud API common error codes.

use serde_json::Value;
use time::OffsetDateTime;

use super::codes::{CodeRule, Meaning, outcome_for, rule};
use super::{AuthProblem, Hint, Outcome, Status, json_str};
use crate::catalog::Success;
use crate::http::HttpResponse;

pub(super) static CODES: &[CodeRule] = &[
    rule("171", Meaning::Auth(AuthProblem::SignatureMismatch), None),
    rule("170", Meaning::Auth(AuthProblem::SignatureMismatch), None),
    rule("172", Meaning::Auth(AuthProblem::UnknownKey), None),
    rule("299", Meaning::Auth(AuthProblem::NoPermission), None),
    rule(
        "293",
        Meaning::Auth(AuthProblem::NoPermission),
        Some(Hint::new("hint-ucloud-293")),
    ),
    rule(
        "294",
        Meaning::Auth(AuthProblem::NoPermission),
        Some(Hint::new("hint-ucloud-294")),
    ),
    rule(
        "153",
        Meaning::Throttled { after_secs: 10 },
        Some(Hint::new("hint-ucloud-153")),
    ),
    rule("292", Meaning::Rejected, Some(Hint::new("hint-ucloud-292"))),
    // The API timed out (110) or was unavailable (130, 150): the change may or may not have run.
    rule("110", Meaning::Unknown, None),
    rule("130", Meaning::Unknown, None),
    rule("150", Meaning::Unknown, None),
];

pub fn interpret(
    response: &HttpResponse,
    body: &Value,
    _success: Success,
    now: OffsetDateTime,
) -> Option<Outcome> {
    // A number, as documented, or a string of digits, which the SDK reads too.
    // Codes are 0 or positive, and the SDKs read them as 32-bit integers: a
    // number out of that range is no RetCode (the answer is unreadable),
    // never one wrapped, clipped or taken for a refusal.
    let ret: i32 = match body.get("RetCode")? {
        Value::Number(n) => n.as_i64().and_then(|n| i32::try_from(n).ok())?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    if ret < 0 {
        return None;
    }
    let message = json_str(body.get("Message"));
    let mut outcome = if ret == 0 {
        Outcome::new(Status::Succeeded)
    } else {
        let mut o = outcome_for(CODES, &ret.to_string(), response.status, now);
        if o.status == Status::Rejected
            && o.hint.is_none()
            && message.as_deref().is_some_and(|m| m.contains("Region"))
        {
            o.hint = Some(Hint::UCLOUD_REGION_OR_GROUP);
        }
        o
    };
    outcome.message = message;
    outcome.request_id = response.header("x-ucloud-request-uuid").map(str::to_owned);
    outcome.http_status = Some(response.status);
    Some(outcome)
}
