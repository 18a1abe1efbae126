//! The desktop app's CPU budgets of DESIGN.md §8, measured on the real app
//! without a window: one frame of the busiest screen, and the frames in
//! which a keystroke or a 10,000-character paste reaches the new-password
//! field (the form's own path: the text edit, the rule check, the strength
//! estimate, validation, layout).
//!
//! The busiest screen is reached like a person would, with egui_kittest
//! against the emulator on 127.0.0.1: the Huawei DCS form filled in, its
//! rule checklist and strength bar showing, after five wrong old passwords,
//! so the results panel shows a lock with a live countdown. Then the app is
//! run frame by frame exactly as Keyturn's window does it (`Context::run_ui`
//! calling `App::logic` and `App::ui`), timing each `run_ui` and,
//! separately, the tessellation and the CPU painting of the window's pixels
//! the window does next (`ui::window::FramePainter`, at the window's size,
//! painting again only what the frame changed, as the window does);
//! only showing the pixels on screen is not included (it is part of start
//! to first frame, under Xvfb, in `scripts/measure-ui`). AccessKit is off,
//! as in a real window without a screen reader.
//!
//! `cargo bench --bench ui_frame` runs 1,000 frames of each kind; any other
//! invocation (`cargo test --all-targets` runs this binary without
//! `--bench`) does a few frames to check the machinery works. Figures are
//! recorded in BENCHMARKS.md.

use std::time::{Duration, Instant};

