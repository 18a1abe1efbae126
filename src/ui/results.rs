//! The right side: the latest outcome, drawn in full, and this session's
//! history below it.
//!
//! Every [`Status`] of the one outcome model gets its own words: success;
//! a rejection with the provider's code, message and hint; a wrong old
//! password with the tries left; a lock with a live countdown to the
//! absolute time it ends; TcaplusDB's still-valid old password with a
//! countdown and a one-click "change only the expiry (Mode 2)"; throttling
//! with when to retry; and *unknown*, said plainly: the password may have
//! changed. With each answer, the rotation's note says where the passwords
//! are now in the keyring (current, previous, pending). A change refused
//! before sending because the journal says the provider would refuse it is
//! shown as such.
//!
//! A send's result is never dropped, even if the user has moved on to
//! another form: it is recorded here under the job's id from the moment the
//! send starts.

use eframe::egui;
use eframe::egui::{Color32, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::endpoint::Endpoint;
use crate::jobs::{Event, JobId};
use crate::outcome::{Outcome, Status};
use crate::rotation::{EndpointSource, Whereabouts};
use crate::shown::shown;
use crate::tr;
use crate::ui::remedy::job_error;
use crate::ui::widgets::{block_notice, countdown};
use crate::ui::{Action, Summary, format_clock, format_time};
use crate::vault::{ResourceKey, team};
use crate::words;

/// One send of this session.
#[derive(Debug)]
struct Entry {
    id: JobId,
    summary: Summary,
    started_at: OffsetDateTime,
    state: State,
}

#[derive(Debug)]
enum State {
    Waiting {
        handed: bool,
    },
    Cancelled,
    NotStarted(String),
    Blocked(crate::rotation::Block),
    Answered {
        outcome: Box<Outcome>,
        at: OffsetDateTime,
        /// Where the passwords are now, of which resource.
        passwords: Whereabouts,
        key: ResourceKey,
        sent_to: Option<(EndpointSource, Endpoint)>,
    },
}

/// The results panel's state: every send of this session, oldest first.
#[derive(Debug, Default)]
pub struct ResultsPanel {
    entries: Vec<Entry>,
}

impl ResultsPanel {
    /// A send started; its result will land in this entry.
    pub fn started(&mut self, id: JobId, summary: Summary, now: OffsetDateTime) {
        self.entries.push(Entry {
            id,
            summary,
            started_at: now,
            state: State::Waiting { handed: false },
        });
    }

    /// A send job's report.
    pub fn send_event(&mut self, id: JobId, event: Event) {
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) else {
            return;
        };
        entry.state = match event {
            Event::Handed => State::Waiting { handed: true },
            Event::Answered {
                outcome,
                at,
                passwords,
                key,
                sent_to,
            } => State::Answered {
                outcome,
                at,
                passwords,
                key,
                sent_to,
            },
            Event::Blocked { block, .. } => State::Blocked(block),
            Event::Cancelled => State::Cancelled,
            Event::NotStarted(why) => State::NotStarted(job_error(&why)),
            _ => return,
        };
    }

    /// Draws the panel. Returns true while a countdown is visible, so the
    /// app can ask for the next repaint in a second.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        now: OffsetDateTime,
        local: UtcOffset,
        actions: &mut Vec<Action>,
    ) -> bool {
        // Fills the panel's width, so the panel keeps the width it was
        // given instead of following its text.
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| self.contents(ui, now, local, actions))
            .inner
    }

    /// The results without a scroll area of their own: in the side panel's,
    /// or under the form in a window too narrow for both side by side.
    /// Returns true while a countdown is visible.
    pub fn contents(
        &mut self,
        ui: &mut Ui,
        now: OffsetDateTime,
        local: UtcOffset,
        actions: &mut Vec<Action>,
    ) -> bool {
        let Self { entries } = self;
        let mut counting = false;
        ui.heading(tr!("app-results-heading"));
        let Some((latest, earlier)) = entries.split_last() else {
            ui.label(RichText::new(tr!("app-results-nothing-yet")).weak());
            return false;
        };
        counting |= entry_ui(ui, latest, earlier, now, local, actions);
        if !earlier.is_empty() {
            ui.separator();
            ui.heading(tr!("app-results-earlier"));
            for (i, entry) in earlier.iter().enumerate().rev() {
                let header = format!(
                    "{} · {} · {}",
                    format_clock(entry.started_at, local),
                    entry.summary.op.api,
                    state_title(&entry.state)
                );
                egui::CollapsingHeader::new(wrapped_header(ui, header))
                    .id_salt(("history", entry.id))
                    .show(ui, |ui| {
                        counting |= entry_ui(ui, entry, &earlier[..i], now, local, actions);
                    });
            }
        }
        counting
    }
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

