//! The desktop app: egui panels over the core.
//!
//! [`app::KeyturnApp`] is the app the window runs (`window/`); it owns the panels and the
//! background [`crate::jobs::Jobs`] and lays the panels out (`app.rs`), is
//! started with its window in `start.rs`, and routes what the panels ask
//! for and hands job reports to whoever started the job in `dispatch.rs`.
//! Each panel is a struct with its own state and a `ui` method, in its own
//! file:
//!
//! | file | panel |
//! |---|---|
//! | `sidebar.rs` | profiles from the vault, the operations by provider |
//! | `form/` | the chosen operation's form, drawn from the catalogue |
//! | `preview.rs` | under a form: the signed request and the command line |
//! | `results/` | the latest outcome (`outcome.rs`) and this session's earlier ones (`earlier.rs`) |
//! | `recovery/` | changes with an unknown result, at the top of every view, and the question before one is settled or retried (`ask.rs`) |
//! | `history.rs` | past changes, from the rotation journal |
//! | `credentials/` | profiles and stored passwords: verify, reveal, copy, add, import, remove |
//! | `language.rs` | the window's language: View ▸ Language, `--lang`, a missing font for Chinese |
//! | `clipboard.rs` | copying a secret, and clearing it again |
//! | `widgets/` | password field, rule checklist, strength bar, countdown, refusal notice, date-time field |
//! | `fonts.rs` | the glyphs egui's fonts lack: check marks, and the system's CJK font on demand |
//! | `demo_window.rs` | `keyturn --demo`: the app with a demo band, over `crate::demo` |
//! | `demo_band.rs` | the demo band the app draws across the top |
//! | `window/` | the window: winit events into egui, frames painted on the CPU, the remembered choices |
//! | `first_frame.rs` | `KEYTURN_REPORT_FIRST_FRAME`: timing start to first frame |
//!
//! Panels never call each other and never touch the runtime: they push an
//! [`Action`] onto one queue, which the app carries out after the frame is
//! drawn (the idea of gitui's `queue.rs`). Nothing here does network or
//! keyring work; nothing secret is ever persisted.

pub mod app;
pub mod clipboard;
pub(crate) mod credentials;
pub(crate) mod demo_band;
pub mod demo_window;
mod dispatch;
pub mod first_frame;
pub mod fonts;
pub(crate) mod form;
pub(crate) mod history;
pub mod idle;
pub(crate) mod language;
pub(crate) mod preview;
pub(crate) mod recovery;
pub(crate) mod remedy;
pub(crate) mod results;
pub(crate) mod sidebar;
mod start;
pub(crate) mod widgets;
pub mod window;

pub use app::{AppConfig, KeyturnApp};
pub use fonts::CjkFontSource;

use time::{Duration, OffsetDateTime, UtcOffset};

use crate::catalog::Operation;
use crate::i18n::{FluentArgs, Lang, tr_in};
use crate::jobs::{JobId, SendJob};
use crate::rotation::Block;
use crate::sign::Credentials;
use crate::time_format::utc;
use crate::words;

