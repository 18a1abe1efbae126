//! Copying to the clipboard, and taking a copied secret back off it.
//!
//! [`Clipboard`] is the small seam between the app and the system
//! clipboard: [`SystemClipboard`] is `arboard`, [`MemoryClipboard`] an
//! in-memory one for tests (and anywhere without a display).
//!
//! [`ClipboardGuard`] is what the panels use. A secret is copied marked so
//! that clipboard managers keep it out of their history (arboard's
//! `exclude_from_history`: the `x-kde-passwordManagerHint` on Linux, the
//! concealed types on macOS and Windows), and is cleared after a delay the
//! user sets (10 s by default) — but only if the clipboard still holds that
//! very value: something the user copied since is left alone. It is
//! cleared the same way when the app quits. The guard keeps a SHA-256 of
//! the copied value to recognise it, never the value itself.

use std::fmt;
use std::sync::{Arc, Mutex};

use egui::{self, RichText, Ui};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use zeroize::Zeroizing;

use crate::tr;
use crate::ui::format_remaining;

/// The system clipboard, or a stand-in.
pub trait Clipboard: Send {
    /// Puts `text` on the clipboard; `secret` marks it for clipboard
    /// managers to keep out of their history.
    fn set(&mut self, text: &str, secret: bool) -> Result<(), String>;
    /// The text the clipboard holds now, if any.
    fn get(&mut self) -> Option<Zeroizing<String>>;
    /// Empties the clipboard.
    fn clear(&mut self) -> Result<(), String>;
}

/// The real clipboard, through `arboard`; opened on first use so that a
/// start that copies nothing never talks to the display server for it.
#[derive(Default)]
pub struct SystemClipboard {
    inner: Option<arboard::Clipboard>,
}

impl SystemClipboard {
    fn open(&mut self) -> Result<&mut arboard::Clipboard, String> {
        if self.inner.is_none() {
            self.inner =
                Some(arboard::Clipboard::new().map_err(|e| {
                    tr!("app-clipboard-unavailable-because", error = e.to_string())
                })?);
        }
        self.inner
            .as_mut()
            .ok_or_else(|| tr!("app-clipboard-unavailable"))
    }
}

impl Clipboard for SystemClipboard {
    fn set(&mut self, text: &str, secret: bool) -> Result<(), String> {
        let clipboard = self.open()?;
        let set = clipboard.set();
        let set = if secret {
            exclude_from_history(set)
        } else {
            set
        };
        set.text(text.to_owned())
            .map_err(|e| tr!("app-clipboard-copy-failed", error = e.to_string()))
    }

    fn get(&mut self) -> Option<Zeroizing<String>> {
        self.open().ok()?.get_text().ok().map(Zeroizing::new)
    }

