//! The team's profiles, kept whole in the team store so that every admin
//! sees the same ones.
//!
//! Each profile is ONE KV v2 entry, `<prefix>/profiles/<name>`, whose data
//! holds, written together in one check-and-set write:
//! - `value`: the access key secret (the key every entry of the team store
//!   keeps its secret under, so `store migrate` and an earlier Keyturn
//!   still read it);
//! - `profile`: everything about it that is not secret (provider, access
//!   key id, region, project ids, endpoint, notes, when it was added);
//! - `written_by`: who wrote this version (user and host); KV v2 keeps when.
//!
//! The list is `LIST <mount>/metadata/<prefix>/profiles/` and a read of
//! each entry (a few at a time); each secret read is wiped at once and no
//! listing ever returns one.
//!
//! Every write is a check-and-set on the version read just before (and, for
//! a replacement, shown to the admin): adding writes on the version of a
//! name not in use (0 if never used), so of two admins adding one name at
//! once exactly one wins, and a name in use is refused, never replaced;
//! replacing, editing and removing are refused if anyone changed the entry
//! since. Removing writes a tombstone (`removed`, no secret), never a
//! delete: the history stays, and an entry without a secret is no profile.
//!
//! An entry that holds a secret but no `profile` was written by an earlier
//! Keyturn: its other fields are only in the index of the computer that
//! added it, which lists it from there (`Vault::index`); editing it there,
//! or `keyturn store migrate --to vault`, writes them to the store.
//!
//! What belongs to one computer (when a profile was last used or verified
//! here) stays in its local index, merged by name.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::client::{Data, KvClient};
use super::{TeamError, Written};
use crate::catalog::Provider;
use crate::vault::{Profile, VaultError};

/// The data key of a profile's non-secret fields.
const PROFILE_KEY: &str = "profile";
/// The data key of who wrote a version.
const WRITTEN_BY_KEY: &str = "written_by";
/// The data key that marks a removed profile's tombstone.
const REMOVED_KEY: &str = "removed";
/// How many entries a listing reads at once.
const READERS: usize = 4;

/// What the entry of one profile name holds.
pub enum Stored {
    /// No profile: never written, deleted, or removed (a tombstone).
    Absent,
    /// A profile and its secret; `shared` is `None` for an entry an earlier
    /// Keyturn wrote (a secret only).
    Profile {
        shared: Option<Box<Profile>>,
        secret: SecretString,
    },
    /// A secret beside fields this Keyturn cannot read (written by a newer
    /// Keyturn, or by hand).
    Unreadable,
}

/// One entry as read: what it holds, and its version.
pub struct Entry {
    pub stored: Stored,
    pub written: Written,
}

/// One profile of the team's list: never its secret.
#[derive(Debug, Clone)]
pub struct Listed {
    pub name: String,
    /// `None` for an entry an earlier Keyturn wrote (a secret only).
    pub profile: Option<Profile>,
    pub written: Written,
}

/// A profile's fields as the team store keeps them (no name: the entry's
/// path is its name; nothing of this computer's).
#[derive(Debug, Serialize, Deserialize)]
struct Shared {
    provider: Provider,
    key_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    project_ids: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    added_at: OffsetDateTime,
}

impl Shared {
    fn of(p: &Profile) -> Shared {
        Shared {
            provider: p.provider,
            key_id: p.key_id.clone(),
            region: p.region.clone(),
            project_ids: p.project_ids.clone(),
            endpoint: p.endpoint.clone(),
            notes: p.notes.clone(),
            added_at: p.added_at,
        }
    }

    fn into_profile(self, name: &str) -> Profile {
        Profile {
            name: name.to_owned(),
            provider: self.provider,
            key_id: self.key_id,
            region: self.region,
            project_ids: self.project_ids,
            endpoint: self.endpoint,
            notes: self.notes,
            added_at: self.added_at,
            last_used_at: None,
            last_verified_at: None,
            last_verify: None,
            last_verify_result: None,
        }
    }
}

/// The profiles folder of one team store.
pub struct TeamProfiles {
    client: KvClient,
    prefix: String,
    /// Who writes, for `written_by`.
    writer: String,
}

