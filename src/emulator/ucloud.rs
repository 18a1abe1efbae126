//! UCloud URedis `ModifyURedisGroupPassword`.
//!
//! UCloud answers everything with HTTP 200 and a `RetCode` (0 = success):
//! `{"Action":"ModifyURedisGroupPasswordResponse","RetCode":0}` on success
//! (`shared/provider-docs/003_…`), plus a `Message` otherwise. Common codes
//! from UCloud's API quick start (github.com/UCloudDoc-Team/api,
//! `summary/public.md`): 150 service unavailable, 161 Action does not exist,
//! 170 missing signature, 171 signature error, 172 user does not exist. The
//! texts of 171 "Signature VerifyAC Error" and 172 "User Not Exists" are
//! UCloud's own (its UIoT API guide); 220 "Missing params [X]" and 230
//! "Params [X] not available" are what UCloud's gateway sends for missing and
//! bad parameters (github.com/ucloud/terraform-provider-ucloud/issues/136 for
//! 230). UCloud requests carry no time: there is no clock check.
//!
//! `Region` must be one of UCloud's regions ([`REGIONS`]); any other gets 230
//! "Params [Region] not available", as a bad parameter does.
//!
//! `Password` must be base64 (230 otherwise); an empty one removes the
//! password, which the emulator records as an empty password.
//!
//! Every answer carries its request id in an `X-UCloud-Request-UUID` header,
//! where UCloud's own SDKs read it (`REQUEST_UUID_HEADER_KEY` in
//! ucloud-sdk-python3, `HEADER_REQUEST_ID` in ucloud-sdk-java and
//! ucloud-sdk-php); the body has no request id.

use serde_json::json;

use super::Context;
use super::change::{self, Refused};
use super::faults::{self, Fault};
use super::params::{self, Problem};
use super::received::{Params, Received};
use super::reply::{Answer, Handled, uuid_lower};
use super::signature::{self, AuthError};
use super::state::ResourceKey;
use crate::catalog::{Operation, RequestShape};

const PROVIDER: &str = "ucloud";

/// UCloud's regions, as its "Region and Zone List" page lists them
/// (github.com/UCloudDoc-Team/api, `summary/regionlist.md`).
pub(crate) const REGIONS: &[&str] = &[
    "afr-nigeria",
    "bra-saopaulo",
    "cn-bj1",
    "cn-bj2",
    "cn-gd",
    "cn-gd2",
    "cn-guiyang1",
    "cn-hn1",
    "cn-jx",
    "cn-sh",
    "cn-sh2",
    "cn-wlcb",
    "cn-wlcb2",
    "ge-fra",
    "hk",
    "idn-jakarta",
    "ind-mumbai",
    "jpn-tky",
    "kr-seoul",
    "ph-mnl",
    "pk-khi",
    "rus-mosc",
    "sg",
    "th-bkk",
    "tw-tp",
    "uae-dubai",
    "uk-london",
    "us-ca",
    "us-den",
    "us-ws",
    "vn-sng",
];

/// The read-only call `keyturn profile verify` makes.
const PROJECT_LIST: &str = "GetProjectList";

/// The header UCloud puts its request id in.
const REQUEST_ID_HEADER: &str = "X-UCloud-Request-UUID";

/// UCloud's envelope. `Message` only when something went wrong.
fn answer(action: &str, ret_code: u32, message: Option<&str>, label: &str) -> Answer {
    let mut body = json!({"Action": format!("{action}Response"), "RetCode": ret_code});
    if let Some(m) = message {
        body["Message"] = json!(m);
    }
    Answer::json(200, &body, label).with_header(REQUEST_ID_HEADER, uuid_lower())
}

/// A UCloud call's parameters: a JSON object when the body says it is one
/// (`Content-Type: application/json`, as UCloud's Node.js SDK sends them),
/// else a form (its other SDKs, and Keyturn). The signature covers the same
/// pairs either way; a JSON number or boolean is signed as its text.
pub(crate) fn params(req: &Received) -> Params {
    let json = req.header("content-type").is_some_and(|t| {
        t.split(';')
            .next()
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
    });
    match json.then(|| req.json()).flatten() {
        Some(params) => params,
        None => req.form(),
    }
}

