//! The desktop app driven like a person would: find widgets by their
//! labels, type, click, press Enter and Escape, and read what is shown.
//!
//! Each test runs the whole `KeyturnApp` in `egui_kittest` (no window, no
//! GPU) with an empty throwaway vault, a clock the test moves by hand, and,
//! where a request is sent, the emulator of the four clouds on
//! 127.0.0.1:0 as the endpoint override, with the key typed into the form.
//! While a job is in flight the app keeps repainting (a spinner), so those
//! stretches are stepped frame by frame ([`Ui::wait_for`]) rather than
//! `run`, up to a deadline rather than a number of frames, and until the
//! follow-up reads of the index and journal have landed too.

mod common;

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use common::{Home, require_keyring};
use egui::accesskit::Role;
use egui::{Key, Rect, Vec2, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use keyturn::emulator::{self, EmulatorConfig, RunningEmulator};
use keyturn::i18n::Lang;
use keyturn::jobs::{Clock, JobsConfig};
use keyturn::journal::{Recorded, Settlement};
use keyturn::send::TaskPlan;
use keyturn::ui::clipboard::MemoryClipboard;
use keyturn::ui::{AppConfig, CjkFontSource, KeyturnApp};
use keyturn::vault::{ResourceKey, Slot, Vault};
use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

const KEY_ID: &str = "KTUITESTKEY";
const SECRET: &str = "ktui-test-secret";
/// How long [`Ui::wait_for`] waits for the app: far beyond what any job
/// takes, even on a loaded machine.
const WAIT_LIMIT: Duration = Duration::from_secs(60);
/// The screen most tests run on: tall and wide enough that nothing needs
/// scrolling. The layout test uses the real window's sizes instead.
const TEST_SCREEN: [f32; 2] = [1400.0, 1600.0];
/// The sidebar with no profile, in Chinese.
const ZH_NO_PROFILES: &str = "还没有配置。";

/// A wall clock that stands still until the test moves it.
#[derive(Clone)]
struct TestClock {
    base: OffsetDateTime,
    offset_ms: Arc<AtomicI64>,
}

impl TestClock {
    /// Pinned to the real time now, so that the emulator (which checks
    /// request times against its own clock) accepts what is signed, but in
    /// whole seconds: the date-time fields hold whole seconds, so a time
    /// set "+1 hour" from now is then exactly an hour away, never 59 min
    /// 59.9 s.
    fn new() -> Self {
        TestClock {
            base: OffsetDateTime::now_utc()
                .replace_nanosecond(0)
                .expect("0 is a valid nanosecond"),
            offset_ms: Arc::new(AtomicI64::new(0)),
        }
    }

    fn clock(&self) -> Clock {
        let (base, offset) = (self.base, self.offset_ms.clone());
        Arc::new(move || base + time::Duration::milliseconds(offset.load(Ordering::SeqCst)))
    }

    fn advance(&self, by: time::Duration) {
        self.offset_ms
            .fetch_add(by.whole_milliseconds() as i64, Ordering::SeqCst);
    }
}

/// What every window of the process shares, while these tests run on
/// several threads: the interface's language (one per process), and the
/// session bus, where a screen lock signalled for one window is heard by
/// all (each clears its typed secrets). A test in another language than
/// English, or one that signals the lock, has the process alone while its
/// window lives; the others share it.
static PROCESS: RwLock<()> = RwLock::new(());

enum ProcessHold {
    Shared(#[allow(dead_code)] RwLockReadGuard<'static, ()>),
    Alone(#[allow(dead_code)] RwLockWriteGuard<'static, ()>),
}

fn hold_process(alone: bool) -> ProcessHold {
    // A failed test poisons the lock; what it guards is still fine.
    if alone {
        ProcessHold::Alone(PROCESS.write().unwrap_or_else(|e| e.into_inner()))
    } else {
        ProcessHold::Shared(PROCESS.read().unwrap_or_else(|e| e.into_inner()))
    }
}

/// An empty vault in a fresh temporary folder, removed with the home.
fn throwaway_vault() -> (Vault, Home) {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let home = Home::new(&format!("ui-test-{}", COUNT.fetch_add(1, Ordering::SeqCst)));
    (home.vault(), home)
}

/// The app under test, with what it needs kept alive.
struct Ui {
    harness: Harness<'static, common::windowed::Windowed>,
    clock: TestClock,
    emulator: Option<(tokio::runtime::Runtime, RunningEmulator)>,
    /// Holds the vault's folders until the app is dropped.
    _home: Home,
    clipboard: MemoryClipboard,
    vault: Vault,
    jobs: JobsConfig,
    screen: Vec2,
    /// The window's language.
    lang: Lang,
    cjk_font: CjkFontSource,
    /// The process's shared state, held (see [`PROCESS`]) for as long as
    /// the window lives; dropped after it (fields drop in order).
    _process: ProcessHold,
}

fn app(jobs: JobsConfig, with_emulator: bool) -> Ui {
    app_with(jobs, with_emulator, |_, _| {}, "No profiles yet.")
}

/// The app on a screen of `screen`, with the emulator.
fn app_on_screen(screen: Vec2) -> Ui {
    app_on(
        screen,
        JobsConfig::default(),
        true,
        |_, _| {},
        "No profiles yet.",
    )
}

/// The app over a vault that `prepare` fills (given the emulator's URL),
/// once the sidebar shows `ready`.
fn app_with(
    jobs: JobsConfig,
    with_emulator: bool,
    prepare: impl FnOnce(&Vault, Option<&str>),
    ready: &str,
) -> Ui {
    app_on(TEST_SCREEN.into(), jobs, with_emulator, prepare, ready)
}

fn app_on(
    screen: Vec2,
    jobs: JobsConfig,
    with_emulator: bool,
    prepare: impl FnOnce(&Vault, Option<&str>),
    ready: &str,
) -> Ui {
    app_in(
        Lang::English,
        CjkFontSource::System,
        screen,
        jobs,
        with_emulator,
        prepare,
        ready,
    )
}

/// [`app_on`] in `lang`, with the font for Chinese from `cjk_font`.
fn app_in(
    lang: Lang,
    cjk_font: CjkFontSource,
    screen: Vec2,
    jobs: JobsConfig,
    with_emulator: bool,
    prepare: impl FnOnce(&Vault, Option<&str>),
    ready: &str,
) -> Ui {
    // The flag is taken whatever the language, so it never outlives its app.
    let alone = ALONE.with(|a| a.replace(false)) || lang != Lang::English;
    let process = hold_process(alone);
    let clock = TestClock::new();
    let (vault, home) = throwaway_vault();
    let emulator = with_emulator.then(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let mut config = EmulatorConfig::new(KEY_ID, SecretString::from(SECRET));
        config.backing = BACKING.with(|b| b.borrow_mut().take());
        let emu = runtime
            .block_on(emulator::start(config, "127.0.0.1:0".parse().unwrap()))
            .unwrap();
        (runtime, emu)
    });
    prepare(&vault, emulator.as_ref().map(|(_, e)| e.url()).as_deref());
    let clipboard = MemoryClipboard::new();
    let harness = start(
        &vault,
        &clock,
        &clipboard,
        jobs,
        screen,
        lang,
        cjk_font.clone(),
    );
    let mut ui = Ui {
        harness,
        clock,
        emulator,
        _home: home,
        clipboard,
        vault,
        jobs,
        screen,
        lang,
        cjk_font,
        _process: process,
    };
    // Let the profile index arrive.
    ui.wait_for("the profile list", |h| h.query_by_label(ready).is_some());
    ui
}

thread_local! {
    /// The next app has the process alone (see [`PROCESS`]), taken by
    /// [`app_in`].
    static ALONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Real services for the next app's emulator to apply changes to
    /// (the login tests), taken by [`app_in`].
    static BACKING: std::cell::RefCell<Option<keyturn::emulator::backing::Backing>> =
        const { std::cell::RefCell::new(None) };
}

/// A fresh app over `vault`, as at a start of the program.
fn start(
    vault: &Vault,
    clock: &TestClock,
    clipboard: &MemoryClipboard,
    jobs: JobsConfig,
    screen: Vec2,
    lang: Lang,
    cjk_font: CjkFontSource,
) -> Harness<'static, common::windowed::Windowed> {
    let config = AppConfig {
        vault: Some(vault.clone()),
        clock: clock.clock(),
        local_offset: time::UtcOffset::UTC,
        jobs,
        clipboard: Box::new(clipboard.clone()),
        lang_argument: Some(lang),
        cjk_font,
        store: Some(Ok(keyturn::vault::team::StoreChoice::Keyring)),
    };
    common::windowed::harness(Harness::builder().with_size(screen), move |ctx, storage| {
        KeyturnApp::new(ctx, storage, config).unwrap()
    })
}

/// A resource id no other test (or earlier run in the same keyring) uses.
fn unique(prefix: &str) -> String {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    )
}

impl Ui {
    /// Closes the app and starts it again over the same vault and journal.
    fn restart(&mut self, ready: &str) {
        self.harness = start(
            &self.vault,
            &self.clock,
            &self.clipboard,
            self.jobs,
            self.screen,
            self.lang,
            self.cjk_font.clone(),
        );
        self.wait_for("the restarted app", |h| h.query_by_label(ready).is_some());
    }

    /// One slot of a stored resource password, read from the keyring.
    fn slot(&self, resource: &str, slot: Slot) -> Option<String> {
        let key = ResourceKey::parse(resource).expect("a resource key");
        self.vault
            .password(&key, slot)
            .ok()
            .map(|s| s.expose_secret().to_owned())
    }

    /// The attempts in the rotation journal.
    fn attempts(&self) -> Vec<keyturn::journal::Attempt> {
        keyturn::journal::Journal::new(&self.vault.paths().data_dir)
            .read()
            .unwrap()
            .attempts()
    }

    /// Every label (or value) containing `part`, as text.
    fn texts_containing(&self, part: &str) -> Vec<String> {
        self.harness
            .query_all_by_label_contains(part)
            .filter_map(|n| {
                let node = n.accesskit_node();
                [node.label(), node.value()]
                    .into_iter()
                    .flatten()
                    .find(|text| text.contains(part))
            })
            .collect()
    }

    /// Whether any node of the accessibility tree, or any of its text runs,
    /// holds `part` in its name or value: what an AT-SPI client can read.
    fn readable_by_assistive_technology(&self, part: &str) -> bool {
        self.harness.root().children_recursive().any(|n| {
            let node = n.accesskit_node();
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .any(|text| text.contains(part))
        })
    }

    /// Whether the input named `label` holds nothing (a password field's
    /// value is its masked text: empty when the field is).
    fn input_is_empty(&self, label: &str) -> bool {
        self.harness
            .get_by_label(label)
            .accesskit_node()
            .value()
            .unwrap_or_default()
            .is_empty()
    }

    /// Presses every password field's Show (each named after its field).
    fn show_every_password(&mut self) {
        self.harness
            .query_all_by_role(Role::Button)
            .filter(|b| {
                b.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("Show "))
            })
            .for_each(|b| b.click());
        self.harness.run();
    }

    /// Every text painted in the last frame (what is on screen, whether or
    /// not the accessibility tree has it).
    fn painted_texts(&self) -> Vec<String> {
        fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
            match shape {
                egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
                egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for clipped in &self.harness.output().shapes {
            walk(&clipped.shape, &mut out);
        }
        out
    }

    fn h(&mut self) -> &mut Harness<'static, common::windowed::Windowed> {
        &mut self.harness
    }

    /// Steps frame by frame (jobs run on other threads) until `done`, and
    /// until the app awaits no re-read of the index or journal: their
    /// answers can move widgets, and a click in the frame that moves its
    /// target is lost. On a loaded machine those reads land late, so only
    /// a generous deadline, never a count of frames, gives up.
    fn wait_for(
        &mut self,
        what: &str,
        done: impl Fn(&Harness<'static, common::windowed::Windowed>) -> bool,
    ) {
        let deadline = Instant::now() + WAIT_LIMIT;
        while Instant::now() < deadline {
            self.harness.step();
            if done(&self.harness) && !self.harness.state().reloading() {
                self.harness.run_steps(2);
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let shown: Vec<String> = self
            .harness
            .root()
            .children_recursive()
            .filter_map(|n| {
                let node = n.accesskit_node();
                node.label().or(node.value())
            })
            .filter(|t| !t.trim().is_empty())
            .collect();
        panic!(
            "gave up waiting for {what} after {WAIT_LIMIT:?} (still re-reading: {}); the window shows: {shown:#?}",
            self.harness.state().reloading()
        );
    }

    /// Opens a form from the sidebar, and waits until the window is
    /// still (a profile chosen for a new form looks its key up).
    fn open(&mut self, sidebar_label: &str) {
        self.harness.get_by_label(sidebar_label).click();
        self.settle();
    }

    /// Focuses the input named `label`, selects what is in it, and types.
    fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.settle();
        self.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        self.harness.get_by_label(label).type_text(text);
        self.settle();
    }

    /// Runs frames until the window is still: typing a resource id starts
    /// a look-up of what Keyturn knows of it, whose answer arrives from
    /// another thread and may move the form a few frames later.
    fn settle(&mut self) {
        let deadline = Instant::now() + WAIT_LIMIT;
        while self.harness.try_run().is_err() || self.harness.state().reloading() {
            assert!(Instant::now() < deadline, "the window never settled");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Types the key and points the form at the emulator.
    fn use_emulator(&mut self, region: &str) {
        let url = self
            .emulator
            .as_ref()
            .expect("started with the emulator")
            .1
            .url();
        self.type_into(&self.word("Access key ID"), KEY_ID);
        self.type_into(&self.word("Access key secret"), SECRET);
        self.type_into(&self.word("Region"), region);
        self.type_into(&self.word("Endpoint override"), &url);
    }

    /// One of the labels these helpers look for, in the window's language
    /// (the tests' own assertions spell their Chinese out).
    fn word(&self, english: &str) -> String {
        const IDS: &[(&str, &str)] = &[
            ("Access key ID", "form-key-id"),
            ("Access key secret", "form-key-secret"),
            ("Region", "form-region"),
            ("Endpoint override", "form-endpoint-override"),
            ("Review and send…", "form-review-and-send"),
            ("Confirm the change", "form-confirm-heading"),
            ("Preparing to send…", "form-preparing"),
            ("Answered at: ", "app-results-answered-at"),
            ("Access key secret is required", "form-key-secret-required"),
        ];
        let id = IDS
            .iter()
            .find(|(e, _)| *e == english)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("no id for {english:?}"));
        let mut args = keyturn::i18n::FluentArgs::new();
        args.set("value", "");
        keyturn::i18n::tr_in(self.lang, id, Some(&args))
    }

    fn has(&self, label: &str) -> bool {
        self.harness.query_all_by_label(label).next().is_some()
    }

    fn has_containing(&self, part: &str) -> bool {
        self.harness
            .query_all_by_label_contains(part)
            .next()
            .is_some()
    }

    fn submit_enabled(&self) -> bool {
        !self
            .harness
            .get_by_role_and_label(Role::Button, &self.word("Review and send…"))
            .accesskit_node()
            .is_disabled()
    }

    /// Opens the confirmation with Enter, checks it, confirms with Enter,
    /// and waits for the answer.
    fn send_with_keyboard(&mut self) {
        // A success forgets a typed key secret: the admin types it again.
        if self.has_containing(&self.word("Access key secret is required")) {
            self.type_into(&self.word("Access key secret"), SECRET);
        }
        assert!(self.submit_enabled(), "the form should be ready to send");
        self.harness.key_press(Key::Enter);
        self.harness.run();
        assert!(
            self.has(&self.word("Confirm the change")),
            "Enter opens the confirmation"
        );
        self.confirm_by_keyboard();
        self.harness.step();
        let (answered, preparing) = (self.word("Answered at: "), self.word("Preparing to send…"));
        self.wait_for("an answer", |h| {
            h.query_by_label_contains(&answered).is_some() && h.query_by_label(&preparing).is_none()
        });
    }

    /// Runs `edit`, then sends with the keyboard.
    /// Answers an open confirmation from the keyboard as an admin would:
    /// Cancel has the focus, Tab moves to the action, Enter presses it.
    /// The caller steps the harness on.
    fn confirm_by_keyboard(&mut self) {
        self.harness.run();
        self.harness.key_press(Key::Tab);
        self.harness.run();
        self.harness.key_press(Key::Enter);
    }

    fn send_with_keyboard_after(&mut self, edit: impl FnOnce(&mut Ui)) {
        edit(self);
        self.send_with_keyboard();
    }

    /// Presses the new password's Show or Hide (`button`), named after
    /// the field for screen readers.
    fn toggle_new_password(&mut self, button: &str) {
        self.harness
            .get_by_role_and_label(Role::Button, &format!("{button} New password"))
            .click();
        self.harness.run();
    }

    /// Presses Tab and waits until the window is still; the widget that
    /// has the focus then, by its name and where it is drawn.
    fn tab(&mut self) -> Option<(String, egui::Rect)> {
        self.harness.key_press(Key::Tab);
        self.settle();
        let focused = self
            .harness
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().is_focused())?;
        let label = focused.accesskit_node().label().unwrap_or_default();
        Some((label, focused.rect()))
    }

    fn repaint_delay(&self) -> Duration {
        self.harness.output().viewport_output[&ViewportId::ROOT].repaint_delay
    }
}

/// Every label that starts with `prefix`.
fn labels_starting(h: &Harness<'static, common::windowed::Windowed>, prefix: &str) -> Vec<String> {
    h.query_all_by_label_contains(prefix)
        .filter_map(|n| {
            let node = n.accesskit_node();
            // A plain label carries its text as its value.
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .find(|text| text.starts_with(prefix))
        })
        .collect()
}

#[test]
fn typing_a_new_password_flips_rule_rows_and_the_strength() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("DCS UpdatePassword");
    assert!(ui.has("Type or generate the new password."));
    // Before anything is typed the rules are listed, neither met nor broken.
    assert!(ui.has("• 8 to 32 characters (some versions accept up to 64)"));
    assert!(labels_starting(ui.h(), "✘ ").is_empty());
    let submit_before = ui.h().get_by_label("Review and send…").rect();

    ui.type_into("New password", "abc");
    assert!(ui.has_containing("✘ 8 to 32 characters (some versions accept up to 64)"));
    assert!(ui.has_containing(
        "8 to 32 characters (some versions accept up to 64) — add 5 more characters"
    ));
    assert!(ui.has_containing(
        "✘ contains at least 3 of: a lower-case letter, an upper-case letter, a digit or a special character"
    ));
    assert!(ui.has_containing("✔ only allowed characters"));
    assert!(ui.has("Strength: not rated, the API would refuse it"));
    // The checklist kept its rows and nothing under it moved.
    assert_eq!(
        ui.h().get_by_label("Review and send…").rect().top(),
        submit_before.top(),
        "typing moved the form under the pointer"
    );
    ui.type_into("New password", "abcdefgh");
    assert!(
        ui.has("Strength: not rated, the API would refuse it"),
        "one class"
    );
    ui.type_into("New password", "abcdefG1");
    let weak = labels_starting(ui.h(), "Strength: ");
    assert_eq!(weak.len(), 1, "{weak:?}");
    assert!(
        !weak[0].contains("not rated"),
        "accepted, so rated: {weak:?}"
    );

    ui.type_into("New password", "abcD3f9!kq");
    assert!(ui.has_containing("✔ 8 to 32 characters (some versions accept up to 64)"));
    assert!(ui.has_containing(
        "✔ contains at least 3 of: a lower-case letter, an upper-case letter, a digit or a special character"
    ));
    assert!(!ui.has(&weak[0]), "the estimate must move");
    assert!(labels_starting(ui.h(), "Strength: ").len() == 1);

    // A space is not allowed; the checklist says so and names the spot.
    ui.type_into("New password", "abcD3f9 kq");
    assert!(ui.has_containing("✘ only allowed characters"));
    assert!(ui.has_containing(
        "✘ character 8 is a space, which is not allowed: only letters, digits and"
    ));

    // A refused `"` is named only once the password is shown, and as
    // itself, not escaped as in source code (`'\"'`).
    ui.type_into("New password", "abcD3f9\"kq");
    assert!(ui.has_containing("✘ character 8 is not allowed"));
    assert!(!ui.has_containing("character 8 '"), "named while hidden");
    ui.toggle_new_password("Show");
    assert!(
        ui.has_containing("✘ character 8 '\"' is not allowed"),
        "{:?}",
        ui.texts_containing("character 8")
    );
    ui.toggle_new_password("Hide");

    // `:` only some versions accept: a warning, not an error.
    ui.type_into("New password", "abcD3f9:kq");
    assert!(ui.has_containing("! no characters that some versions refuse"));
    assert!(ui.has_containing("✔ only allowed characters"));

    // Same as the old password: Huawei refuses it.
    ui.type_into("Old password", "abcD3f9:kq");
    assert!(ui.has_containing("✘ differs from the current password"));
    // Said once, by the checklist.
    assert!(!ui.has_containing("The new password is the same as the current one"));
    assert_eq!(
        labels_starting(ui.h(), "✘ differs from the current password").len(),
        1
    );
}

