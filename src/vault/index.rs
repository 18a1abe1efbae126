//! The index: one small JSON file listing profiles and stored resource
//! passwords — everything that is not secret.
//!
//! Written atomically (temporary file, fsync, rename, fsync of the folder),
//! and only under an exclusive lock on `index.lock`, re-reading the file
//! after taking the lock, so two processes never lose each other's changes.
//! A file that cannot be read is never overwritten.

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::connection::{Connection, ProofRecord};
use super::{IoAction, Paths, VaultError};
use crate::catalog::Provider;
use crate::files::{
    FileError, Links, create_own_dir_all, open_regular, own_file, read_regular,
    write_own_file_atomically,
};

/// The newest format this build reads and writes.
/// 2: resource keys in the escaped text form, and each resource's slots in one
/// keyring item (`vault::slots`).
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Index {
    pub version: u32,
    #[serde(default)]
    pub profiles: Vec<Profile>,
    #[serde(default)]
    pub resources: Vec<ResourceRecord>,
}

/// One cloud account's access key, minus its secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub provider: Provider,
    pub key_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Huawei Cloud project id per region.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub project_ids: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub added_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_verified_at: Option<OffsetDateTime>,
    /// What the last verification found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_verify: Option<Verification>,
    /// What an earlier Keyturn recorded of the last verification, in its
    /// English words: read from older indexes, never written again.
    #[serde(default, skip_serializing)]
    pub last_verify_result: Option<String>,
}

impl Profile {
    /// What the last verification found, as recorded (an older index's
    /// words read once into the fact they state, else kept as they were).
    pub fn verification(&self) -> Option<Verification> {
        self.last_verify.clone().or_else(|| {
            self.last_verify_result
                .as_deref()
                .map(Verification::from_older_words)
        })
    }
}

/// What a verification of a profile's key found: the fact, which each
/// front end words in its user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "found", rename_all = "snake_case")]
pub enum Verification {
    /// The key works; `identity` is who it belongs to, when the provider
    /// says (an ARN, an account, a count of projects).
    Works {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        identity: Option<String>,
    },
    /// The signature did not match: the secret is wrong.
    WrongSecret,
    /// The key id is unknown or disabled.
    UnknownKey,
    /// This computer's clock is off.
    ClockSkew,
    /// The key is valid but may not make the call.
    NoPermission,
    /// The provider could not be reached.
    Unreachable,
    /// No answer could be read.
    NoAnswer,
    /// The provider refused for another reason.
    Refused,
    /// Recorded in words by an earlier Keyturn.
    Recorded { text: String },
}

impl Verification {
    /// Whether the key was found to work.
    pub fn works(&self) -> bool {
        matches!(self, Verification::Works { .. })
    }

    /// What an index of format 1 recorded in English words: its one
    /// sentence that says the key worked is that fact; any other is kept
    /// as it was, to be shown as it was.
    fn from_older_words(text: &str) -> Verification {
        // The only place Keyturn reads its own words: they are data of an
        // older version, read once, never written again.
        const WORKED: &str = "the key works";
        if text.starts_with(WORKED) {
            Verification::Works { identity: None }
        } else {
            Verification::Recorded {
                text: text.to_owned(),
            }
        }
    }
}

/// Which password slots a resource has in the keyring, and when each was set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceRecord {
    /// `op/region/id…[@user]`, see `resource::ResourceKey`.
    pub key: String,
    pub operation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    #[serde(default)]
    pub slots: BTreeMap<String, SlotInfo>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_rotated_at: Option<OffsetDateTime>,
    /// Where the service itself listens, for a login that proves a
    /// password (not secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<Connection>,
    /// The last login with each slot's password, by slot name; a slot's
    /// record goes when the slot is set again.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub proven: BTreeMap<String, ProofRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotInfo {
    #[serde(with = "time::serde::rfc3339")]
    pub set_at: OffsetDateTime,
}

