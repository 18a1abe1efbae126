//! The rotation journal: an append-only record of every password change
//! Keyturn attempts, read back at start so an interrupted rotation is shown
//! again after a crash or restart.
//!
//! JSON lines in the platform's data folder, one [`Record`] per event
//! (attempt, sent, outcome, settled). Never a secret: passwords live in the
//! keyring; the journal holds operation, profile, region, resource ids,
//! outcome and request id. Each append takes an exclusive lock on the file
//! (so two processes never interleave lines) and is flushed to disk before
//! the call returns. A torn last line (power lost mid-write) is skipped
//! with a warning; the rest is read.
//!
//! When the live file grows past [`ROTATE_AT_BYTES`] it is archived and a
//! new one started that carries every record of every still-open attempt,
//! so rotation never drops an open attempt.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::files::{Links, open_regular, read_regular};
use crate::outcome::Status;
use crate::tr;
use crate::vault::ResourceKey;

/// The live file is archived past this size.
pub const ROTATE_AT_BYTES: u64 = 1024 * 1024;
/// How many archived files are kept.
pub const ARCHIVES_KEPT: usize = 5;
/// No journal file is read past this size.
const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

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
    Rejected,
    WrongOldPassword,
    Locked,
    OldPasswordStillValid,
    Throttled,
    AuthProblem,
    NotSent,
    Unknown,
}

impl StatusKind {
    pub fn of(status: &Status) -> StatusKind {
        match status {
            Status::Succeeded => StatusKind::Succeeded,
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

#[derive(Debug)]
pub enum JournalError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            JournalError::Read { path, source } => tr!(
                "journal-read",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            JournalError::Write { path, source } => tr!(
                "journal-write",
                path = path.display().to_string(),
                error = source.to_string()
            ),
        })
    }
}

impl std::error::Error for JournalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JournalError::Read { source, .. } | JournalError::Write { source, .. } => Some(source),
        }
    }
}

/// What reading found, including what had to be skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contents {
    pub records: Vec<Record>,
    /// Lines that could not be read, with why: a torn last line or a
    /// hand-edited one. They are left in the file.
    pub skipped: Vec<String>,
}

/// One attempt with all its events, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub id: String,
    pub started: OffsetDateTime,
    pub info: AttemptInfo,
    pub sent: bool,
    pub outcome: Option<(OffsetDateTime, OutcomeInfo)>,
    pub settled: Option<(OffsetDateTime, Recorded<Settlement>)>,
}

impl Contents {
    /// Groups the records by attempt, oldest first.
    pub fn attempts(&self) -> Vec<Attempt> {
        let mut by_id: Vec<Attempt> = Vec::new();
        for r in &self.records {
            if let RecordKind::Attempt(info) = &r.event {
                if by_id.iter().all(|a| a.id != r.attempt) {
                    by_id.push(Attempt {
                        id: r.attempt.clone(),
                        started: r.at,
                        info: info.clone(),
                        sent: false,
                        outcome: None,
                        settled: None,
                    });
                }
                continue;
            }
            let Some(a) = by_id.iter_mut().find(|a| a.id == r.attempt) else {
                continue;
            };
            match &r.event {
                RecordKind::Sent => a.sent = true,
                RecordKind::Outcome(o) => a.outcome = Some((r.at, o.clone())),
                RecordKind::Settled { how } => a.settled = Some((r.at, how.clone())),
                RecordKind::Attempt(_) => {}
            }
        }
        by_id
    }

    /// Attempts not yet settled: their result may be unknown.
    pub fn open_attempts(&self) -> Vec<Attempt> {
        self.attempts()
            .into_iter()
            .filter(|a| a.settled.is_none())
            .collect()
    }
}

/// The journal in one data folder.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
    rotate_at: u64,
}

impl Journal {
    pub fn new(data_dir: &Path) -> Self {
        Journal {
            dir: data_dir.to_owned(),
            rotate_at: ROTATE_AT_BYTES,
        }
    }

    /// The same journal, archived past `bytes` instead of [`ROTATE_AT_BYTES`].
    pub fn rotating_at(mut self, bytes: u64) -> Self {
        self.rotate_at = bytes;
        self
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join("journal.jsonl")
    }

