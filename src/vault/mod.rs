//! Stored credentials: profiles (one cloud account's access key each) and
//! rotated resource passwords.
//!
//! Secrets live only in the OS keyring (`secrets`); what is not secret lives
//! in one index file (`index`). Every change that touches both writes the
//! keyring first and the index second, under the index lock, and undoes the
//! keyring write if the index cannot be written — so the index never names a
//! secret that was not stored.

pub mod claim;
mod error;
pub mod import;
pub mod index;
pub mod memory;
mod migrate;
mod paths;
pub mod resource;
pub mod secrets;
pub mod slots;
pub mod team;

use std::collections::BTreeMap;

use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

pub use claim::{Actor, Claim, ClaimState, LastChange, Settled};
pub use error::{IoAction, VaultError};
pub use index::{Index, Profile, ResourceRecord, SlotInfo};
pub use paths::{APP_ID, Paths};
pub use resource::{ResourceKey, Slot};
use secrets::EntryName;
pub use slots::{Pending, Slots};

use crate::catalog::Provider;
use crate::endpoint::{Endpoint, check_region};
use crate::sign::Credentials;

/// The keyring entry of a profile's access key secret.
pub fn profile_entry(profile: &Profile) -> EntryName {
    EntryName {
        user: format!("profile:{}", profile.name),
        label: format!(
            "Keyturn: {} access key {} (profile {})",
            profile.provider.name(),
            profile.key_id,
            profile.name
        ),
        what: format!("profile {:?}", profile.name),
    }
}

/// Changes to a profile's non-secret fields; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ProfileEdit {
    pub key_id: Option<String>,
    pub region: Option<Option<String>>,
    /// `(region, project id)`; an empty id removes the region's entry.
    pub project_id: Option<(String, String)>,
    pub endpoint: Option<Option<String>>,
    pub notes: Option<Option<String>>,
}

/// Profile names become keyring entry names and command-line arguments.
pub fn check_name(name: &str) -> Result<(), VaultError> {
    let ok = (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(VaultError::BadName(name.to_owned()))
    }
}

/// An access key secret as it may be stored: never empty or blank, whichever
/// way it arrives (typed, piped, imported, pasted in the app). Consoles show
/// a secret only once, so replacing a stored one with nothing would lose it.
pub fn check_secret(secret: &SecretString) -> Result<(), ProfileError> {
    if secret.expose_secret().trim().is_empty() {
        return Err(ProfileError::Invalid(
            "the access key secret is empty; nothing was stored".into(),
        ));
    }
    Ok(())
}

