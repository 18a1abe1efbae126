//! The operation form, drawn from the catalogue entry: one row per field
//! with its label, help on hover and required mark; the region with the
//! catalogue's example regions; choices as combo boxes; TcaplusDB's expiry
//! time with a picker; password fields with Show/Hide. Under the new
//! password: the rule checklist, the strength bar and *Generate*.
//!
//! Every judgement comes from the core: `request::validate` decides whether
//! the form may be sent (Submit stays disabled until it passes),
//! `rules::check` and `rules::estimate` feed the checklist and the bar, and
//! `Endpoint` decides where the request goes. They run when an input
//! changes, not every frame.
//!
//! A send that the journal says the provider would refuse (a lock, an old
//! password still valid, a throttle) comes back *blocked*: the form says
//! why, counts down to when it may work, and offers an explicit "send
//! anyway". Under the form, the preview (`preview.rs`) shows the signed
//! request and the equivalent command line.
//!
//! Each operation keeps its own form for the session, so switching back and
//! forth loses nothing. Secrets live in [`SecretText`] buffers and are never
//! persisted; what is remembered between runs ([`OpPrefs`]: region,
//! endpoint, profile, generator length and look-alike choice) holds none.

use std::collections::{BTreeMap, HashMap};

use eframe::egui;
use eframe::egui::{Color32, Id, Key, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::{CATALOG, Field, FieldKind, Operation};
use crate::endpoint::{Endpoint, EndpointError};
use crate::jobs::{CancelOutcome, Event, JobId, KeySource, SendJob};
use crate::request::{self, InputError, Inputs, SignedRequest, Value};
use crate::rotation::Block;
use crate::rules::{self, GenerateOptions, Report, Strength, check::Rule};
use crate::sign::Credentials;
use crate::ui::clipboard::ClipboardGuard;
use crate::ui::preview::{KeyArg, Preview, PreviewCtx, command_line};
use crate::ui::widgets::{
    SecretText, block_notice, datetime_field, password_field, rule_checklist, strength_bar,
};
use crate::ui::{Action, Summary, block_words};
use crate::vault::Profile;

/// What is remembered of the forms between runs. Never a secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The operation shown last.
    pub operation: Option<String>,
    /// By operation id.
    pub per_op: BTreeMap<String, OpPrefs>,
}

/// One operation's remembered choices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpPrefs {
    pub region: String,
    pub endpoint: String,
    /// The profile last used; `None` for a typed key.
    pub profile: Option<String>,
    /// Generator length, within the operation's generator bounds.
    pub generator_length: Option<usize>,
    pub avoid_lookalikes: bool,
}

/// What the form needs from the app each frame.
pub struct FormCtx<'a> {
    pub profiles: &'a [Profile],
    pub now: OffsetDateTime,
    pub local: UtcOffset,
    pub actions: &'a mut Vec<Action>,
    pub clipboard: &'a mut ClipboardGuard,
}

/// The form panel: the operation shown and every operation's form.
#[derive(Debug)]
pub struct FormPanel {
    current: &'static Operation,
    forms: HashMap<&'static str, OpForm>,
    prefs: Prefs,
}

impl FormPanel {
    pub fn new(prefs: Prefs) -> Self {
        let current = prefs
            .operation
            .as_deref()
            .and_then(crate::catalog::find)
            .unwrap_or(CATALOG[0]);
        FormPanel {
            current,
            forms: HashMap::new(),
            prefs,
        }
    }

