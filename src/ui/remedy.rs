//! What the app says when a background job fails: the core's message,
//! which says what is wrong, and then the app's own way forward (a view
//! or a button of this window, never a command to type).

use crate::jobs::JobError;
use crate::rotation::RotationError;
use crate::tr;
use crate::vault::import::ImportError;
use crate::vault::{ProfileError, VaultError};

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
