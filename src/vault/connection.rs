//! Where a resource's service itself listens (as opposed to the cloud's
//! API), and what the last login with each of its passwords found.
//!
//! Neither is secret: both are kept in the index with the resource
//! (`ResourceRecord::connection`, `ResourceRecord::proven`). The login
//! itself is `crate::prove`'s; these are the facts it reads and records,
//! which each front end words in its user's language (`words::proof`).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::catalog::NoLogin;

/// How to reach a resource's service for a login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// A host name or an IP address.
    pub host: String,
    pub port: u16,
    /// The account to log in as; without it, the resource's own account
    /// (a DTS job's user name), or Redis's default user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// TLS, never falling back to plain.
    #[serde(default)]
    pub tls: bool,
    /// A PEM file of the CA certificates to trust instead of the system's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
    /// For a database account: which database speaks there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<Database>,
}

/// The database a DTS job's account belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Database {
    Mysql,
    Postgresql,
}

impl Database {
    pub const ALL: [Database; 2] = [Database::Mysql, Database::Postgresql];

    /// The name on the command line and in stored data.
    pub fn key(self) -> &'static str {
        match self {
            Database::Mysql => "mysql",
            Database::Postgresql => "postgresql",
        }
    }

    pub fn parse(text: &str) -> Option<Database> {
        match text.to_ascii_lowercase().as_str() {
            "mysql" | "mariadb" => Some(Database::Mysql),
            "postgresql" | "postgres" | "pg" => Some(Database::Postgresql),
            _ => None,
        }
    }
}

impl Connection {
    /// Reads `host:port` (`[v6]:port` for an IPv6 address).
    pub fn address(text: &str) -> Option<(String, u16)> {
        let (host, port) = text.trim().rsplit_once(':')?;
        let port: u16 = port.parse().ok().filter(|p| *p != 0)?;
        let host = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        let fine = !host.is_empty()
            && host.len() <= 253
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'));
        fine.then(|| (host.to_owned(), port))
    }

    /// `host:port` as [`Connection::address`] reads it.
    pub fn address_text(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// What one login with a stored password found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "found", rename_all = "snake_case")]
pub enum Proof {
    /// The service let the password in and answered (`PING`, `SELECT 1`).
    Opened,
    /// The service said the password (or the account) is wrong.
    WrongPassword {
        /// The service's own words (a Redis error, a SQL state and message).
        said: String,
    },
    /// The service asks for no password at all: it let anyone in, so the
    /// password proved nothing.
    NoPasswordNeeded,
    /// No login happened: the service could not be reached.
    CouldNotReach { why: Unreached },
    /// TLS was asked for and the service does not speak it, or the other
    /// way round; nothing fell back.
    TlsMismatch { why: TlsProblem },
    /// The service refused the login for another reason than the password
    /// (no such database, TLS required by its rules, too many connections).
    Refused { said: String },
    /// The service answered in a way this login cannot read.
    Unreadable { why: Garbled },
    /// No login is offered for this resource.
    NotAvailable { why: NotAvailable },
}

/// Why a login was not tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum NotAvailable {
    /// The operation's service has no login Keyturn can make.
    Service { why: NoLogin },
    /// No connection details are kept for the resource.
    NoConnection,
    /// A database account's connection does not say MySQL or PostgreSQL.
    NoDatabaseKind,
    /// The slot holds no password (a staged removal, or nothing).
    NoPassword,
    /// The CA file could not be read or holds no certificate.
    CaFile { detail: String },
}

/// Why a service could not be reached. `detail` is what the system or the
/// library said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unreached {
    /// The host name did not resolve.
    Resolve { detail: String },
    /// Nothing listens there (connection refused).
    Refused { detail: String },
    /// Another failure to connect (no route, network down).
    Connect { detail: String },
    /// No answer within the time allowed: not a judgement of the password.
    TimedOut { seconds: u64 },
    /// TLS was asked for and the TLS handshake got no answer in time (a
    /// plain Redis waits silently for a line); nothing was sent in plain.
    NoTlsAnswer,
    /// The connection closed before the service answered.
    Closed,
}

/// Why a service's answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Garbled {
    /// Not the protocol the login speaks (another service on that port).
    NotTheProtocol,
    /// More than a login's answer could be (`bytes`, the cap).
    TooLong { bytes: usize },
    /// The service asks for a sign-in method this login does not make.
    SignInMethod { name: String },
}

/// How TLS and the service disagreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TlsProblem {
    /// TLS was asked for; the service says it offers none.
    NotOffered,
    /// TLS was asked for; the handshake failed (a plain service, a
    /// protocol the two do not share).
    Handshake { detail: String },
    /// The service's certificate was not trusted or does not name the host.
    Certificate { detail: String },
    /// Plain was asked for; the service answered with TLS.
    ServiceWantsTls,
}

/// A login's result, and when it was made, as the index keeps it per slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofRecord {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub proof: Proof,
}

impl Proof {
    /// Whether the password was proven to open the service.
    pub fn opened(&self) -> bool {
        matches!(self, Proof::Opened)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_back() {
        assert_eq!(
            Connection::address("127.0.0.1:6379"),
            Some(("127.0.0.1".into(), 6379))
        );
        assert_eq!(
            Connection::address("[::1]:5432"),
            Some(("::1".into(), 5432))
        );
        assert_eq!(Connection::address("db.example:0"), None);
        assert_eq!(Connection::address("no-port"), None);
        assert_eq!(Connection::address("a b:1"), None);
        let c = Connection {
            host: "::1".into(),
            port: 5432,
            user: None,
            tls: false,
            ca_cert: None,
            database: None,
        };
        assert_eq!(
            Connection::address(&c.address_text()),
            Some(("::1".into(), 5432))
        );
    }
}
