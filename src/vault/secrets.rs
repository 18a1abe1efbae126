//! The OS keyring, through `keyring-core` with each platform's store chosen
//! explicitly: Secret Service over D-Bus on Linux and the BSDs, the
//! Keychain on macOS, Credential Manager on Windows. There is deliberately
//! no fallback: if the store is unavailable the user is told what to start,
//! and no secret is ever written anywhere else (not a file, not the kernel
//! keyutils store, which forgets everything at reboot).
//!
//! The store is opened on first use, so commands that need no secret never
//! touch D-Bus. Calls block; front ends run them off the UI thread.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use keyring_core::{CredentialStore, Entry};
use secrecy::SecretString;

use super::VaultError;
use super::error::from_keyring;
pub use super::holds::Holds;

/// The keyring service every Keyturn entry is filed under.
pub const SERVICE: &str = "keyturn";

/// One keyring entry: its stable user name, a label a person browsing the
/// keyring (Seahorse, Keychain Access, `secret-tool`) can read, and what it
/// holds, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryName {
    pub user: String,
    pub label: String,
    pub what: Holds,
}

/// Whether the platform store could be opened; tried once per process.
static STORE: OnceLock<Result<(), String>> = OnceLock::new();

/// Who else can write what the store in use holds: it decides where a
/// resource's lock must live to be seen by all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// This computer's keyring: every process of this user, whatever its
    /// data folder.
    ThisUser,
    /// A team store (named by its address, mount and prefix): every admin
    /// with a token; only its check-and-set keeps them apart, and a lock
    /// keeps this user's processes apart.
    Team(String),
    /// A store of this process alone (the demo's in-memory keyring).
    ThisProcess,
}

/// The reach of the store in use, set with it.
static REACH: OnceLock<Reach> = OnceLock::new();

/// Who else can write what this process's store holds.
pub fn reach() -> Reach {
    REACH.get().cloned().unwrap_or(Reach::ThisUser)
}

fn store() -> Result<(), VaultError> {
    let opened = STORE.get_or_init(|| {
        let store = platform_store().map_err(|e| e.to_string())?;
        keyring_core::set_default_store(store);
        Ok(())
    });
    opened
        .clone()
        .map_err(|detail| VaultError::NoSecretService { detail })
}

/// This computer's own keyring, whichever store the rest of Keyturn uses.
pub(crate) fn platform() -> Result<Arc<CredentialStore>, VaultError> {
    platform_store().map_err(|e| VaultError::NoSecretService {
        detail: e.to_string(),
    })
}

/// The entry modifiers that give an entry its `label`: only the Secret
/// Service store takes one; elsewhere service and user name identify it.
pub(crate) fn label_modifiers(label: &str) -> HashMap<&str, &str> {
    let mut modifiers = HashMap::new();
    if cfg!(all(
        unix,
        not(any(
            target_os = "macos",
            target_os = "ios",
            target_os = "android"
        ))
    )) {
        modifiers.insert("label", label);
    }
    modifiers
}

/// The secret under `user` in this computer's own keyring, whichever store
/// the rest of Keyturn uses (the team store's token lives there); `None`
/// when there is none.
pub fn platform_get(user: &str) -> Result<Option<SecretString>, VaultError> {
    let store = platform()?;
    let what = Holds::OwnEntry(user.to_owned());
    let entry = store
        .build(SERVICE, user, None)
        .map_err(|e| from_keyring(e, &what))?;
    match entry.get_password() {
        Ok(secret) => Ok(Some(SecretString::from(secret))),
        Err(keyring_core::Error::NoEntry) => Ok(None),
        Err(e) => Err(from_keyring(e, &what)),
    }
}

/// Stores `secret` under `user` in this computer's own keyring (see
/// [`platform_get`]).
pub fn platform_set(user: &str, label: &str, secret: &SecretString) -> Result<(), VaultError> {
    use secrecy::ExposeSecret;
    platform()?
        .build(SERVICE, user, Some(&label_modifiers(label)))
        .and_then(|entry| entry.set_password(secret.expose_secret()))
        .map_err(|e| from_keyring(e, &Holds::OwnEntry(user.to_owned())))
}

/// Uses `store`, which `reach` can write, instead of the platform's for the
/// rest of the process (`keyturn --demo` gives an in-memory one, so that its
/// fake keys never reach the user's keyring). It must come before anything
/// else touches the keyring: `false` if the platform store, or another, is
/// already in use.
pub fn use_store(store: Arc<CredentialStore>, reach: Reach) -> bool {
    let mut used = false;
    STORE.get_or_init(|| {
        keyring_core::set_default_store(store);
        used = true;
        Ok(())
    });
    if used {
        let _ = REACH.set(reach);
    }
    used
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(windows)]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

fn entry(name: &EntryName) -> Result<Entry, VaultError> {
    store()?;
    Entry::new_with_modifiers(SERVICE, &name.user, &label_modifiers(&name.label))
        .map_err(|e| from_keyring(e, &name.what))
}

/// Stores `secret` under `name`, replacing any earlier value.
pub fn set(name: &EntryName, secret: &SecretString) -> Result<(), VaultError> {
    use secrecy::ExposeSecret;
    round_trip("set", name);
    entry(name)?
        .set_password(secret.expose_secret())
        .map_err(|e| from_keyring(e, &name.what))
}

/// Reads the secret under `name`.
pub fn get(name: &EntryName) -> Result<SecretString, VaultError> {
    round_trip("get", name);
    entry(name)?
        .get_password()
        .map(SecretString::from)
        .map_err(|e| from_keyring(e, &name.what))
}

/// Deletes the entry; `Ok(false)` when there was none.
pub fn delete(name: &EntryName) -> Result<bool, VaultError> {
    round_trip("delete", name);
    match entry(name)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring_core::Error::NoEntry) => Ok(false),
        // Several items under one name: removing means removing them all.
        Err(keyring_core::Error::Ambiguous(entries)) => {
            for e in entries {
                match e.delete_credential() {
                    Ok(()) | Err(keyring_core::Error::NoEntry) => {}
                    Err(e) => return Err(from_keyring(e, &name.what)),
                }
            }
            Ok(true)
        }
        Err(e) => Err(from_keyring(e, &name.what)),
    }
}

/// One debug line per call to the keyring (never the secret), so that
/// `RUST_LOG=keyturn::vault::secrets=debug` counts a command's round trips
/// (`benches/send_overhead.rs` does).
fn round_trip(call: &'static str, name: &EntryName) {
    tracing::debug!(call, entry = %name.user.escape_debug(), "keyring round trip");
}
