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
//! Each form (`state.rs`) is made of parts, each a struct with its own
//! state and `ui` in its own file (`account`, `fields`, `new_password`,
//! `dialog` with `confirmation`, `known`); the form holds them, routes
//! between them and computes across them. None imports the state or this
//! module; what several read lives in `parts.rs`.
//!
//! Each operation keeps its own form for the session, so switching back and
//! forth loses nothing. Secrets live in [`SecretText`] buffers and are never
//! persisted; what is remembered between runs (`prefs.rs`: region,
//! endpoint, profile, generator length and look-alike choice) holds none.

mod account;
mod confirmation;
mod dialog;
mod fields;
mod inputs;
mod key_check;
mod known;
mod labels;
mod new_password;
mod parts;
mod prefs;
mod state;
mod view;
mod words;

use std::collections::HashMap;

use egui::Ui;
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::{CATALOG, Operation};
use crate::jobs::{CancelOutcome, Event, JobId};
use crate::request::SignedRequest;
use crate::rotation::Outlook;
use crate::ui::Action;
use crate::ui::clipboard::ClipboardGuard;
use crate::ui::remedy::Failure;
use crate::vault::Profile;

pub use prefs::Prefs;
use state::{InFlight, OpForm};

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
    /// The profile the form left last used: the next form nothing is
    /// remembered of starts with it when it is of that form's cloud.
    carried: Option<String>,
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
            carried: None,
        }
    }

    pub fn current(&self) -> &'static Operation {
        self.current
    }

    /// The profile the current form uses, if any.
    pub fn current_profile(&self) -> Option<&str> {
        self.forms.get(self.current.id)?.account.profile_name()
    }

    /// Shows `op`'s form. A dialog of the form left behind closes: it
    /// must never wait, unseen, to be answered by a stray click or key.
    pub fn select(&mut self, op: &'static Operation) {
        if op.id != self.current.id {
            if let Some(name) = self.current_profile() {
                self.carried = Some(name.to_owned());
            }
            self.close_dialogs();
            // The keyboard starts where the admin has something to type.
            self.form(op).focus_first = true;
        }
        self.current = op;
    }

    /// Closes every form's open dialog (the view is left).
    pub fn close_dialogs(&mut self) {
        for form in self.forms.values_mut() {
            form.dialogs.close();
        }
    }

    /// What to remember: every form's choices, and the current operation.
    /// Forgets every secret typed into every form of the session, each
    /// form that held one saying so with `notice`. Whether any was held.
    pub fn forget_typed_secrets(&mut self, notice: &str) -> bool {
        let mut held = false;
        for form in self.forms.values_mut() {
            held |= form.forget_typed_secrets(notice);
        }
        held
    }

    /// Whether any form holds a typed secret.
    pub fn holds_typed_secrets(&self) -> bool {
        self.forms.values().any(OpForm::holds_typed_secrets)
    }

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
            self.select(op);
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
        self.form(op).account.key_check_started(id, profile);
    }

    /// A keyring check finished; dropped if its form has moved on.
    pub fn key_found(&mut self, id: JobId, result: Result<(), Failure>) {
        if let Some(form) = self
            .forms
            .values_mut()
            .find(|f| f.account.waits_for_key(id))
        {
            form.account.key_found(id, result);
        }
    }

    /// A look-up of what is known of `op`'s form's resource started.
    pub fn look_ahead_started(&mut self, op: &'static Operation, id: JobId) {
        self.form(op).known.started(id);
    }

    /// What is known of a form's resource; dropped if the form has moved
    /// on to another resource (which is then asked about).
    pub fn outlook(&mut self, id: JobId, result: Result<Box<Outlook>, Failure>) {
        if let Some(form) = self.forms.values_mut().find(|f| f.known.waits_for(id)) {
            form.known.answered(id, result);
            form.fill_passwords_for_expiry();
        }
    }

    /// Whether a look-up of what is known of a resource is in flight.
    pub fn looking_ahead(&self) -> bool {
        self.forms.values().any(|f| f.known.waiting())
    }

    /// The journal was read again: what the forms know may be out of date.
    pub fn journal_changed(&mut self) {
        for form in self.forms.values_mut() {
            form.known.mark_stale();
        }
    }

    /// A send started for `op`'s form.
    pub fn send_started(&mut self, op: &'static Operation, id: JobId) {
        self.form(op).in_flight = Some(InFlight {
            id,
            handed: false,
            task: None,
        });
    }

    /// A send's progress; clears the busy state when it ends.
    pub fn send_event(&mut self, id: JobId, event: &Event) {
        for form in self.forms.values_mut() {
            if form.send_event(id, event) {
                return;
            }
        }
    }

    /// A preview's signing started for `op`'s form.
    pub fn preview_started(&mut self, op: &'static Operation, id: JobId) {
        self.form(op).preview.started(id);
    }

    /// A preview was signed (or could not be); dropped if stale.
    pub fn preview_answered(&mut self, id: JobId, result: Result<Box<SignedRequest>, Failure>) {
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
        self.select(op);
        let form = self.form(op);
        for (wire, value) in values {
            form.fields.set_text(wire, value);
        }
        if let Some(region) = region {
            form.account.set_region(region);
        }
        form.change_only_expiry("form-only-expiry-filled");
    }

    /// Draws the current form. Returns true while a countdown is shown.
    pub fn ui(&mut self, ui: &mut Ui, ctx: FormCtx<'_>) -> bool {
        let Self {
            current,
            forms,
            prefs,
            carried,
        } = self;
        let op: &'static Operation = current;
        let now = ctx.now;
        let form = forms
            .entry(op.id)
            .or_insert_with(|| OpForm::new(op, prefs.per_op.get(op.id)));
        form.preselect(carried.as_deref(), ctx.profiles, ctx.actions);
        form.ui(ui, ctx);
        form.counting(now)
    }
}

