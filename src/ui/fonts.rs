//! Fonts beyond egui's bundled ones.
//!
//! egui's fonts have no ✔, ✘ or ⚠, which the rule checklist and warnings
//! use; a 2 KB subset of DejaVu Sans with just those three is bundled
//! (`assets/fonts/`, with its licence) and added as a fallback, so every
//! other character still comes from egui's own fonts. Fonts for Chinese
//! provider messages are to come here too.

use eframe::egui;
use eframe::egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use eframe::egui::{FontData, FontFamily};

static MARKS: &[u8] = include_bytes!("../../assets/fonts/keyturn-marks.ttf");

/// Adds Keyturn's fonts to `ctx`, after egui's own.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "keyturn-marks",
        FontData::from_static(MARKS),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
