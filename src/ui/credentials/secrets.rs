//! Reveal, Hide and Copy for one secret (a profile's access key secret
//! or one slot of a stored password), and the revealed secret itself.

use egui::{self, RichText, Ui};

use crate::ui::widgets::{Named, ShownSecret};

use crate::tr;

use super::{Purpose, Request, Target};

/// A button whose accessible name says what it acts on ("Reveal the secret
/// of profile prod"), for screen readers and tests, while showing a short
/// word.
pub(super) fn button(ui: &mut Ui, text: &str, name: &str) -> egui::Response {
    ui.button(text).named(name)
}

/// Reveal/Hide and Copy for one secret.
pub(super) fn secret_buttons(
    ui: &mut Ui,
    target: &Target,
    revealed: &mut Option<(Target, ShownSecret)>,
    ask: &mut impl FnMut(Request, Purpose),
) {
    let words = target.words();
    let shown = revealed.as_ref().is_some_and(|(t, _)| t == target);
    if shown {
        if button(
            ui,
            &tr!("app-credentials-hide"),
            &tr!("app-credentials-hide-name", what = words.as_str()),
        )
        .clicked()
        {
            *revealed = None;
        }
    } else if button(
        ui,
        &tr!("app-credentials-reveal"),
        &tr!("app-credentials-reveal-name", what = words.as_str()),
    )
    .on_hover_text(tr!("app-credentials-reveal-hover"))
    .clicked()
    {
        ask(
            Request::ReadSecret(target.clone()),
            Purpose::Reveal(target.clone()),
        );
    }
    if button(
        ui,
        &tr!("app-credentials-copy"),
        &tr!("app-credentials-copy-name", what = words.as_str()),
    )
    .on_hover_text(tr!("app-credentials-copy-hover"))
    .clicked()
    {
        ask(
            Request::ReadSecret(target.clone()),
            Purpose::Copy(target.clone()),
        );
    }
}

/// The revealed secret of `target`, if it is the one revealed: painted,
/// never selectable, masked for screen readers (see [`ShownSecret`]).
pub(super) fn revealed_ui(
    ui: &mut Ui,
    target: &Target,
    revealed: &mut Option<(Target, ShownSecret)>,
) {
    if let Some((t, secret)) = revealed
        && t == target
    {
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr!("app-credentials-revealed")).weak());
            secret.ui(
                ui,
                &tr!("app-credentials-revealed-name", what = t.words().as_str()),
            );
        });
    }
}
