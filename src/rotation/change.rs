//! One password change, start to end: lock, check, stage, mark sent, sign,
//! send, settle (see the module above for why each step is where it is).
//!
//! Keyring, journal and lock calls block, so each runs with
//! `spawn_blocking`; the front end's thread (the app's UI thread, or the
//! command line's runtime) never waits on one.

use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

use super::{Block, ResourceLock, Rotation, RotationError, block};
use crate::catalog::TaskState;
use crate::clock::Clock;
use crate::endpoint::Endpoint;
use crate::follow::{self, Following};
use crate::journal::{AttemptInfo, OutcomeInfo, RecordKind, Settlement};
use crate::outcome::{Outcome, Status, TaskId};
use crate::request::{self, SigningContext, ValidatedRequest, Value};
use crate::send::Sender;
use crate::sign::Credentials;
use crate::vault::team::TeamError;
use crate::vault::{Claim, ClaimState, Pending, ResourceKey, Settled, Slot, Slots, VaultError};

use super::settle::Whereabouts;

/// Everything one change needs.
#[derive(Debug)]
pub struct ChangeRequest {
    pub request: ValidatedRequest,
    pub endpoint: Endpoint,
    /// The endpoint override as given (typed, or the profile's), recorded in
    /// the journal.
    pub endpoint_override: Option<String>,
    pub credentials: Credentials,
    /// The profile the key came from, if any.
    pub profile: Option<String>,
    /// Send even though the provider's earlier answers say it will refuse
    /// (a lock, an old password still valid, a throttle). Never overrides
    /// an unsettled change or another process's change.
    pub anyway: bool,
    /// Sign as of this time and with this nonce instead of the clock's and
    /// a fresh one (`keyturn request --at/--nonce`: a reproducible request,
    /// or a deliberately skewed clock).
    pub signing: SigningOverride,
}

/// A signing time and nonce chosen by the user; `None` for the usual.
#[derive(Debug, Clone, Default)]
pub struct SigningOverride {
    pub time: Option<OffsetDateTime>,
    pub nonce: Option<String>,
}

/// The steps a front end can watch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Journalled and staged; not yet sent.
    Staged,
    /// Recorded as sent and about to leave.
    Sent,
    /// The answer (or its absence) is known; not yet settled. For an
    /// operation that finishes its changes as tasks, its task has ended
    /// (or was followed as long as the plan allows).
    Answered,
    /// The provider accepted the change as a task; Keyturn follows it.
    Accepted,
}

/// What a front end says to, and hears from, a change in progress.
pub trait Hooks: Send + Sync {
    /// Called once the change is staged: the last moment it can be called
    /// off. `false` closes it as not sent.
    fn hand_over(&self) -> bool {
        true
    }

    /// A step was reached.
    fn reached(&self, _step: Step) {}

    /// The provider's task finishing the change said how it is doing
    /// (`None` before the first answer).
    fn following(&self, _task: &TaskId, _state: Option<TaskState>) {}
}

/// Hooks for a change nobody watches.
pub struct NoHooks;

impl Hooks for NoHooks {}

/// What became of a change that was started.
#[derive(Debug, Clone)]
pub struct Changed {
    pub attempt: String,
    pub key: ResourceKey,
    pub outcome: Outcome,
    /// Where the passwords are now.
    pub passwords: Whereabouts,
    /// Where the request went (or would have gone).
    pub endpoint: Endpoint,
}

/// A change that is staged, holding its resource's lock until it is dropped.
struct Staged {
    _lock: ResourceLock,
    attempt: String,
    key: ResourceKey,
    retry_of: Option<String>,
    expiry_only: bool,
    /// The slots as they were before staging, and as staged.
    before: Slots,
    staged: Slots,
    /// The old password the request names, if it names one.
    old_password: Option<SecretString>,
    /// When the old password now expires, if the request says.
    new_expiry: Option<OffsetDateTime>,
    profile: Option<String>,
}

/// How much longer than the send's own deadline a claim is leased.
const LEASE_MARGIN: time::Duration = time::Duration::minutes(2);

/// Runs `f` off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, RotationError> + Send + 'static,
) -> Result<T, RotationError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| RotationError::Task(e.to_string()))?
}

