//! The longer texts of `keyturn --help` and `--version`, and the parts of
//! the man page that clap cannot derive from the arguments: exit status,
//! environment and files.
//!
//! The list of operations comes from the catalogue and the exit codes from
//! [`Exit`], so help, man page and behaviour cannot drift apart.

use std::fmt::Write;

use super::Exit;

// The platform's keyring store, the same choice `keyturn::vault::secrets` makes.
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
macro_rules! keyring_store {
    () => {
        "Secret Service (D-Bus)"
    };
}
#[cfg(target_os = "macos")]
macro_rules! keyring_store {
    () => {
        "macOS Keychain"
    };
}
#[cfg(windows)]
macro_rules! keyring_store {
    () => {
        "Windows Credential Manager"
    };
}

/// `keyturn --version`: the version, then what a bug report needs to know.
/// (`-V` prints only the first line.)
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\nkeyring: ",
    keyring_store!(),
    "\nlicence: ",
    env!("CARGO_PKG_LICENSE"),
);

/// What Keyturn is for, wrapped by hand: clap wraps help text only with a
/// feature Keyturn does without.
pub const INTRO: &str = "\
Keyturn rotates the passwords of managed database and cache services.
It checks each API's password rules, generates passwords the API
accepts, signs the call exactly as the provider specifies, and keeps
access keys in the OS keyring.";

/// Introduces the list of operations.
pub const OPERATIONS: &str = "The operations (`keyturn ops ID` shows one's fields and rules):";

/// `keyturn --help`: what Keyturn is for and the operations it knows.
pub fn long_about() -> String {
    let mut text = format!("{INTRO}\n\n{OPERATIONS}");
    for line in super::ops::list().lines() {
        let _ = write!(text, "\n  {line}");
    }
    text
}

/// The exit status of every subcommand, in order.
pub const EXIT_STATUS: &[(Exit, &str)] = &[
    (
        Exit::Success,
        "success; for a change, the provider confirmed it",
    ),
    (Exit::Failure, "anything else went wrong"),
    (
        Exit::BadInput,
        "bad input or a broken password rule; nothing was sent",
    ),
    (Exit::Rejected, "the provider rejected the request"),
    (
        Exit::Unknown,
        "no answer was read: the change may or may not have happened",
    ),
];

/// The environment variables Keyturn reads.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "KEYTURN_CONFIG_DIR",
        "folder of the profile index, instead of the platform's config folder",
    ),
    (
        "KEYTURN_DATA_DIR",
        "folder of the rotation journal, instead of the platform's data folder",
    ),
    (
        "KEYTURN_KEY_SECRET",
        "the access key secret for `request --key-id` and `emulate`",
    ),
    (
        "RUST_LOG",
        "which log messages go to stderr (default: warn)",
    ),
];

/// Where things are kept on Linux, for the man page (the package is Debian's).
pub const FILES: &[(&str, &str)] = &[
    (
        "~/.config/keyturn/index.json",
        "profiles and stored-password records: names, key ids, regions, never a secret",
    ),
    (
        "~/.local/share/keyturn/",
        "the data folder, for the rotation journal",
    ),
    (
        "Secret Service, service \"keyturn\"",
        "access key secrets (user profile:NAME) and resource passwords (user password:RESOURCE:SLOT)",
    ),
];

/// Shown after the options by `keyturn --help`.
pub fn after_long_help() -> String {
    let mut text = String::from("Exit status:\n");
    for (exit, meaning) in EXIT_STATUS {
        let _ = writeln!(text, "  {}  {meaning}", *exit as u8);
    }
    text.push_str("\nEnvironment:\n");
    let width = ENVIRONMENT.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, meaning) in ENVIRONMENT {
        let _ = writeln!(text, "  {name:width$}  {meaning}");
    }
    text.push_str("\nREADME.md walks through installing, adding a key and rotating a password.");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_about_lists_every_operation() {
        let text = long_about();
        for op in keyturn::catalog::CATALOG {
            assert!(text.contains(op.id), "{} missing", op.id);
            assert!(text.contains(op.api), "{} missing", op.api);
        }
    }

    #[test]
    fn exit_status_lists_every_code_once_in_order() {
        let codes: Vec<u8> = EXIT_STATUS.iter().map(|(e, _)| *e as u8).collect();
        assert_eq!(codes, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn long_version_starts_with_the_package_version() {
        assert!(LONG_VERSION.starts_with(concat!(env!("CARGO_PKG_VERSION"), "\n")));
        assert!(LONG_VERSION.contains("keyring: "));
    }
}