impl std::fmt::Debug for TeamProfiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamProfiles")
            .field("client", &self.client)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl TeamProfiles {
    pub fn new(client: KvClient, prefix: &str, writer: String) -> TeamProfiles {
        TeamProfiles {
            client,
            prefix: prefix.trim_matches('/').to_owned(),
            writer,
        }
    }

    /// The folder of the profiles' entries.
    fn folder(&self) -> String {
        if self.prefix.is_empty() {
            "profiles".to_owned()
        } else {
            format!("{}/profiles", self.prefix)
        }
    }

    /// The KV path of profile `name` (the team store's `TeamStore` files
    /// the keyring entry `profile:<name>` at the same path).
    pub fn path(&self, name: &str) -> String {
        format!("{}/{name}", self.folder())
    }

    /// Reads profile `name`'s entry.
    pub fn read(&self, name: &str) -> Result<Entry, TeamError> {
        let data = self.client.read_data(&self.path(name))?;
        Ok(entry(name, data))
    }

    /// Every profile of the team, by name; never a secret. An entry whose
    /// fields cannot be read is left out (and logged): one bad entry does
    /// not hide the others.
    pub fn list(&self) -> Result<Vec<Listed>, TeamError> {
        let mut names = self.client.list(&self.folder())?;
        names.sort();
        let found: Mutex<Vec<(usize, Result<Entry, TeamError>)>> = Mutex::default();
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..READERS.min(names.len()) {
                scope.spawn(|| {
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(name) = names.get(at) else { break };
                        let read = self.read(name);
                        found
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .push((at, read));
                    }
                });
            }
        });
        let mut found = found
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        found.sort_by_key(|(at, _)| *at);
        let mut listed = Vec::new();
        for (at, read) in found {
            let name = &names[at];
            let entry = read?;
            match entry.stored {
                Stored::Absent => {}
                // The secret is dropped (and wiped) here.
                Stored::Profile { shared, .. } => listed.push(Listed {
                    name: name.clone(),
                    profile: shared.map(|p| *p),
                    written: entry.written,
                }),
                Stored::Unreadable => {
                    tracing::warn!(path = %self.path(name), "a team profile's fields cannot be read; it is not listed");
                }
            }
        }
        Ok(listed)
    }

    /// Writes `profile` and `secret` as its entry, only if the entry is
    /// still at version `cas`. Returns the new version.
    pub fn write(
        &self,
        profile: &Profile,
        secret: &SecretString,
        cas: u64,
    ) -> Result<u64, TeamError> {
        let shared = serde_json::to_value(Shared::of(profile))
            .map_err(|e| TeamError::Unencodable(e.to_string()))?;
        let mut fields = serde_json::Map::new();
        fields.insert(PROFILE_KEY.into(), shared);
        fields.insert(WRITTEN_BY_KEY.into(), Value::String(self.writer.clone()));
        self.client
            .write_data(&self.path(&profile.name), Some(secret), &fields, cas)
    }

    /// Writes a tombstone over profile `name`, only if its entry is still
    /// at version `cas`: no secret, no profile, who removed it. Returns
    /// the new version.
    pub fn write_tombstone(&self, name: &str, cas: u64) -> Result<u64, TeamError> {
        let mut fields = serde_json::Map::new();
        fields.insert(REMOVED_KEY.into(), Value::Bool(true));
        fields.insert(WRITTEN_BY_KEY.into(), Value::String(self.writer.clone()));
        self.client.write_data(&self.path(name), None, &fields, cas)
    }

    /// A live entry of a name that differs from `name` only in case (the
    /// keyrings of macOS and Windows, where `store migrate` may copy it,
    /// would take the two for one).
    pub fn differing_in_case(&self, name: &str) -> Result<Option<String>, TeamError> {
        for other in self.client.list(&self.folder())? {
            if other != name
                && other.eq_ignore_ascii_case(name)
                && !matches!(self.read(&other)?.stored, Stored::Absent)
            {
                return Ok(Some(other));
            }
        }
        Ok(None)
    }

    /// Adds `profile` with `secret`: a check-and-set write on the version
    /// of a name not in use. A name in use, whoever wrote it and whenever,
    /// is refused; so is the loser of two adds of one name at once.
    pub fn add(&self, profile: &Profile, secret: &SecretString) -> Result<u64, VaultError> {
        let name = &profile.name;
        let entry = self.read(name).map_err(VaultError::Team)?;
        if !matches!(entry.stored, Stored::Absent) {
            return Err(VaultError::TeamProfileExists {
                name: name.clone(),
                written: entry.written,
            });
        }
        if let Some(existing) = self.differing_in_case(name).map_err(VaultError::Team)? {
            return Err(VaultError::NameDiffersInCase {
                name: name.clone(),
                existing,
            });
        }
        self.write(profile, secret, entry.written.version)
            .map_err(|e| self.add_lost(name, e))
    }

    /// An add of `name` refused: if by check-and-set (another admin added
    /// it first), who and when.
    pub fn add_lost(&self, name: &str, e: TeamError) -> VaultError {
        if !matches!(e, TeamError::Changed { .. }) {
            return VaultError::Team(e);
        }
        match self.read(name) {
            Ok(Entry {
                stored: Stored::Profile { .. } | Stored::Unreadable,
                written,
            }) => VaultError::TeamProfileExists {
                name: name.to_owned(),
                written,
            },
            _ => VaultError::ProfileChanged(name.to_owned()),
        }
    }
}

