//! The journal's records grouped into attempts: [`Contents`], what reading
//! found (the lines it skipped included), and each [`Attempt`] with all its
//! events, in order, open until it is settled.

use time::OffsetDateTime;

use super::record::{AttemptInfo, OutcomeInfo, Record, RecordKind, Recorded, Settlement};

/// What reading found, including what had to be skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contents {
    pub records: Vec<Record>,
    /// Lines that could not be read, with why: a torn last line or a
    /// hand-edited one. They are left in the file.
    pub skipped: Vec<Skipped>,
}

/// A line of a journal file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: std::path::PathBuf,
    /// Its number, from 1.
    pub line: usize,
    pub why: Damage,
}

/// What is wrong with a skipped line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The last line, cut off mid-write.
    Incomplete,
    /// A line that is not a journal record (damaged or edited by hand).
    NotARecord,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = match self.why {
            Damage::Incomplete => "journal-line-incomplete",
            Damage::NotARecord => "journal-line-damaged",
        };
        f.write_str(&crate::tr!(
            id,
            path = self.path.display().to_string(),
            line = self.line
        ))
    }
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
