//! Rotation safety: five ways the password-rotation protocol could lose a
//! password or send a change it should not, each driven through the real
//! `keyturn` binary against the built-in emulator.
//!
//! 1. A retry that fails (refused, or not sent at all) must not discard the
//!    pending password of the attempt it retries, nor close that attempt;
//!    and a retry goes to the profile's endpoint as it is now.
//! 2. Two changes of one resource at the same time: at most one is sent.
//! 3. A pending password blocks a new change even when the journal is gone;
//!    a damaged or newer-version journal line is skipped, never fatal.
//! 4. Resource ids holding the key text's separators (`/`, `@`) are refused
//!    before anything is stored.
//! 5. TcaplusDB Mode 2 (only the old password's expiry changes) moves no
//!    keyring slot.
//!
//! Needs the Secret Service: run under `scripts/with-keyring`. Every key and
//! password here is fake.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use common::{CONSUMER_GROUP, DCS, TCAPLUS, feed, run, run_with_stdin, wait};
use keyturn::catalog::find;
use keyturn::emulator::RunningEmulator;
use keyturn::vault::{ResourceKey, Slot, Vault};
use secrecy::ExposeSecret;

const KEY_ID: &str = "FAKESAFETYKEY";
const KEY_SECRET: &str = "fake-safety-secret-0123";
const OLD: &str = "OldFakePass1";
const NEW: &str = "NewFakePass2";
const NEW2: &str = "NextFakePass3";
const DCS_REGION: &str = "cn-north-4";
const DCS_PROJECT: &str = "proj";

struct World {
    home: common::Home,
    emulator: RunningEmulator,
    _runtime: tokio::runtime::Runtime,
}

impl World {
    fn new(name: &str) -> World {
        common::require_keyring();
        let home = common::Home::new(&format!("safety-{name}"));
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
        c.env("OLD_PW", OLD).env("NEW_PW", NEW).env("NEW2_PW", NEW2);
        c
    }

    /// A DCS change of `instance` from env var `old` to env var `new`, sent
    /// to the emulator.
    fn dcs(&self, instance: &str, old: &str, new: &str) -> Command {
        self.dcs_at(&self.emulator.url(), instance, old, new)
    }

    /// The same, sent to `endpoint`.
    fn dcs_at(&self, endpoint: &str, instance: &str, old: &str, new: &str) -> Command {
        let mut c = self.keyturn(&[
            "request",
            DCS,
            "--key-id",
            KEY_ID,
            "--region",
            DCS_REGION,
            "--endpoint",
            endpoint,
        ]);
        c.args(dcs_params(instance, old, new));
        c
    }

    /// The same, with a stored profile's key, region, project id and endpoint.
    fn dcs_with_profile(&self, profile: &str, instance: &str, old: &str, new: &str) -> Command {
        let mut c = self.keyturn(&["request", DCS, "--profile", profile]);
        c.args(&dcs_params(instance, old, new)[2..]);
        c
    }

    /// Adds a Huawei profile with the emulator's key and this endpoint.
    fn add_profile(&self, name: &str, endpoint: &str) {
        let o = run_with_stdin(
            self.keyturn(&[
                "profile",
                "add",
                name,
                "--provider",
                "huawei",
                "--key-id",
                KEY_ID,
                "--region",
                DCS_REGION,
                "--project-id",
                DCS_PROJECT,
                "--endpoint",
                endpoint,
            ]),
            format!("{KEY_SECRET}\n"),
        );
        assert_eq!(o.status.code(), Some(0), "profile add: {}", text(&o));
    }

    fn set_profile_endpoint(&self, name: &str, endpoint: &str) {
        let o = run(self.keyturn(&["profile", "edit", name, "--endpoint", endpoint]));
        assert_eq!(o.status.code(), Some(0), "profile edit: {}", text(&o));
    }

    fn password(&self, key: &ResourceKey, slot: Slot) -> Option<String> {
        self.vault()
            .password(key, slot)
            .ok()
            .map(|s| s.expose_secret().to_owned())
    }

    fn slot(&self, instance: &str, slot: Slot) -> Option<String> {
        self.password(&dcs_key(instance), slot)
    }

