//! The window's pixel buffer, and the pixel rectangles painting is clipped to.

use egui::{Color32, Rect};

use crate::pixel::pack;

/// The window's pixels, as the window system takes them: one `u32` per pixel, `0x00RRGGBB`,
/// rows top to bottom, `width` pixels per row.
pub struct Canvas<'a> {
    pixels: &'a mut [u32],
    width: usize,
    height: usize,
}

impl<'a> Canvas<'a> {
    /// Wraps a pixel buffer. `None` if `pixels` holds fewer than `width * height` pixels
    /// (extra pixels past that are left alone).
    pub fn new(pixels: &'a mut [u32], width: usize, height: usize) -> Option<Self> {
        let len = width.checked_mul(height)?;
        let pixels = pixels.get_mut(..len)?;
        Some(Self {
            pixels,
            width,
            height,
        })
    }

    /// A canvas of no pixels: painting into it only keeps the textures in
    /// step.
    pub fn empty() -> Canvas<'static> {
        Canvas {
            pixels: &mut [],
            width: 0,
            height: 0,
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// The pixels, `width * height` of them.
    pub fn pixels(&self) -> &[u32] {
        self.pixels
    }

    /// Fills every pixel with `color`, taken as opaque (its premultiplied RGB, i.e. over black).
    pub fn clear(&mut self, color: Color32) {
        self.pixels.fill(pack(color.r(), color.g(), color.b()));
    }

    /// The whole canvas, as `x0, y0, x1, y1`.
    pub(crate) fn whole(&self) -> [usize; 4] {
        [0, 0, self.width, self.height]
    }

    /// `x0, y0, x1, y1` clamped to the canvas; `None` if nothing is left.
    pub(crate) fn bound(&self, [x0, y0, x1, y1]: [usize; 4]) -> Option<Clip> {
        let at = |v: usize, max: usize| i64::try_from(v.min(max)).unwrap_or(0);
        let clip = Clip {
            x0: at(x0, self.width),
            y0: at(y0, self.height),
            x1: at(x1, self.width),
            y1: at(y1, self.height),
        };
        (clip.x0 < clip.x1 && clip.y0 < clip.y1).then_some(clip)
    }

    /// Fills the pixels of `bound` with `color`, as [`Canvas::clear`].
    pub(crate) fn clear_within(&mut self, color: Color32, bound: &Clip) {
        let packed = pack(color.r(), color.g(), color.b());
        if bound.x0 == 0
            && bound.y0 == 0
            && bound.x1 == self.width as i64
            && bound.y1 == self.height as i64
        {
            self.pixels.fill(packed);
            return;
        }
        for y in bound.y0..bound.y1 {
            if let Some(span) = self.span(y, bound.x0, bound.x1) {
                span.fill(packed);
            }
        }
    }

    /// The pixels of row `y` from `x0` to `x1` (exclusive), or `None` if outside the canvas.
    #[inline]
    pub(crate) fn span(&mut self, y: i64, x0: i64, x1: i64) -> Option<&mut [u32]> {
        let y = usize::try_from(y).ok()?;
        let x0 = usize::try_from(x0).ok()?;
        let x1 = usize::try_from(x1).ok()?;
        if y >= self.height || x1 > self.width || x0 >= x1 {
            return None;
        }
        let start = y.checked_mul(self.width)?.checked_add(x0)?;
        let end = start.checked_add(x1 - x0)?;
        self.pixels.get_mut(start..end)
    }
}

/// A pixel rectangle, `x0..x1` × `y0..y1`, within the canvas and not empty.
pub(crate) struct Clip {
    pub(crate) x0: i64,
    pub(crate) y0: i64,
    pub(crate) x1: i64,
    pub(crate) y1: i64,
}

impl Clip {
    pub(crate) fn intersect(&self, other: &Clip) -> Option<Clip> {
        let clip = Clip {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        (clip.x0 < clip.x1 && clip.y0 < clip.y1).then_some(clip)
    }
}

/// The clip rect in pixels, rounded as egui_glow rounds its scissor rect, clamped to the canvas.
pub(crate) fn clip_pixels(rect: Rect, pixels_per_point: f32, canvas: &Canvas<'_>) -> Option<Clip> {
    let side = |v: f32, max: usize| -> i64 {
        let max = i64::try_from(max).unwrap_or(i64::MAX);
        // `as` saturates and maps NaN to 0, like the glow painter's `round() as i32`.
        ((v * pixels_per_point).round() as i64).clamp(0, max)
    };
    let x0 = side(rect.min.x, canvas.width);
    let y0 = side(rect.min.y, canvas.height);
    let x1 = side(rect.max.x, canvas.width);
    let y1 = side(rect.max.y, canvas.height);
    (x0 < x1 && y0 < y1).then_some(Clip { x0, y0, x1, y1 })
}
