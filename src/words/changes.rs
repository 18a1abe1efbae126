//! What a password change came to, in the current language's words: the
//! outcome and its hint, where the passwords are now, the journal's
//! statuses and settlements, an open attempt, and a change the user
//! settled.

use crate::i18n::{FluentArgs, Lang, tr, tr_in};
use crate::journal::{Attempt, Recorded, Settlement, StatusKind};
use crate::outcome::{AnswerShape, Detail, Hint, Outcome, Status};
use crate::rotation::{Decided, Decision, Whereabouts};
use crate::shown::shown;
use crate::time_format::utc;
use crate::tr;
use crate::transport::Failure;
use crate::vault::team;

/// An outcome's title ("Password changed").
pub fn status_title(status: &Status) -> String {
    status_title_in(crate::i18n::language(), status)
}

/// [`status_title`] in `lang`.
pub fn status_title_in(lang: Lang, status: &Status) -> String {
    let id = match status {
        Status::Succeeded => "outcome-succeeded",
        Status::Rejected => "outcome-rejected",
        Status::WrongOldPassword { .. } => "outcome-wrong-old-password",
        Status::Locked { .. } => "outcome-locked",
        Status::OldPasswordStillValid { .. } => "outcome-old-password-still-valid",
        Status::Throttled { .. } => "outcome-throttled",
        Status::Auth(_) => "outcome-auth",
        Status::NotSent => "outcome-not-sent",
        Status::Unknown => "outcome-unknown",
        Status::Accepted { .. } => "outcome-accepted",
    };
    tr_in(lang, id, None)
}

/// The heading of a change's outcome: a call that changed only an expiry
/// says so rather than "Password changed" ([`Whereabouts::headline`]).
pub fn headline(whereabouts: &Whereabouts, status: &Status) -> String {
    match (whereabouts, status) {
        (Whereabouts::ExpiryOnly, Status::Succeeded) => tr("outcome-expiry-changed"),
        _ => status_title(status),
    }
}

/// An outcome in full: its title (or `title` in its place), then what the
/// provider said, as it said it, what Keyturn saw, and the hint.
pub fn outcome(o: &Outcome, title: Option<String>) -> String {
    let title = title.unwrap_or_else(|| status_title(&o.status));
    let mut text = match &o.status {
        Status::WrongOldPassword {
            retries_left: Some(n),
        } => tr!("outcome-tries-left", title = title, count = *n),
        Status::Locked { until: Some(t) } | Status::OldPasswordStillValid { until: Some(t) } => {
            tr!("outcome-until", title = title, time = utc(t))
        }
        Status::Throttled { retry_at: Some(t) } => {
            tr!("outcome-retry-after", title = title, time = utc(t))
        }
        _ => title,
    };
    let lines = [
        ("outcome-code", &o.code),
        ("outcome-message", &o.message),
        ("outcome-request-id", &o.request_id),
    ];
    for (id, value) in lines {
        if let Some(value) = value {
            text.push_str(&format!("\n  {}", tr!(id, value = shown(value))));
        }
    }
    if let Some(detail) = &o.detail {
        text.push_str(&format!(
            "\n  {}",
            shown(&self::detail(detail, o.http_status))
        ));
    }
    if let Some(hint) = o.hint {
        text.push_str(&format!("\n  {}", self::hint(hint)));
    }
    text
}

/// A hint in the current language.
pub fn hint(hint: Hint) -> String {
    tr(hint.id())
}

/// What Keyturn saw of a call whose answer is missing or unreadable, in
/// the current language (`status`: the answer's HTTP status).
pub fn detail(detail: &Detail, status: Option<u16>) -> String {
    detail_in(crate::i18n::language(), detail, status)
}