impl Rotation {
    /// Makes one change. `Err` only when nothing was sent; once the request
    /// may have left, the outcome comes back with where the passwords are,
    /// whatever else fails.
    pub async fn change(
        self: &Arc<Self>,
        change: ChangeRequest,
        sender: &Sender,
        clock: &Clock,
        hooks: &dyn Hooks,
    ) -> Result<Changed, RotationError> {
        self.run(Arc::new(change), None, sender, clock, hooks).await
    }

    pub(super) async fn run(
        self: &Arc<Self>,
        change: Arc<ChangeRequest>,
        retry_of: Option<String>,
        sender: &Sender,
        clock: &Clock,
        hooks: &dyn Hooks,
    ) -> Result<Changed, RotationError> {
        // Nobody else settles this change until the answer can no longer
        // come: the send's deadline, and a margin for a rate limit's wait.
        let mut lease = time::Duration::try_from(sender.deadline())
            .unwrap_or(time::Duration::MINUTE)
            + LEASE_MARGIN;
        if change.request.op().answer.task.is_some() {
            // And while its task is followed: the plan's budget, and the
            // last question's own deadline.
            lease += time::Duration::try_from(sender.task_plan().budget + sender.deadline())
                .unwrap_or(time::Duration::MINUTE);
        }
        let staged = {
            let (rotation, change, clock) = (self.clone(), change.clone(), clock.clone());
            blocking(move || rotation.stage(&change, retry_of, clock(), lease)).await?
        };
        let staged = Arc::new(staged);
        hooks.reached(Step::Staged);
        let done = |outcome: Outcome, passwords: Whereabouts| Changed {
            attempt: staged.attempt.clone(),
            key: staged.key.clone(),
            outcome,
            passwords,
            endpoint: change.endpoint.clone(),
        };

        // The last moment a cancel can win; a change that cannot be
        // recorded as sent is not sent.
        let called_off = !hooks.hand_over();
        let marked = if called_off {
            Ok(())
        } else {
            let (rotation, staged, clock) = (self.clone(), staged.clone(), clock.clone());
            blocking(move || Ok(rotation.append(&staged.attempt, RecordKind::Sent, clock())?)).await
        };
        if called_off || marked.is_err() {
            let (rotation, staged_, clock_) = (self.clone(), staged.clone(), clock.clone());
            let unstaged = blocking(move || rotation.unstage(&staged_, clock_())).await;
            // A change that could not be recorded as sent was not sent.
            marked?;
            let passwords = match unstaged {
                Ok(()) => Whereabouts::Cancelled,
                Err(e) => Whereabouts::NotSettled(std::sync::Arc::new(e)),
            };
            return Ok(done(Outcome::new(Status::NotSent), passwords));
        }
        hooks.reached(Step::Sent);

        // Signed now, sent once.
        let nonce = (change.signing.nonce.clone()).unwrap_or_else(request::fresh_nonce);
        let signed = request::build(
            &change.request,
            &change.endpoint,
            &change.credentials,
            SigningContext {
                time: change.signing.time.unwrap_or_else(|| clock()),
                nonce: &nonce,
            },
        );
        let outcome = sender.send(change.request.op(), &signed, || clock()).await;
        drop(signed);
        let outcome = match (&outcome.status, change.request.op().answer.task) {
            (Status::Accepted { task }, Some(poll)) => {
                let task = task.clone();
                // Recorded so that a change interrupted while its task runs
                // is listed with it; the settlement records the end anyway.
                let accepted = OutcomeInfo::accepted(task.clone(), outcome.request_id.clone());
                let (rotation, staged_, clock_) = (self.clone(), staged.clone(), clock.clone());
                let recorded = blocking(move || {
                    Ok(rotation.append(
                        &staged_.attempt,
                        RecordKind::Outcome(accepted),
                        clock_(),
                    )?)
                })
                .await;
                if let Err(e) = recorded {
                    tracing::warn!(error = %e, "the accepted task was not journalled");
                }
                hooks.reached(Step::Accepted);
                let following = Following {
                    op: change.request.op(),
                    poll: &poll,
                    endpoint: &change.endpoint,
                    region: change.request.region(),
                    credentials: &change.credentials,
                };
                follow::to_the_end(
                    outcome,
                    task,
                    following,
                    sender,
                    || clock(),
                    |task, state| hooks.following(task, state),
                )
                .await
            }
            _ => outcome,
        };
        hooks.reached(Step::Answered);

        let passwords = {
            let (rotation, staged, clock) = (self.clone(), staged.clone(), clock.clone());
            let outcome = outcome.clone();
            blocking(move || Ok(rotation.settle(&staged, &outcome, clock()))).await
        };
        let passwords =
            passwords.unwrap_or_else(|e| Whereabouts::NotSettled(std::sync::Arc::new(e)));
        Ok(done(outcome, passwords))
    }

