//! `KEYTURN_REPORT_FIRST_FRAME=1`: the app prints one line on stderr once its
//! first frame has been drawn and painted, with the wall-clock time, so that
//! `scripts/measure-ui` can time start to first frame from outside:
//!
//! ```text
//! keyturn: first frame painted at unix_us=1763912345678901
//! ```
//!
//! The first frame's `ui` only builds the shapes; eframe then tessellates,
//! paints and swaps. So the line is printed at the start of the next frame,
//! which the first one asks for at once.

use std::time::{SystemTime, UNIX_EPOCH};

use eframe::egui;

/// The variable that turns the report on.
pub const VAR: &str = "KEYTURN_REPORT_FIRST_FRAME";

/// The line's prefix, for scripts.
pub const PREFIX: &str = "keyturn: first frame painted at unix_us=";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Off,
    Waiting,
    Drawn,
    Reported,
}

/// Whether the first frame is still to be reported.
#[derive(Debug)]
pub struct FirstFrame(State);

impl FirstFrame {
    /// On when [`VAR`] is set to anything but empty or `0`.
    pub fn from_env() -> Self {
        let on = std::env::var_os(VAR).is_some_and(|v| !v.is_empty() && v != "0");
        FirstFrame(if on { State::Waiting } else { State::Off })
    }

    /// At the end of a frame's `ui`.
    pub fn frame_drawn(&mut self, ctx: &egui::Context) {
        if self.0 == State::Waiting {
            self.0 = State::Drawn;
            ctx.request_repaint();
        }
    }

    /// At the start of a frame's `logic`.
    pub fn next_frame_began(&mut self) {
        if self.0 == State::Drawn {
            self.0 = State::Reported;
            let micros = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_micros())
                .unwrap_or_default();
            eprintln!("{PREFIX}{micros}");
        }
    }
}
