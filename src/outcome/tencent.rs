//! Reading Tencent Cloud API 3.0 answers: `{"Response": {"RequestId"}}` or
//! `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`, at HTTP 200.
//! Codes: API 3.0 common error codes and TcaplusDB's ModifyClusterPassword.

use serde_json::Value;
use time::OffsetDateTime;

use super::codes::{CodeRule, Meaning, outcome_for, rule};
use super::{AuthProblem, Hint, Outcome, Status, json_str};
use crate::catalog::{Provider, Success, answer_members};
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
        Some(Hint::new("hint-tencent-requestlimitexceeded")),
    ),
    rule(
        "UnsupportedRegion",
        Meaning::Rejected,
        Some(Hint::new("hint-tencent-unsupportedregion")),
    ),
    rule(
        "FailedOperation.RegionMismatch",
        Meaning::Rejected,
        Some(Hint::new("hint-tencent-failedoperation-regionmismatch")),
    ),
    rule(
        "FailedOperation.OldPasswordInUse",
        Meaning::OldPasswordStillValid,
        Some(Hint::new("hint-tencent-failedoperation-oldpasswordinuse")),
    ),
    rule(
        "FailedOperation.OldPasswordHasExpired",
        Meaning::Rejected,
        Some(Hint::new(
            "hint-tencent-failedoperation-oldpasswordhasexpired",
        )),
    ),
    rule(
        "FailedOperation.PasswordFailure",
        Meaning::WrongOldPassword,
        Some(Hint::new("hint-tencent-failedoperation-passwordfailure")),
    ),
    // Redis's own, for a wrong old password ("校验密码失败").
    rule(
        "InvalidParameterValue.PasswordError",
        Meaning::WrongOldPassword,
        None,
    ),
    rule(
        "InvalidParameterValue.InvalidTimeValue",
        Meaning::Rejected,
        Some(Hint::new(
            "hint-tencent-invalidparametervalue-invalidtimevalue",
        )),
    ),
    rule(
        "ResourceNotFound*",
        Meaning::Rejected,
        Some(Hint::new("hint-tencent-resourcenotfound")),
    ),
    rule("InternalError*", Meaning::Unknown, None),
    rule("ServiceUnavailable*", Meaning::Unknown, None),
];

pub fn interpret(
    response: &HttpResponse,
    body: &Value,
    _success: Success,
    now: OffsetDateTime,
) -> Option<Outcome> {
    let inner = answer_members(Provider::Tencent, body)?;
    let request_id = json_str(inner.get("RequestId"));
    let mut outcome = match inner.get("Error") {
        Some(error) => {
            let code = json_str(error.get("Code"))?;
            let mut o = outcome_for(CODES, &code, response.status, now);
            o.message = json_str(error.get("Message"));
            o
        }
        // Every Tencent Cloud API's success is a `Response` without `Error`.
        None if request_id.is_some() => Outcome::new(Status::Succeeded),
        None => return None,
    };
    outcome.request_id = request_id;
    outcome.http_status = Some(response.status);
    Some(outcome)
}
