//! The app the window runs (`window::App`): the panels it owns, each frame, and their layout.
//! Starting it and its window are in `start.rs`; carrying out what the
//! panels ask for ([`Action`]s) and handing each background job's report
//! to the panel that started it, in `dispatch.rs`. It holds no UI state of
//! its own beyond that routing and which view is shown.
//!
//! Layout: in demo mode the demo's band first; the views' tabs at the
//! top, then (while any exists) the banner of changes with an unknown
//! result; the sidebar on the left, results on the right, and in the
//! middle the chosen view: a form, the credentials, or the history. The
//! side panels keep to width ranges that leave the form room for its
//! fields, and give way first when the window is narrow; their text wraps
//! rather than widening them.
//!
//! Repaints: egui repaints on input; a job's report wakes the window
//! through the waker given to [`Jobs`]; while a countdown is visible the
//! app asks for one repaint a second later, and while a copied secret
//! waits to be cleared, one when it is due. With nothing counting down and
//! no job running it asks for nothing, so an idle window costs no CPU.

use std::time::Duration;

use egui::{RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::jobs::{Clock, JobId, Jobs};
use crate::tr;
use crate::ui::clipboard::{ClipboardGuard, ClipboardSettings};
use crate::ui::credentials::{CredentialsCtx, CredentialsPanel};
use crate::ui::demo_band::DemoHint;
use crate::ui::form::{FormCtx, FormPanel, Prefs};
use crate::ui::history::HistoryPanel;
use crate::ui::idle::{Due, Forgotten, IdleGuard, IdleSettings};
use crate::ui::language::LanguagePicker;
use crate::ui::recovery::{RecoveryCtx, RecoveryPanel};
use crate::ui::results::ResultsPanel;
use crate::ui::sidebar::Sidebar;
use crate::ui::widgets::keep_focus_in_view;
use crate::ui::widgets::password::take_copy_request;
use crate::ui::window::Storage;
use crate::ui::{Action, View};
use crate::vault::team::StoreChoice;

/// Where the remembered choices are kept in the window's storage.
pub(super) const PREFS_KEY: &str = "keyturn.prefs";
/// The clipboard setting (how soon a copied secret is cleared).
pub(super) const CLIPBOARD_KEY: &str = "keyturn.clipboard";
/// How often the journal is read while another window or command changes
/// a resource with an open attempt.
const WATCH_UNDER_WAY_EVERY: time::Duration = time::Duration::seconds(2);

/// The idle setting (how soon typed secrets are forgotten).
pub(super) const IDLE_KEY: &str = "keyturn.idle";
/// Whether each new password is tested after a confirmed change.
pub(super) const TEST_NEW_KEY: &str = "keyturn.test_new";
/// The language picked in the window (a tag), absent to follow the system.
pub(super) const LANGUAGE_KEY: &str = "keyturn.language";

pub use crate::ui::start::{AppConfig, STORAGE_FILE, run_native, window_options};

/// The sidebar takes a share of the window's width, within these bounds.
/// It follows the window (it is not dragged), so shrinking the window and
/// growing it again gives the same layout as opening it at that size.
const SIDEBAR_SHARE: f32 = 0.22;
/// Wide enough for the longest operation name on one line.
const SIDEBAR_MIN: f32 = 250.0;
const SIDEBAR_MAX: f32 = 300.0;
/// The results panel beside the form, within these bounds.
const RESULTS_MIN: f32 = 280.0;
const RESULTS_MAX: f32 = 460.0;
/// The room a form needs: its labels, a 240-point field, its Show or
/// Fill button and the scroll bar. Narrower than this beside the results
/// panel, the results fold under the form instead.
const FORM_MIN_WIDTH: f32 = 600.0;

/// The View menu: the language, the theme (as the system has it, light or
/// dark; egui remembers the choice between runs) and the zoom, with its
/// keys.
fn view_menu(ui: &mut Ui, language: &mut LanguagePicker) {
    ui.menu_button(tr!("app-menu-view"), |ui| {
        language.menu_ui(ui);
        ui.separator();
        ui.label(RichText::new(tr!("app-menu-theme")).strong());
        let mut theme = ui.ctx().options(|o| o.theme_preference);
        let before = theme;
        ui.radio_value(
            &mut theme,
            egui::ThemePreference::System,
            tr!("app-menu-theme-system"),
        );
        ui.radio_value(
            &mut theme,
            egui::ThemePreference::Light,
            tr!("app-menu-theme-light"),
        );
        ui.radio_value(
            &mut theme,
            egui::ThemePreference::Dark,
            tr!("app-menu-theme-dark"),
        );
        if theme != before {
            ui.ctx().set_theme(theme);
        }
        ui.separator();
        ui.label(RichText::new(tr!("app-menu-zoom")).strong());
        zoom_buttons(ui);
    })
    .response
    .on_hover_text(tr!("app-menu-view-hint"));
}

/// Zoom in, out and back, in the interface's language, with their keys
/// (egui's own buttons say it in English only).
fn zoom_buttons(ui: &mut Ui) {
    use egui::gui_zoom::{kb_shortcuts, zoom_in, zoom_out};
    let ctx = ui.ctx().clone();
    let zoom = ctx.zoom_factor();
    let button = |text: String, shortcut: &egui::KeyboardShortcut| {
        egui::Button::new(text).shortcut_text(ctx.format_shortcut(shortcut))
    };
    // egui's own limits: from a fifth to five times the size.
    if ui
        .add_enabled(
            zoom < 5.0,
            button(tr!("app-menu-zoom-in"), &kb_shortcuts::ZOOM_IN),
        )
        .clicked()
    {
        zoom_in(&ctx);
    }
    if ui
        .add_enabled(
            zoom > 0.2,
            button(tr!("app-menu-zoom-out"), &kb_shortcuts::ZOOM_OUT),
        )
        .clicked()
    {
        zoom_out(&ctx);
    }
    if ui
        .add_enabled(
            zoom != 1.0,
            button(tr!("app-menu-zoom-reset"), &kb_shortcuts::ZOOM_RESET),
        )
        .clicked()
    {
        ctx.set_zoom_factor(1.0);
    }
}

/// The widths of the side panels for a window `width` points wide.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Layout {
    sidebar: f32,
    /// `None`: the results fold under the form.
    results: Option<f32>,
}

