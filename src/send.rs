//! Sending a signed request and turning whatever happens into an
//! [`Outcome`]: the answer read by the provider's reader, or the transport's
//! failure judged as not-sent or unknown. Operations with a documented rate
//! limit wait their turn first.

use std::collections::HashMap;

use time::OffsetDateTime;

use crate::catalog::{CATALOG, Operation};
use crate::outcome::{self, Outcome};
use crate::request::SignedRequest;
use crate::transport::{RateLimiter, Transport};

/// Sends signed requests. Cheap to clone; clones share rate limits.
#[derive(Debug, Clone)]
pub struct Sender {
    transport: Transport,
    limiters: HashMap<&'static str, RateLimiter>,
}

impl Sender {
    pub fn new(transport: Transport) -> Self {
        let limiters = CATALOG
            .iter()
            .filter_map(|op| Some((op.id, RateLimiter::new(op.rate_limit_per_second?))))
            .collect();
        Sender {
            transport,
            limiters,
        }
    }

    /// How long after it is sent an answer may still come: the
    /// transport's total timeout.
    pub fn deadline(&self) -> std::time::Duration {
        self.transport.config().total_timeout
    }

    /// Sends `signed` (a request for `op`) once. Never retries: a second
    /// password change could lock the user out. `now` gives the time at
    /// which the answer arrived, for countdowns.
    pub async fn send(
        &self,
        op: &Operation,
        signed: &SignedRequest,
        now: impl Fn() -> OffsetDateTime,
    ) -> Outcome {
        // Held until the call is over, answered or not: see `RateLimiter`.
        let _place = match self.limiters.get(op.id) {
            Some(limiter) => Some(limiter.acquire().await),
            None => None,
        };
        tracing::info!(op = op.id, host = %signed.request.host, "sending");
        let outcome = match self.transport.send(&signed.request).await {
            Ok(response) => outcome::interpret(op, &response, now()),
            Err(error) => outcome::from_send_error(&error),
        };
        tracing::info!(
            op = op.id,
            status = outcome.status.key(),
            code = outcome.code.as_deref().unwrap_or(""),
            request_id = outcome.request_id.as_deref().unwrap_or(""),
            "answer"
        );
        outcome
    }
}
