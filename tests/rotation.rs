//! Never lose a password: password changes sent by the real `keyturn`
//! binary to the emulator, with faults and a process killed for real at each
//! step, checked against the password the emulator really holds. Needs the
//! Secret Service (run under `scripts/with-keyring`, as `scripts/test` does).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{DCS, run, text};
use keyturn::catalog::find;
use keyturn::emulator::RunningEmulator;
use keyturn::vault::{ResourceKey, Slot, Vault};
use secrecy::ExposeSecret;

const KEY_ID: &str = "FAKEROTATEKEY";
const KEY_SECRET: &str = "fake-rotate-secret-0123";
const OLD: &str = "OldFakePass1";
const NEW: &str = "NewFakePass2";

struct World {
    home: common::Home,
    emulator: RunningEmulator,
    _runtime: tokio::runtime::Runtime,
}

impl World {
    fn new(name: &str) -> World {
        common::require_keyring();
        let home = common::Home::new(&format!("rotation-{name}"));
        let (runtime, emulator) =
            common::emulator(KEY_ID, KEY_SECRET, Some(Duration::from_secs(3)));
        World {
            home,
            emulator,
            _runtime: runtime,
        }
    }

    fn vault(&self) -> Vault {
        self.home.vault()
    }

    fn keyturn(&self, args: &[&str]) -> Command {
        let mut c = common::keyturn(&self.home.dir, KEY_SECRET, args);
        c.env("OLD_PW", OLD).env("NEW_PW", NEW);
        c
    }

    /// A DCS change of `instance` from env var `old` to env var `new`.
    fn dcs(&self, instance: &str, old: &str, new: &str) -> Command {
        let endpoint = self.emulator.url();
        self.keyturn(&[
            "request",
            DCS,
            "--key-id",
            KEY_ID,
            "--region",
            "cn-north-4",
            "--endpoint",
            &endpoint,
            "--param",
            "project_id=proj",
            "--param",
            &format!("instance_id={instance}"),
            "--param",
            &format!("old_password=env:{old}"),
            "--param",
            &format!("new_password=env:{new}"),
            "--send",
            "--timeout",
            "1",
        ])
    }

    fn key(&self, instance: &str) -> ResourceKey {
        ResourceKey::parse(&format!("{DCS}/cn-north-4/{instance}")).unwrap()
    }

    fn slot(&self, instance: &str, slot: Slot) -> Option<String> {
        self.vault()
            .password(&self.key(instance), slot)
            .ok()
            .map(|s| s.expose_secret().to_owned())
    }

    /// What the "cloud" holds now.
    fn cloud(&self, instance: &str) -> Option<String> {
        self.emulator
            .current_password(find(DCS).unwrap(), &["proj", instance])
            .map(|p| p.to_string())
    }

    fn journal_text(&self) -> String {
        std::fs::read_to_string(self.home.dir.join("data/journal.jsonl")).unwrap_or_default()
    }

    fn open_attempts(&self) -> Vec<serde_json::Value> {
        let o = run(self.keyturn(&["recover", "--json"]));
        serde_json::from_slice::<Vec<serde_json::Value>>(&o.stdout).unwrap()
    }

    /// The password the resource really has is kept in the keyring as
    /// current or pending.
    fn assert_nothing_lost(&self, instance: &str) {
        let cloud = self
            .cloud(instance)
            .expect("the emulator knows the resource");
        let kept = [
            self.slot(instance, Slot::Current),
            self.slot(instance, Slot::Pending),
        ];
        assert!(
            kept.iter().flatten().any(|k| *k == cloud),
            "the live password is in neither current nor pending"
        );
    }

    fn assert_no_secret_in_journal(&self) {
        let text = self.journal_text();
        for secret in [OLD, NEW, KEY_SECRET] {
            assert!(!text.contains(secret), "a secret reached the journal");
        }
    }
}

#[test]
fn success_moves_pending_to_current_and_keeps_the_old_as_previous() {
    let w = World::new("success");
    let o = run(w.dcs("inst-ok", "OLD_PW", "NEW_PW"));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(w.cloud("inst-ok").as_deref(), Some(NEW));
    assert_eq!(w.slot("inst-ok", Slot::Current).as_deref(), Some(NEW));
    assert_eq!(w.slot("inst-ok", Slot::Previous).as_deref(), Some(OLD));
    assert_eq!(w.slot("inst-ok", Slot::Pending), None);
    assert!(w.open_attempts().is_empty());
    let history = text(&run(w.keyturn(&["history", "--json"])));
    assert!(history.contains("\"succeeded\""), "{history}");
    w.assert_no_secret_in_journal();
}

