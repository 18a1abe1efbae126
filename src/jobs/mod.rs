//! Background work for the desktop app: a tokio runtime that runs every
//! network and keyring call off the UI thread and reports back through one
//! channel.
//!
//! This module is core, not UI: it knows nothing of egui. The UI hands in a
//! *waker* (in the app, a closure calling `request_repaint`) that is called
//! after every report, so a result wakes an otherwise idle window. The UI
//! pulls reports with [`Jobs::drain`] once per frame.
//!
//! The shape follows gitui's `asyncgit`: each job gets a [`JobId`], reports
//! are small enums tagged with it, and whoever started a job keeps its id so
//! that a report for a job it no longer cares about (the user has since
//! changed the form) is recognised and dropped. Unlike gitui, no error is
//! swallowed: every failure becomes a report.
//!
//! A password change must never be sent twice or half-cancelled, so a send
//! job has a three-state hand-off ([`CancelOutcome`]): it can be cancelled
//! until the moment it is handed to the transport, and not after. The job
//! and [`Jobs::cancel`] race for that moment on one atomic, so the UI always
//! tells the truth about whether the request left.
//!
//! Every password change goes through [`crate::rotation`] exactly as
//! `keyturn request --send` does (see `jobs/change.rs`): refused up front
//! when the journal says the provider would refuse, the new password staged
//! as *pending* and the attempt journalled before anything leaves, settled
//! by the outcome afterwards. The keyring and journal calls block, so they
//! run with `spawn_blocking`. The credentials view's jobs (reveal, add,
//! import, remove, preview, the file dialog) are in `jobs/store.rs`.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use time::OffsetDateTime;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

mod change;
mod error;
mod store;

pub use error::JobError;

pub use store::{ImportRequest, import_file};

use std::path::PathBuf;

use secrecy::SecretString;

use crate::endpoint::Endpoint;
use crate::journal::Attempt;
use crate::outcome::Outcome;
use crate::request::{SignedRequest, ValidatedRequest};
use crate::rotation::{Block, Outlook};
use crate::send::Sender;
use crate::sign::Credentials;
use crate::transport::{Transport, TransportConfig};
use crate::vault::ResourceKey;
use crate::vault::{Index, Vault};
use crate::verify;

pub use crate::clock::{Clock, system_clock};

/// Called after each report, from a runtime thread.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Names one job; ids are never reused within a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(u64);

#[cfg(test)]
impl JobId {
    /// An id as a job would have, for the panels' unit tests.
    pub(crate) fn for_tests(n: u64) -> JobId {
        JobId(n)
    }
}

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Where a send job gets its access key.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// A stored profile: the secret is read from the keyring inside the job.
    Profile(String),
    /// Typed in for a one-off call; never stored.
    Typed(Credentials),
}

/// One password change to sign and send.
#[derive(Debug, Clone)]
pub struct SendJob {
    pub request: ValidatedRequest,
    pub endpoint: Endpoint,
    /// The endpoint override as given (typed, or the profile's), recorded
    /// in the journal so that a retry goes to the same place.
    pub endpoint_override: Option<String>,
    pub key: KeySource,
    /// The user chose "send anyway" although the journal says the provider
    /// would refuse (a lock, an old password still valid, a throttle).
    pub anyway: bool,
}

/// What the journal holds, for the recovery banner and the history view.
#[derive(Debug, Clone, Default)]
pub struct JournalView {
    /// Every attempt, oldest first.
    pub attempts: Vec<Attempt>,
    /// Lines that could not be read (a torn last line), with why.
    pub skipped: Vec<String>,
}

/// What a job reports, tagged with its id.
#[derive(Debug)]
pub struct JobReport {
    pub id: JobId,
    pub event: Event,
}

/// What a job that stores or settles something did, as a fact for the
/// app to word.
#[derive(Debug, Clone)]
pub enum Done {
    ProfileAdded {
        name: String,
        provider: crate::catalog::Provider,
        key_id: String,
    },
    ProfileImported {
        name: String,
        provider: crate::catalog::Provider,
        key_id: String,
    },
    /// `had_secret`: whether the keyring still held its secret.
    ProfileRemoved { name: String, had_secret: bool },
    /// The store to use from the next start.
    StoreSaved(crate::vault::team::StoreChoice),
    /// An open attempt was settled by the user's word.
    Decided(crate::rotation::Decided),
}

