//! Files built into the binary: the app icon, for the desktop window.
//!
//! The PNGs are rendered from `assets/icon/keyturn.svg` by
//! `scripts/render-icons` and committed, so a build needs no SVG renderer.

/// The app icon as a 256 × 256 RGBA PNG.
pub fn window_icon_png() -> &'static [u8] {
    include_bytes!("../assets/icon/png/keyturn-256.png")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_icon_is_a_256_pixel_png() {
        let png = window_icon_png();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        // The IHDR chunk comes first: width and height, big-endian.
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 256);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 256);
        // And the window can decode it.
        let icon = crate::ui::window::icon::decode_png(png).unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Not blank: the key's pixels are opaque, the corners clear.
        assert_eq!(icon.rgba[3], 0, "top-left corner transparent");
        let centre = (128 * 256 + 128) * 4;
        assert!(icon.rgba[centre + 3] > 0, "the centre is drawn");
    }
}
