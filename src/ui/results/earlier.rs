//! "Earlier in this session": every send before the latest, newest
//! first, each folded under a one-line header (time, call, resource, what
//! came of it) that opens to the send in full.

use egui::Ui;
use time::{OffsetDateTime, UtcOffset};

use crate::shown::shown;
use crate::tr;
use crate::ui::{Action, format_clock};
use crate::words;

use super::outcome::{Entry, State, entry_ui};

/// The list under the latest result. Returns true while a countdown is
/// visible in an entry left open.
pub(super) fn earlier_ui(
    ui: &mut Ui,
    earlier: &[Entry],
    now: OffsetDateTime,
    local: UtcOffset,
    actions: &mut Vec<Action>,
) -> bool {
    let mut counting = false;
    ui.separator();
    ui.heading(tr!("app-results-earlier"));
    for (i, entry) in earlier.iter().enumerate().rev() {
        let header = format!(
            "{} · {} · {} · {}",
            format_clock(entry.started_at, local),
            entry.summary.op.api,
            resource_named(entry),
            state_title(&entry.state)
        );
        egui::CollapsingHeader::new(wrapped_header(ui, header))
            .id_salt(("history", entry.id))
            .show(ui, |ui| {
                counting |= entry_ui(ui, entry, &earlier[..i], now, local, actions);
            });
    }
    counting
}

/// A collapsing header's text, wrapped to the panel's width: egui lays
/// headers out on one line, which would widen the panel instead.
fn wrapped_header(ui: &Ui, text: String) -> egui::WidgetText {
    let width = ui.available_width() - ui.spacing().indent - ui.spacing().button_padding.x;
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            width.max(0.0),
            egui::TextStyle::Button,
        )
        .into()
}

/// The resource a send was about, by the values of its resource fields
/// (an instance id, a group id and account…), as typed.
fn resource_named(entry: &Entry) -> String {
    let values: Vec<&str> = entry
        .summary
        .resources
        .iter()
        .map(|(_, _, value)| value.as_str())
        .collect();
    shown(&values.join(" / ")).into_owned()
}

/// A send's state in a few words, for its header.
fn state_title(state: &State) -> String {
    match state {
        State::Waiting { .. } | State::Finishing { .. } => tr!("app-results-state-waiting"),
        State::Cancelled => tr!("app-results-state-cancelled"),
        State::NotStarted(_) => tr!("app-results-state-not-sent"),
        State::Blocked(_) => tr!("app-results-state-blocked"),
        State::Answered {
            outcome, passwords, ..
        } => words::headline(passwords, &outcome.status),
    }
}
