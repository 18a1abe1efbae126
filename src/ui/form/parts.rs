//! The data the form's state holds and more than one part reads: what is
//! derived from the inputs (the rule report and strength the new password
//! draws, where the request goes, which the account section shows, the
//! problems and the command line by the send button). It imports none of
//! the parts, so the state can hold it and every part read it without an
//! import circle.

use crate::endpoint::Endpoint;
use crate::i18n::Lang;
use crate::rules::{Report, Strength};

/// Everything derived from the inputs; recomputed when they change.
#[derive(Debug, Default)]
pub(super) struct Derived {
    pub(super) report: Option<Report>,
    pub(super) strength: Option<Strength>,
    /// What stands between the form and Submit, in words.
    pub(super) problems: Vec<String>,
    /// Where the request would go, or why it cannot.
    pub(super) endpoint: Option<Result<Endpoint, String>>,
    /// The equivalent command line, once the form is valid.
    pub(super) command: Option<String>,
    /// The language the problems and the command line are worded in: a
    /// switch of language words them again.
    pub(super) lang: Lang,
}
