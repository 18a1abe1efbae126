//! One change per resource at a time, across processes: an exclusive lock
//! on a small file per resource.
//!
//! The lock is taken before anything is checked and held until the change
//! is settled (or staged and left open), so two windows, the app and the
//! command line, or two data folders can never both pass the checks and
//! both send. Taking it never waits: a second change of the same resource
//! is refused at once. The operating system releases it when the process
//! ends, however it ends. Lock files are never removed (removing one while
//! another process waits on it would let two holders in); they are empty
//! and one per resource.
//!
//! Where the locks live follows who can write the store in use
//! ([`lock_dir`]): the OS keyring has no check-and-set, so its locks are
//! keyed by the keyring, not by the data folder: one folder per user
//! session (`$XDG_RUNTIME_DIR/keyturn/locks`, else a folder of the user's
//! own in the temporary folder) that every data folder of this user shares.
//! On the team store the store's own check-and-set is the authority and the
//! lock only keeps this user's processes apart; the demo's in-memory
//! keyring is the process's own, so its locks stay in its data folder.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::files::{create_own_dir_all, own_file};
use crate::tr;
use crate::vault::ResourceKey;
use crate::vault::secrets::{self, Reach};

/// A held lock; released on drop.
#[derive(Debug)]
pub struct ResourceLock {
    _file: File,
}

#[derive(Debug)]
pub enum LockError {
    /// Another process holds it.
    Held,
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The folder for locks is a link, someone else's, or open to others.
    NotPrivate { path: PathBuf },
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            // The same words as the block it stands for.
            LockError::Held => tr!("block-in-progress"),
            LockError::Io { path, source } => tr!(
                "rotation-lock-file",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            LockError::NotPrivate { path } => {
                tr!(
                    "rotation-lock-not-private",
                    path = path.display().to_string()
                )
            }
        })
    }
}

impl std::error::Error for LockError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LockError::Held | LockError::NotPrivate { .. } => None,
            LockError::Io { source, .. } => Some(source),
        }
    }
}

/// The folder of the resource locks that every process able to write the
/// store in use sees; `data_dir` is this process's data folder.
pub fn lock_dir(data_dir: &Path) -> Result<PathBuf, LockError> {
    Ok(match secrets::reach() {
        Reach::ThisProcess => data_dir.join("locks"),
        Reach::ThisUser => user_dir()?.join("keyring"),
        Reach::Team(store) => user_dir()?.join(format!("team-{}", short_hash(&store))),
    })
}

/// This user's folder of locks, shared by all their data folders.
fn user_dir() -> Result<PathBuf, LockError> {
    if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return Ok(run.join("keyturn").join("locks"));
    }
    own_temp_dir().map(|dir| dir.join("locks"))
}

/// `keyturn-<uid>` in the temporary folder, made by and for this user only
/// (mode 0700): one that is a link, or someone else's, is refused.
#[cfg(unix)]
fn own_temp_dir() -> Result<PathBuf, LockError> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    let dir = std::env::temp_dir().join(format!("keyturn-{uid}"));
    let io = |source| LockError::Io {
        path: dir.clone(),
        source,
    };
    create_own_dir_all(&dir).map_err(io)?;
    let meta = std::fs::symlink_metadata(&dir).map_err(io)?;
    if !meta.is_dir() || meta.uid() != uid || meta.mode() & 0o077 != 0 {
        return Err(LockError::NotPrivate { path: dir });
    }
    Ok(dir)
}

/// The temporary folder is the user's own on macOS and Windows.
#[cfg(not(unix))]
fn own_temp_dir() -> Result<PathBuf, LockError> {
    Ok(std::env::temp_dir().join("keyturn"))
}

impl ResourceLock {
    /// Takes the lock of `key` in `dir` (see [`lock_dir`]), or says who
    /// has it.
    pub fn take(dir: &Path, key: &ResourceKey) -> Result<ResourceLock, LockError> {
        let path = dir.join(file_name(key));
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        create_own_dir_all(dir).map_err(io)?;
        let file = own_file(OpenOptions::new().create(true).truncate(false).write(true))
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(ResourceLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }
}

/// A file name for any key: a hash of its (injective) text form, so ids of
/// any length and alphabet name one short, safe file each.
fn file_name(key: &ResourceKey) -> String {
    format!("{}.lock", short_hash(&key.to_string()))
}

fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    hex::encode(digest)[..32].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: &str) -> ResourceKey {
        ResourceKey {
            operation: "huaweicloud.dcs.update-password".into(),
            region: "cn-north-4".into(),
            ids: vec![id.into()],
            user: None,
        }
    }

    #[test]
    fn a_held_lock_refuses_a_second_holder_until_dropped() {
        let dir = std::env::temp_dir().join(format!("keyturn-lock-{}", std::process::id()));
        let first = ResourceLock::take(&dir, &key("i-1")).unwrap();
        assert!(matches!(
            ResourceLock::take(&dir, &key("i-1")),
            Err(LockError::Held)
        ));
        // Another resource is not held up.
        let other = ResourceLock::take(&dir, &key("i-2")).unwrap();
        drop(first);
        ResourceLock::take(&dir, &key("i-1")).unwrap();
        drop(other);
        let _ = std::fs::remove_dir_all(dir);
    }
}
