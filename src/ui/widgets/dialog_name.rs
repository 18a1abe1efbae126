//! A dialog's name for screen readers: its title, so that "Confirm the
//! change" is what a screen reader announces when the dialog opens, not
//! an unnamed dialog.

use egui::{Response, Ui, UiKind};

/// Names the dialog (egui's modal) that `ui` is drawn in after `title`.
fn name_dialog(ui: &Ui, title: &str) {
    let Some(modal) = ui.stack().iter().find(|s| s.kind() == Some(UiKind::Modal)) else {
        return;
    };
    let title = title.to_owned();
    ui.ctx()
        .accesskit_node_builder(modal.unique_id, |node| node.set_label(title));
}

/// A dialog's title, which names the dialog too.
pub fn dialog_heading(ui: &mut Ui, title: &str) -> Response {
    name_dialog(ui, title);
    ui.heading(title)
}
