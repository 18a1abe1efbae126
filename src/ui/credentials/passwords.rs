//! The stored resource passwords: each resource by its human name (the
//! key's text form on hover), the profile it was changed with, when it was
//! last rotated, and its slots with Reveal and Copy.

use eframe::egui::{self, RichText, Ui};
use time::UtcOffset;

use crate::ui::format_time;
use crate::ui::widgets::notices_ui;
use crate::vault::{Index, ResourceKey, Slot};

use super::secrets::{revealed_ui, secret_buttons};
use super::{CredentialsPanel, Place, Purpose, Request, Target};

impl CredentialsPanel {
    pub(super) fn passwords_ui(
        &mut self,
        ui: &mut Ui,
        index: &Index,
        local: UtcOffset,
        ask: &mut impl FnMut(Request, Purpose),
    ) {
        if index.resources.is_empty() {
            ui.label(RichText::new("None yet: a password change keeps its passwords here.").weak());
        }
        for r in &index.resources {
            ui.add_space(4.0);
            let what = ResourceKey::parse(&r.key).map_or_else(|| r.key.clone(), |k| k.human_name());
            ui.add(egui::Label::new(RichText::new(what).strong()).wrap())
                .on_hover_text(&r.key);
            let mut line = Vec::new();
            if let Some(p) = &r.profile {
                line.push(format!("profile {p}"));
            }
            line.push(match r.last_rotated_at {
                Some(t) => format!("last rotated {}", format_time(t, local)),
                None => "never rotated by Keyturn".to_owned(),
            });
            ui.label(RichText::new(line.join(" · ")).weak());
            for slot in Slot::ALL {
                let Some(info) = r.slots.get(slot.key()) else {
                    continue;
                };
                let target = Target::Password(r.key.clone(), slot);
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!(
                        "{}: set {}",
                        slot.key(),
                        format_time(info.set_at, local)
                    ));
                    secret_buttons(ui, &target, &mut self.revealed, ask);
                });
                revealed_ui(ui, &target, &self.revealed);
            }
            if let Some(notices) = self.notices.get_mut(&Place::Password(r.key.clone())) {
                notices_ui(ui, notices);
            }
        }
    }
}
