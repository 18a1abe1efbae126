//! Presents a password change made by the core's rotation protocol
//! ([`Rotation::change`], [`Rotation::retry`]) for `request --send` and
//! `recover --retry`: runs it on a small runtime, prints the outcome and
//! where the passwords are, and maps it to an exit code.

use std::time::Duration;

use time::OffsetDateTime;

use keyturn::clock::{Clock, system_clock};
use keyturn::i18n::{self, Lang};
use keyturn::outcome::Status;
use keyturn::rotation::{
    Block, ChangeRequest, Changed, EndpointSource, Hooks, RetryKey, Rotation, RotationError, Step,
};
use keyturn::send::{Sender, TaskPlan};
use keyturn::tr;
use keyturn::vault::{ResourceKey, Slot};
use keyturn::words;

use super::output::errln;
use super::{CliError, Exit};

pub struct Options {
    pub timeout: Duration,
    /// How long a change the provider finishes as a task is followed.
    pub task_timeout: Duration,
    pub json: bool,
    /// After a confirmed change, prove the new password with one login.
    pub test: bool,
}

/// Makes one change and prints what became of it.
pub fn send(change: ChangeRequest, options: Options) -> Result<Exit, CliError> {
    let rotation = super::open::rotation()?;
    warn_about_open_attempts(&rotation);
    let (transport, runtime) = super::open::network(options.timeout)?;
    let sender = sender(transport, &options);
    let clock = system_clock();
    let changed = runtime
        .block_on(rotation.change(change, &sender, &clock, &CliHooks))
        .map_err(refusal)?;
    drop(runtime);
    let exit = print(&changed, None, options.json)?;
    if options.test && exit == Exit::Success {
        return test_new_password(rotation.vault(), &changed.key, options.json);
    }
    Ok(exit)
}

/// Proves a confirmed change's new password (now *current*) with one
/// login; a failure is said loudly, on standard error, and exits 1.
fn test_new_password(
    vault: &keyturn::vault::Vault,
    key: &ResourceKey,
    json: bool,
) -> Result<Exit, CliError> {
    let runtime = super::password_test::runtime()?;
    let (proof, at) = super::password_test::test_slot(
        vault,
        key,
        Slot::Current,
        &runtime,
        keyturn::prove::TIMEOUT,
    )?;
    if proof.opened() {
        // Standard output holds the JSON alone with --json.
        let line = tr!(
            "change-test-opened",
            found = super::password_test::proven_words(&proof, at)
        );
        if json {
            errln!("{line}");
        } else {
            super::output::outln!("{line}");
        }
        Ok(Exit::Success)
    } else {
        errln!(
            "{}",
            tr!(
                "change-test-failed",
                found = words::proof(&proof),
                key = key.to_string()
            )
        );
        Ok(Exit::Failure)
    }
}

/// A sender that follows tasks for the time the options allow.
fn sender(transport: keyturn::transport::Transport, options: &Options) -> Sender {
    Sender::new(transport).with_task_plan(TaskPlan {
        budget: options.task_timeout,
        ..TaskPlan::default()
    })
}

/// Sends open attempt `id` again and prints what became of it.
pub fn retry(id: &str, key: RetryKey, options: Options) -> Result<Exit, CliError> {
    let rotation = super::open::rotation()?;
    let (transport, runtime) = super::open::network(options.timeout)?;
    let sender = sender(transport, &options);
    let clock: Clock = system_clock();
    let (changed, source) = runtime
        .block_on(rotation.retry(id, key, &sender, &clock, &CliHooks))
        .map_err(refusal)?;
    print(&changed, Some(source), options.json)
}