    pub fn current(&self) -> &'static Operation {
        self.current
    }

    /// The profile the current form uses, if any.
    pub fn current_profile(&self) -> Option<&str> {
        match &self.forms.get(self.current.id)?.key {
            KeyChoice::Profile(p) => Some(p),
            KeyChoice::Typed => None,
        }
    }

    pub fn select(&mut self, op: &'static Operation) {
        self.current = op;
    }

    /// What to remember: every form's choices, and the current operation.
    pub fn prefs(&self) -> Prefs {
        let mut prefs = self.prefs.clone();
        prefs.operation = Some(self.current.id.to_owned());
        for (id, form) in &self.forms {
            prefs.per_op.insert((*id).to_owned(), form.prefs());
        }
        prefs
    }

    fn form(&mut self, op: &'static Operation) -> &mut OpForm {
        let prefs = &self.prefs;
        self.forms
            .entry(op.id)
            .or_insert_with(|| OpForm::new(op, prefs.per_op.get(op.id)))
    }

    /// Uses `profile` (picked in the sidebar): in the current form if the
    /// provider matches, else in the first operation of its provider.
    pub fn use_profile(&mut self, profile: &Profile, actions: &mut Vec<Action>) {
        if self.current.provider != profile.provider
            && let Some(op) = CATALOG.iter().find(|op| op.provider == profile.provider)
        {
            self.current = op;
        }
        let op = self.current;
        self.form(op).choose_profile(Some(profile), actions);
    }

    /// The profile list changed: effective endpoints may differ.
    pub fn profiles_changed(&mut self) {
        for form in self.forms.values_mut() {
            form.dirty = true;
        }
    }

    /// A keyring check started for `op`'s form.
    pub fn key_check_started(&mut self, op: &'static Operation, id: JobId, profile: String) {
        self.form(op).key_check = Some((id, profile));
    }

    /// A keyring check finished; dropped if its form has moved on.
    pub fn key_found(&mut self, id: JobId, result: Result<(), String>) {
        for form in self.forms.values_mut() {
            if let Some((pending, profile)) = &form.key_check
                && *pending == id
            {
                form.key_status = Some((profile.clone(), result));
                form.key_check = None;
                return;
            }
        }
    }

    /// A send started for `op`'s form.
    pub fn send_started(&mut self, op: &'static Operation, id: JobId) {
        self.form(op).in_flight = Some(InFlight { id, handed: false });
    }

    /// A send's progress; clears the busy state when it ends.
    pub fn send_event(&mut self, id: JobId, event: &Event) {
        for form in self.forms.values_mut() {
            if let Some(flight) = &mut form.in_flight
                && flight.id == id
            {
                match event {
                    Event::Handed => flight.handed = true,
                    Event::Answered { .. } | Event::Cancelled | Event::NotStarted(_) => {
                        form.in_flight = None;
                        form.blocked = None;
                    }
                    Event::Blocked {
                        block,
                        can_override,
                    } => {
                        form.in_flight = None;
                        form.blocked = Some((block.clone(), *can_override));
                    }
                    _ => {}
                }
            }
        }
    }

    /// A preview's signing started for `op`'s form.
    pub fn preview_started(&mut self, op: &'static Operation, id: JobId) {
        self.form(op).preview.started(id);
    }

    /// A preview was signed (or could not be); dropped if stale.
    pub fn preview_answered(&mut self, id: JobId, result: Result<Box<SignedRequest>, String>) {
        if let Some(form) = self.forms.values_mut().find(|f| f.preview.waits_for(id)) {
            form.preview.answered(id, result);
        }
    }

    /// What a cancel achieved.
    pub fn cancel_result(&mut self, id: JobId, result: CancelOutcome) {
        if result == CancelOutcome::TooLate {
            for form in self.forms.values_mut() {
                if let Some(flight) = &mut form.in_flight
                    && flight.id == id
                {
                    flight.handed = true;
                }
            }
        }
    }

    /// TcaplusDB: switch `op`'s form to Mode 2 (change only the old
    /// password's expiry), with the resource of the result it came from.
    pub fn change_only_expiry(
        &mut self,
        op: &'static Operation,
        values: Vec<(&'static str, String)>,
        region: Option<String>,
    ) {
        self.current = op;
        let form = self.form(op);
        for (wire, value) in values {
            if form.text.contains_key(wire) {
                form.text.insert(wire, value);
            }
        }
        if let Some(region) = region {
            form.region = region;
        }
        if let Some((field, value)) = op.old_password_expiry.as_ref().and_then(|e| e.only_expiry)
            && form.choices.contains_key(field)
        {
            form.choices.insert(field, Some(value));
        }
        form.focus_expiry = true;
        form.notice = Some(
            "Filled in to change only the old password's expiry (Mode 2): pick the new expiry time, then send."
                .into(),
        );
        form.dirty = true;
    }

    /// Draws the current form. Returns true while a countdown is shown.
    pub fn ui(&mut self, ui: &mut Ui, ctx: FormCtx<'_>) -> bool {
        let Self {
            current,
            forms,
            prefs,
        } = self;
        let op: &'static Operation = current;
        let now = ctx.now;
        let form = forms
            .entry(op.id)
            .or_insert_with(|| OpForm::new(op, prefs.per_op.get(op.id)));
        form.ui(ui, ctx);
        form.counting(now)
    }
}

/// Where the access key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeyChoice {
    Typed,
    Profile(String),
}

#[derive(Debug)]
struct InFlight {
    id: JobId,
    /// Handed to the transport: no longer cancellable.
    handed: bool,
}

/// An open dialog.
#[derive(Debug)]
enum Dialog {
    Confirm(Box<Confirmation>),
    /// UCloud: confirm removing the password before the box is ticked.
    ConfirmRemoval,
}

#[derive(Debug)]
struct Confirmation {
    summary: Summary,
    job: SendJob,
    action_label: &'static str,
    /// "Send anyway": why the provider is expected to refuse.
    anyway: Option<String>,
}

/// Everything derived from the inputs; recomputed when they change.
#[derive(Debug, Default)]
struct Derived {
    report: Option<Report>,
    strength: Option<Strength>,
    /// What stands between the form and Submit, in words.
    problems: Vec<String>,
    /// Where the request would go, or why it cannot.
    endpoint: Option<Result<Endpoint, String>>,
    /// The equivalent command line, once the form is valid.
    command: Option<String>,
}

/// One operation's form.
#[derive(Debug)]
struct OpForm {
    op: &'static Operation,
    /// Text, date-time fields, by wire name.
    text: BTreeMap<&'static str, String>,
    /// Secret fields, by wire name.
    secrets: BTreeMap<&'static str, SecretText>,
    /// Choice fields: the chosen wire value.
    choices: BTreeMap<&'static str, Option<&'static str>>,
    region: String,
    key: KeyChoice,
    key_id: String,
    key_secret: SecretText,
    endpoint: String,
    /// UCloud: the user confirmed removing the password.
    remove_password: bool,
    generator_length: usize,
    avoid_lookalikes: bool,
    dirty: bool,
    derived: Derived,
    dialog: Option<Dialog>,
    in_flight: Option<InFlight>,
    key_check: Option<(JobId, String)>,
    key_status: Option<(String, Result<(), String>)>,
    notice: Option<String>,
    focus_expiry: bool,
    /// The last send was refused before sending: why, and whether the user
    /// may send anyway.
    blocked: Option<(Block, bool)>,
    preview: Preview,
    /// The clock at the last frame: an old password's expiry is checked
    /// against it.
    now: Option<OffsetDateTime>,
}

