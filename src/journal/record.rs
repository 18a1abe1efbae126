//! The journal's typed records: one [`Record`] per event of an attempt
//! (attempt, sent, outcome, settled), each written as one JSON line, with
//! the resource as its key's parts and statuses and settlements as enums.
//! A value from a closed set that a newer Keyturn may extend is a
//! [`Recorded`], kept as written when this version does not know it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::outcome::Status;
use crate::vault::ResourceKey;

/// One event of one attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The attempt this event belongs to.
    pub attempt: String,
    #[serde(flatten)]
    pub event: RecordKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum RecordKind {
    /// The new password was staged as pending; the request is about to leave.
    Attempt(AttemptInfo),
    /// The request was handed to the network.
    Sent,
    /// What came back (or did not).
    Outcome(OutcomeInfo),
    /// The attempt is closed; nothing more will happen to it.
    Settled { how: Recorded<Settlement> },
}

/// What was attempted — everything needed to show or retry it, no secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptInfo {
    pub operation: String,
    /// The resource changed (its parts; older journals hold its text form).
    pub resource: ResourceKey,
    /// The open attempt this one sends again, with the same new password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<String>,
    /// The call changes no password (TcaplusDB Mode 2: only the old
    /// password's expiry); nothing was staged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expiry_only: bool,
    /// Not a change Keyturn made: a pending password found in the keyring
    /// without an open attempt (the journal was lost or damaged), journalled
    /// so that it can be kept or discarded. It has no fields to retry with.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub adopted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    pub key_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The request's non-secret fields by wire name (for a retry).
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The new password is empty: the change removes the password.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removes_password: bool,
    /// An adopted attempt's claim, as the resource's item had it: another
    /// process's, data folder's or admin's change, whose they are and
    /// since when. Nobody settles it while its lease runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Box<crate::vault::Claim>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeInfo {
    pub status: Recorded<StatusKind>,
    /// The provider's task that finishes the change, for an operation that
    /// only accepts it (as the provider gave its id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<crate::outcome::TaskId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// A lock, an old-password window or a throttle lasts until then.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub until: Option<OffsetDateTime>,
    /// TcaplusDB: the old password stays valid until then after a success.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub old_password_valid_until: Option<OffsetDateTime>,
    /// A wrong old password: the tries the provider said were left before
    /// it locks changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries_left: Option<u32>,
}

/// A value the journal records from a closed set, or one this version does
/// not know (written by a newer Keyturn): kept as written and shown, never
/// a reason to stop reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Recorded<T> {
    Known(T),
    Unrecognised(String),
}

impl<T: Copy> Recorded<T> {
    pub fn known(&self) -> Option<T> {
        match self {
            Recorded::Known(t) => Some(*t),
            Recorded::Unrecognised(_) => None,
        }
    }
}

impl<T: Serialize> std::fmt::Display for Recorded<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Recorded::Known(t) => match serde_json::to_value(t) {
                Ok(serde_json::Value::String(text)) => f.write_str(&text),
                _ => f.write_str("?"),
            },
            Recorded::Unrecognised(text) => {
                write!(f, "{} (unknown to this version)", text.escape_debug())
            }
        }
    }
}

/// The kind of an [`Outcome`](crate::outcome::Outcome), as the journal keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    Succeeded,
    /// The provider accepted the change and finishes it as a task.
    Accepted,
    Rejected,
    WrongOldPassword,
    Locked,
    OldPasswordStillValid,
    Throttled,
    AuthProblem,
    NotSent,
    Unknown,
}

impl OutcomeInfo {
    /// The provider accepted the change as `task`: what the journal keeps
    /// while the task is followed, before the settlement records its end.
    pub fn accepted(task: crate::outcome::TaskId, request_id: Option<String>) -> Self {
        OutcomeInfo {
            status: Recorded::Known(StatusKind::Accepted),
            task: Some(task),
            code: None,
            request_id,
            until: None,
            old_password_valid_until: None,
            retries_left: None,
        }
    }
}

impl StatusKind {
    pub fn of(status: &Status) -> StatusKind {
        match status {
            Status::Succeeded => StatusKind::Succeeded,
            Status::Accepted { .. } => StatusKind::Accepted,
            Status::Rejected => StatusKind::Rejected,
            Status::WrongOldPassword { .. } => StatusKind::WrongOldPassword,
            Status::Locked { .. } => StatusKind::Locked,
            Status::OldPasswordStillValid { .. } => StatusKind::OldPasswordStillValid,
            Status::Throttled { .. } => StatusKind::Throttled,
            Status::Auth(_) => StatusKind::AuthProblem,
            Status::NotSent => StatusKind::NotSent,
            Status::Unknown => StatusKind::Unknown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    /// The provider confirmed: pending became current.
    Succeeded,
    /// The provider refused: pending was discarded.
    Rejected,
    /// The staging could not be completed, or the change was cancelled;
    /// nothing was sent.
    NotSent,
    /// The user said the change worked: pending became current.
    KeptAsCurrent,
    /// The user discarded the pending password.
    Discarded,
    /// A retry of this attempt succeeded: pending became current.
    Retried,
    /// This attempt was a retry that did not succeed; the attempt it
    /// retried stays open with its pending password.
    RetryFailed,
    /// A call that changes no password (only an expiry) ended without a
    /// confirmation; no slot was at stake.
    NothingStaged,
    /// Another's change adopted here whose claim has left the resource's
    /// item: its owner (or someone after its lease) settled it there.
    SettledElsewhere,
}

/// A new attempt id: time plus randomness, sortable and unique enough.
pub fn new_attempt_id(now: OffsetDateTime) -> String {
    format!("{}-{:08x}", now.unix_timestamp(), rand::random::<u32>())
}
