//! How times are written for people: UTC, to the second.

use time::OffsetDateTime;

/// `2026-03-04 05:06:07 UTC`.
pub fn utc(t: &OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}