    /// Steps 1 to 3: lock, check, journal, stage.
    fn stage(
        &self,
        change: &ChangeRequest,
        retry_of: Option<String>,
        now: OffsetDateTime,
        lease: time::Duration,
    ) -> Result<Staged, RotationError> {
        let request = &change.request;
        let op = request.op();
        let key = ResourceKey::of(request);
        let lock = self.lock(&key)?;

        let attempts = self.journal.read()?.attempts();
        let open_here =
            |a: &&crate::journal::Attempt| a.settled.is_none() && a.info.resource == key;
        if let Some(block) = block::open_attempt(&attempts, &key, retry_of.as_deref()) {
            return Err(RotationError::Blocked(block));
        }
        if let Some(id) = &retry_of
            && !attempts.iter().filter(open_here).any(|a| &a.id == id)
        {
            return Err(RotationError::NoAttempt(id.clone()));
        }
        let plain = |name: &str| match request.value(name) {
            Some(Value::Plain(text)) => Some(text.as_str()),
            _ => None,
        };
        let expiry_only = op.only_changes_expiry(plain);
        if !change.anyway
            && let Some(block) = block::from_answers(&attempts, &key, !expiry_only, now)
        {
            return Err(RotationError::Blocked(block));
        }

        let before = self.vault.slots(&key)?;
        if let Some(claim) = &before.claim
            && retry_of.as_deref() != Some(claim.attempt.as_str())
        {
            // Not an open attempt of this journal's (those were refused
            // above): another process's, data folder's or admin's.
            return Err(self.claimed_elsewhere(&key, change, claim, now));
        }
        if retry_of.is_none() && (before.pending.is_some() || self.vault.pending_recorded(&key)?) {
            // Journal it, so that it is listed and can be settled.
            let profile = change.profile.clone();
            let attempt = self.adopt(&key, profile, None, now)?;
            return Err(RotationError::Blocked(Block::Unsettled {
                attempt,
                since: now,
            }));
        }

        let secret = |name: Option<&str>| match name.and_then(|n| request.value(n)) {
            Some(Value::Secret(s)) if !s.expose_secret().is_empty() => Some(s.clone()),
            _ => None,
        };
        let new_password = secret(Some(op.new_password.field));
        let old_password = secret(op.new_password.current_field);
        let new_expiry = op
            .old_password_expiry
            .as_ref()
            .and_then(|spec| spec.parse(plain(spec.field)?));

        let attempt = crate::journal::new_attempt_id(now);
        let info = AttemptInfo {
            operation: op.id.to_owned(),
            resource: key.clone(),
            retry_of: retry_of.clone(),
            expiry_only,
            adopted: false,
            profile: change.profile.clone(),
            key_id: change.credentials.key_id.clone(),
            region: request.region().map(str::to_owned),
            endpoint: change.endpoint_override.clone(),
            fields: request
                .values()
                .iter()
                .filter_map(|(f, v)| match v {
                    Value::Plain(text) => Some((f.wire_name.to_owned(), text.clone())),
                    Value::Secret(_) => None,
                })
                .collect(),
            removes_password: !expiry_only && new_password.is_none(),
            claim: None,
        };
        // The journal first: a crash after it and before the keyring write
        // leaves an open attempt with nothing pending, which is harmless and
        // listed; the other order could leave a pending password unlisted.
        self.append(&attempt, RecordKind::Attempt(info), now)?;

        let mut staged = before.clone();
        if !expiry_only {
            // The claim goes in the same write as the pending password; a
            // retry renews the claim of the attempt it repeats.
            let (owner, state) = match &retry_of {
                Some(earlier) => (earlier.as_str(), ClaimState::Retrying),
                None => (attempt.as_str(), ClaimState::Staged),
            };
            staged.claim = Some(Claim::new(owner, &self.actor, state, now, lease));
            let mut set = Vec::new();
            if retry_of.is_none() {
                set.push(Slot::Pending);
                // The user's word for the password the resource has now,
                // unless the keyring already knows one.
                if staged.current.is_none()
                    && let Some(old) = &old_password
                {
                    staged.current = Some(old.clone());
                    set.push(Slot::Current);
                }
                staged.pending = Some(match &new_password {
                    Some(new) => Pending::Password(new.clone()),
                    None => Pending::Removal,
                });
            }
            if let Err(e) =
                self.vault
                    .write_slots(&key, &staged, &set, change.profile.as_deref(), now, false)
            {
                let settlement = match retry_of {
                    Some(_) => Settlement::RetryFailed,
                    None => Settlement::NotSent,
                };
                let _ = self.close(&attempt, settlement, now);
                return Err(self.lost_stage(&key, change, e, now));
            }
        }
        Ok(Staged {
            _lock: lock,
            attempt,
            key,
            retry_of,
            expiry_only,
            before,
            staged,
            old_password,
            new_expiry,
            profile: change.profile.clone(),
        })
    }

