//! Reading Tencent Cloud API 3.0 answers: `{"Response": {"RequestId"}}` or
//! `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`, at HTTP 200.
//! Codes: API 3.0 common error codes and TcaplusDB's ModifyClusterPassword.

use serde_json::Value;
use time::OffsetDateTime;

use super::codes::{CodeRule, Meaning, outcome_for, rule};
use super::{AuthProblem, Outcome, Status, json_str};
use crate::http::HttpResponse;

pub(super) static CODES: &[CodeRule] = &[
    rule(
        "AuthFailure.SignatureFailure",
        Meaning::Auth(AuthProblem::SignatureMismatch),
        None,
    ),
    rule(
        "AuthFailure.SecretIdNotFound",
        Meaning::Auth(AuthProblem::UnknownKey),
        None,
    ),
    rule(
        "AuthFailure.InvalidSecretId",
        Meaning::Auth(AuthProblem::UnknownKey),
        None,
    ),
    rule(
        "AuthFailure.SignatureExpire",
        Meaning::Auth(AuthProblem::ClockSkew),
        None,
    ),
    rule(
        "AuthFailure.UnauthorizedOperation",
        Meaning::Auth(AuthProblem::NoPermission),
        None,
    ),
    rule(
        "UnauthorizedOperation*",
        Meaning::Auth(AuthProblem::NoPermission),
        None,
    ),
    rule(
        "AuthFailure*",
        Meaning::Auth(AuthProblem::SignatureMismatch),
        None,
    ),
    rule(
        "RequestLimitExceeded*",
        Meaning::Throttled { after_secs: 1 },
        Some("More than 20 requests in a second: wait a moment, then try again."),
    ),
    rule(
        "UnsupportedRegion",
        Meaning::Rejected,
        Some("TcaplusDB is not offered in this region: check the region."),
    ),
    rule(
        "FailedOperation.RegionMismatch",
        Meaning::Rejected,
        Some("The cluster is in another region: check the region."),
    ),
    rule(
        "FailedOperation.OldPasswordInUse",
        Meaning::OldPasswordStillValid,
        Some(
            "A previous old password is still valid, so no new change is accepted yet. Wait until it expires, or change only its expiry (Mode 2).",
        ),
    ),
    rule(
        "FailedOperation.OldPasswordHasExpired",
        Meaning::Rejected,
        Some("The old password has already expired, so its expiry can no longer be changed."),
    ),
    rule(
        "FailedOperation.PasswordFailure",
        Meaning::WrongOldPassword,
        Some("The old password is wrong."),
    ),
    rule(
        "InvalidParameterValue.InvalidTimeValue",
        Meaning::Rejected,
        Some("OldPasswordExpireTime was refused: give a future time as YYYY-MM-DD HH:MM:SS."),
    ),
    rule(
        "ResourceNotFound*",
        Meaning::Rejected,
        Some("No such cluster: check the cluster id and the region."),
    ),
    rule("InternalError*", Meaning::Unknown, None),
    rule("ServiceUnavailable*", Meaning::Unknown, None),
];

pub fn interpret(response: &HttpResponse, now: OffsetDateTime) -> Option<Outcome> {
    let body: Value = serde_json::from_slice(&response.body).ok()?;
    let inner = body.get("Response")?.as_object()?;
    let request_id = json_str(inner.get("RequestId"));
    let mut outcome = match inner.get("Error") {
        Some(error) => {
            let code = json_str(error.get("Code"))?;
            let mut o = outcome_for(CODES, &code, response.status, now);
            o.message = json_str(error.get("Message"));
            o
        }
        None if (200..300).contains(&response.status) && request_id.is_some() => {
            Outcome::new(Status::Succeeded)
        }
        None => return None,
    };
    outcome.request_id = request_id;
    outcome.http_status = Some(response.status);
    Some(outcome)
}
