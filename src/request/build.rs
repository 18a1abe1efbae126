//! Phase two: a validated request becomes a signed [`HttpRequest`].
//!
//! The catalogue's [`RequestShape`] decides method, path, body format and
//! signer. Time and nonce come in from outside, so the same inputs always
//! give the same bytes. Alongside the real request, [`SignedRequest`] keeps
//! a display copy with every password masked.

use base64::Engine;
use serde::Serialize;
use serde::ser::SerializeMap;
use time::OffsetDateTime;
use zeroize::Zeroizing;

use super::ValidatedRequest;
use crate::catalog::{Encoding, Location, RequestShape};
use crate::endpoint::Endpoint;
use crate::http::HttpRequest;
use crate::http::rfc3986;
use crate::sign::{Credentials, acs3, huawei, tc3, ucloud};

/// Shown instead of a password.
pub const MASK: &str = "********";

/// What signing needs from outside: when, and a one-time value.
#[derive(Debug, Clone, Copy)]
pub struct SigningContext<'a> {
    pub time: OffsetDateTime,
    /// Used by schemes that carry a nonce (ACS3); ignored by the others.
    pub nonce: &'a str,
}

/// The request to send, and the same request for people to look at.
#[derive(Debug, Clone)]
pub struct SignedRequest {
    pub request: HttpRequest,
    /// Equal to `request` except that passwords, and any header that is a
    /// hash of a body holding one, are replaced by [`MASK`].
    pub masked: HttpRequest,
}

impl SignedRequest {
    /// The request as one JSON object: `{"method","url","headers","body"}`.
    pub fn to_json(&self, show_secrets: bool) -> String {
        let r = if show_secrets {
            &self.request
        } else {
            &self.masked
        };
        serde_json::to_string_pretty(&JsonView(r))
            .unwrap_or_else(|_| unreachable!("strings always serialise"))
    }
}

struct JsonView<'a>(&'a HttpRequest);

struct HeaderMap<'a>(&'a [(String, String)]);

impl Serialize for HeaderMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for JsonView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("method", &self.0.method)?;
        map.serialize_entry("url", self.0.url().as_str())?;
        // The query again, decoded, so that a person can read it.
        map.serialize_entry("query", &HeaderMap(&self.0.query))?;
        map.serialize_entry("headers", &HeaderMap(&self.0.headers))?;
        map.serialize_entry("body", self.0.body.as_str())?;
        map.end()
    }
}

/// One body parameter, encoded for the wire.
struct Param {
    name: String,
    value: Zeroizing<String>,
    secret: bool,
    /// A JSON body carries it as `true` or `false` ([`Field::is_boolean`]).
    ///
    /// [`Field::is_boolean`]: crate::catalog::Field::is_boolean
    boolean: bool,
}

