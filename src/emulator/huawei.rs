//! Huawei Cloud DCS `UpdatePassword`, behind Huawei's API gateway.
//!
//! Every answer carries the request id in an `X-Request-Id` header.
//!
//! - 200 answers: `{"lock_time","result","lock_time_left","retry_times_left",
//!   "message"}`, every value a string, `result` one of `success`,
//!   `passwordFailed`, `locked`, `failed` (`shared/provider-docs/002_…`).
//!   `lock_time` and `lock_time_left` are in **minutes**: "Lock duration, in
//!   minutes" and "Remaining time before the account is unlocked, in
//!   minutes" (Huawei's English API reference as republished in
//!   github.com/opentelekomcloud-docs/distributed-cache-service,
//!   `api-ref/source/apis_v2_recommended/instance_management/changing_the_password.rst`).
//!   Wrong old passwords count `retry_times_left` down 4, 3, 2, 1; the fifth
//!   answers `locked`, and so does every attempt for five minutes. The
//!   `passwordFailed` and `locked` messages are the emulator's own wording.
//! - 4xx/5xx from DCS: `{"error_code","error_msg"}` with codes from the DCS
//!   error code table (same repository, `api-ref/source/appendix/error_codes.rst`):
//!   DCS.4004 "Empty request body.", DCS.4005 "The message body contains
//!   invalid characters or is not in JSON format.", DCS.4019 "The password
//!   does not meet complexity requirements.", DCS.4800 "Invalid {0} in the
//!   request.", DCS.5000 "Internal service error.".
//! - 401 from the gateway: `{"error_msg","error_code":"APIGW.0301","request_id"}`
//!   (github.com/jeessy2/ddns-go/issues/844). Texts: "Incorrect IAM
//!   authentication information: Get secretKey failed,ak:…,err:ak not exist"
//!   (Huawei's signing guide, "Common Errors Related to IAM Authentication
//!   Information"); "…: verify aksk signature fail"
//!   (github.com/huaweicloud/huaweicloud-sdk-python/issues/13); for the clock,
//!   the gateway's documented "signature expired, signature time:…,server
//!   time:…" (APIG FAQ, app authentication), worded the same for IAM here.

use serde_json::json;
use time::OffsetDateTime;
use time::macros::format_description;

use super::Context;
use super::change::{self, Refused};
use super::faults::{self, Fault};
use super::params::{self, Problem};
use super::received::{Params, Received};
use super::reply::{Answer, Handled, hex_id};
use super::signature::{self, AuthError};
use super::state::{DCS_ATTEMPTS, DCS_LOCK, DcsOutcome, ResourceKey};
use crate::catalog::{Operation, RequestShape};

const PROVIDER: &str = "huawei";

/// The catalogued Huawei operation `method` and `path` call, with the
/// values its path template's `{field}` segments took.
pub(crate) fn match_request(
    method: &str,
    path: &str,
) -> Option<(&'static Operation, Vec<(&'static str, String)>)> {
    crate::catalog::CATALOG.iter().find_map(|op| {
        let RequestShape::HuaweiRest {
            method: m,
            path: template,
            ..
        } = op.request
        else {
            return None;
        };
        if m != method {
            return None;
        }
        let mut values = Vec::new();
        let mut sent = path.split('/');
        for part in template.split('/') {
            let given = sent.next()?;
            match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(field) if !given.is_empty() => {
                    values.push((op.field(field)?.wire_name, given.to_owned()));
                }
                Some(_) => return None,
                None if part == given => {}
                None => return None,
            }
        }
        sent.next().is_none().then_some((*op, values))
    })
}

/// DCS, which has behaviour of its own (the lock after wrong passwords);
/// every other Huawei operation is the catalogue's plain change.
const DCS: &str = "huaweicloud.dcs.update-password";

fn dcs_error(status: u16, code: &str, message: &str) -> Answer {
    Answer::json(
        status,
        &json!({"error_code": code, "error_msg": message}),
        code,
    )
}

/// The 200 body; every value is a string, as the page says.
fn result_body(
    result: &str,
    lock_time: u32,
    lock_time_left: u32,
    retry_times_left: u32,
    message: &str,
) -> Answer {
    Answer::json(
        200,
        &json!({
            "lock_time": lock_time.to_string(),
            "result": result,
            "lock_time_left": lock_time_left.to_string(),
            "retry_times_left": retry_times_left.to_string(),
            "message": message,
        }),
        result,
    )
}