#[cfg(test)]
mod tests {
    use super::state::tests::{DCS, TCAPLUS, op, ready_tcaplus};
    use super::*;
    use crate::jobs::JobError;

    /// A form whose confirmation is open, as after "Review and send…".
    fn panel_with_open_dialog() -> FormPanel {
        let mut panel = FormPanel::new(Prefs::default());
        let tcaplus = op(TCAPLUS);
        panel.select(tcaplus);
        let mut form = ready_tcaplus();
        form.open_confirmation(&[], false);
        assert!(form.dialogs.is_open(), "the form is ready to confirm");
        panel.forms.insert(tcaplus.id, form);
        panel
    }

    fn dialog_open(panel: &FormPanel) -> bool {
        panel.forms.values().any(|f| f.dialogs.is_open())
    }

    #[test]
    fn another_operation_closes_the_dialog_left_behind() {
        let mut panel = panel_with_open_dialog();
        panel.select(op(TCAPLUS));
        assert!(dialog_open(&panel), "the same operation keeps it");
        panel.select(op(DCS));
        assert!(!dialog_open(&panel));
        panel.select(op(TCAPLUS));
        assert!(!dialog_open(&panel), "it does not come back");
    }

    /// Typing a resource id names a new resource at each keystroke: the
    /// form asks about one at a time, and the answer about an id it no
    /// longer names is dropped, then the id typed by then is asked about.
    #[test]
    fn typing_a_resource_id_asks_about_one_resource_at_a_time() {
        let dcs = op(DCS);
        let mut panel = FormPanel::new(Prefs::default());
        panel.select(dcs);
        let asked = |panel: &mut FormPanel| {
            let mut actions = Vec::new();
            panel.form(dcs).look_ahead(&mut actions);
            actions
                .into_iter()
                .filter_map(|a| match a {
                    Action::LookAhead { key, .. } => Some(key.ids.join("/")),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        let type_id = |panel: &mut FormPanel, id: &str| {
            let form = panel.form(dcs);
            form.account.set_region("cn-north-4".into());
            form.fields.set_text("instance_id", id.into());
        };

        type_id(&mut panel, "d");
        assert_eq!(asked(&mut panel), ["d"]);
        let first = JobId::for_tests(1);
        panel.look_ahead_started(dcs, first);
        for typed in ["dc", "dcs", "dcs-1"] {
            type_id(&mut panel, typed);
            assert!(asked(&mut panel).is_empty(), "{typed} waits");
        }
        panel.outlook(first, Err(JobError::Task("about d".into()).into()));
        assert!(
            panel.form(dcs).known.outlook().is_none(),
            "the answer about d is not shown for dcs-1"
        );
        assert_eq!(asked(&mut panel), ["dcs-1"]);
        let second = JobId::for_tests(2);
        panel.look_ahead_started(dcs, second);
        panel.outlook(second, Err(JobError::Task("about dcs-1".into()).into()));
        let known = &panel.form(dcs).known;
        assert!(matches!(
            known.outlook().map(|o| o.as_ref().map_err(Failure::error)),
            Some(Err(JobError::Task(e))) if e == "about dcs-1"
        ));
        assert!(asked(&mut panel).is_empty(), "answered: nothing to ask");
    }

    #[test]
    fn leaving_the_view_closes_every_dialog() {
        let mut panel = panel_with_open_dialog();
        panel.close_dialogs();
        assert!(!dialog_open(&panel));
    }
}
