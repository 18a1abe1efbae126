//! Where logs go, and what they may say: stderr, filtered by `RUST_LOG`,
//! and never what the user types or copies.
//!
//! Keyturn's own code logs no secret at any level. The crates under the
//! window do not promise that: egui-winit traces every key pressed (the
//! characters of a password typed into a form among them), and the
//! clipboard's crates see what is copied. Their logs stop at `info`
//! whatever `RUST_LOG` asks, so an admin asked for a `RUST_LOG=trace`
//! log can send it as it is.

use tracing::{Level, Metadata, Subscriber};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// The crates that see keys, text input or the clipboard (each also
/// names its family: `egui` covers `egui_winit`, `accesskit` the screen
/// reader's bridges, `smithay` the Wayland toolkit and clipboard).
const SEE_TYPED_INPUT: &[&str] = &[
    "accesskit",
    "arboard",
    "egui",
    "smithay",
    "wayland",
    "winit",
    "x11rb",
    "xkbcommon",
];

/// The most a crate that sees typed input may log.
const TYPED_INPUT_LEVEL: Level = Level::INFO;

/// Logs to stderr, filtered by `RUST_LOG` (default: `default_level`).
pub fn init(default_level: Level) {
    let logs = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        // Colour codes only on a terminal, not in a log file or a pipe.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    // `RUST_LOG`'s filter compiles regular expressions when it is set up;
    // without `RUST_LOG` a plain level does the same job for free.
    let (subscriber, not_understood): (Box<dyn Subscriber + Send + Sync>, _) =
        match std::env::var_os("RUST_LOG").map(|_| EnvFilter::try_from_default_env()) {
            Some(Ok(filter)) => (Box::new(logs.with_env_filter(filter).finish()), None),
            other => (
                Box::new(logs.with_max_level(default_level).finish()),
                other.and_then(Result::err),
            ),
        };
    keep_typed_input_out(subscriber).init();
    if let Some(e) = not_understood {
        tracing::warn!("RUST_LOG was not understood ({e}); logging at {default_level}");
    }
}

/// `subscriber`, with the logs of the crates that see typed input cut at
/// [`TYPED_INPUT_LEVEL`] (`log` records from them too: they reach tracing
/// with their crate's target).
fn keep_typed_input_out<S>(subscriber: S) -> impl Subscriber + Send + Sync
where
    S: Subscriber + Send + Sync,
{
    subscriber.with(filter_fn(|metadata| {
        metadata.level() <= &TYPED_INPUT_LEVEL || !sees_typed_input(metadata)
    }))
}

fn sees_typed_input(metadata: &Metadata<'_>) -> bool {
    let krate = metadata.target().split("::").next().unwrap_or_default();
    SEE_TYPED_INPUT.iter().any(|family| {
        krate
            .strip_prefix(family)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('_'))
    })
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// What the subscriber wrote, shared with the test.
    #[derive(Clone, Default)]
    struct Written(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Written {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::Error::other("poisoned"))?
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn at_trace_the_crates_that_see_keys_say_no_more_than_info() {
        let written = Written::default();
        let sink = written.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || sink.clone())
            .with_max_level(Level::TRACE)
            .finish();
        tracing::subscriber::with_default(keep_typed_input_out(subscriber), || {
            // What egui-winit traces for each key of a typed password.
            tracing::trace!(target: "egui_winit", "logical Character(\"Q\") -> Some(Q)");
            tracing::debug!(target: "winit::platform_impl::linux", "key Q");
            tracing::trace!(target: "arboard::platform::linux::x11", "fake-copied");
            tracing::trace!(target: "accesskit_unix::adapter", "fake-value");
            tracing::info!(target: "winit::event_loop", "an info line");
            tracing::trace!(target: "keyturn::jobs", "a trace line of Keyturn's");
            tracing::trace!(target: "eguiish", "a crate that only starts alike");
        });
        let written = String::from_utf8(written.0.lock().unwrap().clone()).unwrap();
        for hidden in ["Character", "key Q", "fake-copied", "fake-value"] {
            assert!(!written.contains(hidden), "{hidden:?} in {written}");
        }
        for kept in [
            "an info line",
            "a trace line of Keyturn's",
            "a crate that only starts alike",
        ] {
            assert!(written.contains(kept), "{kept:?} not in {written}");
        }
    }
}
