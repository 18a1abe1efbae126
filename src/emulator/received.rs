//! A request as the emulator received it, and its parameters.
//!
//! Kept apart from hyper's types so that routing, verification and the
//! providers' handlers are plain functions of data. The body and parameter
//! values may hold passwords: they are zeroed on drop and never logged.

use url::form_urlencoded;
use zeroize::{Zeroize, Zeroizing};

use crate::http::{HttpRequest, Scheme};

pub(crate) struct Received {
    pub method: String,
    /// The path exactly as sent (still percent-encoded).
    pub path: String,
    /// Query parameters, decoded.
    pub query: Vec<(String, String)>,
    /// Header names lower-cased; values that are not text are left out.
    pub headers: Vec<(String, String)>,
    pub body: Zeroizing<String>,
}

impl Received {
    /// The form parameters of a POST with `body`, for the handlers' tests.
    #[cfg(test)]
    pub(crate) fn form_of(body: &str) -> Params {
        Received::new(
            "POST",
            "/",
            None,
            &hyper::HeaderMap::new(),
            Zeroizing::new(body.to_owned()),
        )
        .form()
    }

    pub fn new(
        method: &str,
        path: &str,
        query: Option<&str>,
        headers: &hyper::HeaderMap,
        body: Zeroizing<String>,
    ) -> Self {
        Received {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query
                .map(|q| {
                    form_urlencoded::parse(q.as_bytes())
                        .map(|(k, v)| (k.into_owned(), v.into_owned()))
                        .collect()
                })
                .unwrap_or_default(),
            headers: headers
                .iter()
                .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect(),
            body,
        }
    }

    /// Looks a header up by name, ignoring case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `Host` header, as the client signed it.
    pub fn host(&self) -> &str {
        self.header("host").unwrap_or_default()
    }

    /// The request as a signer sees it, keeping only the headers the client
    /// says it signed: the server rebuilds the signature from those, so
    /// headers a proxy or HTTP library adds later do not matter.
    pub fn for_signing(&self, signed_headers: &[&str]) -> HttpRequest {
        let mut request = HttpRequest::new(&self.method, Scheme::Http, self.host(), &self.path);
        request.query = self.query.clone();
        request.headers = self
            .headers
            .iter()
            .filter(|(n, _)| signed_headers.iter().any(|s| s.eq_ignore_ascii_case(n)))
            .cloned()
            .collect();
        request.body = self.body.clone();
        request
    }

    /// The query string's parameters (where Alibaba's RPC calls carry them).
    pub fn query_params(&self) -> Params {
        Params(self.query.clone())
    }

    /// The body read as an `application/x-www-form-urlencoded` form.
    pub fn form(&self) -> Params {
        Params(
            form_urlencoded::parse(self.body.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The body read as a flat JSON object; `None` when it is not one.
    /// Strings are taken as they are, other scalars as their JSON text.
    pub fn json(&self) -> Option<Params> {
        let object: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&self.body).ok()?;
        let mut pairs = Vec::new();
        for (name, value) in object {
            flatten(name, value, &mut pairs);
        }
        Some(Params(pairs))
    }
}

/// A JSON member as parameters: nested objects and arrays by dotted names
/// (`Accounts.0.User`, as the catalogue names a member of a list), strings
/// as they are, other values as JSON text; nulls left out.
fn flatten(name: String, value: serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::String(s) => out.push((name, s)),
        Value::Object(members) => {
            for (k, v) in members {
                flatten(format!("{name}.{k}"), v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.into_iter().enumerate() {
                flatten(format!("{name}.{i}"), v, out);
            }
        }
        other => out.push((name, other.to_string())),
    }
}

/// Request parameters by name, in the order received. Values are zeroed on
/// drop: some are passwords.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// The first value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Adds a parameter that came elsewhere than the body (a path's).
    pub fn push(&mut self, name: &str, value: &str) {
        self.0.push((name.to_owned(), value.to_owned()));
    }

    /// Every pair, as UCloud's signature covers them.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

impl Drop for Params {
    fn drop(&mut self) {
        for (_, v) in &mut self.0 {
            v.zeroize();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received(body: &str) -> Received {
        let mut headers = hyper::HeaderMap::new();
        headers.insert(
            "host",
            hyper::header::HeaderValue::from_static("127.0.0.1:1"),
        );
        headers.insert("x-extra", hyper::header::HeaderValue::from_static("added"));
        Received::new(
            "POST",
            "/",
            Some("a=1&b=x%20y"),
            &headers,
            Zeroizing::new(body.to_owned()),
        )
    }

    #[test]
    fn form_and_query_are_decoded() {
        let r = received("Password=YWJj%3D&Empty=&Plus=a+b");
        assert_eq!(
            r.query,
            vec![("a".into(), "1".into()), ("b".into(), "x y".into())]
        );
        let form = r.form();
        assert_eq!(form.get("Password"), Some("YWJj="));
        assert_eq!(form.get("Empty"), Some(""));
        assert_eq!(form.get("Plus"), Some("a b"));
        assert_eq!(form.get("Missing"), None);
    }

    #[test]
    fn json_keeps_strings_and_scalars() {
        let r = received(r#"{"Mode":"1","N":2,"Gone":null}"#);
        let p = r.json().unwrap();
        assert_eq!(p.get("Mode"), Some("1"));
        assert_eq!(p.get("N"), Some("2"));
        assert_eq!(p.get("Gone"), None);
        assert!(received("[1]").json().is_none());
        assert!(received("not json").json().is_none());
    }

    #[test]
    fn signing_view_keeps_only_signed_headers() {
        let r = received("");
        let req = r.for_signing(&["host"]);
        assert_eq!(req.host, "127.0.0.1:1");
        assert_eq!(req.headers, vec![("host".into(), "127.0.0.1:1".into())]);
    }
}