/// Builds and signs the request for `validated`, sent to `endpoint`.
pub fn build(
    validated: &ValidatedRequest,
    endpoint: &Endpoint,
    credentials: &Credentials,
    ctx: SigningContext<'_>,
) -> SignedRequest {
    let params: Vec<Param> = validated
        .values()
        .iter()
        .filter(|(f, _)| f.location == Location::Param)
        .map(|(f, v)| Param {
            name: f.wire_name.to_owned(),
            value: match f.encoding {
                Encoding::Plain => Zeroizing::new(v.expose().to_owned()),
                Encoding::Base64 => {
                    Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(v.expose()))
                }
            },
            secret: f.kind == crate::catalog::FieldKind::Secret,
            boolean: f.is_boolean(),
        })
        .collect();
    let has_secret = params.iter().any(|p| p.secret);
    // Header fields go on before signing, so each scheme signs them as it
    // signs its own headers.
    let new = |method: &str, path: &str| {
        let mut req = HttpRequest::new(method, endpoint.scheme, &endpoint.host, path);
        for (f, v) in validated.values() {
            if f.location == Location::Header {
                req.push_header(f.wire_name, v.expose());
            }
        }
        req
    };

    let mut out = match validated.op().request {
        RequestShape::AliyunRpc { action, version } => {
            // Every parameter in the query string and an empty body, as the
            // official SDK sends them. Signature V3's request syntax puts
            // the parameters an API defines "in": "query" in the URL
            // ("resource_URI_parameters: 接口URL，包括接口路径和位置在 path、query
            // 的接口请求参数") and only those defined in the body in the body;
            // DTS defines these in the query, and no sentence allows moving
            // them (Alibaba Cloud SDK, "V3版本请求体&签名机制"). The query is
            // sorted by name, as the SDK sends it.
            let mut req = new("POST", "/");
            let mut sorted: Vec<&Param> = params.iter().collect();
            sorted.sort_by(|a, b| a.name.cmp(&b.name));
            req.query = sorted
                .iter()
                .map(|p| (p.name.clone(), p.value.to_string()))
                .collect();
            // The SDK asks for JSON, and signs that it did.
            req.push_header("accept", "application/json");
            let mut masked = req.clone();
            masked.query = sorted
                .iter()
                .map(|p| (p.name.clone(), shown(p, false).to_owned()))
                .collect();
            acs3::sign(
                &mut req,
                credentials,
                &acs3::SigningParams {
                    action,
                    version,
                    time: ctx.time,
                    nonce: ctx.nonce,
                },
            );
            masked.headers = req.headers.clone();
            SignedRequest {
                request: req,
                masked,
            }
        }
        RequestShape::HuaweiRest {
            method,
            path,
            project_field,
            content_type,
        } => {
            let mut path = path.to_owned();
            for (f, v) in validated.values() {
                if f.location == Location::Path {
                    path = path.replace(&format!("{{{}}}", f.wire_name), v.expose());
                }
            }
            let mut req = new(method, &path);
            req.push_header("Content-Type", content_type);
            // The SDK always sends and signs the project id (resources in
            // sub-projects need it).
            if let Some(project) = project_field.and_then(|f| validated.value(f)) {
                req.push_header("X-Project-Id", project.expose());
            }
            let mut masked = req.clone();
            req.body = json_body(&params, true);
            masked.body = json_body(&params, false);
            huawei::sign(&mut req, credentials, ctx.time);
            masked.headers = req.headers.clone();
            SignedRequest {
                request: req,
                masked,
            }
        }
        RequestShape::UCloud { action } => {
            let mut pairs: Vec<(String, String)> = vec![("Action".into(), action.into())];
            pairs.extend(
                params
                    .iter()
                    .map(|p| (p.name.to_owned(), p.value.to_string())),
            );
            ucloud::sign(&mut pairs, credentials);
            let signed: Vec<Param> = pairs
                .iter_mut()
                .map(|(name, value)| Param {
                    secret: params.iter().any(|p| p.secret && p.name == *name),
                    boolean: false,
                    name: std::mem::take(name),
                    value: Zeroizing::new(std::mem::take(value)),
                })
                .collect();
            let mut req = new("POST", "/");
            req.push_header("Content-Type", "application/x-www-form-urlencoded");
            let mut masked = req.clone();
            req.body = form_body(&signed, true);
            masked.body = form_body(&signed, false);
            SignedRequest {
                request: req,
                masked,
            }
        }
        RequestShape::TencentApi3 {
            service,
            action,
            version,
        } => {
            let mut req = new("POST", "/");
            req.push_header("Content-Type", "application/json");
            let mut masked = req.clone();
            req.body = json_body(&params, true);
            masked.body = json_body(&params, false);
            tc3::sign(
                &mut req,
                credentials,
                &tc3::SigningParams {
                    service,
                    action,
                    version,
                    region: validated.region(),
                    time: ctx.time,
                },
            );
            masked.headers = req.headers.clone();
            SignedRequest {
                request: req,
                masked,
            }
        }
    };
    on_the_wire(&mut out, validated.op().request, has_secret);
    out
}

