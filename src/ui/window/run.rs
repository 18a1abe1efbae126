//! The event loop: winit's events go to egui, each frame egui asks for is
//! run, tessellated, painted on the CPU and shown with softbuffer, and the
//! loop sleeps until the next event or the next repaint egui asked for.
//!
//! The app's jobs ask for repaints from their own threads
//! ([`egui::Context::request_repaint`]); egui passes those to the loop as a
//! user event, so the loop never polls. The screen reader's requests
//! arrive the same way, from AccessKit's thread.

use std::num::{NonZeroU32, NonZeroUsize};
use std::rc::Rc;
use std::time::{Duration, Instant};

use egui::{ViewportCommand, ViewportEvent, ViewportId, ViewportInfo};
use egui_winit::accesskit_winit;
use egui_winit::winit;
use winit::application::ApplicationHandler;
use winit::dpi::LogicalSize;
use winit::event::WindowEvent;
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop, EventLoopProxy};
use winit::window::{Window, WindowId};

use super::frame::{Frame, FramePainter};
use super::storage::{EGUI_MEMORY, Storage};
use super::{AUTOSAVE_EVERY, App, WindowOptions};

/// The key the window's inner size (in points) is remembered under.
const WINDOW_SIZE_KEY: &str = "window-size";

/// The widest texture egui may ask for. egui sizes its glyph atlas by
/// this; Keyturn draws a few hundred glyphs, which fit easily in egui's
/// portable default of 2,048, and a wider atlas would only be megabytes
/// of empty pixels.
const MAX_TEXTURE_SIDE: usize = 2048;

/// The largest side a remembered size may have before the screen is
/// known (a 8K screen's width).
const LARGEST_REMEMBERED_SIDE: f32 = 7680.0;

/// The remembered inner size to open with, if it is one: finite and at
/// least the window's minimum; a side larger than any screen is cut down.
fn remembered_size([width, height]: [f32; 2], min: Option<egui::Vec2>) -> Option<egui::Vec2> {
    let min = min.unwrap_or(egui::Vec2::splat(1.0));
    let size = egui::vec2(width, height);
    (size.is_finite() && size.x >= min.x && size.y >= min.y)
        .then(|| size.min(egui::Vec2::splat(LARGEST_REMEMBERED_SIDE)))
}

/// `size` cut down to fit on a screen of `screen` points, never below the
/// window's minimum.
fn fit_on_screen(size: egui::Vec2, screen: egui::Vec2, min: Option<egui::Vec2>) -> egui::Vec2 {
    let fitted = size.min(screen);
    min.map_or(fitted, |min| fitted.max(min))
}

