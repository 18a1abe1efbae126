//! A secret shown in clear because the user asked (Reveal, Show
//! passwords), drawn so that nothing but the Copy buttons can take it away.
//!
//! [`ShownSecret`] lays the text out once, when first drawn, and paints
//! that same layout every frame: no fresh copy of the secret is made per
//! frame (a `Label` would build a new `String` and layout each frame). It
//! is not selectable, so Ctrl+C cannot put it on the clipboard through
//! egui, past the clipboard-manager hint and the timed clear of
//! [`crate::ui::clipboard::ClipboardGuard`]. For assistive technology it is
//! a read-only password field named by the caller, its value masked: a
//! screen reader says what is shown, and no AT-SPI client reads the secret.
//!
//! What is not in Keyturn's hands: the one layout holds a copy of the text
//! (egui's `Galley`, shared, not zeroed when freed).

use std::sync::Arc;

use egui::accesskit::Role;
use egui::{self, Galley, Response, Sense, TextStyle, Ui};
use secrecy::{ExposeSecret, SecretString};

/// A secret the user asked to see, and its one layout.
/// What a layout depends on: when any of it changes, the text is laid out
/// again.
#[derive(Clone, Copy, PartialEq)]
struct Made {
    scale: f32,
    color: egui::Color32,
    width: f32,
}

pub struct ShownSecret {
    secret: SecretString,
    /// The layout, and what it was made for.
    laid_out: Option<(Arc<Galley>, Made)>,
}

impl std::fmt::Debug for ShownSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ShownSecret([redacted])")
    }
}

impl ShownSecret {
    pub fn new(secret: SecretString) -> Self {
        ShownSecret {
            secret,
            laid_out: None,
        }
    }

    /// Paints the secret in monospace (wrapped to the width available),
    /// named `name` for screen readers.
    pub fn ui(&mut self, ui: &mut Ui, name: &str) -> Response {
        let made = Made {
            scale: ui.ctx().pixels_per_point(),
            color: ui.visuals().strong_text_color(),
            width: ui.available_width().max(80.0).round(),
        };
        if self.laid_out.as_ref().is_none_or(|(_, m)| *m != made) {
            let font = TextStyle::Monospace.resolve(ui.style());
            let text = self.secret.expose_secret().to_owned();
            let galley = ui
                .ctx()
                .fonts_mut(|f| f.layout(text, font, made.color, made.width));
            self.laid_out = Some((galley, made));
        }
        let Some((galley, _)) = &self.laid_out else {
            return ui.allocate_response(egui::Vec2::ZERO, Sense::hover());
        };
        let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::hover());
        if ui.is_rect_visible(rect) {
            ui.painter()
                .galley(rect.min, Arc::clone(galley), made.color);
        }
        let masked = "•".repeat(self.secret.expose_secret().chars().count().min(64));
        response.widget_info(|| egui::WidgetInfo::labeled(Role::PasswordInput, true, name));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_role(Role::PasswordInput);
            node.set_read_only();
            node.set_value(masked);
        });
        response
    }
}
