//! Who is changing a resource, and who changed it last, kept in the
//! resource's own item beside its passwords (`slots`).
//!
//! Whatever can write a resource's slots (another process, another data
//! folder on the same keyring, another admin on the team store) reads the
//! claim in the same item, and a stage writes it in the same atomic write
//! as the pending password: exactly one stage of a resource can hold it.
//! Settling clears it, in the same write that moves the slots, and leaves
//! `last` saying which attempt settled how. Nothing here is secret.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Who writes: this computer's user and host, and on the team store the
/// identity the store knows the token by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The team store's name for the token (`auth/token/lookup-self`'s
    /// display name), when the team store is in use and says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
}

impl Actor {
    /// This process's user and host (no store identity).
    pub fn this_process() -> Actor {
        let user = ["USER", "LOGNAME", "USERNAME"]
            .into_iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|u| !u.trim().is_empty())
            .or_else(account_name)
            .unwrap_or_else(|| "unknown".into());
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .or_else(|| std::env::var("COMPUTERNAME").ok())
            .or_else(|| std::env::var("HOSTNAME").ok())
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty());
        Actor {
            user,
            host,
            identity: None,
        }
    }
}

/// The account name of this process's user, from the system's user
/// database (when no environment variable names it: a service, `su`).
#[cfg(unix)]
fn account_name() -> Option<String> {
    // SAFETY: getuid cannot fail; getpwuid_r writes only into the buffers
    // given, and the name it points at lives in `buffer`, read before it
    // goes.
    unsafe {
        let mut entry: libc::passwd = std::mem::zeroed();
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let mut buffer = vec![0 as libc::c_char; 4096];
        let status = libc::getpwuid_r(
            libc::getuid(),
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        );
        if status != 0 || found.is_null() || entry.pw_name.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr(entry.pw_name)
            .to_string_lossy()
            .into_owned();
        Some(name).filter(|n| !n.is_empty())
    }
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

/// `user@host`, and the store's identity in brackets when it differs.
impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.user)?;
        if let Some(host) = &self.host {
            write!(f, "@{host}")?;
        }
        match &self.identity {
            Some(id) if id != &self.user => write!(f, " ({id})"),
            _ => Ok(()),
        }
    }
}

/// What the holder of a claim is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimState {
    /// The new password is staged as pending; the request may be sent at
    /// any moment from now on, so another reader must take it as possibly
    /// sent.
    Staged,
    /// An open attempt is being sent again, with the same new password.
    Retrying,
}

/// An attempt that owns a resource's pending password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The attempt whose new password is pending (a retry keeps the
    /// attempt it repeats).
    pub attempt: String,
    pub by: Actor,
    pub state: ClaimState,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
    /// Until then nobody else may settle it: the holder may still be
    /// waiting for the answer. After it, the holder is gone or has given
    /// up, and anyone may keep or discard it, knowing it may have been
    /// sent.
    #[serde(with = "time::serde::rfc3339")]
    pub lease_until: OffsetDateTime,
}

impl Claim {
    /// A claim by `by` for `attempt` from `now`, held for `lease`.
    pub fn new(
        attempt: &str,
        by: &Actor,
        state: ClaimState,
        now: OffsetDateTime,
        lease: Duration,
    ) -> Claim {
        Claim {
            attempt: attempt.to_owned(),
            by: by.clone(),
            state,
            since: now,
            lease_until: now + lease,
        }
    }

    /// Whether its holder may still be waiting for an answer at `now`.
    pub fn leased(&self, now: OffsetDateTime) -> bool {
        now < self.lease_until
    }
}

/// How the last attempt that wrote a resource's item left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Settled {
    /// The provider confirmed it: pending became current.
    Promoted,
    /// The user kept pending as current.
    Kept,
    /// The provider refused it, or it was never sent: pending dropped.
    Dropped,
    /// The user discarded pending.
    Discarded,
}

/// The last settlement written into a resource's item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastChange {
    pub attempt: String,
    pub by: Actor,
    pub how: Settled,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl LastChange {
    /// Whether it left the attempt's new password current.
    pub fn made(&self) -> bool {
        matches!(self.how, Settled::Promoted | Settled::Kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_is_leased_until_its_end_and_not_after() {
        let now = OffsetDateTime::UNIX_EPOCH + Duration::days(20000);
        let by = Actor {
            user: "ana".into(),
            host: Some("laptop-3".into()),
            identity: Some("userpass-ana".into()),
        };
        let claim = Claim::new("a-1", &by, ClaimState::Staged, now, Duration::seconds(90));
        assert!(claim.leased(now + Duration::seconds(89)));
        assert!(!claim.leased(now + Duration::seconds(90)));
        assert_eq!(by.to_string(), "ana@laptop-3 (userpass-ana)");
        let text = serde_json::to_string(&claim).unwrap();
        assert!(text.contains("\"state\":\"staged\""), "{text}");
        assert_eq!(serde_json::from_str::<Claim>(&text).unwrap(), claim);
    }
}
