//! `keyturn --demo`: everything the desktop app needs to show every outcome
//! without a cloud account, and without touching anything of the user's.
//!
//! [`Demo::start`], in this order:
//! 1. makes an in-memory credential store the keyring for the rest of the
//!    process ([`crate::vault::memory`]), before anything has opened the
//!    real one: the demo's keys never reach the user's keyring, and nothing
//!    the app stores while it runs (keys, resource passwords) does either;
//! 2. makes a throwaway folder (mode 0700) for the profile index and the
//!    rotation journal, removed when the demo ends, and holds an exclusive
//!    lock on a file in it for as long as it runs; then removes the
//!    folders of earlier demos that were killed before they could clean
//!    up ([`remove_stale_folders`]: ours by name and owner, and no live
//!    demo holds their lock);
//! 3. starts the built-in emulator of the four clouds on 127.0.0.1 (a free
//!    port) with a fake key and a random secret made for this run;
//! 4. adds one profile per provider, [`PROFILES`], whose endpoint override
//!    is the emulator.
//!
//! A demo asked to stop by a signal (SIGINT or SIGTERM) closes the way
//! its window does, through [`Demo::on_stop_signal`].
//!
//! Nothing here knows egui: `ui::demo` opens the window over it, and the
//! tests drive it without one.
//!
//! This file sets the demo up and takes it down; the stop signals are in
//! `demo/signals.rs`, the sweep of earlier demos' folders in
//! `demo/stale.rs`.

mod signals;
mod stale;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use secrecy::SecretString;
use time::OffsetDateTime;

use crate::catalog::Provider;
use crate::emulator::{self, EmulatorConfig, RunningEmulator};
use crate::vault::{Paths, Vault, memory::MemoryStore, new_profile, secrets};

pub use stale::{DIR_PREFIX, LOCK_FILE, remove_stale_folders};

use stale::STALE_AFTER;

/// The demo's access key id: plainly not a real one.
pub const KEY_ID: &str = "KTDEMO-NOT-A-REAL-KEY";

/// A demo profile: name, provider, region, and Huawei's project id there.
#[derive(Debug, Clone, Copy)]
pub struct DemoProfile {
    pub name: &'static str,
    pub provider: Provider,
    pub region: &'static str,
    pub project_id: Option<&'static str>,
}

/// One profile per provider, each in a region the provider has.
pub const PROFILES: [DemoProfile; 4] = [
    DemoProfile {
        name: "demo-alibaba",
        provider: Provider::Alibaba,
        region: "cn-hangzhou",
        project_id: None,
    },
    DemoProfile {
        name: "demo-huawei",
        provider: Provider::Huawei,
        region: "cn-north-4",
        project_id: Some("demo-project-cn-north-4"),
    },
    DemoProfile {
        name: "demo-tencent",
        provider: Provider::Tencent,
        region: "ap-guangzhou",
        project_id: None,
    },
    DemoProfile {
        name: "demo-ucloud",
        provider: Provider::UCloud,
        region: "cn-bj2",
        project_id: None,
    },
];

/// How long the demo's emulator keeps `fault-slow…` resources waiting, and
/// how long the demo app waits for an answer: short, so that the *unknown*
/// outcome shows within seconds.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(8);

/// After a stop signal, how long the window has to close before the demo
/// removes its folder and exits on its own.
pub const FORCED_EXIT_AFTER: Duration = Duration::from_secs(5);

/// Why the demo could not start; worded in the interface's language
/// (`demo-*` in `keyturn.ftl`).
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{}", crate::i18n::tr("demo-keyring-already-open"))]
    KeyringAlreadyOpen,
    #[error("{}", crate::tr!("demo-folder", path = path.display().to_string(), error = source.to_string()))]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::tr!("demo-emulator", error = .0.to_string()))]
    Emulator(std::io::Error),
    #[error("{}", crate::tr!("demo-profile", name = *name, error = detail.as_str()))]
    Profile { name: &'static str, detail: String },
}

/// A running demo: the emulator, its runtime, and the throwaway vault.
/// Dropping it stops the emulator and removes the folder.
pub struct Demo {
    vault: Vault,
    dir: PathBuf,
    /// The folder's lock file, locked: a live demo's folder is never
    /// taken for a stale one. Released after the folder is removed.
    lock: Option<File>,
    emulator: Option<RunningEmulator>,
    /// Serves the emulator; declared after it, so it is dropped after it.
    runtime: tokio::runtime::Runtime,
}

impl std::fmt::Debug for Demo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Demo")
            .field("dir", &self.dir)
            .field("emulator", &self.emulator)
            .finish_non_exhaustive()
    }
}

