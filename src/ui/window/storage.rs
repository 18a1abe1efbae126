//! What the desktop app remembers between runs: its choices (a form's
//! region and profile, the clipboard and idle settings, the language),
//! egui's memory (folded sections) and the window's size, as one JSON
//! object in Keyturn's data folder (`window.json`).
//!
//! Never a secret: only what the app hands to [`Storage::set`], and the app
//! hands it no secret. The file is Keyturn's own, so it is read through
//! [`crate::files`] (no link, no FIFO, at most [`MAX_BYTES`]) and written
//! atomically; a file that cannot be read is reported once in the log and
//! the app starts with its defaults, then writes a good file on the next
//! save.
//!
//! Before `window.json` exists, the choices an earlier Keyturn kept in
//! eframe's `app.ron` beside it (the same data folder) are carried over
//! once: eframe kept each value as RON text under the same keys. The old
//! file is left as it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::files::{Links, read_regular, write_own_file_atomically};

/// The largest file read: the app's choices and egui's memory take a few
/// kilobytes.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The values remembered, by key, and the file they are kept in.
#[derive(Debug, Default)]
pub struct Storage {
    file: Option<PathBuf>,
    values: BTreeMap<String, serde_json::Value>,
    changed: bool,
    /// An autosave being written on its own thread.
    writing: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

/// Why the remembered values were not read (they start empty then).
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{0}")]
    Read(#[from] crate::files::FileError),
    #[error("not a JSON object of remembered values: {0}")]
    Format(#[from] serde_json::Error),
    #[error("not eframe's RON map of remembered values: {0}")]
    Eframe(String),
}

impl Storage {
    /// Values kept only while the app runs (tests, and when no data
    /// folder can be found).
    pub fn in_memory() -> Self {
        Storage::default()
    }

    /// The values kept in `file` (or, before it exists, in eframe's
    /// `app.ron` beside it); none if it cannot be read (logged), and then
    /// the next save replaces it.
    pub fn open(file: PathBuf) -> Self {
        let values = match read_values(&file) {
            Ok(values) => values,
            Err(StorageError::Read(e)) if e.is_not_found() => {
                let old = file.with_file_name(EFRAME_FILE);
                let (values, changed) = match read_eframe_values(&old) {
                    Ok(values) => (values, true),
                    Err(StorageError::Read(e)) if e.is_not_found() => (BTreeMap::new(), false),
                    Err(e) => {
                        tracing::warn!(file = %old.display(), error = %e, "the choices of an earlier version were not carried over");
                        (BTreeMap::new(), false)
                    }
                };
                return Storage {
                    file: Some(file),
                    values,
                    changed,
                    writing: None,
                };
            }
            Err(e) => {
                tracing::warn!(file = %file.display(), error = %e, "the window's remembered choices were not read; starting with the defaults");
                BTreeMap::new()
            }
        };
        Storage {
            file: Some(file),
            values,
            changed: false,
            writing: None,
        }
    }

    /// The value remembered under `key`, if there is one of type `T`.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let value = self.values.get(key)?;
        T::deserialize(value).ok()
    }

    /// Remembers `value` under `key` (written by the next [`Storage::flush`]).
    pub fn set<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        match serde_json::to_value(value) {
            Ok(value) => {
                if self.values.get(key) != Some(&value) {
                    self.values.insert(key.to_owned(), value);
                    self.changed = true;
                }
            }
            Err(e) => tracing::warn!(key, error = %e, "a choice could not be remembered"),
        }
    }

