//! Fonts beyond egui's bundled ones.
//!
//! - **Marks.** egui's fonts have no ✔, ✘ or ⚠, which the rule checklist
//!   and warnings use; a 2 KB subset of DejaVu Sans with just those three is
//!   bundled (`assets/fonts/`, with its licence) and added as a fallback, so
//!   every other character still comes from egui's own fonts.
//! - **Chinese, Japanese and Korean.** The providers' messages are often
//!   Chinese (Alibaba, Huawei, Tencent and UCloud all answer in Chinese on
//!   their Chinese sites), and egui's fonts have no CJK glyphs. A CJK font is
//!   tens of megabytes, so none is bundled: [`CjkFonts`] is an egui
//!   [`FontProvider`] that egui asks only when it meets a character no
//!   installed font has. For a CJK character it finds the system's font for
//!   Chinese once (fontconfig's own choice, `fc-match :lang=zh-cn`, else a
//!   few well-known paths on each platform), memory-maps the file (only the
//!   pages actually read count towards the app's memory, and they are shared
//!   with every other program using the font), and hands it to egui, which
//!   appends it to the family's fallback chain after its own fonts. A window
//!   that never shows a CJK character never looks for one. With no such font
//!   installed it says so once in the log (on Debian: `fonts-noto-cjk` or
//!   `fonts-wqy-microhei`) and the characters show as boxes.
//!
//! eframe's `system_fonts` feature does something similar for every
//! script, but it enumerates every installed font on a thread at start-up
//! and pulls in a font database crate and its dependencies; Keyturn only needs
//! the one script its providers write in.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use egui::epaint::text::{
    FallbackRequest, FontInsert, FontPriority, FontProvider, InsertFontFamily,
};
use egui::{FontData, FontFamily};

static MARKS: &[u8] = include_bytes!("../../assets/fonts/keyturn-marks.ttf");

/// The Debian packages that provide a font for Chinese, for messages.
pub const CJK_FONT_PACKAGES: &str = "fonts-noto-cjk or fonts-wqy-microhei";

/// Adds Keyturn's fonts to `ctx`, after egui's own, with the system's font
/// for Chinese.
#[cfg(test)]
pub fn install(ctx: &egui::Context) {
    install_with(ctx, Arc::new(CjkFonts::system()));
}

