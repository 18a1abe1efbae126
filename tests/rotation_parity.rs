//! The command line and the desktop app make a change the same way: the
//! same scripted outcomes (a success, a wrong old password, a lost answer, a
//! retry of it that is refused, a retry that goes through) give the same
//! slot moves and the same journal records, whether `keyturn request
//! --send` / `keyturn recover --retry` run them or the app's background
//! jobs do. Needs the Secret Service (run under `scripts/with-keyring`).

mod common;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{DCS, Home};
use keyturn::catalog::find;
use keyturn::endpoint::Endpoint;
use keyturn::jobs::{Event, JobId, Jobs, JobsConfig, KeySource, SendJob, system_clock};
use keyturn::journal::{Journal, RecordKind as Record};
use keyturn::request::{Inputs, Value, validate};
use keyturn::sign::Credentials;
use keyturn::vault::{ResourceKey, Slot, Vault};
use secrecy::{ExposeSecret, SecretString};

const KEY_ID: &str = "FAKEPARITYKEY";
const KEY_SECRET: &str = "fake-parity-secret-0123";

/// A resource's filled slots, and the journal's events for it, in words.
type Trace = (Vec<(Slot, String)>, Vec<String>);

/// The slots of `instance` in `home`, as text, and the journal's events
/// for it.
fn trace(home: &Home, instance: &str) -> Trace {
    let key = ResourceKey::parse(&format!("{DCS}/cn-north-4/{instance}")).unwrap();
    let slots = Vault::new(home.paths()).slots(&key).unwrap();
    let slots = Slot::ALL
        .into_iter()
        .filter_map(|s| slots.get(s).map(|p| (s, p.expose_secret().to_owned())))
        .collect();
    let records = Journal::new(&home.paths().data_dir).read().unwrap().records;
    let attempts: Vec<String> = records
        .iter()
        .filter_map(|r| match &r.event {
            Record::Attempt(info) if info.resource == key => Some(r.attempt.clone()),
            _ => None,
        })
        .collect();
    let events = records
        .iter()
        .filter_map(|r| {
            let n = attempts.iter().position(|a| *a == r.attempt)?;
            Some(match &r.event {
                Record::Attempt(info) => format!(
                    "#{n} attempt{}",
                    info.retry_of
                        .as_ref()
                        .map(|of| format!(
                            " retrying #{}",
                            attempts.iter().position(|a| a == of).unwrap()
                        ))
                        .unwrap_or_default()
                ),
                Record::Sent => format!("#{n} sent"),
                Record::Outcome(o) => format!("#{n} outcome {}", o.status),
                Record::Settled { how } => format!("#{n} settled {how}"),
            })
        })
        .collect();
    (slots, events)
}

/// What to do next, the same for both front ends.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// A change from `old` to `new`.
    Change(&'static str, &'static str),
    /// Retry the open attempt.
    Retry,
}

trait FrontEnd {
    fn change(&mut self, instance: &str, old: &str, new: &str);
    fn retry(&mut self, instance: &str);
}

struct Cli<'a> {
    home: &'a Home,
    url: String,
}

impl Cli<'_> {
    fn keyturn(&self, args: &[&str]) -> Command {
        let mut c = common::keyturn(&self.home.dir, KEY_SECRET, args);
        c.stdin(Stdio::null());
        c
    }
}

impl FrontEnd for Cli<'_> {
    fn change(&mut self, instance: &str, old: &str, new: &str) {
        self.keyturn(&[
            "request",
            DCS,
            "--key-id",
            KEY_ID,
            "--region",
            "cn-north-4",
            "--endpoint",
            &self.url,
            "--param",
            "project_id=proj",
            "--param",
            &format!("instance_id={instance}"),
            "--param",
            "old_password=env:OLD_PW",
            "--param",
            "new_password=env:NEW_PW",
            "--send",
            "--timeout",
            "1",
        ])
        .env("OLD_PW", old)
        .env("NEW_PW", new)
        .output()
        .unwrap();
    }

    fn retry(&mut self, _instance: &str) {
        let o = self.keyturn(&["recover", "--json"]).output().unwrap();
        let open: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        let id = open[0]["attempt"].as_str().unwrap();
        self.keyturn(&["recover", id, "--retry", "--timeout", "1"])
            .output()
            .unwrap();
    }
}

struct App<'a> {
    home: &'a Home,
    jobs: Jobs,
    url: String,
}

