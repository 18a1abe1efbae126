//! Changes whose result is unknown, shown at the top of every view until
//! the user settles them: "the password of X may have changed at 14:02;
//! the new one is kept as pending".
//!
//! The attempts come from the rotation journal, read by a job at start and
//! after every change, so an interrupted rotation is shown again after a
//! crash or restart. For each one the user may *keep as current* (they
//! connected with the pending password), *discard* (the old one still
//! works), or *retry with the same new password*. Each is confirmed first;
//! nothing is ever retried automatically, since a second change with
//! another password could lock the admin out. None of the five APIs can
//! read a password back: the banner says so, offers *Find out* (below) and
//! points to the credentials view to reveal or copy the pending password.
//!
//! *Find out* tests instead: one login with the pending password (and, if
//! the service refuses it, one with the current password), then asks the
//! same question as *Keep* or *Discard* when the logins show which.
//!
//! A retry needs the key: the attempt's profile, or (for a change made with
//! a typed key) the key id and secret typed into the dialog. The dialog
//! that asks first is `ask.rs`.

mod ask;

use std::collections::HashMap;

use egui::{self, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::jobs::{FoundOut, JobId, JournalView};
use crate::journal::Attempt;
use crate::prove::finding::Finding;
use crate::shown::shown;
use crate::tr;
use crate::ui::remedy::Failure;
use crate::ui::{Action, View, format_time};
use crate::vault::Profile;
use crate::words;

use ask::{Ask, Confirm};

/// The banner's state.
#[derive(Debug, Default)]
pub struct RecoveryPanel {
    /// Open attempts, oldest first.
    open: Vec<Attempt>,
    /// Why the journal could not be read, if it could not.
    error: Option<Failure>,
    /// The question before a keep, a discard or a retry.
    confirm: Confirm,
    /// Settles and retries under way: job → attempt id.
    working: HashMap<JobId, String>,
    /// What the last settle did, in words, or why it failed.
    note: Option<Result<String, Failure>>,
    /// Open attempts whose resource is being changed right now (by
    /// another window or command, or a retry here).
    under_way: Vec<String>,
    /// Find-outs under way: job → attempt id.
    finding: HashMap<JobId, String>,
}

/// What the banner needs from the app each frame.
pub struct RecoveryCtx<'a> {
    pub profiles: &'a [Profile],
    pub local: UtcOffset,
    /// The time now: another's change is theirs to settle until its
    /// claim's lease ends.
    pub now: OffsetDateTime,
    pub actions: &'a mut Vec<Action>,
}

impl RecoveryPanel {
    /// The journal was read.
    pub fn journal_read(&mut self, result: &Result<Box<JournalView>, Failure>) {
        match result {
            Ok(view) => {
                self.open = view
                    .attempts
                    .iter()
                    .filter(|a| a.settled.is_none())
                    .cloned()
                    .collect();
                self.under_way = view.under_way.clone();
                self.error = None;
            }
            Err(e) => self.error = Some(e.clone()),
        }
    }

    /// Whether an open attempt's resource is being changed right now
    /// elsewhere: the app reads the journal again until it is not.
    pub fn watches_under_way(&self) -> bool {
        !self.under_way.is_empty()
    }

    /// Whether a key secret is typed for a retry.
    pub fn holds_typed_secrets(&self) -> bool {
        self.confirm.holds_key_secret()
    }

    /// Forgets a key secret typed for a retry; whether one was held.
    pub fn forget_typed_secrets(&mut self) -> bool {
        self.confirm.forget_key_secret()
    }

    pub fn has_open(&self) -> bool {
        !self.open.is_empty() || self.error.is_some() || self.note.is_some()
    }

    /// A settle or retry for `attempt` started as job `id`.
    pub fn started(&mut self, id: JobId, attempt: String) {
        self.working.insert(id, attempt);
    }

    /// A find-out (testing the passwords) for `attempt` started as job `id`.
    pub fn finding_started(&mut self, id: JobId, attempt: String) {
        self.finding.insert(id, attempt);
    }

