//! The account section: a stored profile or a key typed for this call,
//! the region with the catalogue's known regions, and the endpoint
//! override with where the request will go.
//!
//! It owns the key choice and what follows from it alone: the profile in
//! use and whether its key is in the keyring, where the request goes, why
//! the key cannot be used, and the key a send or the command line uses.

use egui::{Id, RichText, Ui};

use crate::catalog::Operation;
use crate::endpoint::Endpoint;
use crate::i18n::tr;
use crate::jobs::{JobId, KeySource};
use crate::sign::Credentials;
use crate::tr;
use crate::ui::Action;
use crate::ui::preview::KeyArg;
use crate::ui::remedy::Failure;
use crate::ui::widgets::{SecretText, password_field};
use crate::vault::Profile;
use crate::words;

use super::inputs;
use super::key_check::KeyCheck;
use super::labels::{optional_label, region_help, required_label};
use super::words::endpoint_words;

/// Where the access key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeyChoice {
    Typed,
    Profile(String),
}

/// The account section's state.
#[derive(Debug)]
pub(super) struct Account {
    op: &'static Operation,
    key: KeyChoice,
    key_id: String,
    key_secret: SecretText,
    region: String,
    /// The endpoint override as typed.
    endpoint: String,
    /// Whether the profile's key is in the keyring.
    key_check: KeyCheck,
}

/// What the admin did in the section this frame.
#[derive(Debug, Default)]
pub(super) struct AccountAnswer<'p> {
    /// Something typed or picked changed.
    pub(super) changed: bool,
    /// A profile newly chosen in the list: what else it fills (a project
    /// id) is the form's to fill.
    pub(super) chosen: Option<&'p Profile>,
}

impl Account {
    /// The section as remembered: the region, the endpoint override and
    /// the profile last used (`None`: a typed key).
    pub(super) fn new(
        op: &'static Operation,
        region: String,
        endpoint: String,
        profile: Option<String>,
    ) -> Self {
        Account {
            op,
            key: profile.map_or(KeyChoice::Typed, KeyChoice::Profile),
            key_id: String::new(),
            key_secret: SecretText::new(),
            region,
            endpoint,
            key_check: KeyCheck::default(),
        }
    }

    /// The region as typed, trimmed; `None` when empty.
    pub(super) fn region(&self) -> Option<&str> {
        Some(self.region.trim()).filter(|r| !r.is_empty())
    }

    pub(super) fn set_region(&mut self, region: String) {
        self.region = region;
    }

    /// The endpoint override as typed, trimmed; `None` when empty.
    pub(super) fn typed_endpoint(&self) -> Option<&str> {
        Some(self.endpoint.trim()).filter(|e| !e.is_empty())
    }

    /// Nothing chosen or typed for the key yet: a typed key, empty.
    pub(super) fn untouched(&self) -> bool {
        self.key == KeyChoice::Typed && self.key_id.is_empty() && self.key_secret.is_empty()
    }

    /// The profile chosen, by name; `None` for a typed key.
    pub(super) fn profile_name(&self) -> Option<&str> {
        match &self.key {
            KeyChoice::Profile(name) => Some(name),
            KeyChoice::Typed => None,
        }
    }