fn state_title(state: &State) -> String {
    match state {
        State::Waiting { .. } => tr!("app-results-state-waiting"),
        State::Cancelled => tr!("app-results-state-cancelled"),
        State::NotStarted(_) => tr!("app-results-state-not-sent"),
        State::Blocked(_) => tr!("app-results-state-blocked"),
        State::Answered {
            outcome, passwords, ..
        } => words::headline(passwords, &outcome.status),
    }
}

/// One entry in full. `earlier` is the history before it (to find the
/// expiry a previous TcaplusDB change set). Returns true if a countdown is
/// running.
fn entry_ui(
    ui: &mut Ui,
    entry: &Entry,
    earlier: &[Entry],
    now: OffsetDateTime,
    local: UtcOffset,
    actions: &mut Vec<Action>,
) -> bool {
    let s = &entry.summary;
    let mut counting = false;
    ui.label(
        RichText::new(tr!(
            "app-results-operation",
            api = s.op.api,
            provider = words::provider(s.op.provider),
            product = s.op.product
        ))
        .weak(),
    );
    if !s.resources.is_empty() {
        ui.label(RichText::new(s.resource_line()).weak());
    }
    match &entry.state {
        State::Waiting { handed } => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!(if *handed {
                    "app-results-waiting-answer"
                } else {
                    "app-results-preparing"
                }));
            });
        }
        State::Cancelled => {
            ui.label(RichText::new(tr!("app-results-cancelled")).strong());
            ui.label(tr!("app-results-nothing-changed"));
        }
        State::NotStarted(why) => {
            ui.label(
                RichText::new(tr!("app-results-not-sent"))
                    .strong()
                    .color(ui.visuals().error_fg_color),
            );
            ui.label(why.as_str());
            ui.label(tr!("app-results-nothing-changed"));
        }
        State::Blocked(block) => {
            counting |= block_notice(ui, &tr!("app-results-blocked"), block, now, local);
            ui.label(tr!("app-results-nothing-changed"));
        }
        State::Answered {
            outcome,
            at,
            passwords,
            key,
            sent_to,
        } => {
            let color = status_color(ui, &outcome.status);
            let headline = words::headline(passwords, &outcome.status);
            ui.label(RichText::new(headline).heading().color(color));
            counting |= outcome_ui(ui, entry, outcome, earlier, now, local, actions);
            ui.add_space(4.0);
            let keyring = whereabouts_words(passwords, key, sent_to.as_ref());
            ui.add(
                egui::Label::new(tr!("app-results-passwords", keyring = keyring)).selectable(true),
            );
            details_ui(ui, entry, outcome, *at, local);
        }
    }
    counting
}

fn status_color(ui: &Ui, status: &Status) -> Color32 {
    match status {
        Status::Succeeded => Color32::from_rgb(0x2e, 0x9d, 0x4f),
        Status::Unknown
        | Status::Locked { .. }
        | Status::Throttled { .. }
        | Status::OldPasswordStillValid { .. } => ui.visuals().warn_fg_color,
        _ => ui.visuals().error_fg_color,
    }
}