    /// What the "cloud" holds now for a DCS instance.
    fn cloud(&self, instance: &str) -> Option<String> {
        self.emulator
            .current_password(find(DCS).unwrap(), &[DCS_PROJECT, instance])
            .map(|p| p.to_string())
    }

    fn open_attempts(&self) -> Vec<serde_json::Value> {
        let o = run(self.keyturn(&["recover", "--json"]));
        assert_eq!(o.status.code(), Some(0), "recover --json: {}", text(&o));
        serde_json::from_slice::<Vec<serde_json::Value>>(&o.stdout)
            .unwrap_or_else(|e| panic!("recover --json printed no list ({e}): {}", text(&o)))
    }

    fn open_ids(&self) -> Vec<String> {
        self.open_attempts()
            .iter()
            .filter_map(|a| a["attempt"].as_str().map(str::to_owned))
            .collect()
    }

    /// The one open attempt whose resource names `instance`.
    fn open_attempt_of(&self, instance: &str) -> String {
        let open = self.open_attempts();
        let ids: Vec<&str> = open
            .iter()
            .filter(|a| a["resource"].as_str().is_some_and(|r| r.contains(instance)))
            .filter_map(|a| a["attempt"].as_str())
            .collect();
        assert_eq!(
            ids.len(),
            1,
            "expected one open attempt for {instance}: {open:?}"
        );
        ids[0].to_owned()
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
            "{instance}: the live password is in neither current nor pending"
        );
    }

    fn journal_files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.home.dir.join("data"))
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with("journal") && n.ends_with(".jsonl"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn append_to_journal(&self, bytes: &[u8]) {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(self.home.dir.join("data/journal.jsonl"))
            .unwrap();
        f.write_all(bytes).unwrap();
    }
}

fn dcs_params(instance: &str, old: &str, new: &str) -> Vec<String> {
    vec![
        "--param".into(),
        format!("project_id={DCS_PROJECT}"),
        "--param".into(),
        format!("instance_id={instance}"),
        "--param".into(),
        format!("old_password=env:{old}"),
        "--param".into(),
        format!("new_password=env:{new}"),
        "--send".into(),
        "--timeout".into(),
        "2".into(),
    ]
}

/// A resource key built from its parts, never from its text form (which
/// the rewrite may change).
fn key(operation: &str, region: &str, ids: &[&str], user: Option<&str>) -> ResourceKey {
    ResourceKey {
        operation: operation.to_owned(),
        region: region.to_owned(),
        ids: ids.iter().map(|s| (*s).to_owned()).collect(),
        user: user.map(str::to_owned),
    }
}

fn dcs_key(instance: &str) -> ResourceKey {
    key(DCS, DCS_REGION, &[instance], None)
}

fn kill(mut child: Child) {
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A loopback server that reads each request and closes the connection
/// without a byte of answer: the request arrived, its result is unknown.
/// Stopping it closes its port.
struct HangUp {
    url: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl HangUp {
    fn start() -> HangUp {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            while !stopped.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((mut stream, _)) => {
                        let _ = stream.set_nonblocking(false);
                        let _ = stream.set_read_timeout(Some(Duration::from_millis(300)));
                        let mut buf = [0u8; 8192];
                        while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
                        // Dropped: closed with no answer.
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        HangUp {
            url,
            stop,
            thread: Some(thread),
        }
    }

    /// Closes the port: connections to it are refused from now on.
    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

impl Drop for HangUp {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A loopback URL on which nothing listens.
fn closed_port_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

/// A TCP relay in front of the emulator that records the first line of
/// every request passing through it ("PUT /v2/…/instances/ID/password
/// HTTP/1.1"): it counts what really reached the provider.
struct Relay {
    url: String,
    request_lines: Arc<Mutex<Vec<String>>>,
}

impl Relay {
    fn start(target: SocketAddr) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let request_lines = Arc::new(Mutex::new(Vec::new()));
        let lines = request_lines.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let lines = lines.clone();
                std::thread::spawn(move || relay_one(client, target, &lines));
            }
        });
        Relay { url, request_lines }
    }

    /// How many requests naming `instance` passed through.
    fn requests_for(&self, instance: &str) -> usize {
        let needle = format!("/instances/{instance}/password");
        self.request_lines
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(&needle))
            .count()
    }
}

