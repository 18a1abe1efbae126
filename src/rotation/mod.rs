//! Never lose a password: the one rotation protocol, owned here and called
//! by every front end (the command line and the desktop app's jobs alike).
//!
//! After the staging labels of AWS Secrets Manager rotation, each resource
//! has *current*, *previous* and *pending* passwords, kept whole in one
//! keyring item (`vault::slots`). A change ([`Rotation::change`]) runs:
//!
//! 1. **lock**: the resource's lock file is taken (`lock`), so no other
//!    process can check or stage the same resource until this change is
//!    settled; a second change is refused at once;
//! 2. **check**: an open attempt in the journal, a pending password in the
//!    keyring or the index (even with the journal lost), or a remembered
//!    refusal of the provider (`block`) stops the change before anything
//!    is written;
//! 3. **stage**: the attempt is journalled (flushed), then the new password
//!    written as *pending* in one keyring write; if either fails, nothing
//!    is sent;
//! 4. **mark sent**, the last moment a front end may call it off;
//! 5. **sign** with the clock as it is now, and **send** once;
//! 6. **settle** by the outcome, in one keyring write: on success pending
//!    becomes current and the old password previous; on a definite refusal
//!    pending is dropped; on *unknown* pending stays and the attempt stays
//!    open until the user keeps, discards or retries it.
//!
//! A retry ([`Rotation::retry`]) belongs to the attempt it repeats: it
//! sends the same new password, and if it fails in any way the earlier
//! attempt's pending password stays where it was and that attempt stays
//! open. A call that changes no password (TcaplusDB's Mode 2) moves no
//! slot and records the new expiry. Nothing is ever retried on its own.
//!
//! At every point a crash could hit, the password the resource really has
//! is in *current* or *pending*.

mod block;
mod change;
mod decide;
mod lock;
mod outlook;
mod retry;
mod settle;

use std::sync::Arc;

use time::OffsetDateTime;

pub use block::{Block, Refuser};
pub use change::{ChangeRequest, Changed, Hooks, NoHooks, SigningOverride, Step};
pub use decide::{Decided, Decision};
pub use lock::{LockError, ResourceLock, lock_dir};
pub use outlook::Outlook;
pub use retry::{EndpointSource, RetryKey};
pub use settle::Whereabouts;

use crate::i18n;
use crate::journal::{
    Attempt, AttemptInfo, Contents, Journal, JournalError, Record, RecordKind, Recorded,
    Settlement, new_attempt_id,
};
use crate::tr;
use crate::vault::{Actor, Claim, ResourceKey, Slot, Vault, VaultError};

/// Why the protocol could not do what was asked; worded in the interface's
/// language (`rotation-*` in `keyturn.ftl`).
#[derive(Debug)]
pub enum RotationError {
    Keyring(VaultError),
    Journal(JournalError),
    Lock(LockError),
    Blocked(Block),
    NoAttempt(String),
    UnknownOperation(String),
    /// No pending password to keep; `holds` are the slots the keyring has.
    PendingMissing {
        key: ResourceKey,
        holds: Vec<Slot>,
    },
    CannotRetry(RetryRefusal),
    Task(String),
}

/// Why an open attempt cannot be sent again.
#[derive(Debug)]
pub enum RetryRefusal {
    /// It was adopted from a pending password the journal had lost.
    Adopted,
    /// It changed only an expiry, no password.
    ExpiryOnly,
    /// It was made with a typed key, and none was given.
    NeedsTypedKey,
    /// Its recorded inputs no longer pass the operation's checks.
    Inputs(Vec<crate::request::InputError>),
    /// Its endpoint cannot be used.
    Endpoint(crate::endpoint::EndpointError),
    /// The keyring has no pending password for its resource.
    NoPending(ResourceKey),
}

impl From<VaultError> for RotationError {
    fn from(e: VaultError) -> Self {
        RotationError::Keyring(e)
    }
}

impl From<JournalError> for RotationError {
    fn from(e: JournalError) -> Self {
        RotationError::Journal(e)
    }
}