#[test]
fn a_definite_refusal_discards_pending() {
    let w = World::new("refusal");
    assert_eq!(
        run(w.dcs("inst-no", "OLD_PW", "NEW_PW")).status.code(),
        Some(0)
    );
    // Now OLD is wrong: the provider says so, nothing changes.
    let mut c = w.dcs("inst-no", "OLD_PW", "OTHER_PW");
    c.env("OTHER_PW", "Other-Fake-Pass-3");
    let o = run(c);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(text(&o).contains("Wrong current password"));
    assert_eq!(w.slot("inst-no", Slot::Pending), None);
    assert_eq!(w.slot("inst-no", Slot::Current).as_deref(), Some(NEW));
    w.assert_nothing_lost("inst-no");
    assert!(w.open_attempts().is_empty());
}

#[test]
fn a_reset_after_sending_keeps_pending_and_the_attempt_open() {
    let w = World::new("reset");
    let o = run(w.dcs("fault-reset-1", "OLD_PW", "NEW_PW"));
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert!(text(&o).contains("kept as the pending password"));
    // The emulator applied the change: the live password is the pending one.
    assert_eq!(w.cloud("fault-reset-1").as_deref(), Some(NEW));
    assert_eq!(w.slot("fault-reset-1", Slot::Pending).as_deref(), Some(NEW));
    w.assert_nothing_lost("fault-reset-1");
    let open = w.open_attempts();
    assert_eq!(open.len(), 1);
    // A new change of the same resource would overwrite pending: refused.
    let o = run(w.dcs("fault-reset-1", "NEW_PW", "OLD_PW"));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("has an unknown result"), "{}", text(&o));
    // The user checked: it worked.
    let id = open[0]["attempt"].as_str().unwrap();
    let o = run(w.keyturn(&["recover", id, "--keep"]));
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(w.slot("fault-reset-1", Slot::Current).as_deref(), Some(NEW));
    assert_eq!(w.slot("fault-reset-1", Slot::Pending), None);
    assert!(w.open_attempts().is_empty());
    w.assert_no_secret_in_journal();
}

#[test]
fn a_timeout_keeps_pending_and_discard_drops_it() {
    let w = World::new("timeout");
    let o = run(w.dcs("fault-slow-1", "OLD_PW", "NEW_PW"));
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert_eq!(w.slot("fault-slow-1", Slot::Pending).as_deref(), Some(NEW));
    // The emulator changes the password as soon as it has read the
    // request, and only then waits to answer; the client gave up after a
    // second. Wait for the change (on a loaded machine it may come after
    // the client's timeout), not for the answer nobody reads.
    common::wait_until(
        "the emulator applies the change",
        Duration::from_secs(10),
        || w.cloud("fault-slow-1").is_some(),
    );
    w.assert_nothing_lost("fault-slow-1");
    let id = w.open_attempts()[0]["attempt"].as_str().unwrap().to_owned();
    assert!(
        run(w.keyturn(&["recover", &id, "--discard"]))
            .status
            .success()
    );
    assert_eq!(w.slot("fault-slow-1", Slot::Pending), None);
    assert!(w.open_attempts().is_empty());
}

