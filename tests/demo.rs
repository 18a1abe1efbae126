//! `keyturn --demo` without a window: its setup makes the profiles, keeps
//! their secrets in the in-memory store (never the real keyring) and its
//! files in a throwaway folder, and the app's own background jobs verify
//! and send against its emulator. Then the demo window's content, driven
//! with egui_kittest; the sweep of folders that killed demos left behind;
//! and a stop signal (SIGTERM is sent to this test process itself).
//!
//! The keyring is process-wide, so these tests live in a test binary of
//! their own, where nothing opens the real keyring. The check that the real
//! keyring holds nothing of the demo's needs a Secret Service
//! (`scripts/with-keyring`, which `scripts/test` uses) and `secret-tool`.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keyturn::catalog::{Provider, find};
use keyturn::demo::{DIR_PREFIX, Demo, KEY_ID, LOCK_FILE, PROFILES};
use keyturn::endpoint::Endpoint;
use keyturn::jobs::{Event, JobId, Jobs, KeySource, SendJob, system_clock};
use keyturn::outcome::Status;
use keyturn::request::{Inputs, Value, validate};
use keyturn::ui::KeyturnApp;
use keyturn::ui::clipboard::MemoryClipboard;
use keyturn::ui::demo_window::{DemoHint, app_config, title};
use keyturn::vault::memory::MemoryStore;
use keyturn::vault::{ResourceKey, Slot};
use secrecy::{ExposeSecret, SecretString};

fn wait_for(jobs: &mut Jobs, id: JobId, done: impl Fn(&Event) -> bool) -> Vec<Event> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        for report in jobs.drain() {
            if report.id == id {
                let finished = done(&report.event);
                seen.push(report.event);
                if finished {
                    return seen;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("job {id} did not finish: {seen:?}");
}

/// The app's background jobs as the demo window runs them, over its vault.
fn demo_jobs(demo: &Demo) -> Jobs {
    Jobs::new(
        keyturn::ui::demo_window::jobs_config(),
        Some(demo.vault().clone()),
        system_clock(),
        Arc::new(|| {}),
    )
    .unwrap()
}

#[test]
fn setup_makes_four_profiles_whose_keys_live_only_in_memory() {
    let demo = Demo::start().expect("the demo starts");
    let vault = demo.vault().clone();
    let dir = demo.dir().to_owned();
    assert!(dir.starts_with(std::env::temp_dir()), "{dir:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{mode:o}");
    }

    // The store every keyring call goes to is the in-memory one.
    let store = keyring_core::get_default_store().expect("a store is set");
    assert!(store.as_any().is::<MemoryStore>(), "{store:?}");

    let index = vault.index().unwrap();
    let names: Vec<&str> = index.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["demo-alibaba", "demo-huawei", "demo-tencent", "demo-ucloud"]
    );
    let providers: Vec<Provider> = index.profiles.iter().map(|p| p.provider).collect();
    assert_eq!(providers.len(), 4);
    for p in Provider::ALL {
        assert!(providers.contains(&p), "{p:?}");
    }
    for (profile, wanted) in index.profiles.iter().zip(PROFILES) {
        assert_eq!(profile.key_id, KEY_ID);
        assert_eq!(profile.region.as_deref(), Some(wanted.region));
        assert_eq!(
            profile.endpoint.as_deref(),
            Some(demo.emulator_url().as_str())
        );
        assert!(
            profile
                .endpoint
                .as_deref()
                .unwrap()
                .starts_with("http://127.0.0.1:")
        );
        let secret = vault.profile_secret(&profile.name).expect("readable");
        assert!(secret.expose_secret().starts_with("demo-secret-"));
    }
    // The index and the journal's folder are in the throwaway folder.
    assert!(vault.paths().index_file().starts_with(&dir));
    assert!(vault.paths().index_file().exists());
    assert!(vault.paths().data_dir.starts_with(&dir));

    // A second demo in the same process reuses the in-memory store.
    let second = Demo::start().expect("a second demo starts");
    assert_ne!(second.dir(), demo.dir());
    assert_ne!(second.emulator_url(), demo.emulator_url());
    drop(second);

    drop(demo);
    assert!(!dir.exists(), "the demo's folder is removed when it ends");
}

