//! What `keyturn request … --send` costs beside curl sending the very same
//! signed request: wall time per call, process start to exit, against the
//! emulator on 127.0.0.1 (started in this process).
//!
//! `cargo bench --bench send_overhead` runs N = 200 of each; any other
//! invocation (`cargo test --all-targets` runs this binary without
//! `--bench`) does a 3-call smoke run that only checks the machinery works.
//! Figures are recorded in BENCHMARKS.md.
//!
//! With `KEYTURN_TEST_BAO` naming OpenBao's `bao` (scripts/test sets it),
//! the same change is also timed with the team store: a `bao server -dev`
//! on loopback, started here, taking turns with the keyring and curl.
//!
//! The operation is Huawei DCS `UpdatePassword`: its requests carry no
//! nonce (Alibaba's would be refused when replayed) and stay valid for
//! 15 minutes, so curl's requests can be signed by `keyturn request
//! --show-secrets` before the clock starts. Every call changes a resource
//! of its own, so each one is a real, accepted change.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use secrecy::SecretString;
use serde_json::Value;

use keyturn::emulator::{self, EmulatorConfig};

const OP: &str = "huaweicloud.dcs.update-password";
const KEY_ID: &str = "FAKEBENCHKEY";
const SECRET: &str = "fake-bench-secret-not-real";
const OLD_PW: &str = "Fake-Pass-One-11";
const NEW_PW: &str = "Fake-Pass-Two-22";
/// Untimed calls of each kind first, so both start with warm caches.
const WARM_UP: usize = 5;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let n = if full { 200 } else { 3 };
    let keyturn = keyturn_binary();
    println!(
        "send_overhead: {} run, N = {n}, keyturn = {}",
        if full { "full" } else { "smoke (no --bench)" },
        keyturn.display()
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime for the emulator");
    let config = EmulatorConfig::new(KEY_ID, SecretString::from(SECRET));
    let emu = runtime
        .block_on(emulator::start(
            config,
            "127.0.0.1:0".parse().expect("an address"),
        ))
        .expect("the emulator starts");
    let url = emu.url();

    let curl = curl_available();
    if !curl {
        println!("curl is not installed: measuring keyturn alone.");
    }
    // curl's requests are signed before the clock starts, each for a
    // resource of its own.
    let signed: Vec<Signed> = if curl {
        (0..WARM_UP + n)
            .map(|i| sign(&keyturn, &url, &format!("bench-curl-{i}")))
            .collect()
    } else {
        Vec::new()
    };
    // How many times one safe change calls the keyring (DESIGN.md §8: at
    // most 3 with a typed key), counted from the binary's own debug log.
    let trips = keyring_round_trips(&keyturn, &url);
    if trips == 0 {
        println!("keyring round trips per --send: not logged by this build");
    } else {
        println!("keyring round trips per --send: {trips}");
    }
    assert!(
        trips <= 3,
        "a change made {trips} keyring round trips; the budget is 3"
    );

    let team =
        std::env::var_os("KEYTURN_TEST_BAO").map(|bao| TeamStore::start(Path::new(&bao), &keyturn));
    if team.is_none() {
        println!("KEYTURN_TEST_BAO is not set: measuring the keyring alone.");
    }

    // keyturn with each store and curl take turns, so all meet the same
    // machine load.
    let (mut keyturn_times, mut team_times, mut curl_times) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..WARM_UP + n {
        let k = time_keyturn(&keyturn, &url, &format!("bench-keyturn-{i}"), None);
        let t = team
            .as_ref()
            .map(|team| time_keyturn(&keyturn, &url, &format!("bench-team-{i}"), Some(team)));
        let c = signed.get(i).map(time_curl);
        if i >= WARM_UP {
            keyturn_times.push(k);
            team_times.extend(t);
            curl_times.extend(c);
        }
    }
    report("keyturn request --send", &keyturn_times);
    if team.is_some() {
        report("the same, team store", &team_times);
    }
    if !curl {
        return;
    }
    report("curl (same signed request)", &curl_times);
    let (k, c) = (median(&keyturn_times), median(&curl_times));
    println!(
        "ratio keyturn/curl: median {:.2}, mean {:.2}; medians differ by {:+.2} ms (keyturn - curl)",
        k.as_secs_f64() / c.as_secs_f64(),
        mean(&keyturn_times).as_secs_f64() / mean(&curl_times).as_secs_f64(),
        (k.as_secs_f64() - c.as_secs_f64()) * 1000.0
    );
    drop(emu);
}

