//! Paints egui's tessellated output into the window's pixel buffer on the CPU
//! (Keyturn's window, `src/ui/window/` in the `keyturn` crate, calls it).
//!
//! The window presents a plain `&mut [u32]` buffer (winit + softbuffer). This module fills it
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

use std::collections::HashMap;

use egui::epaint::{ImageDelta, Primitive, Vertex};
use egui::{
    ClippedPrimitive, Color32, ImageData, Rect, TextureFilter, TextureId, TextureOptions,
    TextureWrapMode, TexturesDelta,
};

/// Sub-pixel precision of the rasterizer: 8 bits, as GPUs use.
const SUB_BITS: u32 = 8;
const SUB: i64 = 1 << SUB_BITS;
const HALF: i64 = SUB / 2;
/// Vertex coordinates are clamped to this many pixels either side of the origin, so that all
/// fixed-point edge arithmetic fits in an `i64` with room to spare.
const MAX_COORD: f32 = 524_288.0;

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
    fn whole(&self) -> [usize; 4] {
        [0, 0, self.width, self.height]
    }

    /// `x0, y0, x1, y1` clamped to the canvas; `None` if nothing is left.
    fn bound(&self, [x0, y0, x1, y1]: [usize; 4]) -> Option<Clip> {
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
    fn clear_within(&mut self, color: Color32, bound: &Clip) {
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
    fn span(&mut self, y: i64, x0: i64, x1: i64) -> Option<&mut [u32]> {
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

/// One texture as egui defined it: premultiplied texels, row by row.
struct Texture {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
    options: TextureOptions,
}

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

/// A pixel rectangle, `x0..x1` × `y0..y1`, within the canvas and not empty.
struct Clip {
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
}

impl Clip {
    fn intersect(&self, other: &Clip) -> Option<Clip> {
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
fn clip_pixels(rect: Rect, pixels_per_point: f32, canvas: &Canvas<'_>) -> Option<Clip> {
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

/// An edge function `a * x + b * y + c` in 1/256 pixel units; a point is inside when it is >= 0.
/// The fill rule is folded into `c`.
#[derive(Clone, Copy)]
struct Edge {
    a: i64,
    b: i64,
    c: i64,
}

impl Edge {
    /// The edge from `p` to `q` of a triangle whose interior lies at `E > 0`.
    fn new(p: [i64; 2], q: [i64; 2]) -> Self {
        let dx = q[0] - p[0];
        let dy = q[1] - p[1];
        // E(x, y) = dx * (y - p.y) - dy * (x - p.x)
        let mut c = dy * p[0] - dx * p[1];
        // Top-left rule (y down): top edges run in +x, left edges in -y. Points exactly on such
        // an edge are inside; on any other edge, outside. Of two triangles sharing an edge,
        // exactly one runs it in a direction that counts it.
        let top_left = dy < 0 || (dy == 0 && dx > 0);
        if !top_left {
            c -= 1;
        }
        Self { a: -dy, b: dx, c }
    }

    /// Starts walking this edge down the rows from pixel row `y`.
    fn walk(&self, y: i64) -> EdgeWalk {
        // Pixel (x, y) has its centre at (x * SUB + HALF, y * SUB + HALF): it is inside iff
        // s * x + k >= 0, with k stepping by dk per row.
        let s = self.a * SUB;
        let k = self.a * HALF + self.b * (y * SUB + HALF) + self.c;
        let dk = self.b * SUB;
        let d = s.abs().max(1);
        let q = floor_div(k, d);
        let dq = floor_div(dk, d);
        EdgeWalk {
            s,
            k,
            dk,
            d,
            q,
            r: k - q * d,
            dq,
            dr: dk - dq * d,
        }
    }
}

/// `floor(n / d)` for `d > 0`. A 64-bit integer division costs tens of cycles, and triangles are
/// many and small, so the quotient is estimated in `f64` and corrected exactly.
#[inline]
fn floor_div(n: i64, d: i64) -> i64 {
    if d == 1 {
        return n;
    }
    let estimate = n as f64 / d as f64;
    let mut q = estimate as i64;
    // The estimate is within one or two of the truth for the magnitudes used here.
    for _ in 0..4 {
        match (
            q.checked_mul(d),
            q.checked_add(1).and_then(|q1| q1.checked_mul(d)),
        ) {
            (Some(lo), _) if lo > n => q -= 1,
            (_, Some(hi)) if hi <= n => q += 1,
            (Some(_), Some(_)) => return q,
            _ => break,
        }
    }
    n.div_euclid(d)
}

/// An edge's span bound row by row without a division per row: `k = q * d + r`, `0 <= r < d`.
struct EdgeWalk {
    s: i64,
    k: i64,
    dk: i64,
    d: i64,
    q: i64,
    r: i64,
    dq: i64,
    dr: i64,
}

impl EdgeWalk {
    /// Narrows `lo..hi` to the pixels of the current row inside this edge.
    #[inline]
    fn narrow(&self, lo: &mut i64, hi: &mut i64) {
        if self.s > 0 {
            // x >= ceil(-k / s) = -floor(k / s)
            *lo = (*lo).max(-self.q);
        } else if self.s < 0 {
            // x <= floor(k / -s)
            *hi = (*hi).min(self.q + 1);
        } else if self.k < 0 {
            *hi = *lo;
        }
    }

    #[inline]
    fn next_row(&mut self) {
        self.k += self.dk;
        self.q += self.dq;
        self.r += self.dr;
        if self.r >= self.d {
            self.r -= self.d;
            self.q += 1;
        }
    }
}

/// A triangle ready to be walked span by span.
struct Setup {
    edges: [Edge; 3],
    x0: i64,
    x1: i64,
    y0: i64,
    y1: i64,
}

impl Setup {
    /// `None` if the triangle has no area or misses the clip rect.
    fn new(mut p: [[i64; 2]; 3], clip: &Clip) -> Option<Self> {
        let [a, b, c] = p;
        let area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
        if area == 0 {
            return None;
        }
        if area < 0 {
            p.swap(1, 2);
        }
        let [a, b, c] = p;
        let min = |i: usize| a[i].min(b[i]).min(c[i]);
        let max = |i: usize| a[i].max(b[i]).max(c[i]);
        let x0 = clip.x0.max(min(0).div_euclid(SUB));
        let x1 = clip.x1.min(max(0).div_euclid(SUB) + 1);
        let y0 = clip.y0.max(min(1).div_euclid(SUB));
        let y1 = clip.y1.min(max(1).div_euclid(SUB) + 1);
        (x0 < x1 && y0 < y1).then_some(Self {
            edges: [Edge::new(a, b), Edge::new(b, c), Edge::new(c, a)],
            x0,
            x1,
            y0,
            y1,
        })
    }

    /// Calls `f(y, x0, x1)` for each non-empty row span of pixels whose centres are inside.
    #[inline]
    fn for_each_span(&self, mut f: impl FnMut(i64, i64, i64)) {
        let mut walks = self.edges.map(|e| e.walk(self.y0));
        for y in self.y0..self.y1 {
            let (mut lo, mut hi) = (self.x0, self.x1);
            for walk in &mut walks {
                walk.narrow(&mut lo, &mut hi);
                walk.next_row();
            }
            if lo < hi {
                f(y, lo, hi);
            }
        }
    }
}

/// A vertex position in 1/256 pixels, or `None` if not finite.
fn fixed(pos: egui::Pos2, pixels_per_point: f32) -> Option<[i64; 2]> {
    let x = pos.x * pixels_per_point;
    let y = pos.y * pixels_per_point;
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let f = |v: f32| floor(v.clamp(-MAX_COORD, MAX_COORD) * SUB as f32 + 0.5);
    Some([f(x), f(y)])
}

fn paint_triangle(
    canvas: &mut Canvas<'_>,
    texture: &Texture,
    clip: &Clip,
    [a, b, c]: [&Vertex; 3],
    pixels_per_point: f32,
) {
    let (Some(pa), Some(pb), Some(pc)) = (
        fixed(a.pos, pixels_per_point),
        fixed(b.pos, pixels_per_point),
        fixed(c.pos, pixels_per_point),
    ) else {
        return;
    };
    let Some(setup) = Setup::new([pa, pb, pc], clip) else {
        return;
    };
    let same_color = a.color == b.color && a.color == c.color;
    // Compared by bits: `Pos2`'s `==` debug-asserts that neither side is NaN.
    let uv_bits = |v: &Vertex| [v.uv.x.to_bits(), v.uv.y.to_bits()];
    let same_uv = uv_bits(a) == uv_bits(b) && uv_bits(a) == uv_bits(c);

    if same_color && same_uv {
        // Solid fill. A constant uv has no footprint: GL picks the magnification filter.
        let sampler = Sampler::new(texture, texture.options.magnification);
        let src = modulate(a.color.to_array(), sampler.sample(a.uv.x, a.uv.y));
        fill_solid(canvas, &setup, src);
        return;
    }

    // Interpolated attributes (colour channels 0..255, texel coordinates `uv * size`) as planes
    // over the pixel grid, set up in f64 (fixed-point coordinates can need more than f32's 24
    // bits), then stepped in fixed point.
    let to_px = |p: [i64; 2]| [p[0] as f64 / SUB as f64, p[1] as f64 / SUB as f64];
    let (o, q1, q2) = (to_px(pa), to_px(pb), to_px(pc));
    let d1 = [q1[0] - o[0], q1[1] - o[1]];
    let d2 = [q2[0] - o[0], q2[1] - o[1]];
    let area = d1[0] * d2[1] - d2[0] * d1[1];
    if area == 0.0 || !area.is_finite() {
        return;
    }
    // Value at the centre of pixel (setup.x0, setup.y0), and steps per pixel in x and y.
    let (cx, cy) = (setup.x0 as f64 + 0.5 - o[0], setup.y0 as f64 + 0.5 - o[1]);
    let plane = |f0: f64, f1: f64, f2: f64| {
        let (df1, df2) = (f1 - f0, f2 - f0);
        let gx = (df1 * d2[1] - df2 * d1[1]) / area;
        let gy = (df2 * d1[0] - df1 * d2[0]) / area;
        [f0 + gx * cx + gy * cy, gx, gy]
    };
    let channel = |k: usize| {
        let ch = |v: &Vertex| f64::from(v.color.to_array().get(k).copied().unwrap_or(0));
        plane(ch(a), ch(b), ch(c))
    };
    let (w, h) = (texture.width as f64, texture.height as f64);
    let u = plane(
        f64::from(a.uv.x) * w,
        f64::from(b.uv.x) * w,
        f64::from(c.uv.x) * w,
    );
    let v = plane(
        f64::from(a.uv.y) * h,
        f64::from(b.uv.y) * h,
        f64::from(c.uv.y) * h,
    );

    let filter = if same_uv {
        texture.options.magnification
    } else {
        // Texels per pixel, GL's level-of-detail scale factor (squared).
        let rho_x = u[1] * u[1] + v[1] * v[1];
        let rho_y = u[2] * u[2] + v[2] * v[2];
        if rho_x.max(rho_y) > 1.0 {
            texture.options.minification
        } else {
            texture.options.magnification
        }
    };
    let sampler = Sampler::new(texture, filter);
    let const_texel = sampler.sample(a.uv.x, a.uv.y);
    // Bilinear filtering has texel centres at + 0.5.
    let half = match filter {
        TextureFilter::Nearest => 0.0,
        TextureFilter::Linear => 0.5,
    };
    let attrs = [
        channel(0),
        channel(1),
        channel(2),
        channel(3),
        [u[0] - half, u[1], u[2]],
        [v[0] - half, v[1], v[2]],
    ];
    let shade = Shade {
        sampler,
        base: attrs.map(|p| to_fixed(p[0])),
        step_x: attrs.map(|p| to_fixed(p[1])),
        step_y: attrs.map(|p| to_fixed(p[2])),
        x0: setup.x0,
        y0: setup.y0,
        const_color: a.color.to_array(),
        const_texel,
    };
    match (same_color, same_uv) {
        (true, _) => shade.run::<false, true>(canvas, &setup),
        (false, true) => shade.run::<true, false>(canvas, &setup),
        (false, false) => shade.run::<true, true>(canvas, &setup),
    }
}

/// Fractional bits of the fixed-point attribute values.
const FRAC: u32 = 24;

/// `v` in fixed point with `FRAC` fractional bits, clamped far beyond any sensible value so that
/// stepping cannot overflow (the stepping saturates besides).
fn to_fixed(v: f64) -> i64 {
    const LIMIT: f64 = (1u64 << 56) as f64;
    // `as` maps NaN to 0.
    (v * (1u64 << FRAC) as f64).clamp(-LIMIT, LIMIT) as i64
}

/// Per-pixel shading of a triangle whose colour or uv varies: six attributes in fixed point,
/// stepped along each span: `[r, g, b, a, texel x, texel y]`.
struct Shade<'t> {
    sampler: Sampler<'t>,
    /// Values at the centre of pixel `(x0, y0)`.
    base: [i64; 6],
    step_x: [i64; 6],
    step_y: [i64; 6],
    x0: i64,
    y0: i64,
    const_color: [u8; 4],
    const_texel: Lanes,
}

impl Shade<'_> {
    /// Specialised on whether the colour and the uv vary, so that the common cases (text:
    /// uv only; feathered edges: colour only) do no work for the other.
    fn run<const VARY_COLOR: bool, const VARY_UV: bool>(
        &self,
        canvas: &mut Canvas<'_>,
        setup: &Setup,
    ) {
        let sampler = &self.sampler;
        let (sx, sy) = (self.step_x, self.step_y);
        setup.for_each_span(|y, x0, x1| {
            let (dx, dy) = (x0 - self.x0, y - self.y0);
            let mut val = [0; 6];
            for (k, val) in val.iter_mut().enumerate() {
                let (base, sx, sy) = (self.base[k], sx[k], sy[k]);
                *val = base
                    .saturating_add(sy.saturating_mul(dy))
                    .saturating_add(sx.saturating_mul(dx));
            }
            let Some(span) = canvas.span(y, x0, x1) else {
                return;
            };
            for px in span {
                let [r, g, b, a, tu, tv] = val;
                for (k, val) in val.iter_mut().enumerate() {
                    if (k < 4 && VARY_COLOR) || (k >= 4 && VARY_UV) {
                        *val = val.saturating_add(sx[k]);
                    }
                }
                let texel = if VARY_UV {
                    let texel = sampler.sample_fixed(tu, tv);
                    if texel == 0 {
                        continue;
                    }
                    texel
                } else {
                    self.const_texel
                };
                let color = if VARY_COLOR {
                    let ch = |v: i64| (v >> FRAC).clamp(0, 255) as u8;
                    [ch(r), ch(g), ch(b), ch(a)]
                } else {
                    self.const_color
                };
                let src = modulate(color, texel);
                if src[3] == 255 {
                    *px = pack(src[0], src[1], src[2]);
                } else if src != [0; 4] {
                    *px = Blend::new(src).over(*px);
                }
            }
        });
    }
}

fn fill_solid(canvas: &mut Canvas<'_>, setup: &Setup, src: [u8; 4]) {
    let [r, g, b, a] = src;
    if a == 255 {
        let value = pack(r, g, b);
        setup.for_each_span(|y, x0, x1| {
            if let Some(span) = canvas.span(y, x0, x1) {
                span.fill(value);
            }
        });
    } else if src != [0; 4] {
        let blend = Blend::new(src);
        setup.for_each_span(|y, x0, x1| {
            if let Some(span) = canvas.span(y, x0, x1) {
                for px in span {
                    *px = blend.over(*px);
                }
            }
        });
    }
}

/// Four 8-bit channels `[r, g, b, a]` spread into the 16-bit lanes of a `u64`, so that a
/// bilinear blend works on all four at once.
type Lanes = u64;
const LANE_MASK: u64 = 0x00FF_00FF_00FF_00FF;

#[inline]
fn lanes(c: Color32) -> Lanes {
    u64::from(c.r())
        | (u64::from(c.g()) << 16)
        | (u64::from(c.b()) << 32)
        | (u64::from(c.a()) << 48)
}

/// `a + (b - a) * f / 256` in every lane, `f` in `0..256`.
#[inline]
fn lerp(a: Lanes, b: Lanes, f: u64) -> Lanes {
    // Each lane is at most 255 * 256 before the shift: no carry between lanes.
    ((a * (256 - f) + b * f) >> 8) & LANE_MASK
}

/// Texture lookups with one filter and the texture's wrap mode. Texel coordinates are fixed
/// point (`u * width`, `FRAC` fractional bits), already shifted by half a texel for bilinear
/// filtering.
struct Sampler<'t> {
    texture: &'t Texture,
    filter: TextureFilter,
    w: f32,
    h: f32,
}

impl<'t> Sampler<'t> {
    fn new(texture: &'t Texture, filter: TextureFilter) -> Self {
        Self {
            texture,
            filter,
            w: texture.width as f32,
            h: texture.height as f32,
        }
    }

    /// The sample at texture coordinates `(u, v)` (0..1 across the texture).
    fn sample(&self, u: f32, v: f32) -> Lanes {
        let half = match self.filter {
            TextureFilter::Nearest => 0.0,
            TextureFilter::Linear => 0.5,
        };
        let x = to_fixed(f64::from(u) * f64::from(self.w) - half);
        let y = to_fixed(f64::from(v) * f64::from(self.h) - half);
        self.sample_fixed(x, y)
    }

    #[inline(always)]
    fn sample_fixed(&self, x: i64, y: i64) -> Lanes {
        let (ix, iy) = (x >> FRAC, y >> FRAC);
        match self.filter {
            TextureFilter::Nearest => self.texel(ix, iy),
            TextureFilter::Linear => {
                // 8 bits of sub-texel weight, as GPUs use.
                let fx = ((x >> (FRAC - 8)) & 0xFF) as u64;
                let fy = ((y >> (FRAC - 8)) & 0xFF) as u64;
                let [t00, t10, t01, t11] = self.quad(ix, iy);
                lerp(lerp(t00, t10, fx), lerp(t01, t11, fx), fy)
            }
        }
    }

    /// The texel at integer coordinates, wrapped; transparent for an empty texture.
    #[inline]
    fn texel(&self, x: i64, y: i64) -> Lanes {
        let t = self.texture;
        let mode = t.options.wrap_mode;
        let (Some(x), Some(y)) = (wrap(x, t.width, mode), wrap(y, t.height, mode)) else {
            return 0;
        };
        t.pixels.get(y * t.width + x).map_or(0, |c| lanes(*c))
    }

    /// The 2×2 texels from `(x, y)` to `(x + 1, y + 1)`: top left, top right, bottom left,
    /// bottom right.
    #[inline(always)]
    fn quad(&self, x: i64, y: i64) -> [Lanes; 4] {
        let t = self.texture;
        // Inside the texture (the usual case): no wrapping needed.
        if let (Ok(ux), Ok(uy)) = (usize::try_from(x), usize::try_from(y))
            && ux + 1 < t.width
            && uy + 1 < t.height
        {
            let top = uy * t.width + ux;
            let bottom = top + t.width;
            if let (Some(&[a, b]), Some(&[c, d])) =
                (t.pixels.get(top..top + 2), t.pixels.get(bottom..bottom + 2))
            {
                return [lanes(a), lanes(b), lanes(c), lanes(d)];
            }
        }
        let (x1, y1) = (x.saturating_add(1), y.saturating_add(1));
        [
            self.texel(x, y),
            self.texel(x1, y),
            self.texel(x, y1),
            self.texel(x1, y1),
        ]
    }
}

/// `floor(v)` as an integer, saturating; 0 for NaN. (`f32::floor` is a libm call without SSE4.1.)
#[inline]
fn floor(v: f32) -> i64 {
    let i = v as i64;
    if (i as f32) > v {
        i.saturating_sub(1)
    } else {
        i
    }
}

/// Maps texel coordinate `i` into `0..n` per the wrap mode; `None` for an empty texture.
#[inline]
fn wrap(i: i64, n: usize, mode: TextureWrapMode) -> Option<usize> {
    let n = i64::try_from(n).ok().filter(|n| *n > 0)?;
    let i = match mode {
        TextureWrapMode::ClampToEdge => i.clamp(0, n - 1),
        TextureWrapMode::Repeat => i.rem_euclid(n),
        TextureWrapMode::MirroredRepeat => {
            let m = i.rem_euclid(n.saturating_mul(2));
            if m >= n {
                n.saturating_mul(2) - 1 - m
            } else {
                m
            }
        }
    };
    usize::try_from(i).ok()
}

/// Vertex colour times texel, channel by channel, in gamma space (as the glow shader does),
/// rounded to 8 bits.
#[inline]
fn modulate(color: [u8; 4], texel: Lanes) -> [u8; 4] {
    let ch = |k: usize| {
        let c = u32::from(color.get(k).copied().unwrap_or(0));
        let t = ((texel >> (16 * k)) & 0xFF) as u32;
        div255(c * t) as u8
    };
    [ch(0), ch(1), ch(2), ch(3)]
}

/// `x / 255`, rounded, exact for `x <= 255 * 255`.
#[inline]
fn div255(x: u32) -> u32 {
    let x = x + 128;
    (x + (x >> 8)) >> 8
}

#[inline]
fn pack(r: u8, g: u8, b: u8) -> u32 {
    (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b)
}

/// Premultiplied "over" of one source colour: `dst = src + dst * (1 - src.a)`, rounded,
/// saturating (egui's additive colours have alpha 0 and non-zero RGB).
#[derive(Clone, Copy)]
struct Blend {
    rb: u32,
    g: u32,
    inv_alpha: u32,
}

impl Blend {
    fn new([r, g, b, a]: [u8; 4]) -> Self {
        Self {
            rb: (u32::from(r) << 16) | u32::from(b),
            g: u32::from(g),
            inv_alpha: 255 - u32::from(a),
        }
    }

    #[inline]
    fn over(&self, dst: u32) -> u32 {
        let ia = self.inv_alpha;
        // Red and blue side by side in 16-bit lanes; x / 255 rounded as (t + (t >> 8)) >> 8.
        let rb = (dst & 0x00FF_00FF) * ia + 0x0080_0080;
        let rb = ((rb + ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF;
        let g = ((dst >> 8) & 0xFF) * ia + 0x80;
        let g = (g + (g >> 8)) >> 8;
        let rb = rb + self.rb;
        let overflow = rb & 0x0100_0100;
        let rb = (rb | (overflow - (overflow >> 8))) & 0x00FF_00FF;
        let g = (g + self.g).min(255);
        rb | (g << 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::Mesh;
    use egui::{ColorImage, pos2, vec2};

    const CLEAR: Color32 = Color32::from_rgb(200, 200, 200);
    const WHITE_TEX: TextureId = TextureId::Managed(0);

    fn rgb(c: u32) -> [u8; 3] {
        [(c >> 16) as u8, (c >> 8) as u8, c as u8]
    }

    fn packed(c: Color32) -> u32 {
        pack(c.r(), c.g(), c.b())
    }

    fn image(size: [usize; 2], pixels: Vec<Color32>, options: TextureOptions) -> ImageDelta {
        ImageDelta::full(ColorImage::new(size, pixels), options)
    }

    /// A painter knowing a 1×1 white texture as `WHITE_TEX` (like the atlas' white texel).
    fn painter() -> Painter {
        let mut painter = Painter::new();
        let white = image([1, 1], vec![Color32::WHITE], TextureOptions::LINEAR);
        painter.set_texture(WHITE_TEX, &white);
        painter
    }

    fn prim(clip_rect: Rect, mesh: Mesh) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn solid_rect(rect: Rect, color: Color32) -> Mesh {
        let mut mesh = Mesh::with_texture(WHITE_TEX);
        mesh.add_colored_rect(rect, color);
        mesh
    }

    fn render(
        painter: &mut Painter,
        (w, h): (usize, usize),
        primitives: &[ClippedPrimitive],
        delta: &mut TexturesDelta,
        pixels_per_point: f32,
    ) -> Vec<u32> {
        let mut pixels = vec![0xDEAD_BEEF; w * h];
        let mut canvas = Canvas::new(&mut pixels, w, h).unwrap();
        painter.paint(&mut canvas, CLEAR, primitives, delta, pixels_per_point);
        pixels
    }

    /// Asserts that exactly the pixels of `x0..x1 × y0..y1` hold `inside`, the rest `CLEAR`.
    fn assert_rect(pixels: &[u32], w: usize, [x0, y0, x1, y1]: [usize; 4], inside: u32) {
        for (i, &p) in pixels.iter().enumerate() {
            let (x, y) = (i % w, i / w);
            let expected = if (x0..x1).contains(&x) && (y0..y1).contains(&y) {
                inside
            } else {
                packed(CLEAR)
            };
            assert_eq!(p, expected, "pixel ({x}, {y})");
        }
    }

    fn everything() -> Rect {
        Rect::EVERYTHING
    }

    #[test]
    fn clear_fills_every_pixel() {
        let mut pixels = vec![0xDEAD_BEEF; 7 * 5 + 3];
        let mut canvas = Canvas::new(&mut pixels, 7, 5).unwrap();
        canvas.clear(Color32::from_rgb(10, 20, 30));
        assert!(pixels[..35].iter().all(|&p| p == 0x000A_141E));
        assert!(pixels[35..].iter().all(|&p| p == 0xDEAD_BEEF), "past w*h");
        assert!(Canvas::new(&mut pixels, 7, 6).is_none());
        assert!(Canvas::new(&mut pixels, usize::MAX, 2).is_none());
    }

    #[test]
    fn opaque_rect_paints_exactly_its_pixels() {
        let red = Color32::from_rgb(255, 0, 0);
        let rect = Rect::from_min_max(pos2(3.0, 2.0), pos2(7.0, 5.0));
        let prims = [prim(everything(), solid_rect(rect, red))];
        let pixels = render(
            &mut painter(),
            (10, 8),
            &prims,
            &mut Default::default(),
            1.0,
        );
        assert_rect(&pixels, 10, [3, 2, 7, 5], packed(red));
    }

    #[test]
    fn half_alpha_rect_blends_over_clear() {
        let color = Color32::from_rgba_premultiplied(100, 50, 0, 128);
        let rect = Rect::from_min_max(pos2(1.0, 1.0), pos2(4.0, 4.0));
        let prims = [prim(everything(), solid_rect(rect, color))];
        let pixels = render(&mut painter(), (5, 5), &prims, &mut Default::default(), 1.0);
        // 200 * (1 - 128/255) = 99.6
        let expected = [200.0_f32, 149.6, 99.6];
        let got = rgb(pixels[2 * 5 + 2]);
        for k in 0..3 {
            assert!((f32::from(got[k]) - expected[k]).abs() <= 1.0, "{got:?}");
        }
        assert_rect(&pixels, 5, [1, 1, 4, 4], pixels[2 * 5 + 2]);
    }

    #[test]
    fn floor_div_matches_div_euclid() {
        let mut x: i64 = 0x1234_5678_9ABC;
        for _ in 0..100_000 {
            // xorshift
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = x >> (x & 15);
            let d = (x >> 20 & 0xFFF_FFFF).max(1) >> (x >> 8 & 31);
            let d = d.max(1);
            assert_eq!(floor_div(n, d), n.div_euclid(d), "{n} / {d}");
            assert_eq!(floor_div(-n, d), (-n).div_euclid(d), "{} / {d}", -n);
        }
        assert_eq!(floor_div(i64::MIN, 3), i64::MIN.div_euclid(3));
        assert_eq!(floor_div(i64::MAX, 7), i64::MAX.div_euclid(7));
    }

    #[test]
    fn additive_color_saturates() {
        let blend = Blend::new([200, 100, 250, 0]);
        assert_eq!(rgb(blend.over(0x00C8_C8C8)), [255, 255, 255]);
        let blend = Blend::new([0, 0, 0, 255]);
        assert_eq!(blend.over(0x00FF_FFFF), 0);
        let blend = Blend::new([0, 0, 0, 0]);
        assert_eq!(blend.over(0x0012_3456), 0x0012_3456);
    }

    /// Two triangles sharing an edge, in all windings and both diagonals: with a
    /// semi-transparent colour every covered pixel must be blended exactly once.
    #[test]
    fn shared_edge_is_painted_once() {
        let color = Color32::from_rgba_premultiplied(0, 0, 100, 100);
        let once = Blend::new([0, 0, 100, 100]).over(packed(CLEAR));
        let quads: [[(f32, f32); 4]; 3] = [
            // Axis-aligned: the diagonal runs through pixel centres.
            [(0.0, 0.0), (16.0, 0.0), (16.0, 16.0), (0.0, 16.0)],
            // Half-pixel corners: edges run through pixel centres too.
            [(0.5, 0.5), (12.5, 0.5), (12.5, 9.5), (0.5, 9.5)],
            // A skewed convex quad.
            [(1.3, 0.7), (20.2, 2.1), (18.9, 15.4), (0.2, 13.3)],
        ];
        for corners in quads {
            for (diag, flip) in [(0, false), (1, false), (0, true), (1, true)] {
                let v = |i: usize| {
                    let (x, y) = corners[i % 4];
                    Vertex {
                        pos: pos2(x, y),
                        uv: egui::epaint::WHITE_UV,
                        color,
                    }
                };
                let mut mesh = Mesh::with_texture(WHITE_TEX);
                mesh.vertices = (0..4).map(v).collect();
                let (a, b, c, d) = (diag, diag + 1, diag + 2, (diag + 3) % 4);
                mesh.indices = if flip {
                    vec![a, c, b, a, d, c]
                } else {
                    vec![a, b, c, a, c, d]
                };
                let prims = [prim(everything(), mesh)];
                let pixels = render(
                    &mut painter(),
                    (24, 20),
                    &prims,
                    &mut Default::default(),
                    1.0,
                );
                for (y, row) in pixels.chunks(24).enumerate() {
                    let painted: Vec<usize> =
                        (0..24).filter(|&x| row[x] != packed(CLEAR)).collect();
                    assert!(painted.iter().all(|&x| row[x] == once), "row {y}: {row:x?}");
                    if let (Some(first), Some(last)) = (painted.first(), painted.last()) {
                        assert_eq!(last - first + 1, painted.len(), "hole in row {y}");
                    }
                }
                if corners[0] == (0.0, 0.0) {
                    assert_rect(&pixels, 24, [0, 0, 16, 16], once);
                }
                if corners[0] == (0.5, 0.5) {
                    // Top-left rule: centres on the top and left edges are in, bottom/right out.
                    assert_rect(&pixels, 24, [0, 0, 12, 9], once);
                }
            }
        }
    }

    #[test]
    fn clip_rect_cuts_the_mesh() {
        let red = Color32::from_rgb(255, 0, 0);
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0));
        // Rounded to whole pixels as the glow painter's scissor: 2..6 × 3..7.
        let clip = Rect::from_min_max(pos2(2.4, 2.6), pos2(5.6, 7.4));
        let prims = [prim(clip, solid_rect(rect, red))];
        let pixels = render(
            &mut painter(),
            (10, 10),
            &prims,
            &mut Default::default(),
            1.0,
        );
        assert_rect(&pixels, 10, [2, 3, 6, 7], packed(red));
    }

    #[test]
    fn pixels_per_point_scales_mesh_and_clip() {
        let red = Color32::from_rgb(255, 0, 0);
        let rect = Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 2.0));
        let prims = [prim(everything(), solid_rect(rect, red))];
        let pixels = render(&mut painter(), (8, 6), &prims, &mut Default::default(), 2.0);
        assert_rect(&pixels, 8, [2, 2, 6, 4], packed(red));

        let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 10.0));
        let prims = [prim(clip, solid_rect(rect, red))];
        let pixels = render(&mut painter(), (8, 6), &prims, &mut Default::default(), 2.0);
        assert_rect(&pixels, 8, [2, 2, 4, 4], packed(red));
    }

    fn textured_quad(id: TextureId, rect: Rect, color: Color32) -> Mesh {
        let mut mesh = Mesh::with_texture(id);
        let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
        mesh.add_rect_with_uv(rect, uv, color);
        mesh
    }

    #[test]
    fn nearest_texture_lands_in_quadrants_and_is_tinted() {
        let (r, g, b, w) = (
            Color32::from_rgb(255, 0, 0),
            Color32::from_rgb(0, 255, 0),
            Color32::from_rgb(0, 0, 255),
            Color32::WHITE,
        );
        let id = TextureId::User(3);
        let mut delta = TexturesDelta::default();
        let tex = image([2, 2], vec![r, g, b, w], TextureOptions::NEAREST);
        delta.set.insert(id, vec![tex].into());
        let mut painter = painter();
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 8.0));
        let tint = Color32::from_rgb(128, 255, 64);
        for (color, expect) in [
            (Color32::WHITE, [r, g, b, w].map(packed)),
            (tint, [0x80_0000, 0x00_FF00, 0x00_0040, 0x80_FF40]),
        ] {
            let prims = [prim(everything(), textured_quad(id, rect, color))];
            let pixels = render(&mut painter, (8, 8), &prims, &mut delta.clone(), 1.0);
            for (i, &p) in pixels.iter().enumerate() {
                let quadrant = (i % 8) / 4 + 2 * ((i / 8) / 4);
                assert_eq!(p, expect[quadrant], "pixel {i}");
            }
        }
        delta.clear();
    }

    #[test]
    fn linear_texture_interpolates_and_wraps() {
        let id = TextureId::User(4);
        let mut painter = painter();
        let tex = image(
            [2, 1],
            vec![Color32::BLACK, Color32::WHITE],
            TextureOptions::LINEAR,
        );
        painter.set_texture(id, &tex);
        // 2 texels over 8 pixels: a ramp from black (clamped) to white (clamped).
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 1.0));
        let prims = [prim(everything(), textured_quad(id, rect, Color32::WHITE))];
        let pixels = render(&mut painter, (8, 1), &prims, &mut Default::default(), 1.0);
        let red: Vec<u8> = pixels.iter().map(|&p| rgb(p)[0]).collect();
        assert_eq!(red[0], 0);
        assert_eq!(red[7], 255);
        assert!(red.windows(2).all(|w| w[0] <= w[1]), "{red:?}");
        assert!((100..=160).contains(&red[4]), "{red:?}");

        // Repeat: uv 0..2 shows the texture twice (nearest: 4 black/white bands).
        let options = TextureOptions {
            wrap_mode: TextureWrapMode::Repeat,
            ..TextureOptions::NEAREST
        };
        let tex = image([2, 1], vec![Color32::BLACK, Color32::WHITE], options);
        painter.set_texture(id, &tex);
        let mut mesh = Mesh::with_texture(id);
        let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 1.0));
        mesh.add_rect_with_uv(rect, uv, Color32::WHITE);
        let pixels = render(
            &mut painter,
            (8, 1),
            &[prim(everything(), mesh)],
            &mut Default::default(),
            1.0,
        );
        let red: Vec<u8> = pixels.iter().map(|&p| rgb(p)[0]).collect();
        assert_eq!(red, [0, 0, 255, 255, 0, 0, 255, 255]);
    }

    #[test]
    fn partial_update_changes_only_its_region() {
        let id = TextureId::User(5);
        let (red, blue) = (Color32::from_rgb(255, 0, 0), Color32::from_rgb(0, 0, 255));
        let mut painter = painter();
        painter.set_texture(id, &image([4, 4], vec![red; 16], TextureOptions::NEAREST));
        let mut delta = TexturesDelta::default();
        let patch = ImageDelta::partial(
            [1, 2],
            ColorImage::new([2, 1], vec![blue; 2]),
            TextureOptions::NEAREST,
        );
        // A patch sticking out of the texture is cut, not a panic.
        let outside = ImageDelta::partial(
            [3, 3],
            ColorImage::new([3, 3], vec![blue; 9]),
            TextureOptions::NEAREST,
        );
        delta.set.insert(id, vec![patch].into());
        delta
            .set
            .insert(TextureId::User(99), vec![outside.clone()].into());
        painter.set_texture(
            TextureId::User(6),
            &image([4, 4], vec![red; 16], TextureOptions::NEAREST),
        );
        painter.set_texture(TextureId::User(6), &outside);
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0));
        let prims = [prim(everything(), textured_quad(id, rect, Color32::WHITE))];
        let pixels = render(&mut painter, (4, 4), &prims, &mut delta, 1.0);
        for (i, &p) in pixels.iter().enumerate() {
            let expected = if i == 2 * 4 + 1 || i == 2 * 4 + 2 {
                blue
            } else {
                red
            };
            assert_eq!(p, packed(expected), "texel {i}");
        }
    }

    #[test]
    fn freed_texture_is_gone_after_the_frame() {
        let id = TextureId::User(7);
        let red = Color32::from_rgb(255, 0, 0);
        let mut painter = painter();
        let mut delta = TexturesDelta::default();
        delta.set.insert(
            id,
            vec![image([1, 1], vec![red], TextureOptions::NEAREST)].into(),
        );
        delta.free.insert(id);
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0));
        let prims = [prim(everything(), textured_quad(id, rect, Color32::WHITE))];
        // Set before paint, free after: this frame still shows it ...
        let pixels = render(&mut painter, (4, 4), &prims, &mut delta, 1.0);
        assert!(pixels.iter().all(|&p| p == packed(red)));
        // ... the next one does not.
        let pixels = render(&mut painter, (4, 4), &prims, &mut Default::default(), 1.0);
        assert!(pixels.iter().all(|&p| p == packed(CLEAR)));
    }

    #[test]
    fn odd_input_neither_panics_nor_paints_outside() {
        let red = Color32::from_rgb(255, 0, 0);
        let v = |x: f32, y: f32| Vertex {
            pos: pos2(x, y),
            uv: pos2(0.0, 0.0),
            color: red,
        };
        let mut mesh = Mesh::with_texture(WHITE_TEX);
        mesh.vertices = vec![
            v(f32::NAN, 1.0),
            v(2.0, 2.0),
            v(5.0, 1.0),
            v(f32::INFINITY, 3.0),
            v(1e30, -1e30),
            v(-1e30, 1e30),
            v(3.0, 3.0),
            v(4.0, 4.0),
            v(f32::MAX, f32::MIN),
        ];
        mesh.indices = vec![
            0,
            1,
            2, // NaN
            3,
            1,
            2, // infinity
            1,
            6,
            7, // degenerate (collinear)
            1,
            1,
            1, // degenerate (a point)
            4,
            5,
            8, // huge
            1,
            2,
            100, // out of range
            u32::MAX,
            0,
            1, // out of range
            1,
            2, // not a whole triangle
        ];
        // Wild texture coordinates on a textured mesh.
        let id = TextureId::User(8);
        let mut painter = painter();
        let options = TextureOptions {
            wrap_mode: TextureWrapMode::MirroredRepeat,
            ..TextureOptions::LINEAR
        };
        painter.set_texture(id, &image([2, 2], vec![red; 4], options));
        painter.set_texture(TextureId::User(9), &image([0, 0], vec![], options));
        // A wrong pixel count is ignored.
        let wrong = ColorImage {
            size: [3, 3],
            source_size: vec2(3.0, 3.0),
            pixels: vec![red; 4],
        };
        painter.set_texture(TextureId::User(10), &ImageDelta::full(wrong, options));
        let mut wild = Mesh::with_texture(id);
        wild.vertices = vec![
            Vertex {
                pos: pos2(0.0, 0.0),
                uv: pos2(f32::NAN, 1e30),
                color: red,
            },
            Vertex {
                pos: pos2(9.0, 0.0),
                uv: pos2(-1e30, f32::INFINITY),
                color: Color32::WHITE,
            },
            Vertex {
                pos: pos2(0.0, 9.0),
                uv: pos2(1e9, -3.0),
                color: red,
            },
        ];
        wild.indices = vec![0, 1, 2];
        let mut empty = wild.clone();
        empty.texture_id = TextureId::User(9);
        let mut bad = wild.clone();
        bad.texture_id = TextureId::User(10);

        let (w, h) = (10, 8);
        for ppp in [1.0, 0.0, -1.0, f32::NAN, f32::INFINITY, 1e30, 1e-30] {
            for clip in [
                everything(),
                Rect::NOTHING,
                Rect::from_min_max(pos2(f32::NAN, 0.0), pos2(5.0, f32::NAN)),
                Rect::from_min_max(pos2(-1e30, -1e30), pos2(1e30, 1e30)),
                Rect::from_min_max(pos2(8.0, 8.0), pos2(2.0, 2.0)),
            ] {
                let prims = [
                    prim(clip, mesh.clone()),
                    prim(clip, wild.clone()),
                    prim(clip, empty.clone()),
                    prim(clip, bad.clone()),
                    ClippedPrimitive {
                        clip_rect: clip,
                        primitive: Primitive::Mesh(Mesh::with_texture(TextureId::User(1234))),
                    },
                ];
                let mut pixels = vec![0xDEAD_BEEF; w * h + 16];
                let mut canvas = Canvas::new(&mut pixels, w, h).unwrap();
                painter.paint(&mut canvas, CLEAR, &prims, &mut Default::default(), ppp);
                assert!(pixels[w * h..].iter().all(|&p| p == 0xDEAD_BEEF));
                assert!(pixels[..w * h].iter().all(|&p| p != 0xDEAD_BEEF));
            }
        }
        // A huge rectangle (clamped, not dropped) covers the whole canvas.
        let huge = Rect::from_min_max(pos2(-1e30, -1e30), pos2(1e30, 1e30));
        let prims = [prim(everything(), solid_rect(huge, red))];
        let pixels = render(&mut painter, (w, h), &prims, &mut Default::default(), 1.0);
        assert!(pixels.iter().all(|&p| p == packed(red)));
        // An empty canvas.
        let mut none: Vec<u32> = vec![];
        let mut canvas = Canvas::new(&mut none, 0, 0).unwrap();
        painter.paint(&mut canvas, CLEAR, &prims, &mut Default::default(), 1.0);
    }

    #[test]
    fn egui_text_paints_inside_its_label() {
        let ctx = egui::Context::default();
        let (w, h) = (300, 120);
        let input = || egui::RawInput {
            screen_rect: Some(Rect::from_min_size(
                pos2(0.0, 0.0),
                vec2(w as f32, h as f32),
            )),
            ..Default::default()
        };
        let mut painter = Painter::new();
        let mut label_rect = Rect::NOTHING;
        let mut pixels = vec![0; w * h];
        for _ in 0..2 {
            let output = ctx.run_ui(input(), |ui| {
                ui.add_space(30.0);
                ui.horizontal(|ui| {
                    ui.add_space(40.0);
                    label_rect = ui.label("Hello, Keyturn!").rect;
                });
            });
            let prims = ctx.tessellate(output.shapes, output.pixels_per_point);
            let mut canvas = Canvas::new(&mut pixels, w, h).unwrap();
            let mut delta = output.textures_delta;
            painter.paint(&mut canvas, Color32::BLACK, &prims, &mut delta, 1.0);
        }
        assert!(
            label_rect.width() > 20.0 && label_rect.min.x >= 39.0,
            "{label_rect:?}"
        );
        let near = label_rect.expand(2.0);
        let mut inside = 0;
        for (i, &p) in pixels.iter().enumerate() {
            let centre = pos2((i % w) as f32 + 0.5, (i / w) as f32 + 0.5);
            if p != 0 {
                assert!(
                    near.contains(centre),
                    "painted at {centre:?}, label {label_rect:?}"
                );
                if label_rect.contains(centre) {
                    inside += 1;
                }
            }
        }
        assert!(inside > 50, "only {inside} text pixels");
    }
}
