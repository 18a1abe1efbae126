//! The painter: keeps egui's textures between frames and paints each frame's clipped meshes,
//! triangle by triangle.

use std::collections::HashMap;

use egui::epaint::{ImageDelta, Primitive};
use egui::{ClippedPrimitive, Color32, ImageData, TextureId, TexturesDelta};

use crate::canvas::{Canvas, Clip, clip_pixels};
use crate::texture::Texture;
use crate::triangle::paint_triangle;

/// The textures egui asked for, kept between frames.
#[derive(Default)]
pub struct Painter {
    textures: HashMap<TextureId, Texture>,
}

impl Painter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies the frame's texture changes (whole images and partial updates at `pos`), paints the
    /// primitives over `clear` and then frees the textures the delta frees (egui's order: set
    /// before paint, free after).
    ///
    /// `textures` is left empty: egui 0.37 debug-asserts that a `TexturesDelta` is empty when
    /// dropped, so the deltas are taken, not borrowed.
    pub fn paint(
        &mut self,
        canvas: &mut Canvas<'_>,
        clear: Color32,
        primitives: &[ClippedPrimitive],
        textures: &mut TexturesDelta,
        pixels_per_point: f32,
    ) {
        let whole = canvas.whole();
        self.paint_within(canvas, clear, primitives, textures, pixels_per_point, whole);
    }

    /// [`Painter::paint`], but only the pixels of `within` (`x0, y0, x1,
    /// y1`, clamped to the canvas) are cleared and painted: the rest of the
    /// canvas keeps what an earlier frame painted there. Textures change as
    /// for a whole frame.
    pub fn paint_within(
        &mut self,
        canvas: &mut Canvas<'_>,
        clear: Color32,
        primitives: &[ClippedPrimitive],
        textures: &mut TexturesDelta,
        pixels_per_point: f32,
        within: [usize; 4],
    ) {
        for (id, deltas) in textures.set.drain() {
            for delta in &deltas {
                self.set_texture(id, delta);
            }
        }
        if let Some(bound) = canvas.bound(within) {
            canvas.clear_within(clear, &bound);
            self.paint_bounded(canvas, primitives, pixels_per_point, &bound);
        }
        for id in textures.free.drain() {
            self.free_texture(id);
        }
    }

    /// Creates or replaces a texture (`delta.pos == None`) or overwrites a region of an existing
    /// one (`delta.pos == Some([x, y])`; the part falling outside the texture is dropped).
    /// An image whose pixel count does not match its size is ignored.
    pub fn set_texture(&mut self, id: TextureId, delta: &ImageDelta) {
        let ImageData::Color(image) = &delta.image;
        let [w, h] = image.size;
        if w.checked_mul(h) != Some(image.pixels.len()) {
            return;
        }
        match delta.pos {
            None => {
                self.textures.insert(
                    id,
                    Texture {
                        width: w,
                        height: h,
                        pixels: image.pixels.clone(),
                        options: delta.options,
                    },
                );
            }
            Some([x, y]) => {
                let Some(texture) = self.textures.get_mut(&id) else {
                    return;
                };
                // The glow painter sets the sampler parameters on every upload, patches included.
                texture.options = delta.options;
                let n = w.min(texture.width.saturating_sub(x));
                if n == 0 {
                    return;
                }
                for (row, src) in image.pixels.chunks_exact(w).enumerate() {
                    let Some(ty) = y.checked_add(row).filter(|ty| *ty < texture.height) else {
                        break;
                    };
                    let start = ty * texture.width + x;
                    if let (Some(dst), Some(src)) =
                        (texture.pixels.get_mut(start..start + n), src.get(..n))
                    {
                        dst.copy_from_slice(src);
                    }
                }
            }
        }
    }

    /// Forgets a texture; meshes using it are skipped from then on.
    pub fn free_texture(&mut self, id: TextureId) {
        self.textures.remove(&id);
    }

    /// Paints the primitives over what the canvas holds, without clearing and without touching
    /// the textures. `Primitive::Callback`s and meshes with unknown textures are skipped.
    pub fn paint_primitives(
        &self,
        canvas: &mut Canvas<'_>,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
    ) {
        let whole = canvas.whole();
        if let Some(bound) = canvas.bound(whole) {
            self.paint_bounded(canvas, primitives, pixels_per_point, &bound);
        }
    }

    /// Paints the primitives, each clipped to its clip rect and `bound` too.
    fn paint_bounded(
        &self,
        canvas: &mut Canvas<'_>,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
        bound: &Clip,
    ) {
        if !(pixels_per_point.is_finite() && pixels_per_point > 0.0) {
            return;
        }
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                continue;
            };
            let Some(texture) = self.textures.get(&mesh.texture_id) else {
                continue;
            };
            let Some(clip) = clip_pixels(primitive.clip_rect, pixels_per_point, canvas)
                .and_then(|clip| clip.intersect(bound))
            else {
                continue;
            };
            for triangle in mesh.indices.chunks_exact(3) {
                let &[i0, i1, i2] = triangle else {
                    continue;
                };
                let vertex = |i: u32| mesh.vertices.get(usize::try_from(i).ok()?);
                if let (Some(a), Some(b), Some(c)) = (vertex(i0), vertex(i1), vertex(i2)) {
                    paint_triangle(canvas, texture, &clip, [a, b, c], pixels_per_point);
                }
            }
        }
    }
}
