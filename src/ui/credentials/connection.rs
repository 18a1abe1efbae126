//! Where a stored password's service listens (not the cloud's API): the
//! address, an account name, TLS and a CA file, and for a DTS job's
//! account which database it is. Edited under the resource in the
//! Credentials view and kept in the index (not secret) by a job.

use std::path::PathBuf;

use egui::{self, RichText, Ui};

use crate::catalog::Login;
use crate::tr;
use crate::vault::{Connection, Database};

use super::secrets::button;
use super::{Purpose, Request};

/// The connection details of one resource being edited.
#[derive(Debug, Clone, Default)]
pub(super) struct ConnectionForm {
    pub key: String,
    address: String,
    user: String,
    tls: bool,
    ca_cert: String,
    database: Option<Database>,
}

impl ConnectionForm {
    /// A form for `key`, filled from what is kept.
    pub fn new(key: &str, kept: Option<&Connection>) -> ConnectionForm {
        match kept {
            Some(c) => ConnectionForm {
                key: key.to_owned(),
                address: c.address_text(),
                user: c.user.clone().unwrap_or_default(),
                tls: c.tls,
                ca_cert: c
                    .ca_cert
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                database: c.database,
            },
            None => ConnectionForm {
                key: key.to_owned(),
                ..ConnectionForm::default()
            },
        }
    }

    /// The connection typed, if its address reads as `host:port`.
    fn connection(&self) -> Option<Connection> {
        let (host, port) = Connection::address(&self.address)?;
        let ca = self.ca_cert.trim();
        Some(Connection {
            host,
            port,
            user: Some(self.user.trim().to_owned()).filter(|u| !u.is_empty()),
            tls: self.tls || !ca.is_empty(),
            ca_cert: (!ca.is_empty()).then(|| PathBuf::from(ca)),
            database: self.database,
        })
    }

    /// Draws the form; `false` once it is closed (saved, forgotten or
    /// cancelled).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        login: Login,
        ask: &mut impl FnMut(Request, Purpose),
    ) -> bool {
        let Self {
            key,
            address,
            user,
            tls,
            ca_cert,
            database,
        } = self;
        let mut open = true;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::Grid::new(("connection", key.as_str()))
                .num_columns(2)
                .show(ui, |ui| {
                    let l = ui.label(tr!("app-connection-address"));
                    ui.add(
                        egui::TextEdit::singleline(address)
                            .hint_text("10.0.0.12:6379")
                            .desired_width(220.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(tr!("app-connection-user"));
                    ui.add(egui::TextEdit::singleline(user).desired_width(220.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(tr!("app-connection-ca"));
                    ui.add(egui::TextEdit::singleline(ca_cert).desired_width(220.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    if login == Login::Database {
                        ui.label(tr!("app-connection-database"));
                        ui.horizontal(|ui| {
                            for d in Database::ALL {
                                ui.radio_value(database, Some(d), d.key());
                            }
                        });
                        ui.end_row();
                    }
                });
            ui.checkbox(tls, tr!("app-connection-tls"));
            let typed = ConnectionForm {
                key: key.clone(),
                address: address.clone(),
                user: user.clone(),
                tls: *tls,
                ca_cert: ca_cert.clone(),
                database: *database,
            }
            .connection();
            if typed.is_none() && !address.trim().is_empty() {
                ui.label(
                    RichText::new(tr!("password-bad-address", text = address.trim()))
                        .color(ui.visuals().error_fg_color),
                );
            }
            ui.horizontal(|ui| {
                ui.add_enabled_ui(typed.is_some(), |ui| {
                    if button(ui, &tr!("app-connection-save"), &tr!("app-connection-save"))
                        .clicked()
                    {
                        ask(
                            Request::Connect(key.clone(), typed.clone()),
                            Purpose::Connect(key.clone()),
                        );
                    }
                });
                if button(
                    ui,
                    &tr!("app-connection-forget"),
                    &tr!("app-connection-forget"),
                )
                .clicked()
                {
                    ask(
                        Request::Connect(key.clone(), None),
                        Purpose::Connect(key.clone()),
                    );
                }
                if button(
                    ui,
                    &tr!("app-connection-cancel"),
                    &tr!("app-connection-cancel"),
                )
                .clicked()
                {
                    open = false;
                }
            });
        });
        open
    }
}
