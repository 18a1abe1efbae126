//! Every password rule of the operations, one case each: a password
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

// The ten operations added later, each as a table: candidate → accepted,
// refused for exactly one rule, or accepted with exactly one warning. Each
// table follows the page its catalogue entry cites (quoted above each);
// a wrong length, class count, special set or first-character rule in the
// policy data makes a row fail.

const KVSTORE_MODIFY: &str = "aliyun.r-kvstore.modify-account-password";
const KVSTORE_RESET: &str = "aliyun.r-kvstore.reset-account-password";
const RDS_RESET: &str = "aliyun.rds.reset-account-password";
const POLARDB: &str = "aliyun.polardb.modify-account-password";
const REDIS_MODIFY: &str = "tencentcloud.redis.modify-instance-password";
const REDIS_RESET: &str = "tencentcloud.redis.reset-password";
const CDB: &str = "tencentcloud.cdb.modify-account-password";
const HUAWEI_RDS: &str = "huaweicloud.rds.reset-password";
const DDS: &str = "huaweicloud.dds.reset-password";
const UDB: &str = "ucloud.udb.modify-instance-password";

/// What a row expects of a candidate.
#[derive(Clone, Copy)]
enum Want {
    Accept,
    /// Refused for exactly one error-level rule, this one.
    Refuse(fn(&Rule) -> bool),
    /// Accepted, with exactly one warning, this one.
    Warn(fn(&Rule) -> bool),
}
use Want::{Accept, Refuse, Warn};

fn is_not_first(r: &Rule) -> bool {
    matches!(r, Rule::NotFirst { .. })
}
fn is_version_dependent(r: &Rule) -> bool {
    matches!(r, Rule::VersionDependent)
}

fn matrix(op: &str, rows: &[(String, Option<&str>, Want)]) {
    for (candidate, current, want) in rows {
        let (candidate, current) = (candidate.as_str(), *current);
        match want {
            Accept => {
                let r = report(op, candidate, current);
                accepts(op, candidate, current);
                assert!(
                    failed(&r, Severity::Warning).is_empty(),
                    "{op}: {candidate:?} warns: {:?}",
                    failed(&r, Severity::Warning)
                );
            }
            Refuse(rule) => breaks(op, candidate, current, *rule),
            Warn(rule) => {
                let r = report(op, candidate, current);
                assert!(r.acceptable(), "{op}: {candidate:?}");
                let warnings = failed(&r, Severity::Warning);
                assert_eq!(warnings.len(), 1, "{op}: {candidate:?}: {warnings:?}");
                assert!(rule(&warnings[0]), "{op}: {candidate:?}: {warnings:?}");
            }
        }
    }
}

fn row(candidate: impl Into<String>, want: Want) -> (String, Option<&'static str>, Want) {
    (candidate.into(), None, want)
}

/// Rows for a length rule of `min` to `max`, padding `base` (which meets
/// every other rule) with `pad`.
fn lengths(
    base: &str,
    pad: char,
    min: usize,
    max: usize,
) -> Vec<(String, Option<&'static str>, Want)> {
    let n = base.chars().count();
    let of = |len: usize| format!("{base}{}", pad.to_string().repeat(len - n));
    vec![
        row(
            base.chars().take(min - 1).collect::<String>(),
            Refuse(is_length),
        ),
        row(of(min), Accept),
        row(of(max), Accept),
        row(of(max + 1), Refuse(is_length)),
    ]
}

/// Alibaba Cloud's R-KVStore, RDS and PolarDB pages, in the same words:
/// "8 to 32 characters in length and must contain at least three of the
/// following character types: uppercase letters, lowercase letters,
/// digits, and special characters. Special characters include
/// `!@#$%^&*()_+-=`."
fn alibaba_account_rows() -> Vec<(String, Option<&'static str>, Want)> {
    let mut rows = lengths("Abcd12!", 'x', 8, 32);
    rows.extend([
        row("abcdefg12", Refuse(is_classes)),
        row("ABCDEFG!!", Refuse(is_classes)),
        row("abcdefG1", Accept),
        row("abcdefg1!", Accept),
        row("ABCDEFG1!", Accept),
    ]);
    for c in "!@#$%^&*()_+-=".chars() {
        rows.push(row(format!("Abcdefg1{c}"), Accept));
    }
    for c in ['.', '~', '?', '/', ',', ' ', '"', '\'', 'é'] {
        rows.push(row(format!("Abcdefg1{c}"), Refuse(is_alphabet)));
    }
    rows
}

#[test]
fn kvstore_modify_account_password_matrix() {
    let mut rows = alibaba_account_rows();
    // Undocumented: the same password again is only a warning.
    rows.push(("Abcdefg1!".into(), Some("Abcdefg1!"), Warn(is_differs)));
    rows.push(("Abcdefg1!".into(), Some("Abcdefg2!"), Accept));
    matrix(KVSTORE_MODIFY, &rows);
}

#[test]
fn kvstore_reset_account_password_matrix() {
    matrix(KVSTORE_RESET, &alibaba_account_rows());
}

#[test]
fn rds_reset_account_password_matrix() {
    matrix(RDS_RESET, &alibaba_account_rows());
}

#[test]
fn polardb_modify_account_password_matrix() {
    matrix(POLARDB, &alibaba_account_rows());
}

