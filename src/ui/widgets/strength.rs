//! The zxcvbn strength bar with its verdict and feedback. Draws a
//! [`Strength`] from `rules::estimate`, in a fixed number of lines.

use egui::{ProgressBar, RichText, Ui};

use crate::i18n::tr;
use crate::rules::Strength;
use crate::rules::strength::STRENGTH_INPUT_LIMIT;
use crate::tr;
use crate::ui::widgets::Named;
use crate::ui::widgets::steady::steady;
use crate::words;

/// Draws the bar and "Strength: …" with the estimate on one line, and
/// zxcvbn's warning on the next, always the same two lines so the form
/// below does not move; the suggestions are in the label's hover text.
/// `None` (nothing typed) draws the empty bar. A password the API would
/// refuse (`acceptable` false) is not rated, however long it is.
pub fn strength_bar(ui: &mut Ui, strength: Option<&Strength>, acceptable: bool) {
    let (fraction, color, verdict) = match strength {
        None => (
            0.0,
            ui.visuals().weak_text_color(),
            tr("form-widget-strength-none"),
        ),
        Some(_) if !acceptable => (
            0.0,
            ui.visuals().weak_text_color(),
            tr("form-widget-strength-not-rated"),
        ),
        Some(s) => (
            (f32::from(s.score) + 1.0) / 5.0,
            match s.score {
                0 | 1 => ui.visuals().error_fg_color,
                2 => ui.visuals().warn_fg_color,
                _ => egui::Color32::from_rgb(0x2e, 0x9d, 0x4f),
            },
            tr!(
                "form-widget-strength",
                label = words::strength_label(s.score)
            ),
        ),
    };
    // Wrapped: in a narrow form the estimate goes under the bar instead of
    // widening the form; the room it took stays, so nothing below jumps.
    steady(ui, 0.0, |ui| {
        strength_rows(ui, strength, acceptable, fraction, color, verdict)
    });
}

fn strength_rows(
    ui: &mut Ui,
    strength: Option<&Strength>,
    acceptable: bool,
    fraction: f32,
    color: egui::Color32,
    verdict: String,
) {
    ui.horizontal_wrapped(|ui| {
        ui.add(
            ProgressBar::new(fraction)
                .desired_width(160.0)
                .fill(color)
                .corner_radius(2.0),
        )
        .named(&tr!("form-widget-strength-meter"));
        let label = ui.label(verdict);
        if let Some(s) = strength.filter(|_| acceptable) {
            let mut tips = vec![tr!(
                "form-widget-strength-crack-time",
                time = words::crack_time(s.crack_seconds)
            )];
            tips.extend(
                s.suggestions
                    .iter()
                    .map(|t| format!("• {}", words::strength_feedback(t))),
            );
            if s.truncated {
                tips.push(tr!(
                    "form-widget-strength-truncated",
                    count = STRENGTH_INPUT_LIMIT
                ));
            }
            label.on_hover_text(tips.join("\n"));
        }
    });
    let warning = strength
        .filter(|_| acceptable)
        .and_then(|s| s.warning.as_deref())
        .map_or_else(|| " ".to_owned(), words::strength_feedback);
    ui.label(RichText::new(warning).color(ui.visuals().warn_fg_color));
}
