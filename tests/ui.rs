//! The desktop app driven like a person would: find widgets by their
//! labels, type, click, press Enter and Escape, and read what is shown.
//!
//! Each test runs the whole `KeyturnApp` in `egui_kittest` (no window, no
//! GPU) with an empty throwaway vault, a clock the test moves by hand, and,
//! where a request is sent, the emulator of the four clouds on
//! 127.0.0.1:0 as the endpoint override, with the key typed into the form.
//! While a job is in flight the app keeps repainting (a spinner), so those
//! stretches are stepped frame by frame ([`wait_for`]) rather than `run`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::time::Duration;

use eframe::egui::accesskit::Role;
use eframe::egui::{Key, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use keyturn::emulator::{self, EmulatorConfig, RunningEmulator};
use keyturn::jobs::{Clock, JobsConfig};
use keyturn::ui::{AppConfig, KeyturnApp};
use keyturn::vault::{Paths, Vault};
use secrecy::SecretString;
use time::OffsetDateTime;

const KEY_ID: &str = "KTUITESTKEY";
const SECRET: &str = "ktui-test-secret";

/// A wall clock that stands still until the test moves it.
#[derive(Clone)]
struct TestClock {
    base: OffsetDateTime,
    offset_ms: Arc<AtomicI64>,
}

impl TestClock {
    /// Pinned to the real time now, so that the emulator (which checks
    /// request times against its own clock) accepts what is signed.
    fn new() -> Self {
        TestClock {
            base: OffsetDateTime::now_utc(),
            offset_ms: Arc::new(AtomicI64::new(0)),
        }
    }

    fn clock(&self) -> Clock {
        let (base, offset) = (self.base, self.offset_ms.clone());
        Arc::new(move || base + time::Duration::milliseconds(offset.load(Ordering::SeqCst)))
    }

    fn advance(&self, by: time::Duration) {
        self.offset_ms
            .fetch_add(by.whole_milliseconds() as i64, Ordering::SeqCst);
    }
}

/// An empty vault in a fresh temporary folder.
fn throwaway_vault() -> (Vault, PathBuf) {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "keyturn-ui-test-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let vault = Vault::new(Paths {
        config_dir: dir.join("config"),
        data_dir: dir.join("data"),
    });
    (vault, dir)
}

/// The app under test, with what it needs kept alive.
struct Ui {
    harness: Harness<'static, KeyturnApp>,
    clock: TestClock,
    emulator: Option<(tokio::runtime::Runtime, RunningEmulator)>,
    dir: PathBuf,
}

impl Drop for Ui {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn app(jobs: JobsConfig, with_emulator: bool) -> Ui {
    app_with(jobs, with_emulator, |_, _| {}, "No profiles yet.")
}

/// The app over a vault that `prepare` fills (given the emulator's URL),
/// once the sidebar shows `ready`.
fn app_with(
    jobs: JobsConfig,
    with_emulator: bool,
    prepare: impl FnOnce(&Vault, Option<&str>),
    ready: &str,
) -> Ui {
    let clock = TestClock::new();
    let (vault, dir) = throwaway_vault();
    let emulator = with_emulator.then(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let emu = runtime
            .block_on(emulator::start(
                EmulatorConfig::new(KEY_ID, SecretString::from(SECRET)),
                "127.0.0.1:0".parse().unwrap(),
            ))
            .unwrap();
        (runtime, emu)
    });
    prepare(&vault, emulator.as_ref().map(|(_, e)| e.url()).as_deref());
    let config = AppConfig {
        vault: Some(vault),
        clock: clock.clock(),
        local_offset: time::UtcOffset::UTC,
        jobs,
    };
    let harness = Harness::builder()
        .with_size([1400.0, 1600.0])
        .build_eframe(move |cc| KeyturnApp::new(cc, config).unwrap());
    let mut ui = Ui {
        harness,
        clock,
        emulator,
        dir,
    };
    // Let the profile index arrive.
    ui.wait_for("the profile list", |h| h.query_by_label(ready).is_some());
    ui
}