use egui::{self, Event, Key, Modifiers, Pos2, RawInput, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keyturn::emulator::{self, EmulatorConfig};
use keyturn::jobs::{JobsConfig, system_clock};
use keyturn::ui::clipboard::MemoryClipboard;
use keyturn::ui::window::{App, Frame, FramePainter};
use keyturn::ui::{AppConfig, KeyturnApp};
use keyturn::vault::{Paths, Vault};
use secrecy::SecretString;

#[path = "../tests/common/windowed.rs"]
mod windowed;
use windowed::Windowed;

const KEY_ID: &str = "FAKEUIBENCHKEY";
const SECRET: &str = "fake-ui-bench-secret";
/// The window size `keyturn` opens with.
const WINDOW: Vec2 = Vec2::new(1180.0, 760.0);

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let frames = if full { 1000 } else { 5 };
    println!(
        "ui_frame: {} run, {frames} frames of each kind",
        if full { "full" } else { "smoke (no --bench)" }
    );

    // Sends go through rotation safety, which keeps passwords in the
    // keyring: an in-memory one here, so no Secret Service is needed.
    assert!(keyturn::vault::secrets::use_store(
        keyturn::vault::memory::MemoryStore::new_store(),
        keyturn::vault::secrets::Reach::ThisProcess,
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime for the emulator");
    let emu = runtime
        .block_on(emulator::start(
            EmulatorConfig::new(KEY_ID, SecretString::from(SECRET)),
            "127.0.0.1:0".parse().expect("an address"),
        ))
        .expect("the emulator starts");
    let dir = std::env::temp_dir().join(format!("keyturn-ui-bench-{}", std::process::id()));
    let vault = Vault::new(Paths {
        config_dir: dir.join("config"),
        data_dir: dir.join("data"),
    });

    let config = AppConfig {
        vault: Some(vault),
        clock: system_clock(),
        local_offset: time::UtcOffset::UTC,
        jobs: JobsConfig::default(),
        clipboard: Box::new(MemoryClipboard::new()),
        lang_argument: None,
        cjk_font: keyturn::ui::CjkFontSource::System,
        store: Some(Ok(keyturn::vault::team::StoreChoice::Keyring)),
    };
    let mut h = windowed::harness(Harness::builder().with_size(WINDOW), move |ctx, storage| {
        KeyturnApp::new(ctx, storage, config).expect("the app starts")
    });
    busiest_screen(&mut h, &emu.url());

    // From here on, frames are run as the window runs them.
    let ctx = h.ctx.clone();
    ctx.disable_accesskit();
    let mut bench = Bench {
        // egui's clock must not go back: carry on from kittest's.
        time_base: ctx.input(|i| i.time),
        frames: FramePainter::default(),
        shadow: FramePainter::default(),
        shadow_pixels: vec![0; WINDOW.x as usize * WINDOW.y as usize],
        mismatched: Vec::new(),
        age: 1,
        pixels: vec![0; WINDOW.x as usize * WINDOW.y as usize],
        // The harness's renderer took the glyph atlas so far: the window's
        // painter gets it whole, as at a window's first frame.
        atlas: Some(egui::TexturesDelta {
            set: std::iter::once((
                egui::TextureId::default(),
                [egui::epaint::ImageDelta::full(
                    ctx.fonts(|f| f.image()),
                    egui::TextureOptions::LINEAR,
                )]
                .into(),
            ))
            .collect(),
            free: Default::default(),
        }),
        ctx,
        start: Instant::now(),
        frames_run: 0,
    };
    let app = &mut h.state_mut().0;

    // Warm caches (glyphs, layouts) as a window that has been open a moment.
    for _ in 0..50 {
        bench.frame(app, Vec::new());
    }

    let mut table = Vec::new();

    // A repaint with no input: what the countdown's once-a-second tick costs.
    let (run, tess) = bench.repeat(frames, app, |_| Vec::new());
    table.push(("busiest screen, repaint without input", run, tess));

    // The same, every pixel painted (a window just resized or uncovered
    // with its buffer lost).
    bench.age = 0;
    let (run, tess) = bench.repeat(frames, app, |_| Vec::new());
    table.push(("busiest screen, every pixel painted again", run, tess));
    bench.age = 1;

    // The pointer moving over the form: egui repaints on every move.
    let (run, tess) = bench.repeat(frames, app, |i| {
        let x = 400.0 + (i % 200) as f32;
        vec![Event::PointerMoved(Pos2::new(x, 300.0 + (i % 50) as f32))]
    });
    table.push(("busiest screen, pointer moving", run, tess));

    // Keystrokes in the new password at 64 characters: type one (64), then
    // Backspace (63), alternately; every one re-checks the rules and the
    // strength. The field was focused while setting up.
    let base: String = "Next-Pass-22".chars().cycle().take(63).collect();
    bench.frame(app, replace_all(&base));
    let (run, tess) = bench.repeat(frames, app, |i| {
        if i % 2 == 0 {
            vec![Event::Text("x".into())]
        } else {
            vec![key(Key::Backspace, Modifiers::NONE)]
        }
    });
    table.push(("keystroke in a 63–64 character new password", run, tess));
    // An even number of keystrokes: back at 63 characters, past 32 but
    // within what some versions accept: a warning.
    bench.check(app, "! 8 to 32 characters (some versions accept up to 64)");

    // A pasted 10,000 characters (all allowed, so the length rule is the one
    // that fails): the frame of the paste, then frames with it in the field.
    let pasted: String = "aB3-xY9_kQ7*".chars().cycle().take(10_000).collect();
    let paste_frames = if full { 200 } else { 3 };
    let mut paste_run = Vec::new();
    let mut paste_tess = Vec::new();
    let mut after_run = Vec::new();
    let mut after_tess = Vec::new();
    for _ in 0..paste_frames {
        bench.frame(app, replace_all(&base));
        bench.frame(app, Vec::new());
        let mut events = vec![key(Key::A, Modifiers::COMMAND)];
        events.push(Event::Paste(pasted.clone()));
        let (r, t) = bench.frame(app, events);
        paste_run.push(r);
        paste_tess.push(t);
        let (r, t) = bench.frame(app, Vec::new());
        after_run.push(r);
        after_tess.push(t);
    }
    bench.check(app, "— remove 9936 characters");
    table.push((
        "paste of 10,000 characters (that frame)",
        paste_run,
        paste_tess,
    ));
    table.push((
        "repaint with the 10,000 characters in the field",
        after_run,
        after_tess,
    ));

    println!();
    println!(
        "| frame | run_ui median | run_ui p95 | run_ui max | + tessellate and paint median | total p95 |"
    );
    println!("|---|---|---|---|---|---|");
    for (what, run, tess) in &table {
        let total: Vec<Duration> = run.iter().zip(tess).map(|(a, b)| *a + *b).collect();
        println!(
            "| {what} | {} | {} | {} | {} | {} |",
            ms(quantile(run, 0.5)),
            ms(quantile(run, 0.95)),
            ms(quantile(run, 1.0)),
            ms(quantile(tess, 0.5)),
            ms(quantile(&total, 0.95)),
        );
    }
    println!();
    println!("({} frames run in all)", bench.frames_run);
    assert!(
        bench.mismatched.is_empty(),
        "frames {:?} painted only where they changed differ from a whole repaint",
        bench.mismatched
    );

    drop(h);
    drop(emu);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The Huawei DCS form, filled in, locked after five wrong old passwords.
fn busiest_screen(h: &mut Harness<'static, Windowed>, url: &str) {
    wait_for(h, "the profile list", |h| {
        h.query_by_label("No profiles yet.").is_some()
    });
    h.get_by_label("DCS UpdatePassword").click();
    h.run();
    for (label, text) in [
        ("Access key ID", KEY_ID),
        ("Access key secret", SECRET),
        ("Region", "cn-north-4"),
        ("Endpoint override", url),
        ("Project ID", "0504201b5a80d3a22f6ec01a1f4b5c9c"),
        ("Instance ID", "dcs-bench-1"),
    ] {
        type_into(h, label, text);
    }
    send(h, "Right-Pass-1", "Next-Pass-22");
    // A success forgets the typed key secret: the admin types it again.
    type_into(h, "Access key secret", SECRET);
    for _ in 0..5 {
        send(h, "Wrong-Pass-9", "Other-Pass-55");
    }
    assert!(
        h.query_by_label_contains("Password changes may be tried again in")
            .is_some(),
        "the results panel should show the lock's countdown"
    );
    assert!(h.query_by_label_contains("Strength: ").is_some());
    assert!(
        h.query_by_label_contains("✔ 8 to 32 characters (some versions accept up to 64)")
            .is_some()
    );
    // The new password keeps the keyboard focus for the keystroke frames.
    h.get_by_label("New password").focus();
    h.run();
}

fn type_into(h: &mut Harness<'static, Windowed>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    settle(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    settle(h);
}

/// Runs frames until the window is still (a resource id typed starts a
/// look-up whose answer arrives from another thread).
fn settle(h: &mut Harness<'static, Windowed>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while h.try_run().is_err() || h.state().reloading() {
        assert!(Instant::now() < deadline, "the window never settled");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Types the old and new password, opens the confirmation with Enter in
/// the new-password field and confirms it as an admin does: Tab from
/// Cancel to the action, then Enter.
fn send(h: &mut Harness<'static, Windowed>, old: &str, new: &str) {
    type_into(h, "Old password", old);
    type_into(h, "New password", new);
    h.key_press(Key::Enter);
    settle(h);
    h.key_press(Key::Tab);
    settle(h);
    h.key_press(Key::Enter);
    h.step();
    wait_for(h, "an answer", |h| {
        h.query_by_label_contains("Answered at: ").is_some()
            && h.query_by_label("Preparing to send…").is_none()
    });
}

/// Steps until `done` and the app's follow-up reads of the index and
/// journal have landed (so none lands during a measurement), up to a
/// deadline: on a loaded machine jobs take longer, not more frames.
fn wait_for(
    h: &mut Harness<'static, Windowed>,
    what: &str,
    done: impl Fn(&Harness<'static, Windowed>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        h.step();
        if done(h) && !h.state().reloading() {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("gave up waiting for {what}");
}

fn key(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// Select all, then type `text` over it.
fn replace_all(text: &str) -> Vec<Event> {
    vec![
        key(Key::A, Modifiers::COMMAND),
        Event::Text(text.to_owned()),
    ]
}

struct Bench {
    ctx: egui::Context,
    frames: FramePainter,
    /// Every frame painted whole, to check `frames` against.
    shadow: FramePainter,
    shadow_pixels: Vec<u32>,
    /// The frames whose pixels differed from the whole repaint's.
    mismatched: Vec<usize>,
    /// The age of the buffer each frame is painted into: 1 as in a shown
    /// window, 0 to paint every pixel (a window just resized).
    age: u8,
    pixels: Vec<u32>,
    /// The glyph atlas, for the painter's first frame.
    atlas: Option<egui::TexturesDelta>,
    time_base: f64,
    start: Instant,
    frames_run: usize,
}

impl Bench {
    /// Runs one frame as the window does; returns the time of `run_ui` and
    /// of tessellating and painting its shapes.
    fn frame(&mut self, app: &mut KeyturnApp, events: Vec<Event>) -> (Duration, Duration) {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            time: Some(self.time_base + self.start.elapsed().as_secs_f64()),
            focused: true,
            events,
            ..RawInput::default()
        };
        let t0 = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx());
            app.ui(ui);
        });
        let run = t0.elapsed();
        let t1 = Instant::now();
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        let clear = app.clear_color(&self.ctx.global_style().visuals);
        let mut textures = self.atlas.take().unwrap_or_default();
        textures.append(std::mem::take(&mut output.textures_delta));
        let mut shadow_textures = egui::TexturesDelta {
            set: textures.set.clone(),
            free: textures.free.clone(),
        };
        // The buffer keeps the last frame, as a shown window's does
        // (age 1): only what the frame changed is painted again.
        self.frames.paint(
            &mut self.pixels,
            (WINDOW.x as u32, WINDOW.y as u32),
            self.age,
            Frame {
                primitives: &primitives,
                textures: &mut textures,
                pixels_per_point: output.pixels_per_point,
                clear,
            },
        );
        let tess = t1.elapsed();
        std::hint::black_box(&self.pixels);
        // Untimed: the same frame painted whole, which the pixels painted
        // only where the frame changed must equal.
        self.shadow.paint(
            &mut self.shadow_pixels,
            (WINDOW.x as u32, WINDOW.y as u32),
            0,
            Frame {
                primitives: &primitives,
                textures: &mut shadow_textures,
                pixels_per_point: output.pixels_per_point,
                clear,
            },
        );
        if self.pixels != self.shadow_pixels {
            self.mismatched.push(self.frames_run);
        }
        self.frames_run += 1;
        (run, tess)
    }

    /// Panics unless the next frame shows a label or value `text` (read
    /// from the AccessKit tree, on for that one untimed frame).
    fn check(&mut self, app: &mut KeyturnApp, text: &str) {
        self.ctx.enable_accesskit();
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            time: Some(self.time_base + self.start.elapsed().as_secs_f64()),
            focused: true,
            ..RawInput::default()
        };
        let mut output = self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx());
            app.ui(ui);
        });
        output.textures_delta.clear();
        self.ctx.disable_accesskit();
        let update = output
            .platform_output
            .accesskit_update
            .expect("AccessKit is on");
        let shown = update.nodes.iter().any(|(_, node)| {
            node.label().is_some_and(|l| l.contains(text))
                || node.value().is_some_and(|v| v.contains(text))
        });
        assert!(shown, "the app should show {text:?}");
    }

    fn repeat(
        &mut self,
        n: usize,
        app: &mut KeyturnApp,
        events: impl Fn(usize) -> Vec<Event>,
    ) -> (Vec<Duration>, Vec<Duration>) {
        (0..n).map(|i| self.frame(app, events(i))).unzip()
    }
}

fn quantile(samples: &[Duration], q: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[at]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}
