//! Starting the desktop app: what it is started with ([`AppConfig`]),
//! the app made from it and from what the window's storage remembers
//! (forms, clipboard setting, language), and the window it runs in.

use std::path::PathBuf;
use std::sync::Arc;

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
use crate::ui::window::{Storage, WindowOptions};
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
    /// The app in `ctx`, with the choices `storage` remembers.
    pub fn new(ctx: &egui::Context, storage: &Storage, config: AppConfig) -> Result<Self, String> {
        let prefs: Prefs = storage.get(PREFS_KEY).unwrap_or_default();
        let clipboard_settings: ClipboardSettings = storage.get(CLIPBOARD_KEY).unwrap_or_default();
        let idle_settings: IdleSettings = storage.get(IDLE_KEY).unwrap_or_default();
        let test_every_change: bool = storage.get(TEST_NEW_KEY).unwrap_or_default();
        let cjk = Arc::new(CjkFonts::new(config.cjk_font));
        crate::ui::fonts::install_with(ctx, cjk.clone());
        let remembered: Option<String> = storage.get(LANGUAGE_KEY);
        // Before anything is worded, an error of the start included.
        let mut language = LanguagePicker::new(config.lang_argument, remembered.as_deref(), cjk);
        language.apply();
        let egui_ctx = ctx.clone();
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

/// The window: its title, icon and size, and the file its choices are
/// kept in (`None`: kept only while it runs).
pub fn window_options(title: &str, storage_file: Option<PathBuf>) -> WindowOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id(APP_ID)
        .with_inner_size([1180.0, 760.0])
        .with_min_inner_size([760.0, 480.0]);
    // The icon is bundled, so a failure here is a build problem; the window
    // still opens without it.
    match crate::ui::window::icon::decode_png(crate::assets::window_icon_png()) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => tracing::warn!(error = %e, "the window icon could not be read"),
    }
    WindowOptions {
        viewport,
        storage_file,
    }
}

/// The file the window's choices are kept in, in Keyturn's data folder.
pub fn storage_file() -> Option<PathBuf> {
    Paths::from_env()
        .ok()
        .map(|paths| paths.data_dir.join(STORAGE_FILE))
}

/// The name of the file the window's choices are kept in.
pub const STORAGE_FILE: &str = "window.json";

/// Opens the window and runs until it is closed.
pub fn run_native(config: AppConfig) -> Result<(), String> {
    let options = window_options("Keyturn", storage_file());
    crate::ui::window::run(options, move |ctx, storage| {
        Ok(Box::new(KeyturnApp::new(ctx, storage, config)?))
    })
    .map_err(|e| tr!("app-window-failed", error = e.to_string()))
}
