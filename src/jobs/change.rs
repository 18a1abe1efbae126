//! A password change from the desktop app, done the way `keyturn request
//! --send` does it (`src/cli/send.rs`), so that the app can never lose a
//! password the CLI would keep:
//!
//! 1. the access key is read (a profile's from the keyring);
//! 2. [`Rotation::blocked`]: if the journal says the provider would refuse
//!    now (a lock, an old password still valid, a throttle), nothing is
//!    staged and the job reports [`Event::Blocked`] — unless the user chose
//!    "send anyway";
//! 3. [`Rotation::stage`]: the new password becomes the resource's
//!    *pending* password and the attempt is journalled; if either fails, or
//!    an earlier change of the resource is still open, nothing is sent;
//! 4. the last moment a cancel can win; then [`Rotation::mark_sent`];
//! 5. signed with the clock as it is now, and sent once;
//! 6. [`Rotation::settle`]: the slots move by the outcome, and the note
//!    that says where the passwords are now goes back with the outcome.
//!
//! Every keyring and journal call blocks, so each runs with
//! `spawn_blocking`; the UI thread never waits on one.

use std::sync::Arc;
use std::time::Duration;

use crate::endpoint::Endpoint;
use crate::journal::Journal;
use crate::outcome::{Outcome, Status};
use crate::request::{self, SigningContext};
use crate::rotation::{Block, Rotation, RotationError, Staged};
use crate::send::Sender;
use crate::sign::Credentials;
use crate::vault::Vault;

use super::{Clock, Event, Handoff, JournalView, KeySource, Reporter, SendJob, read_credentials};

/// What a change job needs from the runtime.
pub(super) struct Ctx {
    pub vault: Option<Vault>,
    pub sender: Sender,
    pub clock: Clock,
    pub hold: Duration,
}

/// The rotation store of the vault: its keyring slots and its journal.
pub(super) fn rotation(vault: Option<&Vault>) -> Result<Rotation, String> {
    let vault = vault.ok_or(
        "no config folder was found, so no password can be kept safe: set KEYTURN_CONFIG_DIR and KEYTURN_DATA_DIR",
    )?;
    Ok(Rotation::new(
        vault.clone(),
        Journal::new(&vault.paths().data_dir),
    ))
}

/// Runs blocking work (keyring, journal, index) off the runtime's threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| format!("a background task failed: {e}"))
}

/// Why a change was not staged.
enum Refusal {
    Blocked(Block, bool),
    NotStarted(String),
}

pub(super) async fn send(ctx: Ctx, job: SendJob, handoff: Handoff, reporter: Reporter) {
    let SendJob {
        request: validated,
        endpoint,
        endpoint_override,
        key,
        anyway,
        retrying,
    } = job;
    let token = handoff.token.clone();

    // 1. The key. Cancelling while the keyring is asked (it may be waiting
    // for the user to unlock it) stops the job at once: nothing is staged.
    let (credentials, profile) = match key {
        KeySource::Typed(credentials) => (credentials, None),
        KeySource::Profile(name) => {
            let vault = ctx.vault.clone();
            let wanted = name.clone();
            let read = blocking(move || read_credentials(vault.as_ref(), &wanted));
            tokio::select! {
                _ = token.cancelled() => return reporter.report(Event::Cancelled),
                read = read => match read.and_then(|r| r) {
                    Ok(credentials) => (credentials, Some(name)),
                    Err(e) => return reporter.report(Event::NotStarted(e)),
                }
            }
        }
    };
    if !ctx.hold.is_zero() {
        tokio::select! {
            _ = token.cancelled() => return reporter.report(Event::Cancelled),
            _ = tokio::time::sleep(ctx.hold) => {}
        }
    }

    // 2 and 3. Refused up front, or staged.
    let rotation = match rotation(ctx.vault.as_ref()) {
        Ok(r) => Arc::new(r),
        Err(e) => return reporter.report(Event::NotStarted(format!("nothing was sent: {e}"))),
    };
    let validated = Arc::new(validated);
    let staged = {
        let (rotation, validated) = (rotation.clone(), validated.clone());
        let key_id = credentials.key_id.clone();
        let (profile, clock) = (profile.clone(), ctx.clock.clone());
        blocking(move || {
            let now = clock();
            if !anyway {
                match rotation.blocked(&validated, now) {
                    Ok(Some(block)) => return Err(Refusal::Blocked(block, true)),
                    Ok(None) => {}
                    Err(e) => {
                        return Err(Refusal::NotStarted(format!(
                            "nothing was sent: the rotation journal could not be read: {e}"
                        )));
                    }
                }
            }
            rotation
                .stage(
                    &validated,
                    &key_id,
                    profile.as_deref(),
                    endpoint_override.as_deref(),
                    retrying.as_deref(),
                    now,
                )
                .map_err(|e| match e {
                    RotationError::Blocked(block) => Refusal::Blocked(block, false),
                    other => Refusal::NotStarted(other.to_string()),
                })
        })
        .await
    };
    let staged = match staged {
        Ok(Ok(staged)) => Arc::new(staged),
        Ok(Err(Refusal::Blocked(block, can_override))) => {
            return reporter.report(Event::Blocked {
                block,
                can_override,
            });
        }
        Ok(Err(Refusal::NotStarted(why))) => return reporter.report(Event::NotStarted(why)),
        Err(e) => return reporter.report(Event::NotStarted(format!("nothing was sent: {e}"))),
    };

    // 4. The last moment a cancel can win. A cancelled or unrecordable
    // change is closed as not sent, which drops its pending password.
    let not_sent = |why: Option<String>| {
        let (rotation, staged, clock) = (rotation.clone(), staged.clone(), ctx.clock.clone());
        let reporter = reporter.clone();
        async move {
            let _ =
                blocking(move || rotation.settle(&staged, &Outcome::new(Status::NotSent), clock()))
                    .await;
            reporter.report(match why {
                None => Event::Cancelled,
                Some(why) => Event::NotStarted(why),
            });
        }
    };
    if !handoff.hand_over() {
        return not_sent(None).await;
    }
    let marked = {
        let (rotation, staged, clock) = (rotation.clone(), staged.clone(), ctx.clock.clone());
        blocking(move || rotation.mark_sent(&staged, clock())).await
    };
    match marked {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            return not_sent(Some(format!(
                "nothing was sent: the rotation journal could not be written: {e}"
            )))
            .await;
        }
        Err(e) => return not_sent(Some(format!("nothing was sent: {e}"))).await,
    }
    reporter.report(Event::Handed);

    // 5. Signed now, sent once.
    let nonce = request::fresh_nonce();
    let signed = request::build(
        &validated,
        &endpoint,
        &credentials,
        SigningContext {
            time: (ctx.clock)(),
            nonce: &nonce,
        },
    );
    drop(credentials);
    let clock = ctx.clock.clone();
    let outcome = ctx.sender.send(validated.op, &signed, || clock()).await;
    drop(signed);

    // 6. Settled by the outcome.
    let settled = {
        let (rotation, staged, clock) = (rotation.clone(), staged.clone(), ctx.clock.clone());
        let outcome = outcome.clone();
        let vault = ctx.vault.clone();
        blocking(move || {
            let settled = rotation.settle(&staged, &outcome, clock());
            if let (Some(vault), Some(name)) = (vault, profile) {
                // Recording the use is a courtesy; the outcome stands either way.
                let _ = vault.touch_profile(&name, clock(), None);
            }
            settled
        })
        .await
    };
    let keyring = match settled {
        // The core's note points to `keyturn recover`; here the banner does it.
        Ok(Ok(s)) if outcome.status == Status::Unknown => format!(
            "the new password is kept as the pending password of {}: it may be the one the resource \
             has now. Check it, then settle the change at the top of the window.",
            s.key
        ),
        Ok(Ok(s)) => s.note,
        Ok(Err(e)) => unsettled_note(&e.to_string(), &staged),
        Err(e) => unsettled_note(&e, &staged),
    };
    reporter.report(Event::Answered {
        outcome: Box::new(outcome),
        at: (ctx.clock)(),
        keyring,
    });
}

