//! Request signing, one file per scheme.
//!
//! Each signer is a pure function of (credentials, request, time, nonce):
//! nothing here reads the clock or a random source, so a request can be
//! reproduced byte for byte and every stage can be tested against the
//! providers' published worked examples (`tests/vectors/`).
//!
//! The three AWS-like schemes (ACS3, Huawei's SDK-HMAC-SHA256 and TC3) share
//! [`CanonicalRequest`]; each decides how to fill it.

pub mod acs3;
pub mod encode;
pub mod huawei;
pub mod tc3;
pub mod ucloud;

use std::borrow::Cow;
use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use crate::http::HttpRequest;

/// An access key pair. `Debug` shows the id, never the secret.
#[derive(Clone)]
pub struct Credentials {
    pub key_id: String,
    secret: SecretString,
}

impl Credentials {
    pub fn new(key_id: impl Into<String>, secret: SecretString) -> Self {
        Credentials {
            key_id: key_id.into(),
            secret,
        }
    }

    pub(crate) fn secret(&self) -> &str {
        self.secret.expose_secret()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("key_id", &self.key_id)
            .field("secret", &"[redacted]")
            .finish()
    }
}

/// The canonical request of the AWS-like schemes:
/// method, URI, query, headers, signed header names and payload hash, one
/// per line. `Display` writes the exact bytes that get hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalRequest {
    pub method: String,
    pub uri: String,
    pub query: String,
    /// `name:value\n` for each signed header, sorted by name.
    pub headers: String,
    /// Signed header names, lower case, `;`-separated.
    pub signed_headers: String,
    pub payload_hash: String,
}

impl CanonicalRequest {
    /// Fills the header lines from the request's headers that `is_signed`
    /// picks. Names are lower-cased and values trimmed; `lowercase_values`
    /// is TC3's extra step.
    pub(crate) fn headers_from(
        request: &HttpRequest,
        is_signed: impl Fn(&str) -> bool,
        lowercase_values: bool,
    ) -> (String, String) {
        // Only the signed headers are copied: names lower-cased, values
        // trimmed (and lower-cased for TC3) in the copy, never in place.
        let mut picked: Vec<(String, Cow<'_, str>)> = request
            .headers
            .iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.trim()))
            .filter(|(n, _)| is_signed(n))
            .map(|(n, v)| {
                let v = if lowercase_values {
                    Cow::Owned(v.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(v)
                };
                (n, v)
            })
            .collect();
        picked.sort_unstable();
        let mut lines =
            String::with_capacity(picked.iter().map(|(n, v)| n.len() + v.len() + 2).sum());
        let mut names = String::with_capacity(picked.iter().map(|(n, _)| n.len() + 1).sum());
        for (n, v) in &picked {
            lines.push_str(n);
            lines.push(':');
            lines.push_str(v);
            lines.push('\n');
            if !names.is_empty() {
                names.push(';');
            }
            names.push_str(n);
        }
        (lines, names)
    }
}

impl fmt::Display for CanonicalRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n{}\n{}\n{}\n{}\n{}",
            self.method, self.uri, self.query, self.headers, self.signed_headers, self.payload_hash
        )
    }
}
