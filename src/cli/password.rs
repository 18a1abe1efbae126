//! `keyturn password …`: look up resource passwords kept in the keyring.

use secrecy::ExposeSecret;

use keyturn::vault::{ResourceKey, Slot};

use keyturn::tr;

use super::output::outln;
use super::password_test::{self, ConnectArgs};
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
    /// Prove a stored password with one login to the service itself
    /// (Redis AUTH + PING, a MySQL or PostgreSQL login + SELECT 1); the
    /// result and its time are kept with the resource.
    Test {
        /// A resource key as `keyturn password list` prints it.
        resource: String,
        /// current, previous or pending.
        #[arg(long, default_value = "current", value_parser = parse_slot)]
        slot: Slot,
        #[command(flatten)]
        connect: ConnectArgs,
        /// Give up waiting for the service after this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 10)]
        timeout: u64,
        #[arg(long)]
        json: bool,
    },
    /// Keep (or --forget) where a resource's service listens, for `password test`.
    #[command(group(clap::ArgGroup::new("where").required(true).args(["connect", "forget"])))]
    Connect {
        /// A resource key as `keyturn password list` prints it.
        resource: String,
        #[command(flatten)]
        connect: ConnectArgs,
        /// Forget the connection details kept.
        #[arg(long, conflicts_with = "connect")]
        forget: bool,
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
                    if let Some(c) = &r.connection {
                        outln!(
                            "  {}",
                            tr!(
                                "password-connection",
                                address = keyturn::shown::shown(&c.address_text()),
                                tls = if c.tls { "yes" } else { "no" }
                            )
                        );
                    }
                    for (slot, record) in &r.proven {
                        outln!("  {slot}: {}", keyturn::words::proven(record));
                    }
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
        Command::Test {
            resource,
            slot,
            connect,
            timeout,
            json,
        } => password_test::run(&vault, &resource, slot, &connect, timeout, json),
        Command::Connect {
            resource,
            connect,
            forget,
        } => password_test::connect(&vault, &resource, &connect, forget),
    }
}