fn relay_one(mut client: TcpStream, target: SocketAddr, lines: &Mutex<Vec<String>>) {
    let Ok(mut server) = TcpStream::connect(target) else {
        return;
    };
    let (Ok(mut server_back), Ok(mut client_back)) = (server.try_clone(), client.try_clone())
    else {
        return;
    };
    let back = std::thread::spawn(move || {
        let _ = std::io::copy(&mut server_back, &mut client_back);
        let _ = client_back.shutdown(std::net::Shutdown::Write);
    });
    let mut head = Vec::new();
    let mut recorded = false;
    let mut buf = [0u8; 8192];
    loop {
        let n = match client.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if !recorded {
            head.extend_from_slice(&buf[..n]);
            if let Some(end) = head.windows(2).position(|w| w == b"\r\n") {
                lines
                    .lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&head[..end]).into_owned());
                recorded = true;
            }
        }
        if server.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = server.shutdown(std::net::Shutdown::Write);
    let _ = back.join();
}

// 1. A failed retry keeps the earlier pending password and its attempt.

#[test]
fn a_failed_retry_keeps_the_earlier_pending_and_the_attempt_open() {
    let w = World::new("retry-refused");
    let instance = "safety-retry-refused";
    // The change reached the provider and worked, but the process died
    // before it could record the answer.
    kill(common::hold(
        w.dcs(instance, "OLD_PW", "NEW_PW"),
        "answered",
    ));
    assert_eq!(w.cloud(instance).as_deref(), Some(NEW));
    assert_eq!(w.slot(instance, Slot::Pending).as_deref(), Some(NEW));
    let id = w.open_attempt_of(instance);

    // The retry sends old = current (OLD), which the resource no longer
    // has: the provider refuses it.
    let o = run(w.keyturn(&["recover", &id, "--retry", "--timeout", "2"]));
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        w.slot(instance, Slot::Pending).as_deref(),
        Some(NEW),
        "a refused retry discarded the pending password of the attempt it retried: {}",
        text(&o)
    );
    assert!(
        w.open_ids().contains(&id),
        "a refused retry closed the attempt it retried ({id}); open now: {:?}",
        w.open_attempts()
    );
    w.assert_nothing_lost(instance);
}

#[test]
fn a_retry_that_cannot_connect_keeps_pending_and_the_attempt_open() {
    let w = World::new("retry-notsent");
    let instance = "safety-retry-notsent";
    let profile = format!("safety-notsent-{}", std::process::id());
    let mut hang_up = HangUp::start();
    w.add_profile(&profile, &hang_up.url);
    let o = run(w.dcs_with_profile(&profile, instance, "OLD_PW", "NEW_PW"));
    assert_eq!(
        o.status.code(),
        Some(4),
        "no answer must be an unknown result: {}",
        text(&o)
    );
    assert_eq!(w.slot(instance, Slot::Pending).as_deref(), Some(NEW));
    assert_eq!(w.slot(instance, Slot::Current).as_deref(), Some(OLD));
    let id = w.open_attempt_of(instance);

    // Nothing listens any more, neither at the profile's new endpoint nor
    // at the old one: whichever the retry uses, it cannot connect.
    w.set_profile_endpoint(&profile, &closed_port_url());
    hang_up.stop();
    let o = run(w.keyturn(&["recover", &id, "--retry", "--timeout", "2"]));
    assert_eq!(
        o.status.code(),
        Some(1),
        "a retry that could not connect is a failure, not sent: {}",
        text(&o)
    );
    assert_eq!(
        w.slot(instance, Slot::Pending).as_deref(),
        Some(NEW),
        "a retry that was never sent discarded the pending password: {}",
        text(&o)
    );
    assert_eq!(w.slot(instance, Slot::Current).as_deref(), Some(OLD));
    assert!(
        w.open_ids().contains(&id),
        "a retry that was never sent closed the attempt it retried ({id}); open now: {:?}",
        w.open_attempts()
    );
    assert_eq!(w.cloud(instance), None, "something reached the emulator");
}

