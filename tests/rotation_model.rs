//! A model test of the rotation protocol: random interleavings of changes,
//! pairs of changes at once, retries, keeps and discards by the real
//! `keyturn` binary against the emulator, some killed for real at a step
//! between staging and settling. After every step, the password the
//! emulator holds must be in the keyring as *current* or *pending*, and a
//! pending password must belong to an open attempt.
//!
//! The user in this model settles truthfully, as the README asks: they
//! check by connecting, so they keep pending only when it works and discard
//! it only when current still works. Needs the Secret Service (run under
//! `scripts/with-keyring`, as `scripts/test` does).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::{DCS, text};
use keyturn::catalog::find;
use keyturn::emulator::RunningEmulator;
use keyturn::vault::{ResourceKey, Slot};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use secrecy::ExposeSecret;

const KEY_ID: &str = "FAKEMODELKEY";
const KEY_SECRET: &str = "fake-model-secret-0123";
const FIRST: &str = "First-Fake-Pass-0";

struct World {
    home: common::Home,
    emulator: RunningEmulator,
    instance: String,
    _runtime: tokio::runtime::Runtime,
}

impl World {
    fn new(seed: u64) -> World {
        common::require_keyring();
        let home = common::Home::new(&format!("model-{seed}"));
        let (runtime, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
        World {
            instance: format!("model-{seed}-{}", std::process::id()),
            home,
            emulator,
            _runtime: runtime,
        }
    }

    fn keyturn(&self, args: &[&str]) -> Command {
        let mut c = common::keyturn(&self.home.dir, KEY_SECRET, args);
        c.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    /// A change from `old` to `new`, passed through the environment.
    fn change(&self, old: &str, new: &str) -> Command {
        let endpoint = self.emulator.url();
        let mut c = self.keyturn(&[
            "request",
            DCS,
            "--key-id",
            KEY_ID,
            "--region",
            "cn-north-4",
            "--endpoint",
            &endpoint,
            "--param",
            "project_id=proj",
            "--param",
            &format!("instance_id={}", self.instance),
            "--param",
            "old_password=env:OLD_PW",
            "--param",
            "new_password=env:NEW_PW",
            "--send",
            "--timeout",
            "2",
        ]);
        c.env("OLD_PW", old).env("NEW_PW", new);
        c
    }

    fn slot(&self, slot: Slot) -> Option<String> {
        let key = ResourceKey::parse(&format!("{DCS}/cn-north-4/{}", self.instance)).unwrap();
        // Only a missing slot reads as none: a keyring that fails to answer
        // is the test's environment failing, not a lost password.
        match self.home.vault().password(&key, slot) {
            Ok(s) => Some(s.expose_secret().to_owned()),
            Err(keyturn::vault::VaultError::NoResource(_)) => None,
            Err(e) => panic!("the keyring could not be read: {e}"),
        }
    }

    fn cloud(&self) -> Option<String> {
        self.emulator
            .current_password(find(DCS).unwrap(), &["proj", &self.instance])
            .map(|p| p.to_string())
    }

    fn open_attempts(&self) -> Vec<String> {
        let o = self.keyturn(&["recover", "--json"]).output().unwrap();
        assert!(o.status.success(), "recover failed: {}", text(&o));
        serde_json::from_slice::<Vec<serde_json::Value>>(&o.stdout)
            .unwrap()
            .iter()
            .map(|a| a["attempt"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// Runs `c`; with `kill_at`, holds it at that step and kills it there.
fn run(mut c: Command, kill_at: Option<&str>) -> Option<i32> {
    let Some(step) = kill_at else {
        return c.output().unwrap().status.code();
    };
    c.env("KEYTURN_TEST_HOLD_AT", step).stdout(Stdio::null());
    let mut child: Child = c.spawn().unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        // The change may be refused before it reaches the step: then it
        // exits on its own.
        if stderr.read_line(&mut line).unwrap_or(0) == 0 || line.contains("holding at") {
            break;
        }
    }
    let _ = child.kill();
    child.wait().unwrap().code()
}

const KILL_STEPS: [Option<&str>; 6] = [
    None,
    None,
    None,
    Some("staged"),
    Some("sent"),
    Some("answered"),
];

fn model(seed: u64, steps: usize) {
    let w = World::new(seed);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut log = Vec::new();
    // The first change tells the emulator its password.
    run(w.change(FIRST, "Model-Fake-Pass-1"), None);
    for step in 0..steps {
        let open = w.open_attempts();
        let current = w.slot(Slot::Current).unwrap_or_else(|| FIRST.to_owned());
        let new = format!("Model-Fake-Pass-{seed}-{step}");
        let kill_at = KILL_STEPS[rng.random_range(0..KILL_STEPS.len())];
        let action = rng.random_range(0..10);
        let what = match (open.first(), action) {
            // An open attempt: the user retries it, or checks and settles it.
            (Some(id), 0..=3) => {
                run(
                    w.keyturn(&["recover", id, "--retry", "--timeout", "2"]),
                    kill_at,
                );
                format!("retry {id} (kill at {kill_at:?})")
            }
            (Some(id), _) => {
                let works = w.cloud() == w.slot(Slot::Pending);
                let how = if works { "--keep" } else { "--discard" };
                let code = run(w.keyturn(&["recover", id, how]), None);
                format!("{how} {id} -> {code:?}")
            }
            // Two changes of the resource at once.
            (None, 0..=2) => {
                let mut a = w.change(&current, &format!("{new}-a"));
                let mut b = w.change(&current, &format!("{new}-b"));
                let (a, b) = (a.spawn().unwrap(), b.spawn().unwrap());
                let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
                // Refused (2) if they overlapped; if not, the later one met
                // the earlier one's new password (3). Never both sent.
                let codes = (a.status.code(), b.status.code());
                assert_ne!(codes, (Some(0), Some(0)), "seed {seed}: {log:#?}");
                format!("two at once -> {codes:?}")
            }
            // A wrong old password, now and then.
            (None, 3) => {
                let code = run(w.change("Wrong-Fake-Pass-9", &new), kill_at);
                format!("wrong old (kill at {kill_at:?}) -> {code:?}")
            }
            (None, _) => {
                let code = run(w.change(&current, &new), kill_at);
                format!("change (kill at {kill_at:?}) -> {code:?}")
            }
        };
        log.push(what);

        let cloud = w.cloud().expect("the emulator knows the instance");
        let (current, pending) = (w.slot(Slot::Current), w.slot(Slot::Pending));
        assert!(
            current.as_deref() == Some(cloud.as_str())
                || pending.as_deref() == Some(cloud.as_str()),
            "seed {seed}, step {step}: the live password is in neither current nor pending\n{log:#?}"
        );
        if pending.is_some() {
            assert!(
                !w.open_attempts().is_empty(),
                "seed {seed}, step {step}: a pending password with no open attempt\n{log:#?}"
            );
        }
    }
}

#[test]
fn random_interleavings_never_lose_the_live_password() {
    let seeds: Vec<u64> = match std::env::var("KEYTURN_MODEL_SEED") {
        Ok(seed) => vec![seed.parse().expect("KEYTURN_MODEL_SEED is a number")],
        Err(_) => vec![1, 2, 3],
    };
    for seed in seeds {
        model(seed, 25);
    }
}

// Two data folders on one keyring, in one process: each folder its own
// journal and index, both on the same Secret Service items and the same
// session's resource locks, as two set-ups of one user are. Changes run at
// once, are killed (their future dropped) at a step, and are settled by
// either folder, after the lease when it is the other's.

mod shared {
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use keyturn::catalog::{Operation, find};
    use keyturn::emulator::RunningEmulator;
    use keyturn::endpoint::Endpoint;
    use keyturn::request::{Inputs, Value, validate};
    use keyturn::rotation::{ChangeRequest, Hooks, ResourceLock, Rotation, Step, lock_dir};
    use keyturn::send::Sender;
    use keyturn::sign::Credentials;
    use keyturn::transport::{Transport, TransportConfig};
    use keyturn::vault::{ResourceKey, Slot, Slots};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    use secrecy::{ExposeSecret, SecretString};
    use time::OffsetDateTime;
    use tokio::sync::mpsc;

    use super::common::{self, DCS};

    const KEY_ID: &str = "FAKESHAREDMODEL";
    const KEY_SECRET: &str = "fake-shared-model-0123";
    const FIRST: &str = "Shared-Fake-Pass-0";

    /// Tells the driver a step was reached, so that it can drop the change
    /// there, as a kill would.
    struct Killer {
        at: Option<Step>,
        tx: mpsc::UnboundedSender<()>,
        flight: Arc<Mutex<Flight>>,
    }

    /// When a change's request was about to leave and when its answer (or
    /// its absence) was known: the span in which it was in flight.
    #[derive(Debug, Default, Clone, Copy)]
    struct Flight {
        sent: Option<Instant>,
        answered: Option<Instant>,
    }

    impl Hooks for Killer {
        fn reached(&self, step: Step) {
            if let Ok(mut flight) = self.flight.lock() {
                match step {
                    Step::Sent => flight.sent = Some(Instant::now()),
                    Step::Answered => flight.answered = Some(Instant::now()),
                    Step::Staged | Step::Accepted => {}
                }
            }
            if self.at == Some(step) {
                let _ = self.tx.send(());
            }
        }
    }

    /// Whether two changes' requests were in flight at once: both left,
    /// and the later one left before the earlier one's answer was known
    /// (one dropped after it left is in flight for ever: its claim stays).
    fn overlapped(a: Flight, b: Flight) -> bool {
        let (Some(a_sent), Some(b_sent)) = (a.sent, b.sent) else {
            return false;
        };
        let (first, later_sent) = if a_sent <= b_sent {
            (a, b_sent)
        } else {
            (b, a_sent)
        };
        first.answered.is_none_or(|answered| later_sent < answered)
    }

    struct World {
        folders: [Arc<Rotation>; 2],
        _homes: [common::Home; 2],
        emulator: RunningEmulator,
        sender: Sender,
        instance: String,
        op: &'static Operation,
    }

    impl World {
        fn key(&self) -> ResourceKey {
            ResourceKey {
                operation: DCS.into(),
                region: "cn-north-4".into(),
                ids: vec![self.instance.clone()],
                user: None,
            }
        }

        fn item(&self) -> Slots {
            self.folders[0].vault().slots(&self.key()).unwrap()
        }

        /// Waits until no change holds the resource's lock.
        fn quiet(&self) {
            let dir = lock_dir(&self.folders[0].vault().paths().data_dir).unwrap();
            let until = std::time::Instant::now() + Duration::from_secs(10);
            while ResourceLock::take(&dir, &self.key()).is_err() {
                assert!(std::time::Instant::now() < until, "a change never let go");
                std::thread::sleep(Duration::from_millis(2));
            }
        }

        fn cloud(&self) -> Option<String> {
            self.emulator
                .current_password(self.op, &["proj", &self.instance])
                .map(|p| p.to_string())
        }

        fn change(&self, old: &str, new: &str) -> ChangeRequest {
            let mut inputs = Inputs {
                region: Some("cn-north-4".into()),
                now: Some(OffsetDateTime::now_utc()),
                ..Inputs::default()
            };
            inputs.set("project_id", Value::Plain("proj".into()));
            inputs.set("instance_id", Value::Plain(self.instance.clone()));
            inputs.set(
                "old_password",
                Value::Secret(SecretString::from(old.to_owned())),
            );
            inputs.set(
                "new_password",
                Value::Secret(SecretString::from(new.to_owned())),
            );
            ChangeRequest {
                request: validate(self.op, &inputs).unwrap(),
                endpoint: Endpoint::parse_override(&self.emulator.url()).unwrap(),
                endpoint_override: Some(self.emulator.url()),
                credentials: Credentials::new(KEY_ID, SecretString::from(KEY_SECRET.to_owned())),
                profile: None,
                anyway: true,
                signing: Default::default(),
            }
        }

        /// A change by `folder`, dropped at `kill_at` if it gets there.
        async fn run(
            &self,
            folder: usize,
            old: String,
            new: String,
            kill_at: Option<Step>,
        ) -> Flight {
            let (tx, mut rx) = mpsc::unbounded_channel();
            let flight = Arc::new(Mutex::new(Flight::default()));
            let hooks = Killer {
                at: kill_at,
                tx,
                flight: flight.clone(),
            };
            let clock = keyturn::clock::system_clock();
            let change =
                self.folders[folder].change(self.change(&old, &new), &self.sender, &clock, &hooks);
            tokio::select! {
                _ = change => {}
                _ = rx.recv() => {}
            }
            flight.lock().map(|f| *f).unwrap_or_default()
        }
    }

    fn model(
        rt: &tokio::runtime::Runtime,
        emulator: RunningEmulator,
        seed: u64,
        steps: usize,
    ) -> RunningEmulator {
        let homes = [
            common::Home::new(&format!("shared-model-a-{seed}")),
            common::Home::new(&format!("shared-model-b-{seed}")),
        ];
        let transport = Transport::new(TransportConfig {
            total_timeout: Duration::from_secs(2),
            ..TransportConfig::default()
        });
        let w = World {
            folders: [
                Rotation::new(homes[0].vault()),
                Rotation::new(homes[1].vault()),
            ],
            _homes: homes,
            emulator,
            sender: Sender::new(transport),
            instance: format!("fault-slow-shared-{seed}-{}", std::process::id()),
            op: find(DCS).unwrap(),
        };
        let mut rng = StdRng::seed_from_u64(seed);
        let mut log = Vec::new();
        rt.block_on(w.run(0, FIRST.into(), format!("Shared-Fake-{seed}-init"), None));
        let kill_steps = [None, None, Some(Step::Staged), Some(Step::Sent)];
        for step in 0..steps {
            let current = w
                .item()
                .get(Slot::Current)
                .map(|p| p.expose_secret().to_owned());
            let current = current.unwrap_or_else(|| FIRST.to_owned());
            let open: Vec<(usize, String)> = (0..2)
                .flat_map(|f| {
                    let attempts = w.folders[f]
                        .open_attempts(OffsetDateTime::now_utc())
                        .unwrap();
                    attempts.into_iter().map(move |a| (f, a.id))
                })
                .collect();
            let action = rng.random_range(0..10);
            let mut in_flight_at_once = false;
            let what = match (open.first(), action) {
                (Some((folder, id)), 0..=5) => {
                    // Settled truthfully, after any lease.
                    let later = OffsetDateTime::now_utc() + time::Duration::hours(1);
                    let pending = w
                        .item()
                        .get(Slot::Pending)
                        .map(|p| p.expose_secret().to_owned());
                    let works = pending.is_some() && w.cloud() == pending;
                    let rotation = &w.folders[*folder];
                    let r = if works {
                        rotation
                            .keep_as_current(id, later)
                            .map(|d| format!("{:?}", d.how))
                    } else {
                        rotation.discard(id, later).map(|d| format!("{:?}", d.how))
                    };
                    format!("folder {folder} settles {id} (works: {works}): {r:?}")
                }
                _ => {
                    let at_once = rng.random_bool(0.6);
                    let kills = [
                        kill_steps[rng.random_range(0..kill_steps.len())],
                        kill_steps[rng.random_range(0..kill_steps.len())],
                    ];
                    let new = |f: usize| format!("Shared-Fake-{seed}-{step}-{f}");
                    if at_once {
                        let (a, b) = rt.block_on(async {
                            tokio::join!(
                                w.run(0, current.clone(), new(0), kills[0]),
                                w.run(1, current.clone(), new(1), kills[1]),
                            )
                        });
                        in_flight_at_once = overlapped(a, b);
                        format!("both change at once (kills {kills:?}): {a:?} {b:?}")
                    } else {
                        let f = rng.random_range(0..2);
                        rt.block_on(w.run(f, current.clone(), new(f), kills[f]));
                        format!("folder {f} changes (kill {:?})", kills[f])
                    }
                }
            };
            // A dropped change's blocking work may still be finishing: it
            // holds the resource's lock until it is done.
            w.quiet();
            log.push(what);
            let cloud = w.cloud().expect("the emulator knows the instance");
            let slots = w.item();
            let kept = [slots.get(Slot::Current), slots.get(Slot::Pending)];
            assert!(
                kept.iter().flatten().any(|p| p.expose_secret() == cloud),
                "seed {seed}, step {step}: the live password is in neither current nor pending\n{log:#?}"
            );
            assert!(
                !in_flight_at_once,
                "seed {seed}, step {step}: two requests of one resource in flight at once\n{log:#?}"
            );
        }
        w.emulator
    }

    #[test]
    fn two_data_folders_on_one_keyring_never_lose_the_live_password() {
        common::require_keyring();
        let runs: u64 = std::env::var("KEYTURN_MODEL_RUNS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(200);
        let rt = tokio::runtime::Runtime::new().unwrap();
        let (_emulator_rt, mut emulator) =
            common::emulator(KEY_ID, KEY_SECRET, Some(Duration::from_millis(60)));
        for seed in 0..runs {
            emulator = model(&rt, emulator, seed, 5);
        }
    }
}
