//! Copying every profile and every resource's slots between this
//! computer's keyring and the team store, both ways: each is read from the
//! source, written to the destination, and read back to check it; only
//! when every copy checks out, and only when asked, are the sources
//! removed.
//!
//! Profiles go whole: to the team store, each profile the index names
//! becomes one entry with its secret and its fields (`profiles`), added by
//! check-and-set (an entry an earlier Keyturn wrote with the same secret
//! gets its fields); to the keyring, each of the team's profiles has its
//! secret copied and its fields recorded in this computer's index. A
//! profile removed from the team store is left a tombstone, never deleted.

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};
use secrecy::{ExposeSecret, SecretString};

use super::profiles::{Stored, TeamProfiles};
use super::{TeamStore, VaultSettings, writer};
use crate::vault::error::from_keyring;
use crate::vault::secrets::{EntryName, Holds, SERVICE, label_modifiers, platform};
use crate::vault::{Index, ResourceKey, Vault, VaultError, profile_entry, slots};

/// Which way the copies go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From this computer's keyring to the team store.
    ToTeam,
    /// From the team store back to this computer's keyring.
    ToKeyring,
}

/// What was copied.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Migrated {
    pub profiles: Vec<Holds>,
    pub resources: Vec<Holds>,
    /// Whether the sources were removed.
    pub removed: bool,
}

/// Copies everything `vault`'s index names (and, to the keyring, every
/// profile of the team's), in `direction`, between this computer's
/// keyring and the team store of `settings`.
pub fn migrate(
    vault: &Vault,
    settings: &VaultSettings,
    direction: Direction,
    remove_source: bool,
) -> Result<Migrated, VaultError> {
    let client = settings.client().map_err(VaultError::Team)?;
    let profiles = TeamProfiles::new(client.share(), &settings.prefix, writer());
    let team = TeamStore::new_store(client, &settings.prefix, writer());
    let keyring = platform()?;
    let index = vault.local_index()?;
    let mut names: Vec<EntryName> = Vec::new();
    for record in &index.resources {
        if record.slots.is_empty() {
            continue;
        }
        if let Some(key) = ResourceKey::parse(&record.key) {
            names.push(slots::entry(&key));
        }
    }
    // A resource with a change in progress on either side (a pending
    // password, or a claim: another process, data folder or admin may be
    // waiting for its answer) is not moved: nothing is copied at all.
    for name in &names {
        for store in [&keyring, &team] {
            let open = read(store, name)?
                .and_then(|text| slots::Slots::from_text(text.expose_secret()))
                .is_some_and(|s| s.pending.is_some() || s.claim.is_some());
            if open {
                return Err(VaultError::Keyring {
                    detail: crate::tr!("store-migrate-open-change", what = name.what.to_string()),
                });
            }
        }
    }
    let mut migrated = Migrated::default();
    let removals = match direction {
        Direction::ToTeam => profiles_to_team(&profiles, &keyring, &index, &mut migrated)?,
        Direction::ToKeyring => {
            profiles_to_keyring(vault, &profiles, &keyring, &index, &mut migrated)?
        }
    };
    let (from, to) = match direction {
        Direction::ToTeam => (keyring, team),
        Direction::ToKeyring => (team, keyring),
    };
    let mut copied = Vec::new();
    for name in &names {
        let secret = read(&from, name)?;
        let Some(secret) = secret else {
            // Not in the source: nothing to copy (the index may name a
            // slot the keyring lost; `keyturn password list` shows it).
            continue;
        };
        match read(&to, name)? {
            // Already there, the same: nothing to write.
            Some(there) if there.expose_secret() == secret.expose_secret() => {}
            // Something else is there (another admin's password, perhaps):
            // never replaced by a copy.
            Some(_) => return Err(conflict(name)),
            None => write(&to, name, &secret)?,
        }
        match read(&to, name)? {
            Some(back) if back.expose_secret() == secret.expose_secret() => {}
            _ => return Err(mismatch(name)),
        }
        copied.push(name.clone());
        migrated.resources.push(name.what.clone());
    }
    if remove_source {
        for removal in &removals {
            match removal {
                Removal::Keyring(name) => delete(&from, name)?,
                Removal::Team { name, version } => {
                    profiles
                        .write_tombstone(name, *version)
                        .map_err(|e| super::profiles::changed(name, e))?;
                }
            }
        }
        for name in &copied {
            delete(&from, name)?;
        }
        migrated.removed = true;
    }
    Ok(migrated)
}

/// A source to remove once every copy has checked out.
enum Removal {
    /// A profile's keyring entry.
    Keyring(EntryName),
    /// A profile of the team store, by check-and-set on the version copied.
    Team { name: String, version: u64 },
}

