//! Core values in the current language's words: providers, password rules
//! and what a candidate lacks, strength, the catalogue's texts (titles,
//! notes, fields), outcomes and the journal's statuses, for every front end
//! that shows them.
//!
//! What a change came to (outcomes, where the passwords are, the journal's
//! words, a settled change) is in `changes`.
//!
//! It sits above the core (it reads the catalogue, rules, outcomes, the
//! journal and the rotation's whereabouts), over `i18n`, which is below
//! everything: the core's errors word themselves through `i18n` in their
//! `Display`, and so cannot use this module.

use crate::catalog::{Field, Operation, Provider};
use crate::request::InputError;
use crate::rules::{CharClass, CharProblem, CharProblemKind, Rule, Shortfall};
use crate::shown::shown;
use crate::tr;
use crate::vault::{ResourceKey, Verification};

use crate::i18n::{Lang, list, tr, tr_or};

mod changes;
#[cfg(test)]
mod every_error;
#[cfg(test)]
mod every_variant;
mod proof;
#[cfg(test)]
mod tests;

pub use changes::{
    decided, decided_by_name, detail, detail_in, headline, hint, journal_status, open_attempt,
    outcome, outcome_json, settlement, status_title, status_title_in, whereabouts, whereabouts_in,
};
pub use proof::{no_login, not_available, proof, proven};

/// The provider's name as its own console writes it ("阿里云").
pub fn provider(p: Provider) -> String {
    provider_in(crate::i18n::language(), p)
}

/// The provider's name in `lang`.
pub fn provider_in(lang: Lang, p: Provider) -> String {
    let id = match p {
        Provider::Alibaba => "provider-alibaba",
        Provider::Huawei => "provider-huawei",
        Provider::UCloud => "provider-ucloud",
        Provider::Tencent => "provider-tencent",
    };
    crate::i18n::tr_in(lang, id, None)
}

/// "a lower-case letter", "小写字母".
pub fn char_class(c: CharClass) -> String {
    tr(match c {
        CharClass::Lower => "class-lower",
        CharClass::Upper => "class-upper",
        CharClass::Digit => "class-digit",
        CharClass::Special => "class-special",
        CharClass::Letter => "class-letter",
    })
}

fn classes(of: &[CharClass], last: &str) -> String {
    let names: Vec<String> = of.iter().map(|c| char_class(*c)).collect();
    list(&names, last)
}

/// A password rule: "8 to 32 characters".
pub fn rule(r: &Rule) -> String {
    match r {
        Rule::Length {
            min,
            max: Some(max),
        } => tr!("rule-length-range", min = *min, max = *max),
        Rule::Length { min, max: None } => tr!("rule-length-min", min = *min),
        Rule::LengthSomeVersions {
            min,
            max,
            some_versions,
        } => tr!(
            "rule-length-some-versions",
            min = *min,
            max = *max,
            some = *some_versions
        ),
        Rule::Classes { at_least, of } if *at_least == of.len() => {
            tr!("rule-classes-all", classes = classes(of, "list-and"))
        }
        Rule::Classes { at_least, of } => tr!(
            "rule-classes-some",
            count = *at_least,
            classes = classes(of, "list-or")
        ),
        Rule::Alphabet => tr("rule-alphabet"),
        Rule::VersionDependent => tr("rule-version-dependent"),
        Rule::NotFirst { chars } => tr!("rule-not-first", chars = *chars),
        Rule::DiffersFromCurrent => tr("rule-differs"),
    }
}

/// What a candidate still lacks: "add 3 more characters".
pub fn shortfall(s: &Shortfall) -> String {
    match s {
        Shortfall::AddCharacters(n) => tr!("shortfall-add-characters", count = *n),
        Shortfall::RemoveCharacters(n) => tr!("shortfall-remove-characters", count = *n),
        Shortfall::AddClasses(of) => {
            tr!("shortfall-add-classes", classes = classes(of, "list-and"))
        }
        Shortfall::AddSomeClasses { count, of } => tr!(
            "shortfall-add-some-classes",
            count = *count,
            classes = classes(of, "list-or")
        ),
        Shortfall::RemoveRefused(n) => tr!("shortfall-remove-refused", count = *n),
        Shortfall::VersionRefused(n) => tr!("shortfall-version-refused", count = *n),
        Shortfall::LongerThanSomeVersions { count, max } => tr!(
            "shortfall-longer-than-some-versions",
            count = *count,
            max = *max
        ),
        Shortfall::ChangeFirst => tr("shortfall-change-first"),
        Shortfall::SameAsCurrent => tr("shortfall-same-as-current"),
    }
}

