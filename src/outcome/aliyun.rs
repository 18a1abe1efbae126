//! Reading Alibaba Cloud DTS answers.
//!
//! Two shapes: the API gateway's `{RequestId, HostId, Code, Message,
//! Recommend}` with a 4xx/5xx status, and DTS's own `{Success, ErrCode,
//! ErrMessage, DynamicMessage, HttpStatusCode, RequestId}`, where
//! `DynamicMessage` fills the `%s` in `ErrMessage`. `Success` is a boolean
//! for ModifyDtsJobPassword and the string `"true"`/`"false"` for
//! ModifyConsumerGroupPassword; which member says success is the
//! operation's (`catalog::Success`). Codes: Alibaba Cloud API error center
//! (gateway client errors) and the DTS API reference.

use serde_json::Value;
use time::OffsetDateTime;

use super::codes::{CodeRule, Meaning, outcome_for, rule};
use super::{AuthProblem, Detail, Hint, Outcome, Status, json_str};
use crate::catalog::Success;
use crate::http::HttpResponse;

/// ModifyConsumerGroupPassword's field for the group's current password.
/// DTS documents no code of its own for a wrong one: an `InvalidParameter`
/// that names this field ("The Value of Input Parameter
/// ConsumerGroupPassword is not valid.") says the current password was not
/// accepted, which the user can act on better than a plain rejection.
const CURRENT_PASSWORD_FIELD: &str = "ConsumerGroupPassword";

pub(super) static CODES: &[CodeRule] = &[
    rule(
        "SignatureDoesNotMatch",
        Meaning::Auth(AuthProblem::SignatureMismatch),
        None,
    ),
    rule(
        "IncompleteSignature",
        Meaning::Auth(AuthProblem::SignatureMismatch),
        None,
    ),
    rule(
        "InvalidAccessKeyId*",
        Meaning::Auth(AuthProblem::UnknownKey),
        None,
    ),
    rule(
        "InvalidTimeStamp.Expired",
        Meaning::Auth(AuthProblem::ClockSkew),
        None,
    ),
    rule(
        "SignatureNonceUsed",
        Meaning::Rejected,
        Some(Hint::new("hint-alibaba-signaturenonceused")),
    ),
    rule("Forbidden*", Meaning::Auth(AuthProblem::NoPermission), None),
    rule(
        "NoPermission",
        Meaning::Auth(AuthProblem::NoPermission),
        None,
    ),
    // DTS asks callers to wait 15–30 s after flow control.
    rule(
        "Throttling*",
        Meaning::Throttled { after_secs: 30 },
        Some(Hint::new("hint-alibaba-throttling")),
    ),
    rule(
        "DTS.Msg.Throttling*",
        Meaning::Throttled { after_secs: 30 },
        Some(Hint::new("hint-alibaba-dts-msg-throttling")),
    ),
    rule(
        "InvalidRegionId*",
        Meaning::Rejected,
        Some(Hint::new("hint-alibaba-invalidregionid")),
    ),
    rule(
        "InvalidParameter*",
        Meaning::Rejected,
        Some(Hint::new("hint-alibaba-invalidparameter")),
    ),
    rule("InternalError", Meaning::Unknown, None),
    rule("ServiceUnavailable", Meaning::Unknown, None),
];

pub fn interpret(
    response: &HttpResponse,
    body: &Value,
    success: Success,
    now: OffsetDateTime,
) -> Option<Outcome> {
    let body = body.as_object()?;
    let request_id = json_str(body.get("RequestId"))
        .or_else(|| response.header("x-acs-request-id").map(str::to_owned));
    let flag = |field: &str| match body.get(field) {
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) => Some(s.eq_ignore_ascii_case("true")),
        _ => None,
    };
    // DTS carries a number in `Code` too ("200"); only a word is an error code.
    let code = json_str(body.get("ErrCode"))
        .or_else(|| json_str(body.get("Code")))
        .filter(|c| c.parse::<u16>().is_err());
    let message = json_str(body.get("ErrMessage"))
        .or_else(|| json_str(body.get("Message")))
        .map(|m| match json_str(body.get("DynamicMessage")) {
            Some(dynamic) => m.replacen("%s", &dynamic, 1),
            None => m,
        });

    let succeeded = match success {
        Success::Flag(field) => flag(field) == Some(true),
        // R-KVStore, RDS and PolarDB answer a success with the request id alone.
        Success::NoError => {
            code.is_none() && request_id.is_some() && flag("Success") != Some(false)
        }
        Success::ResultWord(_) => false,
    };
    // A status the body gives that no HTTP status can be (65936, -1, a
    // word) contradicts the answer: it is unknown, never read as a definite
    // refusal by a wrapped number, nor as a success.
    let status = match body.get("HttpStatusCode") {
        None | Some(Value::Null) => response.status,
        Some(given) => match given
            .as_u64()
            .and_then(|s| u16::try_from(s).ok())
            .filter(|s| (100..=599).contains(s))
        {
            Some(status) => status,
            None => {
                let mut o = Outcome::new(Status::Unknown).with_hint(Hint::UNREADABLE_ANSWER);
                o.code = code;
                o.message = message;
                o.detail = Some(Detail::NotAnHttpStatus {
                    given: given.to_string(),
                });
                o.http_status = Some(response.status);
                o.request_id = request_id;
                return Some(o);
            }
        },
    };
    let mut outcome = if succeeded && (200..300).contains(&status) {
        Outcome::new(Status::Succeeded)
    } else if succeeded {
        // A success whose own status says it failed.
        let mut o = Outcome::new(Status::Unknown).with_hint(Hint::UNREADABLE_ANSWER);
        o.detail = Some(Detail::SuccessAtErrorStatus);
        o
    } else {
        let code = code?;
        let mut o = outcome_for(CODES, &code, status.max(response.status), now);
        if code == "InvalidParameter"
            && json_str(body.get("DynamicMessage")).as_deref() == Some(CURRENT_PASSWORD_FIELD)
        {
            o.status = Status::WrongOldPassword { retries_left: None };
            o.hint = Some(Hint::ALIBABA_WRONG_CURRENT_PASSWORD);
        }
        o
    };
    outcome.message = message;
    outcome.request_id = request_id;
    outcome.http_status = Some(response.status);
    Some(outcome)
}