/// Tencent Redis, both SDK models: "不能以"/"开头。至少包含小写字母a - z、大写
/// 字母A - Z、数字0 - 9、特殊字符 ()~!@#$%^&*-+=_|{}[]:;<>,.?/中的两项。"
fn tencent_redis_rows(max: usize) -> Vec<(String, Option<&'static str>, Want)> {
    let mut rows = lengths("abcdef1", 'x', 8, max);
    rows.extend([
        row("abcdefgh", Refuse(is_classes)),
        row("12345678", Refuse(is_classes)),
        row("abcdefg1", Accept),
        row("ABCDEFGh", Accept),
        row("/abcdefg1", Refuse(is_not_first)),
        row("abcdefg1/", Accept),
        row("a/bcdefg1", Accept),
    ]);
    for c in "()~!@#$%^&*-+=_|{}[]:;<>,.?/".chars() {
        rows.push(row(format!("abcdefg{c}"), Accept));
    }
    for c in ['\'', '"', '`', '\\', ' ', 'é', '中'] {
        rows.push(row(format!("abcdefg1{c}"), Refuse(is_alphabet)));
    }
    rows
}

/// ModifyInstancePassword: "长度8 - 30位".
#[test]
fn tencent_redis_modify_instance_password_matrix() {
    let mut rows = tencent_redis_rows(30);
    rows.push(("abcdefg1".into(), Some("abcdefg1"), Warn(is_differs)));
    matrix(REDIS_MODIFY, &rows);
}

/// ResetPassword: "长度8-32位".
#[test]
fn tencent_redis_reset_password_matrix() {
    matrix(REDIS_RESET, &tencent_redis_rows(32));
}

/// Tencent CDB's SDK model: "密码应至少包含字母、数字和字符（_+-&=!@#$%^*()）中的
/// 两种，长度为8-64个字符": letters of either case are one kind.
#[test]
fn tencent_cdb_modify_account_password_matrix() {
    let mut rows = lengths("abcdef1", 'x', 8, 64);
    rows.extend([
        row("abcdEFGH", Refuse(is_classes)),
        row("12345678", Refuse(is_classes)),
        row("!@#$%^*(", Refuse(is_classes)),
        row("abcdefg1", Accept),
        row("abcdefg!", Accept),
        row("1234567!", Accept),
        // No rule about the first character here.
        row("!abcdefg", Accept),
    ]);
    for c in "_+-&=!@#$%^*()".chars() {
        rows.push(row(format!("abcdefg{c}"), Accept));
    }
    for c in ['.', '~', '/', '?', ',', ' ', '|', 'é'] {
        rows.push(row(format!("abcdefg1{c}"), Refuse(is_alphabet)));
    }
    matrix(CDB, &rows);
}

/// Huawei RDS rds_05_0011: "8 to 32 characters long and contain at least
/// three types of the following characters: uppercase letters, lowercase
/// letters, digits, and special characters (~!@#%^*-_=+?,)"; the current
/// edition adds `$ ( ) &`, a warning here.
#[test]
fn huawei_rds_reset_password_matrix() {
    let mut rows = lengths("Abcdef1", 'x', 8, 32);
    rows.extend([
        row("abcdefg1", Refuse(is_classes)),
        row("ABCDEFGH", Refuse(is_classes)),
        row("Abcdefg1", Accept),
        row("abcdefg1!", Accept),
        row("ABCDEFG?!", Refuse(is_classes)),
        row("ABCDEF1?", Accept),
    ]);
    for c in "~!@#%^*-_=+?,".chars() {
        rows.push(row(format!("Abcdefg{c}"), Accept));
    }
    for c in ['$', '(', ')', '&'] {
        rows.push(row(format!("Abcdefg1{c}"), Warn(is_version_dependent)));
    }
    for c in ['.', '/', ':', ' ', '"', '\'', '|', 'é'] {
        rows.push(row(format!("Abcdefg1{c}"), Refuse(is_alphabet)));
    }
    matrix(HUAWEI_RDS, &rows);
}

/// Huawei DDS dds_api_0075: "8 to 32 characters in length and contain
/// uppercase letters (A to Z), lowercase letters (a to z), digits (0 to
/// 9), and special characters, such as ~!@#%^*-_=+?": all four.
#[test]
fn huawei_dds_reset_password_matrix() {
    let mut rows = lengths("Abcde1!", 'x', 8, 32);
    rows.extend([
        row("Abcdefg1", Refuse(is_classes)),
        row("abcdefg1!", Refuse(is_classes)),
        row("ABCDEFG1!", Refuse(is_classes)),
        row("Abcdefgh!", Refuse(is_classes)),
        row("Abcdefg1!", Accept),
    ]);
    for c in "~!@#%^*-_=+?".chars() {
        rows.push(row(format!("Abcdefg1{c}"), Accept));
    }
    for c in ['$', '&', '(', ')', ',', '.', '/', ' ', 'é'] {
        rows.push(row(format!("Abcdefg1!{c}"), Refuse(is_alphabet)));
    }
    matrix(DDS, &rows);
}

/// UCloud's `ModifyUDBInstancePassword`: "8-36 位，支持大小写字母、数字、
/// @#$%^*-+=_,?!&()~.|，须包含两类及以上字符" ("大小写字母" read as one kind).
#[test]
fn ucloud_udb_modify_instance_password_matrix() {
    let mut rows = lengths("abcdef1", 'x', 8, 36);
    rows.extend([
        row("abcdEFGH", Refuse(is_classes)),
        row("12345678", Refuse(is_classes)),
        row("abcdefg1", Accept),
        row("abcdefg.", Accept),
        row("1234567|", Accept),
    ]);
    for c in "@#$%^*-+=_,?!&()~.|".chars() {
        rows.push(row(format!("abcdefg{c}"), Accept));
    }
    for c in ['/', ':', ';', ' ', '"', '\'', '`', '[', 'é'] {
        rows.push(row(format!("abcdefg1{c}"), Refuse(is_alphabet)));
    }
    matrix(UDB, &rows);
}