/// A rule as a checklist shows it: the rule, and what the candidate still
/// lacks if it breaks it ("8 to 32 characters: add 3 more characters").
pub fn rule_result(r: &crate::rules::RuleResult) -> String {
    match &r.shortfall {
        Some(s) => tr!(
            "rule-with-shortfall",
            rule = rule(&r.rule),
            shortfall = shortfall(s)
        ),
        None => rule(&r.rule),
    }
}

/// Why a character of a candidate for `op` is refused or warned about.
pub fn char_problem(op: &Operation, p: &CharProblem) -> String {
    match p.kind {
        CharProblemKind::Space => tr("char-space"),
        CharProblemKind::NotAllowed => tr("char-not-allowed"),
        CharProblemKind::VersionDependent(at) => version_note(op, at),
    }
}

/// The word for a strength score (0 to 4).
pub fn strength_label(score: u8) -> String {
    tr(match score {
        0 => "strength-0",
        1 => "strength-1",
        2 => "strength-2",
        3 => "strength-3",
        _ => "strength-4",
    })
}

/// zxcvbn's feedback on a password (a warning or a suggestion, in its
/// English) in the current language; feedback this table does not know
/// stays English.
pub fn strength_feedback(english: &str) -> String {
    STRENGTH_FEEDBACK
        .iter()
        .find(|(e, _)| *e == english)
        .map_or_else(|| english.to_owned(), |(_, id)| tr(id))
}

/// zxcvbn's English for each warning and suggestion, and its message.
pub(super) const STRENGTH_FEEDBACK: &[(&str, &str)] = &[
    (
        "Straight rows of keys are easy to guess.",
        "strength-warning-straight-rows",
    ),
    (
        "Short keyboard patterns are easy to guess.",
        "strength-warning-short-keyboard-pattern",
    ),
    (
        r#"Repeats like "aaa" are easy to guess."#,
        "strength-warning-repeats",
    ),
    (
        r#"Repeats like "abcabcabc" are only slightly harder to guess than "abc"."#,
        "strength-warning-repeated-sequence",
    ),
    (
        "This is a top-10 common password.",
        "strength-warning-top-10",
    ),
    (
        "This is a top-100 common password.",
        "strength-warning-top-100",
    ),
    ("This is a very common password.", "strength-warning-common"),
    (
        "This is similar to a commonly used password.",
        "strength-warning-similar-to-common",
    ),
    (
        "Sequences like abc or 6543 are easy to guess.",
        "strength-warning-sequences",
    ),
    (
        "Recent years are easy to guess.",
        "strength-warning-recent-years",
    ),
    (
        "A word by itself is easy to guess.",
        "strength-warning-word",
    ),
    ("Dates are often easy to guess.", "strength-warning-dates"),
    (
        "Names and surnames by themselves are easy to guess.",
        "strength-warning-names",
    ),
    (
        "Common names and surnames are easy to guess.",
        "strength-warning-common-names",
    ),
    (
        "Use a few words, avoid common phrases.",
        "strength-tip-few-words",
    ),
    (
        "No need for symbols, digits, or uppercase letters.",
        "strength-tip-no-need-for-symbols",
    ),
    (
        "Add another word or two. Uncommon words are better.",
        "strength-tip-add-words",
    ),
    (
        "Capitalization doesn't help very much.",
        "strength-tip-capitalization",
    ),
    (
        "All-uppercase is almost as easy to guess as all-lowercase.",
        "strength-tip-all-uppercase",
    ),
    (
        "Reversed words aren't much harder to guess.",
        "strength-tip-reversed-words",
    ),
    (
        "Predictable substitutions like '@' instead of 'a' don't help very much.",
        "strength-tip-substitutions",
    ),
    (
        "Use a longer keyboard pattern with more turns.",
        "strength-tip-longer-keyboard-pattern",
    ),
    (
        "Avoid repeated words and characters.",
        "strength-tip-avoid-repeats",
    ),
    ("Avoid sequences.", "strength-tip-avoid-sequences"),
    ("Avoid recent years.", "strength-tip-avoid-recent-years"),
    (
        "Avoid years that are associated with you.",
        "strength-tip-avoid-your-years",
    ),
    (
        "Avoid dates and years that are associated with you.",
        "strength-tip-avoid-your-dates",
    ),
];

/// A time to crack, rounded down to its largest unit as zxcvbn does:
/// "3 hours", "centuries".
pub fn crack_time(seconds: u64) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = MINUTE * 60;
    const DAY: u64 = HOUR * 24;
    const MONTH: u64 = DAY * 31;
    const YEAR: u64 = MONTH * 12;
    const CENTURY: u64 = YEAR * 100;
    let (id, unit) = match seconds {
        0 => return tr("time-less-than-second"),
        s if s < MINUTE => ("time-seconds", 1),
        s if s < HOUR => ("time-minutes", MINUTE),
        s if s < DAY => ("time-hours", HOUR),
        s if s < MONTH => ("time-days", DAY),
        s if s < YEAR => ("time-months", MONTH),
        s if s < CENTURY => ("time-years", YEAR),
        _ => return tr("time-centuries"),
    };
    tr!(id, count = seconds / unit)
}