/// A replacement, edit or removal of `name` refused: by check-and-set, as
/// changed since it was read.
pub fn changed(name: &str, e: TeamError) -> VaultError {
    match e {
        TeamError::Changed { .. } => VaultError::ProfileChanged(name.to_owned()),
        e => VaultError::Team(e),
    }
}

/// What `data`, the entry of profile `name`, holds.
fn entry(name: &str, data: Data) -> Entry {
    let Data {
        value,
        mut fields,
        version,
        created_time,
    } = data;
    let written = Written {
        version,
        by: match fields.get(WRITTEN_BY_KEY) {
            Some(Value::String(by)) if !by.is_empty() => Some(by.clone()),
            _ => None,
        },
        at: created_time.and_then(|t| OffsetDateTime::parse(&t, &Rfc3339).ok()),
    };
    let stored = match (value, fields.remove(PROFILE_KEY)) {
        (None, _) => Stored::Absent,
        (Some(secret), None) => Stored::Profile {
            shared: None,
            secret,
        },
        (Some(secret), Some(shared)) => match serde_json::from_value::<Shared>(shared) {
            Ok(shared) => Stored::Profile {
                shared: Some(Box::new(shared.into_profile(name))),
                secret,
            },
            Err(_) => Stored::Unreadable,
        },
    };
    Entry { stored, written }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;
    use serde_json::json;

    fn data(value: Option<&str>, fields: Value) -> Data {
        Data {
            value: value.map(SecretString::from),
            fields: fields.as_object().cloned().unwrap_or_default(),
            version: 3,
            created_time: Some("2026-03-04T05:06:07.123456789Z".into()),
        }
    }

    #[test]
    fn an_entry_is_a_profile_a_secret_only_a_tombstone_or_unreadable() {
        let full = entry(
            "hw",
            data(
                Some("ktfake-secret"),
                json!({
                    "profile": {
                        "provider": "huawei",
                        "key_id": "KTFAKE",
                        "region": "cn-north-4",
                        "project_ids": {"cn-north-4": "p1"},
                        "added_at": "2026-01-02T03:04:05Z"
                    },
                    "written_by": "alice@host"
                }),
            ),
        );
        let Stored::Profile {
            shared: Some(p),
            secret,
        } = full.stored
        else {
            panic!("not a profile");
        };
        assert_eq!(p.name, "hw");
        assert_eq!(p.key_id, "KTFAKE");
        assert_eq!(p.project_ids["cn-north-4"], "p1");
        assert_eq!(secret.expose_secret(), "ktfake-secret");
        assert_eq!(full.written.version, 3);
        assert_eq!(full.written.by.as_deref(), Some("alice@host"));
        assert!(full.written.at.is_some());

        let legacy = entry("hw", data(Some("ktfake-secret"), json!({})));
        assert!(matches!(
            legacy.stored,
            Stored::Profile { shared: None, .. }
        ));

        let removed = entry("hw", data(None, json!({"removed": true})));
        assert!(matches!(removed.stored, Stored::Absent));
        assert_eq!(removed.written.version, 3, "a tombstone keeps its version");

        let odd = entry(
            "hw",
            data(Some("ktfake-secret"), json!({"profile": {"provider": 7}})),
        );
        assert!(matches!(odd.stored, Stored::Unreadable));
    }

    #[test]
    fn the_shared_fields_hold_nothing_of_this_computers_and_no_secret() {
        let mut p =
            crate::vault::new_profile("hw", Provider::Huawei, "KTFAKE", OffsetDateTime::UNIX_EPOCH);
        p.last_used_at = Some(OffsetDateTime::UNIX_EPOCH);
        p.last_verify = Some(crate::vault::Verification::Works { identity: None });
        let text = serde_json::to_string(&Shared::of(&p)).unwrap();
        assert!(!text.contains("last_"), "{text}");
        assert!(!text.contains("\"name\""), "{text}");
        let back: Shared = serde_json::from_str(&text).unwrap();
        let back = back.into_profile("hw");
        assert_eq!(back.key_id, p.key_id);
        assert_eq!(back.added_at, p.added_at);
        assert_eq!(back.last_used_at, None);
    }
}
