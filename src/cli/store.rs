//! `keyturn store …`: where profiles and passwords are kept (this
//! computer's keyring, or a team store on OpenBao / HashiCorp Vault), the
//! team store's token, and copying everything from one to the other.

use std::path::PathBuf;

use keyturn::tr;
use keyturn::vault::team::{Direction, StoreChoice, VaultSettings, migrate};
use keyturn::vault::{Paths, VaultError};

use super::output::outln;
use super::{CliError, Exit};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Say where profiles and passwords are kept.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Keep profiles and passwords in this computer's keyring, or in a team store.
    #[command(subcommand)]
    Use(UseCommand),
    /// Keep the team store's token (read from stdin) in this computer's keyring.
    Login {
        /// The server (default: the team store in use, then VAULT_ADDR).
        #[arg(long)]
        addr: Option<String>,
    },
    /// Copy profiles and passwords between this computer's keyring and the team store set up with `store use vault`, and check each copy.
    Migrate {
        /// Where to: vault (from the keyring) or keyring (from the team store).
        #[arg(long, value_parser = parse_direction)]
        to: Direction,
        /// Remove the originals once every copy has been read back.
        #[arg(long)]
        remove_source: bool,
    },
}

fn parse_direction(text: &str) -> Result<Direction, String> {
    match text {
        "vault" => Ok(Direction::ToTeam),
        "keyring" => Ok(Direction::ToKeyring),
        _ => Err(tr!("store-unknown-direction", value = format!("{text:?}"))),
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum UseCommand {
    /// This computer's OS keyring (the default).
    Keyring,
    /// A KV version 2 mount of an OpenBao or HashiCorp Vault server.
    Vault {
        /// The server, e.g. https://vault.example:8200 (default: VAULT_ADDR).
        #[arg(long)]
        addr: Option<String>,
        /// The KV version 2 mount.
        #[arg(long, default_value = "secret")]
        mount: String,
        /// The folder of Keyturn's entries in the mount.
        #[arg(long, default_value = "keyturn")]
        prefix: String,
        /// The namespace (default: VAULT_NAMESPACE).
        #[arg(long)]
        namespace: Option<String>,
        /// A PEM file of the server's CA (default: VAULT_CACERT).
        #[arg(long)]
        ca_cert: Option<PathBuf>,
    },
}

fn team_error(e: keyturn::vault::team::TeamError) -> CliError {
    CliError::Vault(VaultError::Team(e))
}

/// An environment variable's value, if set and not empty.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

pub fn run(command: Command) -> Result<Exit, CliError> {
    let paths = Paths::from_env()?;
    match command {
        Command::Show { json } => {
            let choice = StoreChoice::load(&paths).map_err(team_error)?;
            if json {
                super::output::print_json(&choice)?;
            } else {
                outln!("{}", tr!("store-in-use", store = choice.describe()));
            }
        }
        Command::Use(UseCommand::Keyring) => {
            let choice = StoreChoice::Keyring;
            choice.save(&paths).map_err(team_error)?;
            outln!("{}", tr!("store-saved", store = choice.describe()));
        }
        Command::Use(UseCommand::Vault {
            addr,
            mount,
            prefix,
            namespace,
            ca_cert,
        }) => {
            let addr = addr
                .or_else(|| env("VAULT_ADDR"))
                .ok_or_else(|| CliError::Usage(tr!("store-no-addr")))?;
            let settings = VaultSettings {
                addr,
                mount,
                prefix,
                namespace: namespace.or_else(|| env("VAULT_NAMESPACE")),
                ca_cert: ca_cert.or_else(|| env("VAULT_CACERT").map(PathBuf::from)),
            };
            settings.check().map_err(team_error)?;
            let choice = StoreChoice::Vault(settings);
            choice.save(&paths).map_err(team_error)?;
            outln!("{}", tr!("store-saved", store = choice.describe()));
        }
        Command::Login { addr } => {
            let addr = match (addr, StoreChoice::load(&paths).map_err(team_error)?) {
                (Some(addr), _) => addr,
                (None, StoreChoice::Vault(settings)) => settings.addr,
                (None, StoreChoice::Keyring) => {
                    env("VAULT_ADDR").ok_or_else(|| CliError::Usage(tr!("store-no-addr")))?
                }
            };
            let token = super::input::password_from_stdin("Token: ")?;
            if secrecy::ExposeSecret::expose_secret(&token).is_empty() {
                return Err(CliError::Usage(tr!("store-token-empty")));
            }
            let entry = keyturn::vault::team::token_entry(&addr);
            keyturn::vault::secrets::platform_set(
                &entry,
                &format!("Keyturn: team store token for {addr}"),
                &token,
            )?;
            outln!("{}", tr!("store-token-saved", addr = addr.as_str()));
        }
        Command::Migrate { to, remove_source } => {
            let StoreChoice::Vault(settings) = StoreChoice::load(&paths).map_err(team_error)?
            else {
                return Err(CliError::Usage(tr!("store-no-team-store")));
            };
            // This computer's open changes stay where they were staged.
            let journal = keyturn::journal::Journal::new(&paths.data_dir);
            let open = journal
                .read()
                .map_err(|e| CliError::Failure(e.to_string()))?
                .open_attempts();
            if !open.is_empty() {
                return Err(CliError::Usage(tr!(
                    "store-migrate-open-attempts",
                    count = open.len()
                )));
            }
            let vault = keyturn::vault::Vault::new(paths);
            let migrated = migrate(&vault, &settings, to, remove_source)?;
            let team = StoreChoice::Vault(settings).describe();
            let keyring = StoreChoice::Keyring.describe();
            let (store, source) = match to {
                Direction::ToTeam => (team, keyring),
                Direction::ToKeyring => (keyring, team),
            };
            for what in migrated.profiles.iter().chain(&migrated.resources) {
                outln!("{}", tr!("store-migrated", what = what.to_string()));
            }
            outln!(
                "{}",
                tr!(
                    "store-migrate-done",
                    profiles = migrated.profiles.len(),
                    resources = migrated.resources.len(),
                    store = store,
                    source = source,
                    removed = if migrated.removed { "true" } else { "false" }
                )
            );
        }
    }
    Ok(Exit::Success)
}