impl Ui {
    fn h(&mut self) -> &mut Harness<'static, KeyturnApp> {
        &mut self.harness
    }

    /// Steps frame by frame (jobs run on other threads) until `done`.
    fn wait_for(&mut self, what: &str, done: impl Fn(&Harness<'static, KeyturnApp>) -> bool) {
        for _ in 0..500 {
            self.harness.step();
            if done(&self.harness) {
                self.harness.run_steps(2);
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("gave up waiting for {what}");
    }

    fn open(&mut self, sidebar_label: &str) {
        self.harness.get_by_label(sidebar_label).click();
        self.harness.run();
    }

    /// Focuses the input named `label`, selects what is in it, and types.
    fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.run();
        self.harness
            .key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
        self.harness.get_by_label(label).type_text(text);
        self.harness.run();
    }

    /// Types the key and points the form at the emulator.
    fn use_emulator(&mut self, region: &str) {
        let url = self
            .emulator
            .as_ref()
            .expect("started with the emulator")
            .1
            .url();
        self.type_into("Access key ID", KEY_ID);
        self.type_into("Access key secret", SECRET);
        self.type_into("Region", region);
        self.type_into("Endpoint override", &url);
    }

    fn has(&self, label: &str) -> bool {
        self.harness.query_all_by_label(label).next().is_some()
    }

    fn has_containing(&self, part: &str) -> bool {
        self.harness
            .query_all_by_label_contains(part)
            .next()
            .is_some()
    }

    fn submit_enabled(&self) -> bool {
        !self
            .harness
            .get_by_role_and_label(Role::Button, "Review and send…")
            .accesskit_node()
            .is_disabled()
    }

    /// Opens the confirmation with Enter, checks it, confirms with Enter,
    /// and waits for the answer.
    fn send_with_keyboard(&mut self) {
        assert!(self.submit_enabled(), "the form should be ready to send");
        self.harness.key_press(Key::Enter);
        self.harness.run();
        assert!(
            self.has("Confirm the change"),
            "Enter opens the confirmation"
        );
        self.harness.key_press(Key::Enter);
        self.harness.step();
        self.wait_for("an answer", |h| {
            h.query_by_label_contains("Answered at: ").is_some()
                && h.query_by_label("Preparing to send…").is_none()
        });
    }

    fn repaint_delay(&self) -> Duration {
        self.harness.output().viewport_output[&ViewportId::ROOT].repaint_delay
    }
}

/// Every label that starts with `prefix`.
fn labels_starting(h: &Harness<'static, KeyturnApp>, prefix: &str) -> Vec<String> {
    h.query_all_by_label_contains(prefix)
        .filter_map(|n| {
            let node = n.accesskit_node();
            // A plain label carries its text as its value.
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .find(|text| text.starts_with(prefix))
        })
        .collect()
}

#[test]
fn typing_a_new_password_flips_rule_rows_and_the_strength() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("DCS UpdatePassword");
    assert!(ui.has("Type or generate the new password to see its rules."));

    ui.type_into("New password", "abc");
    assert!(ui.has("✘ 8 to 64 characters"));
    assert!(ui.has("— add 5 more character(s)"));
    assert!(ui.has(
        "✘ contains at least 3 of: a lower-case letter, an upper-case letter, a digit or a special character"
    ));
    assert!(ui.has("✔ only allowed characters"));
    assert!(ui.has("Strength: very weak"));

    ui.type_into("New password", "abcD3f9!kq");
    assert!(ui.has("✔ 8 to 64 characters"));
    assert!(ui.has(
        "✔ contains at least 3 of: a lower-case letter, an upper-case letter, a digit or a special character"
    ));
    assert!(!ui.has("Strength: very weak"), "the estimate must move");
    assert!(labels_starting(ui.h(), "Strength: ").len() == 1);

    // A space is not allowed; the checklist says so and names the spot.
    ui.type_into("New password", "abcD3f9 kq");
    assert!(ui.has("✘ only allowed characters"));
    assert!(ui.has("✘ character 8: spaces are not allowed"));

    // `:` only some versions accept: a warning, not an error.
    ui.type_into("New password", "abcD3f9:kq");
    assert!(ui.has("! no characters that some versions refuse"));
    assert!(ui.has("✔ only allowed characters"));

    // Same as the old password: Huawei refuses it.
    ui.type_into("Old password", "abcD3f9:kq");
    assert!(ui.has("✘ differs from the current password"));
    assert!(ui.has("⚠ The new password is the same as the current one."));
}

