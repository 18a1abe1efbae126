//! Real services for the login tests: `scripts/login-servers` started in a
//! throwaway folder, once per test binary, as this process's child (it
//! stops them when this process is gone), and the emulator with those
//! services behind it.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use keyturn::emulator::backing::{Address, Backing};
use keyturn::emulator::{EmulatorConfig, RunningEmulator, start};
use keyturn::vault::Database;
use secrecy::SecretString;

/// The services' ports and test accounts (`DIR/servers.env`).
pub struct Servers {
    pub env: HashMap<String, String>,
    pub dir: PathBuf,
}

impl Servers {
    pub fn get(&self, name: &str) -> &str {
        self.env
            .get(name)
            .unwrap_or_else(|| panic!("servers.env has no {name}"))
    }

    pub fn port(&self, name: &str) -> u16 {
        self.get(name).parse().unwrap()
    }

    pub fn address(&self, port_name: &str) -> String {
        format!("127.0.0.1:{}", self.port(port_name))
    }
}

/// Whether this machine has the servers' programs.
fn installed() -> bool {
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
            || PathBuf::from("/usr/sbin").join(name).is_file()
    };
    let postgres = std::fs::read_dir("/usr/lib/postgresql")
        .map(|mut d| d.any(|e| e.is_ok_and(|e| e.path().join("bin/postgres").is_file())))
        .unwrap_or(false);
    on_path("redis-server")
        && on_path("mariadbd")
        && on_path("mariadb-install-db")
        && on_path("openssl")
        && postgres
}

/// The servers, started on first use; `None` (and a line saying why) when
/// their programs are not installed here. `scripts/test` installs them.
pub fn servers() -> Option<&'static Servers> {
    static SERVERS: OnceLock<Option<Servers>> = OnceLock::new();
    SERVERS
        .get_or_init(|| {
            if !installed() {
                eprintln!(
                    "SKIPPED: redis-server, mariadbd or postgres is not installed (scripts/test installs them)"
                );
                return None;
            }
            let dir = std::env::temp_dir().join(format!("keyturn-logins-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/login-servers");
            let mut child = Command::new(script)
                .arg(&dir)
                .env("LOGIN_SERVERS_REMOVE", "1")
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("start scripts/login-servers");
            let out = child.stdout.take().unwrap();
            let mut lines = BufReader::new(out).lines();
            let ready = lines.any(|l| l.is_ok_and(|l| l.trim() == "ready"));
            assert!(ready, "scripts/login-servers did not start: see {}", dir.display());
            // The script stops the servers once this process is gone.
            std::mem::forget(child);
            let text = std::fs::read_to_string(dir.join("servers.env")).unwrap();
            let env = text
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect();
            Some(Servers { env, dir })
        })
        .as_ref()
}

/// The emulator with real services behind it: Redis (changing
/// `redis_user`'s password, or `requirepass` without one) and a database.
pub fn emulator_backed(
    key_id: &str,
    key_secret: &str,
    servers: &Servers,
    redis_user: Option<&str>,
    database: Option<Database>,
) -> (tokio::runtime::Runtime, RunningEmulator) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut config = EmulatorConfig::new(key_id, SecretString::from(key_secret.to_owned()));
    let address = |port: &str| Address {
        host: "127.0.0.1".into(),
        port: servers.port(port),
    };
    config.backing = Some(Backing {
        redis: Some(address("REDIS_PORT")),
        redis_user: redis_user.map(str::to_owned),
        database: database.map(|d| {
            let port = match d {
                Database::Mysql => "MYSQL_PORT",
                Database::Postgresql => "PG_PORT",
            };
            (d, address(port))
        }),
        admin_user: servers.get("ADMIN_USER").to_owned(),
        admin_password: SecretString::from(servers.get("ADMIN_PASSWORD").to_owned()),
    });
    let emulator = runtime
        .block_on(start(config, "127.0.0.1:0".parse().unwrap()))
        .unwrap();
    (runtime, emulator)
}
