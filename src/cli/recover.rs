//! `keyturn recover` and `keyturn history`: password changes read back from
//! the rotation journal.
//!
//! None of the five APIs can read a password back, so the cloud cannot say
//! whether an unknown change happened: the user checks (by connecting with
//! the pending password, or with `--test`, by one login Keyturn makes to
//! the service itself, `recover_test.rs`) and then settles the attempt.

use std::time::Duration;

use time::OffsetDateTime;

use keyturn::journal::Attempt;
use keyturn::rotation::{RetryKey, Rotation, RotationError};
use keyturn::shown::shown;
use keyturn::sign::Credentials;
use keyturn::time_format::utc;
use keyturn::vault::team::{self, ItemWrite, StoredVersion};
use keyturn::vault::{ClaimState, ResourceKey, Settled};
use serde_json::json;

use keyturn::tr;
use keyturn::words;

use super::input::{KEY_SECRET_VAR, env_secret};
use super::output::{errln, outln};
use super::{CliError, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An attempt id from the list; without one, the open attempts are listed.
    attempt: Option<String>,
    /// The change worked (you connected with the pending password): keep it as current.
    #[arg(long, requires = "attempt", group = "action")]
    keep: bool,
    /// The change did not happen: discard the pending password.
    #[arg(long, requires = "attempt", group = "action")]
    discard: bool,
    /// Send the same change again, with the same new password.
    #[arg(long, requires = "attempt", group = "action")]
    retry: bool,
    /// Find out by testing: one login with the pending password (and, if the service refuses it, one with the current password), then keep or discard as it shows, once you confirm.
    #[arg(long, requires = "attempt", group = "action")]
    test: bool,
    /// With --test: settle as the test shows without asking.
    #[arg(long, requires = "test")]
    yes: bool,
    /// With --retry or --test: give up waiting for an answer after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// With --retry: for an operation the provider finishes as a task, follow the task this many seconds at most before leaving the change open.
    #[arg(long, value_name = "SECONDS", default_value_t = 180)]
    task_timeout: u64,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// Only this resource (a key as `keyturn password list` prints it); with the team store, also the versions the store keeps of it, and who wrote each.
    #[arg(long)]
    resource: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    let rotation = super::open::rotation()?;
    let now = OffsetDateTime::now_utc();
    let Some(id) = &args.attempt else {
        let open = rotation
            .open_attempts(now)
            .map_err(|e| CliError::Failure(e.to_string()))?;
        if args.json {
            super::output::print_json(&open.iter().map(attempt_json).collect::<Vec<_>>())?;
        } else if open.is_empty() {
            outln!("{}", tr!("recover-none"));
        } else {
            for a in &open {
                print_open(a, now);
            }
            outln!("{}", tr!("recover-how"));
        }
        return Ok(Exit::Success);
    };
    let settled = if args.keep {
        rotation.keep_as_current(id, now)
    } else if args.discard {
        rotation.discard(id, now)
    } else if args.retry {
        return retry(&rotation, id, &args);
    } else if args.test {
        return super::recover_test::run(
            &rotation,
            id,
            args.yes,
            Duration::from_secs(args.timeout.clamp(1, 30)),
        );
    } else {
        return Err(CliError::Usage(tr!("recover-give-action")));
    };
    let settled = settled.map_err(|e| match e {
        RotationError::NoAttempt(_)
        | RotationError::PendingMissing { .. }
        | RotationError::Blocked(_) => CliError::Usage(e.to_string()),
        other => CliError::Failure(other.to_string()),
    })?;
    outln!("{}", words::decided(&settled));
    Ok(Exit::Success)
}

fn print_open(a: &Attempt, now: OffsetDateTime) {
    let what = a.info.resource.describe();
    let kept = words::open_attempt(a);
    outln!(
        "{}",
        tr!(
            "recover-open",
            id = shown(&a.id),
            what = shown(&what),
            // Another's change started when they staged it.
            time = utc(&a.info.claim.as_ref().map_or(a.started, |c| c.since)),
            kept = kept
        )
    );
    let line = match (&a.outcome, &a.info.claim) {
        // Another's change: until when it is theirs alone.
        (None, Some(claim)) => {
            let id = if claim.leased(now) {
                "recover-theirs"
            } else {
                "recover-lease-ended"
            };
            tr!(id, until = utc(&claim.lease_until))
        }
        (Some((_, o)), _) => match &o.code {
            Some(code) => tr!(
                "recover-last-answer-code",
                status = words::journal_status(&o.status),
                code = shown(code)
            ),
            None => tr!(
                "recover-last-answer",
                status = words::journal_status(&o.status)
            ),
        },
        (None, None) if a.sent => tr!("recover-sent-no-answer"),
        // Found without its record here: nothing proves it was not sent.
        (None, None) if a.info.adopted => tr!("recover-may-have-been-sent"),
        (None, None) => tr!("recover-not-sent"),
    };
    outln!(
        "    {}",
        tr!(
            "recover-resource",
            key = shown(&a.info.resource.to_string())
        )
    );
    outln!("    {line}");
}

fn attempt_json(a: &Attempt) -> serde_json::Value {
    serde_json::json!({
        "attempt": a.id,
        "started": a.started.format(&time::format_description::well_known::Rfc3339).ok(),
        "operation": a.info.operation,
        "resource": a.info.resource.to_string(),
        "profile": a.info.profile,
        "claim": a.info.claim,
        "key_id": a.info.key_id,
        "sent": a.sent,
        "outcome": a.outcome.as_ref().map(|(_, o)| o),
        "settled": a.settled.as_ref().map(|(_, how)| how),
    })
}

