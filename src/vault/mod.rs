//! Stored credentials: profiles (one cloud account's access key each) and
//! rotated resource passwords.
//!
//! Secrets live only in the OS keyring (`secrets`); what is not secret lives
//! in one index file (`index`). Every change that touches both writes the
//! keyring first and the index second, under the index lock, and undoes the
//! keyring write if the index cannot be written — so the index never names a
//! secret that was not stored.
//!
//! With a team store in use (`team::activate`), the profiles are the
//! team's: each is one entry of the store holding its secret and its other
//! fields together (`team::TeamProfiles`), written by check-and-set, and
//! [`Vault::index`] lists them from there, with what this computer's index
//! records of them (when last used or verified here) merged in by name. So
//! every front end (the command line, the app's jobs) sees the team's
//! profiles through the same calls, with no team-specific code.

pub mod claim;
pub mod connection;
mod error;
mod holds;
pub mod import;
pub mod index;
pub mod memory;
mod migrate;
mod paths;
mod profiles;
pub mod resource;
pub mod secrets;
pub mod slots;
pub mod team;

use std::collections::BTreeMap;

use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

pub use claim::{Actor, Claim, ClaimState, LastChange, Settled};
pub use connection::{
    Connection, Database, Garbled, NotAvailable, Proof, ProofRecord, TlsProblem, Unreached,
};
pub use error::{IoAction, VaultError};
pub use index::{Index, Profile, ResourceRecord, SlotInfo, Verification};
pub use paths::{APP_ID, Paths};
pub use profiles::{
    ProfileEdit, ProfileError, Replacing, check_name, check_secret, new_profile, profile_entry,
};
pub use resource::{ResourceKey, Slot};
pub use slots::{Pending, Slots};

/// The store of profiles and resource passwords.
#[derive(Debug, Clone)]
pub struct Vault {
    paths: Paths,
}

