//! Sending a signed request and reading the answer.
//!
//! reqwest over rustls, with connect and total timeouts, a cap on the size
//! of an answer, no redirects (a signed request is valid for one URL only),
//! and `HTTPS_PROXY`/`NO_PROXY` honoured for `https://`. Loopback `http://`
//! (the local emulator) never goes through a proxy.
//!
//! Each client is built on the first send that needs it, not when a
//! `Transport` is made: the HTTPS client reads the system's CA certificates
//! and sets up TLS (about 2 MB and some milliseconds), which a window that
//! only inspects, a command that sends nothing, or the demo, which only
//! talks to the emulator on loopback, never needs. So a computer without
//! CA certificates can still run the demo.
//!
//! The one judgement made here is the most important one: whether a failed
//! call *certainly did not* reach the provider ([`SendError::NotSent`]) or
//! *may have* ([`SendError::Unknown`]).

mod limit;
pub mod tls;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

pub use limit::{Permit, RateLimiter};

use crate::http::{HttpRequest, HttpResponse, Scheme};

/// Limits for one call.
#[derive(Debug, Clone, Copy)]
pub struct TransportConfig {
    /// Time to establish the connection (DNS, TCP and TLS); cut to 90% of
    /// `total_timeout` when that is shorter (see `connect_deadline`).
    pub connect_timeout: Duration,
    /// Time for the whole call, connection included.
    pub total_timeout: Duration,
    /// Answers longer than this are not read. The APIs answer in well
    /// under a kilobyte; a megabyte is a broken or hostile server.
    pub max_response_bytes: usize,
    /// Nothing leaves this computer (the demo): only plain `http` to a
    /// loopback address (the built-in emulator) is sent; any other request
    /// is refused before a connection is made ([`Failure::LeavesThisComputer`]).
    pub stay_on_this_computer: bool,
}

impl Default for TransportConfig {
    fn default() -> Self {
        TransportConfig {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_response_bytes: 1024 * 1024,
            stay_on_this_computer: false,
        }
    }
}

/// Why no answer was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The request certainly did not reach the provider.
    NotSent(Failure),
    /// The request may have reached the provider; its answer was not read.
    Unknown(Failure),
}

/// What went wrong with a call, as a fact; front ends word it. Each
/// `detail` is the HTTP library's and the system's own account, in their
/// words (never a URL: see [`without_url`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The HTTP client could not be set up.
    Setup { detail: String },
    /// The request's method is not one HTTP can carry.
    BadMethod { method: String },
    /// The request could not be built.
    Unbuildable { detail: String },
    /// No connection could be made to `host`.
    Connect { host: String, detail: String },
    /// Connected, but no answer came from `host` in time.
    Timeout { host: String },
    /// The connection to `host` broke before an answer was read.
    Broke { host: String, detail: String },
    /// The answer (HTTP `status`) was longer than `cap_kib` KiB and was not
    /// read.
    TooLarge { status: u16, cap_kib: usize },
    /// The request would go to `host`, off this computer, where nothing
    /// may go (the demo); it was not sent.
    LeavesThisComputer { host: String },
}

/// An HTTP client for signed requests. Cheap to clone; clones share the
/// clients (and their connection pools).
#[derive(Debug, Clone)]
pub struct Transport {
    /// For `https://`: system proxy settings apply.
    remote: Lazy,
    /// For loopback `http://`: never proxied.
    loopback: Lazy,
    config: TransportConfig,
}

/// One client, built on the first send that needs it; a failure to build
/// is kept and reported by every such send as "not sent".
type Lazy = Arc<OnceLock<Result<reqwest::Client, Failure>>>;

fn build_client(config: TransportConfig, scheme: Scheme) -> Result<reqwest::Client, Failure> {
    tls::install();
    let builder = reqwest::Client::builder()
        .connect_timeout(connect_deadline(config))
        .timeout(config.total_timeout)
        .redirect(reqwest::redirect::Policy::none());
    let builder = match scheme {
        Scheme::Https => builder.https_only(true),
        // Plain http, never TLS: it trusts no certificate, so it reads none
        // of the system's.
        Scheme::Http => builder.no_proxy().tls_certs_only([]),
    };
    builder.build().map_err(|e| Failure::Setup {
        detail: describe(&e),
    })
}

impl Transport {
    /// A transport with these limits. Nothing is set up until the first
    /// send.
    pub fn new(config: TransportConfig) -> Self {
        Transport {
            remote: Lazy::default(),
            loopback: Lazy::default(),
            config,
        }
    }

    fn client(&self, scheme: Scheme) -> Result<&reqwest::Client, SendError> {
        let lazy = match scheme {
            Scheme::Https => &self.remote,
            Scheme::Http => &self.loopback,
        };
        lazy.get_or_init(|| build_client(self.config, scheme))
            .as_ref()
            .map_err(|e| SendError::NotSent(e.clone()))
    }

