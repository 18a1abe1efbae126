//! Sending a signed request and turning whatever happens into an
//! [`Outcome`]: the answer read by the provider's reader, or the transport's
//! failure judged as not-sent or unknown. Operations with a documented rate
//! limit wait their turn first.

use std::collections::HashMap;
use std::time::Duration;

use time::OffsetDateTime;

use crate::catalog::{CATALOG, Operation, TaskPoll};
use crate::outcome::task::Progress;
use crate::outcome::{self, Outcome};
use crate::request::SignedRequest;
use crate::transport::{RateLimiter, Transport};

/// How long and how often a task is asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskPlan {
    /// Before the first question: a task is seldom done at once.
    pub first_wait: Duration,
    /// Between questions.
    pub every: Duration,
    /// No question is started after this long; the change is then unknown.
    pub budget: Duration,
}

impl Default for TaskPlan {
    /// Tencent Cloud's password tasks end in seconds; three minutes leaves
    /// room for a busy instance without keeping the admin waiting for long.
    fn default() -> Self {
        TaskPlan {
            first_wait: Duration::from_secs(2),
            every: Duration::from_secs(3),
            budget: Duration::from_secs(180),
        }
    }
}

/// Sends signed requests. Cheap to clone; clones share rate limits.
#[derive(Debug, Clone)]
pub struct Sender {
    transport: Transport,
    limiters: HashMap<&'static str, RateLimiter>,
    task_plan: TaskPlan,
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
            task_plan: TaskPlan::default(),
        }
    }

    /// The same sender, following accepted changes' tasks by `plan`.
    pub fn with_task_plan(mut self, plan: TaskPlan) -> Self {
        self.task_plan = plan;
        self
    }

    /// How accepted changes' tasks are followed (`crate::follow`).
    pub fn task_plan(&self) -> TaskPlan {
        self.task_plan
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

    /// Asks once how an accepted change's task is doing, with `signed`,
    /// the call of `op`'s `poll`; it waits for `op`'s rate limit too.
    pub async fn follow(
        &self,
        op: &Operation,
        poll: &TaskPoll,
        signed: &SignedRequest,
    ) -> Progress {
        let _place = match self.limiters.get(op.id) {
            Some(limiter) => Some(limiter.acquire().await),
            None => None,
        };
        let progress = match self.transport.send(&signed.request).await {
            Ok(response) => outcome::task::read_progress(op.provider, poll, &response),
            Err(_) => Progress::NoAnswer,
        };
        tracing::info!(op = op.id, progress = ?progress, "task");
        progress
    }
}
