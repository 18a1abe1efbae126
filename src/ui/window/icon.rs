//! The window's icon: the bundled PNG (`crate::assets`) decoded into the
//! RGBA pixels the window system takes.

/// Why the icon could not be decoded (a build problem: it is bundled).
#[derive(Debug, thiserror::Error)]
pub enum IconError {
    #[error("the icon is not a PNG Keyturn can read: {0}")]
    Decode(#[from] png::DecodingError),
    #[error("the icon is not 8-bit RGBA")]
    Format,
}

/// Decodes an 8-bit RGBA PNG for the window's title bar and task switcher.
pub fn decode_png(bytes: &[u8]) -> Result<egui::IconData, IconError> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info()?;
    let size = reader.output_buffer_size().ok_or(IconError::Format)?;
    let mut rgba = vec![0; size];
    let frame = reader.next_frame(&mut rgba)?;
    if frame.color_type != png::ColorType::Rgba || frame.bit_depth != png::BitDepth::Eight {
        return Err(IconError::Format);
    }
    rgba.truncate(frame.buffer_size());
    Ok(egui::IconData {
        rgba,
        width: frame.width,
        height: frame.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_png_is_an_error_not_a_panic() {
        assert!(matches!(
            decode_png(b"not a png"),
            Err(IconError::Decode(_))
        ));
        assert!(decode_png(&[]).is_err());
        // A real PNG cut short.
        let png = crate::assets::window_icon_png();
        assert!(decode_png(&png[..png.len() / 2]).is_err());
    }
}
