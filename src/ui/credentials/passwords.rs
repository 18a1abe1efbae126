//! The stored resource passwords, as a table like the profiles': each
//! resource by its human name (the key's text form on hover), the profile
//! it was changed with, the current password's age, when each slot was
//! set, when it was last rotated, and, for a call that keeps the old
//! password working for a while (TcaplusDB), until when it does. Sorted
//! oldest first, so the passwords most due for a change lead; a click on
//! the age column's header turns the order round; and when its current
//! password was last proven by a login. The selected resource's slots,
//! with Reveal, Copy and *Test* (one login with that password; when each
//! was last proven shows beside it), and where its service listens
//! (*Connection…* edits it), show under the table.

use std::collections::HashMap;

use egui::{self, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::{Login, NoLogin};
use crate::jobs::JournalView;
use crate::shown::shown;
use crate::tr;
use crate::ui::format_time;
use crate::ui::history::resource_name_of;
use crate::ui::widgets::Table;
use crate::ui::widgets::notices_ui;
use crate::vault::{Index, ResourceKey, ResourceRecord, Slot};
use crate::words;

use super::cells::{date_cell, text_cell};
use super::connection::ConnectionForm;
use super::secrets::{button, revealed_ui, secret_buttons};
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
            &[240.0, 110.0, 110.0, 86.0, 86.0, 86.0, 86.0, 150.0, 170.0],
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
                    "app-credentials-column-proven",
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
                        match r.proven.get(Slot::Current.key()) {
                            Some(record) => {
                                let mark = if record.proof.opened() { "✔" } else { "✘" };
                                text_cell(row, &format!("{mark} {}", words::proven(record)), None);
                            }
                            None => text_cell(row, &never, None),
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
        let op = ResourceKey::parse(&r.key).and_then(|k| k.operation());
        let login = op.map_or(Login::NotAvailable(NoLogin::NoPublicProtocol), |o| o.login);
        let why_not = match (login, &r.connection) {
            (Login::NotAvailable(why), _) => Some(words::no_login(why)),
            (_, None) => Some(tr!("prove-no-connection")),
            _ => None,
        };
        // Where its service listens (or why no test is offered).
        ui.horizontal_wrapped(|ui| {
            if let Some(c) = &r.connection {
                ui.label(
                    RichText::new(tr!(
                        "password-connection",
                        address = shown(&c.address_text()),
                        tls = if c.tls { "yes" } else { "no" }
                    ))
                    .weak(),
                );
            }
            // No connection yet: Test says why on hover.
            if let (Login::NotAvailable(_), Some(why)) = (login, &why_not) {
                ui.label(RichText::new(why).weak());
            }
        });
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
                let purpose = Purpose::Test(r.key.clone(), slot);
                let testing = self.waiting.values().any(|w| *w == purpose);
                ui.add_enabled_ui(why_not.is_none() && !testing, |ui| {
                    if button(
                        ui,
                        &tr!("app-credentials-test"),
                        &tr!("app-credentials-test-name", what = target.words()),
                    )
                    .on_hover_text(tr!("app-credentials-test-hover"))
                    .on_disabled_hover_text(why_not.as_deref().unwrap_or_default())
                    .clicked()
                    {
                        ask(Request::Test(r.key.clone(), slot), purpose.clone());
                    }
                });
                if testing {
                    ui.spinner();
                }
                if let Some(record) = r.proven.get(slot.key()) {
                    let text = words::proven(record);
                    let text = if record.proof.opened() {
                        RichText::new(format!("✔ {text}"))
                    } else {
                        RichText::new(format!("✘ {text}")).color(ui.visuals().warn_fg_color)
                    };
                    ui.label(text);
                }
                // In the slot's own row: revealing one slot does not push
                // the next slot's buttons from under the pointer.
                revealed_ui(ui, &target, &mut self.revealed);
            });
        }
        let editing = self.connection.as_ref().is_some_and(|f| f.key == r.key);
        if !matches!(login, Login::NotAvailable(_))
            && !editing
            && button(
                ui,
                &tr!("app-connection-edit"),
                &tr!("app-connection-edit-name", what = resource_name_of(&r.key)),
            )
            .clicked()
        {
            self.connection = Some(ConnectionForm::new(&r.key, r.connection.as_ref()));
        }
        if let Some(form) = self.connection.as_mut().filter(|f| f.key == r.key)
            && !form.ui(ui, login, ask)
        {
            self.connection = None;
        }
        if let Some(notices) = self.notices.get_mut(&Place::Password(r.key.clone())) {
            notices_ui(ui, notices);
        }
    }
}
