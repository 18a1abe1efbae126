//! One operation's form: what the admin typed and chose, and what is
//! derived from it (rule report, strength, problems, endpoint, command
//! line), recomputed when an input changes rather than every frame.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use crate::catalog::{FieldKind, Operation};
use crate::endpoint::Endpoint;
use crate::i18n::Lang;
use crate::jobs::JobId;
use crate::request::{self, Inputs, Value};
use crate::rotation::Block;
use crate::rules::{self, Report, Strength};
use crate::tr;
use crate::ui::Action;
use crate::ui::preview::{KeyArg, Preview, command_line};
use crate::ui::widgets::{Notice, SecretText};
use crate::vault::{Profile, ResourceKey};
use crate::words;

use super::OpPrefs;
use super::parts::{Dialog, Fingerprint, Known};
use super::words::{endpoint_words, input_words};

/// Where the access key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum KeyChoice {
    Typed,
    Profile(String),
}

#[derive(Debug)]
pub(super) struct InFlight {
    pub(super) id: JobId,
    /// Handed to the transport: no longer cancellable.
    pub(super) handed: bool,
}

/// A send refused before it left: why, and whether the admin may send
/// anyway.
#[derive(Debug)]
pub(super) struct Blocked {
    pub(super) block: Block,
    pub(super) can_override: bool,
}

/// Everything derived from the inputs; recomputed when they change.
#[derive(Debug, Default)]
pub(super) struct Derived {
    pub(super) report: Option<Report>,
    pub(super) strength: Option<Strength>,
    /// What stands between the form and Submit, in words.
    pub(super) problems: Vec<String>,
    /// Where the request would go, or why it cannot.
    pub(super) endpoint: Option<Result<Endpoint, String>>,
    /// The equivalent command line, once the form is valid.
    pub(super) command: Option<String>,
    /// The language the problems and the command line are worded in: a
    /// switch of language words them again.
    pub(super) lang: Lang,
}

/// One operation's form.
#[derive(Debug)]
pub(super) struct OpForm {
    pub(super) op: &'static Operation,
    /// Text, date-time fields, by wire name.
    pub(super) text: BTreeMap<&'static str, String>,
    /// Secret fields, by wire name.
    pub(super) secrets: BTreeMap<&'static str, SecretText>,
    /// Choice fields: the chosen wire value.
    pub(super) choices: BTreeMap<&'static str, Option<&'static str>>,
    pub(super) region: String,
    pub(super) key: KeyChoice,
    pub(super) key_id: String,
    pub(super) key_secret: SecretText,
    pub(super) endpoint: String,
    /// UCloud: the user confirmed removing the password.
    pub(super) remove_password: bool,
    pub(super) generator_length: usize,
    pub(super) avoid_lookalikes: bool,
    pub(super) dirty: bool,
    pub(super) derived: Derived,
    pub(super) dialog: Option<Dialog>,
    pub(super) in_flight: Option<InFlight>,
    pub(super) key_check: Option<(JobId, String)>,
    pub(super) key_status: Option<(String, Result<(), String>)>,
    pub(super) notice: Option<Notice>,
    pub(super) focus_expiry: bool,
    /// The last send was refused before sending.
    pub(super) blocked: Option<Blocked>,
    pub(super) preview: Preview,
    /// The clock at the last frame: an old password's expiry is checked
    /// against it.
    pub(super) now: Option<OffsetDateTime>,
    /// The admin asked to copy the new password (done where the
    /// clipboard is at hand, after the fields are drawn).
    pub(super) copy_new_password: bool,
    /// Put the keyboard focus in the first empty input at the next frame
    /// (the form was just chosen).
    pub(super) focus_first: bool,
    /// What the journal and the keyring know of the resource named.
    pub(super) known: Option<Known>,
    /// The new passwords this form set this session, by resource.
    pub(super) sent: Vec<(ResourceKey, Fingerprint)>,
    /// The key of those fingerprints: random, never stored.
    pub(super) salt: [u8; 32],
}

/// A fresh random key for the form's password fingerprints.
fn random_salt() -> [u8; 32] {
    use rand::{RngCore, TryRngCore};
    let mut salt = [0u8; 32];
    rand::rngs::OsRng.unwrap_err().fill_bytes(&mut salt);
    salt
}

