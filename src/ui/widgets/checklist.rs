//! The live rule checklist under a new-password field: one row per rule of
//! the operation's policy with ✔ (met), ✘ (the provider will refuse it) or
//! ! (only some API versions accept it), and what is still missing in
//! plain words. It only draws a [`Report`] from `rules::check`; it judges
//! nothing itself.

use eframe::egui::{Color32, RichText, Ui};

use crate::rules::{Report, Severity};

/// The mark for one rule: ✔ met, ✘ broken, ! a warning.
pub fn mark(passed: bool, severity: Severity) -> &'static str {
    match (passed, severity) {
        (true, _) => "✔",
        (false, Severity::Error) => "✘",
        (false, Severity::Warning) => "!",
    }
}

/// Draws the checklist for `report`.
pub fn rule_checklist(ui: &mut Ui, report: &Report) {
    let ok = Color32::from_rgb(0x2e, 0x9d, 0x4f);
    let bad = ui.visuals().error_fg_color;
    let warn = ui.visuals().warn_fg_color;
    for rule in &report.rules {
        let color = match (rule.passed, rule.severity) {
            (true, _) => ok,
            (false, Severity::Error) => bad,
            (false, Severity::Warning) => warn,
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    mark(rule.passed, rule.severity),
                    rule.rule
                ))
                .color(color),
            );
            if let Some(missing) = &rule.missing {
                ui.label(RichText::new(format!("— {missing}")).weak());
            }
        });
    }
    for problem in report.characters.iter().take(5) {
        ui.label(
            RichText::new(format!(
                "{} character {}: {}",
                mark(false, problem.severity),
                problem.position,
                problem.reason
            ))
            .color(if problem.severity == Severity::Error {
                bad
            } else {
                warn
            }),
        );
    }
    if report.characters.len() > 5 {
        ui.label(
            RichText::new(format!(
                "… and {} more characters",
                report.characters.len() - 5
            ))
            .weak(),
        );
    }
}