pub(crate) fn handle(ctx: &Context, params: &Params) -> Handled {
    let action = params.get("Action").unwrap_or_default();
    let found = crate::catalog::find_by_shape(|shape| match shape {
        RequestShape::UCloud { action: a } if a == action => Some(()),
        _ => None,
    });
    if found.is_none() && action != PROJECT_LIST {
        let a = answer(action, 161, Some("Action not exists"), "161");
        return Handled::answer(PROVIDER, action, None, a);
    }
    if let Err(e) = signature::ucloud(ctx, params) {
        let a = match e {
            AuthError::Malformed(_) => answer(action, 170, Some("Missing signature"), "170"),
            AuthError::UnknownKey(_) => answer(action, 172, Some("User Not Exists"), "172"),
            _ => answer(action, 171, Some("Signature VerifyAC Error"), "171"),
        };
        return Handled::answer(PROVIDER, action, None, a);
    }
    let Some((op, ())) = found else {
        // Only GetProjectList gets here: `keyturn profile verify`.
        let body = json!({
            "Action": "GetProjectListResponse",
            "RetCode": 0,
            "ProjectCount": 1,
            "ProjectSet": [{"ProjectId": "org-emulator", "ProjectName": "Default", "IsDefault": true}],
        });
        let a = Answer::json(200, &body, "success").with_header(REQUEST_ID_HEADER, uuid_lower());
        return Handled::answer(PROVIDER, action, None, a);
    };
    // The first resource field names the resource, for the fault prefixes
    // and the log.
    let resource = op.resource_fields.first().and_then(|f| params.get(f));
    let staged = faults::run(
        resource.and_then(Fault::of),
        ctx.slow_answer,
        || {
            let mut a = answer(action, 150, Some("Service unavailable"), "150");
            a.status = 500;
            a
        },
        || match op.id {
            UREDIS => modify(ctx, op, params),
            _ => catalogued(ctx, op, params),
        },
    );
    Handled::staged(PROVIDER, action, resource, staged)
}

/// URedis, which has behaviour of its own (an empty password removes it);
/// every other UCloud operation is the catalogue's plain change.
const UREDIS: &str = "ucloud.uredis.modify-group-password";

/// A plain change (`change.rs`); a bad parameter is UCloud's common 230
/// "Params [X] not available", as for URedis.
fn catalogued(ctx: &Context, op: &'static Operation, params: &Params) -> Answer {
    if let Err(p) = known_region(params) {
        return answer(
            op.api,
            230,
            Some(&format!("Params [{}] not available", p.field())),
            "230",
        );
    }
    match change::change(ctx, op, params) {
        Ok(done) => {
            let body = change::success_body(op, "", &done);
            Answer::json(200, &body, "success").with_header(REQUEST_ID_HEADER, uuid_lower())
        }
        Err(Refused::Problem(p)) => answer(
            op.api,
            230,
            Some(&format!("Params [{}] not available", p.field())),
            "230",
        ),
        Err(Refused::WrongOldPassword) => {
            let field = op
                .new_password
                .current_field
                .unwrap_or(op.new_password.field);
            answer(
                op.api,
                230,
                Some(&format!("Params [{field}] not available")),
                "230",
            )
        }
    }
}

fn modify(ctx: &Context, op: &'static Operation, params: &Params) -> Answer {
    let action = op.api;
    let new = params::check_fields(op, params)
        .and_then(|()| known_region(params))
        .and_then(|()| params::new_password(op, params))
        .and_then(|new| new.ok_or(Problem::Missing(op.new_password.field)))
        .and_then(|new| {
            // Empty removes the password: no rules apply.
            if !new.is_empty() {
                params::check_new_password(op, &new, None)?;
            }
            Ok(new)
        });
    let new = match new {
        Ok(new) => new,
        Err(Problem::Missing(f)) => {
            return answer(action, 220, Some(&format!("Missing params [{f}]")), "220");
        }
        Err(Problem::Invalid(f)) => {
            return answer(
                action,
                230,
                Some(&format!("Params [{f}] not available")),
                "230",
            );
        }
    };
    let key = ResourceKey::new(op, &[params.get("GroupId").unwrap_or_default()]);
    match ctx.state.change(key, None, &new) {
        Ok(()) => answer(action, 0, None, "success"),
        Err(_) => answer(action, 230, Some("Params [Password] not available"), "230"),
    }
}

/// A `Region` UCloud has; its absence is left to [`params::check_fields`].
fn known_region(params: &Params) -> Result<(), Problem> {
    match params.get("Region") {
        Some(region) if !region.is_empty() && !REGIONS.contains(&region) => {
            Err(Problem::Invalid("Region"))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::received::Received;

    fn params(body: &str) -> Params {
        Received::form_of(body)
    }

    #[test]
    fn only_ucloud_regions_are_known() {
        assert_eq!(known_region(&params("Region=cn-bj2")), Ok(()));
        assert_eq!(known_region(&params("Region=hk")), Ok(()));
        assert_eq!(
            known_region(&params("Region=cn-north-4")),
            Err(Problem::Invalid("Region"))
        );
        // Missing is check_fields' business (220, not 230).
        assert_eq!(known_region(&params("GroupId=g")), Ok(()));
        assert!(
            REGIONS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
    }

    #[test]
    fn an_unknown_region_is_230_naming_region() {
        let op = crate::catalog::find("ucloud.uredis.modify-group-password").unwrap();
        let ctx = crate::emulator::Context::new(
            crate::emulator::EmulatorConfig::new("K", secrecy::SecretString::from("s")),
            crate::emulator::state::State::new(),
        );
        let a = modify(
            &ctx,
            op,
            &params("Region=xx-nowhere&GroupId=g&Password=RmFrZS1QYXNzLTEy"),
        );
        let body: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
        assert_eq!(body["RetCode"], 230);
        assert_eq!(body["Message"], "Params [Region] not available");
        let a = modify(
            &ctx,
            op,
            &params("Region=cn-bj2&GroupId=g&Password=RmFrZS1QYXNzLTEy"),
        );
        let body: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
        assert_eq!(body["RetCode"], 0);
    }
}
