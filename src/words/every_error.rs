//! Every error of every kind the core can hand a front end, and every input
//! error, worded in English and in Chinese by the rules of
//! `every_variant` (exhaustive lists, no English phrase in the Chinese,
//! what the system said labelled as its own).

use std::path::PathBuf;

use super::every_variant::{AT, claim, in_both, io, key};
use crate::endpoint::EndpointError;
use crate::files::{FileError, Kind};
use crate::journal::JournalError;
use crate::request::InputError;
use crate::rotation::{Block, LockError, RetryRefusal, RotationError};
use crate::rules::GenerateError;
use crate::vault::import::{ImportError, KeyPart};
use crate::vault::secrets::Holds;
use crate::vault::team::{Odd, TeamError, Written};
use crate::vault::{IoAction, ProfileError, Slot, VaultError};
use crate::verify::VerifyError;
use crate::words;

fn vault_errors() -> Vec<VaultError> {
    let path = || PathBuf::from("/k/index.json");
    let all = vec![
        VaultError::NoSecretService { detail: "x".into() },
        VaultError::KeyringLocked { detail: "x".into() },
        VaultError::SecretMissing {
            what: Holds::ProfileSecret("p1".into()),
        },
        VaultError::NotText {
            what: Holds::Passwords("k1".into()),
        },
        VaultError::NotKeyturns {
            what: Holds::LegacySlot {
                slot: Slot::Pending,
                key: "k1".into(),
            },
        },
        VaultError::NoStoreSetUp,
        VaultError::Keyring { detail: "x".into() },
        VaultError::IndexCorrupt {
            path: path(),
            detail: "x".into(),
        },
        VaultError::IndexNotText { path: path() },
        VaultError::IndexTooNew {
            path: path(),
            found: 9,
            supported: 2,
        },
        VaultError::Io {
            action: IoAction::Write,
            path: path(),
            source: io(),
        },
        VaultError::NoProfile("p1".into()),
        VaultError::ProfileExists("p1".into()),
        VaultError::TeamProfileExists {
            name: "p1".into(),
            written: Written {
                version: 3,
                by: Some("lin@desk".into()),
                at: Some(AT),
            },
        },
        VaultError::ProfileChanged("p1".into()),
        VaultError::ProfileUnreadable("p1".into()),
        VaultError::BadName("p 1".into()),
        VaultError::NameDiffersInCase {
            name: "P1".into(),
            existing: "p1".into(),
        },
        VaultError::Duplicate {
            what: Holds::OwnEntry("u1".into()),
            count: 2,
        },
        VaultError::IndexRefused {
            path: path(),
            why: FileError::NotRegular(Kind::Fifo),
        },
        VaultError::NoResource("k1".into()),
        VaultError::NoHome,
        VaultError::Team(TeamError::Sealed),
    ];
    for e in &all {
        match e {
            VaultError::NoSecretService { .. }
            | VaultError::KeyringLocked { .. }
            | VaultError::SecretMissing { .. }
            | VaultError::NotText { .. }
            | VaultError::NotKeyturns { .. }
            | VaultError::NoStoreSetUp
            | VaultError::Keyring { .. }
            | VaultError::IndexCorrupt { .. }
            | VaultError::IndexNotText { .. }
            | VaultError::IndexTooNew { .. }
            | VaultError::Io { .. }
            | VaultError::NoProfile(_)
            | VaultError::ProfileExists(_)
            | VaultError::TeamProfileExists { .. }
            | VaultError::ProfileChanged(_)
            | VaultError::ProfileUnreadable(_)
            | VaultError::BadName(_)
            | VaultError::NameDiffersInCase { .. }
            | VaultError::Duplicate { .. }
            | VaultError::IndexRefused { .. }
            | VaultError::NoResource(_)
            | VaultError::NoHome
            | VaultError::Team(_) => {}
        }
    }
    all
}

