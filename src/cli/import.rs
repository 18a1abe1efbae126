//! `keyturn import FILE`: an access key CSV file from a cloud console,
//! into a profile.

use std::path::PathBuf;

use time::OffsetDateTime;

use keyturn::catalog::Provider;
use keyturn::shown::shown;
use keyturn::vault::import::ImportError;
use keyturn::vault::{import, new_profile};

use super::output::outln;
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
    let file = args.file.display().to_string();
    let file = shown(&file);
    let bytes = import::read(&args.file)
        .map_err(|e| CliError::Usage(format!("cannot read {file}: {e}")))?;
    let key = import::parse(&bytes, args.provider).map_err(|e| {
        let remedy = match e {
            ImportError::UnknownColumns(_) | ImportError::UnknownProvider => {
                " (--provider names it)"
            }
            _ => "",
        };
        CliError::Usage(format!("{file}: {e}{remedy}; nothing was stored"))
    })?;
    let name = args.name.unwrap_or_else(|| import::default_name(&key));
    outln!(
        "found a {} access key {}{}",
        key.provider.name(),
        shown(&key.key_id),
        key.user
            .as_ref()
            .map(|u| format!(" of user {}", shown(u)))
            .unwrap_or_default()
    );
    let mut profile = new_profile(&name, key.provider, &key.key_id, OffsetDateTime::now_utc());
    profile.region = args.region;
    profile.notes = key.user.as_ref().map(|u| format!("console user {u}"));
    super::store::vault()?.add_profile(profile, &key.secret)?;
    outln!("stored it as profile {name:?}; the secret is in the keyring");
    outln!("the file still holds the secret in plain text: delete it (e.g. `shred -u {file}`)");
    Ok(Exit::Success)
}
