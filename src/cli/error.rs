//! Errors of the command line and the exit codes they map to.

use std::process::ExitCode;

use keyturn::request::InputError;
use keyturn::vault::{ProfileError, VaultError};

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

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("error: no operation {0:?}; `keyturn ops` lists them")]
    UnknownOperation(String),
    #[error("error: {0}")]
    Usage(String),
    #[error("error: {}", .0.iter().map(describe_input_error).collect::<Vec<_>>().join("\nerror: "))]
    Inputs(Vec<InputError>),
    #[error("error: could not read standard input: {0}")]
    Stdin(std::io::Error),
    /// Something outside the user's input failed (a port, the runtime).
    #[error("error: {0}")]
    Failure(String),
    #[error("error: {}", vault_words(.0))]
    Vault(#[from] VaultError),
}

/// A vault error with the command line's way forward.
fn vault_words(e: &VaultError) -> String {
    let remedy = match e {
        VaultError::NoProfile(_) => "; `keyturn profile list` shows them",
        VaultError::ProfileExists(_) => "; use `keyturn profile edit` to change it",
        VaultError::SecretMissing { .. } => {
            ".\nStore it again with `keyturn profile edit NAME --secret`, or remove the entry."
        }
        VaultError::Duplicate { .. } => {
            ". Removing it (`keyturn profile remove NAME`) removes them all; \
             `secret-tool search --all service keyturn` shows them"
        }
        VaultError::NoResource(_) => "; `keyturn password list` shows them",
        _ => "",
    };
    format!("{e}{remedy}")
}

impl From<ProfileError> for CliError {
    fn from(e: ProfileError) -> Self {
        match e {
            ProfileError::Vault(v) => CliError::Vault(v),
            ProfileError::Invalid(text) => CliError::Usage(text),
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
            let mut text = e.to_string();
            for r in report.failures(keyturn::rules::Severity::Error) {
                text.push_str(&format!("\n  ✗ {}", r.rule));
                if let Some(m) = &r.missing {
                    text.push_str(&format!(": {m}"));
                }
            }
            text
        }
        other => other.to_string(),
    }
}
