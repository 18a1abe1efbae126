//! The team store: profiles and resource passwords kept in an OpenBao or
//! HashiCorp Vault KV version 2 mount instead of this computer's keyring,
//! so that a team shares them and two admins can never stage conflicting
//! changes of one resource (check-and-set, see `store`).
//!
//! Which store is in use is a setting of this computer's config folder
//! (`store.json`, no secret in it): the OS keyring (the default) or a
//! mount on a server, with a path prefix. The token is never in a file of
//! Keyturn's: it comes from `VAULT_TOKEN`, else from the OS keyring (where
//! `keyturn store login` puts it), else from `~/.vault-token` (the Vault
//! command line's own file). `VAULT_ADDR`, `VAULT_NAMESPACE` and
//! `VAULT_CACERT` give `keyturn store use vault` its defaults, as Vault
//! users expect.
//!
//! The team's profiles are kept whole in the store, secret and all, one
//! entry each (`profiles`), so every admin lists the same ones; while a
//! team store is in use, `Vault` reads and writes them there
//! ([`active_profiles`]). The index file (resources, and when this computer
//! last used or verified a profile) and the rotation journal stay on this
//! computer: the journal is what makes a crash safe, and the team store's
//! own versions record who changed what and when.

mod client;
pub(in crate::vault) mod error;
mod history;
mod migrate;
mod profiles;
mod store;
mod wire;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

pub use client::{Found, KvClient};
pub use error::{Odd, TeamError, Written};
pub use history::{ItemWrite, MOST_VERSIONS, StoredVersion};
pub use migrate::{Direction, Migrated, migrate};
pub use profiles::{Entry, Listed, Stored, TeamProfiles, changed};
pub use store::{TeamStore, UnavailableStore};

use super::Paths;
use super::claim::Actor;
use super::resource::ResourceKey;
use crate::endpoint::Endpoint;
use crate::files::{Links, read_regular};

/// The settings file in the config folder.
const SETTINGS_FILE: &str = "store.json";
/// The keyring entry (service `keyturn`) of a server's token.
const TOKEN_ENTRY_PREFIX: &str = "team-token:";

/// Where profiles and passwords are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "store", rename_all = "lowercase")]
pub enum StoreChoice {
    /// The OS keyring of this computer.
    #[default]
    Keyring,
    /// A KV v2 mount of an OpenBao or HashiCorp Vault server.
    Vault(VaultSettings),
}

/// A KV v2 mount and the prefix under which Keyturn's entries live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultSettings {
    /// `https://vault.example:8200` (or `http://` to a loopback address).
    pub addr: String,
    /// The KV v2 mount, e.g. `secret`.
    pub mount: String,
    /// The folder of Keyturn's entries in the mount, e.g. `keyturn`.
    pub prefix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// A PEM file of the CA to trust besides the system's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
}

impl StoreChoice {
    /// The choice saved in `paths`' config folder; the keyring when none is.
    pub fn load(paths: &Paths) -> Result<StoreChoice, TeamError> {
        let file = paths.config_dir.join(SETTINGS_FILE);
        let bytes = match read_regular(&file, 64 * 1024, Links::Refuse) {
            Ok(bytes) => bytes,
            Err(e) if e.is_not_found() => return Ok(StoreChoice::Keyring),
            Err(e) => return Err(TeamError::Settings(format!("{}: {e}", file.display()))),
        };
        serde_json::from_slice(&bytes)
            .map_err(|e| TeamError::Settings(format!("{}: {e}", file.display())))
    }

    /// Saves the choice in `paths`' config folder.
    pub fn save(&self, paths: &Paths) -> Result<(), TeamError> {
        let file = paths.config_dir.join(SETTINGS_FILE);
        let text =
            serde_json::to_string_pretty(self).map_err(|e| TeamError::Settings(e.to_string()))?;
        crate::files::write_own_file_atomically(&file, &text)
            .map_err(|e| TeamError::Settings(format!("{}: {e}", file.display())))
    }

    /// In words, for `--version` and the app: "OS keyring" or the mount.
    pub fn describe(&self) -> String {
        match self {
            StoreChoice::Keyring => crate::tr!("store-keyring"),
            StoreChoice::Vault(v) => crate::tr!(
                "store-vault",
                addr = v.addr.as_str(),
                mount = v.mount.as_str(),
                prefix = v.prefix.as_str()
            ),
        }
    }
}

