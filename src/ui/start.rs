//! Starting the desktop app: what it is started with ([`AppConfig`]),
//! the app made from it and from what eframe's storage remembers (forms,
//! clipboard setting, language), and the window it runs in.

use std::sync::Arc;

use eframe::egui;
use time::UtcOffset;

use crate::i18n::Lang;
use crate::jobs::{Clock, Jobs, JobsConfig, system_clock};
use crate::tr;
use crate::ui::View;
use crate::ui::app::{CLIPBOARD_KEY, IDLE_KEY, KeyturnApp, LANGUAGE_KEY, PREFS_KEY, TEST_NEW_KEY};
use crate::ui::clipboard::{Clipboard, ClipboardGuard, ClipboardSettings, SystemClipboard};
use crate::ui::credentials::CredentialsPanel;
use crate::ui::demo_band::DemoHint;
use crate::ui::fonts::{CjkFontSource, CjkFonts};
use crate::ui::form::{FormPanel, Prefs};
use crate::ui::history::HistoryPanel;
use crate::ui::idle::{IdleGuard, IdleSettings};
use crate::ui::language::LanguagePicker;
use crate::ui::recovery::RecoveryPanel;
use crate::ui::remedy::job_error;
use crate::ui::results::ResultsPanel;
use crate::ui::sidebar::Sidebar;
use crate::vault::team::StoreChoice;
use crate::vault::{APP_ID, Paths, Vault};

/// What the app is started with; tests pin the clock and the zone.
pub struct AppConfig {
    /// Where profiles live; `None` when no config folder can be found.
    pub vault: Option<Vault>,
    pub clock: Clock,
    /// The zone times are shown in (read once at start-up: reading it later,
    /// with threads running, is not reliable on Unix).
    pub local_offset: UtcOffset,
    pub jobs: JobsConfig,
    /// Where copies go: the system clipboard, or an in-memory one in tests.
    pub clipboard: Box<dyn Clipboard>,
    /// The language `--lang` named for this run: it wins over the one
    /// picked in the window and remembered, until another is picked.
    pub lang_argument: Option<Lang>,
    /// Where the font for Chinese comes from (the system's, but for tests).
    pub cjk_font: CjkFontSource,
    /// Where profiles and passwords are kept (the team store already in
    /// use, when chosen), or why the store chosen cannot be used; `None`
    /// for the demo's store in memory.
    pub store: Option<Result<StoreChoice, String>>,
}

impl AppConfig {
    /// The user's vault, the system clock, clipboard and fonts, the given
    /// zone, and `--lang`'s language.
    pub fn from_env(local_offset: UtcOffset, lang_argument: Option<Lang>) -> Self {
        let paths = Paths::from_env().ok();
        // The team store, when chosen, before anything reads a secret; if
        // it cannot be used, every secret is refused with why (nothing is
        // read from, or staged in, a store the admin did not choose), and
        // the store settings can still be changed.
        let store = match &paths {
            Some(paths) => crate::vault::team::activate_or_refuse(paths).map_err(|e| e.to_string()),
            None => Ok(StoreChoice::Keyring),
        };
        AppConfig {
            vault: paths.map(Vault::new),
            clock: system_clock(),
            local_offset,
            jobs: JobsConfig::default(),
            clipboard: Box::new(SystemClipboard::default()),
            lang_argument,
            cjk_font: CjkFontSource::System,
            store: Some(store),
        }
    }
}

impl KeyturnApp {
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Result<Self, String> {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let clipboard_settings: ClipboardSettings = cc
            .storage
            .and_then(|s| eframe::get_value(s, CLIPBOARD_KEY))
            .unwrap_or_default();
        let idle_settings: IdleSettings = cc
            .storage
            .and_then(|s| eframe::get_value(s, IDLE_KEY))
            .unwrap_or_default();
        let test_every_change: bool = cc
            .storage
            .and_then(|s| eframe::get_value(s, TEST_NEW_KEY))
            .unwrap_or_default();
        let cjk = Arc::new(CjkFonts::new(config.cjk_font));
        crate::ui::fonts::install_with(&cc.egui_ctx, cjk.clone());
        let remembered: Option<String> =
            cc.storage.and_then(|s| eframe::get_value(s, LANGUAGE_KEY));
        // Before anything is worded, an error of the start included.
        let mut language = LanguagePicker::new(config.lang_argument, remembered.as_deref(), cjk);
        language.apply();
        let egui_ctx = cc.egui_ctx.clone();
        let mut jobs = Jobs::new(
            config.jobs,
            config.vault,
            config.clock.clone(),
            Arc::new(move || egui_ctx.request_repaint()),
        )
        .map_err(|e| job_error(&e))?;
        let mut sidebar = Sidebar::default();
        sidebar.loading(jobs.read_index());
        // Changes left open by an earlier run are shown from the start.
        let journal_loading = Some(jobs.read_journal());
        // Typed secrets are forgotten when the screen locks.
        jobs.watch_screen_lock();
        let idle = IdleGuard::new(idle_settings, (config.clock)());
        Ok(KeyturnApp {
            jobs,
            clock: config.clock,
            local: config.local_offset,
            view: View::Change,
            sidebar,
            form: FormPanel::new(prefs),
            results: ResultsPanel::new(test_every_change),
            recovery: RecoveryPanel::default(),
            history: HistoryPanel::default(),
            credentials: CredentialsPanel::default(),
            clipboard: ClipboardGuard::new(config.clipboard, clipboard_settings),
            idle,
            language,
            store: config.store,
            journal_loading,
            journal_read_at: None,
            actions: Vec::new(),
            first_frame: crate::ui::first_frame::FirstFrame::from_env(),
            demo_band: None,
        })
    }

    /// The app in demo mode: the demo's band above everything else.
    pub fn with_demo_band(mut self, hint: DemoHint) -> Self {
        self.demo_band = Some(hint);
        self
    }
}

/// The window: its title, icon, size and renderer.
pub fn window_options(title: &str) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id(APP_ID)
        .with_inner_size([1180.0, 760.0])
        .with_min_inner_size([760.0, 480.0]);
    // The icon is bundled, so a failure here is a build problem; the window
    // still opens without it.
    match eframe::icon_data::from_png_bytes(crate::assets::window_icon_png()) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => tracing::warn!(error = %e, "the window icon could not be read"),
    }
    eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        // Dithering hides banding in gradients; Keyturn draws flat colours
        // only, and under software GL the per-pixel noise was a measurable
        // share of each countdown tick (BENCHMARKS.md).
        dithering: false,
        ..Default::default()
    }
}

/// Opens the window and runs until it is closed.
pub fn run_native(config: AppConfig) -> Result<(), String> {
    let options = window_options("Keyturn");
    eframe::run_native(
        "Keyturn",
        options,
        Box::new(move |cc| Ok(Box::new(KeyturnApp::new(cc, config)?))),
    )
    .map_err(|e| tr!("app-window-failed", error = e.to_string()))
}
