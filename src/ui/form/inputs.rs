//! The ids of the form's typed inputs. They are stable across frames (so
//! the keyboard focus stays put) and known, so that Enter is the form's
//! shortcut only while the focus is in one of them: Enter on a tab, a
//! sidebar entry or any button never opens the form's dialog.

use egui::Id;

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
