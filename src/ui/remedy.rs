//! What the app says when a background job fails: the core's message,
//! which says what is wrong, and then the app's own way forward (a view
//! or a button of this window, never a command to type).
//!
//! Panels keep a failure as a [`Failure`], the error itself, and word it
//! only when they draw it: a switch of language rewords a failure already
//! on screen, and a panel can pick its own way forward by the error's kind.

use std::sync::Arc;

use crate::jobs::JobError;
use crate::rotation::RotationError;
use crate::tr;
use crate::vault::import::ImportError;
use crate::vault::{ProfileError, VaultError};

/// A background job's failure as a panel keeps it: the error, worded
/// when drawn (in the language in force then). Shared, so that one read's
/// failure can be kept by two panels.
#[derive(Debug, Clone)]
pub struct Failure {
    error: Arc<JobError>,
    /// A panel's own message around the error (its `$error`), in place of
    /// the error said alone.
    within: Option<&'static str>,
}

impl Failure {
    /// What went wrong, to choose a way forward by its kind.
    pub fn error(&self) -> &JobError {
        &self.error
    }

    /// The error said inside the message `id` (which has an `$error`):
    /// a panel's own way forward for it.
    pub fn within(mut self, id: &'static str) -> Self {
        self.within = Some(id);
        self
    }

    /// In the current language, with the app's remedy where it has one.
    pub fn words(&self) -> String {
        let words = job_error(&self.error);
        match self.within {
            Some(id) => tr!(id, error = words),
            None => words,
        }
    }
}

impl From<JobError> for Failure {
    fn from(error: JobError) -> Self {
        Failure {
            error: Arc::new(error),
            within: None,
        }
    }
}

/// `e` in words, with the app's remedy where it has one.
pub fn job_error(e: &JobError) -> String {
    let remedy = match e {
        JobError::NoConfigFolder => Some("app-remedy-no-config-folder"),
        JobError::Vault(v)
        | JobError::Profile(ProfileError::Vault(v))
        | JobError::Rotation(RotationError::Keyring(v)) => vault(v),
        JobError::ImportParse {
            source: ImportError::UnknownColumns(_) | ImportError::UnknownProvider,
            ..
        } => Some("app-remedy-import-provider"),
        _ => None,
    };
    match remedy {
        Some(id) => format!("{e}{}", tr!(id)),
        None => e.to_string(),
    }
}

/// The message id of the remedy for `e`, if the app has one.
fn vault(e: &VaultError) -> Option<&'static str> {
    match e {
        VaultError::NoProfile(_) => Some("app-remedy-no-profile"),
        VaultError::ProfileExists(_) | VaultError::TeamProfileExists { .. } => {
            Some("app-remedy-profile-exists")
        }
        VaultError::ProfileChanged(_) => Some("app-remedy-profile-changed"),
        VaultError::SecretMissing { .. } => Some("app-remedy-secret-missing"),
        VaultError::Duplicate { .. } => Some("app-remedy-duplicate"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_names_its_own_way_forward_not_a_command() {
        let words = job_error(&JobError::Vault(VaultError::NoProfile("ops".into())));
        assert_eq!(
            words,
            "no profile named \"ops\"; Credentials lists the stored profiles"
        );
        let words = job_error(&JobError::NoConfigFolder);
        assert!(words.contains("KEYTURN_CONFIG_DIR"), "{words}");
        for e in [
            JobError::Vault(VaultError::SecretMissing {
                what: crate::vault::secrets::Holds::Passwords("x".into()),
            }),
            JobError::Vault(VaultError::Duplicate {
                what: crate::vault::secrets::Holds::Passwords("x".into()),
                count: 2,
            }),
            JobError::Vault(VaultError::NoResource("r".into())),
        ] {
            let words = job_error(&e);
            assert!(!words.contains("keyturn "), "{words}");
        }
    }

    /// A failure is worded when asked, in the language in force then.
    #[test]
    fn a_failure_is_worded_in_the_language_of_the_moment() {
        use crate::i18n::{Lang, tr_in};
        let failure =
            Failure::from(JobError::NoFileChooser).within("app-credentials-no-file-chooser");
        assert!(matches!(failure.error(), JobError::NoFileChooser));
        let english = tr_in(Lang::English, "job-no-file-chooser", None);
        assert_eq!(
            failure.words(),
            format!("{english}: type the file's path in the File box instead.")
        );
    }

    #[test]
    fn a_chinese_remedy_follows_the_error_with_chinese_punctuation() {
        use crate::i18n::{Lang, tr_in};
        for id in [
            "app-remedy-no-config-folder",
            "app-remedy-import-provider",
            "app-remedy-no-profile",
            "app-remedy-profile-exists",
            "app-remedy-secret-missing",
            "app-remedy-duplicate",
        ] {
            let words = tr_in(Lang::SimplifiedChinese, id, None);
            assert!(words.starts_with(['。', '；', '（']), "{id}: {words}");
            let english = tr_in(Lang::English, id, None);
            assert!(english.starts_with(['.', ';', ' ']), "{id}: {english}");
        }
    }
}
