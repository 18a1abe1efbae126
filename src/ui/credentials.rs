//! The credentials view: every stored profile (provider, key id, region,
//! added / last used / last verified with its result) and every stored
//! resource password (its slots with when each was set, when it was last
//! rotated).
//!
//! - *Verify* runs the profile's cheapest read-only call as a job and shows
//!   what came of it.
//! - *Reveal* reads a secret (a profile's, or one slot of a resource) from
//!   the keyring in a job and shows it until *Hide*; only one at a time.
//! - *Copy* reads it the same way and hands it to the [`ClipboardGuard`],
//!   which marks it for clipboard managers and clears it again.
//! - *Add a profile* by a form, or *import* a console's CSV file (picked in
//!   the desktop's file dialog, or its path typed); *Remove* asks first.
//!
//! Every keyring, file and network call is a job (`jobs/store.rs`,
//! `Jobs::verify`); the panel keeps each job's id with what it wants done
//! with the answer, and drops answers it no longer waits for. A revealed
//! secret lives in a `SecretString` (zeroed when hidden) and is never
//! persisted.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use eframe::egui::{self, Id, RichText, Ui};
use egui::accesskit::Role;
use secrecy::{ExposeSecret, SecretString};
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::Provider;
use crate::jobs::{Event, ImportRequest, JobId};
use crate::shown::shown;
use crate::ui::clipboard::ClipboardGuard;
use crate::ui::remedy::job_error;
use crate::ui::widgets::{
    Answer, ButtonRole, DialogAction, SecretText, confirm_buttons, password_field,
};
use crate::ui::{Action, format_time};
use crate::vault::{Index, Profile, ResourceKey, Slot, new_profile};

/// A secret the user can reveal or copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A profile's access key secret.
    Profile(String),
    /// One slot of a stored resource password (the key in text form).
    Password(String, Slot),
}

impl Target {
    /// In words: "the secret of profile prod", "the pending password of …".
    pub fn words(&self) -> String {
        match self {
            Target::Profile(name) => format!("the secret of profile {name}"),
            Target::Password(key, slot) => {
                let what = ResourceKey::parse(key).map_or_else(|| key.clone(), |k| k.describe());
                format!("the {} password of {what}", slot.key())
            }
        }
    }
}

/// A job the panel asks the app to start.
#[derive(Debug)]
pub enum Request {
    Verify(String),
    ReadSecret(Target),
    Add(Box<Profile>, SecretString),
    Import(ImportRequest),
    Remove(String),
    PickFile,
}

/// What to do with a job's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Verify(String),
    Reveal(Target),
    Copy(Target),
    Add,
    Import,
    Remove(String),
    PickFile,
}

/// The add-profile form.
#[derive(Debug)]
struct AddForm {
    provider: Provider,
    name: String,
    key_id: String,
    secret: SecretText,
    region: String,
    project_id: String,
    endpoint: String,
    notes: String,
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

/// The import form.
#[derive(Debug, Default)]
struct ImportForm {
    path: String,
    name: String,
    /// `None`: as the file says.
    provider: Option<Provider>,
    region: String,
}

/// The credentials view's state.
#[derive(Debug, Default)]
pub struct CredentialsPanel {
    index: Option<Result<Index, String>>,
    /// Jobs this panel waits for, and what each is for.
    waiting: HashMap<JobId, Purpose>,
    /// This session's verification results, by profile.
    verified: BTreeMap<String, Result<String, String>>,
    revealed: Option<(Target, SecretString)>,
    add: AddForm,
    import: ImportForm,
    confirm_remove: Option<String>,
    /// What the last add, import or remove did, or why it failed.
    message: Option<Result<String, String>>,
}

/// What the panel needs from the app each frame.
pub struct CredentialsCtx<'a> {
    pub now: OffsetDateTime,
    pub local: UtcOffset,
    pub clipboard: &'a mut ClipboardGuard,
    pub actions: &'a mut Vec<Action>,
}

impl CredentialsPanel {
    /// A (newest) read of the index.
    pub fn index_read(&mut self, result: Result<Index, String>) {
        self.index = Some(result);
    }

