//! What the user can do about an outcome, as a fact: which of Keyturn's
//! hints applies. A hint is the id of a message in `outcomes.ftl`, whose
//! words (English and Chinese) front ends choose when they show it; the
//! set is closed (only this module and the providers' code tables name
//! hints) and [`all`] lists it, so a test checks that every hint has words
//! in every language.

use super::AuthProblem;

/// One of Keyturn's hints, by its message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hint(&'static str);

impl Hint {
    /// A hint of a provider's code table (`hint-<provider>-<code>`).
    pub(super) const fn new(id: &'static str) -> Self {
        Hint(id)
    }

    /// Its message id in `outcomes.ftl`.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// A redirect, which a signed request never follows.
    pub const REDIRECTED: Hint = Hint("hint-redirected");
    /// A 4xx answer with no readable reason.
    pub const REFUSED_UNREADABLE: Hint = Hint("hint-refused-unreadable");
    /// An answer that could not be read: the change may have happened.
    pub const UNREADABLE_ANSWER: Hint = Hint("hint-unreadable-answer");
    /// A server error, which says nothing of whether the change happened.
    pub const SERVER_ERROR: Hint = Hint("hint-server-error");
    /// Nothing left this computer.
    pub const NOT_SENT: Hint = Hint("hint-not-sent");
    /// The request may have arrived; no answer was read.
    pub const NO_ANSWER: Hint = Hint("hint-no-answer");
    /// DCS: the old password was wrong; five in a row lock changes.
    pub const HUAWEI_WRONG_OLD_PASSWORD: Hint = Hint("hint-huawei-wrong-old-password");
    /// DCS: changes are locked after wrong old passwords.
    pub const HUAWEI_LOCKED: Hint = Hint("hint-huawei-locked");
    /// Huawei's gateway blocks a key after failed signatures.
    pub const HUAWEI_SIGNATURES_BLOCKED: Hint = Hint("hint-huawei-signatures-blocked");
    /// UCloud does not know the region, or the group is not in it.
    pub const UCLOUD_REGION_OR_GROUP: Hint = Hint("hint-ucloud-region-or-group");
    /// DTS refused the consumer group's current password.
    pub const ALIBABA_WRONG_CURRENT_PASSWORD: Hint = Hint("hint-alibaba-wrong-current-password");
    /// The provider's task that was to finish the change failed.
    pub const TASK_FAILED: Hint = Hint("hint-task-failed");
    /// The provider's task did not say it had ended before Keyturn stopped
    /// following it.
    pub const TASK_UNFINISHED: Hint = Hint("hint-task-unfinished");
}

impl AuthProblem {
    /// What to check when the provider did not accept the key this way.
    pub fn hint(self) -> Hint {
        Hint(match self {
            AuthProblem::SignatureMismatch => "hint-auth-signature-mismatch",
            AuthProblem::UnknownKey => "hint-auth-unknown-key",
            AuthProblem::ClockSkew => "hint-auth-clock-skew",
            AuthProblem::NoPermission => "hint-auth-no-permission",
        })
    }
}

/// Every hint an outcome can carry: this module's, each authentication
/// problem's and every provider's code table's.
pub fn all() -> Vec<Hint> {
    let mut hints = vec![
        Hint::REDIRECTED,
        Hint::REFUSED_UNREADABLE,
        Hint::UNREADABLE_ANSWER,
        Hint::SERVER_ERROR,
        Hint::NOT_SENT,
        Hint::NO_ANSWER,
        Hint::HUAWEI_WRONG_OLD_PASSWORD,
        Hint::HUAWEI_LOCKED,
        Hint::HUAWEI_SIGNATURES_BLOCKED,
        Hint::UCLOUD_REGION_OR_GROUP,
        Hint::ALIBABA_WRONG_CURRENT_PASSWORD,
        Hint::TASK_FAILED,
        Hint::TASK_UNFINISHED,
    ];
    hints.extend(AuthProblem::ALL.iter().map(|p| p.hint()));
    for table in super::TABLES {
        hints.extend(table.iter().filter_map(|rule| rule.hint));
    }
    hints.sort();
    hints.dedup();
    hints
}