#[test]
fn recover_retry_uses_the_profiles_current_endpoint() {
    let w = World::new("retry-endpoint");
    let instance = "safety-retry-endpoint";
    let profile = format!("safety-endpoint-{}", std::process::id());
    let hang_up = HangUp::start();
    w.add_profile(&profile, &hang_up.url);
    let o = run(w.dcs_with_profile(&profile, instance, "OLD_PW", "NEW_PW"));
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert_eq!(w.slot(instance, Slot::Pending).as_deref(), Some(NEW));
    let id = w.open_attempt_of(instance);

    // The user fixes the profile's endpoint, then retries.
    w.set_profile_endpoint(&profile, &w.emulator.url());
    let o = run(w.keyturn(&["recover", &id, "--retry", "--timeout", "2"]));
    assert_eq!(
        o.status.code(),
        Some(0),
        "the retry did not go to the profile's endpoint as it is now: {}",
        text(&o)
    );
    assert!(
        text(&o).contains(&w.emulator.addr.to_string()),
        "the retry does not say which endpoint it used ({}): {}",
        w.emulator.addr,
        text(&o)
    );
    assert_eq!(w.cloud(instance).as_deref(), Some(NEW));
    assert_eq!(w.slot(instance, Slot::Current).as_deref(), Some(NEW));
    assert_eq!(w.slot(instance, Slot::Pending), None);
    w.assert_nothing_lost(instance);
    drop(hang_up);
}

// 2. One change of a resource at a time.

#[test]
fn two_changes_of_one_resource_at_once_send_only_one() {
    let w = World::new("race");
    let relay = Relay::start(w.emulator.addr);
    for round in 0..3 {
        let instance = format!("safety-race-{round}");
        let children: Vec<Child> = (0..8)
            .map(|i| {
                let mut c = w.dcs_at(&relay.url, &instance, "OLD_PW", "RACE_PW");
                c.env("RACE_PW", format!("Race-Fake-Pass-{round}{i}"))
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                c.spawn().unwrap()
            })
            .collect();
        let outputs: Vec<Output> = children
            .into_iter()
            .map(|mut c| {
                feed(&mut c, b"");
                wait(c)
            })
            .collect();
        let codes: Vec<Option<i32>> = outputs.iter().map(|o| o.status.code()).collect();
        let sent = relay.requests_for(&instance);
        assert!(
            sent <= 1,
            "round {round}: {sent} changes of one resource reached the provider at once; exit codes {codes:?}"
        );
        let went = codes
            .iter()
            .filter(|c| matches!(c, Some(0) | Some(3) | Some(4)))
            .count();
        assert!(
            went <= 1,
            "round {round}: {went} processes say they sent a change; exit codes {codes:?}"
        );
        for o in &outputs {
            if !matches!(o.status.code(), Some(0) | Some(3) | Some(4)) {
                assert_eq!(
                    o.status.code(),
                    Some(2),
                    "round {round}: a change that did not go must be refused before sending: {}",
                    text(o)
                );
            }
        }
        match w.cloud(&instance) {
            Some(_) => w.assert_nothing_lost(&instance),
            None => assert_eq!(
                w.slot(&instance, Slot::Current).as_deref(),
                Some(OLD),
                "round {round}: nothing was sent, yet current is not the old password"
            ),
        }
    }
}

#[test]
fn a_change_while_another_is_in_flight_is_refused() {
    let w = World::new("inflight");
    let relay = Relay::start(w.emulator.addr);
    let instance = "safety-inflight";
    let a = common::hold(w.dcs_at(&relay.url, instance, "OLD_PW", "NEW_PW"), "sent");
    let o = run(w.dcs_at(&relay.url, instance, "OLD_PW", "NEW2_PW"));
    let pending = w.slot(instance, Slot::Pending);
    let sent = relay.requests_for(instance);
    kill(a);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a second change while one is in flight must be refused before sending: {}",
        text(&o)
    );
    assert_eq!(sent, 0, "the second change reached the provider");
    assert_eq!(w.cloud(instance), None, "something reached the emulator");
    assert_eq!(
        pending.as_deref(),
        Some(NEW),
        "the second change replaced the first one's pending password"
    );
}

// 3. The keyring's pending slot is the last word; the journal is only help.

