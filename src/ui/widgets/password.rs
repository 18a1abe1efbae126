//! A password field with a Show/Hide toggle, and the buffer it edits.
//!
//! [`SecretText`] is what every secret field of the app types into: it
//! zeroes its bytes when dropped, cleared or regrown (a plain `String` would
//! leave copies behind in freed memory on every reallocation), and its
//! `Debug` never shows the text. It is never serialised, so no secret can
//! reach the window's remembered state.
//!
//! Whether a field shows its text is the widget's own state, kept in
//! `ui.data_mut` under the field's id (as egui's demo `password.rs` does),
//! and is never persisted: every start shows passwords hidden.
//!
//! Input methods are off in a secret field, masked or shown. A shown field
//! is still a password field to assistive technology (its role, value and
//! text runs masked), its selection is never offered as the system's
//! primary selection (middle-click paste), and Ctrl+C or Ctrl+X in it
//! never reaches egui's own clipboard: the selection is handed to the app
//! ([`take_copy_request`]), which copies it the protected way (marked for
//! clipboard managers, cleared after its delay).

use std::fmt;
use std::ops::Range;

use egui::accesskit::Role;
use egui::text::CharIndex;
use egui::{Id, Response, TextBuffer, Ui};
use secrecy::SecretString;
use zeroize::Zeroize;

use crate::i18n::tr;
use crate::tr;
use crate::ui::widgets::Named;

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
    if ui.memory(|m| m.has_focus(id)) {
        intercept_copy(ui, text, id, shown);
    }
    let inner = ui.horizontal(|ui| {
        let commands_before = ui.ctx().output(|o| o.commands.len());
        let edit = ui.add(
            egui::TextEdit::singleline(text)
                .id(id)
                // Monospace: l, 1 and I, O and 0 are told apart when shown.
                .font(egui::TextStyle::Monospace)
                .password(!shown)
                .desired_width(240.0),
        );
        withhold_primary_selection(ui, commands_before);
        if edit.has_focus() {
            keep_input_methods_out(ui);
        }
        let edit = edit.labelled_by(label);
        if shown {
            mask_for_assistive_technology(ui, id, text.expose());
        }
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
        // "Show" beside every password field: named after its field for
        // screen readers ("Show Old password").
        let field_name = ui
            .ctx()
            .accesskit_node_builder(label, |n| n.value().or(n.label()).map(str::to_owned))
            .flatten();
        let toggle = match field_name {
            Some(field) => toggle.named(&tr!(
                if shown {
                    "form-widget-hide-named"
                } else {
                    "form-widget-show-named"
                },
                field = field.trim_end_matches([':', '：', ' '])
            )),
            None => toggle,
        };
        if toggle.clicked() {
            shown = !shown;
        }
        edit
    });
    ui.data_mut(|d| d.insert_temp(shown_id, shown));
    inner.inner
}

/// Where a copy asked in a secret field waits for the app.
fn copy_request_id() -> Id {
    Id::unique("keyturn.secret-field-copy")
}

/// Takes Copy and Cut out of this frame's input before the field sees
/// them; when the field shows its text and something is selected, asks
/// the app for a protected copy of the selection (Cut copies and leaves
/// the text: a secret field is not a place to move text from).
fn intercept_copy(ui: &Ui, text: &SecretText, id: Id, shown: bool) {
    let asked = ui.input_mut(|i| {
        let before = i.events.len();
        i.events
            .retain(|e| !matches!(e, egui::Event::Copy | egui::Event::Cut));
        before != i.events.len()
    });
    if !asked || !shown {
        return;
    }
    let Some(range) = egui::TextEdit::load_state(ui.ctx(), id).and_then(|s| s.cursor.char_range())
    else {
        return;
    };
    let selected = range.slice_str(text.expose());
    if selected.is_empty() {
        return;
    }
    let secret = SecretString::from(selected.to_owned());
    ui.data_mut(|d| d.insert_temp(copy_request_id(), secret));
}

/// The selection a secret field asked to copy this frame, if any, for the
/// app to put on the clipboard as a secret.
pub fn take_copy_request(ctx: &egui::Context) -> Option<SecretString> {
    ctx.data_mut(|d| d.remove_temp::<SecretString>(copy_request_id()))
}

/// A shown field is a plain text field to egui, which offers its settled
/// selection to the system's primary selection (what a middle click pastes
/// on X11 and Wayland): there a secret would sit unmarked for clipboard
/// managers and never be cleared. This takes back any such offer the field
/// made since `commands_before` (the offered text zeroed); copying goes
/// through [`intercept_copy`].
fn withhold_primary_selection(ui: &Ui, commands_before: usize) {
    ui.ctx().output_mut(|o| {
        let made_by_the_field = o.commands.split_off(commands_before.min(o.commands.len()));
        for command in made_by_the_field {
            match command {
                egui::OutputCommand::TextSelectionSettled(mut selection) => selection.zeroize(),
                other => o.commands.push(other),
            }
        }
    });
}

