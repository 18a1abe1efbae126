//! Textures as egui defines them, and sampling them: nearest or bilinear, with egui's wrap
//! modes, in fixed-point texel coordinates.

use egui::{Color32, TextureFilter, TextureOptions, TextureWrapMode};

/// One texture as egui defined it: premultiplied texels, row by row.
pub(crate) struct Texture {
    pub(crate) width: usize,
    pub(crate) height: usize,
    pub(crate) pixels: Vec<Color32>,
    pub(crate) options: TextureOptions,
}

/// Fractional bits of the fixed-point attribute values.
pub(crate) const FRAC: u32 = 24;

/// `v` in fixed point with `FRAC` fractional bits, clamped far beyond any sensible value so that
/// stepping cannot overflow (the stepping saturates besides).
#[inline]
pub(crate) fn to_fixed(v: f64) -> i64 {
    const LIMIT: f64 = (1u64 << 56) as f64;
    // `as` maps NaN to 0.
    (v * (1u64 << FRAC) as f64).clamp(-LIMIT, LIMIT) as i64
}

/// Four 8-bit channels `[r, g, b, a]` spread into the 16-bit lanes of a `u64`, so that a
/// bilinear blend works on all four at once.
pub(crate) type Lanes = u64;
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
pub(crate) struct Sampler<'t> {
    texture: &'t Texture,
    filter: TextureFilter,
    w: f32,
    h: f32,
}

impl<'t> Sampler<'t> {
    pub(crate) fn new(texture: &'t Texture, filter: TextureFilter) -> Self {
        Self {
            texture,
            filter,
            w: texture.width as f32,
            h: texture.height as f32,
        }
    }

    /// The sample at texture coordinates `(u, v)` (0..1 across the texture).
    pub(crate) fn sample(&self, u: f32, v: f32) -> Lanes {
        let half = match self.filter {
            TextureFilter::Nearest => 0.0,
            TextureFilter::Linear => 0.5,
        };
        let x = to_fixed(f64::from(u) * f64::from(self.w) - half);
        let y = to_fixed(f64::from(v) * f64::from(self.h) - half);
        self.sample_fixed(x, y)
    }

    #[inline(always)]
    pub(crate) fn sample_fixed(&self, x: i64, y: i64) -> Lanes {
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