    /// Writes the values to the file if any changed since the last write,
    /// and waits for it (as the window closes).
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.wait_for_write();
        match self.take_changes()? {
            Some((file, text)) => {
                write_own_file_atomically(&file, &text).inspect_err(|_| self.changed = true)
            }
            None => Ok(()),
        }
    }

    /// The same without waiting: the file is written on a thread of its
    /// own, so that the window's thread never waits on the disk (an
    /// autosave). The next flush waits for this one first.
    pub fn flush_in_background(&mut self) {
        self.wait_for_write();
        match self.take_changes() {
            Ok(Some((file, text))) => {
                self.writing = Some(std::thread::spawn(move || {
                    write_own_file_atomically(&file, &text)
                }));
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "the window's choices were not saved"),
        }
    }

    /// Waits for a write on its thread to end; if it failed, the values
    /// are written again by the next flush.
    fn wait_for_write(&mut self) {
        let Some(writing) = self.writing.take() else {
            return;
        };
        let failed = match writing.join() {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e.to_string()),
            Err(_) => Some("the writing thread panicked".to_owned()),
        };
        if let Some(error) = failed {
            tracing::warn!(error, "the window's choices were not saved");
            self.changed = true;
        }
    }

    /// The file and the text to write to it, if anything changed; marks
    /// the values as written.
    fn take_changes(&mut self) -> std::io::Result<Option<(PathBuf, String)>> {
        let Some(file) = &self.file else {
            return Ok(None);
        };
        if !self.changed {
            return Ok(None);
        }
        let text = serde_json::to_string_pretty(&self.values).map_err(std::io::Error::other)?;
        self.changed = false;
        Ok(Some((file.clone(), text)))
    }

    /// egui's memory as remembered (its maps have keys JSON cannot hold,
    /// so it is kept as RON text under `key`, as egui writes it).
    pub fn get_egui_memory(&self, key: &str) -> Option<egui::Memory> {
        let text: String = self.get(key)?;
        match ron::from_str(&text) {
            Ok(memory) => Some(memory),
            Err(e) => {
                tracing::warn!(error = %e, "egui's remembered state was not read");
                None
            }
        }
    }

    /// Remembers egui's memory under `key`.
    pub fn set_egui_memory(&mut self, key: &str, memory: &egui::Memory) {
        match ron::to_string(memory) {
            Ok(text) => self.set(key, &text),
            Err(e) => tracing::warn!(error = %e, "egui's state could not be remembered"),
        }
    }
}

fn read_values(file: &Path) -> Result<BTreeMap<String, serde_json::Value>, StorageError> {
    let bytes = read_regular(file, MAX_BYTES, Links::Refuse)?;
    Ok(serde_json::from_slice(&bytes)?)
}

/// The file eframe kept an earlier Keyturn's choices in.
const EFRAME_FILE: &str = "app.ron";

/// The keys eframe kept that are not carried over: its own window
/// geometry (in another shape than [`Storage`]'s).
const EFRAME_ONLY: &[&str] = &["window"];

/// eframe's `app.ron`: a map of keys to RON texts. egui's memory stays RON
/// text (as [`Storage::get_egui_memory`] reads it); every other value
/// becomes the JSON it stands for; a value that does not is left out.
fn read_eframe_values(file: &Path) -> Result<BTreeMap<String, serde_json::Value>, StorageError> {
    let bytes = read_regular(file, MAX_BYTES, Links::Refuse)?;
    let text = String::from_utf8_lossy(&bytes);
    let kv: BTreeMap<String, String> =
        ron::from_str(&text).map_err(|e| StorageError::Eframe(e.to_string()))?;
    Ok(kv
        .into_iter()
        .filter(|(key, _)| !EFRAME_ONLY.contains(&key.as_str()))
        .filter_map(|(key, value)| {
            let value = if key == EGUI_MEMORY {
                serde_json::Value::String(value)
            } else {
                ron::from_str::<serde_json::Value>(&value).ok()?
            };
            Some((key, value))
        })
        .collect())
}

