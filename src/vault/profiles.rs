//! Profiles: one cloud account's access key each, its secret in the
//! keyring (or, with a team store in use, in the team's entry with its
//! other fields: `team::TeamProfiles`), the rest in the index.

use std::collections::BTreeMap;

use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

use super::secrets::{self, EntryName, Holds};
use super::team::{self, Stored, TeamProfiles, Written};
use super::{Index, Profile, Vault, VaultError, Verification, index};
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
        what: Holds::ProfileSecret(profile.name.clone()),
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

impl ProfileEdit {
    /// `profile` with this edit's changes.
    fn apply(self, profile: &Profile) -> Profile {
        let mut changed = profile.clone();
        if let Some(id) = self.key_id {
            changed.key_id = id;
        }
        if let Some(region) = self.region {
            changed.region = region;
        }
        if let Some((region, id)) = self.project_id {
            if id.is_empty() {
                changed.project_ids.remove(&region);
            } else {
                changed.project_ids.insert(region, id);
            }
        }
        if let Some(endpoint) = self.endpoint {
            changed.endpoint = endpoint;
        }
        if let Some(notes) = self.notes {
            changed.notes = notes;
        }
        changed
    }
}

/// What [`Vault::replace_profile`] replaces, as read (and shown to the
/// admin) before it.
#[derive(Debug, Clone)]
pub struct Replacing {
    pub name: String,
    /// Whether a profile of this name is stored now.
    pub exists: bool,
    /// Its fields, when they can be read.
    pub current: Option<Profile>,
    /// In a team store: the entry's version (on which the replacement
    /// writes by check-and-set), who wrote it and when.
    pub written: Option<Written>,
}

impl Replacing {
    /// Why a new profile of this name cannot be added (one is stored), if
    /// it cannot.
    pub fn taken(&self) -> Option<VaultError> {
        if !self.exists {
            return None;
        }
        Some(match &self.written {
            Some(written) => VaultError::TeamProfileExists {
                name: self.name.clone(),
                written: written.clone(),
            },
            None => VaultError::ProfileExists(self.name.clone()),
        })
    }
}

/// The team's profiles when a team store is in use.
fn team_profiles() -> Result<Option<&'static TeamProfiles>, VaultError> {
    team::active_profiles().map_err(VaultError::Team)
}

/// `profile` (the team's) with what this computer recorded of it: when it
/// last used and verified it, if it recorded them of the same key.
fn with_local_state(mut profile: Profile, local: &[Profile]) -> Profile {
    if let Some(here) = local
        .iter()
        .find(|p| p.name == profile.name && p.key_id == profile.key_id)
    {
        profile.last_used_at = here.last_used_at;
        profile.last_verified_at = here.last_verified_at;
        profile.last_verify = here.last_verify.clone();
        profile.last_verify_result = here.last_verify_result.clone();
    }
    profile
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
        return Err(ProfileError::EmptySecret);
    }
    Ok(())
}

/// Checks the non-secret fields of a profile.
fn check_profile(p: &Profile) -> Result<(), ProfileError> {
    check_name(&p.name)?;
    if p.key_id.trim().is_empty() || p.key_id.chars().any(char::is_control) {
        return Err(ProfileError::BadKeyId);
    }
    if let Some(r) = &p.region {
        check_region(r).map_err(ProfileError::Endpoint)?;
    }
    if let Some(url) = &p.endpoint {
        Endpoint::parse_override(url).map_err(ProfileError::Endpoint)?;
    }
    Ok(())
}

/// Why a profile was not stored or changed; each worded in the interface's
/// language (`profile-*` in `keyturn.ftl`).
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The access key secret is empty or blank.
    #[error("{}", crate::i18n::tr("profile-empty-secret"))]
    EmptySecret,
    /// The access key id is empty or holds a control character.
    #[error("{}", crate::i18n::tr("profile-bad-key-id"))]
    BadKeyId,
    /// Its region or endpoint cannot be used.
    #[error(transparent)]
    Endpoint(crate::endpoint::EndpointError),
    /// An edit that changes nothing.
    #[error("{}", crate::i18n::tr("profile-nothing-changed"))]
    NothingChanged,
}

impl Vault {
    /// Every profile and stored resource password: the index file, with,
    /// in a team store, the team's profiles in place of the file's (what
    /// this computer recorded of each, when it last used or verified it,
    /// merged in by name and key id). Never a secret.
    pub fn index(&self) -> Result<Index, VaultError> {
        let mut index = index::load(&self.paths)?;
        if let Some(team) = team_profiles()? {
            let listed = team.list().map_err(VaultError::Team)?;
            let mut profiles = Vec::with_capacity(listed.len());
            for listed in listed {
                // An earlier Keyturn's entry: its fields are where it was added.
                let shared = listed
                    .profile
                    .or_else(|| index.profile(&listed.name).cloned());
                match shared {
                    Some(p) => profiles.push(with_local_state(p, &index.profiles)),
                    None => {
                        tracing::warn!(name = %listed.name, "a team profile an earlier Keyturn added elsewhere (a secret only) is not listed")
                    }
                }
            }
            index.profiles = profiles;
        }
        Ok(index)
    }

