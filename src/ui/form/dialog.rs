//! The form's dialogs: the last look before a change is sent, and the
//! confirmation before a password is removed.

use eframe::egui;
use eframe::egui::{Id, RichText, Ui};

use crate::i18n::tr;
use crate::tr;
use crate::ui::Action;
use crate::ui::widgets::{Answer, ButtonRole, DialogAction, confirm_buttons};
use crate::words;

use super::parts::{Confirmation, Dialog};
use super::state::OpForm;

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
                    ui.heading(tr("form-confirm-heading"));
                    egui::Grid::new("confirm_rows")
                        .num_columns(2)
                        .spacing([12.0, 4.0])
                        .show(ui, |ui| {
                            let s = &c.summary;
                            ui.label(tr("form-confirm-operation"));
                            ui.label(tr!(
                                "form-confirm-operation-value",
                                api = s.op.api,
                                provider = words::provider(s.op.provider),
                                product = s.op.product
                            ));
                            ui.end_row();
                            ui.label(tr("form-confirm-account"));
                            ui.label(&s.account);
                            ui.end_row();
                            ui.label(tr("form-confirm-region"));
                            match &s.region {
                                Some(region) => ui.label(region),
                                None => ui.label(tr("form-confirm-no-region")),
                            };
                            ui.end_row();
                            ui.label(tr("form-confirm-endpoint"));
                            ui.label(&s.endpoint);
                            ui.end_row();
                            for (_, wire, value) in &s.resources {
                                ui.label(s.resource_label(wire));
                                ui.label(value);
                                ui.end_row();
                            }
                        });
                    ui.add_space(4.0);
                    ui.label(RichText::new(&c.summary.change).strong());
                    let warn = ui.visuals().warn_fg_color;
                    if let Some(why) = &c.anyway {
                        ui.label(
                            RichText::new(tr!("form-confirm-anyway", why = why.as_str()))
                                .color(warn),
                        );
                    }
                    if let Some(why) = &c.expected_refusal {
                        ui.label(
                            RichText::new(tr!("form-confirm-expected-refusal", why = why.as_str()))
                                .color(warn),
                        );
                    }
                    if let Some(weak) = &c.weak {
                        ui.label(
                            RichText::new(tr!("form-confirm-weak", strength = weak.as_str()))
                                .color(warn),
                        );
                    }
                    if let Some(other) = &c.reused_on {
                        ui.label(
                            RichText::new(tr!("form-confirm-reused", other = other.as_str()))
                                .color(warn)
                                .strong(),
                        );
                        ui.checkbox(&mut c.reuse_accepted, tr("form-confirm-reuse-accept"));
                    }
                    ui.add_space(8.0);
                    let action = DialogAction {
                        label: &c.action_label,
                        role: ButtonRole::Primary,
                        enabled: c.reused_on.is_none() || c.reuse_accepted,
                    };
                    confirm_buttons(ui, modal_id, &tr("form-cancel"), action)
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
                let means = op
                    .field(op.new_password.field)
                    .and_then(|f| words::empty_means(op, f))
                    .unwrap_or_else(|| tr("form-removes-the-password"));
                let modal_id = Id::unique(("confirm_removal", self.op.id));
                let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
                    ui.set_max_width(460.0);
                    ui.heading(tr("form-removal-heading"));
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