impl OpForm {
    fn new(op: &'static Operation, prefs: Option<&OpPrefs>) -> Self {
        let prefs = prefs.cloned().unwrap_or_default();
        let mut text = BTreeMap::new();
        let mut secrets = BTreeMap::new();
        let mut choices = BTreeMap::new();
        for field in op.fields {
            if Some(field.wire_name) == op.region.param {
                continue;
            }
            match field.kind {
                FieldKind::Secret => {
                    secrets.insert(field.wire_name, SecretText::new());
                }
                FieldKind::Choice(options) => {
                    let default = field
                        .default
                        .and_then(|d| options.iter().find(|(v, _)| *v == d).map(|(v, _)| *v));
                    choices.insert(field.wire_name, default);
                }
                FieldKind::Text | FieldKind::DateTime(_) => {
                    text.insert(field.wire_name, field.default.unwrap_or("").to_owned());
                }
            }
        }
        let spec = op.new_password.policy.generator;
        let generator_length = prefs
            .generator_length
            .filter(|l| (spec.min..=spec.max).contains(l))
            .unwrap_or(spec.default);
        OpForm {
            op,
            text,
            secrets,
            choices,
            region: prefs.region,
            key: prefs.profile.map_or(KeyChoice::Typed, KeyChoice::Profile),
            key_id: String::new(),
            key_secret: SecretText::new(),
            endpoint: prefs.endpoint,
            remove_password: false,
            generator_length,
            avoid_lookalikes: prefs.avoid_lookalikes,
            dirty: true,
            derived: Derived::default(),
            dialog: None,
            in_flight: None,
            key_check: None,
            key_status: None,
            notice: None,
            focus_expiry: false,
            blocked: None,
            preview: Preview::default(),
            now: None,
        }
    }

    fn prefs(&self) -> OpPrefs {
        OpPrefs {
            region: self.region.trim().to_owned(),
            endpoint: self.endpoint.trim().to_owned(),
            profile: match &self.key {
                KeyChoice::Profile(p) => Some(p.clone()),
                KeyChoice::Typed => None,
            },
            generator_length: Some(self.generator_length),
            avoid_lookalikes: self.avoid_lookalikes,
        }
    }

    fn choose_profile(&mut self, profile: Option<&Profile>, actions: &mut Vec<Action>) {
        let choice = profile.map_or(KeyChoice::Typed, |p| KeyChoice::Profile(p.name.clone()));
        if choice == self.key {
            return;
        }
        if let Some(p) = profile {
            self.apply_profile_defaults(p);
        }
        self.key = choice;
        self.key_status = None;
        self.key_check = None;
        if let KeyChoice::Profile(name) = &self.key {
            actions.push(Action::CheckKey {
                op: self.op,
                profile: name.clone(),
            });
        }
        self.dirty = true;
    }

    /// A profile's region and project id fill the form where it is empty,
    /// as they do for `keyturn request --profile`.
    fn apply_profile_defaults(&mut self, p: &Profile) {
        if self.region.trim().is_empty()
            && let Some(region) = &p.region
        {
            self.region = region.clone();
        }
        if let Some(id) = p.project_ids.get(self.region.trim())
            && let Some(field) = self.op.project_field().and_then(|f| self.text.get_mut(f))
            && field.trim().is_empty()
        {
            *field = id.clone();
        }
    }

    /// What the user gave, for `request::validate`.
    /// The expiry in the form was still to come at the last frame and has
    /// passed since: the form must be checked again.
    fn expiry_just_passed(&self, now: OffsetDateTime) -> bool {
        let Some(spec) = &self.op.old_password_expiry else {
            return false;
        };
        let Some(at) = self.text.get(spec.field).and_then(|t| spec.parse(t)) else {
            return false;
        };
        at < now && self.now.is_some_and(|before| at >= before)
    }

    fn inputs(&self) -> Inputs {
        let mut inputs = Inputs {
            region: Some(self.region.trim())
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
            now: self.now,
            ..Inputs::default()
        };
        for (wire, value) in &self.text {
            let value = value.trim();
            if !value.is_empty() {
                inputs.set(wire, Value::Plain(value.to_owned()));
            }
        }
        for (wire, value) in &self.choices {
            if let Some(v) = value {
                inputs.set(wire, Value::Plain((*v).to_owned()));
            }
        }
        for (wire, value) in &self.secrets {
            if *wire == self.op.new_password.field && self.remove_password {
                inputs.set(
                    wire,
                    Value::Secret(secrecy::SecretString::from(String::new())),
                );
                inputs.confirmed_empty.insert((*wire).to_owned());
            } else if !value.is_empty() {
                inputs.set(wire, Value::Secret(value.to_secret()));
            }
        }
        inputs
    }