/// Typed secrets go after the idle time without input (5 minutes unless
/// set otherwise), in every form and the credentials view, and each form
/// that held one says why; a repaint is asked for when they are due, so an
/// idle window still clears them.
#[test]
fn typed_secrets_are_forgotten_after_the_idle_time() {
    let mut ui = app(JobsConfig::default(), false);
    assert_eq!(ui.h().state().idle_settings().forget_after_mins, 5);
    ui.open("DCS UpdatePassword");
    ui.type_into("Access key secret", SECRET);
    ui.type_into("Old password", "Idle-Old-123");
    ui.type_into("New password", "Idle-New-456");
    ui.open("TcaplusDB ModifyClusterPassword");
    ui.type_into("Old password", "Idle-Old-789");
    assert!(
        ui.repaint_delay() <= Duration::from_secs(300),
        "a repaint is due when they go: {:?}",
        ui.repaint_delay()
    );
    ui.clock.advance(time::Duration::seconds(299));
    ui.h().run();
    assert!(!ui.input_is_empty("Old password"));
    ui.clock.advance(time::Duration::seconds(1));
    ui.h().run();
    assert!(
        ui.input_is_empty("Old password"),
        "this form's old password"
    );
    assert!(ui.has("The secrets typed here were cleared after 5 minutes without use."));
    ui.open("DCS UpdatePassword");
    for field in ["Access key secret", "Old password", "New password"] {
        assert!(ui.input_is_empty(field), "{field} is kept");
    }
    assert!(ui.has("The secrets typed here were cleared after 5 minutes without use."));
    assert!(
        ui.repaint_delay() > Duration::from_secs(3600),
        "nothing held, nothing to wait for"
    );
}

/// The desktop's screen saver saying the screen locked (on the session
/// bus, as GNOME and KDE do) clears typed secrets at once.
#[test]
fn typed_secrets_are_forgotten_when_the_screen_locks() {
    require_keyring();
    // Every window of the process hears the lock: no other test's may.
    ALONE.with(|a| a.set(true));
    let mut ui = app(JobsConfig::default(), false);
    ui.open("DCS UpdatePassword");
    ui.type_into("Old password", "Locked-Old-123");
    // The watcher subscribes on a thread of its own: signal until heard.
    let deadline = Instant::now() + Duration::from_secs(20);
    let heard = "The secrets typed here were cleared when the screen locked.";
    while !ui.has(heard) {
        assert!(Instant::now() < deadline, "the lock was not heard");
        let sent = std::process::Command::new("dbus-send")
            .args([
                "--session",
                "--type=signal",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver.ActiveChanged",
                "boolean:true",
            ])
            .status()
            .expect("dbus-send runs");
        assert!(sent.success());
        std::thread::sleep(Duration::from_millis(200));
        ui.h().run();
    }
    assert!(ui.input_is_empty("Old password"));
}

/// A password field showing its text is still a password to assistive
/// technology, and Ctrl+C in it copies through the protected path (marked
/// for clipboard managers, cleared after its delay), never egui's own.
#[test]
fn a_shown_password_copies_only_the_protected_way() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("DCS UpdatePassword");
    ui.type_into("New password", "Shown-Pass-123");
    ui.toggle_new_password("Show");
    assert!(ui.painted_texts().iter().any(|t| t == "Shown-Pass-123"));
    assert!(!ui.readable_by_assistive_technology("Shown-Pass-123"));
    assert_eq!(
        ui.h().get_by_label("New password").accesskit_node().role(),
        Role::PasswordInput
    );

    ui.h().get_by_label("New password").focus();
    ui.h().run();
    ui.h().key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    ui.h().run();
    ui.h().event(egui::Event::Copy);
    ui.h().step();
    let egui_copied = ui
        .h()
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(_)));
    assert!(!egui_copied, "copied past the protected path");
    ui.h().run();
    assert_eq!(ui.clipboard.contents().as_deref(), Some("Shown-Pass-123"));
    assert!(ui.clipboard.marked_secret());
    assert!(ui.has_containing("it is cleared in 10 s"));
    ui.clock.advance(time::Duration::seconds(10));
    ui.h().run();
    assert_eq!(ui.clipboard.contents(), None, "cleared when due");

    // Hidden again: Ctrl+C copies nothing at all.
    ui.toggle_new_password("Hide");
    ui.h().get_by_label("New password").focus();
    ui.h().key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    ui.h().event(egui::Event::Copy);
    ui.h().run();
    assert_eq!(ui.clipboard.contents(), None);
}

#[test]
fn generate_fills_a_password_that_passes_every_rule_and_is_remembered() {
    let mut ui = app(JobsConfig::default(), false);
    for (sidebar, rules) in [
        ("DCS UpdatePassword", 4),
        // Classes and alphabet: TcaplusDB documents no length.
        ("TcaplusDB ModifyClusterPassword", 2),
        ("URedis ModifyURedisGroupPassword", 2),
        ("DTS ModifyConsumerGroupPassword", 3),
    ] {
        ui.open(sidebar);
        ui.h().get_by_label("Generate").click();
        ui.h().run();
        let passed = labels_starting(ui.h(), "✔ ");
        assert_eq!(passed.len(), rules, "{sidebar}: {passed:?}");
        assert!(labels_starting(ui.h(), "✘ ").is_empty(), "{sidebar}");
        assert!(labels_starting(ui.h(), "! ").is_empty(), "{sidebar}");
    }

    // Length and look-alikes are the user's, per operation.
    ui.open("DCS UpdatePassword");
    ui.h()
        .get_by_role_and_label(Role::Slider, "Length of a generated password")
        .set_value_accesskit(12.0);
    ui.h().run();
    // Look-alikes are avoided unless the admin says otherwise.
    assert_eq!(
        ui.h()
            .get_by_label("Avoid look-alike characters")
            .accesskit_node()
            .toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    ui.h().get_by_label("Generate").click();
    ui.h().run();
    ui.toggle_new_password("Show");
    let shown = ui
        .h()
        .get_by_label("New password")
        .value()
        .expect("a shown password has a value");
    assert_eq!(shown.chars().count(), 12, "{shown:?}");
    assert!(!shown.chars().any(|c| "Il1|O0o".contains(c)));

    let remembered = ui.h().state().remembered();
    let dcs = &remembered.per_op["huaweicloud.dcs.update-password"];
    assert_eq!(dcs.generator_length, Some(12));
    assert!(dcs.avoid_lookalikes);
    assert_eq!(
        remembered.operation.as_deref(),
        Some("huaweicloud.dcs.update-password")
    );
    let stored = format!("{remembered:?}");
    assert!(!stored.contains(&shown), "no secret may be remembered");
}

#[test]
fn submit_stays_disabled_until_every_required_field_is_given() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("URedis ModifyURedisGroupPassword");
    assert!(!ui.submit_enabled());
    assert!(ui.has("• Group ID is required"));
    assert!(ui.has("• Region is required"));
    assert!(ui.has("• Access key ID is required"));

    ui.type_into("Access key ID", KEY_ID);
    ui.type_into("Access key secret", SECRET);
    ui.type_into("Region", "cn-bj2");
    ui.type_into("New password", "Abc_123-xyz");
    assert!(!ui.submit_enabled(), "Group ID is still missing");
    assert!(ui.has("• Group ID is required"));
    // Enter does nothing while the form is not valid.
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(!ui.has("Confirm the change"));

    ui.type_into("Group ID", "uredis-abc");
    assert!(ui.submit_enabled());
    assert!(!ui.has_containing("is required"));

    // Escape closes the confirmation without sending.
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    assert!(ui.has("Confirm the change"));
    assert!(ui.has("uredis-abc"));
    assert!(ui.has("Sets a new password."));
    ui.h().key_press(Key::Escape);
    ui.h().run();
    assert!(!ui.has("Confirm the change"));
    assert!(ui.has("Nothing sent yet in this session."));
}

#[test]
fn removing_ucloud_password_is_an_explicit_confirmed_choice() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("URedis ModifyURedisGroupPassword");
    ui.h().get_by_label("Remove the password instead").click();
    ui.h().run();
    assert!(ui.has("Remove the password?"));
    ui.h().get_by_label("Keep the password").click();
    ui.h().run();
    assert!(!ui.has_containing("The password will be removed"));

    ui.h().get_by_label("Remove the password instead").click();
    ui.h().run();
    ui.h().get_by_label("Yes, remove the password").click();
    ui.h().run();
    assert!(ui.has_containing("The password will be removed"));
    ui.type_into("Access key ID", KEY_ID);
    ui.type_into("Access key secret", SECRET);
    ui.type_into("Region", "cn-bj2");
    ui.type_into("Group ID", "uredis-abc");
    assert!(ui.submit_enabled());
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(ui.has_containing("Removes the password: removes the group's password"));
    assert!(
        ui.h()
            .query_by_role_and_label(Role::Button, "Remove the password")
            .is_some()
    );
}

#[test]
fn a_confirmed_change_reaches_the_emulator_and_shows_its_request_id() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    ui.open("DTS ModifyDtsJobPassword");
    ui.use_emulator("cn-hangzhou");
    ui.type_into("DTS task ID", "dtsjob-ok-1");
    assert!(ui.has("• Database is required"));
    ui.h().get_by_label("Database").click();
    ui.h().run();
    ui.h().get_by_label("src: source database").click();
    ui.h().run();
    assert!(!ui.has("• Database is required"));
    ui.type_into("Database account", "dts_admin");
    ui.type_into("Current password", "Old-Pass-123");
    ui.type_into("New password", "New-Pass-456");
    assert!(ui.has("✔ differs from the current password"));

    // The confirmation names exactly what will change.
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    for shown in [
        "ModifyDtsJobPassword (Alibaba Cloud DTS)",
        "typed key KTUITESTKEY (not stored)",
        "cn-hangzhou",
        "dtsjob-ok-1",
        "src",
        "dts_admin",
        "Sets a new password.",
    ] {
        assert!(ui.has(shown), "the confirmation should show {shown:?}");
    }
    assert!(ui.has_containing("http://127.0.0.1:"));
    ui.h()
        .get_by_role_and_label(Role::Button, "Change the password")
        .click();
    ui.h().step();
    ui.wait_for("an answer", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
    });
    assert!(ui.has("Password changed"));
    let ids = labels_starting(ui.h(), "Request ID: ");
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(ids[0].len() > "Request ID: ".len() + 8, "{ids:?}");
    assert!(ui.has("HTTP status: 200"));
    // Nothing counts down: the only repaint asked for is when the
    // secrets the form holds (the fresh password) are due to go.
    ui.h().run();
    assert!(
        ui.repaint_delay() >= Duration::from_secs(299),
        "{:?}",
        ui.repaint_delay()
    );
}

#[test]
fn huawei_wrong_old_password_counts_down_to_a_lock_with_a_live_countdown() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    ui.open("DCS UpdatePassword");
    ui.use_emulator("cn-north-4");
    ui.type_into("Project ID", "0504201b5a80d3a22f6ec01a1f4b5c9c");
    ui.type_into("Instance ID", "dcs-lock-1");
    // The emulator takes the first old password it sees as the real one.
    ui.type_into("Old password", "Right-Pass-1");
    ui.type_into("New password", "Next-Pass-22");
    ui.send_with_keyboard();
    assert!(ui.has("Password changed"));

    for left in [4, 3, 2] {
        // Enter opens the dialog only from a field of the form; after the
        // success the new-password field was emptied.
        ui.type_into("Old password", "Wrong-Pass-9");
        ui.type_into("New password", "Other-Pass-55");
        ui.send_with_keyboard();
        assert!(ui.has("Wrong current password"));
        assert!(
            ui.has(&format!(
                "{left} tries left before password changes are locked"
            )),
            "{left}"
        );
    }
    ui.send_with_keyboard_after(|ui| {
        ui.type_into("Old password", "Wrong-Pass-9");
        ui.type_into("New password", "Other-Pass-55");
    });
    assert!(ui.has("1 try left before password changes are locked"));
    // Earlier sends name the resource they were about.
    assert!(
        ui.has_containing(" · UpdatePassword · dcs-lock-1 · "),
        "{:?}",
        ui.texts_containing("UpdatePassword · ")
    );
    // The old password typed is not the one Keyturn keeps (the success
    // set it): the confirmation says so, with the one try left.
    ui.type_into("Old password", "Wrong-Pass-9");
    ui.type_into("New password", "Other-Pass-55");
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(ui.has("Confirm the change"));
    assert!(
        ui.has_containing(
            "differs from the current password Keyturn keeps for this resource, and the provider said only 1 try is left"
        ),
        "{:?}",
        ui.texts_containing("differs")
    );
    ui.h().key_press(Key::Escape);
    ui.h().run();
    ui.send_with_keyboard_after(|ui| {
        ui.type_into("Old password", "Wrong-Pass-9");
        ui.type_into("New password", "Other-Pass-55");
    });
    assert!(ui.has("Password changes are locked"));
    assert!(ui.has("Password changes may be tried again in 5 min 00 s"));
    ui.h().run();
    let delay = ui.repaint_delay();
    assert!(
        delay <= Duration::from_secs(1),
        "a visible countdown ticks: {delay:?}"
    );

    ui.clock.advance(time::Duration::seconds(61));
    ui.h().run();
    assert!(ui.has("Password changes may be tried again in 3 min 59 s"));
    ui.clock.advance(time::Duration::minutes(4));
    ui.h().run();
    assert!(ui.has("The lock has ended: password changes may be tried again now."));
    ui.h().run();
    assert!(
        ui.repaint_delay() > Duration::from_secs(3600),
        "no countdown left, no repaints"
    );
}

