//! What can go wrong with stored credentials. A message says what is
//! wrong; where the way forward is a command or a button, the front end
//! adds it (`cli/error.rs`, `ui/remedy.rs`). No message ever holds a
//! secret.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error(
        "no Secret Service is running, so the keyring cannot be used ({detail}).\n\
         On a desktop, log in to a session with GNOME Keyring or KDE Wallet. Over SSH or in a bare \
         session, start one, e.g.:\n  dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets; exec $SHELL'\n\
         Keyturn never falls back to storing secrets in a file."
    )]
    NoSecretService { detail: String },
    #[error(
        "the keyring is locked, or access to it was refused ({detail}).\n\
         Unlock it when your desktop asks (or in Passwords and Keys / Keychain Access), then try again."
    )]
    KeyringLocked { detail: String },
    #[error("the keyring has no secret for {what}: it may have been deleted outside Keyturn")]
    SecretMissing { what: String },
    #[error("the keyring failed: {detail}")]
    Keyring { detail: String },
    #[error(
        "the index file {path} cannot be read: {detail}.\n\
         It was left untouched. Fix it by hand, or move it aside to start a new one \
         (secrets stay in the keyring)."
    )]
    IndexCorrupt { path: PathBuf, detail: String },
    #[error(
        "the index file {path} was written by a newer Keyturn (format {found}; this one reads up to {supported}); it was left untouched"
    )]
    IndexTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no profile named {0:?}")]
    NoProfile(String),
    #[error("a profile named {0:?} already exists")]
    ProfileExists(String),
    #[error(
        "profile names may use letters, digits, '.', '_' and '-' (1 to 64 characters), not {0:?}"
    )]
    BadName(String),
    #[error(
        "a profile named {existing:?} already exists, and {name:?} differs from it only in case; \
         the keyrings of macOS and Windows would take them for one, so choose another name"
    )]
    NameDiffersInCase { name: String, existing: String },
    #[error(
        "the keyring holds {count} entries for {what} where Keyturn keeps one (another program, \
         or an earlier failure, may have added one); Keyturn reads neither"
    )]
    Duplicate { what: String, count: usize },
    #[error("the index file {path} cannot be used: {detail}. It was left untouched.")]
    IndexRefused { path: PathBuf, detail: String },
    #[error("no stored password for {0:?}")]
    NoResource(String),
    #[error("cannot find the config folder: set KEYTURN_CONFIG_DIR and KEYTURN_DATA_DIR")]
    NoHome,
}

impl VaultError {
    pub(crate) fn io(
        action: &'static str,
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
pub(crate) fn from_keyring(e: keyring_core::Error, what: &str) -> VaultError {
    use keyring_core::Error as K;
    match e {
        K::NoEntry => VaultError::SecretMissing {
            what: what.to_owned(),
        },
        K::NoStorageAccess(inner) => VaultError::KeyringLocked {
            detail: inner.to_string(),
        },
        K::PlatformFailure(inner) => {
            let detail = inner.to_string();
            if looks_like_no_service(&detail) {
                VaultError::NoSecretService { detail }
            } else {
                VaultError::Keyring { detail }
            }
        }
        K::NoDefaultStore => VaultError::NoSecretService {
            detail: "no credential store was set up".into(),
        },
        // Ambiguous carries the entries, whose debug form is no use to anyone.
        K::Ambiguous(entries) => VaultError::Duplicate {
            what: what.to_owned(),
            count: entries.len(),
        },
        // BadEncoding/BadDataFormat carry the stored bytes: never show them.
        K::BadEncoding(_) | K::BadDataFormat(..) => VaultError::Keyring {
            detail: format!("the stored value for {what} is not text"),
        },
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
