//! Placeholder until the CPU painter lands: clears the window.

/// The window's pixels, 0x00RRGGBB, rows top to bottom.
pub struct Canvas<'a> {
    pixels: &'a mut [u32],
}

impl<'a> Canvas<'a> {
    pub fn new(pixels: &'a mut [u32], width: usize, height: usize) -> Option<Self> {
        let len = width.checked_mul(height)?;
        Some(Canvas {
            pixels: pixels.get_mut(..len)?,
        })
    }
}

/// The textures egui asked for.
#[derive(Default)]
pub struct Painter {}

impl Painter {
    pub fn paint(
        &mut self,
        canvas: &mut Canvas<'_>,
        clear: egui::Color32,
        _primitives: &[egui::ClippedPrimitive],
        _textures: &egui::TexturesDelta,
        _pixels_per_point: f32,
    ) {
        let [r, g, b, _] = clear.to_array();
        canvas
            .pixels
            .fill(u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b));
    }
}
