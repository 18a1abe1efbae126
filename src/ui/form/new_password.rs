//! The new password: its field (with Copy once it holds a password),
//! removal where the API allows it, the generator, the rule checklist and
//! the strength bar.
//!
//! The field has its own grid row beside its label; everything under it
//! goes on the next row. The checklist and the lines around it are always
//! drawn, empty or not, so nothing moves under the pointer while typing.
//! The rule report and the strength are the form's to compute (they weigh
//! the old password and the resource's ids too); this part draws them.

use egui::{Id, RichText, Ui};
use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::catalog::Operation;
use crate::i18n::tr;
use crate::request::{Inputs, Value};
use crate::rules::{self, GenerateOptions};
use crate::tr;
use crate::ui::widgets::checklist::Checked;
use crate::ui::widgets::password::password_shown;
use crate::ui::widgets::{Named, Notice, SecretText, password_field, rule_checklist, strength_bar};
use crate::words;

use super::inputs;
use super::parts::Derived;

/// The new password and how it is made.
#[derive(Debug)]
pub(super) struct NewPassword {
    op: &'static Operation,
    password: SecretText,
    /// UCloud: the admin confirmed removing the password.
    remove: bool,
    generator_length: usize,
    avoid_lookalikes: bool,
    /// The admin asked to copy the new password (done where the
    /// clipboard is at hand, after the fields are drawn).
    copy_asked: bool,
}

/// What the admin did in the new password's rows this frame.
#[derive(Debug, Default)]
pub(super) struct NewPasswordAnswer {
    pub(super) changed: bool,
    /// Ticked "Remove the password instead": the form asks first.
    pub(super) ask_removal: bool,
    /// Something to say by the send button (a generator that failed).
    pub(super) notice: Option<Notice>,
}

impl NewPassword {
    /// Empty, with the generator's length as remembered (if within the
    /// operation's bounds) and the look-alike choice.
    pub(super) fn new(
        op: &'static Operation,
        generator_length: Option<usize>,
        avoid_lookalikes: bool,
    ) -> Self {
        let spec = op.new_password.policy.generator;
        NewPassword {
            op,
            password: SecretText::new(),
            remove: false,
            generator_length: generator_length
                .filter(|l| (spec.min..=spec.max).contains(l))
                .unwrap_or(spec.default),
            avoid_lookalikes,
            copy_asked: false,
        }
    }

    pub(super) fn generator_length(&self) -> usize {
        self.generator_length
    }

    pub(super) fn avoids_lookalikes(&self) -> bool {
        self.avoid_lookalikes
    }

    /// The password as typed or generated.
    pub(super) fn text(&self) -> &str {
        self.password.expose()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.password.is_empty()
    }

    /// Whether the admin chose to remove the password instead.
    pub(super) fn removing(&self) -> bool {
        self.remove
    }

    /// The admin's answer to "remove the password?".
    pub(super) fn set_removing(&mut self, remove: bool) {
        self.remove = remove;
    }

    /// The new password for `request::validate`: empty and confirmed so
    /// when it is removed, left out when none is given.
    pub(super) fn add_to(&self, inputs: &mut Inputs) {
        let wire = self.op.new_password.field;
        if self.remove {
            inputs.set(wire, Value::Secret(SecretString::from(String::new())));
            inputs.confirmed_empty.insert(wire.to_owned());
        } else if !self.password.is_empty() {
            inputs.set(wire, Value::Secret(self.password.to_secret()));
        }
    }

    /// The password to copy, if the admin asked since the last frame.
    pub(super) fn take_copy(&mut self) -> Option<SecretString> {
        std::mem::take(&mut self.copy_asked).then(|| self.password.to_secret())
    }

    /// Empties the field, handing over what it held (`None` if empty).
    pub(super) fn take(&mut self) -> Option<Zeroizing<String>> {
        if self.password.is_empty() {
            return None;
        }
        let text = Zeroizing::new(self.password.expose().to_owned());
        self.password.set("");
        Some(text)
    }

    /// Puts `password` in the field (the keyring's, for a call that
    /// changes only the expiry).
    pub(super) fn set(&mut self, password: &str) {
        self.password.set(password);
    }

    /// Forgets the password typed or generated; whether there was one.
    pub(super) fn forget(&mut self) -> bool {
        let held = !self.password.is_empty();
        self.password.set("");
        held
    }

    /// Fills the field with a fresh password made as Generate makes it
    /// (its length and look-alike choice).
    pub(super) fn generate_fresh(&mut self) -> Result<(), rules::GenerateError> {
        let options = GenerateOptions {
            length: self.generator_length,
            avoid_lookalikes: self.avoid_lookalikes,
        };
        let pw = rules::generate(&self.op.new_password.policy, options)?;
        self.password.set(secrecy::ExposeSecret::expose_secret(&pw));
        Ok(())
    }

