//! Provider error codes as data: each provider's table says which codes mean
//! what, with the plain-words hint to show. Codes not in a table are
//! rejections with the provider's own message.

use time::{Duration, OffsetDateTime};

use super::{AuthProblem, Hint, Outcome, Status};

/// What a code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Auth(AuthProblem),
    /// Try again after this many seconds (the providers send no
    /// Retry-After; these are their documented or usual windows).
    Throttled {
        after_secs: i64,
    },
    WrongOldPassword,
    OldPasswordStillValid,
    /// The provider answered but cannot say whether the change was made.
    Unknown,
    Rejected,
}

/// One row: a code, or a prefix ending in `*`; its meaning; a hint.
#[derive(Debug, Clone, Copy)]
pub struct CodeRule {
    pub code: &'static str,
    pub meaning: Meaning,
    pub hint: Option<Hint>,
}

pub const fn rule(code: &'static str, meaning: Meaning, hint: Option<Hint>) -> CodeRule {
    CodeRule {
        code,
        meaning,
        hint,
    }
}

/// The first row matching `code`, exact rows before prefix rows.
pub fn lookup(table: &'static [CodeRule], code: &str) -> Option<&'static CodeRule> {
    table.iter().find(|r| r.code == code).or_else(|| {
        table.iter().find(|r| {
            r.code
                .strip_suffix('*')
                .is_some_and(|prefix| code.starts_with(prefix))
        })
    })
}

/// The outcome for a provider error `code`, looked up in `table`; codes not
/// in the table are rejections, or unknown when the HTTP status is 5xx
/// (a server error says nothing about whether the change was made).
pub fn outcome_for(
    table: &'static [CodeRule],
    code: &str,
    http_status: u16,
    now: OffsetDateTime,
) -> Outcome {
    let found = lookup(table, code);
    let meaning = match found {
        Some(r) => r.meaning,
        None if http_status >= 500 => Meaning::Unknown,
        None => Meaning::Rejected,
    };
    let status = match meaning {
        Meaning::Auth(p) => Status::Auth(p),
        Meaning::Throttled { after_secs } => Status::Throttled {
            retry_at: Some(now + Duration::seconds(after_secs)),
        },
        Meaning::WrongOldPassword => Status::WrongOldPassword { retries_left: None },
        Meaning::OldPasswordStillValid => Status::OldPasswordStillValid { until: None },
        Meaning::Unknown => Status::Unknown,
        Meaning::Rejected => Status::Rejected,
    };
    let hint = found.and_then(|r| r.hint).or(match &status {
        Status::Auth(p) => Some(p.hint()),
        Status::Unknown => Some(Hint::SERVER_ERROR),
        _ => None,
    });
    let mut outcome = Outcome::new(status);
    outcome.code = Some(code.to_owned());
    outcome.http_status = Some(http_status);
    outcome.hint = hint;
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[CodeRule] = &[
        rule("Throttling*", Meaning::Throttled { after_secs: 30 }, None),
        rule("Throttling.User", Meaning::Rejected, Some(Hint::NOT_SENT)),
    ];

    #[test]
    fn exact_codes_win_over_prefixes() {
        assert_eq!(
            lookup(TABLE, "Throttling.User").unwrap().hint,
            Some(Hint::NOT_SENT)
        );
        assert_eq!(lookup(TABLE, "Throttling.Api").unwrap().code, "Throttling*");
        assert!(lookup(TABLE, "Other").is_none());
    }

    #[test]
    fn unlisted_codes_are_rejections_or_unknown_on_5xx() {
        let now = OffsetDateTime::UNIX_EPOCH;
        assert_eq!(outcome_for(TABLE, "X", 400, now).status, Status::Rejected);
        assert_eq!(outcome_for(TABLE, "X", 500, now).status, Status::Unknown);
        assert_eq!(
            outcome_for(TABLE, "Throttling.Api", 400, now).status,
            Status::Throttled {
                retry_at: Some(now + Duration::seconds(30))
            }
        );
    }
}
