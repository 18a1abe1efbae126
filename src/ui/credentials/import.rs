//! The import form: a console's access key CSV file, picked in the
//! desktop's file dialog or typed, with an optional name, cloud and
//! region.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{self, Id, RichText, Ui};

use crate::catalog::Provider;
use crate::jobs::{ImportRequest, JobId};
use crate::tr;

use super::{Purpose, Request, provider_combo, text_row};

/// The import form.
#[derive(Debug, Default)]
pub(super) struct ImportForm {
    pub(super) path: String,
    pub(super) name: String,
    /// `None`: as the file says.
    pub(super) provider: Option<Provider>,
    pub(super) region: String,
}

pub(super) fn import_ui(
    ui: &mut Ui,
    form: &mut ImportForm,
    waiting: &HashMap<JobId, Purpose>,
    ask: &mut impl FnMut(Request, Purpose),
) {
    ui.label(RichText::new(tr!("app-credentials-import-files")).weak());
    let picking = waiting.values().any(|p| *p == Purpose::PickFile);
    egui::Grid::new("import_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(tr!("app-credentials-file"));
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.path)
                        .id(Id::unique("import_path"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
                if ui
                    .add_enabled(!picking, egui::Button::new(tr!("app-credentials-choose")))
                    .clicked()
                {
                    ask(Request::PickFile, Purpose::PickFile);
                }
            });
            ui.end_row();
            text_row(
                ui,
                "import",
                &tr!("app-credentials-import-profile-name"),
                &mut form.name,
                &tr!("app-credentials-import-name-hint"),
            );
            let label = ui.label(tr!("app-credentials-import-provider"));
            provider_combo(
                ui,
                "import_provider",
                label.id,
                &mut form.provider,
                Some(&tr!("app-credentials-as-the-file-says")),
            );
            ui.end_row();
            text_row(
                ui,
                "import",
                &tr!("app-credentials-import-region"),
                &mut form.region,
                &tr!("app-credentials-optional"),
            );
        });
    let importing = waiting.values().any(|p| matches!(p, Purpose::Import(_)));
    if ui
        .add_enabled(
            !form.path.trim().is_empty() && !importing,
            egui::Button::new(tr!("app-credentials-import-button")),
        )
        .clicked()
    {
        let optional = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
        ask(
            Request::Import(ImportRequest {
                path: PathBuf::from(form.path.trim()),
                name: optional(&form.name),
                provider: form.provider,
                region: optional(&form.region),
            }),
            Purpose::Import(PathBuf::from(form.path.trim())),
        );
    }
}