    /// A job this panel asked for started.
    pub fn started(&mut self, id: JobId, purpose: Purpose) {
        // A new reveal or copy replaces any still waiting.
        if matches!(purpose, Purpose::Reveal(_) | Purpose::Copy(_)) {
            self.waiting
                .retain(|_, p| !matches!(p, Purpose::Reveal(_) | Purpose::Copy(_)));
        }
        self.waiting.insert(id, purpose);
    }

    pub fn waits_for(&self, id: JobId) -> bool {
        self.waiting.contains_key(&id)
    }

    /// A job's answer. Returns true when the stored credentials changed
    /// (the app then reads the index again).
    pub fn job_event(
        &mut self,
        id: JobId,
        event: Event,
        clipboard: &mut ClipboardGuard,
        now: OffsetDateTime,
    ) -> bool {
        let Some(purpose) = self.waiting.remove(&id) else {
            return false;
        };
        match (purpose, event) {
            (Purpose::Verify(name), Event::Verified(result)) => {
                let summary = result.map(|v| v.summary()).map_err(|e| job_error(&e));
                self.verified.insert(name, summary);
                true
            }
            (Purpose::Reveal(target), Event::Secret(result)) => {
                match result {
                    Ok(secret) => self.revealed = Some((target, secret)),
                    Err(e) => self.message = Some(Err(job_error(&e))),
                }
                false
            }
            (Purpose::Copy(target), Event::Secret(result)) => {
                match result {
                    Ok(secret) => clipboard.copy_secret(target.words(), &secret, now),
                    Err(e) => self.message = Some(Err(job_error(&e))),
                }
                false
            }
            (Purpose::Add, Event::Done(result)) => {
                if result.is_ok() {
                    self.add = AddForm::default();
                }
                self.message = Some(result.map_err(|e| job_error(&e)));
                true
            }
            (Purpose::Import, Event::Done(result)) => {
                if result.is_ok() {
                    self.import = ImportForm::default();
                }
                self.message = Some(result.map_err(|e| job_error(&e)));
                true
            }
            (Purpose::Remove(name), Event::Done(result)) => {
                if result.is_ok() {
                    self.verified.remove(&name);
                    if self.revealed.as_ref().map(|(t, _)| t) == Some(&Target::Profile(name)) {
                        self.revealed = None;
                    }
                }
                self.message = Some(result.map_err(|e| job_error(&e)));
                true
            }
            (Purpose::PickFile, Event::FilePicked(path)) => {
                if let Some(path) = path {
                    self.import.path = path.display().to_string();
                }
                false
            }
            _ => false,
        }
    }

