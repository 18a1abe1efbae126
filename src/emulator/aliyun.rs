//! Alibaba Cloud DTS: `ModifyConsumerGroupPassword` and
//! `ModifyDtsJobPassword`, behind Alibaba's API gateway ("POP").
//!
//! Two kinds of error body, as Alibaba sends them:
//!
//! - Gateway errors (signature, key, time, nonce, unknown action):
//!   `{"RequestId","HostId","Code","Message","Recommend"}` with a 4xx status.
//!   Shape, codes and texts as seen in real answers: `SignatureDoesNotMatch`
//!   400 "Specified signature is not matched with our calculation. server
//!   string to sign is:…" (github.com/NewFuture/DDNS/issues/57,
//!   github.com/aliyun/ack-set-context/issues/7 for the 400);
//!   `InvalidAccessKeyId.NotFound` 404 "Specified access key is not found."
//!   (github.com/honwen/aliyun-ddns-cli/issues/24); `InvalidTimeStamp.Expired`
//!   400 "Specified time stamp or date value is expired." and the
//!   `Recommend` link's form (github.com/jeessy2/ddns-go/issues/1291);
//!   `SignatureNonceUsed` "Specified signature nonce was used already."
//!   (github.com/aliyun/aliyun-openapi-net-sdk/issues/344; 400 assumed).
//!   `IncompleteSignature`, `InvalidAction.NotFound` and `InvalidVersion`
//!   texts are Alibaba's usual ones, not taken from a published sample.
//! - DTS's own errors: `{"RequestId","Success":false,"ErrCode","ErrMessage",
//!   "DynamicMessage","HttpStatusCode"}`, where `DynamicMessage` fills the
//!   `%s` of `ErrMessage` "The Value of Input Parameter %s is not valid."
//!   (the ModifyDtsJobPassword page, `shared/provider-docs/001_…`, and the
//!   DTS SDK's response models). Decision: sent with HTTP 400 and
//!   `HttpStatusCode` 400, and also used for a wrong current consumer-group
//!   password (naming `ConsumerGroupPassword`), since DTS documents no
//!   more specific code.
//!
//! Success bodies are the pages' examples: `{"RequestId","Success":true}`,
//! plus `"HttpStatusCode":200` for ModifyDtsJobPassword.

use serde_json::json;

use super::Context;
use super::change::{self, Refused};
use super::faults::{self, Fault};
use super::params::{self, Problem};
use super::received::{Params, Received};
use super::reply::{Answer, Handled, uuid_upper};
use super::signature::{self, AuthError};
use super::state::ResourceKey;
use crate::catalog::{Operation, RequestShape};

const PROVIDER: &str = "alibaba";
/// STS's "who am I" call, which `keyturn profile verify` makes; it answers
/// any valid signature, as the real one needs no permission.
const CALLER_IDENTITY: &str = "GetCallerIdentity";
const INTERNAL_ERROR: &str =
    "The request processing has failed due to some unknown error, exception or failure.";

/// The two DTS operations, which have behaviour of their own; every other
/// Alibaba operation is the catalogue's plain change (`change.rs`).
const CONSUMER_GROUP: &str = "aliyun.dts.modify-consumer-group-password";
const DTS_JOB: &str = "aliyun.dts.modify-dts-job-password";

pub(crate) fn handle(ctx: &Context, req: &Received, action: &str) -> Handled {
    let request_id = uuid_upper();
    let host = req.host();
    let gateway = |status: u16, code: &str, message: &str| {
        Answer::json(
            status,
            &json!({
                "RequestId": request_id,
                "HostId": host,
                "Code": code,
                "Message": message,
                "Recommend": format!(
                    "https://api.aliyun.com/troubleshoot?q={code}&product=Dts&requestId={request_id}"
                ),
            }),
            code,
        )
    };
    // Products share action names (R-KVStore's and PolarDB's
    // ModifyAccountPassword, R-KVStore's and RDS's ResetAccountPassword):
    // the version tells them apart, as the gateway's host would.
    let sent_version = req.header("x-acs-version");
    let found = crate::catalog::find_by_shape(|shape| match shape {
        RequestShape::AliyunRpc { action: a, version }
            if a == action && Some(version) == sent_version =>
        {
            Some(version)
        }
        _ => None,
    })
    .or_else(|| {
        crate::catalog::find_by_shape(|shape| match shape {
            RequestShape::AliyunRpc { action: a, version } if a == action => Some(version),
            _ => None,
        })
    });
    if found.is_none() && action != CALLER_IDENTITY {
        let answer = gateway(
            404,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
        );
        return Handled::answer(PROVIDER, action, None, answer);
    }
    if let Err(e) = signature::acs3(ctx, req) {
        let answer = match e {
            AuthError::Malformed(_) => gateway(
                400,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.",
            ),
            AuthError::UnknownKey(_) => gateway(
                404,
                "InvalidAccessKeyId.NotFound",
                "Specified access key is not found.",
            ),
            AuthError::ClockSkew { .. } => gateway(
                400,
                "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired.",
            ),
            AuthError::Signature { string_to_sign } => gateway(
                400,
                "SignatureDoesNotMatch",
                &format!(
                    "Specified signature is not matched with our calculation. server string to sign is:{string_to_sign}"
                ),
            ),
            AuthError::NonceUsed => gateway(
                400,
                "SignatureNonceUsed",
                "Specified signature nonce was used already.",
            ),
        };
        return Handled::answer(PROVIDER, action, None, answer);
    }
    let Some((op, version)) = found else {
        // Only STS GetCallerIdentity gets here: `keyturn profile verify`.
        let answer = Answer::json(
            200,
            &json!({
                "RequestId": request_id,
                "AccountId": "1234567890123456",
                "UserId": "200000000000000000",
                "PrincipalId": "200000000000000000",
                "IdentityType": "RAMUser",
                "Arn": "acs:ram::1234567890123456:user/keyturn-emulator",
            }),
            "success",
        );
        return Handled::answer(PROVIDER, action, None, answer);
    };
    if req.header("x-acs-version") != Some(version) {
        let answer = gateway(
            400,
            "InvalidVersion",
            "Specified parameter Version is not valid.",
        );
        return Handled::answer(PROVIDER, action, None, answer);
    }

    // RPC parameters travel in the query string, as the DTS API defines
    // them ("in": "query") and the official SDK sends them.
    let params = req.query_params();
    // The first resource field names the resource, for the fault prefixes
    // and the log.
    let resource = op.resource_fields.first().and_then(|f| params.get(f));
    let staged = faults::run(
        resource.and_then(Fault::of),
        ctx.slow_answer,
        || gateway(500, "InternalError", INTERNAL_ERROR),
        || match op.id {
            CONSUMER_GROUP => consumer_group(ctx, op, &params, &request_id),
            DTS_JOB => dts_job(ctx, op, &params, &request_id),
            _ => catalogued(ctx, op, &params, &request_id, &gateway),
        },
    );
    Handled::staged(PROVIDER, action, resource, staged)
}

