//! The desktop app in demo mode (`keyturn --demo`): the ordinary app over
//! [`crate::demo::Demo`]'s vault, with a band across the top that says it
//! is a demo and what to try, and a window title that says so too.
//!
//! The demo remembers nothing: eframe's storage (window size, choices) is
//! kept in the demo's throwaway folder. Ctrl+C or SIGTERM closes the
//! window, so that folder is removed then too.

use eframe::egui;
use eframe::egui::{RichText, Ui};
use time::UtcOffset;

use crate::demo::{Demo, FORCED_EXIT_AFTER};
use crate::jobs::system_clock;
use crate::ui::app::{AppConfig, KeyturnApp, window_options};
use crate::ui::clipboard::SystemClipboard;

/// The window title in demo mode.
pub const TITLE: &str = "Keyturn — demo (emulated clouds, fake keys)";

/// The demo's hint band; it can be folded to one line.
#[derive(Debug)]
pub struct DemoHint {
    emulator_url: String,
    open: bool,
}

impl DemoHint {
    pub fn new(emulator_url: String) -> Self {
        DemoHint {
            emulator_url,
            open: true,
        }
    }

    /// Draws the band across the top of the window.
    pub fn ui(&mut self, ui: &mut Ui) {
        egui::Panel::top("demo-hint")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .fill(ui.visuals().faint_bg_color)
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| self.contents(ui));
    }

    fn contents(&mut self, ui: &mut Ui) {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Demo").strong().color(ui.visuals().warn_fg_color));
            ui.label(format!(
                "Every call goes to the built-in emulator at {} with fake keys: nothing leaves this \
                 computer, and nothing is kept after the window closes.",
                self.emulator_url
            ));
            let toggle = if self.open { "Hide tips" } else { "Show tips" };
            if ui.small_button(toggle).clicked() {
                self.open = !self.open;
            }
        });
        if !self.open {
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
    "Resource ids starting with fault-reset, fault-slow, fault-malformed, fault-empty or \
     fault-huge lose the answer (Result unknown); fault-html, fault-5xx and fault-503 make the \
     provider fail (nothing changed).",
    "Each send waits 2 seconds before it leaves, so Cancel can be tried.",
];

/// The demo's app configuration: its vault, the system clock and clipboard,
/// and jobs that pause before sending (see [`Demo::jobs_config`]).
pub fn app_config(demo: &Demo, local_offset: UtcOffset) -> AppConfig {
    AppConfig {
        vault: Some(demo.vault().clone()),
        clock: system_clock(),
        local_offset,
        jobs: Demo::jobs_config(),
        clipboard: Box::new(SystemClipboard::default()),
    }
}

/// Opens the demo window and runs until it is closed.
pub fn run_native(demo: &Demo, local_offset: UtcOffset) -> Result<(), String> {
    let mut options = window_options(TITLE);
    options.persistence_path = Some(demo.dir().join("window"));
    let config = app_config(demo, local_offset);
    let hint = DemoHint::new(demo.emulator_url());
    eframe::run_native(
        "Keyturn demo",
        options,
        Box::new(move |cc| {
            // Ctrl+C or SIGTERM closes the window as the user would, so the
            // demo's folder is removed as after any close.
            let ctx = cc.egui_ctx.clone();
            let close = move || ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            if let Err(e) = demo.on_stop_signal(close, FORCED_EXIT_AFTER) {
                tracing::warn!(error = %e, "stop signals are not caught; a signal would leave the demo's folder behind");
            }
            Ok(Box::new(KeyturnApp::new(cc, config)?.with_demo_band(hint)))
        }),
    )
    .map_err(|e| format!("could not open the window: {e}"))
}
