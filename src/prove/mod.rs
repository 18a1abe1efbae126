//! Proving a stored password: one login to the service itself (not the
//! cloud's API), as AWS rotation's `testSecret` does.
//!
//! The operation's catalogue entry says which login (`catalog::Login`):
//! Redis `AUTH` + `PING`, a MySQL or PostgreSQL login + `SELECT 1`, or none
//! and why. The resource's connection details (`vault::Connection`) say
//! where. [`prove`] makes exactly one attempt, never a loop: a wrong
//! password must not add to any lock, so nothing here retries. A time-out
//! is "could not reach", never "wrong"; TLS never falls back to plain. The
//! result is a fact (`vault::Proof`) that the front ends word and the index
//! records per slot.
//!
//! The emulator uses the same sessions to apply a change to a real server
//! (`emulator::backing`), so they are `pub(crate)`.

pub mod finding;
pub(crate) mod mysql;
pub(crate) mod net;
pub(crate) mod postgres;
pub(crate) mod redis;
pub mod stored;

use std::time::Duration;

use secrecy::SecretString;

use crate::catalog::{Login, Operation};
use crate::vault::{Connection, Database, NotAvailable, Proof, ResourceKey, Unreached};

/// How long one login may take, connection included.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How much earlier than the login's deadline an unanswered TLS handshake
/// ends.
const TLS_MARGIN: Duration = Duration::from_millis(200);

/// What a login needs, checked before anything connects.
#[derive(Debug)]
pub struct Attempt<'a> {
    pub op: &'static Operation,
    pub key: &'a ResourceKey,
    pub connection: Option<&'a Connection>,
    /// The slot's password; `None` when the slot holds none.
    pub password: Option<&'a SecretString>,
    pub timeout: Duration,
}

/// One login with `attempt`'s password, and what it found.
pub async fn prove(attempt: Attempt<'_>) -> Proof {
    let seconds = attempt.timeout.as_secs().max(1);
    let deadline = tokio::time::Instant::now() + attempt.timeout;
    match tokio::time::timeout_at(deadline, login(&attempt, deadline)).await {
        Ok(Ok(())) => Proof::Opened,
        Ok(Err(proof)) => proof,
        Err(_) => Proof::CouldNotReach {
            why: Unreached::TimedOut { seconds },
        },
    }
}

/// Whether a login could be tried at all: the reason if not.
pub fn available(op: &Operation, connection: Option<&Connection>) -> Result<(), NotAvailable> {
    match op.login {
        Login::NotAvailable(why) => Err(NotAvailable::Service { why }),
        _ if connection.is_none() => Err(NotAvailable::NoConnection),
        Login::Database if connection.is_some_and(|c| c.database.is_none()) => {
            Err(NotAvailable::NoDatabaseKind)
        }
        _ => Ok(()),
    }
}

async fn login(attempt: &Attempt<'_>, deadline: tokio::time::Instant) -> Result<(), Proof> {
    let not = |why| Proof::NotAvailable { why };
    available(attempt.op, attempt.connection).map_err(not)?;
    let Some(c) = attempt.connection else {
        return Err(not(NotAvailable::NoConnection));
    };
    let password = attempt.password.ok_or(not(NotAvailable::NoPassword))?;
    let tls = match c.tls {
        true => Some(net::Tls {
            config: net::tls_config(c.ca_cert.as_deref())?,
            // Before the login's own deadline, so that a handshake nobody
            // answers is said as such.
            deadline: deadline.checked_sub(TLS_MARGIN).unwrap_or(deadline),
        }),
        false => None,
    };
    tracing::debug!(
        operation = attempt.op.id,
        address = %c.address_text(),
        tls = c.tls,
        "one login to prove a password"
    );
    match attempt.op.login {
        Login::Redis => {
            let tcp = net::connect(&c.host, c.port).await?;
            let mut conn = match tls {
                Some(tls) => net::Conn::new(net::upgrade(tcp, &c.host, tls).await?),
                None => net::Conn::new(Box::new(tcp)),
            };
            redis::login(&mut conn, c.user.as_deref(), password, !c.tls).await?;
            redis::ping(&mut conn).await
        }
        Login::Database => {
            let user = c
                .user
                .as_deref()
                .or(attempt.key.user.as_deref())
                .unwrap_or_default();
            match c.database {
                Some(Database::Mysql) => {
                    let mut session = mysql::login(&c.host, c.port, tls, user, password).await?;
                    let done = session.query("SELECT 1").await?;
                    session.close().await;
                    done.map_err(|said| Proof::Refused { said })
                }
                Some(Database::Postgresql) => {
                    let mut conn =
                        postgres::login(&c.host, c.port, tls, user, postgres::DATABASE, password)
                            .await?;
                    let done = postgres::query(&mut conn, "SELECT 1").await?;
                    postgres::close(&mut conn).await;
                    done.map_err(|said| Proof::Refused { said })
                }
                None => Err(not(NotAvailable::NoDatabaseKind)),
            }
        }
        Login::NotAvailable(why) => Err(not(NotAvailable::Service { why })),
    }
}