fn team_errors() -> Vec<TeamError> {
    let mut all = vec![
        TeamError::Settings("x".into()),
        TeamError::NoToken,
        TeamError::Unreachable("x".into()),
        TeamError::Sealed,
        TeamError::Denied {
            path: "kv/keyturn/p1".into(),
        },
        TeamError::Changed {
            path: "kv/keyturn/p1".into(),
        },
        TeamError::Leaderless {
            status: 503,
            errors: "x".into(),
        },
        TeamError::Refused {
            status: 400,
            errors: "x".into(),
        },
        TeamError::EmptyMount,
        TeamError::StoreInUse,
        TeamError::Unencodable("x".into()),
    ];
    for odd in [
        Odd::TooManyRedirects,
        Odd::RedirectWithoutLocation,
        Odd::RedirectNotUrl,
        Odd::RedirectRefused(EndpointError::HasExtraParts),
        Odd::NotJson,
        Odd::NoKeys,
        Odd::NoVersion,
    ] {
        all.push(TeamError::Odd { status: 200, odd });
    }
    for e in &all {
        match e {
            TeamError::Settings(_)
            | TeamError::NoToken
            | TeamError::Unreachable(_)
            | TeamError::Sealed
            | TeamError::Denied { .. }
            | TeamError::Changed { .. }
            | TeamError::Leaderless { .. }
            | TeamError::Refused { .. }
            | TeamError::Odd { .. }
            | TeamError::EmptyMount
            | TeamError::StoreInUse
            | TeamError::Unencodable(_) => {}
            // Worded where it was made: what the store said at start-up.
            TeamError::Unavailable(_) => {}
        }
    }
    all
}

fn endpoint_errors() -> Vec<EndpointError> {
    let all = vec![
        EndpointError::NotAUrl("x".into()),
        EndpointError::Scheme("ftp".into()),
        EndpointError::PlainHttpNotLoopback("h.example".into()),
        EndpointError::HasExtraParts,
        EndpointError::RegionRequired("huaweicloud.dcs.update-password"),
        EndpointError::BadRegion("x y".into()),
        EndpointError::UnknownRegion {
            op: "UpdatePassword",
            region: "ap-southeast-9".into(),
        },
    ];
    for e in &all {
        match e {
            EndpointError::NotAUrl(_)
            | EndpointError::Scheme(_)
            | EndpointError::PlainHttpNotLoopback(_)
            | EndpointError::HasExtraParts
            | EndpointError::RegionRequired(_)
            | EndpointError::BadRegion(_)
            | EndpointError::UnknownRegion { .. } => {}
        }
    }
    all
}

