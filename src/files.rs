//! Opening files that come from outside Keyturn's control, without being
//! led astray by what is at the path, and writing Keyturn's own.
//!
//! A FIFO would block the open (or the read) forever; `/dev/zero` or a huge
//! file would be read until memory runs out; a symbolic link in place of one
//! of Keyturn's own files (the index, the journal) would make Keyturn write
//! through it, or replace the user's link with a file. So files are opened
//! without blocking, must be regular files, are read up to a cap, and
//! Keyturn's own files are never opened through a link. Keyturn's own
//! folders and files are made for their user alone.

use crate::tr;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

/// Whether a symbolic link at the path itself is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// A file the user named (an import): their link is their choice.
    Follow,
    /// One of Keyturn's own files: a link there is refused.
    Refuse,
}

/// What is at a path instead of a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fifo,
    Device,
    Socket,
    Folder,
    /// Anything else that is not a regular file.
    Other,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum FileError {
    /// A symbolic link where Keyturn keeps its own file.
    Link,
    /// Not a regular file: what it is instead.
    NotRegular(Kind),
    TooLarge {
        size: u64,
        cap: u64,
    },
    Io(std::io::Error),
}

impl From<std::io::Error> for FileError {
    fn from(e: std::io::Error) -> Self {
        FileError::Io(e)
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            FileError::Link => tr!("file-link"),
            FileError::NotRegular(kind) => tr!(
                "file-not-regular",
                what = crate::i18n::tr(match kind {
                    Kind::Fifo => "file-kind-fifo",
                    Kind::Device => "file-kind-device",
                    Kind::Socket => "file-kind-socket",
                    Kind::Folder => "file-kind-folder",
                    Kind::Other => "file-kind-other",
                })
            ),
            FileError::TooLarge { size, cap } => tr!("file-too-large", size = *size, cap = *cap),
            FileError::Io(e) => e.to_string(),
        })
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FileError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl FileError {
    /// Whether nothing is at the path.
    pub fn is_not_found(&self) -> bool {
        matches!(self, FileError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

impl From<FileError> for std::io::Error {
    fn from(e: FileError) -> Self {
        match e {
            FileError::Io(e) => e,
            other => std::io::Error::new(std::io::ErrorKind::InvalidData, other),
        }
    }
}

/// Opens `path` with `options`, never blocking on a FIFO, and checks that it
/// is a regular file; with [`Links::Refuse`] a link at the path is refused.
pub fn open_regular(
    path: &Path,
    options: &mut OpenOptions,
    links: Links,
) -> Result<File, FileError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = match links {
            Links::Refuse => libc::O_NOFOLLOW,
            Links::Follow => 0,
        };
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
        // writer. It changes nothing for a regular file.
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    #[cfg(not(unix))]
    if links == Links::Refuse
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(FileError::Link);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if links == Links::Refuse && e.raw_os_error() == Some(libc::ELOOP) {
            return FileError::Link;
        }
        FileError::Io(e)
    })?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(FileError::NotRegular(describe(kind)));
    }
    Ok(file)
}

/// Deletes the regular file at `path` (an imported key file, at the
/// admin's word): never what a link points to, a folder or a device.
pub fn remove_regular(path: &Path) -> Result<(), FileError> {
    let kind = std::fs::symlink_metadata(path)?.file_type();
    if kind.is_symlink() {
        return Err(FileError::Link);
    }
    if !kind.is_file() {
        return Err(FileError::NotRegular(describe(kind)));
    }
    Ok(std::fs::remove_file(path)?)
}

/// Reads all of the regular file at `path`, refusing one over `cap` bytes.
pub fn read_regular(path: &Path, cap: u64, links: Links) -> Result<Vec<u8>, FileError> {
    let file = open_regular(path, OpenOptions::new().read(true), links)?;
    let size = file.metadata()?.len();
    if size > cap {
        return Err(FileError::TooLarge { size, cap });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // One byte past the cap tells a file that grew while it was read.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(FileError::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

/// Makes `dir` and any missing folders above it as its user's alone
/// (0700 on Unix, as XDG asks of the folders an application creates).
/// Keyturn's own folders hold no secret, but which resources were changed,
/// when, and with which access key ids. A folder already there keeps its
/// mode: one set by hand is the user's choice.
pub fn create_own_dir_all(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// `options`, creating a file its user alone can read (0600 on Unix):
/// for Keyturn's own files, as [`create_own_dir_all`] says.
pub fn own_file(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    options
}

/// Writes `text` and a line end to `path`, one of Keyturn's own files,
/// atomically: its folder made if need be ([`create_own_dir_all`]), a fresh
/// temporary file beside it ([`own_file`]), fsynced, renamed over it, and
/// the folder fsynced.
pub fn write_own_file_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    create_own_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        // A fresh file of our own, never an old one or a link left there.
        let _ = std::fs::remove_file(&tmp);
        let mut file = own_file(OpenOptions::new().write(true).create_new(true)).open(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        File::open(dir)?.sync_all()
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

fn describe(kind: std::fs::FileType) -> Kind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Kind::Fifo;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Kind::Device;
        }
        if kind.is_socket() {
            return Kind::Socket;
        }
    }
    if kind.is_dir() {
        Kind::Folder
    } else {
        Kind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("keyturn-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn only_a_regular_file_is_deleted_never_through_a_link() {
        let d = dir("remove");
        let target = d.join("keys.csv");
        std::fs::write(&target, "AccessKey ID,AccessKey Secret\n").unwrap();
        #[cfg(unix)]
        {
            let link = d.join("link.csv");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            assert!(matches!(remove_regular(&link), Err(FileError::Link)));
            assert!(target.exists(), "what the link points to stays");
        }
        assert!(matches!(
            remove_regular(&d),
            Err(FileError::NotRegular(Kind::Folder))
        ));
        remove_regular(&target).unwrap();
        assert!(!target.exists());
        assert!(remove_regular(&target).is_err_and(|e| e.is_not_found()));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn regular_files_are_read_up_to_the_cap() {
        let d = dir("cap");
        let p = d.join("f");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_regular(&p, 5, Links::Refuse).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&p, 4, Links::Refuse),
            Err(FileError::TooLarge { size: 5, cap: 4 })
        ));
        assert!(
            read_regular(&d.join("none"), 5, Links::Refuse)
                .unwrap_err()
                .is_not_found()
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_devices_and_folders_are_refused() {
        let d = dir("kinds");
        let p = d.join("f");
        std::fs::write(&p, b"x").unwrap();
        let link = d.join("link");
        std::os::unix::fs::symlink(&p, &link).unwrap();
        assert!(matches!(
            read_regular(&link, 9, Links::Refuse),
            Err(FileError::Link)
        ));
        assert_eq!(read_regular(&link, 9, Links::Follow).unwrap(), b"x");
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 9, Links::Follow),
            Err(FileError::NotRegular(Kind::Device))
        ));
        assert!(matches!(
            read_regular(&d, 9, Links::Follow),
            Err(FileError::NotRegular(Kind::Folder))
        ));
    }
}
