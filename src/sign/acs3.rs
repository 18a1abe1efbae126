//! Alibaba Cloud ACS3-HMAC-SHA256 (signature V3).
//!
//! 1. Add `host`, `x-acs-action`, `x-acs-version`, `x-acs-date`,
//!    `x-acs-signature-nonce` and `x-acs-content-sha256`.
//! 2. Canonical request: sorted RFC 3986 query, and every header present
//!    at signing time (`host`, `x-acs-*`, `accept`).
//! 3. String to sign: `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request.
//! 4. Signature: hex HMAC-SHA256 keyed with the secret.
//! 5. `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`.

use std::fmt;

use time::OffsetDateTime;
use time::macros::format_description;

use super::encode::{canonical_query, hmac_sha256, lower_hex, sha256_hex};
use super::{CanonicalRequest, Credentials};
use crate::http::HttpRequest;

pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// What the signer needs besides the request.
#[derive(Debug, Clone, Copy)]
pub struct SigningParams<'a> {
    pub action: &'a str,
    pub version: &'a str,
    pub time: OffsetDateTime,
    /// A value never used before with this key; replays are refused.
    pub nonce: &'a str,
}

/// Every header the request carries when it is signed. Signature V3 needs
/// at least `host`, `content-type` and every `x-acs-*` header and allows
/// any other (the SDK signs `accept` and its `user-agent`); the headers
/// added after signing (`user-agent`, `content-length`) are not signed.
/// A server checking a request signs exactly the headers the client named
/// (`HttpRequest` built with only those).
fn is_signed(name: &str) -> bool {
    name != "authorization"
}

/// Stage 2: the canonical request of a request that already carries its
/// `x-acs-*` headers.
pub fn canonical_request(request: &HttpRequest) -> CanonicalRequest {
    let (headers, signed_headers) = CanonicalRequest::headers_from(request, is_signed, false);
    CanonicalRequest {
        method: request.method.clone(),
        uri: request.path.clone(),
        query: canonical_query(&request.query),
        headers,
        signed_headers,
        // Always the body's own hash, never one a header claims.
        payload_hash: sha256_hex(request.body.as_bytes()),
    }
}

/// Stage 3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringToSign {
    pub hashed_canonical_request: String,
}

impl StringToSign {
    pub fn new(canonical: &CanonicalRequest) -> Self {
        StringToSign {
            hashed_canonical_request: sha256_hex(canonical.to_string().as_bytes()),
        }
    }
}

impl fmt::Display for StringToSign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{ALGORITHM}\n{}", self.hashed_canonical_request)
    }
}

/// Stage 4.
pub fn signature(credentials: &Credentials, string_to_sign: &StringToSign) -> String {
    lower_hex(&hmac_sha256(
        credentials.secret().as_bytes(),
        string_to_sign.to_string().as_bytes(),
    ))
}

/// `x-acs-date`: ISO 8601 in UTC, seconds precision.
pub fn format_date(time: OffsetDateTime) -> String {
    let fmt = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_else(|_| unreachable!("a fixed format always applies"))
}

/// Signs `request` in place: adds the `x-acs-*` headers and `Authorization`.
pub fn sign(request: &mut HttpRequest, credentials: &Credentials, params: &SigningParams<'_>) {
    let host = request.host.clone();
    request.push_header("host", host);
    request.push_header("x-acs-action", params.action);
    request.push_header("x-acs-version", params.version);
    request.push_header("x-acs-date", format_date(params.time));
    request.push_header("x-acs-signature-nonce", params.nonce);
    request.push_header("x-acs-content-sha256", sha256_hex(request.body.as_bytes()));
    let canonical = canonical_request(request);
    let sts = StringToSign::new(&canonical);
    let sig = signature(credentials, &sts);
    request.push_header(
        "Authorization",
        format!(
            "{ALGORITHM} Credential={},SignedHeaders={},Signature={sig}",
            credentials.key_id, canonical.signed_headers
        ),
    );
}
