//! What the test files share: the operations' ids, a throwaway home with
//! its own config and data folders, the `keyturn` binary pointed at it with
//! a clean environment, running it to its end (or to a hold, mid-change),
//! the emulator on a free
//! loopback port, and the forms a secret takes on the way out. Each test
//! file uses some of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub mod login;
pub mod windowed;

use base64::Engine;
use keyturn::emulator::{EmulatorConfig, RunningEmulator, start};
use keyturn::vault::{Paths, Vault};
use secrecy::SecretString;

pub const CONSUMER_GROUP: &str = "aliyun.dts.modify-consumer-group-password";
pub const DTS_JOB: &str = "aliyun.dts.modify-dts-job-password";
pub const DCS: &str = "huaweicloud.dcs.update-password";
pub const UREDIS: &str = "ucloud.uredis.modify-group-password";
pub const TCAPLUS: &str = "tencentcloud.tcaplusdb.modify-cluster-password";
/// The five operations, in the catalogue's order.
pub const OPS: [&str; 5] = [CONSUMER_GROUP, DTS_JOB, DCS, UREDIS, TCAPLUS];

/// How long a `keyturn` command may run before the test gives up on it:
/// far beyond what any takes, even on a loaded machine.
pub const COMMAND_DEADLINE: Duration = Duration::from_secs(60);

/// These tests use the real Secret Service.
pub fn require_keyring() {
    assert!(
        std::env::var_os("KEYTURN_IN_TEST_SESSION").is_some(),
        "these tests need a Secret Service: run them with `scripts/with-keyring cargo test`"
    );
}

/// An empty folder of this process's for one test.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("keyturn-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The config and data folders under `dir`.
pub fn paths(dir: &Path) -> Paths {
    Paths {
        config_dir: dir.join("config"),
        data_dir: dir.join("data"),
    }
}

pub fn vault(dir: &Path) -> Vault {
    Vault::new(paths(dir))
}

/// A fresh folder whose `config` and `data` hold Keyturn's files for one
/// test, removed when dropped.
pub struct Home {
    pub dir: PathBuf,
}

impl Home {
    pub fn new(name: &str) -> Home {
        Home {
            dir: fresh_dir(name),
        }
    }

    pub fn paths(&self) -> Paths {
        paths(&self.dir)
    }

    pub fn vault(&self) -> Vault {
        vault(&self.dir)
    }

    /// `keyturn ARGS` living here, with no key secret.
    pub fn keyturn(&self, args: &[&str]) -> Command {
        keyturn_in(&self.dir, args)
    }

    /// Runs `keyturn ARGS` here to its end with `stdin` as its input.
    pub fn run(&self, args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
        run_with_stdin(self.keyturn(args), stdin)
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Takes out of `cmd`'s environment everything that would change what
/// `keyturn` does: proxies, log filters, a backtrace setting, a key secret
/// from the developer's shell, the test hook that holds a send at a step,
/// the language (the tests read English unless they ask for another) and
/// a team store's address and token.
pub fn clean(cmd: &mut Command) -> &mut Command {
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "no_proxy",
        "RUST_LOG",
        "RUST_BACKTRACE",
        "KEYTURN_KEY_SECRET",
        "KEYTURN_TEST_HOLD_AT",
        "KEYTURN_TEST_RESUME",
        "KEYTURN_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "VAULT_ADDR",
        "VAULT_TOKEN",
        "VAULT_NAMESPACE",
        "VAULT_CACERT",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// `keyturn ARGS` with its folders under `dir` and a clean environment.
pub fn keyturn_in(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_keyturn"));
    clean(&mut c)
        .args(args)
        .env("KEYTURN_CONFIG_DIR", dir.join("config"))
        .env("KEYTURN_DATA_DIR", dir.join("data"));
    c
}

/// The same, with a typed key's secret.
pub fn keyturn(dir: &Path, key_secret: &str, args: &[&str]) -> Command {
    let mut c = keyturn_in(dir, args);
    c.env("KEYTURN_KEY_SECRET", key_secret);
    c
}

/// Runs `cmd` to its end with nothing on standard input.
pub fn run(cmd: Command) -> Output {
    run_with_stdin(cmd, b"")
}

/// Runs `cmd` to its end with `input` on standard input; fails the test
/// past [`COMMAND_DEADLINE`].
pub fn run_with_stdin(mut cmd: Command, input: impl AsRef<[u8]>) -> Output {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn keyturn");
    feed(&mut child, input.as_ref());
    wait(child)
}

/// Writes `input` to `child`'s standard input, if it is a pipe, and closes
/// it. A command that fails before reading its input may exit before this
/// write: a broken pipe then is not an error, and its output tells what
/// happened.
pub fn feed(child: &mut Child, input: &[u8]) {
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(input) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.unwrap(),
        }
    }
}

/// Waits for `child` to end; fails the test past [`COMMAND_DEADLINE`].
pub fn wait(child: Child) -> Output {
    finish(child, COMMAND_DEADLINE)
        .unwrap_or_else(|| panic!("a keyturn command ran past {COMMAND_DEADLINE:?}"))
}

/// Waits for `child` at most `limit`, reading its output as it comes (so a
/// full pipe never stalls it); kills it and gives `None` past that.
pub fn finish(mut child: Child, limit: Duration) -> Option<Output> {
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Some(Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    })
}

/// Standard output, as text.
pub fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error, as text.
pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output then standard error, as text.
pub fn text(o: &Output) -> String {
    format!("{}{}", out(o), err(o))
}