    pub fn profile(&self, name: &str) -> Result<Profile, VaultError> {
        Ok(self.stored_profile(name)?.0)
    }

    /// A profile and, in a team store, who wrote its entry's current
    /// version and when.
    pub fn stored_profile(&self, name: &str) -> Result<(Profile, Option<Written>), VaultError> {
        match team_profiles()? {
            Some(team) => {
                let (profile, _, written) = self.team_profile(team, name)?;
                Ok((profile, Some(written)))
            }
            None => index::load(&self.paths)?
                .profile(name)
                .cloned()
                .map(|p| (p, None))
                .ok_or_else(|| VaultError::NoProfile(name.to_owned())),
        }
    }

    /// Profile `name` of the team store, its secret and its version, with
    /// what this computer recorded of it.
    fn team_profile(
        &self,
        team: &TeamProfiles,
        name: &str,
    ) -> Result<(Profile, SecretString, Written), VaultError> {
        let entry = team.read(name).map_err(VaultError::Team)?;
        let local = index::load(&self.paths)?;
        match entry.stored {
            Stored::Profile { shared, secret } => {
                let profile = shared
                    .map(|p| *p)
                    .or_else(|| local.profile(name).cloned())
                    .ok_or_else(|| VaultError::NoProfile(name.to_owned()))?;
                Ok((
                    with_local_state(profile, &local.profiles),
                    secret,
                    entry.written,
                ))
            }
            Stored::Absent => Err(VaultError::NoProfile(name.to_owned())),
            Stored::Unreadable => Err(VaultError::ProfileUnreadable(name.to_owned())),
        }
    }

    /// What replacing profile `name` would replace, read now (to be shown
    /// before the replacement): in a team store, the entry's version, on
    /// which [`Vault::replace_profile`] then writes by check-and-set.
    pub fn replacing(&self, name: &str) -> Result<Replacing, VaultError> {
        check_name(name)?;
        match team_profiles()? {
            Some(team) => {
                let entry = team.read(name).map_err(VaultError::Team)?;
                let exists = !matches!(entry.stored, Stored::Absent);
                let current = match entry.stored {
                    Stored::Absent => None,
                    Stored::Profile { shared, .. } => shared
                        .map(|p| *p)
                        .or_else(|| index::load(&self.paths).ok()?.profile(name).cloned()),
                    Stored::Unreadable => None,
                };
                Ok(Replacing {
                    name: name.to_owned(),
                    exists,
                    current,
                    written: Some(entry.written),
                })
            }
            None => {
                let current = index::load(&self.paths)?.profile(name).cloned();
                Ok(Replacing {
                    name: name.to_owned(),
                    exists: current.is_some(),
                    current,
                    written: None,
                })
            }
        }
    }

    /// Stores `profile` and its secret in place of what `replacing` read
    /// (or as a new profile if there was none). In a team store this is a
    /// check-and-set write on exactly the version read: if anyone changed
    /// the entry since, nothing is written ([`VaultError::ProfileChanged`]).
    pub fn replace_profile(
        &self,
        profile: Profile,
        secret: &SecretString,
        replacing: &Replacing,
    ) -> Result<(), ProfileError> {
        check_profile(&profile)?;
        check_secret(secret)?;
        if profile.name != replacing.name {
            // Not what was read: nothing is written over it.
            return Err(VaultError::ProfileChanged(profile.name).into());
        }
        if let Some(team) = team_profiles()? {
            let version = replacing.written.as_ref().map_or(0, |w| w.version);
            if !replacing.exists
                && let Some(existing) = team
                    .differing_in_case(&profile.name)
                    .map_err(VaultError::Team)?
            {
                return Err(VaultError::NameDiffersInCase {
                    name: profile.name.clone(),
                    existing,
                }
                .into());
            }
            team.write(&profile, secret, version).map_err(|e| {
                if replacing.exists {
                    team::changed(&profile.name, e)
                } else {
                    // Another admin added it since: who, and when.
                    team.add_lost(&profile.name, e)
                }
            })?;
            self.forget_local_state(&profile.name)?;
            return Ok(());
        }
        self.update(|index| {
            if let Some(other) = index
                .profiles
                .iter()
                .find(|p| p.name != profile.name && p.name.eq_ignore_ascii_case(&profile.name))
            {
                return Err(VaultError::NameDiffersInCase {
                    name: profile.name.clone(),
                    existing: other.name.clone(),
                });
            }
            secrets::set(&profile_entry(&profile), secret)?;
            index.profiles.retain(|p| p.name != profile.name);
            index.profiles.push(profile.clone());
            Ok(())
        })?;
        Ok(())
    }