#[test]
fn tcaplus_old_password_still_valid_offers_to_change_only_the_expiry() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    ui.open("TcaplusDB ModifyClusterPassword");
    ui.use_emulator("ap-guangzhou");
    ui.type_into("Cluster ID", "23311894780");
    ui.type_into("Old password", "FirstPass1");
    ui.h().get_by_label("+1 hour").click();
    ui.h().run();
    assert!(ui.has_containing("(in 1 h 00 min)"));
    ui.type_into("New password", "SecondPass2");
    ui.send_with_keyboard();
    assert!(ui.has("Password changed"));

    // A success forgets the typed key secret.
    ui.type_into("Access key secret", SECRET);
    ui.type_into("Old password", "SecondPass2");
    ui.type_into("New password", "ThirdPass3");
    // The journal remembers the window the first change opened: the next
    // change is refused before anything is sent, with a countdown.
    let attempts = ui.attempts().len();
    ui.h().key_press(Key::Enter);
    ui.h().run();
    ui.confirm_by_keyboard();
    ui.h().step();
    ui.wait_for("the refusal", |h| {
        h.query_by_label("Not sent: the provider would refuse this change now")
            .is_some()
    });
    assert!(ui.has_containing("The previous old password stays valid until"));
    assert!(ui.has_containing("It may be tried again in 1 h 00 min"));
    assert_eq!(ui.attempts().len(), attempts, "nothing was staged");
    // "Send anyway" is an explicit, confirmed choice: the provider's own answer.
    ui.h().get_by_label("Send anyway…").click();
    ui.h().run();
    assert!(ui.has_containing("Sending anyway: The previous old password stays valid"));
    ui.confirm_by_keyboard();
    ui.h().step();
    ui.wait_for("the provider's answer", |h| {
        h.query_by_label("The previous old password is still valid")
            .is_some()
    });
    assert!(ui.has_containing("The previous old password stops working in "));
    assert_eq!(
        ui.h().state().remembered().operation.as_deref(),
        Some("tencentcloud.tcaplusdb.modify-cluster-password")
    );

    ui.h()
        .get_by_label("Change only the expiry (Mode 2)")
        .click();
    ui.wait_for("Mode 2", |h| {
        h.query_by_label_contains("Filled in to change only")
            .is_some()
    });
    assert_eq!(
        ui.h().get_by_label("Mode").value().as_deref(),
        Some("2: change only the old password's expiry")
    );
    assert!(ui.has_containing("Filled in to change only the old password's expiry"));
    // One click: the call names the password the cluster has now, from
    // the keyring, as both the old and the new password.
    ui.wait_for("the keyring's passwords", |h| {
        h.get_by_label("New password")
            .accesskit_node()
            .value()
            .is_some_and(|v| v.chars().count() == "SecondPass2".len())
    });
    ui.show_every_password();
    let shown = ui.painted_texts();
    let current = shown.iter().filter(|t| *t == "SecondPass2").count();
    assert_eq!(current, 2, "old and new: {shown:?}");
    assert!(!shown.iter().any(|t| t == "ThirdPass3"), "{shown:?}");

    // Mode 2 goes through, and the confirmation says what it changes.
    ui.h().get_by_label("+7 days").click();
    ui.h().run();
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    assert!(ui.has_containing("Changes only when the old password expires"));
    ui.confirm_by_keyboard();
    ui.h().step();
    // It changed no password, and says so: heading and keyring line.
    ui.wait_for("the Mode 2 answer", |h| {
        h.query_by_label("The old password's expiry changed")
            .is_some()
            && h.query_by_label_contains("in the keyring are unchanged")
                .is_some()
            && h.query_by_label("Preparing to send…").is_none()
            && h.query_by_label_contains("Changes only when the old password expires")
                .is_some()
    });

    // History counts down only what still holds: the last answer for the
    // cluster (the expiry Mode 2 set), not the earlier answers it replaced.
    ui.h().get_by_label("History").click();
    ui.settle();
    let countdowns = ui
        .texts_containing("The old password keeps working; it stops")
        .len()
        + ui.texts_containing("The previous old password stops working")
            .len();
    assert_eq!(countdowns, 1, "{:?}", ui.texts_containing("stops"));
    assert!(
        ui.has_containing("it stops in 7 days"),
        "{:?}",
        ui.texts_containing("stops")
    );
}

/// Opens the URedis form on the emulator, names a new group whose id
/// starts with `prefix` (a fault's, for one), and sends `new_password` to
/// it with the keyboard. Returns the group id and the resource's key.
fn send_to_new_uredis_group(ui: &mut Ui, prefix: &str, new_password: &str) -> (String, String) {
    ui.open("URedis ModifyURedisGroupPassword");
    ui.use_emulator("cn-bj2");
    let group = unique(prefix);
    ui.type_into("Group ID", &group);
    ui.type_into("New password", new_password);
    ui.send_with_keyboard();
    let resource = format!("ucloud.uredis.modify-group-password/cn-bj2/{group}");
    (group, resource)
}

/// Jobs that follow a task quickly, but slowly enough that a test sees it
/// run: the emulator says "running" at the first question and ends the
/// task at the second, so the task is shown running for at least the two
/// waits.
fn quick_tasks() -> JobsConfig {
    JobsConfig {
        task_plan: TaskPlan {
            first_wait: Duration::from_millis(1500),
            every: Duration::from_millis(1500),
            budget: Duration::from_secs(30),
        },
        ..JobsConfig::default()
    }
}

const TASK_RUNNING: &str = "The provider is finishing the change as task ";

/// Fills Tencent Cloud Redis's ModifyInstancePassword for `instance` and
/// confirms it; returns once the results show the task running, with the
/// task's id as they show it.
fn send_tencent_redis_task(ui: &mut Ui, instance: &str, old: &str, new: &str) -> String {
    ui.open("Redis ModifyInstancePassword");
    ui.use_emulator("ap-guangzhou");
    ui.type_into("Instance ID", instance);
    ui.type_into("Old password", old);
    ui.type_into("New password", new);
    assert!(ui.submit_enabled());
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    assert!(ui.has("ModifyInstancePassword (Tencent Cloud Redis)"));
    assert!(ui.has(instance));
    ui.h()
        .get_by_role_and_label(Role::Button, "Change the password")
        .click();
    ui.h().step();
    ui.wait_for("the task running", |h| {
        h.query_by_label_contains(TASK_RUNNING).is_some()
    });
    let running = ui.texts_containing(TASK_RUNNING);
    assert_eq!(running.len(), 1, "{running:?}");
    let task = running[0]
        .strip_prefix(TASK_RUNNING)
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        task.len() >= 7 && task.bytes().all(|b| b.is_ascii_digit()),
        "the task's id as DescribeTaskInfo takes it: {running:?}"
    );
    // While the task runs the change is not over: nothing is answered
    // yet, the form stays busy and cannot be sent again, and the new
    // password waits as pending.
    assert!(!ui.has_containing("Answered at: "));
    assert!(!ui.has("Password changed"));
    assert!(!ui.submit_enabled(), "no second send while the task runs");
    assert!(ui.has_containing(&format!("task {task}")));
    task
}

#[test]
fn a_change_finished_as_a_task_shows_the_task_until_it_ends() {
    require_keyring();
    let mut ui = app(quick_tasks(), true);
    let instance = unique("crs-task");
    let resource = format!("tencentcloud.redis.modify-instance-password/ap-guangzhou/{instance}");
    let task = send_tencent_redis_task(&mut ui, &instance, "Old-Pass-123", "New-Pass-456");
    assert_eq!(
        ui.slot(&resource, Slot::Pending).as_deref(),
        Some("New-Pass-456"),
        "staged before it was sent"
    );
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("Old-Pass-123"),
        "the old password typed stays current until the task ends"
    );
    // The form says the provider is at work, not that an answer is awaited.
    assert!(ui.has(&format!(
        "The provider accepted the change as task {task} and is finishing it."
    )));

    ui.wait_for("the task's end", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
    });
    assert!(ui.has("Password changed"));
    assert!(!ui.has_containing(TASK_RUNNING));
    assert!(ui.has(&format!("Task ID: {task}")), "the task stays named");
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("New-Pass-456")
    );
    assert_eq!(
        ui.slot(&resource, Slot::Previous).as_deref(),
        Some("Old-Pass-123")
    );
    assert_eq!(ui.slot(&resource, Slot::Pending), None);
    let attempts = ui.attempts();
    assert_eq!(attempts.len(), 1);
    assert_eq!(
        attempts[0].settled.clone().map(|(_, how)| how),
        Some(Recorded::Known(Settlement::Succeeded))
    );
    // The form is free again and moved on after the success: the old
    // password is the new one, a fresh new password is offered, and the
    // key's secret is typed again to send.
    assert!(ui.has(
        "Changed. The old password field now holds the new password, and a fresh password is ready for the next change."
    ));
    ui.type_into("Access key secret", SECRET);
    assert!(ui.submit_enabled());
}

#[test]
fn a_task_that_fails_leaves_the_password_unchanged() {
    require_keyring();
    let mut ui = app(quick_tasks(), true);
    let instance = unique("fault-task-fails");
    let resource = format!("tencentcloud.redis.modify-instance-password/ap-guangzhou/{instance}");
    let task = send_tencent_redis_task(&mut ui, &instance, "Old-Pass-123", "New-Pass-456");
    ui.wait_for("the task's end", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
    });
    assert!(!ui.has("Password changed"));
    assert!(ui.has("Rejected by the provider"));
    assert!(ui.has("The password was not changed."));
    assert!(ui.has(
        "The provider accepted the change but its task failed: the password was not changed."
    ));
    assert!(ui.has(&format!("Task ID: {task}")));
    assert!(ui.has("Passwords: the password was not changed; the pending one was discarded"));
    // As before staging: the typed old password was kept for this change
    // only.
    assert_eq!(ui.slot(&resource, Slot::Pending), None);
    assert_eq!(ui.slot(&resource, Slot::Current), None);
    assert!(ui.attempts().iter().all(|a| a.settled.is_some()));
    // What was typed stays, to correct and send again.
    assert!(ui.submit_enabled());
}

#[test]
fn a_reset_connection_is_reported_as_unknown_in_plain_words() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    let (_, resource) = send_to_new_uredis_group(&mut ui, "fault-reset", "Abc_123-xyz");
    assert!(ui.has("Result unknown: the password may have changed"));
    assert!(ui.has_containing("The new password is kept as pending in the keyring"));
    assert_eq!(
        ui.slot(&resource, Slot::Pending).as_deref(),
        Some("Abc_123-xyz")
    );
    // The new password is kept.
    ui.show_every_password();
    let kept = ui.painted_texts();
    assert!(kept.iter().any(|v| v == "Abc_123-xyz"), "{kept:?}");
}

#[test]
fn a_send_can_be_cancelled_before_it_leaves() {
    let mut ui = app(
        JobsConfig {
            hold_before_send: Duration::from_secs(30),
            ..JobsConfig::default()
        },
        true,
    );
    ui.open("URedis ModifyURedisGroupPassword");
    ui.use_emulator("cn-bj2");
    ui.type_into("Group ID", "uredis-cancel-1");
    ui.type_into("New password", "Abc_123-xyz");
    ui.h().key_press(Key::Enter);
    ui.h().run();
    ui.confirm_by_keyboard();
    ui.h().run_steps(3);
    assert!(ui.has("Preparing to send…"));
    assert!(
        !ui.submit_enabled(),
        "no second send while one is in flight"
    );
    ui.h().get_by_role_and_label(Role::Button, "Cancel").click();
    ui.wait_for("the cancellation", |h| {
        h.query_by_label("Cancelled before sending").is_some()
    });
    assert!(ui.has("Nothing was sent; nothing changed."));
    assert!(!ui.has("Preparing to send…"));
    assert!(ui.submit_enabled());
}

/// At the window's default size, with this session's earlier results
/// listed on the right, the middle form still shows its generator row and
/// every rule of the checklist whole (scrolled to, as a person would):
/// the results panel keeps to its width, and the form wraps rather than
/// running under it. At the window's smallest size, where the fields
/// cannot fit, the form scrolls sideways too: nothing is cut off for good.
#[test]
fn the_form_is_not_cut_off_beside_the_results_panel() {
    require_keyring();
    let window = keyturn::ui::app::window_options("Keyturn", None).viewport;
    let default = window.inner_size.expect("the window has a default size");
    let smallest = window
        .min_inner_size
        .expect("the window has a minimum size");
    let mut ui = app_on_screen(default);
    open_dcs_on_emulator(&mut ui);
    let instance = unique("dcs-layout");
    send_dcs(&mut ui, &instance, "Right-Pass-1", "Next-Pass-22");
    for _ in 0..3 {
        ui.send_with_keyboard_after(|ui| {
            ui.type_into("Old password", "Wrong-Pass-9");
            ui.type_into("New password", "Other-Pass-55");
        });
    }
    assert!(ui.has("Earlier in this session"));
    // Earlier results are headed by the time of day only (the date is the
    // session's, and the full time is inside each one).
    let headers = ui.texts_containing(" · UpdatePassword · ");
    assert_eq!(headers.len(), 3, "{headers:?}");
    for header in &headers {
        let clock = header.split(" · ").next().unwrap_or_default();
        assert!(
            clock.len() == 8 && clock.as_bytes()[2] == b':' && clock.as_bytes()[5] == b':',
            "{header}"
        );
    }
    // A password that breaks rules: the longest rows, with what is missing.
    ui.type_into("New password", "abc");
    assert!(ui.has_containing("— add 5 more characters"));
    assert_form_shown_whole(&mut ui, default);

    // Half of a 1920-point screen, and the smallest window.
    for screen in [
        Vec2::new(960.0, default.y),
        Vec2::new(1024.0, 700.0),
        smallest,
    ] {
        ui.h().set_size(screen);
        ui.h().run();
        assert_form_shown_whole(&mut ui, screen);
    }
}

/// Scrolls to each part of the new password's block (generator row,
/// checklist, what is missing, strength) and checks that it lies wholly
/// inside the middle view: right of the sidebar, left of the results
/// panel (when it is beside the form), below the tabs and above the
/// window's bottom edge.
/// `screen` is the harness's current size.
/// The labels [`assert_form_shown_whole`] looks for, in one language.
struct FormLabels {
    heading: &'static str,
    result: &'static str,
    tab: &'static str,
    generate: &'static str,
    length: &'static str,
    lookalikes: &'static str,
    /// Rows under the checklist, by how they start.
    below: &'static [&'static str],
}

const ENGLISH_FORM: FormLabels = FormLabels {
    heading: "Huawei Cloud DCS: UpdatePassword",
    result: "Result",
    tab: "Change a password",
    generate: "Generate",
    length: "Length of a generated password",
    lookalikes: "Avoid look-alike characters",
    below: &["Missing: ", "Strength: ", "(offline attack"],
};

const CHINESE_FORM: FormLabels = FormLabels {
    heading: "华为云 DCS：UpdatePassword",
    result: "结果",
    tab: "修改密码",
    generate: "生成",
    length: "生成密码的长度",
    lookalikes: "避免易混淆的字符",
    below: &["强度：", "发送前还需："],
};

fn assert_form_shown_whole(ui: &mut Ui, screen: Vec2) {
    assert_form_shown_whole_in(ui, screen, &ENGLISH_FORM);
}

fn assert_form_shown_whole_in(ui: &mut Ui, screen: Vec2, labels: &FormLabels) {
    let heading = labels.heading;
    ui.h().get_by_label(heading).scroll_to_me();
    ui.h().run();
    let form_left = ui.h().get_by_label(heading).rect().left();
    // The results panel beside the form, or folded under it in a window
    // too narrow for both.
    let results_left = ui.h().get_by_label(labels.result).rect().left();
    let right = if results_left > form_left + 1.0 {
        results_left
    } else {
        screen.x
    };
    let tabs_bottom = ui.h().get_by_label(labels.tab).rect().bottom();
    let visible = Rect::from_min_max([form_left, tabs_bottom].into(), [right, screen.y].into());
    let mut checked: Vec<(Option<Role>, String)> = vec![
        (Some(Role::Button), labels.generate.into()),
        (Some(Role::Slider), labels.length.into()),
        (Some(Role::CheckBox), labels.lookalikes.into()),
    ];
    let rules: Vec<String> = ["✔ ", "✘ ", "! "]
        .iter()
        .flat_map(|mark| labels_starting(ui.h(), mark))
        .collect();
    assert!(rules.len() >= 4, "the checklist's rows: {rules:?}");
    checked.extend(rules.into_iter().map(|rule| (None, rule)));
    for below in labels.below {
        checked.extend(
            labels_starting(ui.h(), below)
                .into_iter()
                .map(|l| (None, l)),
        );
    }
    let mut clipped = Vec::new();
    for (role, label) in &checked {
        find(ui.h(), *role, label).scroll_to_me();
        ui.h().run();
        let rect = find(ui.h(), *role, label).rect();
        // Only in a window too narrow for the form's fields can a row be
        // wider than the view; then scrolling to it must still show it.
        let shown = if rect.width() <= visible.width() {
            visible.expand(0.5).contains_rect(rect)
        } else {
            visible.intersects(rect)
        };
        if !shown {
            clipped.push(format!("{label:?} at {rect:?}"));
        }
    }
    assert!(
        clipped.is_empty(),
        "on a {screen:?} screen, not wholly inside the middle view {visible:?}: {clipped:#?}"
    );
}

/// The one node with `label` (and `role`, where a label is not unique).
fn find<'h>(
    h: &'h Harness<'static, common::windowed::Windowed>,
    role: Option<Role>,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    match role {
        Some(role) => h.get_by_role_and_label(role, label),
        None => h.get_by_label(label),
    }
}

