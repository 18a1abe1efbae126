//! Copying every profile secret and every resource's slots between this
//! computer's keyring and the team store, both ways: each entry the index
//! names is read from the source, written to the destination, and read back
//! to check it; only when every copy checks out, and only when asked, are
//! the sources removed.

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};
use secrecy::{ExposeSecret, SecretString};

use super::{TeamStore, VaultSettings, writer};
use crate::vault::error::from_keyring;
use crate::vault::secrets::{EntryName, SERVICE, label_modifiers, platform};
use crate::vault::{ResourceKey, Vault, VaultError, profile_entry, slots};

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
    pub profiles: Vec<String>,
    pub resources: Vec<String>,
    /// Whether the sources were removed.
    pub removed: bool,
}

/// Copies everything `vault`'s index names, in `direction`, between this
/// computer's keyring and the team store of `settings`.
pub fn migrate(
    vault: &Vault,
    settings: &VaultSettings,
    direction: Direction,
    remove_source: bool,
) -> Result<Migrated, VaultError> {
    let team = TeamStore::new_store(
        settings.client().map_err(VaultError::Team)?,
        &settings.prefix,
        writer(),
    );
    let keyring = platform()?;
    let (from, to) = match direction {
        Direction::ToTeam => (keyring, team),
        Direction::ToKeyring => (team, keyring),
    };
    let index = vault.index()?;
    let mut names: Vec<(EntryName, bool)> = index
        .profiles
        .iter()
        .map(|p| (profile_entry(p), true))
        .collect();
    for record in &index.resources {
        if record.slots.is_empty() {
            continue;
        }
        if let Some(key) = ResourceKey::parse(&record.key) {
            names.push((slots::entry(&key), false));
        }
    }
    // A resource with a change in progress on either side (a pending
    // password, or a claim: another process, data folder or admin may be
    // waiting for its answer) is not moved: the whole migration waits.
    for (name, is_profile) in &names {
        if *is_profile {
            continue;
        }
        for store in [&from, &to] {
            let open = read(store, name)?
                .and_then(|text| slots::Slots::from_text(text.expose_secret()))
                .is_some_and(|s| s.pending.is_some() || s.claim.is_some());
            if open {
                return Err(VaultError::Keyring {
                    detail: crate::tr!("store-migrate-open-change", what = name.what.as_str()),
                });
            }
        }
    }
    let mut migrated = Migrated::default();
    let mut copied = Vec::new();
    for (name, is_profile) in &names {
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
            Some(_) => {
                return Err(VaultError::Keyring {
                    detail: crate::tr!("store-migrate-conflict", what = name.what.as_str()),
                });
            }
            None => write(&to, name, &secret)?,
        }
        match read(&to, name)? {
            Some(back) if back.expose_secret() == secret.expose_secret() => {}
            _ => {
                return Err(VaultError::Keyring {
                    detail: crate::tr!("store-migrate-mismatch", what = name.what.as_str()),
                });
            }
        }
        copied.push(name.clone());
        if *is_profile {
            migrated.profiles.push(name.what.clone());
        } else {
            migrated.resources.push(name.what.clone());
        }
    }
    if remove_source {
        for name in &copied {
            entry(&from, name)?
                .delete_credential()
                .or_else(|e| match e {
                    keyring_core::Error::NoEntry => Ok(()),
                    e => Err(from_keyring(e, &name.what)),
                })?;
        }
        migrated.removed = true;
    }
    Ok(migrated)
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
