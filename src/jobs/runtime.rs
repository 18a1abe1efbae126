//! The jobs' runtime and channel: [`Jobs`] owns a tokio runtime, hands each
//! job an id and a reporter that sends its [`Event`]s and wakes the UI, and
//! lets the UI drain what arrived. A send job's hand-off to the transport is
//! raced for here, on one atomic, against [`Jobs::cancel`].

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use tokio::runtime::Runtime;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::send::{Sender, TaskPlan};
use crate::transport::{Transport, TransportConfig};
use crate::vault::Vault;

use super::error::JobError;
use super::event::{Event, JobId, JobReport};

/// Called after each report, from a runtime thread.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// How the runtime behaves.
#[derive(Debug, Clone, Copy)]
pub struct JobsConfig {
    pub transport: TransportConfig,
    /// A pause between confirming and sending, during which Cancel still
    /// works. Zero by default: the confirmation dialog already names what
    /// will change. A demo or a cautious user may want a few seconds.
    pub hold_before_send: Duration,
    /// Worker threads of the runtime; two keep a slow keyring from holding
    /// up a send.
    pub worker_threads: usize,
    /// How a change the provider accepted as a task is followed to its
    /// end (how long before the first question, how often, for how long).
    pub task_plan: TaskPlan,
}

impl Default for JobsConfig {
    fn default() -> Self {
        JobsConfig {
            transport: TransportConfig::default(),
            hold_before_send: Duration::ZERO,
            worker_threads: 2,
            task_plan: TaskPlan::default(),
        }
    }
}

/// What [`Jobs::cancel`] achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOutcome {
    /// The job stops; nothing was sent.
    Cancelled,
    /// The request was already handed to the transport.
    TooLate,
    /// No such send job is running (it has finished).
    NotRunning,
}

/// The hand-off states of a send job, raced for on one atomic.
const PENDING: u8 = 0;
const CANCELLED: u8 = 1;
const HANDED: u8 = 2;

/// A send job's cancellation handle.
#[derive(Debug, Clone)]
pub(super) struct Handoff {
    state: Arc<AtomicU8>,
    /// Wakes the job if it is waiting (keyring, hold) when cancelled.
    pub(super) token: CancellationToken,
}

impl Handoff {
    fn new() -> Self {
        Handoff {
            state: Arc::new(AtomicU8::new(PENDING)),
            token: CancellationToken::new(),
        }
    }

    /// The job's last check before sending: true if it may send.
    pub(super) fn hand_over(&self) -> bool {
        self.state
            .compare_exchange(PENDING, HANDED, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    fn cancel(&self) -> CancelOutcome {
        match self
            .state
            .compare_exchange(PENDING, CANCELLED, Ordering::SeqCst, Ordering::SeqCst)
        {
            Ok(_) => {
                self.token.cancel();
                CancelOutcome::Cancelled
            }
            Err(HANDED) => CancelOutcome::TooLate,
            Err(_) => CancelOutcome::Cancelled,
        }
    }
}

/// The runtime and the channel. Owned by the app; dropping it stops every
/// job that is still waiting (a request already handed to the transport
/// is dropped with the runtime too, and its fate is unknown to this run).
pub struct Jobs {
    /// Always `Some` until dropped (see `Drop`).
    runtime: Option<Runtime>,
    pub(super) sender: Sender,
    pub(super) transport: Transport,
    pub(super) vault: Option<Vault>,
    pub(super) clock: Clock,
    waker: Waker,
    pub(super) config: JobsConfig,
    tx: mpsc::UnboundedSender<JobReport>,
    rx: mpsc::UnboundedReceiver<JobReport>,
    next_id: u64,
    sends: HashMap<JobId, Handoff>,
}

impl fmt::Debug for Jobs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Jobs")
            .field("running_sends", &self.sends.len())
            .finish_non_exhaustive()
    }
}

/// Sends reports and wakes the UI; cloned into each job.
#[derive(Clone)]
pub(super) struct Reporter {
    pub(super) id: JobId,
    tx: mpsc::UnboundedSender<JobReport>,
    waker: Waker,
}

impl Reporter {
    pub(super) fn report(&self, event: Event) {
        // The receiver is gone only when the app is closing: nobody to tell.
        let _ = self.tx.send(JobReport { id: self.id, event });
        (self.waker)();
    }
}

impl Jobs {
    /// Starts the runtime. `vault` is where profiles live (`None` when the
    /// platform has no config folder: only typed keys then work).
    pub fn new(
        config: JobsConfig,
        vault: Option<Vault>,
        clock: Clock,
        waker: Waker,
    ) -> Result<Self, JobError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(config.worker_threads.max(1))
            .thread_name("keyturn-jobs")
            .enable_all()
            .build()
            .map_err(|e| JobError::NoRuntime(e.to_string()))?;
        let transport = Transport::new(config.transport);
        let (tx, rx) = mpsc::unbounded_channel();
        Ok(Jobs {
            runtime: Some(runtime),
            sender: Sender::new(transport.clone()).with_task_plan(config.task_plan),
            transport,
            vault,
            clock,
            waker,
            config,
            tx,
            rx,
            next_id: 0,
            sends: HashMap::new(),
        })
    }

    pub(super) fn runtime(&self) -> &Runtime {
        self.runtime
            .as_ref()
            .unwrap_or_else(|| unreachable!("the runtime lives until Jobs is dropped"))
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub(super) fn reporter(&mut self) -> Reporter {
        self.next_id += 1;
        Reporter {
            id: JobId(self.next_id),
            tx: self.tx.clone(),
            waker: self.waker.clone(),
        }
    }

    /// A new send job's reporter and hand-off, the hand-off kept so that
    /// [`Jobs::cancel`] can reach it until the job's end is drained.
    pub(super) fn new_send(&mut self) -> (Reporter, Handoff) {
        let reporter = self.reporter();
        let handoff = Handoff::new();
        self.sends.insert(reporter.id, handoff.clone());
        (reporter, handoff)
    }

    /// Starts a job that runs `job` on the blocking pool (keyring, journal,
    /// index and file calls block) and reports the event it returns, which
    /// wakes the UI.
    pub(super) fn spawn_blocking_job(
        &mut self,
        job: impl FnOnce() -> Event + Send + 'static,
    ) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        self.runtime()
            .spawn_blocking(move || reporter.report(job()));
        id
    }

    /// Every report that has arrived since the last call, oldest first.
    pub fn drain(&mut self) -> Vec<JobReport> {
        let mut reports = Vec::new();
        while let Ok(report) = self.rx.try_recv() {
            if matches!(
                report.event,
                Event::Answered { .. }
                    | Event::Cancelled
                    | Event::NotStarted(_)
                    | Event::Blocked { .. }
            ) {
                self.sends.remove(&report.id);
            }
            reports.push(report);
        }
        reports
    }

    /// Cancels a send job if it has not yet been handed to the transport.
    pub fn cancel(&mut self, id: JobId) -> CancelOutcome {
        match self.sends.get(&id) {
            Some(handoff) => handoff.cancel(),
            None => CancelOutcome::NotRunning,
        }
    }
}

impl Drop for Jobs {
    /// Closing the window must not wait for a keyring prompt or a slow
    /// answer: the runtime is let go of in the background.
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handoff_is_decided_once() {
        let h = Handoff::new();
        assert_eq!(h.cancel(), CancelOutcome::Cancelled);
        assert!(!h.hand_over(), "a cancelled job must not send");
        let h = Handoff::new();
        assert!(h.hand_over());
        assert_eq!(h.cancel(), CancelOutcome::TooLate);
        assert!(!h.token.is_cancelled());
    }
}