/// In the smallest window, tabbing down the form scrolls each focused
/// input into view (egui does it for every focusable widget): the admin
/// always sees where they type, with the results folded under the form.
#[test]
fn keyboard_focus_scrolls_into_view() {
    let screen = Vec2::new(760.0, 480.0);
    let mut ui = app_on_screen(screen);
    ui.open("DTS ModifyConsumerGroupPassword");
    ui.h().get_by_label("Access key ID").focus();
    ui.settle();
    let mut reached = Vec::new();
    for _ in 0..14 {
        let Some((label, rect)) = ui.tab() else {
            continue;
        };
        assert!(
            rect.bottom() <= screen.y + 0.5 && rect.top() >= 0.0,
            "{label:?} has the focus but is out of view at {rect:?}"
        );
        reached.push(label);
    }
    assert!(
        reached.iter().any(|l| l == "New password"),
        "Tab reached the bottom of the form: {reached:?}"
    );
}

#[test]
fn tab_walks_the_form_in_reading_order() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("DCS UpdatePassword");
    ui.h().get_by_label("Access key ID").focus();
    ui.h().run();
    let mut order = Vec::new();
    for _ in 0..12 {
        ui.h().key_press(Key::Tab);
        ui.h().run();
        if let Some(focused) = ui
            .h()
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().is_focused())
        {
            let node = focused.accesskit_node();
            order.push(node.label().unwrap_or_default());
        }
    }
    let position = |name: &str| {
        order
            .iter()
            .position(|l| l == name)
            .unwrap_or_else(|| panic!("{name} not reached by Tab: {order:?}"))
    };
    let expected = [
        "Access key secret",
        "Region",
        "Endpoint override",
        "Project ID",
        "Instance ID",
        "Old password",
        "New password",
    ];
    for pair in expected.windows(2) {
        assert!(position(pair[0]) < position(pair[1]), "{order:?}");
    }
}

#[test]
fn an_idle_window_asks_for_no_repaints_even_with_a_field_focused() {
    let mut ui = app(JobsConfig::default(), false);
    // The window has the keyboard focus, as when the user is typing, and
    // egui's default blinking cursor is on (kittest turns it off for stable
    // snapshots; a real window starts with it on).
    ui.h().input_mut().focused = true;
    ui.h()
        .ctx
        .all_styles_mut(|style| style.visuals.text_cursor.blink = true);
    ui.open("TcaplusDB ModifyClusterPassword");
    ui.type_into("Cluster ID", "23311894780");
    assert!(ui.h().get_by_label("Cluster ID").is_focused());
    ui.h().run();
    assert!(
        ui.repaint_delay() > Duration::from_secs(3600),
        "idle must cost nothing: {:?}",
        ui.repaint_delay()
    );
}

/// A stored profile: its key is read from the keyring inside a job, its
/// endpoint, region and project id fill the form. Needs a Secret Service,
/// as the keyring tests do (`scripts/with-keyring`, which `scripts/test` uses).
#[test]
fn a_stored_profile_is_used_from_the_keyring() {
    require_keyring();
    let name = format!("ui-dcs-{}", std::process::id());
    let mut stored = None;
    let mut ui = app_with(
        JobsConfig::default(),
        true,
        |vault, url| {
            let mut profile = keyturn::vault::new_profile(
                &name,
                keyturn::catalog::Provider::Huawei,
                KEY_ID,
                OffsetDateTime::now_utc(),
            );
            profile.region = Some("cn-north-4".into());
            profile.endpoint = url.map(str::to_owned);
            profile.project_ids.insert(
                "cn-north-4".into(),
                "0504201b5a80d3a22f6ec01a1f4b5c9c".into(),
            );
            vault
                .add_profile(profile, &SecretString::from(SECRET))
                .unwrap();
            stored = Some(vault.clone());
        },
        &name,
    );
    // Picking it in the sidebar opens a Huawei form using it.
    ui.h().get_by_label(&name).click();
    ui.wait_for("the keyring check", |h| {
        h.query_by_label("✔ access key found in the keyring")
            .is_some()
    });
    assert!(ui.has("Huawei Cloud DCS: UpdatePassword"));
    assert_eq!(
        ui.h().get_by_label("Region").value().as_deref(),
        Some("cn-north-4")
    );
    assert_eq!(
        ui.h().get_by_label("Project ID").value().as_deref(),
        Some("0504201b5a80d3a22f6ec01a1f4b5c9c")
    );
    assert!(ui.has_containing("Sends to http://127.0.0.1:"));
    ui.type_into("Instance ID", "dcs-profile-1");
    ui.type_into("Old password", "Right-Pass-1");
    ui.type_into("New password", "Next-Pass-22");
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(ui.has(&format!("profile {name} (key {KEY_ID})")));
    ui.confirm_by_keyboard();
    ui.h().step();
    ui.wait_for("an answer", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
    });
    assert!(ui.has("Password changed"));
    assert!(!labels_starting(ui.h(), "Request ID: ").is_empty());
    stored.unwrap().remove_profile(&name).unwrap();
}

/// Fills the DCS form for `instance` (typed key, emulator) and sends it.
fn send_dcs(ui: &mut Ui, instance: &str, old: &str, new: &str) {
    ui.type_into("Instance ID", instance);
    ui.type_into("Old password", old);
    ui.type_into("New password", new);
    ui.send_with_keyboard();
}

fn open_dcs_on_emulator(ui: &mut Ui) {
    ui.open("DCS UpdatePassword");
    ui.use_emulator("cn-north-4");
    ui.type_into("Project ID", "0504201b5a80d3a22f6ec01a1f4b5c9c");
}

/// A DCS form filled in against the emulator, ready to send.
fn ready_dcs(ui: &mut Ui, instance: &str) {
    open_dcs_on_emulator(ui);
    ui.type_into("Instance ID", instance);
    ui.type_into("Old password", "Right-Pass-1");
    ui.type_into("New password", "Next-Pass-22");
    assert!(ui.submit_enabled());
}

/// Tab to "Review and send…" and one Enter: the dialog opens, and that one
/// key press cannot also answer it. Enter again presses Cancel, which has
/// the focus. Nothing is sent, staged or journalled.
#[test]
fn one_enter_on_review_opens_the_dialog_and_sends_nothing() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    ready_dcs(&mut ui, &unique("dcs-one-enter"));
    let attempts = ui.attempts().len();
    ui.h().get_by_label("Review and send…").focus();
    ui.h().run();
    ui.h().key_press(Key::Enter);
    ui.h().run();
    for _ in 0..20 {
        ui.h().step();
    }
    assert!(ui.has("Confirm the change"), "one Enter opens the dialog");
    assert!(
        ui.h().get_by_label("Cancel").is_focused(),
        "Cancel has the focus"
    );
    assert!(ui.has_containing("“Cancel” has the focus: Tab to “Change the password”"));
    assert!(!ui.has("Preparing to send…"));
    assert!(ui.texts_containing("Answered at: ").is_empty());
    assert_eq!(ui.attempts().len(), attempts, "nothing was staged");

    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(!ui.has("Confirm the change"), "Enter on Cancel closes it");
    assert_eq!(ui.attempts().len(), attempts, "nothing was staged");
    assert!(ui.texts_containing("Answered at: ").is_empty());
}

/// Enter on a view tab or a sidebar entry does what that widget does and
/// never opens the form's dialog, seen or unseen.
#[test]
fn enter_outside_the_form_opens_no_dialog() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    ready_dcs(&mut ui, &unique("dcs-enter-elsewhere"));
    let attempts = ui.attempts().len();

    ui.h().get_by_label("History").focus();
    ui.h().run();
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(!ui.has("Confirm the change"));
    ui.h().get_by_label("Change a password").click();
    ui.h().run();
    assert!(ui.submit_enabled(), "the form kept its inputs");
    assert!(!ui.has("Confirm the change"), "no dialog waited unseen");

    ui.h().get_by_label("DCS UpdatePassword").focus();
    ui.h().run();
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(!ui.has("Confirm the change"));
    assert_eq!(ui.attempts().len(), attempts, "nothing was staged");
}

/// After a success the form moves on: the old-password field holds the
/// new password (the next change goes through with it), the typed key
/// secret is forgotten (a second Enter sends nothing), the new-password
/// field holds a fresh generated password, and the same new password on a
/// second resource is asked about first.
#[test]
fn a_success_moves_the_form_on_and_a_reused_password_asks_first() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    open_dcs_on_emulator(&mut ui);
    let first = unique("dcs-advance");
    send_dcs(&mut ui, &first, "Right-Pass-1", "Next-Pass-22");
    assert!(ui.has("Password changed"));
    assert!(
        ui.has("• Access key secret is required"),
        "the typed key secret was forgotten"
    );
    assert!(ui.has_containing("a fresh password is ready for the next change"));
    assert!(
        !ui.has("• New password is required"),
        "a fresh one is there"
    );
    assert!(
        labels_starting(ui.h(), "✔ ").len() >= 4,
        "it passes every rule"
    );
    assert!(labels_starting(ui.h(), "✘ ").is_empty());
    assert!(!ui.submit_enabled());
    let attempts = ui.attempts().len();
    ui.h().get_by_label("Old password").focus();
    ui.h().run();
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(
        !ui.has("Confirm the change"),
        "a second Enter sends nothing"
    );
    assert_eq!(ui.attempts().len(), attempts);

    // The old-password field now holds the password the instance has.
    ui.send_with_keyboard_after(|ui| {
        ui.type_into("Access key secret", SECRET);
        ui.type_into("New password", "Third-Pass-33");
    });
    assert!(ui.has("Password changed"));
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{first}");
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("Third-Pass-33"),
        "the second change, sent with the carried-over old password, succeeded"
    );

    // The same new password on another instance: the dialog asks first.
    let second = unique("dcs-reuse");
    ui.type_into("Access key secret", SECRET);
    ui.type_into("Instance ID", &second);
    ui.type_into("Old password", "Right-Pass-1");
    ui.type_into("New password", "Fourth-Pass-44");
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    assert!(
        !ui.has_containing("already set on"),
        "a fresh password: no warning"
    );
    ui.h().key_press(Key::Escape);
    ui.h().run();
    ui.type_into("New password", "Third-Pass-33");
    ui.h().get_by_label("Review and send…").click();
    ui.h().run();
    assert!(ui.has_containing("This new password was already set on"));
    assert!(ui.has_containing(&first));
    let action = ui
        .h()
        .get_by_role_and_label(Role::Button, "Change the password");
    assert!(
        action.accesskit_node().is_disabled(),
        "not before it is ticked"
    );
    ui.h()
        .get_by_label("Set the same password on this resource too")
        .click();
    ui.h().run();
    let action = ui
        .h()
        .get_by_role_and_label(Role::Button, "Change the password");
    assert!(!action.accesskit_node().is_disabled());
}

/// What Keyturn knows of the resource shows before review: the keyring's
/// current password can fill the old-password field, a typed one that
/// differs is flagged, and a remembered lock is shown with its countdown.
#[test]
fn what_keyturn_knows_shows_before_review() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    open_dcs_on_emulator(&mut ui);
    let instance = unique("dcs-known");
    send_dcs(&mut ui, &instance, "Right-Pass-1", "Next-Pass-22");
    assert!(ui.has("Password changed"));

    ui.type_into("Old password", "Typo-Pass-1");
    ui.wait_for("the keyring's current password", |h| {
        h.query_by_label_contains("Fill from keyring").is_some()
    });
    // The button itself says the typed one differs, on the field's row.
    assert!(ui.has("⚠ Fill from keyring"));
    let old = ui.h().get_by_label("Old password").rect();
    let button = ui.h().get_by_label("⚠ Fill from keyring").rect();
    assert!(
        (button.center().y - old.center().y).abs() < 4.0,
        "{button:?} {old:?}"
    );
    ui.h().get_by_label("⚠ Fill from keyring").click();
    ui.h().run();
    assert!(ui.has("Fill from keyring"), "matches the keyring now");

    // Five wrong old passwords lock the instance; the lock is then shown
    // as soon as the form names the instance, before any review.
    for _ in 0..5 {
        ui.send_with_keyboard_after(|ui| {
            ui.type_into("Old password", "Wrong-Pass-9");
            ui.type_into("New password", "Other-Pass-55");
        });
    }
    assert!(ui.has("Password changes are locked"));
    ui.restart("No profiles yet.");
    open_dcs_on_emulator(&mut ui);
    ui.type_into("Instance ID", &instance);
    ui.wait_for("the remembered lock", |h| {
        h.query_by_label("Keyturn knows this change would be refused now")
            .is_some()
    });
    assert!(ui.has_containing("Password changes of this resource are locked until"));
    assert!(!ui.has("Confirm the change"));
}

/// Every dialog that asks before something irreversible opens with the
/// focus on Cancel, however it was opened.
#[test]
fn dialogs_open_with_cancel_focused() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), false);
    ui.open("URedis ModifyURedisGroupPassword");
    ui.h().get_by_label("Remove the password instead").click();
    ui.h().run();
    assert!(ui.has("Remove the password?"));
    assert!(ui.h().get_by_label("Keep the password").is_focused());
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(!ui.has("Remove the password?"));
    assert!(!ui.has_containing("The password will be removed"));
}

/// A change made in the app moves the keyring slots exactly as
/// `keyturn request --send` does: success makes the new password current
/// and the old one previous; a refusal discards pending and leaves current.
#[test]
fn a_change_leaves_current_previous_and_pending_as_the_cli_does() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    open_dcs_on_emulator(&mut ui);
    let instance = unique("dcs-slots");
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    send_dcs(&mut ui, &instance, "Right-Pass-1", "Next-Pass-22");
    assert!(ui.has("Password changed"));
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("Next-Pass-22")
    );
    assert_eq!(
        ui.slot(&resource, Slot::Previous).as_deref(),
        Some("Right-Pass-1")
    );
    assert_eq!(ui.slot(&resource, Slot::Pending), None);
    // Named as the form names it, not by its internal key.
    let id = resource.rsplit('/').next().unwrap_or_default();
    assert!(ui.has(&format!(
        "Passwords: the new password is now the current password of Huawei Cloud DCS Instance ID {id} in cn-north-4 in the keyring"
    )));
    let attempts = ui.attempts();
    assert_eq!(attempts.len(), 1);
    assert!(attempts[0].sent);
    assert_eq!(
        attempts[0].settled.clone().map(|(_, how)| how),
        Some(Recorded::Known(Settlement::Succeeded))
    );

    // A wrong old password: refused; pending dropped, current untouched.
    send_dcs(&mut ui, &instance, "Wrong-Pass-9", "Other-Pass-33");
    assert!(ui.has("Wrong current password"));
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("Next-Pass-22")
    );
    assert_eq!(ui.slot(&resource, Slot::Pending), None);
    assert!(ui.has("Passwords: the password was not changed; the pending one was discarded"));
    assert!(ui.attempts().iter().all(|a| a.settled.is_some()));
    // The history view lists both, newest first, from the journal.
    ui.h().get_by_label("History").click();
    ui.wait_for("the history", |h| {
        h.query_by_label("Result: refused by the provider (pending discarded)")
            .is_some()
    });
    assert!(ui.has("Result: changed (the new password is current)"));
    assert_eq!(labels_starting(ui.h(), "Result: ").len(), 2);
    // The journal never holds a secret.
    let journal =
        std::fs::read_to_string(keyturn::journal::Journal::new(&ui.vault.paths().data_dir).path())
            .unwrap();
    for secret in [
        "Right-Pass-1",
        "Next-Pass-22",
        "Wrong-Pass-9",
        "Other-Pass-33",
        SECRET,
    ] {
        assert!(!journal.contains(secret), "{secret} in the journal");
    }
}

/// A connection reset after sending leaves the attempt open; the next
/// start of the app shows it, and "Keep as current" (confirmed) settles it.
#[test]
fn an_unknown_change_is_shown_at_the_next_start_and_keep_as_current_settles_it() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    let (group, resource) = send_to_new_uredis_group(&mut ui, "fault-reset", "Kept_123-abc");
    assert!(ui.has("Result unknown: the password may have changed"));
    ui.wait_for("the banner", |h| {
        h.query_by_label_contains("may have changed at").is_some()
    });

    // A second change of the same resource cannot be sent while it is
    // open: Keyturn says that it is the one refusing, and why, and the
    // button waits (it once said the provider would refuse, and let the
    // admin confirm a send that was then not sent).
    ui.type_into("New password", "Another_456-x");
    ui.wait_for("the refusal", |h| {
        h.query_by_label("Keyturn will not send a change of this resource now (see below).")
            .is_some()
    });
    assert!(ui.has_containing("has an unknown result: its pending password may be"));
    assert!(!ui.has_containing("expected to refuse"));
    assert!(!ui.submit_enabled());
    ui.h().key_press(Key::Enter);
    ui.h().run();
    assert!(!ui.has("Confirm the change"), "Enter opens nothing");
    assert!(
        ui.h().query_by_label("Send anyway…").is_none(),
        "an open attempt cannot be overridden"
    );
    assert_eq!(
        ui.slot(&resource, Slot::Pending).as_deref(),
        Some("Kept_123-abc")
    );

    ui.restart("No profiles yet.");
    ui.wait_for("the open attempt", |h| {
        h.query_by_label_contains("may have changed at").is_some()
    });
    let sentence = ui.texts_containing("may have changed at");
    assert!(
        sentence[0].starts_with(&format!(
            "The password of UCloud URedis Group ID {group} in cn-bj2 may have changed at "
        )) && sentence[0].ends_with("; the new one is kept as pending."),
        "{sentence:?}"
    );
    assert!(ui.has_containing("None of the APIs can read a password back"));
    ui.h().get_by_label("Keep as current…").click();
    ui.h().run();
    assert!(ui.has("Keep the pending password as current?"));
    ui.h()
        .get_by_role_and_label(Role::Button, "Keep as current")
        .click();
    ui.wait_for("the settle", |h| {
        h.query_by_label_contains("the pending password is now the current password")
            .is_some()
    });
    // Named as the window names resources, not by the key's text form.
    let note = ui
        .texts_containing("the pending password is now the current password")
        .remove(0);
    assert!(note.contains("UCloud URedis"), "{note}");
    assert!(!note.contains(&resource), "{note}");
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("Kept_123-abc")
    );
    assert_eq!(ui.slot(&resource, Slot::Pending), None);
    assert!(ui.attempts().iter().all(|a| a.settled.is_some()));
    ui.wait_for("the banner to go", |h| {
        h.query_by_label_contains("may have changed at").is_none()
    });
}

