//! The words of core values in each language: rules and what a candidate
//! lacks, verifications, strength feedback, outcomes and where the
//! passwords are; `every_variant` walks every fact and error.

use crate::i18n::{Lang, has_message, tr_in, with_language};
use crate::words;

const ZH: Lang = Lang::SimplifiedChinese;
const EN: Lang = Lang::English;

/// A verification is recorded as a fact and worded when shown, in the
/// language in force then: no English sentence in the Chinese words, and
/// an older index's recorded English shown as it was.
#[test]
fn a_verification_is_a_fact_worded_in_each_language() {
    use crate::outcome::{AuthProblem, Outcome, Status};
    use crate::vault::Verification;
    let verified = |status: Status, identity: Option<&str>| crate::verify::Verified {
        outcome: Outcome::new(status),
        identity: identity.map(str::to_owned),
        project_ids: Default::default(),
    };
    let all = [
        verified(Status::Succeeded, Some("acs:ram::1:user/ops")),
        verified(Status::Succeeded, None),
        verified(Status::Auth(AuthProblem::SignatureMismatch), None),
        verified(Status::Auth(AuthProblem::UnknownKey), None),
        verified(Status::Auth(AuthProblem::ClockSkew), None),
        verified(Status::Auth(AuthProblem::NoPermission), None),
        verified(Status::NotSent, None),
        verified(Status::Unknown, None),
        verified(Status::Rejected, None),
    ];
    let facts: Vec<Verification> = all.iter().map(|v| v.fact()).collect();
    // Every status has its own fact, and only successes work.
    for (i, a) in facts.iter().enumerate() {
        assert_eq!(a.works(), i < 2, "{a:?}");
        for b in &facts[i + 1..] {
            if i >= 1 {
                assert_ne!(a, b);
            }
        }
    }
    let mut english = Vec::new();
    with_language(EN, || {
        english = facts.iter().map(words::verification).collect()
    });
    assert_eq!(english[0], "the key works (acs:ram::1:user/ops)");
    assert_eq!(english[4], "this computer's clock is wrong");
    with_language(ZH, || {
        for (fact, en) in facts.iter().zip(&english) {
            let zh = words::verification(fact);
            assert_ne!(&zh, en, "{fact:?} is not worded in Chinese");
            // Console terms (Secret, ID) stay; an English phrase may not.
            let phrase = zh
                .split(|c: char| !c.is_ascii_alphabetic() && c != ' ')
                .any(|part| part.split_whitespace().count() >= 2);
            assert!(!phrase, "English in the Chinese words: {zh}");
        }
        assert_eq!(
            words::verification(&facts[0]),
            "密钥可用（acs:ram::1:user/ops）"
        );
        assert_eq!(words::verification(&facts[4]), "本机时钟不准");
        // An older index's words: the one that says the key worked is read
        // as that fact, and worded in the language in force; others stay.
        let older = |text: &str| crate::vault::Profile {
            last_verify_result: Some(text.into()),
            ..crate::vault::new_profile(
                "p",
                crate::catalog::Provider::Huawei,
                "K",
                time::OffsetDateTime::UNIX_EPOCH,
            )
        };
        let worked = older("the key works (3 projects)").verification().unwrap();
        assert!(worked.works());
        assert_eq!(words::verification(&worked), "密钥可用");
        let other = older("the signature did not match").verification().unwrap();
        assert!(!other.works());
        assert_eq!(words::verification(&other), "the signature did not match");
    });
}

#[test]
fn rules_and_shortfalls_are_worded_in_each_language() {
    use crate::rules::{CharClass, Shortfall};
    let all = [
        Shortfall::AddCharacters(1),
        Shortfall::AddCharacters(4),
        Shortfall::RemoveCharacters(1),
        Shortfall::RemoveCharacters(9936),
        Shortfall::AddClasses(vec![CharClass::Upper]),
        Shortfall::AddClasses(vec![CharClass::Upper, CharClass::Digit, CharClass::Special]),
        Shortfall::AddSomeClasses {
            count: 1,
            of: vec![CharClass::Digit, CharClass::Special],
        },
        Shortfall::RemoveRefused(1),
        Shortfall::RemoveRefused(2),
        Shortfall::VersionRefused(1),
        Shortfall::VersionRefused(3),
        Shortfall::LongerThanSomeVersions { count: 40, max: 32 },
        Shortfall::AddSomeClasses {
            count: 1,
            of: vec![CharClass::Letter, CharClass::Special],
        },
        Shortfall::ChangeFirst,
        Shortfall::SameAsCurrent,
    ];
    with_language(EN, || {
        assert_eq!(words::shortfall(&all[0]), "add 1 more character");
        assert_eq!(words::shortfall(&all[1]), "add 4 more characters");
        assert_eq!(words::crack_time(0), "less than a second");
        assert_eq!(words::crack_time(1), "1 second");
        assert_eq!(words::crack_time(7200), "2 hours");
        assert_eq!(words::crack_time(u64::MAX), "centuries");
    });
    with_language(ZH, || {
        assert_eq!(
            words::shortfall(&Shortfall::AddClasses(vec![
                CharClass::Upper,
                CharClass::Digit,
                CharClass::Special
            ])),
            "还需加入大写字母、数字和特殊字符"
        );
        assert_eq!(words::crack_time(3 * 3600 + 5), "3 小时");
    });
}