    /// What testing found: said in the note, and a keep or a discard
    /// proposed through the same question as the buttons ask.
    pub fn found(&mut self, id: JobId, result: Result<Box<FoundOut>, Failure>) {
        let Some(attempt) = self.finding.remove(&id) else {
            return;
        };
        let found = match result {
            Ok(found) => found,
            Err(e) => {
                self.note = Some(Err(e));
                return;
            }
        };
        let mut lines = vec![tr!(
            "app-recovery-tested-pending",
            found = words::proof(&found.pending)
        )];
        if let Some(current) = &found.current {
            lines.push(tr!(
                "app-recovery-tested-current",
                found = words::proof(current)
            ));
        }
        let key_id = self
            .open
            .iter()
            .find(|a| a.id == attempt)
            .map(|a| a.info.key_id.clone())
            .unwrap_or_default();
        let (question, ask) = match found.finding {
            Finding::PendingWorks => ("app-recovery-found-keep", Some(Ask::Keep(attempt))),
            Finding::CurrentWorks => ("app-recovery-found-discard", Some(Ask::Discard(attempt))),
            Finding::Neither => ("app-recovery-found-neither", None),
        };
        lines.push(tr!(question));
        self.note = Some(Ok(lines.join("\n")));
        if let Some(ask) = ask {
            self.confirm.ask(ask, &key_id);
        }
    }

    pub fn waits_for(&self, id: JobId) -> bool {
        self.working.contains_key(&id)
    }

    /// A settle finished (its note), or a retry ended.
    pub fn finished(&mut self, id: JobId, note: Option<Result<String, Failure>>) {
        if self.working.remove(&id).is_some() && note.is_some() {
            self.note = note;
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: RecoveryCtx<'_>) {
        let Self {
            open,
            error,
            confirm,
            working,
            note,
            under_way,
            finding,
        } = self;
        let RecoveryCtx {
            profiles,
            local,
            now,
            actions,
        } = ctx;
        let warn = ui.visuals().warn_fg_color;
        if let Some(e) = error {
            ui.label(
                RichText::new(tr!("app-recovery-journal-failed", error = e.words()))
                    .color(ui.visuals().error_fg_color),
            );
        }
        if let Some(n) = note {
            let mut dismiss = false;
            ui.horizontal(|ui| {
                match n {
                    Ok(text) => ui.label(text.as_str()),
                    Err(e) => ui.label(RichText::new(e.words()).color(ui.visuals().error_fg_color)),
                };
                dismiss = ui.small_button(tr!("app-recovery-ok")).clicked();
            });
            if dismiss {
                *note = None;
            }
        }
        if open.is_empty() {
            return;
        }
        ui.label(
            RichText::new(tr!("app-recovery-heading", count = open.len()))
                .heading()
                .color(warn),
        );
        // The banner stays compact: the first change in full, the others
        // folded under it.
        if let Some((first, rest)) = open.split_first() {
            let busy = |a: &Attempt| {
                working.values().any(|id| id == &a.id) || finding.values().any(|id| id == &a.id)
            };
            let elsewhere = |a: &Attempt| !busy(a) && under_way.contains(&a.id);
            ui.separator();
            attempt_ui(
                ui,
                first,
                (busy(first), elsewhere(first)),
                (local, now),
                confirm,
                actions,
            );
            if !rest.is_empty() {
                egui::CollapsingHeader::new(tr!("app-recovery-more", count = rest.len()))
                    .id_salt("recovery_more")
                    .default_open(false)
                    .show(ui, |ui| {
                        for a in rest {
                            ui.separator();
                            attempt_ui(
                                ui,
                                a,
                                (busy(a), elsewhere(a)),
                                (local, now),
                                confirm,
                                actions,
                            );
                        }
                    });
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("app-recovery-cannot-check")).weak());
            if ui
                .small_button(tr!("app-recovery-open-credentials"))
                .clicked()
            {
                actions.push(Action::Show(View::Credentials));
            }
        });
        confirm.ui(ui, open, profiles, actions);
    }
}