/// Answers a call of `op`, whose path gave `path_values`.
pub(crate) fn handle(
    ctx: &Context,
    req: &Received,
    op: &'static Operation,
    path_values: &[(&'static str, String)],
) -> Handled {
    let request_id = hex_id();
    let tag = |a: Answer| a.with_header("X-Request-Id", request_id.clone());
    let value = |field: &str| {
        path_values
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, v)| v.as_str())
    };
    // The first resource field names the resource, for the fault prefixes
    // and the log.
    let resource = op.resource_fields.first().map_or("", |f| value(f));
    let action = op.api;
    if let Err(e) = signature::huawei(ctx, req) {
        let answer = auth_failure(&request_id, e);
        return Handled::answer(PROVIDER, action, Some(resource), tag(answer));
    }
    let product_error = |status: u16, code: &str, message: &str| {
        Answer::json(
            status,
            &json!({"error_code": code, "error_msg": message}),
            code,
        )
    };
    let staged = faults::run(
        Fault::of(resource),
        ctx.slow_answer,
        || match op.id {
            DCS => tag(dcs_error(500, "DCS.5000", "Internal service error.")),
            _ => tag(product_error(
                500,
                &format!("{}.5000", op.product.to_ascii_uppercase()),
                "Internal service error.",
            )),
        },
        || match op.id {
            DCS => tag(update(
                ctx,
                op,
                req,
                value("project_id"),
                value("instance_id"),
            )),
            _ => tag(catalogued(ctx, op, req, path_values, &product_error)),
        },
    );
    Handled::staged(PROVIDER, action, Some(resource), staged)
}

