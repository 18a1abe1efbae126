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

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use secrecy::SecretString;
use time::OffsetDateTime;

use crate::catalog::Provider;
use crate::emulator::{self, EmulatorConfig, RunningEmulator};
use crate::vault::{Paths, Vault, memory::MemoryStore, new_profile, secrets};

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

/// How every demo's folder under the temporary folder is named.
pub const DIR_PREFIX: &str = "keyturn-demo-";
/// The file in a demo's folder that the demo holds locked while it runs.
pub const LOCK_FILE: &str = "demo.lock";
/// How old an unlocked lock file must be before its folder counts as
/// stale: a demo that has only just made its folder may not have locked
/// it yet.
const STALE_AFTER: Duration = Duration::from_secs(30);
/// After a stop signal, how long the window has to close before the demo
/// removes its folder and exits on its own.
pub const FORCED_EXIT_AFTER: Duration = Duration::from_secs(5);

/// Why the demo could not start.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "the demo must start before anything opens the keyring, and something already has; nothing was stored"
    )]
    KeyringAlreadyOpen,
    #[error("could not make the demo's throwaway folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not start the emulator: {0}")]
    Emulator(std::io::Error),
    #[error("could not add the demo profile {name}: {detail}")]
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
            profile.notes = Some(
                "Demo: a fake key that only Keyturn's built-in emulator accepts; forgotten when the demo closes."
                    .to_owned(),
            );
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
        // Listening starts here, not when the task first runs: a signal
        // sent as soon as this returns is caught.
        let mut signals = {
            let _entered = self.runtime.enter();
            StopSignals::listen()?
        };
        let dir = self.dir.clone();
        self.runtime.spawn(async move {
            let code = signals.next().await;
            close();
            tokio::select! {
                _ = signals.next() => {}
                () = tokio::time::sleep(force_after) => {}
            }
            let _ = std::fs::remove_dir_all(&dir);
            std::process::exit(code);
        });
        Ok(())
    }
}

/// The signals that ask a demo to stop.
struct StopSignals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(windows)]
    ctrl_c: tokio::signal::windows::CtrlC,
}

impl StopSignals {
    /// Starts listening; must run inside the runtime.
    fn listen() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(StopSignals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(windows)]
        {
            Ok(StopSignals {
                ctrl_c: tokio::signal::windows::ctrl_c()?,
            })
        }
        #[cfg(not(any(unix, windows)))]
        {
            Err(std::io::Error::other("no stop signals on this platform"))
        }
    }

    /// Waits for the next signal; returns the exit code a shell gives a
    /// process ended by it.
    async fn next(&mut self) -> i32 {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => 130,
                _ = self.terminate.recv() => 143,
            }
        }
        #[cfg(windows)]
        {
            self.ctrl_c.recv().await;
            130
        }
        #[cfg(not(any(unix, windows)))]
        {
            std::future::pending().await
        }
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

/// Removes the folders under `root` that demos left behind when they were
/// killed, and returns them. A folder is removed only if all of these hold:
/// its name starts with [`DIR_PREFIX`]; it is a directory, not a symbolic
/// link; it is not `ours`; (on Unix) its owner is `ours`'s, that is this
/// user; it has a [`LOCK_FILE`] that is a plain file, older than `grace`,
/// that nobody holds locked. It is removed while this process holds that
/// lock, so a demo can never lose its folder to another's sweep.
///
/// A folder without a lock file is one being made, or one from a version
/// of Keyturn whose demos locked nothing. On Linux the process id in its
/// name (`keyturn-demo-PID-…`) tells: it goes if older than `grace` and no
/// such process runs (a reused id only keeps it longer). Elsewhere it
/// stays.
pub fn remove_stale_folders(root: &Path, ours: &Path, grace: Duration) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    #[cfg(unix)]
    let owner = match std::fs::symlink_metadata(ours) {
        Ok(meta) => std::os::unix::fs::MetadataExt::uid(&meta),
        // Without knowing who "we" are, nothing counts as ours.
        Err(_) => return Vec::new(),
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let named_ours = entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with(DIR_PREFIX));
        if !named_ours || path == ours {
            continue;
        }
        // `symlink_metadata`: a link is judged as a link, never followed.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.file_type().is_dir() {
            continue;
        }
        #[cfg(unix)]
        if std::os::unix::fs::MetadataExt::uid(&meta) != owner {
            continue;
        }
        let lock_path = path.join(LOCK_FILE);
        let _lock = if std::fs::symlink_metadata(&lock_path).is_ok() {
            let Some(lock) = take_abandoned_lock(&lock_path, grace) else {
                continue;
            };
            Some(lock)
        } else if made_by_a_process_gone(&path, &meta, grace) {
            None
        } else {
            continue;
        };
        match std::fs::remove_dir_all(&path) {
            Ok(()) => removed.push(path),
            Err(e) => {
                tracing::warn!(dir = %path.display(), error = %e, "could not remove an earlier demo's folder");
            }
        }
    }
    removed
}

/// For a demo folder without a lock file: whether it is older than `grace`
/// and the process its name gives is gone. Linux only, through `/proc`.
fn made_by_a_process_gone(path: &Path, meta: &std::fs::Metadata, grace: Duration) -> bool {
    let pid = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_prefix(DIR_PREFIX))
        .and_then(|rest| rest.split('-').next())
        .and_then(|pid| pid.parse::<u32>().ok());
    let Some(pid) = pid else {
        return false;
    };
    let old_enough = age(meta).is_some_and(|age| age >= grace);
    let proc = Path::new("/proc");
    cfg!(target_os = "linux")
        && old_enough
        && proc.join("self").exists()
        && !proc.join(pid.to_string()).exists()
}