    /// Hides any revealed secret and closes the removal dialog (the view
    /// is left: nothing of it stays open behind another).
    pub fn hide(&mut self) {
        self.revealed = None;
        self.confirm_remove = None;
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: CredentialsCtx<'_>) -> bool {
        let Self {
            index,
            waiting,
            verified,
            revealed,
            add,
            import,
            confirm_remove,
            message,
        } = self;
        let CredentialsCtx {
            now,
            local,
            clipboard,
            actions,
        } = ctx;
        let mut counting = false;
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Credentials");
                if ui
                    .button("Reload")
                    .on_hover_text("Read the profile list again")
                    .clicked()
                {
                    actions.push(Action::ReloadProfiles);
                }
            });
            counting |= clipboard.status_ui(ui, now);
            clipboard.settings_ui(ui);
            if let Some(m) = message {
                let mut dismiss = false;
                ui.horizontal(|ui| {
                    match m {
                        Ok(text) => ui.label(RichText::new(text.as_str()).strong()),
                        Err(e) => {
                            ui.label(RichText::new(e.as_str()).color(ui.visuals().error_fg_color))
                        }
                    };
                    dismiss = ui.small_button("OK").clicked();
                });
                if dismiss {
                    *message = None;
                }
            }
            let index = match index {
                None => {
                    ui.label(RichText::new("Reading the stored credentials…").weak());
                    return;
                }
                Some(Err(e)) => {
                    ui.label(
                        RichText::new(format!("The profile list could not be read: {e}"))
                            .color(ui.visuals().error_fg_color),
                    );
                    return;
                }
                Some(Ok(index)) => index,
            };
            let mut ask = |request: Request, purpose: Purpose| {
                actions.push(Action::Credentials { request, purpose });
            };

            ui.separator();
            ui.heading("Profiles");
            if index.profiles.is_empty() {
                ui.label(
                    RichText::new("No profiles yet: add one below or import a console's CSV file.")
                        .weak(),
                );
            }
            for p in &index.profiles {
                ui.add_space(4.0);
                profile_ui(
                    ui,
                    p,
                    local,
                    waiting,
                    verified,
                    revealed,
                    confirm_remove,
                    &mut ask,
                );
            }

            ui.separator();
            ui.heading("Stored resource passwords");
            if index.resources.is_empty() {
                ui.label(
                    RichText::new("None yet: a password change keeps its passwords here.").weak(),
                );
            }
            for r in &index.resources {
                ui.add_space(4.0);
                let what =
                    ResourceKey::parse(&r.key).map_or_else(|| r.key.clone(), |k| k.describe());
                ui.label(RichText::new(what).strong());
                let mut line = vec![r.key.clone()];
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
                    ui.horizontal(|ui| {
                        ui.label(format!(
                            "{}: set {}",
                            slot.key(),
                            format_time(info.set_at, local)
                        ));
                        secret_buttons(ui, &target, revealed, &mut ask);
                    });
                    revealed_ui(ui, &target, revealed);
                }
            }

            ui.separator();
            egui::CollapsingHeader::new("Add a profile")
                .id_salt("add-profile")
                .show(ui, |ui| add_ui(ui, add, now, &mut ask));
            egui::CollapsingHeader::new("Import a console's access key file (CSV)")
                .id_salt("import-profile")
                .show(ui, |ui| import_ui(ui, import, waiting, &mut ask));
        });
        remove_dialog(ui, confirm_remove, actions);
        counting
    }
}

/// A button whose accessible name says what it acts on ("Reveal the secret
/// of profile prod"), for screen readers and tests, while showing a short
/// word.
fn button(ui: &mut Ui, text: &str, name: &str) -> egui::Response {
    let response = ui.button(text);
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, name));
    response
}

#[allow(clippy::too_many_arguments)]
fn profile_ui(
    ui: &mut Ui,
    p: &Profile,
    local: UtcOffset,
    waiting: &HashMap<JobId, Purpose>,
    verified: &BTreeMap<String, Result<String, String>>,
    revealed: &mut Option<(Target, SecretString)>,
    confirm_remove: &mut Option<String>,
    ask: &mut impl FnMut(Request, Purpose),
) {
    ui.label(
        RichText::new(format!(
            "{} · {} · key {}",
            p.name,
            p.provider.name(),
            shown(&p.key_id)
        ))
        .strong(),
    );
    let mut facts = vec![format!(
        "region {}",
        p.region.as_deref().unwrap_or("(none)")
    )];
    for (region, id) in &p.project_ids {
        facts.push(format!("project {} in {}", shown(id), shown(region)));
    }
    if let Some(e) = &p.endpoint {
        facts.push(format!("endpoint {}", shown(e)));
    }
    facts.push(format!("added {}", format_time(p.added_at, local)));
    facts.push(match p.last_used_at {
        Some(t) => format!("last used {}", format_time(t, local)),
        None => "never used".to_owned(),
    });
    facts.push(match (p.last_verified_at, &p.last_verify_result) {
        (Some(t), Some(r)) => format!("last verified {}: {}", format_time(t, local), shown(r)),
        (Some(t), None) => format!("last verified {}", format_time(t, local)),
        _ => "never verified".to_owned(),
    });
    ui.label(RichText::new(facts.join(" · ")).weak());
    if let Some(notes) = &p.notes {
        ui.label(RichText::new(shown(notes)).italics().weak());
    }
    let verifying = waiting
        .values()
        .any(|w| *w == Purpose::Verify(p.name.clone()));
    let target = Target::Profile(p.name.clone());
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!verifying, |ui| {
            if button(ui, "Verify", &format!("Verify profile {}", p.name))
                .on_hover_text("A read-only call that proves the key works")
                .clicked()
            {
                ask(
                    Request::Verify(p.name.clone()),
                    Purpose::Verify(p.name.clone()),
                );
            }
        });
        secret_buttons(ui, &target, revealed, ask);
        if button(ui, "Remove…", &format!("Remove profile {}", p.name)).clicked() {
            *confirm_remove = Some(p.name.clone());
        }
        if verifying {
            ui.spinner();
            ui.label("Verifying…");
        } else if let Some(result) = verified.get(&p.name) {
            match result {
                Ok(summary) if summary.starts_with("the key works") => {
                    ui.label(
                        RichText::new(format!("✔ {summary}"))
                            .color(egui::Color32::from_rgb(0x2e, 0x9d, 0x4f)),
                    );
                }
                Ok(summary) => {
                    ui.label(
                        RichText::new(format!("✘ {summary}")).color(ui.visuals().error_fg_color),
                    );
                }
                Err(e) => {
                    ui.label(RichText::new(format!("✘ {e}")).color(ui.visuals().error_fg_color));
                }
            }
        }
    });
    revealed_ui(ui, &target, revealed);
}