    fn read_error(&self) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
        move |source| JournalError::Read {
            path: self.path(),
            source,
        }
    }

    fn write_error(&self) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
        move |source| JournalError::Write {
            path: self.path(),
            source,
        }
    }

    /// Appends one record and flushes it to disk before returning.
    pub fn append(&self, record: &Record) -> Result<(), JournalError> {
        fs::create_dir_all(&self.dir).map_err(self.write_error())?;
        let mut line = serde_json::to_string(record)
            .map_err(|e| self.write_error()(std::io::Error::other(e)))?;
        line.push('\n');
        let mut file = open_for_append(&self.path(), true).map_err(self.write_error())?;
        file.lock().map_err(self.write_error())?;
        let size = file.metadata().map_err(self.write_error())?.len();
        if size > 0 && !ends_with_newline(&mut file).map_err(self.write_error())? {
            // A torn last line: end it, so this record starts on a line of its own.
            line.insert(0, '\n');
        }
        if size > self.rotate_at {
            self.rotate(&mut file)?;
            file = open_for_append(&self.path(), false).map_err(self.write_error())?;
            file.lock().map_err(self.write_error())?;
        }
        file.write_all(line.as_bytes())
            .map_err(self.write_error())?;
        file.sync_data().map_err(self.write_error())?;
        Ok(())
    }

    /// Reads the live file and the archives, oldest first. Lines that are
    /// not records (torn, damaged, not UTF-8) are skipped and reported in
    /// [`Contents::skipped`]; every other line is read.
    pub fn read(&self) -> Result<Contents, JournalError> {
        let mut contents = Contents::default();
        for path in self.archives()?.into_iter().chain([self.path()]) {
            let bytes = match read_bounded(&path) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(source) => return Err(JournalError::Read { path, source }),
            };
            parse_into(&bytes, &path, &mut contents);
        }
        // Archives and the live file both hold carried-over open attempts.
        let mut seen = std::collections::HashSet::new();
        contents
            .records
            .retain(|r| seen.insert(serde_json::to_string(r).unwrap_or_default()));
        Ok(contents)
    }

    fn archives(&self) -> Result<Vec<PathBuf>, JournalError> {
        let mut found: Vec<PathBuf> = match fs::read_dir(&self.dir) {
            Ok(entries) => entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("journal-") && n.ends_with(".jsonl"))
                })
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(self.read_error()(e)),
        };
        // Names carry a sortable timestamp.
        found.sort();
        Ok(found)
    }

    /// Archives the live file (held locked by the caller) and starts a new
    /// one with every record of the attempts still open.
    fn rotate(&self, live: &mut File) -> Result<(), JournalError> {
        use std::io::{Seek, SeekFrom};
        live.seek(SeekFrom::Start(0)).map_err(self.read_error())?;
        let mut bytes = Vec::new();
        live.take(MAX_READ_BYTES)
            .read_to_end(&mut bytes)
            .map_err(self.read_error())?;
        let mut contents = Contents::default();
        parse_into(&bytes, &self.path(), &mut contents);
        let open: std::collections::HashSet<String> =
            contents.open_attempts().into_iter().map(|a| a.id).collect();
        let mut carried = String::new();
        for r in contents
            .records
            .iter()
            .filter(|r| open.contains(&r.attempt))
        {
            if let Ok(line) = serde_json::to_string(r) {
                carried.push_str(&line);
                carried.push('\n');
            }
        }
        let stamp = OffsetDateTime::now_utc().unix_timestamp_nanos();
        let archive = self.dir.join(format!("journal-{stamp:024}.jsonl"));
        let fresh = self.dir.join(".journal.jsonl.new");
        (|| {
            let _ = fs::remove_file(&fresh);
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&fresh)?;
            f.write_all(carried.as_bytes())?;
            f.sync_all()?;
            fs::hard_link(self.path(), &archive)?;
            fs::rename(&fresh, self.path())?;
            File::open(&self.dir)?.sync_all()
        })()
        .map_err(self.write_error())?;
        let archives = self.archives()?;
        for old in archives
            .iter()
            .take(archives.len().saturating_sub(ARCHIVES_KEPT))
        {
            let _ = fs::remove_file(old);
        }
        Ok(())
    }
}

