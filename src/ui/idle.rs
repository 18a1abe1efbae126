//! Forgetting typed secrets when nobody is at the window: after a time
//! without input (a setting, five minutes unless changed) and when the
//! screen locks (`jobs::Jobs::watch_screen_lock`).
//!
//! [`IdleGuard`] keeps the time of the last input and the setting; the app
//! asks it each frame whether the secrets it holds are due to go, and it
//! asks for one repaint when they will be, so an idle window still costs
//! nothing until then. What is forgotten, and the word each panel leaves,
//! is the app's (`KeyturnApp::forget_typed_secrets`).

use egui::{self, Ui};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::tr;

/// How long typed secrets may sit without input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdleSettings {
    pub forget_after_mins: u32,
}

impl IdleSettings {
    pub const MIN_MINS: u32 = 1;
    pub const MAX_MINS: u32 = 120;
}

impl Default for IdleSettings {
    fn default() -> Self {
        IdleSettings {
            forget_after_mins: 5,
        }
    }
}

/// Why typed secrets were forgotten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forgotten {
    /// No input for this many minutes.
    Idle { minutes: u32 },
    /// The desktop locked the screen.
    ScreenLocked,
}

impl Forgotten {
    /// The notice a form leaves where its secrets were.
    pub fn words(self) -> String {
        match self {
            Forgotten::Idle { minutes } => {
                tr!("form-secrets-forgotten-idle", minutes = minutes)
            }
            Forgotten::ScreenLocked => tr!("form-secrets-forgotten-lock"),
        }
    }
}

/// What the guard decided this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Forget now.
    Now(Forgotten),
    /// Look again after this long (secrets are held).
    After(std::time::Duration),
    /// Nothing held: nothing to wait for.
    Nothing,
}

/// The last input's time and the setting.
#[derive(Debug)]
pub struct IdleGuard {
    pub settings: IdleSettings,
    last_input: OffsetDateTime,
}

impl IdleGuard {
    pub fn new(settings: IdleSettings, now: OffsetDateTime) -> Self {
        let forget_after_mins = settings
            .forget_after_mins
            .clamp(IdleSettings::MIN_MINS, IdleSettings::MAX_MINS);
        IdleGuard {
            settings: IdleSettings { forget_after_mins },
            last_input: now,
        }
    }

    /// Notes this frame's input, if the user did anything (a key, a click,
    /// the pointer moving, a scroll).
    pub fn saw_input(&mut self, input: &egui::InputState, now: OffsetDateTime) {
        let active = input.pointer.is_moving()
            || input.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Key { .. }
                        | egui::Event::Text(_)
                        | egui::Event::Paste(_)
                        | egui::Event::Copy
                        | egui::Event::Cut
                        | egui::Event::PointerButton { .. }
                        | egui::Event::MouseWheel { .. }
                        | egui::Event::Touch { .. }
                        | egui::Event::Ime(_)
                )
            });
        if active {
            self.last_input = now;
        }
    }

    /// Whether secrets (`holding` says whether any are) are due to go.
    pub fn due(&self, now: OffsetDateTime, holding: bool) -> Due {
        if !holding {
            return Due::Nothing;
        }
        let minutes = self.settings.forget_after_mins;
        let left = self.last_input + Duration::minutes(i64::from(minutes)) - now;
        if left <= Duration::ZERO {
            Due::Now(Forgotten::Idle { minutes })
        } else {
            Due::After(left.unsigned_abs())
        }
    }

    /// The setting, beside the clipboard's.
    pub fn settings_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let label = ui.label(tr!("app-idle-forget-after"));
            ui.add(
                egui::DragValue::new(&mut self.settings.forget_after_mins)
                    .range(IdleSettings::MIN_MINS..=IdleSettings::MAX_MINS)
                    .suffix(tr!("app-idle-minutes")),
            )
            .labelled_by(label.id);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_due_after_the_setting_without_input() {
        let start = OffsetDateTime::UNIX_EPOCH;
        let guard = IdleGuard::new(
            IdleSettings {
                forget_after_mins: 3,
            },
            start,
        );
        assert_eq!(guard.due(start, false), Due::Nothing);
        assert_eq!(
            guard.due(start + Duration::minutes(1), true),
            Due::After(std::time::Duration::from_secs(120))
        );
        assert_eq!(
            guard.due(start + Duration::minutes(3), true),
            Due::Now(Forgotten::Idle { minutes: 3 })
        );
    }

    #[test]
    fn a_setting_out_of_range_is_brought_into_it() {
        let start = OffsetDateTime::UNIX_EPOCH;
        let zero = IdleGuard::new(
            IdleSettings {
                forget_after_mins: 0,
            },
            start,
        );
        assert_eq!(zero.settings.forget_after_mins, IdleSettings::MIN_MINS);
        let huge = IdleGuard::new(
            IdleSettings {
                forget_after_mins: 10_000,
            },
            start,
        );
        assert_eq!(huge.settings.forget_after_mins, IdleSettings::MAX_MINS);
    }
}
