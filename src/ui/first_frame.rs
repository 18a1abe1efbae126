//! `KEYTURN_REPORT_FIRST_FRAME=1`: the app prints one line on stderr once its
//! first frame has been drawn and painted, with the wall-clock time, so that
//! `scripts/measure-ui` can time start to first frame from outside:
//!
//! ```text
//! keyturn: first frame painted at unix_us=1763912345678901
//! ```
//!
//! The first frame's `ui` only builds the shapes; the window then
//! tessellates, paints and shows them. So the line is printed at the start of the next frame,
//! which the first one asks for at once.
//!
//! `KEYTURN_REPORT_FIRST_FRAME=every` also prints a line at the start of
//! every later frame (`keyturn: frame at unix_us=…`), so that a script can
//! count the repaints of an idle window.

use std::time::{SystemTime, UNIX_EPOCH};

/// The variable that turns the report on.
pub const VAR: &str = "KEYTURN_REPORT_FIRST_FRAME";

/// The line's prefix, for scripts.
pub const PREFIX: &str = "keyturn: first frame painted at unix_us=";

/// The prefix of the line for each later frame, with `every`.
pub const EVERY_PREFIX: &str = "keyturn: frame at unix_us=";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Off,
    Waiting,
    Drawn,
    Reported,
}

/// Whether the first frame is still to be reported, and whether every
/// frame is.
#[derive(Debug)]
pub struct FirstFrame {
    state: State,
    every: bool,
}

impl FirstFrame {
    /// On when [`VAR`] is set to anything but empty or `0`; every frame
    /// too when it is `every`.
    pub fn from_env() -> Self {
        let value = std::env::var_os(VAR).unwrap_or_default();
        let on = !value.is_empty() && value != "0";
        FirstFrame {
            state: if on { State::Waiting } else { State::Off },
            every: value == "every",
        }
    }

    /// At the end of a frame's `ui`.
    pub fn frame_drawn(&mut self, ctx: &egui::Context) {
        if self.state == State::Waiting {
            self.state = State::Drawn;
            ctx.request_repaint();
        }
    }

    /// At the start of a frame's `logic`.
    pub fn next_frame_began(&mut self) {
        match self.state {
            State::Drawn => {
                self.state = State::Reported;
                eprintln!("{PREFIX}{}", unix_micros());
            }
            State::Reported if self.every => eprintln!("{EVERY_PREFIX}{}", unix_micros()),
            _ => {}
        }
    }
}

fn unix_micros() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or_default()
}