/// The reports. Small on purpose: the UI keeps what it needs to know about
/// a job (which form, which resource) under the job's id.
#[derive(Debug)]
pub enum Event {
    /// The profile index was read (it holds no secret).
    Index(Result<Index, JobError>),
    /// A profile's access key is in the keyring, or why it could not be read.
    KeyFound(Result<(), JobError>),
    /// The request was handed to the transport: it can no longer be cancelled.
    Handed,
    /// The provider's answer, or what became of the call, at `at`, and
    /// where the passwords are now (the rotation's settle note).
    Answered {
        outcome: Box<Outcome>,
        at: OffsetDateTime,
        /// Where the passwords are now, of which resource; the app words it
        /// when it shows it, in the language in force then.
        passwords: crate::rotation::Whereabouts,
        key: crate::vault::ResourceKey,
        /// For a retry: which endpoint it went to, and why that one.
        sent_to: Option<(crate::rotation::EndpointSource, crate::endpoint::Endpoint)>,
    },
    /// Refused before anything was staged or sent: the journal says the
    /// provider would refuse now. `can_override` is false for an earlier
    /// change with an unknown result, which must be settled first.
    Blocked { block: Block, can_override: bool },
    /// Stopped before anything left this machine.
    Cancelled,
    /// Could not be sent at all (the keyring could not be read, …); nothing
    /// left this machine.
    NotStarted(JobError),
    /// A profile's key was checked against the provider.
    Verified(Result<Box<verify::Checked>, JobError>),
    /// The rotation journal was read.
    Journal(Result<Box<JournalView>, JobError>),
    /// A keyring or index change finished (add, import, remove a profile;
    /// keep or discard a pending password): what it did, in words.
    Done(Result<Done, JobError>),
    /// A secret read from the keyring for a reveal or a copy.
    Secret(Result<SecretString, JobError>),
    /// The signed request a form would send, for the preview.
    Preview(Result<Box<SignedRequest>, JobError>),
    /// What Keyturn knows of a resource a form names: a change it would
    /// refuse now, and the keyring's current password.
    Outlook(Result<Box<Outlook>, JobError>),
    /// The file the user picked in the file dialog (`None`: cancelled),
    /// or that no dialog could be shown.
    FilePicked(Result<Option<PathBuf>, JobError>),
}

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
}