/// One open attempt: what may have changed, the last answer, and Keep,
/// Discard and Retry (each asks first).
/// `busy`: this window settles or retries it; `elsewhere`: its resource is
/// being changed right now by another window or command, which will
/// settle it (the banner reads the journal again until then).
fn attempt_ui(
    ui: &mut Ui,
    a: &Attempt,
    (busy, elsewhere): (bool, bool),
    (local, now): (UtcOffset, OffsetDateTime),
    confirm: &mut Confirm,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(sentence(a, local)).strong());
    if elsewhere {
        ui.label(RichText::new(tr!("app-recovery-under-way")).strong());
    } else {
        ui.label(RichText::new(last_answer(a, local, now)).weak())
            .on_hover_text(tr!("app-attempt-id-hover", id = a.id.as_str()));
    }
    // Another's change is theirs to settle while its lease runs: Keep and
    // Discard wake up when it ends.
    let theirs = a.info.claim.as_ref().filter(|claim| claim.leased(now));
    if let Some(claim) = theirs
        && let Ok(left) = std::time::Duration::try_from(claim.lease_until - now)
    {
        ui.ctx().request_repaint_after(left);
    }
    ui.horizontal_wrapped(|ui| {
        let theirs_words = theirs.map(|claim| {
            tr!(
                "app-recovery-theirs",
                by = shown(&claim.by.to_string()),
                until = format_time(claim.lease_until, local)
            )
        });
        ui.add_enabled_ui(!busy && !elsewhere && theirs.is_none(), |ui| {
            let disabled_hover = theirs_words.clone().unwrap_or_default();
            if ui
                .button(tr!("app-recovery-find-out"))
                .on_hover_text(tr!("app-recovery-find-out-hover"))
                .on_disabled_hover_text(disabled_hover.as_str())
                .clicked()
            {
                actions.push(Action::FindOut {
                    attempt: a.id.clone(),
                    key: a.info.resource.clone(),
                });
            }
            if ui
                .button(tr!("app-recovery-keep"))
                .on_hover_text(tr!("app-recovery-keep-hover"))
                .on_disabled_hover_text(disabled_hover.as_str())
                .clicked()
            {
                confirm.ask(Ask::Keep(a.id.clone()), &a.info.key_id);
            }
            if ui
                .button(tr!("app-recovery-discard"))
                .on_hover_text(tr!("app-recovery-discard-hover"))
                .on_disabled_hover_text(disabled_hover.as_str())
                .clicked()
            {
                confirm.ask(Ask::Discard(a.id.clone()), &a.info.key_id);
            }
            // A pending password found without its journal record has no
            // fields to send again.
            if !a.info.adopted
                && ui
                    .button(tr!("app-recovery-retry"))
                    .on_hover_text(tr!("app-recovery-retry-hover"))
                    .clicked()
            {
                confirm.ask(Ask::Retry(a.id.clone()), &a.info.key_id);
            }
        });
        if busy {
            ui.spinner();
        }
        if let Some(words) = theirs_words {
            ui.label(RichText::new(words).weak());
        }
    });
}

/// "The password of Huawei Cloud DCS Instance ID … in cn-north-4 may have
/// changed at …; the new one is kept as pending."
fn sentence(a: &Attempt, local: UtcOffset) -> String {
    // Another's change started when they staged it, not when it was found.
    let started = a.info.claim.as_ref().map_or(a.started, |claim| claim.since);
    tr!(
        "app-recovery-sentence",
        what = words::resource_name(&a.info.resource),
        time = format_time(started, local),
        kept = words::open_attempt(a)
    )
}

fn last_answer(a: &Attempt, local: UtcOffset, now: OffsetDateTime) -> String {
    if let Some(claim) = &a.info.claim {
        // Another's change: whose, and until when it is theirs alone.
        let id = if claim.leased(now) {
            "app-recovery-claimed-leased"
        } else {
            "app-recovery-claimed-lease-ended"
        };
        return tr!(
            id,
            id = shown(&claim.attempt),
            by = shown(&claim.by.to_string()),
            until = format_time(claim.lease_until, local)
        );
    }
    let via = match &a.info.profile {
        Some(p) => tr!("app-profile-named", name = p.as_str()),
        None if a.info.adopted => tr!("app-recovery-no-record"),
        None => tr!("app-typed-key", key = shown(&a.info.key_id)),
    };
    let answer = match &a.outcome {
        Some((_, o)) => {
            let status = words::journal_status(&o.status);
            match &o.code {
                Some(code) => tr!(
                    "app-recovery-last-answer-code",
                    status = status,
                    code = shown(code)
                ),
                None => tr!("app-recovery-last-answer", status = status),
            }
        }
        None if a.sent => tr!("app-recovery-sent-no-answer"),
        // Found without its record here: nothing proves it was not sent.
        None if a.info.adopted => tr!("app-recovery-may-have-been-sent"),
        None => tr!("app-recovery-not-sent"),
    };
    tr!(
        "app-recovery-attempt",
        id = a.id.as_str(),
        via = via,
        answer = answer
    )
}
