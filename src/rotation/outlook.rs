//! What Keyturn already knows about a resource before a change is
//! reviewed: whether a change would be refused now and why, and the
//! current password the keyring keeps for it. Read-only: no lock is
//! taken, no attempt adopted. A change checks again, under its lock, in
//! the same order (`change.rs`, step 2).

use secrecy::SecretString;
use time::OffsetDateTime;

use super::{Rotation, RotationError, block};
use crate::rotation::Block;
use crate::vault::ResourceKey;

/// A resource as the journal and the keyring see it now.
#[derive(Debug, Default)]
pub struct Outlook {
    /// What would stop a change now.
    pub block: Option<Block>,
    /// The password the keyring keeps as the resource's current one.
    pub current: Option<SecretString>,
    /// The last answer from the provider was a wrong old password, with
    /// this many tries left before it locks changes.
    pub tries_left: Option<u32>,
    /// Where the resource's service listens, if Keyturn keeps that.
    pub connection: Option<crate::vault::Connection>,
}

impl Rotation {
    /// `key` as a change would find it now; `changes_password` is false
    /// for a call that changes only an expiry.
    pub fn outlook(
        &self,
        key: &ResourceKey,
        changes_password: bool,
        now: OffsetDateTime,
    ) -> Result<Outlook, RotationError> {
        let attempts = self.journal().read()?.attempts();
        let slots = self.vault().slots(key)?;
        let block = match block::open_attempt(&attempts, key, None) {
            Some(open) => Some(open),
            None => match block::from_answers(&attempts, key, changes_password, now) {
                Some(answer) => Some(answer),
                None if slots.pending.is_some() || self.vault().pending_recorded(key)? => {
                    Some(Block::PendingWithoutAttempt)
                }
                None => None,
            },
        };
        let connection = self
            .vault()
            .local_index()?
            .resource(&key.to_string())
            .and_then(|r| r.connection.clone());
        Ok(Outlook {
            block,
            current: slots.current,
            tries_left: block::tries_left(&attempts, key),
            connection,
        })
    }
}
