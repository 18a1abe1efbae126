//! `keyturn request … --send` end to end, run as a user runs it, against
//! `keyturn emulate` running as a separate process.
//!
//! Every test starts its own emulator (`Emulator::start`, killed when it is
//! dropped) and names its own resources, so no two tests share emulator
//! state, nor TcaplusDB's rate window. Every run of either binary is
//! checked for secrets: the access key secrets and the passwords, plain and
//! base64-encoded, must appear in no stdout, no stderr and no emulator log.

mod common;

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use base64::Engine;
use common::{CONSUMER_GROUP, DCS, DTS_JOB, OPS, TCAPLUS, UREDIS};
use keyturn::catalog::{FieldKind, find};
use keyturn::endpoint::Endpoint;
use keyturn::outcome::Status;
use keyturn::request::{self, Inputs, SignedRequest, SigningContext, Value};
use keyturn::send::Sender;
use keyturn::sign::Credentials;
use keyturn::transport::{Transport, TransportConfig};
use secrecy::SecretString;
use serde_json::Value as Json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const KEY_ID: &str = "FAKEKEYID";
/// The emulator's secret, and the one every request is signed with unless a
/// test says otherwise. Obviously not a real one.
const SECRET: &str = "fake-emulator-secret-not-real-0001";
const WRONG_SECRET: &str = "fake-wrong-secret-not-real-0002";

/// Passwords every operation accepts, in the order a resource goes through
/// them.
const PW1: &str = "FakePassOne11";
const PW2: &str = "FakePassTwo22";
const PW3: &str = "FakePassSix33";
const WRONG_PW: &str = "FakeWrongPw44";

/// A TcaplusDB expiry already past: a Mode 2 call with it ends the old
/// password's validity at once, so the next change is accepted. (A change
/// of the password itself may not give one: see `soon`.)
const EXPIRED: &str = "2020-01-01 00:00:00";

/// A TcaplusDB expiry two seconds from now, as the provider reads it: the
/// replaced password stops working almost at once, so the next change of
/// the same cluster is accepted soon after, without an expiry in the past.
fn soon() -> String {
    let spec = find(TCAPLUS).unwrap().old_password_expiry.as_ref().unwrap();
    spec.format(OffsetDateTime::now_utc() + Duration::from_secs(2))
}
/// A TcaplusDB expiry far ahead: the replaced password keeps working.
const FAR_AHEAD: &str = "2099-01-01 00:00:00";

/// Everything that must never be printed or logged.
fn secrets() -> Vec<String> {
    let plain = [SECRET, WRONG_SECRET, PW1, PW2, PW3, WRONG_PW];
    let b64 = plain
        .iter()
        .map(|s| base64::engine::general_purpose::STANDARD.encode(s));
    plain.iter().map(|s| (*s).to_owned()).chain(b64).collect()
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in secrets() {
        assert!(!text.contains(&secret), "{what}: a secret leaked:\n{text}");
    }
}

/// Tests share the machine's two or so cores; the one that needs 25
/// processes to reach the emulator within a second runs alone.
static MACHINE: RwLock<()> = RwLock::new(());

fn shared() -> RwLockReadGuard<'static, ()> {
    MACHINE.read().unwrap_or_else(PoisonError::into_inner)
}

/// `keyturn` with a clean environment and this process's folders: Keyturn
/// keeps pending passwords and its journal there, not in the user's
/// folders; the keyring is the test session's own.
fn keyturn() -> Command {
    let home = std::env::temp_dir().join(format!("keyturn-send-cli-{}", std::process::id()));
    common::keyturn_in(&home, &[])
}

/// `keyturn emulate` as a child process, killed when dropped.
struct Emulator {
    child: Child,
    url: String,
    /// Kept open: the emulator owns a stdout until it ends.
    _stdout: BufReader<ChildStdout>,
    /// Everything it has logged so far (its stderr), filled by `reader`.
    log: Arc<Mutex<String>>,
    reader: Option<JoinHandle<()>>,
}