/// What a panel asks the app to do.
#[derive(Debug)]
pub enum Action {
    /// Show this operation's form.
    SelectOperation(&'static Operation),
    /// Use this profile (from the sidebar) in the form.
    SelectProfile(String),
    /// Read the profile index again.
    ReloadProfiles,
    /// Check that a profile's key is in the keyring, for a form.
    CheckKey {
        op: &'static Operation,
        profile: String,
    },
    /// Look up what the journal and the keyring know of the resource a
    /// form names.
    LookAhead {
        op: &'static Operation,
        key: crate::vault::ResourceKey,
        changes_password: bool,
    },
    /// Send a confirmed change.
    Send {
        job: Box<SendJob>,
        summary: Box<Summary>,
    },
    /// Cancel a send that has not yet left.
    Cancel(JobId),
    /// TcaplusDB: fill the form to change only the old password's expiry.
    ChangeOnlyExpiry {
        op: &'static Operation,
        values: Vec<(&'static str, String)>,
        region: Option<String>,
    },
    /// Sign `op`'s form as it would be sent, for the preview.
    Preview {
        op: &'static Operation,
        job: Box<SendJob>,
    },
    /// Read the rotation journal again (open attempts, history).
    ReloadJournal,
    /// Settle an open attempt: the change worked (`keep`) or it did not.
    Settle { attempt: String, keep: bool },
    /// Find out whether an open attempt's change happened, by testing its
    /// pending (then current) password.
    FindOut {
        attempt: String,
        key: crate::vault::ResourceKey,
    },
    /// Prove the new password of a confirmed change (now current).
    TestNew(crate::vault::ResourceKey),
    /// Edit where a resource's service listens, in the Credentials view.
    EditConnection(crate::vault::ResourceKey),
    /// Send an open attempt again with the same new password (confirmed).
    Retry {
        attempt: String,
        /// The typed key, when the attempt was made without a profile.
        key: Option<Credentials>,
        summary: Box<Summary>,
    },
    /// A job for the credentials view, and what to do with its answer.
    Credentials {
        request: credentials::Request,
        purpose: credentials::Purpose,
    },
    /// Switch to another view.
    Show(View),
}

/// The views of the middle of the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// The operation forms.
    #[default]
    Change,
    /// Profiles and stored passwords.
    Credentials,
    /// Past changes from the journal.
    History,
}

/// What a job that stored or settled something did, in the app's words.
pub fn done_words(done: &crate::jobs::Done) -> String {
    use crate::jobs::Done;
    match done {
        Done::ProfileAdded {
            name,
            provider,
            key_id,
        } => crate::tr!(
            "job-profile-added",
            name = name.as_str(),
            provider = crate::words::provider(*provider),
            key = key_id.as_str()
        ),
        Done::ProfileImported {
            name,
            provider,
            key_id,
        } => crate::tr!(
            "job-profile-imported",
            name = name.as_str(),
            provider = crate::words::provider(*provider),
            key = key_id.as_str()
        ),
        Done::ProfileRemoved {
            name,
            had_secret: true,
        } => crate::tr!("job-profile-removed", name = name.as_str()),
        Done::ProfileRemoved {
            name,
            had_secret: false,
        } => crate::tr!("job-profile-removed-no-secret", name = name.as_str()),
        Done::StoreSaved(choice) => crate::tr!("app-store-saved", store = choice.describe()),
        Done::Decided(decided) => crate::words::decided_by_name(decided),
        Done::FileDeleted(path) => crate::tr!(
            "app-credentials-file-deleted",
            file = crate::shown::shown(&path.display().to_string())
        ),
        Done::Connection { key, kept: Some(c) } => crate::tr!(
            "password-connection-kept",
            key = crate::ui::history::resource_name_of(&key.to_string()),
            address = crate::shown::shown(&c.address_text()),
            tls = if c.tls { "yes" } else { "no" }
        ),
        Done::Connection { key, kept: None } => crate::tr!(
            "password-connection-forgotten",
            key = crate::ui::history::resource_name_of(&key.to_string())
        ),
    }
}

/// Why a change was refused before sending, in the app's words.
pub fn block_words(block: &Block) -> String {
    block_words_in(crate::i18n::language(), block)
}

/// [`block_words`] in `lang`.
pub fn block_words_in(lang: Lang, block: &Block) -> String {
    let mut args = FluentArgs::new();
    let id = match block {
        Block::Unsettled { attempt, since } => {
            args.set("attempt", attempt.as_str());
            args.set("time", utc(since));
            "form-block-unsettled"
        }
        Block::PendingWithoutAttempt => "form-block-pending-without-attempt",
        Block::InProgress => "form-block-in-progress",
        Block::Claimed { claim, .. } => {
            args.set(
                "by",
                crate::shown::shown(&claim.by.to_string()).into_owned(),
            );
            args.set("time", utc(&claim.since));
            args.set("until", utc(&claim.lease_until));
            "form-block-claimed"
        }
        Block::Locked { until } => {
            args.set("time", utc(until));
            "form-block-locked"
        }
        Block::OldPasswordStillValid { until } => {
            args.set("time", utc(until));
            "form-block-old-password-still-valid"
        }
        Block::Throttled { until } => {
            args.set("time", utc(until));
            "form-block-throttled"
        }
    };
    tr_in(lang, id, Some(&args))
}

/// What a confirmed change is about, in words: shown in the confirmation
/// dialog and kept with the result. Holds no secret.
#[derive(Debug, Clone)]
pub struct Summary {
    pub op: &'static Operation,
    /// "profile prod (key LTAI5t…)" or "typed key KTEMU…".
    pub account: String,
    pub region: Option<String>,
    /// `https://host` the request goes to.
    pub endpoint: String,
    /// The resource and account fields: `(label, wire name, value)`, the
    /// label in the catalogue's English ([`Summary::resource_label`] words it).
    pub resources: Vec<(&'static str, &'static str, String)>,
    /// What will change, as a sentence.
    pub change: String,
    /// TcaplusDB's `OldPasswordExpireTime` as sent, if any.
    pub old_password_expires: Option<OffsetDateTime>,
}

impl Summary {
    /// `op`'s resource and account fields that have a value, in catalogue
    /// order, as [`Summary::resources`] holds them; `value` gives a field's
    /// value by wire name.
    pub fn resource_rows(
        op: &Operation,
        value: impl Fn(&str) -> Option<String>,
    ) -> Vec<(&'static str, &'static str, String)> {
        op.resource_fields
            .iter()
            .chain(op.user_field.iter())
            .filter_map(|wire| {
                let field = op.field(wire)?;
                Some((field.label, field.wire_name, value(wire)?))
            })
            .collect()
    }

