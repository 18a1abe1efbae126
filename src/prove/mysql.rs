//! The MySQL / MariaDB login: the server's handshake, `SSLRequest` and TLS
//! when asked, the handshake response with `mysql_native_password` or
//! `caching_sha2_password` (its fast path, or the password in clear only
//! over TLS), then one `COM_QUERY`.
//!
//! Written by hand from the client/server protocol 4.1: a login and one
//! query are a handful of packets.

use secrecy::{ExposeSecret, SecretString};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::net::{self, Conn, garbled};
use crate::vault::{Garbled, Proof, TlsProblem};

const LONG_PASSWORD: u32 = 0x1;
const PROTOCOL_41: u32 = 0x200;
const SSL: u32 = 0x800;
const TRANSACTIONS: u32 = 0x2000;
const SECURE_CONNECTION: u32 = 0x8000;
const MULTI_RESULTS: u32 = 0x2_0000;
const PLUGIN_AUTH: u32 = 0x8_0000;

/// utf8mb4_general_ci.
const CHARSET: u8 = 45;
const MAX_PACKET: u32 = 16 * 1024 * 1024;

/// The error codes that mean the account or its password was wrong.
const ACCESS_DENIED: [u16; 1] = [1045];

const NATIVE: &str = "mysql_native_password";
const CACHING_SHA2: &str = "caching_sha2_password";

/// A connection after its login, with the packet sequence.
pub(crate) struct Session {
    conn: Conn,
    seq: u8,
}

async fn read(conn: &mut Conn, seq: &mut u8) -> Result<Vec<u8>, Proof> {
    let head = conn.exact(4).await?;
    let len = usize::from(head[0]) | usize::from(head[1]) << 8 | usize::from(head[2]) << 16;
    *seq = head[3].wrapping_add(1);
    conn.exact(len).await
}

async fn write(conn: &mut Conn, seq: &mut u8, payload: &[u8]) -> Result<(), Proof> {
    let len = payload.len();
    if len >= 0xff_ffff {
        return Err(garbled());
    }
    let mut packet = Zeroizing::new(Vec::with_capacity(len + 4));
    packet.extend_from_slice(&[len as u8, (len >> 8) as u8, (len >> 16) as u8, *seq]);
    packet.extend_from_slice(payload);
    *seq = seq.wrapping_add(1);
    conn.write(&packet).await
}

/// An ERR packet's code and "#SQLSTATE message".
fn error_of(packet: &[u8]) -> (u16, String) {
    let code = match packet.get(1..3) {
        Some(b) => u16::from_le_bytes([b[0], b[1]]),
        None => 0,
    };
    let rest = packet.get(3..).unwrap_or_default();
    let text: String = String::from_utf8_lossy(rest).chars().take(300).collect();
    (code, text)
}

fn judge_error(packet: &[u8]) -> Proof {
    let (code, text) = error_of(packet);
    let said = format!("{code} {text}");
    if ACCESS_DENIED.contains(&code) {
        Proof::WrongPassword { said }
    } else {
        Proof::Refused { said }
    }
}

/// What the server's greeting says.
struct Greeting {
    capabilities: u32,
    scramble: Vec<u8>,
    plugin: String,
}

fn nul_terminated(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = bytes.iter().position(|b| *b == 0)?;
    Some((&bytes[..end], &bytes[end + 1..]))
}

fn greeting(packet: &[u8]) -> Result<Greeting, Proof> {
    match packet.first() {
        Some(10) => {}
        Some(0xff) => return Err(judge_error(packet)),
        _ => return Err(garbled()),
    }
    let (_version, rest) = nul_terminated(&packet[1..]).ok_or_else(garbled)?;
    // connection id (4), scramble part 1 (8), filler (1), capabilities (2)
    let part1 = rest.get(4..12).ok_or_else(garbled)?;
    let low = rest.get(13..15).ok_or_else(garbled)?;
    let mut capabilities = u32::from(u16::from_le_bytes([low[0], low[1]]));
    let mut scramble = part1.to_vec();
    let mut plugin = NATIVE.to_owned();
    // charset (1), status (2), capabilities' upper half (2), scramble length
    // (1), reserved (10)
    if let Some(more) = rest.get(15..)
        && more.len() >= 16
    {
        let high = u32::from(u16::from_le_bytes([more[3], more[4]]));
        capabilities |= high << 16;
        let scramble_len = usize::from(more[5]);
        let tail = &more[16..];
        if capabilities & SECURE_CONNECTION != 0 {
            let n = scramble_len.saturating_sub(8).max(13);
            let part2 = tail.get(..n).ok_or_else(garbled)?;
            // The last byte of part 2 is its terminating NUL.
            scramble.extend_from_slice(&part2[..n - 1]);
            if capabilities & PLUGIN_AUTH != 0 {
                let rest = &tail[n..];
                let name = nul_terminated(rest).map_or(rest, |(name, _)| name);
                plugin = String::from_utf8_lossy(name).into_owned();
            }
        }
    }
    scramble.truncate(20);
    Ok(Greeting {
        capabilities,
        scramble,
        plugin,
    })
}

