//! Keyturn's app in egui_kittest's harness. The harness runs an
//! `eframe::App` at the root of the frame, as Keyturn's own window runs
//! its `window::App` (`src/ui/window/`); this adapter is the one place the
//! tests meet eframe, which is built for them without a renderer.

use std::ops::{Deref, DerefMut};

use egui_kittest::{Harness, HarnessBuilder};
use keyturn::ui::KeyturnApp;
use keyturn::ui::window::{App, Storage};

/// The app as the harness runs it; derefs to the app.
pub struct Windowed(pub KeyturnApp);

impl eframe::App for Windowed {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.0.logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
    }
}

impl Deref for Windowed {
    type Target = KeyturnApp;
    fn deref(&self) -> &KeyturnApp {
        &self.0
    }
}

impl DerefMut for Windowed {
    fn deref_mut(&mut self) -> &mut KeyturnApp {
        &mut self.0
    }
}

/// A harness running the app `make` builds in the harness's context, with
/// nothing remembered from an earlier run.
pub fn harness(
    builder: HarnessBuilder<Windowed>,
    make: impl FnOnce(&egui::Context, &Storage) -> KeyturnApp,
) -> Harness<'static, Windowed> {
    builder.build_eframe(move |cc| Windowed(make(&cc.egui_ctx, &Storage::in_memory())))
}
