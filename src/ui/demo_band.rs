//! The band the app draws across the top of the window in demo mode: that
//! it is a demo, where every call goes, and what to try. The demo window's
//! set-up, which builds the app with this band, is `demo.rs`.

use eframe::egui;
use eframe::egui::{RichText, Ui};

/// The demo's hint band; it can be folded to one line.
#[derive(Debug)]
pub struct DemoHint {
    emulator_url: String,
    /// `None` until the first frame: the tips start open only in a window
    /// tall enough to keep the form in view beside them.
    open: Option<bool>,
}

/// The least window height at which the tips start open.
const TIPS_OPEN_FROM_HEIGHT: f32 = 860.0;
/// Taller than any screen: egui's stand-in before it knows the window.
const PLAUSIBLE_HEIGHT: f32 = 8000.0;

impl DemoHint {
    pub fn new(emulator_url: String) -> Self {
        DemoHint {
            emulator_url,
            open: None,
        }
    }

    /// Draws the band across the top of the window.
    pub fn ui(&mut self, ui: &mut Ui) {
        egui::Panel::top("demo_hint")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .fill(ui.visuals().faint_bg_color)
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| self.contents(ui));
    }

    fn contents(&mut self, ui: &mut Ui) {
        // egui knows the window's size only once the platform says it (the
        // first frames may see a huge placeholder): decide then.
        let height = ui.ctx().content_rect().height();
        let open = if height < PLAUSIBLE_HEIGHT {
            *self.open.get_or_insert(height >= TIPS_OPEN_FROM_HEIGHT)
        } else {
            self.open.unwrap_or(false)
        };
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Demo").strong().color(ui.visuals().warn_fg_color));
            ui.label(format!(
                "Every call goes to the built-in emulator at {} with fake keys: nothing leaves this \
                 computer, and nothing is kept after the window closes.",
                self.emulator_url
            ));
            let toggle = if open { "Hide tips" } else { "Show tips" };
            if ui.small_button(toggle).clicked() {
                self.open = Some(!open);
            }
        });
        if !open {
            return;
        }
        ui.label(
            "Pick a demo profile on the left, give any resource id and passwords, and send. \
             The emulator answers as each provider documents:",
        );
        for tip in TIPS {
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                ui.label(*tip);
            });
        }
    }
}

/// What to try, one line each.
pub const TIPS: &[&str] = &[
    "Huawei DCS: the first old password sent to an instance becomes its password; five wrong \
     ones then lock its password changes for 5 minutes, with a live countdown.",
    "TcaplusDB: after a change the previous password stays valid until its expiry, with a \
     countdown and a one-click \"Change only the expiry (Mode 2)\".",
    "Faults: type a resource id (Instance ID, Cluster ID, Group ID, DTS task or subscription \
     instance ID) starting with fault-reset, fault-slow, fault-malformed, fault-empty, fault-huge, \
     fault-html, fault-5xx or fault-503. Each loses or spoils the answer, so the result is unknown \
     and the new password stays pending until you settle it at the top of the window.",
    "Each send waits 2 seconds before it leaves, so Cancel can be tried.",
];
