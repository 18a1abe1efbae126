//! Where a command finds what it works with: the user's vault (in the store
//! its settings name: the OS keyring or the team store) and rotation
//! store (in the folders the environment names), and a transport with a
//! small runtime for the commands that call a provider.

use std::sync::Arc;
use std::time::Duration;

use keyturn::rotation::Rotation;
use keyturn::transport::{Transport, TransportConfig};
use keyturn::vault::{Paths, Vault, VaultError};

use super::CliError;

/// The user's profiles and stored passwords, in the store its settings
/// name (from now on, for every keyring call of this process).
pub fn vault() -> Result<Vault, CliError> {
    let paths = Paths::from_env()?;
    keyturn::vault::team::activate(&paths).map_err(|e| CliError::Vault(VaultError::Team(e)))?;
    Ok(Vault::new(paths))
}

/// The rotation store of this user: the vault and the journal.
pub fn rotation() -> Result<Arc<Rotation>, CliError> {
    Ok(Rotation::new(vault()?))
}

/// A transport with this total timeout, and a runtime to drive it on: the
/// command line makes one call at a time.
pub fn network(timeout: Duration) -> Result<(Transport, tokio::runtime::Runtime), CliError> {
    let transport = Transport::new(TransportConfig {
        total_timeout: timeout,
        ..TransportConfig::default()
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failure(e.to_string()))?;
    Ok((transport, runtime))
}
