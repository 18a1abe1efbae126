//! Changes the provider finishes as tasks (Tencent Cloud's Redis and MySQL
//! password APIs), sent by the real `keyturn` binary to the emulator: the
//! change is settled only when the task ends, as its end says; a task that
//! does not end in time leaves the change open; a process killed while it
//! follows the task loses nothing. Needs the Secret Service (run under
//! `scripts/with-keyring`).

mod common;

use std::process::Command;

use common::{run, text};
use keyturn::catalog::find;
use keyturn::emulator::RunningEmulator;
use keyturn::vault::{ResourceKey, Slot, Vault};
use secrecy::ExposeSecret;

const REDIS: &str = "tencentcloud.redis.modify-instance-password";
const RESET: &str = "tencentcloud.redis.reset-password";
const CDB: &str = "tencentcloud.cdb.modify-account-password";
const KEY_ID: &str = "FAKETASKKEYID";
const KEY_SECRET: &str = "fake-task-secret-0123";
const OLD: &str = "OldFakePass1";
const NEW: &str = "NewFakePass2";
const REGION: &str = "ap-guangzhou";

struct World {
    home: common::Home,
    emulator: RunningEmulator,
    _runtime: tokio::runtime::Runtime,
}

impl World {
    fn new(name: &str) -> World {
        common::require_keyring();
        let home = common::Home::new(&format!("tasks-{name}"));
        let (runtime, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
        World {
            home,
            emulator,
            _runtime: runtime,
        }
    }

    fn vault(&self) -> Vault {
        self.home.vault()
    }

    /// `keyturn request OP --send` with these fields (passwords by env var).
    fn change(&self, op: &str, fields: &[(&str, &str)], extra: &[&str]) -> Command {
        let endpoint = self.emulator.url();
        let mut args: Vec<String> = [
            "request",
            op,
            "--key-id",
            KEY_ID,
            "--region",
            REGION,
            "--endpoint",
            &endpoint,
            "--send",
            "--json",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (name, value) in fields {
            args.push("--param".into());
            args.push(format!("{name}={value}"));
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut c = common::keyturn(&self.home.dir, KEY_SECRET, &args);
        c.env("OLD_PW", OLD).env("NEW_PW", NEW);
        c
    }

    fn redis(&self, instance: &str, extra: &[&str]) -> Command {
        self.change(
            REDIS,
            &[
                ("InstanceId", instance),
                ("OldPassword", "env:OLD_PW"),
                ("Password", "env:NEW_PW"),
            ],
            extra,
        )
    }

    fn key(&self, op: &str, ids: &[&str]) -> ResourceKey {
        ResourceKey::parse(&format!("{op}/{REGION}/{}", ids.join("/"))).unwrap()
    }

    fn slot(&self, key: &ResourceKey, slot: Slot) -> Option<String> {
        self.vault()
            .password(key, slot)
            .ok()
            .map(|s| s.expose_secret().to_owned())
    }

    fn cloud(&self, op: &str, ids: &[&str]) -> Option<String> {
        self.emulator
            .current_password(find(op).unwrap(), ids)
            .map(|p| p.to_string())
    }

    fn journal(&self) -> String {
        std::fs::read_to_string(self.home.dir.join("data/journal.jsonl")).unwrap_or_default()
    }

    fn open_attempts(&self) -> Vec<serde_json::Value> {
        let o = run(self.home.keyturn(&["recover", "--json"]));
        serde_json::from_slice(&o.stdout).unwrap()
    }
}

fn outcome(o: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("not JSON: {}", text(o)))
}

/// The emulator's instance knows `OLD` first (a reset sets it).
fn seed(w: &World, op: &str, fields: &[(&str, &str)], ids: &[&str]) {
    let mut c = w.change(op, fields, &[]);
    c.env("NEW_PW", OLD);
    let o = run(c);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(w.cloud(op, ids).as_deref(), Some(OLD));
}

#[test]
fn a_change_accepted_as_a_task_is_settled_when_the_task_succeeds() {
    let w = World::new("succeeds");
    let o = run(w.redis("crs-task01", &[]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let json = outcome(&o);
    assert_eq!(json["status"], "succeeded", "{json}");
    // The wait was the provider's task, and said so.
    assert!(common::err(&o).contains("task"), "{}", text(&o));
    let key = w.key(REDIS, &["crs-task01"]);
    assert_eq!(w.slot(&key, Slot::Current).as_deref(), Some(NEW));
    assert_eq!(w.slot(&key, Slot::Pending), None);
    assert_eq!(w.cloud(REDIS, &["crs-task01"]).as_deref(), Some(NEW));
    // The journal holds the acceptance with its task, then the success.
    let journal = w.journal();
    let accepted = journal
        .find("\"accepted\"")
        .expect("the acceptance is journalled");
    let succeeded = journal
        .rfind("\"succeeded\"")
        .expect("the success is journalled");
    assert!(accepted < succeeded, "{journal}");
    assert!(journal.contains("\"task\":"), "{journal}");
    assert!(w.open_attempts().is_empty());
}

#[test]
fn a_failed_task_discards_the_new_password() {
    let w = World::new("fails");
    let o = run(w.redis("fault-task-fails-1", &[]));
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert_eq!(outcome(&o)["status"], "rejected");
    let key = w.key(REDIS, &["fault-task-fails-1"]);
    // As before the change: nothing pending, and the old password typed
    // for this change only is not kept as current either.
    assert_eq!(w.slot(&key, Slot::Pending), None);
    assert_eq!(w.slot(&key, Slot::Current), None);
    assert_ne!(
        w.cloud(REDIS, &["fault-task-fails-1"]).as_deref(),
        Some(NEW)
    );
    assert!(w.open_attempts().is_empty());
}

#[test]
fn a_task_that_does_not_end_in_time_leaves_the_change_open() {
    let w = World::new("stuck");
    let o = run(w.redis("fault-task-stuck-1", &["--task-timeout", "1"]));
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert_eq!(outcome(&o)["status"], "unknown");
    let key = w.key(REDIS, &["fault-task-stuck-1"]);
    // Still pending: the task may yet set it.
    assert_eq!(w.slot(&key, Slot::Pending).as_deref(), Some(NEW));
    assert_eq!(w.open_attempts().len(), 1);
}

#[test]
fn a_process_killed_while_following_its_task_loses_nothing() {
    let w = World::new("killed");
    let mut child = common::hold(w.redis("crs-task02", &[]), "accepted");
    child.kill().unwrap();
    let _ = child.wait();
    let key = w.key(REDIS, &["crs-task02"]);
    assert_eq!(w.slot(&key, Slot::Pending).as_deref(), Some(NEW));
    let open = w.open_attempts();
    assert_eq!(open.len(), 1, "{open:?}");
    assert!(w.journal().contains("\"accepted\""), "{}", w.journal());
}

#[test]
fn a_reset_and_a_mysql_account_change_follow_their_tasks_too() {
    let w = World::new("reset-cdb");
    let o = run(w.change(
        RESET,
        &[
            ("InstanceId", "crs-task03"),
            ("Password", "env:NEW_PW"),
            ("NoAuth", "false"),
        ],
        &[],
    ));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(w.cloud(RESET, &["crs-task03"]).as_deref(), Some(NEW));

    let fields = [
        ("InstanceId", "cdb-task01"),
        ("Accounts.0.User", "app"),
        ("Accounts.0.Host", "%"),
        ("NewPassword", "env:NEW_PW"),
    ];
    seed(&w, CDB, &fields, &["cdb-task01", "app", "%"]);
    let o = run(w.change(CDB, &fields, &[]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        w.cloud(CDB, &["cdb-task01", "app", "%"]).as_deref(),
        Some(NEW)
    );
}
