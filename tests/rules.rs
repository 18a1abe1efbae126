//! Every password rule of the five operations, one case each: a password
//! that is fine except for one thing must fail exactly that rule. Dropping
//! a rule from the catalogue makes its case fail here.

mod common;

use common::{CONSUMER_GROUP, DCS, DTS_JOB, TCAPLUS, UREDIS};
use keyturn::catalog::find;
use keyturn::rules::check::Rule;
use keyturn::rules::{Report, Severity, check};

fn report(op: &str, candidate: &str, current: Option<&str>) -> Report {
    check(&find(op).unwrap().new_password.policy, candidate, current)
}

fn failed(r: &Report, severity: Severity) -> Vec<Rule> {
    r.failures(severity).map(|f| f.rule.clone()).collect()
}

/// `candidate` breaks exactly one error-level rule, of the given kind.
fn breaks(op: &str, candidate: &str, current: Option<&str>, rule: fn(&Rule) -> bool) {
    let r = report(op, candidate, current);
    let errors = failed(&r, Severity::Error);
    assert!(!r.acceptable(), "{op}: {candidate:?} should be refused");
    assert_eq!(errors.len(), 1, "{op}: {candidate:?}: {errors:?}");
    assert!(rule(&errors[0]), "{op}: {candidate:?}: {errors:?}");
}

fn accepts(op: &str, candidate: &str, current: Option<&str>) {
    let r = report(op, candidate, current);
    assert!(
        r.acceptable(),
        "{op}: {candidate:?}: {:?}",
        failed(&r, Severity::Error)
    );
}

fn is_length(r: &Rule) -> bool {
    matches!(r, Rule::Length { .. } | Rule::LengthSomeVersions { .. })
}
fn is_classes(r: &Rule) -> bool {
    matches!(r, Rule::Classes { .. })
}
fn is_alphabet(r: &Rule) -> bool {
    matches!(r, Rule::Alphabet)
}
fn is_differs(r: &Rule) -> bool {
    matches!(r, Rule::DiffersFromCurrent)
}

#[test]
fn consumer_group_length_8_to_32() {
    breaks(CONSUMER_GROUP, "Abcdef1", None, is_length);
    accepts(CONSUMER_GROUP, "Abcdefg1", None);
    accepts(CONSUMER_GROUP, &format!("Ab{}", "c".repeat(30)), None);
    breaks(
        CONSUMER_GROUP,
        &format!("Ab{}", "c".repeat(31)),
        None,
        is_length,
    );
}

#[test]
fn consumer_group_needs_two_classes() {
    breaks(CONSUMER_GROUP, "abcdefghij", None, is_classes);
    accepts(CONSUMER_GROUP, "abcdefghi1", None);
    accepts(CONSUMER_GROUP, "abcdefghi!", None);
    accepts(CONSUMER_GROUP, "ABCDEFGHIj", None);
}

#[test]
fn consumer_group_printable_ascii_only() {
    breaks(CONSUMER_GROUP, "abcd efgh1", None, is_alphabet);
    breaks(CONSUMER_GROUP, "abcdéfgh1", None, is_alphabet);
}

#[test]
fn consumer_group_same_as_current_is_a_warning() {
    let r = report(CONSUMER_GROUP, "Test123456", Some("Test123456"));
    assert!(r.acceptable());
    assert_eq!(
        failed(&r, Severity::Warning),
        vec![Rule::DiffersFromCurrent]
    );
}

#[test]
fn dts_job_password_must_differ_from_current() {
    breaks(DTS_JOB, "Test123456", Some("Test123456"), is_differs);
    accepts(DTS_JOB, "Test654321", Some("Test123456"));
    breaks(DTS_JOB, "", None, is_length);
}

#[test]
fn dcs_length_8_to_32_and_up_to_64_as_a_warning() {
    let base = "aB1~";
    breaks(DCS, "aB1~xyz", None, is_length);
    accepts(DCS, &format!("{base}{}", "x".repeat(28)), None);
    let r = report(DCS, &format!("{base}{}", "x".repeat(29)), None);
    assert!(r.acceptable());
    assert!(matches!(
        failed(&r, Severity::Warning)[..],
        [Rule::LengthSomeVersions {
            min: 8,
            max: 32,
            some_versions: 64
        }]
    ));
    accepts(DCS, &format!("{base}{}", "x".repeat(60)), None);
    breaks(DCS, &format!("{base}{}", "x".repeat(61)), None, is_length);
}