impl std::fmt::Display for RotationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            RotationError::Keyring(e) => tr!(
                "rotation-keyring",
                error = e.to_string(),
                store = crate::vault::team::selector()
            ),
            RotationError::Journal(e) => e.to_string(),
            RotationError::Lock(e) => e.to_string(),
            RotationError::Blocked(block) => block.to_string(),
            RotationError::NoAttempt(id) => tr!("rotation-no-attempt", id = format!("{id:?}")),
            RotationError::UnknownOperation(op) => {
                tr!("rotation-unknown-operation", op = format!("{op:?}"))
            }
            RotationError::PendingMissing { key, holds } => {
                let holds: Vec<String> = holds.iter().map(|s| s.key().to_owned()).collect();
                let holds = if holds.is_empty() {
                    tr!("rotation-holds-nothing")
                } else {
                    i18n::list(&holds, "list-and")
                };
                tr!(
                    "rotation-pending-missing",
                    key = key.to_string(),
                    holds = holds
                )
            }
            RotationError::CannotRetry(why) => tr!("rotation-cannot-retry", why = why.to_string()),
            RotationError::Task(detail) => tr!("rotation-task", detail = detail.as_str()),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for RotationError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RotationError::Keyring(e) => Some(e),
            RotationError::Journal(e) => Some(e),
            RotationError::Lock(e) => Some(e),
            _ => None,
        }
    }
}

impl std::fmt::Display for RetryRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            RetryRefusal::Adopted => tr!("retry-refused-adopted"),
            RetryRefusal::ExpiryOnly => tr!("retry-refused-expiry-only"),
            RetryRefusal::NeedsTypedKey => tr!("retry-refused-typed-key"),
            RetryRefusal::Inputs(errors) => {
                let fields: Vec<String> = errors
                    .iter()
                    .filter_map(crate::request::InputError::field)
                    .map(str::to_owned)
                    .collect();
                tr!(
                    "retry-refused-inputs",
                    fields = i18n::list(&fields, "list-and")
                )
            }
            RetryRefusal::Endpoint(e) => e.to_string(),
            RetryRefusal::NoPending(key) => {
                tr!("retry-refused-no-pending", key = key.to_string())
            }
        };
        f.write_str(&text)
    }
}

impl From<LockError> for RotationError {
    fn from(e: LockError) -> Self {
        match e {
            LockError::Held => RotationError::Blocked(Block::InProgress),
            other => RotationError::Lock(other),
        }
    }
}

/// The rotation store of one user: the vault's keyring slots, the journal,
/// and the resource locks; `actor` is who its claims name.
#[derive(Debug, Clone)]
pub struct Rotation {
    vault: Vault,
    journal: Journal,
    actor: Actor,
}

impl Rotation {
    /// The rotation store of `vault`, journalled in its data folder, its
    /// claims in the name of this process's user (and the team store's
    /// identity of its token, when the team store is in use).
    pub fn new(vault: Vault) -> Arc<Self> {
        let journal = Journal::new(&vault.paths().data_dir);
        Arc::new(Rotation {
            vault,
            journal,
            actor: crate::vault::team::actor(),
        })
    }

    /// The same, with a journal of its own (tests rotate it sooner).
    pub fn with_journal(vault: Vault, journal: Journal) -> Arc<Self> {
        Arc::new(Rotation {
            vault,
            journal,
            actor: crate::vault::team::actor(),
        })
    }