#[test]
fn generate_fills_a_password_that_passes_every_rule_and_is_remembered() {
    let mut ui = app(JobsConfig::default(), false);
    for (sidebar, rules) in [
        ("DCS UpdatePassword", 5),
        ("TcaplusDB ModifyClusterPassword", 3),
        ("URedis ModifyURedisGroupPassword", 2),
        ("DTS ModifyConsumerGroupPassword", 3),
    ] {
        ui.open(sidebar);
        ui.h().get_by_label("Generate").click();
        ui.h().run();
        let passed = labels_starting(ui.h(), "✔ ");
        assert_eq!(passed.len(), rules, "{sidebar}: {passed:?}");
        assert!(labels_starting(ui.h(), "✘ ").is_empty(), "{sidebar}");
        assert!(labels_starting(ui.h(), "! ").is_empty(), "{sidebar}");
    }

    // Length and look-alikes are the user's, per operation.
    ui.open("DCS UpdatePassword");
    ui.h()
        .get_by_role_and_label(Role::Slider, "characters")
        .set_value_accesskit(12.0);
    ui.h().get_by_label("Avoid look-alike characters").click();
    ui.h().run();
    ui.h().get_by_label("Generate").click();
    ui.h().run();
    // The last Show belongs to the new password (the first to the key).
    ui.h()
        .get_all_by_role_and_label(Role::Button, "Show")
        .last()
        .unwrap()
        .click();
    ui.h().run();
    let shown = ui
        .h()
        .get_by_label("New password")
        .value()
        .expect("a shown password has a value");
    assert_eq!(shown.chars().count(), 12, "{shown:?}");
    assert!(!shown.chars().any(|c| "Il1|O0o".contains(c)));

    let remembered = ui.h().state().remembered();
    let dcs = &remembered.per_op["huaweicloud.dcs.update-password"];
    assert_eq!(dcs.generator_length, Some(12));
    assert!(dcs.avoid_lookalikes);
    assert_eq!(
        remembered.operation.as_deref(),
        Some("huaweicloud.dcs.update-password")
    );
    let stored = format!("{remembered:?}");
    assert!(!stored.contains(&shown), "no secret may be remembered");
}

#[test]
fn submit_stays_disabled_until_every_required_field_is_given() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("URedis ModifyURedisGroupPassword");
    assert!(!ui.submit_enabled());
    assert!(ui.has("• Group ID is required"));
    assert!(ui.has("• Region is required"));
    assert!(ui.has("• Access key ID is required"));

    ui.type_into("Access key ID", KEY_ID);
    ui.type_into("Access key secret", SECRET);
    ui.type_into("Region", "cn-bj2");
    ui.type_into("New password", "Abc_123-xyz");
    assert!(!ui.submit_enabled(), "Group ID is still missing");
    assert!(ui.has("• Group ID is required"));
    // Enter does nothing while the form is not valid.
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(!ui.has("Confirm the change"));

    ui.type_into("Group ID", "uredis-abc");
    assert!(ui.submit_enabled());
    assert!(!ui.has_containing("is required"));

    // Escape closes the confirmation without sending.
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    assert!(ui.has("Confirm the change"));
    assert!(ui.has("uredis-abc"));
    assert!(ui.has("Sets a new password."));
    ui.h().key_press(Key::Escape);
    ui.h().run();
    assert!(!ui.has("Confirm the change"));
    assert!(ui.has("Nothing sent yet in this session."));
}

#[test]
fn removing_ucloud_password_is_an_explicit_confirmed_choice() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("URedis ModifyURedisGroupPassword");
    ui.h().get_by_label("Remove the password instead").click();
    ui.h().run();
    assert!(ui.has("Remove the password?"));
    ui.h().get_by_label("Keep the password").click();
    ui.h().run();
    assert!(!ui.has_containing("The password will be removed"));

    ui.h().get_by_label("Remove the password instead").click();
    ui.h().run();
    ui.h().get_by_label("Yes, remove the password").click();
    ui.h().run();
    assert!(ui.has_containing("The password will be removed"));
    ui.type_into("Access key ID", KEY_ID);
    ui.type_into("Access key secret", SECRET);
    ui.type_into("Region", "cn-bj2");
    ui.type_into("Group ID", "uredis-abc");
    assert!(ui.submit_enabled());
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(ui.has_containing("Removes the password: removes the group's password"));
    assert!(
        ui.h()
            .query_by_role_and_label(Role::Button, "Remove the password")
            .is_some()
    );
}

