//! The form's dialogs: the last look before a change is sent, and the
//! confirmation before a password is removed.

use eframe::egui;
use eframe::egui::{Id, RichText, Ui};

use crate::ui::Action;
use crate::ui::widgets::{Answer, ButtonRole, DialogAction, confirm_buttons};

use super::confirmation::Confirmation;
use super::state::OpForm;

/// An open dialog.
#[derive(Debug)]
pub(super) enum Dialog {
    Confirm(Box<Confirmation>),
    /// UCloud: confirm removing the password before the box is ticked.
    ConfirmRemoval,
}

impl OpForm {
    pub(super) fn dialog_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let op = self.op;
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let ctx = ui.ctx().clone();
        match dialog {
            Dialog::Confirm(c) => {
                let modal_id = Id::unique(("confirm_send", op.id));
                let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading("Confirm the change");
                    egui::Grid::new("confirm_rows")
                        .num_columns(2)
                        .spacing([12.0, 4.0])
                        .show(ui, |ui| {
                            let s = &c.summary;
                            ui.label("Operation");
                            ui.label(format!(
                                "{} ({} {})",
                                s.op.api,
                                s.op.provider.name(),
                                s.op.product
                            ));
                            ui.end_row();
                            ui.label("Account");
                            ui.label(&s.account);
                            ui.end_row();
                            ui.label("Region");
                            ui.label(s.region.as_deref().unwrap_or("(none)"));
                            ui.end_row();
                            ui.label("Endpoint");
                            ui.label(&s.endpoint);
                            ui.end_row();
                            for (label, _, value) in &s.resources {
                                ui.label(*label);
                                ui.label(value);
                                ui.end_row();
                            }
                        });
                    ui.add_space(4.0);
                    ui.label(RichText::new(&c.summary.change).strong());
                    let warn = ui.visuals().warn_fg_color;
                    if let Some(why) = &c.anyway {
                        ui.label(RichText::new(format!("Sending anyway: {why}")).color(warn));
                    }
                    if let Some(why) = &c.expected_refusal {
                        ui.label(
                            RichText::new(format!("The provider is expected to refuse it: {why}"))
                                .color(warn),
                        );
                    }
                    if let Some(weak) = c.weak {
                        ui.label(
                            RichText::new(format!(
                                "⚠ The new password is {weak}: Generate makes a strong one."
                            ))
                            .color(warn),
                        );
                    }
                    if let Some(other) = &c.reused_on {
                        ui.label(
                            RichText::new(format!(
                                "⚠ This new password was already set on {other} in this session. \
                                 One password on several resources means one leak opens them all."
                            ))
                            .color(warn)
                            .strong(),
                        );
                        ui.checkbox(
                            &mut c.reuse_accepted,
                            "Set the same password on this resource too",
                        );
                    }
                    ui.add_space(8.0);
                    let action = DialogAction {
                        label: c.action_label,
                        role: ButtonRole::Primary,
                        enabled: c.reused_on.is_none() || c.reuse_accepted,
                    };
                    confirm_buttons(ui, modal_id, "Cancel", action)
                });
                let answer = if modal.should_close() {
                    Some(Answer::Cancel)
                } else {
                    modal.inner
                };
                if answer == Some(Answer::Cancel) {
                    self.dialog = None;
                } else if answer == Some(Answer::Confirm)
                    && let Some(Dialog::Confirm(c)) = self.dialog.take()
                {
                    let Confirmation { summary, job, .. } = *c;
                    self.notice = None;
                    actions.push(Action::Send {
                        job: Box::new(job),
                        summary: Box::new(summary),
                    });
                }
            }
            Dialog::ConfirmRemoval => {
                let means = self
                    .op
                    .field(self.op.new_password.field)
                    .and_then(|f| f.empty_means)
                    .unwrap_or("removes the password");
                let modal_id = Id::unique(("confirm_removal", self.op.id));
                let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
                    ui.set_max_width(460.0);
                    ui.heading("Remove the password?");
                    ui.label(format!("An empty password {means}."));
                    ui.label("You will be asked again before anything is sent.");
                    ui.add_space(8.0);
                    confirm_buttons(
                        ui,
                        modal_id,
                        "Keep the password",
                        DialogAction::new("Yes, remove the password", ButtonRole::Destructive),
                    )
                });
                let decided = if modal.should_close() {
                    Some(false)
                } else {
                    modal.inner.map(|a| a == Answer::Confirm)
                };
                if let Some(remove) = decided {
                    self.dialog = None;
                    self.remove_password = remove;
                    self.dirty = true;
                }
            }
        }
    }
}
