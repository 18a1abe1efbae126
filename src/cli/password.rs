//! `keyturn password …`: look up resource passwords kept in the keyring.

use secrecy::ExposeSecret;

use keyturn::vault::{ResourceKey, Slot};

use keyturn::tr;

use super::output::outln;
use super::{CliError, Exit};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the resources with stored passwords, and which slots each has.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print a stored password (current unless --slot says otherwise).
    Show {
        /// A resource key as `keyturn password list` prints it.
        resource: String,
        /// current, previous or pending.
        #[arg(long, default_value = "current", value_parser = parse_slot)]
        slot: Slot,
    },
}

fn parse_slot(text: &str) -> Result<Slot, String> {
    Slot::parse(text).ok_or_else(|| tr!("password-unknown-slot", name = format!("{text:?}")))
}

pub fn run(command: Command) -> Result<Exit, CliError> {
    let vault = super::open::vault()?;
    match command {
        Command::List { json } => {
            let index = vault.local_index()?;
            if json {
                super::output::print_json(&index.resources)?;
            } else if index.resources.is_empty() {
                outln!("{}", tr!("password-none"));
            } else {
                for r in &index.resources {
                    let slots: Vec<String> = r
                        .slots
                        .iter()
                        .map(|(slot, info)| {
                            tr!(
                                "password-slot-set",
                                slot = slot.to_string(),
                                time = keyturn::time_format::utc(&info.set_at)
                            )
                        })
                        .collect();
                    let what = ResourceKey::parse(&r.key)
                        .map(|k| k.describe())
                        .unwrap_or_default();
                    outln!(
                        "{}\n  {what}\n  {}",
                        r.key,
                        slots.join(&tr!("list-separator"))
                    );
                }
            }
            Ok(Exit::Success)
        }
        Command::Show { resource, slot } => {
            let key = ResourceKey::parse(&resource).ok_or_else(|| {
                CliError::Usage(tr!("password-not-a-key", text = format!("{resource:?}")))
            })?;
            let password = vault.password(&key, slot)?;
            super::output::raw(format!("{}\n", password.expose_secret()).as_bytes());
            Ok(Exit::Success)
        }
    }
}