/// Reveal/Hide and Copy for one secret.
fn secret_buttons(
    ui: &mut Ui,
    target: &Target,
    revealed: &mut Option<(Target, SecretString)>,
    ask: &mut impl FnMut(Request, Purpose),
) {
    let words = target.words();
    let shown = revealed.as_ref().is_some_and(|(t, _)| t == target);
    if shown {
        if button(ui, "Hide", &format!("Hide {words}")).clicked() {
            *revealed = None;
        }
    } else if button(ui, "Reveal", &format!("Reveal {words}"))
        .on_hover_text("Show it here until you hide it")
        .clicked()
    {
        ask(
            Request::ReadSecret(target.clone()),
            Purpose::Reveal(target.clone()),
        );
    }
    if button(ui, "Copy", &format!("Copy {words}"))
        .on_hover_text("Copy it; it is kept out of clipboard history and cleared after a while")
        .clicked()
    {
        ask(
            Request::ReadSecret(target.clone()),
            Purpose::Copy(target.clone()),
        );
    }
}

fn revealed_ui(ui: &mut Ui, target: &Target, revealed: &Option<(Target, SecretString)>) {
    if let Some((t, secret)) = revealed
        && t == target
    {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Revealed:").weak());
            ui.add(
                egui::Label::new(RichText::new(secret.expose_secret()).monospace().strong())
                    .selectable(true),
            );
        });
    }
}

fn provider_combo(
    ui: &mut Ui,
    id: &str,
    label: Id,
    value: &mut Option<Provider>,
    none_label: Option<&str>,
) {
    let shown = value.map_or(none_label.unwrap_or("Choose…").to_owned(), |p| {
        p.name().to_owned()
    });
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if let Some(none) = none_label {
                ui.selectable_value(value, None, none);
            }
            for p in Provider::ALL {
                ui.selectable_value(value, Some(p), p.name());
            }
        })
        .response
        .labelled_by(label);
}