#[test]
fn a_confirmed_change_reaches_the_emulator_and_shows_its_request_id() {
    let mut ui = app(JobsConfig::default(), true);
    ui.open("DTS ModifyDtsJobPassword");
    ui.use_emulator("cn-hangzhou");
    ui.type_into("DTS task ID", "dtsjob-ok-1");
    assert!(ui.has("• Database is required"));
    ui.h().get_by_label("Database").click();
    ui.h().run();
    ui.h().get_by_label("src: source database").click();
    ui.h().run();
    assert!(!ui.has("• Database is required"));
    ui.type_into("Database account", "dts_admin");
    ui.type_into("Current password", "Old-Pass-123");
    ui.type_into("New password", "New-Pass-456");
    assert!(ui.has("✔ differs from the current password"));

    // The confirmation names exactly what will change.
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    for shown in [
        "ModifyDtsJobPassword (Alibaba Cloud DTS)",
        "typed key KTUITESTKEY (not stored)",
        "cn-hangzhou",
        "dtsjob-ok-1",
        "src",
        "dts_admin",
        "Sets a new password.",
    ] {
        assert!(ui.has(shown), "the confirmation should show {shown:?}");
    }
    assert!(ui.has_containing("http://127.0.0.1:"));
    ui.h()
        .get_by_role_and_label(Role::Button, "Change the password")
        .click();
    ui.h().step();
    ui.wait_for("an answer", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
    });
    assert!(ui.has("Password changed"));
    let ids = labels_starting(ui.h(), "Request ID: ");
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(ids[0].len() > "Request ID: ".len() + 8, "{ids:?}");
    assert!(ui.has("HTTP status: 200"));
    // Nothing counts down: the app asks for no repaint at all.
    ui.h().run();
    assert!(
        ui.repaint_delay() > Duration::from_secs(3600),
        "{:?}",
        ui.repaint_delay()
    );
}

#[test]
fn huawei_wrong_old_password_counts_down_to_a_lock_with_a_live_countdown() {
    let mut ui = app(JobsConfig::default(), true);
    ui.open("DCS UpdatePassword");
    ui.use_emulator("cn-north-4");
    ui.type_into("Project ID", "0504201b5a80d3a22f6ec01a1f4b5c9c");
    ui.type_into("Instance ID", "dcs-lock-1");
    // The emulator takes the first old password it sees as the real one.
    ui.type_into("Old password", "Right-Pass-1");
    ui.type_into("New password", "Next-Pass-22");
    ui.send_with_keyboard();
    assert!(ui.has("Password changed"));

    ui.type_into("Old password", "Wrong-Pass-9");
    for left in [4, 3, 2] {
        ui.send_with_keyboard();
        assert!(ui.has("Wrong current password"));
        assert!(
            ui.has(&format!(
                "{left} tries left before password changes are locked"
            )),
            "{left}"
        );
    }
    ui.send_with_keyboard();
    assert!(ui.has("1 try left before password changes are locked"));
    ui.send_with_keyboard();
    assert!(ui.has("Password changes are locked"));
    assert!(ui.has("Password changes may be tried again in 5 min 00 s"));
    ui.h().run();
    let delay = ui.repaint_delay();
    assert!(
        delay <= Duration::from_secs(1),
        "a visible countdown ticks: {delay:?}"
    );

    ui.clock.advance(time::Duration::seconds(61));
    ui.h().run();
    assert!(ui.has("Password changes may be tried again in 3 min 59 s"));
    ui.clock.advance(time::Duration::minutes(4));
    ui.h().run();
    assert!(ui.has("The lock has ended: password changes may be tried again now."));
    ui.h().run();
    assert!(
        ui.repaint_delay() > Duration::from_secs(3600),
        "no countdown left, no repaints"
    );
}