/// The status in words, with its countdown or action.
fn outcome_ui(
    ui: &mut Ui,
    entry: &Entry,
    outcome: &Outcome,
    earlier: &[Entry],
    now: OffsetDateTime,
    local: UtcOffset,
    actions: &mut Vec<Action>,
) -> bool {
    let color = status_color(ui, &outcome.status);
    let mut counting = false;
    match &outcome.status {
        Status::Succeeded => {
            ui.label(&entry.summary.change);
        }
        Status::WrongOldPassword { retries_left } => match retries_left {
            Some(n) => {
                ui.label(RichText::new(tr!("app-results-tries-left", count = *n)).strong());
            }
            None => {
                ui.label(tr!("app-results-check-current"));
            }
        },
        Status::Locked { until } => match until {
            Some(t) => {
                counting |= countdown(
                    ui,
                    *t,
                    now,
                    local,
                    &tr!("app-countdown-locked"),
                    &tr!("app-results-lock-ended"),
                );
            }
            None => {
                ui.label(tr!("app-results-lock-no-end"));
            }
        },
        Status::OldPasswordStillValid { until } => {
            let until = until.or_else(|| previous_expiry(entry, earlier));
            match until {
                Some(t) => {
                    counting |= countdown(
                        ui,
                        t,
                        now,
                        local,
                        &tr!("app-countdown-previous-old-password"),
                        &tr!("app-results-previous-expired"),
                    );
                }
                None => {
                    ui.label(tr!("app-results-no-until"));
                }
            }
            let op = entry.summary.op;
            let has_mode_2 = op
                .old_password_expiry
                .as_ref()
                .is_some_and(|e| e.only_expiry.is_some());
            if has_mode_2
                && ui
                    .button(tr!("app-results-only-expiry"))
                    .on_hover_text(tr!("app-results-only-expiry-hover"))
                    .clicked()
            {
                actions.push(Action::ChangeOnlyExpiry {
                    op,
                    values: entry
                        .summary
                        .resources
                        .iter()
                        .map(|(_, wire, value)| (*wire, value.clone()))
                        .collect(),
                    region: entry.summary.region.clone(),
                });
            }
        }
        Status::Throttled { retry_at } => match retry_at {
            Some(t) => {
                counting |= countdown(
                    ui,
                    *t,
                    now,
                    local,
                    &tr!("app-results-try-again"),
                    &tr!("app-results-may-try-again"),
                );
            }
            None => {
                ui.label(tr!("app-results-wait"));
            }
        },
        Status::Unknown => {
            ui.label(
                RichText::new(tr!("app-results-unknown", store = team::selector()))
                    .strong()
                    .color(color),
            );
        }
        Status::NotSent => {
            ui.label(tr!("app-results-nothing-changed"));
        }
        Status::Auth(_) | Status::Rejected => {
            ui.label(tr!("app-results-not-changed"));
        }
    }
    if let Some(detail) = &outcome.detail {
        ui.label(shown(&words::detail(detail, outcome.http_status)).into_owned());
    }
    if let Some(hint) = outcome.hint {
        ui.label(words::hint(hint));
    }
    counting
}

/// TcaplusDB answers "old password in use" without saying until when; the
/// expiry the last successful change of the same cluster sent says it.
fn previous_expiry(entry: &Entry, earlier: &[Entry]) -> Option<OffsetDateTime> {
    earlier
        .iter()
        .rev()
        .filter(|e| std::ptr::eq(e.summary.op, entry.summary.op))
        .filter(|e| e.summary.resources == entry.summary.resources)
        .find(|e| {
            matches!(&e.state, State::Answered { outcome, .. } if outcome.status == Status::Succeeded)
        })
        .and_then(|e| e.summary.old_password_expires)
}

