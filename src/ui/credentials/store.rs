//! The store settings: where profiles and passwords are kept (this
//! computer's keyring, or a team store on OpenBao / HashiCorp Vault), as
//! `keyturn store use` sets it, with the team store's token kept in this
//! computer's keyring. The store is opened when Keyturn starts, so a new
//! choice takes effect at the next start; nothing is copied
//! (`keyturn store migrate` copies).

use std::path::PathBuf;

use egui::{self, Id, RichText, Ui};

use crate::tr;
use crate::ui::widgets::{SecretText, password_field};
use crate::vault::team::{StoreChoice, VaultSettings};

use super::{Purpose, Request, text_row};

/// The store settings form.
#[derive(Debug)]
pub(super) struct StoreForm {
    team: bool,
    addr: String,
    mount: String,
    prefix: String,
    namespace: String,
    /// Optional: a PEM file of the server's CA, for a server whose
    /// certificate the system does not trust.
    ca_cert: String,
    /// Optional: a token to keep in the keyring for the server.
    token: SecretText,
}

impl StoreForm {
    /// The form showing `current`.
    pub(super) fn new(current: Option<&StoreChoice>) -> Self {
        let vault = match current {
            Some(StoreChoice::Vault(v)) => Some(v),
            _ => None,
        };
        StoreForm {
            team: vault.is_some(),
            addr: vault.map(|v| v.addr.clone()).unwrap_or_default(),
            mount: vault.map_or_else(|| "secret".into(), |v| v.mount.clone()),
            prefix: vault.map_or_else(|| "keyturn".into(), |v| v.prefix.clone()),
            namespace: vault.and_then(|v| v.namespace.clone()).unwrap_or_default(),
            ca_cert: vault
                .and_then(|v| v.ca_cert.as_ref())
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            token: SecretText::new(),
        }
    }

    /// Whether a token is typed.
    pub(super) fn holds_token(&self) -> bool {
        !self.token.is_empty()
    }

    /// Forgets a typed token; whether one was held.
    pub(super) fn forget_token(&mut self) -> bool {
        let held = !self.token.is_empty();
        self.token = SecretText::new();
        held
    }

    /// The choice the form describes, or what is wrong with it.
    fn choice(&self) -> Result<StoreChoice, String> {
        if !self.team {
            return Ok(StoreChoice::Keyring);
        }
        let optional = |text: &str| {
            Some(text.trim())
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        let settings = VaultSettings {
            addr: self.addr.trim().to_owned(),
            mount: self.mount.trim().to_owned(),
            prefix: self.prefix.trim().to_owned(),
            namespace: optional(&self.namespace),
            ca_cert: optional(&self.ca_cert).map(PathBuf::from),
        };
        settings.check().map_err(|e| e.to_string())?;
        Ok(StoreChoice::Vault(settings))
    }
}

pub(super) fn store_ui(ui: &mut Ui, form: &mut StoreForm, ask: &mut impl FnMut(Request, Purpose)) {
    ui.radio_value(&mut form.team, false, tr!("app-store-keyring"));
    ui.radio_value(&mut form.team, true, tr!("app-store-team"));
    if form.team {
        egui::Grid::new("store_grid")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                text_row(
                    ui,
                    "store_form",
                    &tr!("app-store-addr"),
                    &mut form.addr,
                    "https://vault.example:8200",
                );
                text_row(
                    ui,
                    "store_form",
                    &tr!("app-store-mount"),
                    &mut form.mount,
                    "secret",
                );
                text_row(
                    ui,
                    "store_form",
                    &tr!("app-store-prefix"),
                    &mut form.prefix,
                    "keyturn",
                );
                text_row(
                    ui,
                    "store_form",
                    &tr!("app-store-namespace"),
                    &mut form.namespace,
                    &tr!("app-credentials-optional"),
                );
                text_row(
                    ui,
                    "store_form",
                    &tr!("app-store-ca-cert"),
                    &mut form.ca_cert,
                    &tr!("app-store-ca-cert-hint"),
                );
                let label = ui.label(tr!("app-store-token"));
                password_field(ui, &mut form.token, Id::unique("store_token"), label.id)
                    .on_hover_text(tr!("app-store-token-hover"));
                ui.end_row();
            });
    }
    let choice = form.choice();
    if let Err(problem) = &choice {
        ui.label(RichText::new(format!("• {problem}")).color(ui.visuals().warn_fg_color));
    }
    if ui
        .add_enabled(choice.is_ok(), egui::Button::new(tr!("app-store-save")))
        .on_hover_text(tr!("app-store-save-hover"))
        .clicked()
        && let Ok(choice) = choice
    {
        let token = (!form.token.is_empty()).then(|| form.token.to_secret());
        form.token = SecretText::new();
        ask(
            Request::SaveStore(Box::new(choice), token),
            Purpose::SaveStore,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Saving from the form keeps every setting it was opened with, the
    /// CA certificate set by `keyturn store use vault --ca-cert` included.
    #[test]
    fn the_form_gives_back_the_settings_it_shows() {
        let settings = VaultSettings {
            addr: "https://vault.example:8200".into(),
            mount: "kv".into(),
            prefix: "team/keyturn".into(),
            namespace: Some("admins".into()),
            ca_cert: Some(PathBuf::from("/etc/keyturn/vault-ca.pem")),
        };
        let choice = StoreChoice::Vault(settings);
        assert_eq!(StoreForm::new(Some(&choice)).choice(), Ok(choice));
        assert_eq!(
            StoreForm::new(Some(&StoreChoice::Keyring)).choice(),
            Ok(StoreChoice::Keyring)
        );
    }
}