/// After a lock, the journal refuses the next change before anything is
/// staged or sent, with a countdown from the lock's absolute end — also
/// after the app is started again.
#[test]
fn a_locked_resource_is_refused_before_sending_even_after_a_restart() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    open_dcs_on_emulator(&mut ui);
    let instance = unique("dcs-locked");
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    send_dcs(&mut ui, &instance, "Right-Pass-1", "Next-Pass-22");
    for _ in 0..5 {
        ui.send_with_keyboard_after(|ui| {
            ui.type_into("Old password", "Wrong-Pass-9");
            ui.type_into("New password", "Other-Pass-55");
        });
    }
    assert!(ui.has("Password changes are locked"));
    let attempts = ui.attempts().len();

    for restarted in [false, true] {
        if restarted {
            ui.restart("No profiles yet.");
            open_dcs_on_emulator(&mut ui);
            ui.type_into("Instance ID", &instance);
        }
        ui.type_into("Old password", "Next-Pass-22");
        ui.type_into("New password", "Third-Pass-33");
        ui.h().key_press(Key::Enter);
        ui.h().run();
        ui.confirm_by_keyboard();
        ui.h().step();
        ui.wait_for("the refusal", |h| {
            h.query_by_label("Not sent: the provider would refuse this change now")
                .is_some()
        });
        assert!(ui.has_containing("Password changes of this resource are locked until"));
        assert!(ui.has_containing("It may be tried again in 5 min 00 s"));
        assert!(ui.h().query_by_label("Send anyway…").is_some());
        assert_eq!(
            ui.attempts().len(),
            attempts,
            "nothing staged (restarted: {restarted})"
        );
        assert_eq!(ui.slot(&resource, Slot::Pending), None);
        assert_eq!(
            ui.slot(&resource, Slot::Current).as_deref(),
            Some("Next-Pass-22")
        );
    }
    // The countdown runs from the absolute end.
    ui.clock.advance(time::Duration::minutes(6));
    ui.h().run();
    assert!(ui.has("The wait is over: it may be tried again now."));
}

/// A vault with one Huawei profile pointing at the emulator and one stored
/// resource password; returns the profile name and the resource key.
fn credentials_app() -> (Ui, String, String) {
    let name = unique("ui-cred");
    let instance = unique("dcs-cred");
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    let (n, r) = (name.clone(), resource.clone());
    let ui = app_with(
        JobsConfig::default(),
        true,
        move |vault, url| {
            let mut profile = keyturn::vault::new_profile(
                &n,
                keyturn::catalog::Provider::Huawei,
                KEY_ID,
                OffsetDateTime::now_utc(),
            );
            profile.region = Some("cn-north-4".into());
            profile.endpoint = url.map(str::to_owned);
            vault
                .add_profile(profile, &SecretString::from(SECRET))
                .unwrap();
            let slots = keyturn::vault::Slots {
                current: Some(SecretString::from("Stored-Pass-1")),
                ..Default::default()
            };
            vault
                .write_slots(
                    &ResourceKey::parse(&r).unwrap(),
                    &slots,
                    &[Slot::Current],
                    Some(&n),
                    OffsetDateTime::now_utc(),
                    false,
                )
                .unwrap();
        },
        &name,
    );
    (ui, name, resource)
}

#[test]
fn the_credentials_view_lists_verifies_reveals_and_copies() {
    require_keyring();
    let (mut ui, name, resource) = credentials_app();
    ui.h().get_by_label("Credentials").click();
    ui.wait_for("the credentials", |h| {
        h.query_by_label(&format!("{name} · Huawei Cloud · key {KEY_ID}"))
            .is_some()
    });
    assert!(ui.has("Profiles and passwords are kept in the OS keyring of this computer."));
    // The profiles table: its region, and "never" verified or used yet.
    assert!(ui.has("cn-north-4"));
    assert!(ui.has("never"));
    assert!(ui.has_containing("Huawei Cloud DCS Instance ID "));
    assert!(ui.has_containing("current: set "));

    // Verify runs against the emulator and says the key works.
    ui.h()
        .get_by_label(&format!("Verify profile {name}"))
        .click();
    ui.wait_for("the verification", |h| {
        h.query_by_label_contains("✔ the key works").is_some()
    });
    ui.wait_for("the recorded verification", |h| {
        h.query_by_label_contains("last verified ").is_some()
    });

    // Reveal shows the secret until hidden.
    assert!(!ui.has(SECRET));
    ui.h()
        .get_by_label(&format!("Reveal the secret of profile {name}"))
        .click();
    let shown = format!("Shown: the secret of profile {name}");
    ui.wait_for("the secret", |h| h.query_by_label(&shown).is_some());
    // On screen, but a password to assistive technology: masked, and not
    // selectable (so Ctrl+C cannot bypass the protected copy).
    assert!(ui.painted_texts().iter().any(|t| t == SECRET));
    assert!(!ui.readable_by_assistive_technology(SECRET));
    let node = ui.h().get_by_label(&shown);
    assert_eq!(node.accesskit_node().role(), Role::PasswordInput);
    assert!(node.accesskit_node().is_read_only());
    ui.h()
        .get_by_label(&format!("Hide the secret of profile {name}"))
        .click();
    ui.h().run();
    assert!(
        !ui.painted_texts().iter().any(|t| t.contains(SECRET)),
        "hidden again"
    );

    // Copy: on the clipboard, marked secret, cleared after 10 s (pinned clock).
    let copy = format!(
        "Copy the current password of {}",
        ResourceKey::parse(&resource).unwrap().human_name()
    );
    ui.h().get_by_label(&copy).click();
    ui.wait_for("the copy", |h| {
        h.query_by_label_contains("it is cleared in 10 s").is_some()
    });
    assert_eq!(ui.clipboard.contents().as_deref(), Some("Stored-Pass-1"));
    assert!(ui.clipboard.marked_secret());
    assert!(
        ui.repaint_delay() <= Duration::from_secs(1),
        "the countdown ticks"
    );
    ui.clock.advance(time::Duration::seconds(4));
    ui.h().run();
    assert!(ui.has_containing("it is cleared in 6 s"));
    assert_eq!(ui.clipboard.contents().as_deref(), Some("Stored-Pass-1"));
    ui.clock.advance(time::Duration::seconds(6));
    ui.h().run();
    assert_eq!(ui.clipboard.contents(), None, "cleared when due");
    assert!(ui.has_containing("Cleared the current password of"));

    // Copied again, then the user copies something else: left alone.
    ui.h().get_by_label(&copy).click();
    ui.wait_for("the copy", |h| {
        h.query_by_label_contains("it is cleared in 10 s").is_some()
    });
    ui.clipboard.copied_elsewhere("the user's own text");
    ui.clock.advance(time::Duration::seconds(11));
    ui.h().run();
    assert_eq!(
        ui.clipboard.contents().as_deref(),
        Some("the user's own text")
    );
    assert!(ui.has("The clipboard holds something else now, so it was left alone."));

    // Quitting clears a secret still there.
    ui.h().get_by_label(&copy).click();
    ui.wait_for("the copy", |h| {
        h.query_by_label_contains("it is cleared in 10 s").is_some()
    });
    keyturn::ui::window::App::on_exit(&mut ui.h().state_mut().0);
    assert_eq!(ui.clipboard.contents(), None);
    // The setting is remembered; no secret is.
    assert_eq!(ui.h().state().clipboard_settings().clear_after_secs, 10);
}

#[test]
fn a_profile_added_by_the_form_is_stored_in_the_keyring_and_removal_asks_first() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), false);
    ui.h().get_by_label("Credentials").click();
    ui.h().run();
    ui.h().get_by_label("Add a profile").click();
    ui.h().run();
    let name = unique("ui-added");
    assert!(ui.has("• Profile name is required"));
    ui.type_into("Profile name", &name);
    ui.type_into("Access key ID", "LTAI5tADDEDBYFORM");
    ui.type_into("Access key secret", "added-secret-1");
    ui.type_into("Default region", "cn-hangzhou");
    ui.type_into("Notes", "made in a test");
    assert!(!ui.has_containing("is required"));
    ui.h().get_by_label("Add profile").click();
    ui.wait_for("the profile", |h| {
        h.query_by_label_contains(&format!("added profile {name}"))
            .is_some()
    });
    let (profile, credentials) = ui.vault.credentials(&name).unwrap();
    assert_eq!(credentials.key_id, "LTAI5tADDEDBYFORM");
    assert_eq!(profile.region.as_deref(), Some("cn-hangzhou"));
    assert_eq!(profile.notes.as_deref(), Some("made in a test"));
    assert_eq!(
        ui.vault.profile_secret(&name).unwrap().expose_secret(),
        "added-secret-1"
    );
    ui.wait_for("the list", |h| {
        h.query_by_label(&format!("{name} · Alibaba Cloud · key LTAI5tADDEDBYFORM"))
            .is_some()
    });

    // The same name again, or one that differs only in case, is caught as
    // it is typed, beside the field, and the button waits.
    ui.type_into("Profile name", &name);
    assert!(
        ui.has_containing(&format!("a profile named \"{name}\" already exists")),
        "{:?}",
        ui.texts_containing("already exists")
    );
    let shouted = name.to_uppercase();
    ui.type_into("Profile name", &shouted);
    assert!(
        ui.has_containing("differs from it only in case"),
        "{:?}",
        ui.texts_containing("•")
    );
    assert!(
        ui.h()
            .get_by_label("Add profile")
            .accesskit_node()
            .is_disabled()
    );

    // Removing asks first; keeping it changes nothing.
    ui.h()
        .get_by_label(&format!("Remove profile {name}"))
        .click();
    ui.h().run();
    assert!(ui.has(&format!("Remove profile {name}?")));
    // The line under the buttons names the safe button this dialog has.
    assert!(
        ui.has_containing("“Keep it” has the focus"),
        "{:?}",
        ui.texts_containing("has the focus")
    );
    assert!(!ui.has_containing("Cancel has the focus"));
    ui.h().get_by_label("Keep it").click();
    ui.h().run();
    assert!(ui.vault.profile(&name).is_ok());
    ui.h()
        .get_by_label(&format!("Remove profile {name}"))
        .click();
    ui.h().run();
    ui.h().get_by_label("Remove the profile").click();
    ui.wait_for("the removal", |h| {
        h.query_by_label_contains(&format!("removed profile {name}"))
            .is_some()
    });
    assert!(ui.vault.profile(&name).is_err());
    assert!(ui.vault.profile_secret(&name).is_err());
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Every console file through the import function the view uses (the
/// file dialog itself only supplies the path).
#[test]
fn console_csv_files_import_through_the_import_function() {
    use keyturn::catalog::Provider;
    use keyturn::jobs::{ImportRequest, import_file};
    let now = OffsetDateTime::now_utc();
    let request = |file: &str, provider: Option<Provider>| ImportRequest {
        path: fixture(file),
        name: None,
        provider,
        region: None,
    };
    for (file, provider, key_id, secret, name) in [
        (
            "alibaba-console.csv",
            Provider::Alibaba,
            "LTAI5tFAKEFAKEFAKE000000",
            "FakeAlibabaSecretNotReal0000000",
            "alibaba-LTAI5tFA",
        ),
        (
            "alibaba-ram-user.csv",
            Provider::Alibaba,
            "LTAI5tFAKEFAKEFAKE111111",
            "FakeAlibabaRamSecretNotReal1111",
            "alibaba-ops-1234567890.onaliyun.com",
        ),
        (
            "huawei-console.csv",
            Provider::Huawei,
            "FAKEAKFAKEAKFAKEAK00",
            "FakeHuaweiSkNotRealFakeHuaweiSkNotReal00",
            "huawei-demo-user",
        ),
        (
            "tencent-console.csv",
            Provider::Tencent,
            "AKIDFAKEFAKEFAKEFAKEFAKEFAKEFAKE0000",
            "FakeTencentKeyNotRealFakeTencent00",
            "tencent-AKIDFAKE",
        ),
        (
            "ucloud-by-hand.csv",
            Provider::UCloud,
            "FAKEucloudPublicKey0000000000000000",
            "FakeUCloudPrivateKeyNotReal00000000000000",
            "ucloud-FAKEuclo",
        ),
    ] {
        let (profile, got) =
            import_file(&request(file, None), now).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(profile.provider, provider, "{file}");
        assert_eq!(profile.key_id, key_id, "{file}");
        assert_eq!(profile.name, name, "{file}");
        assert_eq!(got.expose_secret(), secret, "{file}");
    }
    for file in [
        "bad-empty-secret.csv",
        "bad-header-only.csv",
        "bad-not-text.csv",
        "bad-two-keys.csv",
        "bad-unknown-columns.csv",
    ] {
        let e = import_file(&request(file, Some(Provider::Alibaba)), now)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(file) && e.contains("nothing was stored"),
            "{file}: {e}"
        );
        assert!(!e.contains("Fake"), "no secret in the error: {e}");
    }
    let e = import_file(&request("no-such-file.csv", None), now)
        .unwrap_err()
        .to_string();
    assert!(e.contains("cannot read"), "{e}");
}

/// The import form with a typed path stores the key as a profile.
#[test]
fn the_import_form_stores_a_console_file_as_a_profile() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), false);
    ui.h().get_by_label("Credentials").click();
    ui.h().run();
    ui.h()
        .get_by_label("Import a console's access key file (CSV)")
        .click();
    ui.h().run();
    let name = unique("ui-imported");
    ui.type_into(
        "File",
        &fixture("tencent-console.csv").display().to_string(),
    );
    ui.type_into("Name for the imported key", &name);
    ui.h().get_by_label("Import").click();
    ui.wait_for("the import", |h| {
        h.query_by_label_contains(&format!("as profile {name}"))
            .is_some()
    });
    let warning = "still holds the key in plain text: delete it";
    assert!(ui.has_containing(warning));
    let (profile, credentials) = ui.vault.credentials(&name).unwrap();
    assert_eq!(profile.provider, keyturn::catalog::Provider::Tencent);
    assert_eq!(credentials.key_id, "AKIDFAKEFAKEFAKEFAKEFAKEFAKEFAKE0000");
    // The messages sit under the import form, beside its button.
    let import_button = ui.h().get_by_label("Import").rect();
    let shown = ui.h().get_by_label_contains(warning).rect();
    assert!(
        shown.top() > import_button.bottom(),
        "{shown:?} {import_button:?}"
    );

    // A bad file says why, plainly, and stores nothing; the warning about
    // the first file stays until it is dismissed.
    ui.type_into("File", &fixture("bad-two-keys.csv").display().to_string());
    ui.h().get_by_label("Import").click();
    ui.wait_for("the error", |h| {
        h.query_by_label_contains("import one file per key")
            .is_some()
    });
    assert!(ui.has_containing(warning));
    assert!(
        !ui.has_containing(&format!("as profile {name}")),
        "old news went"
    );
    let dismiss = ui.h().get_all_by_label("Dismiss").count();
    assert_eq!(dismiss, 2, "the warning and the error");
    ui.h().get_all_by_label("Dismiss").next().unwrap().click();
    ui.settle();
    assert!(!ui.has_containing(warning), "dismissed");
    assert!(ui.has_containing("import one file per key"));
    ui.vault.remove_profile(&name).unwrap();
}

/// Without a file chooser on the desktop (no portal, no zenity, as in a
/// bare session), Choose… says so beside it and the path can be typed.
#[test]
fn choose_says_when_no_file_chooser_can_open() {
    let zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").exists()));
    assert!(
        !zenity,
        "this test needs a session without a file chooser; zenity would open one"
    );
    let mut ui = app(JobsConfig::default(), false);
    ui.h().get_by_label("Credentials").click();
    ui.settle();
    ui.h()
        .get_by_label("Import a console's access key file (CSV)")
        .click();
    ui.settle();
    ui.h().get_by_label("Choose…").click();
    ui.wait_for("the chooser's answer", |h| {
        h.query_by_label_contains("no file chooser could be opened")
            .is_some()
    });
    assert!(ui.has_containing("type the file's path in the File box instead"));
    ui.type_into("File", "/tmp/typed-by-hand.csv");
    assert!(
        !ui.h()
            .get_by_role_and_label(Role::Button, "Import")
            .accesskit_node()
            .is_disabled()
    );
}

