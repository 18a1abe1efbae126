//! Why a background job could not do its work, as a type. Each message
//! says what is wrong and nothing more; the app adds its own remedy (see
//! `ui::remedy::job_error`), as the command line adds its own to the same
//! core errors.

use std::path::PathBuf;

use crate::endpoint::EndpointError;
use crate::files::FileError;
use crate::rotation::RotationError;
use crate::tr;
use crate::vault::import::ImportError;
use crate::vault::{ProfileError, VaultError};

#[derive(Debug)]
pub enum JobError {
    /// The platform has no config folder: no profile, password or journal
    /// can be kept on this machine, so only typed keys work and nothing is
    /// sent (a sent password could not be kept safe).
    NoConfigFolder,
    Vault(VaultError),
    Profile(ProfileError),
    Rotation(RotationError),
    Endpoint(EndpointError),
    /// A resource key this version cannot read.
    UnknownResource(String),
    ImportRead {
        path: PathBuf,
        source: FileError,
    },
    ImportParse {
        path: PathBuf,
        source: ImportError,
    },
    /// An imported key file could not be deleted.
    DeleteFile {
        path: PathBuf,
        source: FileError,
    },
    /// The file dialog closed at once without a file: no chooser could be
    /// opened (no file-chooser portal, no zenity).
    NoFileChooser,
    /// A task of the runtime panicked or was stopped (the runtime's words).
    Task(String),
    /// The background runtime could not start (the system's words).
    NoRuntime(String),
}

impl From<VaultError> for JobError {
    fn from(e: VaultError) -> Self {
        JobError::Vault(e)
    }
}

impl From<ProfileError> for JobError {
    fn from(e: ProfileError) -> Self {
        JobError::Profile(e)
    }
}

impl From<RotationError> for JobError {
    fn from(e: RotationError) -> Self {
        JobError::Rotation(e)
    }
}

impl From<EndpointError> for JobError {
    fn from(e: EndpointError) -> Self {
        JobError::Endpoint(e)
    }
}

/// A verification that could not be made keeps its kind.
impl From<crate::verify::VerifyError> for JobError {
    fn from(e: crate::verify::VerifyError) -> Self {
        use crate::verify::VerifyError;
        match e {
            VerifyError::Vault(e) => JobError::Vault(e),
            VerifyError::Endpoint(e) => JobError::Endpoint(e),
            VerifyError::Task(detail) => JobError::Task(detail),
        }
    }
}

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |path: &PathBuf| path.display().to_string();
        f.write_str(&match self {
            JobError::NoConfigFolder => tr!("job-no-config-folder"),
            JobError::Vault(e) => e.to_string(),
            JobError::Profile(e) => e.to_string(),
            JobError::Rotation(e) => e.to_string(),
            JobError::Endpoint(e) => tr!("job-endpoint", error = e.to_string()),
            JobError::UnknownResource(key) => {
                tr!("job-unknown-resource", key = format!("{key:?}"))
            }
            JobError::ImportRead { path, source } => tr!(
                "job-import-read",
                path = shown(path),
                error = source.to_string()
            ),
            JobError::ImportParse { path, source } => tr!(
                "job-import-parse",
                path = shown(path),
                error = source.to_string()
            ),
            JobError::DeleteFile { path, source } => tr!(
                "job-delete-file",
                path = shown(path),
                error = source.to_string()
            ),
            JobError::NoFileChooser => tr!("job-no-file-chooser"),
            JobError::Task(detail) => tr!("rotation-task", detail = detail.as_str()),
            JobError::NoRuntime(detail) => tr!("job-no-runtime", detail = detail.as_str()),
        })
    }
}

impl std::error::Error for JobError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JobError::Vault(e) => Some(e),
            JobError::Profile(e) => Some(e),
            JobError::Rotation(e) => Some(e),
            JobError::Endpoint(e) => Some(e),
            JobError::ImportRead { source, .. } => Some(source),
            JobError::ImportParse { source, .. } => Some(source),
            JobError::DeleteFile { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<tokio::task::JoinError> for JobError {
    fn from(e: tokio::task::JoinError) -> Self {
        JobError::Task(e.to_string())
    }
}
