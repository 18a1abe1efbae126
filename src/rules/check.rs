//! Checks a candidate password against an operation's policy.
//!
//! The result says, rule by rule, what passes and what is still missing, and
//! character by character, which ones break the allowed alphabet. It runs in
//! one pass over the characters, so a pasted 10,000-character string costs
//! microseconds.

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
    /// Does not start with one of these characters.
    NotFirst { chars: &'static str },
    /// Differs from the current password.
    DiffersFromCurrent,
}

/// How one rule went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult {
    pub rule: Rule,
    pub severity: Severity,
    pub passed: bool,
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
    /// The candidate starts with a character it must not start with.
    ChangeFirst,
    /// The candidate is the current password.
    SameAsCurrent,
}

/// A character that breaks the alphabet. Holds the position, never the
/// character itself, so a report can be logged or printed safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharProblem {
    /// Position of the character, counted from 1 as a person would.
    pub position: usize,
    pub severity: Severity,
    /// Why, for a front end to word in its own language.
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
    // By `CharClass as usize`; `Letter` is filled in after the loop.
    let mut seen = [false; 5];
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
            (_, Some((at, _))) => {
                seen[CharClass::Special as usize] = true;
                characters.push(CharProblem {
                    position: i + 1,
                    severity: Severity::Warning,
                    kind: CharProblemKind::VersionDependent(at),
                });
            }
            (Some(class), None) => seen[class as usize] = true,
            (None, None) => characters.push(CharProblem {
                position: i + 1,
                severity: Severity::Error,
                kind: if c == ' ' {
                    CharProblemKind::Space
                } else {
                    CharProblemKind::NotAllowed
                },
            }),
        }
    }

    seen[CharClass::Letter as usize] =
        seen[CharClass::Lower as usize] || seen[CharClass::Upper as usize];

    let mut rules = Vec::with_capacity(7);
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
    if !alphabet.not_first.is_empty() {
        let passed = candidate
            .chars()
            .next()
            .is_none_or(|c| !alphabet.not_first.contains(c));
        rules.push(RuleResult::new(
            Rule::NotFirst {
                chars: alphabet.not_first,
            },
            Severity::Error,
            passed,
            (!passed).then_some(Shortfall::ChangeFirst),
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
