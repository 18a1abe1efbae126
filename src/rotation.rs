//! Never lose a password: pending/current staging around each change,
//! after the staging labels of AWS Secrets Manager rotation.
//!
//! 1. [`Rotation::stage`]: before the request leaves, the new password is
//!    stored in the keyring as the resource's *pending* password (and the
//!    current one the user gave, if the keyring had none), and the attempt is
//!    written to the journal and flushed. If either fails, nothing is sent.
//! 2. [`Rotation::settle`]: on success pending becomes *current* and the old
//!    password becomes *previous*; on a definite refusal pending is
//!    discarded; on *unknown* pending stays and the attempt stays open.
//! 3. Open attempts are read back at start; the user may keep pending as
//!    current, discard it, or retry with the same new password. Nothing is
//!    ever retried automatically: a second change with another password
//!    could lock the admin out.
//!
//! The slot moves are ordered so that at every point a crash could hit, the
//! password the resource really has is in *current* or *pending*.

use std::collections::BTreeMap;
use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use time::macros::{format_description, offset};
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::catalog::{Operation, Provider};
use crate::journal::{
    Attempt, AttemptInfo, Event, Journal, JournalError, OutcomeInfo, Record, Settlement,
    new_attempt_id,
};
use crate::outcome::{Outcome, Status};
use crate::request::{Inputs, ValidatedRequest, Value};
use crate::vault::{ResourceKey, Slot, Vault, VaultError};

/// Why a change should not be sent now: the provider would refuse it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// An earlier change of the same resource has an unknown result: its
    /// pending password may be the live one and must not be overwritten.
    Unsettled {
        attempt: String,
        since: OffsetDateTime,
    },
    Locked {
        until: OffsetDateTime,
    },
    OldPasswordStillValid {
        until: OffsetDateTime,
    },
    Throttled {
        until: OffsetDateTime,
    },
}

