//! The longer texts of `keyturn --help` and `--version`, and the parts of
//! the man page that clap cannot derive from the arguments: exit status,
//! environment and files.
//!
//! The list of operations comes from the catalogue and the exit codes from
//! [`Exit`], so help, man page and behaviour cannot drift apart.

use std::fmt::Write;

use keyturn::i18n::{self, Lang};

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

/// [`LONG_VERSION`] and the store this computer's settings name.
pub fn long_version() -> String {
    let store = match keyturn::vault::Paths::from_env() {
        Ok(paths) => match keyturn::vault::team::StoreChoice::load(&paths) {
            Ok(choice) => choice.describe(),
            Err(e) => e.to_string(),
        },
        Err(e) => e.to_string(),
    };
    format!(
        "{LONG_VERSION}
store: {store}"
    )
}

/// What Keyturn is for, wrapped by hand: clap wraps help text only with a
/// feature Keyturn does without.
pub fn intro(lang: Lang) -> String {
    i18n::tr_in(lang, "help-intro", None)
}

/// Introduces the list of operations.
pub fn operations(lang: Lang) -> String {
    i18n::tr_in(lang, "help-operations", None)
}

/// `keyturn --help`: what Keyturn is for and the operations it knows.
pub fn long_about(lang: Lang) -> String {
    let mut text = format!("{}\n\n{}", intro(lang), operations(lang));
    for line in super::ops::list(lang).lines() {
        let _ = write!(text, "\n  {line}");
    }
    text
}

/// The exit status of every subcommand, in order, with its message id.
pub const EXIT_STATUS: &[(Exit, &str)] = &[
    (Exit::Success, "help-exit-0"),
    (Exit::Failure, "help-exit-1"),
    (Exit::BadInput, "help-exit-2"),
    (Exit::Rejected, "help-exit-3"),
    (Exit::Unknown, "help-exit-4"),
];

/// The environment variables Keyturn reads, with their message ids.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("KEYTURN_CONFIG_DIR", "help-env-config-dir"),
    ("KEYTURN_DATA_DIR", "help-env-data-dir"),
    ("KEYTURN_KEY_SECRET", "help-env-key-secret"),
    ("KEYTURN_LANG", "help-env-lang"),
    ("RUST_LOG", "help-env-rust-log"),
];

/// `(term, message id)` pairs in `lang`'s words.
pub fn worded<T: Copy>(lang: Lang, items: &[(T, &str)]) -> Vec<(T, String)> {
    items
        .iter()
        .map(|(term, id)| (*term, i18n::tr_in(lang, id, None)))
        .collect()
}

/// Where things are kept on Linux, for the man page (the package is
/// Debian's): `(place, message id)`.
pub const FILES: &[(&str, &str)] = &[
    ("~/.config/keyturn/index.json", "man-file-index"),
    ("~/.config/keyturn/store.json", "man-file-store"),
    ("~/.local/share/keyturn/", "man-file-data"),
    ("$XDG_RUNTIME_DIR/keyturn/locks/", "man-file-locks"),
    ("Secret Service, service \"keyturn\"", "man-file-keyring"),
];

/// Shown after the options by `keyturn --help`.
pub fn after_long_help(lang: Lang) -> String {
    let mut text = format!("{}\n", i18n::tr_in(lang, "help-exit-heading", None));
    for (exit, meaning) in worded(lang, EXIT_STATUS) {
        let _ = writeln!(text, "  {}  {meaning}", exit as u8);
    }
    let _ = writeln!(text, "\n{}", i18n::tr_in(lang, "help-env-heading", None));
    let width = ENVIRONMENT.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, meaning) in worded(lang, ENVIRONMENT) {
        let _ = writeln!(text, "  {name:width$}  {meaning}");
    }
    let _ = write!(text, "\n{}", i18n::tr_in(lang, "help-readme", None));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_about_lists_every_operation() {
        for lang in Lang::ALL {
            let text = long_about(lang);
            for op in keyturn::catalog::CATALOG {
                assert!(text.contains(op.id), "{} missing", op.id);
                assert!(text.contains(op.api), "{} missing", op.api);
            }
        }
    }

    #[test]
    fn after_long_help_is_in_the_language_asked_for() {
        assert!(after_long_help(Lang::English).starts_with("Exit status:\n  0  success"));
        assert!(after_long_help(Lang::SimplifiedChinese).starts_with("退出状态：\n  0  成功"));
        assert!(after_long_help(Lang::SimplifiedChinese).contains("KEYTURN_LANG"));
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
