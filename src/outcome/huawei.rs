//! Reading Huawei Cloud DCS `UpdatePassword` answers.
//!
//! 200 carries `result` (`success`, `passwordFailed`, `locked`, `failed`;
//! read without regard to case, as the English v1 page writes `Success`),
//! `retry_times_left`, `lock_time`, `lock_time_left` and `message`.
//! Neither the API reference (Chinese and English) nor the SDK model gives
//! `lock_time_left` a unit, so the countdown runs from the documented
//! five-minute lock (never shorter than the real one) and the raw value is
//! shown beside it. Errors carry `error_code` and `error_msg`; the API
//! gateway's own codes are `APIGW.*`. The request id is the
//! `X-Request-Id` header. Sources: DCS API reference (UpdatePassword,
//! error codes), API Gateway error codes.

use serde_json::Value;
use time::{Duration, OffsetDateTime};

use super::codes::{CodeRule, Meaning, outcome_for, rule};
use super::{AuthProblem, Hint, Outcome, Status, json_str, json_u32};
use crate::catalog::Success;
use crate::http::HttpResponse;

pub(super) static CODES: &[CodeRule] = &[
    // APIGW.0301 covers every AK/SK failure; `refine_apigw_0301` reads the message.
    rule(
        "APIGW.0301",
        Meaning::Auth(AuthProblem::SignatureMismatch),
        None,
    ),
    rule("APIGW.0302", Meaning::Auth(AuthProblem::NoPermission), None),
    rule("DCS.2003", Meaning::Auth(AuthProblem::NoPermission), None),
    rule("DCS.2007", Meaning::Auth(AuthProblem::NoPermission), None),
    rule(
        "APIGW.0308",
        Meaning::Throttled { after_secs: 60 },
        Some(Hint::new("hint-huawei-apigw-0308")),
    ),
    rule(
        "APIGW.0801",
        Meaning::Rejected,
        Some(Hint::new("hint-huawei-apigw-0801")),
    ),
    rule(
        "APIGW.0310",
        Meaning::Rejected,
        Some(Hint::new("hint-huawei-apigw-0310")),
    ),
    rule(
        "DCS.3022",
        Meaning::Rejected,
        Some(Hint::new("hint-huawei-dcs-3022")),
    ),
    rule(
        "DCS.4049",
        Meaning::Rejected,
        Some(Hint::new("hint-huawei-dcs-4049")),
    ),
    rule(
        "DCS.4115",
        Meaning::Rejected,
        Some(Hint::new("hint-huawei-dcs-4115")),
    ),
    rule(
        "DCS.4080",
        Meaning::WrongOldPassword,
        Some(Hint::new("hint-huawei-dcs-4080")),
    ),
    rule(
        "DCS.4019",
        Meaning::Rejected,
        Some(Hint::new("hint-huawei-dcs-4019")),
    ),
    rule("DCS.5000", Meaning::Unknown, None),
    rule("APIGW.06*", Meaning::Unknown, None),
];

/// "Five wrong old passwords in a row lock the instance's password change
/// for five minutes" (DCS API reference, UpdatePassword).
const DOCUMENTED_LOCK: Duration = Duration::minutes(5);

pub fn interpret(
    response: &HttpResponse,
    body: &Value,
    success: Success,
    now: OffsetDateTime,
) -> Option<Outcome> {
    let body = body.as_object()?;
    let request_id = response
        .header("x-request-id")
        .map(str::to_owned)
        .or_else(|| json_str(body.get("request_id")));
    let mut outcome = if let Some(code) = json_str(body.get("error_code")) {
        let mut o = outcome_for(CODES, &code, response.status, now);
        o.message = json_str(body.get("error_msg"));
        if code == "APIGW.0301" {
            refine_apigw_0301(&mut o);
        }
        o
    } else if let Success::ResultWord(field) = success {
        let result = json_str(body.get(field))?;
        let mut o = match result.to_ascii_lowercase().as_str() {
            "success" => Outcome::new(Status::Succeeded),
            "passwordfailed" => Outcome::new(Status::WrongOldPassword {
                retries_left: json_u32(body.get("retry_times_left")),
            })
            .with_hint(Hint::HUAWEI_WRONG_OLD_PASSWORD),
            "locked" => Outcome::new(Status::Locked {
                until: now.checked_add(DOCUMENTED_LOCK),
            })
            .with_hint(Hint::HUAWEI_LOCKED),
            "failed" => Outcome::new(Status::Rejected),
            _ => return None,
        };
        o.code = Some(result);
        o.message = json_str(body.get("message"));
        // No documented unit: the raw value is shown beside the message.
        if let Some(left) = json_str(body.get("lock_time_left"))
            .filter(|_| matches!(o.status, Status::Locked { .. }))
        {
            let raw = format!("lock_time_left {}", left.escape_debug());
            o.message = Some(match o.message.take() {
                Some(message) => format!("{message} ({raw})"),
                None => raw,
            });
        }
        o
    } else if (200..300).contains(&response.status) {
        // An answer without `error_code`, for an API whose success carries
        // no result word of its own.
        Outcome::new(Status::Succeeded)
    } else {
        return None;
    };
    outcome.request_id = request_id;
    outcome.http_status = Some(response.status);
    Some(outcome)
}

/// The gateway reports every AK/SK problem as APIGW.0301; the message says which.
fn refine_apigw_0301(o: &mut Outcome) {
    let msg = o
        .message
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let problem = if msg.contains("expired") {
        AuthProblem::ClockSkew
    } else if msg.contains("not exist") || msg.contains("get secretkey failed") {
        AuthProblem::UnknownKey
    } else if msg.contains("reach the limit") {
        o.status = Status::Rejected;
        o.hint = Some(Hint::HUAWEI_SIGNATURES_BLOCKED);
        return;
    } else {
        AuthProblem::SignatureMismatch
    };
    o.status = Status::Auth(problem);
    o.hint = Some(problem.hint());
}
