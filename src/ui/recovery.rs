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
//! read a password back, so checking is the user's: the banner says so and
//! points to the credentials view to reveal or copy the pending password.
//!
//! A retry needs the key: the attempt's profile, or (for a change made with
//! a typed key) the key id and secret typed into the dialog.

use std::collections::HashMap;

use eframe::egui::{self, Id, Key, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::find;
use crate::jobs::{JobId, JournalView};
use crate::journal::Attempt;
use crate::shown::shown;
use crate::sign::Credentials;
use crate::tr;
use crate::ui::remedy::Failure;
use crate::ui::widgets::{
    Answer, ButtonRole, DialogAction, SecretText, confirm_buttons, password_field,
};
use crate::ui::{Action, Summary, View, format_time};
use crate::vault::Profile;
use crate::words;

/// What the user is asked to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ask {
    Keep(String),
    Discard(String),
    Retry(String),
}

/// The banner's state.
#[derive(Debug, Default)]
pub struct RecoveryPanel {
    /// Open attempts, oldest first.
    open: Vec<Attempt>,
    /// Why the journal could not be read, if it could not.
    error: Option<Failure>,
    ask: Option<Ask>,
    /// Settles and retries under way: job → attempt id.
    working: HashMap<JobId, String>,
    /// What the last settle did, in words, or why it failed.
    note: Option<Result<String, Failure>>,
    /// For a retry with a typed key.
    key_id: String,
    key_secret: SecretText,
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
                self.error = None;
            }
            Err(e) => self.error = Some(e.clone()),
        }
    }

    pub fn has_open(&self) -> bool {
        !self.open.is_empty() || self.error.is_some() || self.note.is_some()
    }

    /// A settle or retry for `attempt` started as job `id`.
    pub fn started(&mut self, id: JobId, attempt: String) {
        self.working.insert(id, attempt);
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
            ask,
            working,
            note,
            key_id,
            key_secret,
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
            let busy = |a: &Attempt| working.values().any(|id| id == &a.id);
            ui.separator();
            attempt_ui(ui, first, busy(first), (local, now), ask, key_id);
            if !rest.is_empty() {
                egui::CollapsingHeader::new(tr!("app-recovery-more", count = rest.len()))
                    .id_salt("recovery_more")
                    .default_open(false)
                    .show(ui, |ui| {
                        for a in rest {
                            ui.separator();
                            attempt_ui(ui, a, busy(a), (local, now), ask, key_id);
                        }
                    });
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("app-recovery-cannot-check")).small());
            if ui
                .small_button(tr!("app-recovery-open-credentials"))
                .clicked()
            {
                actions.push(Action::Show(View::Credentials));
            }
        });
        ask_ui(ui, ask, open, profiles, key_id, key_secret, actions);
    }
}

