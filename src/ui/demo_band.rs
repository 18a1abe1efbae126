//! The band the app draws across the top of the window in demo mode: that
//! it is a demo, where every call goes, and what to try. The demo window's
//! set-up, which builds the app with this band, is `demo.rs`.

use egui::{RichText, Ui};

use crate::tr;

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
            ui.label(
                RichText::new(tr!("app-demo-badge"))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
            ui.label(tr!("app-demo-every-call", url = self.emulator_url.as_str()));
            let toggle = if open {
                "app-demo-hide-tips"
            } else {
                "app-demo-show-tips"
            };
            if ui.small_button(tr!(toggle)).clicked() {
                self.open = Some(!open);
            }
        });
        if !open {
            return;
        }
        ui.label(tr!("app-demo-how"));
        for tip in TIPS {
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                ui.label(tr!(tip));
            });
        }
    }
}

/// What to try, one line each: their message ids.
const TIPS: &[&str] = &[
    "app-demo-tip-huawei",
    "app-demo-tip-tcaplusdb",
    "app-demo-tip-faults",
    "app-demo-tip-cancel",
];