    /// A staged change that will not be sent: put the slots back and close
    /// it. A retry's pending belongs to the attempt it retried and stays.
    fn unstage(&self, staged: &Staged, now: OffsetDateTime) -> Result<(), RotationError> {
        if staged.retry_of.is_some() {
            self.close(&staged.attempt, Settlement::RetryFailed, now)?;
            return Ok(());
        }
        if !staged.expiry_only {
            let before =
                (staged.before.clone()).settled(self.last(&staged.attempt, Settled::Dropped, now));
            self.vault
                .write_slots(&staged.key, &before, &[], None, now, false)?;
        }
        self.close(&staged.attempt, Settlement::NotSent, now)?;
        Ok(())
    }

    /// The refusal of a change whose resource another process, data folder
    /// or admin has claimed: their change is journalled here (with whose it
    /// is), so that it is listed, and only they may settle it while its
    /// lease runs.
    fn claimed_elsewhere(
        &self,
        key: &ResourceKey,
        change: &ChangeRequest,
        claim: &Claim,
        now: OffsetDateTime,
    ) -> RotationError {
        let profile = change.profile.clone();
        let attempt = match self.adopt(key, profile, Some(claim.clone()), now) {
            Ok(attempt) => attempt,
            Err(e) => return e.into(),
        };
        RotationError::Blocked(if claim.leased(now) {
            Block::Claimed {
                attempt,
                claim: Box::new(claim.clone()),
            }
        } else {
            Block::Unsettled {
                attempt,
                since: claim.since,
            }
        })
    }

    /// A stage whose write failed. On the team store a write refused by its
    /// check-and-set lost a race: another admin's stage got in between the
    /// read and the write, and the refusal names theirs.
    fn lost_stage(
        &self,
        key: &ResourceKey,
        change: &ChangeRequest,
        error: VaultError,
        now: OffsetDateTime,
    ) -> RotationError {
        if matches!(error, VaultError::Team(TeamError::Changed { .. }))
            && let Ok(Slots {
                claim: Some(claim), ..
            }) = self.vault.slots(key)
        {
            return self.claimed_elsewhere(key, change, &claim, now);
        }
        error.into()
    }

    /// Step 6, in [`super::settle`].
    fn settle(&self, staged: &Staged, outcome: &Outcome, now: OffsetDateTime) -> Whereabouts {
        let whereabouts = self.settle_slots(
            super::settle::Settling {
                attempt: &staged.attempt,
                key: &staged.key,
                retry_of: staged.retry_of.as_deref(),
                expiry_only: staged.expiry_only,
                before: &staged.before,
                staged: &staged.staged,
                old_password: staged.old_password.as_ref(),
                new_expiry: staged.new_expiry,
            },
            outcome,
            now,
        );
        if let Some(name) = &staged.profile {
            // Recording the use is a courtesy; the outcome stands either way.
            let _ = self.vault.touch_profile(name, now, None);
        }
        whereabouts
    }
}