/// The preview signs exactly what would be sent with passwords masked
/// unless shown; the command line uses env: for every secret.
#[test]
fn the_preview_masks_passwords_and_the_command_line_holds_no_secret() {
    let mut ui = app(JobsConfig::default(), true);
    open_dcs_on_emulator(&mut ui);
    ui.h().get_by_label("Preview the request").click();
    ui.h().run();
    assert!(ui.has("Fill in the form to preview the request it would send."));
    ui.type_into("Instance ID", "dcs-preview-1");
    ui.type_into("Old password", "Old-Pass-123");
    ui.type_into("New password", "New-Pass-456");
    ui.h().get_by_label("Sign a preview").click();
    ui.wait_for("the preview", |h| {
        h.query_by_label_contains("\"method\": \"PUT\"").is_some()
    });
    let json = ui.texts_containing("\"method\"").remove(0);
    assert!(
        json.contains("/v2/0504201b5a80d3a22f6ec01a1f4b5c9c/instances/dcs-preview-1/password"),
        "{json}"
    );
    assert!(json.contains("********"), "{json}");
    for secret in ["Old-Pass-123", "New-Pass-456", SECRET] {
        assert!(!json.contains(secret), "{secret} shown: {json}");
    }
    assert!(json.contains("SDK-HMAC-SHA256"), "signed: {json}");
    ui.h().get_by_label("Show passwords").click();
    ui.h().run();
    let shown = ui
        .painted_texts()
        .into_iter()
        .find(|t| t.contains("\"method\""))
        .expect("the request is on screen");
    assert!(
        shown.contains("New-Pass-456") && shown.contains("Old-Pass-123"),
        "{shown}"
    );
    assert!(!shown.contains(SECRET));
    // Shown on request only, never to assistive technology.
    for secret in ["Old-Pass-123", "New-Pass-456"] {
        assert!(!ui.readable_by_assistive_technology(secret), "{secret}");
    }
    assert_eq!(
        ui.h()
            .get_by_label("The signed request, passwords shown")
            .accesskit_node()
            .role(),
        Role::PasswordInput
    );

    ui.h().get_by_label("Copy as command line").click();
    ui.h().run();
    let command = ui.clipboard.contents().expect("copied");
    assert!(
        !ui.clipboard.marked_secret(),
        "a command line is not a secret"
    );
    for part in [
        "keyturn request huaweicloud.dcs.update-password",
        &format!("--key-id {KEY_ID}"),
        "--region cn-north-4",
        "--param instance_id=dcs-preview-1",
        "--param old_password=env:OLD_PASSWORD",
        "--param new_password=env:NEW_PASSWORD",
        "#   KEYTURN_KEY_SECRET",
    ] {
        assert!(command.contains(part), "{part} not in {command}");
    }
    for secret in ["Old-Pass-123", "New-Pass-456", SECRET] {
        assert!(!command.contains(secret), "{secret} in {command}");
    }
    // Any change drops the signed preview: it would no longer be exact.
    ui.type_into("New password", "New-Pass-789");
    assert!(
        ui.texts_containing("\"method\"")
            .iter()
            .all(|t| !t.contains("PUT"))
    );
}

/// "Retry with the same new password" is confirmed, asks for a typed key
/// when the change was made with one, and sends the same new password. A
/// retry that gets no answer either leaves the first attempt open with its
/// pending password (the retry itself is closed as failed).
#[test]
fn a_retry_is_confirmed_and_sends_the_same_new_password() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    let (_, resource) = send_to_new_uredis_group(&mut ui, "fault-reset-retry", "Same_123-new");
    ui.wait_for("the banner", |h| {
        h.query_by_label_contains("may have changed at").is_some()
    });
    let first = ui.attempts()[0].id.clone();
    // The form's new password changes; the retry must still send the pending one.
    ui.type_into("New password", "Different_456");

    ui.h()
        .get_by_label("Retry with the same new password…")
        .click();
    ui.h().run();
    assert!(ui.has("Send the same change again?"));
    assert!(ui.has("This change was made with a typed key: type it again."));
    assert_eq!(
        ui.h()
            .get_by_label("Access key ID for the retry")
            .value()
            .as_deref(),
        Some(KEY_ID)
    );
    let send_again = |ui: &mut Ui| {
        !ui.h()
            .get_by_role_and_label(Role::Button, "Send again")
            .accesskit_node()
            .is_disabled()
    };
    assert!(!send_again(&mut ui), "no secret yet");
    ui.type_into("Access key secret for the retry", SECRET);
    assert!(send_again(&mut ui));
    ui.h()
        .get_by_role_and_label(Role::Button, "Send again")
        .click();
    ui.h().step();
    ui.wait_for("the retry's answer", |h| {
        h.query_by_label("Earlier in this session").is_some()
            && h.query_by_label("Result unknown: the password may have changed")
                .is_some()
            && h.query_by_label_contains("Answered at: ").is_some()
    });
    let attempts = ui.attempts();
    assert_eq!(attempts.len(), 2, "{attempts:?}");
    assert_eq!(attempts[0].id, first);
    // The retry met no answer either: it is closed as a failed retry, and
    // the first attempt stays open with its pending password.
    assert_eq!(attempts[0].settled, None);
    assert!(attempts[1].sent);
    assert_eq!(attempts[1].info.retry_of.as_deref(), Some(first.as_str()));
    assert_eq!(
        attempts[1].settled.clone().map(|(_, how)| how),
        Some(Recorded::Known(Settlement::RetryFailed))
    );
    assert_eq!(
        ui.slot(&resource, Slot::Pending).as_deref(),
        Some("Same_123-new")
    );
}

/// If the change cannot be made safe first (here the data folder is not a
/// folder, so no journal can be kept), nothing is sent and the user is told
/// why. (Staging failures past that point are covered against the core in
/// tests/rotation.rs; the app reports them the same way.)
#[test]
fn a_change_that_cannot_be_staged_is_not_sent() {
    require_keyring();
    let mut ui = app_with(
        JobsConfig::default(),
        true,
        |vault, _| {
            // A file where the data folder should be: no journal can be kept.
            std::fs::write(&vault.paths().data_dir, "not a folder").unwrap();
        },
        "No profiles yet.",
    );
    assert!(ui.has_containing("The rotation journal could not be read"));
    open_dcs_on_emulator(&mut ui);
    let instance = unique("dcs-unstaged");
    ui.type_into("Instance ID", &instance);
    ui.type_into("Old password", "Right-Pass-1");
    ui.type_into("New password", "Next-Pass-22");
    ui.h().key_press(Key::Enter);
    ui.h().run();
    ui.confirm_by_keyboard();
    ui.h().step();
    // (Resource locks live in the session's folder, not the data folder:
    // the journal is what fails.)
    ui.wait_for("the refusal", |h| h.query_by_label("Not sent").is_some());
    assert!(ui.has_containing("journal.jsonl cannot be read"));
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    assert_eq!(ui.slot(&resource, Slot::Pending), None, "staging undone");
    let op = keyturn::catalog::find("huaweicloud.dcs.update-password").unwrap();
    let emulator = &ui.emulator.as_ref().unwrap().1;
    assert!(
        emulator
            .current_password(op, &["0504201b5a80d3a22f6ec01a1f4b5c9c", &instance])
            .is_none(),
        "the provider never saw the change"
    );
}

/// The View menu switches the theme and names the zoom keys.
#[test]
fn the_view_menu_switches_the_theme_and_zooms() {
    let mut ui = app(JobsConfig::default(), false);
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label("Light").click();
    ui.settle();
    assert_eq!(ui.h().ctx.theme(), egui::Theme::Light);
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label("Dark").click();
    ui.settle();
    assert_eq!(ui.h().ctx.theme(), egui::Theme::Dark);
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label_contains("Zoom in").click();
    ui.settle();
    assert!(ui.h().ctx.zoom_factor() > 1.0);
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label_contains("Actual size").click();
    ui.settle();
    assert_eq!(ui.h().ctx.zoom_factor(), 1.0);
}

#[test]
fn the_view_menu_switches_the_language_at_once_and_remembers_it() {
    // Started with --lang zh-CN, which is not a choice to remember.
    let mut ui = app_in(
        Lang::SimplifiedChinese,
        CjkFontSource::System,
        TEST_SCREEN.into(),
        JobsConfig::default(),
        false,
        |_, _| {},
        ZH_NO_PROFILES,
    );
    assert!(ui.has("修改密码"), "the view tab in Chinese");
    assert_eq!(ui.h().state().remembered_language(), None);
    ui.h().get_by_label("视图").click();
    ui.settle();
    // The whole menu is in Chinese, zoom included.
    assert!(ui.has_containing("放大") && ui.has_containing("实际大小"));
    assert!(!ui.has_containing("Zoom"), "the zoom buttons in English");
    ui.h().get_by_label("English").click();
    ui.settle();
    // The next frame is in English, from the tabs to the sidebar.
    assert!(ui.has("Change a password"));
    assert!(ui.has("No profiles yet."));
    assert!(ui.h().query_by_label("修改密码").is_none());
    assert_eq!(ui.h().state().remembered_language(), Some("en-US"));
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label("简体中文").click();
    ui.settle();
    assert!(ui.has("修改密码"));
    assert_eq!(ui.h().state().remembered_language(), Some("zh-CN"));
}

/// With no font for Chinese, the window stays in English and says why
/// once, rather than drawing boxes.
#[test]
fn without_a_chinese_font_the_window_stays_in_english_and_says_so() {
    let mut ui = app_in(
        Lang::SimplifiedChinese,
        CjkFontSource::Files(Vec::new()),
        TEST_SCREEN.into(),
        JobsConfig::default(),
        false,
        |_, _| {},
        "No profiles yet.",
    );
    assert!(ui.has("Change a password"));
    assert!(
        ui.has_containing("no font for Chinese is installed"),
        "the missing font is named"
    );
    assert_eq!(keyturn::i18n::language(), Lang::English);
    // Picking Chinese again (named in English: its own script cannot be
    // drawn) changes nothing and says nothing new.
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label("Simplified Chinese").click();
    ui.settle();
    assert!(ui.has("Change a password"));
    assert_eq!(
        ui.h()
            .query_all_by_label_contains("no font for Chinese is installed")
            .count(),
        1
    );
}

/// Choosing an operation puts the keyboard in its first empty input, so
/// the admin types at once instead of tabbing past the sidebar.
#[test]
fn choosing_an_operation_focuses_its_first_empty_input() {
    let mut ui = app(JobsConfig::default(), false);
    ui.open("TcaplusDB ModifyClusterPassword");
    ui.settle();
    let focused = ui
        .h()
        .root()
        .children_recursive()
        .find(|n| n.accesskit_node().is_focused())
        .and_then(|n| n.accesskit_node().label());
    assert_eq!(focused.as_deref(), Some("Access key ID"));
    ui.type_into("Access key ID", "KTUITESTKEY");
    ui.type_into("Access key secret", "fake-secret");
    ui.type_into("Region", "ap-guangzhou");
    ui.open("DCS UpdatePassword");
    ui.open("TcaplusDB ModifyClusterPassword");
    ui.settle();
    let focused = ui
        .h()
        .root()
        .children_recursive()
        .find(|n| n.accesskit_node().is_focused())
        .and_then(|n| n.accesskit_node().label());
    assert_eq!(
        focused.as_deref(),
        Some("Cluster ID"),
        "past what is filled in"
    );
}

/// Every input of every form and of the credentials view has a label a
/// screen reader reads out (and that names it for these tests).
#[test]
fn every_input_has_a_label() {
    let mut ui = app(JobsConfig::default(), false);
    let mut unlabelled = Vec::new();
    let mut inputs = 0;
    let mut check = |ui: &mut Ui, view: &str| {
        for node in ui.h().root().children_recursive() {
            let n = node.accesskit_node();
            let input = matches!(
                n.role(),
                Role::TextInput | Role::PasswordInput | Role::ComboBox | Role::SpinButton
            );
            inputs += usize::from(input);
            if input && n.label().is_none_or(|l| l.trim().is_empty()) {
                unlabelled.push(format!("{view}: {:?} {:?}", n.role(), n.value()));
            }
        }
    };
    // Every operation's form, as the sidebar names it.
    for op in keyturn::catalog::CATALOG {
        let name = format!("{} {}", op.product, op.api);
        ui.open(&name);
        ui.settle();
        let heading = format!(
            "{} {}: {}",
            keyturn::words::provider(op.provider),
            op.product,
            op.api
        );
        assert!(ui.has(&heading), "{}: the form of {name} opens", op.id);
        // Each field shown (the advanced ones are folded) is labelled in
        // full: no label cut short.
        let painted = ui.painted_texts();
        for field in op
            .fields
            .iter()
            .filter(|f| !f.advanced && Some(f.wire_name) != op.region.param)
        {
            let label = keyturn::words::field_label(op, field);
            assert!(
                painted.contains(&label),
                "{}: the label {label:?} is not painted whole: {painted:?}",
                op.id
            );
        }
        check(&mut ui, &name);
    }
    ui.h().get_by_label("Credentials").click();
    ui.settle();
    for section in ["Add a profile", "Import a console's access key file (CSV)"] {
        ui.h().get_by_label(section).click();
        ui.settle();
    }
    check(&mut ui, "Credentials");
    assert!(
        unlabelled.is_empty(),
        "inputs without a label: {unlabelled:#?}"
    );
}

/// The app in Chinese with the emulator, on `screen`.
fn app_in_chinese(screen: Vec2, with_emulator: bool) -> Ui {
    app_in(
        Lang::SimplifiedChinese,
        CjkFontSource::System,
        screen,
        JobsConfig::default(),
        with_emulator,
        |_, _| {},
        ZH_NO_PROFILES,
    )
}

#[test]
fn in_chinese_the_rules_flip_and_the_strength_is_worded() {
    let mut ui = app_in_chinese(TEST_SCREEN.into(), false);
    ui.open("DCS UpdatePassword");
    assert!(ui.has("修改 DCS（Redis / Memcached）实例的密码"));
    assert!(ui.has("请输入或生成新密码。"));
    assert!(ui.has("• 连续五次输错旧密码，将锁定密码修改五分钟。"));
    ui.type_into("新密码", "abc");
    assert!(ui.has("✘ 8 到 32 个字符（部分版本最多接受 64 个）：还需 5 个字符"));
    assert!(ui.has_containing("✘ 包含小写字母、大写字母、数字、特殊字符中的至少 3 类"));
    assert!(ui.has("✔ 只含允许的字符"));
    assert!(ui.has("强度：不评级，API 会拒绝该密码"));
    assert!(ui.has("• 实例ID不能为空"));
    ui.type_into("新密码", "abcD3f9!kq");
    assert!(ui.has_containing("✔ 8 到 32 个字符"));
    assert!(ui.has_containing("✔ 包含小写字母、大写字母、数字、特殊字符中的至少 3 类"));
    let rated = labels_starting(ui.h(), "强度：");
    assert_eq!(rated.len(), 1, "{rated:?}");
    assert!(
        !rated[0].contains("不评级"),
        "accepted, so rated: {rated:?}"
    );
    // Not one English word left in the form's own text.
    for label in labels_starting(ui.h(), "") {
        assert!(
            !["characters", "Strength", "Missing", "required", "password"]
                .iter()
                .any(|w| label.contains(w)),
            "English in the Chinese window: {label:?}"
        );
    }
}

#[test]
fn in_chinese_a_lock_counts_down_in_chinese() {
    require_keyring();
    let mut ui = app_in_chinese(TEST_SCREEN.into(), true);
    ui.open("DCS UpdatePassword");
    ui.use_emulator("cn-north-4");
    ui.type_into("项目ID", "0504201b5a80d3a22f6ec01a1f4b5c9c");
    ui.type_into("实例ID", &unique("dcs-zh-lock"));
    ui.type_into("旧密码", "Right-Pass-1");
    ui.type_into("新密码", "Next-Pass-22");
    ui.send_with_keyboard();
    assert!(ui.has("密码已修改"));
    for left in [4, 3, 2, 1] {
        ui.send_with_keyboard_after(|ui| {
            ui.type_into("旧密码", "Wrong-Pass-9");
            ui.type_into("新密码", "Other-Pass-55");
        });
        assert!(ui.has("当前密码错误"));
        assert!(
            ui.has(&format!("密码修改被锁定前还可以尝试 {left} 次")),
            "{left}"
        );
    }
    ui.send_with_keyboard_after(|ui| {
        ui.type_into("旧密码", "Wrong-Pass-9");
        ui.type_into("新密码", "Other-Pass-55");
    });
    assert!(ui.has("密码修改已被锁定"));
    assert!(ui.has("5 分 00 秒后可以再次尝试修改密码"));
    ui.clock.advance(time::Duration::seconds(61));
    ui.h().run();
    assert!(ui.has("3 分 59 秒后可以再次尝试修改密码"));
    ui.clock.advance(time::Duration::minutes(4));
    ui.h().run();
    assert!(ui.has("锁定已结束：现在可以再次尝试修改密码。"));
}

#[test]
fn in_chinese_an_unknown_result_says_so_and_keeps_the_password() {
    require_keyring();
    let mut ui = app_in_chinese(TEST_SCREEN.into(), true);
    ui.open("URedis ModifyURedisGroupPassword");
    ui.use_emulator("cn-bj2");
    let group = unique("fault-reset");
    ui.type_into("组ID", &group);
    ui.type_into("新密码", "Abc_123-xyz");
    ui.send_with_keyboard();
    assert!(ui.has("结果未知：密码可能已经修改"));
    assert!(ui.has_containing("新密码已作为待确认密码保存在系统密钥环中"));
    let resource = format!("ucloud.uredis.modify-group-password/cn-bj2/{group}");
    assert_eq!(
        ui.slot(&resource, Slot::Pending).as_deref(),
        Some("Abc_123-xyz")
    );
}

