//! Phase one: what the user typed, checked against the catalogue.
//!
//! [`validate`] is cheap and has no side effects: it reports every problem at
//! once (unknown or missing fields, bad choices, dates, path-unsafe ids,
//! broken password rules) and produces a [`ValidatedRequest`] that the
//! builder can turn into a signed request without failing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use time::PrimitiveDateTime;
use time::macros::format_description;

use crate::catalog::{DateTimeFormat, Field, FieldKind, Location, Operation};
use crate::endpoint::{EndpointError, check_region};
use crate::rules::{self, Report};

/// A field's value. Secrets stay wrapped until the moment they are encoded.
#[derive(Clone)]
pub enum Value {
    Plain(String),
    Secret(SecretString),
}

impl Value {
    pub fn expose(&self) -> &str {
        match self {
            Value::Plain(s) => s,
            Value::Secret(s) => s.expose_secret(),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Plain(s) => write!(f, "{s:?}"),
            Value::Secret(_) => f.write_str("[redacted]"),
        }
    }
}

/// Everything the user gave for one call.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// By wire name.
    pub values: BTreeMap<String, Value>,
    pub region: Option<String>,
    /// Fields whose empty value the user explicitly confirmed
    /// (see [`Field::empty_means`]).
    pub confirmed_empty: BTreeSet<String>,
    /// The time the request is made, for values that must lie ahead of it
    /// (an old password's expiry); `None` checks no such value.
    pub now: Option<time::OffsetDateTime>,
}

impl Inputs {
    pub fn set(&mut self, wire_name: &str, value: Value) {
        self.values.insert(wire_name.to_owned(), value);
    }
}

