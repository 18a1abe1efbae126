//! Messages shown beside the action that caused them: what an add, an
//! import or a removal did, why it failed (worded when drawn), or a
//! warning that must stay (the imported file still holds the key). Each wraps to the width it is
//! given and has its own Dismiss button; none widens the view.

use std::borrow::Cow;

use egui::{self, Color32, RichText, Ui};

use crate::i18n::tr;
use crate::ui::remedy::Failure;

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

/// What a message says.
#[derive(Debug, Clone)]
pub enum NoticeText {
    /// Worded when the message was made.
    Words(String),
    /// A job's failure, worded each time it is drawn, so a switch of
    /// language rewords it.
    Failure(Failure),
    /// What a login with a stored password found, worded when drawn:
    /// "proven …" when it opened, else what it found.
    Proof(crate::vault::ProofRecord),
    /// What a job that stored or settled something did, worded when
    /// drawn.
    Done(Box<crate::jobs::Done>),
}

impl NoticeText {
    /// The text, in the current language for a failure.
    pub fn words(&self) -> Cow<'_, str> {
        match self {
            NoticeText::Words(text) => Cow::Borrowed(text),
            NoticeText::Failure(failure) => Cow::Owned(failure.words()),
            NoticeText::Proof(record) if record.proof.opened() => {
                Cow::Owned(crate::words::proven(record))
            }
            NoticeText::Proof(record) => Cow::Owned(crate::words::proof(&record.proof)),
            NoticeText::Done(done) => Cow::Owned(crate::ui::done_words(done)),
        }
    }
}

impl From<String> for NoticeText {
    fn from(text: String) -> Self {
        NoticeText::Words(text)
    }
}

impl From<crate::jobs::Done> for NoticeText {
    fn from(done: crate::jobs::Done) -> Self {
        NoticeText::Done(Box::new(done))
    }
}

impl From<crate::vault::ProofRecord> for NoticeText {
    fn from(record: crate::vault::ProofRecord) -> Self {
        NoticeText::Proof(record)
    }
}

impl From<Failure> for NoticeText {
    fn from(failure: Failure) -> Self {
        NoticeText::Failure(failure)
    }
}

/// What a message offers to do about what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// Delete the file the key was imported from (asks first).
    DeleteFile(std::path::PathBuf),
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub text: NoticeText,
    pub tone: Tone,
    /// A button beside the text that does what it asks.
    pub offer: Option<Offer>,
}

impl Notice {
    pub fn done(text: impl Into<NoticeText>) -> Self {
        Notice {
            text: text.into(),
            tone: Tone::Done,
            offer: None,
        }
    }

    pub fn failed(text: impl Into<NoticeText>) -> Self {
        Notice {
            text: text.into(),
            tone: Tone::Failed,
            offer: None,
        }
    }

    pub fn warning(text: impl Into<NoticeText>) -> Self {
        Notice {
            text: text.into(),
            tone: Tone::Warning,
            offer: None,
        }
    }
}

impl Notice {
    /// The same message with a button that does what it asks.
    pub fn offering(mut self, offer: Offer) -> Self {
        self.offer = Some(offer);
        self
    }
}

/// Draws `notices` in order, each with a Dismiss button (and its offer's
/// button), and removes the ones dismissed. Returns an offer clicked.
pub fn notices_ui(ui: &mut Ui, notices: &mut Vec<Notice>) -> Option<Offer> {
    let mut dismissed = None;
    let mut taken = None;
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
                        RichText::new(format!("{mark} {}", notice.text.words()))
                            .color(color)
                            .strong(),
                    )
                    .wrap(),
                );
            });
            if let Some(offer) = &notice.offer {
                let text = match offer {
                    Offer::DeleteFile(_) => tr("app-credentials-delete-file-button"),
                };
                if ui.button(text).clicked() {
                    taken = Some(offer.clone());
                }
            }
        });
    }
    if let Some(i) = dismissed {
        notices.remove(i);
    }
    taken
}
