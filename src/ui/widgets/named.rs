//! An accessible name for a widget that shows a short word: "Reload" on
//! screen, "Reload the history" to a screen reader, so that two buttons
//! with the same word in one view are told apart.

use egui::{Response, accesskit};

/// Names a widget for assistive technology, keeping its role and state.
pub trait Named {
    fn named(self, name: &str) -> Self;
}

impl Named for Response {
    fn named(self, name: &str) -> Self {
        let name = name.to_owned();
        self.ctx
            .accesskit_node_builder(self.id, |node: &mut accesskit::Node| {
                node.set_label(name);
            });
        self
    }
}
