//! The Redis login: `AUTH [user] password`, then `PING`, in RESP2 (the
//! protocol every Redis since 1.2 and every managed Redis speaks).
//!
//! Written by hand: two commands and their one-line answers. A password is
//! only ever in the command buffer, which is zeroed when dropped.

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::net::{Conn, garbled, looks_like_tls};
use crate::vault::{Proof, TlsProblem, Unreached};

/// The longest error line kept from a service.
const MAX_SAID: usize = 300;

/// What Redis answered one command.
pub(crate) enum Reply {
    /// `+…`, `:…` or a bulk string.
    Fine,
    /// `-…`: the error line.
    Error(String),
}

/// One command in RESP, its arguments as bulk strings.
fn encode(args: &[&[u8]]) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(64));
    out.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
    for arg in args {
        out.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
        out.extend_from_slice(arg);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Sends one command and reads its answer. `plain` says the connection is
/// plain, so an answer in TLS means the service wants TLS.
pub(crate) async fn command(conn: &mut Conn, args: &[&[u8]], plain: bool) -> Result<Reply, Proof> {
    conn.write(&encode(args)).await?;
    let Some(kind) = conn.first_byte().await? else {
        return Err(Proof::CouldNotReach {
            why: Unreached::Closed,
        });
    };
    if plain && looks_like_tls(kind) {
        return Err(Proof::TlsMismatch {
            why: TlsProblem::ServiceWantsTls,
        });
    }
    let line = conn.line().await?;
    match kind {
        b'+' | b':' => Ok(Reply::Fine),
        b'-' => Ok(Reply::Error(said(&line))),
        b'$' => {
            let len: i64 = std::str::from_utf8(&line)
                .ok()
                .and_then(|t| t.parse().ok())
                .ok_or_else(garbled)?;
            if len < 0 {
                return Ok(Reply::Fine);
            }
            let len = usize::try_from(len).map_err(|_| garbled())?;
            conn.exact(len + 2).await?;
            Ok(Reply::Fine)
        }
        _ => Err(garbled()),
    }
}

/// The service's error line, as text, cut short.
fn said(line: &[u8]) -> String {
    String::from_utf8_lossy(line)
        .chars()
        .take(MAX_SAID)
        .collect()
}

/// `AUTH`, with the user name for an ACL account. One attempt.
pub(crate) async fn login(
    conn: &mut Conn,
    user: Option<&str>,
    password: &SecretString,
    plain: bool,
) -> Result<(), Proof> {
    let secret = password.expose_secret().as_bytes();
    let reply = match user {
        Some(user) => command(conn, &[b"AUTH", user.as_bytes(), secret], plain).await?,
        None => command(conn, &[b"AUTH", secret], plain).await?,
    };
    match reply {
        Reply::Fine => Ok(()),
        Reply::Error(said) => Err(judge(said)),
    }
}

/// What an error answer to `AUTH` means.
fn judge(said: String) -> Proof {
    let upper = said.to_ascii_uppercase();
    if upper.starts_with("WRONGPASS") || upper.starts_with("ERR INVALID PASSWORD") {
        Proof::WrongPassword { said }
    } else if upper.contains("WITHOUT ANY PASSWORD CONFIGURED")
        || upper.contains("NO PASSWORD IS SET")
    {
        Proof::NoPasswordNeeded
    } else {
        Proof::Refused { said }
    }
}

/// `PING` after the login: the service really serves this client.
pub(crate) async fn ping(conn: &mut Conn) -> Result<(), Proof> {
    match command(conn, &[b"PING"], false).await? {
        Reply::Fine => Ok(()),
        Reply::Error(said) => Err(Proof::Refused { said }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_bulk_strings() {
        assert_eq!(
            &encode(&[b"AUTH", b"u", b"p w"])[..],
            b"*3\r\n$4\r\nAUTH\r\n$1\r\nu\r\n$3\r\np w\r\n"
        );
    }

    #[test]
    fn auth_errors_are_judged() {
        assert!(matches!(
            judge("WRONGPASS invalid username-password pair or user is disabled.".into()),
            Proof::WrongPassword { .. }
        ));
        assert!(matches!(
            judge("ERR invalid password".into()),
            Proof::WrongPassword { .. }
        ));
        assert_eq!(
            judge(
                "ERR AUTH <password> called without any password configured for the default user."
                    .into()
            ),
            Proof::NoPasswordNeeded
        );
        assert!(matches!(
            judge("ERR max number of clients reached".into()),
            Proof::Refused { .. }
        ));
    }
}