/// Why the window could not run.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    /// No display to open a window on, or the event loop failed.
    #[error("{0}")]
    EventLoop(#[from] winit::error::EventLoopError),
    #[error("{0}")]
    Window(#[from] winit::error::OsError),
    /// The window cannot show a pixel buffer.
    #[error("{0}")]
    Surface(#[from] softbuffer::SoftBufferError),
    /// The app refused to start, with why (already in the user's words).
    #[error("{0}")]
    App(String),
}

/// What reaches the loop from other threads.
#[derive(Debug)]
enum UserEvent {
    /// egui wants a frame at this time (now, for most).
    Repaint { at: Instant },
    /// The screen reader asked for the tree or an action.
    AccessKit(accesskit_winit::Event),
}

impl From<accesskit_winit::Event> for UserEvent {
    fn from(event: accesskit_winit::Event) -> Self {
        UserEvent::AccessKit(event)
    }
}

/// Opens the window, runs `make_app`'s app in it until the window is
/// closed, and saves what the app remembers.
pub fn run(
    options: WindowOptions,
    make_app: impl FnOnce(&egui::Context, &Storage) -> Result<Box<dyn App>, String>,
) -> Result<(), WindowError> {
    let event_loop = EventLoop::<UserEvent>::with_user_event().build()?;
    let storage = options
        .storage_file
        .map_or_else(Storage::in_memory, Storage::open);
    let ctx = egui::Context::default();
    // A frame may ask for a second pass (egui's request_discard).
    ctx.options_mut(|o| o.max_passes = NonZeroUsize::MIN.saturating_add(1));
    if let Some(memory) = storage.get_egui_memory(EGUI_MEMORY) {
        ctx.memory_mut(|m| *m = memory);
    }
    let proxy = event_loop.create_proxy();
    let repaint_proxy = proxy.clone();
    ctx.set_request_repaint_callback(move |info| {
        let at = Instant::now() + info.delay.min(Duration::from_secs(86_400));
        // The loop is gone once the window closed: nothing to repaint.
        let _ = repaint_proxy.send_event(UserEvent::Repaint { at });
    });
    let app = make_app(&ctx, &storage).map_err(WindowError::App)?;
    let mut viewport = options.viewport;
    if let Some(size) = storage
        .get::<[f32; 2]>(WINDOW_SIZE_KEY)
        .and_then(|size| remembered_size(size, viewport.min_inner_size))
    {
        viewport = viewport.with_inner_size(size);
    }
    let mut shell = Shell {
        ctx,
        app,
        storage,
        viewport,
        proxy,
        frames: FramePainter::default(),
        open: None,
        next_repaint: None,
        last_save: Instant::now(),
        error: None,
        closed: false,
    };
    event_loop.run_app(&mut shell)?;
    match shell.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The loop's state.
struct Shell {
    ctx: egui::Context,
    app: Box<dyn App>,
    storage: Storage,
    /// The window to open (once the loop starts).
    viewport: egui::ViewportBuilder,
    proxy: EventLoopProxy<UserEvent>,
    /// Paints each frame, only what it changed.
    frames: FramePainter,
    open: Option<OpenWindow>,
    /// The earliest repaint egui asked for that is not due yet.
    next_repaint: Option<Instant>,
    last_save: Instant,
    /// Why the loop stopped early.
    error: Option<WindowError>,
    closed: bool,
}

/// The window once it is open.
struct OpenWindow {
    window: Rc<Window>,
    surface: softbuffer::Surface<Rc<Window>, Rc<Window>>,
    input: egui_winit::State,
    info: ViewportInfo,
    /// Shown after its first frame is painted, so it never shows blank.
    shown: bool,
    /// Destroyed from outside: nothing more may be asked of it.
    destroyed: bool,
}

impl Shell {
    fn open_window(&mut self, event_loop: &ActiveEventLoop) -> Result<(), WindowError> {
        // Hidden until the first frame is painted; AccessKit's adapter must
        // also be made before the window is first shown.
        let mut builder = self.viewport.clone().with_visible(false);
        // No larger than the screen it opens on: a size remembered on a
        // larger screen, or hand-edited, would only size a buffer of
        // pixels nobody sees.
        let monitor = event_loop
            .primary_monitor()
            .or_else(|| event_loop.available_monitors().next());
        if let (Some(size), Some(monitor)) = (builder.inner_size, monitor) {
            let screen = monitor.size().to_logical::<f32>(monitor.scale_factor());
            builder.inner_size = Some(fit_on_screen(
                size,
                egui::vec2(screen.width, screen.height),
                builder.min_inner_size,
            ));
        }
        let window = Rc::new(egui_winit::create_window(&self.ctx, event_loop, &builder)?);
        let context = softbuffer::Context::new(window.clone())?;
        let surface = softbuffer::Surface::new(&context, window.clone())?;
        let mut input = egui_winit::State::new(
            self.ctx.clone(),
            ViewportId::ROOT,
            event_loop,
            Some(window.scale_factor() as f32),
            window.theme(),
            Some(MAX_TEXTURE_SIDE),
        );
        input.init_accesskit(event_loop, &window, self.proxy.clone());
        let mut info = ViewportInfo::default();
        egui_winit::update_viewport_info(&mut info, &self.ctx, &window, true);
        window.request_redraw();
        self.open = Some(OpenWindow {
            window,
            surface,
            input,
            info,
            shown: false,
            destroyed: false,
        });
        Ok(())
    }

    /// Runs one frame of the app and shows it.
    fn redraw(&mut self, event_loop: &ActiveEventLoop) -> Result<(), WindowError> {
        let Some(open) = self.open.as_mut().filter(|open| !open.destroyed) else {
            return Ok(());
        };
        egui_winit::update_viewport_info(&mut open.info, &self.ctx, &open.window, false);
        let mut raw_input = open.input.take_egui_input(&open.window);
        raw_input.viewports = std::iter::once((ViewportId::ROOT, open.info.clone())).collect();
        open.info.events.clear();
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(raw_input, |ui| {
            app.logic(ui.ctx());
            app.ui(ui);
        });
        open.input.handle_platform_output_with_event_loop(
            &open.window,
            event_loop,
            std::mem::take(&mut output.platform_output),
        );
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let clear = self.app.clear_color(&self.ctx.global_style().visuals);
        let size = open.window.inner_size();
        let frame = Frame {
            primitives: &primitives,
            textures: &mut output.textures_delta,
            pixels_per_point: output.pixels_per_point,
            clear,
        };
        match (NonZeroU32::new(size.width), NonZeroU32::new(size.height)) {
            (Some(width), Some(height)) => {
                open.surface.resize(width, height)?;
                let mut buffer = open.surface.buffer_mut()?;
                let age = buffer.age();
                self.frames
                    .paint(&mut buffer, (size.width, size.height), age, frame);
                // All of it: a window uncovered again needs its pixels
                // even when the frame changed none.
                buffer.present()?;
            }
            // Minimized: nothing to show, but the glyph atlas still changes.
            _ => {
                self.frames.paint(&mut [], (0, 0), 0, frame);
            }
        }
        if !open.shown {
            open.shown = true;
            open.window.set_visible(true);
        }
        let mut actions = Vec::new();
        if let Some(viewport) = output.viewport_output.remove(&ViewportId::ROOT) {
            let commands = viewport
                .commands
                .into_iter()
                .filter(|c| !matches!(c, ViewportCommand::CancelClose));
            egui_winit::process_viewport_commands(
                &self.ctx,
                &mut open.info,
                commands,
                &open.window,
                &mut actions,
            );
            if viewport.repaint_delay.is_zero() {
                open.window.request_redraw();
            }
        }
        if open.info.events.contains(&ViewportEvent::Close) {
            self.close(event_loop);
        } else if self.last_save.elapsed() >= AUTOSAVE_EVERY {
            self.save(false);
        }
        Ok(())
    }

    /// Remembers the app's choices, egui's memory and the window's size;
    /// written on a thread of its own unless the window is closing.
    fn save(&mut self, closing: bool) {
        self.last_save = Instant::now();
        if let Some(open) = self.open.as_ref().filter(|open| !open.destroyed) {
            let size: LogicalSize<f32> = open
                .window
                .inner_size()
                .to_logical(open.window.scale_factor());
            let zoom = self.ctx.zoom_factor();
            if zoom > 0.0 {
                self.storage
                    .set(WINDOW_SIZE_KEY, &[size.width / zoom, size.height / zoom]);
            }
        }
        self.ctx
            .memory(|memory| self.storage.set_egui_memory(EGUI_MEMORY, memory));
        self.app.save(&mut self.storage);
        if !closing {
            self.storage.flush_in_background();
        } else if let Err(e) = self.storage.flush() {
            tracing::warn!(error = %e, "the window's choices were not saved");
        }
    }

    /// Saves, lets the app clear up, and ends the loop.
    fn close(&mut self, event_loop: &ActiveEventLoop) {
        if self.closed {
            return;
        }
        self.closed = true;
        self.save(true);
        self.app.on_exit();
        // The window goes before the loop ends (the display connection is
        // closed with the loop).
        self.open = None;
        event_loop.exit();
    }

    fn fail(&mut self, event_loop: &ActiveEventLoop, error: WindowError) {
        tracing::error!(error = %error, "the window failed");
        self.error.get_or_insert(error);
        self.close(event_loop);
    }
}

impl ApplicationHandler<UserEvent> for Shell {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.open.is_none()
            && !self.closed
            && let Err(e) = self.open_window(event_loop)
        {
            self.fail(event_loop, e);
        }
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        match event {
            WindowEvent::RedrawRequested => {
                if let Err(e) = self.redraw(event_loop) {
                    self.fail(event_loop, e);
                }
            }
            WindowEvent::CloseRequested => self.close(event_loop),
            // Destroyed by someone else (`xdotool windowclose`): it can no
            // longer be asked its size.
            WindowEvent::Destroyed => {
                if let Some(open) = self.open.as_mut() {
                    open.destroyed = true;
                }
                self.close(event_loop);
            }
            event => {
                let Some(open) = self.open.as_mut() else {
                    return;
                };
                let response = open.input.on_window_event(&open.window, &event);
                if response.repaint || matches!(event, WindowEvent::Resized(_)) {
                    open.window.request_redraw();
                }
            }
        }
    }

    fn user_event(&mut self, _event_loop: &ActiveEventLoop, event: UserEvent) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        match event {
            UserEvent::Repaint { at } => {
                if at <= Instant::now() {
                    open.window.request_redraw();
                } else {
                    self.next_repaint = Some(self.next_repaint.map_or(at, |next| next.min(at)));
                }
            }
            UserEvent::AccessKit(event) => match event.window_event {
                accesskit_winit::WindowEvent::InitialTreeRequested => {
                    // Some adapters show a placeholder until the first
                    // tree arrives: send one at once.
                    self.ctx.enable_accesskit();
                    open.window.request_redraw();
                }
                accesskit_winit::WindowEvent::ActionRequested(request) => {
                    open.input.on_accesskit_action_request(request);
                    open.window.request_redraw();
                }
                accesskit_winit::WindowEvent::AccessibilityDeactivated => {
                    self.ctx.disable_accesskit();
                }
            },
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        match self.next_repaint {
            Some(at) if at <= Instant::now() => {
                self.next_repaint = None;
                if let Some(open) = &self.open {
                    open.window.request_redraw();
                }
                event_loop.set_control_flow(ControlFlow::Wait);
            }
            Some(at) => event_loop.set_control_flow(ControlFlow::WaitUntil(at)),
            None => event_loop.set_control_flow(ControlFlow::Wait),
        }
    }

    fn exiting(&mut self, event_loop: &ActiveEventLoop) {
        self.close(event_loop);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_size_is_used_only_when_it_is_one() {
        let min = Some(egui::vec2(640.0, 480.0));
        assert_eq!(
            remembered_size([1000.0, 640.0], min),
            Some(egui::vec2(1000.0, 640.0))
        );
        assert_eq!(
            remembered_size([600.0, 640.0], min),
            None,
            "below the minimum"
        );
        assert_eq!(remembered_size([f32::NAN, 640.0], min), None);
        assert_eq!(remembered_size([f32::INFINITY, 640.0], min), None);
        assert_eq!(
            remembered_size([1.0e9, 700.0], min),
            Some(egui::vec2(LARGEST_REMEMBERED_SIDE, 700.0)),
            "larger than any screen"
        );
    }

    #[test]
    fn the_window_opens_no_larger_than_its_screen() {
        let screen = egui::vec2(1280.0, 800.0);
        let min = Some(egui::vec2(640.0, 480.0));
        assert_eq!(
            fit_on_screen(egui::vec2(3000.0, 2000.0), screen, min),
            screen
        );
        assert_eq!(
            fit_on_screen(egui::vec2(1000.0, 2000.0), screen, min),
            egui::vec2(1000.0, 800.0)
        );
        // A screen smaller than the minimum: the minimum still holds.
        assert_eq!(
            fit_on_screen(egui::vec2(1000.0, 700.0), egui::vec2(600.0, 400.0), min),
            egui::vec2(640.0, 480.0)
        );
    }
}
