//! One change per resource at a time, across processes: an exclusive lock
//! on a small file per resource, beside the journal.
//!
//! The lock is taken before anything is checked and held until the change
//! is settled (or staged and left open), so two windows, or the app and the
//! command line, can never both pass the checks and both send. Taking it
//! never waits: a second change of the same resource is refused at once.
//! The operating system releases it when the process ends, however it ends.
//! Lock files are never removed (removing one while another process waits
//! on it would let two holders in); they are empty and one per resource.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::tr;
use crate::vault::ResourceKey;

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
        })
    }
}

impl std::error::Error for LockError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LockError::Held => None,
            LockError::Io { source, .. } => Some(source),
        }
    }
}

impl ResourceLock {
    /// Takes the lock of `key` in `data_dir`, or says who has it.
    pub fn take(data_dir: &Path, key: &ResourceKey) -> Result<ResourceLock, LockError> {
        let dir = data_dir.join("locks");
        let path = dir.join(file_name(key));
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
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
    let digest = Sha256::digest(key.to_string().as_bytes());
    format!("{}.lock", &hex::encode(digest)[..32])
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