/// One open attempt: what may have changed, the last answer, and Keep,
/// Discard and Retry (each asks first).
fn attempt_ui(
    ui: &mut Ui,
    a: &Attempt,
    busy: bool,
    (local, now): (UtcOffset, OffsetDateTime),
    ask: &mut Option<Ask>,
    key_id: &mut String,
) {
    ui.label(RichText::new(sentence(a, local)).strong());
    ui.label(RichText::new(last_answer(a, local, now)).weak());
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
        ui.add_enabled_ui(!busy && theirs.is_none(), |ui| {
            let disabled_hover = theirs_words.clone().unwrap_or_default();
            if ui
                .button(tr!("app-recovery-keep"))
                .on_hover_text(tr!("app-recovery-keep-hover"))
                .on_disabled_hover_text(disabled_hover.as_str())
                .clicked()
            {
                *ask = Some(Ask::Keep(a.id.clone()));
            }
            if ui
                .button(tr!("app-recovery-discard"))
                .on_hover_text(tr!("app-recovery-discard-hover"))
                .on_disabled_hover_text(disabled_hover.as_str())
                .clicked()
            {
                *ask = Some(Ask::Discard(a.id.clone()));
            }
            // A pending password found without its journal record has no
            // fields to send again.
            if !a.info.adopted
                && ui
                    .button(tr!("app-recovery-retry"))
                    .on_hover_text(tr!("app-recovery-retry-hover"))
                    .clicked()
            {
                key_id.clone_from(&a.info.key_id);
                *ask = Some(Ask::Retry(a.id.clone()));
            }
        });
        if busy {
            ui.spinner();
        }
        if let Some(words) = theirs_words {
            ui.label(RichText::new(words).small());
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

/// What a retry is about, for the results panel.
fn retry_summary(a: &Attempt, account: String) -> Option<Summary> {
    let op = find(&a.info.operation)?;
    let resources = Summary::resource_rows(op, |wire| a.info.fields.get(wire).cloned());
    Some(Summary {
        op,
        account,
        region: a.info.region.clone(),
        endpoint: a
            .info
            .endpoint
            .clone()
            .unwrap_or_else(|| tr!("app-recovery-endpoint-unknown")),
        resources,
        change: tr!("app-recovery-retry-change"),
        old_password_expires: None,
    })
}

/// The confirmation of a keep, a discard or a retry.
fn ask_ui(
    ui: &mut Ui,
    ask: &mut Option<Ask>,
    open: &[Attempt],
    profiles: &[Profile],
    key_id: &mut String,
    key_secret: &mut SecretText,
    actions: &mut Vec<Action>,
) {
    let Some(current) = ask.clone() else {
        return;
    };
    let id = match &current {
        Ask::Keep(id) | Ask::Discard(id) | Ask::Retry(id) => id.clone(),
    };
    let Some(attempt) = open.iter().find(|a| a.id == id) else {
        *ask = None;
        return;
    };
    let resource = tr!(
        "app-recovery-resource",
        what = words::resource_name(&attempt.info.resource)
    );
    let profile = attempt
        .info
        .profile
        .as_ref()
        .filter(|name| profiles.iter().any(|p| &p.name == *name));
    let ctx = ui.ctx().clone();
    let mut decided: Option<bool> = None;
    let modal_id = Id::unique(("recovery_ask", &id));
    let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
        ui.set_max_width(520.0);
        match &current {
            Ask::Keep(_) => {
                ui.heading(tr!("app-recovery-keep-title"));
                ui.label(resource.as_str());
                ui.label(tr!("app-recovery-keep-text"));
            }
            Ask::Discard(_) => {
                ui.heading(tr!("app-recovery-discard-title"));
                ui.label(resource.as_str());
                ui.label(
                    RichText::new(tr!("app-recovery-discard-text"))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            Ask::Retry(_) => {
                ui.heading(tr!("app-recovery-retry-title"));
                ui.label(resource.as_str());
                ui.label(tr!("app-recovery-retry-text"));
                match profile {
                    Some(name) => {
                        ui.label(tr!("app-recovery-retry-profile", name = name.as_str()));
                    }
                    None => {
                        ui.label(match &attempt.info.profile {
                            Some(name) => {
                                tr!("app-recovery-retry-profile-gone", name = name.as_str())
                            }
                            None => tr!("app-recovery-retry-typed"),
                        });
                        egui::Grid::new("retry_key").num_columns(2).show(ui, |ui| {
                            let label = ui.label(tr!("app-recovery-retry-key-id"));
                            ui.add(
                                egui::TextEdit::singleline(key_id)
                                    .id(Id::unique("retry_key_id"))
                                    .desired_width(240.0),
                            )
                            .labelled_by(label.id);
                            ui.end_row();
                            let label = ui.label(tr!("app-recovery-retry-key-secret"));
                            password_field(
                                ui,
                                key_secret,
                                Id::unique("retry_key_secret"),
                                label.id,
                            );
                            ui.end_row();
                        });
                    }
                }
            }
        }
        ui.add_space(8.0);
        let ready = match &current {
            Ask::Retry(_) => {
                profile.is_some() || (!key_id.trim().is_empty() && !key_secret.is_empty())
            }
            _ => true,
        };
        let (label, role) = match &current {
            Ask::Keep(_) => (tr!("app-recovery-keep-confirm"), ButtonRole::Primary),
            Ask::Discard(_) => (tr!("app-recovery-discard-confirm"), ButtonRole::Destructive),
            Ask::Retry(_) => (tr!("app-recovery-retry-confirm"), ButtonRole::Primary),
        };
        let action = DialogAction {
            label: &label,
            role,
            enabled: ready,
        };
        let cancel = tr!("app-recovery-cancel");
        if let Some(answer) = confirm_buttons(ui, modal_id, &cancel, action) {
            decided = Some(answer == Answer::Confirm);
        }
    });
    if modal.should_close() || ui.input(|i| i.key_pressed(Key::Escape)) {
        decided = decided.or(Some(false));
    }
    match decided {
        Some(true) => {
            *ask = None;
            match current {
                Ask::Keep(attempt) => actions.push(Action::Settle {
                    attempt,
                    keep: true,
                }),
                Ask::Discard(attempt) => actions.push(Action::Settle {
                    attempt,
                    keep: false,
                }),
                Ask::Retry(attempt_id) => {
                    let (key, account) = match profile {
                        Some(name) => (
                            None,
                            tr!(
                                "app-profile-with-key",
                                name = name.as_str(),
                                key = attempt.info.key_id.as_str()
                            ),
                        ),
                        None => (
                            Some(Credentials::new(key_id.trim(), key_secret.to_secret())),
                            tr!("app-recovery-typed-key-not-stored", key = key_id.trim()),
                        ),
                    };
                    *key_secret = SecretText::new();
                    if let Some(summary) = retry_summary(attempt, account) {
                        actions.push(Action::Retry {
                            attempt: attempt_id,
                            key,
                            summary: Box::new(summary),
                        });
                    }
                }
            }
        }
        Some(false) => {
            *ask = None;
            *key_secret = SecretText::new();
        }
        None => {}
    }
}