/// Adds Keyturn's fonts to `ctx`, after egui's own, with `cjk` for Chinese,
/// Japanese and Korean text.
pub fn install_with(ctx: &egui::Context, cjk: Arc<CjkFonts>) {
    ctx.add_font(FontInsert::new(
        "keyturn-marks",
        FontData::from_static(MARKS),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
    ctx.add_font_provider(cjk);
}

/// A CJK font found on the system: where, which face, and the mapped file.
#[derive(Clone)]
pub struct FoundFont {
    pub path: PathBuf,
    /// The face in a `.ttc` collection.
    pub index: u32,
    data: egui::epaint::text::Blob,
}

impl std::fmt::Debug for FoundFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FoundFont")
            .field("path", &self.path)
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

/// Where the font for Chinese comes from.
#[derive(Debug, Clone, Default)]
pub enum CjkFontSource {
    /// The system's font for Chinese (see the module docs).
    #[default]
    System,
    /// The first of these files (path, face index) that holds a font;
    /// none at all stands for a system without a font for Chinese.
    Files(Vec<(PathBuf, u32)>),
}

/// An egui [`FontProvider`] that supplies a CJK font for CJK characters,
/// found and mapped on the first one egui cannot draw (see the module docs).
#[derive(Debug)]
pub struct CjkFonts {
    source: CjkFontSource,
    /// Looked for once per process run of this provider.
    found: OnceLock<Option<FoundFont>>,
}

impl CjkFonts {
    /// Uses the system's font for Chinese.
    pub fn system() -> Self {
        CjkFonts::new(CjkFontSource::System)
    }

    /// Uses the font `source` names, looked for on first need.
    pub fn new(source: CjkFontSource) -> Self {
        CjkFonts {
            source,
            found: OnceLock::new(),
        }
    }

    /// Uses the first of `candidates` (path, face index) that can be mapped.
    #[cfg(test)]
    pub fn from_candidates(candidates: Vec<(PathBuf, u32)>) -> Self {
        CjkFonts::new(CjkFontSource::Files(candidates))
    }

    /// The font, looked for now if it has not been yet.
    pub fn font(&self) -> Option<&FoundFont> {
        self.found
            .get_or_init(|| {
                let found = match &self.source {
                    CjkFontSource::System => find_system_font(),
                    CjkFontSource::Files(list) => list.iter().find_map(|(p, i)| map_font(p, *i)),
                };
                match &found {
                    Some(font) => tracing::debug!(
                        path = %font.path.display(),
                        index = font.index,
                        "using this font for Chinese, Japanese and Korean text"
                    ),
                    None => tracing::warn!(
                        "no font for Chinese text was found, so Chinese messages from the \
                         providers will show as boxes; install one (on Debian: {CJK_FONT_PACKAGES})"
                    ),
                }
                found
            })
            .as_ref()
    }
}

impl FontProvider for CjkFonts {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        if !is_cjk(c) {
            return None;
        }
        let font = self.font()?;
        // The same name each time: egui installs the face once and only
        // adds it to the chain of each family that asks.
        Some(FontInsert::new(
            "keyturn-cjk",
            FontData::from_blob(font.data.clone(), font.index),
            vec![InsertFontFamily {
                family: request.family.clone(),
                priority: FontPriority::Lowest,
            }],
        ))
    }
}

/// Characters a CJK font is asked for: Han ideographs, kana, Hangul,
/// Bopomofo, CJK punctuation and the full-width forms Chinese text uses for
/// its commas, colons and brackets.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF     // Hangul Jamo
        | 0x2E80..=0x2FDF   // CJK radicals, Kangxi radicals
        | 0x3000..=0x33FF   // CJK punctuation, kana, Bopomofo, Hangul compatibility, enclosed, compatibility
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xA960..=0xA97F   // Hangul Jamo extended A
        | 0xAC00..=0xD7FF   // Hangul syllables and Jamo extended B
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFE30..=0xFE4F   // CJK compatibility forms
        | 0xFF00..=0xFFEF   // half-width and full-width forms
        | 0x20000..=0x3134F // CJK extensions B to G
    )
}

/// fontconfig's font for Simplified Chinese, if fontconfig is there and has
/// one; else the first well-known file that exists.
fn find_system_font() -> Option<FoundFont> {
    if let Some((path, index)) = fontconfig_choice()
        && let Some(font) = map_font(&path, index)
    {
        return Some(font);
    }
    WELL_KNOWN
        .iter()
        .find_map(|(path, index)| map_font(Path::new(path), *index))
}

/// Files that hold a CJK font on common systems, with the face to use
/// (Simplified Chinese where a collection has several).
const WELL_KNOWN: &[(&str, u32)] = &[
    // Debian and Ubuntu: fonts-noto-cjk (faces: JP, KR, SC, TC, HK),
    // fonts-wqy-microhei, fonts-wqy-zenhei, fonts-droid-fallback.
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        0,
    ),
    // Fedora and Arch.
    (
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        2,
    ),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    // macOS.
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0),
    // Windows.
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
];

