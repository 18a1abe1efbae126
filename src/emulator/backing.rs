//! Real services behind the emulator: each password change the emulator
//! accepts is applied to them too, so that a rotation through the emulator
//! really changes a real server's password and a login can prove it.
//!
//! Redis (for DCS and URedis): `CONFIG SET requirepass`, or `ACL SETUSER
//! NAME resetpass >…` for an ACL user; a database (for DTS job accounts):
//! `ALTER USER` (MySQL / MariaDB) or `ALTER ROLE … PASSWORD` (PostgreSQL)
//! for the request's `UserName`. The emulator logs in as an admin account
//! (`--admin-user`, its password from `KEYTURN_EMULATE_ADMIN_PASSWORD`),
//! with the same sessions as `crate::prove`. A change is applied before
//! the answer is written (or the connection dropped, for `fault-reset`),
//! so a client never hears of a change the server does not have yet.

use secrecy::SecretString;

use super::state::Applied;
use crate::catalog::{Login, find};
use crate::prove::{mysql, net, postgres, redis};
use crate::vault::{Database, Proof};

/// How long applying one change may take.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A service's address.
#[derive(Debug, Clone)]
pub struct Address {
    pub host: String,
    pub port: u16,
}

/// The real services behind the emulator. `Debug` never shows the admin's
/// password.
#[derive(Debug, Clone)]
pub struct Backing {
    pub redis: Option<Address>,
    /// Change this Redis ACL user's password instead of `requirepass`.
    pub redis_user: Option<String>,
    pub database: Option<(Database, Address)>,
    pub admin_user: String,
    pub admin_password: SecretString,
}

impl Backing {
    /// Applies one change to the service behind its operation, if any;
    /// what went wrong, in the emulator's log's words, if it failed.
    pub(crate) async fn apply(&self, applied: &Applied) -> Result<bool, String> {
        let Some(op) = find(applied.op) else {
            return Ok(false);
        };
        let work = async {
            match (op.login, &self.redis, &self.database) {
                (Login::Redis, Some(address), _) => {
                    self.redis(address, applied).await.map(|()| true)
                }
                (Login::Database, _, Some((kind, address))) => {
                    // ModifyDtsJobPassword's resource ends with its UserName.
                    let user = applied.ids.last().cloned().unwrap_or_default();
                    self.database(*kind, address, &user, &applied.password)
                        .await
                        .map(|()| true)
                }
                _ => Ok(false),
            }
        };
        match tokio::time::timeout(TIMEOUT, work).await {
            Ok(done) => done,
            Err(_) => Err("no answer within 10 s".into()),
        }
    }

    async fn redis(&self, address: &Address, applied: &Applied) -> Result<(), String> {
        let tcp = net::connect(&address.host, address.port)
            .await
            .map_err(said)?;
        let mut conn = net::Conn::new(Box::new(tcp));
        redis::login(
            &mut conn,
            Some(&self.admin_user),
            &self.admin_password,
            true,
        )
        .await
        .map_err(said)?;
        let new = applied.password.as_bytes();
        let reply = match &self.redis_user {
            Some(user) => {
                let mut arg = zeroize::Zeroizing::new(b">".to_vec());
                arg.extend_from_slice(new);
                redis::command(
                    &mut conn,
                    &[b"ACL", b"SETUSER", user.as_bytes(), b"resetpass", &arg],
                    true,
                )
                .await
            }
            None => {
                redis::command(&mut conn, &[b"CONFIG", b"SET", b"requirepass", new], true).await
            }
        }
        .map_err(said)?;
        match reply {
            redis::Reply::Fine => Ok(()),
            redis::Reply::Error(e) => Err(e),
        }
    }

    async fn database(
        &self,
        kind: Database,
        address: &Address,
        user: &str,
        new: &str,
    ) -> Result<(), String> {
        match kind {
            Database::Mysql => {
                let mut session = mysql::login(
                    &address.host,
                    address.port,
                    None,
                    &self.admin_user,
                    &self.admin_password,
                )
                .await
                .map_err(said)?;
                let sql = zeroize::Zeroizing::new(format!(
                    "ALTER USER '{}'@'%' IDENTIFIED BY '{}'",
                    mysql_quoted(user),
                    mysql_quoted(new)
                ));
                let done = session.query(&sql).await.map_err(said)?;
                session.close().await;
                done
            }
            Database::Postgresql => {
                let mut conn = postgres::login(
                    &address.host,
                    address.port,
                    None,
                    &self.admin_user,
                    postgres::DATABASE,
                    &self.admin_password,
                )
                .await
                .map_err(said)?;
                let sql = zeroize::Zeroizing::new(format!(
                    "ALTER ROLE \"{}\" PASSWORD '{}'",
                    user.replace('"', "\"\""),
                    new.replace('\'', "''")
                ));
                let done = postgres::query(&mut conn, &sql).await.map_err(said)?;
                postgres::close(&mut conn).await;
                done
            }
        }
    }
}

/// A string literal's inside for MySQL: backslashes and quotes escaped.
fn mysql_quoted(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\'', "\\'")
}

/// A login's failure, for the emulator's log (no password is in a proof).
fn said(proof: Proof) -> String {
    format!("{proof:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn debug_hides_the_admin_password() {
        let b = Backing {
            redis: None,
            redis_user: None,
            database: None,
            admin_user: "admin".into(),
            admin_password: SecretString::from("hidden-fake-pw".to_owned()),
        };
        assert_eq!(b.admin_password.expose_secret(), "hidden-fake-pw");
        assert!(!format!("{b:?}").contains("hidden-fake-pw"));
        assert_eq!(mysql_quoted(r"a'b\c"), r"a\'b\\c");
    }
}