/// [`detail`] in `lang`.
pub fn detail_in(lang: Lang, detail: &Detail, status: Option<u16>) -> String {
    let mut args = FluentArgs::new();
    let id = match detail {
        Detail::Unreadable(shape) => {
            args.set(
                "status",
                status.map_or_else(|| "?".to_owned(), |s| s.to_string()),
            );
            match shape {
                AnswerShape::Empty => "answer-empty",
                AnswerShape::Html => "answer-html",
                AnswerShape::MalformedJson => "answer-malformed-json",
                AnswerShape::Unexpected => "answer-unexpected",
                AnswerShape::DuplicateKey => "answer-duplicate-key",
            }
        }
        Detail::NotAnHttpStatus { given } => {
            args.set("given", given.clone());
            "answer-not-http-status"
        }
        Detail::SuccessAtErrorStatus => {
            args.set(
                "status",
                status.map_or_else(|| "?".to_owned(), |s| s.to_string()),
            );
            "answer-success-at-error-status"
        }
        Detail::Transport(failure) => match failure {
            Failure::Setup { detail } => {
                args.set("detail", detail.clone());
                "send-setup"
            }
            Failure::BadMethod { method } => {
                args.set("method", format!("{method:?}"));
                "send-bad-method"
            }
            Failure::Unbuildable { detail } => {
                args.set("detail", detail.clone());
                "send-unbuildable"
            }
            Failure::Connect { host, detail } => {
                args.set("host", host.clone());
                args.set("detail", detail.clone());
                "send-connect"
            }
            Failure::Timeout { host } => {
                args.set("host", host.clone());
                "send-timeout"
            }
            Failure::Broke { host, detail } => {
                args.set("host", host.clone());
                args.set("detail", detail.clone());
                "send-broke"
            }
            Failure::TooLarge { status, cap_kib } => {
                args.set("status", *status);
                args.set("kib", *cap_kib);
                "send-too-large"
            }
            Failure::LeavesThisComputer { host } => {
                args.set("host", host.clone());
                "send-leaves-this-computer"
            }
        },
    };
    tr_in(lang, id, Some(&args))
}

/// An outcome for scripts (`--json`): stable keys, and its words in
/// English, the same in every language.
pub fn outcome_json(o: &Outcome) -> serde_json::Value {
    let rfc3339 = |t: &time::OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    let mut map = serde_json::Map::new();
    map.insert("status".into(), o.status.key().into());
    match &o.status {
        Status::WrongOldPassword { retries_left } => {
            map.insert("retries_left".into(), (*retries_left).into());
        }
        Status::Locked { until } | Status::OldPasswordStillValid { until } => {
            map.insert("until".into(), until.as_ref().map(rfc3339).into());
        }
        Status::Throttled { retry_at } => {
            map.insert("retry_at".into(), retry_at.as_ref().map(rfc3339).into());
        }
        Status::Auth(problem) => {
            map.insert("problem".into(), problem.key().into());
        }
        _ => {}
    }
    let english = Lang::English;
    map.insert("title".into(), status_title_in(english, &o.status).into());
    map.insert("code".into(), o.code.clone().into());
    map.insert("message".into(), o.message.clone().into());
    map.insert(
        "detail".into(),
        o.detail
            .as_ref()
            .map(|d| detail_in(english, d, o.http_status))
            .into(),
    );
    map.insert("request_id".into(), o.request_id.clone().into());
    map.insert("http_status".into(), o.http_status.into());
    map.insert(
        "hint".into(),
        o.hint.map(|h| tr_in(english, h.id(), None)).into(),
    );
    serde_json::Value::Object(map)
}

/// Where the passwords of the resource named `key` are after a change.
pub fn whereabouts(w: &Whereabouts, key: &str) -> String {
    whereabouts_in(crate::i18n::language(), w, key)
}

/// [`whereabouts`] in `lang` (English for `--json`, which stays the same
/// in every language).
pub fn whereabouts_in(lang: Lang, w: &Whereabouts, key: &str) -> String {
    let mut args = crate::i18n::FluentArgs::new();
    args.set("key", key.to_owned());
    args.set("store", team::selector());
    let id = match w {
        Whereabouts::Promoted => "where-promoted",
        Whereabouts::Removed => "where-removed",
        Whereabouts::ExpiryOnly => "where-expiry-only",
        Whereabouts::Discarded => "where-discarded",
        Whereabouts::PendingKept => "where-pending-kept",
        Whereabouts::RetryFailed { earlier } => {
            args.set("earlier", earlier.clone());
            "where-retry-failed"
        }
        Whereabouts::Cancelled => "where-cancelled",
        Whereabouts::NotSettled(e) => {
            args.set("error", e.to_string());
            "where-not-settled"
        }
    };
    crate::i18n::tr_in(lang, id, Some(&args))
}

