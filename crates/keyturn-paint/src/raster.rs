//! Which pixels a triangle covers: vertices on an exact 1/256-pixel grid, edge functions with a
//! top-left fill rule, and the covered pixels walked row by row as spans.

use crate::canvas::Clip;

/// Sub-pixel precision of the rasterizer: 8 bits, as GPUs use.
const SUB_BITS: u32 = 8;
pub(crate) const SUB: i64 = 1 << SUB_BITS;
const HALF: i64 = SUB / 2;
/// Vertex coordinates are clamped to this many pixels either side of the origin, so that all
/// fixed-point edge arithmetic fits in an `i64` with room to spare.
const MAX_COORD: f32 = 524_288.0;

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
pub(crate) struct Setup {
    edges: [Edge; 3],
    pub(crate) x0: i64,
    x1: i64,
    pub(crate) y0: i64,
    y1: i64,
}

impl Setup {
    /// `None` if the triangle has no area or misses the clip rect.
    pub(crate) fn new(mut p: [[i64; 2]; 3], clip: &Clip) -> Option<Self> {
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
    pub(crate) fn for_each_span(&self, mut f: impl FnMut(i64, i64, i64)) {
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
pub(crate) fn fixed(pos: egui::Pos2, pixels_per_point: f32) -> Option<[i64; 2]> {
    let x = pos.x * pixels_per_point;
    let y = pos.y * pixels_per_point;
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let f = |v: f32| floor(v.clamp(-MAX_COORD, MAX_COORD) * SUB as f32 + 0.5);
    Some([f(x), f(y)])
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
