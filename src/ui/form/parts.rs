//! The data the form's state holds for its dialog and for what is known
//! of its resource: what each is, apart from how it behaves (that lives
//! with each part: `dialog`, `confirmation`, `known`), so the state can
//! hold them without importing the parts that work on it.

use crate::jobs::{JobId, SendJob};
use crate::rotation::Outlook;
use crate::ui::Summary;
use crate::vault::ResourceKey;

/// An open dialog.
#[derive(Debug)]
pub(super) enum Dialog {
    Confirm(Box<Confirmation>),
    /// UCloud: confirm removing the password before the box is ticked.
    ConfirmRemoval,
}

/// The last look before a change is sent: what it says and what it sends.
#[derive(Debug)]
pub(super) struct Confirmation {
    pub(super) summary: Summary,
    pub(super) job: SendJob,
    pub(super) action_label: String,
    /// "Send anyway": why the provider is expected to refuse.
    pub(super) anyway: Option<String>,
    /// What Keyturn knows would make the provider refuse it (shown before
    /// the admin sends without "anyway").
    pub(super) expected_refusal: Option<String>,
    /// The new password was already set on this other resource this
    /// session: the action waits until the admin ticks that it is meant.
    pub(super) reused_on: Option<String>,
    pub(super) reuse_accepted: bool,
    /// The new password is weak or very weak: named before it is set.
    pub(super) weak: Option<String>,
}

/// The answer about one resource, and whether it is being asked again.
#[derive(Debug)]
pub(super) struct Known {
    pub(super) key: ResourceKey,
    pub(super) changes_password: bool,
    /// A look-up in flight.
    pub(super) waiting: Option<JobId>,
    /// The look-up in flight asks about a resource the form named before
    /// (its answer is dropped, and this one asked next).
    pub(super) superseded: bool,
    /// The journal changed since the answer: ask again.
    pub(super) stale: bool,
    pub(super) outlook: Option<Result<Outlook, String>>,
}

/// A new password this form set, by resource: a keyed hash (the key is
/// random and lives only as long as the form), never the password.
pub(super) type Fingerprint = [u8; 32];
