//! A local emulator of the four clouds' password-change APIs, for
//! end-to-end tests and for trying Keyturn without a cloud account.
//!
//! One plain-HTTP/1 port on 127.0.0.1 serves all five operations. A request
//! is routed by what it carries (`route.rs`): an `x-acs-action` header is
//! Alibaba Cloud, `X-TC-Action` is Tencent Cloud, `PUT /v2/{project_id}/
//! instances/{instance_id}/password` is Huawei Cloud, and a POST form with
//! `Action` and `PublicKey` is UCloud. Anything else gets a 404 with a JSON
//! message saying what the emulator serves.
//!
//! The emulator knows one access key. It checks every signature by
//! rebuilding it with the crate's own signer stages (`crate::sign`) from what
//! it received (`signature.rs`), checks the request's time against its own clock,
//! checks that Tencent and UCloud requests name a region the provider has
//! (Alibaba and Huawei carry theirs in the host name, which the emulator
//! does not see as such), and answers with the bodies and codes each provider documents (the
//! sources are cited in each provider's file). It keeps each resource's
//! password in memory (`state.rs`): a resource it has not seen takes the first
//! old password it is sent; APIs that send no old password (UCloud,
//! `ModifyDtsJobPassword`) simply record the new one.
//!
//! # Faults
//!
//! A resource id (`SubscriptionInstanceId`, `DtsJobId`, `instance_id`,
//! `GroupId`, `ClusterId`) that starts with one of these prefixes makes the
//! emulator misbehave once the signature has been checked, so tests can drive
//! broken answers through the normal command line:
//!
//! | prefix | what the emulator does | password changed? |
//! |---|---|---|
//! | `fault-slow` | answers normally, but only after [`EmulatorConfig::slow_answer`] | yes |
//! | `fault-reset` | reads the whole request, then closes the connection without a byte of answer | yes |
//! | `fault-malformed` | 200 with the normal JSON body cut in half | yes |
//! | `fault-empty` | 200 with an empty body | yes |
//! | `fault-huge` | 200 with the normal body followed by 3 MiB of whitespace | yes |
//! | `fault-html` | 502 with an HTML error page, as a proxy in front would send | no |
//! | `fault-5xx` | 500 with the provider's own internal-error body | no |
//! | `fault-503` | 503 with a plain-text body | no |
//!
//! The first five change the password (when the request is otherwise valid)
//! because that is what makes them dangerous: the change happened but the
//! client could not read that it did.
//!
//! For an operation finished as a task (Tencent's Redis and MySQL), two more:
//! `fault-task-fails` (the task fails; nothing changes) and
//! `fault-task-stuck` (the task never ends; nothing changes).
//!
//! Operations with behaviour of their own (DTS, DCS, URedis, TcaplusDB)
//! have their handlers in their provider's file; every other catalogued
//! operation is the catalogue's plain change (`change.rs`), and an action or
//! path the catalogue does not name is refused in its provider's shape.
//!
//! # Logging
//!
//! Each request gives one `info` line: provider, action, resource id and
//! outcome. Never a password, a body or the secret.

mod aliyun;
pub mod backing;
mod change;
mod faults;
mod huawei;
mod params;
mod received;
mod reply;
mod route;
mod server;
mod signature;
mod state;
mod tencent;
mod ucloud;

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use secrecy::SecretString;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::sign::Credentials;
use state::State;

/// How far a request's time may be from the emulator's clock: 15 minutes,
/// as Alibaba and Huawei allow; Tencent's five minutes are applied on top
/// (`signature::tc3_max_skew`).
pub const DEFAULT_MAX_CLOCK_SKEW: time::Duration = time::Duration::minutes(15);

/// How long `fault-slow…` resources wait before answering: longer than any
/// sensible client timeout.
pub const DEFAULT_SLOW_ANSWER: std::time::Duration = std::time::Duration::from_secs(30);

/// What the emulator needs to know. `Debug` never shows the secret.
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    /// The one access key id the emulator accepts, for every provider.
    pub key_id: String,
    pub secret: SecretString,
    /// Requests whose time is further than this from the emulator's clock
    /// are refused with the provider's clock error.
    pub max_clock_skew: time::Duration,
    /// How long `fault-slow…` resources wait before answering.
    pub slow_answer: std::time::Duration,
    /// The emulator's clock stands still at this time (to check a request
    /// recorded at a known time, such as the official SDKs' conformance
    /// captures); `None`: the system clock.
    pub pinned_time: Option<time::OffsetDateTime>,
    /// Real services each accepted change is applied to as well.
    pub backing: Option<backing::Backing>,
}