impl Layout {
    fn for_width(width: f32) -> Layout {
        let sidebar = (width * SIDEBAR_SHARE).clamp(SIDEBAR_MIN, SIDEBAR_MAX);
        let beside = width - sidebar - FORM_MIN_WIDTH;
        Layout {
            sidebar,
            results: (beside >= RESULTS_MIN).then(|| beside.min(RESULTS_MAX)),
        }
    }
}

/// The desktop app.
pub struct KeyturnApp {
    pub(super) jobs: Jobs,
    pub(super) clock: Clock,
    pub(super) local: UtcOffset,
    pub(super) view: View,
    pub(super) sidebar: Sidebar,
    pub(super) form: FormPanel,
    pub(super) results: ResultsPanel,
    pub(super) recovery: RecoveryPanel,
    pub(super) history: HistoryPanel,
    pub(super) credentials: CredentialsPanel,
    pub(super) clipboard: ClipboardGuard,
    /// When typed secrets are forgotten for want of input.
    pub(super) idle: IdleGuard,
    pub(super) language: LanguagePicker,
    pub(super) store: Option<Result<StoreChoice, String>>,
    /// The journal read whose answer is awaited; older ones are stale.
    pub(super) journal_loading: Option<JobId>,
    /// When the journal was last read (it is read again every few seconds
    /// while another window changes a resource with an open attempt).
    pub(super) journal_read_at: Option<OffsetDateTime>,
    pub(super) actions: Vec<Action>,
    pub(super) first_frame: crate::ui::first_frame::FirstFrame,
    /// `keyturn --demo`'s band across the top; `None` in the real app.
    pub(super) demo_band: Option<DemoHint>,
}

impl KeyturnApp {
    /// The choices that would be remembered if the app saved now (never a
    /// secret; the tests check that).
    pub fn remembered(&self) -> Prefs {
        self.form.prefs()
    }

    /// The language that would be remembered if the app saved now (a tag),
    /// `None` to follow the system.
    pub fn remembered_language(&self) -> Option<&'static str> {
        self.language.remembered()
    }

    /// The idle setting that would be remembered.
    pub fn idle_settings(&self) -> IdleSettings {
        self.idle.settings
    }

    /// Whether any panel holds a secret typed (or revealed) in it.
    fn holds_typed_secrets(&self) -> bool {
        self.form.holds_typed_secrets()
            || self.credentials.holds_typed_secrets()
            || self.recovery.holds_typed_secrets()
    }

    /// Forgets every secret typed into the window, and hides a revealed
    /// one; the forms that held one say `why`.
    pub(super) fn forget_typed_secrets(&mut self, why: Forgotten) {
        self.form.forget_typed_secrets(&why.words());
        self.credentials.forget_typed_secrets();
        self.recovery.forget_typed_secrets();
    }

    /// The clipboard setting that would be remembered.
    pub fn clipboard_settings(&self) -> ClipboardSettings {
        self.clipboard.settings
    }

    /// Whether a read of the profile index, the journal or what is known
    /// of a form's resource is still awaited. Every change ends with the
    /// first two, and their answers can move things on screen (the banner
    /// of open attempts comes and goes, a known lock appears): the tests
    /// wait for them before they click.
    pub fn reloading(&self) -> bool {
        self.journal_loading.is_some() || self.sidebar.is_loading() || self.form.looking_ahead()
    }
}

