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
    pub event: Event,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The new password was staged as pending; the request is about to leave.
    Attempt(AttemptInfo),
    /// The request was handed to the network.
    Sent,
    /// What came back (or did not).
    Outcome(OutcomeInfo),
    /// The attempt is closed; nothing more will happen to it.
    Settled { how: Settlement },
}

/// What was attempted — everything needed to show or retry it, no secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptInfo {
    pub operation: String,
    /// `ResourceKey` in text form.
    pub resource: String,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeInfo {
    /// `Status::key()`.
    pub status: String,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    /// The provider confirmed: pending became current.
    Succeeded,
    /// The provider refused: pending was discarded.
    Rejected,
    /// The staging could not be completed; nothing was sent.
    NotSent,
    /// The user said the change worked: pending became current.
    KeptAsCurrent,
    /// The user discarded the pending password.
    Discarded,
    /// The user retried; a new attempt carries on.
    Retried,
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot {action} the journal {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
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
    pub settled: Option<(OffsetDateTime, Settlement)>,
}

impl Contents {
    /// Groups the records by attempt, oldest first.
    pub fn attempts(&self) -> Vec<Attempt> {
        let mut by_id: Vec<Attempt> = Vec::new();
        for r in &self.records {
            if let Event::Attempt(info) = &r.event {
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
                Event::Sent => a.sent = true,
                Event::Outcome(o) => a.outcome = Some((r.at, o.clone())),
                Event::Settled { how } => a.settled = Some((r.at, *how)),
                Event::Attempt(_) => {}
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

    fn io(&self, action: &'static str) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
        move |source| JournalError::Io {
            action,
            path: self.path(),
            source,
        }
    }

    /// Appends one record and flushes it to disk before returning.
    pub fn append(&self, record: &Record) -> Result<(), JournalError> {
        fs::create_dir_all(&self.dir).map_err(self.io("create the folder of"))?;
        let mut line = serde_json::to_string(record)
            .map_err(|e| self.io("encode a record for")(std::io::Error::other(e)))?;
        line.push('\n');
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(self.path())
            .map_err(self.io("open"))?;
        file.lock().map_err(self.io("lock"))?;
        let size = file.metadata().map_err(self.io("read the size of"))?.len();
        if size > 0 && !ends_with_newline(&mut file).map_err(self.io("read"))? {
            // A torn last line: end it, so this record starts on a line of its own.
            line.insert(0, '\n');
        }
        if size > self.rotate_at {
            self.rotate(&mut file)?;
            file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.path())
                .map_err(self.io("open"))?;
            file.lock().map_err(self.io("lock"))?;
        }
        file.write_all(line.as_bytes())
            .map_err(self.io("write to"))?;
        file.sync_data().map_err(self.io("flush"))?;
        Ok(())
    }

    /// Reads the live file and the archives, oldest first.
    pub fn read(&self) -> Result<Contents, JournalError> {
        let mut contents = Contents::default();
        for path in self.archives()?.into_iter().chain([self.path()]) {
            let mut text = String::new();
            match File::open(&path) {
                Ok(f) => {
                    // A device or a pipe in its place could be read forever.
                    let meta = f.metadata().map_err(self.io("read"))?;
                    if !meta.is_file() || meta.len() > MAX_READ_BYTES {
                        return Err(self.io("read")(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            "not a regular file of a sensible size",
                        )));
                    }
                    f.take(MAX_READ_BYTES)
                        .read_to_string(&mut text)
                        .map_err(self.io("read"))?;
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(self.io("read")(e)),
            }
            parse_into(&text, &path, &mut contents);
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
            Err(e) => return Err(self.io("list the folder of")(e)),
        };
        // Names carry a sortable timestamp.
        found.sort();
        Ok(found)
    }

    /// Archives the live file (held locked by the caller) and starts a new
    /// one with every record of the attempts still open.
    fn rotate(&self, live: &mut File) -> Result<(), JournalError> {
        use std::io::{Seek, SeekFrom};
        live.seek(SeekFrom::Start(0)).map_err(self.io("read"))?;
        let mut text = String::new();
        live.read_to_string(&mut text).map_err(self.io("read"))?;
        let mut contents = Contents::default();
        parse_into(&text, &self.path(), &mut contents);
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
            let mut f = File::create(&fresh)?;
            f.write_all(carried.as_bytes())?;
            f.sync_all()?;
            fs::hard_link(self.path(), &archive)?;
            fs::rename(&fresh, self.path())?;
            File::open(&self.dir)?.sync_all()
        })()
        .map_err(self.io("rotate"))?;
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

fn parse_into(text: &str, path: &Path, contents: &mut Contents) {
    let lines: Vec<&str> = text.split('\n').collect();
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(r) => contents.records.push(r),
            Err(_) => {
                // The text after the last newline was cut off mid-write.
                let why = if i == last {
                    "an incomplete last line (an interrupted write)"
                } else {
                    "a line that is not a journal record"
                };
                tracing::warn!(path = %path.display(), line = i + 1, "skipped {why}");
                contents
                    .skipped
                    .push(format!("{}:{}: {why}", path.display(), i + 1));
            }
        }
    }
}

/// A new attempt id: time plus randomness, sortable and unique enough.
pub fn new_attempt_id(now: OffsetDateTime) -> String {
    format!(
        "{}-{}",
        now.unix_timestamp(),
        &crate::request::fresh_nonce()[..8]
    )
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
            event: Event::Attempt(AttemptInfo {
                operation: "huaweicloud.dcs.update-password".into(),
                resource: format!("huaweicloud.dcs.update-password/cn-north-4/{id}"),
                profile: None,
                key_id: "FAKEAK".into(),
                region: Some("cn-north-4".into()),
                endpoint: None,
                fields: BTreeMap::from([("instance_id".into(), id.into())]),
                removes_password: false,
            }),
        }
    }

    fn settled(id: &str) -> Record {
        Record {
            at: OffsetDateTime::UNIX_EPOCH,
            attempt: id.into(),
            event: Event::Settled {
                how: Settlement::Succeeded,
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
}
