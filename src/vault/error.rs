//! What can go wrong with stored credentials. A message says what is
//! wrong; where the way forward is a command or a button, the front end
//! adds it (`cli/error.rs`, `ui/remedy.rs`). No message ever holds a
//! secret.

use std::fmt;
use std::path::PathBuf;

use super::holds::Holds;
use crate::tr;

/// Every message is worded in the interface's language (`vault-*` in
/// `keyturn.ftl`).
#[derive(Debug)]
pub enum VaultError {
    NoSecretService {
        detail: String,
    },
    KeyringLocked {
        detail: String,
    },
    SecretMissing {
        what: Holds,
    },
    /// The entry holds bytes that are not text.
    NotText {
        what: Holds,
    },
    /// The entry holds text that is not what Keyturn writes there.
    NotKeyturns {
        what: Holds,
    },
    /// No credential store was set up in this process (a mistake in
    /// Keyturn's start-up).
    NoStoreSetUp,
    Keyring {
        detail: String,
    },
    IndexCorrupt {
        path: PathBuf,
        detail: String,
    },
    /// The index file is not UTF-8 text.
    IndexNotText {
        path: PathBuf,
    },
    IndexTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    Io {
        action: IoAction,
        path: PathBuf,
        source: std::io::Error,
    },
    NoProfile(String),
    ProfileExists(String),
    /// The team store has a profile of this name: who wrote it and when.
    TeamProfileExists {
        name: String,
        written: super::team::error::Written,
    },
    /// The team store's entry of this profile changed since it was read
    /// (a check-and-set write was refused); nothing was written.
    ProfileChanged(String),
    /// The team store's entry of this profile holds fields this Keyturn
    /// cannot read (a newer Keyturn's, or written by hand).
    ProfileUnreadable(String),
    BadName(String),
    NameDiffersInCase {
        name: String,
        existing: String,
    },
    Duplicate {
        what: Holds,
        count: usize,
    },
    IndexRefused {
        path: PathBuf,
        why: crate::files::FileError,
    },
    NoResource(String),
    NoHome,
    /// The team store refused or failed (see `vault::team`).
    Team(super::team::error::TeamError),
}

/// What Keyturn was doing with a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    CreateFolder,
    Encode,
    Lock,
    Open,
    Read,
    Write,
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = |name: &str| format!("{name:?}");
        let shown = |path: &PathBuf| path.display().to_string();
        let text = match self {
            VaultError::NoSecretService { detail } => {
                tr!("vault-no-secret-service", detail = detail.as_str())
            }
            VaultError::KeyringLocked { detail } => {
                tr!("vault-keyring-locked", detail = detail.as_str())
            }
            VaultError::SecretMissing { what } => {
                tr!("vault-secret-missing", what = what.to_string())
            }
            VaultError::NotText { what } => tr!("vault-not-text", what = what.to_string()),
            VaultError::NotKeyturns { what } => tr!("vault-not-keyturns", what = what.to_string()),
            VaultError::NoStoreSetUp => tr!("vault-no-store-set-up"),
            VaultError::Keyring { detail } => tr!("vault-keyring", detail = detail.as_str()),
            VaultError::IndexCorrupt { path, detail } => tr!(
                "vault-index-corrupt",
                path = shown(path),
                detail = detail.as_str()
            ),
            VaultError::IndexNotText { path } => tr!("vault-index-not-text", path = shown(path)),
            VaultError::IndexTooNew {
                path,
                found,
                supported,
            } => tr!(
                "vault-index-too-new",
                path = shown(path),
                found = *found,
                supported = *supported
            ),
            VaultError::Io {
                action,
                path,
                source,
            } => {
                let (path, error) = (shown(path), source.to_string());
                match action {
                    IoAction::CreateFolder => tr!("vault-io-create", path = path, error = error),
                    IoAction::Encode => tr!("vault-io-encode", path = path, error = error),
                    IoAction::Lock => tr!("vault-io-lock", path = path, error = error),
                    IoAction::Open => tr!("vault-io-open", path = path, error = error),
                    IoAction::Read => tr!("vault-io-read", path = path, error = error),
                    IoAction::Write => tr!("vault-io-write", path = path, error = error),
                }
            }
            VaultError::NoProfile(name) => tr!("vault-no-profile", name = quoted(name)),
            VaultError::ProfileExists(name) => tr!("vault-profile-exists", name = quoted(name)),
            VaultError::TeamProfileExists { name, written } => tr!(
                "vault-team-profile-exists",
                name = quoted(name),
                by = written.by.as_deref().map_or_else(
                    || tr!("team-someone"),
                    |by| crate::shown::shown(by).into_owned()
                ),
                at = written
                    .at
                    .map_or_else(|| "?".to_owned(), |t| crate::time_format::utc(&t)),
                version = written.version
            ),
            VaultError::ProfileChanged(name) => {
                tr!("vault-profile-changed", name = quoted(name))
            }
            VaultError::ProfileUnreadable(name) => {
                tr!("vault-profile-unreadable", name = quoted(name))
            }
            VaultError::BadName(name) => tr!("vault-bad-name", name = quoted(name)),
            VaultError::NameDiffersInCase { name, existing } => tr!(
                "vault-name-differs-in-case",
                name = quoted(name),
                existing = quoted(existing)
            ),
            VaultError::Duplicate { what, count } => {
                tr!("vault-duplicate", what = what.to_string(), count = *count)
            }
            VaultError::IndexRefused { path, why } => tr!(
                "vault-index-refused",
                path = shown(path),
                detail = why.to_string()
            ),
            VaultError::NoResource(key) => tr!("vault-no-resource", key = quoted(key)),
            VaultError::NoHome => tr!("vault-no-home"),
            VaultError::Team(e) => e.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for VaultError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            VaultError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl VaultError {
    pub(crate) fn io(
        action: IoAction,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| VaultError::Io {
            action,
            path,
            source,
        }
    }
}

/// keyring errors in our terms. `what` names the entry for `NoEntry`.
pub(crate) fn from_keyring(e: keyring_core::Error, what: &Holds) -> VaultError {
    use keyring_core::Error as K;
    match e {
        K::NoEntry => VaultError::SecretMissing { what: what.clone() },
        K::NoStorageAccess(inner) => VaultError::KeyringLocked {
            detail: inner.to_string(),
        },
        K::PlatformFailure(inner) => {
            let inner = match inner.downcast::<super::team::error::TeamError>() {
                Ok(team) => return VaultError::Team(*team),
                Err(inner) => inner,
            };
            let detail = inner.to_string();
            if looks_like_no_service(&detail) {
                VaultError::NoSecretService { detail }
            } else {
                VaultError::Keyring { detail }
            }
        }
        K::NoDefaultStore => VaultError::NoStoreSetUp,
        // Ambiguous carries the entries, whose debug form is no use to anyone.
        K::Ambiguous(entries) => VaultError::Duplicate {
            what: what.clone(),
            count: entries.len(),
        },
        // BadEncoding/BadDataFormat carry the stored bytes: never show them.
        K::BadEncoding(_) | K::BadDataFormat(..) => VaultError::NotText { what: what.clone() },
        other => VaultError::Keyring {
            detail: other.to_string(),
        },
    }
}

/// A D-Bus connection failure, or no Secret Service on the bus.
pub(crate) fn looks_like_no_service(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    [
        "dbus",
        "d-bus",
        "no such file",
        "connection refused",
        "serviceunknown",
        "service unknown",
        "not provided by any",
        "address",
        "was not provided",
    ]
    .iter()
    .any(|needle| d.contains(needle))
}
