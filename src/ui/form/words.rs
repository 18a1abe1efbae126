//! Input and endpoint problems in the form's words, naming fields by
//! their labels rather than their wire names.

use crate::catalog::Operation;
use crate::endpoint::EndpointError;
use crate::request::InputError;

fn label_of(op: &Operation, wire: &str) -> String {
    op.field(wire)
        .map_or_else(|| wire.to_owned(), |f| f.label.to_owned())
}

/// An input problem in words, naming fields by their labels.
pub(super) fn input_words(op: &Operation, e: &InputError) -> String {
    match e {
        InputError::Missing(w) => format!("{} is required", label_of(op, w)),
        InputError::NotAChoice { field, allowed } => {
            format!("{} must be one of: {allowed}", label_of(op, field))
        }
        InputError::BadDateTime { field, pattern } => {
            format!("{} must be written {pattern}", label_of(op, field))
        }
        InputError::ExpiryInPast { field, at } => {
            format!(
                "{} is in the past ({at}): pick a time still to come",
                label_of(op, field)
            )
        }
        InputError::UnsafePathValue(w) => format!(
            "{} may contain only letters, digits and - _ . ~",
            label_of(op, w)
        ),
        InputError::EmptyNotConfirmed { field, .. } => format!("{} is empty", label_of(op, field)),
        InputError::Region(e) => endpoint_words(e),
        InputError::PasswordRules { .. } => {
            "the new password breaks a rule (see the checklist)".into()
        }
        other => other.to_string(),
    }
}

pub(super) fn endpoint_words(e: &EndpointError) -> String {
    match e {
        EndpointError::RegionRequired(_) => "Region is required".into(),
        EndpointError::BadRegion(r) => {
            format!("region {r:?} is not a region name (letters, digits and '-')")
        }
        other => format!("Endpoint override: {other}"),
    }
}