/// What the HTTP client would add on its own, added here so that the
/// printed request is the request on the wire, line for line: `accept`
/// (as each provider's SDK sends it), `user-agent`, `content-length` and
/// `host`, every name in lower case and in the order the client writes
/// them. The transport hands the client these headers in this order but
/// `host`, which the HTTP/1.1 client writes from the same URL after the
/// others (an HTTP/2 connection carries it as `:authority` instead); it
/// writes every name in lower case, whatever case it is given. The
/// signatures are made before, over the providers' spellings; each scheme
/// compares header names without regard to case. In the masked twin the
/// length of a body holding a password is masked too.
pub(super) fn on_the_wire(out: &mut SignedRequest, shape: RequestShape, has_secret: bool) {
    let accept = match shape {
        RequestShape::AliyunRpc { .. } => "application/json",
        _ => "*/*",
    };
    let secret_in_body = has_secret && !out.request.body.is_empty();
    for (req, masked) in [(&mut out.request, false), (&mut out.masked, true)] {
        if req.header("accept").is_none() {
            req.push_header("accept", accept);
        }
        req.push_header("user-agent", USER_AGENT);
        let length = if masked && secret_in_body {
            MASK.to_owned()
        } else {
            req.body.len().to_string()
        };
        req.push_header("content-length", length);
        // Last, where the client writes it (a signer may have added it
        // earlier: moved, as the client sends only the URL's).
        let host = req.host.clone();
        req.headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("host"));
        req.push_header("host", host);
        for (name, _) in &mut req.headers {
            name.make_ascii_lowercase();
        }
    }
}

/// Who is calling, on every request.
pub const USER_AGENT: &str = concat!("keyturn/", env!("CARGO_PKG_VERSION"));

fn shown(p: &Param, reveal: bool) -> &str {
    if p.secret && !reveal { MASK } else { &p.value }
}

/// `name=value&…`, RFC 3986-encoded; a masked value is written as the
/// plain mask so it reads as one.
fn form_body(params: &[Param], reveal: bool) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::new());
    for (i, p) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&rfc3986(&p.name));
        out.push('=');
        if p.secret && !reveal {
            out.push_str(MASK);
        } else {
            out.push_str(&Zeroizing::new(rfc3986(&p.value)));
        }
    }
    out
}

/// A JSON object of the parameters, in catalogue order: strings, and
/// booleans for boolean fields. Wire names of the form `List.N.Member`
/// (`Accounts.0.User`, as Tencent's SDKs name an array's members in a
/// query) become one member `List`, an array of objects in the order of
/// their `N`: `"Accounts":[{"User":…,"Host":…}]`.
fn json_body(params: &[Param], reveal: bool) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(
        2 + params
            .iter()
            .map(|p| p.name.len() + p.value.len() + 8)
            .sum::<usize>(),
    ));
    out.push('{');
    for (i, (name, member)) in json_members(params).iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(&mut out, name);
        out.push(':');
        match member {
            Member::Value(p) => push_json_value(&mut out, p, reveal),
            Member::List(items) => {
                out.push('[');
                for (j, (_, fields)) in items.iter().enumerate() {
                    if j > 0 {
                        out.push(',');
                    }
                    out.push('{');
                    for (k, (key, p)) in fields.iter().enumerate() {
                        if k > 0 {
                            out.push(',');
                        }
                        push_json_string(&mut out, key);
                        out.push(':');
                        push_json_value(&mut out, p, reveal);
                    }
                    out.push('}');
                }
                out.push(']');
            }
        }
    }
    out.push('}');
    out
}

/// One member of a JSON body: a value, or an array of objects, each with
/// its index and its members.
enum Member<'a> {
    Value(&'a Param),
    List(Vec<(usize, Vec<(&'a str, &'a Param)>)>),
}

