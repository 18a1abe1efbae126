//! Removing a profile, and deleting an imported key file, ask first, with
//! the safe answer ("Keep it") focused.

use std::path::PathBuf;

use egui::{self, Id, Ui};

use crate::tr;
use crate::ui::Action;
use crate::ui::widgets::{Answer, ButtonRole, DialogAction, confirm_buttons, dialog_heading};

use super::{Purpose, Request};

/// What one of these dialogs says.
struct Question {
    id: &'static str,
    title: String,
    text: String,
    action: String,
    keep: String,
}

/// Asks `question`; `Some(true)` when the admin confirms, `Some(false)`
/// when they keep it (or close the dialog), `None` while it is open.
fn ask(ui: &Ui, question: Question) -> Option<bool> {
    let ctx = ui.ctx().clone();
    let modal_id = Id::unique(question.id);
    let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
        ui.set_max_width(460.0);
        dialog_heading(ui, &question.title);
        ui.label(question.text.as_str());
        ui.add_space(8.0);
        let action = DialogAction::new(&question.action, ButtonRole::Destructive);
        confirm_buttons(ui, modal_id, &question.keep, action).map(|a| a == Answer::Confirm)
    });
    if modal.should_close() {
        Some(false)
    } else {
        modal.inner
    }
}

/// "Remove profile …?": its secret leaves the keyring.
pub(super) fn remove_dialog(ui: &mut Ui, confirm: &mut Option<String>, actions: &mut Vec<Action>) {
    let Some(name) = confirm.clone() else {
        return;
    };
    let decided = ask(
        ui,
        Question {
            id: "confirm_remove_profile",
            title: tr!("app-credentials-remove-title", name = name.as_str()),
            text: tr!("app-credentials-remove-text"),
            action: tr!("app-credentials-remove-confirm"),
            keep: tr!("app-credentials-remove-keep"),
        },
    );
    match decided {
        Some(true) => {
            *confirm = None;
            actions.push(Action::Credentials {
                request: Request::Remove(name.clone()),
                purpose: Purpose::Remove(name),
            });
        }
        Some(false) => *confirm = None,
        None => {}
    }
}

/// "Delete the file?" for the file a key was imported from: it cannot be
/// brought back, so Keep has the focus.
pub(super) fn delete_file_dialog(
    ui: &mut Ui,
    confirm: &mut Option<PathBuf>,
    actions: &mut Vec<Action>,
) {
    let Some(path) = confirm.clone() else {
        return;
    };
    let file = crate::shown::shown(&path.display().to_string()).into_owned();
    let decided = ask(
        ui,
        Question {
            id: "confirm_delete_file",
            title: tr!("app-credentials-delete-file-title", file = file.as_str()),
            text: tr!("app-credentials-delete-file-text"),
            action: tr!("app-credentials-delete-file-confirm"),
            keep: tr!("app-credentials-delete-file-keep"),
        },
    );
    match decided {
        Some(true) => {
            *confirm = None;
            actions.push(Action::Credentials {
                request: Request::DeleteFile(path.clone()),
                purpose: Purpose::DeleteFile(path),
            });
        }
        Some(false) => *confirm = None,
        None => {}
    }
}