    pub fn config(&self) -> TransportConfig {
        self.config
    }

    /// Sends `request` and reads the whole answer (up to the size cap).
    pub async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, SendError> {
        // Plain http is only ever to loopback (see `endpoint`), so a request
        // that is not plain http would leave the computer.
        if self.config.stay_on_this_computer && request.scheme != Scheme::Http {
            return Err(SendError::NotSent(Failure::LeavesThisComputer {
                host: request.host.clone(),
            }));
        }
        let client = self.client(request.scheme)?;
        let method = reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|_| {
            SendError::NotSent(Failure::BadMethod {
                method: request.method.clone(),
            })
        })?;
        let mut builder = client.request(method, request.url().as_str());
        // The request carries every header that goes on the wire, in order
        // and in lower case (the printed request is the sent one); `host`,
        // its last, the client writes itself after the others, from the
        // same URL. `content-length` goes as given: the client would leave
        // it out of an empty POST, which gateways may refuse.
        for (name, value) in &request.headers {
            if !name.eq_ignore_ascii_case("host") {
                builder = builder.header(name.as_str(), value.as_str());
            }
        }
        let built = builder
            .body(request.body.as_bytes().to_vec())
            .build()
            .map_err(|e| {
                SendError::NotSent(Failure::Unbuildable {
                    detail: describe(&e),
                })
            })?;
        let host = request.host.clone();
        let mut response = client
            .execute(built)
            .await
            .map_err(|e| classify(&e, &host))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let cap = self.config.max_response_bytes;
        if response.content_length().is_some_and(|n| n as usize > cap) {
            return Err(SendError::Unknown(Failure::TooLarge {
                status,
                cap_kib: cap / 1024,
            }));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| classify(&e, &host))? {
            if body.len() + chunk.len() > cap {
                return Err(SendError::Unknown(Failure::TooLarge {
                    status,
                    cap_kib: cap / 1024,
                }));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// The time allowed to connect: the configured one, but always shorter than
/// the total timeout. A connection (DNS, TCP, TLS) that is still not made
/// when time runs out proves the request never left; reqwest reports that
/// only when its connect timeout fires, while its total timeout firing
/// first would read as "no answer in time", an unknown result. So the
/// connect timeout must fire first.
fn connect_deadline(config: TransportConfig) -> Duration {
    config
        .connect_timeout
        .min(config.total_timeout.mul_f64(0.9))
}

/// Only a failure to connect proves the request never left. Everything
/// else — a timeout after connecting, a reset, a broken answer — may have
/// happened after the provider acted on it.
fn classify(e: &reqwest::Error, host: &str) -> SendError {
    let host = host.to_owned();
    if e.is_connect() || e.is_builder() {
        SendError::NotSent(Failure::Connect {
            host,
            detail: describe(e),
        })
    } else if e.is_timeout() {
        SendError::Unknown(Failure::Timeout { host })
    } else {
        SendError::Unknown(Failure::Broke {
            host,
            detail: describe(e),
        })
    }
}

/// The error and its causes in one line, without the URL reqwest names in
/// it: Alibaba's passwords travel in the query string.
fn describe(e: &reqwest::Error) -> String {
    without_url(e, "the endpoint")
}

/// A reqwest error and its causes in one line, with `instead` where it
/// names its URL (which may hold secrets or name a secret's path).
pub(crate) fn without_url(e: &reqwest::Error, instead: &str) -> String {
    let mut text = e.to_string();
    if let Some(url) = e.url() {
        text = text.replace(url.as_str(), instead);
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connecting_always_ends_before_the_whole_call() {
        let default = TransportConfig::default();
        assert_eq!(connect_deadline(default), Duration::from_secs(10));
        let short = TransportConfig {
            total_timeout: Duration::from_secs(1),
            ..default
        };
        assert_eq!(connect_deadline(short), Duration::from_millis(900));
    }

    #[test]
    fn each_client_is_built_on_the_first_send_that_needs_it_and_shared_by_clones() {
        let transport = Transport::new(TransportConfig::default());
        let clone = transport.clone();
        assert!(transport.loopback.get().is_none(), "built before any send");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        // Port 9 on loopback: nothing listens, so this fails to connect.
        let request = HttpRequest::new("POST", Scheme::Http, "127.0.0.1:9", "/");
        let sent = runtime.block_on(clone.send(&request));
        assert!(matches!(sent, Err(SendError::NotSent(_))), "{sent:?}");
        assert!(transport.loopback.get().is_some_and(Result::is_ok));
        assert!(
            transport.remote.get().is_none(),
            "a loopback send set up the HTTPS client"
        );
    }
}
