//! `keyturn recover ID --test`: settle an unknown change by testing it.
//! One login with the pending password, and only if the service refused
//! that one, one with the current password (`prove::finding`); then
//! propose keeping or discarding, which the admin confirms (`--yes` for
//! scripts). If neither was proven, it says so and changes nothing.

use std::io::{BufRead, Read};
use std::time::Duration;

use time::OffsetDateTime;

use keyturn::prove::finding::{Finding, finding, test_current_after};
use keyturn::rotation::{Rotation, RotationError};
use keyturn::shown::shown;
use keyturn::tr;
use keyturn::vault::{Proof, Slot};
use keyturn::words;

use super::output::{errln, outln};
use super::password_test::{print, runtime, test_slot};
use super::{CliError, Exit};

/// Tests open attempt `id`'s passwords and settles it as the admin confirms.
pub fn run(rotation: &Rotation, id: &str, yes: bool, timeout: Duration) -> Result<Exit, CliError> {
    let now = OffsetDateTime::now_utc();
    let attempt = rotation
        .open_attempt(id, now)
        .map_err(|_| CliError::Usage(tr!("recover-test-no-attempt", id = shown(id))))?;
    let key = attempt.info.resource.clone();
    let vault = rotation.vault();
    let runtime = runtime()?;
    let one = |slot: Slot| -> Result<Proof, CliError> {
        outln!(
            "{}",
            tr!(
                "recover-test-trying",
                slot = slot.key(),
                key = shown(&key.to_string())
            )
        );
        let (proof, at) = test_slot(vault, &key, slot, &runtime, timeout)?;
        print(&key, slot, &proof, at);
        Ok(proof)
    };
    let pending = one(Slot::Pending)?;
    let current = match test_current_after(&pending) {
        true => Some(one(Slot::Current)?),
        false => None,
    };
    let question = match finding(&pending, current.as_ref()) {
        Finding::PendingWorks => "recover-test-pending-works",
        Finding::CurrentWorks => "recover-test-current-works",
        Finding::Neither => {
            outln!("{}", tr!("recover-test-neither"));
            return Ok(Exit::Unknown);
        }
    };
    outln!("{}", tr!(question));
    if !yes && !confirmed()? {
        outln!("{}", tr!("recover-test-not-confirmed"));
        return Ok(Exit::Unknown);
    }
    let now = OffsetDateTime::now_utc();
    let decided = match question {
        "recover-test-pending-works" => rotation.keep_as_current(id, now),
        _ => rotation.discard(id, now),
    }
    .map_err(|e| match e {
        RotationError::NoAttempt(_)
        | RotationError::PendingMissing { .. }
        | RotationError::Blocked(_) => CliError::Usage(e.to_string()),
        other => CliError::Failure(other.to_string()),
    })?;
    // The password just proven is current now (its slot was set again).
    if let Err(e) = vault.record_proof(&key, Slot::Current, None, &Proof::Opened, now) {
        errln!("{e}");
    }
    outln!("{}", words::decided(&decided));
    Ok(Exit::Success)
}

/// Asks on standard error and reads one line (at most 64 bytes read) from
/// standard input: "yes" (or "y") confirms.
fn confirmed() -> Result<bool, CliError> {
    super::output::errln!("{}", tr!("recover-test-confirm"));
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .take(64)
        .read_line(&mut line)
        .map_err(|e| CliError::Failure(tr!("error-stdin", error = e.to_string())))?;
    Ok(matches!(
        line.trim().to_ascii_lowercase().as_str(),
        "yes" | "y" | "是"
    ))
}
