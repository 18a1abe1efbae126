//! Input and endpoint problems in the form's words, naming fields by
//! their labels (in the current language) rather than their wire names.

use crate::catalog::Operation;
use crate::endpoint::EndpointError;
use crate::i18n::tr;
use crate::request::InputError;
use crate::tr;
use crate::words;

fn label_of(op: &Operation, wire: &str) -> String {
    op.field(wire)
        .map_or_else(|| wire.to_owned(), |f| words::field_label(op, f))
}

/// An input problem in words, naming fields by their labels.
pub(super) fn input_words(op: &Operation, e: &InputError) -> String {
    match e {
        InputError::Missing(w) => tr!("form-input-missing", field = label_of(op, w)),
        InputError::NotAChoice { field, allowed } => tr!(
            "form-input-not-a-choice",
            field = label_of(op, field),
            allowed = allowed.as_str()
        ),
        InputError::BadDateTime { field, pattern } => tr!(
            "form-input-bad-date-time",
            field = label_of(op, field),
            pattern = *pattern
        ),
        InputError::ExpiryInPast { field, at } => tr!(
            "form-input-expiry-in-past",
            field = label_of(op, field),
            at = at.as_str()
        ),
        InputError::UnsafePathValue(w) => {
            tr!("form-input-unsafe-path-value", field = label_of(op, w))
        }
        InputError::NotAnId { field, describe } => {
            tr!(
                "form-input-not-an-id",
                field = label_of(op, field),
                describe = crate::words::id_syntax(describe)
            )
        }
        InputError::ControlCharacter(w) => {
            tr!("input-control-character", field = label_of(op, w))
        }
        InputError::EmptyNotConfirmed { field, .. } => {
            tr!("form-input-empty", field = label_of(op, field))
        }
        InputError::Region(e) => endpoint_words(e),
        InputError::PasswordRules { .. } => tr("form-input-password-rules"),
        // Only the command line gives unknown fields, a region as a field
        // or a secret as plain text: the form never does.
        other => crate::words::input_error(other),
    }
}

pub(super) fn endpoint_words(e: &EndpointError) -> String {
    match e {
        EndpointError::RegionRequired(_) => tr("form-endpoint-region-required"),
        EndpointError::BadRegion(r) => tr!("form-endpoint-bad-region", region = format!("{r:?}")),
        EndpointError::NotAUrl(url) => tr!("form-endpoint-not-a-url", url = format!("{url:?}")),
        EndpointError::Scheme(scheme) => tr!("form-endpoint-scheme", scheme = scheme.as_str()),
        EndpointError::PlainHttpNotLoopback(host) => {
            tr!("form-endpoint-plain-http", host = host.as_str())
        }
        EndpointError::HasExtraParts => tr("form-endpoint-extra-parts"),
        EndpointError::UnknownRegion { op, region } => tr!(
            "form-endpoint-unknown-region",
            op = *op,
            region = format!("{region:?}")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{FluentArgs, Lang, tr_in};

    /// The form's English for an endpoint problem is the core's, after
    /// "Endpoint override: ".
    #[test]
    fn endpoint_overrides_are_worded_as_the_core_does() {
        let cases = [
            (
                EndpointError::NotAUrl("x y".into()),
                "form-endpoint-not-a-url",
                ("url", "\"x y\""),
            ),
            (
                EndpointError::Scheme("ftp".into()),
                "form-endpoint-scheme",
                ("scheme", "ftp"),
            ),
            (
                EndpointError::PlainHttpNotLoopback("db.example.com".into()),
                "form-endpoint-plain-http",
                ("host", "db.example.com"),
            ),
            (
                EndpointError::HasExtraParts,
                "form-endpoint-extra-parts",
                ("unused", ""),
            ),
        ];
        for (error, id, (name, value)) in cases {
            let mut args = FluentArgs::new();
            args.set(name, value);
            assert_eq!(
                tr_in(Lang::English, id, Some(&args)),
                format!("Endpoint override: {error}")
            );
        }
    }
}