impl VaultSettings {
    /// Checks the address: https, or http to a loopback address only.
    pub fn check(&self) -> Result<(), TeamError> {
        Endpoint::parse_override(&self.addr)
            .map(|_| ())
            .map_err(|e| TeamError::Settings(e.to_string()))?;
        if self.mount.trim_matches('/').is_empty() {
            return Err(TeamError::EmptyMount);
        }
        Ok(())
    }

    /// The store's name for locks: its address, namespace, mount and
    /// prefix.
    pub fn identity(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.addr.trim_end_matches('/'),
            self.namespace.as_deref().unwrap_or(""),
            self.mount.trim_matches('/'),
            self.prefix.trim_matches('/')
        )
    }

    /// A client of the mount with the token found for it.
    pub fn client(&self) -> Result<KvClient, TeamError> {
        self.check()?;
        let token = find_token(&self.addr)?;
        let ca = match &self.ca_cert {
            Some(path) => Some(
                read_regular(path, 1 << 20, Links::Follow)
                    .map_err(|e| TeamError::Settings(format!("{}: {e}", path.display())))?,
            ),
            None => None,
        };
        KvClient::new(
            &self.addr,
            &self.mount,
            self.namespace.clone(),
            token,
            ca.as_deref(),
        )
    }
}

/// The store this process uses, once [`activate`] has chosen it.
static ACTIVE: OnceLock<StoreChoice> = OnceLock::new();
/// The team store's client, when the team store is in use.
static CLIENT: OnceLock<Arc<KvClient>> = OnceLock::new();
/// The team store's name for this process's token, asked once.
static IDENTITY: OnceLock<Option<String>> = OnceLock::new();

/// Who this process's claims and settlements name: its user and host, and
/// on the team store the name the store knows its token by (asked of the
/// store once, on first use; without it, the user and host alone).
pub fn actor() -> Actor {
    let mut actor = Actor::this_process();
    if let Some(client) = CLIENT.get() {
        actor.identity = IDENTITY
            .get_or_init(|| {
                client.identity().unwrap_or_else(|e| {
                    tracing::debug!(error = %e, "the team store did not say who the token is");
                    None
                })
            })
            .clone();
    }
    actor
}

/// The versions the team store keeps of `key`'s item, oldest first (see
/// `history`); `None` when this process does not use the team store.
pub fn resource_history(key: &ResourceKey) -> Result<Option<Vec<StoredVersion>>, TeamError> {
    match (ACTIVE.get(), CLIENT.get()) {
        (Some(StoreChoice::Vault(settings)), Some(client)) => {
            history::history(client, &settings.prefix, key).map(Some)
        }
        _ => Ok(None),
    }
}

/// The store in use as the messages that name it select on (`$store`):
/// `team` when this process keeps profiles and passwords in a team store,
/// else `keyring`.
pub fn selector() -> &'static str {
    match ACTIVE.get() {
        Some(StoreChoice::Vault(_)) => "team",
        _ => "keyring",
    }
}

/// The team's profiles in the team store this process uses, once
/// [`activate`] has opened it; why it could not be, once
/// [`activate_or_refuse`] has found it cannot.
static PROFILES: std::sync::OnceLock<Result<TeamProfiles, String>> = std::sync::OnceLock::new();

/// The team's profiles when this process keeps profiles in a team store
/// (`None`: in this computer's keyring), or why that store cannot be used.
pub fn active_profiles() -> Result<Option<&'static TeamProfiles>, TeamError> {
    match PROFILES.get() {
        None => Ok(None),
        Some(Ok(profiles)) => Ok(Some(profiles)),
        Some(Err(why)) => Err(TeamError::Unavailable(why.clone())),
    }
}

