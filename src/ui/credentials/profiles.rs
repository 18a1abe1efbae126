//! The profiles table: one row per profile (name, cloud, key id, region,
//! added, last used, verified, last rotation, key age), a click selects
//! one, and the selected profile's details and actions (Verify, Reveal,
//! Copy, Remove…) show under the table with any message they left.

use eframe::egui::{self, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use time::{OffsetDateTime, UtcOffset};

use crate::shown::shown;
use crate::tr;
use crate::ui::format_time;
use crate::ui::widgets::notices_ui;
use crate::vault::{Index, Profile};
use crate::words;

use super::secrets::{button, revealed_ui, secret_buttons};
use super::{CredentialsPanel, Place, Purpose, Request, Target};

/// `2026-03-04` in `offset`; the full time is in the cell's hover text.
fn day(t: OffsetDateTime, offset: UtcOffset) -> String {
    let t = t.to_offset(offset);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// A date cell: the day, the full time on hover, or `none` in weak text.
fn date_cell(ui: &mut Ui, t: Option<OffsetDateTime>, local: UtcOffset, none: &str) {
    match t {
        Some(t) => {
            ui.label(day(t, local)).on_hover_text(format_time(t, local));
        }
        None => {
            ui.label(RichText::new(none).weak());
        }
    }
}

/// The last time a password was rotated with `profile`.
fn last_rotation(index: &Index, profile: &str) -> Option<OffsetDateTime> {
    index
        .resources
        .iter()
        .filter(|r| r.profile.as_deref() == Some(profile))
        .filter_map(|r| r.last_rotated_at)
        .max()
}

impl CredentialsPanel {
    pub(super) fn profiles_ui(
        &mut self,
        ui: &mut Ui,
        index: &Index,
        now: OffsetDateTime,
        local: UtcOffset,
        ask: &mut impl FnMut(Request, Purpose),
    ) {
        if index.profiles.is_empty() {
            ui.label(RichText::new(tr!("app-credentials-profiles-none")).weak());
            return;
        }
        // A profile that is gone (removed elsewhere) is no longer selected;
        // a lone profile is selected from the start.
        if self
            .selected
            .as_ref()
            .is_some_and(|s| !index.profiles.iter().any(|p| &p.name == s))
        {
            self.selected = None;
        }
        if index.profiles.len() == 1 {
            self.selected = Some(index.profiles[0].name.clone());
        }
        let mut clicked = None;
        ui.push_id("profiles_table", |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .resizable(true)
                .vscroll(false)
                .sense(Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::auto().at_least(90.0).clip(true))
                .column(Column::auto())
                .column(Column::auto().at_most(170.0).clip(true))
                .column(Column::auto())
                .columns(Column::auto(), 4)
                .column(Column::remainder().at_least(40.0))
                .header(20.0, |mut header| {
                    for title in [
                        "app-credentials-column-name",
                        "app-credentials-column-cloud",
                        "app-credentials-column-key-id",
                        "app-credentials-column-region",
                        "app-credentials-column-added",
                        "app-credentials-column-used",
                        "app-credentials-column-verified",
                        "app-credentials-column-rotated",
                        "app-credentials-column-age",
                    ] {
                        header.col(|ui| {
                            ui.strong(tr!(title));
                        });
                    }
                })
                .body(|mut body| {
                    let never = tr!("app-credentials-never");
                    for p in &index.profiles {
                        body.row(20.0, |mut row| {
                            row.set_selected(self.selected.as_ref() == Some(&p.name));
                            let selected = self.selected.as_ref() == Some(&p.name);
                            row.col(|ui| {
                                let name = ui.selectable_label(
                                    selected,
                                    RichText::new(shown(&p.name)).strong(),
                                );
                                name.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::accesskit::Role::Button,
                                        true,
                                        selected,
                                        tr!("app-credentials-row-name", name = p.name.as_str()),
                                    )
                                });
                                if name.clicked() {
                                    clicked = Some(p.name.clone());
                                }
                            });
                            row.col(|ui| {
                                ui.label(words::provider(p.provider));
                            });
                            row.col(|ui| {
                                ui.add(egui::Label::new(shown(&p.key_id)).truncate());
                            });
                            row.col(|ui| {
                                ui.label(p.region.as_deref().unwrap_or("—"));
                            });
                            row.col(|ui| date_cell(ui, Some(p.added_at), local, ""));
                            row.col(|ui| date_cell(ui, p.last_used_at, local, &never));
                            row.col(|ui| {
                                let cell = date_cell_response(ui, p, local);
                                if let Some(found) = p.verification() {
                                    cell.on_hover_text(words::verification(&found));
                                }
                            });
                            row.col(|ui| {
                                date_cell(ui, last_rotation(index, &p.name), local, &never)
                            });
                            row.col(|ui| {
                                let days = (now - p.added_at).whole_days().max(0);
                                ui.label(tr!("app-credentials-age-days", days = days))
                                    .on_hover_text(tr!("app-credentials-age-hover"));
                            });
                            if row.response().clicked() {
                                clicked = Some(p.name.clone());
                            }
                        });
                    }
                });
        });
        if let Some(name) = clicked {
            self.selected = Some(name);
        }
        let Some(p) = self
            .selected
            .as_ref()
            .and_then(|s| index.profiles.iter().find(|p| &p.name == s))
        else {
            ui.label(RichText::new(tr!("app-credentials-select-hint")).weak());
            return;
        };
        ui.add_space(6.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            self.details_ui(ui, p, local, ask);
        });
    }

    /// The selected profile: what the table leaves out, its actions, the
    /// last verification, a revealed secret and the messages left here.
    fn details_ui(
        &mut self,
        ui: &mut Ui,
        p: &Profile,
        local: UtcOffset,
        ask: &mut impl FnMut(Request, Purpose),
    ) {
        ui.label(
            RichText::new(tr!(
                "app-credentials-details",
                name = shown(&p.name),
                provider = words::provider(p.provider),
                key = shown(&p.key_id)
            ))
            .strong(),
        );
        let mut facts = Vec::new();
        for (region, id) in &p.project_ids {
            facts.push(tr!(
                "app-credentials-fact-project",
                id = shown(id),
                region = shown(region)
            ));
        }
        if let Some(e) = &p.endpoint {
            facts.push(tr!("app-credentials-fact-endpoint", endpoint = shown(e)));
        }
        facts.push(tr!(
            "app-credentials-fact-added",
            time = format_time(p.added_at, local)
        ));
        if let (Some(t), Some(found)) = (p.last_verified_at, p.verification()) {
            facts.push(tr!(
                "app-credentials-fact-verified",
                time = format_time(t, local),
                result = words::verification(&found)
            ));
        }
        ui.add(egui::Label::new(RichText::new(facts.join(" · ")).weak()).wrap());
        if let Some(notes) = &p.notes {
            ui.label(RichText::new(shown(notes)).italics().weak());
        }
        let verifying = self
            .waiting
            .values()
            .any(|w| *w == Purpose::Verify(p.name.clone()));
        let target = Target::Profile(p.name.clone());
        ui.horizontal_wrapped(|ui| {
            ui.add_enabled_ui(!verifying, |ui| {
                if button(
                    ui,
                    &tr!("app-credentials-verify"),
                    &tr!("app-credentials-verify-name", name = p.name.as_str()),
                )
                .on_hover_text(tr!("app-credentials-verify-hover"))
                .clicked()
                {
                    ask(
                        Request::Verify(p.name.clone()),
                        Purpose::Verify(p.name.clone()),
                    );
                }
            });
            secret_buttons(ui, &target, &mut self.revealed, ask);
            if button(
                ui,
                &tr!("app-credentials-remove"),
                &tr!("app-credentials-remove-name", name = p.name.as_str()),
            )
            .clicked()
            {
                self.confirm_remove = Some(p.name.clone());
            }
            if verifying {
                ui.spinner();
                ui.label(tr!("app-credentials-verifying"));
            }
        });
        if !verifying && let Some(result) = self.verified.get(&p.name) {
            // Worded now, in the language in force now.
            let (text, color) = match result {
                Ok((found, saved)) => {
                    let mut text = words::verification(found);
                    if *saved > 0 {
                        text = tr!(
                            "app-credentials-project-ids-saved",
                            result = text,
                            count = *saved
                        );
                    }
                    if found.works() {
                        (
                            format!("✔ {text}"),
                            egui::Color32::from_rgb(0x2e, 0x9d, 0x4f),
                        )
                    } else {
                        (format!("✘ {text}"), ui.visuals().error_fg_color)
                    }
                }
                Err(e) => (format!("✘ {}", e.words()), ui.visuals().error_fg_color),
            };
            ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
        }
        revealed_ui(ui, &target, &mut self.revealed);
        if let Some(notices) = self.notices.get_mut(&Place::Profile(p.name.clone())) {
            notices_ui(ui, notices);
        }
    }
}

/// The Verified cell: the day of the last verification, with its result's
/// mark, or "never".
fn date_cell_response(ui: &mut Ui, p: &Profile, local: UtcOffset) -> egui::Response {
    match p.last_verified_at {
        Some(t) => {
            let works = p.verification().is_some_and(|found| found.works());
            let mark = if works { "✔" } else { "✘" };
            ui.label(format!("{mark} {}", day(t, local)))
        }
        None => ui.label(RichText::new(tr!("app-credentials-never")).weak()),
    }
}
