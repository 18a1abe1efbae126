//! Where Keyturn keeps what is not secret: the platform's config folder for
//! the index, its data folder for the journal. `KEYTURN_CONFIG_DIR` and
//! `KEYTURN_DATA_DIR` override them (portable installs, tests).

use std::path::PathBuf;

use super::VaultError;

/// The reverse-DNS application id, used for folders and the desktop entry.
pub const APP_ID: &str = "dev.keyturn.Keyturn";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

impl Paths {
    pub fn from_env() -> Result<Self, VaultError> {
        let dirs = directories::ProjectDirs::from("dev", "keyturn", "Keyturn");
        let pick = |var: &str, default: Option<PathBuf>| {
            std::env::var_os(var)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or(default)
                .ok_or(VaultError::NoHome)
        };
        Ok(Paths {
            config_dir: pick(
                "KEYTURN_CONFIG_DIR",
                dirs.as_ref().map(|d| d.config_dir().to_owned()),
            )?,
            data_dir: pick(
                "KEYTURN_DATA_DIR",
                dirs.as_ref().map(|d| d.data_dir().to_owned()),
            )?,
        })
    }

    pub fn index_file(&self) -> PathBuf {
        self.config_dir.join("index.json")
    }

    pub fn index_lock(&self) -> PathBuf {
        self.config_dir.join("index.lock")
    }
}