/// How long ago `meta`'s file was last modified. A time in the future (a
/// clock set back, or a file timestamp a hair ahead of the system clock)
/// counts as just now.
fn age(meta: &std::fs::Metadata) -> Option<Duration> {
    let modified = meta.modified().ok()?;
    Some(
        SystemTime::now()
            .duration_since(modified)
            .unwrap_or(Duration::ZERO),
    )
}

/// The lock file at `path`, locked by this process, if it is a plain file
/// older than `grace` that no live demo holds.
fn take_abandoned_lock(path: &Path, grace: Duration) -> Option<File> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    if age(&meta)? < grace {
        return None;
    }
    let file = File::open(path).ok()?;
    file.try_lock().ok()?;
    Some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder to sweep, standing in for the temporary folder.
    fn root(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!(
            "keyturn-sweep-test-{name}-{}-{:08x}",
            std::process::id(),
            rand::random::<u32>()
        ));
        std::fs::create_dir(&root).unwrap();
        root
    }

    /// A demo folder under `root` with a lock file nobody holds.
    fn left_behind(root: &Path, name: &str) -> PathBuf {
        let dir = root.join(name);
        std::fs::create_dir(&dir).unwrap();
        // What a killed demo leaves: the lock file, unlocked. Written
        // without ever locking it: a child that another test forks in the
        // meantime would hold a locked file's lock until it execs.
        std::fs::write(dir.join(LOCK_FILE), "1\n").unwrap();
        std::fs::create_dir(dir.join("data")).unwrap();
        std::fs::write(dir.join("data").join("journal.jsonl"), "{}\n").unwrap();
        dir
    }

    #[test]
    fn a_left_behind_folder_goes_and_a_live_one_stays() {
        let root = root("live");
        let ours = left_behind(&root, "keyturn-demo-1-ours");
        let stale = left_behind(&root, "keyturn-demo-2-stale");
        let live = left_behind(&root, "keyturn-demo-3-live");
        // A running demo holds its lock (another open of the file, as
        // another process would have).
        let held = File::open(live.join(LOCK_FILE)).unwrap();
        held.try_lock().unwrap();

        let removed = remove_stale_folders(&root, &ours, Duration::ZERO);
        assert_eq!(removed, std::slice::from_ref(&stale));
        assert!(!stale.exists());
        assert!(live.join(LOCK_FILE).exists(), "a held lock means alive");
        assert!(ours.exists(), "our own folder is never swept");

        // Once the demo has ended without cleaning up, the next sweep takes it.
        drop(held);
        assert_eq!(remove_stale_folders(&root, &ours, Duration::ZERO), [live]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_folder_just_made_or_still_being_made_stays() {
        let root = root("young");
        let ours = left_behind(&root, "keyturn-demo-1-ours");
        let young = left_behind(&root, "keyturn-demo-2-young");
        // Being made by a live process (this one): no lock file yet.
        let no_lock = root.join(format!("keyturn-demo-{}-nolock", std::process::id()));
        std::fs::create_dir(&no_lock).unwrap();
        assert!(remove_stale_folders(&root, &ours, Duration::from_secs(3600)).is_empty());
        assert_eq!(remove_stale_folders(&root, &ours, Duration::ZERO), [young]);
        assert!(no_lock.exists());
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn nothing_that_is_not_recognisably_a_demo_folder_is_touched() {
        let root = root("others");
        let ours = left_behind(&root, "keyturn-demo-1-ours");
        // Looks like a demo's folder but is not named like one.
        let other = left_behind(&root, "other-demo-2");
        // A file named like a demo folder.
        let file = root.join("keyturn-demo-3-file");
        std::fs::write(&file, "not a folder").unwrap();
        #[cfg(unix)]
        let link = {
            // A link named like a demo folder, to a stale-looking folder.
            let link = root.join("keyturn-demo-4-link");
            std::os::unix::fs::symlink(&other, &link).unwrap();
            link
        };
        assert!(remove_stale_folders(&root, &ours, Duration::ZERO).is_empty());
        assert!(other.join(LOCK_FILE).exists());
        assert!(file.is_file());
        #[cfg(unix)]
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        std::fs::remove_dir_all(&root).unwrap();
    }

    /// A folder from before lock files goes once the process that made it
    /// is gone.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_without_a_lock_goes_when_its_process_is_gone() {
        let root = root("nolock");
        let ours = left_behind(&root, "keyturn-demo-1-ours");
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let old = root.join(format!("keyturn-demo-{gone}-0123456789abcdef"));
        std::fs::create_dir_all(old.join("config")).unwrap();
        let alive = root.join(format!(
            "keyturn-demo-{}-0123456789abcdef",
            std::process::id()
        ));
        std::fs::create_dir(&alive).unwrap();
        assert!(remove_stale_folders(&root, &ours, Duration::from_secs(3600)).is_empty());
        assert_eq!(remove_stale_folders(&root, &ours, Duration::ZERO), [old]);
        assert!(alive.exists());
        std::fs::remove_dir_all(&root).unwrap();
    }

    /// Someone else's folder stays. Changing a folder's owner needs root,
    /// so elsewhere there is nothing to try.
    #[cfg(unix)]
    #[test]
    fn another_users_folder_stays() {
        let root = root("owner");
        let ours = left_behind(&root, "keyturn-demo-1-ours");
        let theirs = left_behind(&root, "keyturn-demo-2-theirs");
        if std::os::unix::fs::chown(&theirs, Some(65534), None).is_err() {
            std::fs::remove_dir_all(&root).unwrap();
            return;
        }
        assert!(remove_stale_folders(&root, &ours, Duration::ZERO).is_empty());
        assert!(theirs.join(LOCK_FILE).exists());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