    /// Records `profile` (the team's, copied to this computer) in the
    /// index, keeping what this computer recorded of it if the key is the
    /// same.
    pub(crate) fn record_profile(&self, profile: &Profile) -> Result<(), VaultError> {
        self.update(|index| {
            let merged = with_local_state(profile.clone(), &index.profiles);
            index.profiles.retain(|p| p.name != profile.name);
            index.profiles.push(merged);
            Ok(())
        })
    }

    /// Forgets what this computer recorded of profile `name` (its key was
    /// replaced or removed in the team store).
    fn forget_local_state(&self, name: &str) -> Result<(), VaultError> {
        if index::load(&self.paths)?.profile(name).is_none() {
            return Ok(());
        }
        self.update(|index| {
            index.profiles.retain(|p| p.name != name);
            Ok(())
        })
    }

    /// Adds a profile and stores its secret in the keyring; in a team
    /// store, adds it there (secret and fields in one entry), only if no
    /// profile of that name is there: one that is, whoever added it, is
    /// refused ([`VaultError::TeamProfileExists`]), never replaced.
    pub fn add_profile(&self, profile: Profile, secret: &SecretString) -> Result<(), ProfileError> {
        check_profile(&profile)?;
        check_secret(secret)?;
        if let Some(team) = team_profiles()? {
            team.add(&profile, secret)?;
            return Ok(());
        }
        self.update(|index| {
            if let Some(taken) = index.name_taken(&profile.name) {
                return Err(taken);
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
        if let Ok(index) = self.local_index()
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
        if let Some(team) = team_profiles()? {
            // Read, changed, and written back by check-and-set on the
            // version read, with its secret (or the new one).
            let (current, secret, written) = self.team_profile(team, name)?;
            let changed = edit.apply(&current);
            check_profile(&changed)?;
            team.write(&changed, new_secret.unwrap_or(&secret), written.version)
                .map_err(|e| team::changed(name, e))?;
            return Ok(changed);
        }
        let mut invalid = None;
        let edited = self.update(|index| {
            let profile = index
                .profile_mut(name)
                .ok_or_else(|| VaultError::NoProfile(name.to_owned()))?;
            let changed = edit.apply(profile);
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
            (None, Some(e)) => Err(e),
            (None, None) => Err(ProfileError::NothingChanged),
        }
    }

    /// Removes a profile and its keyring entry. Returns whether the keyring
    /// still held a secret for it. In a team store, writes a tombstone over
    /// its entry by check-and-set on the version read (never a delete: the
    /// history stays), so it is gone for every admin.
    pub fn remove_profile(&self, name: &str) -> Result<bool, VaultError> {
        if let Some(team) = team_profiles()? {
            let entry = team.read(name).map_err(VaultError::Team)?;
            if matches!(entry.stored, Stored::Absent) {
                return Err(VaultError::NoProfile(name.to_owned()));
            }
            team.write_tombstone(name, entry.written.version)
                .map_err(|e| team::changed(name, e))?;
            self.forget_local_state(name)?;
            return Ok(true);
        }
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

    /// The profile and its access key, read from the keyring (in a team
    /// store, both from one read of its entry).
    pub fn credentials(&self, name: &str) -> Result<(Profile, Credentials), VaultError> {
        let (profile, secret) = match team_profiles()? {
            Some(team) => {
                let (profile, secret, _) = self.team_profile(team, name)?;
                (profile, secret)
            }
            None => {
                let profile = self.profile(name)?;
                let secret = secrets::get(&profile_entry(&profile))?;
                (profile, secret)
            }
        };
        let creds = Credentials::new(profile.key_id.clone(), secret);
        Ok((profile, creds))
    }

    /// A profile's access key secret, for an explicit reveal.
    pub fn profile_secret(&self, name: &str) -> Result<SecretString, VaultError> {
        match team_profiles()? {
            Some(team) => Ok(self.team_profile(team, name)?.1),
            None => secrets::get(&profile_entry(&self.profile(name)?)),
        }
    }

    /// Records that a profile's key was used, or verified with a result.
    pub fn touch_profile(
        &self,
        name: &str,
        now: OffsetDateTime,
        verified: Option<Verification>,
    ) -> Result<(), VaultError> {
        // A team profile this computer has recorded nothing of yet: its
        // record here starts as a copy of the team's.
        let team_copy = match team_profiles()? {
            Some(team) if index::load(&self.paths)?.profile(name).is_none() => {
                Some(self.team_profile(team, name)?.0)
            }
            _ => None,
        };
        self.update(|index| {
            if let Some(copy) = team_copy
                && index.profile(name).is_none()
            {
                index.profiles.push(copy);
            }
            let p = index
                .profile_mut(name)
                .ok_or_else(|| VaultError::NoProfile(name.to_owned()))?;
            p.last_used_at = Some(now);
            if let Some(found) = verified {
                p.last_verified_at = Some(now);
                p.last_verify = Some(found);
                p.last_verify_result = None;
            }
            Ok(())
        })
    }
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
        last_verify: None,
        last_verify_result: None,
    }
}
