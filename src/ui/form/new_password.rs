//! The new password: its field (with Copy once it holds a password),
//! removal where the API allows it, the generator, the rule checklist and
//! the strength bar.
//!
//! The field has its own grid row beside its label; everything under it
//! goes on the next row. The checklist and the lines around it are always
//! drawn, empty or not, so nothing moves under the pointer while typing.

use eframe::egui;
use eframe::egui::{Id, RichText, Ui};

use crate::i18n::tr;
use crate::rules::{self, GenerateOptions, check::Rule};
use crate::tr;
use crate::ui::widgets::checklist::Checked;
use crate::ui::widgets::password::password_shown;
use crate::ui::widgets::{Notice, password_field, rule_checklist, strength_bar};
use crate::words;

use super::inputs;
use super::parts::Dialog;
use super::state::OpForm;

impl OpForm {
    /// Two grid rows: the field, then Generate, the checklist and the bar.
    /// The caller ends the second row.
    pub(super) fn new_password_ui(&mut self, ui: &mut Ui, id: Id, label: Id) -> bool {
        let op = self.op;
        let mut changed = false;
        let only_expiry =
            op.only_changes_expiry(|field| self.choices.get(field).copied().flatten());
        ui.horizontal(|ui| {
            ui.add_enabled_ui(!self.remove_password, |ui| {
                if let Some(value) = self.secrets.get_mut(op.new_password.field) {
                    changed |= password_field(ui, value, id, label).changed();
                }
            });
            let has_password = self
                .secrets
                .get(op.new_password.field)
                .is_some_and(|v| !v.is_empty());
            if has_password
                && !self.remove_password
                && ui
                    .button(tr("form-copy"))
                    .on_hover_text(tr("form-copy-hover"))
                    .clicked()
            {
                self.copy_new_password = true;
            }
        });
        ui.end_row();
        ui.label("");
        ui.vertical(|ui| {
            if only_expiry {
                ui.label(RichText::new(tr("form-only-expiry-keeps-passwords")).weak());
                return;
            }
            changed |= self.removal_ui(ui);
            if self.remove_password {
                return;
            }
            changed |= self.generator_ui(ui);
            self.rules_ui(ui);
        });
        changed
    }

    /// "Remove the password instead", where an empty password means that.
    fn removal_ui(&mut self, ui: &mut Ui) -> bool {
        let op = self.op;
        let Some(means) = op
            .field(op.new_password.field)
            .and_then(|f| words::empty_means(op, f))
        else {
            return false;
        };
        let mut changed = false;
        let mut remove = self.remove_password;
        if ui
            .checkbox(&mut remove, tr("form-remove-instead"))
            .on_hover_text(tr!("form-empty-password-means", means = means.as_str()))
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
                RichText::new(tr!("form-will-be-removed", means = means))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        changed
    }

    /// Generate, its length and the look-alike choice; wraps onto a second
    /// line when the form is narrow.
    fn generator_ui(&mut self, ui: &mut Ui) -> bool {
        let op = self.op;
        let spec = op.new_password.policy.generator;
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(tr("form-generate"))
                .on_hover_text(tr("form-generate-hover"))
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
                    Err(rules::GenerateError::Length { length, min, max }) => {
                        self.notice = Some(Notice::failed(tr!(
                            "form-generate-length",
                            length = length,
                            min = min,
                            max = max
                        )));
                    }
                }
            }
            ui.add(
                egui::Slider::new(&mut self.generator_length, spec.min..=spec.max)
                    .text(tr("form-generator-characters")),
            );
            ui.checkbox(&mut self.avoid_lookalikes, tr("form-avoid-lookalikes"))
                .on_hover_text(tr("form-avoid-lookalikes-hover"));
        });
        changed
    }

    /// The checklist, what is missing and the strength, always in the same
    /// rows.
    fn rules_ui(&self, ui: &mut Ui) {
        let Some(report) = &self.derived.report else {
            return;
        };
        let same = report
            .rules
            .iter()
            .any(|r| r.rule == Rule::DiffersFromCurrent && !r.passed);
        let typed = self.derived.strength.is_some();
        let op = self.op;
        let id = inputs::field(op, op.new_password.field);
        let shown = password_shown(ui, id)
            .then(|| self.secrets.get(op.new_password.field).map(|s| s.expose()))
            .flatten();
        let checked = Checked {
            op,
            shown,
            empty: !typed,
            specials: op.new_password.policy.alphabet.specials,
        };
        rule_checklist(ui, report, checked);
        let note = if same && typed {
            RichText::new(tr("form-same-as-current"))
                .color(ui.visuals().warn_fg_color)
                .strong()
        } else if !typed {
            RichText::new(tr("form-type-or-generate")).weak()
        } else {
            RichText::new(" ")
        };
        ui.label(note);
        strength_bar(ui, self.derived.strength.as_ref(), report.acceptable());
    }
}