/// Uses the store `paths` names for every keyring call from now on: with
/// the team store chosen, its entries go to the server, and the profiles
/// `Vault` lists and changes are the team's. Returns the choice. Call it
/// before anything reads a secret.
pub fn activate(paths: &Paths) -> Result<StoreChoice, TeamError> {
    if let Some(choice) = ACTIVE.get() {
        return Ok(choice.clone());
    }
    let choice = StoreChoice::load(paths)?;
    if let StoreChoice::Vault(settings) = &choice {
        let client = settings.client()?;
        let profiles = TeamProfiles::new(client.share(), &settings.prefix, writer());
        let client = Arc::new(client);
        let _ = CLIENT.set(client.clone());
        let reach = super::secrets::Reach::Team(settings.identity());
        if !super::secrets::use_store(
            TeamStore::new_store(client, &settings.prefix, writer()),
            reach,
        ) {
            return Err(TeamError::StoreInUse);
        }
        let _ = PROFILES.set(Ok(profiles));
    }
    Ok(ACTIVE.get_or_init(|| choice).clone())
}

/// [`activate`], and when the team store chosen cannot be used, a store in
/// its place that refuses every call with why (the desktop app, which
/// keeps running so that the store settings can be changed); listing the
/// profiles is refused with why too.
pub fn activate_or_refuse(paths: &Paths) -> Result<StoreChoice, TeamError> {
    activate(paths).inspect_err(|e| {
        if super::secrets::use_store(
            UnavailableStore::new_store(e),
            super::secrets::Reach::ThisProcess,
        ) {
            let _ = PROFILES.set(Err(e.to_string()));
        }
    })
}

/// The keyring entry name of the token for `addr`.
pub fn token_entry(addr: &str) -> String {
    format!("{TOKEN_ENTRY_PREFIX}{}", addr.trim_end_matches('/'))
}

/// The token for `addr`: `VAULT_TOKEN`, else the OS keyring, else
/// `~/.vault-token`.
fn find_token(addr: &str) -> Result<SecretString, TeamError> {
    if let Some(token) = std::env::var("VAULT_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty())
    {
        return Ok(SecretString::from(token.trim().to_owned()));
    }
    match super::secrets::platform_get(&token_entry(addr)) {
        Ok(Some(token)) => return Ok(token),
        Ok(None) => {}
        // No keyring here: the file may still have one.
        Err(e) => tracing::debug!(error = %e, "no keyring for the team store's token"),
    }
    if let Some(file) = home().map(|h| h.join(".vault-token"))
        && let Ok(bytes) = read_regular(&file, 64 * 1024, Links::Follow)
        && let Ok(text) = String::from_utf8(bytes)
        && !text.trim().is_empty()
    {
        return Ok(SecretString::from(text.trim().to_owned()));
    }
    Err(TeamError::NoToken)
}

fn home() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_owned())
}

/// Who writes, for the entries' custom metadata: the user and the host.
fn writer() -> String {
    super::claim::Actor::this_process().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_is_saved_and_read_back_and_defaults_to_the_keyring() {
        let dir = std::env::temp_dir().join(format!("keyturn-team-{}", std::process::id()));
        let paths = Paths {
            config_dir: dir.join("config"),
            data_dir: dir.join("data"),
        };
        assert_eq!(StoreChoice::load(&paths).unwrap(), StoreChoice::Keyring);
        let vault = StoreChoice::Vault(VaultSettings {
            addr: "http://127.0.0.1:8200".into(),
            mount: "secret".into(),
            prefix: "keyturn".into(),
            namespace: None,
            ca_cert: None,
        });
        vault.save(&paths).unwrap();
        assert_eq!(StoreChoice::load(&paths).unwrap(), vault);
        let text = std::fs::read_to_string(paths.config_dir.join(SETTINGS_FILE)).unwrap();
        assert!(text.contains("\"store\": \"vault\""), "{text}");
        std::fs::write(paths.config_dir.join(SETTINGS_FILE), "{not json").unwrap();
        assert!(matches!(
            StoreChoice::load(&paths),
            Err(TeamError::Settings(_))
        ));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn plain_http_is_for_loopback_only() {
        let settings = |addr: &str| VaultSettings {
            addr: addr.into(),
            mount: "secret".into(),
            prefix: "keyturn".into(),
            namespace: None,
            ca_cert: None,
        };
        assert!(settings("http://127.0.0.1:8200").check().is_ok());
        assert!(settings("https://vault.example:8200").check().is_ok());
        assert!(settings("http://vault.example:8200").check().is_err());
        assert!(settings("ftp://127.0.0.1").check().is_err());
    }
}