impl Demo {
    /// Sets everything up (see the module docs). Call it before anything
    /// else in the process touches the keyring.
    pub fn start() -> Result<Demo, DemoError> {
        use_memory_keyring()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("keyturn-demo-emulator")
            .enable_all()
            .build()
            .map_err(DemoError::Emulator)?;
        let (dir, lock) = make_private_dir()?;
        for stale in remove_stale_folders(&std::env::temp_dir(), &dir, STALE_AFTER) {
            tracing::info!(dir = %stale.display(), "removed the folder an earlier demo left behind");
        }
        let vault = Vault::new(Paths {
            config_dir: dir.join("config"),
            data_dir: dir.join("data"),
        });
        let secret = demo_secret();
        let mut config = EmulatorConfig::new(KEY_ID, secret.clone());
        config.slow_answer = ANSWER_TIMEOUT + Duration::from_secs(4);
        let bind = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        let emulator = match runtime.block_on(emulator::start(config, bind)) {
            Ok(emulator) => emulator,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&dir);
                return Err(DemoError::Emulator(e));
            }
        };
        let demo = Demo {
            vault,
            dir,
            lock: Some(lock),
            emulator: Some(emulator),
            runtime,
        };
        let url = demo.emulator_url();
        let now = OffsetDateTime::now_utc();
        for p in PROFILES {
            let mut profile = new_profile(p.name, p.provider, KEY_ID, now);
            profile.region = Some(p.region.to_owned());
            if let Some(id) = p.project_id {
                profile
                    .project_ids
                    .insert(p.region.to_owned(), id.to_owned());
            }
            profile.endpoint = Some(url.clone());
            // A note of the user's kind, written in the language the demo
            // starts in.
            profile.notes = Some(crate::i18n::tr("demo-profile-note"));
            demo.vault
                .add_profile(profile, &secret)
                .map_err(|e| DemoError::Profile {
                    name: p.name,
                    detail: e.to_string(),
                })?;
        }
        Ok(demo)
    }

    /// The demo's vault (throwaway folder, in-memory keyring).
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The throwaway folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The emulator's base URL, `http://127.0.0.1:PORT`.
    pub fn emulator_url(&self) -> String {
        self.emulator
            .as_ref()
            .map(RunningEmulator::url)
            .unwrap_or_default()
    }

    /// The emulator, for tests that look at what it holds.
    pub fn emulator(&self) -> Option<&RunningEmulator> {
        self.emulator.as_ref()
    }

    /// Calls `close` the first time the process is asked to stop (SIGINT
    /// or SIGTERM; Ctrl+C on Windows), so that the demo can end as when its
    /// window is closed, and the folder is removed when the `Demo` is
    /// dropped. If it is still running `force_after` later (the app uses
    /// [`FORCED_EXIT_AFTER`]), or at a second signal, the folder is removed
    /// here and the process exits. Without this a signal would end the
    /// process on the spot and leave the folder behind (to be removed by
    /// the next demo's sweep).
    pub fn on_stop_signal(
        &self,
        close: impl FnOnce() + Send + 'static,
        force_after: Duration,
    ) -> std::io::Result<()> {
        signals::on_stop_signal(&self.runtime, self.dir.clone(), close, force_after)
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        // The emulator stops when dropped; the runtime is dropped after it.
        drop(self.emulator.take());
        match std::fs::remove_dir_all(&self.dir) {
            Ok(()) => {}
            // Removed already, by a forced exit's cleanup.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                tracing::warn!(dir = %self.dir.display(), error = %e, "could not remove the demo's folder");
            }
        }
        drop(self.lock.take());
    }
}

/// The demo's access key secret: random, made once per process (the
/// in-memory keyring is process-wide, so two demos in one process, as in
/// tests, share their profiles' entries and must share the secret too).
fn demo_secret() -> SecretString {
    static SECRET: OnceLock<SecretString> = OnceLock::new();
    SECRET
        .get_or_init(|| SecretString::from(format!("demo-secret-{:032x}", rand::random::<u128>())))
        .clone()
}

/// Makes the in-memory store the process's keyring, or finds it already is
/// (a second demo in the same process, as in tests).
fn use_memory_keyring() -> Result<(), DemoError> {
    if secrets::use_store(MemoryStore::new_store(), secrets::Reach::ThisProcess) {
        return Ok(());
    }
    let is_memory =
        keyring_core::get_default_store().is_some_and(|store| store.as_any().is::<MemoryStore>());
    if is_memory {
        Ok(())
    } else {
        Err(DemoError::KeyringAlreadyOpen)
    }
}

/// A new folder only this user can read, under the system's temporary
/// folder, with its lock file made and locked.
fn make_private_dir() -> Result<(PathBuf, File), DemoError> {
    let path = std::env::temp_dir().join(format!(
        "{DIR_PREFIX}{}-{:016x}",
        std::process::id(),
        rand::random::<u64>()
    ));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&path).map_err(|source| DemoError::Folder {
        path: path.clone(),
        source,
    })?;
    let lock = lock_new(&path.join(LOCK_FILE)).map_err(|source| {
        let _ = std::fs::remove_dir_all(&path);
        DemoError::Folder {
            path: path.clone(),
            source,
        }
    })?;
    Ok((path, lock))
}

/// Makes the lock file, locks it, and writes the process id into it for
/// whoever looks (the lock, not the id, says whether the demo runs: ids
/// are reused).
fn lock_new(path: &Path) -> std::io::Result<File> {
    let mut file = File::options().write(true).create_new(true).open(path)?;
    file.try_lock().map_err(std::io::Error::from)?;
    writeln!(file, "{}", std::process::id())?;
    Ok(file)
}