impl crate::ui::window::App for KeyturnApp {
    fn logic(&mut self, ctx: &egui::Context) {
        // A blinking cursor repaints twice a second for as long as a field
        // has focus; an idle window must cost nothing (DESIGN.md §8), so the
        // cursor stays solid. Checked each frame: a theme change resets it.
        // Fold-out headers get a frame, so the keyboard focus on one shows
        // as a frame, not only as brighter text.
        let visuals = &ctx.global_style().visuals;
        if visuals.text_cursor.blink || !visuals.collapsing_header_frame {
            ctx.all_styles_mut(|style| {
                style.visuals.text_cursor.blink = false;
                style.visuals.collapsing_header_frame = true;
            });
        }
        self.drain_jobs();
        let now = (self.clock)();
        // A copied secret is cleared when due, whichever view is shown.
        if let Some(left) = self.clipboard.tick(now) {
            ctx.request_repaint_after(left.unsigned_abs());
        }
        // What another window or command did shows without a click: read
        // again when the window gets the focus back, and every few seconds
        // while an open attempt's resource is being changed elsewhere.
        if ctx.input(|i| i.events.contains(&egui::Event::WindowFocused(true))) {
            self.actions.push(Action::ReloadJournal);
            self.actions.push(Action::ReloadProfiles);
        }
        if self.recovery.watches_under_way() && self.journal_loading.is_none() {
            let due = self
                .journal_read_at
                .map_or(now, |at| at + WATCH_UNDER_WAY_EVERY);
            if now >= due {
                self.actions.push(Action::ReloadJournal);
            } else if let Ok(left) = std::time::Duration::try_from(due - now) {
                ctx.request_repaint_after(left);
            }
        }
        // Typed secrets go after the idle time without input.
        ctx.input(|input| self.idle.saw_input(input, now));
        match self.idle.due(now, self.holds_typed_secrets()) {
            Due::Now(why) => self.forget_typed_secrets(why),
            Due::After(left) => ctx.request_repaint_after(left),
            Due::Nothing => {}
        }
        self.first_frame.next_frame_began();
    }

