//! Whether the chosen profile's key is in the keyring (or the team
//! store): the look-up under way and the last answer, each for the
//! profile it is about, shown under the key choice.

use egui::{RichText, Ui};

use crate::jobs::JobId;
use crate::tr;
use crate::ui::remedy::Failure;
use crate::vault::team;

/// The look-up of a profile's key.
#[derive(Debug, Default)]
pub(super) struct KeyCheck {
    /// The look-up under way, and for which profile.
    waiting: Option<(JobId, String)>,
    /// The last answer, and for which profile.
    answer: Option<(String, Result<(), Failure>)>,
}

impl KeyCheck {
    /// Another key was chosen: what was asked or known no longer applies.
    pub(super) fn forget(&mut self) {
        *self = KeyCheck::default();
    }

    /// The look-up of `profile`'s key started as job `id`.
    pub(super) fn started(&mut self, id: JobId, profile: String) {
        self.waiting = Some((id, profile));
    }

    /// Whether the look-up awaited is job `id`.
    pub(super) fn waits_for(&self, id: JobId) -> bool {
        self.waiting
            .as_ref()
            .is_some_and(|(pending, _)| *pending == id)
    }

    /// A look-up finished: taken if it is the one awaited.
    pub(super) fn answered(&mut self, id: JobId, result: Result<(), Failure>) {
        if self.waits_for(id)
            && let Some((_, profile)) = self.waiting.take()
        {
            self.answer = Some((profile, result));
        }
    }

    /// Looking, found, or why not, for `profile`; an empty label when
    /// nothing is known of it.
    pub(super) fn ui(&self, ui: &mut Ui, profile: &str) {
        match (&self.waiting, &self.answer) {
            (Some(_), _) => {
                ui.label(RichText::new(tr!("form-key-looking", store = team::selector())).weak());
            }
            (None, Some((p, Ok(())))) if p == profile => {
                ui.label(RichText::new(tr!("form-key-found", store = team::selector())).weak());
            }
            (None, Some((p, Err(e)))) if p == profile => {
                ui.label(
                    RichText::new(format!("✘ {}", e.words())).color(ui.visuals().error_fg_color),
                );
            }
            _ => {
                ui.label("");
            }
        }
    }
}