/// Starts `c`, a change that stops at `step` (staged, sent, answered;
/// `KEYTURN_TEST_HOLD_AT`), and returns once it is holding there; panics
/// with what it printed if it exits first.
pub fn hold(mut c: Command, step: &str) -> Child {
    c.env("KEYTURN_TEST_HOLD_AT", step)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = String::new();
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            let holding = line.contains("holding at");
            seen.push_str(&line);
            seen.push('\n');
            if holding {
                let _ = tx.send(Ok(()));
                return;
            }
        }
        let _ = tx.send(Err(seen));
    });
    match rx.recv_timeout(COMMAND_DEADLINE) {
        Ok(Ok(())) => child,
        Ok(Err(seen)) => {
            let _ = child.kill();
            let status = child.wait().unwrap();
            panic!("{step}: exited ({status}) before holding: {seen}");
        }
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{step}: not holding after {COMMAND_DEADLINE:?}");
        }
    }
}

/// A command held at a step (see [`hold_then`]), to be let go on.
pub struct Held {
    child: Child,
    resume: PathBuf,
    stderr: mpsc::Receiver<String>,
}

impl Held {
    /// The held process's id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Lets the command go on from its step and runs it to its end.
    pub fn resume(self) -> (Output, String) {
        std::fs::write(&self.resume, b"").unwrap();
        let mut child = self.child;
        let status = match finish_status(&mut child, COMMAND_DEADLINE) {
            Some(status) => status,
            None => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("not finished after {COMMAND_DEADLINE:?} once resumed");
            }
        };
        let mut stdout = Vec::new();
        if let Some(mut out) = child.stdout.take() {
            let _ = std::io::Read::read_to_end(&mut out, &mut stdout);
        }
        let stderr = self
            .stderr
            .recv_timeout(COMMAND_DEADLINE)
            .unwrap_or_default();
        let _ = std::fs::remove_file(&self.resume);
        (
            Output {
                status,
                stdout,
                stderr: Vec::new(),
            },
            stderr,
        )
    }
}

fn finish_status(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let until = std::time::Instant::now() + limit;
    while std::time::Instant::now() < until {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// Runs `c` up to `step` (as [`hold`]) and keeps it there until
/// [`Held::resume`]; its standard error is kept whole, for the end.
pub fn hold_then(mut c: Command, step: &str) -> Held {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let resume = std::env::temp_dir().join(format!("keyturn-resume-{}-{n}", std::process::id()));
    let _ = std::fs::remove_file(&resume);
    c.env("KEYTURN_TEST_HOLD_AT", step)
        .env("KEYTURN_TEST_RESUME", &resume)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (held_tx, held_rx) = mpsc::channel();
    let (all_tx, all_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = String::new();
        let mut told = false;
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if !told && line.contains("holding at") {
                told = true;
                let _ = held_tx.send(Ok(()));
            } else {
                seen.push_str(&line);
                seen.push('\n');
            }
        }
        if !told {
            let _ = held_tx.send(Err(seen.clone()));
        }
        let _ = all_tx.send(seen);
    });
    match held_rx.recv_timeout(COMMAND_DEADLINE) {
        Ok(Ok(())) => Held {
            child,
            resume,
            stderr: all_rx,
        },
        Ok(Err(seen)) => {
            let _ = child.kill();
            let status = child.wait().unwrap();
            panic!("{step}: exited ({status}) before holding: {seen}");
        }
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{step}: not holding after {COMMAND_DEADLINE:?}");
        }
    }
}

/// `keyturn request` changing a DCS instance's password with a typed key
/// (`key_id`, its secret from `KEYTURN_KEY_SECRET`) at `endpoint`, the old
/// and new passwords from `KT_OLD` and `KT_NEW`, sent with a five-second
/// wait for the answer.
pub fn dcs_change_args(key_id: &str, endpoint: &str, project: &str, instance: &str) -> Vec<String> {
    [
        "request",
        DCS,
        "--key-id",
        key_id,
        "--region",
        "cn-north-4",
        "--endpoint",
        endpoint,
        "--param",
        &format!("project_id={project}"),
        "--param",
        &format!("instance_id={instance}"),
        "--param",
        "old_password=env:KT_OLD",
        "--param",
        "new_password=env:KT_NEW",
        "--send",
        "--timeout",
        "5",
    ]
    .iter()
    .map(|a| (*a).to_owned())
    .collect()
}

/// The attempt id that `recover --json` lists for the resource whose key
/// ends with `instance`, if it lists one.
pub fn attempt_of(listed: &[serde_json::Value], instance: &str) -> Option<String> {
    listed
        .iter()
        .find(|a| {
            a["resource"]
                .as_str()
                .is_some_and(|r| r.ends_with(instance))
        })
        .and_then(|a| a["attempt"].as_str())
        .map(str::to_owned)
}

/// Polls `done` until it holds, failing the test after `within`: for
/// something another process or thread will do, instead of a fixed sleep.
pub fn wait_until(what: &str, within: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + within;
    while !done() {
        assert!(Instant::now() < deadline, "{what}: not within {within:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Every form a password takes on the way out: as typed, base64-encoded
/// (UCloud's `Password`), and that base64 percent-encoded for a form body.
pub fn forms(secret: &str) -> [String; 3] {
    let b64 = base64::engine::general_purpose::STANDARD.encode(secret);
    [secret.to_owned(), keyturn::http::rfc3986(&b64), b64]
}

/// The emulator on a free loopback port, accepting one fake key, and the
/// runtime that serves it (dropping the runtime stops it).
pub fn emulator(
    key_id: &str,
    key_secret: &str,
    slow_answer: Option<Duration>,
) -> (tokio::runtime::Runtime, RunningEmulator) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut config = EmulatorConfig::new(key_id, SecretString::from(key_secret.to_owned()));
    if let Some(slow) = slow_answer {
        config.slow_answer = slow;
    }
    let emulator = runtime
        .block_on(start(config, "127.0.0.1:0".parse().unwrap()))
        .unwrap();
    (runtime, emulator)
}