/// The form in Chinese fits at 1024 × 700 and at the window's default
/// size, as it does in English.
#[test]
fn in_chinese_the_form_is_shown_whole_at_1024_by_700() {
    let window = keyturn::ui::app::window_options("Keyturn", None).viewport;
    let default = window.inner_size.expect("the window has a default size");
    let mut ui = app_in_chinese(Vec2::new(1024.0, 700.0), false);
    ui.open("DCS UpdatePassword");
    ui.type_into("新密码", "abc");
    assert!(ui.has_containing("还需 5 个字符"));
    assert_form_shown_whole_in(&mut ui, Vec2::new(1024.0, 700.0), &CHINESE_FORM);
    ui.h().set_size(default);
    ui.h().run();
    assert_form_shown_whole_in(&mut ui, default, &CHINESE_FORM);
}

/// The Credentials view sets up the team store as `keyturn store use
/// vault` does: the choice in the config folder, the token in this
/// computer's keyring and never in a file; a plain-HTTP server that is not
/// on this computer cannot be saved.
#[test]
fn the_store_settings_save_a_team_store_and_keep_its_token_in_the_keyring() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), false);
    ui.h().get_by_label("Credentials").click();
    ui.settle();
    assert!(ui.has("Profiles and passwords are kept in the OS keyring of this computer."));
    ui.h()
        .get_by_label("Where profiles and passwords are kept")
        .click();
    ui.settle();
    ui.h()
        .get_by_label("A team store (OpenBao or HashiCorp Vault, KV version 2)")
        .click();
    ui.settle();
    ui.type_into("Server", "http://vault.example:8200");
    assert!(ui.has_containing("plain http:// is allowed only to a loopback address"));
    assert!(
        ui.h()
            .get_by_role_and_label(Role::Button, "Save")
            .accesskit_node()
            .is_disabled()
    );
    let addr = format!("http://127.0.0.1:{}", 20000 + std::process::id() % 10000);
    ui.type_into("Server", &addr);
    let token = format!("ktfake-ui-token-{}", std::process::id());
    ui.type_into("Token", &token);
    ui.h().get_by_role_and_label(Role::Button, "Save").click();
    ui.wait_for("the store saved", |h| {
        h.query_by_label_contains(
            "From the next start, profiles and passwords are kept in the team store",
        )
        .is_some()
    });
    let settings = std::fs::read_to_string(ui.vault.paths().config_dir.join("store.json")).unwrap();
    assert!(
        settings.contains("\"vault\"") && settings.contains(&addr),
        "{settings}"
    );
    assert!(
        !settings.contains(&token),
        "the token is not in the settings"
    );
    let kept = keyturn::vault::secrets::platform_get(&keyturn::vault::team::token_entry(&addr))
        .unwrap()
        .expect("the token is in the keyring");
    assert_eq!(kept.expose_secret(), token);
}

/// Another's change found in the resource's item (another data folder on
/// this keyring staged it and may still wait for its answer) is shown as
/// theirs, with Keep and Discard disabled until its lease ends; then they
/// wake up.
#[test]
fn another_folders_change_is_theirs_to_settle_until_its_lease_ends() {
    require_keyring();
    let instance = unique("dcs-theirs");
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    let key = ResourceKey::parse(&resource).unwrap();
    let now = OffsetDateTime::now_utc();
    let mut ui = app_with(
        JobsConfig::default(),
        false,
        |vault, _| {
            // What the other folder's stage wrote into the shared item.
            let by = keyturn::vault::Actor {
                user: "ana".into(),
                host: Some("laptop-3".into()),
                identity: None,
            };
            let slots = keyturn::vault::Slots {
                current: Some(SecretString::from("Theirs-Old-1".to_owned())),
                pending: Some(keyturn::vault::Pending::Password(SecretString::from(
                    "Theirs-New-2".to_owned(),
                ))),
                claim: Some(keyturn::vault::Claim::new(
                    "1790000000-0000beef",
                    &by,
                    keyturn::vault::ClaimState::Staged,
                    now,
                    time::Duration::minutes(3),
                )),
                ..Default::default()
            };
            vault
                .write_slots(&key, &slots, &[Slot::Pending], None, now, false)
                .unwrap();
        },
        "No profiles yet.",
    );
    ui.wait_for("the banner", |h| {
        h.query_by_label_contains("ana@laptop-3's change").is_some()
    });
    assert!(ui.has_containing("without a record here: the request may have been sent"));
    assert!(ui.has_containing("only they can settle it until"));
    let keep_enabled = |ui: &Ui| {
        !ui.harness
            .get_by_label("Keep as current…")
            .accesskit_node()
            .is_disabled()
    };
    assert!(!keep_enabled(&ui), "Keep is offered during their lease");
    assert!(
        ui.h()
            .query_by_label("Retry with the same new password…")
            .is_none()
    );
    // The lease ends: the change may be settled here, knowing it may have
    // been sent.
    ui.clock.advance(time::Duration::minutes(4));
    ui.settle();
    assert!(keep_enabled(&ui), "Keep stays disabled after the lease");
    assert!(ui.has_containing("its lease ended at"));
    assert_eq!(
        ui.slot(&resource, Slot::Pending).as_deref(),
        Some("Theirs-New-2")
    );
}

/// What a result says of the passwords is worded when it is drawn: after a
/// switch of language at run time, a result already on screen reads in the
/// new language (it stayed in the old one).
#[test]
fn a_language_switch_rewords_the_results_already_shown() {
    require_keyring();
    let mut ui = app_switched_from_chinese_to_english(true);
    let instance = unique("dcs-reworded");
    ready_dcs(&mut ui, &instance);
    ui.send_with_keyboard();
    assert!(ui.has_containing("the new password is now the current password of"));
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label("简体中文").click();
    ui.settle();
    assert!(
        !ui.has_containing("the new password is now the current password of"),
        "the result stayed in English"
    );
    assert!(
        ui.has_containing("新密码现已成为"),
        "{:?}",
        ui.texts_containing("密码")
    );
}

/// An app started in Chinese (to have the process's language alone) and
/// switched to English at run time through View ▸ Language.
fn app_switched_from_chinese_to_english(with_emulator: bool) -> Ui {
    let mut ui = app_in_chinese(TEST_SCREEN.into(), with_emulator);
    ui.h().get_by_label("视图").click();
    ui.settle();
    ui.h().get_by_label("English").click();
    ui.settle();
    // The window is in English now; the process's language stays held.
    ui.lang = Lang::English;
    ui
}

/// A job's failure is kept as the error and worded when drawn: after a
/// switch of language at run time, an error already on screen (here a
/// console file holding two keys, refused by the import) reads in the new
/// language, remedy and all.
#[test]
fn a_language_switch_rewords_an_error_already_shown() {
    let mut ui = app_switched_from_chinese_to_english(false);
    ui.h().get_by_label("Credentials").click();
    ui.settle();
    ui.h()
        .get_by_label("Import a console's access key file (CSV)")
        .click();
    ui.settle();
    ui.type_into("File", &fixture("bad-two-keys.csv").display().to_string());
    ui.h().get_by_label("Import").click();
    let english = "import one file per key";
    ui.wait_for("the error", |h| {
        h.query_by_label_contains(english).is_some()
    });
    assert!(ui.has_containing("nothing was stored"));

    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label("简体中文").click();
    ui.settle();
    assert!(
        !ui.has_containing(english) && !ui.has_containing("nothing was stored"),
        "the error stayed in English: {:?}",
        ui.texts_containing("bad-two-keys.csv")
    );
    let reworded = ui.texts_containing("bad-two-keys.csv");
    assert!(
        reworded
            .iter()
            .any(|text| text.contains("请每个文件只导入一个密钥")
                && text.contains("没有保存任何内容")),
        "{reworded:?}"
    );
}

/// What a job did is kept as a fact and worded when drawn too: a profile
/// added in English reads in Chinese after a switch of language.
#[test]
fn a_language_switch_rewords_what_a_job_did() {
    require_keyring();
    let mut ui = app_switched_from_chinese_to_english(false);
    ui.h().get_by_label("Credentials").click();
    ui.settle();
    ui.h().get_by_label("Add a profile").click();
    ui.settle();
    let name = unique("ui-reworded");
    ui.type_into("Profile name", &name);
    ui.type_into("Access key ID", "AKIDREWORDED");
    ui.type_into("Access key secret", "reworded-secret-1");
    ui.h().get_by_label("Add profile").click();
    ui.wait_for("the profile", |h| {
        h.query_by_label_contains(&format!("added profile {name}"))
            .is_some()
    });
    ui.h().get_by_label("View").click();
    ui.settle();
    ui.h().get_by_label("简体中文").click();
    ui.settle();
    assert!(
        !ui.has_containing(&format!("added profile {name}")),
        "stayed in English"
    );
    assert!(ui.has_containing(&format!("已添加配置 {name}")));
}

/// What the form's "Access key" list shows chosen.
fn key_source(ui: &mut Ui) -> String {
    let node = ui.h().get_by_role_and_label(Role::ComboBox, "Access key");
    let node = node.accesskit_node();
    node.value()
        .or_else(|| node.label())
        .unwrap_or_default()
        .to_string()
}

/// A form nothing is remembered of starts with a profile of its cloud: the
/// one the admin used in the form they came from, when it is of that cloud,
/// else the first; a form of a cloud without profiles starts with a typed
/// key. (Before, every new form started with a typed key, dropping the
/// profile just picked.)
#[test]
fn a_new_form_starts_with_a_profile_of_its_cloud_the_one_just_used_if_it_fits() {
    require_keyring();
    let first = format!("ui-pre-a-{}", std::process::id());
    let second = format!("ui-pre-b-{}", std::process::id());
    let names = [first.clone(), second.clone()];
    let mut stored = None;
    let mut ui = app_with(
        JobsConfig::default(),
        false,
        |vault, _| {
            for name in &names {
                let profile = keyturn::vault::new_profile(
                    name,
                    keyturn::catalog::Provider::Alibaba,
                    KEY_ID,
                    OffsetDateTime::now_utc(),
                );
                vault
                    .add_profile(profile, &SecretString::from(SECRET))
                    .unwrap();
            }
            stored = Some(vault.clone());
        },
        &second,
    );
    ui.open("DTS ModifyDtsJobPassword");
    assert_eq!(key_source(&mut ui), format!("Profile {first}"), "the first");
    // The admin picks the second, then moves to the other Alibaba form.
    ui.h().get_by_label(&second).click();
    ui.settle();
    assert_eq!(key_source(&mut ui), format!("Profile {second}"));
    ui.open("DTS ModifyConsumerGroupPassword");
    assert_eq!(
        key_source(&mut ui),
        format!("Profile {second}"),
        "the one used"
    );
    // No Huawei profile: a typed key.
    ui.open("DCS UpdatePassword");
    assert_eq!(key_source(&mut ui), "Typed key (this call only)");
    let vault = stored.unwrap();
    for name in &names {
        vault.remove_profile(name).unwrap();
    }
}

/// A result that left a change open asks to settle it; once it is settled
/// (here by Discard at the top of the window), the result says how, instead
/// of still asking (it kept asking).
#[test]
fn a_result_left_open_says_how_it_was_settled_once_it_is() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    send_to_new_uredis_group(&mut ui, "fault-reset", "Dropped_123-abc");
    assert!(ui.has("Result unknown: the password may have changed"));
    assert!(ui.has_containing("settle the change at the top of the window"));
    ui.wait_for("the banner", |h| {
        h.query_by_label_contains("may have changed at").is_some()
    });
    ui.h().get_by_label("Discard…").click();
    ui.h().run();
    ui.h()
        .get_by_role_and_label(Role::Button, "Discard the pending password")
        .click();
    ui.wait_for("the result to say it was settled", |h| {
        h.query_by_label_contains("settled since: the pending password was discarded")
            .is_some()
    });
    assert!(!ui.has_containing("settle the change at the top of the window"));
}

/// At 1024×700, with several results on the right, Tab walks everything
/// focusable in the window — "Earlier in this session" rows too — and each
/// focused widget is scrolled into view (they were left below the fold).
#[test]
fn every_widget_tab_reaches_is_scrolled_into_view() {
    require_keyring();
    let screen = Vec2::new(1024.0, 700.0);
    let mut ui = app_on_screen(screen);
    ui.open("DCS UpdatePassword");
    ui.use_emulator("cn-north-4");
    ui.type_into("Project ID", "0504201b5a80d3a22f6ec01a1f4b5c9c");
    let instance = unique("dcs-tab-all");
    ui.type_into("Instance ID", &instance);
    ui.type_into("Old password", "Right-Pass-1");
    for n in 0..4 {
        ui.type_into("New password", &format!("Next-Pass-{n}{n}x"));
        ui.send_with_keyboard();
    }
    let mut outside = Vec::new();
    let mut reached = 0;
    for _ in 0..120 {
        let Some((label, rect)) = ui.tab() else {
            continue;
        };
        reached += 1;
        if rect.bottom() > screen.y + 0.5 || rect.top() < 0.0 {
            outside.push(format!("{label:?} at {rect:?}"));
        }
    }
    assert!(reached > 20, "Tab reached {reached} widgets");
    assert!(outside.is_empty(), "focused but out of view: {outside:#?}");
}

/// What a screen reader gets of the view on screen: every focusable node
/// (not hidden) as its role and name. A node named by its value (a label)
/// counts that value.
fn focusable_names(ui: &Ui) -> Vec<(Role, String)> {
    use egui::accesskit::Action;
    ui.harness
        .root()
        .children_recursive()
        .filter_map(|n| {
            let node = n.accesskit_node();
            if node.is_hidden() || !node.data().supports_action(Action::Focus) {
                return None;
            }
            let name = node
                .label()
                .or_else(|| node.value().filter(|_| node.role() == Role::Label))
                .unwrap_or_default();
            Some((node.role(), name.trim().to_owned()))
        })
        .collect()
}

/// In one view: focusable nodes without a name, and names two focusable
/// nodes share.
fn unnamed_and_duplicates(view: &str, nodes: &[(Role, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (role, name) in nodes {
        if name.is_empty() {
            problems.push(format!("{view}: a {role:?} without a name"));
        } else if !seen.insert(name.clone()) {
            problems.push(format!(
                "{view}: two focusable nodes named {name:?} ({role:?})"
            ));
        }
    }
    problems
}

/// Every view, as a screen reader reads it: no focusable node without a
/// name, no two with the same name in one view, and the tables exposed as
/// tables (rows of cells under a table, its header cells named).
#[test]
fn every_view_names_each_focusable_widget_once_and_tables_are_tables() {
    require_keyring();
    let (mut ui, name, _) = credentials_app();
    let mut problems = Vec::new();
    for op in [
        "DTS ModifyConsumerGroupPassword",
        "DTS ModifyDtsJobPassword",
        "DCS UpdatePassword",
        "URedis ModifyURedisGroupPassword",
        "TcaplusDB ModifyClusterPassword",
    ] {
        ui.open(op);
        ui.h().get_by_label("Preview the request").click();
        ui.settle();
        problems.extend(unnamed_and_duplicates(op, &focusable_names(&ui)));
    }

    // A form ready to send, its confirmation, then a result.
    ui.open("DCS UpdatePassword");
    ui.type_into("Project ID", "0504201b5a80d3a22f6ec01a1f4b5c9c");
    ui.type_into("Instance ID", &unique("dcs-a11y"));
    ui.type_into("Old password", "A11y-Old-123");
    ui.type_into("New password", "A11y-New-456");
    ui.settle();
    ui.h().get_by_label("Review and send…").click();
    ui.settle();
    problems.extend(unnamed_and_duplicates(
        "confirmation",
        &focusable_names(&ui),
    ));
    // The dialog and the window are named too.
    let dialogs: Vec<String> = ui
        .h()
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Dialog)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(dialogs, ["Confirm the change"]);
    assert_eq!(
        ui.h().root().accesskit_node().label().as_deref(),
        Some("Keyturn")
    );
    ui.confirm_by_keyboard();
    ui.h().step();
    ui.wait_for("an answer", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
            && h.query_by_label("Preparing to send…").is_none()
    });
    problems.extend(unnamed_and_duplicates("result", &focusable_names(&ui)));

    ui.h().get_by_label("Credentials").click();
    ui.wait_for("the credentials", |h| {
        h.query_by_label(&format!("Verify profile {name}"))
            .is_some()
    });
    for section in ["Add a profile", "Import a console's access key file (CSV)"] {
        ui.h().get_by_label(section).click();
        ui.settle();
    }
    problems.extend(unnamed_and_duplicates("credentials", &focusable_names(&ui)));
    eprintln!("PROBLEMS {problems:#?}");
    let tables: Vec<_> = ui
        .h()
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Table)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert!(
        tables.len() >= 2,
        "profiles and passwords as tables: {tables:?}"
    );
    for table in ui
        .h()
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Table)
    {
        let rows: Vec<_> = table
            .children()
            .filter(|r| r.accesskit_node().role() == Role::Row)
            .collect();
        assert!(
            rows.len() >= 2,
            "a header row and a row: {:?}",
            table.accesskit_node().label()
        );
        let headers: Vec<String> = rows[0]
            .children()
            .filter(|c| c.accesskit_node().role() == Role::ColumnHeader)
            .map(|c| c.accesskit_node().label().unwrap_or_default())
            .collect();
        assert!(
            headers.len() >= 3 && headers.iter().all(|h| !h.is_empty()),
            "{headers:?}"
        );
        assert!(
            rows[1]
                .children()
                .all(|c| c.accesskit_node().role() == Role::Cell),
            "a row holds cells"
        );
    }

    ui.h().get_by_label("History").click();
    ui.settle();
    problems.extend(unnamed_and_duplicates("history", &focusable_names(&ui)));
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The stored passwords, as a screen reader walks their table: each row's
/// first cell, top to bottom.
fn password_rows(ui: &Ui) -> Vec<String> {
    let table = ui
        .harness
        .get_by_role_and_label(Role::Table, "Stored passwords");
    table
        .children()
        .filter(|r| r.accesskit_node().role() == Role::Row)
        .skip(1)
        .filter_map(|r| r.children().next())
        .map(|c| c.accesskit_node().label().unwrap_or_default())
        .collect()
}

