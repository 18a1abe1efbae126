//! Which provider a request is for, decided from what it carries, and the
//! emulator's own answer when it is for none of them.

use serde_json::json;

use super::received::Received;
use super::reply::{Answer, Handled};
use super::{Context, aliyun, huawei, tencent, ucloud};

/// Hands the request to its provider:
/// `x-acs-action` → Alibaba Cloud, `X-TC-Action` → Tencent Cloud,
/// a catalogued Huawei Cloud path (e.g. `PUT /v2/{project}/instances/{id}/password`)
/// → Huawei Cloud, a POST form or JSON object with `Action` and `PublicKey`
/// → UCloud.
pub(crate) fn handle(ctx: &Context, req: &Received) -> Handled {
    if let Some(action) = req.header("x-acs-action") {
        return aliyun::handle(ctx, req, action);
    }
    if let Some(action) = req.header("x-tc-action") {
        return tencent::handle(ctx, req, action);
    }
    if req.method == "GET" && req.path == "/v3/auth/projects" {
        return huawei::projects(ctx, req);
    }
    if let Some((op, path_values)) = huawei::match_request(&req.method, &req.path) {
        return huawei::handle(ctx, req, op, &path_values);
    }
    if req.method == "POST" {
        let form = ucloud::params(req);
        if form.get("Action").is_some() && form.get("PublicKey").is_some() {
            return ucloud::handle(ctx, &form);
        }
    }
    not_found(req)
}

fn not_found(req: &Received) -> Handled {
    let message = format!(
        "keyturn emulator: {} {} is not an API it emulates. It serves: Alibaba Cloud RPC calls \
         (x-acs-action header), Tencent Cloud API 3.0 calls (X-TC-Action header), Huawei Cloud \
         DCS PUT /v2/{{project_id}}/instances/{{instance_id}}/password, and UCloud POST forms \
         with Action and PublicKey.",
        req.method, req.path
    );
    let answer = Answer::json(
        404,
        &json!({"Code": "NotFound", "Message": message}),
        "not found",
    );
    Handled::answer("none", &req.method, None, answer)
}
