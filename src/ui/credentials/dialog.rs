//! Removing a profile, and deleting an imported key file, ask first, with
//! the safe answer ("Keep it") focused.

use std::path::PathBuf;

use eframe::egui::{self, Id, Ui};

use crate::tr;
use crate::ui::Action;
use crate::ui::widgets::{Answer, ButtonRole, DialogAction, confirm_buttons, dialog_heading};

use super::{Purpose, Request};

pub(super) fn remove_dialog(ui: &mut Ui, confirm: &mut Option<String>, actions: &mut Vec<Action>) {
    let Some(name) = confirm.clone() else {
        return;
    };
    let ctx = ui.ctx().clone();
    let modal_id = Id::unique("confirm_remove_profile");
    let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
        ui.set_max_width(460.0);
        dialog_heading(
            ui,
            &tr!("app-credentials-remove-title", name = name.as_str()),
        );
        ui.label(tr!("app-credentials-remove-text"));
        ui.add_space(8.0);
        let label = tr!("app-credentials-remove-confirm");
        let remove = DialogAction::new(&label, ButtonRole::Destructive);
        let keep = tr!("app-credentials-remove-keep");
        confirm_buttons(ui, modal_id, &keep, remove).map(|a| a == Answer::Confirm)
    });
    let decided = if modal.should_close() {
        Some(false)
    } else {
        modal.inner
    };
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
    let ctx = ui.ctx().clone();
    let modal_id = Id::unique("confirm_delete_file");
    let file = crate::shown::shown(&path.display().to_string()).into_owned();
    let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
        ui.set_max_width(460.0);
        dialog_heading(
            ui,
            &tr!("app-credentials-delete-file-title", file = file.as_str()),
        );
        ui.label(tr!("app-credentials-delete-file-text"));
        ui.add_space(8.0);
        let label = tr!("app-credentials-delete-file-confirm");
        let delete = DialogAction::new(&label, ButtonRole::Destructive);
        let keep = tr!("app-credentials-delete-file-keep");
        confirm_buttons(ui, modal_id, &keep, delete).map(|a| a == Answer::Confirm)
    });
    let decided = if modal.should_close() {
        Some(false)
    } else {
        modal.inner
    };
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
