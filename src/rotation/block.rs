//! Why a change should not be sent now, read from what is known of the
//! resource: the journal's earlier answers, its open attempts, and the
//! keyring's pending slot.

use std::fmt;

use time::OffsetDateTime;

use crate::journal::{Attempt, OutcomeInfo, StatusKind};
use crate::time_format::utc;
use crate::tr;
use crate::vault::{Claim, ResourceKey};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// An earlier change of the same resource has an unknown result: its
    /// pending password may be the live one and must not be overwritten.
    Unsettled {
        attempt: String,
        since: OffsetDateTime,
    },
    /// The keyring (or the index) holds a pending password for the resource
    /// that no open attempt in the journal accounts for (the journal was
    /// lost or damaged). It may be the live password.
    PendingWithoutAttempt,
    /// Another Keyturn process is changing the resource right now.
    InProgress,
    /// Another process, data folder or admin staged a change of the
    /// resource (the item's claim says who and since when) and may still be
    /// waiting for its answer: until the claim's lease ends only they may
    /// settle it. `attempt` is this computer's record of it.
    Claimed { attempt: String, claim: Box<Claim> },
    /// The provider locked password changes after wrong old passwords.
    Locked { until: OffsetDateTime },
    /// TcaplusDB refuses a new change while the previous old password is
    /// still valid.
    OldPasswordStillValid { until: OffsetDateTime },
    /// The provider asked to wait.
    Throttled { until: OffsetDateTime },
}

/// Who stops a change: Keyturn itself (it would overwrite a password that
/// may be live, or another's change is under way) or, as far as Keyturn
/// knows, the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refuser {
    /// Keyturn refuses to send: nothing can make it send now.
    Keyturn,
    /// The provider is expected to refuse; the admin may send anyway.
    Provider,
}

impl Block {
    /// Who refuses the change.
    pub fn refuser(&self) -> Refuser {
        match self {
            Block::Unsettled { .. }
            | Block::PendingWithoutAttempt
            | Block::InProgress
            | Block::Claimed { .. } => Refuser::Keyturn,
            Block::Locked { .. }
            | Block::OldPasswordStillValid { .. }
            | Block::Throttled { .. } => Refuser::Provider,
        }
    }

    /// Whether the user may send anyway. The provider's own refusals may be
    /// tried (the journal may be out of date); a change that could overwrite
    /// a live password may not.
    pub fn can_override(&self) -> bool {
        self.refuser() == Refuser::Provider
    }

    /// When the block ends by itself, if it does.
    pub fn until(&self) -> Option<OffsetDateTime> {
        match self {
            Block::Locked { until }
            | Block::OldPasswordStillValid { until }
            | Block::Throttled { until } => Some(*until),
            _ => None,
        }
    }
}

impl fmt::Display for Block {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Block::Unsettled { attempt, since } => tr!(
                "block-unsettled",
                attempt = attempt.as_str(),
                since = utc(since)
            ),
            Block::PendingWithoutAttempt => tr!("block-pending-without-attempt"),
            Block::InProgress => tr!("block-in-progress"),
            Block::Claimed { claim, .. } => tr!(
                "block-claimed",
                by = crate::shown::shown(&claim.by.to_string()),
                since = utc(&claim.since),
                until = utc(&claim.lease_until),
                store = crate::vault::team::selector()
            ),
            Block::Locked { until } => tr!("block-locked", until = utc(until)),
            Block::OldPasswordStillValid { until } => {
                tr!("block-old-password-still-valid", until = utc(until))
            }
            Block::Throttled { until } => tr!("block-throttled", until = utc(until)),
        };
        f.write_str(&text)
    }
}

/// An open attempt on `key` (other than `retry_of`, the one a retry
/// repeats): its pending password may be the live one, so no other change
/// may start until it is settled.
pub fn open_attempt(
    attempts: &[Attempt],
    key: &ResourceKey,
    retry_of: Option<&str>,
) -> Option<Block> {
    attempts
        .iter()
        .filter(|a| a.settled.is_none() && &a.info.resource == key)
        .find(|a| Some(a.id.as_str()) != retry_of)
        .map(|open| Block::Unsettled {
            attempt: open.id.clone(),
            since: open.started,
        })
}

/// What the journal's answers say stands in the way of changing `key` now:
/// the latest answer about the resource decides. `changes_password` is
/// false for a call that changes only an expiry, which an old password
/// still valid does not block.
pub fn from_answers(
    attempts: &[Attempt],
    key: &ResourceKey,
    changes_password: bool,
    now: OffsetDateTime,
) -> Option<Block> {
    let mut block = None;
    for a in attempts.iter().filter(|a| &a.info.resource == key) {
        let Some((_, o)) = &a.outcome else { continue };
        if !provider_answered(o) {
            continue;
        }
        let until = o.until.filter(|t| *t > now);
        block = match (o.status.known(), until) {
            (Some(StatusKind::Locked), Some(until)) => Some(Block::Locked { until }),
            (Some(StatusKind::Throttled), Some(until)) => Some(Block::Throttled { until }),
            (Some(StatusKind::OldPasswordStillValid), Some(until)) if changes_password => {
                Some(Block::OldPasswordStillValid { until })
            }
            (Some(StatusKind::Succeeded), _) => o
                .old_password_valid_until
                .filter(|t| *t > now && changes_password)
                .map(|until| Block::OldPasswordStillValid { until }),
            _ => None,
        };
    }
    block
}

/// The tries left before the provider locks changes of `key`, when its
/// last answer about the resource was a wrong old password that said so.
pub fn tries_left(attempts: &[Attempt], key: &ResourceKey) -> Option<u32> {
    let last = attempts
        .iter()
        .rev()
        .filter(|a| &a.info.resource == key)
        .filter_map(|a| a.outcome.as_ref().map(|(_, o)| o))
        .find(|o| provider_answered(o))?;
    match last.status.known() {
        Some(StatusKind::WrongOldPassword) => last.retries_left,
        _ => None,
    }
}

/// Whether an outcome is a word from the provider about the resource: not
/// sent, unknown, accepted (its task's end is the word), or a status this
/// version does not know say nothing new.
fn provider_answered(o: &OutcomeInfo) -> bool {
    !matches!(
        o.status.known(),
        None | Some(StatusKind::NotSent | StatusKind::Unknown | StatusKind::Accepted)
    )
}
