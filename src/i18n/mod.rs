//! The interface's languages: which one to use, and its text.
//!
//! Text is written as [Project Fluent](https://projectfluent.org) messages in
//! `assets/locales/<tag>/*.ftl`, embedded in the binary: each [`Lang`] has
//! the same files ([`MESSAGES`]) with the same message ids and the same
//! variables in each (a test checks both). Simplified Chinese also has two files that translate English
//! written elsewhere, so that English keeps one home: `help.ftl` (the command
//! line's `--help`, whose English is the clap definition's doc comments) and
//! `catalog.ftl` (the operations' titles, notes and fields, whose English is
//! the catalogue); tests check that each covers its source exactly.
//!
//! Looking text up: [`tr`] and [`tr_args`] (or the [`tr!`](crate::tr) macro)
//! format a message in the current language, with Fluent's plurals and
//! numbers. A message missing from the current language comes in English,
//! never as its id. The bundles are built for plain text: Fluent's Unicode
//! bidi isolation marks around placeables are off, as they would show up as
//! stray bytes in a terminal, a log or a copied line.
//!
//! The current language is one process-wide value, because every front end
//! shows one language at a time: the command line sets it once from
//! `--lang`, `KEYTURN_LANG` or the system ([`choose`]); the desktop app can
//! change it at any moment with [`set_language`] (a language picker) and
//! the next frame's text follows. It is an atomic, so reading it on every
//! lookup costs nothing and never blocks. Each language's bundle is parsed
//! on its first use and kept for the life of the process, so switching back
//! and forth parses nothing again. Code that needs one language regardless
//! of the current one (tests, a preview of another language) calls
//! [`tr_in`].

mod choose;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

pub use choose::{choose, choose_from_env};
pub use fluent_bundle::{FluentArgs, FluentValue};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (en-US): the language the code is written in, and the
    /// fallback for every missing message.
    #[default]
    English,
    /// Simplified Chinese (zh-CN), in the words of the providers' Chinese
    /// consoles.
    SimplifiedChinese,
}

impl Lang {
    /// Every language, in the order a picker lists them.
    pub const ALL: [Lang; 2] = [Lang::English, Lang::SimplifiedChinese];

    /// The BCP 47 tag, also the folder under `assets/locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en-US",
            Lang::SimplifiedChinese => "zh-CN",
        }
    }

    /// The value `--lang` and `KEYTURN_LANG` take for it.
    pub fn arg(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::SimplifiedChinese => "zh-CN",
        }
    }

    /// The language's name in itself, for a language picker.
    pub fn display_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::SimplifiedChinese => "简体中文",
        }
    }

    /// The language's name in English, for where its own script cannot be
    /// drawn.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::SimplifiedChinese => "Simplified Chinese",
        }
    }

    /// Whether the language's script needs a CJK font.
    pub fn needs_cjk_font(self) -> bool {
        match self {
            Lang::English => false,
            Lang::SimplifiedChinese => true,
        }
    }

    /// Reads a language as a user names it (`--lang`, `KEYTURN_LANG`) or
    /// as a locale does (`zh_CN.UTF-8`, `zh-Hans`, `en_GB`); see
    /// [`choose`] for which tags mean which language. `None` for a
    /// language Keyturn does not have.
    pub fn parse(text: &str) -> Option<Lang> {
        choose::from_locale(text)
    }

    fn index(self) -> u8 {
        match self {
            Lang::English => 0,
            Lang::SimplifiedChinese => 1,
        }
    }

    fn from_index(index: u8) -> Lang {
        match index {
            1 => Lang::SimplifiedChinese,
            _ => Lang::English,
        }
    }

    /// The Fluent files of this language, as embedded.
    fn sources(self) -> &'static [Source] {
        match self {
            Lang::English => EN_US,
            Lang::SimplifiedChinese => ZH_CN,
        }
    }

    fn langid(self) -> unic_langid::LanguageIdentifier {
        match self {
            Lang::English => unic_langid::langid!("en-US"),
            Lang::SimplifiedChinese => unic_langid::langid!("zh-CN"),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// One embedded Fluent file: its path under `assets/locales/`, for error
/// messages and tests, and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! source {
    ($path:literal) => {
        Source {
            path: $path,
            text: include_str!(concat!("../../assets/locales/", $path)),
        }
    };
}

/// The messages every language has, with the same ids and variables, in
/// files of the same names: `keyturn.ftl` (the command line, and the core's
/// words both front ends share), `app.ftl` (the desktop app's window) and
/// `form.ftl` (the app's forms, their widgets and the request preview),
/// `outcomes.ftl` (the hints on a result, `outcome::Hint`).
pub const MESSAGES: [(Source, Source); 4] = [
    (source!("en-US/keyturn.ftl"), source!("zh-CN/keyturn.ftl")),
    (source!("en-US/app.ftl"), source!("zh-CN/app.ftl")),
    (source!("en-US/form.ftl"), source!("zh-CN/form.ftl")),
    (source!("en-US/outcomes.ftl"), source!("zh-CN/outcomes.ftl")),
];
/// Chinese for the command line's help, whose English is in its definition.
pub const HELP_ZH_CN: Source = source!("zh-CN/help.ftl");
/// Chinese for the catalogue's texts, whose English is the catalogue.
pub const CATALOG_ZH_CN: Source = source!("zh-CN/catalog.ftl");

const EN_US: &[Source] = &[MESSAGES[0].0, MESSAGES[1].0, MESSAGES[2].0, MESSAGES[3].0];
const ZH_CN: &[Source] = &[
    MESSAGES[0].1,
    MESSAGES[1].1,
    MESSAGES[2].1,
    MESSAGES[3].1,
    HELP_ZH_CN,
    CATALOG_ZH_CN,
];

/// The language of [`tr`] and [`tr_args`], as [`Lang::index`].
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the language of every later lookup, in every thread.
pub fn set_language(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

/// The language lookups use now (English until [`set_language`]).
pub fn language() -> Lang {
    #[cfg(test)]
    if let Some(lang) = THREAD_LANGUAGE.with(std::cell::Cell::get) {
        return lang;
    }
    Lang::from_index(CURRENT.load(Ordering::Relaxed))
}

/// Runs `f` with `lang` as this test thread's language.
#[cfg(test)]
pub(crate) fn with_language(lang: Lang, f: impl FnOnce()) {
    THREAD_LANGUAGE.with(|l| l.set(Some(lang)));
    f();
    THREAD_LANGUAGE.with(|l| l.set(None));
}

#[cfg(test)]
std::thread_local! {
    /// A unit test's language, for its own thread only: unit tests run
    /// side by side, and most of them expect English.
    static THREAD_LANGUAGE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of `lang`, parsed on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[usize::from(lang.index())].get_or_init(|| build(lang).0)
}

/// Builds `lang`'s bundle, and says what was wrong with its files (nothing,
/// as a test checks; a broken message is left out and falls back to
/// English).
fn build(lang: Lang) -> (Bundle, Vec<String>) {
    let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    for source in lang.sources() {
        let resource = match FluentResource::try_new(source.text.to_owned()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                problems.extend(errors.iter().map(|e| format!("{}: {e:?}", source.path)));
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| format!("{}: {e}", source.path)));
        }
    }
    for problem in &problems {
        tracing::warn!("{problem}");
    }
    (bundle, problems)
}