/// A plain change (`change.rs`), with the path's values among its
/// parameters. Success is the documented answer (`{}` for RDS and DDS);
/// a refusal is the product's `{"error_code","error_msg"}` with a code of
/// the emulator's own in DCS's pattern (`<PRODUCT>.4800` "Invalid {0} in
/// the request."): RDS and DDS document theirs only in tables of numbers
/// that name no field, a decision written here.
fn catalogued(
    ctx: &Context,
    op: &'static Operation,
    req: &Received,
    path_values: &[(&'static str, String)],
    refuse: &dyn Fn(u16, &str, &str) -> Answer,
) -> Answer {
    let code = format!("{}.4800", op.product.to_ascii_uppercase());
    let Some(mut params) = req.json() else {
        return refuse(400, &code, "Invalid request body in the request.");
    };
    for (field, value) in path_values {
        params.push(field, value);
    }
    match change::change(ctx, op, &params) {
        Ok(done) => Answer::json(200, &change::success_body(op, "", &done), "success"),
        Err(Refused::Problem(p)) => refuse(
            400,
            &code,
            &format!("Invalid {} in the request.", p.field()),
        ),
        Err(Refused::WrongOldPassword) => refuse(
            400,
            &code,
            &format!(
                "Invalid {} in the request.",
                op.new_password
                    .current_field
                    .unwrap_or(op.new_password.field)
            ),
        ),
    }
}

/// The API gateway's answer to a request it cannot authenticate.
fn auth_failure(request_id: &str, e: AuthError) -> Answer {
    let message = match e {
        AuthError::UnknownKey(ak) => format!("Get secretKey failed,ak:{ak},err:ak not exist"),
        AuthError::ClockSkew { sent, now } => format!(
            "signature expired, signature time:{},server time:{}",
            basic_time(sent),
            basic_time(now)
        ),
        AuthError::Malformed(what) => format!("unreadable AK/SK signature: {what}"),
        AuthError::Signature { .. } | AuthError::NonceUsed => {
            "verify aksk signature fail".to_owned()
        }
    };
    gateway(
        request_id,
        401,
        "APIGW.0301",
        &format!("Incorrect IAM authentication information: {message}"),
    )
}

/// IAM's `GET /v3/auth/projects`, the call `keyturn profile verify` makes:
/// the projects the key may use, one per region.
pub(crate) fn projects(ctx: &Context, req: &Received) -> Handled {
    let request_id = hex_id();
    let answer = match signature::huawei(ctx, req) {
        Err(e) => auth_failure(&request_id, e),
        Ok(()) => Answer::json(
            200,
            &json!({"projects": [
                {"id": "0504201b5a80d3a22f6ec01a1f4b5c9c", "name": "cn-north-4", "enabled": true},
                {"id": "06b2b3c1c8000f3e2f4fc01a7d2e4c11", "name": "cn-east-3", "enabled": true},
            ], "links": {}}),
            "success",
        ),
    };
    Handled::answer(
        PROVIDER,
        "KeystoneListAuthProjects",
        None,
        answer.with_header("X-Request-Id", request_id),
    )
}

fn gateway(request_id: &str, status: u16, code: &str, message: &str) -> Answer {
    Answer::json(
        status,
        &json!({"error_msg": message, "error_code": code, "request_id": request_id}),
        code,
    )
}

/// `X-Sdk-Date`'s own format, as the gateway quotes times back.
fn basic_time(t: OffsetDateTime) -> String {
    t.format(format_description!(
        "[year][month][day]T[hour][minute][second]Z"
    ))
    .unwrap_or_default()
}

fn update(
    ctx: &Context,
    op: &'static Operation,
    req: &Received,
    project: &str,
    instance: &str,
) -> Answer {
    if req.body.trim().is_empty() {
        return dcs_error(400, "DCS.4004", "Empty request body.");
    }
    let Some(params) = req.json() else {
        return dcs_error(
            400,
            "DCS.4005",
            "The message body contains invalid characters or is not in JSON format.",
        );
    };
    let (old, new) = match passwords(op, &params) {
        Ok(pair) => pair,
        Err(Problem::Invalid(f)) if f == op.new_password.field => {
            return dcs_error(
                400,
                "DCS.4019",
                "The password does not meet complexity requirements.",
            );
        }
        Err(p) => {
            return dcs_error(
                400,
                "DCS.4800",
                &format!("Invalid {} in the request.", p.field()),
            );
        }
    };
    let key = ResourceKey::new(op, &[project, instance]);
    match ctx.state.dcs_change(key, old, &new) {
        DcsOutcome::Changed => result_body(
            "success",
            0,
            0,
            DCS_ATTEMPTS,
            "Modify DCSInstance password success.",
        ),
        DcsOutcome::WrongPassword { retries_left } => result_body(
            "passwordFailed",
            0,
            0,
            retries_left,
            "The old password is incorrect.",
        ),
        DcsOutcome::Locked { until } => {
            let left = (until - ctx.state.now()).whole_seconds().max(0);
            // Whole minutes, rounded up: "0" would read as unlocked.
            let minutes_left = u32::try_from((left + 59) / 60).unwrap_or(u32::MAX);
            result_body(
                "locked",
                u32::try_from(DCS_LOCK.whole_minutes()).unwrap_or(u32::MAX),
                minutes_left,
                0,
                "Too many wrong passwords: password changes are locked for 5 minutes.",
            )
        }
    }
}

/// The old and new passwords, checked against the catalogue.
fn passwords<'p>(
    op: &'static Operation,
    params: &'p Params,
) -> Result<(&'p str, zeroize::Zeroizing<String>), Problem> {
    params::check_fields(op, params)?;
    let old = params
        .get("old_password")
        .ok_or(Problem::Missing("old_password"))?;
    let new = params::new_password(op, params)?.ok_or(Problem::Missing("new_password"))?;
    params::check_new_password(op, &new, Some(old))?;
    Ok((old, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_only_the_catalogued_templates() {
        let (op, values) = match_request("PUT", "/v2/p1/instances/i-1/password").unwrap();
        assert_eq!(op.id, DCS);
        assert_eq!(
            values,
            vec![
                ("project_id", "p1".to_owned()),
                ("instance_id", "i-1".to_owned())
            ]
        );
        for other in [
            "/v2/p1/instances/i-1",
            "/v2//instances/i/password",
            "/v2/p/instances/i/password/x",
            "/v1/p/instances/i/password",
            "/v2/p/things/i/password",
        ] {
            assert!(match_request("PUT", other).is_none(), "{other}");
        }
        assert!(match_request("GET", "/v2/p1/instances/i-1/password").is_none());
    }
}