#[test]
fn the_apps_jobs_verify_every_profile_and_send_a_change_to_the_emulator() {
    let demo = Demo::start().unwrap();
    let mut jobs = demo_jobs(&demo);
    for p in PROFILES {
        let id = jobs.verify(p.name);
        let events = wait_for(&mut jobs, id, |e| matches!(e, Event::Verified(_)));
        match events.last() {
            Some(Event::Verified(Ok(v))) => {
                assert_eq!(
                    v.verified.outcome.status,
                    Status::Succeeded,
                    "{}: {v:?}",
                    p.name
                )
            }
            other => panic!("{}: {other:?}", p.name),
        }
    }
    // The app verifies through the same function as `keyturn profile
    // verify`, and keeps what it learns: the fact, and the project id of a
    // region the profile did not know (IAM lists cn-east-3 too).
    let huawei = demo.vault().profile("demo-huawei").unwrap();
    assert_eq!(
        huawei.last_verify,
        Some(keyturn::vault::Verification::Works { identity: None })
    );
    assert_eq!(
        huawei.project_ids.get("cn-east-3").map(String::as_str),
        Some("06b2b3c1c8000f3e2f4fc01a7d2e4c11")
    );
    assert_eq!(
        huawei.project_ids.get("cn-north-4").map(String::as_str),
        Some("demo-project-cn-north-4"),
        "a project id the profile had is not replaced"
    );

    // A Huawei DCS change through the demo profile: the key is read from
    // the in-memory store inside the job.
    let op = find("huaweicloud.dcs.update-password").unwrap();
    let mut inputs = Inputs {
        region: Some("cn-north-4".into()),
        ..Default::default()
    };
    inputs.set(
        "project_id",
        Value::Plain(PROFILES[1].project_id.unwrap().into()),
    );
    inputs.set("instance_id", Value::Plain("dcs-demo-test-1".into()));
    inputs.set(
        "old_password",
        Value::Secret(SecretString::from("Demo-Old-1")),
    );
    inputs.set(
        "new_password",
        Value::Secret(SecretString::from("Demo-New-22")),
    );
    let request = validate(op, &inputs).unwrap();
    let resource = ResourceKey::of(&request);
    let id = jobs.send(SendJob {
        request,
        endpoint: Endpoint::parse_override(&demo.emulator_url()).unwrap(),
        endpoint_override: Some(demo.emulator_url()),
        key: KeySource::Profile("demo-huawei".into()),
        anyway: false,
    });
    let events = wait_for(&mut jobs, id, |e| {
        matches!(e, Event::Answered { .. } | Event::NotStarted(_))
    });
    match events.last() {
        Some(Event::Answered { outcome, .. }) => {
            assert_eq!(outcome.status, Status::Succeeded, "{outcome:?}")
        }
        other => panic!("{other:?}"),
    }
    let held = demo
        .emulator()
        .unwrap()
        .current_password(op, &[PROFILES[1].project_id.unwrap(), "dcs-demo-test-1"]);
    assert_eq!(held.as_deref().map(String::as_str), Some("Demo-New-22"));
    // Rotation safety kept the new password as current, in the in-memory
    // keyring, and journalled the attempt in the throwaway folder.
    let current = demo.vault().password(&resource, Slot::Current).unwrap();
    assert_eq!(current.expose_secret(), "Demo-New-22");
    let journal = demo.vault().paths().data_dir.join("journal.jsonl");
    assert!(
        journal.starts_with(demo.dir()) && journal.exists(),
        "{journal:?}"
    );
}

