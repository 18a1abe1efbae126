//! Proving that an access key works, with each provider's cheapest
//! read-only call — one that needs no permission beyond a valid key:
//!
//! | provider | call |
//! |---|---|
//! | Alibaba Cloud | STS `GetCallerIdentity` (2015-04-01) on `sts.aliyuncs.com` |
//! | Huawei Cloud | IAM `GET /v3/auth/projects` on `iam.myhuaweicloud.com`, which also lists the project id of every region |
//! | UCloud | `GetProjectList` on `api.ucloud.cn` |
//! | Tencent Cloud | STS `GetCallerIdentity` (2018-08-13) on `sts.tencentcloudapi.com` |
//!
//! Like the password changes, requests are built from injected time and
//! nonce, and answers are read into the one outcome model. `profile` is the
//! one verification of a stored profile every front end calls: it sends,
//! reads, and records what it found.

mod profile;

pub use profile::{Checked, VerifyError, verify_profile};

use std::collections::BTreeMap;

use serde_json::Value;
use time::OffsetDateTime;

use crate::catalog::Provider;
use crate::endpoint::Endpoint;
use crate::http::{HttpRequest, HttpResponse, Scheme};
use crate::outcome::{self, AuthProblem, Outcome, Status};
use crate::sign::{Credentials, acs3, huawei, tc3, ucloud};
use crate::vault::Verification;

/// The host of each provider's verification call.
pub fn default_host(provider: Provider) -> &'static str {
    match provider {
        Provider::Alibaba => "sts.aliyuncs.com",
        Provider::Huawei => "iam.myhuaweicloud.com",
        Provider::UCloud => "api.ucloud.cn",
        Provider::Tencent => "sts.tencentcloudapi.com",
    }
}

/// The Tencent region used when the profile names none (STS answers the
/// same in every region).
const TENCENT_DEFAULT_REGION: &str = "ap-guangzhou";

/// Builds the signed verification request.
pub fn build(
    provider: Provider,
    credentials: &Credentials,
    endpoint: Option<&Endpoint>,
    region: Option<&str>,
    time: OffsetDateTime,
    nonce: &str,
) -> HttpRequest {
    let (scheme, host) = match endpoint {
        Some(e) => (e.scheme, e.host.clone()),
        None => (Scheme::Https, default_host(provider).to_owned()),
    };
    match provider {
        Provider::Alibaba => {
            let mut r = HttpRequest::new("POST", scheme, &host, "/");
            r.push_header("content-type", "application/x-www-form-urlencoded");
            let params = acs3::SigningParams {
                action: "GetCallerIdentity",
                version: "2015-04-01",
                time,
                nonce,
            };
            acs3::sign(&mut r, credentials, &params);
            r
        }
        Provider::Huawei => {
            let mut r = HttpRequest::new("GET", scheme, &host, "/v3/auth/projects");
            r.push_header("Content-Type", "application/json;charset=UTF-8");
            huawei::sign(&mut r, credentials, time);
            r
        }
        Provider::UCloud => {
            let mut params = vec![("Action".to_owned(), "GetProjectList".to_owned())];
            ucloud::sign(&mut params, credentials);
            let mut r = HttpRequest::new("POST", scheme, &host, "/");
            r.push_header("Content-Type", "application/x-www-form-urlencoded");
            r.body = crate::http::query_string(&params).into();
            r
        }
        Provider::Tencent => {
            let mut r = HttpRequest::new("POST", scheme, &host, "/");
            r.push_header("Content-Type", "application/json; charset=utf-8");
            r.body = "{}".to_owned().into();
            let params = tc3::SigningParams {
                service: "sts",
                action: "GetCallerIdentity",
                version: "2018-08-13",
                region: Some(region.unwrap_or(TENCENT_DEFAULT_REGION)),
                time,
            };
            tc3::sign(&mut r, credentials, &params);
            r
        }
    }
}

/// What a verification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub outcome: Outcome,
    /// Who the key belongs to (an ARN, an account), when the provider says.
    pub identity: Option<String>,
    /// Huawei Cloud: project id per region.
    pub project_ids: BTreeMap<String, String>,
}

impl Verified {
    /// What it found, as the profile's record keeps it.
    pub fn fact(&self) -> Verification {
        match &self.outcome.status {
            Status::Succeeded => Verification::Works {
                identity: self.identity.clone(),
            },
            Status::Auth(AuthProblem::SignatureMismatch) => Verification::WrongSecret,
            Status::Auth(AuthProblem::UnknownKey) => Verification::UnknownKey,
            Status::Auth(AuthProblem::ClockSkew) => Verification::ClockSkew,
            Status::Auth(AuthProblem::NoPermission) => Verification::NoPermission,
            Status::NotSent => Verification::Unreachable,
            Status::Unknown => Verification::NoAnswer,
            _ => Verification::Refused,
        }
    }
}

