//! One change per resource wherever its passwords are shared, on the OS
//! keyring: two data folders (two set-ups of one user: a script beside the
//! app, two users of one login) share one keyring, so they share its
//! resource locks and see each other's claims in the resource's item.
//! With the real Secret Service (`scripts/with-keyring`) and the emulator;
//! the team store's side is in `team_store.rs`.

mod common;

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{DCS, Home, err, out, run};
use keyturn::catalog::find;
use keyturn::emulator::RunningEmulator;
use keyturn::rotation::{Decision, Rotation, RotationError};
use keyturn::vault::{ResourceKey, Slot, Slots};
use secrecy::ExposeSecret;
use time::OffsetDateTime;

const KEY_ID: &str = "FAKESHAREDKEY";
const KEY_SECRET: &str = "fake-shared-secret-0123";
const OLD: &str = "Shared-Fake-Old-1";
const PROJECT: &str = "proj";
const REGION: &str = "cn-north-4";

/// One data folder (and its own config folder) on the shared keyring.
struct Folder {
    home: Home,
}

impl Folder {
    fn new(name: &str) -> Folder {
        common::require_keyring();
        Folder {
            home: Home::new(&format!("shared-{name}")),
        }
    }

    fn keyturn(&self, args: &[&str]) -> Command {
        common::keyturn(&self.home.dir, KEY_SECRET, args)
    }

    /// A DCS change of `instance` from `old` to `new`, sent to `emulator`.
    fn change(&self, emulator: &RunningEmulator, instance: &str, old: &str, new: &str) -> Command {
        let args = common::dcs_change_args(KEY_ID, &emulator.url(), PROJECT, instance);
        let mut c = self.keyturn(&args.iter().map(String::as_str).collect::<Vec<_>>());
        c.env("KT_OLD", old).env("KT_NEW", new);
        c
    }

