//! Which language to use, from what the user said and what the system says.
//!
//! In order, the first that gives an answer wins:
//! 1. an explicit choice (`--lang`, a picker);
//! 2. `KEYTURN_LANG` (a value Keyturn does not know is passed over, and
//!    the command line says so);
//! 3. `LANGUAGE`, gettext's colon-separated list of preferences: its first
//!    entry that Keyturn has; English if it has none. As in gettext, it is
//!    passed over when the locale (below) is `C` or `POSIX`, so that
//!    `LC_ALL=C keyturn …` in a script gives English even in a session
//!    that sets `LANGUAGE`;
//! 4. the locale of messages: the first non-empty of `LC_ALL`,
//!    `LC_MESSAGES`, `LANG` (`zh_CN.UTF-8`); `C`, `POSIX` and languages
//!    Keyturn does not have give English;
//! 5. on macOS and Windows, which keep the user's language outside the
//!    environment, the system's preferred language;
//! 6. English.
//!
//! Which tags mean which language: `en…` is English; `zh`, `zh-CN`,
//! `zh-SG`, `zh-Hans…` are Simplified Chinese. Traditional Chinese
//! (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…`) is a language Keyturn does not
//! have, so it gives English, not Simplified Chinese: readers of the
//! Traditional script are better served by English they chose as a second
//! language than by a script they did not ask for, and `--lang zh-CN`
//! is there for those who want it.

use super::Lang;

/// The language to use: `explicit` if given, else what the environment
/// (read through `env`) says, else English. The system's own setting on
/// macOS and Windows is left to [`choose_from_env`].
pub fn choose(explicit: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    explicit.or_else(|| from_env(&env)).unwrap_or_default()
}

/// [`choose`] with this process's environment, then on macOS and Windows
/// the system's preferred language.
pub fn choose_from_env(explicit: Option<Lang>) -> Lang {
    explicit
        .or_else(|| from_env(&|name: &str| std::env::var(name).ok()))
        .or_else(system)
        .unwrap_or_default()
}

/// What the environment says, or `None` when it says nothing.
fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Option<Lang> {
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    if let Some(lang) = set("KEYTURN_LANG").and_then(|v| from_locale(&v)) {
        return Some(lang);
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(&set);
    let plain = locale.as_deref().is_some_and(is_c_locale);
    if let Some(list) = set("LANGUAGE").filter(|_| !plain) {
        return Some(
            list.split(':')
                .find_map(from_locale)
                .unwrap_or(Lang::English),
        );
    }
    locale.map(|l| from_locale(&l).unwrap_or(Lang::English))
}

#[cfg(any(target_os = "macos", windows))]
fn system() -> Option<Lang> {
    sys_locale::get_locale().map(|l| from_locale(&l).unwrap_or(Lang::English))
}

#[cfg(not(any(target_os = "macos", windows)))]
fn system() -> Option<Lang> {
    None
}

/// `C`, `POSIX`, `C.UTF-8`: the locale that asks for no translation.
fn is_c_locale(locale: &str) -> bool {
    let name = locale.split(['.', '@']).next().unwrap_or_default();
    name == "C" || name == "POSIX"
}

/// The language of a locale name (`zh_CN.UTF-8`, `en_US@euro`) or a
/// language tag (`zh-Hans-CN`, `en`), if Keyturn has it; `C` and `POSIX`
/// are English.
pub(super) fn from_locale(text: &str) -> Option<Lang> {
    let text = text.trim();
    if is_c_locale(text) {
        return Some(Lang::English);
    }
    let name = text.split(['.', '@']).next().unwrap_or_default();
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let mut subtags = lower.split('-');
    match subtags.next() {
        Some("en") => Some(Lang::English),
        Some("zh") => {
            let rest: Vec<&str> = subtags.collect();
            let traditional = rest.contains(&"hant")
                || (!rest.contains(&"hans")
                    && rest.iter().any(|s| matches!(*s, "tw" | "hk" | "mo")));
            (!traditional).then_some(Lang::SimplifiedChinese)
        }
        _ => None,
    }
}
