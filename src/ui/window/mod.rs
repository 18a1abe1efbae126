//! The window the desktop app runs in, drawn without OpenGL.
//!
//! winit opens the window and delivers its events; egui-winit turns them
//! into egui's input and egui's output (cursor, clipboard, IME, the screen
//! reader's tree) back into the window's; egui's frame is tessellated and
//! painted on the CPU into a pixel buffer (the `keyturn-paint` crate in
//! `crates/`, built at full speed in a size-optimized release), only where it
//! changed since the buffer last held a frame (`damage.rs`, `frame.rs`),
//! and softbuffer shows the buffer (`run.rs`). What the app remembers between runs is kept in one
//! JSON file (`storage.rs`).
//!
//! Why not eframe's OpenGL window: Keyturn draws forms and text. On a
//! desktop without a GPU driver (a VM, a remote session, a server with
//! Xvfb) OpenGL means llvmpipe, which loaded 23 MB of LLVM and Mesa and
//! took about 100 ms before the first frame (issue 28, BENCHMARKS.md); a
//! frame of Keyturn painted on the CPU takes a few milliseconds.
//!
//! The app is anything that implements [`App`]; tests run the same app
//! without a window through egui_kittest.

mod damage;
mod frame;
pub mod icon;
mod run;
pub mod storage;

pub use damage::{PixelRect, Region};
pub use frame::{Frame, FramePainter};
pub use keyturn_paint::{Canvas, Painter};
pub use run::{WindowError, run};
pub use storage::Storage;

use std::path::PathBuf;

/// What the window runs: the app's logic and its frame, what it keeps
/// between runs, and what it does as the window closes.
pub trait App {
    /// Before each frame: jobs' reports, timers, input that is not a
    /// widget's.
    fn logic(&mut self, ctx: &egui::Context);
    /// The frame, from the window's root.
    fn ui(&mut self, ui: &mut egui::Ui);
    /// What to remember for the next run; called every
    /// [`AUTOSAVE_EVERY`] and as the window closes.
    fn save(&mut self, storage: &mut Storage);
    /// The window is closing: the last chance to clear what must not
    /// outlive it.
    fn on_exit(&mut self);
    /// The colour each frame starts from (the panels' background).
    fn clear_color(&self, visuals: &egui::Visuals) -> egui::Color32;
}

/// How often what the app remembers is written while it runs, so that a
/// crash or a killed process loses little.
pub const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// The window to open.
pub struct WindowOptions {
    /// Title, app id, icon and sizes.
    pub viewport: egui::ViewportBuilder,
    /// The file the app's choices and the window's size are kept in;
    /// `None` keeps nothing.
    pub storage_file: Option<PathBuf>,
}