impl Vault {
    pub fn new(paths: Paths) -> Self {
        Vault { paths }
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// This computer's index file alone: its resources and, in a team
    /// store, only what this computer recorded of the team's profiles (see
    /// [`Vault::index`], which lists them). For what needs no profile.
    pub fn local_index(&self) -> Result<Index, VaultError> {
        index::load(&self.paths)
    }

    /// Runs `change` on the freshest index under its lock, after bringing
    /// an index of an older format (and the keyring entries it names) up to
    /// date.
    fn update<T>(
        &self,
        change: impl FnOnce(&mut Index) -> Result<T, VaultError>,
    ) -> Result<T, VaultError> {
        index::update(&self.paths, |index| {
            if index.version < index::FORMAT_VERSION {
                migrate::to_current(index)?;
            }
            change(index)
        })
    }

    /// A resource's slots, read from its one keyring item; empty when
    /// Keyturn keeps nothing for it.
    pub fn slots(&self, key: &ResourceKey) -> Result<Slots, VaultError> {
        if self.local_index()?.version < index::FORMAT_VERSION {
            self.update(|_| Ok(()))?;
        }
        let name = slots::entry(key);
        match secrets::get(&name) {
            Ok(text) => Slots::from_text(text.expose_secret())
                .ok_or(VaultError::NotKeyturns { what: name.what }),
            Err(VaultError::SecretMissing { .. }) => Ok(Slots::default()),
            Err(e) => Err(e),
        }
    }

    /// Writes a resource's slots whole, in one keyring write, and records in
    /// the index which slots are filled: `set` names those given a new
    /// value now; `rotated` records that the resource's password changed.
    /// Slots with nothing in them remove the item (on the team store, a
    /// check-and-set write of nothing: its history stays).
    pub fn write_slots(
        &self,
        key: &ResourceKey,
        slots: &Slots,
        set: &[Slot],
        profile: Option<&str>,
        now: OffsetDateTime,
        rotated: bool,
    ) -> Result<(), VaultError> {
        self.update(|index| {
            let name = slots::entry(key);
            if slots.is_empty() {
                secrets::delete(&name)?;
            } else {
                secrets::set(&name, &SecretString::from(slots.to_text().to_string()))?;
            }
            record_filled(index, key, slots, set, profile, now, rotated);
            Ok(())
        })
    }

    /// Records in the index which slots the item holding `slots` fills,
    /// without writing the item: for an item settled whose index was not
    /// updated after it.
    pub fn record_slots(
        &self,
        key: &ResourceKey,
        slots: &Slots,
        now: OffsetDateTime,
        rotated: bool,
    ) -> Result<(), VaultError> {
        self.update(|index| {
            record_filled(index, key, slots, &[], None, now, rotated);
            Ok(())
        })
    }

    /// Reads a resource password from one slot.
    pub fn password(&self, key: &ResourceKey, slot: Slot) -> Result<SecretString, VaultError> {
        self.slots(key)?
            .get(slot)
            .cloned()
            .ok_or_else(|| VaultError::NoResource(format!("{key} ({})", slot.key())))
    }

    /// Keeps (or, with `None`, forgets) where the resource's service
    /// listens.
    pub fn set_connection(
        &self,
        key: &ResourceKey,
        connection: Option<Connection>,
    ) -> Result<(), VaultError> {
        self.update(|index| {
            let record = resource_record(index, key, None);
            record.connection = connection;
            drop_if_empty(index, key);
            Ok(())
        })
    }

    /// Records what a login with a slot's password found, and when, if the
    /// index still lists that slot as set at `set_at` (when the password
    /// tested was read): a slot set again meanwhile holds another password,
    /// which the login did not test.
    pub fn record_proof(
        &self,
        key: &ResourceKey,
        slot: Slot,
        set_at: Option<OffsetDateTime>,
        proof: &Proof,
        at: OffsetDateTime,
    ) -> Result<(), VaultError> {
        self.update(|index| {
            let text = key.to_string();
            if let Some(record) = index.resources.iter_mut().find(|r| r.key == text)
                && let Some(info) = record.slots.get(slot.key())
                && set_at.is_none_or(|t| t == info.set_at)
            {
                record.proven.insert(
                    slot.key().to_owned(),
                    ProofRecord {
                        at,
                        proof: proof.clone(),
                    },
                );
            }
            Ok(())
        })
    }

    /// Whether the index records a pending password for the resource.
    pub fn pending_recorded(&self, key: &ResourceKey) -> Result<bool, VaultError> {
        Ok(self
            .local_index()?
            .resource(&key.to_string())
            .is_some_and(|r| r.slots.contains_key(Slot::Pending.key())))
    }
}

/// Records in `index` which of `key`'s slots are filled (see
/// [`Vault::write_slots`]).
fn record_filled(
    index: &mut Index,
    key: &ResourceKey,
    slots: &Slots,
    set: &[Slot],
    profile: Option<&str>,
    now: OffsetDateTime,
    rotated: bool,
) {
    let record = resource_record(index, key, profile);
    let filled = slots.filled();
    // A promotion (current set, pending gone) moves the pending password
    // to current, and what a login proved of it with it.
    let promoted = (set.contains(&Slot::Current) && !filled.contains(&Slot::Pending))
        .then(|| record.proven.remove(Slot::Pending.key()))
        .flatten();
    record
        .slots
        .retain(|s, _| Slot::parse(s).is_some_and(|s| filled.contains(&s)));
    for slot in filled {
        if set.contains(&slot) || !record.slots.contains_key(slot.key()) {
            record
                .slots
                .insert(slot.key().to_owned(), SlotInfo { set_at: now });
            // A login proved the password that was there before.
            record.proven.remove(slot.key());
        }
    }
    if let Some(proof) = promoted {
        record.proven.insert(Slot::Current.key().to_owned(), proof);
    }
    record.proven.retain(|s, _| record.slots.contains_key(s));
    if rotated {
        record.last_rotated_at = Some(now);
    }
    drop_if_empty(index, key);
}

/// Drops `key`'s record when it holds nothing any more: no slot, no
/// rotation, no connection.
fn drop_if_empty(index: &mut Index, key: &ResourceKey) {
    let text = key.to_string();
    index.resources.retain(|r| {
        r.key != text
            || !r.slots.is_empty()
            || r.last_rotated_at.is_some()
            || r.connection.is_some()
    });
}

fn resource_record<'a>(
    index: &'a mut Index,
    key: &ResourceKey,
    profile: Option<&str>,
) -> &'a mut ResourceRecord {
    let text = key.to_string();
    let at = match index.resources.iter().position(|r| r.key == text) {
        Some(at) => at,
        None => {
            index.resources.push(ResourceRecord {
                key: text,
                operation: key.operation.clone(),
                profile: None,
                slots: BTreeMap::new(),
                last_rotated_at: None,
                connection: None,
                proven: BTreeMap::new(),
            });
            index.resources.len() - 1
        }
    };
    let record = &mut index.resources[at];
    if let Some(p) = profile {
        record.profile = Some(p.to_owned());
    }
    record
}
