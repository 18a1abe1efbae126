//! Reading values the user should not type on the command line: `env:VAR`
//! references and passwords from standard input.

use std::io::{IsTerminal, Read};

use secrecy::SecretString;
use zeroize::Zeroizing;

use super::CliError;

/// The environment variable holding the access key secret.
pub const KEY_SECRET_VAR: &str = "KEYTURN_KEY_SECRET";

/// Reads environment variable `var`, or says clearly that it is missing.
pub fn env_secret(var: &str, what: &str) -> Result<SecretString, CliError> {
    match std::env::var(var) {
        Ok(v) => Ok(SecretString::from(v)),
        Err(std::env::VarError::NotPresent) => Err(CliError::Usage(format!(
            "{what}: environment variable {var} is not set"
        ))),
        Err(std::env::VarError::NotUnicode(_)) => Err(CliError::Usage(format!(
            "{what}: environment variable {var} is not valid UTF-8"
        ))),
    }
}

/// Reads one password from standard input: prompted without echo on a
/// terminal, otherwise the first line (without its line ending).
pub fn password_from_stdin(prompt: &str) -> Result<SecretString, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return rpassword::prompt_password(prompt)
            .map(SecretString::from)
            .map_err(CliError::Stdin);
    }
    let mut all = Zeroizing::new(String::new());
    stdin
        .lock()
        .read_to_string(&mut all)
        .map_err(CliError::Stdin)?;
    let line = all.split(['\n']).next().unwrap_or_default();
    let line = line.strip_suffix('\r').unwrap_or(line);
    Ok(SecretString::from(line.to_owned()))
}
