//! A password field with a Show/Hide toggle, and the buffer it edits.
//!
//! [`SecretText`] is what every secret field of the app types into: it
//! zeroes its bytes when dropped, cleared or regrown (a plain `String` would
//! leave copies behind in freed memory on every reallocation), and its
//! `Debug` never shows the text. It is never serialised, so no secret can
//! reach eframe's persisted state.
//!
//! Whether a field shows its text is the widget's own state, kept in
//! `ui.data_mut` under the field's id (as egui's demo `password.rs` does),
//! and is never persisted: every start shows passwords hidden.

use std::fmt;
use std::ops::Range;

use eframe::egui;
use eframe::egui::text::CharIndex;
use eframe::egui::{Id, Response, TextBuffer, Ui};
use secrecy::SecretString;
use zeroize::Zeroize;

use crate::i18n::tr;

/// Editable secret text; zeroed on drop and whenever its storage moves.
#[derive(Default)]
pub struct SecretText {
    text: String,
}

impl SecretText {
    pub fn new() -> Self {
        SecretText {
            // Room for any sensible password, so typing rarely regrows it.
            text: String::with_capacity(64),
        }
    }

    pub fn expose(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// A copy for the core, which keeps it wrapped until it is encoded.
    pub fn to_secret(&self) -> SecretString {
        SecretString::from(self.text.clone())
    }

    /// Replaces the text (the old bytes are zeroed).
    pub fn set(&mut self, text: &str) {
        self.text.zeroize();
        self.reserve(text.len());
        self.text.push_str(text);
    }

    /// Makes room for `extra` bytes, moving the text to a new buffer by hand
    /// so that the old one is zeroed rather than freed with the text in it.
    fn reserve(&mut self, extra: usize) {
        let needed = self.text.len() + extra;
        if needed > self.text.capacity() {
            let mut bigger = String::with_capacity(needed.max(self.text.capacity() * 2));
            bigger.push_str(&self.text);
            self.text.zeroize();
            self.text = bigger;
        }
    }
}

impl Drop for SecretText {
    fn drop(&mut self) {
        self.text.zeroize();
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText([redacted])")
    }
}

impl TextBuffer for SecretText {
    fn is_mutable(&self) -> bool {
        true
    }

    fn as_str(&self) -> &str {
        &self.text
    }

    fn insert_text(&mut self, text: &str, char_index: CharIndex) -> usize {
        self.reserve(text.len());
        let at = self.byte_index_from_char_index(char_index);
        self.text.insert_str(at.into(), text);
        text.chars().count()
    }

    fn delete_char_range(&mut self, char_range: Range<CharIndex>) {
        let start: usize = self.byte_index_from_char_index(char_range.start).into();
        let end: usize = self.byte_index_from_char_index(char_range.end).into();
        if end <= start {
            return;
        }
        // Rebuild into a buffer of the same size, then zero the old one
        // (zeroize wipes a String's whole capacity).
        let mut rebuilt = String::with_capacity(self.text.capacity());
        rebuilt.push_str(&self.text[..start]);
        rebuilt.push_str(&self.text[end..]);
        self.text.zeroize();
        self.text = rebuilt;
    }

    fn clear(&mut self) {
        self.text.zeroize();
    }

    fn replace_with(&mut self, text: &str) {
        self.set(text);
    }

    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Self>()
    }
}

/// Whether the password field `id` is shown in clear (its Show button).
pub fn password_shown(ui: &Ui, id: Id) -> bool {
    ui.data(|d| d.get_temp::<bool>(id.with("shown")).unwrap_or(false))
}

/// A single-line password field labelled by `label` (an accessible name
/// for screen readers and tests), with a Show/Hide button after it.
pub fn password_field(ui: &mut Ui, text: &mut SecretText, id: Id, label: Id) -> Response {
    let shown_id = id.with("shown");
    let mut shown = ui.data_mut(|d| d.get_temp::<bool>(shown_id).unwrap_or(false));
    let inner = ui.horizontal(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(text)
                .id(id)
                // Monospace: l, 1 and I, O and 0 are told apart when shown.
                .font(egui::TextStyle::Monospace)
                .password(!shown)
                .desired_width(240.0),
        );
        let edit = edit.labelled_by(label);
        forget_history(ui, id);
        let toggle = ui
            .button(tr(if shown {
                "form-widget-hide"
            } else {
                "form-widget-show"
            }))
            .on_hover_text(tr(if shown {
                "form-widget-hide-hover"
            } else {
                "form-widget-show-hover"
            }));
        if toggle.clicked() {
            shown = !shown;
        }
        edit
    });
    ui.data_mut(|d| d.insert_temp(shown_id, shown));
    inner.inner
}

/// egui keeps a text field's recent states for undo: plain copies of what
/// was typed. A secret field has no undo, and its history is emptied every
/// frame, so no earlier version of a password stays in egui's memory. What
/// is not in Keyturn's hands: the buffers egui already freed are not zeroed
/// (their bytes stay until the allocator reuses them), and the HTTP client
/// holds its own copy of a request body while it sends.
fn forget_history(ui: &Ui, id: Id) {
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
        state.clear_undoer();
        state.store(ui.ctx(), id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_like_a_string_and_hides_in_debug() {
        let mut s = SecretText::new();
        s.insert_text("hunter2", CharIndex(0));
        s.insert_text("é", CharIndex(3));
        assert_eq!(s.expose(), "hunéter2");
        s.delete_char_range(CharIndex(2)..CharIndex(4));
        assert_eq!(s.expose(), "huter2");
        s.set(&"x".repeat(500));
        assert_eq!(s.expose().len(), 500);
        assert_eq!(format!("{s:?}"), "SecretText([redacted])");
        TextBuffer::clear(&mut s);
        assert!(s.is_empty());
    }

    #[test]
    fn a_secret_field_keeps_no_undo_history() {
        use egui_kittest::Harness;
        use egui_kittest::kittest::Queryable;
        let id = Id::unique("secret_under_test");
        let mut harness = Harness::new_ui_state(
            |ui, text: &mut SecretText| {
                let label = ui.label("Secret").id;
                password_field(ui, text, id, label);
            },
            SecretText::new(),
        );
        harness.get_by_label("Secret").click();
        harness.run();
        harness
            .get_by_label("Secret")
            .type_text("fake-first-secret");
        harness.run();
        harness.get_by_label("Secret").type_text("-more");
        harness.run();
        let state = egui::TextEdit::load_state(&harness.ctx, id).expect("the field has state");
        let undoer = state.undoer();
        assert!(!undoer.is_in_flux(), "an edit is held for undo");
        let current = (Default::default(), harness.state().expose().to_owned());
        assert!(
            undoer.clone().undo(&current).is_none(),
            "an earlier version is kept"
        );
    }
}
