//! Checks a candidate password against an operation's policy.
//!
//! The result says, rule by rule, what passes and what is still missing, and
//! character by character, which ones break the allowed alphabet. It runs in
//! one pass over the characters, so a pasted 10,000-character string costs
//! microseconds.

use std::fmt;

use super::{CharClass, LengthRule, PasswordPolicy, Severity, class_of};

/// One rule of a policy, as it applies to a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Between `min` and `max` characters.
    Length { min: usize, max: Option<usize> },
    /// Between `min` and `max` characters, where some versions accept up
    /// to `some_versions`: longer than `max` but no longer than that is a
    /// warning, not an error. One row, so the checklist never shows a
    /// met "8 to 64" beside a broken "at most 32".
    LengthSomeVersions {
        min: usize,
        max: usize,
        some_versions: usize,
    },
    /// At least `at_least` of the listed classes.
    Classes {
        at_least: usize,
        of: &'static [CharClass],
    },
    /// Only allowed characters.
    Alphabet,
    /// Characters that some versions of the API treat differently.
    VersionDependent,
    /// Differs from the current password.
    DiffersFromCurrent,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Length {
                min,
                max: Some(max),
            } => write!(f, "{min} to {max} characters"),
            Rule::Length { min, max: None } => write!(f, "at least {min} characters"),
            Rule::LengthSomeVersions {
                min,
                max,
                some_versions,
            } => write!(
                f,
                "{min} to {max} characters (some versions accept up to {some_versions})"
            ),
            Rule::Classes { at_least, of } if *at_least == of.len() => {
                write!(f, "contains {}", list(of, "and"))
            }
            Rule::Classes { at_least, of } => {
                write!(f, "contains at least {at_least} of: {}", list(of, "or"))
            }
            Rule::Alphabet => f.write_str("only allowed characters"),
            Rule::VersionDependent => f.write_str("no characters that some versions refuse"),
            Rule::DiffersFromCurrent => f.write_str("differs from the current password"),
        }
    }
}

fn list(classes: &[CharClass], conj: &str) -> String {
    let names: Vec<_> = classes.iter().map(|c| c.name()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {conj} {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// How one rule went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult {
    pub rule: Rule,
    pub severity: Severity,
    pub passed: bool,
    /// What is still missing, in plain words, when the rule is not met
    /// (the English of [`RuleResult::shortfall`]).
    pub missing: Option<String>,
    /// What is still missing, as data, for a front end to word in its
    /// own language (`crate::words`).
    pub shortfall: Option<Shortfall>,
}

impl RuleResult {
    fn new(rule: Rule, severity: Severity, passed: bool, shortfall: Option<Shortfall>) -> Self {
        RuleResult {
            rule,
            severity,
            passed,
            missing: shortfall.as_ref().map(Shortfall::to_string),
            shortfall,
        }
    }
}

/// What a candidate lacks to meet a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shortfall {
    /// Too short by this many characters.
    AddCharacters(usize),
    /// Too long by this many characters.
    RemoveCharacters(usize),
    /// Each of these classes is needed.
    AddClasses(Vec<CharClass>),
    /// `count` more of these classes are needed.
    AddSomeClasses { count: usize, of: Vec<CharClass> },
    /// This many characters are not allowed.
    RemoveRefused(usize),
    /// This many characters are refused by some versions of the API.
    VersionRefused(usize),
    /// `count` characters, more than `max`, which only some versions accept.
    LongerThanSomeVersions { count: usize, max: usize },
    /// The candidate is the current password.
    SameAsCurrent,
}

impl fmt::Display for Shortfall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shortfall::AddCharacters(n) => write!(f, "add {}", more(*n)),
            Shortfall::RemoveCharacters(n) => write!(f, "remove {}", n_characters(*n)),
            Shortfall::AddClasses(of) => write!(f, "add {}", list(of, "and")),
            Shortfall::AddSomeClasses { count, of } => {
                write!(f, "add {count} more of: {}", list(of, "or"))
            }
            Shortfall::RemoveRefused(n) => write!(
                f,
                "remove {} that {} not allowed",
                n_characters(*n),
                if *n == 1 { "is" } else { "are" }
            ),
            Shortfall::VersionRefused(n) => {
                write!(
                    f,
                    "{} may be refused by some API versions",
                    n_characters(*n)
                )
            }
            Shortfall::LongerThanSomeVersions { count, max } => write!(
                f,
                "{count} characters: only some API versions accept more than {max}"
            ),
            Shortfall::SameAsCurrent => f.write_str("choose a password other than the current one"),
        }
    }
}

/// A character that breaks the alphabet. Holds the position, never the
/// character itself, so a report can be logged or printed safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharProblem {
    /// Position of the character, counted from 1 as a person would.
    pub position: usize,
    pub severity: Severity,
    pub reason: &'static str,
    /// The reason as data, for a front end to word in its own language.
    pub kind: CharProblemKind,
}

/// Why a character breaks the alphabet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharProblemKind {
    /// A space, which the operation does not allow.
    Space,
    /// Another character the operation does not allow.
    NotAllowed,
    /// The operation's `version_dependent` entry with this index: some
    /// versions of the API refuse it (a warning). The reason is that
    /// entry's text.
    VersionDependent(usize),
}