fn add_ui(
    ui: &mut Ui,
    form: &mut AddForm,
    now: OffsetDateTime,
    ask: &mut impl FnMut(Request, Purpose),
) {
    let mut problems = Vec::new();
    egui::Grid::new("add-profile-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Provider");
            let mut provider = Some(form.provider);
            provider_combo(ui, "add-provider", label.id, &mut provider, None);
            if let Some(p) = provider {
                form.provider = p;
            }
            ui.end_row();
            let text_row = |ui: &mut Ui, label: &str, value: &mut String, hint: &str| {
                let label = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .id(Id::unique(("add-profile", label.id)))
                        .hint_text(hint)
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            };
            text_row(ui, "Profile name", &mut form.name, "letters, digits, . _ -");
            text_row(ui, "Access key ID", &mut form.key_id, "");
            let label = ui.label("Access key secret");
            password_field(
                ui,
                &mut form.secret,
                Id::unique("add-profile-secret"),
                label.id,
            );
            ui.end_row();
            text_row(ui, "Default region", &mut form.region, "optional");
            if form.provider == Provider::Huawei {
                text_row(
                    ui,
                    "Project ID",
                    &mut form.project_id,
                    "for the default region",
                );
            }
            text_row(
                ui,
                "Endpoint override",
                &mut form.endpoint,
                "optional: https://…",
            );
            text_row(ui, "Notes", &mut form.notes, "optional");
        });
    if let Err(e) = crate::vault::check_name(form.name.trim()) {
        problems.push(if form.name.trim().is_empty() {
            "Profile name is required".to_owned()
        } else {
            e.to_string()
        });
    }
    if form.key_id.trim().is_empty() {
        problems.push("Access key ID is required".to_owned());
    }
    if form.secret.is_empty() {
        problems.push("Access key secret is required".to_owned());
    }
    if !form.project_id.trim().is_empty() && form.region.trim().is_empty() {
        problems.push("a project ID needs the region it belongs to".to_owned());
    }
    for p in &problems {
        ui.label(RichText::new(format!("• {p}")).color(ui.visuals().warn_fg_color));
    }
    if ui
        .add_enabled(problems.is_empty(), egui::Button::new("Add profile"))
        .on_hover_text("Stores the secret in the keyring, the rest in the profile list")
        .clicked()
    {
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

fn import_ui(
    ui: &mut Ui,
    form: &mut ImportForm,
    waiting: &HashMap<JobId, Purpose>,
    ask: &mut impl FnMut(Request, Purpose),
) {
    ui.label(
        RichText::new(
            "Alibaba Cloud AccessKey.csv, Huawei Cloud credentials.csv, Tencent Cloud SecretKey.csv, \
             or a PublicKey,PrivateKey file for UCloud.",
        )
        .weak(),
    );
    let picking = waiting.values().any(|p| *p == Purpose::PickFile);
    egui::Grid::new("import-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("File");
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.path)
                        .id(Id::unique("import-path"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
                if ui
                    .add_enabled(!picking, egui::Button::new("Choose…"))
                    .clicked()
                {
                    ask(Request::PickFile, Purpose::PickFile);
                }
            });
            ui.end_row();
            let label = ui.label("Profile name");
            ui.add(
                egui::TextEdit::singleline(&mut form.name)
                    .id(Id::unique("import-name"))
                    .hint_text("default: provider and user")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Provider");
            provider_combo(
                ui,
                "import-provider",
                label.id,
                &mut form.provider,
                Some("As the file says"),
            );
            ui.end_row();
            let label = ui.label("Default region");
            ui.add(
                egui::TextEdit::singleline(&mut form.region)
                    .id(Id::unique("import-region"))
                    .hint_text("optional")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    let importing = waiting.values().any(|p| *p == Purpose::Import);
    if ui
        .add_enabled(
            !form.path.trim().is_empty() && !importing,
            egui::Button::new("Import"),
        )
        .clicked()
    {
        let optional = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
        ask(
            Request::Import(ImportRequest {
                path: PathBuf::from(form.path.trim()),
                name: optional(&form.name),
                provider: form.provider,
                region: optional(&form.region),
            }),
            Purpose::Import,
        );
    }
}

fn remove_dialog(ui: &mut Ui, confirm: &mut Option<String>, actions: &mut Vec<Action>) {
    let Some(name) = confirm.clone() else {
        return;
    };
    let ctx = ui.ctx().clone();
    let modal_id = Id::unique("confirm-remove-profile");
    let modal = egui::Modal::new(modal_id).show(&ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(format!("Remove profile {name}?"));
        ui.label(
            "Its access key secret is deleted from the keyring. The key itself stays valid at the \
             provider; stored resource passwords are kept.",
        );
        ui.add_space(8.0);
        let remove = DialogAction::new("Remove the profile", ButtonRole::Destructive);
        confirm_buttons(ui, modal_id, "Keep it", remove).map(|a| a == Answer::Confirm)
    });
    let decided = if modal.should_close() {
        Some(false)
    } else {
        modal.inner
    };
    match decided {
        Some(true) => {
            *confirm = None;
            actions.push(Action::Credentials {
                request: Request::Remove(name.clone()),
                purpose: Purpose::Remove(name),
            });
        }
        Some(false) => *confirm = None,
        None => {}
    }
}