/// Checks the non-secret fields of a profile.
fn check_profile(p: &Profile) -> Result<(), String> {
    check_name(&p.name).map_err(|e| e.to_string())?;
    if p.key_id.trim().is_empty() || p.key_id.chars().any(char::is_control) {
        return Err("the access key id is empty or has control characters".into());
    }
    if let Some(r) = &p.region {
        check_region(r).map_err(|e| e.to_string())?;
    }
    if let Some(url) = &p.endpoint {
        Endpoint::parse_override(url).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The store of profiles and resource passwords.
#[derive(Debug, Clone)]
pub struct Vault {
    paths: Paths,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("{0}")]
    Invalid(String),
}

impl Vault {
    pub fn new(paths: Paths) -> Self {
        Vault { paths }
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn index(&self) -> Result<Index, VaultError> {
        index::load(&self.paths)
    }

    pub fn profile(&self, name: &str) -> Result<Profile, VaultError> {
        self.index()?
            .profile(name)
            .cloned()
            .ok_or_else(|| VaultError::NoProfile(name.to_owned()))
    }

    /// Adds a profile and stores its secret in the keyring.
    pub fn add_profile(&self, profile: Profile, secret: &SecretString) -> Result<(), ProfileError> {
        check_profile(&profile).map_err(ProfileError::Invalid)?;
        check_secret(secret)?;
        self.update(|index| {
            if index.profile(&profile.name).is_some() {
                return Err(VaultError::ProfileExists(profile.name.clone()));
            }
            // Keychain and Credential Manager do not tell `Prod` from `prod`.
            if let Some(other) = index
                .profiles
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(&profile.name))
            {
                return Err(VaultError::NameDiffersInCase {
                    name: profile.name.clone(),
                    existing: other.name.clone(),
                });
            }
            secrets::set(&profile_entry(&profile), secret)?;
            index.profiles.push(profile.clone());
            Ok(())
        })
        .inspect_err(|_| self.forget_orphan(&profile))?;
        Ok(())
    }

    /// If the index does not name `profile`, its keyring entry is an orphan
    /// from a failed add: remove it.
    fn forget_orphan(&self, profile: &Profile) {
        if let Ok(index) = self.index()
            && index.profile(&profile.name).is_none()
        {
            let _ = secrets::delete(&profile_entry(profile));
        }
    }

    /// Edits a profile; with `new_secret`, replaces the stored secret too.
    pub fn edit_profile(
        &self,
        name: &str,
        edit: ProfileEdit,
        new_secret: Option<&SecretString>,
    ) -> Result<Profile, ProfileError> {
        if let Some(secret) = new_secret {
            check_secret(secret)?;
        }
        let mut invalid = None;
        let edited = self.update(|index| {
            let profile = index
                .profile_mut(name)
                .ok_or_else(|| VaultError::NoProfile(name.to_owned()))?;
            let mut changed = profile.clone();
            if let Some(id) = edit.key_id {
                changed.key_id = id;
            }
            if let Some(region) = edit.region {
                changed.region = region;
            }
            if let Some((region, id)) = edit.project_id {
                if id.is_empty() {
                    changed.project_ids.remove(&region);
                } else {
                    changed.project_ids.insert(region, id);
                }
            }
            if let Some(endpoint) = edit.endpoint {
                changed.endpoint = endpoint;
            }
            if let Some(notes) = edit.notes {
                changed.notes = notes;
            }
            if let Err(e) = check_profile(&changed) {
                invalid = Some(e);
                return Ok(None);
            }
            let entry = profile_entry(&changed);
            match new_secret {
                Some(secret) => secrets::set(&entry, secret)?,
                // A new key id changes the label; the secret stays where it is.
                None => {
                    secrets::get(&entry)?;
                }
            }
            *profile = changed.clone();
            Ok(Some(changed))
        })?;
        match (edited, invalid) {
            (Some(p), _) => Ok(p),
            (None, Some(e)) => Err(ProfileError::Invalid(e)),
            (None, None) => Err(ProfileError::Invalid("nothing changed".into())),
        }
    }

    /// Removes a profile and its keyring entry. Returns whether the keyring
    /// still held a secret for it.
    pub fn remove_profile(&self, name: &str) -> Result<bool, VaultError> {
        self.update(|index| {
            let at = index
                .profiles
                .iter()
                .position(|p| p.name == name)
                .ok_or_else(|| VaultError::NoProfile(name.to_owned()))?;
            let had_secret = secrets::delete(&profile_entry(&index.profiles[at]))?;
            index.profiles.remove(at);
            Ok(had_secret)
        })
    }

    /// The profile and its access key, read from the keyring.
    pub fn credentials(&self, name: &str) -> Result<(Profile, Credentials), VaultError> {
        let profile = self.profile(name)?;
        let secret = secrets::get(&profile_entry(&profile))?;
        let creds = Credentials::new(profile.key_id.clone(), secret);
        Ok((profile, creds))
    }

    /// A profile's access key secret, for an explicit reveal.
    pub fn profile_secret(&self, name: &str) -> Result<SecretString, VaultError> {
        secrets::get(&profile_entry(&self.profile(name)?))
    }

    /// Records that a profile's key was used, or verified with a result.
    pub fn touch_profile(
        &self,
        name: &str,
        now: OffsetDateTime,
        verified: Option<String>,
    ) -> Result<(), VaultError> {
        self.update(|index| {
            let p = index
                .profile_mut(name)
                .ok_or_else(|| VaultError::NoProfile(name.to_owned()))?;
            p.last_used_at = Some(now);
            if let Some(result) = verified {
                p.last_verified_at = Some(now);
                p.last_verify_result = Some(result);
            }
            Ok(())
        })
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
        if self.index()?.version < index::FORMAT_VERSION {
            self.update(|_| Ok(()))?;
        }
        let name = slots::entry(key);
        match secrets::get(&name) {
            Ok(text) => Slots::from_text(text.expose_secret()).ok_or(VaultError::Keyring {
                detail: format!("the stored value for {} is not Keyturn's", name.what),
            }),
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

    /// Whether the index records a pending password for the resource.
    pub fn pending_recorded(&self, key: &ResourceKey) -> Result<bool, VaultError> {
        Ok(self
            .index()?
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
    record
        .slots
        .retain(|s, _| Slot::parse(s).is_some_and(|s| filled.contains(&s)));
    for slot in filled {
        if set.contains(&slot) || !record.slots.contains_key(slot.key()) {
            record
                .slots
                .insert(slot.key().to_owned(), SlotInfo { set_at: now });
        }
    }
    if rotated {
        record.last_rotated_at = Some(now);
    }
    let text = key.to_string();
    index
        .resources
        .retain(|r| r.key != text || !r.slots.is_empty() || r.last_rotated_at.is_some());
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

/// A new profile, added now.
pub fn new_profile(name: &str, provider: Provider, key_id: &str, now: OffsetDateTime) -> Profile {
    Profile {
        name: name.to_owned(),
        provider,
        key_id: key_id.to_owned(),
        region: None,
        project_ids: BTreeMap::new(),
        endpoint: None,
        notes: None,
        added_at: now,
        last_used_at: None,
        last_verified_at: None,
        last_verify_result: None,
    }
}
