//! One operation's form: its parts (the account, the fields, the new
//! password, the dialogs, what is known of the resource), each with its
//! own state, and what the form computes across them, in one place: the
//! inputs for `request::validate`, the recompute of what is derived from
//! them (rule report, strength, problems, endpoint, command line, when an
//! input changes rather than every frame), the confirmation, and the form
//! moving on after a success.

use secrecy::ExposeSecret;
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::Operation;
use crate::i18n::tr;
use crate::jobs::{Event, JobId};
use crate::request::{self, Inputs};
use crate::rotation::{Block, Whereabouts};
use crate::rules;
use crate::ui::Action;
use crate::ui::preview::{Preview, command_line};
use crate::ui::widgets::Notice;
use crate::vault::{Profile, ResourceKey};

use super::account::Account;
use super::confirmation::{Confirmation, Draft, OldDiffers};
use super::dialog::Dialogs;
use super::fields::Fields;
use super::known::Known;
use super::new_password::NewPassword;
use super::parts::Derived;
use super::prefs::OpPrefs;
use super::words::input_words;

#[derive(Debug)]
pub(super) struct InFlight {
    pub(super) id: JobId,
    /// Handed to the transport: no longer cancellable.
    pub(super) handed: bool,
    /// The provider accepted the change as this task, which is being
    /// followed to its end.
    pub(super) task: Option<crate::outcome::TaskId>,
}

/// A send refused before it left: why, and whether the admin may send
/// anyway.
#[derive(Debug)]
pub(super) struct Blocked {
    pub(super) block: Block,
    pub(super) can_override: bool,
}

/// One operation's form.
#[derive(Debug)]
pub(super) struct OpForm {
    pub(super) op: &'static Operation,
    pub(super) account: Account,
    pub(super) fields: Fields,
    pub(super) new_password: NewPassword,
    pub(super) dialogs: Dialogs,
    pub(super) known: Known,
    pub(super) dirty: bool,
    pub(super) derived: Derived,
    pub(super) in_flight: Option<InFlight>,
    /// What the form has to say by the send button.
    pub(super) notice: Option<Notice>,
    /// The last send was refused before sending.
    pub(super) blocked: Option<Blocked>,
    pub(super) preview: Preview,
    /// The clock at the last frame: an old password's expiry is checked
    /// against it.
    pub(super) now: Option<OffsetDateTime>,
    /// The admin's zone at the last frame: every time the form explains
    /// (the confirmation's expiry among them) is shown in it.
    pub(super) local: UtcOffset,
    /// Put the keyboard focus in the first empty input at the next frame
    /// (the form was just chosen).
    pub(super) focus_first: bool,
    /// Nothing is remembered of this form and the admin has not touched its
    /// account yet: a profile of its cloud may be chosen for them.
    pub(super) may_preselect: bool,
    /// Changing only the expiry was chosen: its passwords are filled from
    /// the keyring as soon as what Keyturn keeps of the resource is known.
    pub(super) fill_for_expiry: bool,
}

impl OpForm {
    pub(super) fn new(op: &'static Operation, prefs: Option<&OpPrefs>) -> Self {
        let may_preselect = prefs.is_none();
        let prefs = prefs.cloned().unwrap_or_default();
        OpForm {
            op,
            account: Account::new(op, prefs.region, prefs.endpoint, prefs.profile),
            fields: Fields::new(op),
            new_password: NewPassword::new(op, prefs.generator_length, prefs.avoid_lookalikes),
            dialogs: Dialogs::default(),
            known: Known::new(),
            dirty: true,
            derived: Derived::default(),
            in_flight: None,
            notice: None,
            blocked: None,
            preview: Preview::default(),
            now: None,
            local: UtcOffset::UTC,
            focus_first: false,
            may_preselect,
            fill_for_expiry: false,
        }
    }

    pub(super) fn prefs(&self) -> OpPrefs {
        OpPrefs {
            region: self.account.region().unwrap_or_default().to_owned(),
            endpoint: self.account.typed_endpoint().unwrap_or_default().to_owned(),
            profile: self.account.profile_name().map(str::to_owned),
            generator_length: Some(self.new_password.generator_length()),
            avoid_lookalikes: self.new_password.avoids_lookalikes(),
        }
    }

    /// Uses `profile` (or a typed key for `None`); a profile's region and
    /// project id fill the form where it is empty, as they do for
    /// `keyturn request --profile`.
    pub(super) fn choose_profile(&mut self, profile: Option<&Profile>, actions: &mut Vec<Action>) {
        self.may_preselect = false;
        self.use_profile(profile, actions);
    }

    fn use_profile(&mut self, profile: Option<&Profile>, actions: &mut Vec<Action>) {
        if self.account.choose(profile, actions) {
            self.profile_chosen(profile);
            self.dirty = true;
        }
    }

