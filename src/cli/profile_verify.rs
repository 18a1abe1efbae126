//! `keyturn profile verify NAME`: prove a stored key works.

use std::time::Duration;

use keyturn::clock::system_clock;
use keyturn::outcome::Status;
use keyturn::vault::Vault;
use keyturn::verify::{self, VerifyError};

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
    let (transport, runtime) = super::open::network(Duration::from_secs(args.timeout.max(1)))?;
    let clock = system_clock();
    let checked = runtime
        .block_on(verify::verify_profile(
            vault,
            &args.name,
            args.endpoint.as_deref(),
            &transport,
            &clock,
        ))
        .map_err(|e| match e {
            VerifyError::Vault(e) => CliError::Vault(e),
            VerifyError::Endpoint(e) => CliError::Usage(e.to_string()),
            VerifyError::Task(detail) => CliError::Failure(detail),
        })?;
    let verified = &checked.verified;
    let found = verified.fact();
    if args.json {
        super::output::print_json(&serde_json::json!({
            "profile": checked.profile,
            "works": found.works(),
            "found": found,
            "identity": verified.identity,
            "project_ids": verified.project_ids,
            "project_ids_saved": checked.project_ids_saved,
            "outcome": words::outcome_json(&verified.outcome),
        }))?;
    } else {
        outln!(
            "{}",
            tr!(
                "profile-verified",
                name = checked.profile.as_str(),
                summary = words::verification(&found)
            )
        );
        if verified.outcome.status != Status::Succeeded {
            outln!("{}", words::outcome(&verified.outcome, None));
        }
        if !checked.project_ids_saved.is_empty() {
            outln!(
                "{}",
                tr!(
                    "profile-project-ids-found",
                    count = checked.project_ids_saved.len()
                )
            );
        }
        if !checked.recorded {
            super::output::errln!(
                "{}",
                tr!("warning-line", message = tr!("profile-verify-not-recorded"))
            );
        }
    }
    Ok(match verified.outcome.status {
        Status::Succeeded => Exit::Success,
        Status::NotSent | Status::Unknown => Exit::Failure,
        _ => Exit::Rejected,
    })
}
