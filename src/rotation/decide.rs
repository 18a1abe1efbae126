//! The user's word on an open attempt: the change worked (keep pending as
//! current) or it did not (discard pending).
//!
//! Both run under the resource's lock and read the resource's item first:
//! its claim says whose change the pending password belongs to, and its
//! `last` whether the store already settled this attempt. Nobody settles
//! another's claim while its lease runs; the item is written only when the
//! pending password is this attempt's, and on the team store every write
//! is a check-and-set on the version read here.

use time::OffsetDateTime;

use super::{Block, Rotation, RotationError};
use crate::journal::{Attempt, Settlement};
use crate::vault::{Claim, LastChange, Pending, ResourceKey, Settled, Slot, Slots, VaultError};

/// What settling an open attempt did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub key: ResourceKey,
    pub how: Decision,
}

/// How an open attempt was settled, for every front end to word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Pending became current; current became previous.
    Kept,
    /// Pending was discarded; current is unchanged. `had_pending` is false
    /// when there was no pending password to discard.
    Discarded { had_pending: bool },
    /// The item already records this attempt as settled (an earlier settle
    /// wrote the item and then failed, or another admin settled it after its
    /// lease): only this computer's records were brought in line with it.
    AlreadySettled(LastChange),
    /// The resource's pending password now belongs to another change (it
    /// took over after this attempt's lease ended): this computer's record
    /// of the attempt was closed, and the item was left alone.
    Superseded(Claim),
}

/// Where an open attempt stands against its resource's item.
enum Standing {
    /// The pending password is this attempt's (or unclaimed): it may be
    /// settled.
    Ours,
    /// The item already records the attempt as settled.
    Settled(LastChange),
    /// Another change holds the item now.
    Superseded(Claim),
}

/// The attempt whose claim an open attempt stands for: an attempt adopted
/// from another's claim stands for that claim's attempt.
pub(super) fn owner(attempt: &Attempt) -> &str {
    match &attempt.info.claim {
        Some(claim) => &claim.attempt,
        None => &attempt.id,
    }
}

impl Rotation {
    /// The user knows the change worked: pending becomes current.
    pub fn keep_as_current(&self, id: &str, now: OffsetDateTime) -> Result<Decided, RotationError> {
        let attempt = self.open_attempt(id, now)?;
        let key = attempt.info.resource.clone();
        let _lock = self.lock(&key)?;
        let mut slots = self.vault.slots(&key)?;
        match self.standing(&attempt, &slots, now)? {
            Standing::Ours => {}
            Standing::Settled(last) => return self.align(&attempt, &slots, last, now),
            Standing::Superseded(claim) => return self.superseded(&attempt, claim, now),
        }
        if slots.pending.is_none() {
            if !attempt.info.removes_password {
                let holds = slots.filled();
                return Err(RotationError::PendingMissing { key, holds });
            }
            slots.pending = Some(Pending::Removal);
        }
        let kept = slots
            .promoted(None)
            .settled(self.last(owner(&attempt), Settled::Kept, now));
        self.promote(&key, &kept, now)?;
        self.close(id, Settlement::KeptAsCurrent, now)?;
        Ok(Decided {
            key,
            how: Decision::Kept,
        })
    }

    /// The user knows the change did not happen: pending is discarded.
    pub fn discard(&self, id: &str, now: OffsetDateTime) -> Result<Decided, RotationError> {
        let attempt = self.open_attempt(id, now)?;
        let key = attempt.info.resource.clone();
        let _lock = self.lock(&key)?;
        let slots = self.vault.slots(&key)?;
        match self.standing(&attempt, &slots, now)? {
            Standing::Ours => {}
            Standing::Settled(last) => return self.align(&attempt, &slots, last, now),
            Standing::Superseded(claim) => return self.superseded(&attempt, claim, now),
        }
        let had_pending = slots.pending.is_some();
        let discarded =
            slots
                .without_pending()
                .settled(self.last(owner(&attempt), Settled::Discarded, now));
        self.vault
            .write_slots(&key, &discarded, &[], None, now, false)?;
        self.close(id, Settlement::Discarded, now)?;
        Ok(Decided {
            key,
            how: Decision::Discarded { had_pending },
        })
    }

    /// Whether `attempt` may settle the item holding `slots` now.
    fn standing(
        &self,
        attempt: &Attempt,
        slots: &Slots,
        now: OffsetDateTime,
    ) -> Result<Standing, RotationError> {
        let owner = owner(attempt);
        if let Some(claim) = &slots.claim {
            if claim.attempt != owner {
                return Ok(Standing::Superseded(claim.clone()));
            }
            // A change of another process, data folder or admin, adopted
            // here: theirs to settle while they may still be waiting for
            // its answer.
            if attempt.info.claim.is_some() && claim.leased(now) {
                return Err(RotationError::Blocked(Block::Claimed {
                    attempt: attempt.id.clone(),
                    claim: Box::new(claim.clone()),
                }));
            }
            return Ok(Standing::Ours);
        }
        match &slots.last {
            Some(last) if last.attempt == owner && slots.pending.is_none() => {
                Ok(Standing::Settled(last.clone()))
            }
            _ => Ok(Standing::Ours),
        }
    }

    /// The item already says how the attempt was settled: the index is
    /// brought in line with the item and the attempt closed the same way.
    fn align(
        &self,
        attempt: &Attempt,
        slots: &Slots,
        last: LastChange,
        now: OffsetDateTime,
    ) -> Result<Decided, RotationError> {
        let key = attempt.info.resource.clone();
        self.vault.record_slots(&key, slots, now, last.made())?;
        let how = if last.made() {
            Settlement::KeptAsCurrent
        } else {
            Settlement::Discarded
        };
        self.close(&attempt.id, how, now)?;
        Ok(Decided {
            key,
            how: Decision::AlreadySettled(last),
        })
    }

    /// Another change holds the item: this attempt is closed here only.
    fn superseded(
        &self,
        attempt: &Attempt,
        claim: Claim,
        now: OffsetDateTime,
    ) -> Result<Decided, RotationError> {
        self.close(&attempt.id, Settlement::Discarded, now)?;
        Ok(Decided {
            key: attempt.info.resource.clone(),
            how: Decision::Superseded(claim),
        })
    }

    /// The item's record of a settlement by this user now.
    pub(super) fn last(&self, attempt: &str, how: Settled, now: OffsetDateTime) -> LastChange {
        LastChange {
            attempt: attempt.to_owned(),
            by: self.actor.clone(),
            how,
            at: now,
        }
    }

    /// Writes slots whose pending became current: the resource's password
    /// changed now.
    pub(super) fn promote(
        &self,
        key: &ResourceKey,
        promoted: &Slots,
        now: OffsetDateTime,
    ) -> Result<(), VaultError> {
        self.vault.write_slots(
            key,
            promoted,
            &[Slot::Current, Slot::Previous],
            None,
            now,
            true,
        )
    }
}