fn rotation_errors() -> Vec<RotationError> {
    let blocks = vec![
        Block::Unsettled {
            attempt: "a1".into(),
            since: AT,
        },
        Block::PendingWithoutAttempt,
        Block::InProgress,
        Block::Claimed {
            attempt: "a1".into(),
            claim: Box::new(claim()),
        },
        Block::Locked { until: AT },
        Block::OldPasswordStillValid { until: AT },
        Block::Throttled { until: AT },
    ];
    let refusals = vec![
        RetryRefusal::Adopted,
        RetryRefusal::ExpiryOnly,
        RetryRefusal::NeedsTypedKey,
        RetryRefusal::Inputs(vec![InputError::Missing("project_id")]),
        RetryRefusal::Endpoint(EndpointError::HasExtraParts),
        RetryRefusal::NoPending(key()),
    ];
    let mut all = vec![
        RotationError::Keyring(VaultError::NoHome),
        RotationError::Journal(JournalError::Write {
            path: PathBuf::from("/k/journal.jsonl"),
            source: io(),
        }),
        RotationError::Journal(JournalError::Read {
            path: PathBuf::from("/k/journal.jsonl"),
            source: io(),
        }),
        RotationError::Lock(LockError::Held),
        RotationError::Lock(LockError::Io {
            path: PathBuf::from("/run/k"),
            source: io(),
        }),
        RotationError::Lock(LockError::NotPrivate {
            path: PathBuf::from("/tmp/keyturn-0"),
        }),
        RotationError::NoAttempt("a1".into()),
        RotationError::UnknownOperation("x.y".into()),
        RotationError::PendingMissing {
            key: key(),
            holds: vec![Slot::Current],
        },
        RotationError::Task("x".into()),
    ];
    all.extend(blocks.into_iter().map(RotationError::Blocked));
    all.extend(refusals.into_iter().map(RotationError::CannotRetry));
    for e in &all {
        match e {
            RotationError::Keyring(_)
            | RotationError::Journal(JournalError::Read { .. } | JournalError::Write { .. })
            | RotationError::Lock(
                LockError::Held | LockError::Io { .. } | LockError::NotPrivate { .. },
            )
            | RotationError::NoAttempt(_)
            | RotationError::UnknownOperation(_)
            | RotationError::PendingMissing { .. }
            | RotationError::Task(_) => {}
            RotationError::Blocked(block) => match block {
                Block::Unsettled { .. }
                | Block::PendingWithoutAttempt
                | Block::InProgress
                | Block::Claimed { .. }
                | Block::Locked { .. }
                | Block::OldPasswordStillValid { .. }
                | Block::Throttled { .. } => {}
            },
            RotationError::CannotRetry(refusal) => match refusal {
                RetryRefusal::Adopted
                | RetryRefusal::ExpiryOnly
                | RetryRefusal::NeedsTypedKey
                | RetryRefusal::Inputs(_)
                | RetryRefusal::Endpoint(_)
                | RetryRefusal::NoPending(_) => {}
            },
        }
    }
    all
}

fn other_errors() -> Vec<(String, Box<dyn Fn() -> String>)> {
    let mut all: Vec<(String, Box<dyn Fn() -> String>)> = Vec::new();
    let mut add = |what: String, word: Box<dyn Fn() -> String>| all.push((what, word));
    for e in [
        ProfileError::EmptySecret,
        ProfileError::BadKeyId,
        ProfileError::Endpoint(EndpointError::HasExtraParts),
        ProfileError::NothingChanged,
        ProfileError::Vault(VaultError::NoHome),
    ] {
        match &e {
            ProfileError::Vault(_)
            | ProfileError::EmptySecret
            | ProfileError::BadKeyId
            | ProfileError::Endpoint(_)
            | ProfileError::NothingChanged => {}
        }
        add(format!("{e:?}"), Box::new(move || e.to_string()));
    }
    for e in [
        ImportError::NotText,
        ImportError::Empty,
        ImportError::TooLarge(9),
        ImportError::Csv("x".into()),
        ImportError::UnterminatedQuote(2),
        ImportError::UnknownColumns(3),
        ImportError::NoKey,
        ImportError::SeveralKeys(2),
        ImportError::EmptyField {
            row: 2,
            column: 1,
            what: KeyPart::Id,
        },
        ImportError::EmptyField {
            row: 2,
            column: 2,
            what: KeyPart::Secret,
        },
        ImportError::UnknownProvider,
    ] {
        add(format!("{e:?}"), Box::new(move || e.to_string()));
    }
    for kind in [
        Kind::Fifo,
        Kind::Device,
        Kind::Socket,
        Kind::Folder,
        Kind::Other,
    ] {
        let e = FileError::NotRegular(kind);
        add(format!("{e:?}"), Box::new(move || e.to_string()));
    }
    for e in [FileError::Link, FileError::TooLarge { size: 9, cap: 1 }] {
        add(format!("{e:?}"), Box::new(move || e.to_string()));
    }
    let e = GenerateError::Length {
        length: 99,
        min: 8,
        max: 32,
    };
    add(format!("{e:?}"), Box::new(move || e.to_string()));
    for e in [
        VerifyError::Vault(VaultError::NoHome),
        VerifyError::Endpoint(EndpointError::HasExtraParts),
        VerifyError::Task("x".into()),
    ] {
        add(format!("{e:?}"), Box::new(move || e.to_string()));
    }
    for e in [
        crate::jobs::JobError::NoConfigFolder,
        crate::jobs::JobError::UnknownResource("x".into()),
        crate::jobs::JobError::NoFileChooser,
        crate::jobs::JobError::Task("x".into()),
        crate::jobs::JobError::NoRuntime("x".into()),
        crate::jobs::JobError::ImportRead {
            path: PathBuf::from("/k/a.csv"),
            source: FileError::Link,
        },
        crate::jobs::JobError::ImportParse {
            path: PathBuf::from("/k/a.csv"),
            source: ImportError::NoKey,
        },
        crate::jobs::JobError::DeleteFile {
            path: PathBuf::from("/k/a.csv"),
            source: FileError::NotRegular(crate::files::Kind::Folder),
        },
    ] {
        add(format!("{e:?}"), Box::new(move || e.to_string()));
    }
    for e in [
        crate::demo::DemoError::KeyringAlreadyOpen,
        crate::demo::DemoError::Emulator(io()),
        crate::demo::DemoError::Profile {
            name: "alibaba-demo",
            detail: "x".into(),
        },
    ] {
        add(format!("{e:?}"), Box::new(move || e.to_string()));
    }
    all
}

