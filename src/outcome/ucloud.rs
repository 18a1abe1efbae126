//! Reading UCloud answers: `{Action, RetCode, Message}` at HTTP 200;
//! `RetCode` 0 is success. Codes: UCloud API common error codes.

use serde_json::Value;
use time::OffsetDateTime;

use super::codes::{CodeRule, Meaning, outcome_for, rule};
use super::{AuthProblem, Outcome, Status, json_str};
use crate::http::HttpResponse;

pub(super) static CODES: &[CodeRule] = &[
    rule("171", Meaning::Auth(AuthProblem::SignatureMismatch), None),
    rule("170", Meaning::Auth(AuthProblem::SignatureMismatch), None),
    rule("172", Meaning::Auth(AuthProblem::UnknownKey), None),
    rule("299", Meaning::Auth(AuthProblem::NoPermission), None),
    rule(
        "293",
        Meaning::Auth(AuthProblem::NoPermission),
        Some("The key may not act in this zone: check the zone and the key's permissions."),
    ),
    rule(
        "294",
        Meaning::Auth(AuthProblem::NoPermission),
        Some("UCloud refused this computer's IP address for this key."),
    ),
    rule(
        "153",
        Meaning::Throttled { after_secs: 10 },
        Some("Too many requests: wait a few seconds, then try again."),
    ),
    rule(
        "292",
        Meaning::Rejected,
        Some("No such project: check ProjectId."),
    ),
    // The API timed out (110) or was unavailable (130, 150): the change may or may not have run.
    rule("110", Meaning::Unknown, None),
    rule("130", Meaning::Unknown, None),
    rule("150", Meaning::Unknown, None),
];

/// A refusal whose message names the region, with no hint of its own.
pub(super) const REGION_OR_GROUP: &str =
    "Check the region: UCloud does not know it or the group is not there.";

pub fn interpret(response: &HttpResponse, now: OffsetDateTime) -> Option<Outcome> {
    let body: Value = serde_json::from_slice(&response.body).ok()?;
    // A number, as documented, or a string of digits, which the SDK reads too.
    let ret = match body.get("RetCode")? {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    let message = json_str(body.get("Message"));
    let mut outcome = if ret == 0 {
        Outcome::new(Status::Succeeded)
    } else {
        let mut o = outcome_for(CODES, &ret.to_string(), response.status, now);
        if o.status == Status::Rejected
            && o.hint.is_none()
            && message.as_deref().is_some_and(|m| m.contains("Region"))
        {
            o.hint = Some(REGION_OR_GROUP.into());
        }
        o
    };
    outcome.message = message;
    outcome.request_id = response.header("x-ucloud-request-uuid").map(str::to_owned);
    outcome.http_status = Some(response.status);
    Some(outcome)
}
