//! The stored resource passwords: each resource by its human name (the
//! key's text form on hover), the profile it was changed with, when it was
//! last rotated, where its service listens (*Connection…* edits it), and
//! its slots with Reveal, Copy and *Test* (one login with that password;
//! when each was last proven shows beside it).

use eframe::egui::{self, RichText, Ui};
use time::UtcOffset;

use crate::catalog::{Login, NoLogin};
use crate::shown::shown;
use crate::tr;
use crate::ui::format_time;
use crate::ui::history::resource_name_of;
use crate::ui::widgets::notices_ui;
use crate::vault::{Index, ResourceKey, Slot};
use crate::words;

use super::connection::ConnectionForm;
use super::secrets::{button, revealed_ui, secret_buttons};
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
            let op = ResourceKey::parse(&r.key).and_then(|k| k.operation());
            let login = op.map_or(Login::NotAvailable(NoLogin::NoPublicProtocol), |o| o.login);
            let why_not = match (login, &r.connection) {
                (Login::NotAvailable(why), _) => Some(words::no_login(why)),
                (_, None) => Some(tr!("prove-no-connection")),
                _ => None,
            };
            // How it was changed, and where its service listens (or why
            // no test is offered); Connection… follows the slots.
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(line.join(" · ")).weak());
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
                });
                revealed_ui(ui, &target, &self.revealed);
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
}
