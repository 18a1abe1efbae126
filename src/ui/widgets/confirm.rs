//! The buttons of a dialog that asks before something that cannot be
//! undone (a send, a discard, a removal): Cancel first, holding the
//! keyboard focus, then the action styled by its role.
//!
//! Cancel takes the focus on the frame *after* the dialog opens, and no
//! button answers on the frame it opens: the key press that opened a
//! dialog (Enter on "Review and send…") is still in that frame's input
//! and must not also answer it. To confirm from the keyboard the admin
//! moves to the action (Tab) and presses Enter or Space: a deliberate
//! second step. Escape and a click outside cancel (the caller's modal).
//! The line under the buttons names the safe button by its own words
//! (Cancel, Keep…), so it never speaks of a button the dialog lacks.

use egui::{self, Color32, Id, RichText, Ui};

use crate::tr;

/// What the admin answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Cancel,
    Confirm,
}

/// How an action button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonRole {
    /// The step the screen is for (send, keep).
    Primary,
    /// Deletes or overwrites something (discard, remove).
    Destructive,
}

/// When the dialog `dialog` opened, and when it was last drawn.
#[derive(Debug, Clone, Copy)]
struct Shown {
    opened: u64,
    last: u64,
}

/// The action of a dialog: its words, its role, and whether it can be
/// taken yet (a retry needs its key typed first).
#[derive(Debug, Clone, Copy)]
pub struct DialogAction<'a> {
    pub label: &'a str,
    pub role: ButtonRole,
    pub enabled: bool,
}

impl<'a> DialogAction<'a> {
    pub fn new(label: &'a str, role: ButtonRole) -> Self {
        DialogAction {
            label,
            role,
            enabled: true,
        }
    }
}

/// Draws `cancel` then the action; `None` until one is chosen. `dialog`
/// names the dialog (its modal's id will do); call this every frame the
/// dialog is shown.
pub fn confirm_buttons(
    ui: &mut Ui,
    dialog: Id,
    cancel: &str,
    action: DialogAction<'_>,
) -> Option<Answer> {
    let pass = ui.ctx().cumulative_pass_nr();
    let key = dialog.with("confirm_buttons");
    let shown = ui.data(|d| d.get_temp::<Shown>(key));
    // Not drawn on the previous pass: the dialog has just opened.
    let opened = match shown {
        Some(s) if s.last + 1 >= pass => s.opened,
        _ => pass,
    };
    ui.data_mut(|d| d.insert_temp(key, Shown { opened, last: pass }));
    let first_frame = pass == opened;

    let mut answer = None;
    ui.horizontal(|ui| {
        let safe = ui.add(egui::Button::new(cancel).min_size(egui::vec2(80.0, 0.0)));
        if pass == opened + 1 {
            safe.request_focus();
        }
        if safe.clicked() {
            answer = Some(Answer::Cancel);
        }
        let button = ui.add_enabled_ui(action.enabled, |ui| {
            action_button(ui, action.label, action.role)
        });
        if button.inner.clicked() {
            answer = Some(Answer::Confirm);
        }
    });
    ui.label(
        RichText::new(tr!(
            "form-widget-confirm-focus",
            safe = cancel,
            action = action.label
        ))
        .weak(),
    );
    if first_frame { None } else { answer }
}

/// A button coloured by its role.
pub fn action_button(ui: &mut Ui, text: &str, role: ButtonRole) -> egui::Response {
    let (fill, ink) = match role {
        ButtonRole::Primary => (ui.visuals().selection.bg_fill, Color32::WHITE),
        ButtonRole::Destructive => (Color32::from_rgb(0xb0, 0x2a, 0x2a), Color32::WHITE),
    };
    ui.add(egui::Button::new(RichText::new(text).color(ink).strong()).fill(fill))
}
