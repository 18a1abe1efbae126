//! The plain HTTP request that signers sign and the transport sends.
//!
//! It is deliberately our own small type, not an HTTP client's: signers stay
//! pure functions of data, and the body (which carries passwords) is zeroed
//! on drop and never shown by `Debug`.

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use zeroize::Zeroizing;

/// `http` is allowed only to loopback addresses; see `endpoint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Https,
    Http,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Https => "https",
            Scheme::Http => "http",
        }
    }
}

#[derive(Clone)]
pub struct HttpRequest {
    pub method: String,
    pub scheme: Scheme,
    /// Host as it goes in the `Host` header: `name` or `name:port`.
    pub host: String,
    /// Path, already safe for a URL (the builder admits only unreserved
    /// characters into path parameters).
    pub path: String,
    /// Query parameters, not yet encoded.
    pub query: Vec<(String, String)>,
    /// Headers in the order they were added; names as the provider spells
    /// them until `request::build` puts them as they go on the wire.
    pub headers: Vec<(String, String)>,
    pub body: Zeroizing<String>,
}

impl HttpRequest {
    pub fn new(method: &str, scheme: Scheme, host: &str, path: &str) -> Self {
        HttpRequest {
            method: method.to_owned(),
            scheme,
            host: host.to_owned(),
            path: path.to_owned(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Zeroizing::new(String::new()),
        }
    }

    /// Looks a header up by name, ignoring case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn push_header(&mut self, name: &str, value: impl Into<String>) {
        self.headers.push((name.to_owned(), value.into()));
    }

    /// The full URL, query encoded the RFC 3986 way. Query values may be
    /// passwords (Alibaba's): the text is zeroed when dropped.
    pub fn url(&self) -> Zeroizing<String> {
        let mut url = Zeroizing::new(format!(
            "{}://{}{}",
            self.scheme.as_str(),
            self.host,
            self.path
        ));
        if !self.query.is_empty() {
            let query = Zeroizing::new(query_string(&self.query));
            url.push('?');
            url.push_str(&query);
        }
        url
    }
}

impl Drop for HttpRequest {
    /// Query values may be passwords: zeroed like the body.
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for (_, value) in &mut self.query {
            value.zeroize();
        }
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Query values may be passwords (Alibaba's): names only.
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("host", &self.host)
            .field("path", &self.path)
            .field(
                "query",
                &self.query.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            )
            .field(
                "headers",
                &self.headers.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            )
            .field(
                "body",
                &format_args!("[{} bytes redacted]", self.body.len()),
            )
            .finish()
    }
}

/// An answer as read off the wire, before any provider-specific reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Everything but RFC 3986's unreserved characters `A-Z a-z 0-9 - _ . ~`.
/// All four clouds encode this way (space as `%20`, never `+`).
pub const RFC3986: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub fn rfc3986(s: &str) -> String {
    utf8_percent_encode(s, RFC3986).to_string()
}

/// `k=v&k=v`, each side RFC 3986-encoded, in the order given.
pub fn query_string(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&rfc3986(k));
        out.push('=');
        out.push_str(&rfc3986(v));
    }
    out
}
