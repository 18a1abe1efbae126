//! Paints egui's tessellated output into the window's pixel buffer on the CPU
//! (Keyturn's window, `src/ui/window/` in the `keyturn` crate, calls it).
//!
//! The window presents a plain `&mut [u32]` buffer (winit + softbuffer). This crate fills it
//! with what egui asked to draw: clipped triangle meshes, textured by the font atlas and any
//! user images. Doing it on the CPU means no OpenGL driver has to be loaded at start (under
//! software rendering that driver is llvmpipe: tens of megabytes and a noticeable start delay),
//! and an egui frame is mostly rectangles and a little text, which a CPU fills in milliseconds.
//!
//! The result follows egui's own glow painter:
//! * vertex positions and clip rects are in points, multiplied by `pixels_per_point`;
//!   the clip rect is rounded to whole pixels (`round()` of each side) and clamped to the canvas;
//! * colours are premultiplied-alpha sRGB and are combined in gamma space:
//!   `src = texture_sample * vertex_colour`, then `dst = src + dst * (1 - src.a)`;
//! * textures are sampled with their [`egui::TextureOptions`]: nearest or bilinear (8-bit
//!   weights, as GPUs use), magnification
//!   or minification chosen per triangle from the texel-per-pixel scale, clamp / repeat / mirror
//!   (mipmaps are not built: `mipmap_mode` is ignored);
//! * triangles are sampled at pixel centres with a top-left fill rule on an exact 1/256-pixel
//!   grid, so two triangles sharing an edge never paint a pixel twice nor leave a gap; edges are
//!   not anti-aliased here (egui feathers them itself with extra triangles).
//!
//! A triangle whose three vertices share one colour and one uv (almost every rectangle, since
//! solid shapes sample the atlas' white texel) is filled span by span without sampling or
//! interpolation; opaque spans are plain `fill`s.
//!
//! Odd input does not panic: non-finite vertices are skipped, huge ones clamped, every loop is
//! bounded by the canvas and the clip rect, and bad indices or unknown textures are skipped.
//!
//! The parts, each in its own module: [`Painter`] (`painter`) keeps the textures and walks a
//! frame's meshes; `triangle` paints one triangle, from the pixels `raster` finds it covers,
//! with texels from `texture` and the colour arithmetic of `pixel`, into a [`Canvas`]
//! (`canvas`).

mod canvas;
mod painter;
mod pixel;
mod raster;
mod texture;
mod triangle;

pub use canvas::Canvas;
pub use painter::Painter;

#[cfg(test)]
mod tests;
