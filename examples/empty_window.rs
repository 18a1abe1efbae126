//! An empty eframe window opened with Keyturn's own window options (glow,
//! same size, same features): the baseline `scripts/measure-ui` measures
//! beside the app, so that its start time and memory can be read against
//! what eframe itself costs on the same machine at the same moment.

use eframe::egui;
use keyturn::ui::first_frame::FirstFrame;

struct Empty(FirstFrame);

impl eframe::App for Empty {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.0.next_frame_began();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("An empty window."));
        self.0.frame_drawn(ui.ctx());
    }
}

fn main() -> eframe::Result {
    eframe::run_native(
        "Empty eframe window",
        keyturn::ui::app::window_options("Empty eframe window"),
        Box::new(|_| Ok(Box::new(Empty(FirstFrame::from_env())))),
    )
}
