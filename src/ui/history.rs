//! Past password changes, read from the rotation journal: when, what, on
//! which resource, with which key, what came of it and how it was settled,
//! newest first, with a filter by resource.
//!
//! A lock, an old-password window or a throttle the journal recorded is
//! shown with a countdown to its absolute end, so it survives a restart of
//! the app (the same times `Rotation::blocked` refuses a change by).

use eframe::egui::{self, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::jobs::JournalView;
use crate::journal::{Attempt, Recorded, Settlement, StatusKind};
use crate::shown::shown;
use crate::ui::widgets::countdown;
use crate::ui::{Action, format_time};

/// The history view's state.
#[derive(Debug, Default)]
pub struct HistoryPanel {
    journal: Option<Result<Box<JournalView>, String>>,
    /// Show only resources containing this text.
    filter: String,
}

impl HistoryPanel {
    /// The journal was read.
    pub fn journal_read(&mut self, result: Result<Box<JournalView>, String>) {
        self.journal = Some(result);
    }

    /// Draws the view. Returns true while a countdown is shown.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        now: OffsetDateTime,
        local: UtcOffset,
        actions: &mut Vec<Action>,
    ) -> bool {
        let Self { journal, filter } = self;
        let mut counting = false;
        ui.horizontal(|ui| {
            ui.heading("History");
            if ui
                .button("Reload")
                .on_hover_text("Read the journal again")
                .clicked()
            {
                actions.push(Action::ReloadJournal);
            }
        });
        ui.label(
            RichText::new("Every password change Keyturn attempted, from the rotation journal (it holds no secret).")
                .weak(),
        );
        ui.horizontal(|ui| {
            let label = ui.label("Resource contains");
            ui.add(egui::TextEdit::singleline(filter).desired_width(240.0))
                .labelled_by(label.id);
        });
        let view = match journal {
            None => {
                ui.label(RichText::new("Reading the journal…").weak());
                return false;
            }
            Some(Err(e)) => {
                ui.label(
                    RichText::new(format!("The journal could not be read: {e}"))
                        .color(ui.visuals().error_fg_color),
                );
                return false;
            }
            Some(Ok(view)) => view,
        };
        for skipped in &view.skipped {
            ui.label(
                RichText::new(format!("Skipped a line that could not be read: {skipped}"))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        let needle = filter.trim();
        let shown: Vec<&Attempt> = view
            .attempts
            .iter()
            .rev()
            .filter(|a| needle.is_empty() || a.info.resource.to_string().contains(needle))
            .collect();
        if shown.is_empty() {
            ui.label(RichText::new("No password changes yet.").weak());
            return false;
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            for a in shown {
                ui.separator();
                counting |= attempt_ui(ui, a, now, local);
            }
        });
        counting
    }
}

fn result_words(a: &Attempt) -> String {
    match (&a.settled, &a.outcome) {
        (Some((_, Recorded::Known(how))), _) => match how {
            Settlement::Succeeded if a.info.expiry_only => "the old password's expiry changed",
            Settlement::Succeeded => "changed (the new password is current)",
            Settlement::Rejected => "refused by the provider (pending discarded)",
            Settlement::NotSent => "not sent",
            Settlement::KeptAsCurrent => "kept as current by you",
            Settlement::Discarded => "pending discarded by you",
            Settlement::Retried => "changed by a later retry (the new password is current)",
            Settlement::RetryFailed => "retry did not go through (the earlier change stays open)",
            Settlement::NothingStaged => "no answer (no password was at stake)",
        }
        .to_owned(),
        (Some((_, other)), _) => format!("closed: {other}"),
        (None, Some((_, o))) => format!("open: {} — the password may have changed", o.status),
        (None, None) if a.sent => "open: interrupted after sending".to_owned(),
        (None, None) => "open: interrupted before sending".to_owned(),
    }
}

fn attempt_ui(ui: &mut Ui, a: &Attempt, now: OffsetDateTime, local: UtcOffset) -> bool {
    let what = a.info.resource.human_name();
    let api =
        crate::catalog::find(&a.info.operation).map_or(a.info.operation.as_str(), |op| op.api);
    ui.label(
        RichText::new(format!(
            "{} · {api} · {what}",
            format_time(a.started, local)
        ))
        .strong(),
    );
    let key = match &a.info.profile {
        Some(p) => format!("profile {p} (key {})", shown(&a.info.key_id)),
        None => format!("typed key {}", shown(&a.info.key_id)),
    };
    ui.label(format!("Result: {}", result_words(a)));
    let mut details = vec![format!("Attempt {}", a.id), key];
    if let Some((_, o)) = &a.outcome {
        if let Some(code) = &o.code {
            details.push(format!("code {}", shown(code)));
        }
        if let Some(id) = &o.request_id {
            details.push(format!("request {}", shown(id)));
        }
    }
    ui.add(egui::Label::new(RichText::new(details.join(" · ")).weak()).selectable(true));
    let mut counting = false;
    if let Some((_, o)) = &a.outcome {
        let running = match o.status.known() {
            Some(StatusKind::Locked) => {
                Some(("Password changes may be tried again", "The lock has ended."))
            }
            Some(StatusKind::Throttled) => {
                Some(("The provider accepts calls again", "The wait is over."))
            }
            Some(StatusKind::OldPasswordStillValid) => Some((
                "The previous old password stops working",
                "The previous old password has expired.",
            )),
            _ => None,
        };
        if let (Some((running, done)), Some(until)) = (running, o.until)
            && until > now
        {
            counting |= countdown(ui, until, now, local, running, done);
        }
        if let Some(until) = o.old_password_valid_until
            && until > now
        {
            counting |= countdown(
                ui,
                until,
                now,
                local,
                "The old password keeps working; it stops",
                "The old password has expired.",
            );
        }
    }
    counting
}
