//! Sending one password change safely, for `request --send` and
//! `recover --retry`: stage the new password as pending and journal the
//! attempt, send once, settle the keyring slots by the outcome.

use std::io::Write;
use std::time::Duration;

use time::OffsetDateTime;

use keyturn::journal::Journal;
use keyturn::outcome::Status;
use keyturn::request::{SignedRequest, ValidatedRequest};
use keyturn::rotation::{Rotation, RotationError};
use keyturn::send::Sender;
use keyturn::transport::{Transport, TransportConfig};
use keyturn::vault::Vault;

use super::{CliError, Exit};

/// What is being changed, and with which key.
pub struct Change<'a> {
    pub validated: &'a ValidatedRequest,
    pub signed: &'a SignedRequest,
    pub key_id: &'a str,
    pub profile: Option<(&'a Vault, &'a str)>,
    /// The endpoint override, as the user gave it.
    pub endpoint: Option<&'a str>,
    /// The open attempt this change repeats, for `recover --retry`.
    pub retrying: Option<&'a str>,
}

pub struct Options {
    pub timeout: Duration,
    pub json: bool,
    /// Send even when the journal says the provider will refuse.
    pub anyway: bool,
}

/// The rotation store of this user: the vault and the journal.
pub fn rotation() -> Result<Rotation, CliError> {
    let vault = super::profile::vault()?;
    let journal = Journal::new(&vault.paths().data_dir);
    Ok(Rotation::new(vault, journal))
}

pub fn send(change: Change<'_>, options: Options) -> Result<Exit, CliError> {
    let op = change.validated.op;
    let rotation = rotation()?;
    let now = OffsetDateTime::now_utc;
    warn_about_open_attempts(&rotation);
    if let Some(block) = rotation
        .blocked(change.validated, now())
        .map_err(|e| rotation_error(e.into()))?
        && !options.anyway
    {
        return Err(CliError::Usage(format!(
            "not sent: {block}. Send anyway with --anyway."
        )));
    }
    let profile_name = change.profile.map(|(_, name)| name);
    let staged = rotation
        .stage(
            change.validated,
            change.key_id,
            profile_name,
            change.endpoint,
            change.retrying,
            now(),
        )
        .map_err(rotation_error)?;
    hold_at("staged");
    if let Err(e) = rotation.mark_sent(&staged, now()) {
        // The request has not left: close the attempt as not sent.
        let _ = rotation.settle(
            &staged,
            &keyturn::outcome::Outcome::new(Status::NotSent),
            now(),
        );
        return Err(rotation_error(e.into()));
    }
    hold_at("sent");

    let (transport, runtime) = network(options.timeout)?;
    let outcome = runtime.block_on(Sender::new(transport).send(op, change.signed, now));
    hold_at("answered");

    let settled = rotation.settle(&staged, &outcome, now());
    if let Some((vault, name)) = change.profile
        && let Err(e) = vault.touch_profile(name, now(), None)
    {
        eprintln!("warning: could not record that profile {name:?} was used: {e}");
    }
    let note = match &settled {
        Ok(s) => s.note.clone(),
        // The outcome must still be shown; say plainly what the keyring holds.
        Err(e) => format!(
            "the keyring slots could not be updated ({e}); the new password is still the pending one of {}",
            staged.key
        ),
    };
    let text = if options.json {
        // The outcome's own fields, plus where the passwords are now.
        let mut json =
            serde_json::to_value(&outcome).map_err(|e| CliError::Failure(e.to_string()))?;
        if let Some(map) = json.as_object_mut() {
            map.insert("resource".into(), staged.key.to_string().into());
            map.insert("attempt".into(), staged.attempt.clone().into());
            map.insert("keyring".into(), note.into());
        }
        serde_json::to_string_pretty(&json).map_err(|e| CliError::Failure(e.to_string()))?
    } else {
        format!("{outcome}\n  {note}")
    };
    // The request has gone: whatever became of standard output (a closed
    // pipe, a full disk), the exit code must still say what happened to the
    // password, never a panic's.
    if let Err(e) = writeln!(std::io::stdout().lock(), "{text}") {
        let _ = writeln!(
            std::io::stderr(),
            "error: could not print the outcome ({e}); the exit code still gives it"
        );
    }
    Ok(match outcome.status {
        Status::Succeeded => Exit::Success,
        Status::Unknown => Exit::Unknown,
        Status::NotSent => Exit::Failure,
        _ => Exit::Rejected,
    })
}

/// A transport with this total timeout, and a runtime to drive it on: the
/// command line makes one call at a time.
pub fn network(timeout: Duration) -> Result<(Transport, tokio::runtime::Runtime), CliError> {
    let transport = Transport::new(TransportConfig {
        total_timeout: timeout,
        ..TransportConfig::default()
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failure(e.to_string()))?;
    Ok((transport, runtime))
}

fn rotation_error(e: RotationError) -> CliError {
    match e {
        RotationError::NoAttempt(_) | RotationError::Blocked(_) => CliError::Usage(e.to_string()),
        other => CliError::Failure(other.to_string()),
    }
}

/// Tells the user about rotations left open by an earlier run.
pub fn warn_about_open_attempts(rotation: &Rotation) {
    match rotation.open_attempts() {
        Ok(open) if !open.is_empty() => eprintln!(
            "note: {} password change(s) have an unknown result; `keyturn recover` lists them",
            open.len()
        ),
        Ok(_) => {}
        Err(e) => eprintln!("warning: the rotation journal cannot be read: {e}"),
    }
}

/// Test hook: with `KEYTURN_TEST_HOLD_AT=<step>`, the process stops at that
/// step (staged, sent, answered) so a test can kill it there for real.
fn hold_at(step: &str) {
    if std::env::var("KEYTURN_TEST_HOLD_AT").is_ok_and(|s| s == step) {
        eprintln!("keyturn: holding at {step}");
        std::thread::sleep(Duration::from_secs(600));
    }
}
