//! Password changes from the desktop app: each one is made by the core's
//! one rotation protocol ([`Rotation::change`] and [`Rotation::retry`]),
//! exactly as `keyturn request --send` and `keyturn recover --retry` make
//! them. This file only reads the key off the UI thread, honours the
//! app's cancel and hold, and turns what happened into [`Event`]s. What a
//! change job is given ([`SendJob`], its [`KeySource`]) is here too.

use crate::catalog::TaskState;
use crate::outcome::TaskId;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::Clock;
use crate::endpoint::Endpoint;
use crate::request::ValidatedRequest;
use crate::rotation::{
    ChangeRequest, Changed, EndpointSource, Hooks, RetryKey, Rotation, RotationError, Step,
};
use crate::send::Sender;
use crate::sign::Credentials;
use crate::vault::Vault;

use super::error::JobError;
use super::event::{Event, JournalView};
use super::runtime::{Handoff, Reporter};

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

/// A profile's access key, read from the keyring.
pub(super) fn read_credentials(
    vault: Option<&Vault>,
    profile: &str,
) -> Result<Credentials, JobError> {
    let vault = vault.ok_or(JobError::NoConfigFolder)?;
    let (_, credentials) = vault.credentials(profile)?;
    Ok(credentials)
}

/// What a change job needs from the runtime.
pub(super) struct Ctx {
    pub vault: Option<Vault>,
    pub sender: Sender,
    pub clock: Clock,
    pub hold: Duration,
}

/// The rotation store of the vault: its keyring slots and its journal.
/// Without a config folder there is none, and no password can be kept
/// safe, so nothing is sent.
pub(super) fn rotation(vault: Option<&Vault>) -> Result<Arc<Rotation>, JobError> {
    Ok(Rotation::new(
        vault.ok_or(JobError::NoConfigFolder)?.clone(),
    ))
}

/// Runs blocking work (keyring, journal, index) off the runtime's threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, JobError> {
    Ok(tokio::task::spawn_blocking(f).await?)
}

/// The app's side of a change in progress: its cancel button races the
/// hand-over, and the hand-over is reported so the button can go.
struct AppHooks {
    handoff: Handoff,
    reporter: Reporter,
}

impl Hooks for AppHooks {
    fn hand_over(&self) -> bool {
        self.handoff.hand_over()
    }

    fn reached(&self, step: Step) {
        if step == Step::Sent {
            self.reporter.report(Event::Handed);
        }
    }

    fn following(&self, task: &TaskId, state: Option<TaskState>) {
        self.reporter.report(Event::Following {
            task: task.clone(),
            state,
        });
    }
}

pub(super) async fn send(ctx: Ctx, job: SendJob, handoff: Handoff, reporter: Reporter) {
    let SendJob {
        request,
        endpoint,
        endpoint_override,
        key,
        anyway,
    } = job;
    let token = handoff.token.clone();

    // The key. Cancelling while the keyring is asked (it may be waiting
    // for the user to unlock it) stops the job at once: nothing is staged.
    let (credentials, profile) = match key {
        KeySource::Typed(credentials) => (credentials, None),
        KeySource::Profile(name) => {
            let vault = ctx.vault.clone();
            let wanted = name.clone();
            let read = blocking(move || read_credentials(vault.as_ref(), &wanted));
            tokio::select! {
                _ = token.cancelled() => return reporter.report(Event::Cancelled),
                read = read => match read.and_then(|r| r) {
                    Ok(credentials) => (credentials, Some(name)),
                    Err(e) => return reporter.report(Event::NotStarted(e)),
                }
            }
        }
    };
    if !hold(&ctx, &handoff).await {
        return reporter.report(Event::Cancelled);
    }
    let rotation = match rotation(ctx.vault.as_ref()) {
        Ok(r) => r,
        Err(e) => return reporter.report(Event::NotStarted(e)),
    };
    let change = ChangeRequest {
        request,
        endpoint,
        endpoint_override,
        credentials,
        profile,
        anyway,
        signing: Default::default(),
    };
    let hooks = AppHooks {
        handoff,
        reporter: reporter.clone(),
    };
    let result = rotation
        .change(change, &ctx.sender, &ctx.clock, &hooks)
        .await;
    reporter.report(answered(result, None, &ctx.clock));
}

/// The demo's (or a cautious user's) pause before sending, during which
/// Cancel still works. `false` if it was cancelled.
async fn hold(ctx: &Ctx, handoff: &Handoff) -> bool {
    if ctx.hold.is_zero() {
        return true;
    }
    tokio::select! {
        _ = handoff.token.cancelled() => false,
        _ = tokio::time::sleep(ctx.hold) => true,
    }
}

/// Sends an open attempt again with the same new password, with its
/// profile's key (read now) or `typed`.
pub(super) async fn retry(
    ctx: Ctx,
    attempt: String,
    typed: Option<Credentials>,
    handoff: Handoff,
    reporter: Reporter,
) {
    if !hold(&ctx, &handoff).await {
        return reporter.report(Event::Cancelled);
    }
    let rotation = match rotation(ctx.vault.as_ref()) {
        Ok(r) => r,
        Err(e) => return reporter.report(Event::NotStarted(e)),
    };
    let key = match typed {
        Some(credentials) => RetryKey::Typed(credentials),
        None => RetryKey::Profile,
    };
    let hooks = AppHooks {
        handoff,
        reporter: reporter.clone(),
    };
    let result = rotation
        .retry(&attempt, key, &ctx.sender, &ctx.clock, &hooks)
        .await;
    let (result, source) = match result {
        Ok((changed, source)) => (Ok(changed), Some(source)),
        Err(e) => (Err(e), None),
    };
    reporter.report(answered(result, source, &ctx.clock));
}

/// What the UI hears of a change that ran: the outcome and where the
/// passwords are, as facts.
fn answered(
    result: Result<Changed, RotationError>,
    source: Option<EndpointSource>,
    clock: &Clock,
) -> Event {
    let changed = match result {
        Ok(changed) => changed,
        Err(RotationError::Blocked(block)) => {
            return Event::Blocked {
                can_override: block.can_override(),
                block,
            };
        }
        Err(e) => return Event::NotStarted(e.into()),
    };
    if matches!(changed.passwords, crate::rotation::Whereabouts::Cancelled) {
        return Event::Cancelled;
    }
    Event::Answered {
        outcome: Box::new(changed.outcome),
        at: clock(),
        passwords: changed.passwords,
        sent_to: source.map(|source| (source, changed.endpoint.clone())),
        key: changed.key,
    }
}

/// Every attempt in the journal, and what could not be read.
pub(super) fn read_journal(
    vault: Option<&Vault>,
    clock: &Clock,
) -> Result<Box<JournalView>, JobError> {
    let rotation = rotation(vault)?;
    // A pending password the journal lost is given an attempt first, so
    // the banner shows it.
    let contents = rotation.contents(clock())?;
    let attempts = contents.attempts();
    let under_way = attempts
        .iter()
        .filter(|a| a.settled.is_none() && rotation.under_way(&a.info.resource))
        .map(|a| a.id.clone())
        .collect();
    Ok(Box::new(JournalView {
        attempts,
        skipped: contents.skipped,
        under_way,
    }))
}
