//! The new password: its field, removal where the API allows it, the
//! generator, the rule checklist and the strength bar.

use eframe::egui;
use eframe::egui::{Id, RichText, Ui};

use crate::rules::{self, GenerateOptions, check::Rule};
use crate::ui::widgets::{password_field, rule_checklist, strength_bar};

use super::dialog::Dialog;
use super::state::OpForm;

impl OpForm {
    /// The new password with Generate, the checklist and the strength bar.
    pub(super) fn new_password_ui(&mut self, ui: &mut Ui, id: Id, label: Id) -> bool {
        let op = self.op;
        let field = op.field(op.new_password.field);
        let mut changed = false;
        ui.vertical(|ui| {
            ui.add_enabled_ui(!self.remove_password, |ui| {
                if let Some(value) = self.secrets.get_mut(op.new_password.field) {
                    changed |= password_field(ui, value, id, label).changed();
                }
            });
            if let Some(means) = field.and_then(|f| f.empty_means) {
                let mut remove = self.remove_password;
                if ui
                    .checkbox(&mut remove, "Remove the password instead")
                    .on_hover_text(format!("An empty password {means}."))
                    .changed()
                {
                    if remove {
                        self.dialog = Some(Dialog::ConfirmRemoval);
                    } else {
                        self.remove_password = false;
                        changed = true;
                    }
                }
                if self.remove_password {
                    ui.label(
                        RichText::new(format!("The password will be removed: this {means}."))
                            .color(ui.visuals().warn_fg_color),
                    );
                    return;
                }
            }
            let spec = op.new_password.policy.generator;
            // Wraps onto a second line when the form is narrow, rather
            // than running under the results panel.
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Generate")
                    .on_hover_text("Fill in a random password this operation accepts")
                    .clicked()
                {
                    let options = GenerateOptions {
                        length: self.generator_length,
                        avoid_lookalikes: self.avoid_lookalikes,
                    };
                    match rules::generate(&op.new_password.policy, options) {
                        Ok(pw) => {
                            if let Some(value) = self.secrets.get_mut(op.new_password.field) {
                                value.set(secrecy::ExposeSecret::expose_secret(&pw));
                                changed = true;
                            }
                        }
                        Err(e) => self.notice = Some(e.to_string()),
                    }
                }
                ui.add(
                    egui::Slider::new(&mut self.generator_length, spec.min..=spec.max)
                        .text("characters"),
                );
                ui.checkbox(&mut self.avoid_lookalikes, "Avoid look-alike characters")
                    .on_hover_text("Leave out I l 1 | O 0 o");
            });
            if let Some(report) = &self.derived.report {
                let same = report
                    .rules
                    .iter()
                    .any(|r| r.rule == Rule::DiffersFromCurrent && !r.passed);
                if same {
                    ui.label(
                        RichText::new("⚠ The new password is the same as the current one.")
                            .color(ui.visuals().warn_fg_color)
                            .strong(),
                    );
                }
                rule_checklist(ui, report);
                let missing: Vec<&str> = report
                    .rules
                    .iter()
                    .filter(|r| !r.passed)
                    .filter_map(|r| r.missing.as_deref())
                    .collect();
                if !missing.is_empty() {
                    ui.label(RichText::new(format!("Missing: {}", missing.join("; "))).weak());
                }
            } else {
                ui.label(
                    RichText::new("Type or generate the new password to see its rules.").weak(),
                );
            }
            if let Some(strength) = &self.derived.strength {
                strength_bar(ui, strength);
            }
        });
        changed
    }
}