/// Stored passwords are a table with each current password's age, the
/// oldest first so the passwords most due for a change lead; the age
/// column's header turns the order round. At the window's smallest size
/// the table scrolls sideways rather than cutting its columns off.
#[test]
fn stored_passwords_are_a_table_sorted_by_age_that_scrolls_sideways() {
    require_keyring();
    let old = unique("dcs-old");
    let new = unique("dcs-new");
    let (o, n) = (old.clone(), new.clone());
    let mut ui = app_on(
        Vec2::new(760.0, 480.0),
        JobsConfig::default(),
        false,
        move |vault, _| {
            for (instance, days) in [(&n, 2), (&o, 40)] {
                let key = ResourceKey::parse(&format!(
                    "huaweicloud.dcs.update-password/cn-north-4/{instance}"
                ))
                .unwrap();
                let slots = keyturn::vault::Slots {
                    current: Some(SecretString::from("Stored-Age-1")),
                    ..Default::default()
                };
                vault
                    .write_slots(
                        &key,
                        &slots,
                        &[Slot::Current],
                        None,
                        OffsetDateTime::now_utc()
                            - time::Duration::days(days)
                            - time::Duration::hours(1),
                        false,
                    )
                    .unwrap();
            }
        },
        "No profiles yet.",
    );
    ui.h().get_by_label("Credentials").click();
    ui.wait_for("the stored passwords", |h| {
        h.query_by_role_and_label(Role::Table, "Stored passwords")
            .is_some()
    });
    let rows = password_rows(&ui);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].contains(&old) && rows[1].contains(&new), "{rows:?}");
    assert!(
        ui.has("40 d") && ui.has("2 d"),
        "ages in days: {:?}",
        ui.texts_containing(" d")
    );

    ui.h()
        .get_by_role_and_label(Role::Button, "Age, oldest first")
        .click();
    ui.settle();
    let rows = password_rows(&ui);
    assert!(rows[0].contains(&new) && rows[1].contains(&old), "{rows:?}");
    assert!(ui.has("Age, newest first"));

    // Narrow: the table is wider than the window, and scrolls sideways.
    let table = |ui: &Ui| {
        ui.harness
            .get_by_role_and_label(Role::Table, "Stored passwords")
            .rect()
    };
    let before = table(&ui);
    assert!(before.right() > 760.0, "{before:?}");
    ui.h().hover_at(before.left_center() + Vec2::new(40.0, 0.0));
    ui.h().run();
    ui.h().event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(-600.0, 0.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    ui.settle();
    let after = table(&ui);
    assert!(
        after.left() < before.left() - 100.0,
        "{before:?} → {after:?}"
    );
}

/// Two windows on one data folder: while another window (or command)
/// holds an open change's resource, this window's banner says it is under
/// way there, not "interrupted", and offers no Keep or Discard; once the
/// other settles it, the banner goes by itself (the journal is read again
/// every few seconds meanwhile, and whenever the window gets the focus).
#[test]
fn another_windows_change_shows_as_under_way_and_the_banner_follows_it() {
    use keyturn::rotation::{ResourceLock, Rotation, lock_dir};
    require_keyring();
    let mut ui = app(JobsConfig::default(), true);
    let (_, resource) = send_to_new_uredis_group(&mut ui, "fault-reset", "Abc_123-xyz");
    ui.wait_for("the banner", |h| {
        h.query_by_label("A password change has an unknown result")
            .is_some()
    });
    let key = ResourceKey::parse(&resource).unwrap();
    let attempt = ui.attempts().last().unwrap().id.clone();

    // Another window retries it: it holds the resource's lock.
    let dir = lock_dir(&ui.vault.paths().data_dir).unwrap();
    let other = ResourceLock::take(&dir, &key).unwrap();
    ui.h().event(egui::Event::WindowFocused(true));
    let under_way = "Being changed right now in another Keyturn window or command, which settles it: this updates when it ends.";
    ui.wait_for("the change under way elsewhere", |h| {
        h.query_by_label(under_way).is_some()
    });
    assert!(!ui.has_containing("interrupted"));
    for button in ["Keep as current…", "Discard…"] {
        assert!(
            ui.h().get_by_label(button).accesskit_node().is_disabled(),
            "{button}"
        );
    }

    // The other window settles it and lets go: the banner follows alone.
    let rotation = Rotation::new(ui.vault.clone());
    drop(other);
    rotation
        .discard(&attempt, OffsetDateTime::now_utc())
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while ui.has("A password change has an unknown result") {
        assert!(Instant::now() < deadline, "the banner stayed");
        ui.clock.advance(time::Duration::seconds(1));
        std::thread::sleep(Duration::from_millis(100));
        ui.h().run_steps(3);
    }
}

/// The warning that an imported file still holds the key offers to delete
/// it: asked first with Keep focused, then the file is gone and the
/// warning with it.
#[test]
fn the_imported_file_can_be_deleted_after_asking() {
    require_keyring();
    let mut ui = app(JobsConfig::default(), false);
    let dir = std::env::temp_dir().join(unique("keyturn-ui-delete"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tencent-console.csv");
    std::fs::copy(fixture("tencent-console.csv"), &file).unwrap();
    ui.h().get_by_label("Credentials").click();
    ui.h().run();
    ui.h()
        .get_by_label("Import a console's access key file (CSV)")
        .click();
    ui.h().run();
    let name = unique("ui-deleted");
    ui.type_into("File", &file.display().to_string());
    ui.type_into("Name for the imported key", &name);
    ui.h().get_by_label("Import").click();
    let warning = "still holds the key in plain text: delete it";
    ui.wait_for("the import", |h| {
        h.query_by_label_contains(warning).is_some()
    });

    // Asked first; Keep leaves it.
    ui.h().get_by_label("Delete the file…").click();
    ui.settle();
    assert!(ui.has_containing("cannot be brought back"));
    assert!(ui.h().get_by_label("Keep it").is_focused());
    ui.h().key_press(Key::Enter);
    ui.settle();
    assert!(file.exists(), "kept");
    assert!(ui.has_containing(warning));

    ui.h().get_by_label("Delete the file…").click();
    ui.settle();
    ui.confirm_by_keyboard();
    ui.wait_for("the deletion", |h| {
        h.query_by_label_contains("Deleted ").is_some()
    });
    assert!(!file.exists(), "deleted");
    assert!(!ui.has_containing(warning), "nothing left to ask");
    assert!(ui.vault.credentials(&name).is_ok(), "the key stays stored");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Nothing moves under the pointer while the form is filled in: the send
/// button stays where it was from the first character of a new password
/// (the checklist keeps the room its rules will need) to the last field
/// (what is still missing is listed under the button), and no rule is cut
/// off with "…". The same holds for the add-profile form's button.
#[test]
fn the_send_button_stays_put_and_no_rule_is_cut_off() {
    for screen in [Vec2::new(1600.0, 1000.0), Vec2::new(1024.0, 700.0)] {
        let mut ui = app_on_screen(screen);
        ui.open("DCS UpdatePassword");
        // Where the button is in the form (the form scrolls to the field
        // being typed into; that is not the button moving).
        let button = |ui: &Ui| {
            let form_top = ui
                .harness
                .get_by_role_and_label(Role::Button, "Generate")
                .rect()
                .top();
            ui.harness
                .get_by_role_and_label(Role::Button, "Review and send…")
                .rect()
                .translate(Vec2::new(0.0, -form_top))
        };
        // Scrolled to as a person would, then left there.
        ui.h()
            .get_by_role_and_label(Role::Button, "Review and send…")
            .scroll_to_me();
        ui.settle();
        let at = button(&ui);
        for (field, text) in [
            ("New password", "a"),
            ("New password", "abcD3f9 kq"),
            ("New password", "Abcdefgh1234!xyz"),
            ("Instance ID", "dcs-still-1"),
            ("Old password", "Old-Pass-123"),
        ] {
            ui.type_into(field, text);
            let now = button(&ui);
            assert!(
                (now.top() - at.top()).abs() < 0.5,
                "{screen:?}: typing {text:?} into {field} moved the button: {at:?} → {now:?}"
            );
        }
        let cut: Vec<String> = ui
            .painted_texts()
            .into_iter()
            .filter(|t| t.starts_with(['✔', '✘', '!', '•']) && t.ends_with('…'))
            .collect();
        assert!(cut.is_empty(), "{screen:?}: cut off: {cut:?}");
    }

    let mut ui = app_on_screen(Vec2::new(1024.0, 700.0));
    ui.h().get_by_label("Credentials").click();
    ui.settle();
    ui.h().get_by_label("Add a profile").click();
    ui.settle();
    let add = |ui: &Ui| ui.harness.get_by_label("Add profile").rect();
    let at = add(&ui);
    ui.type_into("Profile name", "steady");
    ui.type_into("Access key ID", "AKIDSTEADY");
    assert!(
        (add(&ui).top() - at.top()).abs() < 0.5,
        "{at:?} → {:?}",
        add(&ui)
    );
}

/// The app with the emulator changing `redis_user`'s password on the real
/// Redis of `scripts/login-servers`, or `None` when those servers are not
/// installed here (the test then passes, having said it skipped).
fn app_over_real_redis(redis_user: &str) -> Option<(Ui, &'static common::login::Servers)> {
    require_keyring();
    let servers = common::login::servers()?;
    BACKING.with(|b| {
        *b.borrow_mut() = Some(keyturn::emulator::backing::Backing {
            redis: Some(keyturn::emulator::backing::Address {
                host: "127.0.0.1".into(),
                port: servers.port("REDIS_PORT"),
            }),
            redis_user: Some(redis_user.to_owned()),
            database: None,
            admin_user: servers.get("ADMIN_USER").to_owned(),
            admin_password: SecretString::from(servers.get("ADMIN_PASSWORD").to_owned()),
        })
    });
    Some((app(JobsConfig::default(), true), servers))
}

/// Keeps where `resource`'s service listens, through Credentials ▸ Connection….
fn connect_in_credentials(ui: &mut Ui, resource: &str, address: &str, user: &str) {
    ui.h().get_by_label("Credentials").click();
    ui.settle();
    let id = resource.rsplit('/').next().unwrap_or_default().to_owned();
    let name =
        format!("Where the service of Huawei Cloud DCS Instance ID {id} in cn-north-4 listens");
    ui.wait_for("the Connection… button", |h| {
        h.query_by_label(&name).is_some()
    });
    ui.h().get_by_label(&name).click();
    ui.h().run();
    ui.type_into("Address (host:port)", address);
    ui.type_into("Account (optional)", user);
    ui.h().get_by_label("Save connection").click();
    ui.wait_for("the connection kept", |h| {
        h.query_by_label_contains("connection details kept for")
            .is_some()
    });
}

/// A change through the app really changes the Redis behind the emulator;
/// *Test the new password* says so when nothing says where it listens,
/// the Credentials view's Test proves it once it does (the old one is
/// refused), and each result shows beside its slot.
#[test]
fn test_proves_a_stored_password_against_a_real_redis() {
    let Some((mut ui, servers)) = app_over_real_redis("rot1") else {
        return;
    };
    open_dcs_on_emulator(&mut ui);
    // The setting: each new password is tested once its change is confirmed.
    ui.h()
        .get_by_label("Test each new password after a change")
        .click();
    ui.h().run();
    let instance = unique("dcs-prove");
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    send_dcs(
        &mut ui,
        &instance,
        servers.get("INITIAL"),
        "Ui-Proven-Pass-1",
    );
    assert!(ui.has("Password changed"));
    let what = format!("Huawei Cloud DCS Instance ID {instance} in cn-north-4");
    let test_new = format!("Test the new password of {what}");
    // No connection details yet: the test says so, loudly, and changes nothing.
    ui.wait_for("the test", |h| {
        h.query_by_label_contains("THE NEW PASSWORD DID NOT PROVE ITSELF")
            .is_some()
    });
    assert!(ui.has_containing("no connection details are kept for this resource"));
    // The form, which names the same resource, says so too, and its
    // Connection… opens the editor in the Credentials view.
    ui.wait_for("the form's connection line", |h| {
        h.query_by_label("Connection…").is_some()
    });
    ui.h().get_by_label("Connection…").click();
    ui.wait_for("the connection editor", |h| {
        h.query_by_label("Save connection").is_some()
    });
    ui.type_into("Address (host:port)", &servers.address("REDIS_PORT"));
    ui.type_into("Account (optional)", "rot1");
    ui.h().get_by_label("Save connection").click();
    ui.wait_for("the connection kept", |h| {
        h.query_by_label_contains("connection details kept for")
            .is_some()
    });
    let _ = &resource;
    ui.h()
        .get_by_label(&format!("Test the current password of {what}"))
        .click();
    ui.wait_for("the current password proven", |h| {
        h.query_all_by_label_contains("✔ proven ").next().is_some()
    });
    ui.h()
        .get_by_label(&format!("Test the previous password of {what}"))
        .click();
    ui.wait_for("the previous password refused", |h| {
        h.query_all_by_label_contains("✘ tested ").next().is_some()
    });
    assert!(ui.has_containing("wrong password: the service refused it"));
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("Ui-Proven-Pass-1")
    );
    assert_eq!(
        ui.slot(&resource, Slot::Previous).as_deref(),
        Some(servers.get("INITIAL"))
    );
    // The result's button proves it now too.
    let before = ui.texts_containing("✔ proven ").len();
    ui.h().get_by_label(&test_new).click();
    ui.wait_for("the new password proven", |h| {
        h.query_all_by_label_contains("✔ proven ").count() > before
    });
}

/// An unknown change that happened: *Find out* logs in with the pending
/// password and asks the same question as *Keep as current…*; confirmed,
/// the change is settled.
#[test]
fn find_out_settles_an_unknown_change_by_testing() {
    let Some((mut ui, servers)) = app_over_real_redis("rot2") else {
        return;
    };
    open_dcs_on_emulator(&mut ui);
    let instance = unique("fault-reset-find");
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    send_dcs(
        &mut ui,
        &instance,
        servers.get("INITIAL"),
        "Ui-Found-Pass-2",
    );
    assert!(ui.has("Result unknown: the password may have changed"));
    ui.wait_for("the banner", |h| {
        h.query_by_label_contains("may have changed at").is_some()
    });
    connect_in_credentials(&mut ui, &resource, &servers.address("REDIS_PORT"), "rot2");
    ui.h().get_by_label("Find out").click();
    ui.wait_for("what testing found", |h| {
        h.query_by_label_contains("The pending password works")
            .is_some()
    });
    assert!(ui.has("Keep the pending password as current?"));
    ui.h()
        .get_by_role_and_label(Role::Button, "Keep as current")
        .click();
    ui.wait_for("the settle", |h| {
        h.query_by_label_contains("the pending password is now the current password")
            .is_some()
    });
    assert_eq!(
        ui.slot(&resource, Slot::Current).as_deref(),
        Some("Ui-Found-Pass-2")
    );
    assert_eq!(ui.slot(&resource, Slot::Pending), None);
    // What Find out proved of the pending password is now current's.
    ui.h()
        .get_by_role_and_label(Role::Button, "Credentials")
        .click();
    ui.wait_for("the proven current password", |h| {
        h.query_all_by_label_contains("✔ proven ").next().is_some()
    });
}

/// In Chinese: Test in the Credentials view, against the real Redis (its
/// ACL user `app`, whose password the stored current one is), says in
/// Chinese that the password is proven, and when.
#[test]
fn in_chinese_test_says_the_password_is_proven() {
    require_keyring();
    let Some(servers) = common::login::servers() else {
        return;
    };
    let instance = unique("dcs-zh-prove");
    let resource = format!("huaweicloud.dcs.update-password/cn-north-4/{instance}");
    let (r, password, address) = (
        resource.clone(),
        servers.get("ACL_PASSWORD").to_owned(),
        servers.address("REDIS_PORT"),
    );
    let mut ui = app_in(
        Lang::SimplifiedChinese,
        CjkFontSource::System,
        TEST_SCREEN.into(),
        JobsConfig::default(),
        false,
        move |vault, _| {
            let key = ResourceKey::parse(&r).unwrap();
            let slots = keyturn::vault::Slots {
                current: Some(SecretString::from(password)),
                ..Default::default()
            };
            vault
                .write_slots(
                    &key,
                    &slots,
                    &[Slot::Current],
                    None,
                    OffsetDateTime::now_utc(),
                    false,
                )
                .unwrap();
            let (host, port) = keyturn::vault::Connection::address(&address).unwrap();
            vault
                .set_connection(
                    &key,
                    Some(keyturn::vault::Connection {
                        host,
                        port,
                        user: Some("app".into()),
                        tls: false,
                        ca_cert: None,
                        database: None,
                    }),
                )
                .unwrap();
        },
        ZH_NO_PROFILES,
    );
    ui.h().get_by_label("凭据").click();
    ui.settle();
    let test = ui
        .texts_containing("的当前密码")
        .into_iter()
        .find(|t| t.starts_with("测试"))
        .expect("a Test button in Chinese");
    ui.h().get_by_label(&test).click();
    ui.wait_for("the password proven", |h| {
        h.query_all_by_label_contains("✔ 已验证 ").next().is_some()
    });
    assert!(ui.has_containing("连接到 127.0.0.1:"));
    assert!(!ui.has_containing("proven"), "no English left");
}
