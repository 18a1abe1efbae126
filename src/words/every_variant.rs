//! Every fact the core can hand a front end — each result, hint, detail,
//! where the passwords are, a settlement, a verification — worded in
//! English and in Chinese: the Chinese holds no English sentence (only the
//! consoles' own terms, commands, the values given, and what the system
//! said, labelled as its own), and each is worded in both languages rather
//! than falling back. The lists are exhaustive: each has a `match` without
//! a catch-all, so a new variant does not compile until it is added here.
//! `every_error` does the same for every error.

use std::path::PathBuf;
use std::sync::Arc;

use time::OffsetDateTime;

use crate::i18n::{Lang, with_language};
use crate::journal::{Damage, Recorded, Settlement, Skipped, StatusKind};
use crate::outcome::{AnswerShape, AuthProblem, Detail, Outcome, Status, hint};
use crate::rotation::{Decided, Decision, RotationError, Whereabouts};
use crate::transport::Failure;
use crate::vault::claim::{Actor, Claim, ClaimState, LastChange, Settled};
use crate::vault::{ResourceKey, VaultError, Verification};
use crate::words;

pub(super) const AT: OffsetDateTime = OffsetDateTime::UNIX_EPOCH;

/// Text in Chinese that still holds an English phrase: two or more ASCII
/// words in a row, once the consoles' own terms (which the Chinese consoles
/// write in English), commands (in backticks, or a shell line) and quoted
/// values are taken out.
pub(super) fn english_phrase(text: &str) -> Option<String> {
    // What the system, a library or the team store said, labelled as theirs
    // ("（系统的说明：…）").
    let mut text = text.to_owned();
    while let Some(start) = text.find("说明：") {
        let open = text[..start].rfind('（').unwrap_or(start);
        let end = text[start..]
            .find('）')
            .map_or(text.len(), |e| start + e + '）'.len_utf8());
        text.replace_range(open..end, "");
    }
    let mut rest = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '`' | '"' => quoted = !quoted,
            _ if !quoted => rest.push(c),
            _ => {}
        }
    }
    let rest: String = rest
        .lines()
        .filter(|line| !line.trim_start().starts_with("dbus-run-session"))
        .collect::<Vec<_>>()
        .join("\n");
    let rest = [
        "AccessKey ID",
        "AccessKey Secret",
        "Secret Service",
        "GNOME Keyring",
        "KDE Wallet",
        "HashiCorp Vault",
        "keyturn recover",
        "keyturn store",
        "keyturn profile",
        "keyturn password",
    ]
    .iter()
    .fold(rest, |t, term| t.replace(term, ""));
    // Words with a lower-case letter: `YYYY-MM-DD HH:MM:SS` is a pattern.
    rest.split(|c: char| !c.is_ascii_alphabetic() && c != ' ')
        .find(|part| {
            part.split_whitespace()
                .filter(|w| w.chars().any(|c| c.is_ascii_lowercase()))
                .count()
                >= 2
        })
        .map(str::to_owned)
}

/// `word` in both languages: the Chinese free of English phrases, and
/// different from the English (no silent fallback).
pub(super) fn in_both(what: &str, word: impl Fn() -> String) {
    let mut english = String::new();
    with_language(Lang::English, || english = word());
    let mut chinese = String::new();
    with_language(Lang::SimplifiedChinese, || chinese = word());
    assert!(!english.trim().is_empty(), "{what}: no English words");
    assert_ne!(english, chinese, "{what}: the same in both languages");
    if let Some(phrase) = english_phrase(&chinese) {
        panic!("{what}: English {phrase:?} in the Chinese {chinese:?}");
    }
}

pub(super) fn key() -> ResourceKey {
    ResourceKey {
        operation: "huaweicloud.dcs.update-password".into(),
        region: "cn-north-4".into(),
        ids: vec!["p1".into(), "i1".into()],
        user: None,
    }
}

pub(super) fn actor() -> Actor {
    Actor {
        user: "lin".into(),
        host: Some("desk".into()),
        identity: None,
    }
}

pub(super) fn claim() -> Claim {
    Claim::new(
        "a1",
        &actor(),
        ClaimState::Staged,
        AT,
        time::Duration::minutes(5),
    )
}

pub(super) fn io() -> std::io::Error {
    std::io::Error::from_raw_os_error(13)
}

