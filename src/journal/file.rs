//! The journal's files in one data folder: the live `journal.jsonl` and its
//! archives. An append takes an exclusive lock on the live file (so two
//! processes never interleave lines) and is flushed to disk before it
//! returns; a read is bounded, never goes through a symbolic link or into a
//! FIFO, and skips and reports the lines that are not records (torn,
//! damaged, not UTF-8). Past a size the live file is archived and a new one
//! started with every record of every still-open attempt.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use crate::files::{Links, create_own_dir_all, open_regular, own_file, read_regular};
use crate::tr;

use super::attempts::{Contents, Damage, Skipped};
use super::record::Record;

/// The live file is archived past this size.
pub const ROTATE_AT_BYTES: u64 = 1024 * 1024;
/// How many archived files are kept.
pub const ARCHIVES_KEPT: usize = 5;
/// No journal file is read past this size.
const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

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

/// The live file in the data folder `dir`.
pub(super) fn live_path(dir: &Path) -> PathBuf {
    dir.join("journal.jsonl")
}

fn read_error(dir: &Path) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
    move |source| JournalError::Read {
        path: live_path(dir),
        source,
    }
}

fn write_error(dir: &Path) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
    move |source| JournalError::Write {
        path: live_path(dir),
        source,
    }
}

/// Appends one record to the live file in `dir`, archiving that file first
/// if it has grown past `rotate_at` bytes, and flushes it to disk before
/// returning.
pub(super) fn append(dir: &Path, rotate_at: u64, record: &Record) -> Result<(), JournalError> {
    create_own_dir_all(dir).map_err(write_error(dir))?;
    let mut line =
        serde_json::to_string(record).map_err(|e| write_error(dir)(std::io::Error::other(e)))?;
    line.push('\n');
    let mut file = open_for_append(&live_path(dir), true).map_err(write_error(dir))?;
    file.lock().map_err(write_error(dir))?;
    let size = file.metadata().map_err(write_error(dir))?.len();
    if size > 0 && !ends_with_newline(&mut file).map_err(write_error(dir))? {
        // A torn last line: end it, so this record starts on a line of its own.
        line.insert(0, '\n');
    }
    if size > rotate_at {
        rotate(dir, &mut file)?;
        file = open_for_append(&live_path(dir), false).map_err(write_error(dir))?;
        file.lock().map_err(write_error(dir))?;
    }
    file.write_all(line.as_bytes()).map_err(write_error(dir))?;
    file.sync_data().map_err(write_error(dir))?;
    Ok(())
}

/// Reads the archives in `dir` and then its live file, oldest first. Lines
/// that are not records (torn, damaged, not UTF-8) are skipped and reported
/// in [`Contents::skipped`]; every other line is read.
pub(super) fn read(dir: &Path) -> Result<Contents, JournalError> {
    let mut contents = Contents::default();
    for path in archives(dir)?.into_iter().chain([live_path(dir)]) {
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

/// The archived files in `dir`, oldest first.
pub(super) fn archives(dir: &Path) -> Result<Vec<PathBuf>, JournalError> {
    let mut found: Vec<PathBuf> = match fs::read_dir(dir) {
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
        Err(e) => return Err(read_error(dir)(e)),
    };
    // Names carry a sortable timestamp.
    found.sort();
    Ok(found)
}

/// Archives the live file in `dir` (held locked by the caller) and starts
/// a new one with every record of the attempts still open.
fn rotate(dir: &Path, live: &mut File) -> Result<(), JournalError> {
    use std::io::{Seek, SeekFrom};
    live.seek(SeekFrom::Start(0)).map_err(read_error(dir))?;
    let mut bytes = Vec::new();
    live.take(MAX_READ_BYTES)
        .read_to_end(&mut bytes)
        .map_err(read_error(dir))?;
    let mut contents = Contents::default();
    parse_into(&bytes, &live_path(dir), &mut contents);
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
    let archive = dir.join(format!("journal-{stamp:024}.jsonl"));
    let fresh = dir.join(".journal.jsonl.new");
    (|| {
        let _ = fs::remove_file(&fresh);
        let mut f = own_file(OpenOptions::new().write(true).create_new(true)).open(&fresh)?;
        f.write_all(carried.as_bytes())?;
        f.sync_all()?;
        fs::hard_link(live_path(dir), &archive)?;
        fs::rename(&fresh, live_path(dir))?;
        File::open(dir)?.sync_all()
    })()
    .map_err(write_error(dir))?;
    let archives = archives(dir)?;
    for old in archives
        .iter()
        .take(archives.len().saturating_sub(ARCHIVES_KEPT))
    {
        let _ = fs::remove_file(old);
    }
    Ok(())
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
        own_file(OpenOptions::new().create(true).append(true).read(read)),
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
            Damage::Incomplete
        } else {
            Damage::NotARecord
        };
        tracing::warn!(path = %path.display(), line = i + 1, ?why, "skipped a line");
        contents.skipped.push(Skipped {
            path: path.to_owned(),
            line: i + 1,
            why,
        });
    }
}
