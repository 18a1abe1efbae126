//! The desktop app in demo mode (`keyturn --demo`): the ordinary app over
//! [`crate::demo::Demo`]'s vault, with a band across the top that says it
//! is a demo and what to try, and a window title that says so too.
//!
//! The demo remembers nothing: the window's storage (window size, choices)
//! is kept in the demo's throwaway folder. Ctrl+C or SIGTERM closes the
//! window, so that folder is removed then too.

use time::UtcOffset;

use crate::demo::{ANSWER_TIMEOUT, Demo, FORCED_EXIT_AFTER};
use crate::i18n::Lang;
use crate::jobs::JobsConfig;
use crate::jobs::system_clock;
use crate::transport::TransportConfig;
use crate::ui::app::{AppConfig, KeyturnApp, STORAGE_FILE, window_options};
use crate::ui::clipboard::SystemClipboard;
pub use crate::ui::demo_band::DemoHint;
use crate::ui::fonts::CjkFontSource;

/// The window title in demo mode.
pub fn title() -> String {
    crate::tr!("app-demo-title")
}

/// How the app's background jobs run in the demo: nothing sent off this
/// computer, a two-second pause before each send, so that *Cancel* can be
/// tried, and a short wait for answers (see [`ANSWER_TIMEOUT`]).
pub fn jobs_config() -> JobsConfig {
    JobsConfig {
        transport: TransportConfig {
            total_timeout: ANSWER_TIMEOUT,
            // The band says nothing leaves this computer: a profile added
            // or imported during the demo that points at a real cloud is
            // refused, not sent.
            stay_on_this_computer: true,
            ..TransportConfig::default()
        },
        hold_before_send: std::time::Duration::from_secs(2),
        ..JobsConfig::default()
    }
}

/// The demo's app configuration: its vault, the system clock and clipboard,
/// and jobs that pause before sending (see [`jobs_config`]).
pub fn app_config(demo: &Demo, local_offset: UtcOffset, lang_argument: Option<Lang>) -> AppConfig {
    AppConfig {
        vault: Some(demo.vault().clone()),
        clock: system_clock(),
        local_offset,
        jobs: jobs_config(),
        clipboard: Box::new(SystemClipboard::default()),
        lang_argument,
        cjk_font: CjkFontSource::System,
        store: None,
    }
}

/// Opens the demo window and runs until it is closed.
pub fn run_native(
    demo: &Demo,
    local_offset: UtcOffset,
    lang_argument: Option<Lang>,
) -> Result<(), String> {
    let options = window_options(&title(), Some(demo.dir().join(STORAGE_FILE)));
    let config = app_config(demo, local_offset, lang_argument);
    let hint = DemoHint::new(demo.emulator_url());
    crate::ui::window::run(options, move |ctx, storage| {
        // Ctrl+C or SIGTERM closes the window as the user would, so the
        // demo's folder is removed as after any close.
        let close_ctx = ctx.clone();
        let close = move || close_ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        if let Err(e) = demo.on_stop_signal(close, FORCED_EXIT_AFTER) {
            tracing::warn!(error = %e, "stop signals are not caught; a signal would leave the demo's folder behind");
        }
        Ok(Box::new(
            KeyturnApp::new(ctx, storage, config)?.with_demo_band(hint),
        ))
    })
    .map_err(|e| crate::tr!("app-demo-window-failed", error = e.to_string()))
}
