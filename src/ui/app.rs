//! The `eframe::App`: lays out the three panels, carries out what they ask
//! for ([`Action`]s), and hands each background job's report to the panel
//! that started it. It holds no UI state of its own beyond that routing.
//!
//! Repaints: egui repaints on input; a job's report wakes the window
//! through the waker given to [`Jobs`]; while a countdown is visible the
//! app asks for one repaint a second later. With nothing counting down and
//! no job running it asks for nothing, so an idle window costs no CPU.

use std::sync::Arc;
use std::time::Duration;

use eframe::egui;
use eframe::egui::Ui;
use time::UtcOffset;

use crate::jobs::{Clock, Event, Jobs, JobsConfig, system_clock};
use crate::ui::Action;
use crate::ui::form::{FormCtx, FormPanel, Prefs};
use crate::ui::results::ResultsPanel;
use crate::ui::sidebar::Sidebar;
use crate::vault::{APP_ID, Paths, Vault};

/// Where the remembered choices are kept in eframe's storage.
const PREFS_KEY: &str = "keyturn.prefs";

/// What the app is started with; tests pin the clock and the zone.
pub struct AppConfig {
    /// Where profiles live; `None` when no config folder can be found.
    pub vault: Option<Vault>,
    pub clock: Clock,
    /// The zone times are shown in (read once at start-up: reading it later,
    /// with threads running, is not reliable on Unix).
    pub local_offset: UtcOffset,
    pub jobs: JobsConfig,
}

impl AppConfig {
    /// The user's vault, the system clock, and the given zone.
    pub fn from_env(local_offset: UtcOffset) -> Self {
        AppConfig {
            vault: Paths::from_env().ok().map(Vault::new),
            clock: system_clock(),
            local_offset,
            jobs: JobsConfig::default(),
        }
    }
}

/// The desktop app.
pub struct KeyturnApp {
    jobs: Jobs,
    clock: Clock,
    local: UtcOffset,
    sidebar: Sidebar,
    form: FormPanel,
    results: ResultsPanel,
    actions: Vec<Action>,
    first_frame: crate::ui::first_frame::FirstFrame,
}

impl KeyturnApp {
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Result<Self, String> {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        crate::ui::fonts::install(&cc.egui_ctx);
        let egui_ctx = cc.egui_ctx.clone();
        let mut jobs = Jobs::new(
            config.jobs,
            config.vault,
            config.clock.clone(),
            Arc::new(move || egui_ctx.request_repaint()),
        )?;
        let mut sidebar = Sidebar::default();
        sidebar.loading(jobs.read_index());
        Ok(KeyturnApp {
            jobs,
            clock: config.clock,
            local: config.local_offset,
            sidebar,
            form: FormPanel::new(prefs),
            results: ResultsPanel::default(),
            actions: Vec::new(),
            first_frame: crate::ui::first_frame::FirstFrame::from_env(),
        })
    }

    /// The choices that would be remembered if the app saved now (never a
    /// secret; the tests check that).
    pub fn remembered(&self) -> Prefs {
        self.form.prefs()
    }

    /// Hands each finished job's report to whoever is waiting for it.
    fn drain_jobs(&mut self) {
        for report in self.jobs.drain() {
            let id = report.id;
            match report.event {
                Event::Index(result) => {
                    self.sidebar.index_read(id, result);
                    self.form.profiles_changed();
                    if let Some(profile) = self.form.current_profile() {
                        self.actions.push(Action::CheckKey {
                            op: self.form.current(),
                            profile: profile.to_owned(),
                        });
                    }
                }
                Event::KeyFound(result) => self.form.key_found(id, result),
                event @ (Event::Handed
                | Event::Answered { .. }
                | Event::Cancelled
                | Event::NotStarted(_)) => {
                    self.form.send_event(id, &event);
                    self.results.send_event(id, event);
                }
                // The credentials view (to come) will show these.
                Event::Verified(_) => tracing::debug!(%id, "verification finished"),
            }
        }
    }

    /// Carries out what the panels asked for during the frame.
    fn run_actions(&mut self, ui: &Ui) {
        if self.actions.is_empty() {
            return;
        }
        while !self.actions.is_empty() {
            for action in std::mem::take(&mut self.actions) {
                self.run(action);
            }
        }
        // Show the effect now rather than at the next input.
        ui.ctx().request_repaint();
    }

    fn run(&mut self, action: Action) {
        match action {
            Action::SelectOperation(op) => self.form.select(op),
            Action::SelectProfile(name) => {
                if let Some(profile) = self.sidebar.profiles().iter().find(|p| p.name == name) {
                    self.form.use_profile(profile, &mut self.actions);
                }
            }
            Action::ReloadProfiles => self.sidebar.loading(self.jobs.read_index()),
            Action::CheckKey { op, profile } => {
                let id = self.jobs.check_key(&profile);
                self.form.key_check_started(op, id, profile);
            }
            Action::Send { job, summary } => {
                let op = summary.op;
                let id = self.jobs.send(*job);
                self.form.send_started(op, id);
                self.results.started(id, *summary, (self.clock)());
            }
            Action::Cancel(id) => {
                let result = self.jobs.cancel(id);
                self.form.cancel_result(id, result);
            }
            Action::ChangeOnlyExpiry { op, values, region } => {
                self.form.change_only_expiry(op, values, region);
            }
        }
    }
}

impl eframe::App for KeyturnApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // A blinking cursor repaints twice a second for as long as a field
        // has focus; an idle window must cost nothing (DESIGN.md §8), so the
        // cursor stays solid. Checked each frame: a theme change resets it.
        if ctx.global_style().visuals.text_cursor.blink {
            ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = false);
        }
        self.drain_jobs();
        self.first_frame.next_frame_began();
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let now = (self.clock)();
        let Self {
            sidebar,
            form,
            results,
            actions,
            local,
            ..
        } = self;
        let current = form.current();
        let profile = form.current_profile().map(str::to_owned);
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(290.0)
            .min_size(200.0)
            .show(ui, |ui| {
                sidebar.ui(ui, current, profile.as_deref(), actions)
            });
        let counting = egui::Panel::right("results")
            .resizable(true)
            .default_size(360.0)
            .min_size(320.0)
            .show(ui, |ui| results.ui(ui, now, *local, actions))
            .inner;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                form.ui(
                    ui,
                    FormCtx {
                        profiles: sidebar.profiles(),
                        now,
                        local: *local,
                        actions,
                    },
                );
            });
        });
        self.run_actions(ui);
        if counting {
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        self.first_frame.frame_drawn(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.form.prefs());
    }
}

/// The window: its title, size and renderer.
pub fn window_options(title: &str) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id(APP_ID)
            .with_inner_size([1180.0, 760.0])
            .with_min_inner_size([760.0, 480.0]),
        renderer: eframe::Renderer::Glow,
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
    .map_err(|e| format!("could not open the window: {e}"))
}
