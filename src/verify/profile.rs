//! The one verification of a stored profile's key, which the command line
//! (`keyturn profile verify`) and the desktop app's jobs both call: it
//! reads the key, sends the provider's cheapest read-only call once, reads
//! the answer, and records what it found on the profile — the fact (never
//! words), when, and the Huawei Cloud project ids of regions the profile
//! did not know yet.
//!
//! Keyring and index calls block, so each runs with `spawn_blocking`; the
//! caller's thread never waits on one.

use std::collections::BTreeMap;

use super::{Verified, build, read};
use crate::clock::Clock;
use crate::endpoint::{Endpoint, EndpointError};
use crate::request::fresh_nonce;
use crate::transport::Transport;
use crate::vault::{ProfileEdit, Vault, VaultError};

/// What a verification of a profile did.
#[derive(Debug, Clone)]
pub struct Checked {
    pub profile: String,
    pub verified: Verified,
    /// Regions whose project id was learnt and saved on the profile.
    pub project_ids_saved: Vec<String>,
    /// Whether the result could be recorded on the profile (a courtesy:
    /// the result stands either way).
    pub recorded: bool,
}

/// Why a verification could not be made; nothing was sent.
#[derive(Debug)]
pub enum VerifyError {
    /// The profile or its key could not be read.
    Vault(VaultError),
    /// The endpoint to send to cannot be used.
    Endpoint(EndpointError),
    /// A background task failed.
    Task(String),
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::Vault(e) => e.fmt(f),
            VerifyError::Endpoint(e) => e.fmt(f),
            VerifyError::Task(detail) => {
                f.write_str(&crate::tr!("rotation-task", detail = detail.as_str()))
            }
        }
    }
}

impl std::error::Error for VerifyError {}

impl From<VaultError> for VerifyError {
    fn from(e: VaultError) -> Self {
        VerifyError::Vault(e)
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, VerifyError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| VerifyError::Task(e.to_string()))
}

/// Verifies profile `name`'s key, at `endpoint` if given (else the
/// profile's, else the provider's), and records what was found.
pub async fn verify_profile(
    vault: &Vault,
    name: &str,
    endpoint: Option<&str>,
    transport: &Transport,
    clock: &Clock,
) -> Result<Checked, VerifyError> {
    let (profile, credentials) = {
        let (vault, name) = (vault.clone(), name.to_owned());
        blocking(move || vault.credentials(&name)).await??
    };
    let endpoint = endpoint
        .or(profile.endpoint.as_deref())
        .map(Endpoint::parse_override)
        .transpose()
        .map_err(VerifyError::Endpoint)?;
    let request = build(
        profile.provider,
        &credentials,
        endpoint.as_ref(),
        profile.region.as_deref(),
        clock(),
        &fresh_nonce(),
    );
    drop(credentials);
    let verified = match transport.send(&request).await {
        Ok(response) => read(profile.provider, &response, clock()),
        Err(e) => Verified {
            outcome: crate::outcome::from_send_error(&e),
            identity: None,
            project_ids: BTreeMap::new(),
        },
    };
    drop(request);

    // Huawei's answer lists each region's project id: the ones the profile
    // does not know yet are kept.
    let learnt: Vec<(String, String)> = verified
        .project_ids
        .iter()
        .filter(|(region, _)| !profile.project_ids.contains_key(*region))
        .map(|(region, id)| (region.clone(), id.clone()))
        .collect();
    let (fact, now) = (verified.fact(), clock());
    let (vault, name) = (vault.clone(), profile.name.clone());
    let (recorded, saved) = blocking(move || {
        let recorded = vault.touch_profile(&name, now, Some(fact));
        let mut saved = Vec::new();
        for (region, id) in learnt {
            let edit = ProfileEdit {
                project_id: Some((region.clone(), id)),
                ..ProfileEdit::default()
            };
            match vault.edit_profile(&name, edit, None) {
                Ok(_) => saved.push(region),
                Err(e) => tracing::warn!(error = %e, "a project id could not be saved"),
            }
        }
        (recorded, saved)
    })
    .await?;
    if let Err(e) = &recorded {
        tracing::warn!(error = %e, "the verification could not be recorded");
    }
    Ok(Checked {
        profile: profile.name,
        verified,
        project_ids_saved: saved,
        recorded: recorded.is_ok(),
    })
}
