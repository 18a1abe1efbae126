//! An empty window opened with Keyturn's own window and options (the same
//! size, CPU painting, the same features): the baseline `scripts/measure-ui`
//! measures beside the app, so that its start time and memory can be read
//! against what the window itself costs on the same machine at the same
//! moment.

use keyturn::ui::first_frame::FirstFrame;
use keyturn::ui::window::{App, Storage};

struct Empty(FirstFrame);

impl App for Empty {
    fn logic(&mut self, _ctx: &egui::Context) {
        self.0.next_frame_began();
    }

    fn ui(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("An empty window."));
        self.0.frame_drawn(ui.ctx());
    }

    fn save(&mut self, _storage: &mut Storage) {}

    fn on_exit(&mut self) {}

    fn clear_color(&self, visuals: &egui::Visuals) -> egui::Color32 {
        visuals.panel_fill
    }
}

fn main() -> Result<(), keyturn::ui::window::WindowError> {
    keyturn::ui::window::run(
        keyturn::ui::app::window_options("Empty window", None),
        |_, _| Ok(Box::new(Empty(FirstFrame::from_env()))),
    )
}
