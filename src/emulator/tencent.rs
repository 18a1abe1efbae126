//! Tencent Cloud TcaplusDB `ModifyClusterPassword` (API 3.0).
//!
//! API 3.0 answers with HTTP 200 whatever happened: `{"Response":
//! {"RequestId"}}` on success, `{"Response":{"Error":{"Code","Message"},
//! "RequestId"}}` otherwise (Tencent's "Responses" and common error code
//! pages, e.g. github.com/tencentyun/intlcloud-documents). Codes:
//!
//! - common: `AuthFailure.SecretIdNotFound` "The SecretId is not found,
//!   please ensure that your SecretId is correct." and
//!   `AuthFailure.SignatureFailure` "The provided credentials could not be
//!   validated. Please check your signature is correct." (texts as real
//!   answers quote them); `AuthFailure.SignatureExpire`; `RequestLimitExceeded`
//!   "Your current request times equals to `N` in a second, which exceeds the
//!   frequency limit `20` for a second. Please reduce the frequency of
//!   calls." (as quoted in TencentCloud SDK error reports); `MissingParameter`
//!   "The request is missing a required parameter `X`."
//!   (github.com/TencentCloud/tencentcloud-sdk-java/issues/62);
//!   `InvalidParameterValue` "A value specified in `X` is not valid, is
//!   unsupported, or cannot be used."; `NoSuchVersion`, `InvalidAction`,
//!   `InternalError`.
//! - ModifyClusterPassword's own (`shared/provider-docs/004_…`):
//!   `FailedOperation.OldPasswordInUse` "The old password has not expired.",
//!   `FailedOperation.OldPasswordHasExpired` "The old password has expired.",
//!   `FailedOperation.PasswordFailure` "Incorrect password.",
//!   `InvalidParameterValue.InvalidTimeValue` "Invalid time format.".
//!
//! The `X-TC-Region` must be one of Tencent Cloud's API 3.0 regions
//! ([`REGIONS`]); any other gets the common `UnsupportedRegion` ("接口不支持所传地域",
//! the API does not support the region passed in). The emulator does not
//! model which of those regions offer TcaplusDB.
//!
//! `OldPasswordExpireTime` (`YYYY-MM-DD HH:MM:SS`) is read as China Standard
//! Time, UTC+8: TcaplusDB is a Chinese service and its console shows
//! Beijing time; the page names no zone. At most 20 requests in any one
//! second (a sliding window), as the page says.

use serde_json::json;
use time::macros::offset;
use time::{OffsetDateTime, UtcOffset};

use super::Context;
use super::change::{self, Refused};
use super::faults::{self, Fault};
use super::params::{self, Problem};
use super::received::{Params, Received};
use super::reply::{Answer, Handled, uuid_lower};
use super::signature::{self, AuthError};
use super::state::{ClusterChange, ClusterOutcome, ResourceKey, TCAPLUS_PER_SECOND};
use crate::catalog::{Operation, RequestShape};

const PROVIDER: &str = "tencent";

/// The regions of Tencent Cloud API 3.0's common `Region` parameter, as its
/// "Request Structure" and "Common Params" pages list them (public and
/// financial-zone regions).
pub(crate) const REGIONS: &[&str] = &[
    "ap-bangkok",
    "ap-beijing",
    "ap-beijing-fsi",
    "ap-chengdu",
    "ap-chongqing",
    "ap-guangzhou",
    "ap-hongkong",
    "ap-jakarta",
    "ap-mumbai",
    "ap-nanjing",
    "ap-seoul",
    "ap-shanghai",
    "ap-shanghai-fsi",
    "ap-shenzhen-fsi",
    "ap-singapore",
    "ap-tokyo",
    "eu-frankfurt",
    "eu-moscow",
    "na-ashburn",
    "na-siliconvalley",
    "na-toronto",
    "sa-saopaulo",
];

/// China Standard Time, in which `OldPasswordExpireTime` is read.
const CHINA_STANDARD_TIME: UtcOffset = offset!(+8);