    fn profile<'p>(&self, profiles: &'p [Profile]) -> Option<&'p Profile> {
        match &self.key {
            KeyChoice::Profile(name) => profiles.iter().find(|p| &p.name == name),
            KeyChoice::Typed => None,
        }
    }

    /// Where the request goes: the override, else the profile's, else the
    /// operation's own host for the region.
    fn endpoint(&self, profiles: &[Profile]) -> Result<Endpoint, String> {
        let typed = self.endpoint.trim();
        let from_profile = self.profile(profiles).and_then(|p| p.endpoint.as_deref());
        match (typed, from_profile) {
            ("", Some(url)) => Endpoint::parse_override(url),
            ("", None) => {
                let region = Some(self.region.trim()).filter(|r| !r.is_empty());
                Endpoint::default_for(self.op, region)
            }
            (url, _) => Endpoint::parse_override(url),
        }
        .map_err(|e| endpoint_words(&e))
    }

    /// Why the key cannot be used, if it cannot.
    fn key_problem(&self, profiles: &[Profile]) -> Option<String> {
        match &self.key {
            KeyChoice::Typed if self.key_id.trim().is_empty() => {
                Some("Access key ID is required".into())
            }
            KeyChoice::Typed if self.key_secret.is_empty() => {
                Some("Access key secret is required".into())
            }
            KeyChoice::Typed => None,
            KeyChoice::Profile(name) => match self.profile(profiles) {
                None => Some(format!("profile {name:?} is not in the profile list")),
                Some(p) if p.provider != self.op.provider => Some(format!(
                    "profile {name:?} holds a {} key; this is a {} API",
                    p.provider.name(),
                    self.op.provider.name()
                )),
                Some(_) => None,
            },
        }
    }

    fn recompute(&mut self, profiles: &[Profile]) {
        let op = self.op;
        let policy = &op.new_password.policy;
        let new = self
            .secrets
            .get(op.new_password.field)
            .map(SecretText::expose)
            .unwrap_or("");
        let current = op
            .new_password
            .current_field
            .and_then(|f| self.secrets.get(f))
            .map(SecretText::expose)
            .filter(|c| !c.is_empty());
        let (report, strength) = if self.remove_password || new.is_empty() {
            (None, None)
        } else {
            // Words an attacker may know: the resource ids and user name.
            let known: Vec<&str> = op
                .resource_fields
                .iter()
                .chain(op.user_field.iter())
                .filter_map(|f| self.text.get(f).map(|s| s.trim()))
                .filter(|s| !s.is_empty())
                .collect();
            (
                Some(rules::check(policy, new, current)),
                Some(rules::estimate(new, &known)),
            )
        };
        let inputs = self.inputs();
        let mut problems = match request::validate(op, &inputs) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| input_words(op, e)).collect(),
        };
        let endpoint = self.endpoint(profiles);
        if let Err(e) = &endpoint
            && !problems.iter().any(|p| p == e)
        {
            problems.push(e.clone());
        }
        if let Some(p) = self.key_problem(profiles) {
            problems.push(p);
        }
        let command = problems.is_empty().then(|| {
            let key = match &self.key {
                KeyChoice::Profile(name) => KeyArg::Profile(name),
                KeyChoice::Typed => KeyArg::KeyId(self.key_id.trim()),
            };
            let typed = Some(self.endpoint.trim()).filter(|e| !e.is_empty());
            command_line(op, &inputs, key, typed)
        });
        self.derived = Derived {
            report,
            strength,
            problems,
            endpoint: Some(endpoint),
            command,
        };
        self.dirty = false;
    }

    /// Validates again and builds the confirmation; `None` if not ready.
    fn confirmation(&self, profiles: &[Profile], anyway: bool) -> Option<Confirmation> {
        let op = self.op;
        let validated = request::validate(op, &self.inputs()).ok()?;
        let endpoint = self.endpoint(profiles).ok()?;
        if self.key_problem(profiles).is_some() {
            return None;
        }
        let (key, account) = match &self.key {
            KeyChoice::Typed => (
                KeySource::Typed(Credentials::new(
                    self.key_id.trim(),
                    self.key_secret.to_secret(),
                )),
                format!("typed key {} (not stored)", self.key_id.trim()),
            ),
            KeyChoice::Profile(name) => (
                KeySource::Profile(name.clone()),
                format!(
                    "profile {name} (key {})",
                    self.profile(profiles).map_or("?", |p| p.key_id.as_str())
                ),
            ),
        };
        let resources = op
            .resource_fields
            .iter()
            .chain(op.user_field.iter())
            .filter_map(|wire| {
                let field = op.field(wire)?;
                let value = validated.value(wire)?.expose().to_owned();
                Some((field.label, field.wire_name, value))
            })
            .collect();
        let expiry = op.old_password_expiry.as_ref();
        let expiry_text = expiry
            .and_then(|e| validated.value(e.field))
            .map(|v| v.expose().to_owned());
        let zone = expiry.map(|e| e.zone_name).unwrap_or_default();
        let only_expiry = op.only_changes_expiry(|f| validated.value(f).map(Value::expose));
        let (change, action_label) = if self.remove_password {
            let means = op
                .field(op.new_password.field)
                .and_then(|f| f.empty_means)
                .unwrap_or("removes the password");
            (
                format!("Removes the password: {means}."),
                "Remove the password",
            )
        } else if only_expiry {
            (
                format!(
                    "Changes only when the old password expires, to {} ({zone}). The password itself stays.",
                    expiry_text.as_deref().unwrap_or("?")
                ),
                "Change the expiry",
            )
        } else if let Some(expiry) = &expiry_text {
            (
                format!("Sets a new password. The old one keeps working until {expiry} ({zone})."),
                "Change the password",
            )
        } else {
            ("Sets a new password.".to_owned(), "Change the password")
        };
        let summary = Summary {
            op,
            account,
            region: validated.region().map(str::to_owned),
            endpoint: format!("{}://{}", endpoint.scheme.as_str(), endpoint.host),
            resources,
            change,
            old_password_expires: expiry
                .zip(expiry_text.as_deref())
                .and_then(|(e, text)| e.parse(text)),
        };
        let endpoint_override = Some(self.endpoint.trim())
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .or_else(|| self.profile(profiles).and_then(|p| p.endpoint.clone()));
        Some(Confirmation {
            summary,
            job: SendJob {
                request: validated,
                endpoint,
                endpoint_override,
                key,
                anyway,
            },
            action_label,
            anyway: anyway
                .then(|| self.blocked.as_ref().map(|(b, _)| block_words(b)))
                .flatten(),
        })
    }

    fn ui(&mut self, ui: &mut Ui, ctx: FormCtx<'_>) {
        let FormCtx {
            profiles,
            now,
            local,
            actions,
            clipboard,
        } = ctx;
        if self.expiry_just_passed(now) {
            self.dirty = true;
        }
        self.now = Some(now);
        if self.dirty {
            self.recompute(profiles);
        }
        let op = self.op;
        let busy = self.in_flight.is_some();
        let mut changed = false;

        ui.heading(format!("{} {}: {}", op.provider.name(), op.product, op.api));
        ui.label(op.title);
        for note in op.notes {
            ui.label(RichText::new(format!("• {note}")).weak());
        }
        if let Some(notice) = &self.notice {
            ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
        }
        ui.add_space(6.0);

        ui.add_enabled_ui(!busy, |ui| {
            changed |= self.account_ui(ui, profiles, actions);
            ui.add_space(6.0);
            ui.label(RichText::new("Request").strong());
            changed |= self.fields_ui(ui, now, local);
        });
        if changed {
            self.notice = None;
            self.blocked = None;
            self.preview.invalidate();
            self.dirty = true;
            self.recompute(profiles);
        }

        ui.add_space(8.0);
        let ready = self.derived.problems.is_empty() && !busy;
        if !self.derived.problems.is_empty() {
            ui.label(RichText::new("Before sending:").strong());
            for p in &self.derived.problems {
                ui.label(RichText::new(format!("• {p}")).color(ui.visuals().warn_fg_color));
            }
        }
        ui.horizontal(|ui| {
            let submit = ui
                .add_enabled(ready, egui::Button::new("Review and send…"))
                .on_hover_text("Shows exactly what will change before anything is sent (Enter)");
            if submit.clicked() {
                self.open_confirmation(profiles, false);
            }
            if let Some(flight) = &self.in_flight {
                ui.spinner();
                if flight.handed {
                    ui.label(
                        "Sent to the provider, waiting for the answer. It can no longer be cancelled.",
                    );
                } else {
                    ui.label("Preparing to send…");
                    if ui
                        .button("Cancel")
                        .on_hover_text("Stop before the request leaves this machine")
                        .clicked()
                    {
                        actions.push(Action::Cancel(flight.id));
                    }
                }
            }
        });
        let enter = ready
            && self.dialog.is_none()
            && !egui::Popup::is_any_open(ui.ctx())
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
        if enter {
            self.open_confirmation(profiles, false);
        }
        self.blocked_ui(ui, now, local, profiles, ready);
        ui.add_space(8.0);
        let wants_preview = self.preview.ui(
            ui,
            PreviewCtx {
                ready: self.derived.problems.is_empty(),
                command: self.derived.command.as_deref(),
                clipboard,
            },
        );
        if wants_preview && let Some(c) = self.confirmation(profiles, false) {
            actions.push(Action::Preview {
                op,
                job: Box::new(c.job),
            });
        }
        self.dialog_ui(ui, actions);
    }

    fn open_confirmation(&mut self, profiles: &[Profile], anyway: bool) {
        if let Some(c) = self.confirmation(profiles, anyway) {
            self.dialog = Some(Dialog::Confirm(Box::new(c)));
        }
    }

    /// The last send was refused before it left: why, until when, and
    /// the explicit choice to send anyway.
    fn blocked_ui(
        &mut self,
        ui: &mut Ui,
        now: OffsetDateTime,
        local: UtcOffset,
        profiles: &[Profile],
        ready: bool,
    ) {
        let Some((block, can_override)) = &self.blocked else {
            return;
        };
        let can_override = *can_override;
        ui.add_space(6.0);
        block_notice(
            ui,
            "Not sent: the provider would refuse this change now",
            block,
            now,
            local,
        );
        ui.label(RichText::new("Nothing was sent; nothing changed.").weak());
        if can_override
            && ui
                .add_enabled(ready, egui::Button::new("Send anyway…"))
                .on_hover_text("Send although the provider is expected to refuse")
                .clicked()
        {
            self.open_confirmation(profiles, true);
        }
    }

    /// Whether a blocked send's countdown is on screen.
    fn counting(&self, now: OffsetDateTime) -> bool {
        self.blocked
            .as_ref()
            .and_then(|(b, _)| b.until())
            .is_some_and(|until| until > now)
    }

    /// Profile picker or typed key, region, endpoint. Returns whether
    /// anything changed.
    fn account_ui(&mut self, ui: &mut Ui, profiles: &[Profile], actions: &mut Vec<Action>) -> bool {
        let op = self.op;
        let mut changed = false;
        ui.label(RichText::new("Account").strong());
        egui::Grid::new(("account", op.id))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui
                    .label("Access key")
                    .on_hover_text("A stored profile of this provider, or a key typed in for this call only");
                let shown = match &self.key {
                    KeyChoice::Typed => "Typed key (this call only)".to_owned(),
                    KeyChoice::Profile(p) => format!("Profile {p}"),
                };
                let mut picked = None;
                egui::ComboBox::from_id_salt(("key-source", op.id))
                    .selected_text(shown)
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(self.key == KeyChoice::Typed, "Typed key (this call only)")
                            .clicked()
                        {
                            picked = Some(None);
                        }
                        for p in profiles.iter().filter(|p| p.provider == op.provider) {
                            let selected = self.key == KeyChoice::Profile(p.name.clone());
                            if ui
                                .selectable_label(selected, format!("Profile {} ({})", p.name, p.key_id))
                                .clicked()
                            {
                                picked = Some(Some(p));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if let Some(choice) = picked {
                    self.choose_profile(choice, actions);
                    changed = true;
                }
                ui.end_row();

                match &self.key {
                    KeyChoice::Typed => {
                        let label = required_label(ui, "Access key ID", "The access key's id (not secret).");
                        changed |= ui
                            .add(
                                egui::TextEdit::singleline(&mut self.key_id)
                                    .id(Id::unique(("key-id", op.id)))
                                    .desired_width(240.0),
                            )
                            .labelled_by(label)
                            .changed();
                        ui.end_row();
                        let label = required_label(
                            ui,
                            "Access key secret",
                            "Used for this call only: never stored, never shown.",
                        );
                        changed |= password_field(
                            ui,
                            &mut self.key_secret,
                            Id::unique(("key-secret", op.id)),
                            label,
                        )
                        .changed();
                        ui.end_row();
                    }
                    KeyChoice::Profile(name) => {
                        ui.label("");
                        match (&self.key_check, &self.key_status) {
                            (Some(_), _) => {
                                ui.label(RichText::new("Looking for the key in the keyring…").weak());
                            }
                            (None, Some((p, Ok(())))) if p == name => {
                                ui.label(RichText::new("✔ access key found in the keyring").weak());
                            }
                            (None, Some((p, Err(e)))) if p == name => {
                                ui.label(
                                    RichText::new(format!("✘ {e}"))
                                        .color(ui.visuals().error_fg_color),
                                );
                            }
                            _ => {
                                ui.label("");
                            }
                        }
                        ui.end_row();
                    }
                }

                let region_label = match op.region.param.and_then(|p| op.field(p)) {
                    Some(f) => f.label,
                    None => "Region",
                };
                let label = if op.region.required {
                    required_label(ui, region_label, region_help(op))
                } else {
                    optional_label(ui, region_label, region_help(op))
                };
                ui.horizontal(|ui| {
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(&mut self.region)
                                .id(Id::unique(("region", op.id)))
                                .hint_text(op.region.examples.first().copied().unwrap_or(""))
                                .desired_width(160.0),
                        )
                        .labelled_by(label)
                        .changed();
                    let known = egui::ComboBox::from_id_salt(("region-examples", op.id))
                        .selected_text("Known regions")
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
                            "Known regions",
                        )
                    });
                    if let Some(Some(r)) = known.inner {
                        self.region = r.to_owned();
                        changed = true;
                    }
                });
                ui.end_row();

                let label = optional_label(
                    ui,
                    "Endpoint override",
                    "For private or VPC endpoints: https:// to any host, http:// only to a loopback address.",
                );
                let default_hint = match self.profile(profiles).and_then(|p| p.endpoint.clone()) {
                    Some(url) => format!("profile's: {url}"),
                    None => "default for the region".to_owned(),
                };
                ui.vertical(|ui| {
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(&mut self.endpoint)
                                .id(Id::unique(("endpoint", op.id)))
                                .hint_text(default_hint)
                                .desired_width(260.0),
                        )
                        .labelled_by(label)
                        .changed();
                    if let Some(Ok(e)) = &self.derived.endpoint {
                        ui.label(
                            RichText::new(format!("Sends to {}://{}", e.scheme.as_str(), e.host))
                                .weak(),
                        );
                    }
                });
                ui.end_row();
            });
        changed
    }

    /// The operation's own fields, in catalogue order.
    fn fields_ui(&mut self, ui: &mut Ui, now: OffsetDateTime, local: UtcOffset) -> bool {
        let op = self.op;
        let shown = |advanced: bool| {
            op.fields
                .iter()
                .filter(move |f| f.advanced == advanced && Some(f.wire_name) != op.region.param)
        };
        let mut changed = false;
        egui::Grid::new(("fields", op.id))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for field in shown(false) {
                    changed |= self.field_row(ui, field, now, local);
                    ui.end_row();
                }
            });
        if shown(true).next().is_some() {
            // Optional fields most calls leave out, folded away.
            egui::CollapsingHeader::new("Advanced")
                .id_salt(("advanced", op.id))
                .show(ui, |ui| {
                    egui::Grid::new(("advanced-fields", op.id))
                        .num_columns(2)
                        .spacing([12.0, 6.0])
                        .show(ui, |ui| {
                            for field in shown(true) {
                                changed |= self.field_row(ui, field, now, local);
                                ui.end_row();
                            }
                        });
                });
        }
        changed
    }

    /// One field's label and input; true if the value changed.
    fn field_row(
        &mut self,
        ui: &mut Ui,
        field: &'static Field,
        now: OffsetDateTime,
        local: UtcOffset,
    ) -> bool {
        let op = self.op;
        let mut changed = false;
        let is_new = field.wire_name == op.new_password.field;
        let label = if field.required {
            required_label(ui, field.label, field.help)
        } else {
            optional_label(ui, field.label, field.help)
        };
        let id = Id::unique(("field", op.id, field.wire_name));
        match field.kind {
            FieldKind::Text => {
                if let Some(value) = self.text.get_mut(field.wire_name) {
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(value)
                                .id(id)
                                .desired_width(240.0),
                        )
                        .labelled_by(label)
                        .changed();
                }
            }
            FieldKind::DateTime(_) => {
                if self.focus_expiry {
                    ui.memory_mut(|m| m.request_focus(id));
                    self.focus_expiry = false;
                }
                if let Some(value) = self.text.get_mut(field.wire_name) {
                    changed |= match op.old_password_expiry.as_ref() {
                        Some(spec) if spec.field == field.wire_name => {
                            datetime_field(ui, value, spec, id, label, now, local).changed()
                        }
                        _ => ui
                            .add(
                                egui::TextEdit::singleline(value)
                                    .id(id)
                                    .desired_width(240.0),
                            )
                            .labelled_by(label)
                            .changed(),
                    };
                }
            }
            FieldKind::Choice(options) => {
                let current = self.choices.get(field.wire_name).copied().flatten();
                let shown = current
                    .and_then(|v| options.iter().find(|(w, _)| *w == v))
                    .map_or("Choose…".to_owned(), |(v, l)| format!("{v}: {l}"));
                let mut pick = None;
                egui::ComboBox::from_id_salt(id)
                    .selected_text(shown)
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for (v, l) in options.iter() {
                            if ui
                                .selectable_label(current == Some(*v), format!("{v}: {l}"))
                                .clicked()
                            {
                                pick = Some(*v);
                            }
                        }
                    })
                    .response
                    .labelled_by(label);
                if let Some(v) = pick {
                    self.choices.insert(field.wire_name, Some(v));
                    changed = true;
                }
            }
            FieldKind::Secret if is_new => {
                changed |= self.new_password_ui(ui, id, label);
            }
            FieldKind::Secret => {
                if let Some(value) = self.secrets.get_mut(field.wire_name) {
                    changed |= password_field(ui, value, id, label).changed();
                }
            }
        }
        changed
    }

    /// The new password with Generate, the checklist and the strength bar.
    fn new_password_ui(&mut self, ui: &mut Ui, id: Id, label: Id) -> bool {
        let op = self.op;
        let field = op.field(op.new_password.field);
        let mut changed = false;
        ui.vertical(|ui| {
            ui.add_enabled_ui(!self.remove_password, |ui| {
                if let Some(value) = self.secrets.get_mut(op.new_password.field) {
                    changed |= password_field(ui, value, id, label).changed();
                }
            });
            if let Some(means) = field.and_then(|f| f.empty_means) {
                let mut remove = self.remove_password;
                if ui
                    .checkbox(&mut remove, "Remove the password instead")
                    .on_hover_text(format!("An empty password {means}."))
                    .changed()
                {
                    if remove {
                        self.dialog = Some(Dialog::ConfirmRemoval);
                    } else {
                        self.remove_password = false;
                        changed = true;
                    }
                }
                if self.remove_password {
                    ui.label(
                        RichText::new(format!("The password will be removed: this {means}."))
                            .color(ui.visuals().warn_fg_color),
                    );
                    return;
                }
            }
            let spec = op.new_password.policy.generator;
            // Wraps onto a second line when the form is narrow, rather
            // than running under the results panel.
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Generate")
                    .on_hover_text("Fill in a random password this operation accepts")
                    .clicked()
                {
                    let options = GenerateOptions {
                        length: self.generator_length,
                        avoid_lookalikes: self.avoid_lookalikes,
                    };
                    match rules::generate(&op.new_password.policy, options) {
                        Ok(pw) => {
                            if let Some(value) = self.secrets.get_mut(op.new_password.field) {
                                value.set(secrecy::ExposeSecret::expose_secret(&pw));
                                changed = true;
                            }
                        }
                        Err(e) => self.notice = Some(e.to_string()),
                    }
                }
                ui.add(
                    egui::Slider::new(&mut self.generator_length, spec.min..=spec.max)
                        .text("characters"),
                );
                ui.checkbox(&mut self.avoid_lookalikes, "Avoid look-alike characters")
                    .on_hover_text("Leave out I l 1 | O 0 o");
            });
            if let Some(report) = &self.derived.report {
                let same = report
                    .rules
                    .iter()
                    .any(|r| r.rule == Rule::DiffersFromCurrent && !r.passed);
                if same {
                    ui.label(
                        RichText::new("⚠ The new password is the same as the current one.")
                            .color(ui.visuals().warn_fg_color)
                            .strong(),
                    );
                }
                rule_checklist(ui, report);
                let missing: Vec<&str> = report
                    .rules
                    .iter()
                    .filter(|r| !r.passed)
                    .filter_map(|r| r.missing.as_deref())
                    .collect();
                if !missing.is_empty() {
                    ui.label(RichText::new(format!("Missing: {}", missing.join("; "))).weak());
                }
            } else {
                ui.label(
                    RichText::new("Type or generate the new password to see its rules.").weak(),
                );
            }
            if let Some(strength) = &self.derived.strength {
                strength_bar(ui, strength);
            }
        });
        changed
    }

    fn dialog_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(dialog) = &self.dialog else {
            return;
        };
        let ctx = ui.ctx().clone();
        match dialog {
            Dialog::Confirm(c) => {
                let mut confirmed = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
                let mut cancelled = false;
                let modal =
                    egui::Modal::new(Id::unique(("confirm-send", self.op.id))).show(&ctx, |ui| {
                        ui.set_max_width(520.0);
                        ui.heading("Confirm the change");
                        egui::Grid::new("confirm-rows")
                            .num_columns(2)
                            .spacing([12.0, 4.0])
                            .show(ui, |ui| {
                                let s = &c.summary;
                                ui.label("Operation");
                                ui.label(format!(
                                    "{} ({} {})",
                                    s.op.api,
                                    s.op.provider.name(),
                                    s.op.product
                                ));
                                ui.end_row();
                                ui.label("Account");
                                ui.label(&s.account);
                                ui.end_row();
                                ui.label("Region");
                                ui.label(s.region.as_deref().unwrap_or("(none)"));
                                ui.end_row();
                                ui.label("Endpoint");
                                ui.label(&s.endpoint);
                                ui.end_row();
                                for (label, _, value) in &s.resources {
                                    ui.label(*label);
                                    ui.label(value);
                                    ui.end_row();
                                }
                            });
                        ui.add_space(4.0);
                        ui.label(RichText::new(&c.summary.change).strong());
                        if let Some(why) = &c.anyway {
                            ui.label(
                                RichText::new(format!("Sending anyway: {why}"))
                                    .color(ui.visuals().warn_fg_color),
                            );
                        }
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            if ui.button(c.action_label).clicked() {
                                confirmed = true;
                            }
                            if ui.button("Cancel").clicked() {
                                cancelled = true;
                            }
                        });
                        ui.label(
                            RichText::new("Enter confirms · Escape cancels")
                                .weak()
                                .small(),
                        );
                    });
                if modal.should_close() {
                    cancelled = true;
                }
                if cancelled {
                    self.dialog = None;
                } else if confirmed && let Some(Dialog::Confirm(c)) = self.dialog.take() {
                    let Confirmation { summary, job, .. } = *c;
                    self.notice = None;
                    actions.push(Action::Send {
                        job: Box::new(job),
                        summary: Box::new(summary),
                    });
                }
            }
            Dialog::ConfirmRemoval => {
                let means = self
                    .op
                    .field(self.op.new_password.field)
                    .and_then(|f| f.empty_means)
                    .unwrap_or("removes the password");
                let mut decided = None;
                let modal = egui::Modal::new(Id::unique(("confirm-removal", self.op.id))).show(
                    &ctx,
                    |ui| {
                        ui.set_max_width(460.0);
                        ui.heading("Remove the password?");
                        ui.label(format!("An empty password {means}."));
                        ui.label("You will be asked again before anything is sent.");
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            if ui.button("Yes, remove the password").clicked() {
                                decided = Some(true);
                            }
                            if ui.button("Keep the password").clicked() {
                                decided = Some(false);
                            }
                        });
                    },
                );
                if modal.should_close() {
                    decided = Some(false);
                }
                if let Some(remove) = decided {
                    self.dialog = None;
                    self.remove_password = remove;
                    self.dirty = true;
                }
            }
        }
    }
}