impl App<'_> {
    fn wait(&mut self, id: JobId) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            for report in self.jobs.drain() {
                if report.id == id
                    && matches!(
                        report.event,
                        Event::Answered { .. } | Event::NotStarted(_) | Event::Blocked { .. }
                    )
                {
                    return;
                }
            }
            assert!(Instant::now() < deadline, "the job did not finish");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl FrontEnd for App<'_> {
    fn change(&mut self, instance: &str, old: &str, new: &str) {
        let op = find(DCS).unwrap();
        let mut inputs = Inputs {
            region: Some("cn-north-4".into()),
            ..Default::default()
        };
        inputs.set("project_id", Value::Plain("proj".into()));
        inputs.set("instance_id", Value::Plain(instance.into()));
        inputs.set("old_password", Value::Secret(SecretString::from(old)));
        inputs.set("new_password", Value::Secret(SecretString::from(new)));
        let id = self.jobs.send(SendJob {
            request: validate(op, &inputs).unwrap(),
            endpoint: Endpoint::parse_override(&self.url).unwrap(),
            endpoint_override: Some(self.url.clone()),
            key: KeySource::Typed(Credentials::new(KEY_ID, SecretString::from(KEY_SECRET))),
            anyway: false,
        });
        self.wait(id);
    }

    fn retry(&mut self, instance: &str) {
        let key = ResourceKey::parse(&format!("{DCS}/cn-north-4/{instance}")).unwrap();
        let open = Journal::new(&self.home.paths().data_dir)
            .read()
            .unwrap()
            .open_attempts();
        let attempt = open.iter().find(|a| a.info.resource == key).unwrap();
        let typed = Credentials::new(KEY_ID, SecretString::from(KEY_SECRET));
        let id = self.jobs.retry(&attempt.id, Some(typed));
        self.wait(id);
    }
}

/// The script: each step, then what the emulator should hold.
const SCRIPT: &[Step] = &[
    Step::Change("Parity-Old-1", "Parity-New-2"),
    Step::Change("Wrong-Parity-9", "Parity-New-3"),
];

/// On an instance that loses every answer: unknown, then a retry that is
/// refused (the first change worked, so the old password is wrong now).
const LOST_ANSWERS: &[Step] = &[Step::Change("Parity-Old-1", "Parity-New-4"), Step::Retry];

fn play(front: &mut dyn FrontEnd, home: &Home, instance: &str, script: &[Step]) -> Vec<Trace> {
    script
        .iter()
        .map(|step| {
            match step {
                Step::Change(old, new) => front.change(instance, old, new),
                Step::Retry => front.retry(instance),
            }
            trace(home, instance)
        })
        .collect()
}

#[test]
fn the_command_line_and_the_app_move_the_same_slots_and_journal_the_same_records() {
    common::require_keyring();
    let (_runtime, emulator) = common::emulator(KEY_ID, KEY_SECRET, None);
    let url = emulator.url();
    let pid = std::process::id();

    let cli_home = Home::new("parity-cli");
    let app_home = Home::new("parity-app");
    let mut cli = Cli {
        home: &cli_home,
        url: url.clone(),
    };
    let jobs = Jobs::new(
        JobsConfig::default(),
        Some(Vault::new(app_home.paths())),
        system_clock(),
        Arc::new(|| {}),
    )
    .unwrap();
    let mut app = App {
        home: &app_home,
        jobs,
        url,
    };

    for (script, name) in [(SCRIPT, "plain"), (LOST_ANSWERS, "fault-reset")] {
        let on_cli = play(&mut cli, &cli_home, &format!("{name}-cli-{pid}"), script);
        let on_app = play(&mut app, &app_home, &format!("{name}-app-{pid}"), script);
        assert_eq!(on_cli, on_app, "{name}: the front ends differ");
        // And the script did what it says, so equal means right.
        let (slots, events) = on_cli.last().unwrap();
        if name == "plain" {
            assert_eq!(
                slots,
                &vec![
                    (Slot::Current, "Parity-New-2".to_owned()),
                    (Slot::Previous, "Parity-Old-1".to_owned())
                ]
            );
            assert_eq!(
                events.last().map(String::as_str),
                Some("#1 settled rejected")
            );
        } else {
            assert_eq!(
                slots,
                &vec![
                    (Slot::Current, "Parity-Old-1".to_owned()),
                    (Slot::Pending, "Parity-New-4".to_owned())
                ]
            );
            assert!(
                events.contains(&"#1 attempt retrying #0".to_owned())
                    && events.last().map(String::as_str) == Some("#1 settled retry_failed"),
                "{events:?}"
            );
        }
    }
}
