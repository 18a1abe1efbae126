//! Password rules: what each operation accepts, how a candidate measures up,
//! how strong it is, and how to generate one the operation will take.
//!
//! The policies themselves are data in the catalogue; this module holds the
//! vocabulary ([`PasswordPolicy`]) and the three things done with it:
//! [`check`], [`strength`] and [`generate`].

pub mod check;
pub mod generate;
pub mod strength;

pub use check::{CharProblem, CharProblemKind, Report, Rule, RuleResult, Shortfall, check};
pub use generate::{GenerateError, GenerateOptions, generate};
pub use strength::{Strength, estimate};

/// Everything an operation demands of a new password.
#[derive(Debug)]
pub struct PasswordPolicy {
    pub length: LengthRule,
    pub classes: Option<ClassRule>,
    pub alphabet: Alphabet,
    /// Whether the new password must differ from the current one, and how
    /// firmly: an error where the provider says so, a warning elsewhere
    /// (changing a password to itself is never what the user meant).
    pub differ_from_current: Severity,
    pub generator: GeneratorSpec,
}

/// Length bounds, counted in characters.
#[derive(Debug, Clone, Copy)]
pub struct LengthRule {
    pub min: usize,
    pub max: Option<usize>,
    /// Some versions of the provider's API accept up to this many characters;
    /// lengths between `max` and this are a warning, not an error.
    pub max_some_versions: Option<usize>,
}

/// "At least N of these character classes".
#[derive(Debug, Clone, Copy)]
pub struct ClassRule {
    pub at_least: usize,
    pub of: &'static [CharClass],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    Lower,
    Upper,
    Digit,
    Special,
    /// A letter of either case, for a provider that counts letters as one
    /// class ("字母、数字和字符中的两种": letters, digits, specials).
    /// No character is only a letter: one is lower- or upper-case, and it
    /// counts as this class too.
    Letter,
}

/// Which characters a password may contain. Letters and digits mean ASCII
/// `a-z`, `A-Z`, `0-9`.
#[derive(Debug, Clone, Copy)]
pub struct Alphabet {
    pub specials: Specials,
    /// Characters that only some versions of the API accept or that some
    /// versions reject: `(character, why)`. Using one is a warning.
    pub version_dependent: &'static [(char, &'static str)],
    /// Characters a password must not start with, though allowed elsewhere
    /// (Tencent Redis: "不能以"/"开头"); empty for most operations.
    pub not_first: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub enum Specials {
    /// Any printable ASCII character other than letters, digits and space.
    PrintableAscii,
    /// Exactly these characters.
    Only(&'static str),
    /// The provider documents no limit: anything but control characters.
    Unrestricted,
}

/// How firmly a rule holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; the provider may still accept the password.
    Warning,
    /// The provider will refuse the password.
    Error,
}

/// What the generator draws from. It uses only what every version of the
/// API accepts, so a generated password never earns a warning.
#[derive(Debug, Clone, Copy)]
pub struct GeneratorSpec {
    pub min: usize,
    pub max: usize,
    pub default: usize,
    /// Special characters to draw from (may be empty).
    pub specials: &'static str,
}

/// The class of one character, if it is a letter, digit or special.
pub(crate) fn class_of(c: char, specials: Specials) -> Option<CharClass> {
    match c {
        'a'..='z' => Some(CharClass::Lower),
        'A'..='Z' => Some(CharClass::Upper),
        '0'..='9' => Some(CharClass::Digit),
        _ if is_special(c, specials) => Some(CharClass::Special),
        _ => None,
    }
}

fn is_special(c: char, specials: Specials) -> bool {
    match specials {
        Specials::PrintableAscii => c.is_ascii_graphic(),
        Specials::Only(set) => set.contains(c),
        Specials::Unrestricted => !c.is_control(),
    }
}
