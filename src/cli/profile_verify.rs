//! `keyturn profile verify NAME`: prove a stored key works.

use std::time::Duration;

use time::OffsetDateTime;

use keyturn::endpoint::Endpoint;
use keyturn::outcome::Status;
use keyturn::vault::{ProfileEdit, Vault};
use keyturn::{request, verify};

use keyturn::tr;
use keyturn::words;

use super::output::outln;
use super::{CliError, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {
    name: String,
    /// Check against this endpoint instead of the provider's (https://, or http:// to loopback).
    #[arg(long)]
    endpoint: Option<String>,
    /// Give up waiting for an answer after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 15)]
    timeout: u64,
    #[arg(long)]
    json: bool,
}

pub fn run(vault: &Vault, args: Args) -> Result<Exit, CliError> {
    let (profile, credentials) = vault.credentials(&args.name)?;
    let endpoint = args
        .endpoint
        .as_deref()
        .or(profile.endpoint.as_deref())
        .map(Endpoint::parse_override)
        .transpose()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let request = verify::build(
        profile.provider,
        &credentials,
        endpoint.as_ref(),
        profile.region.as_deref(),
        OffsetDateTime::now_utc(),
        &request::fresh_nonce(),
    );
    let (transport, runtime) = super::open::network(Duration::from_secs(args.timeout.max(1)))?;
    let verified = match runtime.block_on(transport.send(&request)) {
        Ok(response) => verify::read(profile.provider, &response, OffsetDateTime::now_utc()),
        Err(e) => verify::Verified {
            outcome: keyturn::outcome::from_send_error(&e),
            identity: None,
            project_ids: Default::default(),
        },
    };
    let summary = verified.summary();
    vault.touch_profile(
        &profile.name,
        OffsetDateTime::now_utc(),
        Some(summary.clone()),
    )?;
    // Huawei's answer lists each region's project id: keep the ones not yet known.
    for (region, id) in &verified.project_ids {
        if !profile.project_ids.contains_key(region) {
            let edit = ProfileEdit {
                project_id: Some((region.clone(), id.clone())),
                ..ProfileEdit::default()
            };
            vault.edit_profile(&profile.name, edit, None)?;
        }
    }
    if args.json {
        super::output::print_json(&serde_json::json!({
            "profile": profile.name,
            "works": verified.outcome.status == Status::Succeeded,
            "summary": summary,
            "identity": verified.identity,
            "project_ids": verified.project_ids,
            "outcome": verified.outcome,
        }))?;
    } else {
        outln!(
            "{}",
            tr!(
                "profile-verified",
                name = profile.name.as_str(),
                summary = words::verify_summary(&verified)
            )
        );
        if verified.outcome.status != Status::Succeeded {
            outln!("{}", verified.outcome);
        }
        if !verified.project_ids.is_empty() {
            outln!(
                "{}",
                tr!(
                    "profile-project-ids-found",
                    count = verified.project_ids.len()
                )
            );
        }
    }
    Ok(match verified.outcome.status {
        Status::Succeeded => Exit::Success,
        Status::NotSent | Status::Unknown => Exit::Failure,
        _ => Exit::Rejected,
    })
}