/// Each profile the index names, from the keyring to the team store.
fn profiles_to_team(
    profiles: &TeamProfiles,
    keyring: &Arc<CredentialStore>,
    index: &Index,
    migrated: &mut Migrated,
) -> Result<Vec<Removal>, VaultError> {
    let mut removals = Vec::new();
    for profile in &index.profiles {
        let name = profile_entry(profile);
        let Some(secret) = read(keyring, &name)? else {
            continue;
        };
        let there = profiles.read(&profile.name).map_err(VaultError::Team)?;
        match there.stored {
            Stored::Absent => {
                profiles.add(profile, &secret)?;
            }
            // The same secret, written by an earlier Keyturn: its fields too.
            Stored::Profile {
                shared: None,
                secret: theirs,
            } if theirs.expose_secret() == secret.expose_secret() => {
                profiles
                    .write(profile, &secret, there.written.version)
                    .map_err(|e| super::profiles::changed(&profile.name, e))?;
            }
            Stored::Profile {
                shared: Some(_),
                secret: theirs,
            } if theirs.expose_secret() == secret.expose_secret() => {}
            // Another admin's key under this name: never replaced by a copy.
            Stored::Profile { .. } | Stored::Unreadable => return Err(conflict(&name)),
        }
        match profiles
            .read(&profile.name)
            .map_err(VaultError::Team)?
            .stored
        {
            Stored::Profile {
                shared: Some(_),
                secret: back,
            } if back.expose_secret() == secret.expose_secret() => {}
            _ => return Err(mismatch(&name)),
        }
        migrated.profiles.push(name.what.clone());
        removals.push(Removal::Keyring(name));
    }
    Ok(removals)
}

/// Each of the team's profiles, from the team store to the keyring, its
/// fields recorded in this computer's index.
fn profiles_to_keyring(
    vault: &Vault,
    profiles: &TeamProfiles,
    keyring: &Arc<CredentialStore>,
    index: &Index,
    migrated: &mut Migrated,
) -> Result<Vec<Removal>, VaultError> {
    let mut removals = Vec::new();
    for listed in profiles.list().map_err(VaultError::Team)? {
        let entry = profiles.read(&listed.name).map_err(VaultError::Team)?;
        let Stored::Profile { shared, secret } = entry.stored else {
            continue;
        };
        // An earlier Keyturn's entry is copied only where it was added.
        let Some(profile) = shared
            .map(|p| *p)
            .or_else(|| index.profile(&listed.name).cloned())
        else {
            continue;
        };
        let name = profile_entry(&profile);
        match read(keyring, &name)? {
            Some(there) if there.expose_secret() == secret.expose_secret() => {}
            Some(_) => return Err(conflict(&name)),
            None => write(keyring, &name, &secret)?,
        }
        match read(keyring, &name)? {
            Some(back) if back.expose_secret() == secret.expose_secret() => {}
            _ => return Err(mismatch(&name)),
        }
        vault.record_profile(&profile)?;
        migrated.profiles.push(name.what.clone());
        removals.push(Removal::Team {
            name: listed.name,
            version: entry.written.version,
        });
    }
    Ok(removals)
}

fn conflict(name: &EntryName) -> VaultError {
    VaultError::Keyring {
        detail: crate::tr!("store-migrate-conflict", what = name.what.to_string()),
    }
}

fn mismatch(name: &EntryName) -> VaultError {
    VaultError::Keyring {
        detail: crate::tr!("store-migrate-mismatch", what = name.what.to_string()),
    }
}

/// Deletes `name` from `store`; already gone is fine.
fn delete(store: &Arc<CredentialStore>, name: &EntryName) -> Result<(), VaultError> {
    entry(store, name)?
        .delete_credential()
        .or_else(|e| match e {
            keyring_core::Error::NoEntry => Ok(()),
            e => Err(from_keyring(e, &name.what)),
        })
}

fn entry(store: &Arc<CredentialStore>, name: &EntryName) -> Result<Entry, VaultError> {
    store
        .build(SERVICE, &name.user, Some(&label_modifiers(&name.label)))
        .map_err(|e| from_keyring(e, &name.what))
}

fn read(
    store: &Arc<CredentialStore>,
    name: &EntryName,
) -> Result<Option<SecretString>, VaultError> {
    match entry(store, name)?.get_password() {
        Ok(secret) => Ok(Some(SecretString::from(secret))),
        Err(keyring_core::Error::NoEntry) => Ok(None),
        Err(e) => Err(from_keyring(e, &name.what)),
    }
}

/// Writes `secret`; in the team store, only if the entry is still as the
/// read just before found it (empty).
fn write(
    store: &Arc<CredentialStore>,
    name: &EntryName,
    secret: &SecretString,
) -> Result<(), VaultError> {
    entry(store, name)?
        .set_password(secret.expose_secret())
        .map_err(|e| from_keyring(e, &name.what))
}
