//! What jobs report: each job's [`JobId`], and the small [`Event`]s tagged
//! with it ([`JobReport`]), with the facts they carry ([`Done`],
//! [`JournalView`]). Whoever started a job keeps its id, to recognise (and
//! drop) a report it no longer cares about.

use std::fmt;
use std::path::PathBuf;

use secrecy::SecretString;
use time::OffsetDateTime;

use crate::journal::Attempt;
use crate::outcome::Outcome;
use crate::request::SignedRequest;
use crate::rotation::{Block, Outlook};
use crate::vault::Index;
use crate::verify;

use super::error::JobError;

/// Names one job; ids are never reused within a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub(super) u64);

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

/// What the journal holds, for the recovery banner and the history view.
#[derive(Debug, Clone, Default)]
pub struct JournalView {
    /// Every attempt, oldest first.
    pub attempts: Vec<Attempt>,
    /// Lines that could not be read (a torn last line), with why.
    pub skipped: Vec<crate::journal::Skipped>,
    /// The open attempts whose resource is being changed right now (its
    /// lock is held: another window or command is at work on it).
    pub under_way: Vec<String>,
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
    /// An imported key file was deleted at the admin's word.
    FileDeleted(PathBuf),
    /// Where a resource's service listens was kept (`Some`) or forgotten.
    Connection {
        key: crate::vault::ResourceKey,
        kept: Option<crate::vault::Connection>,
    },
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
    /// The provider accepted the change as `task`, which Keyturn follows;
    /// `state` is what it last said of it (`None` before it said anything).
    Following {
        task: crate::outcome::TaskId,
        state: Option<crate::catalog::TaskState>,
    },
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
    /// The desktop says the screen was locked (`jobs/screen_lock.rs`).
    ScreenLocked,
    /// One login with a stored password was made (and recorded), or the
    /// password or connection could not be read.
    Proven(Result<Box<Proven>, JobError>),
    /// An open change's passwords were tested (`Jobs::find_out`).
    FoundOut(Result<Box<FoundOut>, JobError>),
}

/// What testing an open change's passwords found: the pending password's
/// login, the current one's if it was made, and what that proposes.
#[derive(Debug, Clone)]
pub struct FoundOut {
    pub pending: crate::vault::Proof,
    pub current: Option<crate::vault::Proof>,
    pub finding: crate::prove::finding::Finding,
}

/// What one login with a stored password found, and when.
#[derive(Debug, Clone)]
pub struct Proven {
    pub key: crate::vault::ResourceKey,
    pub slot: crate::vault::Slot,
    pub proof: crate::vault::Proof,
    pub at: OffsetDateTime,
}