#[test]
fn every_error_is_worded_in_both_languages() {
    for e in vault_errors() {
        in_both(&format!("{e:?}"), || e.to_string());
    }
    for e in team_errors() {
        in_both(&format!("{e:?}"), || e.to_string());
    }
    for e in endpoint_errors() {
        in_both(&format!("{e:?}"), || e.to_string());
    }
    for e in rotation_errors() {
        in_both(&format!("{e:?}"), || e.to_string());
    }
    for (what, word) in other_errors() {
        in_both(&what, word);
    }
}

#[test]
fn every_input_error_is_worded_in_both_languages() {
    let report = crate::rules::check(&crate::catalog::CATALOG[0].new_password.policy, "a", None);
    let all = [
        InputError::UnknownField {
            op: "x.y",
            name: "Colour".into(),
            known: "a, b".into(),
        },
        InputError::Missing("project_id"),
        InputError::NotAChoice {
            field: "Mode",
            allowed: "1, 2".into(),
        },
        InputError::BadDateTime {
            field: "OldPasswordExpireTime",
            pattern: "YYYY-MM-DD HH:MM:SS",
        },
        InputError::ExpiryInPast {
            field: "OldPasswordExpireTime",
            at: "2001-01-01 00:00:00 UTC".into(),
        },
        InputError::UnsafePathValue("project_id"),
        InputError::NotAnId {
            field: "project_id",
            describe: crate::catalog::PATH_ID.describe,
        },
        InputError::NotAnId {
            field: "ConsumerGroupUserName",
            describe: crate::catalog::CONSUMER_GROUP_USER.describe,
        },
        InputError::NotAnId {
            field: "UserName",
            describe: crate::catalog::DATABASE_ACCOUNT.describe,
        },
        InputError::ControlCharacter("GroupId"),
        InputError::EmptyNotConfirmed {
            field: "Password",
            means: "removes the group's password: anyone who can reach it can connect",
        },
        InputError::RegionAsField("RegionId"),
        InputError::Region(EndpointError::BadRegion("x y".into())),
        InputError::SecretAsPlainText {
            field: "Password",
            how: "plain text",
        },
        InputError::PasswordRules { op: "x.y", report },
    ];
    for e in &all {
        match e {
            InputError::UnknownField { .. }
            | InputError::Missing(_)
            | InputError::NotAChoice { .. }
            | InputError::BadDateTime { .. }
            | InputError::ExpiryInPast { .. }
            | InputError::UnsafePathValue(_)
            | InputError::NotAnId { .. }
            | InputError::ControlCharacter(_)
            | InputError::EmptyNotConfirmed { .. }
            | InputError::RegionAsField(_)
            | InputError::Region(_)
            | InputError::SecretAsPlainText { .. }
            | InputError::PasswordRules { .. } => {}
        }
        in_both(&format!("{e:?}"), || words::input_error(e));
    }
}
