//! Field labels: the label's id names its input for screen readers and
//! tests; a required field carries a red mark.

use egui::{Color32, Id, RichText, Ui};

use crate::catalog::Operation;
use crate::i18n::tr;

/// A field label with a red required mark; returns the label's id, which
/// names the input for screen readers (and tests).
pub(super) fn required_label(ui: &mut Ui, text: &str, help: &str) -> Id {
    ui.horizontal(|ui| {
        let label = ui.label(text).on_hover_text(help);
        ui.label(RichText::new("*").color(Color32::from_rgb(0xd0, 0x40, 0x40)))
            .on_hover_text(tr("form-required"));
        label.id
    })
    .inner
}

pub(super) fn optional_label(ui: &mut Ui, text: &str, help: &str) -> Id {
    ui.label(text).on_hover_text(help).id
}

pub(super) fn region_help(op: &Operation) -> String {
    tr(
        match (
            op.region.param.is_some(),
            op.region.regional_host.is_some() || !op.region.region_hosts.is_empty(),
        ) {
            (_, true) => "form-region-help-host",
            (true, false) => "form-region-help-param",
            (false, false) => "form-region-help-header",
        },
    )
}