#[test]
fn killed_at_each_step_between_staging_and_settling() {
    let w = World::new("killed");
    for (i, step) in ["staged", "sent", "answered"].into_iter().enumerate() {
        let instance = format!("inst-kill-{i}");
        let mut c = w.dcs(&instance, "OLD_PW", "NEW_PW");
        c.env("KEYTURN_TEST_HOLD_AT", step)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = c.spawn().unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        while !line.contains("holding at") {
            line.clear();
            assert!(
                stderr.read_line(&mut line).unwrap() > 0,
                "{step}: exited before holding"
            );
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        // The attempt is in the journal, open.
        let open = w.open_attempts();
        assert!(
            open.iter()
                .any(|a| a["resource"].as_str().unwrap().ends_with(&instance)),
            "{step}: attempt not shown"
        );
        match w.cloud(&instance) {
            // Not sent yet: the old password, kept as current.
            None => {
                assert_ne!(step, "answered");
                assert_eq!(
                    w.slot(&instance, Slot::Current).as_deref(),
                    Some(OLD),
                    "{step}"
                );
                assert_eq!(
                    w.slot(&instance, Slot::Pending).as_deref(),
                    Some(NEW),
                    "{step}"
                );
            }
            Some(_) => w.assert_nothing_lost(&instance),
        }
    }
    w.assert_no_secret_in_journal();
}

#[test]
fn a_failing_keyring_or_data_folder_sends_nothing() {
    let w = World::new("nostore");
    // No Secret Service: the pending password cannot be kept.
    let mut c = w.dcs("inst-nokeyring", "OLD_PW", "NEW_PW");
    c.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let o = run(c);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("nothing was sent"), "{}", text(&o));
    assert_eq!(w.cloud("inst-nokeyring"), None, "the request left");

    // The data folder cannot be written (its parent is a file).
    let blocker = w.home.dir.join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let mut c = w.dcs("inst-nodisk", "OLD_PW", "NEW_PW");
    c.env("KEYTURN_DATA_DIR", blocker.join("data"));
    let o = run(c);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // (Resource locks live in the user's session folder, shared by every
    // data folder: the journal is what fails here.)
    assert!(
        text(&o).contains("nothing was sent: the rotation journal"),
        "{}",
        text(&o)
    );
    assert_eq!(w.cloud("inst-nodisk"), None, "the request left");
    assert_eq!(
        w.slot("inst-nodisk", Slot::Pending),
        None,
        "pending left behind"
    );

    // A full disk.
    let full = w.home.dir.join("full");
    std::fs::create_dir_all(&full).unwrap();
    std::os::unix::fs::symlink("/dev/full", full.join("journal.jsonl")).unwrap();
    let mut c = w.dcs("inst-full", "OLD_PW", "NEW_PW");
    c.env("KEYTURN_DATA_DIR", &full);
    let o = run(c);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_eq!(w.cloud("inst-full"), None, "the request left");
}

#[test]
fn a_torn_journal_line_is_skipped_with_a_warning() {
    let w = World::new("torn");
    assert_eq!(
        run(w.dcs("inst-torn", "OLD_PW", "NEW_PW")).status.code(),
        Some(0)
    );
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(w.home.dir.join("data/journal.jsonl"))
        .unwrap();
    f.write_all(br#"{"at":"2026-01-01T00:00:00Z","attempt":"x","event":"atte"#)
        .unwrap();
    let o = run(w.keyturn(&["history"]));
    assert!(o.status.success());
    assert!(text(&o).contains("incomplete last line"), "{}", text(&o));
    assert!(text(&o).contains("succeeded"));
    // And the next change still records cleanly after it.
    let mut c = w.dcs("inst-torn", "NEW_PW", "NEXT_PW");
    c.env("NEXT_PW", "NextFakePass4");
    assert_eq!(run(c).status.code(), Some(0));
    let history = run(w.keyturn(&["history", "--json"]));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&history.stdout).unwrap();
    assert_eq!(list.len(), 2);
}