fn error(request_id: &str, code: &str, message: &str) -> Answer {
    Answer::json(
        200,
        &json!({"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}),
        code,
    )
}

/// STS's "who am I" call, which `keyturn profile verify` makes; it answers
/// any valid signature, as the real one needs no permission.
const CALLER_IDENTITY: &str = "GetCallerIdentity";

pub(crate) fn handle(ctx: &Context, req: &Received, action: &str) -> Handled {
    let request_id = uuid_lower();
    let fail = |code: &str, message: &str| {
        Handled::answer(PROVIDER, action, None, error(&request_id, code, message))
    };
    let this_action = |shape| match shape {
        RequestShape::TencentApi3 {
            service,
            action: a,
            version,
        } if a == action => Some((service, version)),
        _ => None,
    };
    let found = crate::catalog::find_by_shape(this_action);
    let poll = crate::catalog::find_task_poll(this_action);
    let identity = action == CALLER_IDENTITY;
    let service = match (found, poll) {
        (Some((_, (service, _))), _) | (None, Some((_, _, (service, _)))) => service,
        (None, None) if identity => "sts",
        (None, None) => {
            return fail(
                "InvalidAction",
                &format!("The requested action `{action}` does not exist."),
            );
        }
    };
    if let Err(e) = signature::tc3(ctx, req, service) {
        return match e {
            AuthError::UnknownKey(_) => fail(
                "AuthFailure.SecretIdNotFound",
                "The SecretId is not found, please ensure that your SecretId is correct.",
            ),
            AuthError::ClockSkew { sent, now } => fail(
                "AuthFailure.SignatureExpire",
                &format!(
                    "Signature expired. Timestamp is {}, server time is {}: they may differ by at most {} seconds.",
                    sent.unix_timestamp(),
                    now.unix_timestamp(),
                    super::signature::tc3_max_skew(ctx).whole_seconds()
                ),
            ),
            AuthError::Malformed(what) => fail(
                "AuthFailure.InvalidAuthorization",
                &format!("The Authorization header is not valid: {what}."),
            ),
            AuthError::Signature { .. } | AuthError::NonceUsed => fail(
                "AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct.",
            ),
        };
    }
    let (op, version, poll) = match (found, poll) {
        (Some((op, (_, version))), _) => (op, version, None),
        (None, Some((op, poll, (_, version)))) => (op, version, Some(poll)),
        (None, None) => {
            // Only STS GetCallerIdentity gets here: `keyturn profile verify`.
            let answer = Answer::json(
                200,
                &json!({"Response": {
                    "Arn": "qcs::cam::uin/100000000001:uin/100000000001",
                    "AccountId": "100000000001",
                    "UserId": "100000000001",
                    "PrincipalId": "100000000001",
                    "Type": "RootAccount",
                    "RequestId": request_id,
                }}),
                "success",
            );
            return Handled::answer(PROVIDER, action, None, answer);
        }
    };
    match req.header("x-tc-version") {
        None => {
            return fail(
                "MissingParameter",
                "The request is missing a required parameter `Version`.",
            );
        }
        Some(sent) if sent != version => {
            return fail(
                "NoSuchVersion",
                &format!("The API version `{sent}` does not exist."),
            );
        }
        Some(_) => {}
    }
    match req.header("x-tc-region") {
        None | Some("") => {
            return fail(
                "MissingParameter",
                "The request is missing a required parameter `Region`.",
            );
        }
        Some(region) if !REGIONS.contains(&region) => {
            return fail(
                "UnsupportedRegion",
                &format!("The API does not support the region `{region}`."),
            );
        }
        Some(_) => {}
    }
    if op.id == TCAPLUS && !ctx.state.within_rate(TCAPLUS_PER_SECOND) {
        return fail(
            "RequestLimitExceeded",
            &format!(
                "Your current request times equals to `{}` in a second, which exceeds the frequency limit `{TCAPLUS_PER_SECOND}` for a second. Please reduce the frequency of calls.",
                TCAPLUS_PER_SECOND + 1
            ),
        );
    }
    let Some(params) = req.json() else {
        return fail("InvalidParameter", "The request body is not a JSON object.");
    };
    if let Some(poll) = poll {
        let id = params.get(poll.id_param).unwrap_or_default();
        let answer = match change::task_answer(ctx, &poll, id) {
            Some(mut members) => {
                members["RequestId"] = json!(request_id);
                Answer::json(200, &json!({ "Response": members }), "task")
            }
            None => error(
                &request_id,
                "ResourceNotFound",
                &format!("The task `{}` does not exist.", id.escape_debug()),
            ),
        };
        return Handled::answer(PROVIDER, action, Some(id), answer);
    }
    // The first resource field names the resource, for the fault prefixes
    // and the log.
    let resource = op.resource_fields.first().and_then(|f| params.get(f));
    let staged = faults::run(
        resource.and_then(Fault::of),
        ctx.slow_answer,
        || {
            let mut a = error(&request_id, "InternalError", "Internal error.");
            a.status = 500;
            a
        },
        || match op.id {
            TCAPLUS => modify(ctx, op, &params, &request_id),
            _ => catalogued(ctx, op, &params, &request_id),
        },
    );
    Handled::staged(PROVIDER, action, resource, staged)
}

/// TcaplusDB, which has behaviour of its own (the old password's window);
/// every other Tencent operation is the catalogue's plain change.
const TCAPLUS: &str = "tencentcloud.tcaplusdb.modify-cluster-password";

/// A plain change (`change.rs`), answered as the operation documents: for
/// Redis and MySQL, with a task id. A wrong old password is Redis's
/// `InvalidParameterValue.PasswordError` ("校验密码失败", its error-code
/// list), a bad parameter the common `InvalidParameterValue`.
fn catalogued(ctx: &Context, op: &'static Operation, params: &Params, request_id: &str) -> Answer {
    match change::change(ctx, op, params) {
        Ok(done) => Answer::json(200, &change::success_body(op, request_id, &done), "success"),
        Err(Refused::Problem(Problem::Missing(f))) => error(
            request_id,
            "MissingParameter",
            &format!("The request is missing a required parameter `{f}`."),
        ),
        Err(Refused::Problem(Problem::Invalid(f))) => error(
            request_id,
            "InvalidParameterValue",
            &format!("A value specified in `{f}` is not valid, is unsupported, or cannot be used."),
        ),
        Err(Refused::WrongOldPassword) => error(
            request_id,
            "InvalidParameterValue.PasswordError",
            "Password verification failed.",
        ),
    }
}

/// `YYYY-MM-DD HH:MM:SS` in China Standard Time.
fn expire_time(text: &str) -> Option<OffsetDateTime> {
    Some(params::parse_date_time(text)?.assume_offset(CHINA_STANDARD_TIME))
}

fn modify(ctx: &Context, op: &'static Operation, params: &Params, request_id: &str) -> Answer {
    let checked = params::check_fields(op, params).and_then(|()| {
        let old = params
            .get("OldPassword")
            .ok_or(Problem::Missing("OldPassword"))?;
        let expires = params
            .get("OldPasswordExpireTime")
            .and_then(expire_time)
            .ok_or(Problem::Invalid("OldPasswordExpireTime"))?;
        let change = match params.get("Mode").unwrap_or("1") {
            "2" => ClusterChange::MoveExpiry {
                old,
                old_expires: expires,
            },
            _ => {
                let new = params
                    .get(op.new_password.field)
                    .ok_or(Problem::Missing(op.new_password.field))?;
                params::check_new_password(op, new, Some(old))?;
                ClusterChange::SetPassword {
                    old,
                    new,
                    old_expires: expires,
                }
            }
        };
        Ok(change)
    });
    let change = match checked {
        Ok(change) => change,
        Err(Problem::Missing(f)) => {
            return error(
                request_id,
                "MissingParameter",
                &format!("The request is missing a required parameter `{f}`."),
            );
        }
        Err(Problem::Invalid("OldPasswordExpireTime")) => {
            return error(
                request_id,
                "InvalidParameterValue.InvalidTimeValue",
                "Invalid time format.",
            );
        }
        Err(Problem::Invalid(f)) => {
            return error(
                request_id,
                "InvalidParameterValue",
                &format!(
                    "A value specified in `{f}` is not valid, is unsupported, or cannot be used."
                ),
            );
        }
    };
    let key = ResourceKey::new(op, &[params.get("ClusterId").unwrap_or_default()]);
    match ctx.state.cluster_change(key, change) {
        ClusterOutcome::Changed => Answer::json(
            200,
            &json!({"Response": {"RequestId": request_id}}),
            "success",
        ),
        ClusterOutcome::WrongPassword => error(
            request_id,
            "FailedOperation.PasswordFailure",
            "Incorrect password.",
        ),
        ClusterOutcome::OldPasswordInUse { .. } => error(
            request_id,
            "FailedOperation.OldPasswordInUse",
            "The old password has not expired.",
        ),
        ClusterOutcome::OldPasswordHasExpired => error(
            request_id,
            "FailedOperation.OldPasswordHasExpired",
            "The old password has expired.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn regions_are_region_names_in_order() {
        assert!(REGIONS.contains(&"ap-guangzhou"));
        assert!(!REGIONS.contains(&"ap-nowhere"));
        assert!(
            REGIONS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        for r in REGIONS {
            assert!(crate::endpoint::check_region(r).is_ok(), "{r}");
        }
    }

    #[test]
    fn expire_time_is_china_standard_time() {
        assert_eq!(
            expire_time("2026-01-01 08:00:00"),
            Some(datetime!(2026-01-01 00:00:00 UTC))
        );
        assert_eq!(expire_time("2026-01-01T08:00:00"), None);
    }
}
