//! The operation's own fields, one row each in catalogue order, with the
//! optional SDK fields folded under "Advanced": their values (text,
//! date-times, choices, and the secrets but the new password, which is a
//! part of its own drawn in its row), and what follows from them alone:
//! the resource they name, the expiry they set, whether the call changes
//! only that expiry.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};
use secrecy::{ExposeSecret, SecretString};
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::{Field, FieldKind, Operation};
use crate::i18n::tr;
use crate::request::{Inputs, Value};
use crate::tr;
use crate::ui::widgets::datetime::When;
use crate::ui::widgets::{SecretText, datetime_field, password_field};
use crate::vault::ResourceKey;
use crate::words;

use super::inputs;
use super::labels::{optional_label, required_label};

/// The fields' values.
#[derive(Debug)]
pub(super) struct Fields {
    op: &'static Operation,
    /// Text, date-time fields, by wire name.
    text: BTreeMap<&'static str, String>,
    /// Secret fields but the new password, by wire name.
    secrets: BTreeMap<&'static str, SecretText>,
    /// Choice fields: the chosen wire value.
    choices: BTreeMap<&'static str, Option<&'static str>>,
    /// Put the keyboard focus in the old password's expiry at the next
    /// frame.
    focus_expiry: bool,
}

/// Where the new password's rows go: its input's id and label, and
/// whether the call changes only the expiry (and no password).
#[derive(Debug, Clone, Copy)]
pub(super) struct NewPasswordRow {
    pub(super) id: Id,
    pub(super) label: Id,
    pub(super) only_expiry: bool,
}

/// What the fields need from the form each frame.
pub(super) struct FieldsCtx<'a> {
    pub(super) now: OffsetDateTime,
    pub(super) local: UtcOffset,
    /// The current password the keyring keeps for the resource named,
    /// for "Fill from keyring".
    pub(super) keyring_current: Option<&'a SecretString>,
    /// Draws the new password's two rows in its place (it is a part of
    /// its own); returns whether it changed.
    pub(super) new_password: &'a mut dyn FnMut(&mut Ui, NewPasswordRow) -> bool,
}

impl Fields {
    /// Every field with its catalogue default, but the region (the
    /// account section's) and the new password (its own part's).
    pub(super) fn new(op: &'static Operation) -> Self {
        let mut text = BTreeMap::new();
        let mut secrets = BTreeMap::new();
        let mut choices = BTreeMap::new();
        for field in op.fields {
            if Some(field.wire_name) == op.region.param {
                continue;
            }
            match field.kind {
                FieldKind::Secret if field.wire_name == op.new_password.field => {}
                FieldKind::Secret => {
                    secrets.insert(field.wire_name, SecretText::new());
                }
                FieldKind::Choice(options) => {
                    let default = field
                        .default
                        .and_then(|d| options.iter().find(|(v, _)| *v == d).map(|(v, _)| *v));
                    choices.insert(field.wire_name, default);
                }
                FieldKind::Text | FieldKind::DateTime(_) => {
                    text.insert(field.wire_name, field.default.unwrap_or("").to_owned());
                }
            }
        }
        Fields {
            op,
            text,
            secrets,
            choices,
            focus_expiry: false,
        }
    }

    /// A text or date-time field's value as typed (tests).
    #[cfg(test)]
    pub(super) fn text(&self, wire: &str) -> Option<&str> {
        self.text.get(wire).map(String::as_str)
    }

    /// Sets a text or date-time field; a name the form lacks is ignored.
    pub(super) fn set_text(&mut self, wire: &'static str, value: String) {
        if let Some(field) = self.text.get_mut(wire) {
            *field = value;
        }
    }

    /// Picks `value` in a choice field; a name the form lacks is ignored.
    pub(super) fn choose(&mut self, wire: &'static str, value: &'static str) {
        if let Some(choice) = self.choices.get_mut(wire) {
            *choice = Some(value);
        }
    }

    /// Whether the call changes only the old password's expiry
    /// (TcaplusDB's Mode 2).
    pub(super) fn only_changes_expiry(&self) -> bool {
        self.op
            .only_changes_expiry(|field| self.choices.get(field).copied().flatten())
    }

    /// Switches the call to changing only the expiry, where the operation
    /// can, with the keyboard in the expiry.
    pub(super) fn choose_only_expiry(&mut self) {
        if let Some((field, value)) = self
            .op
            .old_password_expiry
            .as_ref()
            .and_then(|e| e.only_expiry)
        {
            self.choose(field, value);
        }
        self.focus_expiry = true;
    }

    /// A profile's project id for the region, where the project field is
    /// empty.
    pub(super) fn fill_empty_project(&mut self, id: &str) {
        if let Some(field) = self.op.project_field().and_then(|f| self.text.get_mut(f))
            && field.trim().is_empty()
        {
            *field = id.to_owned();
        }
    }

    /// The old (current) password as typed, where the call takes one.
    pub(super) fn current_password(&self) -> Option<&SecretText> {
        self.secrets.get(self.op.new_password.current_field?)
    }

    /// An old password is typed and it is not `keyring_current`, the one
    /// Keyturn keeps for the resource.
    pub(super) fn old_password_differs(&self, keyring_current: &SecretString) -> bool {
        self.current_password().is_some_and(|typed| {
            !typed.is_empty() && typed.expose() != keyring_current.expose_secret()
        })
    }