#[test]
fn two_processes_at_once_both_recorded() {
    let w = World::new("twoproc");
    let children: Vec<_> = (0..2)
        .map(|i| {
            let mut c = w.dcs(&format!("inst-par-{i}"), "OLD_PW", "NEW_PW");
            c.stdout(Stdio::null()).stderr(Stdio::null());
            c.spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let history: Vec<serde_json::Value> =
        serde_json::from_slice(&run(w.keyturn(&["history", "--json"])).stdout).unwrap();
    assert_eq!(history.len(), 2);
    for i in 0..2 {
        assert_eq!(
            w.slot(&format!("inst-par-{i}"), Slot::Current).as_deref(),
            Some(NEW)
        );
    }
}

#[test]
fn a_lock_is_remembered_and_refused_before_sending() {
    let w = World::new("lock");
    assert_eq!(
        run(w.dcs("inst-lock", "OLD_PW", "NEW_PW")).status.code(),
        Some(0)
    );
    let mut last = String::new();
    for _ in 0..5 {
        let mut c = w.dcs("inst-lock", "BAD_PW", "OTHER_PW");
        c.env("BAD_PW", "Bad-Fake-Pass-9")
            .env("OTHER_PW", "Other-Fake-Pass-3");
        last = text(&run(c));
    }
    assert!(last.contains("Password changes are locked until"), "{last}");
    // Even with the right password, the CLI knows the lock and sends nothing.
    let mut c = w.dcs("inst-lock", "NEW_PW", "OTHER_PW");
    c.env("OTHER_PW", "Other-Fake-Pass-3");
    let o = run(c);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("locked until"), "{}", text(&o));
    assert_eq!(w.cloud("inst-lock").as_deref(), Some(NEW));
}

#[test]
fn tcaplus_old_password_window_is_remembered_and_mode_2_still_allowed() {
    let w = World::new("tcaplus");
    let endpoint = w.emulator.url();
    // A week ahead in China Standard Time, as TcaplusDB reads it.
    let expiry = (time::OffsetDateTime::now_utc() + time::Duration::days(7))
        .to_offset(time::macros::offset!(+8));
    let expiry = format!(
        "{:04}-{:02}-{:02} 00:00:00",
        expiry.year(),
        u8::from(expiry.month()),
        expiry.day()
    );
    let change = |mode: &str, old: &str, new: &str| {
        let mut c = w.keyturn(&[
            "request",
            "tencentcloud.tcaplusdb.modify-cluster-password",
            "--key-id",
            KEY_ID,
            "--region",
            "ap-guangzhou",
            "--endpoint",
            &endpoint,
            "--param",
            "ClusterId=cluster-1",
            "--param",
            &format!("OldPassword=env:{old}"),
            "--param",
            &format!("NewPassword=env:{new}"),
            "--param",
            &format!("OldPasswordExpireTime={expiry}"),
            "--param",
            &format!("Mode={mode}"),
            "--send",
        ]);
        c.env("NEXT_PW", "NextFakePass4");
        run(c)
    };
    let o = change("1", "OLD_PW", "NEW_PW");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Another change is refused here, before the provider would refuse it.
    let o = change("1", "NEW_PW", "NEXT_PW");
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("stays valid until"), "{}", text(&o));
    // Changing only the old password's expiry is allowed and reaches the provider.
    let o = change("2", "NEW_PW", "NEW_PW");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // --anyway sends it, and the provider's own refusal comes back.
    let mut c = w.keyturn(&[]);
    c.args([
        "request",
        "tencentcloud.tcaplusdb.modify-cluster-password",
        "--key-id",
        KEY_ID,
        "--region",
        "ap-guangzhou",
        "--endpoint",
        &endpoint,
        "--param",
        "ClusterId=cluster-1",
        "--param",
        "OldPassword=env:NEW_PW",
        "--param",
        "NewPassword=env:NEXT_PW",
        "--param",
        &format!("OldPasswordExpireTime={expiry}"),
        "--send",
        "--anyway",
        "--json",
    ])
    .env("NEXT_PW", "NextFakePass4");
    let o = run(c);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["status"], "old_password_still_valid");
}

/// `recover --keep` with the pending password gone from the keyring (it
/// was deleted outside Keyturn) says what the keyring holds instead, and
/// changes nothing: the attempt stays open.
#[test]
fn keep_without_a_pending_password_says_what_is_there() {
    let w = World::new("keep-missing");
    let instance = "inst-keep-missing";
    let mut c = w.dcs(instance, "OLD_PW", "NEW_PW");
    c.env("KEYTURN_TEST_HOLD_AT", "staged")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("holding at") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "exited before holding"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // Only the current password is left in the keyring.
    let key = w.key(instance);
    let vault = w.vault();
    let slots = vault.slots(&key).unwrap().without_pending();
    vault
        .write_slots(
            &key,
            &slots,
            &[],
            None,
            time::OffsetDateTime::now_utc(),
            false,
        )
        .unwrap();

    let open = w.open_attempts();
    let id = open[0]["attempt"].as_str().unwrap();
    let o = run(w.keyturn(&["recover", id, "--keep"]));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("no pending password") && text(&o).contains("holds current"),
        "{}",
        text(&o)
    );
    assert_eq!(w.slot(instance, Slot::Current).as_deref(), Some(OLD));
    assert_eq!(w.open_attempts().len(), 1, "the attempt stays open");
    // Discarding it closes it and leaves current as it was.
    let o = run(w.keyturn(&["recover", id, "--discard"]));
    assert!(o.status.success(), "{}", text(&o));
    assert!(w.open_attempts().is_empty());
    assert_eq!(w.slot(instance, Slot::Current).as_deref(), Some(OLD));
}
