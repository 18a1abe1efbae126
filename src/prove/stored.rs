//! Testing a password Keyturn keeps: what a login needs, read from the
//! vault (the slot's password from the keyring, the connection details
//! from the index), and the result recorded back in the index.
//!
//! Split in three so that a front end runs the keyring calls where it
//! runs them (the command line in line, the app's jobs on a blocking
//! thread) and the login on its runtime: [`Stored::read`], [`prove`]
//! with [`Stored::attempt`], then [`Stored::record`].

use std::time::Duration;

use secrecy::SecretString;
use time::OffsetDateTime;

use super::{Attempt, prove};
use crate::catalog::Operation;
use crate::vault::{Connection, Proof, ResourceKey, Slot, Vault, VaultError};

/// A stored password and where to try it.
#[derive(Debug)]
pub struct Stored {
    pub op: &'static Operation,
    pub key: ResourceKey,
    pub slot: Slot,
    pub connection: Option<Connection>,
    password: Option<SecretString>,
    /// When the index says the slot was set, as read with the password.
    set_at: Option<OffsetDateTime>,
}

impl Stored {
    /// Reads the slot's password and the resource's connection details.
    pub fn read(vault: &Vault, key: &ResourceKey, slot: Slot) -> Result<Stored, VaultError> {
        let op = key
            .operation()
            .ok_or_else(|| VaultError::NoResource(key.to_string()))?;
        let index = vault.local_index()?;
        let record = index.resource(&key.to_string());
        let connection = record.and_then(|r| r.connection.clone());
        let set_at = record
            .and_then(|r| r.slots.get(slot.key()))
            .map(|info| info.set_at);
        let password = vault.slots(key)?.get(slot).cloned();
        Ok(Stored {
            op,
            key: key.clone(),
            slot,
            connection,
            password,
            set_at,
        })
    }

    /// Whether the slot holds a password to test.
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// The one login to make.
    pub fn attempt(&self, timeout: Duration) -> Attempt<'_> {
        Attempt {
            op: self.op,
            key: &self.key,
            connection: self.connection.as_ref(),
            password: self.password.as_ref(),
            timeout,
        }
    }

    /// Runs the login on the current runtime.
    pub async fn prove(&self, timeout: Duration) -> Proof {
        prove(self.attempt(timeout)).await
    }

    /// Records what the login found in the index, with its time. A test
    /// that could not be tried at all records nothing.
    pub fn record(
        &self,
        vault: &Vault,
        proof: &Proof,
        at: OffsetDateTime,
    ) -> Result<(), VaultError> {
        if matches!(proof, Proof::NotAvailable { .. }) {
            return Ok(());
        }
        vault.record_proof(&self.key, self.slot, self.set_at, proof, at)
    }
}