/// `mysql_native_password`: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))).
fn native(password: &[u8], scramble: &[u8]) -> Zeroizing<Vec<u8>> {
    if password.is_empty() {
        return Zeroizing::new(Vec::new());
    }
    let stage1 = Zeroizing::new(Sha1::digest(password).to_vec());
    let stage2 = Sha1::digest(&*stage1);
    let mut h = Sha1::new();
    h.update(scramble);
    h.update(stage2);
    let mix = h.finalize();
    Zeroizing::new(stage1.iter().zip(mix.iter()).map(|(a, b)| a ^ b).collect())
}

/// `caching_sha2_password`'s scramble: SHA256(password) XOR
/// SHA256(SHA256(SHA256(password)) + scramble).
fn sha2(password: &[u8], scramble: &[u8]) -> Zeroizing<Vec<u8>> {
    if password.is_empty() {
        return Zeroizing::new(Vec::new());
    }
    let stage1 = Zeroizing::new(Sha256::digest(password).to_vec());
    let stage2 = Sha256::digest(&*stage1);
    let mut h = Sha256::new();
    h.update(stage2);
    h.update(scramble);
    let mix = h.finalize();
    Zeroizing::new(stage1.iter().zip(mix.iter()).map(|(a, b)| a ^ b).collect())
}

fn scramble_for(plugin: &str, password: &[u8], scramble: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    match plugin {
        NATIVE => Some(native(password, scramble)),
        CACHING_SHA2 => Some(sha2(password, scramble)),
        _ => None,
    }
}

fn method(name: &str) -> Proof {
    Proof::Unreadable {
        why: Garbled::SignInMethod {
            name: name.chars().take(64).collect(),
        },
    }
}

/// Connects and logs in as `user`. One attempt; TLS never falls back.
pub(crate) async fn login(
    host: &str,
    port: u16,
    tls: Option<net::Tls>,
    user: &str,
    password: &SecretString,
) -> Result<Session, Proof> {
    let tcp = net::connect(host, port).await?;
    let mut conn = Conn::new(Box::new(tcp));
    let mut seq = 0u8;
    let packet = read(&mut conn, &mut seq).await?;
    let greeting = greeting(&packet)?;
    let mut capabilities = LONG_PASSWORD
        | PROTOCOL_41
        | TRANSACTIONS
        | SECURE_CONNECTION
        | MULTI_RESULTS
        | PLUGIN_AUTH;
    let over_tls = tls.is_some();
    if let Some(tls) = tls {
        if greeting.capabilities & SSL == 0 {
            return Err(Proof::TlsMismatch {
                why: TlsProblem::NotOffered,
            });
        }
        capabilities |= SSL;
        let mut request = Vec::with_capacity(32);
        request.extend_from_slice(&capabilities.to_le_bytes());
        request.extend_from_slice(&MAX_PACKET.to_le_bytes());
        request.push(CHARSET);
        request.extend_from_slice(&[0; 23]);
        write(&mut conn, &mut seq, &request).await?;
        conn = Conn::new(net::upgrade(conn.into_inner(), host, tls).await?);
    }
    let secret = password.expose_secret().as_bytes();
    let plugin = if greeting.plugin == CACHING_SHA2 {
        CACHING_SHA2
    } else {
        NATIVE
    };
    let auth = scramble_for(plugin, secret, &greeting.scramble).unwrap_or_default();
    let mut response = Zeroizing::new(Vec::with_capacity(128));
    response.extend_from_slice(&capabilities.to_le_bytes());
    response.extend_from_slice(&MAX_PACKET.to_le_bytes());
    response.push(CHARSET);
    response.extend_from_slice(&[0; 23]);
    response.extend_from_slice(user.as_bytes());
    response.push(0);
    response.push(auth.len() as u8);
    response.extend_from_slice(&auth);
    response.extend_from_slice(plugin.as_bytes());
    response.push(0);
    write(&mut conn, &mut seq, &response).await?;
    loop {
        let packet = read(&mut conn, &mut seq).await?;
        match packet.first() {
            Some(0x00) => break,
            Some(0xff) => return Err(judge_error(&packet)),
            Some(0xfe) => {
                // Auth switch: another method, with a fresh scramble.
                let (name, data) = nul_terminated(&packet[1..]).unwrap_or((&packet[1..], &[]));
                let name = String::from_utf8_lossy(name).into_owned();
                let data = data.strip_suffix(&[0]).unwrap_or(data);
                let answer = match scramble_for(&name, secret, data) {
                    Some(a) => a,
                    None if name == "mysql_clear_password" && over_tls => {
                        let mut a = Zeroizing::new(secret.to_vec());
                        a.push(0);
                        a
                    }
                    None => return Err(method(&name)),
                };
                write(&mut conn, &mut seq, &answer).await?;
            }
            Some(0x01) => match packet.get(1) {
                // caching_sha2_password: the fast path worked; OK follows.
                Some(3) => {}
                // The full path: the password itself, only over TLS (in
                // plain it would need the server's RSA key).
                Some(4) if over_tls => {
                    let mut a = Zeroizing::new(secret.to_vec());
                    a.push(0);
                    write(&mut conn, &mut seq, &a).await?;
                }
                Some(4) => return Err(method(CACHING_SHA2)),
                _ => return Err(garbled()),
            },
            _ => return Err(garbled()),
        }
    }
    Ok(Session { conn, seq: 0 })
}

