//! Tencent Cloud TC3-HMAC-SHA256 (API 3.0 signature v3).
//!
//! 1. Canonical request over `content-type`, `host` and `x-tc-action`
//!    (names and values lower-cased), query and the body's SHA-256.
//! 2. String to sign: algorithm, timestamp, credential scope
//!    `{date}/{service}/tc3_request`, hex SHA-256 of the canonical request.
//! 3. Signing key: HMAC chain `"TC3"+secret` → date → service → `tc3_request`.
//! 4. `Authorization: TC3-HMAC-SHA256 Credential=…/{scope}, SignedHeaders=…, Signature=…`.

use std::fmt;

use time::OffsetDateTime;
use time::macros::format_description;
use zeroize::Zeroizing;

use super::encode::{canonical_query, hmac_sha256, lower_hex, sha256_hex};
use super::{CanonicalRequest, Credentials};
use crate::http::HttpRequest;

pub const ALGORITHM: &str = "TC3-HMAC-SHA256";

/// What the signer needs besides the request.
#[derive(Debug, Clone, Copy)]
pub struct SigningParams<'a> {
    pub service: &'a str,
    pub action: &'a str,
    pub version: &'a str,
    /// Sent as `X-TC-Region`; `None` for the few APIs without a region.
    pub region: Option<&'a str>,
    pub time: OffsetDateTime,
}

fn is_signed(name: &str) -> bool {
    matches!(name, "content-type" | "host" | "x-tc-action")
}

/// Stage 1.
pub fn canonical_request(request: &HttpRequest) -> CanonicalRequest {
    let (headers, signed_headers) = CanonicalRequest::headers_from(request, is_signed, true);
    CanonicalRequest {
        method: request.method.clone(),
        uri: request.path.clone(),
        query: canonical_query(&request.query),
        headers,
        signed_headers,
        payload_hash: sha256_hex(request.body.as_bytes()),
    }
}

/// `{date}/{service}/tc3_request`, the date in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialScope {
    pub date: String,
    pub service: String,
}

impl CredentialScope {
    pub fn new(time: OffsetDateTime, service: &str) -> Self {
        let fmt = format_description!("[year]-[month]-[day]");
        CredentialScope {
            date: time
                .to_offset(time::UtcOffset::UTC)
                .format(&fmt)
                .unwrap_or_else(|_| unreachable!("a fixed format always applies")),
            service: service.to_owned(),
        }
    }
}

impl fmt::Display for CredentialScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/tc3_request", self.date, self.service)
    }
}

/// Stage 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringToSign {
    pub timestamp: i64,
    pub scope: CredentialScope,
    pub hashed_canonical_request: String,
}

impl StringToSign {
    pub fn new(time: OffsetDateTime, scope: CredentialScope, canonical: &CanonicalRequest) -> Self {
        StringToSign {
            timestamp: time.unix_timestamp(),
            scope,
            hashed_canonical_request: sha256_hex(canonical.to_string().as_bytes()),
        }
    }
}

impl fmt::Display for StringToSign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{ALGORITHM}\n{}\n{}\n{}",
            self.timestamp, self.scope, self.hashed_canonical_request
        )
    }
}

/// Stages 3 and 4: derive the signing key and sign.
pub fn signature(credentials: &Credentials, string_to_sign: &StringToSign) -> String {
    let key = Zeroizing::new(format!("TC3{}", credentials.secret()));
    let k_date = Zeroizing::new(hmac_sha256(
        key.as_bytes(),
        string_to_sign.scope.date.as_bytes(),
    ));
    let k_service = Zeroizing::new(hmac_sha256(
        &*k_date,
        string_to_sign.scope.service.as_bytes(),
    ));
    let k_signing = Zeroizing::new(hmac_sha256(&*k_service, b"tc3_request"));
    lower_hex(&hmac_sha256(
        &*k_signing,
        string_to_sign.to_string().as_bytes(),
    ))
}

/// Signs `request` in place: adds `Host`, the `X-TC-*` headers and
/// `Authorization`. The request's `Content-Type` must already be set.
pub fn sign(request: &mut HttpRequest, credentials: &Credentials, params: &SigningParams<'_>) {
    let host = request.host.clone();
    request.push_header("Host", host);
    request.push_header("X-TC-Action", params.action);
    request.push_header("X-TC-Version", params.version);
    request.push_header("X-TC-Timestamp", params.time.unix_timestamp().to_string());
    if let Some(region) = params.region {
        request.push_header("X-TC-Region", region);
    }
    let canonical = canonical_request(request);
    let scope = CredentialScope::new(params.time, params.service);
    let sts = StringToSign::new(params.time, scope, &canonical);
    let sig = signature(credentials, &sts);
    request.push_header(
        "Authorization",
        format!(
            "{ALGORITHM} Credential={}/{}, SignedHeaders={}, Signature={sig}",
            credentials.key_id, sts.scope, canonical.signed_headers
        ),
    );
}
