//! The stored resource passwords, as a table like the profiles': each
//! resource by its human name (the key's text form on hover), the profile
//! it was changed with, the current password's age, when each slot was
//! set, when it was last rotated, and, for a call that keeps the old
//! password working for a while (TcaplusDB), until when it does. Sorted
//! oldest first, so the passwords most due for a change lead; a click on
//! the age column's header turns the order round. The selected resource's
//! slots, with Reveal and Copy, show under the table.

use std::collections::HashMap;

use eframe::egui::{self, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::jobs::JournalView;
use crate::tr;
use crate::ui::format_time;
use crate::ui::history::resource_name_of;
use crate::ui::widgets::Table;
use crate::ui::widgets::notices_ui;
use crate::vault::{Index, ResourceRecord, Slot};

use super::cells::{date_cell, text_cell};
use super::secrets::{revealed_ui, secret_buttons};
use super::{CredentialsPanel, Place, Purpose, Request, Target};

/// How the passwords table is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum PasswordOrder {
    /// The oldest current password first (and none set at all before it).
    #[default]
    OldestFirst,
    NewestFirst,
}

/// What the journal says of each resource that the index does not: until
/// when its previous (old) password keeps working, by resource key.
#[derive(Debug, Default)]
pub(super) struct OldPasswordExpiries(HashMap<String, OffsetDateTime>);

impl OldPasswordExpiries {
    /// The last answer of each resource that said how long its old
    /// password stays valid.
    pub(super) fn from_journal(view: &JournalView) -> Self {
        let mut by_key = HashMap::new();
        for attempt in &view.attempts {
            if let Some(until) = attempt
                .outcome
                .as_ref()
                .and_then(|(_, o)| o.old_password_valid_until)
            {
                by_key.insert(attempt.info.resource.to_string(), until);
            }
        }
        OldPasswordExpiries(by_key)
    }
}

/// When the resource's current password was set, if it has one.
fn current_set_at(r: &ResourceRecord) -> Option<OffsetDateTime> {
    r.slots.get(Slot::Current.key()).map(|s| s.set_at)
}

impl CredentialsPanel {
    pub(super) fn passwords_ui(
        &mut self,
        ui: &mut Ui,
        index: &Index,
        now: OffsetDateTime,
        local: UtcOffset,
        ask: &mut impl FnMut(Request, Purpose),
    ) {
        if index.resources.is_empty() {
            ui.label(RichText::new(tr!("app-credentials-passwords-none")).weak());
            return;
        }
        if self
            .selected_password
            .as_ref()
            .is_some_and(|s| !index.resources.iter().any(|r| &r.key == s))
        {
            self.selected_password = None;
        }
        if index.resources.len() == 1 {
            self.selected_password = Some(index.resources[0].key.clone());
        }
        let mut resources: Vec<&ResourceRecord> = index.resources.iter().collect();
        // Oldest first: a resource with no current password sorts as the
        // oldest of all (it has never been set by Keyturn).
        resources.sort_by_key(|r| current_set_at(r));
        if self.password_order == PasswordOrder::NewestFirst {
            resources.reverse();
        }
        let never = tr!("app-credentials-never");
        let none = "—";
        let age_title = tr!(match self.password_order {
            PasswordOrder::OldestFirst => "app-credentials-column-password-age-oldest",
            PasswordOrder::NewestFirst => "app-credentials-column-password-age-newest",
        });
        let mut clicked = None;
        let mut turn_order = false;
        Table::new(
            "passwords_table",
            &tr!("app-credentials-passwords-table"),
            &[240.0, 110.0, 110.0, 86.0, 86.0, 86.0, 86.0, 150.0],
        )
        .show(
            ui,
            |header| {
                header.cell(&tr!("app-credentials-column-resource"), |ui| {
                    ui.strong(tr!("app-credentials-column-resource"))
                });
                header.cell(&tr!("app-credentials-column-profile"), |ui| {
                    ui.strong(tr!("app-credentials-column-profile"))
                });
                header.cell(&age_title, |ui| {
                    turn_order = ui
                        .button(RichText::new(age_title.as_str()).strong())
                        .on_hover_text(tr!("app-credentials-sort-hover"))
                        .clicked();
                });
                for id in [
                    "app-credentials-column-current",
                    "app-credentials-column-previous",
                    "app-credentials-column-pending",
                    "app-credentials-column-rotated",
                    "app-credentials-column-old-valid",
                ] {
                    let title = tr!(id);
                    header.cell(&title, |ui| ui.strong(title.as_str()));
                }
            },
            |body| {
                for r in &resources {
                    let selected = self.selected_password.as_ref() == Some(&r.key);
                    let row_clicked = body.row(selected, |row| {
                        let name = resource_name_of(&r.key);
                        row.cell(&name, |ui| {
                            let button = ui
                                .add(
                                    egui::Button::selectable(
                                        selected,
                                        RichText::new(name.as_str()).strong(),
                                    )
                                    .truncate(),
                                )
                                .on_hover_text(&r.key);
                            if button.clicked() {
                                clicked = Some(r.key.clone());
                            }
                        });
                        text_cell(row, r.profile.as_deref().unwrap_or(none), None);
                        let age = current_set_at(r).map_or_else(
                            || none.to_owned(),
                            |t| {
                                tr!(
                                    "app-credentials-age-days",
                                    days = (now - t).whole_days().max(0)
                                )
                            },
                        );
                        text_cell(row, &age, None);
                        for slot in Slot::ALL {
                            let set = r.slots.get(slot.key()).map(|s| s.set_at);
                            date_cell(row, set, local, none);
                        }
                        date_cell(row, r.last_rotated_at, local, &never);
                        match self.old_expiries.0.get(&r.key).filter(|t| **t > now) {
                            Some(t) => text_cell(
                                row,
                                &format_time(*t, local),
                                Some(&tr!("app-credentials-old-valid-hover")),
                            ),
                            None => text_cell(row, none, None),
                        }
                    });
                    if row_clicked {
                        clicked = Some(r.key.clone());
                    }
                }
            },
        );
        if turn_order {
            self.password_order = match self.password_order {
                PasswordOrder::OldestFirst => PasswordOrder::NewestFirst,
                PasswordOrder::NewestFirst => PasswordOrder::OldestFirst,
            };
        }
        if let Some(key) = clicked {
            self.selected_password = Some(key);
        }
        let Some(r) = self
            .selected_password
            .as_ref()
            .and_then(|s| index.resources.iter().find(|r| &r.key == s))
        else {
            ui.label(RichText::new(tr!("app-credentials-select-password-hint")).weak());
            return;
        };
        ui.add_space(6.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            self.password_details_ui(ui, r, local, ask);
        });
    }

    /// The selected resource: its slots with Reveal and Copy, and the
    /// messages left here.
    fn password_details_ui(
        &mut self,
        ui: &mut Ui,
        r: &ResourceRecord,
        local: UtcOffset,
        ask: &mut impl FnMut(Request, Purpose),
    ) {
        ui.add(egui::Label::new(RichText::new(resource_name_of(&r.key)).strong()).wrap())
            .on_hover_text(&r.key);
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
                // In the slot's own row: revealing one slot does not push
                // the next slot's buttons from under the pointer.
                revealed_ui(ui, &target, &mut self.revealed);
            });
        }
        if let Some(notices) = self.notices.get_mut(&Place::Password(r.key.clone())) {
            notices_ui(ui, notices);
        }
    }
}