/// A plain change (`change.rs`). A bad parameter, and a wrong old password
/// (R-KVStore documents no code of its own for it), are the gateway's
/// `InvalidParameter` naming the field: a decision, in the shape Alibaba's
/// gateway answers every parameter error.
fn catalogued(
    ctx: &Context,
    op: &'static Operation,
    params: &Params,
    request_id: &str,
    refuse: &dyn Fn(u16, &str, &str) -> Answer,
) -> Answer {
    let invalid = |field: &str| {
        refuse(
            400,
            "InvalidParameter",
            &format!("The specified parameter \"{field}\" is not valid."),
        )
    };
    match change::change(ctx, op, params) {
        Ok(done) => Answer::json(200, &change::success_body(op, request_id, &done), "success"),
        Err(Refused::Problem(p)) => invalid(p.field()),
        Err(Refused::WrongOldPassword) => invalid(
            op.new_password
                .current_field
                .unwrap_or(op.new_password.field),
        ),
    }
}

/// DTS's answer to a bad or missing parameter.
fn invalid_parameter(request_id: &str, field: &str) -> Answer {
    Answer::json(
        400,
        &json!({
            "RequestId": request_id,
            "Success": false,
            "ErrCode": "InvalidParameter",
            "ErrMessage": "The Value of Input Parameter %s is not valid.",
            "DynamicMessage": field,
            "HttpStatusCode": 400,
        }),
        "InvalidParameter",
    )
}

/// The new password, decoded and held to the rules.
fn checked_new_password(
    op: &'static Operation,
    params: &Params,
    current: Option<&str>,
) -> Result<zeroize::Zeroizing<String>, Problem> {
    params::check_fields(op, params)?;
    let new = params::new_password(op, params)?.ok_or(Problem::Missing(op.new_password.field))?;
    params::check_new_password(op, &new, current)?;
    Ok(new)
}

fn consumer_group(
    ctx: &Context,
    op: &'static Operation,
    params: &Params,
    request_id: &str,
) -> Answer {
    let old = params.get("ConsumerGroupPassword").unwrap_or_default();
    let new = match checked_new_password(op, params, Some(old)) {
        Ok(new) => new,
        Err(p) => return invalid_parameter(request_id, p.field()),
    };
    let key = ResourceKey::new(
        op,
        &[
            params.get("SubscriptionInstanceId").unwrap_or_default(),
            params.get("ConsumerGroupID").unwrap_or_default(),
        ],
    );
    match ctx.state.change(key, Some(old), &new) {
        Ok(()) => Answer::json(
            200,
            &json!({"RequestId": request_id, "Success": true}),
            "success",
        ),
        Err(_) => invalid_parameter(request_id, "ConsumerGroupPassword"),
    }
}

fn dts_job(ctx: &Context, op: &'static Operation, params: &Params, request_id: &str) -> Answer {
    // One password per task, database side and account.
    let key = ResourceKey::new(
        op,
        &[
            params.get("DtsJobId").unwrap_or_default(),
            params.get("Endpoint").unwrap_or_default(),
            params.get("UserName").unwrap_or_default(),
        ],
    );
    // "cannot be the same as the current password": the service knows it.
    let current = ctx.state.current(&key);
    let new = match checked_new_password(op, params, current.as_ref().map(|c| c.as_str())) {
        Ok(new) => new,
        Err(p) => return invalid_parameter(request_id, p.field()),
    };
    match ctx.state.change(key, None, &new) {
        Ok(()) => Answer::json(
            200,
            &json!({"RequestId": request_id, "HttpStatusCode": 200, "Success": true}),
            "success",
        ),
        Err(_) => invalid_parameter(request_id, "Password"),
    }
}