    /// The label of the resource field `wire` in the current language
    /// ([`Summary::resources`] keeps the catalogue's English).
    pub fn resource_label(&self, wire: &str) -> String {
        self.op
            .field(wire)
            .map_or_else(|| wire.to_owned(), |f| words::field_label(self.op, f))
    }

    /// The resource ids joined, for a history line.
    pub fn resource_line(&self) -> String {
        self.resources
            .iter()
            .map(|(_, wire, value)| format!("{} {value}", self.resource_label(wire)))
            .collect::<Vec<_>>()
            .join(&crate::i18n::tr("list-separator"))
    }
}

/// `2026-03-04 13:06:07` in `offset`, with the offset named unless it is
/// UTC (`UTC` then).
pub fn format_time(t: OffsetDateTime, offset: UtcOffset) -> String {
    let t = t.to_offset(offset);
    let zone = if offset == UtcOffset::UTC {
        "UTC".to_owned()
    } else {
        let (h, m, _) = offset.as_hms();
        format!(
            "UTC{}{:02}:{:02}",
            if h < 0 || m < 0 { '-' } else { '+' },
            h.abs(),
            m.abs()
        )
    };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} {zone}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `13:06:07`: the time of day in `offset`, for lists where the date is
/// the same (this session's earlier results) and the full time is one
/// click away.
pub fn format_clock(t: OffsetDateTime, offset: UtcOffset) -> String {
    let t = t.to_offset(offset);
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// A remaining time in words, rounded up to the second: `4 min 59 s`,
/// `1 h 05 min`, `2 days 3 h`, `12 s` ("4 分 59 秒" in Chinese).
pub fn format_remaining(d: Duration) -> String {
    format_remaining_in(crate::i18n::language(), d)
}

/// [`format_remaining`] in `lang`.
pub fn format_remaining_in(lang: Lang, d: Duration) -> String {
    let secs = (d.whole_milliseconds() + 999).div_euclid(1000).max(0) as i64;
    let (days, hours, mins, s) = (
        secs / 86_400,
        secs % 86_400 / 3600,
        secs % 3600 / 60,
        secs % 60,
    );
    let mut args = FluentArgs::new();
    let id = if days > 0 {
        args.set("days", days);
        args.set("hours", hours);
        "form-remaining-days"
    } else if hours > 0 {
        args.set("hours", hours);
        args.set("minutes", format!("{mins:02}"));
        "form-remaining-hours"
    } else if mins > 0 {
        args.set("minutes", mins);
        args.set("seconds", format!("{s:02}"));
        "form-remaining-minutes"
    } else {
        args.set("seconds", s);
        "form-remaining-seconds"
    };
    tr_in(lang, id, Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    #[test]
    fn remaining_time_reads_naturally_and_rounds_up() {
        assert_eq!(format_remaining(Duration::minutes(5)), "5 min 00 s");
        assert_eq!(
            format_remaining(Duration::milliseconds(299_001)),
            "5 min 00 s"
        );
        assert_eq!(format_remaining(Duration::seconds(299)), "4 min 59 s");
        assert_eq!(format_remaining(Duration::seconds(12)), "12 s");
        assert_eq!(format_remaining(Duration::seconds(3900)), "1 h 05 min");
        assert_eq!(format_remaining(Duration::hours(51)), "2 days 3 h");
        assert_eq!(format_remaining(Duration::seconds(-3)), "0 s");
        assert_eq!(format_remaining(Duration::hours(25)), "1 day 1 h");
    }

    #[test]
    fn remaining_time_reads_naturally_in_chinese() {
        let zh = |d| format_remaining_in(Lang::SimplifiedChinese, d);
        assert_eq!(zh(Duration::seconds(299)), "4 分 59 秒");
        assert_eq!(zh(Duration::minutes(5)), "5 分 00 秒");
        assert_eq!(zh(Duration::seconds(3900)), "1 小时 05 分");
        assert_eq!(zh(Duration::hours(51)), "2 天 3 小时");
        assert_eq!(zh(Duration::seconds(12)), "12 秒");
    }

    /// The app's English for a refused change is the core's, capitalised;
    /// an unsettled change says where to settle it.
    #[test]
    fn block_words_match_the_core_in_english() {
        let until = datetime!(2026-03-04 05:06:07 UTC);
        for block in [
            Block::PendingWithoutAttempt,
            Block::InProgress,
            Block::Locked { until },
            Block::OldPasswordStillValid { until },
            Block::Throttled { until },
        ] {
            let core = block.to_string();
            let mut chars = core.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string());
            let wanted = first.unwrap_or_default() + chars.as_str();
            assert_eq!(block_words_in(Lang::English, &block), wanted);
        }
        let unsettled = Block::Unsettled {
            attempt: "a1".into(),
            since: until,
        };
        assert_eq!(
            block_words_in(Lang::English, &unsettled),
            "an earlier change of this resource (attempt a1, started 2026-03-04 05:06:07 UTC) \
             has an unknown result: its pending password may be the one the resource has now. \
             Settle it first (at the top of the window)."
        );
        assert!(
            block_words_in(Lang::SimplifiedChinese, &Block::Locked { until })
                .contains("2026-03-04 05:06:07 UTC")
        );
    }

    #[test]
    fn a_resource_is_named_as_the_core_names_it_in_english() {
        for text in [
            "huaweicloud.dcs.update-password/cn-north-4/dcs-1",
            "ucloud.uredis.modify-group-password/cn-bj2/uredis-1",
        ] {
            let key = crate::vault::ResourceKey::parse(text).expect("a resource key");
            assert_eq!(crate::words::resource_name(&key), key.human_name());
        }
    }

    #[test]
    fn times_name_their_zone() {
        let t = datetime!(2026-03-04 05:06:07 UTC);
        assert_eq!(format_time(t, UtcOffset::UTC), "2026-03-04 05:06:07 UTC");
        assert_eq!(format_time(t, offset!(+8)), "2026-03-04 13:06:07 UTC+08:00");
        assert_eq!(
            format_time(t, offset!(-5:30)),
            "2026-03-03 23:36:07 UTC-05:30"
        );
        assert_eq!(format_clock(t, offset!(+8)), "13:06:07");
        assert_eq!(format_clock(t, offset!(-5:30)), "23:36:07");
    }
}