    /// The profile chosen, if it is among `profiles`.
    pub(super) fn profile<'p>(&self, profiles: &'p [Profile]) -> Option<&'p Profile> {
        let name = self.profile_name()?;
        profiles.iter().find(|p| p.name == name)
    }

    /// Uses `profile`, or a typed key for `None`. A profile's region fills
    /// the region where it is empty, as for `keyturn request --profile`,
    /// and its key is looked for in the keyring. Returns false when it was
    /// already in use (nothing changed).
    pub(super) fn choose(&mut self, profile: Option<&Profile>, actions: &mut Vec<Action>) -> bool {
        let choice = profile.map_or(KeyChoice::Typed, |p| KeyChoice::Profile(p.name.clone()));
        if choice == self.key {
            return false;
        }
        if let Some(region) = profile.and_then(|p| p.region.as_ref())
            && self.region.trim().is_empty()
        {
            self.region = region.clone();
        }
        self.key = choice;
        self.key_check.forget();
        if let KeyChoice::Profile(name) = &self.key {
            actions.push(Action::CheckKey {
                op: self.op,
                profile: name.clone(),
            });
        }
        true
    }

    /// The look-up of `profile`'s key started as job `id`.
    pub(super) fn key_check_started(&mut self, id: JobId, profile: String) {
        self.key_check.started(id, profile);
    }

    /// Whether the look-up awaited is job `id`.
    pub(super) fn waits_for_key(&self, id: JobId) -> bool {
        self.key_check.waits_for(id)
    }

    /// A look-up of a key finished: taken if it is the one awaited.
    pub(super) fn key_found(&mut self, id: JobId, result: Result<(), Failure>) {
        self.key_check.answered(id, result);
    }

    /// Where the request goes: the override, else the profile's, else the
    /// operation's own host for the region.
    pub(super) fn endpoint(&self, profiles: &[Profile]) -> Result<Endpoint, String> {
        let from_profile = self.profile(profiles).and_then(|p| p.endpoint.as_deref());
        match (self.typed_endpoint(), from_profile) {
            (None, Some(url)) => Endpoint::parse_override(url),
            (None, None) => Endpoint::default_for(self.op, self.region()),
            (Some(url), _) => Endpoint::parse_override(url),
        }
        .map_err(|e| endpoint_words(&e))
    }

    /// The override a send records for retries: the typed one, else the
    /// profile's.
    pub(super) fn endpoint_override(&self, profiles: &[Profile]) -> Option<String> {
        self.typed_endpoint()
            .map(str::to_owned)
            .or_else(|| self.profile(profiles).and_then(|p| p.endpoint.clone()))
    }

    /// Why the key cannot be used, if it cannot.
    pub(super) fn key_problem(&self, profiles: &[Profile]) -> Option<String> {
        match &self.key {
            KeyChoice::Typed if self.key_id.trim().is_empty() => Some(tr!("form-key-id-required")),
            KeyChoice::Typed if self.key_secret.is_empty() => Some(tr!("form-key-secret-required")),
            KeyChoice::Typed => None,
            KeyChoice::Profile(name) => match self.profile(profiles) {
                None => Some(tr!("form-profile-missing", name = format!("{name:?}"))),
                Some(p) if p.provider != self.op.provider => Some(tr!(
                    "form-profile-other-provider",
                    name = format!("{name:?}"),
                    key_provider = words::provider(p.provider),
                    api_provider = words::provider(self.op.provider)
                )),
                Some(_) => None,
            },
        }
    }

    /// The key as the command line names it.
    pub(super) fn key_arg(&self) -> KeyArg<'_> {
        match &self.key {
            KeyChoice::Profile(name) => KeyArg::Profile(name),
            KeyChoice::Typed => KeyArg::KeyId(self.key_id.trim()),
        }
    }

    /// The key a send uses, and the account in words for the confirmation.
    pub(super) fn key_source(&self, profiles: &[Profile]) -> (KeySource, String) {
        match &self.key {
            KeyChoice::Typed => (
                KeySource::Typed(Credentials::new(
                    self.key_id.trim(),
                    self.key_secret.to_secret(),
                )),
                tr!("form-account-typed", key = self.key_id.trim()),
            ),
            KeyChoice::Profile(name) => (
                KeySource::Profile(name.clone()),
                tr!(
                    "form-account-profile",
                    name = name.as_str(),
                    key = self.profile(profiles).map_or("?", |p| p.key_id.as_str())
                ),
            ),
        }
    }

    /// The section's first input an admin still has to fill in, in
    /// reading order: the typed key, then the region.
    pub(super) fn first_empty(&self) -> Option<Id> {
        let op = self.op;
        let typed = self.key == KeyChoice::Typed;
        if typed && self.key_id.trim().is_empty() {
            Some(inputs::key_id(op))
        } else if typed && self.key_secret.is_empty() {
            Some(inputs::key_secret(op))
        } else if op.region.required && self.region.trim().is_empty() {
            Some(inputs::region(op))
        } else {
            None
        }
    }

    /// Forgets a typed access key secret; whether one was held.
    pub(super) fn forget_key_secret(&mut self) -> bool {
        let held = !self.key_secret.is_empty();
        self.key_secret.set("");
        held
    }

    /// Whether an access key secret is typed.
    pub(super) fn holds_key_secret(&self) -> bool {
        !self.key_secret.is_empty()
    }

    /// A key typed as an admin would (tests).
    #[cfg(test)]
    pub(super) fn type_key(&mut self, key_id: &str, secret: &str) {
        self.key = KeyChoice::Typed;
        self.key_id = key_id.to_owned();
        self.key_secret.set(secret);
    }

    /// An endpoint override typed (tests).
    #[cfg(test)]
    pub(super) fn set_endpoint(&mut self, endpoint: String) {
        self.endpoint = endpoint;
    }

    /// A profile chosen by name, without looking for its key (tests).
    #[cfg(test)]
    pub(super) fn use_profile_named(&mut self, name: &str) {
        self.key = KeyChoice::Profile(name.to_owned());
    }

    /// Profile picker or typed key, region, endpoint; `sends_to` is where
    /// the request goes, when it can go anywhere.
    pub(super) fn ui<'p>(
        &mut self,
        ui: &mut Ui,
        profiles: &'p [Profile],
        sends_to: Option<&Endpoint>,
        actions: &mut Vec<Action>,
    ) -> AccountAnswer<'p> {
        let op = self.op;
        let mut answer = AccountAnswer::default();
        ui.label(RichText::new(tr("form-account")).strong());
        egui::Grid::new(("account", op.id))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                if let Some(picked) = self.key_source_row(ui, profiles) {
                    if self.choose(picked, actions) {
                        answer.chosen = picked;
                    }
                    answer.changed = true;
                }
                ui.end_row();
                answer.changed |= self.key_rows(ui);
                answer.changed |= self.region_row(ui);
                ui.end_row();
                answer.changed |= self.endpoint_row(ui, profiles, sends_to);
                ui.end_row();
            });
        answer
    }

    /// The key source list: a typed key or one of the provider's
    /// profiles. Returns what was picked, if anything.
    fn key_source_row<'p>(
        &self,
        ui: &mut Ui,
        profiles: &'p [Profile],
    ) -> Option<Option<&'p Profile>> {
        let op = self.op;
        let label = ui
            .label(tr("form-access-key"))
            .on_hover_text(tr("form-access-key-hover"));
        let shown = match &self.key {
            KeyChoice::Typed => tr("form-typed-key"),
            KeyChoice::Profile(p) => tr!("form-profile", name = p.as_str()),
        };
        let mut picked = None;
        egui::ComboBox::from_id_salt(("key_source", op.id))
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(self.key == KeyChoice::Typed, tr("form-typed-key"))
                    .clicked()
                {
                    picked = Some(None);
                }
                for p in profiles.iter().filter(|p| p.provider == op.provider) {
                    let selected = self.key == KeyChoice::Profile(p.name.clone());
                    if ui
                        .selectable_label(
                            selected,
                            tr!(
                                "form-profile-with-key",
                                name = p.name.as_str(),
                                key = p.key_id.as_str()
                            ),
                        )
                        .clicked()
                    {
                        picked = Some(Some(p));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        picked
    }

    /// A typed key's id and secret, or whether the profile's key is in the
    /// keyring; each row ended. Returns whether the typed key changed.
    fn key_rows(&mut self, ui: &mut Ui) -> bool {
        let op = self.op;
        let mut changed = false;
        match &self.key {
            KeyChoice::Typed => {
                let label = required_label(ui, &tr("form-key-id"), &tr("form-key-id-help"));
                changed |= ui
                    .add(
                        egui::TextEdit::singleline(&mut self.key_id)
                            .id(inputs::key_id(op))
                            .desired_width(240.0),
                    )
                    .labelled_by(label)
                    .changed();
                ui.end_row();
                let label = required_label(ui, &tr("form-key-secret"), &tr("form-key-secret-help"));
                changed |= password_field(ui, &mut self.key_secret, inputs::key_secret(op), label)
                    .changed();
                ui.end_row();
            }
            KeyChoice::Profile(name) => {
                ui.label("");
                self.key_check.ui(ui, name);
                ui.end_row();
            }
        }
        changed
    }

    /// The region, typed or picked from the catalogue's known regions.
    fn region_row(&mut self, ui: &mut Ui) -> bool {
        let op = self.op;
        let mut changed = false;
        let region_label = match op.region.param.and_then(|p| op.field(p)) {
            Some(f) => words::field_label(op, f),
            None => tr("form-region"),
        };
        let label = if op.region.required {
            required_label(ui, &region_label, &region_help(op))
        } else {
            optional_label(ui, &region_label, &region_help(op))
        };
        ui.horizontal(|ui| {
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.region)
                        .id(inputs::region(op))
                        .hint_text(op.region.examples.first().copied().unwrap_or(""))
                        .desired_width(160.0),
                )
                .labelled_by(label)
                .changed();
            let known = egui::ComboBox::from_id_salt(("region_examples", op.id))
                .selected_text(tr("form-known-regions"))
                .show_ui(ui, |ui| {
                    let mut pick = None;
                    for r in op.region.examples {
                        if ui.selectable_label(self.region == *r, *r).clicked() {
                            pick = Some(*r);
                        }
                    }
                    pick
                });
            known.response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::accesskit::Role::ComboBox,
                    true,
                    tr("form-known-regions"),
                )
            });
            if let Some(Some(r)) = known.inner {
                self.region = r.to_owned();
                changed = true;
            }
        });
        changed
    }

    /// The endpoint override, with where the request goes under it.
    fn endpoint_row(
        &mut self,
        ui: &mut Ui,
        profiles: &[Profile],
        sends_to: Option<&Endpoint>,
    ) -> bool {
        let op = self.op;
        let mut changed = false;
        let label = optional_label(
            ui,
            &tr("form-endpoint-override"),
            &tr("form-endpoint-override-help"),
        );
        let default_hint = match self.profile(profiles).and_then(|p| p.endpoint.clone()) {
            Some(url) => tr!("form-endpoint-from-profile", url = url),
            None => tr("form-endpoint-default"),
        };
        ui.vertical(|ui| {
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.endpoint)
                        .id(inputs::endpoint(op))
                        .hint_text(default_hint)
                        .desired_width(260.0),
                )
                .labelled_by(label)
                .changed();
            if let Some(e) = sends_to {
                ui.label(RichText::new(tr!("form-sends-to", url = e.url())).weak());
            }
        });
        changed
    }
}