/// Nothing of the demo's reaches the real keyring (a throwaway GNOME
/// Keyring under `scripts/with-keyring`).
/// In the demo nothing leaves this computer, as its band says: a profile
/// added during the demo that points at a real cloud (no endpoint: the
/// provider's own) is refused by the app's jobs before any connection, and
/// the words say why and what to do.
#[test]
fn in_the_demo_a_profile_pointing_at_a_real_cloud_sends_nothing() {
    let demo = Demo::start().unwrap();
    let profile = keyturn::vault::new_profile(
        "added-in-the-demo",
        Provider::Alibaba,
        "LTAI5tNOTAREALKEY0",
        time::OffsetDateTime::now_utc(),
    );
    demo.vault()
        .add_profile(profile, &SecretString::from("not-a-real-secret"))
        .unwrap();
    let mut jobs = demo_jobs(&demo);
    let id = jobs.verify("added-in-the-demo");
    let events = wait_for(&mut jobs, id, |e| matches!(e, Event::Verified(_)));
    let Some(Event::Verified(Ok(checked))) = events.last() else {
        panic!("{events:?}");
    };
    let outcome = &checked.verified.outcome;
    assert_eq!(outcome.status, Status::NotSent, "{outcome:?}");
    let said = keyturn::words::outcome(outcome, None);
    assert!(
        said.contains("in the demo nothing leaves this computer") && said.contains("aliyuncs.com"),
        "{said}"
    );
}