    /// The same, with claims made in the name of `actor`.
    pub fn with_actor(vault: Vault, actor: Actor) -> Arc<Self> {
        let journal = Journal::new(&vault.paths().data_dir);
        Arc::new(Rotation {
            vault,
            journal,
            actor,
        })
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// Whether a change of `key` is under way right now: its lock is held,
    /// by another window, a `keyturn` command or this very process. Read
    /// only: the lock is let go at once when it was free.
    pub fn under_way(&self, key: &ResourceKey) -> bool {
        matches!(
            self.lock(key),
            Err(RotationError::Blocked(Block::InProgress))
        )
    }

    fn lock(&self, key: &ResourceKey) -> Result<ResourceLock, RotationError> {
        let dir = lock_dir(&self.vault.paths().data_dir)?;
        Ok(ResourceLock::take(&dir, key)?)
    }

    fn append(
        &self,
        attempt: &str,
        event: RecordKind,
        now: OffsetDateTime,
    ) -> Result<(), JournalError> {
        self.journal.append(&Record {
            at: now,
            attempt: attempt.to_owned(),
            event,
        })
    }

    fn close(
        &self,
        attempt: &str,
        how: Settlement,
        now: OffsetDateTime,
    ) -> Result<(), JournalError> {
        self.append(
            attempt,
            RecordKind::Settled {
                how: Recorded::Known(how),
            },
            now,
        )
    }

    /// Attempts whose result is not settled, oldest first. A pending
    /// password that the index records but no open attempt accounts for
    /// (the journal was lost or damaged) is first given an attempt of its
    /// own, so that it is listed and can be kept or discarded.
    pub fn open_attempts(&self, now: OffsetDateTime) -> Result<Vec<Attempt>, RotationError> {
        Ok(self.contents(now)?.open_attempts())
    }

    /// The journal's contents, after a pending password without an open
    /// attempt has been given one (see [`Rotation::open_attempts`]).
    pub fn contents(&self, now: OffsetDateTime) -> Result<Contents, RotationError> {
        let contents = self.journal.read()?;
        let open = contents.open_attempts();
        let index = self.vault.local_index()?;
        let mut adopted = false;
        // Another's change adopted here that the item no longer claims for
        // it was settled where it belongs: it is closed here too.
        for a in open.iter().filter(|a| a.info.claim.is_some()) {
            let claimed = self.vault.slots(&a.info.resource).map(|slots| {
                slots
                    .claim
                    .is_some_and(|claim| claim.attempt == decide::owner(a))
            });
            if let Ok(false) = claimed {
                self.close(&a.id, Settlement::SettledElsewhere, now)?;
                adopted = true;
            }
        }
        for record in &index.resources {
            if !record.slots.contains_key(Slot::Pending.key()) {
                continue;
            }
            let Some(key) = ResourceKey::parse(&record.key) else {
                continue;
            };
            if open.iter().any(|a| a.info.resource == key) {
                continue;
            }
            // A change being staged right now journals its attempt before it
            // writes pending, but this reading may have fallen between the
            // two: look again under the resource's lock, and leave a
            // resource that another change holds alone.
            let _lock = match self.lock(&key) {
                Ok(lock) => lock,
                Err(RotationError::Blocked(Block::InProgress)) => continue,
                Err(e) => return Err(e),
            };
            let still_open = self.journal.read()?.open_attempts();
            if still_open.iter().all(|a| a.info.resource != key)
                && self.vault.pending_recorded(&key)?
            {
                let claim = self.vault.slots(&key)?.claim;
                self.adopt(&key, record.profile.clone(), claim, now)?;
                adopted = true;
            }
        }
        if !adopted {
            return Ok(contents);
        }
        Ok(self.journal.read()?)
    }

    /// Journals an attempt for a pending password found without one here:
    /// `claim` is the item's word on whose change it is (another process,
    /// data folder or admin), if it has one.
    fn adopt(
        &self,
        key: &ResourceKey,
        profile: Option<String>,
        claim: Option<Claim>,
        now: OffsetDateTime,
    ) -> Result<String, JournalError> {
        let claim = claim.map(Box::new);
        let attempt = new_attempt_id(now);
        let info = AttemptInfo {
            operation: key.operation.clone(),
            resource: key.clone(),
            retry_of: None,
            expiry_only: false,
            adopted: true,
            profile,
            key_id: String::new(),
            region: (key.region != "-").then(|| key.region.clone()),
            endpoint: None,
            fields: Default::default(),
            removes_password: false,
            claim,
        };
        if info.claim.is_some() {
            tracing::debug!(resource = %key, "another's change of the resource was found");
        } else {
            tracing::warn!(resource = %key, "a pending password without an open attempt was found");
        }
        self.append(&attempt, RecordKind::Attempt(info), now)?;
        Ok(attempt)
    }

    pub fn open_attempt(&self, id: &str, now: OffsetDateTime) -> Result<Attempt, RotationError> {
        self.open_attempts(now)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| RotationError::NoAttempt(id.to_owned()))
    }
}
