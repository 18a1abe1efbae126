//! Removing the folders of earlier demos that were killed before they
//! could clean up: what makes a folder recognisably a demo's (its name,
//! its lock file) and the sweep each demo makes as it starts, which takes
//! only this user's folders that no live demo holds, never through a
//! symbolic link.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How every demo's folder under the temporary folder is named.
pub const DIR_PREFIX: &str = "keyturn-demo-";
/// The file in a demo's folder that the demo holds locked while it runs.
pub const LOCK_FILE: &str = "demo.lock";
/// How old an unlocked lock file must be before its folder counts as
/// stale: a demo that has only just made its folder may not have locked
/// it yet.
pub(super) const STALE_AFTER: Duration = Duration::from_secs(30);

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

        // Once the demo has ended without cleaning up, the next sweep takes
        // it. A child process another test forks in the meantime shares
        // the lock until it execs (milliseconds), so the sweep may have to
        // be asked again, as the next demo's start would.
        drop(held);
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let mut removed = remove_stale_folders(&root, &ours, Duration::ZERO);
        while removed.is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
            removed = remove_stale_folders(&root, &ours, Duration::ZERO);
        }
        assert_eq!(removed, [live]);
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
