//! Tests of the form as a whole: its inputs, what it derives from them,
//! the profile it uses, and the confirmation it builds from every part;
//! with the forms the other tests of `form/` start from.

use std::collections::BTreeMap;

use time::macros::datetime;

use super::*;
use crate::catalog::{Provider, find};
use crate::http::Scheme;
use crate::jobs::KeySource;
use crate::request::Value;

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
    form.account.set_region("ap-guangzhou".into());
    form.account
        .type_key("AKID-FAKE-0001", "fake-secret-not-real");
    form.fields.set_text("ClusterId", " 23311894780 ".into());
    form.fields
        .set_text("OldPasswordExpireTime", "2030-01-01 08:00:00".into());
    form.fields.set_current_password("OldPassw0rd1");
    form.new_password.type_in("NewPassw0rd22");
    form
}

#[test]
fn inputs_are_trimmed_and_empty_fields_left_out() {
    let mut form = ready_tcaplus();
    form.account.set_region("  ap-guangzhou ".into());
    form.fields.set_text("OldPasswordExpireTime", "   ".into());
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
    form.new_password.type_in("would-be-ignored");
    form.new_password.set_removing(true);
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
    form.fields.set_text("ClusterId", String::new());
    form.account.type_key("", "fake-secret-not-real");
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
    form.account.use_profile_named("ops");
    let profiles = [profile("ops", Provider::Huawei)];
    let problem = form.account.key_problem(&profiles).unwrap_or_default();
    assert!(problem.contains("holds a Huawei Cloud key"), "{problem}");
    assert!(
        form.account.key_problem(&[]).is_some(),
        "a profile not in the list"
    );
    let mine = [profile("ops", Provider::Tencent)];
    assert_eq!(form.account.key_problem(&mine), None);
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
    assert_eq!(fresh.account.region(), Some("cn-north-4"));
    assert_eq!(fresh.fields.text(project), Some("proj-north"));
    assert_eq!(fresh.account.profile_name(), Some("hw"));

    let mut typed = OpForm::new(op(DCS), None);
    typed.account.set_region("ap-southeast-1".into());
    typed.choose_profile(Some(&p), &mut Vec::new());
    assert_eq!(typed.account.region(), Some("ap-southeast-1"));
    assert_eq!(typed.fields.text(project), Some("proj-sea"));

    let mut kept = OpForm::new(op(DCS), None);
    kept.fields.set_text(project, "mine".into());
    kept.choose_profile(Some(&p), &mut Vec::new());
    assert_eq!(kept.fields.text(project), Some("mine"));
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
    let default = form.account.endpoint(&profiles).map(|e| e.host);
    assert_eq!(default.as_deref(), Ok("tcaplusdb.tencentcloudapi.com"));

    form.account.use_profile_named("tc");
    let from_profile = form.account.endpoint(&profiles);
    assert!(
        matches!(&from_profile, Ok(e) if e.host == "127.0.0.1:9001" && e.scheme == Scheme::Http),
        "{from_profile:?}"
    );

    form.account
        .set_endpoint(" https://tcaplusdb.internal.example ".into());
    let typed = form.account.endpoint(&profiles).map(|e| e.host);
    assert_eq!(typed.as_deref(), Ok("tcaplusdb.internal.example"));

    form.account.set_endpoint("http://db.example.com".into());
    assert!(
        form.account.endpoint(&profiles).is_err(),
        "plain HTTP off loopback"
    );
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

#[test]
fn no_confirmation_for_a_form_that_would_be_refused() {
    let mut form = ready_tcaplus();
    assert!(form.confirmation(&[], false).is_some());
    form.account.type_key("AKID-FAKE-0001", "");
    assert!(form.confirmation(&[], false).is_none(), "no key secret");
    let mut form = ready_tcaplus();
    form.new_password.type_in("letters-and-dashes-only");
    assert!(form.confirmation(&[], false).is_none(), "rules broken");
}

#[test]
fn a_password_change_says_how_long_the_old_one_works() {
    // Typed in Beijing time, as the provider reads it; shown in the
    // admin's own zone, named, as the results show it.
    let mut form = ready_tcaplus();
    form.local = time::macros::offset!(+1);
    let c = form.confirmation(&[], false).expect("ready");
    assert!(
        c.summary()
            .change
            .ends_with("old one keeps working until 2030-01-01 01:00:00 UTC+01:00."),
        "{}",
        c.summary().change
    );
    let c = ready_tcaplus().confirmation(&[], false);
    let c = c.expect("ready");
    assert_eq!(c.action_label(), "Change the password");
    let summary = c.summary();
    assert!(
        summary
            .change
            .ends_with("old one keeps working until 2030-01-01 00:00:00 UTC."),
        "{}",
        summary.change
    );
    assert_eq!(
        summary.old_password_expires,
        Some(datetime!(2030-01-01 00:00 UTC))
    );
    let ids: Vec<_> = summary.resources.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(ids, ["23311894780"]);
}

#[test]
fn mode_2_changes_only_the_expiry() {
    let mut form = ready_tcaplus();
    form.fields.choose_only_expiry();
    assert!(
        form.fields.only_changes_expiry(),
        "TcaplusDB has an expiry-only mode"
    );
    let c = form.confirmation(&[], false).expect("ready");
    assert_eq!(c.action_label(), "Change the expiry");
    assert!(
        c.summary()
            .change
            .starts_with("Changes only when the old password expires")
    );
}

#[test]
fn removing_the_password_is_named_as_such() {
    let mut form = OpForm::new(op(UREDIS), None);
    form.account.set_region("cn-bj2".into());
    form.account.type_key("FAKE-PUBLIC-KEY", "fake-private-key");
    form.fields.set_text("GroupId", "uredis-fake1".into());
    form.new_password.set_removing(true);
    let c = form.confirmation(&[], false).expect("ready");
    assert_eq!(c.action_label(), "Remove the password");
    assert!(c.summary().change.starts_with("Removes the password: "));
}

#[test]
fn a_typed_key_is_named_by_its_id_only() {
    let c = ready_tcaplus().confirmation(&[], false).expect("ready");
    assert_eq!(c.summary().account, "typed key AKID-FAKE-0001 (not stored)");
    assert!(matches!(c.job().key, KeySource::Typed(_)));
    assert!(!format!("{c:?}").contains("fake-secret-not-real"));
    assert!(!format!("{c:?}").contains("NewPassw0rd22"));
}

#[test]
fn a_profiles_endpoint_is_recorded_for_retries() {
    let mut p = profile("tc", Provider::Tencent);
    p.endpoint = Some("http://127.0.0.1:9001".into());
    let mut form = ready_tcaplus();
    form.account.use_profile_named("tc");
    let c = form.confirmation(&[p], false).expect("ready");
    assert_eq!(
        c.job().endpoint_override.as_deref(),
        Some("http://127.0.0.1:9001")
    );
    assert_eq!(c.summary().endpoint, "http://127.0.0.1:9001");
    assert_eq!(c.summary().account, "profile tc (key AKID-FAKE-0001)");
    assert!(matches!(&c.job().key, KeySource::Profile(name) if name == "tc"));
}

#[test]
fn sending_anyway_says_why_it_is_expected_to_fail() {
    let mut form = ready_tcaplus();
    let unblocked = form.confirmation(&[], true).expect("ready");
    assert_eq!(unblocked.anyway_why(), None);
    form.blocked = Some(Blocked {
        block: Block::OldPasswordStillValid {
            until: datetime!(2026-06-02 00:00 UTC),
        },
        can_override: true,
    });
    let c = form.confirmation(&[], true).expect("ready");
    assert!(c.job().anyway);
    assert!(c.anyway_why().is_some_and(|why| !why.is_empty()));
    let plain = form.confirmation(&[], false).expect("ready");
    assert!(!plain.job().anyway && plain.anyway_why().is_none());
}

#[test]
fn a_weak_new_password_is_named_before_it_is_set() {
    let mut form = ready_tcaplus();
    form.new_password.type_in("Password1");
    form.recompute(&[]);
    let c = form.confirmation(&[], false).expect("the API accepts it");
    assert!(
        matches!(c.weak(), Some("very weak" | "weak")),
        "{:?}",
        c.weak()
    );
    form.new_password.type_in("Xq7Lm2Rp9Vt4Kw8N");
    form.recompute(&[]);
    let c = form.confirmation(&[], false).expect("ready");
    assert_eq!(c.weak(), None);
}

#[test]
fn huawei_needs_its_project() {
    let mut form = OpForm::new(op(DCS), None);
    form.account.set_region("cn-north-4".into());
    form.account.type_key("FAKE-AK", "fake-sk");
    form.fields.set_text("instance_id", "dcs-fake-1".into());
    form.fields.set_current_password("OldPassw0rd!");
    form.new_password.type_in("NewPassw0rd!2");
    assert!(form.confirmation(&[], false).is_none());
    let project = form.op.project_field().unwrap_or_default();
    form.fields.set_text(project, "proj-fake".into());
    let c = form.confirmation(&[], false).expect("ready");
    let sent = c
        .job()
        .request
        .value(project)
        .map(|v| v.expose().to_owned());
    assert_eq!(sent.as_deref(), Some("proj-fake"));
}
