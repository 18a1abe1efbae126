//! The real window, as a user starts it: `keyturn` under Xvfb (an X server
//! with no GPU), its pixels read back from the server with ImageMagick's
//! `import`, and driven with xdotool. What the kittest tests cannot see:
//! that the window shows egui's frame (painted on the CPU), that a key
//! press reaches the app and repaints it, and that the window's remembered
//! choices are read at start and written at close.
//!
//! Needs `Xvfb`, `xdotool` and `import` (scripts/test installs them as root).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::Home;

/// A private X server, stopped when dropped.
struct Display {
    server: Child,
    name: String,
}

impl Display {
    fn start() -> Display {
        for tool in ["Xvfb", "xdotool", "import"] {
            assert!(
                Command::new("sh")
                    .args(["-c", &format!("command -v {tool}")])
                    .stdout(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success()),
                "{tool} is needed for the window tests (scripts/test installs it as root)"
            );
        }
        // Xvfb picks a free display number and writes it to the pipe.
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let mut line = String::new();
        BufReader::new(server.stdout.take().expect("Xvfb's stdout"))
            .read_line(&mut line)
            .expect("Xvfb names its display");
        let number = line.trim();
        assert!(!number.is_empty(), "Xvfb gave no display number");
        Display {
            server,
            name: format!(":{number}"),
        }
    }

    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.env("DISPLAY", &self.name);
        c
    }

    /// The id of the visible window named exactly `name`, waiting for it.
    fn window(&self, name: &str) -> String {
        let out = self
            .command("xdotool")
            .args([
                "search",
                "--sync",
                "--onlyvisible",
                "--name",
                &format!("^{name}$"),
            ])
            .output()
            .expect("xdotool runs");
        let id = String::from_utf8_lossy(&out.stdout);
        id.lines().next().expect("the window is shown").to_owned()
    }

    /// The window's pixels as RGB rows, with its width and height.
    fn capture(&self, window: &str) -> (Vec<[u8; 3]>, u32, u32) {
        let out = self
            .command("import")
            .args(["-window", window, "png:-"])
            .output()
            .expect("import runs");
        assert!(
            out.status.success(),
            "import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut decoder = png::Decoder::new(std::io::Cursor::new(out.stdout));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let frame = reader.next_frame(&mut buf).expect("a frame");
        let channels = frame.color_type.samples();
        let pixels = buf[..frame.buffer_size()]
            .chunks_exact(channels)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        (pixels, frame.width, frame.height)
    }

    /// The window's size as the X server has it (a capture is cut to the
    /// screen; this is not).
    fn size(&self, window: &str) -> (u32, u32) {
        let out = self
            .command("xdotool")
            .args(["getwindowgeometry", "--shell", window])
            .output()
            .expect("xdotool runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix('='))
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("no {name} in {text:?}"))
        };
        (field("WIDTH"), field("HEIGHT"))
    }

    fn xdotool(&self, args: &[&str]) {
        let status = self
            .command("xdotool")
            .args(args)
            .status()
            .expect("xdotool runs");
        assert!(status.success(), "xdotool {args:?} failed");
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// `keyturn` (the desktop app) on `display`, living in `home`, with `env`
/// set; returns the process and a channel of its stderr lines.
fn start_app(
    display: &Display,
    home: &Home,
    env: &[(&str, &str)],
) -> (Child, mpsc::Receiver<String>) {
    let mut cmd = home.keyturn(&[]);
    cmd.envs(env.iter().copied())
        .env("DISPLAY", &display.name)
        .env("KEYTURN_REPORT_FIRST_FRAME", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut app = cmd.spawn().expect("keyturn starts");
    let stderr = app.stderr.take().expect("keyturn's stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (app, rx)
}

fn wait_for_line(lines: &mpsc::Receiver<String>, prefix: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.starts_with(prefix) => return,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!(
        "keyturn never printed {prefix:?}; it printed:\n{}",
        seen.join("\n")
    );
}

fn wait_for_exit(app: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = app.try_wait().expect("waiting for keyturn") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = app.kill();
            panic!("keyturn did not exit after its window was closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// How many distinct colours, and how many pixels far from `background`.
fn colours(pixels: &[[u8; 3]], background: [u8; 3]) -> (usize, usize) {
    let distinct: std::collections::HashSet<[u8; 3]> = pixels.iter().copied().collect();
    let far = pixels
        .iter()
        .filter(|p| {
            p.iter()
                .zip(background)
                .map(|(a, b)| a.abs_diff(b) as u32)
                .sum::<u32>()
                > 200
        })
        .count();
    (distinct.len(), far)
}

#[test]
fn the_window_shows_the_app_repaints_on_a_key_and_keeps_its_choices() {
    common::require_keyring();
    let display = Display::start();
    let home = Home::new("window");
    // Choices remembered by an earlier run: the window's size among them.
    let data = home.dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("window.json"),
        r#"{"window-size": [1000.0, 640.0], "keyturn.idle": {"forget_after_mins": 7}}"#,
    )
    .unwrap();

    let (mut app, lines) = start_app(&display, &home, &[]);
    wait_for_line(&lines, keyturn::ui::first_frame::PREFIX);
    let window = display.window("Keyturn");
    let (pixels, width, height) = display.capture(&window);
    assert_eq!((width, height), (1000, 640), "the remembered size");

    // The frame is painted: the background is the most common colour, and
    // text and frames in another colour cover a real share of the window,
    // in many shades (anti-aliased glyphs), not one flat fill.
    let mut counts = std::collections::HashMap::new();
    for p in &pixels {
        *counts.entry(*p).or_insert(0usize) += 1;
    }
    let background = counts
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(c, _)| *c)
        .unwrap();
    let (distinct, far) = colours(&pixels, background);
    assert!(
        distinct > 30,
        "only {distinct} colours: the frame is not painted"
    );
    assert!(
        far > 2_000,
        "only {far} pixels stand out from the background"
    );
    // The top-left corner is the tab bar's background, not black.
    assert_ne!(pixels[0], [0, 0, 0], "the corner is unpainted");

    // A key press reaches egui and repaints: Tab moves the keyboard focus
    // onto the first tab, which is drawn with a focus frame.
    display.xdotool(&["windowfocus", "--sync", &window]);
    display.xdotool(&["key", "--window", &window, "Tab"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let (after, _, _) = display.capture(&window);
        if after != pixels {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "a key press changed nothing on screen"
        );
    }

    // Closed from outside, the app ends and writes its choices back,
    // keeping what it read.
    display.xdotool(&["windowclose", &window]);
    let status = wait_for_exit(&mut app);
    assert!(status.success(), "keyturn exited with {status}");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("window.json")).unwrap()).unwrap();
    assert_eq!(saved["keyturn.idle"]["forget_after_mins"], 7, "{saved}");
    assert!(
        saved["keyturn.prefs"].is_object(),
        "the form's choices: {saved}"
    );
    assert!(
        saved["egui"].is_string(),
        "egui's memory, as RON text: {saved}"
    );
}

/// A remembered size larger than the screen (from a larger screen, or
/// hand-edited) opens a window no larger than the screen, not one the size
/// of the file's numbers.
#[test]
fn a_remembered_size_larger_than_the_screen_is_cut_to_it() {
    common::require_keyring();
    let display = Display::start();
    let home = Home::new("window-huge");
    let data = home.dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("window.json"),
        r#"{"window-size": [30000.0, 700.0]}"#,
    )
    .unwrap();

    let (mut app, lines) = start_app(&display, &home, &[]);
    wait_for_line(&lines, keyturn::ui::first_frame::PREFIX);
    let window = display.window("Keyturn");
    assert_eq!(
        display.size(&window),
        (1280, 700),
        "cut to the 1280×800 screen"
    );
    display.xdotool(&["windowclose", &window]);
    assert!(wait_for_exit(&mut app).success());
}

/// At `RUST_LOG=trace` the window logs at trace level, but not the keys
/// typed into it: egui-winit traces every key pressed, so a password typed
/// into a form would be in the log an admin sends with a bug report.
#[test]
fn keys_typed_into_the_window_stay_out_of_a_trace_log() {
    common::require_keyring();
    let display = Display::start();
    let home = Home::new("window-trace");
    let (mut app, lines) = start_app(&display, &home, &[("RUST_LOG", "trace")]);
    wait_for_line(&lines, keyturn::ui::first_frame::PREFIX);
    let window = display.window("Keyturn");
    display.xdotool(&["windowfocus", "--sync", &window]);
    let typed = "Qz7Xv";
    display.xdotool(&["type", "--delay", "20", typed]);
    std::thread::sleep(Duration::from_millis(500));
    display.xdotool(&["windowclose", &window]);
    assert!(wait_for_exit(&mut app).success());

    // Everything it wrote, to the end of its stderr.
    let mut logged = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) => logged.push(line),
            Err(_) => break,
        }
    }
    let log = logged.join("\n");
    assert!(
        logged.iter().any(|l| l.contains("TRACE")),
        "nothing logged at trace:\n{log}"
    );
    for key in typed.chars() {
        let quoted = format!("\"{key}\"");
        assert!(
            !logged.iter().any(|l| l.contains(&quoted)),
            "the key {quoted} is in the log:\n{log}"
        );
    }
}