/// Asks fontconfig for its best font for Simplified Chinese, and keeps it
/// only if that font really covers Chinese (fc-match always answers, with
/// its default font when nothing fits).
fn fontconfig_choice() -> Option<(PathBuf, u32)> {
    if cfg!(any(windows, target_os = "macos")) {
        return None;
    }
    let out = std::process::Command::new("fc-match")
        .args(["--format=%{file}\n%{index}\n%{lang}", ":lang=zh-cn"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let mut lines = text.lines();
    let (file, index, langs) = (lines.next()?, lines.next()?, lines.next()?);
    if !langs.split('|').any(|l| l == "zh-cn") {
        return None;
    }
    Some((PathBuf::from(file), index.trim().parse().ok()?))
}

/// Maps `path` into memory if it exists and is a font file egui can read.
fn map_font(path: &Path, index: u32) -> Option<FoundFont> {
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: the mapping is read-only and lives as long as egui holds the
    // font. Its contents change only if the font file is rewritten in place,
    // which package managers never do (they write a new file and rename it
    // over the old one, which leaves this mapping on the old file).
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    // A font file starts with one of these tags; anything else is not one.
    let head = map.get(..4)?;
    if !matches!(head, b"ttcf" | b"OTTO" | b"true" | [0, 1, 0, 0]) {
        tracing::debug!(path = %path.display(), "not a font file");
        return None;
    }
    Some(FoundFont {
        path: path.to_owned(),
        index,
        data: Arc::new(map),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::FontId;

    /// A message as Huawei Cloud sends it when the old password is still
    /// valid, with Chinese punctuation.
    const MESSAGE: &str = "旧密码还未失效，请稍后再试：（DCS.4109）";

    fn ctx_with(install_fonts: impl FnOnce(&egui::Context)) -> egui::Context {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        // Fonts are built on the first frame.
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.label("Keyturn");
        });
        // No renderer takes the font atlas here.
        output.textures_delta.clear();
        ctx
    }

    fn has_glyphs(ctx: &egui::Context, family: FontFamily, text: &str) -> bool {
        ctx.fonts_mut(|fonts| fonts.has_glyphs(&FontId::new(14.0, family), text))
    }

    #[test]
    fn cjk_ranges_cover_chinese_text_and_its_punctuation() {
        for c in MESSAGE.chars().filter(|c| !c.is_ascii()) {
            assert!(is_cjk(c), "{c:?}");
        }
        for c in ['a', 'é', '✔', '—', '“', '€'] {
            assert!(!is_cjk(c), "{c:?}");
        }
    }

    #[test]
    fn without_the_provider_chinese_has_no_glyphs() {
        let ctx = ctx_with(|_| {});
        assert!(has_glyphs(&ctx, FontFamily::Proportional, "DCS.4109"));
        assert!(
            !has_glyphs(&ctx, FontFamily::Proportional, "旧密码还未失效"),
            "egui's own fonts have no Chinese; this test would prove nothing"
        );
    }

    /// Needs a system font for Chinese; `scripts/test` installs
    /// `fonts-wqy-microhei` for it.
    #[test]
    fn a_chinese_provider_message_has_a_glyph_for_every_character() {
        let provider = CjkFonts::system();
        let found = provider.font().cloned().unwrap_or_else(|| {
            panic!("no system font for Chinese: install one ({CJK_FONT_PACKAGES})")
        });
        let ctx = ctx_with(install);
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            for c in MESSAGE.chars() {
                assert!(
                    has_glyphs(&ctx, family.clone(), &c.to_string()),
                    "{c:?} in {family:?} (font {found:?})"
                );
            }
        }
        // Chinese comes from the CJK font, Latin still from egui's own font,
        // which stays first in the chain.
        ctx.fonts_mut(|f| {
            let chars = f.characters(&FontFamily::Proportional);
            assert!(chars[&'旧'].iter().any(|n| n == "keyturn-cjk"));
            assert_ne!(chars[&'a'].first().map(String::as_str), Some("keyturn-cjk"));
        });
    }

    #[test]
    fn a_missing_or_bogus_font_file_is_skipped_and_nothing_is_supplied() {
        let not_a_font =
            std::env::temp_dir().join(format!("keyturn-not-a-font-{}", std::process::id()));
        std::fs::write(&not_a_font, b"<html>not a font</html>").unwrap();
        let provider = CjkFonts::from_candidates(vec![
            (PathBuf::from("/nonexistent/keyturn/font.ttc"), 0),
            (not_a_font.clone(), 0),
        ]);
        assert!(provider.font().is_none());
        let request = FallbackRequest {
            cluster: "旧",
            family: &FontFamily::Proportional,
        };
        assert!(provider.font_for(&request).is_none());
        let ctx = ctx_with(|ctx| ctx.add_font_provider(Arc::new(provider)));
        assert!(!has_glyphs(&ctx, FontFamily::Proportional, "旧"));
        let _ = std::fs::remove_file(not_a_font);
    }

    #[test]
    fn latin_characters_never_make_it_look_for_a_font() {
        let provider = CjkFonts::from_candidates(Vec::new());
        let request = FallbackRequest {
            cluster: "é",
            family: &FontFamily::Proportional,
        };
        assert!(provider.font_for(&request).is_none());
        assert!(provider.found.get().is_none(), "not looked for");
    }
}
