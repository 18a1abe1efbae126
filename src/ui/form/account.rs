//! The account section: a stored profile or a key typed for this call,
//! the region with the catalogue's known regions, and the endpoint
//! override with where the request will go.

use eframe::egui;
use eframe::egui::{RichText, Ui};

use crate::i18n::tr;
use crate::tr;
use crate::ui::Action;
use crate::ui::widgets::password_field;
use crate::vault::{Profile, team};
use crate::words;

use super::inputs;
use super::labels::{optional_label, region_help, required_label};
use super::state::{KeyChoice, OpForm};

impl OpForm {
    /// Profile picker or typed key, region, endpoint. Returns whether
    /// anything changed.
    pub(super) fn account_ui(
        &mut self,
        ui: &mut Ui,
        profiles: &[Profile],
        actions: &mut Vec<Action>,
    ) -> bool {
        let op = self.op;
        let mut changed = false;
        ui.label(RichText::new(tr("form-account")).strong());
        egui::Grid::new(("account", op.id))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui
                    .label(tr("form-access-key"))
                    .on_hover_text(tr("form-access-key-hover"));
                let shown = match &self.key {
                    KeyChoice::Typed => tr("form-typed-key"),
                    KeyChoice::Profile(p) => tr!("form-profile", name = p.as_str()),
                };
                let mut picked = None;
                egui::ComboBox::from_id_salt(("key_source", op.id))
                    .selected_text(shown)
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(self.key == KeyChoice::Typed, tr("form-typed-key"))
                            .clicked()
                        {
                            picked = Some(None);
                        }
                        for p in profiles.iter().filter(|p| p.provider == op.provider) {
                            let selected = self.key == KeyChoice::Profile(p.name.clone());
                            if ui
                                .selectable_label(
                                    selected,
                                    tr!(
                                        "form-profile-with-key",
                                        name = p.name.as_str(),
                                        key = p.key_id.as_str()
                                    ),
                                )
                                .clicked()
                            {
                                picked = Some(Some(p));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if let Some(choice) = picked {
                    self.choose_profile(choice, actions);
                    changed = true;
                }
                ui.end_row();

                match &self.key {
                    KeyChoice::Typed => {
                        let label = required_label(ui, &tr("form-key-id"), &tr("form-key-id-help"));
                        changed |= ui
                            .add(
                                egui::TextEdit::singleline(&mut self.key_id)
                                    .id(inputs::key_id(op))
                                    .desired_width(240.0),
                            )
                            .labelled_by(label)
                            .changed();
                        ui.end_row();
                        let label =
                            required_label(ui, &tr("form-key-secret"), &tr("form-key-secret-help"));
                        changed |=
                            password_field(ui, &mut self.key_secret, inputs::key_secret(op), label)
                                .changed();
                        ui.end_row();
                    }
                    KeyChoice::Profile(name) => {
                        ui.label("");
                        match (&self.key_check, &self.key_status) {
                            (Some(_), _) => {
                                ui.label(
                                    RichText::new(tr!(
                                        "form-key-looking",
                                        store = team::selector()
                                    ))
                                    .weak(),
                                );
                            }
                            (None, Some((p, Ok(())))) if p == name => {
                                ui.label(
                                    RichText::new(tr!("form-key-found", store = team::selector()))
                                        .weak(),
                                );
                            }
                            (None, Some((p, Err(e)))) if p == name => {
                                ui.label(
                                    RichText::new(format!("✘ {e}"))
                                        .color(ui.visuals().error_fg_color),
                                );
                            }
                            _ => {
                                ui.label("");
                            }
                        }
                        ui.end_row();
                    }
                }

                let region_label = match op.region.param.and_then(|p| op.field(p)) {
                    Some(f) => words::field_label(op, f),
                    None => tr("form-region"),
                };
                let label = if op.region.required {
                    required_label(ui, &region_label, &region_help(op))
                } else {
                    optional_label(ui, &region_label, &region_help(op))
                };
                ui.horizontal(|ui| {
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(&mut self.region)
                                .id(inputs::region(op))
                                .hint_text(op.region.examples.first().copied().unwrap_or(""))
                                .desired_width(160.0),
                        )
                        .labelled_by(label)
                        .changed();
                    let known = egui::ComboBox::from_id_salt(("region_examples", op.id))
                        .selected_text(tr("form-known-regions"))
                        .show_ui(ui, |ui| {
                            let mut pick = None;
                            for r in op.region.examples {
                                if ui.selectable_label(self.region == *r, *r).clicked() {
                                    pick = Some(*r);
                                }
                            }
                            pick
                        });
                    known.response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::accesskit::Role::ComboBox,
                            true,
                            tr("form-known-regions"),
                        )
                    });
                    if let Some(Some(r)) = known.inner {
                        self.region = r.to_owned();
                        changed = true;
                    }
                });
                ui.end_row();

                let label = optional_label(
                    ui,
                    &tr("form-endpoint-override"),
                    &tr("form-endpoint-override-help"),
                );
                let default_hint = match self.profile(profiles).and_then(|p| p.endpoint.clone()) {
                    Some(url) => tr!("form-endpoint-from-profile", url = url),
                    None => tr("form-endpoint-default"),
                };
                ui.vertical(|ui| {
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(&mut self.endpoint)
                                .id(inputs::endpoint(op))
                                .hint_text(default_hint)
                                .desired_width(260.0),
                        )
                        .labelled_by(label)
                        .changed();
                    if let Some(Ok(e)) = &self.derived.endpoint {
                        ui.label(RichText::new(tr!("form-sends-to", url = e.url())).weak());
                    }
                });
                ui.end_row();
            });
        changed
    }
}
