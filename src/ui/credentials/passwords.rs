//! The stored resource passwords: each resource by its human name (the
//! key's text form on hover), the profile it was changed with, when it was
//! last rotated, and its slots with Reveal and Copy.

use eframe::egui::{self, RichText, Ui};
use time::UtcOffset;

use crate::tr;
use crate::ui::format_time;
use crate::ui::history::resource_name_of;
use crate::ui::widgets::notices_ui;
use crate::vault::{Index, Slot};

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
            ui.label(RichText::new(tr!("app-credentials-passwords-none")).weak());
        }
        for r in &index.resources {
            ui.add_space(4.0);
            let what = resource_name_of(&r.key);
            ui.add(egui::Label::new(RichText::new(what).strong()).wrap())
                .on_hover_text(&r.key);
            let mut line = Vec::new();
            if let Some(p) = &r.profile {
                line.push(tr!("app-profile-named", name = p.as_str()));
            }
            line.push(match r.last_rotated_at {
                Some(t) => tr!("app-credentials-last-rotated", time = format_time(t, local)),
                None => tr!("app-credentials-never-rotated"),
            });
            ui.label(RichText::new(line.join(" · ")).weak());
            for slot in Slot::ALL {
                let Some(info) = r.slots.get(slot.key()) else {
                    continue;
                };
                let target = Target::Password(r.key.clone(), slot);
                ui.horizontal_wrapped(|ui| {
                    let slot_name = tr!(match slot {
                        Slot::Current => "app-credentials-slot-current",
                        Slot::Previous => "app-credentials-slot-previous",
                        Slot::Pending => "app-credentials-slot-pending",
                    });
                    ui.label(tr!(
                        "app-credentials-slot-set",
                        slot = slot_name,
                        time = format_time(info.set_at, local)
                    ));
                    secret_buttons(ui, &target, &mut self.revealed, ask);
                });
                revealed_ui(ui, &target, &mut self.revealed);
            }
            if let Some(notices) = self.notices.get_mut(&Place::Password(r.key.clone())) {
                notices_ui(ui, notices);
            }
        }
    }
}