fn print(changed: &Changed, source: Option<EndpointSource>, json: bool) -> Result<Exit, CliError> {
    let key = changed.key.to_string();
    let settle_hint = |lang: Lang| {
        if changed.passwords.needs_settling() {
            i18n::tr_in(lang, "rotate-settle-hint", None)
        } else {
            String::new()
        }
    };
    let sent_to = source.map(|s| s.describe(&changed.endpoint));
    let text = if json {
        // The JSON's words stay English in every language, like its field names.
        let note = format!(
            "{}{}",
            words::whereabouts_in(Lang::English, &changed.passwords, &key),
            settle_hint(Lang::English)
        );
        // The outcome's own fields, plus where the passwords are now.
        let mut value = words::outcome_json(&changed.outcome);
        if let Some(map) = value.as_object_mut() {
            map.insert("resource".into(), changed.key.to_string().into());
            map.insert("attempt".into(), changed.attempt.clone().into());
            map.insert("keyring".into(), note.into());
            map.insert("endpoint".into(), changed.endpoint.url().into());
        }
        serde_json::to_string_pretty(&value).map_err(|e| CliError::Failure(e.to_string()))?
    } else {
        let headline = words::headline(&changed.passwords, &changed.outcome.status);
        let outcome = words::outcome(&changed.outcome, Some(headline));
        let note = words::whereabouts(&changed.passwords, &key);
        let hint = settle_hint(i18n::language());
        let mut text = format!("{outcome}\n  {note}{hint}");
        if let Some(sent_to) = sent_to {
            text.push_str(&format!("\n  {sent_to}"));
        }
        text
    };
    // The request has gone: whatever became of standard output (a closed
    // pipe, a full disk), the exit code still says what happened to the
    // password (see `output::finish`).
    if json {
        super::output::raw(format!("{text}\n").as_bytes());
    } else {
        super::output::text(&format!("{text}\n"));
    }
    Ok(match changed.outcome.status {
        // A change left open (its slots could not be settled) is never a
        // success; every other status already exits non-zero.
        Status::Succeeded if changed.passwords.needs_settling() => Exit::Unknown,
        Status::Succeeded => Exit::Success,
        Status::Unknown | Status::Accepted { .. } => Exit::Unknown,
        Status::NotSent => Exit::Failure,
        _ => Exit::Rejected,
    })
}

/// A change that was refused or failed before anything was sent.
fn refusal(e: RotationError) -> CliError {
    match e {
        RotationError::Blocked(block) => {
            let remedy = match &block {
                b if b.can_override() => tr!("rotate-anyway"),
                Block::Unsettled { .. } => tr!("rotate-settle-first"),
                Block::InProgress | Block::Claimed { .. } => tr!("rotate-wait"),
                _ => String::new(),
            };
            let reason = tr!("rotate-not-sent", reason = block.to_string());
            CliError::Usage(format!("{reason} {remedy}").trim_end().to_owned())
        }
        RotationError::NoAttempt(id) => {
            CliError::Usage(tr!("rotate-no-attempt", id = format!("{id:?}")))
        }
        RotationError::CannotRetry(_) => {
            CliError::Usage(tr!("rotate-cannot-retry", reason = e.to_string()))
        }
        other => CliError::Failure(tr!("rotate-nothing-sent", reason = other.to_string())),
    }
}

/// Tells the user about rotations left open by an earlier run.
pub fn warn_about_open_attempts(rotation: &Rotation) {
    match rotation.open_attempts(OffsetDateTime::now_utc()) {
        Ok(open) if !open.is_empty() => errln!(
            "{}",
            tr!(
                "note-line",
                message = tr!("rotate-open-attempts", count = open.len())
            )
        ),
        Ok(_) => {}
        Err(e) => errln!("{}", tr!("warning-line", message = e.to_string())),
    }
}

/// The command line watches no step, except in tests: in a debug build,
/// `KEYTURN_TEST_HOLD_AT=<step>` (staged, sent, answered) stops the process
/// there so a test can kill it there for real, or change the world around
/// it and let it go on: it goes on once the file `KEYTURN_TEST_RESUME`
/// names exists. A release build (what ships) has no such hook.
struct CliHooks;

impl Hooks for CliHooks {
    fn reached(&self, step: Step) {
        let name = match step {
            Step::Staged => "staged",
            Step::Sent => "sent",
            Step::Answered => "answered",
            Step::Accepted => "accepted",
        };
        if cfg!(debug_assertions) && std::env::var("KEYTURN_TEST_HOLD_AT").is_ok_and(|s| s == name)
        {
            errln!("keyturn: holding at {name}");
            let resume = std::env::var_os("KEYTURN_TEST_RESUME").map(std::path::PathBuf::from);
            let until = std::time::Instant::now() + Duration::from_secs(600);
            while std::time::Instant::now() < until && !resume.as_ref().is_some_and(|f| f.exists())
            {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    fn following(
        &self,
        task: &keyturn::outcome::TaskId,
        state: Option<keyturn::catalog::TaskState>,
    ) {
        // Once, when the provider has accepted the change: the wait that
        // follows is the provider's task, not a hung command.
        if state.is_none() {
            errln!(
                "{}",
                tr!(
                    "cli-task-following",
                    task = keyturn::shown::shown(&task.text()).into_owned()
                )
            );
        }
    }
}
