//! `keyturn import FILE`: an access key CSV file from a cloud console,
//! into a profile.

use std::path::PathBuf;

use time::OffsetDateTime;

use keyturn::catalog::Provider;
use keyturn::shown::shown;
use keyturn::vault::import::ImportError;
use keyturn::vault::{import, new_profile, team};

use keyturn::tr;
use keyturn::words;

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
    let bytes = import::read(&args.file).map_err(|e| {
        CliError::Usage(tr!(
            "import-cannot-read",
            file = file.to_string(),
            error = e.to_string()
        ))
    })?;
    let key = import::parse(&bytes, args.provider).map_err(|e| {
        let id = match e {
            ImportError::UnknownColumns(_) | ImportError::UnknownProvider => {
                "import-refused-name-provider"
            }
            _ => "import-refused",
        };
        CliError::Usage(tr!(id, file = file.to_string(), error = e.to_string()))
    })?;
    let name = args.name.unwrap_or_else(|| import::default_name(&key));
    let provider = words::provider(key.provider);
    let found = match &key.user {
        Some(user) => tr!(
            "import-found-user",
            provider = provider,
            key = shown(&key.key_id),
            user = shown(user)
        ),
        None => tr!(
            "import-found",
            provider = provider,
            key = shown(&key.key_id)
        ),
    };
    outln!("{found}");
    let mut profile = new_profile(&name, key.provider, &key.key_id, OffsetDateTime::now_utc());
    profile.region = args.region;
    // Stored in the index: the same words in every language.
    profile.notes = key.user.as_ref().map(|u| format!("console user {u}"));
    super::open::vault()?.add_profile(profile, &key.secret)?;
    outln!(
        "{}",
        tr!(
            "import-stored",
            name = format!("{name:?}"),
            store = team::selector()
        )
    );
    outln!("{}", tr!("import-delete-file", file = file.to_string()));
    Ok(Exit::Success)
}
