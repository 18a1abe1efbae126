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
//!
//! What jobs report is in `jobs/event.rs`, and the runtime, its channel
//! and a send's hand-off in `jobs/runtime.rs`. This file starts the other
//! jobs: reading the index and the journal, checking and verifying a key,
//! sending and retrying a change, looking ahead and settling an attempt.

mod change;
mod error;
mod event;
mod runtime;
mod screen_lock;
mod store;

use crate::sign::Credentials;
use crate::vault::ResourceKey;
use crate::verify;

pub use change::{KeySource, SendJob};
pub use error::JobError;
pub use event::{Done, Event, FoundOut, JobId, JobReport, JournalView, Proven};
pub use runtime::{CancelOutcome, Jobs, JobsConfig, Waker};
pub use store::{FileDialogWords, ImportRequest, import_file};

pub use crate::clock::{Clock, system_clock};

impl Jobs {
    /// Reads the profile index (a file, but under a lock another process
    /// may hold, so never on the UI thread).
    pub fn read_index(&mut self) -> JobId {
        let vault = self.vault.clone();
        self.spawn_blocking_job(move || {
            Event::Index(match vault {
                Some(vault) => vault.index().map_err(JobError::from),
                None => Err(JobError::NoConfigFolder),
            })
        })
    }

    /// Checks that a profile's secret can be read from the keyring (which
    /// may have to be unlocked first). The secret is dropped at once.
    pub fn check_key(&mut self, profile: &str) -> JobId {
        let vault = self.vault.clone();
        let profile = profile.to_owned();
        self.spawn_blocking_job(move || {
            Event::KeyFound(change::read_credentials(vault.as_ref(), &profile).map(drop))
        })
    }

    /// Signs and sends one password change through the rotation (see
    /// `jobs/change.rs`). Reports [`Event::Handed`] when the request goes
    /// to the transport, then [`Event::Answered`]; or [`Event::Blocked`],
    /// [`Event::Cancelled`] or [`Event::NotStarted`] if it never left.
    pub fn send(&mut self, job: SendJob) -> JobId {
        let (reporter, handoff) = self.new_send();
        let id = reporter.id;
        let ctx = self.change_ctx();
        self.runtime()
            .spawn(change::send(ctx, job, handoff, reporter));
        id
    }

    /// Sends an open attempt again with the same new password, once the
    /// user has confirmed it. The key is the attempt's profile, or `typed`.
    /// Reports like [`Jobs::send`].
    pub fn retry(&mut self, attempt: &str, typed: Option<Credentials>) -> JobId {
        let (reporter, handoff) = self.new_send();
        let id = reporter.id;
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
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        self.spawn_blocking_job(move || {
            Event::Journal(change::read_journal(vault.as_ref(), &clock))
        })
    }

    /// Looks up what the journal and the keyring know of `key` (see
    /// [`Outlook`](crate::rotation::Outlook)), for the form to show before a change is reviewed.
    pub fn look_ahead(&mut self, key: ResourceKey, changes_password: bool) -> JobId {
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        self.spawn_blocking_job(move || {
            Event::Outlook(change::rotation(vault.as_ref()).and_then(|rotation| {
                let outlook = rotation.outlook(&key, changes_password, clock())?;
                Ok(Box::new(outlook))
            }))
        })
    }

    /// Settles an open attempt by the user's word: the change worked
    /// (`keep`: pending becomes current) or it did not (pending is
    /// discarded). Reports [`Event::Done`] with what was decided.
    pub fn settle_attempt(&mut self, attempt: &str, keep: bool) -> JobId {
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        let attempt = attempt.to_owned();
        self.spawn_blocking_job(move || {
            Event::Done(change::rotation(vault.as_ref()).and_then(|rotation| {
                let settled = if keep {
                    rotation.keep_as_current(&attempt, clock())
                } else {
                    rotation.discard(&attempt, clock())
                };
                settled.map(Done::Decided).map_err(JobError::from)
            }))
        })
    }

    fn change_ctx(&self) -> change::Ctx {
        change::Ctx {
            vault: self.vault.clone(),
            sender: self.sender.clone(),
            clock: self.clock.clone(),
            hold: self.config.hold_before_send,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Endpoint;
    use crate::request;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

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
