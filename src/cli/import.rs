//! `keyturn import FILE`: an access key CSV file from a cloud console,
//! into a profile.

use std::path::PathBuf;

use time::OffsetDateTime;

use keyturn::catalog::Provider;
use keyturn::vault::{import, new_profile};

use super::{CliError, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {
    file: PathBuf,
    /// Which cloud the key belongs to, when the file does not say.
    #[arg(long, value_parser = super::profile::parse_provider)]
    provider: Option<Provider>,
    /// Profile name (default: the provider and the console user, or the key id).
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    region: Option<String>,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", args.file.display())))?;
    let key = import::parse(&bytes, args.provider).map_err(|e| {
        CliError::Usage(format!("{}: {e}; nothing was stored", args.file.display()))
    })?;
    let name = args.name.unwrap_or_else(|| import::default_name(&key));
    println!(
        "found a {} access key {}{}",
        key.provider.name(),
        key.key_id,
        key.user
            .as_ref()
            .map(|u| format!(" of user {u}"))
            .unwrap_or_default()
    );
    let mut profile = new_profile(&name, key.provider, &key.key_id, OffsetDateTime::now_utc());
    profile.region = args.region;
    profile.notes = key.user.as_ref().map(|u| format!("console user {u}"));
    super::profile::vault()?.add_profile(profile, &key.secret)?;
    println!("stored it as profile {name:?}; the secret is in the keyring");
    println!(
        "the file still holds the secret in plain text: delete it (e.g. `shred -u {}`)",
        args.file.display()
    );
    Ok(Exit::Success)
}