    /// Sets the password as typed (tests).
    #[cfg(test)]
    pub(super) fn type_in(&mut self, password: &str) {
        self.password.set(password);
    }

    /// Two grid rows: the field, then Generate, the checklist and the bar.
    /// The caller ends the second row. `id` and `label` are the field's
    /// and its label's; `only_expiry`: the call changes no password;
    /// `derived` holds the rule report and the strength.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        id: Id,
        label: Id,
        only_expiry: bool,
        derived: &Derived,
    ) -> NewPasswordAnswer {
        let mut answer = NewPasswordAnswer::default();
        ui.horizontal(|ui| {
            ui.add_enabled_ui(!self.remove, |ui| {
                answer.changed |= password_field(ui, &mut self.password, id, label).changed();
            });
            if !self.password.is_empty()
                && !self.remove
                && ui
                    .button(tr("form-copy"))
                    .on_hover_text(tr("form-copy-hover"))
                    .clicked()
            {
                self.copy_asked = true;
            }
        });
        ui.end_row();
        ui.label("");
        ui.vertical(|ui| {
            if only_expiry {
                ui.label(RichText::new(tr("form-only-expiry-keeps-passwords")).weak());
                return;
            }
            self.removal_ui(ui, &mut answer);
            if self.remove {
                return;
            }
            self.generator_ui(ui, &mut answer);
            self.rules_ui(ui, derived);
        });
        answer
    }

    /// "Remove the password instead", where an empty password means that.
    fn removal_ui(&mut self, ui: &mut Ui, answer: &mut NewPasswordAnswer) {
        let op = self.op;
        let Some(means) = op
            .field(op.new_password.field)
            .and_then(|f| words::empty_means(op, f))
        else {
            return;
        };
        let mut remove = self.remove;
        if ui
            .checkbox(&mut remove, tr("form-remove-instead"))
            .on_hover_text(tr!("form-empty-password-means", means = means.as_str()))
            .changed()
        {
            if remove {
                answer.ask_removal = true;
            } else {
                self.remove = false;
                answer.changed = true;
            }
        }
        if self.remove {
            ui.label(
                RichText::new(tr!("form-will-be-removed", means = means))
                    .color(ui.visuals().warn_fg_color),
            );
        }
    }

    /// Generate, its length and the look-alike choice; wraps onto a second
    /// line when the form is narrow.
    fn generator_ui(&mut self, ui: &mut Ui, answer: &mut NewPasswordAnswer) {
        let op = self.op;
        let spec = op.new_password.policy.generator;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(tr("form-generate"))
                .on_hover_text(tr("form-generate-hover"))
                .clicked()
            {
                match self.generate_fresh() {
                    Ok(()) => answer.changed = true,
                    Err(rules::GenerateError::Length { length, min, max }) => {
                        answer.notice = Some(Notice::failed(tr!(
                            "form-generate-length",
                            length = length,
                            min = min,
                            max = max
                        )));
                    }
                }
            }
            // The slider and the number beside it are one setting: the
            // slider is named for it, the number by its unit.
            ui.add(
                egui::Slider::new(&mut self.generator_length, spec.min..=spec.max)
                    .show_value(false),
            )
            .named(&tr("form-generator-length"));
            let drag =
                ui.add(egui::DragValue::new(&mut self.generator_length).range(spec.min..=spec.max));
            let unit = ui.label(tr("form-generator-characters"));
            drag.labelled_by(unit.id);
            ui.checkbox(&mut self.avoid_lookalikes, tr("form-avoid-lookalikes"))
                .on_hover_text(tr("form-avoid-lookalikes-hover"));
        });
    }

    /// The checklist, what is missing and the strength, always in the same
    /// rows.
    fn rules_ui(&self, ui: &mut Ui, derived: &Derived) {
        let Some(report) = &derived.report else {
            return;
        };
        let typed = derived.strength.is_some();
        let op = self.op;
        let id = inputs::field(op, op.new_password.field);
        let shown = password_shown(ui, id).then(|| self.password.expose());
        let checked = Checked {
            op,
            shown,
            empty: !typed,
            specials: op.new_password.policy.alphabet.specials,
        };
        rule_checklist(ui, report, checked);
        // That it is the same as the current one is the checklist's to say
        // (its last row), once.
        let note = if !typed {
            RichText::new(tr("form-type-or-generate")).weak()
        } else {
            RichText::new(" ")
        };
        ui.label(note);
        strength_bar(ui, derived.strength.as_ref(), report.acceptable());
    }
}