/// Reads the answer to [`build`]'s request.
pub fn read(provider: Provider, response: &HttpResponse, now: OffsetDateTime) -> Verified {
    let ok = (200..300).contains(&response.status);
    let body: Option<Value> = serde_json::from_slice(&response.body).ok();
    let success = ok
        .then_some(())
        .and(body.as_ref())
        .and_then(|b| identity(provider, b));
    match success {
        Some((identity, project_ids)) => {
            let mut outcome = Outcome::new(Status::Succeeded);
            outcome.http_status = Some(response.status);
            outcome.request_id = body.as_ref().and_then(request_id);
            Verified {
                outcome,
                identity,
                project_ids,
            }
        }
        None => Verified {
            outcome: outcome::interpret_from(provider, response, now),
            identity: None,
            project_ids: BTreeMap::new(),
        },
    }
}

type Identity = (Option<String>, BTreeMap<String, String>);

/// The success shape of each call, or `None` when the answer is not one.
fn identity(provider: Provider, body: &Value) -> Option<Identity> {
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    match provider {
        Provider::Alibaba => {
            let who = text(body, "Arn").or_else(|| text(body, "AccountId"))?;
            Some((Some(who), BTreeMap::new()))
        }
        Provider::Tencent => {
            let inner = body.get("Response")?;
            if inner.get("Error").is_some() {
                return None;
            }
            let who = text(inner, "Arn").or_else(|| text(inner, "AccountId"))?;
            Some((Some(who), BTreeMap::new()))
        }
        Provider::Huawei => {
            let projects = body.get("projects")?.as_array()?;
            let ids = projects
                .iter()
                .filter_map(|p| Some((text(p, "name")?, text(p, "id")?)))
                .collect();
            Some((None, ids))
        }
        Provider::UCloud => (body.get("RetCode")?.as_i64()? == 0).then(|| {
            let count = body
                .get("ProjectCount")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            (Some(format!("{count} project(s)")), BTreeMap::new())
        }),
    }
}

fn request_id(body: &Value) -> Option<String> {
    body.get("RequestId")
        .or_else(|| body.get("Response").and_then(|r| r.get("RequestId")))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![],
            body: body.as_bytes().to_vec(),
        }
    }

    const NOW: OffsetDateTime = time::macros::datetime!(2026-03-04 05:06:07 UTC);

    #[test]
    fn success_shapes() {
        let v = read(
            Provider::Alibaba,
            &response(
                200,
                r#"{"RequestId":"r","AccountId":"1234","Arn":"acs:ram::1234:user/ops"}"#,
            ),
            NOW,
        );
        assert_eq!(v.outcome.status, Status::Succeeded);
        assert_eq!(
            v.fact(),
            Verification::Works {
                identity: Some("acs:ram::1234:user/ops".into())
            }
        );

        let v = read(
            Provider::Huawei,
            &response(
                200,
                r#"{"projects":[{"id":"p1","name":"cn-north-4"},{"id":"p2","name":"cn-east-3"}]}"#,
            ),
            NOW,
        );
        assert_eq!(
            v.project_ids.get("cn-north-4").map(String::as_str),
            Some("p1")
        );

        let v = read(
            Provider::UCloud,
            &response(200, r#"{"RetCode":0,"ProjectCount":2}"#),
            NOW,
        );
        assert_eq!(
            v.fact(),
            Verification::Works {
                identity: Some("2 project(s)".into())
            }
        );

        let v = read(
            Provider::Tencent,
            &response(
                200,
                r#"{"Response":{"Arn":"qcs::cam::uin/1:uin/1","RequestId":"r"}}"#,
            ),
            NOW,
        );
        assert_eq!(v.outcome.request_id.as_deref(), Some("r"));
    }

    #[test]
    fn errors_are_read_by_the_provider_readers() {
        let v = read(
            Provider::Tencent,
            &response(
                200,
                r#"{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"m"},"RequestId":"r"}}"#,
            ),
            NOW,
        );
        assert_eq!(v.outcome.status, Status::Auth(AuthProblem::ClockSkew));
        assert_eq!(v.fact(), Verification::ClockSkew);
        let v = read(
            Provider::UCloud,
            &response(
                200,
                r#"{"RetCode":171,"Message":"Signature VerifyAC Error"}"#,
            ),
            NOW,
        );
        assert_eq!(v.fact(), Verification::WrongSecret);
        let v = read(Provider::Huawei, &response(200, "<html>"), NOW);
        assert_eq!(v.outcome.status, Status::Unknown);
    }
}