fn ends_with_newline(file: &mut File) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Reads a journal file: a regular file (never a FIFO or a device, which
/// could be read forever, nor a symbolic link) no larger than
/// [`MAX_READ_BYTES`].
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    Ok(read_regular(path, MAX_READ_BYTES, Links::Refuse)?)
}

/// Opens the live journal for appending: a regular file, never through a
/// symbolic link, so a record never lands in some other file.
fn open_for_append(path: &Path, read: bool) -> std::io::Result<File> {
    Ok(open_regular(
        path,
        OpenOptions::new().create(true).append(true).read(read),
        Links::Refuse,
    )?)
}

fn parse_into(bytes: &[u8], path: &Path, contents: &mut Contents) {
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        if line.trim_ascii().is_empty() {
            continue;
        }
        let parsed = std::str::from_utf8(line)
            .ok()
            .and_then(|text| serde_json::from_str::<Record>(text).ok());
        if let Some(r) = parsed {
            contents.records.push(r);
            continue;
        }
        // The text after the last newline was cut off mid-write.
        let why = if i == last {
            "an incomplete last line (an interrupted write)"
        } else {
            "a damaged line that is not a journal record"
        };
        tracing::warn!(path = %path.display(), line = i + 1, "skipped {why}");
        contents
            .skipped
            .push(format!("{}:{}: {why}", path.display(), i + 1));
    }
}

