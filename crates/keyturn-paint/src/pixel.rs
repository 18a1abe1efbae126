//! Colour arithmetic on 8-bit premultiplied channels: a vertex colour times a texel, the
//! window's `0x00RRGGBB` pixels, and blending "over" them.

use crate::texture::Lanes;

/// Vertex colour times texel, channel by channel, in gamma space (as the glow shader does),
/// rounded to 8 bits.
#[inline]
pub(crate) fn modulate(color: [u8; 4], texel: Lanes) -> [u8; 4] {
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
pub(crate) fn pack(r: u8, g: u8, b: u8) -> u32 {
    (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b)
}

/// Premultiplied "over" of one source colour: `dst = src + dst * (1 - src.a)`, rounded,
/// saturating (egui's additive colours have alpha 0 and non-zero RGB).
#[derive(Clone, Copy)]
pub(crate) struct Blend {
    rb: u32,
    g: u32,
    inv_alpha: u32,
}

impl Blend {
    pub(crate) fn new([r, g, b, a]: [u8; 4]) -> Self {
        Self {
            rb: (u32::from(r) << 16) | u32::from(b),
            g: u32::from(g),
            inv_alpha: 255 - u32::from(a),
        }
    }

    #[inline]
    pub(crate) fn over(&self, dst: u32) -> u32 {
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

    fn rgb(c: u32) -> [u8; 3] {
        [(c >> 16) as u8, (c >> 8) as u8, c as u8]
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
}