    /// Chooses a profile for the admin in a form nothing is remembered of,
    /// until they choose or type in its account themselves: `carried` (the
    /// profile the form they came from used) if it is of this form's cloud,
    /// else the first profile of that cloud. Asked at every frame: profiles
    /// arrive a few frames after start-up, and the profile carried changes
    /// as the admin moves between forms.
    pub(super) fn preselect(
        &mut self,
        carried: Option<&str>,
        profiles: &[Profile],
        actions: &mut Vec<Action>,
    ) {
        if !self.may_preselect {
            return;
        }
        if self.account.profile_name().is_none() && !self.account.untouched() {
            self.may_preselect = false;
            return;
        }
        let provider = self.op.provider;
        let pick = carried
            .and_then(|name| profiles.iter().find(|p| p.name == name))
            .filter(|p| p.provider == provider)
            .or_else(|| profiles.iter().find(|p| p.provider == provider));
        if pick.is_some() {
            self.use_profile(pick, actions);
        }
    }

    /// A profile newly chosen (if any) fills its project id for the
    /// region, where the project field is empty.
    pub(super) fn profile_chosen(&mut self, profile: Option<&Profile>) {
        let region = self.account.region().unwrap_or_default();
        if let Some(id) = profile.and_then(|p| p.project_ids.get(region)) {
            self.fields.fill_empty_project(id);
        }
    }

    /// The expiry in the form was still to come at the last frame and has
    /// passed since: the form must be checked again.
    pub(super) fn expiry_just_passed(&self, now: OffsetDateTime) -> bool {
        let Some(at) = self.fields.expiry() else {
            return false;
        };
        at < now && self.now.is_some_and(|before| at >= before)
    }

    /// What the user gave, for `request::validate`.
    pub(super) fn inputs(&self) -> Inputs {
        let mut inputs = Inputs {
            region: self.account.region().map(str::to_owned),
            now: self.now,
            ..Inputs::default()
        };
        self.fields.add_to(&mut inputs);
        self.new_password.add_to(&mut inputs);
        inputs
    }