/// Message `id` in the current language, or in English if the current
/// language lacks it.
pub fn tr(id: &str) -> String {
    tr_in(language(), id, None)
}

/// Message `id` with its variables, in the current language, or in English
/// if the current language lacks it.
pub fn tr_args(id: &str, args: &FluentArgs) -> String {
    tr_in(language(), id, Some(args))
}

/// Message `id` in `lang`, or in English if `lang` lacks it. An id that
/// English lacks too is a mistake in Keyturn (a test looks for every id
/// the code uses): it is logged, and its id is all there is to show.
pub fn tr_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    lookup(bundle(lang), bundle(Lang::English), id, args)
}

/// Message `id` of `bundle`, else of `english`, else its id (logged).
fn lookup(bundle: &Bundle, english: &Bundle, id: &str, args: Option<&FluentArgs>) -> String {
    if let Some(text) = format(bundle, id, args).or_else(|| format(english, id, args)) {
        return text;
    }
    tracing::error!("no message {id:?} in any language");
    id.to_owned()
}

/// Whether `lang` has message `id` of its own (not through the English
/// fallback).
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Message `id` of `lang`'s bundle, if it has one that formats cleanly.
fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        // A variable the caller did not give: English may still say it.
        tracing::warn!("message {id:?}: {errors:?}");
        return None;
    }
    Some(text.into_owned())
}

/// The translation of English text whose home is the code (help, the
/// catalogue): message `id` of the current language if it has its own,
/// else `english` itself.
pub fn tr_or(id: &str, english: &str) -> String {
    tr_or_in(language(), id, english)
}

/// [`tr_or`] in `lang`.
pub fn tr_or_in(lang: Lang, id: &str, english: &str) -> String {
    if lang != Lang::English
        && let Some(text) = format(bundle(lang), id, None)
    {
        return text;
    }
    english.to_owned()
}

/// Items as a list in the current language: "a, b and c" (`last` is
/// `list-and`) or "a, b or c" (`list-or`).
pub fn list(items: &[String], last: &str) -> String {
    match items.split_last() {
        Some((tail, rest)) if !rest.is_empty() => {
            let mut args = FluentArgs::new();
            args.set("rest", rest.join(&tr("list-separator")));
            args.set("last", tail.as_str());
            tr_args(last, &args)
        }
        _ => items.concat(),
    }
}

/// A message in the current language: `tr!("id")`, or with variables
/// `tr!("id", name = value, count = n)`; each value is anything a
/// [`FluentValue`] can be made from (text, a number).
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(
            stringify!($name),
            $crate::i18n::FluentValue::from($value).into_owned(),
        );)+
        $crate::i18n::tr_args($id, &args)
    }};
}

#[cfg(test)]
mod tests;