    fn clear(&mut self) -> Result<(), String> {
        self.open()?
            .clear()
            .map_err(|e| tr!("app-clipboard-clear-failed", error = e.to_string()))
    }
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))
))]
fn exclude_from_history(set: arboard::Set<'_>) -> arboard::Set<'_> {
    use arboard::SetExtLinux;
    set.exclude_from_history()
}

#[cfg(target_os = "macos")]
fn exclude_from_history(set: arboard::Set<'_>) -> arboard::Set<'_> {
    use arboard::SetExtApple;
    set.exclude_from_history()
}

#[cfg(windows)]
fn exclude_from_history(set: arboard::Set<'_>) -> arboard::Set<'_> {
    use arboard::SetExtWindows;
    set.exclude_from_history()
}

#[cfg(not(any(
    windows,
    target_os = "macos",
    all(
        unix,
        not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))
    )
)))]
fn exclude_from_history(set: arboard::Set<'_>) -> arboard::Set<'_> {
    set
}

/// An in-memory clipboard; clones share the same contents, so a test can
/// keep one and hand another to the app.
#[derive(Clone, Default)]
pub struct MemoryClipboard {
    state: Arc<Mutex<MemoryState>>,
}

#[derive(Default)]
struct MemoryState {
    text: Option<Zeroizing<String>>,
    secret: bool,
}

impl MemoryClipboard {
    pub fn new() -> Self {
        Self::default()
    }

    /// What it holds now.
    pub fn contents(&self) -> Option<String> {
        self.lock().text.as_ref().map(|t| t.to_string())
    }

    /// Whether the last copy was marked as a secret.
    pub fn marked_secret(&self) -> bool {
        self.lock().secret
    }

    /// Another program copies `text`.
    pub fn copied_elsewhere(&self, text: &str) {
        let mut state = self.lock();
        state.text = Some(Zeroizing::new(text.to_owned()));
        state.secret = false;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, MemoryState> {
        // A panic while holding the lock leaves plain data behind: use it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl fmt::Debug for MemoryClipboard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MemoryClipboard([redacted])")
    }
}

impl Clipboard for MemoryClipboard {
    fn set(&mut self, text: &str, secret: bool) -> Result<(), String> {
        let mut state = self.lock();
        state.text = Some(Zeroizing::new(text.to_owned()));
        state.secret = secret;
        Ok(())
    }

    fn get(&mut self) -> Option<Zeroizing<String>> {
        self.lock().text.clone()
    }

    fn clear(&mut self) -> Result<(), String> {
        let mut state = self.lock();
        state.text = None;
        state.secret = false;
        Ok(())
    }
}

/// The user's clipboard setting, remembered between runs (no secret).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClipboardSettings {
    /// A copied secret is taken off the clipboard after this many seconds.
    pub clear_after_secs: u32,
}

impl ClipboardSettings {
    pub const MIN_SECS: u32 = 5;
    pub const MAX_SECS: u32 = 600;
}

impl Default for ClipboardSettings {
    fn default() -> Self {
        ClipboardSettings {
            clear_after_secs: 10,
        }
    }
}

/// A secret on the clipboard, waiting to be cleared.
struct Copied {
    /// What it is, in words ("the secret of profile prod").
    what: String,
    digest: [u8; 32],
    until: OffsetDateTime,
}

/// The clipboard as the panels use it.
pub struct ClipboardGuard {
    clipboard: Box<dyn Clipboard>,
    pub settings: ClipboardSettings,
    copied: Option<Copied>,
    /// The last thing that happened, in words.
    status: Option<String>,
}

impl fmt::Debug for ClipboardGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClipboardGuard")
            .field("settings", &self.settings)
            .field("holding_a_secret", &self.copied.is_some())
            .finish_non_exhaustive()
    }
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

impl ClipboardGuard {
    pub fn new(clipboard: Box<dyn Clipboard>, settings: ClipboardSettings) -> Self {
        ClipboardGuard {
            clipboard,
            settings,
            copied: None,
            status: None,
        }
    }

    /// Copies a secret, marked for clipboard managers, to be cleared after
    /// the set delay.
    pub fn copy_secret(&mut self, what: String, secret: &SecretString, now: OffsetDateTime) {
        let text = secret.expose_secret();
        match self.clipboard.set(text, true) {
            Ok(()) => {
                let secs = self
                    .settings
                    .clear_after_secs
                    .clamp(ClipboardSettings::MIN_SECS, ClipboardSettings::MAX_SECS);
                self.status = Some(tr!("app-clipboard-copied", what = what.as_str()));
                self.copied = Some(Copied {
                    what,
                    digest: digest(text),
                    until: now + Duration::seconds(i64::from(secs)),
                });
            }
            Err(e) => self.status = Some(e),
        }
    }

    /// Copies text that is not secret (a command line).
    pub fn copy_text(&mut self, what: &str, text: &str) {
        match self.clipboard.set(text, false) {
            Ok(()) => {
                // Whatever secret was there is gone from the clipboard.
                self.copied = None;
                self.status = Some(tr!("app-clipboard-copied", what = what));
            }
            Err(e) => self.status = Some(e),
        }
    }