#[test]
fn tcaplus_old_password_still_valid_offers_to_change_only_the_expiry() {
    let mut ui = app(JobsConfig::default(), true);
    ui.open("TcaplusDB ModifyClusterPassword");
    ui.use_emulator("ap-guangzhou");
    ui.type_into("Cluster ID", "23311894780");
    ui.type_into("Old password", "FirstPass1");
    ui.h().get_by_label("+1 hour").click();
    ui.h().run();
    assert!(ui.has_containing("(in 1 h 00 min)") || ui.has_containing("(in 59 min"));
    ui.type_into("New password", "SecondPass2");
    ui.send_with_keyboard();
    assert!(ui.has("Password changed"));

    ui.type_into("Old password", "SecondPass2");
    ui.type_into("New password", "ThirdPass3");
    ui.send_with_keyboard();
    assert!(ui.has("The previous old password is still valid"));
    assert!(ui.has_containing("The previous old password stops working in "));
    assert_eq!(
        ui.h().state().remembered().operation.as_deref(),
        Some("tencentcloud.tcaplusdb.modify-cluster-password")
    );

    ui.h()
        .get_by_label("Change only the expiry (Mode 2)")
        .click();
    ui.h().run();
    assert_eq!(
        ui.h().get_by_label("Mode").value().as_deref(),
        Some("2: change only the old password's expiry")
    );
    assert!(ui.has_containing("Filled in to change only the old password's expiry"));

    // Mode 2 goes through, and the confirmation says what it changes.
    ui.h().get_by_label("+7 days").click();
    ui.h().run();
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(ui.has_containing("Changes only when the old password expires"));
    ui.h().key_press(Key::Enter);
    ui.h().step();
    ui.wait_for("the Mode 2 answer", |h| {
        h.query_all_by_label("Password changed").count() == 1
            && h.query_by_label("Preparing to send…").is_none()
            && h.query_by_label_contains("Changes only when the old password expires")
                .is_some()
    });
}

#[test]
fn a_reset_connection_is_reported_as_unknown_in_plain_words() {
    let mut ui = app(JobsConfig::default(), true);
    ui.open("URedis ModifyURedisGroupPassword");
    ui.use_emulator("cn-bj2");
    ui.type_into("Group ID", "fault-reset-1");
    ui.type_into("New password", "Abc_123-xyz");
    ui.send_with_keyboard();
    assert!(ui.has("Result unknown: the password may have changed"));
    assert!(ui.has(
        "The password may have changed — check before trying again; the new password is kept in the form."
    ));
    // The new password is kept.
    ui.h()
        .get_all_by_role_and_label(Role::Button, "Show")
        .for_each(|b| b.click());
    ui.h().run();
    let kept: Vec<String> = ui
        .h()
        .query_all_by_role(Role::TextInput)
        .filter_map(|n| n.value())
        .collect();
    assert!(kept.iter().any(|v| v == "Abc_123-xyz"), "{kept:?}");
}

#[test]
fn a_send_can_be_cancelled_before_it_leaves() {
    let mut ui = app(
        JobsConfig {
            hold_before_send: Duration::from_secs(30),
            ..JobsConfig::default()
        },
        true,
    );
    ui.open("URedis ModifyURedisGroupPassword");
    ui.use_emulator("cn-bj2");
    ui.type_into("Group ID", "uredis-cancel-1");
    ui.type_into("New password", "Abc_123-xyz");
    ui.h().key_press(Key::Enter);
    ui.h().run();
    ui.h().key_press(Key::Enter);
    ui.h().run_steps(3);
    assert!(ui.has("Preparing to send…"));
    assert!(
        !ui.submit_enabled(),
        "no second send while one is in flight"
    );
    ui.h().get_by_role_and_label(Role::Button, "Cancel").click();
    ui.wait_for("the cancellation", |h| {
        h.query_by_label("Cancelled before sending").is_some()
    });
    assert!(ui.has("Nothing was sent; nothing changed."));
    assert!(!ui.has("Preparing to send…"));
    assert!(ui.submit_enabled());
}

