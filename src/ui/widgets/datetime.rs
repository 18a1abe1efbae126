//! The date-time field of TcaplusDB's `OldPasswordExpireTime`: text in
//! `YYYY-MM-DD HH:MM:SS`, a date picker, and quick "+1 h / +1 day / +7 days"
//! buttons, with the value explained in UTC and local time beside it.
//!
//! The provider reads the text as China Standard Time (UTC+8), as its
//! console shows times; its page names no zone (see the emulator's
//! `tencent.rs`). So the text is written in UTC+8 and the field says so:
//! what the user types is exactly what is sent.

use eframe::egui;
use eframe::egui::{Id, Response, RichText, Ui};
use time::macros::{format_description, offset};
use time::{Duration, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use crate::ui::{format_remaining, format_time};

/// The zone in which the provider reads the text.
pub const PROVIDER_OFFSET: UtcOffset = offset!(+8);

const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

/// The text for `t` as the provider wants it.
pub fn provider_text(t: OffsetDateTime) -> String {
    t.to_offset(PROVIDER_OFFSET)
        .format(FORMAT)
        .unwrap_or_default()
}

/// Reads the field's text as the provider will (for display; the request
/// builder does its own check).
pub fn parse_provider_text(text: &str) -> Option<OffsetDateTime> {
    PrimitiveDateTime::parse(text.trim(), FORMAT)
        .ok()
        .map(|t| t.assume_offset(PROVIDER_OFFSET))
}

/// Draws the field. The returned response is the text edit's, marked
/// changed when a button or the picker changed the value.
pub fn datetime_field(
    ui: &mut Ui,
    text: &mut String,
    id: Id,
    label: Id,
    now: OffsetDateTime,
    local: UtcOffset,
) -> Response {
    let parsed = parse_provider_text(text);
    let mut changed_by_button = false;
    let mut response = ui
        .vertical(|ui| {
            let edit = ui
                .horizontal(|ui| {
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .id(id)
                                .hint_text("YYYY-MM-DD HH:MM:SS")
                                .desired_width(160.0),
                        )
                        .labelled_by(label);
                    ui.label(RichText::new("Beijing time (UTC+8)").weak())
                        .on_hover_text("TcaplusDB reads this time as China Standard Time.");
                    edit
                })
                .inner;
            ui.horizontal(|ui| {
                let base = parsed.unwrap_or(now).to_offset(PROVIDER_OFFSET);
                let mut date = jiff::civil::Date::new(
                    base.year() as i16,
                    u8::from(base.month()) as i8,
                    base.day() as i8,
                )
                .unwrap_or_default();
                let before = date;
                ui.add(
                    egui_extras::DatePickerButton::new(&mut date)
                        .id_salt("old-password-expiry-date")
                        .calendar_week(false)
                        .show_icon(false),
                )
                .on_hover_text("Pick the date; the time of day is kept");
                if date != before {
                    let time_of_day = parsed.map(|p| p.to_offset(PROVIDER_OFFSET).time());
                    let day = time::Date::from_calendar_date(
                        i32::from(date.year()),
                        time::Month::try_from(date.month() as u8).unwrap_or(time::Month::January),
                        date.day() as u8,
                    );
                    if let Ok(day) = day {
                        let t = day
                            .with_time(time_of_day.unwrap_or(time::Time::MIDNIGHT))
                            .assume_offset(PROVIDER_OFFSET);
                        *text = provider_text(t);
                        changed_by_button = true;
                    }
                }
                for (label, by) in [
                    ("+1 hour", Duration::hours(1)),
                    ("+1 day", Duration::days(1)),
                    ("+7 days", Duration::days(7)),
                ] {
                    if ui
                        .button(label)
                        .on_hover_text(format!("Set to {label} from now"))
                        .clicked()
                    {
                        *text = provider_text(now + by);
                        changed_by_button = true;
                    }
                }
            });
            match parse_provider_text(text) {
                Some(t) => {
                    let when = if t > now {
                        format!("in {}", format_remaining(t - now))
                    } else {
                        "already past".to_owned()
                    };
                    let mut line = format!("= {}", format_time(t, UtcOffset::UTC));
                    if local != UtcOffset::UTC {
                        line.push_str(&format!(" = {}", format_time(t, local)));
                    }
                    ui.label(RichText::new(format!("{line} ({when})")).weak());
                }
                None if !text.trim().is_empty() => {
                    ui.label(
                        RichText::new("Write it as YYYY-MM-DD HH:MM:SS, e.g. 2026-05-01 18:00:00")
                            .color(ui.visuals().warn_fg_color),
                    );
                }
                None => {}
            }
            edit
        })
        .inner;
    if changed_by_button {
        response.mark_changed();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn text_is_china_standard_time() {
        let t = datetime!(2026-01-01 00:00:00 UTC);
        assert_eq!(provider_text(t), "2026-01-01 08:00:00");
        assert_eq!(parse_provider_text("2026-01-01 08:00:00"), Some(t));
        assert_eq!(parse_provider_text("2026-01-01T08:00:00"), None);
    }
}
