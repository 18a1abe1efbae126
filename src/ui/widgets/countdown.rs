//! A live countdown to an absolute time.
//!
//! Countdowns hold the moment itself (`until`), never a remaining
//! duration, so they stay right whatever the frame rate and survive being
//! redrawn from history. The caller passes `now` from the app's injected
//! clock, and asks for a repaint a second later while any countdown it
//! drew is still running (see `results.rs`); with none visible the app asks
//! for no repaints at all.

use egui::{RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::tr;
use crate::ui::{format_remaining, format_time};

/// Draws "`running` in 4 min 59 s (at 12:05:00 …)" until `until`, and
/// `done` after it. Returns true while the countdown is still running.
///
/// `running` says what may happen once the time is up ("It may be tried
/// again"); Chinese puts it after the time ("4 分 59 秒后可以再试"), so
/// it must read on its own as that, without "in".
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
        let text = tr!(
            "form-widget-countdown",
            running = running,
            left = format_remaining(left)
        );
        ui.label(RichText::new(text).strong());
        let at = tr!(
            "form-widget-countdown-at",
            time = format_time(until, offset)
        );
        ui.label(RichText::new(at).weak());
        true
    } else {
        ui.label(RichText::new(done).strong());
        false
    }
}
