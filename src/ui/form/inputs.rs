//! The ids of the form's typed inputs. They are stable across frames (so
//! the keyboard focus stays put) and known, so that Enter is the form's
//! shortcut only while the focus is in one of them: Enter on a tab, a
//! sidebar entry or any button never opens the form's dialog.

use eframe::egui::Id;

use crate::catalog::Operation;

pub(super) fn key_id(op: &Operation) -> Id {
    Id::unique(("key_id", op.id))
}

pub(super) fn key_secret(op: &Operation) -> Id {
    Id::unique(("key_secret", op.id))
}

pub(super) fn region(op: &Operation) -> Id {
    Id::unique(("region", op.id))
}

pub(super) fn endpoint(op: &Operation) -> Id {
    Id::unique(("endpoint", op.id))
}

pub(super) fn field(op: &Operation, wire: &str) -> Id {
    Id::unique(("field", op.id, wire))
}

/// Whether `id` is one of `op`'s form's typed inputs.
pub(super) fn is_typed_input(op: &Operation, id: Id) -> bool {
    [key_id(op), key_secret(op), region(op), endpoint(op)].contains(&id)
        || op.fields.iter().any(|f| field(op, f.wire_name) == id)
}

/// The first input of `form` an admin still has to fill in, in reading
/// order: the typed key, the region, then the operation's own fields.
pub(super) fn first_empty(form: &super::state::OpForm) -> Option<Id> {
    let op = form.op;
    let typed = form.key == super::state::KeyChoice::Typed;
    let mut order = Vec::new();
    if typed && form.key_id.trim().is_empty() {
        order.push(key_id(op));
    }
    if typed && form.key_secret.is_empty() {
        order.push(key_secret(op));
    }
    if op.region.required && form.region.trim().is_empty() {
        order.push(region(op));
    }
    for f in op.fields.iter().filter(|f| !f.advanced && f.required) {
        let empty = match (form.text.get(f.wire_name), form.secrets.get(f.wire_name)) {
            (Some(text), _) => text.trim().is_empty(),
            (None, Some(secret)) => secret.is_empty(),
            (None, None) => false,
        };
        if empty && Some(f.wire_name) != op.region.param {
            order.push(field(op, f.wire_name));
        }
    }
    order.into_iter().next()
}