/// Code, message, request id, HTTP status, time, and where it went.
fn details_ui(ui: &mut Ui, entry: &Entry, outcome: &Outcome, at: OffsetDateTime, local: UtcOffset) {
    // Values from the provider are shown escaped (see `crate::shown`).
    let line = |ui: &mut Ui, id: &str, value: &str| {
        ui.add(egui::Label::new(tr!(id, value = shown(value))).selectable(true));
    };
    if let Some(code) = &outcome.code {
        line(ui, "app-results-code", code);
    }
    if let Some(message) = &outcome.message {
        line(ui, "app-results-message", message);
    }
    if let Some(id) = &outcome.request_id {
        line(ui, "app-results-request-id", id);
    }
    if let Some(status) = outcome.http_status {
        line(ui, "app-results-http-status", &status.to_string());
    }
    line(ui, "app-results-answered-at", &format_time(at, local));
    let s = &entry.summary;
    line(ui, "app-results-account", &s.account);
    if let Some(region) = &s.region {
        line(ui, "app-results-region", region);
    }
    line(ui, "app-results-endpoint", &s.endpoint);
}

/// Where the passwords are now, worded as it is drawn (a language switch
/// rewords it), with the app's remedy for an open change and, for a retry,
/// where it went.
fn whereabouts_words(
    passwords: &Whereabouts,
    key: &ResourceKey,
    sent_to: Option<&(EndpointSource, Endpoint)>,
) -> String {
    let mut text = words::whereabouts(passwords, &words::resource_name(key));
    if passwords.needs_settling() {
        text.push_str(&tr!("app-results-settle-remedy"));
    }
    if let Some((source, endpoint)) = sent_to {
        text.push_str(&format!(" ({})", source.describe(endpoint)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use crate::jobs::{Jobs, system_clock};
    use crate::outcome::AuthProblem;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-03-04 05:06:07 UTC);

    fn summary(op: &str) -> Summary {
        Summary {
            op: find(op).unwrap(),
            account: "profile prod (key AK1)".into(),
            region: Some("cn-north-4".into()),
            endpoint: "https://dcs.cn-north-4.myhuaweicloud.com".into(),
            resources: vec![("Instance ID", "instance_id", "dcs-1".into())],
            change: "Sets a new password.".into(),
            old_password_expires: None,
        }
    }

    /// A panel whose latest entry answered with `outcome`.
    fn panel_with(outcome: Outcome) -> ResultsPanel {
        // Job ids come from a runtime; the panel only compares them.
        let mut jobs = Jobs::new(
            Default::default(),
            None,
            system_clock(),
            std::sync::Arc::new(|| {}),
        )
        .unwrap();
        let id = jobs.read_index();
        let mut panel = ResultsPanel::default();
        panel.started(id, summary("huaweicloud.dcs.update-password"), NOW);
        panel.send_event(
            id,
            Event::Answered {
                outcome: Box::new(outcome),
                at: NOW,
                passwords: Whereabouts::Promoted,
                key: ResourceKey::parse("huaweicloud.dcs.update-password/cn-north-4/i-1").unwrap(),
                sent_to: None,
            },
        );
        panel
    }

    /// Draws `panel` at `now` and returns the harness and whether a
    /// countdown ran.
    fn draw(
        panel: ResultsPanel,
        now: OffsetDateTime,
    ) -> Harness<'static, (ResultsPanel, bool, Vec<Action>)> {
        let mut harness = Harness::new_ui_state(
            move |ui, (panel, counting, actions)| {
                *counting = panel.ui(ui, now, UtcOffset::UTC, actions);
            },
            (panel, false, Vec::new()),
        );
        harness.run();
        harness
    }

    #[test]
    fn a_rejection_shows_code_message_hint_and_request_id() {
        let mut o =
            Outcome::new(Status::Rejected).with_hint(crate::outcome::Hint::UCLOUD_REGION_OR_GROUP);
        o.code = Some("DCS.3022".into());
        o.message = Some("The instance does not exist.".into());
        o.request_id = Some("req-42".into());
        o.http_status = Some(400);
        let h = draw(panel_with(o), NOW);
        for text in [
            "Rejected by the provider",
            "The password was not changed.",
            "Check the region: UCloud does not know it or the group is not there.",
            "Code: DCS.3022",
            "Message: The instance does not exist.",
            "Request ID: req-42",
            "HTTP status: 400",
            "Answered at: 2026-03-04 05:06:07 UTC",
            "Account: profile prod (key AK1)",
        ] {
            assert!(h.query_by_label(text).is_some(), "{text}");
        }
        assert!(!h.state().1, "nothing counts down");
    }

    #[test]
    fn a_provider_message_cannot_forge_a_line() {
        let mut o = Outcome::new(Status::Rejected);
        o.message = Some("no\u{1b}]0;pwned\u{7}\nPassword changed".into());
        let h = draw(panel_with(o), NOW);
        assert!(
            h.query_by_label("Message: no\\u{1b}]0;pwned\\u{7}\\nPassword changed")
                .is_some()
        );
        assert!(h.query_by_label("Password changed").is_none());
    }

    #[test]
    fn throttling_counts_down_to_when_to_retry() {
        let o = Outcome::new(Status::Throttled {
            retry_at: Some(NOW + time::Duration::seconds(30)),
        });
        let h = draw(panel_with(o), NOW);
        assert!(h.query_by_label("Too many requests").is_some());
        assert!(h.query_by_label("Try again in 30 s").is_some());
        assert!(h.state().1, "a countdown is running");
        let o = Outcome::new(Status::Throttled {
            retry_at: Some(NOW + time::Duration::seconds(30)),
        });
        let h = draw(panel_with(o), NOW + time::Duration::seconds(31));
        assert!(h.query_by_label("You may try again now.").is_some());
        assert!(!h.state().1);
    }

    #[test]
    fn auth_and_not_sent_say_nothing_changed() {
        let o = Outcome::new(Status::Auth(AuthProblem::ClockSkew))
            .with_hint(AuthProblem::ClockSkew.hint());
        let h = draw(panel_with(o), NOW);
        assert!(
            h.query_by_label("The provider did not accept the access key")
                .is_some()
        );
        assert!(
            h.query_by_label(
                "This computer's clock is too far from the provider's. Turn on automatic time (NTP) and try again."
            )
            .is_some()
        );
        let h = draw(panel_with(Outcome::new(Status::NotSent)), NOW);
        assert!(
            h.query_by_label("Nothing was sent; nothing changed.")
                .is_some()
        );
    }

    #[test]
    fn old_password_still_valid_counts_down_to_the_expiry_sent_before() {
        let mut jobs = Jobs::new(
            Default::default(),
            None,
            system_clock(),
            std::sync::Arc::new(|| {}),
        )
        .unwrap();
        let op = "tencentcloud.tcaplusdb.modify-cluster-password";
        let mut panel = ResultsPanel::default();
        let first = jobs.read_index();
        let mut s = summary(op);
        s.old_password_expires = Some(NOW + time::Duration::hours(2));
        panel.started(first, s, NOW);
        panel.send_event(
            first,
            Event::Answered {
                outcome: Box::new(Outcome::new(Status::Succeeded)),
                at: NOW,
                passwords: Whereabouts::Promoted,
                key: ResourceKey::parse(
                    "tencentcloud.tcaplusdb.modify-cluster-password/ap-guangzhou/1",
                )
                .unwrap(),
                sent_to: None,
            },
        );
        let second = jobs.read_index();
        panel.started(second, summary(op), NOW);
        panel.send_event(
            second,
            Event::Answered {
                outcome: Box::new(Outcome::new(Status::OldPasswordStillValid { until: None })),
                at: NOW,
                passwords: Whereabouts::Discarded,
                key: ResourceKey::parse(
                    "tencentcloud.tcaplusdb.modify-cluster-password/ap-guangzhou/1",
                )
                .unwrap(),
                sent_to: None,
            },
        );
        let mut h = draw(panel, NOW + time::Duration::minutes(30));
        assert!(
            h.query_by_label("The previous old password stops working in 1 h 30 min")
                .is_some()
        );
        h.get_by_label("Change only the expiry (Mode 2)").click();
        h.run();
        assert!(matches!(
            h.state().2.as_slice(),
            [Action::ChangeOnlyExpiry { values, region: Some(r), .. }]
                if values == &[("instance_id", "dcs-1".to_owned())] && r == "cn-north-4"
        ));
    }
}
