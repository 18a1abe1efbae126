//! What the app says when a background job fails: the core's message,
//! which says what is wrong, and then the app's own way forward (a view
//! or a button of this window, never a command to type).

use crate::jobs::JobError;
use crate::rotation::RotationError;
use crate::vault::import::ImportError;
use crate::vault::{ProfileError, VaultError};

/// `e` in words, with the app's remedy where it has one.
pub fn job_error(e: &JobError) -> String {
    let remedy = match e {
        JobError::NoConfigFolder => {
            ". Set KEYTURN_CONFIG_DIR and KEYTURN_DATA_DIR, then start Keyturn again"
        }
        JobError::Vault(v)
        | JobError::Profile(ProfileError::Vault(v))
        | JobError::Rotation(RotationError::Keyring(v)) => vault(v),
        JobError::ImportParse {
            source: ImportError::UnknownColumns(_) | ImportError::UnknownProvider,
            ..
        } => " (pick the Provider above and import again)",
        _ => "",
    };
    format!("{e}{remedy}")
}

fn vault(e: &VaultError) -> &'static str {
    match e {
        VaultError::NoProfile(_) => "; Credentials lists the stored profiles",
        VaultError::ProfileExists(_) => "; choose another name",
        VaultError::SecretMissing { .. } => {
            ". Remove the profile in Credentials and add its key again"
        }
        VaultError::Duplicate { .. } => ". Removing the profile in Credentials removes them all",
        _ => "",
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
            JobError::Vault(VaultError::SecretMissing { what: "x".into() }),
            JobError::Vault(VaultError::Duplicate {
                what: "x".into(),
                count: 2,
            }),
            JobError::Vault(VaultError::NoResource("r".into())),
        ] {
            let words = job_error(&e);
            assert!(!words.contains("keyturn "), "{words}");
        }
    }
}