/// The outcome of checking one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub rules: Vec<RuleResult>,
    pub characters: Vec<CharProblem>,
}

impl Report {
    /// True when the provider should accept the password: no error-level
    /// rule fails. Warnings may remain.
    pub fn acceptable(&self) -> bool {
        self.failures(Severity::Error).next().is_none()
    }

    /// Rules that fail at exactly the given severity.
    pub fn failures(&self, severity: Severity) -> impl Iterator<Item = &RuleResult> {
        self.rules
            .iter()
            .filter(move |r| !r.passed && r.severity == severity)
    }
}

/// Checks `candidate` against `policy`. `current` is the password being
/// replaced, when the form knows it.
pub fn check(policy: &PasswordPolicy, candidate: &str, current: Option<&str>) -> Report {
    let alphabet = policy.alphabet;
    let mut characters = Vec::new();
    let mut seen = [false; 4];
    let mut count = 0usize;
    for (i, c) in candidate.chars().enumerate() {
        count += 1;
        let version_note = alphabet
            .version_dependent
            .iter()
            .position(|(v, _)| *v == c)
            .map(|at| (at, alphabet.version_dependent[at].1));
        let class = class_of(c, alphabet.specials);
        match (class, version_note) {
            (_, Some((at, why))) => {
                seen[CharClass::Special as usize] = true;
                characters.push(CharProblem {
                    position: i + 1,
                    severity: Severity::Warning,
                    reason: why,
                    kind: CharProblemKind::VersionDependent(at),
                });
            }
            (Some(class), None) => seen[class as usize] = true,
            (None, None) => characters.push(CharProblem {
                position: i + 1,
                severity: Severity::Error,
                reason: if c == ' ' {
                    "is a space, which is not allowed"
                } else {
                    "is not allowed"
                },
                kind: if c == ' ' {
                    CharProblemKind::Space
                } else {
                    CharProblemKind::NotAllowed
                },
            }),
        }
    }

    let mut rules = Vec::with_capacity(6);
    // A policy without a documented length checks none.
    if policy.length.min > 0 || policy.length.max.is_some() {
        rules.push(length_rule(policy, count));
    }
    if let Some(classes) = policy.classes {
        let missing: Vec<CharClass> = classes
            .of
            .iter()
            .copied()
            .filter(|c| !seen[*c as usize])
            .collect();
        let have = classes.of.len() - missing.len();
        let passed = have >= classes.at_least;
        rules.push(RuleResult::new(
            Rule::Classes {
                at_least: classes.at_least,
                of: classes.of,
            },
            Severity::Error,
            passed,
            (!passed).then(|| {
                let need = classes.at_least - have;
                if need == missing.len() {
                    Shortfall::AddClasses(missing)
                } else {
                    Shortfall::AddSomeClasses {
                        count: need,
                        of: missing,
                    }
                }
            }),
        ));
    }
    let bad = characters
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    rules.push(RuleResult::new(
        Rule::Alphabet,
        Severity::Error,
        bad == 0,
        (bad > 0).then_some(Shortfall::RemoveRefused(bad)),
    ));
    if !alphabet.version_dependent.is_empty() {
        let odd = characters.len() - bad;
        rules.push(RuleResult::new(
            Rule::VersionDependent,
            Severity::Warning,
            odd == 0,
            (odd > 0).then_some(Shortfall::VersionRefused(odd)),
        ));
    }
    if let Some(current) = current {
        let passed = current != candidate;
        rules.push(RuleResult::new(
            Rule::DiffersFromCurrent,
            policy.differ_from_current,
            passed,
            (!passed).then_some(Shortfall::SameAsCurrent),
        ));
    }
    Report { rules, characters }
}

fn length_rule(policy: &PasswordPolicy, count: usize) -> RuleResult {
    let LengthRule {
        min,
        max,
        max_some_versions,
    } = policy.length;
    // Lengths that only some versions accept are a warning.
    let hard_max = max_some_versions.or(max);
    let within_hard = count >= min && hard_max.is_none_or(|m| count <= m);
    let missing = if count < min {
        Some(Shortfall::AddCharacters(min - count))
    } else {
        hard_max
            .filter(|m| count > *m)
            .map(|m| Shortfall::RemoveCharacters(count - m))
    };
    match (max, max_some_versions) {
        (Some(max), Some(some_versions)) => {
            let soft = within_hard && count > max;
            RuleResult::new(
                Rule::LengthSomeVersions {
                    min,
                    max,
                    some_versions,
                },
                if soft {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                within_hard && !soft,
                if soft {
                    Some(Shortfall::LongerThanSomeVersions { count, max })
                } else {
                    missing
                },
            )
        }
        _ => RuleResult::new(
            Rule::Length { min, max: hard_max },
            Severity::Error,
            within_hard,
            missing,
        ),
    }
}

/// "1 more character", "3 more characters".
fn more(n: usize) -> String {
    match n {
        1 => "1 more character".to_owned(),
        n => format!("{n} more characters"),
    }
}

/// "1 character", "2 characters".
fn n_characters(n: usize) -> String {
    match n {
        1 => "1 character".to_owned(),
        n => format!("{n} characters"),
    }
}