#[test]
fn tab_walks_the_form_in_reading_order() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("DCS UpdatePassword");
    ui.h().get_by_label("Access key ID").focus();
    ui.h().run();
    let mut order = Vec::new();
    for _ in 0..12 {
        ui.h().key_press(Key::Tab);
        ui.h().run();
        if let Some(focused) = ui
            .h()
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().is_focused())
        {
            let node = focused.accesskit_node();
            order.push(node.label().unwrap_or_default());
        }
    }
    let position = |name: &str| {
        order
            .iter()
            .position(|l| l == name)
            .unwrap_or_else(|| panic!("{name} not reached by Tab: {order:?}"))
    };
    let expected = [
        "Access key secret",
        "Region",
        "Endpoint override",
        "Project ID",
        "Instance ID",
        "Old password",
        "New password",
    ];
    for pair in expected.windows(2) {
        assert!(position(pair[0]) < position(pair[1]), "{order:?}");
    }
}

#[test]
fn an_idle_window_asks_for_no_repaints_even_with_a_field_focused() {
    let mut ui = app(JobsConfig::default(), false);
    // The window has the keyboard focus, as when the user is typing, and
    // egui's default blinking cursor is on (kittest turns it off for stable
    // snapshots; a real window starts with it on).
    ui.h().input_mut().focused = true;
    ui.h()
        .ctx
        .all_styles_mut(|style| style.visuals.text_cursor.blink = true);
    ui.open("TcaplusDB ModifyClusterPassword");
    ui.type_into("Cluster ID", "23311894780");
    assert!(ui.h().get_by_label("Cluster ID").is_focused());
    ui.h().run();
    assert!(
        ui.repaint_delay() > Duration::from_secs(3600),
        "idle must cost nothing: {:?}",
        ui.repaint_delay()
    );
}

/// A stored profile: its key is read from the keyring inside a job, its
/// endpoint, region and project id fill the form. Needs a Secret Service,
/// as the keyring tests do (`scripts/with-keyring`, which `scripts/test` uses).
#[test]
fn a_stored_profile_is_used_from_the_keyring() {
    assert!(
        std::env::var_os("KEYTURN_IN_TEST_SESSION").is_some(),
        "this test needs a Secret Service: run it with `scripts/with-keyring cargo test`"
    );
    let name = format!("ui-dcs-{}", std::process::id());
    let mut stored = None;
    let mut ui = app_with(
        JobsConfig::default(),
        true,
        |vault, url| {
            let mut profile = keyturn::vault::new_profile(
                &name,
                keyturn::catalog::Provider::Huawei,
                KEY_ID,
                OffsetDateTime::now_utc(),
            );
            profile.region = Some("cn-north-4".into());
            profile.endpoint = url.map(str::to_owned);
            profile.project_ids.insert(
                "cn-north-4".into(),
                "0504201b5a80d3a22f6ec01a1f4b5c9c".into(),
            );
            vault
                .add_profile(profile, &SecretString::from(SECRET))
                .unwrap();
            stored = Some(vault.clone());
        },
        &name,
    );
    // Picking it in the sidebar opens a Huawei form using it.
    ui.h().get_by_label(&name).click();
    ui.wait_for("the keyring check", |h| {
        h.query_by_label("✔ access key found in the keyring")
            .is_some()
    });
    assert!(ui.has("Huawei Cloud DCS: UpdatePassword"));
    assert_eq!(
        ui.h().get_by_label("Region").value().as_deref(),
        Some("cn-north-4")
    );
    assert_eq!(
        ui.h().get_by_label("Project ID").value().as_deref(),
        Some("0504201b5a80d3a22f6ec01a1f4b5c9c")
    );
    assert!(ui.has_containing("Sends to http://127.0.0.1:"));
    ui.type_into("Instance ID", "dcs-profile-1");
    ui.type_into("Old password", "Right-Pass-1");
    ui.type_into("New password", "Next-Pass-22");
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(ui.has(&format!("profile {name} (key {KEY_ID})")));
    ui.h().key_press(Key::Enter);
    ui.h().step();
    ui.wait_for("an answer", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
    });
    assert!(ui.has("Password changed"));
    assert!(!labels_starting(ui.h(), "Request ID: ").is_empty());
    stored.unwrap().remove_profile(&name).unwrap();
}