/// A new attempt id: time plus randomness, sortable and unique enough.
pub fn new_attempt_id(now: OffsetDateTime) -> String {
    format!("{}-{:08x}", now.unix_timestamp(), rand::random::<u32>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("keyturn-journal-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    fn attempt(id: &str) -> Record {
        Record {
            at: OffsetDateTime::UNIX_EPOCH,
            attempt: id.into(),
            event: RecordKind::Attempt(AttemptInfo {
                operation: "huaweicloud.dcs.update-password".into(),
                resource: ResourceKey {
                    operation: "huaweicloud.dcs.update-password".into(),
                    region: "cn-north-4".into(),
                    ids: vec![id.into()],
                    user: None,
                },
                retry_of: None,
                expiry_only: false,
                adopted: false,
                profile: None,
                key_id: "FAKEAK".into(),
                region: Some("cn-north-4".into()),
                endpoint: None,
                fields: BTreeMap::from([("instance_id".into(), id.into())]),
                removes_password: false,
                claim: None,
            }),
        }
    }

    fn settled(id: &str) -> Record {
        Record {
            at: OffsetDateTime::UNIX_EPOCH,
            attempt: id.into(),
            event: RecordKind::Settled {
                how: Recorded::Known(Settlement::Succeeded),
            },
        }
    }

    #[test]
    fn records_round_trip_and_open_attempts_are_found() {
        let d = dir("roundtrip");
        let j = Journal::new(&d);
        j.append(&attempt("a")).unwrap();
        j.append(&attempt("b")).unwrap();
        j.append(&settled("a")).unwrap();
        let c = j.read().unwrap();
        assert_eq!(c.records.len(), 3);
        let open = c.open_attempts();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].id, "b");
        let _ = fs::remove_dir_all(d);
    }

    #[test]
    fn a_torn_last_line_is_skipped_with_a_warning() {
        let d = dir("torn");
        let j = Journal::new(&d);
        j.append(&attempt("a")).unwrap();
        let mut f = OpenOptions::new().append(true).open(j.path()).unwrap();
        f.write_all(br#"{"at":"1970-01-01T00:00:00Z","attempt":"b","eve"#)
            .unwrap();
        let c = j.read().unwrap();
        assert_eq!(c.records.len(), 1);
        assert_eq!(c.skipped.len(), 1);
        assert!(c.skipped[0].contains("incomplete last line"));
        // Appending after a torn line still gives readable records.
        j.append(&attempt("c")).unwrap();
        let c = j.read().unwrap();
        let open: Vec<String> = c.open_attempts().into_iter().map(|a| a.id).collect();
        assert_eq!(open, vec!["a".to_owned(), "c".to_owned()]);
        assert_eq!(c.skipped.len(), 1);
        let _ = fs::remove_dir_all(d);
    }

    #[test]
    fn a_damaged_line_is_skipped_and_the_attempts_around_it_kept() {
        let d = dir("damaged");
        let j = Journal::new(&d);
        j.append(&attempt("before")).unwrap();
        OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(b"{\"at\":\xff\xfe}\n")
            .unwrap();
        j.append(&attempt("after")).unwrap();
        let c = j.read().unwrap();
        let open: Vec<String> = c.open_attempts().into_iter().map(|a| a.id).collect();
        assert_eq!(open, vec!["before".to_owned(), "after".to_owned()]);
        assert_eq!(c.skipped.len(), 1);
        assert!(
            c.skipped[0].contains(":2: a damaged line"),
            "{:?}",
            c.skipped
        );
        let _ = fs::remove_dir_all(d);
    }

    #[test]
    fn values_from_a_newer_version_are_kept_and_shown() {
        let d = dir("newer");
        let j = Journal::new(&d);
        j.append(&attempt("a")).unwrap();
        let lines = concat!(
            r#"{"at":"1970-01-01T00:00:01Z","attempt":"a","event":"outcome","status":"from_the_future"}"#,
            "\n",
            r#"{"at":"1970-01-01T00:00:02Z","attempt":"a","event":"settled","how":"beamed_up"}"#,
            "\n"
        );
        OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(lines.as_bytes())
            .unwrap();
        let c = j.read().unwrap();
        assert!(c.skipped.is_empty(), "{:?}", c.skipped);
        let a = &c.attempts()[0];
        let status = &a.outcome.as_ref().unwrap().1.status;
        assert_eq!(status, &Recorded::Unrecognised("from_the_future".into()));
        assert_eq!(status.known(), None);
        assert_eq!(
            a.settled.as_ref().unwrap().1.to_string(),
            "beamed_up (unknown to this version)"
        );
        assert!(
            c.open_attempts().is_empty(),
            "a newer settlement still closes it"
        );
        let _ = fs::remove_dir_all(d);
    }

    #[test]
    fn rotation_keeps_every_open_attempt() {
        let d = dir("rotate");
        let j = Journal::new(&d).rotating_at(8 * 1024);
        j.append(&attempt("keep-me")).unwrap();
        // Fill past the threshold with settled attempts, written directly.
        let mut filler = String::new();
        for i in 0..40 {
            let id = format!("done-{i}");
            for r in [attempt(&id), settled(&id)] {
                filler += &serde_json::to_string(&r).unwrap();
                filler.push('\n');
            }
        }
        OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(filler.as_bytes())
            .unwrap();
        assert!(fs::metadata(j.path()).unwrap().len() > 8 * 1024);
        j.append(&attempt("after")).unwrap();
        let live = fs::read_to_string(j.path()).unwrap();
        assert!(
            live.contains("keep-me"),
            "open attempt carried into the new file"
        );
        assert!(!live.contains("done-0"), "settled ones left in the archive");
        assert_eq!(j.archives().unwrap().len(), 1);
        let open: Vec<String> = j
            .read()
            .unwrap()
            .open_attempts()
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(open, vec!["keep-me".to_owned(), "after".to_owned()]);
        let _ = fs::remove_dir_all(d);
    }

    #[test]
    fn concurrent_appends_never_interleave() {
        let d = dir("concurrent");
        let j = Journal::new(&d);
        std::thread::scope(|s| {
            for t in 0..8 {
                let j = j.clone();
                s.spawn(move || {
                    for i in 0..50 {
                        j.append(&attempt(&format!("t{t}-{i}"))).unwrap();
                    }
                });
            }
        });
        let c = j.read().unwrap();
        assert_eq!(c.records.len(), 400);
        assert!(c.skipped.is_empty());
        let _ = fs::remove_dir_all(d);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_or_special_journal_is_neither_read_nor_written_through() {
        let d = dir("linked");
        fs::create_dir_all(&d).unwrap();
        let j = Journal::new(&d);
        let theirs = d.join("their-file");
        std::fs::write(&theirs, "their own text\n").unwrap();
        std::os::unix::fs::symlink(&theirs, j.path()).unwrap();
        let e = j.append(&attempt("a")).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        let e = j.read().unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert_eq!(
            std::fs::read_to_string(&theirs).unwrap(),
            "their own text\n"
        );
        std::fs::remove_file(j.path()).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(j.path())
            .status()
            .unwrap();
        assert!(made.success());
        let e = j.append(&attempt("a")).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let e = j.read().unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
    }
}
