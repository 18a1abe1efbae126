//! The team store as a keyring: a `keyring-core` credential store whose
//! entries are KV v2 secrets, so profiles and resource slots go there with
//! no change to the rest of Keyturn, behind the same entry names.
//!
//! Where each entry goes, under the configured prefix (the documented
//! layout, which `packaging/keyturn-vault-policy.hcl` follows):
//! - `profiles/<name>`: a profile's access key secret, beside its other
//!   fields in the same entry (written and listed by `profiles`);
//! - `resources/<operation>/<region>/<ids…>`: a resource's three slots,
//!   kept whole in one secret with the claim of the change in progress,
//!   as in the keyring;
//! - `other/<entry>`: any other entry.
//!
//! Every id in a resource's path is percent-encoded, `.`, `..`, `/` and `%`
//! included, so that no id can walk out of its folder and no two resources
//! share a path.
//!
//! Check-and-set: every read remembers the version it saw, and every write
//! names it, so a write made on what another admin has changed since is
//! refused ("changed by someone else since it was read") and nothing more
//! happens; the rotation protocol reads a resource's slots before it stages
//! a change, so a stale stage can never be sent. A write never preceded by
//! a read in this process (adding a new profile) is made as it is. Removal
//! is a check-and-set write of an empty value, never a plain `DELETE`: it
//! names the version it removes, and the history stays. Each write is
//! tagged with who made it; KV v2 keeps when, and every version.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use keyring_core::api::{CredentialApi, CredentialStoreApi};
use keyring_core::{Credential, CredentialPersistence, CredentialStore, Entry, Error, Result};
use secrecy::{ExposeSecret, SecretString};

use super::TeamError;
use super::client::KvClient;
use crate::vault::ResourceKey;

/// What an id's path segment escapes: everything but letters, digits, `-`
/// and `_`, so `.`, `..`, `/`, `%` and `@` never reach the server as
/// themselves.
const SEGMENT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_');

/// A resource's path under `resources/`: the operation (a catalogue id),
/// then its region, ids and account, each percent-encoded; the account
/// follows the ids as `@<account>`, which no encoded id can look like.
pub fn resource_path(key: &ResourceKey) -> String {
    let encode = |part: &str| percent_encoding::utf8_percent_encode(part, SEGMENT).to_string();
    let mut parts = vec![key.operation.clone(), encode(&key.region)];
    parts.extend(key.ids.iter().map(|id| encode(id)));
    if let Some(user) = &key.user {
        parts.push(format!("@{}", encode(user)));
    }
    parts.join("/")
}

/// Versions seen, by path: what the next write of each path must name.
type Versions = Arc<Mutex<HashMap<String, u64>>>;

pub struct TeamStore {
    client: Arc<KvClient>,
    prefix: String,
    versions: Versions,
    /// Who writes, for the custom metadata.
    writer: String,
}

impl TeamStore {
    /// The store, ready for `secrets::use_store`.
    pub fn new_store(
        client: impl Into<Arc<KvClient>>,
        prefix: &str,
        writer: String,
    ) -> Arc<CredentialStore> {
        Arc::new(TeamStore {
            client: client.into(),
            prefix: prefix.trim_matches('/').to_owned(),
            versions: Arc::default(),
            writer,
        })
    }

    /// The KV path of the entry `user` of `service`.
    fn path(&self, user: &str) -> String {
        let resource = user.strip_prefix("resource:").and_then(ResourceKey::parse);
        let rest = if let Some(name) = user.strip_prefix("profile:") {
            format!("profiles/{name}")
        } else if let Some(key) = resource {
            format!("resources/{}", resource_path(&key))
        } else {
            format!("other/{}", user.replace('/', "%2F"))
        };
        if self.prefix.is_empty() {
            rest
        } else {
            format!("{}/{rest}", self.prefix)
        }
    }
}