#[test]
fn the_real_keyring_holds_nothing_of_the_demos() {
    common::require_keyring();
    let demo = Demo::start().unwrap();
    for p in PROFILES {
        demo.vault().profile_secret(p.name).unwrap();
    }
    // A canary written by secret-tool itself proves the search can see
    // keyturn's entries at all.
    let canary = format!("demo-test-canary-{}", std::process::id());
    let mut store = std::process::Command::new("secret-tool")
        .args([
            "store", "--label", "canary", "service", "keyturn", "username", &canary,
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("secret-tool runs (Debian: libsecret-tools)");
    {
        use std::io::Write;
        store.stdin.take().unwrap().write_all(b"canary").unwrap();
    }
    assert!(store.wait().unwrap().success());
    let out = std::process::Command::new("secret-tool")
        .args(["search", "--all", "--unlock", "service", "keyturn"])
        .output()
        .unwrap();
    let listed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::process::Command::new("secret-tool")
        .args(["clear", "service", "keyturn", "username", &canary])
        .status();
    assert!(
        listed.contains(&canary),
        "the search sees the keyring: {listed}"
    );
    for p in PROFILES {
        assert!(
            !listed.contains(p.name),
            "{} in the real keyring: {listed}",
            p.name
        );
    }
    assert!(!listed.contains(KEY_ID), "{listed}");
    assert!(!listed.contains("demo-secret-"), "{listed}");
}

#[test]
fn the_demo_window_says_it_is_a_demo_and_lists_the_demo_profiles() {
    assert!(title().contains("demo"), "{}", title());
    let demo = Demo::start().unwrap();
    let mut config = app_config(
        &demo,
        time::UtcOffset::UTC,
        Some(keyturn::i18n::Lang::English),
    );
    let clipboard = MemoryClipboard::new();
    config.clipboard = Box::new(clipboard.clone());
    let hint = DemoHint::new(demo.emulator_url());
    let mut harness = common::windowed::harness(
        Harness::builder().with_size([1400.0, 1200.0]),
        move |ctx, storage| {
            KeyturnApp::new(ctx, storage, config)
                .unwrap()
                .with_demo_band(hint)
        },
    );
    step_until(&mut harness, "the demo profiles", |h| {
        h.query_by_label("demo-huawei").is_some()
    });
    harness.run_steps(2);
    for name in ["demo-alibaba", "demo-huawei", "demo-tencent", "demo-ucloud"] {
        assert!(harness.query_by_label(name).is_some(), "{name}");
    }
    assert!(
        harness
            .query_by_label_contains(&format!("built-in emulator at {}", demo.emulator_url()))
            .is_some()
    );
    assert!(harness.query_by_label_contains("fault-reset").is_some());
    assert!(
        harness
            .query_by_label_contains("five wrong ones then lock")
            .is_some()
    );
    // The tips fold away, leaving the one line that says it is a demo.
    harness.get_by_label("Hide tips").click();
    harness.run();
    assert!(harness.query_by_label_contains("fault-reset").is_none());
    assert!(
        harness
            .query_by_label_contains("built-in emulator at")
            .is_some()
    );
    // The first form starts with the demo profile of its cloud, its key
    // found: nothing to pick before the first try.
    step_until(&mut harness, "a demo profile preselected", |h| {
        h.query_by_label("✔ access key found in the keyring")
            .is_some()
    });
    assert!(
        harness
            .query_by_label_contains(&format!("Sends to {}", demo.emulator_url()))
            .is_some()
    );
    // Picking a demo profile opens its provider's form, pointed at the emulator.
    harness.get_by_label("demo-huawei").click();
    // The Huawei form, with its own key found (the first form's line must
    // not stand in for it).
    step_until(&mut harness, "the demo key", |h| {
        h.query_by_label("Huawei Cloud DCS: UpdatePassword")
            .is_some()
            && h.query_by_label("✔ access key found in the keyring")
                .is_some()
    });
    assert!(
        harness
            .query_by_label_contains(&format!("Sends to {}", demo.emulator_url()))
            .is_some()
    );

    // A demo key copied from the credentials is cleared when the window
    // closes, as in the normal window.
    harness.get_by_label("Credentials").click();
    harness.run_steps(2);
    // A row of the profiles table selects the profile its actions act on.
    harness.get_by_label("Profile row demo-huawei").click();
    harness.run_steps(2);
    harness
        .get_by_label("Copy the secret of profile demo-huawei")
        .click();
    step_until(&mut harness, "the demo key copied", |_| {
        clipboard.contents().is_some()
    });
    assert!(clipboard.marked_secret());
    keyturn::ui::window::App::on_exit(&mut harness.state_mut().0);
    assert_eq!(clipboard.contents(), None, "cleared when the demo closes");
}

/// Steps the demo window until `done` holds, for at most ten seconds.
fn step_until(
    harness: &mut Harness<'_, common::windowed::Windowed>,
    what: &str,
    done: impl Fn(&Harness<'_, common::windowed::Windowed>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(harness) {
        assert!(Instant::now() < deadline, "never: {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A folder under the temporary folder named like a demo's, with a lock
/// file last touched an hour ago; the lock is held if `held`.
fn earlier_demo_folder(name: &str, held: bool) -> (std::path::PathBuf, Option<std::fs::File>) {
    let dir = std::env::temp_dir().join(format!("{DIR_PREFIX}test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let lock = std::fs::File::create(dir.join(LOCK_FILE)).unwrap();
    // Locked before it looks old: a demo starting in another test now
    // must not take it for a killed one.
    if held {
        lock.try_lock().unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    lock.set_modified(an_hour_ago).unwrap();
    (dir, held.then_some(lock))
}

#[test]
fn a_new_demo_removes_what_killed_demos_left_and_keeps_live_ones() {
    let (killed, _) = earlier_demo_folder("killed", false);
    let (live, held) = earlier_demo_folder("live", true);
    let demo = Demo::start().unwrap();
    assert!(!killed.exists(), "a killed demo's folder is removed");
    assert!(live.join(LOCK_FILE).exists(), "a live demo's folder stays");
    // The new demo holds its own folder's lock for as long as it runs.
    let own = std::fs::File::open(demo.dir().join(LOCK_FILE)).unwrap();
    assert!(own.try_lock().is_err(), "the demo's lock is held");
    drop(own);
    drop(held);
    std::fs::remove_dir_all(&live).unwrap();
    drop(demo);
}

/// SIGTERM (as `kill` sends) asks the demo to close rather than ending
/// the process: the app is told, and the folder goes when the demo ends.
#[cfg(unix)]
#[test]
fn a_stop_signal_asks_the_demo_to_close() {
    let demo = Demo::start().unwrap();
    let dir = demo.dir().to_owned();
    let (tx, rx) = std::sync::mpsc::channel();
    // A forced exit long after the test ends: only the close is tested.
    demo.on_stop_signal(move || tx.send(()).unwrap(), Duration::from_secs(3600))
        .unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &std::process::id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    rx.recv_timeout(Duration::from_secs(30))
        .expect("the demo was asked to close");
    assert!(dir.exists());
    drop(demo);
    assert!(!dir.exists(), "the folder is removed when the demo ends");
}
