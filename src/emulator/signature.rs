//! Signature and clock checks, one function per signing scheme.
//!
//! Each rebuilds the signature from what was received with the crate's own
//! signer stages (`crate::sign::{acs3, huawei, tc3, ucloud}`): the emulator
//! has no signing code of its own, so a signer bug cannot hide behind a
//! matching bug here — the signers themselves are pinned by the providers'
//! published vectors (`tests/signing_vectors.rs`).
//!
//! The checks run in the order the providers' gateways report them: a
//! readable `Authorization`, a known key id, a time within the allowed skew,
//! then the signature, then (Alibaba) the nonce.

use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use super::received::{Params, Received};
use super::{Context, same};
use crate::sign::encode::sha256_hex;
use crate::sign::{acs3, huawei, tc3, ucloud};

/// Why a request was not accepted as authentic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AuthError {
    /// No signature, or one that cannot be read; says what is wrong.
    Malformed(&'static str),
    /// The access key id is not the one the emulator knows.
    UnknownKey(String),
    /// The signature does not match. `string_to_sign` is the server's (it
    /// holds hashes only, never the secret or a password).
    Signature { string_to_sign: String },
    /// The request's time is too far from the emulator's clock.
    ClockSkew {
        sent: OffsetDateTime,
        now: OffsetDateTime,
    },
    /// Alibaba: this `x-acs-signature-nonce` was used before.
    NonceUsed,
}

/// Splits `ALGORITHM k=v,k=v` (any spaces after commas) into pairs.
fn authorization<'a>(req: &'a Received, algorithm: &str) -> Option<Vec<(&'a str, &'a str)>> {
    let rest = req.header("authorization")?.strip_prefix(algorithm)?;
    let rest = rest.strip_prefix(' ')?;
    rest.split(',')
        .map(|part| part.trim().split_once('='))
        .collect()
}

fn field<'a>(fields: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    fields.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

/// Tencent's signature v3 refuses a request whose `X-TC-Timestamp` is more
/// than five minutes from the server's clock (API 3.0, "Signature v3").
const TC3_MAX_CLOCK_SKEW: time::Duration = time::Duration::minutes(5);

/// How far a TC3 request's time may be off: five minutes, or less if the
/// emulator was set up stricter.
pub(crate) fn tc3_max_skew(ctx: &Context) -> time::Duration {
    ctx.max_clock_skew.min(TC3_MAX_CLOCK_SKEW)
}

fn within_skew(ctx: &Context, sent: OffsetDateTime) -> Result<(), AuthError> {
    within(ctx.max_clock_skew, ctx, sent)
}

fn within(limit: time::Duration, ctx: &Context, sent: OffsetDateTime) -> Result<(), AuthError> {
    let now = ctx.state.now();
    if (now - sent).abs() > limit {
        return Err(AuthError::ClockSkew { sent, now });
    }
    Ok(())
}

fn known_key(ctx: &Context, key_id: &str) -> Result<(), AuthError> {
    if key_id == ctx.credentials.key_id {
        Ok(())
    } else {
        Err(AuthError::UnknownKey(key_id.to_owned()))
    }
}

/// Alibaba Cloud ACS3-HMAC-SHA256.
pub(crate) fn acs3(ctx: &Context, req: &Received) -> Result<(), AuthError> {
    let fields = authorization(req, acs3::ALGORITHM).ok_or(AuthError::Malformed(
        "no ACS3-HMAC-SHA256 Authorization header",
    ))?;
    let key_id = field(&fields, "Credential").ok_or(AuthError::Malformed("no Credential"))?;
    let claimed_headers =
        field(&fields, "SignedHeaders").ok_or(AuthError::Malformed("no SignedHeaders"))?;
    let claimed = field(&fields, "Signature").ok_or(AuthError::Malformed("no Signature"))?;
    known_key(ctx, key_id)?;
    let date = req
        .header("x-acs-date")
        .ok_or(AuthError::Malformed("no x-acs-date"))?;
    let sent = PrimitiveDateTime::parse(
        date,
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z"),
    )
    .map_err(|_| AuthError::Malformed("x-acs-date is not YYYY-MM-DDTHH:MM:SSZ"))?
    .assume_utc();
    within_skew(ctx, sent)?;

    let signed: Vec<&str> = claimed_headers.split(';').collect();
    let canonical = acs3::canonical_request(&req.for_signing(&signed));
    let string_to_sign = acs3::StringToSign::new(&canonical);
    let expected = acs3::signature(&ctx.credentials, &string_to_sign);
    // The canonical request hashes the body itself; a header claiming
    // another hash is refused too, as the gateway does.
    let body_hash_ok = req
        .header("x-acs-content-sha256")
        .is_none_or(|h| same(h, &sha256_hex(req.body.as_bytes())));
    if !same(claimed, &expected) || canonical.signed_headers != claimed_headers || !body_hash_ok {
        return Err(AuthError::Signature {
            string_to_sign: string_to_sign.to_string(),
        });
    }
    let nonce = req
        .header("x-acs-signature-nonce")
        .ok_or(AuthError::Malformed("no x-acs-signature-nonce"))?;
    // A nonce only needs remembering while its request's time is accepted.
    if !ctx.state.fresh_nonce(nonce, ctx.max_clock_skew * 2) {
        return Err(AuthError::NonceUsed);
    }
    Ok(())
}

