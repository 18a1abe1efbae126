//! The form's dialogs: the last look before a change is sent (its
//! contents are the confirmation's), and the confirmation before a
//! password is removed. At most one is open; what the admin answered goes
//! back to the form, which acts on it.

use egui::{Id, Ui};

use crate::catalog::Operation;
use crate::i18n::tr;
use crate::tr;
use crate::ui::widgets::{Answer, ButtonRole, DialogAction, confirm_buttons, dialog_heading};
use crate::words;

use super::confirmation::Confirmation;

/// An open dialog.
#[derive(Debug)]
enum Dialog {
    Confirm(Box<Confirmation>),
    /// UCloud: confirm removing the password before the box is ticked.
    ConfirmRemoval,
}

/// The form's open dialog, if any.
#[derive(Debug, Default)]
pub(super) struct Dialogs {
    open: Option<Dialog>,
}

/// What the admin answered.
#[derive(Debug)]
pub(super) enum DialogAnswer {
    /// Send this change.
    Send(Box<Confirmation>),
    /// Remove the password (true) or keep it (false).
    Removal(bool),
}

impl Dialogs {
    /// Opens the last look before `confirmation` is sent.
    pub(super) fn confirm(&mut self, confirmation: Confirmation) {
        self.open = Some(Dialog::Confirm(Box::new(confirmation)));
    }

    /// Asks before the password is removed.
    pub(super) fn ask_removal(&mut self) {
        self.open = Some(Dialog::ConfirmRemoval);
    }

    /// Closes whatever is open, unanswered.
    pub(super) fn close(&mut self) {
        self.open = None;
    }

    pub(super) fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Draws the open dialog; returns the admin's answer once given (the
    /// dialog is closed then).
    pub(super) fn ui(&mut self, ui: &mut Ui, op: &'static Operation) -> Option<DialogAnswer> {
        let ctx = ui.ctx().clone();
        match self.open.as_mut()? {
            Dialog::Confirm(c) => {
                let modal_id = Id::unique(("confirm_send", op.id));
                let modal = egui::Modal::new(modal_id).show(&ctx, |ui| c.ui(ui, modal_id));
                let answer = if modal.should_close() {
                    Some(Answer::Cancel)
                } else {
                    modal.inner
                };
                match answer? {
                    Answer::Cancel => {
                        self.open = None;
                        None
                    }
                    Answer::Confirm => match self.open.take() {
                        Some(Dialog::Confirm(c)) => Some(DialogAnswer::Send(c)),
                        _ => None,
                    },
                }
            }
            Dialog::ConfirmRemoval => {
                let means = op
                    .field(op.new_password.field)
                    .and_then(|f| words::empty_means(op, f))
                    .unwrap_or_else(|| tr("form-removes-the-password"));
                let modal_id = Id::unique(("confirm_removal", op.id));
                let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
                    ui.set_max_width(460.0);
                    dialog_heading(ui, &tr("form-removal-heading"));
                    ui.label(tr!("form-empty-password-means", means = means.as_str()));
                    ui.label(tr("form-removal-asked-again"));
                    ui.add_space(8.0);
                    confirm_buttons(
                        ui,
                        modal_id,
                        &tr("form-removal-keep"),
                        DialogAction::new(&tr("form-removal-yes"), ButtonRole::Destructive),
                    )
                });
                let remove = if modal.should_close() {
                    false
                } else {
                    modal.inner? == Answer::Confirm
                };
                self.open = None;
                Some(DialogAnswer::Removal(remove))
            }
        }
    }
}