impl fmt::Display for Block {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::time_format::utc;
        match self {
            Block::Unsettled { attempt, since } => write!(
                f,
                "an earlier change of this resource (attempt {attempt}, {}) has an unknown result; \
                 settle it first with `keyturn recover`",
                utc(since)
            ),
            Block::Locked { until } => write!(
                f,
                "password changes of this resource are locked until {} after wrong old passwords",
                utc(until)
            ),
            Block::OldPasswordStillValid { until } => write!(
                f,
                "the previous old password stays valid until {}; the provider refuses a new change before then (changing only its expiry, Mode 2, is allowed)",
                utc(until)
            ),
            Block::Throttled { until } => {
                write!(f, "the provider asked to wait until {}", utc(until))
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RotationError {
    #[error("nothing was sent: the new password could not be kept in the keyring first: {0}")]
    Keyring(#[from] VaultError),
    #[error("nothing was sent: the rotation journal could not be written: {0}")]
    Journal(#[from] JournalError),
    #[error("nothing was sent: {0}")]
    Blocked(Block),
    #[error("no open attempt {0:?}; `keyturn recover` lists them")]
    NoAttempt(String),
    #[error("the attempt names an operation this version does not know: {0:?}")]
    UnknownOperation(String),
}

/// A change that is staged and may be sent.
#[derive(Debug)]
pub struct Staged {
    pub attempt: String,
    pub key: ResourceKey,
    /// The current password given with the request, if any.
    old_password: Option<SecretString>,
    /// The new password (`None` when the change removes it).
    new_password: Option<SecretString>,
    /// TcaplusDB: the old password stays valid until then after a success.
    old_password_valid_until: Option<OffsetDateTime>,
}

/// Where the passwords are after settling, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub key: ResourceKey,
    pub note: String,
}

pub struct Rotation {
    vault: Vault,
    journal: Journal,
}

impl Rotation {
    pub fn new(vault: Vault, journal: Journal) -> Self {
        Rotation { vault, journal }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// What the journal says stands in the way of changing `request`'s
    /// resource now, if anything.
    pub fn blocked(
        &self,
        request: &ValidatedRequest,
        now: OffsetDateTime,
    ) -> Result<Option<Block>, JournalError> {
        let key = ResourceKey::of(request).to_string();
        let changes_password = !only_changes_expiry(request);
        let mut block = None;
        for a in self.journal.read()?.attempts() {
            if a.info.resource != key {
                continue;
            }
            let Some((_, o)) = &a.outcome else { continue };
            let until = o.until.filter(|t| *t > now);
            block = match (o.status.as_str(), until) {
                ("locked", Some(until)) => Some(Block::Locked { until }),
                ("throttled", Some(until)) => Some(Block::Throttled { until }),
                ("old_password_still_valid", Some(until)) if changes_password => {
                    Some(Block::OldPasswordStillValid { until })
                }
                ("succeeded", _) => o
                    .old_password_valid_until
                    .filter(|t| *t > now && changes_password)
                    .map(|until| Block::OldPasswordStillValid { until }),
                _ => None,
            };
        }
        Ok(block)
    }

    /// Step 1: keep the new password as pending and record the attempt.
    /// `retrying` names the open attempt this one repeats (same new
    /// password); any other open attempt on the resource blocks the change.
    pub fn stage(
        &self,
        request: &ValidatedRequest,
        key_id: &str,
        profile: Option<&str>,
        endpoint: Option<&str>,
        retrying: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Staged, RotationError> {
        let op = request.op;
        let key = ResourceKey::of(request);
        let resource = key.to_string();
        if let Some(open) = self
            .open_attempts()?
            .into_iter()
            .find(|a| a.info.resource == resource && Some(a.id.as_str()) != retrying)
        {
            return Err(RotationError::Blocked(Block::Unsettled {
                attempt: open.id,
                since: open.started,
            }));
        }
        let secret_of = |name: Option<&str>| match name.and_then(|n| request.value(n)) {
            Some(Value::Secret(s)) if !s.expose_secret().is_empty() => Some(s.clone()),
            _ => None,
        };
        let new_password = secret_of(Some(op.new_password.field));
        let old_password = secret_of(op.new_password.current_field);

        // The user's word for the password the resource has now, unless the
        // keyring already knows one.
        if let Some(old) = &old_password
            && self.vault.password(&key, Slot::Current).is_err()
        {
            self.vault
                .set_password(&key, Slot::Current, old, profile, now)?;
        }
        let had_pending = self.vault.password(&key, Slot::Pending).is_ok();
        if let Some(new) = &new_password {
            self.vault
                .set_password(&key, Slot::Pending, new, profile, now)?;
        }
        let attempt = new_attempt_id(now);
        let info = AttemptInfo {
            operation: op.id.to_owned(),
            resource: key.to_string(),
            profile: profile.map(str::to_owned),
            key_id: key_id.to_owned(),
            region: request.region.clone(),
            endpoint: endpoint.map(str::to_owned),
            fields: request
                .values
                .iter()
                .filter_map(|(f, v)| match v {
                    Value::Plain(text) => Some((f.wire_name.to_owned(), text.clone())),
                    Value::Secret(_) => None,
                })
                .collect::<BTreeMap<_, _>>(),
            removes_password: new_password.is_none(),
        };
        let record = Record {
            at: now,
            attempt: attempt.clone(),
            event: Event::Attempt(info),
        };
        if let Err(e) = self.journal.append(&record) {
            // Undo only what this call stored: a pending password that was
            // already there may be the one the resource has.
            if new_password.is_some() && !had_pending {
                let _ = self.vault.clear_password(&key, Slot::Pending);
            }
            return Err(e.into());
        }
        if let Some(old) = retrying {
            self.settled(old, Settlement::Retried, now)?;
        }
        Ok(Staged {
            attempt,
            key,
            old_password,
            new_password,
            old_password_valid_until: tcaplus_old_password_expiry(request),
        })
    }

    /// The request is about to be handed to the network.
    pub fn mark_sent(&self, staged: &Staged, now: OffsetDateTime) -> Result<(), JournalError> {
        self.journal.append(&Record {
            at: now,
            attempt: staged.attempt.clone(),
            event: Event::Sent,
        })
    }

    /// Step 2: move the slots according to the outcome.
    pub fn settle(
        &self,
        staged: &Staged,
        outcome: &Outcome,
        now: OffsetDateTime,
    ) -> Result<Settled, RotationError> {
        let until = match &outcome.status {
            Status::Locked { until } | Status::OldPasswordStillValid { until } => *until,
            Status::Throttled { retry_at } => *retry_at,
            _ => None,
        };
        self.journal.append(&Record {
            at: now,
            attempt: staged.attempt.clone(),
            event: Event::Outcome(OutcomeInfo {
                status: outcome.status.key().to_owned(),
                code: outcome.code.clone(),
                request_id: outcome.request_id.clone(),
                until,
                old_password_valid_until: (outcome.status == Status::Succeeded)
                    .then_some(staged.old_password_valid_until)
                    .flatten(),
            }),
        })?;
        let key = &staged.key;
        let note = match outcome.status {
            Status::Succeeded => {
                self.promote(
                    key,
                    staged.old_password.as_ref(),
                    staged.new_password.as_ref(),
                    now,
                )?;
                self.settled(&staged.attempt, Settlement::Succeeded, now)?;
                format!("the new password is now the current password of {key} in the keyring")
            }
            Status::Unknown => format!(
                "the new password is kept as the pending password of {key}: it may be the one the resource has now. \
                 Check it, then settle with `keyturn recover`"
            ),
            _ => {
                self.vault.clear_password(key, Slot::Pending)?;
                self.settled(&staged.attempt, Settlement::Rejected, now)?;
                "the password was not changed; the pending one was discarded".to_owned()
            }
        };
        Ok(Settled {
            key: key.clone(),
            note,
        })
    }

    /// `new` (the pending password) becomes current; what was current (or
    /// the old password the request carried) becomes previous. Written in an
    /// order that keeps the real password in current or pending at every
    /// step.
    fn promote(
        &self,
        key: &ResourceKey,
        old: Option<&SecretString>,
        new: Option<&SecretString>,
        now: OffsetDateTime,
    ) -> Result<(), VaultError> {
        let previous = match old {
            Some(old) => Some(old.clone()),
            None => self.vault.password(key, Slot::Current).ok(),
        };
        let pending = new;
        if let Some(previous) = &previous {
            self.vault
                .set_password(key, Slot::Previous, previous, None, now)?;
        }
        match &pending {
            Some(new) => self
                .vault
                .set_password(key, Slot::Current, new, None, now)?,
            // The change removed the password: nothing is current any more.
            None => {
                self.vault.clear_password(key, Slot::Current)?;
            }
        }
        self.vault.clear_password(key, Slot::Pending)?;
        self.vault.mark_rotated(key, now)?;
        Ok(())
    }

    fn settled(
        &self,
        attempt: &str,
        how: Settlement,
        now: OffsetDateTime,
    ) -> Result<(), JournalError> {
        self.journal.append(&Record {
            at: now,
            attempt: attempt.to_owned(),
            event: Event::Settled { how },
        })
    }

    /// Attempts whose result is not settled, oldest first.
    pub fn open_attempts(&self) -> Result<Vec<Attempt>, JournalError> {
        Ok(self.journal.read()?.open_attempts())
    }

    pub fn open_attempt(&self, id: &str) -> Result<Attempt, RotationError> {
        self.open_attempts()?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| RotationError::NoAttempt(id.to_owned()))
    }

    /// The user knows the change worked: pending becomes current.
    pub fn keep_as_current(&self, id: &str, now: OffsetDateTime) -> Result<Settled, RotationError> {
        let attempt = self.open_attempt(id)?;
        let key = resource_of(&attempt)?;
        let pending = self.vault.password(&key, Slot::Pending).ok();
        if pending.is_some() || attempt.info.removes_password {
            self.promote(&key, None, pending.as_ref(), now)?;
        }
        self.settled(id, Settlement::KeptAsCurrent, now)?;
        Ok(Settled {
            note: format!("the pending password is now the current password of {key}"),
            key,
        })
    }

    /// The user knows the change did not happen: pending is discarded.
    pub fn discard(&self, id: &str, now: OffsetDateTime) -> Result<Settled, RotationError> {
        let attempt = self.open_attempt(id)?;
        let key = resource_of(&attempt)?;
        self.vault.clear_password(&key, Slot::Pending)?;
        self.settled(id, Settlement::Discarded, now)?;
        Ok(Settled {
            note: format!("discarded the pending password of {key}; current is unchanged"),
            key,
        })
    }

    /// The passwords a retry of `attempt` sends: the old one from *current*
    /// and the same new one from *pending*.
    pub fn retry_passwords(
        &self,
        attempt: &Attempt,
    ) -> Result<(Option<SecretString>, Option<SecretString>), RotationError> {
        let key = resource_of(attempt)?;
        let old = self.vault.password(&key, Slot::Current).ok();
        let new = if attempt.info.removes_password {
            None
        } else {
            Some(self.vault.password(&key, Slot::Pending)?)
        };
        Ok((old, new))
    }
}

impl Rotation {
    /// What a retry of `attempt` sends: the same operation, region and
    /// fields, the old password from *current* and the same new password
    /// from *pending* (or an empty one, confirmed, if the attempt removed
    /// the password). The caller validates, signs and sends it through
    /// [`Rotation::stage`] with `retrying` set.
    pub fn retry_inputs(
        &self,
        attempt: &Attempt,
    ) -> Result<(&'static Operation, Inputs), RotationError> {
        let op = crate::catalog::find(&attempt.info.operation)
            .ok_or_else(|| RotationError::UnknownOperation(attempt.info.operation.clone()))?;
        let (old, new) = self.retry_passwords(attempt)?;
        let mut inputs = Inputs {
            region: attempt.info.region.clone(),
            ..Inputs::default()
        };
        for (name, value) in &attempt.info.fields {
            if Some(name.as_str()) != op.region.param {
                inputs.set(name, Value::Plain(value.clone()));
            }
        }
        if let (Some(field), Some(old)) = (op.new_password.current_field, old) {
            inputs.set(field, Value::Secret(old));
        }
        match new {
            Some(new) => inputs.set(op.new_password.field, Value::Secret(new)),
            None => {
                inputs.set(op.new_password.field, Value::Secret(String::new().into()));
                inputs
                    .confirmed_empty
                    .insert(op.new_password.field.to_owned());
            }
        }
        Ok((op, inputs))
    }
}

/// An open attempt in words, for every front end: what it changed, and
/// what became of its new password.
pub fn open_attempt_words(attempt: &Attempt) -> (String, &'static str) {
    let what = ResourceKey::parse(&attempt.info.resource)
        .map(|k| k.describe())
        .unwrap_or_else(|| attempt.info.resource.clone());
    let kept = if attempt.info.removes_password {
        "the password may have been removed"
    } else {
        "the new one is kept as pending"
    };
    (what, kept)
}

fn resource_of(attempt: &Attempt) -> Result<ResourceKey, RotationError> {
    ResourceKey::parse(&attempt.info.resource)
        .ok_or_else(|| RotationError::NoAttempt(attempt.id.clone()))
}

/// TcaplusDB's Mode 2 changes only the old password's expiry.
fn only_changes_expiry(request: &ValidatedRequest) -> bool {
    request.op.provider == Provider::Tencent
        && matches!(request.value("Mode"), Some(Value::Plain(m)) if m == "2")
}

/// `OldPasswordExpireTime`, which TcaplusDB reads as China Standard Time (UTC+8).
fn tcaplus_old_password_expiry(request: &ValidatedRequest) -> Option<OffsetDateTime> {
    let Some(Value::Plain(text)) = request.value("OldPasswordExpireTime") else {
        return None;
    };
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    PrimitiveDateTime::parse(text, &format)
        .ok()
        .map(|t| t.assume_offset(offset!(+8)))
}