/// The catalogue's message id for `op` and `rest`: `catalog-<op>-<rest>`,
/// with every dot as a dash (Fluent ids have no dots; op ids and some wire
/// names, `Accounts.0.User`, do).
pub fn catalog_id(op: &Operation, rest: &str) -> String {
    format!("catalog-{}-{rest}", op.id).replace('.', "-")
}

/// What the operation does.
pub fn title(op: &Operation) -> String {
    tr_or(&catalog_id(op, "title"), op.title)
}

/// The operation's notes, in order.
pub fn notes(op: &Operation) -> Vec<String> {
    op.notes
        .iter()
        .enumerate()
        .map(|(i, note)| tr_or(&catalog_id(op, &format!("note-{}", i + 1)), note))
        .collect()
}

/// The catalogue's message id for the name of an expiry's zone
/// (`catalog-zone-beijing-time`).
fn zone_id(zone_name: &str) -> String {
    format!(
        "catalog-zone-{}",
        zone_name.to_ascii_lowercase().replace(' ', "-")
    )
}

/// "Beijing time (UTC+8)" ([`ExpirySpec::zone`]) in the current language.
pub fn expiry_zone(spec: &crate::catalog::ExpirySpec) -> String {
    let (h, m, _) = spec.utc_offset.as_hms();
    let offset = if m == 0 {
        format!("{h:+}")
    } else {
        format!("{h:+}:{:02}", m.abs())
    };
    let name = tr_or(&zone_id(spec.zone_name), spec.zone_name);
    tr!("form-widget-zone", name = name, offset = offset)
}

/// A field's label.
pub fn field_label(op: &Operation, f: &Field) -> String {
    tr_or(&catalog_id(op, &format!("{}-label", f.wire_name)), f.label)
}

/// A field's help.
pub fn field_help(op: &Operation, f: &Field) -> String {
    tr_or(&catalog_id(op, &format!("{}-help", f.wire_name)), f.help)
}

/// The label of a choice `value` of a field, given its English `label`.
pub fn choice_label(op: &Operation, f: &Field, value: &str, label: &str) -> String {
    tr_or(
        &catalog_id(op, &format!("{}-choice-{value}", f.wire_name)),
        label,
    )
}

/// What an empty value of the field means ("removes the group's password:
/// …"), if it means something.
pub fn empty_means(op: &Operation, f: &Field) -> Option<String> {
    f.empty_means
        .map(|means| tr_or(&catalog_id(op, &format!("{}-empty", f.wire_name)), means))
}

/// Why entry `at` of the policy's version-dependent characters is a warning.
pub fn version_note(op: &Operation, at: usize) -> String {
    let english = op
        .new_password
        .policy
        .alphabet
        .version_dependent
        .get(at)
        .map_or("", |(_, why)| why);
    tr_or(&catalog_id(op, &format!("char-{}", at + 1)), english)
}

/// Every catalogue message id with the English it translates, in order:
/// what `catalog.ftl` of each other language must cover exactly.
pub fn catalog_texts() -> Vec<(String, &'static str)> {
    let mut texts = Vec::new();
    for op in crate::catalog::CATALOG {
        texts.push((catalog_id(op, "title"), op.title));
        for (i, note) in op.notes.iter().enumerate() {
            texts.push((catalog_id(op, &format!("note-{}", i + 1)), *note));
        }
        for f in op.fields {
            let w = f.wire_name;
            texts.push((catalog_id(op, &format!("{w}-label")), f.label));
            texts.push((catalog_id(op, &format!("{w}-help")), f.help));
            if let crate::catalog::FieldKind::Choice(choices) = f.kind {
                for (value, label) in choices {
                    texts.push((catalog_id(op, &format!("{w}-choice-{value}")), *label));
                }
            }
            if let Some(means) = f.empty_means {
                texts.push((catalog_id(op, &format!("{w}-empty")), means));
            }
        }
        for (i, (_, why)) in op
            .new_password
            .policy
            .alphabet
            .version_dependent
            .iter()
            .enumerate()
        {
            texts.push((catalog_id(op, &format!("char-{}", i + 1)), *why));
        }
        if let Some(expiry) = &op.old_password_expiry {
            let zone = (zone_id(expiry.zone_name), expiry.zone_name);
            if !texts.contains(&zone) {
                texts.push(zone);
            }
        }
    }
    texts
}