impl EmulatorConfig {
    /// A configuration with the default clock skew and slow-answer delay.
    pub fn new(key_id: impl Into<String>, secret: SecretString) -> Self {
        EmulatorConfig {
            key_id: key_id.into(),
            secret,
            max_clock_skew: DEFAULT_MAX_CLOCK_SKEW,
            slow_answer: DEFAULT_SLOW_ANSWER,
            pinned_time: None,
            backing: None,
        }
    }
}

/// An emulator serving in the background. Dropping it stops it too; call
/// [`RunningEmulator::shutdown`] to wait until it has stopped.
pub struct RunningEmulator {
    /// Where it listens; the port is the real one when 0 was asked for.
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
    context: Arc<Context>,
}

impl RunningEmulator {
    /// The base URL to give Keyturn as an endpoint override.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The password the emulator holds for a resource of `op`, keyed by the
    /// ids each provider's handler uses (Huawei: `project_id`, `instance_id`;
    /// ModifyDtsJobPassword: `DtsJobId`, `Endpoint`, `UserName`; the others:
    /// their resource fields). It is what the "cloud" really has, for tests
    /// that check no password was lost.
    pub fn current_password(
        &self,
        op: &'static crate::catalog::Operation,
        ids: &[&str],
    ) -> Option<zeroize::Zeroizing<String>> {
        self.context
            .state
            .current(&state::ResourceKey::new(op, ids))
    }

    /// How many password-change calls for a resource (keyed as for
    /// [`Self::current_password`]) reached the emulator, whatever their
    /// answer.
    pub fn change_calls(&self, op: &'static crate::catalog::Operation, ids: &[&str]) -> u32 {
        self.context.state.calls(&state::ResourceKey::new(op, ids))
    }

    /// Stops accepting, ends open connections, and waits until it is done.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            // The server may already have ended; nothing to tell then.
            let _ = stop.send(());
        }
        if let Err(e) = (&mut self.task).await {
            tracing::warn!(error = %e, "the emulator's server task ended abnormally");
        }
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl fmt::Debug for RunningEmulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RunningEmulator")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// Binds `bind` (which must be 127.0.0.1, any port; 0 picks a free one) and
/// serves in the background on the current tokio runtime.
///
/// Only 127.0.0.1 is accepted: the emulator speaks plain HTTP and accepts a
/// test key, so it must never be reachable from another machine.
pub async fn start(config: EmulatorConfig, bind: SocketAddr) -> io::Result<RunningEmulator> {
    if bind.ip() != IpAddr::V4(Ipv4Addr::LOCALHOST) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "the emulator listens only on 127.0.0.1, not {}: it speaks plain HTTP and accepts a test key",
                bind.ip()
            ),
        ));
    }
    let listener = TcpListener::bind(bind).await?;
    let addr = listener.local_addr()?;
    let state = match config.pinned_time {
        Some(t) => State::with_clock(Arc::new(move || t)),
        None => State::new(),
    };
    let context = Arc::new(Context::new(config, state));
    let (stop, stopped) = oneshot::channel();
    let task = tokio::spawn(server::serve(listener, context.clone(), stopped));
    tracing::info!(%addr, "emulator listening");
    Ok(RunningEmulator {
        addr,
        stop: Some(stop),
        task,
        context,
    })
}

/// What every request handler reads: the known key, the limits, the state.
pub(crate) struct Context {
    credentials: Credentials,
    max_clock_skew: time::Duration,
    slow_answer: std::time::Duration,
    state: State,
    backing: Option<backing::Backing>,
}

impl Context {
    fn new(config: EmulatorConfig, state: State) -> Self {
        Context {
            credentials: Credentials::new(config.key_id, config.secret),
            max_clock_skew: config.max_clock_skew,
            slow_answer: config.slow_answer,
            state,
            backing: config.backing,
        }
    }
}

/// Compares two strings in time that depends only on their lengths, so the
/// emulator does not teach a timing attack to anyone who copies it.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_compares_whole_strings() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
        assert!(same("", ""));
    }

    #[test]
    fn debug_hides_the_secret() {
        let config = EmulatorConfig::new("KTEMUX", SecretString::from("hunter2-secret"));
        let text = format!("{config:?}");
        assert!(text.contains("KTEMUX"));
        assert!(!text.contains("hunter2"));
    }

    #[tokio::test]
    async fn refuses_addresses_other_than_127_0_0_1() {
        for bind in ["0.0.0.0:0", "127.0.0.2:0", "[::1]:0"] {
            let config = EmulatorConfig::new("K", SecretString::from("s"));
            let err = start(config, bind.parse().unwrap()).await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bind}");
            assert!(err.to_string().contains("127.0.0.1"));
        }
    }
}
