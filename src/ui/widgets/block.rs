//! A change the provider would refuse now (a lock, a throttle, an
//! old-password window): the heading, what it is in words and, when it
//! ends at a known time, a live countdown to it. Drawn by the form before
//! sending and by the results for a send that was held back.

use egui::{RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::i18n::tr;
use crate::rotation::Block;
use crate::ui::block_words;
use crate::ui::widgets::countdown;

/// Draws `block` under `heading`. Returns true while its countdown runs.
pub fn block_notice(
    ui: &mut Ui,
    heading: &str,
    block: &Block,
    now: OffsetDateTime,
    local: UtcOffset,
) -> bool {
    ui.label(
        RichText::new(heading)
            .strong()
            .color(ui.visuals().warn_fg_color),
    );
    ui.label(block_words(block));
    block.until().is_some_and(|until| {
        countdown(
            ui,
            until,
            now,
            local,
            &tr("form-widget-block-running"),
            &tr("form-widget-block-done"),
        )
    })
}
