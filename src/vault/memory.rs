//! A credential store that lives in this process's memory only: nothing is
//! written anywhere, and everything is gone (and zeroed) when the process
//! ends. `keyturn --demo` uses it so that its fake keys never reach the
//! user's keyring; see [`super::secrets::use_store`].
//!
//! It accepts and ignores entry modifiers (the Secret Service label that
//! [`super::secrets`] passes), which keyring-core's own mock store refuses.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use keyring_core::api::{CredentialApi, CredentialStoreApi};
use keyring_core::{Credential, CredentialPersistence, CredentialStore, Entry, Error, Result};
use zeroize::Zeroizing;

type Secret = Arc<Mutex<Option<Zeroizing<Vec<u8>>>>>;

/// The store: one secret slot per (service, user).
pub struct MemoryStore {
    entries: Mutex<HashMap<(String, String), Secret>>,
}

impl MemoryStore {
    /// A new, empty store, ready for [`keyring_core::set_default_store`].
    pub fn new_store() -> Arc<CredentialStore> {
        Arc::new(MemoryStore {
            entries: Mutex::new(HashMap::new()),
        })
    }

    fn entries(&self) -> MutexGuard<'_, HashMap<(String, String), Secret>> {
        // A panic while holding the lock cannot leave the map half-changed.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryStore")
            .field("entries", &self.entries().len())
            .finish()
    }
}

impl CredentialStoreApi for MemoryStore {
    fn vendor(&self) -> String {
        "Keyturn in-memory store (nothing is persisted)".into()
    }

    fn id(&self) -> String {
        format!("keyturn-memory-{:p}", self)
    }

    fn build(
        &self,
        service: &str,
        user: &str,
        _modifiers: Option<&HashMap<&str, &str>>,
    ) -> Result<Entry> {
        let key = (service.to_owned(), user.to_owned());
        let secret = self.entries().entry(key.clone()).or_default().clone();
        Ok(Entry::new_with_credential(Arc::new(MemoryCredential {
            service: key.0,
            user: key.1,
            secret,
        })))
    }

    fn search(&self, spec: &HashMap<&str, &str>) -> Result<Vec<Entry>> {
        let wanted = |name: &str, value: &str| spec.get(name).is_none_or(|w| *w == value);
        let entries = self.entries();
        Ok(entries
            .iter()
            .filter(|((service, user), secret)| {
                wanted("service", service) && wanted("user", user) && lock(secret).is_some()
            })
            .map(|((service, user), secret)| {
                Entry::new_with_credential(Arc::new(MemoryCredential {
                    service: service.clone(),
                    user: user.clone(),
                    secret: secret.clone(),
                }))
            })
            .collect())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn persistence(&self) -> CredentialPersistence {
        CredentialPersistence::ProcessOnly
    }
}

fn lock(secret: &Secret) -> MutexGuard<'_, Option<Zeroizing<Vec<u8>>>> {
    secret.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One entry; `Debug` shows its name, never its secret.
struct MemoryCredential {
    service: String,
    user: String,
    secret: Secret,
}

impl fmt::Debug for MemoryCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryCredential")
            .field("service", &self.service)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl CredentialApi for MemoryCredential {
    fn set_secret(&self, secret: &[u8]) -> Result<()> {
        *lock(&self.secret) = Some(Zeroizing::new(secret.to_vec()));
        Ok(())
    }

    fn get_secret(&self) -> Result<Vec<u8>> {
        lock(&self.secret)
            .as_ref()
            .map(|s| s.to_vec())
            .ok_or(Error::NoEntry)
    }

    fn delete_credential(&self) -> Result<()> {
        match lock(&self.secret).take() {
            Some(_) => Ok(()),
            None => Err(Error::NoEntry),
        }
    }

    fn get_credential(&self) -> Result<Option<Arc<Credential>>> {
        match lock(&self.secret).as_ref() {
            Some(_) => Ok(None),
            None => Err(Error::NoEntry),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_replaces_and_deletes_secrets_per_service_and_user() {
        let store = MemoryStore::new_store();
        let label = HashMap::from([("label", "Keyturn: a label")]);
        let a = store.build("keyturn", "profile:a", Some(&label)).unwrap();
        let b = store.build("keyturn", "profile:b", None).unwrap();
        assert!(matches!(a.get_password(), Err(Error::NoEntry)));
        a.set_password("first").unwrap();
        b.set_password("other").unwrap();
        // A new entry for the same name sees the same secret.
        let again = store.build("keyturn", "profile:a", None).unwrap();
        assert_eq!(again.get_password().unwrap(), "first");
        again.set_password("second").unwrap();
        assert_eq!(a.get_password().unwrap(), "second");
        assert_eq!(b.get_password().unwrap(), "other");
        let found = store
            .search(&HashMap::from([("service", "keyturn")]))
            .unwrap();
        assert_eq!(found.len(), 2);
        a.delete_credential().unwrap();
        assert!(matches!(again.get_password(), Err(Error::NoEntry)));
        assert!(matches!(a.delete_credential(), Err(Error::NoEntry)));
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let store = MemoryStore::new_store();
        let entry = store.build("keyturn", "profile:a", None).unwrap();
        entry.set_password("hunter2-memory").unwrap();
        let shown = format!("{store:?} {entry:?}");
        assert!(shown.contains("profile:a"), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
    }
}