/// The outcome must still be shown; say plainly what the keyring holds.
fn unsettled_note(error: &str, staged: &Staged) -> String {
    format!(
        "the keyring slots could not be updated ({error}); the new password is still the pending one of {}",
        staged.key
    )
}

/// Rebuilds an open attempt's request with the same new password, then
/// sends it like any change (`retrying` set, so the old attempt is closed
/// as retried; "anyway", as `keyturn recover --retry` does, since the user
/// asked for exactly this).
pub(super) async fn retry(
    ctx: Ctx,
    attempt: String,
    typed: Option<Credentials>,
    handoff: Handoff,
    reporter: Reporter,
) {
    let vault = ctx.vault.clone();
    let built = blocking(move || -> Result<SendJob, String> {
        let rotation = rotation(vault.as_ref())?;
        let open = rotation.open_attempt(&attempt).map_err(|e| e.to_string())?;
        let (op, inputs) = rotation.retry_inputs(&open).map_err(|e| e.to_string())?;
        let validated = request::validate(op, &inputs).map_err(|errors| {
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        })?;
        let profile = match (&typed, &open.info.profile, &vault) {
            (None, Some(name), Some(vault)) => {
                Some(vault.profile(name).map_err(|e| e.to_string())?)
            }
            _ => None,
        };
        let endpoint_text = open
            .info
            .endpoint
            .clone()
            .or_else(|| profile.as_ref().and_then(|p| p.endpoint.clone()));
        let endpoint = match &endpoint_text {
            Some(url) => Endpoint::parse_override(url),
            None => Endpoint::default_for(op, validated.region.as_deref()),
        }
        .map_err(|e| e.to_string())?;
        let key = match (typed, profile) {
            (Some(credentials), _) => KeySource::Typed(credentials),
            (None, Some(p)) => KeySource::Profile(p.name),
            (None, None) => {
                return Err(
                    "this change was made with a typed key: give its secret to retry".into(),
                );
            }
        };
        Ok(SendJob {
            request: validated,
            endpoint,
            endpoint_override: endpoint_text,
            key,
            anyway: true,
            retrying: Some(attempt),
        })
    })
    .await;
    match built {
        Ok(Ok(job)) => send(ctx, job, handoff, reporter).await,
        Ok(Err(e)) | Err(e) => reporter.report(Event::NotStarted(format!("nothing was sent: {e}"))),
    }
}

/// Every attempt in the journal, and what could not be read.
pub(super) fn read_journal(vault: Option<&Vault>) -> Result<Box<JournalView>, String> {
    let rotation = rotation(vault)?;
    let contents = rotation.journal().read().map_err(|e| e.to_string())?;
    Ok(Box::new(JournalView {
        attempts: contents.attempts(),
        skipped: contents.skipped,
    }))
}