impl Default for JobsConfig {
    fn default() -> Self {
        JobsConfig {
            transport: TransportConfig::default(),
            hold_before_send: Duration::ZERO,
            worker_threads: 2,
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
struct Handoff {
    state: Arc<AtomicU8>,
    /// Wakes the job if it is waiting (keyring, hold) when cancelled.
    token: CancellationToken,
}

impl Handoff {
    fn new() -> Self {
        Handoff {
            state: Arc::new(AtomicU8::new(PENDING)),
            token: CancellationToken::new(),
        }
    }

    /// The job's last check before sending: true if it may send.
    fn hand_over(&self) -> bool {
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
    sender: Sender,
    transport: Transport,
    vault: Option<Vault>,
    clock: Clock,
    waker: Waker,
    config: JobsConfig,
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
struct Reporter {
    id: JobId,
    tx: mpsc::UnboundedSender<JobReport>,
    waker: Waker,
}

impl Reporter {
    fn report(&self, event: Event) {
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
            .map_err(|e| JobError::Task(format!("the background runtime could not start: {e}")))?;
        let transport = Transport::new(config.transport);
        let (tx, rx) = mpsc::unbounded_channel();
        Ok(Jobs {
            runtime: Some(runtime),
            sender: Sender::new(transport.clone()),
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

    fn runtime(&self) -> &Runtime {
        self.runtime
            .as_ref()
            .unwrap_or_else(|| unreachable!("the runtime lives until Jobs is dropped"))
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    fn reporter(&mut self) -> Reporter {
        self.next_id += 1;
        Reporter {
            id: JobId(self.next_id),
            tx: self.tx.clone(),
            waker: self.waker.clone(),
        }
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

    /// Reads the profile index (a file, but under a lock another process
    /// may hold, so never on the UI thread).
    pub fn read_index(&mut self) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let vault = self.vault.clone();
        self.runtime().spawn_blocking(move || {
            let result = match vault {
                Some(vault) => vault.index().map_err(JobError::from),
                None => Err(JobError::NoConfigFolder),
            };
            reporter.report(Event::Index(result));
        });
        id
    }

    /// Checks that a profile's secret can be read from the keyring (which
    /// may have to be unlocked first). The secret is dropped at once.
    pub fn check_key(&mut self, profile: &str) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let vault = self.vault.clone();
        let profile = profile.to_owned();
        self.runtime().spawn_blocking(move || {
            let result = read_credentials(vault.as_ref(), &profile).map(drop);
            reporter.report(Event::KeyFound(result));
        });
        id
    }

    /// Signs and sends one password change through the rotation (see
    /// `jobs/change.rs`). Reports [`Event::Handed`] when the request goes
    /// to the transport, then [`Event::Answered`]; or [`Event::Blocked`],
    /// [`Event::Cancelled`] or [`Event::NotStarted`] if it never left.
    pub fn send(&mut self, job: SendJob) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let handoff = Handoff::new();
        self.sends.insert(id, handoff.clone());
        let ctx = self.change_ctx();
        self.runtime()
            .spawn(change::send(ctx, job, handoff, reporter));
        id
    }

    /// Sends an open attempt again with the same new password, once the
    /// user has confirmed it. The key is the attempt's profile, or `typed`.
    /// Reports like [`Jobs::send`].
    pub fn retry(&mut self, attempt: &str, typed: Option<Credentials>) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let handoff = Handoff::new();
        self.sends.insert(id, handoff.clone());
        let ctx = self.change_ctx();
        self.runtime().spawn(change::retry(
            ctx,
            attempt.to_owned(),
            typed,
            handoff,
            reporter,
        ));
        id
    }

    /// Reads the rotation journal: open attempts and history.
    pub fn read_journal(&mut self) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        self.runtime().spawn_blocking(move || {
            reporter.report(Event::Journal(change::read_journal(vault.as_ref(), &clock)));
        });
        id
    }

    /// Looks up what the journal and the keyring know of `key` (see
    /// [`Outlook`]), for the form to show before a change is reviewed.
    pub fn look_ahead(&mut self, key: ResourceKey, changes_password: bool) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        self.runtime().spawn_blocking(move || {
            let result = change::rotation(vault.as_ref()).and_then(|rotation| {
                let outlook = rotation.outlook(&key, changes_password, clock())?;
                Ok(Box::new(outlook))
            });
            reporter.report(Event::Outlook(result));
        });
        id
    }

    /// Settles an open attempt by the user's word: the change worked
    /// (`keep`: pending becomes current) or it did not (pending is
    /// discarded). Reports [`Event::Done`] with what was decided.
    pub fn settle_attempt(&mut self, attempt: &str, keep: bool) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        let attempt = attempt.to_owned();
        self.runtime().spawn_blocking(move || {
            let result = change::rotation(vault.as_ref()).and_then(|rotation| {
                let settled = if keep {
                    rotation.keep_as_current(&attempt, clock())
                } else {
                    rotation.discard(&attempt, clock())
                };
                settled.map(Done::Decided).map_err(JobError::from)
            });
            reporter.report(Event::Done(result));
        });
        id
    }

    fn change_ctx(&self) -> change::Ctx {
        change::Ctx {
            vault: self.vault.clone(),
            sender: self.sender.clone(),
            clock: self.clock.clone(),
            hold: self.config.hold_before_send,
        }
    }

    /// Cancels a send job if it has not yet been handed to the transport.
    pub fn cancel(&mut self, id: JobId) -> CancelOutcome {
        match self.sends.get(&id) {
            Some(handoff) => handoff.cancel(),
            None => CancelOutcome::NotRunning,
        }
    }

    /// Checks a profile's key with the provider's cheapest read-only call
    /// and records what it found, through the one verification every front
    /// end calls ([`verify::verify_profile`]).
    pub fn verify(&mut self, profile: &str) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let vault = self.vault.clone();
        let transport = self.transport.clone();
        let clock = self.clock.clone();
        let name = profile.to_owned();
        self.runtime().spawn(async move {
            let Some(vault) = vault else {
                return reporter.report(Event::Verified(Err(JobError::NoConfigFolder)));
            };
            let checked = verify::verify_profile(&vault, &name, None, &transport, &clock).await;
            reporter.report(Event::Verified(
                checked.map(Box::new).map_err(JobError::from),
            ));
        });
        id
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

fn read_credentials(vault: Option<&Vault>, profile: &str) -> Result<Credentials, JobError> {
    let vault = vault.ok_or(JobError::NoConfigFolder)?;
    let (_, credentials) = vault.credentials(profile)?;
    Ok(credentials)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request;
    use std::sync::atomic::AtomicUsize;

    fn jobs(config: JobsConfig) -> (Jobs, Arc<AtomicUsize>) {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = wakes.clone();
        let waker: Waker = Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let jobs = Jobs::new(config, None, system_clock(), waker).unwrap();
        (jobs, wakes)
    }

    fn wait_for(jobs: &mut Jobs, id: JobId, done: impl Fn(&Event) -> bool) -> Vec<Event> {
        let mut seen = Vec::new();
        // Generous: a loaded machine (CI) can take seconds for a keyring
        // write; a job that never finishes still fails the test.
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while std::time::Instant::now() < deadline {
            for report in jobs.drain() {
                assert_eq!(report.id, id);
                let finished = done(&report.event);
                seen.push(report.event);
                if finished {
                    return seen;
                }
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("job {id} did not finish; saw {seen:?}");
    }

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

    #[test]
    fn without_a_vault_the_index_job_says_why_and_wakes_the_ui() {
        let (mut jobs, wakes) = jobs(JobsConfig::default());
        let id = jobs.read_index();
        let events = wait_for(&mut jobs, id, |_| true);
        assert!(matches!(
            &events[0],
            Event::Index(Err(JobError::NoConfigFolder))
        ));
        assert_eq!(wakes.load(Ordering::SeqCst), 1);
    }

    /// A valid UCloud URedis change, for jobs that must never send it.
    fn uredis_request() -> request::ValidatedRequest {
        let op = crate::catalog::find("ucloud.uredis.modify-group-password").unwrap();
        let mut inputs = request::Inputs {
            region: Some("cn-bj2".into()),
            ..Default::default()
        };
        inputs.set("GroupId", request::Value::Plain("uredis-1".into()));
        inputs.set(
            "Password",
            request::Value::Secret(secrecy::SecretString::from("abcdef-123")),
        );
        request::validate(op, &inputs).unwrap()
    }

    #[test]
    fn a_held_send_can_be_cancelled_and_reports_it() {
        let (mut jobs, _) = jobs(JobsConfig {
            hold_before_send: Duration::from_secs(30),
            ..JobsConfig::default()
        });
        let validated = uredis_request();
        let id = jobs.send(SendJob {
            request: validated,
            // Nothing listens there; the job must never get that far.
            endpoint: Endpoint::parse_override("http://127.0.0.1:9").unwrap(),
            endpoint_override: None,
            key: KeySource::Typed(Credentials::new("K", secrecy::SecretString::from("s"))),
            anyway: false,
        });
        assert_eq!(jobs.cancel(id), CancelOutcome::Cancelled);
        let events = wait_for(&mut jobs, id, |e| matches!(e, Event::Cancelled));
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(jobs.cancel(id), CancelOutcome::NotRunning);
    }

    #[test]
    fn a_profile_send_without_a_vault_is_not_started() {
        let (mut jobs, _) = jobs(JobsConfig::default());
        let validated = uredis_request();
        let id = jobs.send(SendJob {
            request: validated,
            endpoint: Endpoint::parse_override("http://127.0.0.1:9").unwrap(),
            endpoint_override: None,
            key: KeySource::Profile("prod".into()),
            anyway: false,
        });
        let events = wait_for(&mut jobs, id, |_| true);
        assert!(matches!(&events[0], Event::NotStarted(_)), "{events:?}");
    }
}