#[test]
fn every_outcome_is_worded_in_both_languages() {
    let statuses = [
        Status::Succeeded,
        Status::Rejected,
        Status::WrongOldPassword {
            retries_left: Some(2),
        },
        Status::Locked { until: Some(AT) },
        Status::OldPasswordStillValid { until: Some(AT) },
        Status::Throttled { retry_at: Some(AT) },
        Status::Auth(AuthProblem::ClockSkew),
        Status::NotSent,
        Status::Unknown,
        Status::Accepted {
            task: crate::outcome::TaskId::Number(7),
        },
    ];
    for status in &statuses {
        match status {
            Status::Succeeded
            | Status::Rejected
            | Status::WrongOldPassword { .. }
            | Status::Locked { .. }
            | Status::OldPasswordStillValid { .. }
            | Status::Throttled { .. }
            | Status::Auth(_)
            | Status::NotSent
            | Status::Unknown
            | Status::Accepted { .. } => {}
        }
        let o = Outcome::new(status.clone());
        in_both(&format!("{status:?}"), || words::outcome(&o, None));
        let kind = Recorded::Known(StatusKind::of(status));
        in_both(&format!("journal {kind:?}"), || {
            words::journal_status(&kind)
        });
    }
    for h in hint::all() {
        in_both(h.id(), || words::hint(h));
    }
    let failures = [
        Failure::LeavesThisComputer {
            host: "dts.aliyuncs.com".into(),
        },
        Failure::Setup { detail: "x".into() },
        Failure::BadMethod { method: "X".into() },
        Failure::Unbuildable { detail: "x".into() },
        Failure::Connect {
            host: "h.example".into(),
            detail: "x".into(),
        },
        Failure::Timeout {
            host: "h.example".into(),
        },
        Failure::Broke {
            host: "h.example".into(),
            detail: "x".into(),
        },
        Failure::TooLarge {
            status: 200,
            cap_kib: 1024,
        },
    ];
    let mut details: Vec<Detail> = failures.into_iter().map(Detail::Transport).collect();
    for shape in [
        AnswerShape::Empty,
        AnswerShape::Html,
        AnswerShape::MalformedJson,
        AnswerShape::Unexpected,
        AnswerShape::DuplicateKey,
    ] {
        details.push(Detail::Unreadable(shape));
    }
    details.push(Detail::SuccessAtErrorStatus);
    details.push(Detail::NotAnHttpStatus {
        given: "65936".into(),
    });
    for detail in &details {
        match detail {
            Detail::Unreadable(_)
            | Detail::NotAnHttpStatus { .. }
            | Detail::SuccessAtErrorStatus => {}
            Detail::Transport(f) => match f {
                Failure::Setup { .. }
                | Failure::BadMethod { .. }
                | Failure::Unbuildable { .. }
                | Failure::Connect { .. }
                | Failure::Timeout { .. }
                | Failure::Broke { .. }
                | Failure::TooLarge { .. }
                | Failure::LeavesThisComputer { .. } => {}
            },
        }
        in_both(&format!("{detail:?}"), || words::detail(detail, Some(502)));
    }
}

/// Every place the passwords can be after a change.
pub(super) fn all_whereabouts() -> [Whereabouts; 8] {
    [
        Whereabouts::Promoted,
        Whereabouts::Removed,
        Whereabouts::ExpiryOnly,
        Whereabouts::Discarded,
        Whereabouts::PendingKept,
        Whereabouts::RetryFailed {
            earlier: "a1".into(),
        },
        Whereabouts::Cancelled,
        Whereabouts::NotSettled(Arc::new(RotationError::Keyring(VaultError::NoHome))),
    ]
}

/// Every way a change can end, exhaustive by a match without a catch-all.
pub(super) fn all_settlements() -> [Settlement; 9] {
    let all = [
        Settlement::Succeeded,
        Settlement::Rejected,
        Settlement::NotSent,
        Settlement::KeptAsCurrent,
        Settlement::Discarded,
        Settlement::Retried,
        Settlement::RetryFailed,
        Settlement::NothingStaged,
        Settlement::SettledElsewhere,
    ];
    for how in all {
        match how {
            Settlement::Succeeded
            | Settlement::Rejected
            | Settlement::NotSent
            | Settlement::KeptAsCurrent
            | Settlement::Discarded
            | Settlement::Retried
            | Settlement::RetryFailed
            | Settlement::NothingStaged
            | Settlement::SettledElsewhere => {}
        }
    }
    all
}

