//! The confirmation: the form validated once more and turned into the
//! summary the admin confirms and the job that is sent. Product rules
//! about what a change says (removal, expiry only, the old password's
//! grace time, "send anyway") live here, away from drawing.

use crate::i18n::tr;
use crate::jobs::{KeySource, SendJob};
use crate::request::{self, Value};
use crate::sign::Credentials;
use crate::tr;
use crate::ui::widgets::datetime::zone_words;
use crate::ui::{Summary, block_words};
use crate::vault::Profile;
use crate::words;

use super::parts::{Confirmation, Dialog};
use super::state::{KeyChoice, OpForm};

impl OpForm {
    /// Opens the confirmation dialog, if the form is ready.
    pub(super) fn open_confirmation(&mut self, profiles: &[Profile], anyway: bool) {
        if let Some(c) = self.confirmation(profiles, anyway) {
            self.dialog = Some(Dialog::Confirm(Box::new(c)));
        }
    }

    /// Validates again and builds the confirmation; `None` if not ready.
    pub(super) fn confirmation(&self, profiles: &[Profile], anyway: bool) -> Option<Confirmation> {
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
        };
        let resources =
            Summary::resource_rows(op, |wire| Some(validated.value(wire)?.expose().to_owned()));
        let expiry = op.old_password_expiry.as_ref();
        let expiry_text = expiry
            .and_then(|e| validated.value(e.field))
            .map(|v| v.expose().to_owned());
        let zone = expiry.map(zone_words).unwrap_or_default();
        let only_expiry = op.only_changes_expiry(|f| validated.value(f).map(Value::expose));
        let (change, action_label) = if self.remove_password {
            let means = op
                .field(op.new_password.field)
                .and_then(|f| words::empty_means(op, f))
                .unwrap_or_else(|| tr("form-removes-the-password"));
            (
                tr!("form-change-remove", means = means),
                tr("form-action-remove"),
            )
        } else if only_expiry {
            (
                tr!(
                    "form-change-only-expiry",
                    expiry = expiry_text.as_deref().unwrap_or("?"),
                    zone = zone
                ),
                tr("form-action-expiry"),
            )
        } else if let Some(expiry) = &expiry_text {
            (
                tr!(
                    "form-change-with-expiry",
                    expiry = expiry.as_str(),
                    zone = zone
                ),
                tr("form-action-change"),
            )
        } else {
            (tr("form-change-plain"), tr("form-action-change"))
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
                .then(|| self.blocked.as_ref().map(|b| block_words(&b.block)))
                .flatten(),
            expected_refusal: (!anyway)
                .then(|| self.known_block().map(block_words))
                .flatten(),
            reused_on: self.reused_on().map(words::resource_name),
            reuse_accepted: false,
            weak: self
                .derived
                .strength
                .as_ref()
                .filter(|s| s.score <= 1 && !self.remove_password && !only_expiry)
                .map(|s| words::strength_label(s.score)),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Provider;
    use crate::jobs::KeySource;
    use crate::rotation::Block;
    use crate::ui::form::state::tests::{DCS, UREDIS, op, profile, ready_tcaplus, secret};
    use crate::ui::form::state::{Blocked, KeyChoice, OpForm};
    use time::macros::datetime;

    #[test]
    fn no_confirmation_for_a_form_that_would_be_refused() {
        let mut form = ready_tcaplus();
        assert!(form.confirmation(&[], false).is_some());
        form.key_secret.set("");
        assert!(form.confirmation(&[], false).is_none(), "no key secret");
        let mut form = ready_tcaplus();
        secret(&mut form, "NewPassword", "letters-and-dashes-only");
        assert!(form.confirmation(&[], false).is_none(), "rules broken");
    }

    #[test]
    fn a_password_change_says_how_long_the_old_one_works() {
        let c = ready_tcaplus().confirmation(&[], false);
        let c = c.expect("ready");
        assert_eq!(c.action_label, "Change the password");
        assert!(
            c.summary
                .change
                .contains("old one keeps working until 2030-01-01 08:00:00 (Beijing time"),
            "{}",
            c.summary.change
        );
        assert_eq!(
            c.summary.old_password_expires,
            Some(datetime!(2030-01-01 00:00 UTC))
        );
        let ids: Vec<_> = c.summary.resources.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(ids, ["23311894780"]);
    }

    #[test]
    fn mode_2_changes_only_the_expiry() {
        let mut form = ready_tcaplus();
        let (field, value) = form
            .op
            .old_password_expiry
            .as_ref()
            .and_then(|e| e.only_expiry)
            .expect("TcaplusDB has an expiry-only mode");
        form.choices.insert(field, Some(value));
        let c = form.confirmation(&[], false).expect("ready");
        assert_eq!(c.action_label, "Change the expiry");
        assert!(
            c.summary
                .change
                .starts_with("Changes only when the old password expires")
        );
    }

    #[test]
    fn removing_the_password_is_named_as_such() {
        let mut form = OpForm::new(op(UREDIS), None);
        form.region = "cn-bj2".into();
        form.key_id = "FAKE-PUBLIC-KEY".into();
        form.key_secret.set("fake-private-key");
        form.text.insert("GroupId", "uredis-fake1".into());
        form.remove_password = true;
        let c = form.confirmation(&[], false).expect("ready");
        assert_eq!(c.action_label, "Remove the password");
        assert!(c.summary.change.starts_with("Removes the password: "));
    }

    #[test]
    fn a_typed_key_is_named_by_its_id_only() {
        let c = ready_tcaplus().confirmation(&[], false).expect("ready");
        assert_eq!(c.summary.account, "typed key AKID-FAKE-0001 (not stored)");
        assert!(matches!(c.job.key, KeySource::Typed(_)));
        assert!(!format!("{c:?}").contains("fake-secret-not-real"));
        assert!(!format!("{c:?}").contains("NewPassw0rd22"));
    }

    #[test]
    fn a_profiles_endpoint_is_recorded_for_retries() {
        let mut p = profile("tc", Provider::Tencent);
        p.endpoint = Some("http://127.0.0.1:9001".into());
        let mut form = ready_tcaplus();
        form.key = KeyChoice::Profile("tc".into());
        let c = form.confirmation(&[p], false).expect("ready");
        assert_eq!(
            c.job.endpoint_override.as_deref(),
            Some("http://127.0.0.1:9001")
        );
        assert_eq!(c.summary.endpoint, "http://127.0.0.1:9001");
        assert_eq!(c.summary.account, "profile tc (key AKID-FAKE-0001)");
        assert!(matches!(&c.job.key, KeySource::Profile(name) if name == "tc"));
    }

    #[test]
    fn sending_anyway_says_why_it_is_expected_to_fail() {
        let mut form = ready_tcaplus();
        assert_eq!(form.confirmation(&[], true).and_then(|c| c.anyway), None);
        form.blocked = Some(Blocked {
            block: Block::OldPasswordStillValid {
                until: datetime!(2026-06-02 00:00 UTC),
            },
            can_override: true,
        });
        let c = form.confirmation(&[], true).expect("ready");
        assert!(c.job.anyway);
        assert!(c.anyway.is_some_and(|why| !why.is_empty()));
        let plain = form.confirmation(&[], false).expect("ready");
        assert!(!plain.job.anyway && plain.anyway.is_none());
    }

    #[test]
    fn a_weak_new_password_is_named_before_it_is_set() {
        let mut form = ready_tcaplus();
        secret(&mut form, "NewPassword", "Password1");
        form.recompute(&[]);
        let c = form.confirmation(&[], false).expect("the API accepts it");
        assert!(
            matches!(c.weak.as_deref(), Some("very weak" | "weak")),
            "{:?}",
            c.weak
        );
        secret(&mut form, "NewPassword", "Xq7Lm2Rp9Vt4Kw8N");
        form.recompute(&[]);
        let c = form.confirmation(&[], false).expect("ready");
        assert_eq!(c.weak, None);
    }

    #[test]
    fn huawei_needs_its_project() {
        let mut form = OpForm::new(op(DCS), None);
        form.region = "cn-north-4".into();
        form.key_id = "FAKE-AK".into();
        form.key_secret.set("fake-sk");
        form.text.insert("instance_id", "dcs-fake-1".into());
        secret(&mut form, "old_password", "OldPassw0rd!");
        secret(&mut form, "new_password", "NewPassw0rd!2");
        assert!(form.confirmation(&[], false).is_none());
        let project = form.op.project_field().unwrap_or_default();
        form.text.insert(project, "proj-fake".into());
        let c = form.confirmation(&[], false).expect("ready");
        let sent = c.job.request.value(project).map(|v| v.expose().to_owned());
        assert_eq!(sent.as_deref(), Some("proj-fake"));
    }
}