/// The key egui's memory is kept under, by eframe and by the window.
pub const EGUI_MEMORY: &str = "egui";

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("keyturn-storage-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn values_come_back_after_a_flush_and_a_new_open() {
        let dir = scratch("roundtrip");
        let file = dir.join("nested").join("window.json");
        let mut storage = Storage::open(file.clone());
        assert_eq!(storage.get::<String>("language"), None);
        storage.set("language", "zh-CN");
        storage.set("size", &[800.0_f32, 600.0]);
        storage.flush().unwrap();
        let again = Storage::open(file);
        assert_eq!(again.get::<String>("language").as_deref(), Some("zh-CN"));
        assert_eq!(again.get::<[f32; 2]>("size"), Some([800.0, 600.0]));
        // A value of another type is no value.
        assert_eq!(again.get::<bool>("language"), None);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_corrupt_or_huge_file_starts_empty_and_is_replaced_on_save() {
        let dir = scratch("corrupt");
        let file = dir.join("window.json");
        std::fs::write(&file, b"{\"language\": ").unwrap();
        let mut storage = Storage::open(file.clone());
        assert_eq!(storage.get::<String>("language"), None);
        storage.set("language", "en");
        storage.flush().unwrap();
        assert_eq!(
            Storage::open(file.clone())
                .get::<String>("language")
                .as_deref(),
            Some("en")
        );

        let huge = vec![b' '; (MAX_BYTES + 1) as usize];
        std::fs::write(&file, huge).unwrap();
        assert_eq!(Storage::open(file).get::<String>("language"), None);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_the_file_is_not_read_nor_written_through() {
        let dir = scratch("link");
        let target = dir.join("elsewhere.json");
        std::fs::write(&target, b"{\"language\":\"zh-CN\"}").unwrap();
        let file = dir.join("window.json");
        std::os::unix::fs::symlink(&target, &file).unwrap();
        let mut storage = Storage::open(file.clone());
        assert_eq!(storage.get::<String>("language"), None);
        storage.set("language", "en");
        storage.flush().unwrap();
        // The link was replaced by Keyturn's own file; its target is untouched.
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "{\"language\":\"zh-CN\"}"
        );
        assert!(
            !std::fs::symlink_metadata(&file)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn egui_memory_comes_back() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            egui::CollapsingHeader::new("folded")
                .default_open(true)
                .show(ui, |ui| ui.label("inside"));
        });
        output.textures_delta.clear();
        let dir = scratch("memory");
        let file = dir.join("window.json");
        let mut storage = Storage::open(file.clone());
        ctx.memory(|m| storage.set_egui_memory("egui", m));
        storage.flush().unwrap();
        let again = Storage::open(file).get_egui_memory("egui").unwrap();
        let ids = |m: &egui::Memory| m.data.len();
        assert!(ids(&again) > 0, "the header's open state came back");
        assert_eq!(ids(&again), ctx.memory(|m| m.data.len()));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_earlier_versions_choices_are_carried_over_from_eframes_file() {
        use crate::ui::form::Prefs;
        use crate::ui::idle::IdleSettings;
        let dir = scratch("eframe");
        let prefs = Prefs {
            operation: Some("huaweicloud.dcs.update-password".into()),
            ..Prefs::default()
        };
        // As eframe wrote it: each value RON text, the map RON too.
        let kv: BTreeMap<String, String> = [
            ("keyturn.prefs", ron::to_string(&prefs).unwrap()),
            (
                "keyturn.idle",
                ron::to_string(&IdleSettings {
                    forget_after_mins: 7,
                })
                .unwrap(),
            ),
            ("keyturn.language", ron::to_string(&Some("zh-CN")).unwrap()),
            ("egui", "(data: {})".to_owned()),
            (
                "window",
                "(inner_size_points: Some((x: 900.0, y: 600.0)))".to_owned(),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        std::fs::write(
            dir.join("app.ron"),
            ron::ser::to_string_pretty(&kv, Default::default()).unwrap(),
        )
        .unwrap();

        let file = dir.join("window.json");
        let mut storage = Storage::open(file.clone());
        assert_eq!(storage.get::<Prefs>("keyturn.prefs"), Some(prefs.clone()));
        assert_eq!(
            storage.get::<IdleSettings>("keyturn.idle"),
            Some(IdleSettings {
                forget_after_mins: 7
            })
        );
        assert_eq!(
            storage.get::<Option<String>>("keyturn.language"),
            Some(Some("zh-CN".into()))
        );
        assert_eq!(
            storage.get::<String>(EGUI_MEMORY).as_deref(),
            Some("(data: {})")
        );
        assert!(storage.get::<serde_json::Value>("window").is_none());
        // Written as window.json at the next save, even with nothing new.
        storage.flush().unwrap();
        assert_eq!(
            Storage::open(file).get::<Prefs>("keyturn.prefs"),
            Some(prefs)
        );
        assert!(dir.join("app.ron").exists(), "the old file is left alone");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_damaged_eframe_file_is_no_choices() {
        let dir = scratch("eframe-bad");
        std::fs::write(dir.join("app.ron"), b"{\"keyturn.idle\": ").unwrap();
        let storage = Storage::open(dir.join("window.json"));
        assert!(storage.get::<serde_json::Value>("keyturn.idle").is_none());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_autosave_is_written_on_its_own_thread_and_waited_for_by_the_next_flush() {
        let dir = scratch("background");
        let file = dir.join("window.json");
        let mut storage = Storage::open(file.clone());
        storage.set("language", "en");
        storage.flush_in_background();
        storage.set("language", "zh-CN");
        storage.flush().unwrap();
        assert_eq!(
            Storage::open(file.clone())
                .get::<String>("language")
                .as_deref(),
            Some("zh-CN"),
            "the later value wins"
        );
        // A write that fails is tried again by the next flush.
        std::fs::remove_file(&file).unwrap();
        std::fs::create_dir(&file).unwrap();
        storage.set("language", "en");
        storage.flush_in_background();
        storage.wait_for_write();
        std::fs::remove_dir(&file).unwrap();
        storage.flush().unwrap();
        assert_eq!(
            Storage::open(file).get::<String>("language").as_deref(),
            Some("en")
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn nothing_is_written_when_nothing_changed() {
        let dir = scratch("unchanged");
        let file = dir.join("window.json");
        let mut storage = Storage::open(file.clone());
        storage.flush().unwrap();
        assert!(!file.exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
