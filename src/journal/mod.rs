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
//!
//! The records and their JSON are in `record.rs`, grouping them into
//! attempts in `attempts.rs`, and the locked, fsynced files, their reading
//! and their rotation in `file.rs`.

mod attempts;
mod file;
mod record;

use std::path::{Path, PathBuf};

pub use attempts::{Attempt, Contents, Damage, Skipped};
pub use file::{ARCHIVES_KEPT, JournalError, ROTATE_AT_BYTES};
pub use record::{
    AttemptInfo, OutcomeInfo, Record, RecordKind, Recorded, Settlement, StatusKind, new_attempt_id,
};

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
        file::live_path(&self.dir)
    }

    /// Appends one record and flushes it to disk before returning.
    pub fn append(&self, record: &Record) -> Result<(), JournalError> {
        file::append(&self.dir, self.rotate_at, record)
    }

    /// Reads the live file and the archives, oldest first. Lines that are
    /// not records (torn, damaged, not UTF-8) are skipped and reported in
    /// [`Contents::skipped`]; every other line is read.
    pub fn read(&self) -> Result<Contents, JournalError> {
        file::read(&self.dir)
    }
}

/// The journal end to end: records appended, read back and grouped into
/// attempts, whatever the file holds.
#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::fs::{self, OpenOptions};
    use std::io::Write;

    use time::OffsetDateTime;

    use super::*;
    use crate::vault::ResourceKey;

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

    /// The journal says which resources were changed, when and with which
    /// access key: its folders and files are for its user alone, whatever
    /// the umask would give (0755 and 0644 under the usual 022).
    #[cfg(unix)]
    #[test]
    fn the_journal_and_its_folders_are_its_users_alone() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("private");
        let journal_dir = d.join("keyturn");
        let j = Journal::new(&journal_dir).rotating_at(1);
        j.append(&attempt("a")).unwrap();
        // Past the rotation size: the live file is archived and a new one made.
        j.append(&attempt("b")).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&d), 0o700);
        assert_eq!(mode(&journal_dir), 0o700);
        let files: Vec<PathBuf> = fs::read_dir(&journal_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(files.len() >= 2, "a live file and an archive: {files:?}");
        for file in files {
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
        let _ = fs::remove_dir_all(d);
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
        assert_eq!(c.skipped[0].why, Damage::Incomplete);
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
        assert_eq!(
            (c.skipped[0].line, c.skipped[0].why),
            (2, Damage::NotARecord)
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
        assert_eq!(file::archives(&d).unwrap().len(), 1);
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