    fn ui(&mut self, ui: &mut Ui) {
        let now = (self.clock)();
        let Self {
            view,
            sidebar,
            form,
            results,
            recovery,
            history,
            credentials,
            clipboard,
            idle,
            language,
            store,
            actions,
            local,
            demo_band,
            ..
        } = self;
        // The window's name for screen readers (its title bar's is the
        // system's).
        ui.ctx()
            .accesskit_node_builder(egui::accesskit_root_id(), |node| {
                node.set_label(tr!("app-window-name"));
            });
        if let Some(band) = demo_band {
            band.ui(ui);
        }
        let current = form.current();
        let profile = form.current_profile().map(str::to_owned);
        let style = ui.style().clone();
        egui::Panel::top("views")
            .frame(bare(egui::Frame::side_top_panel(&style)))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (v, label) in [
                        (View::Change, tr!("app-view-change")),
                        (View::Credentials, tr!("app-view-credentials")),
                        (View::History, tr!("app-view-history")),
                    ] {
                        if ui.selectable_label(*view == v, label).clicked() && *view != v {
                            actions.push(Action::Show(v));
                        }
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        view_menu(ui, language);
                    });
                });
                if language.has_notice() {
                    language.notices_ui(ui);
                }
            });
        if recovery.has_open() {
            egui::Panel::top("recovery")
                .frame(
                    egui::Frame::side_top_panel(ui.style())
                        .fill(ui.visuals().extreme_bg_color)
                        .stroke(egui::Stroke::new(2.0, ui.visuals().warn_fg_color)),
                )
                .show(ui, |ui| {
                    recovery.ui(
                        ui,
                        RecoveryCtx {
                            profiles: sidebar.profiles(),
                            local: *local,
                            now,
                            actions,
                        },
                    );
                });
        }
        // Widths follow the window: the sidebar takes its share, the form
        // keeps FORM_MIN_WIDTH, and the results panel sits beside the form
        // only when both fit; otherwise the results fold under the form.
        // Text wraps rather than widening a panel.
        let layout = Layout::for_width(ui.available_width());
        egui::Panel::left("sidebar")
            .frame(bare(egui::Frame::side_top_panel(&style)))
            .resizable(false)
            .exact_size(layout.sidebar)
            .show(ui, |ui| {
                sidebar.ui(ui, current, profile.as_deref(), actions)
            });
        let mut counting = false;
        if let Some(width) = layout.results {
            counting |= egui::Panel::right("results")
                .frame(bare(egui::Frame::side_top_panel(&style)))
                .resizable(false)
                .exact_size(width)
                .show(ui, |ui| results.ui(ui, now, *local, actions))
                .inner;
        }
        egui::CentralPanel::default()
            .frame(bare(egui::Frame::central_panel(&style)))
            .show(ui, |ui| match view {
                View::Change => {
                    // The form wraps to the width it has; only in a window
                    // too narrow for its fields does it scroll sideways too.
                    // Each operation keeps its own scroll position and
                    // opens at its top.
                    egui::ScrollArea::both()
                        .id_salt(("form_scroll", current.id))
                        .show(ui, |ui| {
                            counting |= form.ui(
                                ui,
                                FormCtx {
                                    profiles: sidebar.profiles(),
                                    now,
                                    local: *local,
                                    actions,
                                    clipboard,
                                },
                            );
                            // What the form copied (the command line, a
                            // password's selection) and its countdown.
                            counting |= clipboard.status_ui(ui, now);
                            if layout.results.is_none() {
                                ui.add_space(12.0);
                                ui.separator();
                                counting |= results.contents(ui, now, *local, actions);
                            }
                            keep_focus_in_view(ui);
                        });
                }
                View::Credentials => {
                    counting |= credentials.ui(
                        ui,
                        CredentialsCtx {
                            store,
                            now,
                            local: *local,
                            clipboard,
                            idle,
                            actions,
                        },
                    );
                }
                View::History => {
                    counting |= history.ui(ui, now, *local, actions);
                }
            });
        if *view != View::Credentials {
            // A revealed secret is shown only while the user looks at it.
            credentials.hide();
        }
        // Ctrl+C in a secret field that shows its text: copied as a secret.
        if let Some(selection) = take_copy_request(ui.ctx()) {
            self.clipboard
                .copy_secret(tr!("app-clipboard-selection"), &selection, now);
            counting = true;
        }
        self.run_actions(ui);
        if counting {
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        self.first_frame.frame_drawn(ui.ctx());
    }

    /// The panels' background, painted by the clear that starts every
    /// frame (see [`bare`]).
    fn clear_color(&self, visuals: &egui::Visuals) -> egui::Color32 {
        visuals.panel_fill
    }

    fn save(&mut self, storage: &mut Storage) {
        storage.set(PREFS_KEY, &self.form.prefs());
        storage.set(CLIPBOARD_KEY, &self.clipboard.settings);
        storage.set(IDLE_KEY, &self.idle.settings);
        storage.set(TEST_NEW_KEY, &self.results.test_every_change);
        storage.set(LANGUAGE_KEY, &self.language.remembered());
    }

    fn on_exit(&mut self) {
        // A copied secret must not outlive the app on the clipboard.
        self.clipboard.on_exit();
    }
}

/// A panel's frame without its fill: the window is cleared to the panels'
/// colour (`clear_color`), so painting it again would only paint every
/// pixel twice, and on the CPU painting pixels is most of a repaint's cost
/// (BENCHMARKS.md, the countdown tick).
fn bare(frame: egui::Frame) -> egui::Frame {
    frame.fill(egui::Color32::TRANSPARENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_results_sit_beside_the_form_only_when_both_fit() {
        let wide = Layout::for_width(1600.0);
        assert_eq!(wide.sidebar, SIDEBAR_MAX);
        assert_eq!(wide.results, Some(RESULTS_MAX));
        let laptop = Layout::for_width(1024.0);
        assert!(laptop.results.is_none(), "{laptop:?}");
        assert!(1024.0 - laptop.sidebar >= FORM_MIN_WIDTH);
        let minimum = Layout::for_width(760.0);
        assert_eq!(minimum.sidebar, SIDEBAR_MIN);
        assert_eq!(minimum.results, None);
        assert!(760.0 - minimum.sidebar >= 500.0, "{minimum:?}");
        // Shrinking and growing again: the widths depend on the width only.
        assert_eq!(Layout::for_width(1600.0), wide);
    }
}
