//! The cells the credentials tables share: a day with its full time on
//! hover, and text clipped to its column with its whole on hover.

use time::{OffsetDateTime, UtcOffset};

use crate::ui::format_time;
use crate::ui::widgets::table::Row;

/// `2026-03-04` in `offset`; the full time is in the cell's hover text.
pub(super) fn day(t: OffsetDateTime, offset: UtcOffset) -> String {
    let t = t.to_offset(offset);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// A cell of text, weak when it says nothing happened, with `hover` on
/// hover (the full text of a cell too narrow for it, say).
pub(super) fn text_cell(row: &mut Row<'_>, text: &str, hover: Option<&str>) {
    row.cell(text, |ui| {
        let label = ui.add(egui::Label::new(text).truncate());
        if let Some(hover) = hover {
            label.on_hover_text(hover);
        }
    });
}

/// A date cell: the day, the full time on hover, or `none`.
pub(super) fn date_cell(
    row: &mut Row<'_>,
    t: Option<OffsetDateTime>,
    local: UtcOffset,
    none: &str,
) {
    match t {
        Some(t) => text_cell(row, &day(t, local), Some(&format_time(t, local))),
        None => text_cell(row, none, None),
    }
}