/// Sends the attempt again with the same new password: with its
/// profile's key, or a typed one from `KEYTURN_KEY_SECRET`.
fn retry(rotation: &Rotation, id: &str, args: &Args) -> Result<Exit, CliError> {
    let attempt = rotation
        .open_attempt(id, OffsetDateTime::now_utc())
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let key = match &attempt.info.profile {
        Some(_) => RetryKey::Profile,
        None => RetryKey::Typed(Credentials::new(
            attempt.info.key_id.clone(),
            env_secret(KEY_SECRET_VAR, &tr!("what-access-key-secret"))?,
        )),
    };
    super::rotate::retry(
        id,
        key,
        super::rotate::Options {
            timeout: Duration::from_secs(args.timeout.max(1)),
            task_timeout: Duration::from_secs(args.task_timeout),
            json: args.json,
            test: false,
        },
    )
}

pub fn history(args: HistoryArgs) -> Result<Exit, CliError> {
    let rotation = super::open::rotation()?;
    let contents = rotation
        .journal()
        .read()
        .map_err(|e| CliError::Failure(e.to_string()))?;
    for skipped in &contents.skipped {
        errln!(
            "{}",
            tr!(
                "warning-line",
                message = tr!("history-skipped", line = skipped.to_string())
            )
        );
    }
    let attempts: Vec<Attempt> = contents
        .attempts()
        .into_iter()
        .filter(|a| {
            args.resource
                .as_ref()
                .is_none_or(|r| a.info.resource.to_string() == *r)
        })
        .collect();
    // The team's record of the resource: who changed it, from any computer.
    let stored = match args.resource.as_deref().and_then(ResourceKey::parse) {
        Some(key) => team::resource_history(&key).map_err(|e| CliError::Failure(e.to_string()))?,
        None => None,
    };
    let attempts_json: Vec<serde_json::Value> = attempts.iter().map(attempt_json).collect();
    if args.json {
        match &stored {
            Some(versions) => super::output::print_json(&serde_json::json!({
                "attempts": attempts_json,
                "store_versions": versions.iter().map(version_json).collect::<Vec<_>>(),
            }))?,
            None => super::output::print_json(&attempts_json)?,
        }
        return Ok(Exit::Success);
    }
    if attempts.is_empty() {
        outln!("{}", tr!("history-none"));
    }
    for a in &attempts {
        let result = match (&a.settled, &a.outcome) {
            (Some((_, how)), _) => words::settlement(how),
            (None, Some((_, o))) => tr!("history-open", status = words::journal_status(&o.status)),
            (None, None) => tr!("history-open-interrupted"),
        };
        outln!(
            "{}  {}  {}  {result}{}",
            utc(&a.started),
            shown(&a.id),
            shown(&a.info.resource.to_string()),
            a.outcome
                .as_ref()
                .and_then(|(_, o)| o.request_id.as_ref())
                .map(|r| format!("  {}", tr!("history-request", id = shown(r))))
                .unwrap_or_default()
        );
    }
    if let Some(versions) = &stored {
        outln!("{}", tr!("history-store-heading", count = versions.len()));
        for v in versions {
            let when = v.written.as_ref().map(utc).unwrap_or_default();
            outln!("  v{}  {when}  {}", v.version, version_words(&v.what));
        }
    }
    Ok(Exit::Success)
}

/// What one version of a resource's item in the team store records.
fn version_words(what: &ItemWrite) -> String {
    match what {
        ItemWrite::Claimed(claim) => {
            let id = match claim.state {
                ClaimState::Staged => "history-store-staged",
                ClaimState::Retrying => "history-store-retrying",
            };
            tr!(
                id,
                by = shown(&claim.by.to_string()),
                attempt = shown(&claim.attempt)
            )
        }
        ItemWrite::Settled(last) => {
            let id = match last.how {
                Settled::Promoted => "history-store-promoted",
                Settled::Kept => "history-store-kept",
                Settled::Dropped => "history-store-dropped",
                Settled::Discarded => "history-store-discarded",
            };
            tr!(
                id,
                by = shown(&last.by.to_string()),
                attempt = shown(&last.attempt)
            )
        }
        ItemWrite::Passwords => tr!("history-store-passwords"),
        ItemWrite::Removed => tr!("history-store-removed"),
        ItemWrite::Unreadable => tr!("history-store-unreadable"),
    }
}

/// One version for `--json`: its words stay the same in every language.
fn version_json(v: &StoredVersion) -> serde_json::Value {
    let rfc = |t: &OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .ok()
    };
    // The claim's state and the settlement go by their stored names.
    let (what, by, attempt) = match &v.what {
        ItemWrite::Claimed(c) => (json!(c.state), Some(c.by.to_string()), Some(&c.attempt)),
        ItemWrite::Settled(l) => (json!(l.how), Some(l.by.to_string()), Some(&l.attempt)),
        ItemWrite::Passwords => (json!("passwords"), None, None),
        ItemWrite::Removed => (json!("removed"), None, None),
        ItemWrite::Unreadable => (json!("unreadable"), None, None),
    };
    json!({
        "version": v.version,
        "written": v.written.as_ref().and_then(rfc),
        "what": what,
        "by": by,
        "attempt": attempt,
    })
}