impl Session {
    /// Runs one statement (`COM_QUERY`) and reads its whole answer; the
    /// server's error if it failed.
    pub(crate) async fn query(&mut self, sql: &str) -> Result<Result<(), String>, Proof> {
        self.seq = 0;
        let mut payload = Zeroizing::new(vec![0x03]);
        payload.extend_from_slice(sql.as_bytes());
        write(&mut self.conn, &mut self.seq, &payload).await?;
        let first = read(&mut self.conn, &mut self.seq).await?;
        match first.first() {
            Some(0x00) => return Ok(Ok(())),
            Some(0xff) => {
                let (code, text) = error_of(&first);
                return Ok(Err(format!("{code} {text}")));
            }
            Some(_) => {}
            None => return Err(garbled()),
        }
        // A result set: column definitions, EOF, rows, EOF.
        let mut eofs = 0;
        while eofs < 2 {
            let packet = read(&mut self.conn, &mut self.seq).await?;
            match packet.first() {
                Some(0xfe) if packet.len() < 9 => eofs += 1,
                Some(0xff) => {
                    let (code, text) = error_of(&packet);
                    return Ok(Err(format!("{code} {text}")));
                }
                _ => {}
            }
        }
        Ok(Ok(()))
    }

    /// `COM_QUIT`; errors do not matter any more.
    pub(crate) async fn close(mut self) {
        self.seq = 0;
        let _ = write(&mut self.conn, &mut self.seq, &[0x01]).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_passwords_send_nothing() {
        assert!(native(b"", b"01234567890123456789").is_empty());
        assert_eq!(native(b"pw", b"01234567890123456789").len(), 20);
        assert_eq!(sha2(b"pw", b"01234567890123456789").len(), 32);
    }

    #[test]
    fn a_greeting_gives_its_scramble_and_method() {
        let mut g = vec![10];
        g.extend_from_slice(b"10.11.19-MariaDB\0");
        g.extend_from_slice(&[1, 0, 0, 0]);
        g.extend_from_slice(b"abcdefgh");
        g.push(0);
        let caps = PROTOCOL_41 | SECURE_CONNECTION | PLUGIN_AUTH | SSL;
        g.extend_from_slice(&(caps as u16).to_le_bytes());
        g.push(45);
        g.extend_from_slice(&[2, 0]);
        g.extend_from_slice(&((caps >> 16) as u16).to_le_bytes());
        g.push(21);
        g.extend_from_slice(&[0; 10]);
        g.extend_from_slice(b"ijklmnopqrst\0");
        g.extend_from_slice(b"mysql_native_password\0");
        let got = greeting(&g).unwrap();
        assert_eq!(got.scramble, b"abcdefghijklmnopqrst");
        assert_eq!(got.plugin, NATIVE);
        assert_ne!(got.capabilities & SSL, 0);
    }
}