impl fmt::Debug for TeamStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TeamStore")
            .field("client", &self.client)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl CredentialStoreApi for TeamStore {
    fn vendor(&self) -> String {
        "Keyturn team store (OpenBao / HashiCorp Vault KV v2)".into()
    }

    fn id(&self) -> String {
        format!("keyturn-team-{:?}", self.client)
    }

    fn build(
        &self,
        service: &str,
        user: &str,
        _modifiers: Option<&HashMap<&str, &str>>,
    ) -> Result<Entry> {
        Ok(Entry::new_with_credential(Arc::new(TeamCredential {
            client: self.client.clone(),
            versions: self.versions.clone(),
            service: service.to_owned(),
            user: user.to_owned(),
            path: self.path(user),
            writer: self.writer.clone(),
        })))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn persistence(&self) -> CredentialPersistence {
        CredentialPersistence::UntilDelete
    }
}

/// One entry: a KV path. `Debug` shows the path, never a secret.
struct TeamCredential {
    client: Arc<KvClient>,
    versions: Versions,
    service: String,
    user: String,
    path: String,
    writer: String,
}

impl fmt::Debug for TeamCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TeamCredential")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// A team store error as keyring-core carries it; `vault::error` turns it
/// back into its own words.
fn failure(e: TeamError) -> Error {
    Error::PlatformFailure(Box::new(e))
}

impl TeamCredential {
    fn seen(&self, version: u64) {
        self.versions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(self.path.clone(), version);
    }

    fn version_seen(&self) -> Option<u64> {
        self.versions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&self.path)
            .copied()
    }
}

impl CredentialApi for TeamCredential {
    fn set_secret(&self, secret: &[u8]) -> Result<()> {
        let text = std::str::from_utf8(secret).map_err(|_| Error::BadEncoding(Vec::new()))?;
        let value = SecretString::from(text.to_owned());
        let version = self
            .client
            .write(&self.path, &value, self.version_seen())
            .map_err(failure)?;
        self.seen(version);
        // Who wrote it; KV v2 keeps when. A failure here loses no secret.
        let tagged = self.client.tag(
            &self.path,
            &[
                ("written_by", self.writer.clone()),
                (
                    "written_with",
                    format!("keyturn {}", env!("CARGO_PKG_VERSION")),
                ),
            ],
        );
        if let Err(e) = tagged {
            tracing::warn!(path = %self.path, error = %e, "the team store entry was written but not tagged");
        }
        Ok(())
    }

    fn get_secret(&self) -> Result<Vec<u8>> {
        let found = self.client.read(&self.path).map_err(failure)?;
        self.seen(found.version);
        found
            .value
            .map(|v| v.expose_secret().as_bytes().to_vec())
            .ok_or(Error::NoEntry)
    }

    fn delete_credential(&self) -> Result<()> {
        let found = self.client.read(&self.path).map_err(failure)?;
        if self.version_seen().is_some_and(|v| v != found.version) {
            return Err(failure(TeamError::Changed {
                path: self.path.clone(),
            }));
        }
        self.seen(found.version);
        if found.value.is_none() {
            return Err(Error::NoEntry);
        }
        // What was read is what goes: a check-and-set write of nothing on
        // exactly that version.
        let empty = SecretString::from(String::new());
        let version =
            (self.client.write(&self.path, &empty, Some(found.version))).map_err(failure)?;
        self.seen(version);
        Ok(())
    }

    fn get_credential(&self) -> Result<Option<Arc<Credential>>> {
        Ok(None)
    }

    fn get_specifiers(&self) -> Option<(String, String)> {
        Some((self.service.clone(), self.user.clone()))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn debug_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// The store put in place of a team store that cannot be opened (no token,
/// its settings unreadable): every call fails with why, so nothing is read
/// from, or staged in, a store the admin did not choose, while what needs
/// no secret (the index, the settings) still works.
pub struct UnavailableStore {
    why: String,
}

impl UnavailableStore {
    pub fn new_store(why: &TeamError) -> Arc<CredentialStore> {
        Arc::new(UnavailableStore {
            why: why.to_string(),
        })
    }
}

impl fmt::Debug for UnavailableStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnavailableStore")
            .field("why", &self.why)
            .finish()
    }
}

impl CredentialStoreApi for UnavailableStore {
    fn vendor(&self) -> String {
        "Keyturn team store (unavailable)".into()
    }

    fn id(&self) -> String {
        "keyturn-team-unavailable".into()
    }

    fn build(
        &self,
        _service: &str,
        _user: &str,
        _modifiers: Option<&HashMap<&str, &str>>,
    ) -> Result<Entry> {
        Err(failure(TeamError::Unavailable(self.why.clone())))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
