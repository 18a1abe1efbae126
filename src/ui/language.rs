//! The window's language: the one picked in the View menu (remembered
//! between runs), the one `--lang` named for this run, and the font that
//! Chinese needs.
//!
//! Which language the window speaks, first answer wins: `--lang` (until a
//! language is picked in the menu), the language picked and remembered,
//! then the system's (`KEYTURN_LANG`, the locale; see `i18n::choose`).
//! Picking one takes effect on the next frame: every text is looked up as
//! it is drawn.
//!
//! Chinese needs a CJK font, which Keyturn does not bundle. When the
//! language would be Chinese and the system has none, the window stays in
//! English and says so once (in English: Chinese could not be drawn),
//! naming the packages to install, rather than drawing boxes.

use std::sync::Arc;

use egui::{RichText, Ui};

use crate::i18n::{self, Lang};
use crate::tr;
use crate::ui::fonts::{CJK_FONT_PACKAGES, CjkFonts};
use crate::ui::widgets::{Notice, notices_ui};

/// The language of the window and what decided it.
pub(crate) struct LanguagePicker {
    /// The language picked in the menu and remembered; `None`: as the
    /// system.
    picked: Option<Lang>,
    /// `--lang` for this run, which wins over `picked` until the admin
    /// picks a language in the menu.
    argument: Option<Lang>,
    /// The font for Chinese, which the window's fonts share.
    cjk: Arc<CjkFonts>,
    /// The one notice of a missing font, while it is not dismissed.
    notices: Vec<Notice>,
    /// Whether the missing font has been reported (it is only once).
    reported: bool,
}

impl LanguagePicker {
    /// The language of `argument` (`--lang`), else `remembered` (the tag
    /// saved by [`LanguagePicker::remembered`]), else the system's; made
    /// current by [`LanguagePicker::apply`].
    pub fn new(argument: Option<Lang>, remembered: Option<&str>, cjk: Arc<CjkFonts>) -> Self {
        LanguagePicker {
            picked: remembered.and_then(Lang::parse),
            argument,
            cjk,
            notices: Vec::new(),
            reported: false,
        }
    }

    /// The language asked for in so many words, if any: `--lang` until a
    /// pick in the menu replaces it, else the pick remembered.
    fn explicit(&self) -> Option<Lang> {
        self.argument.or(self.picked)
    }

    /// The tag to remember; `None` to follow the system.
    pub fn remembered(&self) -> Option<&'static str> {
        self.picked.map(Lang::tag)
    }

    /// Makes the chosen language the current one, or English when it is
    /// Chinese and no font can draw it.
    pub fn apply(&mut self) {
        let wanted = i18n::choose_from_env(self.explicit());
        let lang = shown(wanted, || self.cjk.font().is_some());
        if lang != wanted && !self.reported {
            self.reported = true;
            self.notices.push(Notice::warning(format!(
                "Keyturn shows English: no font for Chinese is installed. Install one \
                 (on Debian: {CJK_FONT_PACKAGES}) and pick Simplified Chinese again in \
                 View, Language."
            )));
        }
        i18n::set_language(lang);
    }

    /// The Language section of the View menu.
    pub fn menu_ui(&mut self, ui: &mut Ui) {
        ui.label(RichText::new(tr!("app-menu-language")).strong());
        let mut choice = self.explicit();
        let before = choice;
        ui.radio_value(&mut choice, None, tr!("app-menu-language-system"));
        for lang in Lang::ALL {
            // Named in its own script, unless that script cannot be drawn
            // here (the font is looked for once, when the menu first opens).
            let name = if lang.needs_cjk_font() && self.cjk.font().is_none() {
                lang.english_name()
            } else {
                lang.display_name()
            };
            ui.radio_value(&mut choice, Some(lang), name);
        }
        if choice != before {
            self.picked = choice;
            self.argument = None;
            self.apply();
        }
    }

    /// The notice of a missing font, if it has not been dismissed.
    pub fn notices_ui(&mut self, ui: &mut Ui) {
        notices_ui(ui, &mut self.notices);
    }

    /// Whether there is a notice to show.
    pub fn has_notice(&self) -> bool {
        !self.notices.is_empty()
    }
}

/// The language shown when `wanted` is asked for: English instead of a
/// language whose script needs a CJK font when there is none (asked only
/// then, since finding the font costs a look through the system's).
fn shown(wanted: Lang, has_cjk_font: impl FnOnce() -> bool) -> Lang {
    if wanted.needs_cjk_font() && !has_cjk_font() {
        Lang::English
    } else {
        wanted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::fonts::CjkFontSource;

    fn picker(argument: Option<Lang>, remembered: Option<&str>) -> LanguagePicker {
        let no_font = Arc::new(CjkFonts::new(CjkFontSource::Files(Vec::new())));
        LanguagePicker::new(argument, remembered, no_font)
    }

    #[test]
    fn lang_wins_over_the_remembered_pick_which_wins_over_the_system() {
        let zh = Lang::SimplifiedChinese;
        assert_eq!(picker(None, None).explicit(), None);
        assert_eq!(picker(None, Some("zh-CN")).explicit(), Some(zh));
        assert_eq!(
            picker(Some(Lang::English), Some("zh-CN")).explicit(),
            Some(Lang::English)
        );
        // --lang is not remembered; a tag from a newer Keyturn is ignored.
        assert_eq!(picker(Some(zh), None).remembered(), None);
        assert_eq!(picker(None, Some("tlh")).explicit(), None);
        assert_eq!(picker(None, Some("zh-CN")).remembered(), Some("zh-CN"));
    }

    #[test]
    fn chinese_without_a_font_is_shown_in_english_and_the_font_is_looked_for_only_then() {
        let zh = Lang::SimplifiedChinese;
        assert_eq!(shown(zh, || true), zh);
        assert_eq!(shown(zh, || false), Lang::English);
        assert_eq!(
            shown(Lang::English, || panic!("no font needed")),
            Lang::English
        );
    }
}
