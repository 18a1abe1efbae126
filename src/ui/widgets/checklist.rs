//! The live rule checklist under a new-password field: one row per rule of
//! the operation's policy with ✔ (met), ✘ (the provider will refuse it) or
//! ! (only some API versions accept it), and what is still missing in
//! plain words; before anything is typed, the rules are listed plainly. It only draws a [`Report`] from `rules::check`; it judges
//! nothing itself.

use egui::{Color32, Label, RichText, TextStyle, TextWrapMode, Ui, WidgetText};

use crate::catalog::Operation;
use crate::rules::check::Rule;
use crate::rules::{Report, Severity, Specials};
use crate::tr;
use crate::ui::widgets::steady::steady;
use crate::words;

/// The mark for one rule: ✔ met, ✘ broken, ! a warning.
pub fn mark(passed: bool, severity: Severity) -> &'static str {
    match (passed, severity) {
        (true, _) => "✔",
        (false, Severity::Error) => "✘",
        (false, Severity::Warning) => "!",
    }
}

/// What the checklist is drawn against.
#[derive(Debug, Clone, Copy)]
pub struct Checked<'a> {
    /// The operation whose policy it is: a character's problem is worded
    /// in its catalogue's words.
    pub op: &'a Operation,
    /// The password as typed, when the admin has chosen to show it: a
    /// refused character is then named. `None` names positions only.
    pub shown: Option<&'a str>,
    /// Nothing typed yet: rules are listed, neither met nor broken.
    pub empty: bool,
    /// What the operation allows, for a refused character.
    pub specials: Specials,
}

/// Draws the checklist for `report`: one row per rule (what is missing
/// after it) and one row for refused characters, blank when there are
/// none. A row wraps rather than cutting its words off, and keeps the
/// height it once needed, so nothing below moves back and forth while the
/// admin types.
pub fn rule_checklist(ui: &mut Ui, report: &Report, checked: Checked<'_>) {
    let ok = Color32::from_rgb(0x2e, 0x9d, 0x4f);
    let bad = ui.visuals().error_fg_color;
    let warn = ui.visuals().warn_fg_color;
    for rule in &report.rules {
        // What the row will say once a first character is typed: the rule
        // with what is missing. Before that, its height is kept free.
        let missing = |mark: &str| match &rule.shortfall {
            Some(missing) => tr!(
                "form-widget-rule-missing",
                mark = mark,
                rule = words::rule(&rule.rule),
                missing = words::shortfall(missing)
            ),
            None => tr!(
                "form-widget-rule",
                mark = mark,
                rule = words::rule(&rule.rule)
            ),
        };
        if checked.empty {
            let text = format!("• {}", words::rule(&rule.rule));
            let color = ui.visuals().weak_text_color();
            let reserve = RichText::new(missing(mark(false, rule.severity)));
            steady_row(ui, RichText::new(text).color(color), Some(reserve));
            continue;
        }
        let (text, color) = {
            let color = match (rule.passed, rule.severity) {
                (true, _) => ok,
                (false, Severity::Error) => bad,
                (false, Severity::Warning) => warn,
            };
            (missing(mark(rule.passed, rule.severity)), color)
        };
        steady_row(ui, RichText::new(text).color(color), None);
    }
    // The call takes the old password, but none is typed yet: the rule it
    // brings is listed plainly, so typing it adds no row.
    let judged = report
        .rules
        .iter()
        .any(|r| r.rule == Rule::DiffersFromCurrent);
    if checked.op.new_password.current_field.is_some() && !judged {
        let text = format!("• {}", words::rule(&Rule::DiffersFromCurrent));
        steady_row(
            ui,
            RichText::new(text).color(ui.visuals().weak_text_color()),
            None,
        );
    }
    let line = report.characters.first().map(|problem| {
        let named = checked
            .shown
            .and_then(|text| text.chars().nth(problem.position - 1));
        let character = match named {
            Some(c) => tr!(
                "form-widget-char-named",
                position = problem.position,
                char = visible(c)
            ),
            None => tr!("form-widget-char", position = problem.position),
        };
        let more = match report.characters.len() {
            1 => String::new(),
            n => tr!("form-widget-char-more", count = n - 1),
        };
        let mark = mark(false, problem.severity);
        let reason = words::char_problem(checked.op, problem);
        let text = match problem.severity {
            Severity::Error => tr!(
                "form-widget-char-refused",
                mark = mark,
                character = character,
                reason = reason,
                allowed = allowed(checked.specials),
                more = more
            ),
            Severity::Warning => tr!(
                "form-widget-char-warning",
                mark = mark,
                character = character,
                reason = reason,
                more = more
            ),
        };
        let color = if problem.severity == Severity::Error {
            bad
        } else {
            warn
        };
        RichText::new(text).color(color)
    });
    steady_row(ui, line.unwrap_or_else(|| RichText::new(" ")), None);
}

/// One wrapped row that keeps the room it has needed (see
/// [`steady`]), and at least the room `reserve` would take.
fn steady_row(ui: &mut Ui, text: RichText, reserve: Option<RichText>) {
    let at_least = reserve.map_or(0.0, |reserve| {
        WidgetText::from(reserve)
            .into_galley(
                ui,
                Some(TextWrapMode::Wrap),
                ui.available_width(),
                TextStyle::Body,
            )
            .size()
            .y
    });
    steady(ui, at_least, |ui| ui.add(Label::new(text).wrap()));
}

/// A refused character as the admin would write it: itself when it can be
/// seen (`"` and `\` too, unescaped), and an escape only for what cannot
/// (a tab, a line break, a no-break space, a control character).
fn visible(c: char) -> String {
    if c.is_whitespace() || c.is_control() {
        c.escape_default().to_string()
    } else {
        c.to_string()
    }
}

/// What a password may be made of, in the current language's words.
fn allowed(specials: Specials) -> String {
    match specials {
        Specials::PrintableAscii => tr!("form-widget-allowed-printable"),
        Specials::Only("") => tr!("form-widget-allowed-alnum"),
        Specials::Only(set) => {
            let symbols: Vec<String> = set.chars().map(String::from).collect();
            tr!("form-widget-allowed-alnum-and", symbols = symbols.join(" "))
        }
        Specials::Unrestricted => tr!("form-widget-allowed-any"),
    }
}