    pub(super) fn recompute(&mut self, profiles: &[Profile]) {
        let op = self.op;
        let policy = &op.new_password.policy;
        let new = self.new_password.text();
        let current = self
            .fields
            .current_password()
            .map(|c| c.expose())
            .filter(|c| !c.is_empty());
        let (report, strength) = if self.new_password.removing() {
            (None, None)
        } else if new.is_empty() {
            // Every rule unmet, so the checklist keeps its rows.
            (Some(rules::check(policy, new, current)), None)
        } else {
            (
                Some(rules::check(policy, new, current)),
                Some(rules::estimate(new, &self.fields.known_words())),
            )
        };
        let inputs = self.inputs();
        let mut problems = match request::validate(op, &inputs) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| input_words(op, e)).collect(),
        };
        let endpoint = self.account.endpoint(profiles);
        if let Err(e) = &endpoint
            && !problems.iter().any(|p| p == e)
        {
            problems.push(e.clone());
        }
        if let Some(p) = self.account.key_problem(profiles) {
            problems.push(p);
        }
        let command = problems.is_empty().then(|| {
            command_line(
                op,
                &inputs,
                self.account.key_arg(),
                self.account.typed_endpoint(),
            )
        });
        self.derived = Derived {
            report,
            strength,
            problems,
            endpoint: Some(endpoint),
            command,
            lang: crate::i18n::language(),
        };
        self.dirty = false;
    }

    /// Opens the confirmation dialog, if the form is ready.
    pub(super) fn open_confirmation(&mut self, profiles: &[Profile], anyway: bool) {
        if let Some(c) = self.confirmation(profiles, anyway) {
            self.dialogs.confirm(c);
        }
    }

    /// Validates again and builds the confirmation; `None` if not ready.
    pub(super) fn confirmation(&self, profiles: &[Profile], anyway: bool) -> Option<Confirmation> {
        let request = request::validate(self.op, &self.inputs()).ok()?;
        let endpoint = self.account.endpoint(profiles).ok()?;
        if self.account.key_problem(profiles).is_some() {
            return None;
        }
        let (key, account) = self.account.key_source(profiles);
        Some(Confirmation::new(Draft {
            request,
            endpoint,
            endpoint_override: self.account.endpoint_override(profiles),
            key,
            account,
            removing: self.new_password.removing(),
            local: self.local,
            anyway,
            refused: self.blocked.as_ref().map(|b| &b.block),
            known_block: self.known.block(),
            reused_on: self.reused_on(),
            strength: self.derived.strength.as_ref(),
            old_differs: self
                .known
                .keyring_current()
                .is_some_and(|current| self.fields.old_password_differs(current))
                .then(|| OldDiffers {
                    tries_left: self.known.tries_left(),
                }),
        }))
    }

    /// The resource the form names now, and whether the call would change
    /// its password; `None` until every resource field is filled in.
    pub(super) fn named_resource(&self) -> Option<(ResourceKey, bool)> {
        self.fields.resource(self.account.region())
    }

    /// Asks about the resource the form names, when it is a new one or
    /// the journal has changed since the last answer.
    pub(super) fn look_ahead(&mut self, actions: &mut Vec<Action>) {
        let named = self.named_resource();
        self.known.look_ahead(self.op, named, actions);
    }

    /// Another resource this form already set the new password on.
    pub(super) fn reused_on(&self) -> Option<&ResourceKey> {
        if self.new_password.is_empty() || self.new_password.removing() {
            return None;
        }
        let (here, _) = self.named_resource()?;
        self.known.reused_on(&here, self.new_password.text())
    }

    /// The change succeeded and the new password is now current: the form
    /// moves on. The old-password field takes the new password and the
    /// new-password field is emptied, so a second Enter cannot send the
    /// same change again with a now-wrong old password.
    /// The typed key secret is forgotten (the admin's task is done; the
    /// next change asks for it again), and a fresh password is generated
    /// for the next change, as Generate would make it: sending it still
    /// takes Review and a confirmation.
    pub(super) fn advance_after_success(&mut self) {
        let named = self.named_resource();
        let Some(new) = self.new_password.take() else {
            return;
        };
        if let Some((key, _)) = named {
            self.known.sent(key, &new);
        }
        self.fields.set_current_password(&new);
        self.account.forget_key_secret();
        let fresh = self.new_password.generate_fresh().is_ok();
        self.notice = Some(Notice::done(tr(
            match (self.op.new_password.current_field, fresh) {
                (Some(_), true) => "form-changed-old-holds-new-fresh",
                (Some(_), false) => "form-changed-old-holds-new",
                (None, true) => "form-changed-next-fresh",
                (None, false) => "form-changed-next",
            },
        )));
        self.known.mark_stale();
        self.dirty = true;
    }

    /// Forgets every secret typed into this form (the key secret, the old
    /// password, the new password and any other secret field), closes a
    /// dialog that would send them, and says why with `notice`. Returns
    /// whether anything was held.
    pub(super) fn forget_typed_secrets(&mut self, notice: &str) -> bool {
        let held = self.account.forget_key_secret()
            | self.fields.forget_secrets()
            | self.new_password.forget();
        if held {
            self.dialogs.close();
            self.preview.invalidate();
            self.notice = Some(Notice::warning(notice.to_owned()));
            self.dirty = true;
        }
        held
    }

    /// Whether any secret is typed into this form.
    pub(super) fn holds_typed_secrets(&self) -> bool {
        self.account.holds_key_secret()
            || self.fields.holds_secrets()
            || !self.new_password.is_empty()
    }

    /// Switches to changing only the old password's expiry (TcaplusDB's
    /// Mode 2), saying so with the message `notice`.
    pub(super) fn change_only_expiry(&mut self, notice: &str) {
        self.fields.choose_only_expiry();
        self.notice = Some(Notice::warning(tr(notice)));
        self.dirty = true;
        self.fill_for_expiry = true;
        self.fill_passwords_for_expiry();
    }

    /// The expiry-only call changes no password: it names the password
    /// the resource has now, the keyring's current one, as both the old
    /// and the new. Filled once it is known (the look-up may still be on
    /// its way); where the keyring keeps none, the field's hint asks.
    pub(super) fn fill_passwords_for_expiry(&mut self) {
        if !self.fill_for_expiry {
            return;
        }
        let Some(current) = self.known.keyring_current() else {
            return;
        };
        self.new_password.set(current.expose_secret());
        self.fields.set_current_password(current.expose_secret());
        self.fill_for_expiry = false;
        self.dirty = true;
    }

    /// A send's progress; clears the busy state when it ends. Returns
    /// whether the send was this form's.
    pub(super) fn send_event(&mut self, id: JobId, event: &Event) -> bool {
        let Some(flight) = self.in_flight.as_mut().filter(|f| f.id == id) else {
            return false;
        };
        match event {
            Event::Handed => flight.handed = true,
            Event::Following { task, .. } => {
                flight.handed = true;
                flight.task = Some(task.clone());
            }
            Event::Answered { passwords, .. } => {
                self.in_flight = None;
                self.blocked = None;
                // After a failure the admin corrects and sends again: what
                // was typed stays (until the idle time clears it).
                if matches!(passwords, Whereabouts::Promoted) {
                    self.advance_after_success();
                }
            }
            Event::Cancelled | Event::NotStarted(_) => {
                self.in_flight = None;
                self.blocked = None;
            }
            Event::Blocked {
                block,
                can_override,
            } => {
                self.in_flight = None;
                self.blocked = Some(Blocked {
                    block: block.clone(),
                    can_override: *can_override,
                });
            }
            _ => {}
        }
        true
    }

    /// The keyboard goes to the first input an admin still has to fill
    /// in, in reading order: the typed key, the region, then the
    /// operation's own fields.
    pub(super) fn first_empty(&self) -> Option<egui::Id> {
        self.account
            .first_empty()
            .or_else(|| self.fields.first_empty(self.new_password.is_empty()))
    }

    /// Whether a blocked send's countdown is on screen.
    pub(super) fn counting(&self, now: OffsetDateTime) -> bool {
        let shown = match &self.blocked {
            Some(b) => Some(&b.block),
            None => self.known.block(),
        };
        shown
            .and_then(Block::until)
            .is_some_and(|until| until > now)
    }
}

#[cfg(test)]
pub(super) mod tests;
