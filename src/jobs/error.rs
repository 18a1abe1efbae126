//! Why a background job could not do its work, as a type. Each message
//! says what is wrong and nothing more; the app adds its own remedy (see
//! `ui::words::job_error`), as the command line adds its own to the same
//! core errors.

use std::path::PathBuf;

use crate::endpoint::EndpointError;
use crate::files::FileError;
use crate::rotation::RotationError;
use crate::vault::import::ImportError;
use crate::vault::{ProfileError, VaultError};

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// The platform has no config folder: no profile, password or journal
    /// can be kept on this machine, so only typed keys work and nothing is
    /// sent (a sent password could not be kept safe).
    #[error("no config folder was found, so nothing can be kept on this machine")]
    NoConfigFolder,
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Rotation(#[from] RotationError),
    #[error("the profile's endpoint cannot be used: {0}")]
    Endpoint(#[from] EndpointError),
    #[error("{0:?} is not a resource this version knows")]
    UnknownResource(String),
    #[error("cannot read {}: {source}", path.display())]
    ImportRead { path: PathBuf, source: FileError },
    #[error("{}: {source}; nothing was stored", path.display())]
    ImportParse { path: PathBuf, source: ImportError },
    /// The file dialog closed at once without a file: no chooser could be
    /// opened (no file-chooser portal, no zenity).
    #[error("no file chooser could be opened on this desktop")]
    NoFileChooser,
    /// A task of the runtime panicked or was stopped.
    #[error("a background task failed: {0}")]
    Task(String),
}

impl From<tokio::task::JoinError> for JobError {
    fn from(e: tokio::task::JoinError) -> Self {
        JobError::Task(e.to_string())
    }
}
