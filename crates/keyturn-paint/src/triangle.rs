//! Paints one triangle: a solid fill when its colour and uv are constant (almost every
//! rectangle), else colour and texel coordinates interpolated per pixel and blended over.

use egui::TextureFilter;
use egui::epaint::Vertex;

use crate::canvas::{Canvas, Clip};
use crate::pixel::{Blend, modulate, pack};
use crate::raster::{SUB, Setup, fixed};
use crate::texture::{FRAC, Lanes, Sampler, Texture, to_fixed};

/// Paints the triangle `a, b, c` (egui's vertices, in points) into `canvas` within `clip`,
/// sampling `texture`. A triangle with a vertex that is not finite, or with no area, paints
/// nothing.
pub(crate) fn paint_triangle(
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
