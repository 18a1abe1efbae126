//! `keyturn password test RESOURCE [--slot S]` and `keyturn password
//! connect RESOURCE --connect HOST:PORT …`: keep where a resource's service
//! listens, and prove a stored password with one login there
//! (`keyturn::prove`). Also the one test that `recover --test` and
//! `request --send --test` make.

use std::path::PathBuf;
use std::time::Duration;

use time::OffsetDateTime;

use keyturn::prove::stored::Stored;
use keyturn::shown::shown;
use keyturn::time_format::utc;
use keyturn::tr;
use keyturn::vault::{Connection, Database, Proof, ResourceKey, Slot, Vault};
use keyturn::words;

use super::output::outln;
use super::{CliError, Exit};

/// Where the service listens, as the command line gives it.
#[derive(Debug, Clone, clap::Args)]
pub struct ConnectArgs {
    /// Where the service itself listens (not the cloud's API), kept with the resource.
    #[arg(long, value_name = "HOST:PORT")]
    pub connect: Option<String>,
    /// The account to log in as: a Redis ACL user, or another database account than the resource's.
    #[arg(long, requires = "connect")]
    pub user: Option<String>,
    /// Log in over TLS (never falling back to plain).
    #[arg(long, requires = "connect")]
    pub tls: bool,
    /// A PEM file of CA certificates to trust instead of the system's.
    #[arg(long, value_name = "FILE", requires = "connect")]
    pub ca_cert: Option<PathBuf>,
    /// For a DTS job's account: mysql or postgresql.
    #[arg(long, value_name = "KIND", requires = "connect", value_parser = parse_database)]
    pub database: Option<Database>,
}

fn parse_database(text: &str) -> Result<Database, String> {
    Database::parse(text).ok_or_else(|| tr!("password-bad-database", text = format!("{text:?}")))
}

impl ConnectArgs {
    /// The connection given, if any; a CA file's path made absolute, so the
    /// record works from any folder.
    fn connection(&self) -> Result<Option<Connection>, CliError> {
        let Some(text) = &self.connect else {
            return Ok(None);
        };
        let (host, port) = Connection::address(text).ok_or_else(|| {
            CliError::Usage(tr!("password-bad-address", text = format!("{text:?}")))
        })?;
        let ca_cert = self
            .ca_cert
            .as_ref()
            .map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()));
        Ok(Some(Connection {
            host,
            port,
            user: self.user.clone().filter(|u| !u.is_empty()),
            tls: self.tls || ca_cert.is_some(),
            ca_cert,
            database: self.database,
        }))
    }
}

/// Parses a resource key as `password list` prints it.
pub fn resource(text: &str) -> Result<ResourceKey, CliError> {
    ResourceKey::parse(text)
        .ok_or_else(|| CliError::Usage(tr!("password-not-a-key", text = format!("{text:?}"))))
}

/// Keeps the connection given (if any), saying so.
pub fn keep_connection(
    vault: &Vault,
    key: &ResourceKey,
    args: &ConnectArgs,
    json: bool,
) -> Result<(), CliError> {
    if let Some(connection) = args.connection()? {
        vault.set_connection(key, Some(connection.clone()))?;
        if !json {
            outln!(
                "{}",
                tr!(
                    "password-connection-kept",
                    key = shown(&key.to_string()),
                    address = shown(&connection.address_text()),
                    tls = if connection.tls { "yes" } else { "no" }
                )
            );
        }
    }
    Ok(())
}

/// `password connect`: keeps or forgets the connection details.
pub fn connect(
    vault: &Vault,
    resource: &str,
    args: &ConnectArgs,
    forget: bool,
) -> Result<Exit, CliError> {
    let key = self::resource(resource)?;
    if forget {
        vault.set_connection(&key, None)?;
        outln!(
            "{}",
            tr!(
                "password-connection-forgotten",
                key = shown(&key.to_string())
            )
        );
        return Ok(Exit::Success);
    }
    keep_connection(vault, &key, args, false)?;
    Ok(Exit::Success)
}

/// A runtime for one login: the command line makes one at a time.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failure(e.to_string()))
}

/// One login with a slot's password, recorded in the index.
pub fn test_slot(
    vault: &Vault,
    key: &ResourceKey,
    slot: Slot,
    runtime: &tokio::runtime::Runtime,
    timeout: Duration,
) -> Result<(Proof, OffsetDateTime), CliError> {
    let stored = Stored::read(vault, key, slot)?;
    let proof = runtime.block_on(stored.prove(timeout));
    let at = OffsetDateTime::now_utc();
    stored.record(vault, &proof, at)?;
    Ok((proof, at))
}

/// The exit code of a test: 0 proven, 3 refused by the service, 2 not
/// tried, 1 anything else (unreached, TLS, unreadable, no password needed).
pub fn exit_of(proof: &Proof) -> Exit {
    match proof {
        Proof::Opened => Exit::Success,
        Proof::WrongPassword { .. } | Proof::Refused { .. } => Exit::Rejected,
        Proof::NotAvailable { .. } => Exit::BadInput,
        _ => Exit::Failure,
    }
}

/// The result's line, and what to do after it.
pub fn print(key: &ResourceKey, slot: Slot, proof: &Proof, at: OffsetDateTime) {
    outln!(
        "{}",
        tr!(
            "password-test-result",
            slot = slot.key(),
            key = shown(&key.to_string()),
            found = words::proof(proof)
        )
    );
    match proof {
        Proof::Opened => outln!("{}", tr!("prove-proven-at", time = utc(&at))),
        Proof::WrongPassword { .. } => outln!("{}", tr!("password-test-wrong-hint")),
        Proof::CouldNotReach { .. } | Proof::TlsMismatch { .. } => {
            outln!("{}", tr!("password-test-unreached-hint"))
        }
        _ => {}
    }
}

/// "proven 2026-12-06 10:04" for a login that opened.
pub fn proven_words(proof: &Proof, at: OffsetDateTime) -> String {
    words::proven(&keyturn::vault::ProofRecord {
        at,
        proof: proof.clone(),
    })
}

/// The result for `--json`: the fact as stored, the same in every language.
pub fn json(key: &ResourceKey, slot: Slot, proof: &Proof, at: OffsetDateTime) -> serde_json::Value {
    serde_json::json!({
        "resource": key.to_string(),
        "slot": slot.key(),
        "proven": proof.opened(),
        "result": proof,
        "at": at.format(&time::format_description::well_known::Rfc3339).ok(),
    })
}

/// `password test`.
pub fn run(
    vault: &Vault,
    resource: &str,
    slot: Slot,
    args: &ConnectArgs,
    timeout: u64,
    json_out: bool,
) -> Result<Exit, CliError> {
    let key = self::resource(resource)?;
    keep_connection(vault, &key, args, json_out)?;
    let runtime = runtime()?;
    let (proof, at) = test_slot(
        vault,
        &key,
        slot,
        &runtime,
        Duration::from_secs(timeout.max(1)),
    )?;
    if json_out {
        super::output::print_json(&json(&key, slot, &proof, at))?;
    } else {
        print(&key, slot, &proof, at);
    }
    Ok(exit_of(&proof))
}