/// A field label with a red required mark; returns the label's id, which
/// names the input for screen readers (and tests).
fn required_label(ui: &mut Ui, text: &str, help: &str) -> Id {
    ui.horizontal(|ui| {
        let label = ui.label(text).on_hover_text(help);
        ui.label(RichText::new("*").color(Color32::from_rgb(0xd0, 0x40, 0x40)))
            .on_hover_text("Required");
        label.id
    })
    .inner
}

fn optional_label(ui: &mut Ui, text: &str, help: &str) -> Id {
    ui.label(text).on_hover_text(help).id
}

fn region_help(op: &Operation) -> &'static str {
    match (op.region.param.is_some(), op.region.regional_host.is_some()) {
        (_, true) => "Picks the endpoint host (and fills the region parameter).",
        (true, false) => "Sent as the operation's region parameter.",
        (false, false) => "Sent in the request's region header.",
    }
}

fn label_of(op: &Operation, wire: &str) -> String {
    op.field(wire)
        .map_or_else(|| wire.to_owned(), |f| f.label.to_owned())
}

/// An input problem in words, naming fields by their labels.
fn input_words(op: &Operation, e: &InputError) -> String {
    match e {
        InputError::Missing(w) => format!("{} is required", label_of(op, w)),
        InputError::NotAChoice { field, allowed } => {
            format!("{} must be one of: {allowed}", label_of(op, field))
        }
        InputError::BadDateTime { field, pattern } => {
            format!("{} must be written {pattern}", label_of(op, field))
        }
        InputError::ExpiryInPast { field, at } => {
            format!(
                "{} is in the past ({at}): pick a time still to come",
                label_of(op, field)
            )
        }
        InputError::UnsafePathValue(w) => format!(
            "{} may contain only letters, digits and - _ . ~",
            label_of(op, w)
        ),
        InputError::EmptyNotConfirmed { field, .. } => format!("{} is empty", label_of(op, field)),
        InputError::Region(e) => endpoint_words(e),
        InputError::PasswordRules { .. } => {
            "the new password breaks a rule (see the checklist)".into()
        }
        other => other.to_string(),
    }
}

fn endpoint_words(e: &EndpointError) -> String {
    match e {
        EndpointError::RegionRequired(_) => "Region is required".into(),
        EndpointError::BadRegion(r) => {
            format!("region {r:?} is not a region name (letters, digits and '-')")
        }
        other => format!("Endpoint override: {other}"),
    }
}