#[test]
fn every_strength_feedback_of_zxcvbn_is_translated() {
    use zxcvbn::feedback::{Suggestion as S, Warning as W};
    let warnings = [
        W::StraightRowsOfKeysAreEasyToGuess,
        W::ShortKeyboardPatternsAreEasyToGuess,
        W::RepeatsLikeAaaAreEasyToGuess,
        W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
        W::ThisIsATop10Password,
        W::ThisIsATop100Password,
        W::ThisIsACommonPassword,
        W::ThisIsSimilarToACommonlyUsedPassword,
        W::SequencesLikeAbcAreEasyToGuess,
        W::RecentYearsAreEasyToGuess,
        W::AWordByItselfIsEasyToGuess,
        W::DatesAreOftenEasyToGuess,
        W::NamesAndSurnamesByThemselvesAreEasyToGuess,
        W::CommonNamesAndSurnamesAreEasyToGuess,
    ]
    .map(|w| w.to_string());
    let suggestions = [
        S::UseAFewWordsAvoidCommonPhrases,
        S::NoNeedForSymbolsDigitsOrUppercaseLetters,
        S::AddAnotherWordOrTwo,
        S::CapitalizationDoesntHelpVeryMuch,
        S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase,
        S::ReversedWordsArentMuchHarderToGuess,
        S::PredictableSubstitutionsDontHelpVeryMuch,
        S::UseALongerKeyboardPatternWithMoreTurns,
        S::AvoidRepeatedWordsAndCharacters,
        S::AvoidSequences,
        S::AvoidRecentYears,
        S::AvoidYearsThatAreAssociatedWithYou,
        S::AvoidDatesAndYearsThatAreAssociatedWithYou,
    ]
    .map(|s| s.to_string());
    let all: Vec<&String> = warnings.iter().chain(&suggestions).collect();
    assert_eq!(all.len(), words::STRENGTH_FEEDBACK.len());
    for english in all {
        let (_, id) = words::STRENGTH_FEEDBACK
            .iter()
            .find(|(e, _)| e == english)
            .unwrap_or_else(|| panic!("{english:?} has no message"));
        assert_eq!(&tr_in(EN, id, None), english);
        assert!(has_message(ZH, id), "{id}");
    }
    with_language(ZH, || {
        assert_eq!(words::strength_feedback("Avoid sequences."), "避免序列。");
        assert_eq!(words::strength_feedback("Something new."), "Something new.");
    });
}

/// The English words of outcomes, of where passwords are and of the
/// journal's records are the core's own: one English, whichever way a
/// front end shows them.
#[test]
fn outcomes_and_their_whereabouts_match_the_core_in_english() {
    use crate::journal::{Recorded, StatusKind};
    use crate::outcome::{AuthProblem, Outcome, Status};
    use crate::rotation::Whereabouts;
    let at = time::macros::datetime!(2026-03-04 05:06:07 UTC);
    let statuses = [
        Status::Succeeded,
        Status::Rejected,
        Status::WrongOldPassword { retries_left: None },
        Status::WrongOldPassword {
            retries_left: Some(1),
        },
        Status::WrongOldPassword {
            retries_left: Some(4),
        },
        Status::Locked { until: Some(at) },
        Status::OldPasswordStillValid { until: Some(at) },
        Status::OldPasswordStillValid { until: None },
        Status::Throttled { retry_at: Some(at) },
        Status::Auth(AuthProblem::ClockSkew),
        Status::NotSent,
        Status::Unknown,
    ];
    let whereabouts = super::every_variant::all_whereabouts();
    with_language(EN, || {
        for status in &statuses {
            let mut o = Outcome::new(status.clone());
            let title = words::status_title(status);
            assert!(words::outcome(&o, None).starts_with(&title));
            o.code = Some("Code.X".into());
            o.message = Some("a message\u{1b}[31m".into());
            o.request_id = Some("req-1".into());
            o.hint = Some(crate::outcome::Hint::NOT_SENT);
            let full = words::outcome(&o, None);
            for line in [
                "\n  code: Code.X",
                "\n  message: a message\\u{1b}[31m",
                "\n  request id: req-1",
                "\n  Nothing was changed.",
            ] {
                assert!(full.contains(line), "{full:?} lacks {line:?}");
            }
            for w in &whereabouts {
                let headline = words::headline(w, status);
                match (w, status) {
                    (Whereabouts::ExpiryOnly, Status::Succeeded) => {
                        assert_eq!(headline, "The old password's expiry changed")
                    }
                    _ => assert_eq!(headline, words::status_title(status)),
                }
            }
            let kind = StatusKind::of(status);
            assert_eq!(
                words::journal_status(&Recorded::Known(kind)),
                Recorded::Known(kind).to_string()
            );
        }
        // Where the passwords are: worded once, in the messages, naming
        // the resource; `--json` takes the English.
        for w in &whereabouts {
            let english = words::whereabouts(w, "res-k");
            assert_eq!(english, words::whereabouts_in(EN, w, "res-k"));
            assert!(
                english.contains("res-k")
                    || matches!(w, Whereabouts::Discarded | Whereabouts::Cancelled),
                "{english}"
            );
            assert_ne!(english, words::whereabouts_in(ZH, w, "res-k"), "{w:?}");
        }
        for how in super::every_variant::all_settlements() {
            assert_eq!(
                words::settlement(&Recorded::Known(how)),
                Recorded::Known(how).to_string()
            );
        }
    });
    with_language(ZH, || {
        let o = Outcome::new(Status::WrongOldPassword {
            retries_left: Some(4),
        });
        assert_eq!(
            words::outcome(&o, None),
            "当前密码错误（锁定前还可以尝试 4 次）"
        );
    });
}