/// `List.N.Member` split into its parts, when the name has that form.
fn list_item(name: &str) -> Option<(&str, usize, &str)> {
    let mut parts = name.splitn(3, '.');
    let (list, index, member) = (parts.next()?, parts.next()?, parts.next()?);
    let plain = |s: &str| !s.is_empty() && !s.contains('.');
    if !(plain(list) && plain(member) && index.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Some((list, index.parse().ok()?, member))
}

/// The body's members in the order their first parameter comes.
fn json_members(params: &[Param]) -> Vec<(&str, Member<'_>)> {
    let mut members: Vec<(&str, Member<'_>)> = Vec::new();
    for p in params {
        let Some((list, index, key)) = list_item(&p.name) else {
            members.push((&p.name, Member::Value(p)));
            continue;
        };
        let at = match members.iter().position(|(n, _)| *n == list) {
            Some(at) => at,
            None => {
                members.push((list, Member::List(Vec::new())));
                members.len() - 1
            }
        };
        let Member::List(items) = &mut members[at].1 else {
            // A plain member of the same name: keep both as the wire names say.
            members.push((&p.name, Member::Value(p)));
            continue;
        };
        match items.iter_mut().find(|(n, _)| *n == index) {
            Some((_, fields)) => fields.push((key, p)),
            None => {
                items.push((index, vec![(key, p)]));
                items.sort_by_key(|(n, _)| *n);
            }
        }
    }
    members
}

/// A parameter's value in a JSON body: a boolean bare, anything else a
/// string (a secret masked unless `reveal`).
fn push_json_value(out: &mut String, p: &Param, reveal: bool) {
    if p.boolean && matches!(p.value.as_str(), "true" | "false") {
        out.push_str(&p.value);
    } else {
        push_json_string(out, shown(p, reveal));
    }
}

/// Appends `s` as a JSON string literal, escaping as RFC 8259 requires.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(name: &str, value: &str, secret: bool, boolean: bool) -> Param {
        Param {
            name: name.into(),
            value: Zeroizing::new(value.into()),
            secret,
            boolean,
        }
    }

    #[test]
    fn list_members_become_an_array_of_objects() {
        let params = [
            param("InstanceId", "cdb-1", false, false),
            param("NewPassword", "pw\"1", true, false),
            param("Accounts.0.User", "root", false, false),
            param("Accounts.0.Host", "%", false, false),
            param("SkipValidatePassword", "false", false, true),
        ];
        let body = json_body(&params, true);
        assert_eq!(
            body.as_str(),
            r#"{"InstanceId":"cdb-1","NewPassword":"pw\"1","Accounts":[{"User":"root","Host":"%"}],"SkipValidatePassword":false}"#
        );
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["Accounts"][0]["Host"], "%");
        assert_eq!(v["SkipValidatePassword"], false);
        let masked = json_body(&params, false);
        assert!(masked.contains(&format!(r#""NewPassword":"{MASK}""#)));
        assert!(masked.contains(r#""Accounts":[{"User":"root","Host":"%"}]"#));
    }

    #[test]
    fn list_items_are_ordered_by_index_and_odd_names_stay_flat() {
        let params = [
            param("L.1.A", "second", false, false),
            param("L.0.A", "first", false, false),
            param("L.0.B", "b", false, false),
            param("a.b", "flat", false, false),
            param("x.y.z.w", "flat too", false, false),
            param("M.n.A", "not an index", false, false),
        ];
        let v: serde_json::Value = serde_json::from_str(&json_body(&params, true)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "L": [{"A": "first", "B": "b"}, {"A": "second"}],
                "a.b": "flat",
                "x.y.z.w": "flat too",
                "M.n.A": "not an index",
            })
        );
    }

    #[test]
    fn a_boolean_field_with_another_value_stays_a_string() {
        let params = [param("NoAuth", "maybe", false, true)];
        assert_eq!(json_body(&params, true).as_str(), r#"{"NoAuth":"maybe"}"#);
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut s = String::new();
        push_json_string(&mut s, "a\"b\\c\u{1}\n");
        assert_eq!(s, r#""a\"b\\c\u0001\n""#);
        let parsed: String = serde_json::from_str(&s).unwrap();
        assert_eq!(parsed, "a\"b\\c\u{1}\n");
    }
}