/// One thing wrong with the inputs, as a fact: it names fields, never values
/// of secret fields; front ends word it (`words::input_error`, the form's
/// own words by its labels).
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    UnknownField {
        op: &'static str,
        name: String,
        known: String,
    },
    Missing(&'static str),
    NotAChoice {
        field: &'static str,
        allowed: String,
    },
    BadDateTime {
        field: &'static str,
        pattern: &'static str,
    },
    ExpiryInPast {
        field: &'static str,
        at: String,
    },
    UnsafePathValue(&'static str),
    NotAnId {
        field: &'static str,
        describe: &'static str,
    },
    ControlCharacter(&'static str),
    EmptyNotConfirmed {
        field: &'static str,
        means: &'static str,
    },
    RegionAsField(&'static str),
    Region(EndpointError),
    SecretAsPlainText {
        field: &'static str,
        how: &'static str,
    },
    PasswordRules {
        op: &'static str,
        report: Report,
    },
}

impl InputError {
    /// The field it is about (by its wire name), if one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            InputError::Missing(field)
            | InputError::UnsafePathValue(field)
            | InputError::ControlCharacter(field)
            | InputError::RegionAsField(field)
            | InputError::NotAChoice { field, .. }
            | InputError::BadDateTime { field, .. }
            | InputError::ExpiryInPast { field, .. }
            | InputError::NotAnId { field, .. }
            | InputError::EmptyNotConfirmed { field, .. }
            | InputError::SecretAsPlainText { field, .. } => Some(field),
            InputError::UnknownField { .. }
            | InputError::Region(_)
            | InputError::PasswordRules { .. } => None,
        }
    }
}

/// Inputs that passed every check, ready to be built and signed.
///
/// Its fields are private and it has no public constructor: [`validate`]
/// is the only way to get one, so whatever takes a `ValidatedRequest`
/// (the builder, a change, a send) knows the checks ran.
///
/// ```compile_fail,E0451
/// let op = keyturn::catalog::find("ucloud.uredis.modify-group-password").unwrap();
/// let unchecked = keyturn::request::ValidatedRequest {
///     op,
///     region: None,
///     values: Vec::new(),
///     password_report: None,
/// };
/// ```
#[derive(Debug, Clone)]
pub struct ValidatedRequest {
    op: &'static Operation,
    region: Option<String>,
    values: Vec<(&'static Field, Value)>,
    password_report: Option<Report>,
}

impl ValidatedRequest {
    pub fn op(&self) -> &'static Operation {
        self.op
    }

    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// In catalogue order, only fields that were given. Local-only fields
    /// are here too; the builder never sends them.
    pub fn values(&self) -> &[(&'static Field, Value)] {
        &self.values
    }

    /// The password check, for warnings to show even though it passed.
    /// `None` when the password is being removed.
    pub fn password_report(&self) -> Option<&Report> {
        self.password_report.as_ref()
    }

    pub fn value(&self, wire_name: &str) -> Option<&Value> {
        self.values
            .iter()
            .find(|(f, _)| f.wire_name == wire_name)
            .map(|(_, v)| v)
    }

    /// A request that skips every check, for tests of what the emulator
    /// answers to values Keyturn itself would refuse. Every value is plain;
    /// the operation's region parameter, if it has one, is `region`.
    #[cfg(test)]
    pub(crate) fn unchecked(
        op: &'static Operation,
        region: Option<&str>,
        params: &[(&str, &str)],
    ) -> Self {
        let values = op
            .fields
            .iter()
            .filter_map(|field| {
                let value = if Some(field.wire_name) == op.region.param {
                    region.map(str::to_owned)
                } else {
                    params
                        .iter()
                        .find(|(n, _)| *n == field.wire_name)
                        .map(|(_, v)| (*v).to_owned())
                };
                value.map(|v| (field, Value::Plain(v)))
            })
            .collect();
        ValidatedRequest {
            op,
            region: region.map(str::to_owned),
            values,
            password_report: None,
        }
    }
}

const DATE_TIME: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

/// Checks `inputs` against `op`.
pub fn validate(
    op: &'static Operation,
    inputs: &Inputs,
) -> Result<ValidatedRequest, Vec<InputError>> {
    let mut errors = Vec::new();
    for name in inputs.values.keys() {
        if op.field(name).is_none() {
            errors.push(InputError::UnknownField {
                op: op.api,
                name: name.clone(),
                known: op
                    .fields
                    .iter()
                    .map(|f| f.wire_name)
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
    }
    let region = inputs.region.clone();
    match &region {
        Some(r) => {
            if let Err(e) = check_region(r) {
                errors.push(InputError::Region(e));
            }
        }
        None if op.region.required => {
            errors.push(InputError::Region(EndpointError::RegionRequired(op.api)))
        }
        None => {}
    }

    let mut values = Vec::new();
    let mut removing_password = false;
    for field in op.fields {
        if Some(field.wire_name) == op.region.param {
            if inputs.values.contains_key(field.wire_name) {
                errors.push(InputError::RegionAsField(field.wire_name));
            }
            if let Some(r) = &region {
                values.push((field, Value::Plain(r.clone())));
            }
            continue;
        }
        let given = inputs.values.get(field.wire_name);
        let value = match given {
            Some(v) if !v.expose().is_empty() => v.clone(),
            Some(v)
                if inputs.confirmed_empty.contains(field.wire_name)
                    && field.empty_means.is_some() =>
            {
                if field.wire_name == op.new_password.field {
                    removing_password = true;
                }
                v.clone()
            }
            Some(_) | None => {
                if let (Some(means), Some(_)) = (field.empty_means, given) {
                    errors.push(InputError::EmptyNotConfirmed {
                        field: field.wire_name,
                        means,
                    });
                } else if let Some(default) = field.default {
                    values.push((field, Value::Plain(default.to_owned())));
                } else if field.required {
                    errors.push(InputError::Missing(field.wire_name));
                }
                continue;
            }
        };
        if let Some(e) = check_value(field, value.expose()) {
            errors.push(e);
        } else if let Some(e) = check_expiry(op, field, value.expose(), inputs) {
            errors.push(e);
        }
        if matches!(value, Value::Plain(_)) && field.kind == FieldKind::Secret {
            errors.push(InputError::SecretAsPlainText {
                field: field.wire_name,
                how: "plain text",
            });
        }
        values.push((field, value));
    }

    let password_report = if removing_password {
        None
    } else {
        let get = |name: &str| inputs.values.get(name).map(Value::expose);
        get(op.new_password.field)
            .filter(|p| !p.is_empty())
            .map(|new| {
                let current = op
                    .new_password
                    .current_field
                    .and_then(get)
                    .filter(|c| !c.is_empty());
                rules::check(&op.new_password.policy, new, current)
            })
    };
    if let Some(report) = &password_report
        && !report.acceptable()
    {
        errors.push(InputError::PasswordRules {
            op: op.api,
            report: report.clone(),
        });
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidatedRequest {
        op,
        region,
        values,
        password_report,
    })
}

/// A change of the password must not give the old one an expiry in the
/// past: the old password would stop working at once, with no overlap for
/// the applications still using it. A call that changes only the expiry
/// may end the old password now, which is what it is for.
fn check_expiry(
    op: &Operation,
    field: &'static Field,
    value: &str,
    inputs: &Inputs,
) -> Option<InputError> {
    let spec = op
        .old_password_expiry
        .as_ref()
        .filter(|e| e.field == field.wire_name)?;
    if op.only_changes_expiry(|f| inputs.values.get(f).map(Value::expose)) {
        return None;
    }
    let at = spec.parse(value)?;
    (at < inputs.now?).then(|| InputError::ExpiryInPast {
        field: field.wire_name,
        at: crate::time_format::utc(&at),
    })
}

fn check_value(field: &'static Field, value: &str) -> Option<InputError> {
    match field.kind {
        FieldKind::Choice(choices) if !choices.iter().any(|(v, _)| *v == value) => {
            Some(InputError::NotAChoice {
                field: field.wire_name,
                allowed: choices
                    .iter()
                    .map(|(v, label)| format!("{v} ({label})"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
        FieldKind::DateTime(DateTimeFormat::SpaceSeparated)
            if PrimitiveDateTime::parse(value, DATE_TIME).is_err() =>
        {
            Some(InputError::BadDateTime {
                field: field.wire_name,
                pattern: DateTimeFormat::SpaceSeparated.pattern(),
            })
        }
        _ if field.id_syntax.is_some_and(|s| !s.accepts(value)) => Some(InputError::NotAnId {
            field: field.wire_name,
            describe: field.id_syntax.map_or("", |s| s.describe),
        }),
        // Passwords are held to their own rules; every other value is text
        // that is shown, logged by name and sent: no control characters.
        _ if field.kind != FieldKind::Secret && value.chars().any(char::is_control) => {
            Some(InputError::ControlCharacter(field.wire_name))
        }
        _ if field.location == Location::Path
            && !value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c)) =>
        {
            Some(InputError::UnsafePathValue(field.wire_name))
        }
        _ => None,
    }
}