/// An input method (a pinyin one, say) sees every key typed into a field
/// it is allowed in, and may learn the text and offer it again. egui tells
/// it a field is a password only while the field is masked, and on X11 an
/// input method cannot be told at all. So a focused secret field turns
/// input methods off, as browsers do in password fields: its keys come
/// straight from the keyboard.
fn keep_input_methods_out(ui: &Ui) {
    ui.output_mut(|o| o.ime = None);
}

/// A field showing its text stays a password field for screen readers:
/// its role, its value and its text runs (one per row, egui's ids) say
/// bullets, not the secret.
fn mask_for_assistive_technology(ui: &Ui, id: Id, text: &str) {
    let chars = text.chars().count();
    let masked = "•".repeat(chars);
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(Role::PasswordInput);
        node.set_value(masked.as_str());
    });
    // egui names a single row's runs `id.with(0).with(chunk)`, 255
    // characters each.
    for chunk in 0..chars.div_ceil(255).max(1) {
        let run = masked
            .chars()
            .skip(chunk * 255)
            .take(255)
            .collect::<String>();
        ui.ctx()
            .accesskit_node_builder(id.with(0).with(chunk), |node| node.set_value(run));
    }
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

    /// Selecting in a shown field: egui offers a settled selection to the
    /// system's primary selection (middle-click paste on X11 and Wayland),
    /// where it would sit unmarked and never cleared. A plain field beside
    /// it shows that the harness sees such an offer.
    #[test]
    fn a_shown_secret_is_never_offered_as_the_primary_selection() {
        use egui_kittest::Harness;
        use egui_kittest::kittest::Queryable;
        #[derive(Default)]
        struct Fields {
            secret: SecretText,
            plain: String,
            offered: Vec<String>,
        }
        let id = Id::unique("shown_secret_under_test");
        let mut harness = Harness::new_ui_state(
            |ui, fields: &mut Fields| {
                let label = ui.label("Secret").id;
                password_field(ui, &mut fields.secret, id, label);
                let plain = ui.label("Plain").id;
                ui.add(egui::TextEdit::singleline(&mut fields.plain))
                    .labelled_by(plain);
                ui.ctx().output(|o| {
                    for command in &o.commands {
                        if let egui::OutputCommand::TextSelectionSettled(text) = command {
                            fields.offered.push(text.clone());
                        }
                    }
                });
            },
            Fields::default(),
        );
        harness.get_by_label("Show Secret").click();
        harness.run();
        harness.get_by_label("Secret").focus();
        harness.run();
        harness
            .get_by_label("Secret")
            .type_text("fake-shown-secret");
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
        harness.run();
        // Shown: its button now offers to hide it.
        harness.get_by_label("Hide Secret");
        assert_eq!(harness.state().offered, Vec::<String>::new());

        harness.get_by_label("Plain").focus();
        harness.run();
        harness.get_by_label("Plain").type_text("not secret");
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run();
        assert_eq!(harness.state().offered, ["not secret"]);
    }

    /// Input methods (Chinese pinyin among them) learn what is typed and
    /// offer it again: a secret field, masked or shown, turns them off
    /// while it has the focus, and a plain field does not.
    #[test]
    fn input_methods_are_off_in_a_secret_field_masked_or_shown() {
        use egui::IMEPurpose;
        use egui_kittest::Harness;
        use egui_kittest::kittest::Queryable;
        let id = Id::unique("ime_secret_under_test");
        let mut harness = Harness::new_ui_state(
            |ui, (secret, plain): &mut (SecretText, String)| {
                let label = ui.label("Secret").id;
                password_field(ui, secret, id, label);
                let label = ui.label("Plain").id;
                ui.add(egui::TextEdit::singleline(plain)).labelled_by(label);
            },
            (SecretText::new(), String::new()),
        );
        let ime_purpose = |harness: &mut Harness<'_, (SecretText, String)>, field: &str| {
            harness.get_by_label(field).focus();
            harness.run();
            harness.get_by_label(field).type_text("x");
            harness.step();
            let ime = harness.output().platform_output.ime.as_ref();
            ime.map(|ime| ime.purpose)
        };
        assert_eq!(ime_purpose(&mut harness, "Secret"), None);
        harness.get_by_label("Show Secret").click();
        harness.run();
        assert_eq!(ime_purpose(&mut harness, "Secret"), None);
        assert_eq!(ime_purpose(&mut harness, "Plain"), Some(IMEPurpose::Normal));
        assert_eq!(harness.state().0.expose(), "xx", "typed without one");
    }
}