    /// Clears a copied secret whose time has come. Returns how long the
    /// one still waiting has left, so the app can wake up for it.
    pub fn tick(&mut self, now: OffsetDateTime) -> Option<Duration> {
        let until = self.copied.as_ref()?.until;
        if now >= until {
            self.clear_copied();
            None
        } else {
            Some(until - now)
        }
    }

    /// Takes the copied secret off the clipboard now, if it is still there.
    pub fn clear_copied(&mut self) {
        let Some(copied) = self.copied.take() else {
            return;
        };
        let still_there = self
            .clipboard
            .get()
            .is_some_and(|text| digest(&text) == copied.digest);
        self.status = Some(if still_there {
            match self.clipboard.clear() {
                Ok(()) => tr!("app-clipboard-cleared", what = copied.what),
                Err(e) => e,
            }
        } else {
            tr!("app-clipboard-left-alone")
        });
    }

    /// The app is closing: a secret still on the clipboard goes.
    pub fn on_exit(&mut self) {
        self.clear_copied();
    }

    /// The copy countdown and the last status line. Returns true while a
    /// countdown is shown.
    pub fn status_ui(&mut self, ui: &mut Ui, now: OffsetDateTime) -> bool {
        let mut counting = false;
        let mut clear = false;
        if let Some(copied) = &self.copied {
            let left = copied.until - now;
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(tr!(
                        "app-clipboard-copied-until",
                        what = copied.what.as_str(),
                        left = format_remaining(left)
                    ))
                    .strong(),
                );
                clear = ui.button(tr!("app-clipboard-clear-now")).clicked();
            });
            counting = true;
        } else if let Some(status) = &self.status {
            ui.label(RichText::new(status.as_str()).weak());
        }
        if clear {
            self.clear_copied();
        }
        counting
    }

    /// The delay setting.
    pub fn settings_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let label = ui.label(tr!("app-clipboard-clear-after"));
            ui.add(
                egui::DragValue::new(&mut self.settings.clear_after_secs)
                    .range(ClipboardSettings::MIN_SECS..=ClipboardSettings::MAX_SECS)
                    .suffix(tr!("app-clipboard-seconds")),
            )
            .labelled_by(label.id);
        });
    }
}

impl Drop for ClipboardGuard {
    /// However the app ends, a secret it copied does not stay behind.
    fn drop(&mut self) {
        self.clear_copied();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-03-04 05:06:07 UTC);

    #[test]
    fn a_copied_secret_is_cleared_when_due_only_if_unchanged() {
        let memory = MemoryClipboard::new();
        let mut guard = ClipboardGuard::new(Box::new(memory.clone()), Default::default());
        guard.copy_secret("x".into(), &SecretString::from("s3cret"), NOW);
        assert_eq!(memory.contents().as_deref(), Some("s3cret"));
        assert!(memory.marked_secret());
        assert_eq!(
            guard.tick(NOW + Duration::seconds(9)),
            Some(Duration::seconds(1))
        );
        assert_eq!(memory.contents().as_deref(), Some("s3cret"));
        assert_eq!(guard.tick(NOW + Duration::seconds(10)), None);
        assert_eq!(memory.contents(), None);

        guard.copy_secret("x".into(), &SecretString::from("s3cret"), NOW);
        memory.copied_elsewhere("the user's own text");
        guard.tick(NOW + Duration::seconds(11));
        assert_eq!(memory.contents().as_deref(), Some("the user's own text"));
    }

    #[test]
    fn quitting_clears_a_secret_still_there() {
        let memory = MemoryClipboard::new();
        let mut guard = ClipboardGuard::new(Box::new(memory.clone()), Default::default());
        guard.copy_secret("x".into(), &SecretString::from("s3cret"), NOW);
        guard.on_exit();
        assert_eq!(memory.contents(), None);
        assert!(!format!("{guard:?}").contains("s3cret"));
    }
}
