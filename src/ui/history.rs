//! Past password changes, read from the rotation journal: when, what, on
//! which resource, with which key, what came of it and how it was settled,
//! newest first, with a filter by resource.
//!
//! A lock, an old-password window or a throttle the journal recorded is
//! shown with a countdown to its absolute end, so it survives a restart of
//! the app (the same times `Rotation::blocked` refuses a change by).

use std::collections::HashSet;

use egui::{self, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::jobs::JournalView;
use crate::journal::{Attempt, Recorded, Settlement, StatusKind};
use crate::shown::shown;
use crate::tr;
use crate::ui::remedy::Failure;
use crate::ui::widgets::Named;
use crate::ui::widgets::{countdown, keep_focus_in_view};
use crate::ui::{Action, format_time};
use crate::vault::ResourceKey;
use crate::words;

/// The history view's state.
#[derive(Debug, Default)]
pub struct HistoryPanel {
    journal: Option<Result<Box<JournalView>, Failure>>,
    /// Show only resources containing this text.
    filter: String,
    /// The attempts whose answer is the last word on their resource, found
    /// once per read of the journal (see [`latest_answers`]).
    latest: HashSet<String>,
}

impl HistoryPanel {
    /// The journal was read.
    pub fn journal_read(&mut self, result: Result<Box<JournalView>, Failure>) {
        self.latest = match &result {
            Ok(view) => latest_answers(&view.attempts),
            Err(_) => HashSet::new(),
        };
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
        let Self {
            journal,
            filter,
            latest,
        } = self;
        let mut counting = false;
        ui.horizontal(|ui| {
            ui.heading(tr!("app-history-heading"));
            if ui
                .button(tr!("app-history-reload"))
                .on_hover_text(tr!("app-history-reload-hover"))
                .named(&tr!("app-history-reload-name"))
                .clicked()
            {
                actions.push(Action::ReloadJournal);
            }
        });
        ui.label(RichText::new(tr!("app-history-intro")).weak());
        ui.horizontal(|ui| {
            let label = ui.label(tr!("app-history-filter"));
            ui.add(egui::TextEdit::singleline(filter).desired_width(240.0))
                .labelled_by(label.id);
        });
        let view = match journal {
            None => {
                ui.label(RichText::new(tr!("app-history-reading")).weak());
                return false;
            }
            Some(Err(e)) => {
                ui.label(
                    RichText::new(tr!("app-history-failed", error = e.words()))
                        .color(ui.visuals().error_fg_color),
                );
                return false;
            }
            Some(Ok(view)) => view,
        };
        for skipped in &view.skipped {
            ui.label(
                RichText::new(tr!("app-history-skipped", line = skipped.to_string()))
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
            ui.label(RichText::new(tr!("app-history-none")).weak());
            return false;
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            keep_focus_in_view(ui);
            for a in shown {
                ui.separator();
                let current = latest.contains(a.id.as_str());
                counting |= attempt_ui(ui, a, now, local, current);
            }
        });
        counting
    }
}

/// [`words::resource_name`] of a key in its text form; the text itself if it
/// names no resource Keyturn knows.
pub(crate) fn resource_name_of(key: &str) -> String {
    ResourceKey::parse(key).map_or_else(|| key.to_owned(), |k| words::resource_name(&k))
}

fn result_words(a: &Attempt) -> String {
    match (&a.settled, &a.outcome) {
        (Some((_, Recorded::Known(how))), _) => tr!(match how {
            Settlement::Succeeded if a.info.expiry_only => "app-history-expiry-changed",
            Settlement::Succeeded => "app-history-changed",
            Settlement::Rejected => "app-history-refused",
            Settlement::NotSent => "app-history-not-sent",
            Settlement::KeptAsCurrent => "app-history-kept",
            Settlement::Discarded => "app-history-discarded",
            Settlement::Retried => "app-history-retried",
            Settlement::RetryFailed => "app-history-retry-failed",
            Settlement::NothingStaged => "app-history-nothing-staged",
            Settlement::SettledElsewhere => "app-history-settled-elsewhere",
        }),
        (Some((_, other)), _) => tr!("app-history-closed", how = other.to_string()),
        (None, Some((_, o))) => tr!(
            "app-history-open",
            status = words::journal_status(&o.status)
        ),
        (None, None) if a.sent => tr!("app-history-open-after-sending"),
        (None, None) => tr!("app-history-open-before-sending"),
    }
}

/// The attempts whose answer is the last word on their resource: a later
/// answer for the same resource makes an earlier one's countdowns (a
/// lock, an old password's expiry) stale.
fn latest_answers(attempts: &[Attempt]) -> HashSet<String> {
    let mut resources_seen = HashSet::new();
    attempts
        .iter()
        .rev()
        .filter(|a| a.outcome.is_some())
        .filter(|a| resources_seen.insert(&a.info.resource))
        .map(|a| a.id.clone())
        .collect()
}

/// One attempt; `latest`: no later answer for its resource exists, so its
/// countdowns still hold. Returns true while one is shown.
fn attempt_ui(
    ui: &mut Ui,
    a: &Attempt,
    now: OffsetDateTime,
    local: UtcOffset,
    latest: bool,
) -> bool {
    let what = words::resource_name(&a.info.resource);
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
        Some(p) => tr!(
            "app-profile-with-key",
            name = p.as_str(),
            key = shown(&a.info.key_id)
        ),
        None => tr!("app-typed-key", key = shown(&a.info.key_id)),
    };
    ui.label(tr!("app-history-result", result = result_words(a)));
    let mut details = vec![key];
    if let Some((_, o)) = &a.outcome {
        if let Some(code) = &o.code {
            details.push(tr!("app-history-code", code = shown(code)));
        }
        if let Some(id) = &o.request_id {
            details.push(tr!("app-history-request", id = shown(id)));
        }
    }
    // The attempt's id is the journal's, not the admin's: on hover.
    ui.add(egui::Label::new(RichText::new(details.join(" · ")).weak()).selectable(true))
        .on_hover_text(tr!("app-attempt-id-hover", id = a.id.as_str()));
    let mut counting = false;
    if let Some((_, o)) = a.outcome.as_ref().filter(|_| latest) {
        let running = match o.status.known() {
            Some(StatusKind::Locked) => Some(("app-countdown-locked", "app-history-lock-ended")),
            Some(StatusKind::Throttled) => Some(("app-history-throttled", "app-history-wait-over")),
            Some(StatusKind::OldPasswordStillValid) => Some((
                "app-countdown-previous-old-password",
                "app-history-previous-expired",
            )),
            _ => None,
        };
        if let (Some((running, done)), Some(until)) = (running, o.until)
            && until > now
        {
            counting |= countdown(ui, until, now, local, &tr!(running), &tr!(done));
        }
        if let Some(until) = o.old_password_valid_until
            && until > now
        {
            counting |= countdown(
                ui,
                until,
                now,
                local,
                &tr!("app-history-old-password-valid"),
                &tr!("app-history-old-password-expired"),
            );
        }
    }
    counting
}