impl Index {
    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    /// Why a new profile cannot take `name`, if it cannot: a profile of
    /// that name is stored, or one whose name differs only in case
    /// (Keychain and Credential Manager do not tell `Prod` from `prod`).
    /// The one rule both adding a profile and the form's check as the admin
    /// types call.
    pub fn name_taken(&self, name: &str) -> Option<VaultError> {
        if self.profile(name).is_some() {
            return Some(VaultError::ProfileExists(name.to_owned()));
        }
        self.profiles
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .map(|other| VaultError::NameDiffersInCase {
                name: name.to_owned(),
                existing: other.name.clone(),
            })
    }

    pub fn profile_mut(&mut self, name: &str) -> Option<&mut Profile> {
        self.profiles.iter_mut().find(|p| p.name == name)
    }

    pub fn resource(&self, key: &str) -> Option<&ResourceRecord> {
        self.resources.iter().find(|r| r.key == key)
    }
}

/// No index file is read past this size: thousands of profiles and
/// resources take well under a megabyte.
pub const MAX_INDEX_BYTES: u64 = 16 * 1024 * 1024;

/// Reads the index; a missing file is an empty index. Only a regular file,
/// never through a symbolic link, and at most [`MAX_INDEX_BYTES`].
pub fn load(paths: &Paths) -> Result<Index, VaultError> {
    let path = paths.index_file();
    let bytes = match read_regular(&path, MAX_INDEX_BYTES, Links::Refuse) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => {
            return Ok(Index {
                version: FORMAT_VERSION,
                ..Index::default()
            });
        }
        Err(FileError::Io(e)) => return Err(VaultError::io(IoAction::Read, &path)(e)),
        Err(e) => {
            return Err(VaultError::IndexRefused { path, why: e });
        }
    };
    parse(&bytes, path)
}

/// Reads an index from the bytes of its file at `path` (named in errors).
pub fn parse(bytes: &[u8], path: PathBuf) -> Result<Index, VaultError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(VaultError::IndexNotText { path });
    };
    // Check the version first, so a newer file is named as such rather than "corrupt".
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    if let Ok(v) = serde_json::from_str::<VersionOnly>(text)
        && v.version > FORMAT_VERSION
    {
        return Err(VaultError::IndexTooNew {
            path,
            found: v.version,
            supported: FORMAT_VERSION,
        });
    }
    serde_json::from_str(text).map_err(|e| VaultError::IndexCorrupt {
        path,
        detail: detail_of(&e),
    })
}

/// The JSON reader's complaint, short and with any text it quotes from the
/// file shown escaped (a hand-edited file can hold anything).
fn detail_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let short: String = text.chars().take(200).collect();
    let more = if short.len() < text.len() { "…" } else { "" };
    format!("{}{more}", crate::shown::shown(&short))
}

/// Runs `change` on the freshest index under the exclusive lock, then
/// writes the result atomically. Nothing is written if `change` fails.
pub fn update<T>(
    paths: &Paths,
    change: impl FnOnce(&mut Index) -> Result<T, VaultError>,
) -> Result<T, VaultError> {
    create_own_dir_all(&paths.config_dir)
        .map_err(VaultError::io(IoAction::CreateFolder, &paths.config_dir))?;
    let lock_path = paths.index_lock();
    let lock = open_regular(
        &lock_path,
        own_file(OpenOptions::new().create(true).truncate(false).write(true)),
        Links::Refuse,
    )
    .map_err(|e| match e {
        FileError::Io(e) => VaultError::io(IoAction::Open, &lock_path)(e),
        why => VaultError::IndexRefused {
            path: lock_path.clone(),
            why,
        },
    })?;
    lock.lock()
        .map_err(VaultError::io(IoAction::Lock, &lock_path))?;
    let mut index = load(paths)?;
    let result = change(&mut index)?;
    index.version = FORMAT_VERSION;
    write_atomically(&paths.index_file(), &index)?;
    // The lock is released when `lock` is dropped.
    Ok(result)
}

fn write_atomically(path: &Path, index: &Index) -> Result<(), VaultError> {
    let text = serde_json::to_string_pretty(index)
        .map_err(|e| VaultError::io(IoAction::Encode, path)(std::io::Error::other(e)))?;
    write_own_file_atomically(path, &text).map_err(VaultError::io(IoAction::Write, path))
}
