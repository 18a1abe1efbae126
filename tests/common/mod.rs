//! What the rotation tests share: a throwaway home with its own config and
//! data folders, the emulator on a free loopback port, and the `keyturn`
//! binary pointed at both. Each test file uses some of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use keyturn::emulator::{EmulatorConfig, RunningEmulator, start};
use keyturn::vault::{Paths, Vault};
use secrecy::SecretString;

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

/// `keyturn ARGS` with its folders under `dir`, a typed key's secret, and
/// nothing from the environment that would change what it does.
pub fn keyturn(dir: &Path, key_secret: &str, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_keyturn"));
    c.args(args)
        .env("KEYTURN_CONFIG_DIR", dir.join("config"))
        .env("KEYTURN_DATA_DIR", dir.join("data"))
        .env("KEYTURN_KEY_SECRET", key_secret)
        .env_remove("RUST_LOG")
        .env_remove("KEYTURN_TEST_HOLD_AT")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy");
    c
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

/// Polls `done` until it holds, failing the test after `within`: for
/// something another process or thread will do, instead of a fixed sleep.
pub fn wait_until(what: &str, within: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + within;
    while !done() {
        assert!(Instant::now() < deadline, "{what}: not within {within:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}
