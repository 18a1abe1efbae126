//! The date-time field of an old password's expiry (TcaplusDB's
//! `OldPasswordExpireTime`): text in the provider's format, a date picker,
//! and quick "+1 h / +1 day / +7 days" buttons, with the value explained in
//! the admin's own time beside it (as every other time in the window).
//!
//! The catalogue's [`ExpirySpec`] says in which zone the provider reads the
//! text (TcaplusDB: China Standard Time, UTC+8), so the text is written in
//! that zone and the field says so: what the user types is exactly what is
//! sent.

use egui::{Id, Response, RichText, Ui};
use time::{Duration, OffsetDateTime, UtcOffset};

use crate::catalog::ExpirySpec;
use crate::i18n::tr;
use crate::tr;
use crate::ui::{format_remaining, format_time};

/// The clock and zone the field is drawn against.
#[derive(Debug, Clone, Copy)]
pub struct When {
    pub now: OffsetDateTime,
    /// The admin's zone, shown beside the provider's.
    pub local: UtcOffset,
    /// Offer "Now" (for a call that accepts a time already passed).
    pub offer_now: bool,
}

/// Draws the field. The returned response is the text edit's, marked
/// changed when a button or the picker changed the value.
pub fn datetime_field(
    ui: &mut Ui,
    text: &mut String,
    spec: &ExpirySpec,
    id: Id,
    label: Id,
    when: When,
) -> Response {
    let When {
        now,
        local,
        offer_now,
    } = when;
    let zone = spec.utc_offset;
    let parsed = spec.parse(text);
    let mut changed_by_button = false;
    let mut response = ui
        .vertical(|ui| {
            let edit = ui
                .horizontal(|ui| {
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .id(id)
                                .hint_text(spec.format.pattern())
                                .desired_width(160.0),
                        )
                        .labelled_by(label);
                    ui.label(RichText::new(crate::words::expiry_zone(spec)).weak())
                        .on_hover_text(tr("form-widget-zone-hover"));
                    edit
                })
                .inner;
            ui.horizontal(|ui| {
                let base = parsed.unwrap_or(now).to_offset(zone);
                let mut date = jiff::civil::Date::new(
                    base.year() as i16,
                    u8::from(base.month()) as i8,
                    base.day() as i8,
                )
                .unwrap_or_default();
                let before = date;
                ui.add(
                    egui_extras::DatePickerButton::new(&mut date)
                        .id_salt("old_password_expiry_date")
                        .calendar_week(false)
                        .show_icon(false),
                )
                .on_hover_text(tr("form-widget-pick-date-hover"));
                if date != before {
                    let time_of_day = parsed.map(|p| p.to_offset(zone).time());
                    let day = time::Date::from_calendar_date(
                        i32::from(date.year()),
                        time::Month::try_from(date.month() as u8).unwrap_or(time::Month::January),
                        date.day() as u8,
                    );
                    if let Ok(day) = day {
                        let t = day
                            .with_time(time_of_day.unwrap_or(time::Time::MIDNIGHT))
                            .assume_offset(zone);
                        *text = spec.format(t);
                        changed_by_button = true;
                    }
                }
                let hours = |count: i64| {
                    (
                        tr!("form-widget-plus-hours", count = count),
                        tr!("form-widget-plus-hours-hover", count = count),
                    )
                };
                let days = |count: i64| {
                    (
                        tr!("form-widget-plus-days", count = count),
                        tr!("form-widget-plus-days-hover", count = count),
                    )
                };
                let presets = [
                    (
                        (tr("form-widget-now"), tr("form-widget-now-hover")),
                        Duration::ZERO,
                    ),
                    (hours(1), Duration::hours(1)),
                    (days(1), Duration::days(1)),
                    (days(7), Duration::days(7)),
                ];
                // "Now" ends the old password at once: only where a time
                // already passed is accepted (TcaplusDB's Mode 2).
                let skip = usize::from(!offer_now);
                for ((label, hover), by) in presets.into_iter().skip(skip) {
                    if ui.button(label).on_hover_text(hover).clicked() {
                        *text = spec.format(now + by);
                        changed_by_button = true;
                    }
                }
            });
            match spec.parse(text) {
                Some(t) => {
                    let when = if t > now {
                        tr!("form-widget-in", left = format_remaining(t - now))
                    } else {
                        tr("form-widget-already-past")
                    };
                    // One zone besides the provider's: the admin's own, as
                    // the results and the confirmation show it.
                    let times = format!("= {}", format_time(t, local));
                    let line = tr!("form-widget-times-when", times = times, when = when);
                    ui.label(RichText::new(line).weak());
                }
                None if !text.trim().is_empty() => {
                    ui.label(
                        RichText::new(tr!("form-widget-write-as", pattern = spec.format.pattern()))
                            .color(ui.visuals().warn_fg_color),
                    );
                }
                // The line is there before a time is, so "+1 h" and the
                // picker do not push what follows down.
                None => {
                    ui.label(" ");
                }
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
    use time::macros::datetime;

    #[test]
    fn tcaplus_text_is_china_standard_time() {
        let op = crate::catalog::find("tencentcloud.tcaplusdb.modify-cluster-password").unwrap();
        let spec = op.old_password_expiry.as_ref().unwrap();
        let t = datetime!(2026-01-01 00:00:00 UTC);
        assert_eq!(spec.format(t), "2026-01-01 08:00:00");
        assert_eq!(spec.parse("2026-01-01 08:00:00"), Some(t));
        assert_eq!(spec.parse("2026-01-01T08:00:00"), None);
        assert_eq!(spec.zone(), "Beijing time (UTC+8)");
    }
}