/// A status as the journal records it; one from a newer version as it is.
pub fn journal_status(s: &Recorded<StatusKind>) -> String {
    let Recorded::Known(kind) = s else {
        return s.to_string();
    };
    tr(match kind {
        StatusKind::Succeeded => "journal-status-succeeded",
        StatusKind::Rejected => "journal-status-rejected",
        StatusKind::WrongOldPassword => "journal-status-wrong-old-password",
        StatusKind::Locked => "journal-status-locked",
        StatusKind::OldPasswordStillValid => "journal-status-old-password-still-valid",
        StatusKind::Throttled => "journal-status-throttled",
        StatusKind::AuthProblem => "journal-status-auth-problem",
        StatusKind::NotSent => "journal-status-not-sent",
        StatusKind::Unknown => "journal-status-unknown",
        StatusKind::Accepted => "journal-status-accepted",
    })
}

/// How an attempt was settled, as the journal records it.
pub fn settlement(s: &Recorded<Settlement>) -> String {
    let Recorded::Known(how) = s else {
        return s.to_string();
    };
    tr(match how {
        Settlement::Succeeded => "journal-settled-succeeded",
        Settlement::Rejected => "journal-settled-rejected",
        Settlement::NotSent => "journal-settled-not-sent",
        Settlement::KeptAsCurrent => "journal-settled-kept-as-current",
        Settlement::Discarded => "journal-settled-discarded",
        Settlement::Retried => "journal-settled-retried",
        Settlement::RetryFailed => "journal-settled-retry-failed",
        Settlement::NothingStaged => "journal-settled-nothing-staged",
        Settlement::SettledElsewhere => "journal-settled-settled-elsewhere",
    })
}

/// What became of an open attempt's new password: another's change found
/// in the store says whose it is and since when.
pub fn open_attempt(a: &Attempt) -> String {
    match (&a.info.claim, a.info.adopted) {
        (Some(claim), _) => tr!(
            "open-claimed",
            by = shown(&claim.by.to_string()),
            since = utc(&claim.since),
            store = team::selector()
        ),
        (None, true) => tr!("open-adopted", store = team::selector()),
        (None, false) if a.info.removes_password => tr("open-removes-password"),
        (None, false) => tr("open-pending"),
    }
}

/// How an open attempt was settled by the user's word, the resource named
/// by its key's text form (what the command line takes back).
pub fn decided(d: &Decided) -> String {
    decided_naming(d, &d.key.to_string())
}

/// The same, the resource named as the window names it (its fields'
/// labels), not by its key.
pub fn decided_by_name(d: &Decided) -> String {
    decided_naming(d, &super::resource_name(&d.key))
}

fn decided_naming(d: &Decided, key: &str) -> String {
    match &d.how {
        Decision::Kept => tr!("decided-kept", key = shown(key), store = team::selector()),
        Decision::Discarded { had_pending: true } => {
            tr!(
                "decided-discarded",
                key = shown(key),
                store = team::selector()
            )
        }
        Decision::Discarded { had_pending: false } => {
            tr!("decided-nothing-pending", key = shown(key))
        }
        Decision::AlreadySettled(last) => tr!(
            if last.made() {
                "decided-already-made"
            } else {
                "decided-already-dropped"
            },
            key = shown(key),
            by = shown(&last.by.to_string()),
            time = utc(&last.at),
            store = team::selector()
        ),
        Decision::Superseded(claim) => tr!(
            "decided-superseded",
            key = shown(key),
            by = shown(&claim.by.to_string()),
            time = utc(&claim.since),
            store = team::selector()
        ),
    }
}
