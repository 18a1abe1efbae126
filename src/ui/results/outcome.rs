//! One send of this session and what came of it, drawn in full: the
//! status in words with its countdown or action, the provider's details,
//! and where the passwords are now.

use egui::{Color32, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::endpoint::Endpoint;
use crate::jobs::{JobId, Proven};
use crate::journal::{Recorded, Settlement};
use crate::outcome::{Outcome, Status};
use crate::rotation::{EndpointSource, Whereabouts};
use crate::shown::shown;
use crate::tr;
use crate::ui::remedy::Failure;
use crate::ui::widgets::{block_notice, countdown};
use crate::ui::{Action, Summary, format_time};
use crate::vault::ProofRecord;
use crate::vault::{ResourceKey, team};
use crate::words;

/// One send of this session.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) id: JobId,
    pub(super) summary: Summary,
    pub(super) started_at: OffsetDateTime,
    pub(super) state: State,
    /// A test of the new password after a confirmed change: under way,
    /// or what it found.
    pub(super) test: Option<Test>,
}

/// *Test the new password*: the job, or what it found.
#[derive(Debug)]
pub(super) enum Test {
    Testing(JobId),
    Found(Result<Box<Proven>, Failure>),
}

/// Where a send stands, or what came of it.
#[derive(Debug)]
pub(super) enum State {
    Waiting {
        handed: bool,
    },
    /// The provider accepted the change as a task, which is being followed.
    Finishing {
        task: crate::outcome::TaskId,
    },
    Cancelled,
    /// Why it could not be sent, worded when drawn.
    NotStarted(Failure),
    Blocked(crate::rotation::Block),
    Answered {
        outcome: Box<Outcome>,
        at: OffsetDateTime,
        /// Where the passwords are now, of which resource.
        passwords: Whereabouts,
        key: ResourceKey,
        sent_to: Option<(EndpointSource, Endpoint)>,
        /// A change left open has been settled since (at the top of the
        /// window, by another window or at the command line): how, as the
        /// journal says.
        settled_since: Option<Recorded<Settlement>>,
    },
}

/// One entry in full. `earlier` is the history before it (to find the
/// expiry a previous TcaplusDB change set). Returns true if a countdown is
/// running.
pub(super) fn entry_ui(
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
        State::Finishing { task } => {
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                ui.label(tr!(
                    "app-results-task-running",
                    task = shown(&task.text()).into_owned()
                ));
            });
        }
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
            ui.label(why.words());
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
            settled_since,
        } => {
            let color = status_color(ui, &outcome.status);
            let headline = words::headline(passwords, &outcome.status);
            ui.label(RichText::new(headline).heading().color(color));
            counting |= outcome_ui(ui, entry, outcome, earlier, now, local, actions);
            ui.add_space(4.0);
            let keyring = match settled_since {
                Some(how) => settled_words(how),
                None => whereabouts_words(passwords, key, sent_to.as_ref()),
            };
            ui.add(
                egui::Label::new(tr!("app-results-passwords", keyring = keyring)).selectable(true),
            );
            if outcome.status == Status::Succeeded && !passwords.needs_settling() {
                test_ui(ui, entry, key, actions);
            }
            details_ui(ui, entry, outcome, *at, local);
        }
    }
    counting
}

/// *Test the new password* after a confirmed change, and what it found:
/// a failure is said loudly.
fn test_ui(ui: &mut Ui, entry: &Entry, key: &ResourceKey, actions: &mut Vec<Action>) {
    match &entry.test {
        Some(Test::Testing(_)) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("app-results-test-new"));
            });
        }
        Some(Test::Found(Ok(p))) if p.proof.opened() => {
            let record = ProofRecord {
                at: p.at,
                proof: p.proof.clone(),
            };
            ui.label(
                RichText::new(format!("✔ {}", words::proven(&record)))
                    .color(Color32::from_rgb(0x2e, 0x9d, 0x4f)),
            );
        }
        found => {
            match found {
                Some(Test::Found(Ok(p))) => {
                    ui.label(
                        RichText::new(tr!(
                            "change-test-failed",
                            found = words::proof(&p.proof),
                            key = key.to_string()
                        ))
                        .strong()
                        .color(ui.visuals().error_fg_color),
                    );
                }
                Some(Test::Found(Err(e))) => {
                    ui.label(RichText::new(e.words()).color(ui.visuals().error_fg_color));
                }
                _ => {}
            }
            let button = ui.button(tr!("app-results-test-new"));
            let name = tr!(
                "app-results-test-new-name",
                what = words::resource_name(key)
            );
            button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name.as_str())
            });
            if button.clicked() {
                actions.push(Action::TestNew(key.clone()));
            }
        }
    }
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
        // Settled since, the "Passwords" line says how.
        Status::Unknown if settled(entry) => {}
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
        Status::Accepted { task } => {
            ui.label(tr!(
                "app-results-task-running",
                task = shown(&task.text()).into_owned()
            ));
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
    // The task the provider finished the change as, to look up in its
    // console or ask about.
    if let Some(task) = &outcome.task {
        line(ui, "app-results-task-id", &task.text());
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

/// Whether the change `entry` left open has been settled since.
fn settled(entry: &Entry) -> bool {
    matches!(
        &entry.state,
        State::Answered {
            settled_since: Some(_),
            ..
        }
    )
}

/// How a change this panel showed as open was settled since.
fn settled_words(how: &Recorded<Settlement>) -> String {
    match how {
        Recorded::Known(Settlement::KeptAsCurrent) => tr!("app-results-settled-kept"),
        Recorded::Known(Settlement::Discarded) => tr!("app-results-settled-discarded"),
        Recorded::Known(Settlement::Retried) => tr!("app-results-settled-retried"),
        other => tr!("app-results-settled-other", how = words::settlement(other)),
    }
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
