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
//! send starts. One result is drawn by `outcome.rs`, the ones before the
//! latest listed by `earlier.rs`.

mod earlier;
mod outcome;

use egui::{RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::jobs::{Event, JobId, JournalView};
use crate::tr;
use crate::ui::remedy::Failure;
use crate::ui::widgets::keep_focus_in_view;
use crate::ui::{Action, Summary};

use earlier::earlier_ui;
use outcome::{Entry, State, Test, entry_ui};

/// The results panel's state: every send of this session, oldest first.
#[derive(Debug, Default)]
pub struct ResultsPanel {
    entries: Vec<Entry>,
    /// Test each new password once the provider confirms its change (a
    /// setting, remembered between runs).
    pub test_every_change: bool,
}

impl ResultsPanel {
    /// An empty panel, testing each new password if `test_every_change`.
    pub fn new(test_every_change: bool) -> Self {
        ResultsPanel {
            entries: Vec::new(),
            test_every_change,
        }
    }

    /// A send started; its result will land in this entry.
    pub fn started(&mut self, id: JobId, summary: Summary, now: OffsetDateTime) {
        self.entries.push(Entry {
            id,
            summary,
            started_at: now,
            state: State::Waiting { handed: false },
            test: None,
        });
    }

    /// A test of `key`'s new password started as job `id`: it shows under
    /// the newest answered send of that resource.
    pub fn test_started(&mut self, id: JobId, key: crate::vault::ResourceKey) {
        if let Some(entry) = self
            .entries
            .iter_mut()
            .rev()
            .find(|e| matches!(&e.state, State::Answered { key: k, .. } if *k == key))
        {
            entry.test = Some(Test::Testing(id));
        }
    }

    /// Whether job `id` tests a new password shown here.
    pub fn tests(&self, id: JobId) -> bool {
        self.entries
            .iter()
            .any(|e| matches!(e.test, Some(Test::Testing(t)) if t == id))
    }

    /// What a test of a new password found.
    pub fn tested(&mut self, id: JobId, result: Result<Box<crate::jobs::Proven>, Failure>) {
        if let Some(entry) = self
            .entries
            .iter_mut()
            .find(|e| matches!(e.test, Some(Test::Testing(t)) if t == id))
        {
            entry.test = Some(Test::Found(result));
        }
    }

    /// A send job's report.
    pub fn send_event(&mut self, id: JobId, event: Event) {
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) else {
            return;
        };
        entry.state = match event {
            Event::Handed => State::Waiting { handed: true },
            Event::Following { task, .. } => State::Finishing { task },
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
                settled_since: None,
            },
            Event::Blocked { block, .. } => State::Blocked(block),
            Event::Cancelled => State::Cancelled,
            Event::NotStarted(why) => State::NotStarted(Failure::from(why)),
            _ => return,
        };
    }

    /// The journal was read: a change shown as left open that has been
    /// settled since says so, instead of asking to be settled.
    pub fn journal_read(&mut self, view: &JournalView) {
        for entry in &mut self.entries {
            let State::Answered {
                at,
                passwords,
                key,
                settled_since,
                ..
            } = &mut entry.state
            else {
                continue;
            };
            if !passwords.needs_settling() || settled_since.is_some() {
                continue;
            }
            // The attempt this send made: the newest of the resource's
            // that started before its answer.
            let attempt = view
                .attempts
                .iter()
                .rev()
                .find(|a| &a.info.resource == key && a.started <= *at);
            if let Some((_, how)) = attempt.and_then(|a| a.settled.as_ref()) {
                *settled_since = Some(how.clone());
            }
        }
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
            .show(ui, |ui| {
                let counting = self.contents(ui, now, local, actions);
                keep_focus_in_view(ui);
                counting
            })
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
        let Self {
            entries,
            test_every_change,
        } = self;
        let mut counting = false;
        ui.heading(tr!("app-results-heading"));
        match entries.split_last() {
            None => {
                ui.label(RichText::new(tr!("app-results-nothing-yet")).weak());
            }
            Some((latest, earlier)) => {
                counting |= entry_ui(ui, latest, earlier, now, local, actions);
                if !earlier.is_empty() {
                    counting |= earlier_ui(ui, earlier, now, local, actions);
                }
            }
        }
        // The setting, under the results.
        ui.add_space(8.0);
        ui.checkbox(test_every_change, tr!("app-results-test-every-change"))
            .on_hover_text(tr!("app-credentials-test-hover"));
        counting
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use crate::jobs::{Jobs, system_clock};
    use crate::outcome::{AuthProblem, Outcome, Status};
    use crate::rotation::Whereabouts;
    use crate::vault::ResourceKey;
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

    /// Jobs that only hand out ids: the panel only compares them.
    fn idle_jobs() -> Jobs {
        Jobs::new(
            Default::default(),
            None,
            system_clock(),
            std::sync::Arc::new(|| {}),
        )
        .unwrap()
    }

    /// A panel whose latest entry answered with `outcome`.
    fn panel_with(outcome: Outcome) -> ResultsPanel {
        // Job ids come from a runtime; the panel only compares them.
        let mut jobs = idle_jobs();
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
        let mut jobs = idle_jobs();
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
