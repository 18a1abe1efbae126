//! Messages shown beside the action that caused them: what an add, an
//! import or a removal did, why it failed, or a warning that must stay
//! (the imported file still holds the key). Each wraps to the width it is
//! given and has its own Dismiss button; none widens the view.

use eframe::egui::{self, Color32, RichText, Ui};

use crate::i18n::tr;

/// How a message reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something was done.
    Done,
    /// Something could not be done.
    Failed,
    /// Something the admin must still do; stays until dismissed.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub tone: Tone,
}

impl Notice {
    pub fn done(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            tone: Tone::Done,
        }
    }

    pub fn failed(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            tone: Tone::Failed,
        }
    }

    pub fn warning(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            tone: Tone::Warning,
        }
    }
}

/// Draws `notices` in order, each with a Dismiss button, and removes the
/// ones dismissed.
pub fn notices_ui(ui: &mut Ui, notices: &mut Vec<Notice>) {
    let mut dismissed = None;
    for (i, notice) in notices.iter().enumerate() {
        let (mark, color) = match notice.tone {
            Tone::Done => ("✔", Color32::from_rgb(0x2e, 0x9d, 0x4f)),
            Tone::Failed => ("✘", ui.visuals().error_fg_color),
            Tone::Warning => ("⚠", ui.visuals().warn_fg_color),
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui
                    .small_button(tr("form-widget-dismiss"))
                    .on_hover_text(tr("form-widget-dismiss-hover"))
                    .clicked()
                {
                    dismissed = Some(i);
                }
                // The rest of the row: the text wraps within it.
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{mark} {}", notice.text))
                            .color(color)
                            .strong(),
                    )
                    .wrap(),
                );
            });
        });
    }
    if let Some(i) = dismissed {
        notices.remove(i);
    }
}