#[test]
fn dcs_needs_three_of_four_classes() {
    breaks(DCS, "abcdEFGH", None, is_classes);
    accepts(DCS, "abcdEF12", None);
    accepts(DCS, "abcd12#$", None);
    accepts(DCS, "ABCD12#$", None);
}

#[test]
fn dcs_special_characters_are_a_fixed_set() {
    // Every Huawei version's list starts with the backtick.
    for ok in "`~!@#$^&*()-_=+\\|{},<.>/?".chars() {
        accepts(DCS, &format!("abcD12{ok}x"), None);
    }
    for bad in [' ', '\'', '"', ';', '[', ']', 'é'] {
        breaks(DCS, &format!("abcD12{bad}x"), None, is_alphabet);
    }
}

#[test]
fn dcs_percent_and_colon_are_version_dependent_warnings() {
    for c in ['%', ':'] {
        let pw = format!("abcD12{c}x");
        let r = report(DCS, &pw, None);
        assert!(r.acceptable(), "{pw}");
        assert_eq!(failed(&r, Severity::Warning), vec![Rule::VersionDependent]);
        assert_eq!(r.characters.len(), 1);
        assert_eq!(r.characters[0].position, 7);
    }
}

#[test]
fn dcs_must_differ_from_old() {
    breaks(DCS, "abcdEF12", Some("abcdEF12"), is_differs);
    accepts(DCS, "abcdEF12", Some("abcdEF13"));
}

#[test]
fn uredis_length_6_to_36() {
    breaks(UREDIS, "abc12", None, is_length);
    accepts(UREDIS, "abc123", None);
    accepts(UREDIS, &"a".repeat(36), None);
    breaks(UREDIS, &"a".repeat(37), None, is_length);
}

#[test]
fn uredis_only_letters_digits_dash_underscore() {
    accepts(UREDIS, "Ab-_12", None);
    for bad in ['!', '@', ' ', '.', '~'] {
        breaks(UREDIS, &format!("Ab12{bad}x"), None, is_alphabet);
    }
}

#[test]
fn tcaplus_needs_lower_upper_and_digit() {
    breaks(TCAPLUS, "abcdefg1", None, is_classes);
    breaks(TCAPLUS, "ABCDEFG1", None, is_classes);
    breaks(TCAPLUS, "abcdEFGH", None, is_classes);
    accepts(TCAPLUS, "abcdEFG1", None);
    // The provider page's own example breaks its rule; the rule wins.
    breaks(TCAPLUS, "99c59cb345c61063db", None, is_classes);
}

/// The SDK model: "密码必须是a-zA-Z0-9的字符" — letters and digits only.
#[test]
fn tcaplus_letters_and_digits_only() {
    for bad in ['!', '_', ' ', '-', 'é', '中', '`'] {
        breaks(TCAPLUS, &format!("abcD12{bad}x"), None, is_alphabet);
    }
    // No length is documented: nothing but the classes limits it.
    accepts(TCAPLUS, "aB1", None);
    let r = report(TCAPLUS, "aB1", None);
    assert!(
        !r.rules.iter().any(|rule| is_length(&rule.rule)),
        "an undocumented length rule is checked: {:?}",
        r.rules
    );
}

#[test]
fn missing_classes_are_named() {
    let r = report(TCAPLUS, "abcdefgh", None);
    let classes = r.rules.iter().find(|x| is_classes(&x.rule)).unwrap();
    assert_eq!(
        keyturn::words::shortfall(classes.shortfall.as_ref().unwrap()),
        "add an upper-case letter and a digit"
    );
    let r = report(DCS, "abcdefgh", None);
    let classes = r.rules.iter().find(|x| is_classes(&x.rule)).unwrap();
    assert_eq!(
        keyturn::words::shortfall(classes.shortfall.as_ref().unwrap()),
        "add 2 more of: an upper-case letter, a digit or a special character"
    );
}

#[test]
fn a_pasted_10000_character_string_is_checked_whole() {
    let long = "aB1~".repeat(2500);
    let r = report(DCS, &long, None);
    assert!(!r.acceptable());
    let length = r.rules.iter().find(|x| is_length(&x.rule)).unwrap();
    assert_eq!(
        keyturn::words::shortfall(length.shortfall.as_ref().unwrap()),
        "remove 9936 characters"
    );
}