impl OpForm {
    pub(super) fn new(op: &'static Operation, prefs: Option<&OpPrefs>) -> Self {
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
            copy_new_password: false,
            focus_first: false,
            known: None,
            sent: Vec::new(),
            salt: random_salt(),
        }
    }

    pub(super) fn prefs(&self) -> OpPrefs {
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

    pub(super) fn choose_profile(&mut self, profile: Option<&Profile>, actions: &mut Vec<Action>) {
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
    pub(super) fn apply_profile_defaults(&mut self, p: &Profile) {
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
    pub(super) fn expiry_just_passed(&self, now: OffsetDateTime) -> bool {
        let Some(spec) = &self.op.old_password_expiry else {
            return false;
        };
        let Some(at) = self.text.get(spec.field).and_then(|t| spec.parse(t)) else {
            return false;
        };
        at < now && self.now.is_some_and(|before| at >= before)
    }

    pub(super) fn inputs(&self) -> Inputs {
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

    pub(super) fn profile<'p>(&self, profiles: &'p [Profile]) -> Option<&'p Profile> {
        match &self.key {
            KeyChoice::Profile(name) => profiles.iter().find(|p| &p.name == name),
            KeyChoice::Typed => None,
        }
    }

    /// Where the request goes: the override, else the profile's, else the
    /// operation's own host for the region.
    pub(super) fn endpoint(&self, profiles: &[Profile]) -> Result<Endpoint, String> {
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

    pub(super) fn recompute(&mut self, profiles: &[Profile]) {
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
        let (report, strength) = if self.remove_password {
            (None, None)
        } else if new.is_empty() {
            // Every rule unmet, so the checklist keeps its rows.
            (Some(rules::check(policy, new, current)), None)
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
            lang: crate::i18n::language(),
        };
        self.dirty = false;
    }

    /// Whether a blocked send's countdown is on screen.
    pub(super) fn counting(&self, now: OffsetDateTime) -> bool {
        let shown = match &self.blocked {
            Some(b) => Some(&b.block),
            None => self.known_block(),
        };
        shown
            .and_then(Block::until)
            .is_some_and(|until| until > now)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::collections::BTreeMap;

    use time::macros::datetime;

    use super::*;
    use crate::catalog::{Provider, find};
    use crate::http::Scheme;

    pub(crate) const TCAPLUS: &str = "tencentcloud.tcaplusdb.modify-cluster-password";
    pub(crate) const DCS: &str = "huaweicloud.dcs.update-password";
    pub(crate) const UREDIS: &str = "ucloud.uredis.modify-group-password";

    pub(crate) fn op(id: &str) -> &'static Operation {
        find(id).unwrap_or_else(|| panic!("{id} is in the catalogue"))
    }

    pub(crate) fn profile(name: &str, provider: Provider) -> Profile {
        Profile {
            name: name.to_owned(),
            provider,
            key_id: "AKID-FAKE-0001".to_owned(),
            region: None,
            project_ids: BTreeMap::new(),
            endpoint: None,
            notes: None,
            added_at: datetime!(2026-01-01 00:00 UTC),
            last_used_at: None,
            last_verified_at: None,
            last_verify: None,
            last_verify_result: None,
        }
    }

    /// A TcaplusDB form ready to send with a typed (obviously fake) key.
    pub(crate) fn ready_tcaplus() -> OpForm {
        let mut form = OpForm::new(op(TCAPLUS), None);
        form.now = Some(datetime!(2026-06-01 00:00 UTC));
        form.region = "ap-guangzhou".into();
        form.key_id = "AKID-FAKE-0001".into();
        form.key_secret.set("fake-secret-not-real");
        form.text.insert("ClusterId", " 23311894780 ".into());
        form.text
            .insert("OldPasswordExpireTime", "2030-01-01 08:00:00".into());
        secret(&mut form, "OldPassword", "OldPassw0rd1");
        secret(&mut form, "NewPassword", "NewPassw0rd22");
        form
    }

    pub(crate) fn secret(form: &mut OpForm, wire: &str, value: &str) {
        if let Some(s) = form.secrets.iter_mut().find(|(w, _)| **w == wire) {
            s.1.set(value);
        }
    }

    #[test]
    fn inputs_are_trimmed_and_empty_fields_left_out() {
        let mut form = ready_tcaplus();
        form.region = "  ap-guangzhou ".into();
        form.text.insert("OldPasswordExpireTime", "   ".into());
        let inputs = form.inputs();
        assert_eq!(inputs.region.as_deref(), Some("ap-guangzhou"));
        assert_eq!(
            inputs.values.get("ClusterId").map(Value::expose),
            Some("23311894780")
        );
        assert!(!inputs.values.contains_key("OldPasswordExpireTime"));
        assert_eq!(inputs.values.get("Mode").map(Value::expose), Some("1"));
    }

    #[test]
    fn removing_the_password_sends_it_empty_and_confirmed() {
        let mut form = OpForm::new(op(UREDIS), None);
        secret(&mut form, "Password", "would-be-ignored");
        form.remove_password = true;
        let inputs = form.inputs();
        assert_eq!(inputs.values.get("Password").map(Value::expose), Some(""));
        assert!(inputs.confirmed_empty.contains("Password"));
    }

    #[test]
    fn a_ready_form_has_no_problems_and_a_command_line() {
        let mut form = ready_tcaplus();
        form.recompute(&[]);
        assert_eq!(form.derived.problems, Vec::<String>::new());
        let command = form.derived.command.clone().unwrap_or_default();
        assert!(command.contains("23311894780"), "{command}");
        assert!(!command.contains("NewPassw0rd22"), "{command}");
        assert!(!form.dirty);
    }

    #[test]
    fn problems_name_fields_by_label_and_the_missing_key() {
        let mut form = ready_tcaplus();
        form.text.insert("ClusterId", String::new());
        form.key_id.clear();
        form.recompute(&[]);
        let problems = &form.derived.problems;
        assert!(
            problems.contains(&"Cluster ID is required".to_owned()),
            "{problems:?}"
        );
        assert!(
            problems.contains(&"Access key ID is required".to_owned()),
            "{problems:?}"
        );
        assert_eq!(form.derived.command, None);
    }

    #[test]
    fn a_profile_of_another_cloud_is_a_problem() {
        let mut form = ready_tcaplus();
        form.key = KeyChoice::Profile("ops".into());
        let profiles = [profile("ops", Provider::Huawei)];
        let problem = form.key_problem(&profiles).unwrap_or_default();
        assert!(problem.contains("holds a Huawei Cloud key"), "{problem}");
        assert!(form.key_problem(&[]).is_some(), "a profile not in the list");
        let mine = [profile("ops", Provider::Tencent)];
        assert_eq!(form.key_problem(&mine), None);
    }

    #[test]
    fn a_profile_fills_region_and_project_only_where_empty() {
        let mut p = profile("hw", Provider::Huawei);
        p.region = Some("cn-north-4".into());
        p.project_ids
            .insert("cn-north-4".into(), "proj-north".into());
        p.project_ids
            .insert("ap-southeast-1".into(), "proj-sea".into());
        let project = op(DCS).project_field().unwrap_or_default();

        let mut fresh = OpForm::new(op(DCS), None);
        fresh.choose_profile(Some(&p), &mut Vec::new());
        assert_eq!(fresh.region, "cn-north-4");
        assert_eq!(
            fresh.text.get(project).map(String::as_str),
            Some("proj-north")
        );
        assert_eq!(fresh.key, KeyChoice::Profile("hw".into()));

        let mut typed = OpForm::new(op(DCS), None);
        typed.region = "ap-southeast-1".into();
        typed.choose_profile(Some(&p), &mut Vec::new());
        assert_eq!(typed.region, "ap-southeast-1");
        assert_eq!(
            typed.text.get(project).map(String::as_str),
            Some("proj-sea")
        );

        let mut kept = OpForm::new(op(DCS), None);
        kept.text.insert(project, "mine".into());
        kept.choose_profile(Some(&p), &mut Vec::new());
        assert_eq!(kept.text.get(project).map(String::as_str), Some("mine"));
    }

    #[test]
    fn choosing_a_profile_asks_for_its_key_once() {
        let p = profile("tc", Provider::Tencent);
        let mut form = OpForm::new(op(TCAPLUS), None);
        let mut actions = Vec::new();
        form.choose_profile(Some(&p), &mut actions);
        form.choose_profile(Some(&p), &mut actions);
        assert!(
            matches!(actions.as_slice(), [Action::CheckKey { profile, .. }] if profile == "tc"),
            "{actions:?}"
        );
    }

    #[test]
    fn the_endpoint_is_the_typed_one_then_the_profiles_then_the_default() {
        let mut p = profile("tc", Provider::Tencent);
        p.endpoint = Some("http://127.0.0.1:9001".into());
        let profiles = [p];
        let mut form = ready_tcaplus();
        let default = form.endpoint(&profiles).map(|e| e.host);
        assert_eq!(default.as_deref(), Ok("tcaplusdb.tencentcloudapi.com"));

        form.key = KeyChoice::Profile("tc".into());
        let from_profile = form.endpoint(&profiles);
        assert!(
            matches!(&from_profile, Ok(e) if e.host == "127.0.0.1:9001" && e.scheme == Scheme::Http),
            "{from_profile:?}"
        );

        form.endpoint = " https://tcaplusdb.internal.example ".into();
        let typed = form.endpoint(&profiles).map(|e| e.host);
        assert_eq!(typed.as_deref(), Ok("tcaplusdb.internal.example"));

        form.endpoint = "http://db.example.com".into();
        assert!(form.endpoint(&profiles).is_err(), "plain HTTP off loopback");
    }

    #[test]
    fn an_expiry_that_passes_while_the_form_is_open_is_noticed_once() {
        let mut form = ready_tcaplus();
        // 2030-01-01 08:00 at UTC+8 is midnight UTC.
        form.now = Some(datetime!(2029-12-31 23:59:59 UTC));
        assert!(form.expiry_just_passed(datetime!(2030-01-01 00:00:01 UTC)));
        assert!(!form.expiry_just_passed(datetime!(2029-12-31 23:59:59.5 UTC)));
        form.now = Some(datetime!(2030-01-01 00:00:01 UTC));
        assert!(!form.expiry_just_passed(datetime!(2030-01-01 00:00:02 UTC)));
    }

    #[test]
    fn a_countdown_runs_only_while_a_block_lasts() {
        let mut form = ready_tcaplus();
        let until = datetime!(2026-06-01 00:05 UTC);
        form.blocked = Some(Blocked {
            block: Block::Locked { until },
            can_override: true,
        });
        assert!(form.counting(datetime!(2026-06-01 00:04 UTC)));
        assert!(!form.counting(until));
    }
}