#[test]
fn a_pending_password_blocks_a_change_even_without_the_journal() {
    let w = World::new("nojournal");
    let relay = Relay::start(w.emulator.addr);
    let instance = "safety-nojournal";
    kill(common::hold(
        w.dcs(instance, "OLD_PW", "NEW_PW"),
        "answered",
    ));
    assert_eq!(w.cloud(instance).as_deref(), Some(NEW));
    assert_eq!(w.slot(instance, Slot::Pending).as_deref(), Some(NEW));
    let journals = w.journal_files();
    assert!(!journals.is_empty(), "no journal was written");
    for f in journals {
        std::fs::remove_file(f).unwrap();
    }

    let o = run(w.dcs_at(&relay.url, instance, "OLD_PW", "NEW2_PW"));
    assert_eq!(
        o.status.code(),
        Some(2),
        "a resource with a pending password must refuse a new change before sending, journal or not: {}",
        text(&o)
    );
    assert_eq!(relay.requests_for(instance), 0, "the change was sent");
    assert_eq!(
        w.slot(instance, Slot::Pending).as_deref(),
        Some(NEW),
        "the pending password (the live one) was overwritten or dropped"
    );
    assert_eq!(w.cloud(instance).as_deref(), Some(NEW));
    w.assert_nothing_lost(instance);
}

