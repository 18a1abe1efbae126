//! The provider's own call that says how an accepted change's task is
//! doing (`catalog::TaskPoll`), built and signed like every other request:
//! the same endpoint as the change, the same headers on the wire. It holds
//! no secret.

use super::build::{SignedRequest, SigningContext, on_the_wire};
use crate::catalog::{RequestShape, TaskPoll};
use crate::endpoint::Endpoint;
use crate::http::HttpRequest;
use crate::outcome::TaskId;
use crate::sign::{Credentials, tc3};

/// Why a task's call cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotBuildable;

/// Builds and signs `poll`'s call for `task`, to `endpoint`, in `region`.
pub fn task_call(
    poll: &TaskPoll,
    task: &TaskId,
    endpoint: &Endpoint,
    region: Option<&str>,
    credentials: &Credentials,
    ctx: SigningContext<'_>,
) -> Result<SignedRequest, NotBuildable> {
    match poll.call {
        RequestShape::TencentApi3 {
            service,
            action,
            version,
        } => {
            let mut req = HttpRequest::new("POST", endpoint.scheme, &endpoint.host, "/");
            req.push_header("Content-Type", "application/json");
            let body = serde_json::json!({ poll.id_param: task.json() });
            req.body = body.to_string().into();
            tc3::sign(
                &mut req,
                credentials,
                &tc3::SigningParams {
                    service,
                    action,
                    version,
                    region,
                    time: ctx.time,
                },
            );
            let mut out = SignedRequest {
                masked: req.clone(),
                request: req,
            };
            on_the_wire(&mut out, poll.call, false);
            Ok(out)
        }
        // No catalogued operation follows a task with another kind of call
        // (a catalogue test holds every `TaskPoll` to this).
        RequestShape::AliyunRpc { .. }
        | RequestShape::HuaweiRest { .. }
        | RequestShape::UCloud { .. } => Err(NotBuildable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CATALOG;

    #[test]
    fn every_catalogued_task_call_can_be_built() {
        let endpoint = Endpoint::parse_override("http://127.0.0.1:1").unwrap();
        let credentials = Credentials::new("FAKEKEYID", "fake-secret".to_owned().into());
        for op in CATALOG {
            let Some(poll) = op.answer.task else { continue };
            let signed = task_call(
                &poll,
                &TaskId::Number(42),
                &endpoint,
                Some("ap-guangzhou"),
                &credentials,
                SigningContext {
                    time: time::OffsetDateTime::UNIX_EPOCH,
                    nonce: "n",
                },
            )
            .unwrap_or_else(|_| panic!("{}: its task call cannot be built", op.id));
            let body: serde_json::Value = serde_json::from_str(&signed.request.body).unwrap();
            assert_eq!(body[poll.id_param], 42, "{}", op.id);
            assert!(signed.request.header("authorization").is_some());
        }
    }
}
