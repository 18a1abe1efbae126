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
