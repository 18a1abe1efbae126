//! Keeps the keyboard focus in view: a widget that gains the focus (Tab,
//! Shift+Tab) inside a scroll area is scrolled into view, as egui does only
//! for text fields. Called inside each scroll area's contents, so the
//! scroll area that holds the widget is the one that moves; the window's
//! scroll areas stand side by side, so the one whose columns hold the
//! widget is the one that holds it.

use egui::Ui;

/// Scrolls the scroll area `ui` is the contents of just enough to show the
/// widget that gained the keyboard focus this frame, if it is in there.
pub fn keep_focus_in_view(ui: &Ui) {
    let ctx = ui.ctx();
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    let Some(focused) = ctx.read_response(id) else {
        return;
    };
    let columns = ui.clip_rect().x_range();
    if focused.gained_focus() && columns.contains(focused.rect.center().x) {
        ui.scroll_to_rect(focused.rect, None);
    }
}