#[test]
fn a_damaged_journal_line_is_skipped_not_fatal() {
    let w = World::new("badutf8");
    let o = run(w.dcs("safety-badutf8-a", "OLD_PW", "NEW_PW"));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    w.append_to_journal(b"{\"at\":\xff}\n");

    let o = run(w.keyturn(&["history"]));
    assert_eq!(
        o.status.code(),
        Some(0),
        "one damaged line made the whole journal unreadable: {}",
        text(&o)
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("safety-badutf8-a"),
        "the attempt is no longer listed: {}",
        text(&o)
    );
    let stderr = String::from_utf8_lossy(&o.stderr).to_lowercase();
    assert!(
        stderr.contains("skip"),
        "no warning about the skipped line: {}",
        text(&o)
    );

    let o = run(w.keyturn(&["recover"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(w.dcs("safety-badutf8-b", "OLD_PW", "NEW_PW"));
    assert_eq!(
        o.status.code(),
        Some(0),
        "a damaged journal line stopped the next change: {}",
        text(&o)
    );
    assert_eq!(w.cloud("safety-badutf8-b").as_deref(), Some(NEW));
}

#[test]
fn a_journal_record_from_a_newer_version_is_not_fatal() {
    let w = World::new("future");
    let mut c = w.dcs("safety-future-a", "OLD_PW", "NEW_PW");
    c.arg("--json");
    let o = run(c);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let sent: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let id = sent["attempt"].as_str().unwrap().to_owned();
    // What a later version might write: a status, an event and a
    // settlement this version has never heard of.
    for line in [
        serde_json::json!({"at": "2026-01-01T00:00:00Z", "attempt": id, "event": "outcome", "status": "from_the_future"}),
        serde_json::json!({"at": "2026-01-01T00:00:01Z", "attempt": id, "event": "from_the_future"}),
        serde_json::json!({"at": "2026-01-01T00:00:02Z", "attempt": id, "event": "settled", "how": "from_the_future"}),
    ] {
        w.append_to_journal(format!("{line}\n").as_bytes());
    }

    let o = run(w.keyturn(&["history"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(&id),
        "the attempt is no longer listed: {}",
        text(&o)
    );
    let o = run(w.keyturn(&["history", "--json"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(list.iter().any(|a| a["attempt"] == id.as_str()), "{list:?}");
    assert_eq!(run(w.keyturn(&["recover"])).status.code(), Some(0));
    let o = run(w.dcs("safety-future-b", "OLD_PW", "NEW_PW"));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

// 4. A resource key names one resource.

/// The change of one DTS consumer group from OLD to `new`.
fn consumer_group_change(w: &World, subscription: &str, group: &str, new: &str) -> Command {
    let mut c = w.keyturn(&[
        "request",
        CONSUMER_GROUP,
        "--key-id",
        KEY_ID,
        "--region",
        "cn-hangzhou",
        "--endpoint",
        &w.emulator.url(),
        "--param",
        &format!("SubscriptionInstanceId={subscription}"),
        "--param",
        &format!("ConsumerGroupID={group}"),
        "--param",
        "ConsumerGroupPassword=env:OLD_PW",
        "--param",
        "consumerGroupNewPassword=env:GROUP_PW",
        "--send",
        "--timeout",
        "2",
    ]);
    c.env("GROUP_PW", new);
    c
}

/// Ids holding the key text's separators (`sub/x`, `grp@u`) are not
/// Alibaba's ids: refused before anything is stored, naming the field. (The
/// key's escaped text form stays injective for any text: the vault's own
/// tests.)
#[test]
fn resource_ids_with_the_key_texts_separators_are_refused() {
    let w = World::new("slashes");
    for (subscription, group, field) in [
        ("safety-sub/x", "grp", "SubscriptionInstanceId"),
        ("safety-sub", "x/grp", "ConsumerGroupID"),
        ("safety-at-sub", "grp@u", "ConsumerGroupID"),
    ] {
        let o = run(consumer_group_change(
            &w,
            subscription,
            group,
            "Slash-Fake-Pass-A",
        ));
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(
            text(&o).contains(&format!("{field} must be")),
            "{}",
            text(&o)
        );
    }
    let o = run(w.keyturn(&["password", "list", "--json"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(listed.is_empty(), "{listed:?}");
}

// 5. TcaplusDB Mode 2 changes no password.

#[test]
fn tcaplus_mode_2_moves_no_slot() {
    let w = World::new("tcaplus-mode2");
    let cluster = "safety-cluster-1";
    let endpoint = w.emulator.url();
    // China Standard Time, as TcaplusDB reads it.
    let days_ahead = |days: i64| {
        let t = (time::OffsetDateTime::now_utc() + time::Duration::days(days))
            .to_offset(time::macros::offset!(+8));
        format!(
            "{:04}-{:02}-{:02} 00:00:00",
            t.year(),
            u8::from(t.month()),
            t.day()
        )
    };
    let change = |mode: &str, old: &str, new: &str, expiry: &str| {
        let mut c = w.keyturn(&[
            "request",
            TCAPLUS,
            "--key-id",
            KEY_ID,
            "--region",
            "ap-guangzhou",
            "--endpoint",
            &endpoint,
            "--param",
            &format!("ClusterId={cluster}"),
            "--param",
            &format!("OldPassword=env:{old}"),
            "--param",
            &format!("NewPassword=env:{new}"),
            "--param",
            &format!("OldPasswordExpireTime={expiry}"),
            "--param",
            &format!("Mode={mode}"),
            "--send",
            "--timeout",
            "2",
        ]);
        c.env("NEW3_PW", "ThirdFakePass4");
        run(c)
    };
    let cluster_key = key(TCAPLUS, "ap-guangzhou", &[cluster], None);
    let cloud = || {
        w.emulator
            .current_password(find(TCAPLUS).unwrap(), &[cluster])
            .map(|p| p.to_string())
    };

    let o = change("1", "OLD_PW", "NEW_PW", &days_ahead(7));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        w.password(&cluster_key, Slot::Current).as_deref(),
        Some(NEW)
    );
    assert_eq!(
        w.password(&cluster_key, Slot::Previous).as_deref(),
        Some(OLD)
    );

    // Only the old password's expiry moves; the form still wants a new
    // password, which the provider ignores in Mode 2.
    let o = change("2", "NEW_PW", "NEW3_PW", &days_ahead(3));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("The old password's expiry changed"),
        "a Mode 2 success must not read as a password change: {}",
        text(&o)
    );
    assert_eq!(cloud().as_deref(), Some(NEW));
    assert_eq!(
        w.password(&cluster_key, Slot::Current).as_deref(),
        Some(NEW),
        "Mode 2 changed no password, yet current moved"
    );
    assert_eq!(
        w.password(&cluster_key, Slot::Previous).as_deref(),
        Some(OLD),
        "Mode 2 changed no password, yet previous moved"
    );
    assert_eq!(
        w.password(&cluster_key, Slot::Pending),
        None,
        "Mode 2 left a pending password"
    );
}