/// Huawei Cloud SDK-HMAC-SHA256.
pub(crate) fn huawei(ctx: &Context, req: &Received) -> Result<(), AuthError> {
    let fields = authorization(req, huawei::ALGORITHM).ok_or(AuthError::Malformed(
        "no SDK-HMAC-SHA256 Authorization header",
    ))?;
    let key_id = field(&fields, "Access").ok_or(AuthError::Malformed("no Access"))?;
    let claimed_headers =
        field(&fields, "SignedHeaders").ok_or(AuthError::Malformed("no SignedHeaders"))?;
    let claimed = field(&fields, "Signature").ok_or(AuthError::Malformed("no Signature"))?;
    known_key(ctx, key_id)?;
    let date = req
        .header(huawei::DATE_HEADER)
        .ok_or(AuthError::Malformed("no X-Sdk-Date"))?;
    let sent = PrimitiveDateTime::parse(
        date,
        format_description!("[year][month][day]T[hour][minute][second]Z"),
    )
    .map_err(|_| AuthError::Malformed("X-Sdk-Date is not YYYYMMDDTHHMMSSZ"))?
    .assume_utc();
    within_skew(ctx, sent)?;

    let signed: Vec<&str> = claimed_headers.split(';').collect();
    let canonical = huawei::canonical_request(&req.for_signing(&signed));
    let string_to_sign = huawei::StringToSign::new(date, &canonical);
    let expected = huawei::signature(&ctx.credentials, &string_to_sign);
    if !same(claimed, &expected) || canonical.signed_headers != claimed_headers {
        return Err(AuthError::Signature {
            string_to_sign: string_to_sign.to_string(),
        });
    }
    Ok(())
}

/// Tencent Cloud TC3-HMAC-SHA256, for the API's `service` (the credential
/// scope's middle part).
pub(crate) fn tc3(ctx: &Context, req: &Received, service: &str) -> Result<(), AuthError> {
    let fields = authorization(req, tc3::ALGORITHM).ok_or(AuthError::Malformed(
        "no TC3-HMAC-SHA256 Authorization header",
    ))?;
    let credential = field(&fields, "Credential").ok_or(AuthError::Malformed("no Credential"))?;
    let claimed_headers =
        field(&fields, "SignedHeaders").ok_or(AuthError::Malformed("no SignedHeaders"))?;
    let claimed = field(&fields, "Signature").ok_or(AuthError::Malformed("no Signature"))?;
    let (key_id, claimed_scope) = credential
        .split_once('/')
        .ok_or(AuthError::Malformed("Credential has no scope"))?;
    known_key(ctx, key_id)?;
    let sent = req
        .header("x-tc-timestamp")
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
        .ok_or(AuthError::Malformed("no X-TC-Timestamp in Unix seconds"))?;
    within(tc3_max_skew(ctx), ctx, sent)?;

    let signed: Vec<&str> = claimed_headers.split(';').collect();
    let canonical = tc3::canonical_request(&req.for_signing(&signed));
    let scope = tc3::CredentialScope::new(sent, service);
    let scope_ok = claimed_scope == scope.to_string();
    let string_to_sign = tc3::StringToSign::new(sent, scope, &canonical);
    let expected = tc3::signature(&ctx.credentials, &string_to_sign);
    if !same(claimed, &expected) || canonical.signed_headers != claimed_headers || !scope_ok {
        return Err(AuthError::Signature {
            string_to_sign: string_to_sign.to_string(),
        });
    }
    Ok(())
}

/// UCloud's parameter signature. UCloud requests carry no time, so there is
/// no clock check.
pub(crate) fn ucloud(ctx: &Context, params: &Params) -> Result<(), AuthError> {
    let claimed = params
        .get("Signature")
        .ok_or(AuthError::Malformed("no Signature"))?;
    let key_id = params
        .get("PublicKey")
        .ok_or(AuthError::Malformed("no PublicKey"))?;
    known_key(ctx, key_id)?;
    let string_to_sign = ucloud::StringToSign::new(params.pairs());
    let expected = ucloud::signature(&ctx.credentials, &string_to_sign);
    if !same(claimed, &expected) {
        // UCloud's string to sign holds the parameters, passwords included:
        // never put it in an answer or a log.
        return Err(AuthError::Signature {
            string_to_sign: String::new(),
        });
    }
    Ok(())
}