#[test]
fn every_whereabouts_and_settlement_is_worded_in_both_languages() {
    for w in &all_whereabouts() {
        match w {
            Whereabouts::Promoted
            | Whereabouts::Removed
            | Whereabouts::ExpiryOnly
            | Whereabouts::Discarded
            | Whereabouts::PendingKept
            | Whereabouts::RetryFailed { .. }
            | Whereabouts::Cancelled
            | Whereabouts::NotSettled(_) => {}
        }
        in_both(&format!("{w:?}"), || words::whereabouts(w, "k1"));
    }
    for how in all_settlements() {
        let recorded = Recorded::Known(how);
        in_both(&format!("{how:?}"), || words::settlement(&recorded));
    }
    let last = LastChange {
        attempt: "a1".into(),
        by: actor(),
        how: Settled::Kept,
        at: AT,
    };
    for how in [
        Decision::Kept,
        Decision::Discarded { had_pending: true },
        Decision::Discarded { had_pending: false },
        Decision::AlreadySettled(last),
        Decision::Superseded(claim()),
    ] {
        let decided = Decided { key: key(), how };
        in_both(&format!("{decided:?}"), || words::decided(&decided));
    }
    for found in [
        Verification::Works { identity: None },
        Verification::Works {
            identity: Some("acs:ram::1".into()),
        },
        Verification::WrongSecret,
        Verification::UnknownKey,
        Verification::ClockSkew,
        Verification::NoPermission,
        Verification::Unreachable,
        Verification::NoAnswer,
        Verification::Refused,
    ] {
        in_both(&format!("{found:?}"), || words::verification(&found));
    }
    every_proof();
    let skipped = Skipped {
        path: PathBuf::from("/k/journal.jsonl"),
        line: 3,
        why: Damage::Incomplete,
    };
    in_both("a skipped line", || skipped.to_string());
}

/// Every fact a login can find, and every reason none is tried.
fn every_proof() {
    use crate::catalog::NoLogin;
    use crate::vault::{Garbled, NotAvailable, Proof, ProofRecord, TlsProblem, Unreached};
    let detail = || "os error 111".to_owned();
    let mut all = vec![
        Proof::Opened,
        Proof::WrongPassword {
            said: "WRONGPASS invalid username-password pair".into(),
        },
        Proof::NoPasswordNeeded,
        Proof::Refused {
            said: "3D000: database does not exist".into(),
        },
    ];
    for why in [
        Unreached::Resolve { detail: detail() },
        Unreached::Refused { detail: detail() },
        Unreached::Connect { detail: detail() },
        Unreached::TimedOut { seconds: 10 },
        Unreached::Closed,
        Unreached::NoTlsAnswer,
    ] {
        all.push(Proof::CouldNotReach { why });
    }
    for why in [
        TlsProblem::NotOffered,
        TlsProblem::Handshake { detail: detail() },
        TlsProblem::Certificate { detail: detail() },
        TlsProblem::ServiceWantsTls,
    ] {
        all.push(Proof::TlsMismatch { why });
    }
    for why in [
        Garbled::NotTheProtocol,
        Garbled::TooLong { bytes: 1024 },
        Garbled::SignInMethod { name: "md5".into() },
    ] {
        all.push(Proof::Unreadable { why });
    }
    for why in [
        NotAvailable::Service {
            why: NoLogin::NoPublicProtocol,
        },
        NotAvailable::Service {
            why: NoLogin::KafkaNotBuilt,
        },
        NotAvailable::Service {
            why: NoLogin::MongoNotBuilt,
        },
        NotAvailable::NoConnection,
        NotAvailable::NoDatabaseKind,
        NotAvailable::NoPassword,
        NotAvailable::CaFile { detail: detail() },
    ] {
        all.push(Proof::NotAvailable { why });
    }
    for found in &all {
        // Exhaustive: a new fact does not compile until it is listed above.
        match found {
            Proof::Opened
            | Proof::WrongPassword { .. }
            | Proof::NoPasswordNeeded
            | Proof::CouldNotReach { .. }
            | Proof::TlsMismatch { .. }
            | Proof::Refused { .. }
            | Proof::Unreadable { .. }
            | Proof::NotAvailable { .. } => {}
        }
        in_both(&format!("{found:?}"), || words::proof(found));
        let record = ProofRecord {
            at: AT,
            proof: found.clone(),
        };
        in_both(&format!("{record:?}"), || words::proven(&record));
    }
}

/// The detector itself: it finds an English phrase, and passes the terms
/// and commands the Chinese keeps.
#[test]
fn the_detector_finds_english_and_passes_terms() {
    assert!(english_phrase("错误：the keyring failed").is_some());
    assert!(english_phrase("系统密钥环中没有 AccessKey Secret").is_none());
    assert!(english_phrase("请运行 `keyturn recover --keep a1`").is_none());
    assert!(english_phrase("配置 \"prod main\" 已存在").is_none());
    assert!(english_phrase("HTTP 502：收到的是 HTML 页面").is_none());
    assert!(english_phrase("格式为 YYYY-MM-DD HH:MM:SS。").is_none());
    assert!(english_phrase("无法写入 /k（系统的说明：Permission denied）").is_none());
    assert!(english_phrase("无法写入 /k：Permission denied").is_some());
}
