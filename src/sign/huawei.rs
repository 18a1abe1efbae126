//! Huawei Cloud SDK-HMAC-SHA256 (AK/SK signing of API Gateway).
//!
//! 1. Add `X-Sdk-Date` (`YYYYMMDDTHHMMSSZ`) and `Host`.
//! 2. Canonical request: the path with a trailing `/` added, each segment
//!    RFC 3986-encoded; sorted query; every header but `Authorization`.
//! 3. String to sign: `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex SHA-256 of canonical}`.
//! 4. Signature: hex HMAC-SHA256 keyed with the secret key.
//! 5. `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`.

use std::fmt;

use time::OffsetDateTime;
use time::macros::format_description;

use super::encode::{canonical_query, hmac_sha256, lower_hex, sha256_hex};
use super::{CanonicalRequest, Credentials};
use crate::http::HttpRequest;
use crate::http::rfc3986;

pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
pub const DATE_HEADER: &str = "X-Sdk-Date";

/// Every header but `Authorization`; like Huawei's SDKs, names with an
/// underscore are left out (gateways may drop them).
fn is_signed(name: &str) -> bool {
    name != "authorization" && !name.contains('_')
}

/// Each segment encoded, and a trailing `/`, as Huawei's gateway expects.
pub fn canonical_uri(path: &str) -> String {
    let mut uri: String = path.split('/').map(rfc3986).collect::<Vec<_>>().join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Stage 2, for a request that already carries `X-Sdk-Date` and `Host`.
pub fn canonical_request(request: &HttpRequest) -> CanonicalRequest {
    let (headers, signed_headers) = CanonicalRequest::headers_from(request, is_signed, false);
    CanonicalRequest {
        method: request.method.clone(),
        uri: canonical_uri(&request.path),
        query: canonical_query(&request.query),
        headers,
        signed_headers,
        payload_hash: sha256_hex(request.body.as_bytes()),
    }
}

/// Stage 3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringToSign {
    pub date: String,
    pub hashed_canonical_request: String,
}

impl StringToSign {
    pub fn new(date: &str, canonical: &CanonicalRequest) -> Self {
        StringToSign {
            date: date.to_owned(),
            hashed_canonical_request: sha256_hex(canonical.to_string().as_bytes()),
        }
    }
}

impl fmt::Display for StringToSign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{ALGORITHM}\n{}\n{}",
            self.date, self.hashed_canonical_request
        )
    }
}

/// Stage 4.
pub fn signature(credentials: &Credentials, string_to_sign: &StringToSign) -> String {
    lower_hex(&hmac_sha256(
        credentials.secret().as_bytes(),
        string_to_sign.to_string().as_bytes(),
    ))
}

/// `X-Sdk-Date`: basic ISO 8601 in UTC.
pub fn format_date(time: OffsetDateTime) -> String {
    let fmt = format_description!("[year][month][day]T[hour][minute][second]Z");
    time.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_else(|_| unreachable!("a fixed format always applies"))
}

/// Signs `request` in place: adds `X-Sdk-Date`, `Host` and `Authorization`.
pub fn sign(request: &mut HttpRequest, credentials: &Credentials, time: OffsetDateTime) {
    let date = format_date(time);
    request.push_header(DATE_HEADER, date.clone());
    let host = request.host.clone();
    request.push_header("Host", host);
    let canonical = canonical_request(request);
    let sts = StringToSign::new(&date, &canonical);
    let sig = signature(credentials, &sts);
    request.push_header(
        "Authorization",
        format!(
            "{ALGORITHM} Access={}, SignedHeaders={}, Signature={sig}",
            credentials.key_id, canonical.signed_headers
        ),
    );
}