    fn recover_json(&self) -> Vec<serde_json::Value> {
        let o = run(self.keyturn(&["recover", "--json"]));
        assert_eq!(o.status.code(), Some(0), "recover --json: {}", err(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    }
}

fn key(instance: &str) -> ResourceKey {
    ResourceKey {
        operation: DCS.into(),
        region: REGION.into(),
        ids: vec![instance.into()],
        user: None,
    }
}

/// The resource's item, read from the shared keyring.
fn item(folder: &Folder, instance: &str) -> Slots {
    folder.home.vault().slots(&key(instance)).unwrap()
}

fn text(slots: &Slots, slot: Slot) -> Option<String> {
    slots.get(slot).map(|s| s.expose_secret().to_owned())
}

fn kill(mut child: std::process::Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn cloud(emulator: &RunningEmulator, instance: &str) -> Option<String> {
    emulator
        .current_password(find(DCS).unwrap(), &[PROJECT, instance])
        .map(|p| p.to_string())
}

/// Two data folders start the same change at the same instant, twenty
/// times: at most one sends, and the live password always stays in the
/// keyring as current or pending (before, the loser was told "wrong old
/// password" and wrote back the slots it had read before staging, which
/// deleted the winner's new password).
#[test]
fn two_data_folders_racing_one_resource_never_lose_the_live_password() {
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, Some(Duration::from_secs(3)));
    let a = Folder::new("race-a");
    let b = Folder::new("race-b");
    for round in 0..20 {
        let instance = format!("shared-race-{round}-{}", std::process::id());
        let spawn = |folder: &Folder, new: &str| {
            let mut c = folder.change(&emulator, &instance, OLD, new);
            c.stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c.spawn().unwrap()
        };
        let (first, second) = (
            spawn(&a, &format!("Race-Fake-A-{round}")),
            spawn(&b, &format!("Race-Fake-B-{round}")),
        );
        let outputs: Vec<Output> = [first, second]
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let codes: Vec<Option<i32>> = outputs.iter().map(|o| o.status.code()).collect();
        assert!(
            codes.iter().filter(|c| **c == Some(0)).count() <= 1,
            "round {round}: both say the password changed: {codes:?}"
        );
        let live = cloud(&emulator, &instance).expect("one change reached the emulator");
        let slots = item(&a, &instance);
        assert!(
            [text(&slots, Slot::Current), text(&slots, Slot::Pending)]
                .iter()
                .flatten()
                .any(|kept| *kept == live),
            "round {round}: the live password is in neither current nor pending ({codes:?})\n{}\n{}",
            err(&outputs[0]),
            err(&outputs[1])
        );
        assert!(
            slots.claim.is_none() || slots.pending.is_some(),
            "round {round}: a claim with nothing pending"
        );
    }
}

/// A change left open in one data folder (its process killed once the
/// answer came) is shown to the other as that one's, and only its holder
/// may settle it until its lease ends; after the lease the other may keep
/// it, and the first then finds it settled, from the item, not refused for
/// ever.
#[test]
fn another_folders_open_change_is_shown_as_theirs_and_waits_for_its_lease() {
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let a = Folder::new("lease-a");
    let b = Folder::new("lease-b");
    let instance = format!("shared-lease-{}", std::process::id());
    let new = "Lease-Fake-New-2";

    // A's change is in flight: B is refused at once, by the shared lock.
    let held = common::hold(a.change(&emulator, &instance, OLD, new), "sent");
    let refused = run(b.change(&emulator, &instance, OLD, "Lease-Fake-Other-3"));
    assert_eq!(refused.status.code(), Some(2), "{}", err(&refused));
    assert!(
        err(&refused).contains("changing this resource right now"),
        "{}",
        err(&refused)
    );
    kill(held);

    // A's change reaches the cloud and A is killed before it settles.
    let held = common::hold(
        a.change(&emulator, &format!("{instance}-b"), OLD, new),
        "answered",
    );
    kill(held);
    let instance = format!("{instance}-b");
    assert_eq!(cloud(&emulator, &instance).as_deref(), Some(new));
    let claim = item(&a, &instance)
        .claim
        .expect("the item names its change");

    // B's change is refused with whose change it is, and sends nothing.
    let refused = run(b.change(&emulator, &instance, OLD, "Lease-Fake-Other-3"));
    assert_eq!(refused.status.code(), Some(2), "{}", err(&refused));
    assert!(
        err(&refused).contains(&format!("{} staged a change of this resource", claim.by)),
        "{}",
        err(&refused)
    );
    assert_eq!(cloud(&emulator, &instance).as_deref(), Some(new));

    // B lists it as the other folder's, never as sent-or-not by B.
    let listed = run(b.keyturn(&["recover"]));
    let listed = out(&listed);
    assert!(listed.contains("without a record here"), "{listed}");
    assert!(listed.contains("may have been sent"), "{listed}");
    assert!(!listed.contains("before it was sent"), "{listed}");
    let theirs = b.recover_json();
    let id = common::attempt_of(&theirs, &instance).expect("B lists A's change");

    // While the lease runs, B may not settle it.
    let early = run(b.keyturn(&["recover", &id, "--discard"]));
    assert_ne!(early.status.code(), Some(0), "{}", out(&early));
    assert!(
        err(&early).contains("only they may settle it"),
        "{}",
        err(&early)
    );
    assert_eq!(
        text(&item(&a, &instance), Slot::Pending).as_deref(),
        Some(new)
    );

    // After the lease, B keeps it (B checked: the new password works).
    let after = claim.lease_until + time::Duration::seconds(1);
    let rotation_b = Rotation::new(b.home.vault());
    let kept = rotation_b.keep_as_current(&id, after).unwrap();
    assert_eq!(kept.how, Decision::Kept);
    let slots = item(&a, &instance);
    assert_eq!(text(&slots, Slot::Current).as_deref(), Some(new));
    assert!(slots.claim.is_none() && slots.pending.is_none());

    // A's own record of the change is settled by what the item says.
    let mine = a.recover_json();
    let a_id = common::attempt_of(&mine, &instance).expect("A lists its own change");
    let rotation_a = Rotation::new(a.home.vault());
    let settled = rotation_a
        .keep_as_current(&a_id, OffsetDateTime::now_utc())
        .unwrap();
    assert!(
        matches!(settled.how, Decision::AlreadySettled(ref last) if last.made()),
        "{settled:?}"
    );
    assert!(matches!(
        rotation_a.open_attempt(&a_id, OffsetDateTime::now_utc()),
        Err(RotationError::NoAttempt(_))
    ));
}

/// The keyring was promoted but the index could not be written after it
/// (a full config folder): the change exits non-zero, never says nothing
/// was sent, and `recover --keep` completes it from the item.
#[test]
fn a_settle_that_half_failed_is_completed_by_keep() {
    let (_rt, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let a = Folder::new("half");
    let instance = format!("shared-half-{}", std::process::id());
    let new = "Half-Fake-New-2";
    let held = common::hold_then(a.change(&emulator, &instance, OLD, new), "answered");
    // The index's next write cannot be made: its temporary file's name is
    // taken by a folder (as good as a full disk, even for root).
    let pid = held.pid();
    let blocker = a.home.dir.join(format!("config/.index.json.{pid}.tmp"));
    std::fs::create_dir_all(blocker.join("x")).unwrap();
    let (finished, stderr) = held.resume();
    std::fs::remove_dir_all(&blocker).unwrap();
    assert_eq!(finished.status.code(), Some(4), "{stderr}");
    let said = format!("{}{stderr}", out(&finished));
    assert!(!said.contains("nothing was sent"), "{said}");
    assert!(said.contains("stays open"), "{said}");
    // The item was promoted; the index still says pending.
    let slots = item(&a, &instance);
    assert_eq!(text(&slots, Slot::Current).as_deref(), Some(new));
    assert!(a.home.vault().pending_recorded(&key(&instance)).unwrap());

    let open = a.recover_json();
    assert_eq!(open.len(), 1, "{open:?}");
    let id = open[0]["attempt"].as_str().unwrap();
    let kept = run(a.keyturn(&["recover", id, "--keep"]));
    assert_eq!(kept.status.code(), Some(0), "{}", err(&kept));
    assert!(
        out(&kept).contains("already records this change as made"),
        "{}",
        out(&kept)
    );
    assert!(a.recover_json().is_empty());
    assert!(!a.home.vault().pending_recorded(&key(&instance)).unwrap());
    assert_eq!(
        text(&item(&a, &instance), Slot::Current).as_deref(),
        Some(new)
    );
}
