//! Step 6: the slots move by the outcome, in one keyring write, and the
//! journal closes the attempt. What each outcome does:
//!
//! | outcome | a change | a retry of attempt A | expiry only |
//! |---|---|---|---|
//! | succeeded | pending → current, old → previous | the same; A is closed too | nothing moves; the new expiry is recorded |
//! | unknown (or accepted, its task not followed to the end) | pending stays; the attempt stays open | pending stays; A stays open | nothing moves |
//! | refused, not sent | the slots are as before the change | pending stays; A stays open | nothing moves |

use secrecy::SecretString;
use time::OffsetDateTime;

use super::Rotation;
use crate::journal::{OutcomeInfo, RecordKind, Recorded, Settlement, StatusKind};
use crate::outcome::{Outcome, Status};
use crate::vault::{ResourceKey, Settled, Slots};

/// Where the passwords are after a change, for every front end to put in
/// its own words (`words::whereabouts`) and add its own remedy (a command,
/// a button).
#[derive(Debug, Clone)]
pub enum Whereabouts {
    /// The new password is current; the one before it is previous.
    Promoted,
    /// The change removed the password: nothing is current.
    Removed,
    /// Only the old password's expiry was to change; no slot moved.
    ExpiryOnly,
    /// The provider did not change it; pending was dropped, current stands.
    Discarded,
    /// The result is unknown: the new password is pending and may be the
    /// live one; the attempt stays open until the user settles it.
    PendingKept,
    /// A retry did not succeed: the attempt it retried keeps its pending
    /// password and stays open.
    RetryFailed { earlier: String },
    /// Called off before it left; nothing was sent and nothing moved.
    Cancelled,
    /// The slots could not be updated after the answer (why): the new
    /// password is still pending and the attempt open.
    NotSettled(std::sync::Arc<super::RotationError>),
}

impl Whereabouts {
    /// Whether an open attempt is left for the user to settle.
    pub fn needs_settling(&self) -> bool {
        matches!(
            self,
            Whereabouts::PendingKept | Whereabouts::RetryFailed { .. } | Whereabouts::NotSettled(_)
        )
    }
}

/// What settling needs to know of the staged change.
pub(super) struct Settling<'a> {
    pub attempt: &'a str,
    pub key: &'a ResourceKey,
    pub retry_of: Option<&'a str>,
    pub expiry_only: bool,
    pub before: &'a Slots,
    pub staged: &'a Slots,
    pub old_password: Option<&'a SecretString>,
    pub new_expiry: Option<OffsetDateTime>,
}

impl Rotation {
    pub(super) fn settle_slots(
        &self,
        s: Settling<'_>,
        outcome: &Outcome,
        now: OffsetDateTime,
    ) -> Whereabouts {
        match self.try_settle(&s, outcome, now) {
            Ok(w) => w,
            Err(e) => Whereabouts::NotSettled(std::sync::Arc::new(e)),
        }
    }

    fn try_settle(
        &self,
        s: &Settling<'_>,
        outcome: &Outcome,
        now: OffsetDateTime,
    ) -> Result<Whereabouts, super::RotationError> {
        let kind = StatusKind::of(&outcome.status);
        let until = match &outcome.status {
            Status::Locked { until } | Status::OldPasswordStillValid { until } => *until,
            Status::Throttled { retry_at } => *retry_at,
            _ => None,
        };
        let succeeded = kind == StatusKind::Succeeded;
        self.append(
            s.attempt,
            RecordKind::Outcome(OutcomeInfo {
                status: Recorded::Known(kind),
                task: outcome.task.clone(),
                code: outcome.code.clone(),
                request_id: outcome.request_id.clone(),
                until,
                old_password_valid_until: s.new_expiry.filter(|_| succeeded),
                retries_left: match outcome.status {
                    Status::WrongOldPassword { retries_left } => retries_left,
                    _ => None,
                },
            }),
            now,
        )?;

        if s.expiry_only {
            let how = match kind {
                StatusKind::Succeeded => Settlement::Succeeded,
                StatusKind::Unknown | StatusKind::Accepted => Settlement::NothingStaged,
                StatusKind::NotSent => Settlement::NotSent,
                _ => Settlement::Rejected,
            };
            self.close(s.attempt, how, now)?;
            return Ok(Whereabouts::ExpiryOnly);
        }

        // The attempt whose claim this settles: a retry settles the claim of
        // the attempt it repeats.
        let owner = s.retry_of.unwrap_or(s.attempt);
        if succeeded {
            let promoted = (s.staged.promoted(s.old_password)).settled(self.last(
                owner,
                Settled::Promoted,
                now,
            ));
            self.promote(s.key, &promoted, now)?;
            self.close(s.attempt, Settlement::Succeeded, now)?;
            if let Some(earlier) = s.retry_of {
                self.close(earlier, Settlement::Retried, now)?;
            }
            return Ok(if promoted.current.is_some() {
                Whereabouts::Promoted
            } else {
                Whereabouts::Removed
            });
        }

        if let Some(earlier) = s.retry_of {
            // Whatever this retry met, the earlier attempt may have changed
            // the password: its pending stays, and so does the attempt.
            self.close(s.attempt, Settlement::RetryFailed, now)?;
            return Ok(Whereabouts::RetryFailed {
                earlier: earlier.to_owned(),
            });
        }
        // Accepted and never followed to its task's end: as unknown.
        if matches!(kind, StatusKind::Unknown | StatusKind::Accepted) {
            return Ok(Whereabouts::PendingKept);
        }
        // As it was before staging: the pending password goes, and so does a
        // current one taken from the user's word for this change only. The
        // item cannot have changed since: this change holds its lock, and on
        // the team store the write is a check-and-set on the staged version.
        let dropped = (s.before.clone()).settled(self.last(owner, Settled::Dropped, now));
        self.vault
            .write_slots(s.key, &dropped, &[], None, now, false)?;
        let how = if kind == StatusKind::NotSent {
            Settlement::NotSent
        } else {
            Settlement::Rejected
        };
        self.close(s.attempt, how, now)?;
        Ok(Whereabouts::Discarded)
    }
}
