//! Keyturn: rotate the passwords of managed database and cache services.
//!
//! The library is the core that the command line (and the desktop app) stand
//! on; it knows nothing of any user interface. Dependencies point one way:
//! `request` → `catalog`, `rules`, `sign`. The `emulator`, a local stand-in
//! for the four clouds used by the end-to-end tests, stands on the same
//! `catalog`, `rules` and `sign`, and nothing in the core depends on it.
//!
//! The desktop app is `ui` (egui panels) over `jobs` (the background
//! runtime, which knows nothing of egui); nothing else depends on either.
//! `demo` sets up `keyturn --demo`: the emulator, fake profiles, an
//! in-memory keyring and a throwaway folder.
//!
//! `i18n` holds the interface's languages and their text, for the command
//! line and the app alike.

pub(crate) mod assets;
pub mod catalog;
pub mod clock;
pub mod demo;
pub mod emulator;
pub mod endpoint;
pub(crate) mod files;
pub mod follow;
pub mod hardening;
pub mod http;
pub mod i18n;
pub mod jobs;
pub mod journal;
pub mod outcome;
pub mod prove;
pub mod request;
pub mod rotation;
pub mod rules;
pub mod send;
pub mod shown;
pub mod sign;
pub mod time_format;
pub mod transport;
pub mod ui;
pub mod vault;
pub mod verify;
pub mod words;