    /// Forgets every secret typed here (the old password among them);
    /// whether any was held.
    pub(super) fn forget_secrets(&mut self) -> bool {
        let mut held = false;
        for value in self.secrets.values_mut() {
            held |= !value.is_empty();
            value.set("");
        }
        held
    }

    /// Whether any secret is typed here.
    pub(super) fn holds_secrets(&self) -> bool {
        self.secrets.values().any(|v| !v.is_empty())
    }

    /// Puts `password` in the old-password field, where the call has one.
    pub(super) fn set_current_password(&mut self, password: &str) -> bool {
        match self
            .op
            .new_password
            .current_field
            .and_then(|f| self.secrets.get_mut(f))
        {
            Some(field) => {
                field.set(password);
                true
            }
            None => false,
        }
    }

    /// The values given, trimmed, for `request::validate`; empty ones are
    /// left out.
    pub(super) fn add_to(&self, inputs: &mut Inputs) {
        for (wire, value) in &self.text {
            let value = value.trim();
            if !value.is_empty() {
                inputs.set(wire, Value::Plain(value.to_owned()));
            }
        }
        for (wire, value) in &self.choices {
            if let Some(v) = value {
                inputs.set(wire, Value::Plain((*v).to_owned()));
            }
        }
        for (wire, value) in &self.secrets {
            if !value.is_empty() {
                inputs.set(wire, Value::Secret(value.to_secret()));
            }
        }
    }

    /// Words an attacker may know: the resource ids and the user name.
    pub(super) fn known_words(&self) -> Vec<&str> {
        let op = self.op;
        op.resource_fields
            .iter()
            .chain(op.user_field.iter())
            .filter_map(|f| self.text.get(f).map(|s| s.trim()))
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// The old password's expiry as typed, if it reads as one.
    pub(super) fn expiry(&self) -> Option<OffsetDateTime> {
        let spec = self.op.old_password_expiry.as_ref()?;
        self.text.get(spec.field).and_then(|t| spec.parse(t))
    }

    /// The resource the fields name in `region`, and whether the call
    /// would change its password; `None` until every resource field is
    /// filled in.
    pub(super) fn resource(&self, region: Option<&str>) -> Option<(ResourceKey, bool)> {
        let key = ResourceKey::of_fields(self.op, region, |wire| self.text.get(wire).cloned())?;
        Some((key, !self.only_changes_expiry()))
    }

    /// The first required field still empty, in reading order (the new
    /// password's emptiness is the form's to say).
    pub(super) fn first_empty(&self, new_password_empty: bool) -> Option<Id> {
        let op = self.op;
        op.fields
            .iter()
            .filter(|f| !f.advanced && f.required && Some(f.wire_name) != op.region.param)
            .find(
                |f| match (self.text.get(f.wire_name), self.secrets.get(f.wire_name)) {
                    (Some(text), _) => text.trim().is_empty(),
                    (None, Some(secret)) => secret.is_empty(),
                    (None, None) => f.wire_name == op.new_password.field && new_password_empty,
                },
            )
            .map(|f| inputs::field(op, f.wire_name))
    }

    /// The operation's own fields, in catalogue order but for the mode
    /// field, which comes first. Returns whether anything changed.
    pub(super) fn ui(&mut self, ui: &mut Ui, mut ctx: FieldsCtx<'_>) -> bool {
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
                    changed |= self.field_row(ui, field, &mut ctx);
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
                                changed |= self.field_row(ui, field, &mut ctx);
                                ui.end_row();
                            }
                        });
                });
        }
        changed
    }

    /// One field's label and input; true if the value changed.
    fn field_row(&mut self, ui: &mut Ui, field: &'static Field, ctx: &mut FieldsCtx<'_>) -> bool {
        let op = self.op;
        let mut changed = false;
        let only_expiry = self.only_changes_expiry();
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
                                now: ctx.now,
                                local: ctx.local,
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
            FieldKind::Secret if field.wire_name == op.new_password.field => {
                let row = NewPasswordRow {
                    id,
                    label,
                    only_expiry,
                };
                changed |= (ctx.new_password)(ui, row);
            }
            FieldKind::Secret if Some(field.wire_name) == op.new_password.current_field => {
                changed |= self.current_password_ui(ui, field, id, label, ctx.keyring_current);
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
    fn current_password_ui(
        &mut self,
        ui: &mut Ui,
        field: &Field,
        id: Id,
        label: Id,
        keyring_current: Option<&SecretString>,
    ) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            if let Some(value) = self.secrets.get_mut(field.wire_name) {
                changed |= password_field(ui, value, id, label).changed();
            }
            let Some(current) = keyring_current else {
                return;
            };
            // A typed old password that differs from the keyring's marks the
            // button itself: a label beside it, or a row of its own, would
            // widen the form or move every input below while typing.
            let differs = self.old_password_differs(current);
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
            if ui.button(text).on_hover_text(hover).clicked() {
                let current = zeroize::Zeroizing::new(current.expose_secret().to_owned());
                changed |= self.set_current_password(&current);
            }
        });
        changed
    }
}