/// The `keyturn` binary Cargo built beside this benchmark (release for
/// `cargo bench`); built here if it has gone missing. `KEYTURN_BENCH_BINARY`
/// measures another build instead (an earlier version, for a before and
/// after in the same session).
fn keyturn_binary() -> PathBuf {
    if let Some(other) = std::env::var_os("KEYTURN_BENCH_BINARY") {
        return PathBuf::from(other);
    }
    let path = PathBuf::from(env!("CARGO_BIN_EXE_keyturn"));
    if path.exists() {
        return path;
    }
    eprintln!(
        "{} is missing: building it with `cargo build --release --bin keyturn` …",
        path.display()
    );
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--bin", "keyturn"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run cargo build");
    assert!(
        status.success(),
        "cargo build --release --bin keyturn failed"
    );
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let built = target.join("release").join("keyturn");
    assert!(built.exists(), "no keyturn at {}", built.display());
    built
}

/// A `bao server -dev` on a free loopback port, and Keyturn's folders set to
/// keep profiles and passwords in it; stopped when dropped.
struct TeamStore {
    server: Child,
    addr: String,
    /// The dev server's root token (obviously fake).
    token: String,
    home: PathBuf,
}

impl TeamStore {
    fn start(bao: &Path, keyturn: &Path) -> TeamStore {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let home = std::env::temp_dir().join(format!("keyturn-bench-team-{}", std::process::id()));
        std::fs::create_dir_all(&home).expect("the team store's folder");
        let token = "ktfake-bench-root".to_owned();
        let server = Command::new(bao)
            .args(["server", "-dev", &format!("-dev-root-token-id={token}")])
            .arg(format!("-dev-listen-address=127.0.0.1:{port}"))
            // The dev server writes its token to ~/.vault-token: not ours.
            .env("HOME", &home)
            .env_remove("VAULT_TOKEN")
            .env_remove("VAULT_ADDR")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start bao server -dev");
        let team = TeamStore {
            server,
            addr: format!("http://127.0.0.1:{port}"),
            token,
            home,
        };
        let started = Instant::now();
        while !Command::new(bao)
            .arg("status")
            .env("HOME", &team.home)
            .env("VAULT_ADDR", &team.addr)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
        {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the OpenBao dev server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let out = team
            .keyturn(keyturn)
            .args(["store", "use", "vault", "--addr", &team.addr])
            .output()
            .expect("run keyturn store use vault");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        team
    }

    /// `keyturn` with its folders and token set for this store.
    fn keyturn(&self, keyturn: &Path) -> Command {
        let mut c = command(keyturn, &self.home);
        c.env("VAULT_TOKEN", &self.token);
        c
    }
}

impl Drop for TeamStore {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// A command with nothing from the environment that would change what it
/// does (proxies, log filters, a team store's settings), its config and
/// data folders under `home`.
fn command(program: &Path, home: &Path) -> Command {
    let mut c = Command::new(program);
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
        "VAULT_ADDR",
        "VAULT_TOKEN",
        "VAULT_NAMESPACE",
        "VAULT_CACERT",
    ] {
        c.env_remove(var);
    }
    // Pending passwords and the journal go to a folder of the benchmark's
    // own; the keyring is the session's (run under scripts/with-keyring).
    c.env("KEYTURN_CONFIG_DIR", home.join("config"))
        .env("KEYTURN_DATA_DIR", home.join("data"));
    c
}

/// The folder of the keyring runs' config and data.
fn keyring_home() -> PathBuf {
    std::env::temp_dir().join(format!("keyturn-bench-{}", std::process::id()))
}

/// `keyturn request` for `instance`, as a user types it, with the keyring
/// or `team`; `--send` or not is up to the caller.
fn request(keyturn: &Path, url: &str, instance: &str, team: Option<&TeamStore>) -> Command {
    let mut c = match team {
        Some(team) => team.keyturn(keyturn),
        None => command(keyturn, &keyring_home()),
    };
    c.args(["request", OP, "--key-id", KEY_ID, "--region", "cn-north-4"])
        .args(["--endpoint", url])
        .args(["--param", "project_id=proj-bench"])
        .args(["--param", &format!("instance_id={instance}")])
        .args(["--param", "old_password=env:OLD_PW"])
        .args(["--param", "new_password=env:NEW_PW"])
        .env("KEYTURN_KEY_SECRET", SECRET)
        .env("OLD_PW", OLD_PW)
        .env("NEW_PW", NEW_PW)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// One `keyturn request --send`, timed from start to exit.
fn time_keyturn(keyturn: &Path, url: &str, instance: &str, team: Option<&TeamStore>) -> Duration {
    let mut c = request(keyturn, url, instance, team);
    c.arg("--send");
    let started = Instant::now();
    let out = c.output().expect("run keyturn request --send");
    let took = started.elapsed();
    assert!(
        out.status.success() && out.stdout.starts_with(b"Password changed"),
        "keyturn request --send did not change the password: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

/// The keyring calls of one `--send`, from `keyturn::vault::secrets`'
/// debug lines.
fn keyring_round_trips(keyturn: &Path, url: &str) -> usize {
    let mut c = request(keyturn, url, "bench-count-round-trips", None);
    c.arg("--send")
        .env("RUST_LOG", "keyturn::vault::secrets=debug");
    let out = c.output().expect("run keyturn request --send");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains("keyring round trip"))
        .count()
}

/// One signed request as `keyturn request --show-secrets` prints it.
struct Signed {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body: String,
}

fn sign(keyturn: &Path, url: &str, instance: &str) -> Signed {
    let mut c = request(keyturn, url, instance, None);
    c.arg("--show-secrets");
    let out = c.output().expect("run keyturn request");
    assert!(
        out.status.success(),
        "keyturn request failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("keyturn request prints JSON");
    let field = |k: &str| v[k].as_str().expect("a string field").to_owned();
    Signed {
        method: field("method"),
        url: field("url"),
        headers: v["headers"]
            .as_object()
            .expect("headers")
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
            .collect(),
        body: field("body"),
    }
}

fn curl_available() -> bool {
    Command::new("curl")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// curl sending one signed request, timed from start to exit.
fn time_curl(s: &Signed) -> Duration {
    let mut c = command(Path::new("curl"), &keyring_home());
    c.args(["--silent", "--show-error", "--noproxy", "*"])
        .args(["--request", &s.method])
        // The body (it holds the passwords) goes through stdin, never the
        // command line.
        .args(["--data-binary", "@-"]);
    for (name, value) in &s.headers {
        c.args(["--header", &format!("{name}: {value}")]);
    }
    c.arg(&s.url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = c.spawn().expect("run curl");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("curl's stdin");
        stdin.write_all(s.body.as_bytes()).expect("write the body");
    }
    let out = child.wait_with_output().expect("wait for curl");
    let took = started.elapsed();
    let answer = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && answer.contains(r#""result":"success""#),
        "curl's request was not accepted: {answer}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let mid = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2
    } else {
        sorted[mid]
    }
}

fn mean(times: &[Duration]) -> Duration {
    times.iter().sum::<Duration>() / times.len().max(1) as u32
}

fn report(what: &str, times: &[Duration]) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<28} n={:<4} median {:>7.2} ms  mean {:>7.2} ms  min {:>7.2} ms  max {:>7.2} ms",
        times.len(),
        ms(median(times)),
        ms(mean(times)),
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1]),
    );
}
