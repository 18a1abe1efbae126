//! Errors of the command line and the exit codes they map to.

use std::fmt;
use std::process::ExitCode;

use keyturn::request::InputError;
use keyturn::tr;
use keyturn::vault::{ProfileError, VaultError};
use keyturn::words;

/// The process's exit codes, the same for every subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done; for a change, the provider confirmed it.
    Success = 0,
    /// Anything else went wrong.
    Failure = 1,
    /// Bad input or a broken password rule; nothing was sent.
    BadInput = 2,
    /// The provider rejected the request.
    Rejected = 3,
    /// No answer was read: the change may or may not have happened.
    Unknown = 4,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// What went wrong, worded in the interface's language when shown: core
/// errors the command line meets often are worded here with its way
/// forward (see [`vault_words`], [`input_words`]); the rest keep the
/// core's English.
#[derive(Debug)]
pub enum CliError {
    UnknownOperation(String),
    /// Bad input, already worded.
    Usage(String),
    Inputs(Vec<InputError>),
    Stdin(std::io::Error),
    /// Something outside the user's input failed (a port, the runtime),
    /// already worded.
    Failure(String),
    Vault(VaultError),
}

impl std::error::Error for CliError {}

impl From<VaultError> for CliError {
    fn from(e: VaultError) -> Self {
        CliError::Vault(e)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = match self {
            CliError::UnknownOperation(id) => {
                vec![tr!("error-unknown-operation", id = format!("{id:?}"))]
            }
            CliError::Usage(text) | CliError::Failure(text) => vec![text.clone()],
            CliError::Inputs(errors) => errors.iter().map(describe_input_error).collect(),
            CliError::Stdin(e) => vec![tr!("error-stdin", error = e.to_string())],
            CliError::Vault(e) => vec![vault_words(e)],
        };
        let lines: Vec<String> = lines
            .into_iter()
            .map(|message| tr!("error-line", message = message))
            .collect();
        f.write_str(&lines.join("\n"))
    }
}

/// A vault error with the command line's way forward.
fn vault_words(e: &VaultError) -> String {
    let remedy = match e {
        VaultError::NoProfile(_) => tr!("remedy-no-profile"),
        VaultError::ProfileExists(_) => tr!("remedy-profile-exists"),
        VaultError::TeamProfileExists { .. } => tr!("remedy-team-profile-exists"),
        VaultError::ProfileChanged(_) => tr!("remedy-profile-changed"),
        VaultError::NoResource(_) => tr!("remedy-no-resource"),
        VaultError::SecretMissing { .. } => tr!("remedy-secret-missing"),
        VaultError::Duplicate { .. } => tr!("remedy-duplicate"),
        _ => String::new(),
    };
    format!("{e}{remedy}")
}

/// An endpoint error with the command line's way forward.
pub fn endpoint_words(e: &keyturn::endpoint::EndpointError) -> String {
    use keyturn::endpoint::EndpointError;
    let remedy = match e {
        EndpointError::UnknownRegion { .. } => tr!("remedy-unknown-region"),
        _ => String::new(),
    };
    format!("{e}{remedy}")
}

impl From<ProfileError> for CliError {
    fn from(e: ProfileError) -> Self {
        match e {
            ProfileError::Vault(v) => CliError::Vault(v),
            other => CliError::Usage(other.to_string()),
        }
    }
}

impl CliError {
    pub fn exit(&self) -> Exit {
        match self {
            CliError::UnknownOperation(_) | CliError::Usage(_) | CliError::Inputs(_) => {
                Exit::BadInput
            }
            CliError::Stdin(_) | CliError::Failure(_) => Exit::Failure,
            CliError::Vault(
                VaultError::NoProfile(_)
                | VaultError::ProfileExists(_)
                | VaultError::TeamProfileExists { .. }
                | VaultError::BadName(_)
                | VaultError::NameDiffersInCase { .. }
                | VaultError::NoResource(_),
            ) => Exit::BadInput,
            CliError::Vault(_) => Exit::Failure,
        }
    }
}

/// An input error in full, with the broken password rules spelled out.
fn describe_input_error(e: &InputError) -> String {
    match e {
        InputError::PasswordRules { report, .. } => {
            let mut text = words::input_error(e);
            for r in report.failures(keyturn::rules::Severity::Error) {
                text.push_str(&format!("\n  ✗ {}", words::rule_result(r)));
            }
            text
        }
        other => words::input_error(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English words here are the core's own Display plus the remedy:
    /// one English, whichever path a message takes.
    #[test]
    fn english_words_match_the_core() {
        let vault = [
            (
                VaultError::NoProfile("p".into()),
                "; `keyturn profile list` shows them",
            ),
            (
                VaultError::ProfileExists("p".into()),
                "; use `keyturn profile edit` to change it",
            ),
            (VaultError::BadName("a b".into()), ""),
            (
                VaultError::NoResource("r".into()),
                "; `keyturn password list` shows them",
            ),
            (
                VaultError::SecretMissing {
                    what: keyturn::vault::secrets::Holds::ProfileSecret("p".into()),
                },
                ".\nStore it again with `keyturn profile edit NAME --secret`, or remove the entry.",
            ),
            (VaultError::NoSecretService { detail: "d".into() }, ""),
            (VaultError::KeyringLocked { detail: "d".into() }, ""),
            (VaultError::NoHome, ""),
        ];
        for (e, remedy) in vault {
            assert_eq!(vault_words(&e), format!("{e}{remedy}"));
        }
    }
}
