//! The add-profile form: provider, name, key id and secret (into the
//! keyring), region, a Huawei project id, endpoint and notes.

use egui::{self, Id, RichText, Ui};
use time::OffsetDateTime;

use crate::catalog::Provider;
use crate::tr;
use crate::ui::widgets::{SecretText, password_field};
use crate::vault::{Index, new_profile};

use super::{Purpose, Request, provider_combo, text_row};

/// The add-profile form.
#[derive(Debug)]
pub(super) struct AddForm {
    pub(super) provider: Provider,
    pub(super) name: String,
    pub(super) key_id: String,
    pub(super) secret: SecretText,
    pub(super) region: String,
    pub(super) project_id: String,
    pub(super) endpoint: String,
    pub(super) notes: String,
}

impl Default for AddForm {
    fn default() -> Self {
        AddForm {
            provider: Provider::Alibaba,
            name: String::new(),
            key_id: String::new(),
            secret: SecretText::new(),
            region: String::new(),
            project_id: String::new(),
            endpoint: String::new(),
            notes: String::new(),
        }
    }
}

pub(super) fn add_ui(
    ui: &mut Ui,
    form: &mut AddForm,
    stored: &Index,
    now: OffsetDateTime,
    ask: &mut impl FnMut(Request, Purpose),
) {
    let mut problems = Vec::new();
    egui::Grid::new("add_profile_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(tr!("app-credentials-provider"));
            let mut provider = Some(form.provider);
            provider_combo(ui, "add_provider", label.id, &mut provider, None);
            if let Some(p) = provider {
                form.provider = p;
            }
            ui.end_row();
            let optional = tr!("app-credentials-optional");
            text_row(
                ui,
                "add_profile",
                &tr!("app-credentials-profile-name"),
                &mut form.name,
                &tr!("app-credentials-name-hint"),
            );
            text_row(
                ui,
                "add_profile",
                &tr!("app-credentials-key-id"),
                &mut form.key_id,
                "",
            );
            let label = ui.label(tr!("app-credentials-key-secret"));
            password_field(
                ui,
                &mut form.secret,
                Id::unique("add_profile_secret"),
                label.id,
            );
            ui.end_row();
            text_row(
                ui,
                "add_profile",
                &tr!("app-credentials-default-region"),
                &mut form.region,
                &optional,
            );
            if form.provider == Provider::Huawei {
                text_row(
                    ui,
                    "add_profile",
                    &tr!("app-credentials-project-id"),
                    &mut form.project_id,
                    &tr!("app-credentials-project-id-hint"),
                );
            }
            text_row(
                ui,
                "add_profile",
                &tr!("app-credentials-endpoint"),
                &mut form.endpoint,
                &tr!("app-credentials-endpoint-hint"),
            );
            text_row(
                ui,
                "add_profile",
                &tr!("app-credentials-notes"),
                &mut form.notes,
                &optional,
            );
        });
    if let Err(e) = crate::vault::check_name(form.name.trim()) {
        problems.push(if form.name.trim().is_empty() {
            tr!("app-credentials-name-required")
        } else {
            e.to_string()
        });
    } else if let Some(taken) = stored.name_taken(form.name.trim()) {
        problems.push(taken.to_string());
    }
    if form.key_id.trim().is_empty() {
        problems.push(tr!("app-credentials-key-id-required"));
    }
    if form.secret.is_empty() {
        problems.push(tr!("app-credentials-key-secret-required"));
    }
    if !form.project_id.trim().is_empty() && form.region.trim().is_empty() {
        problems.push(tr!("app-credentials-project-needs-region"));
    }
    // What is missing goes under the button, so the button stays put
    // while the admin fills the form in.
    let add = ui
        .add_enabled(
            problems.is_empty(),
            egui::Button::new(tr!("app-credentials-add-button")),
        )
        .on_hover_text(tr!("app-credentials-add-hover"));
    for p in &problems {
        ui.label(RichText::new(format!("• {p}")).color(ui.visuals().warn_fg_color));
    }
    if add.clicked() {
        let optional = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
        let mut profile = new_profile(form.name.trim(), form.provider, form.key_id.trim(), now);
        profile.region = optional(&form.region);
        profile.endpoint = optional(&form.endpoint);
        profile.notes = optional(&form.notes);
        if let (Some(region), Some(id)) = (optional(&form.region), optional(&form.project_id))
            && form.provider == Provider::Huawei
        {
            profile.project_ids.insert(region, id);
        }
        ask(
            Request::Add(Box::new(profile), form.secret.to_secret()),
            Purpose::Add,
        );
    }
}
