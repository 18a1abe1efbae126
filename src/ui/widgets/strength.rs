//! The zxcvbn strength bar with its verdict and feedback. Draws a
//! [`Strength`] from `rules::estimate`.

use eframe::egui;
use eframe::egui::{ProgressBar, RichText, Ui};

use crate::rules::Strength;

/// Draws the bar, "Strength: …", and zxcvbn's warning and suggestions.
pub fn strength_bar(ui: &mut Ui, strength: &Strength) {
    let fraction = (f32::from(strength.score) + 1.0) / 5.0;
    let color = match strength.score {
        0 | 1 => ui.visuals().error_fg_color,
        2 => ui.visuals().warn_fg_color,
        _ => egui::Color32::from_rgb(0x2e, 0x9d, 0x4f),
    };
    // Wrapped: in a narrow form the estimate goes under the bar instead of
    // widening the form.
    ui.horizontal_wrapped(|ui| {
        ui.add(
            ProgressBar::new(fraction)
                .desired_width(160.0)
                .fill(color)
                .corner_radius(2.0),
        );
        ui.label(format!("Strength: {}", strength.label()));
        ui.label(
            RichText::new(format!(
                "(offline attack on a slow hash: {})",
                strength.crack_time
            ))
            .weak(),
        );
    });
    if let Some(warning) = &strength.warning {
        ui.label(RichText::new(warning).color(ui.visuals().warn_fg_color));
    }
    for suggestion in &strength.suggestions {
        ui.label(RichText::new(format!("• {suggestion}")).weak());
    }
    if strength.truncated {
        ui.label(RichText::new("Estimated on the first 32 characters.").weak());
    }
}
