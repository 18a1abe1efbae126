//! The question before an open attempt is settled or sent again: keep
//! as current, discard, or retry with the same new password (with the key
//! typed again when the attempt was made without a profile). Each is
//! asked first; nothing is done until the admin confirms.

use egui::{self, Id, Key, RichText, Ui};

use crate::catalog::find;
use crate::journal::Attempt;
use crate::sign::Credentials;
use crate::tr;
use crate::ui::widgets::{
    Answer, ButtonRole, DialogAction, SecretText, confirm_buttons, dialog_heading, password_field,
};
use crate::ui::{Action, Summary};
use crate::vault::Profile;
use crate::words;

/// What the user is asked to confirm, by attempt id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ask {
    Keep(String),
    Discard(String),
    Retry(String),
}

/// The open question, if any, and the key typed for a retry.
#[derive(Debug, Default)]
pub(super) struct Confirm {
    ask: Option<Ask>,
    key_id: String,
    key_secret: SecretText,
}

impl Confirm {
    /// Asks before `ask` is carried out; a retry starts from the key id
    /// the attempt was made with (`key_id`).
    pub(super) fn ask(&mut self, ask: Ask, key_id: &str) {
        if matches!(ask, Ask::Retry(_)) {
            self.key_id = key_id.to_owned();
        }
        self.ask = Some(ask);
    }

    pub(super) fn holds_key_secret(&self) -> bool {
        !self.key_secret.is_empty()
    }

    /// Forgets a key secret typed for a retry (and closes the retry's
    /// question, which would send with it); whether one was held.
    pub(super) fn forget_key_secret(&mut self) -> bool {
        let held = !self.key_secret.is_empty();
        if held {
            self.key_secret = SecretText::new();
            if matches!(self.ask, Some(Ask::Retry(_))) {
                self.ask = None;
            }
        }
        held
    }

    /// The dialog, while a question is open. `open` are the open attempts
    /// (a question about one settled meanwhile closes); `profiles`, those
    /// a retry may use.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        open: &[Attempt],
        profiles: &[Profile],
        actions: &mut Vec<Action>,
    ) {
        let Self {
            ask,
            key_id,
            key_secret,
        } = self;
        ask_ui(ui, ask, open, profiles, key_id, key_secret, actions);
    }
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
                dialog_heading(ui, &tr!("app-recovery-keep-title"));
                ui.label(resource.as_str());
                ui.label(tr!("app-recovery-keep-text"));
            }
            Ask::Discard(_) => {
                dialog_heading(ui, &tr!("app-recovery-discard-title"));
                ui.label(resource.as_str());
                ui.label(
                    RichText::new(tr!("app-recovery-discard-text"))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            Ask::Retry(_) => {
                dialog_heading(ui, &tr!("app-recovery-retry-title"));
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
