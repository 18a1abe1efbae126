//! A live countdown to an absolute time.
//!
//! Countdowns hold the moment itself (`until`), never a remaining
//! duration, so they stay right whatever the frame rate and survive being
//! redrawn from history. The caller passes `now` from the app's injected
//! clock, and asks for a repaint a second later while any countdown it
//! drew is still running (see `results.rs`); with none visible the app asks
//! for no repaints at all.

use eframe::egui::{RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::ui::{format_remaining, format_time};

/// Draws "`running` in 4 min 59 s (at 12:05:00 …)" until `until`, and
/// `done` after it. Returns true while the countdown is still running.
pub fn countdown(
    ui: &mut Ui,
    until: OffsetDateTime,
    now: OffsetDateTime,
    offset: UtcOffset,
    running: &str,
    done: &str,
) -> bool {
    let left = until - now;
    if left.is_positive() {
        ui.label(RichText::new(format!("{running} in {}", format_remaining(left))).strong());
        ui.label(RichText::new(format!("at {}", format_time(until, offset))).weak());
        true
    } else {
        ui.label(RichText::new(done).strong());
        false
    }
}