/// An id syntax of the catalogue in words ("1 to 64 ASCII letters, …");
/// one the words do not know keeps the catalogue's English.
pub fn id_syntax(describe: &'static str) -> String {
    use crate::catalog::{CLOUD_ID, CONSUMER_GROUP_USER, DATABASE_ACCOUNT};
    match describe {
        d if d == CLOUD_ID.describe => tr("form-input-path-id"),
        d if d == CONSUMER_GROUP_USER.describe => tr("form-input-consumer-group-user"),
        d if d == DATABASE_ACCOUNT.describe => tr("form-input-database-account"),
        _ => describe.to_owned(),
    }
}

/// An input error in the interface's language, naming fields by their
/// wire names (what the command line takes).
pub fn input_error(e: &InputError) -> String {
    match e {
        InputError::Missing(field) => tr!("input-missing", field = *field),
        InputError::NotAChoice { field, allowed } => {
            tr!(
                "input-not-a-choice",
                field = *field,
                allowed = allowed.as_str()
            )
        }
        InputError::BadDateTime { field, pattern } => {
            tr!("input-bad-date-time", field = *field, pattern = *pattern)
        }
        InputError::ControlCharacter(field) => tr!("input-control-character", field = *field),
        InputError::SecretAsPlainText { field, .. } => {
            tr!("input-secret-as-plain-text", field = *field)
        }
        InputError::RegionAsField(field) => tr!("input-region-as-field", field = *field),
        InputError::UnknownField { op, name, known } => tr!(
            "input-unknown-field",
            op = *op,
            name = format!("{name:?}"),
            known = known.as_str()
        ),
        InputError::EmptyNotConfirmed { field, means } => {
            let means = crate::catalog::CATALOG
                .iter()
                .flat_map(|op| op.fields.iter().map(move |f| (*op, f)))
                .find(|(_, f)| f.wire_name == *field && f.empty_means == Some(*means))
                .and_then(|(op, f)| empty_means(op, f))
                .unwrap_or_else(|| (*means).to_owned());
            tr!("input-empty-not-confirmed", field = *field, means = means)
        }
        InputError::PasswordRules { op, .. } => tr!("input-password-rules", op = *op),
        InputError::ExpiryInPast { field, at } => {
            tr!("input-expiry-in-past", field = *field, at = at.as_str())
        }
        InputError::UnsafePathValue(field) => tr!("input-unsafe-path-value", field = *field),
        InputError::NotAnId { field, describe } => tr!(
            "input-not-an-id",
            field = *field,
            describe = id_syntax(describe)
        ),
        InputError::Region(e) => e.to_string(),
    }
}

/// A resource in the current language's words, by its fields' labels:
/// "Huawei Cloud DCS Instance ID 5560df16 in cn-north-4" (in English, the
/// same as [`ResourceKey::human_name`]).
pub fn resource_name(key: &ResourceKey) -> String {
    let Some(op) = key.operation() else {
        return key.to_string();
    };
    let label = |wire: &str| {
        op.field(wire)
            .map_or_else(|| wire.to_owned(), |f| field_label(op, f))
    };
    let mut ids: Vec<String> = op
        .resource_fields
        .iter()
        .zip(&key.ids)
        .map(|(f, v)| format!("{} {}", label(f), v.escape_debug()))
        .collect();
    if let (Some(user), Some(field)) = (&key.user, op.user_field_apart()) {
        ids.push(format!("{} {}", label(field), user.escape_debug()));
    }
    let provider = provider(op.provider);
    let ids = ids.join(&tr("list-separator"));
    if key.region == "-" {
        tr!(
            "resource-name",
            provider = provider,
            product = op.product,
            ids = ids
        )
    } else {
        tr!(
            "resource-name-in-region",
            provider = provider,
            product = op.product,
            ids = ids,
            region = key.region.escape_debug().to_string()
        )
    }
}

/// What a key's verification found, in one line (the profile's record
/// keeps the fact, [`Verification`]).
pub fn verification(found: &Verification) -> String {
    match found {
        Verification::Works {
            identity: Some(who),
        } => tr!("verify-works-as", who = shown(who)),
        Verification::Works { identity: None } => tr("verify-works"),
        Verification::WrongSecret => tr("verify-signature-mismatch"),
        Verification::UnknownKey => tr("verify-unknown-key"),
        Verification::ClockSkew => tr("verify-clock-skew"),
        Verification::NoPermission => tr("verify-no-permission"),
        Verification::Unreachable => tr("verify-not-sent"),
        Verification::NoAnswer => tr("verify-unknown"),
        Verification::Refused => tr("verify-refused"),
        // An earlier Keyturn's own English words, as recorded.
        Verification::Recorded { text } => shown(text).into_owned(),
    }
}