impl Emulator {
    fn start() -> Emulator {
        let mut child = keyturn()
            .args(["emulate", "--port", "0", "--key-id", KEY_ID])
            .args(["--slow-ms", "3000"])
            .env("KEYTURN_KEY_SECRET", SECRET)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start keyturn emulate");
        let log = Arc::new(Mutex::new(String::new()));
        let mut stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        let Some(url) = first.trim().strip_prefix("listening on ") else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("keyturn emulate did not start: {first:?}");
        };
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        Emulator {
            url: url.to_owned(),
            child,
            _stdout: stdout,
            log,
            reader: Some(reader),
        }
    }

    fn log(&self) -> String {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits (briefly) until the emulator has logged its line for
    /// `resource` with this outcome label. Its lines say what the service
    /// did, even when the answer never reached the client.
    fn assert_logged(&self, resource: &str, label: &str) {
        self.assert_logged_times(resource, label, 1);
    }

    /// The same, for at least `times` such lines.
    fn assert_logged_times(&self, resource: &str, label: &str, times: usize) {
        let line = format!("resource=\"{resource}\" outcome={label}");
        let deadline = Instant::now() + Duration::from_secs(3);
        while self.log().lines().filter(|l| l.ends_with(&line)).count() < times {
            assert!(
                Instant::now() < deadline,
                "the emulator never logged `{line}`:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends a signal such as `-STOP` or `-CONT` to the emulator.
    fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill {signal} failed");
    }

    /// Stops the emulator and checks its whole log for secrets.
    fn finish(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        let log = self.log();
        assert!(log.contains("emulator listening"), "{log}");
        assert_no_secret("the emulator's log", &log);
        log
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One `keyturn request OP … --send`, with every field an operation needs.
#[derive(Clone)]
struct Call {
    op: &'static str,
    resource: String,
    old: &'static str,
    new: &'static str,
    region: &'static str,
    endpoint: Option<String>,
    key_id: &'static str,
    secret: &'static str,
    /// TcaplusDB's `OldPasswordExpireTime`; `None`: [`soon`].
    expiry: Option<String>,
    extra: Vec<String>,
    /// More of the process's environment.
    env: Vec<(&'static str, String)>,
}

impl Call {
    fn new(emu: &Emulator, op: &'static str, resource: &str) -> Call {
        Call {
            op,
            resource: resource.to_owned(),
            old: PW1,
            new: PW2,
            region: match op {
                DCS => "cn-north-4",
                UREDIS => "cn-bj2",
                TCAPLUS => "ap-guangzhou",
                _ => "cn-hangzhou",
            },
            endpoint: Some(emu.url.clone()),
            key_id: KEY_ID,
            secret: SECRET,
            expiry: None,
            extra: Vec::new(),
            env: Vec::new(),
        }
    }

    fn env(mut self, name: &'static str, value: impl Into<String>) -> Call {
        self.env.push((name, value.into()));
        self
    }

    fn passwords(mut self, old: &'static str, new: &'static str) -> Call {
        self.old = old;
        self.new = new;
        self
    }

    fn args(mut self, args: &[&str]) -> Call {
        self.extra.extend(args.iter().map(|a| (*a).to_owned()));
        self
    }

    /// TcaplusDB: a change whose replaced password has stopped working by
    /// the time it arrives, so the next change of the cluster can follow at
    /// once instead of after a wait for the window to end. It is signed as
    /// of ten seconds ago (`--at`), with an expiry five seconds ago: later
    /// than the signing time, so Keyturn's check that a password change
    /// gives no expiry in the past (made as of that time) lets it through,
    /// but already past for the emulator and for Keyturn's next look at the
    /// journal.
    fn window_already_closed(mut self) -> Call {
        let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
        let spec = find(TCAPLUS).unwrap().old_password_expiry.as_ref().unwrap();
        self.expiry = Some(spec.format(now - time::Duration::seconds(5)));
        let at = (now - time::Duration::seconds(10))
            .format(&Rfc3339)
            .unwrap();
        self.args(&["--at", &at])
    }

    fn command(&self) -> Command {
        let mut c = keyturn();
        c.args(["request", self.op, "--key-id", self.key_id, "--send"])
            .args(["--region", self.region])
            .env("KEYTURN_KEY_SECRET", self.secret)
            .env("OLD_PW", self.old)
            .env("NEW_PW", self.new);
        if let Some(url) = &self.endpoint {
            c.args(["--endpoint", url]);
        }
        c.envs(self.env.iter().map(|(n, v)| (n, v)));
        let r = self.resource.as_str();
        let params: Vec<String> = match self.op {
            CONSUMER_GROUP => vec![
                format!("SubscriptionInstanceId={r}"),
                "ConsumerGroupID=cg-1".into(),
                "ConsumerGroupPassword=env:OLD_PW".into(),
                "consumerGroupNewPassword=env:NEW_PW".into(),
            ],
            DTS_JOB => vec![
                format!("DtsJobId={r}"),
                "Endpoint=src".into(),
                "UserName=dtstest".into(),
                "Password=env:NEW_PW".into(),
            ],
            DCS => vec![
                "project_id=proj-1".into(),
                format!("instance_id={r}"),
                "old_password=env:OLD_PW".into(),
                "new_password=env:NEW_PW".into(),
            ],
            UREDIS => vec![format!("GroupId={r}"), "Password=env:NEW_PW".into()],
            TCAPLUS => vec![
                format!("ClusterId={r}"),
                "OldPassword=env:OLD_PW".into(),
                "NewPassword=env:NEW_PW".into(),
                format!(
                    "OldPasswordExpireTime={}",
                    self.expiry.clone().unwrap_or_else(soon)
                ),
            ],
            other => panic!("{other}"),
        };
        for p in params {
            c.args(["--param", &p]);
        }
        c.args(&self.extra);
        c.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    fn what(&self, json: bool) -> String {
        format!(
            "{} {} {}{}",
            self.op,
            self.resource,
            self.extra.join(" "),
            if json { " --json" } else { "" }
        )
    }

    fn spawn(&self, json: bool) -> Running {
        let mut c = self.command();
        if json {
            c.arg("--json");
        }
        Running {
            what: self.what(json),
            child: c.spawn().expect("spawn keyturn request"),
            started: Instant::now(),
        }
    }

    /// Runs it with `--json`.
    fn run(&self) -> Run {
        self.spawn(true).wait()
    }

    /// Runs it for human eyes.
    fn run_text(&self) -> Run {
        self.spawn(false).wait()
    }
}

/// A `keyturn request` still running.
struct Running {
    what: String,
    child: Child,
    started: Instant,
}

impl Running {
    fn wait(self) -> Run {
        let output = self.child.wait_with_output().unwrap();
        Run::new(self.what, output, self.started.elapsed())
    }
}

/// Starts every call before waiting for any, so they run side by side.
fn run_all(calls: &[Call]) -> Vec<Run> {
    let running: Vec<Running> = calls.iter().map(|c| c.spawn(true)).collect();
    running.into_iter().map(Running::wait).collect()
}

/// A finished `keyturn request`.
struct Run {
    what: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl Run {
    fn new(what: String, o: Output, took: Duration) -> Run {
        let run = Run {
            what,
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            took,
        };
        assert_no_secret(&run.what, &run.stdout);
        assert_no_secret(&run.what, &run.stderr);
        assert!(!run.stderr.contains("panicked"), "{run}");
        run
    }

    fn json(&self) -> Json {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {self}"))
    }

    /// Checks the exit code and the JSON status, and returns the JSON.
    fn expect(&self, code: i32, status: &str) -> Json {
        assert_eq!(self.code, Some(code), "{self}");
        let v = self.json();
        assert_eq!(v["status"], status, "{self}");
        // Every outcome has a title.
        assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()), "{self}");
        v
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` exited {:?} after {:?}\n--- stdout\n{}--- stderr\n{}",
            self.what, self.code, self.took, self.stdout, self.stderr
        )
    }
}

/// The hint, lower-cased, for matching words in it.
fn hint(v: &Json) -> String {
    v["hint"].as_str().unwrap_or_default().to_lowercase()
}

fn text(v: &Json, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_owned()
}

fn rfc3339(v: &Json, key: &str) -> OffsetDateTime {
    OffsetDateTime::parse(v[key].as_str().unwrap_or_default(), &Rfc3339)
        .unwrap_or_else(|e| panic!("{key} is not RFC 3339 ({e}): {v}"))
}

/// A short, distinct tag per operation for resource names.
fn tag(op: &str) -> &'static str {
    match op {
        CONSUMER_GROUP => "cg",
        DTS_JOB => "job",
        DCS => "dcs",
        UREDIS => "ured",
        _ => "tc",
    }
}

/// Shows that `resource`'s password is now PW2 (set by a call from PW1),
/// wherever the API lets a client see it.
fn assert_password_is_pw2(emu: &Emulator, op: &'static str, resource: &str) {
    let call = Call::new(emu, op, resource);
    match op {
        CONSUMER_GROUP | DCS | TCAPLUS => {
            // The new password is now the current one; the old one is not.
            call.clone()
                .passwords(PW2, PW3)
                .run()
                .expect(0, "succeeded");
        }
        DTS_JOB => {
            // No old password is sent, but DTS refuses the password the
            // account already has.
            let v = call.run().expect(3, "rejected");
            assert!(text(&v, "message").contains("Password"), "{v}");
        }
        // UCloud takes no old password and refuses no repeat: nothing a
        // client could observe.
        _ => {}
    }
}

#[test]
fn every_operation_changes_the_password() {
    let _machine = shared();
    let emu = Emulator::start();
    for op in OPS {
        let resource = format!("ok-{}", tag(op));
        let mut call = Call::new(&emu, op, &resource);
        if op == TCAPLUS {
            // The same change again, below, needs the replaced password's
            // window to have ended.
            call = call.window_already_closed();
        }
        let v = call.run().expect(0, "succeeded");
        assert!(
            v["request_id"].as_str().is_some_and(|id| id.len() >= 16),
            "{op}: {v}"
        );
        assert_eq!(v["http_status"], 200, "{op}");
        assert_eq!(v["hint"], Json::Null, "{op}");

        // The same change again proves the first really happened.
        match op {
            CONSUMER_GROUP | DCS | TCAPLUS => {
                let v = call.run().expect(3, "wrong_old_password");
                assert!(hint(&v).contains("password"), "{op}: {v}");
                if op == DCS {
                    assert_eq!(v["retries_left"], 4);
                }
            }
            _ => {}
        }
        assert_password_is_pw2(&emu, op, &resource);
    }

    // As a person reads it.
    let r = Call::new(&emu, UREDIS, "ok-text").run_text();
    assert_eq!(r.code, Some(0), "{r}");
    assert!(r.stdout.starts_with("Password changed\n"), "{r}");
    assert!(r.stdout.contains("\n  request id: "), "{r}");
    let r = Call::new(&emu, CONSUMER_GROUP, "ok-text")
        .passwords(PW2, PW3)
        .run_text();
    assert_eq!(r.code, Some(0), "{r}");
    let r = Call::new(&emu, CONSUMER_GROUP, "ok-text").run_text();
    assert_eq!(r.code, Some(3), "{r}");
    assert!(r.stdout.starts_with("Wrong current password\n"), "{r}");
    assert!(r.stdout.contains("ConsumerGroupPassword"), "{r}");

    let log = emu.finish();
    assert!(
        log.contains(
            r#"provider="huawei" action=UpdatePassword resource="ok-dcs" outcome=success"#
        ),
        "{log}"
    );
}

#[test]
fn a_wrong_secret_is_an_auth_problem_that_points_at_the_secret() {
    let _machine = shared();
    let emu = Emulator::start();
    for op in OPS {
        let mut call = Call::new(&emu, op, &format!("auth-{}", tag(op)));
        call.secret = WRONG_SECRET;
        let v = call.run().expect(3, "auth_problem");
        assert_eq!(v["problem"], "signature_mismatch", "{op}: {v}");
        assert!(hint(&v).contains("access key secret"), "{op}: {v}");
        assert!(v["code"].is_string(), "{op}: {v}");
    }
    let mut call = Call::new(&emu, DCS, "auth-text");
    call.secret = WRONG_SECRET;
    let r = call.run_text();
    assert_eq!(r.code, Some(3), "{r}");
    assert!(
        r.stdout
            .starts_with("The provider did not accept the access key\n  code: APIGW.0301"),
        "{r}"
    );
    assert!(r.stdout.contains("access key secret"), "{r}");
    emu.finish();
}

#[test]
fn an_unknown_key_id_is_an_auth_problem_that_points_at_the_key_id() {
    let _machine = shared();
    let emu = Emulator::start();
    for op in OPS {
        let mut call = Call::new(&emu, op, &format!("key-{}", tag(op)));
        call.key_id = "FAKEOTHERKEY";
        let v = call.run().expect(3, "auth_problem");
        assert_eq!(v["problem"], "unknown_key", "{op}: {v}");
        assert!(hint(&v).contains("key id"), "{op}: {v}");
    }
    emu.finish();
}

#[test]
fn a_clock_an_hour_behind_is_an_auth_problem_that_points_at_the_clock() {
    let _machine = shared();
    let emu = Emulator::start();
    let an_hour_ago = (OffsetDateTime::now_utc() - time::Duration::hours(1))
        .format(&Rfc3339)
        .unwrap();
    for op in [CONSUMER_GROUP, DTS_JOB, DCS, TCAPLUS] {
        let call = Call::new(&emu, op, &format!("skew-{}", tag(op))).args(&["--at", &an_hour_ago]);
        let v = call.run().expect(3, "auth_problem");
        assert_eq!(v["problem"], "clock_skew", "{op}: {v}");
        assert!(hint(&v).contains("clock"), "{op}: {v}");
    }
    // UCloud's requests carry no time, so its clock is never checked.
    Call::new(&emu, UREDIS, "skew-ured")
        .args(&["--at", &an_hour_ago])
        .run()
        .expect(0, "succeeded");
    emu.finish();
}

#[test]
fn huawei_counts_wrong_old_passwords_down_then_locks_for_five_minutes() {
    let _machine = shared();
    let emu = Emulator::start();
    let call = Call::new(&emu, DCS, "dcs-lock");
    call.run().expect(0, "succeeded");
    // PW1 is no longer right.
    for left in [4, 3, 2] {
        let v = call.run().expect(3, "wrong_old_password");
        assert_eq!(v["retries_left"], left, "{v}");
        assert!(hint(&v).contains("five"), "{v}");
    }
    let r = call.run_text();
    assert_eq!(r.code, Some(3), "{r}");
    assert!(
        r.stdout
            .starts_with("Wrong current password (1 try left before the lock)\n"),
        "{r}"
    );

    let before = OffsetDateTime::now_utc();
    let v = call.run().expect(3, "locked");
    let until = rfc3339(&v, "until");
    let expected = before + time::Duration::minutes(5);
    assert!(
        (until - expected).abs() < time::Duration::seconds(30),
        "until {until}, expected about {expected}: {v}"
    );
    assert!(hint(&v).contains("locked"), "{v}");

    // Locked even for the right password. Keyturn remembers the lock and
    // would not send; --anyway lets the provider say so itself.
    let r = call
        .clone()
        .passwords(PW2, PW3)
        .args(&["--anyway"])
        .run_text();
    assert_eq!(r.code, Some(3), "{r}");
    assert!(
        r.stdout.starts_with("Password changes are locked until "),
        "{r}"
    );
    emu.finish();
}

#[test]
fn tcaplus_keeps_the_old_password_window_and_mode_2_moves_it() {
    let _machine = shared();
    let emu = Emulator::start();
    let mut first = Call::new(&emu, TCAPLUS, "tc-window");
    first.expiry = Some(FAR_AHEAD.into());
    first.run().expect(0, "succeeded");

    // PW1 still works until 2099, so no new change yet. Keyturn remembers
    // the window and would not send; --anyway lets the provider say so.
    let mut second = first.clone().passwords(PW2, PW3).args(&["--anyway"]);
    let v = second.run().expect(3, "old_password_still_valid");
    assert_eq!(v["code"], "FailedOperation.OldPasswordInUse");
    assert!(hint(&v).contains("mode 2"), "{v}");
    assert!(v.get("until").is_some(), "{v}");

    // Mode 2 moves only the expiry: to another far date, then to the past.
    let mut mode2 = second.clone().args(&["--param", "Mode=2"]);
    mode2.expiry = Some("2098-01-01 00:00:00".into());
    mode2.run().expect(0, "succeeded");
    second.run().expect(3, "old_password_still_valid");
    mode2.expiry = Some(EXPIRED.into());
    mode2.run().expect(0, "succeeded");
    // The window is closed: the change goes through. A change of the
    // password itself with an expiry in the past is refused before sending.
    second.expiry = Some(EXPIRED.into());
    let v = second.run();
    assert_eq!(v.code, Some(2), "{v}");
    assert!(v.stderr.contains("is in the past"), "{v}");
    second.expiry = None;
    second.run().expect(0, "succeeded");
    emu.finish();
}

#[test]
fn tcaplus_refuses_a_wrong_old_password() {
    let _machine = shared();
    let emu = Emulator::start();
    // The replaced password's window has ended before the next change.
    Call::new(&emu, TCAPLUS, "tc-wrong")
        .window_already_closed()
        .run()
        .expect(0, "succeeded");
    let v = Call::new(&emu, TCAPLUS, "tc-wrong")
        .passwords(WRONG_PW, PW3)
        .run()
        .expect(3, "wrong_old_password");
    assert_eq!(v["code"], "FailedOperation.PasswordFailure");
    assert_eq!(v["retries_left"], Json::Null);
    assert!(hint(&v).contains("old password is wrong"), "{v}");
    emu.finish();
}

/// Each `keyturn request` has its own rate limiter, so 25 processes at once
/// overrun TcaplusDB's 20 requests a second, and the emulator throttles
/// five. Processes cannot be relied on to start within one second of each
/// other on a busy machine, so the emulator is paused (SIGSTOP) while they
/// start, connect and send, and resumed once all 25 requests wait in its
/// sockets: then it reads them within the same second.
#[test]
fn a_burst_of_separate_processes_is_throttled_by_tcaplus() {
    let _alone = MACHINE.write().unwrap_or_else(PoisonError::into_inner);
    let emu = Emulator::start();
    let port: u16 = emu.url.rsplit(':').next().unwrap().parse().unwrap();
    let calls: Vec<Call> = (0..25)
        .map(|i| Call::new(&emu, TCAPLUS, &format!("burst-{i}")))
        .collect();
    emu.signal("-STOP");
    let running: Vec<Running> = calls.iter().map(|c| c.spawn(true)).collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match requests_waiting(port) {
            Some(n) if n >= calls.len() => break,
            Some(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            // No /proc/net/tcp (not Linux): nothing portable shows how many
            // requests wait in the stopped emulator's sockets, so give the
            // processes two seconds to start and send, and go on. A late
            // one shows as a wrong count of throttled calls below.
            None => {
                std::thread::sleep(Duration::from_secs(2));
                break;
            }
            Some(n) => panic!("only {n} of {} requests reached the emulator", calls.len()),
        }
    }
    emu.signal("-CONT");
    let runs: Vec<Run> = running.into_iter().map(Running::wait).collect();
    let (mut succeeded, mut throttled) = (0, 0);
    for run in &runs {
        match run.code {
            Some(0) => {
                run.expect(0, "succeeded");
                succeeded += 1;
            }
            _ => {
                let v = run.expect(3, "throttled");
                assert_eq!(v["code"], "RequestLimitExceeded", "{run}");
                assert!(hint(&v).contains("20 requests in a second"), "{run}");
                let retry_at = rfc3339(&v, "retry_at");
                let now = OffsetDateTime::now_utc();
                assert!(
                    retry_at > now - time::Duration::seconds(30)
                        && retry_at < now + time::Duration::seconds(30),
                    "{run}"
                );
                throttled += 1;
            }
        }
    }
    assert_eq!((succeeded, throttled), (20, 5));
    let log = emu.finish();
    assert_eq!(
        log.matches("outcome=RequestLimitExceeded").count(),
        5,
        "{log}"
    );
}

/// How many connections to `port` on 127.0.0.1 hold request bytes not yet
/// read by the server, from Linux's /proc/net/tcp; `None` elsewhere.
fn requests_waiting(port: u16) -> Option<usize> {
    let table = std::fs::read_to_string("/proc/net/tcp").ok()?;
    let local = format!(":{port:04X}");
    let waiting = table
        .lines()
        .skip(1)
        .filter(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            // local address, state ESTABLISHED (01), "tx_queue:rx_queue".
            f.len() > 4
                && f[1].ends_with(&local)
                && f[3] == "01"
                && f[4].split(':').nth(1).is_some_and(|rx| rx != "00000000")
        })
        .count();
    Some(waiting)
}

/// Builds a signed TcaplusDB request in-process, as the CLI does.
fn signed_tcaplus(emu: &Emulator, cluster: &str) -> SignedRequest {
    let op = find(TCAPLUS).unwrap();
    let mut inputs = Inputs {
        region: Some("ap-guangzhou".into()),
        ..Inputs::default()
    };
    for (name, value) in [
        ("ClusterId", cluster),
        ("OldPassword", PW1),
        ("NewPassword", PW2),
        ("OldPasswordExpireTime", EXPIRED),
    ] {
        let value = if op.field(name).map(|f| f.kind) == Some(FieldKind::Secret) {
            Value::Secret(SecretString::from(value.to_owned()))
        } else {
            Value::Plain(value.to_owned())
        };
        inputs.set(name, value);
    }
    let validated = request::validate(op, &inputs).unwrap();
    let nonce = request::fresh_nonce();
    request::build(
        &validated,
        &Endpoint::parse_override(&emu.url).unwrap(),
        &Credentials::new(KEY_ID, SecretString::from(SECRET.to_owned())),
        SigningContext {
            time: OffsetDateTime::now_utc(),
            nonce: &nonce,
        },
    )
}

/// What one process cannot show: within one process, `keyturn::send::Sender`
/// shares TcaplusDB's limiter, so 25 sends at once all go through, while
/// the same 25 sent straight through the transport are throttled.
#[test]
fn one_sender_keeps_tcaplus_under_its_limit() {
    let _machine = shared();
    let emu = Emulator::start();
    let op = find(TCAPLUS).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let transport = Transport::new(TransportConfig::default());

    let raw: Vec<Status> = runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..25 {
            let signed = signed_tcaplus(&emu, &format!("raw-{i}"));
            let transport = transport.clone();
            tasks.spawn(async move {
                match transport.send(&signed.request).await {
                    Ok(response) => {
                        keyturn::outcome::interpret(op, &response, OffsetDateTime::now_utc()).status
                    }
                    Err(e) => panic!("{e:?}"),
                }
            });
        }
        tasks.join_all().await
    });
    let throttled = raw
        .iter()
        .filter(|s| matches!(s, Status::Throttled { .. }))
        .count();
    assert!(throttled >= 1, "{raw:?}");

    // A second emulator, whose rate window (any one second, on its own
    // clock) no request has touched yet, rather than a second's wait for
    // the first one's to empty.
    emu.finish();
    let emu = Emulator::start();
    let sender = Sender::new(transport);
    let started = Instant::now();
    let shared: Vec<Status> = runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..25 {
            let signed = signed_tcaplus(&emu, &format!("shared-{i}"));
            let sender = sender.clone();
            tasks.spawn(async move {
                sender
                    .send(op, &signed, OffsetDateTime::now_utc)
                    .await
                    .status
            });
        }
        tasks.join_all().await
    });
    assert!(shared.iter().all(|s| *s == Status::Succeeded), "{shared:?}");
    // Five of them waited for the next second.
    assert!(started.elapsed() >= Duration::from_millis(900));
    emu.finish();
}

#[test]
fn a_region_the_provider_does_not_have_is_rejected_with_a_hint_about_it() {
    let _machine = shared();
    let emu = Emulator::start();
    let mut call = Call::new(&emu, UREDIS, "region-ured");
    call.region = "cn-north-4";
    let v = call.run().expect(3, "rejected");
    assert_eq!(v["code"], "230");
    assert_eq!(v["message"], "Params [Region] not available");
    assert!(hint(&v).contains("region"), "{v}");

    let mut call = Call::new(&emu, TCAPLUS, "region-tc");
    call.region = "ap-nowhere";
    let v = call.run().expect(3, "rejected");
    assert_eq!(v["code"], "UnsupportedRegion");
    assert!(hint(&v).contains("region"), "{v}");
    emu.finish();
}

/// A computer without CA certificates (a minimal container, a broken
/// store): the demo's sends to the emulator on loopback need none and go
/// through; an HTTPS send is "not sent", saying why, before any connection.
#[test]
fn without_ca_certificates_loopback_still_sends_and_https_says_why_not() {
    let _machine = shared();
    let emu = Emulator::start();
    let home = common::Home::new("no-ca-certificates");
    let empty_dir = home.dir.join("certs");
    std::fs::create_dir_all(&empty_dir).unwrap();
    let empty_file = home.dir.join("ca-certificates.crt");
    std::fs::write(&empty_file, "").unwrap();
    let no_certificates = |call: Call| {
        call.env("SSL_CERT_FILE", empty_file.to_string_lossy())
            .env("SSL_CERT_DIR", empty_dir.to_string_lossy())
    };

    no_certificates(Call::new(&emu, UREDIS, "no-ca"))
        .run()
        .expect(0, "succeeded");
    assert_password_is_pw2(&emu, UREDIS, "no-ca");

    // HTTPS, to a loopback port where nothing listens: refused at set-up.
    let mut call = no_certificates(Call::new(&emu, UREDIS, "no-ca-https"));
    call.endpoint = Some("https://127.0.0.1:9".into());
    let r = call.run_text();
    assert_eq!(r.code, Some(1), "{r}");
    assert!(r.stdout.starts_with("Not sent\n"), "{r}");
    assert!(r.stdout.contains("CA certificates"), "{r}");
    emu.finish();
}

/// Without an endpoint override, the region picks the host from the SDK's
/// table; a region it does not list is refused before anything is staged
/// or sent, with the way forward (`--endpoint`).
#[test]
fn huawei_in_a_region_that_does_not_exist_is_not_sent() {
    let _machine = shared();
    let emu = Emulator::start();
    let mut call = Call::new(&emu, DCS, "dns").args(&["--timeout", "2"]);
    call.endpoint = None;
    call.region = "no-such-region-1";
    let r = call.run_text();
    assert_eq!(r.code, Some(2), "{r}");
    assert!(r.stdout.is_empty(), "{r}");
    assert!(r.stderr.contains("\"no-such-region-1\""), "{r}");
    assert!(r.stderr.contains("--endpoint"), "{r}");
    // Nothing reached the emulator.
    let log = emu.finish();
    assert!(!log.contains("resource=\"dns\""), "{log}");
}

/// `fault-reset`: the emulator changes the password, then hangs up.
/// `fault-slow`: it changes the password and answers after 3 s, past
/// `--timeout 1`. Either way the result is unknown, and it did change.
#[test]
fn reset_and_slow_are_unknown_though_the_password_changed() {
    let _machine = shared();
    let emu = Emulator::start();
    let resets: Vec<Call> = OPS
        .iter()
        .map(|op| Call::new(&emu, op, &format!("fault-reset-{}", tag(op))))
        .collect();
    let slows: Vec<Call> = OPS
        .iter()
        .map(|op| Call::new(&emu, op, &format!("fault-slow-{}", tag(op))).args(&["--timeout", "1"]))
        .collect();
    let runs = run_all(&[resets.clone(), slows.clone()].concat());
    let (reset_runs, slow_runs) = runs.split_at(OPS.len());
    for run in reset_runs {
        let v = run.expect(4, "unknown");
        assert!(
            text(&v, "detail").contains("broke before an answer was read"),
            "{run}"
        );
        assert!(hint(&v).contains("may have reached the provider"), "{run}");
        assert_eq!(v["http_status"], Json::Null, "{run}");
    }
    for run in slow_runs {
        let v = run.expect(4, "unknown");
        assert!(text(&v, "detail").contains("in time"), "{run}");
        assert!(hint(&v).contains("may have reached the provider"), "{run}");
        assert!(
            // Staging in the keyring comes first (ten processes share it),
            // so allow for it; the 30 s default would have read the 3 s answer.
            run.took >= Duration::from_millis(900) && run.took < Duration::from_secs(10),
            "gave up after {:?}, not after 1 s: {run}",
            run.took
        );
    }

    // The user checks and settles each unknown change: it did happen.
    settle_open_attempts(&slows, "--keep");
    settle_open_attempts(&resets, "--keep");

    // A slow resource answers in the end: give it the time, with the new
    // password as the old one, and the change goes through.
    // (DTS jobs take no old password, but refuse the one they already have;
    // UCloud neither takes one nor refuses a repeat.)
    let proofs: Vec<Call> = slows
        .iter()
        .filter(|c| c.op != UREDIS)
        .map(|c| {
            let mut c = if c.op == DTS_JOB {
                c.clone()
            } else {
                c.clone().passwords(PW2, PW3)
            };
            c.extra = vec!["--timeout".into(), "10".into()];
            c
        })
        .collect();
    for (call, run) in proofs.iter().zip(run_all(&proofs)) {
        if call.op == DTS_JOB {
            let v = run.expect(3, "rejected");
            assert!(text(&v, "message").contains("Password"), "{run}");
        } else {
            run.expect(0, "succeeded");
        }
    }
    // A reset resource hangs up on every request, so what each one did is
    // read from the emulator's log: the first change succeeded behind the
    // hang-up; now the old password is refused and the new one accepted.
    for call in &resets {
        emu.assert_logged(&call.resource, "fault-reset after success");
    }
    for (call, refused) in resets.iter().zip([
        "InvalidParameter",
        "InvalidParameter",
        "passwordFailed",
        "",
        "FailedOperation.PasswordFailure",
    ]) {
        if refused.is_empty() {
            // UCloud takes no old password: nothing to refuse.
            continue;
        }
        let again = call.clone().args(&["--timeout", "5"]);
        again.run().expect(4, "unknown");
        emu.assert_logged(&call.resource, &format!("fault-reset after {refused}"));
        // That one was refused behind the hang-up: nothing changed.
        settle_open_attempts(std::slice::from_ref(call), "--discard");
        if call.op != DTS_JOB {
            let next = call.clone().passwords(PW2, PW3);
            next.run().expect(4, "unknown");
            emu.assert_logged_times(&call.resource, "fault-reset after success", 2);
        }
    }
    emu.finish();
}

/// Settles the open attempts on the calls' resources with `how`
/// (`--keep` or `--discard`), as a user does after checking.
fn settle_open_attempts(calls: &[Call], how: &str) {
    let o = keyturn().args(["recover", "--json"]).output().unwrap();
    let open: Vec<Json> = serde_json::from_slice(&o.stdout).unwrap();
    for call in calls {
        let mine = open.iter().filter(|a| {
            a["resource"]
                .as_str()
                .is_some_and(|r| r.split('/').any(|part| part == call.resource))
        });
        for attempt in mine {
            let id = attempt["attempt"].as_str().unwrap();
            let o = keyturn().args(["recover", id, how]).output().unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
    }
}

/// Answers that arrive but cannot be read: the change happened (the
/// emulator logs it), and the outcome says what was wrong with the answer.
#[test]
fn unreadable_answers_are_unknown_and_say_what_was_wrong() {
    let _machine = shared();
    let emu = Emulator::start();
    let faults = [
        ("fault-malformed", "HTTP 200: malformed JSON"),
        ("fault-empty", "HTTP 200: empty answer"),
        // The transport reads at most 1 MiB; the emulator sends 3.
        ("fault-huge", "larger than 1024 KiB and was not read"),
    ];
    let calls: Vec<Call> = faults
        .iter()
        .flat_map(|(fault, _)| {
            OPS.iter()
                .map(|op| Call::new(&emu, op, &format!("{fault}-{}", tag(op))))
                .collect::<Vec<_>>()
        })
        .collect();
    let runs = run_all(&calls);
    for (call, run) in calls.iter().zip(&runs) {
        let (fault, message) = faults
            .iter()
            .find(|(f, _)| call.resource.starts_with(f))
            .unwrap();
        let v = run.expect(4, "unknown");
        // Keyturn's own account is its `detail`; `message` is the provider's.
        assert!(text(&v, "detail").contains(message), "{run}");
        assert_eq!(v["message"], serde_json::Value::Null, "{run}");
        let h = hint(&v);
        assert!(
            h.contains("not known whether the password was changed")
                || h.contains("may have reached the provider"),
            "{run}"
        );
        if *fault != "fault-huge" {
            assert_eq!(v["http_status"], 200, "{run}");
        }
        emu.assert_logged(&call.resource, &format!("{fault} after success"));
    }
    let r = Call::new(&emu, DCS, "fault-malformed-text").run_text();
    assert_eq!(r.code, Some(4), "{r}");
    assert!(
        r.stdout
            .starts_with("Result unknown: the password may have changed\n"),
        "{r}"
    );
    emu.finish();
}

/// The README's demo list says what a user sees for each fault: every one
/// the emulator knows is a result unknown (it once said the server errors
/// "make the provider fail", while the app and the command line, rightly,
/// call them unknown; see `server_errors_are_unknown`).
#[test]
fn the_readme_calls_every_fault_a_result_unknown() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let bullet = readme
        .split("\n- ")
        .find(|item| item.starts_with("Resource ids starting with `fault-"))
        .expect("the demo's list names the faults");
    let bullet = bullet.split("\n\n").next().unwrap_or(bullet);
    for fault in [
        "fault-reset",
        "fault-slow",
        "fault-malformed",
        "fault-empty",
        "fault-huge",
        "fault-html",
        "fault-5xx",
        "fault-503",
    ] {
        assert!(bullet.contains(&format!("`{fault}`")), "{fault}: {bullet}");
    }
    assert!(bullet.contains("*Result unknown*"), "{bullet}");
    assert!(!bullet.contains("fail"), "{bullet}");
}

/// `fault-html` (a proxy's 502 page), `fault-5xx` (the provider's own
/// internal error) and `fault-503` (plain text): a server error does not say
/// whether the change was made, so each is unknown.
#[test]
fn server_errors_are_unknown() {
    let _machine = shared();
    let emu = Emulator::start();
    let calls: Vec<Call> = ["fault-html", "fault-5xx", "fault-503"]
        .iter()
        .flat_map(|fault| {
            OPS.iter()
                .map(|op| Call::new(&emu, op, &format!("{fault}-{}", tag(op))))
                .collect::<Vec<_>>()
        })
        .collect();
    let runs = run_all(&calls);
    for (call, run) in calls.iter().zip(&runs) {
        let v = run.expect(4, "unknown");
        let h = hint(&v);
        if call.resource.starts_with("fault-html") {
            assert_eq!(v["http_status"], 502, "{run}");
            assert_eq!(
                v["detail"], "HTTP 502: an HTML page instead of the API's answer",
                "{run}"
            );
            assert!(h.contains("could not be read"), "{run}");
        } else if call.resource.starts_with("fault-5xx") {
            assert_eq!(v["http_status"], 500, "{run}");
            let code = match call.op {
                DCS => "DCS.5000",
                UREDIS => "150",
                _ => "InternalError",
            };
            assert_eq!(v["code"], code, "{run}");
            assert!(h.contains("server error"), "{run}");
        } else {
            assert_eq!(v["http_status"], 503, "{run}");
            assert!(text(&v, "detail").starts_with("HTTP 503"), "{run}");
        }
        // Each says the password may have changed and to check first.
        assert!(h.contains("check before trying again"), "{run}");
    }
    emu.finish();
}
