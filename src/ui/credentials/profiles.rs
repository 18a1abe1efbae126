//! The profiles table: one row per profile (name, cloud, key id, region,
//! added, last used, verified, last rotation, key age), a click selects
//! one, and the selected profile's details and actions (Verify, Reveal,
//! Copy, Remove…) show under the table with any message they left.

use egui::{self, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::shown::shown;
use crate::tr;
use crate::ui::format_time;
use crate::ui::widgets::Table;
use crate::ui::widgets::notices_ui;
use crate::vault::{Index, Profile};
use crate::words;

use super::cells::{date_cell, day, text_cell};
use super::secrets::{button, revealed_ui, secret_buttons};
use super::{CredentialsPanel, Place, Purpose, Request, Target};

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
        let never = tr!("app-credentials-never");
        let titles = [
            "app-credentials-column-name",
            "app-credentials-column-cloud",
            "app-credentials-column-key-id",
            "app-credentials-column-region",
            "app-credentials-column-added",
            "app-credentials-column-used",
            "app-credentials-column-verified",
            "app-credentials-column-rotated",
            "app-credentials-column-age",
        ]
        .map(|id| tr!(id));
        Table::new(
            "profiles_table",
            &tr!("app-credentials-profiles-table"),
            &[130.0, 120.0, 170.0, 100.0, 86.0, 86.0, 96.0, 86.0, 70.0],
        )
        .show(
            ui,
            |header| {
                for title in &titles {
                    header.cell(title, |ui| ui.strong(title.as_str()));
                }
            },
            |body| {
                for p in &index.profiles {
                    let selected = self.selected.as_ref() == Some(&p.name);
                    let row_clicked = body.row(selected, |row| {
                        let name = shown(&p.name);
                        row.cell(&name, |ui| {
                            let button = ui
                                .selectable_label(selected, RichText::new(name.as_ref()).strong());
                            button.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::accesskit::Role::Button,
                                    true,
                                    selected,
                                    tr!("app-credentials-row-name", name = p.name.as_str()),
                                )
                            });
                            if button.clicked() {
                                clicked = Some(p.name.clone());
                            }
                        });
                        text_cell(row, &words::provider(p.provider), None);
                        text_cell(row, &shown(&p.key_id), Some(&shown(&p.key_id)));
                        text_cell(row, p.region.as_deref().unwrap_or("—"), None);
                        date_cell(row, Some(p.added_at), local, "");
                        date_cell(row, p.last_used_at, local, &never);
                        let verified = verified_text(p, local);
                        let hover = p.verification().map(|found| words::verification(&found));
                        text_cell(row, &verified, hover.as_deref());
                        date_cell(row, last_rotation(index, &p.name), local, &never);
                        let days = (now - p.added_at).whole_days().max(0);
                        text_cell(
                            row,
                            &tr!("app-credentials-age-days", days = days),
                            Some(&tr!("app-credentials-age-hover")),
                        );
                    });
                    if row_clicked {
                        clicked = Some(p.name.clone());
                    }
                }
            },
        );
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
/// The verified cell: a mark and the day, or "never".
fn verified_text(p: &Profile, local: UtcOffset) -> String {
    match p.last_verified_at {
        Some(t) => {
            let works = p.verification().is_some_and(|found| found.works());
            let mark = if works { "✔" } else { "✘" };
            format!("{mark} {}", day(t, local))
        }
        None => tr!("app-credentials-never"),
    }
}
