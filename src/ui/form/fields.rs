//! The operation's own fields, one row each in catalogue order, with the
//! optional SDK fields folded under "Advanced".

use eframe::egui;
use eframe::egui::{Id, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::{Field, FieldKind};
use crate::i18n::tr;
use crate::tr;
use crate::ui::widgets::datetime::When;
use crate::ui::widgets::{datetime_field, password_field};
use crate::words;

use super::inputs;
use super::labels::{optional_label, required_label};
use super::state::OpForm;

impl OpForm {
    /// The operation's own fields, in catalogue order but for the mode
    /// field, which comes first.
    pub(super) fn fields_ui(&mut self, ui: &mut Ui, now: OffsetDateTime, local: UtcOffset) -> bool {
        let op = self.op;
        // The field that makes a call change only an expiry (TcaplusDB's
        // Mode) comes first: it decides what the rest of the form is for.
        let mode = op
            .old_password_expiry
            .as_ref()
            .and_then(|e| e.only_expiry)
            .map(|(field, _)| field);
        let shown = |advanced: bool| {
            let first = op.fields.iter().filter(move |f| Some(f.wire_name) == mode);
            let rest = op.fields.iter().filter(move |f| Some(f.wire_name) != mode);
            first
                .chain(rest)
                .filter(move |f| f.advanced == advanced && Some(f.wire_name) != op.region.param)
        };
        let mut changed = false;
        egui::Grid::new(("fields", op.id))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for field in shown(false) {
                    changed |= self.field_row(ui, field, now, local);
                    ui.end_row();
                }
            });
        if shown(true).next().is_some() {
            // Optional fields most calls leave out, folded away.
            egui::CollapsingHeader::new(tr("form-advanced"))
                .id_salt(("advanced", op.id))
                .show(ui, |ui| {
                    egui::Grid::new(("advanced_fields", op.id))
                        .num_columns(2)
                        .spacing([12.0, 6.0])
                        .show(ui, |ui| {
                            for field in shown(true) {
                                changed |= self.field_row(ui, field, now, local);
                                ui.end_row();
                            }
                        });
                });
        }
        changed
    }

    /// One field's label and input; true if the value changed.
    fn field_row(
        &mut self,
        ui: &mut Ui,
        field: &'static Field,
        now: OffsetDateTime,
        local: UtcOffset,
    ) -> bool {
        let op = self.op;
        let mut changed = false;
        let is_new = field.wire_name == op.new_password.field;
        let only_expiry =
            op.only_changes_expiry(|field| self.choices.get(field).copied().flatten());
        let (text, help) = (words::field_label(op, field), words::field_help(op, field));
        let label = if field.required {
            required_label(ui, &text, &help)
        } else {
            optional_label(ui, &text, &help)
        };
        let id = inputs::field(op, field.wire_name);
        match field.kind {
            FieldKind::Text => {
                if let Some(value) = self.text.get_mut(field.wire_name) {
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(value)
                                .id(id)
                                .desired_width(240.0),
                        )
                        .labelled_by(label)
                        .changed();
                }
            }
            FieldKind::DateTime(_) => {
                if self.focus_expiry {
                    ui.memory_mut(|m| m.request_focus(id));
                    self.focus_expiry = false;
                }
                if let Some(value) = self.text.get_mut(field.wire_name) {
                    changed |= match op.old_password_expiry.as_ref() {
                        Some(spec) if spec.field == field.wire_name => {
                            let when = When {
                                now,
                                local,
                                offer_now: only_expiry,
                            };
                            datetime_field(ui, value, spec, id, label, when).changed()
                        }
                        _ => ui
                            .add(
                                egui::TextEdit::singleline(value)
                                    .id(id)
                                    .desired_width(240.0),
                            )
                            .labelled_by(label)
                            .changed(),
                    };
                }
            }
            FieldKind::Choice(options) => {
                let current = self.choices.get(field.wire_name).copied().flatten();
                let choice = |value: &str, label: &str| {
                    tr!(
                        "form-choice",
                        value = value,
                        label = words::choice_label(op, field, value, label)
                    )
                };
                let shown = current
                    .and_then(|v| options.iter().find(|(w, _)| *w == v))
                    .map_or_else(|| tr("form-choose"), |(v, l)| choice(v, l));
                let mut pick = None;
                egui::ComboBox::from_id_salt(id)
                    .selected_text(shown)
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for (v, l) in options.iter() {
                            if ui
                                .selectable_label(current == Some(*v), choice(v, l))
                                .clicked()
                            {
                                pick = Some(*v);
                            }
                        }
                    })
                    .response
                    .labelled_by(label);
                if let Some(v) = pick {
                    self.choices.insert(field.wire_name, Some(v));
                    changed = true;
                }
            }
            FieldKind::Secret if is_new => {
                changed |= self.new_password_ui(ui, id, label);
            }
            FieldKind::Secret if Some(field.wire_name) == op.new_password.current_field => {
                changed |= self.current_password_ui(ui, field, id, label);
            }
            FieldKind::Secret => {
                if let Some(value) = self.secrets.get_mut(field.wire_name) {
                    changed |= password_field(ui, value, id, label).changed();
                }
            }
        }
        changed
    }

    /// The old (current) password, with "Fill from keyring" when the
    /// keyring keeps the resource's current password, marked ⚠ when the
    /// typed one differs from it.
    fn current_password_ui(&mut self, ui: &mut Ui, field: &Field, id: Id, label: Id) -> bool {
        let mut changed = false;
        let in_keyring = self.keyring_current().is_some();
        ui.horizontal(|ui| {
            if let Some(value) = self.secrets.get_mut(field.wire_name) {
                changed |= password_field(ui, value, id, label).changed();
            }
            // A typed old password that differs from the keyring's marks the
            // button itself: a label beside it, or a row of its own, would
            // widen the form or move every input below while typing.
            let differs = self.old_differs_from_keyring();
            let (text, hover) = if differs {
                (
                    RichText::new(tr("form-fill-from-keyring-differs"))
                        .color(ui.visuals().warn_fg_color),
                    tr("form-fill-from-keyring-differs-hover"),
                )
            } else {
                (
                    RichText::new(tr("form-fill-from-keyring")),
                    tr("form-fill-from-keyring-hover"),
                )
            };
            if in_keyring && ui.button(text).on_hover_text(hover).clicked() {
                changed |= self.fill_from_keyring();
            }
        });
        changed
    }
}
