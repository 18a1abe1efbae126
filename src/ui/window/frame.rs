//! Each frame into the window's pixel buffer: the frame's texture changes
//! applied, and only the pixels it changed since the buffer last held a
//! frame painted again ([`Damage`]), by the CPU [`Painter`]. The window's
//! event loop and the frame benchmark both paint through this.

use egui::{ClippedPrimitive, Color32, TexturesDelta};

use super::damage::{Damage, Region};
use keyturn_paint::{Canvas, Painter};

/// The painter and what it last painted.
#[derive(Default)]
pub struct FramePainter {
    painter: Painter,
    damage: Damage,
}

/// One frame to paint.
pub struct Frame<'a> {
    pub primitives: &'a [ClippedPrimitive],
    /// Applied (and emptied) whether or not anything is painted.
    pub textures: &'a mut TexturesDelta,
    pub pixels_per_point: f32,
    /// The colour under every panel.
    pub clear: Color32,
}

impl FramePainter {
    /// Paints `frame` into `pixels` (`width` × `height`, 0x00RRGGBB), which
    /// hold the frame painted `age` frames ago (0: unknown); returns what
    /// was painted again.
    pub fn paint(
        &mut self,
        pixels: &mut [u32],
        (width, height): (u32, u32),
        age: u8,
        frame: Frame<'_>,
    ) -> Region {
        let region = self.damage.frame(
            frame.primitives,
            frame.textures,
            frame.pixels_per_point,
            (width, height),
            frame.clear,
            age,
        );
        let within = match region {
            Region::Whole => [0, 0, usize::MAX, usize::MAX],
            Region::Part(r) => [r.x0, r.y0, r.x1, r.y1].map(|v| v as usize),
            Region::Nothing => [0; 4],
        };
        match Canvas::new(pixels, width as usize, height as usize) {
            Some(mut canvas) => self.painter.paint_within(
                &mut canvas,
                frame.clear,
                frame.primitives,
                frame.textures,
                frame.pixels_per_point,
                within,
            ),
            // A buffer smaller than it says: paint nothing, but keep the
            // textures in step.
            None => self.painter.paint_within(
                &mut Canvas::empty(),
                frame.clear,
                &[],
                frame.textures,
                frame.pixels_per_point,
                [0; 4],
            ),
        }
        region
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Pos2, Rect};

    const SIZE: (u32, u32) = (400, 200);

    /// The same frames painted two ways: only where they changed, into a
    /// buffer that keeps the last frame, and whole every time.
    #[derive(Default)]
    struct Twin {
        partial: FramePainter,
        whole: FramePainter,
        partial_pixels: Vec<u32>,
        whole_pixels: Vec<u32>,
    }

    impl Twin {
        /// Runs `ui` as one egui frame and paints it both ways; returns
        /// what the partial painter painted and how many pixels differ.
        fn frame(&mut self, ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) -> (Region, usize) {
            let n = (SIZE.0 * SIZE.1) as usize;
            self.partial_pixels.resize(n, 0);
            self.whole_pixels.resize(n, 0);
            let input = egui::RawInput {
                screen_rect: Some(Rect::from_min_size(
                    Pos2::ZERO,
                    egui::vec2(SIZE.0 as f32, SIZE.1 as f32),
                )),
                ..Default::default()
            };
            let mut output = ctx.run_ui(input, ui);
            let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), 1.0);
            let mut textures = std::mem::take(&mut output.textures_delta);
            let mut copy = TexturesDelta {
                set: textures.set.clone(),
                free: textures.free.clone(),
            };
            let clear = Color32::from_gray(27);
            let region = self.partial.paint(
                &mut self.partial_pixels,
                SIZE,
                1,
                Frame {
                    primitives: &primitives,
                    textures: &mut textures,
                    pixels_per_point: 1.0,
                    clear,
                },
            );
            self.whole.paint(
                &mut self.whole_pixels,
                SIZE,
                0,
                Frame {
                    primitives: &primitives,
                    textures: &mut copy,
                    pixels_per_point: 1.0,
                    clear,
                },
            );
            let differ = self
                .partial_pixels
                .iter()
                .zip(&self.whole_pixels)
                .filter(|(a, b)| a != b)
                .count();
            (region, differ)
        }
    }

    #[test]
    fn a_changed_label_is_painted_alone_and_gives_a_whole_repaints_pixels() {
        let ctx = egui::Context::default();
        let mut twin = Twin::default();
        let texts = [
            "Retry in 12 s",
            "Retry in 11 s",
            "Retry in 11 s",
            "Done",
            "A longer line that pushes the label after it to the right place",
            "",
            "Retry in 12 s",
        ];
        let mut regions = Vec::new();
        for text in texts {
            let (region, differ) = twin.frame(&ctx, |ui| {
                ui.label("A label that stays");
                ui.label(text);
                ui.label("Another that stays");
            });
            assert_eq!(differ, 0, "after {text:?} ({region:?}) the pixels differ");
            regions.push(region);
        }
        assert_eq!(regions[0], Region::Whole);
        let Region::Part(changed) = regions[1] else {
            panic!("a changed label is part of the window: {:?}", regions[1]);
        };
        assert!(
            changed.y1 - changed.y0 < 20 && changed.x1 - changed.x0 < SIZE.0 / 2,
            "only the changed label: {changed:?}"
        );
        assert_eq!(regions[2], Region::Nothing);
    }

    #[test]
    fn random_changes_in_two_panels_give_a_whole_repaints_pixels() {
        let ctx = egui::Context::default();
        let mut twin = Twin::default();
        let mut seed = 12345u64;
        let mut random = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let (mut a, mut b, mut extra) = (58u64, 58u64, 0u64);
        for step in 0..300 {
            match random(6) {
                0 => a = random(120),
                1 => b = random(120),
                2 => extra = random(4),
                3 => (a, b) = (random(120), random(120)),
                _ => {}
            }
            let (region, differ) = twin.frame(&ctx, |ui| {
                egui::Panel::right("results").show(ui, |ui| {
                    ui.heading("Result");
                    ui.label(format!("tried again in {} min {a} s", a / 7));
                    for i in 0..extra {
                        ui.label(format!("extra {i}"));
                    }
                    ui.label("more text below");
                });
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.label("Form");
                    ui.label(format!("It may be tried again in 4 min {b} s"));
                    if b % 3 == 0 {
                        let _ = ui.button("a button");
                    }
                    ui.label("end");
                });
            });
            assert_eq!(
                differ, 0,
                "frame {step} (a={a} b={b} extra={extra}, {region:?}): pixels differ"
            );
        }
    }
}
