//! A demo asked to stop by a signal (SIGINT or SIGTERM; Ctrl+C on
//! Windows) ends the way its window does: the window is told to close
//! first, and only if the demo still runs a while later, or at a second
//! signal, is its folder removed here and the process ended.

use std::path::PathBuf;
use std::time::Duration;

use tokio::runtime::Runtime;

/// Listens, on `runtime`, for the signals that ask a demo to stop: the
/// first calls `close`; `force_after` later, or at a second signal, `dir`
/// is removed and the process exits with the code a shell gives a process
/// ended by that first signal.
pub(super) fn on_stop_signal(
    runtime: &Runtime,
    dir: PathBuf,
    close: impl FnOnce() + Send + 'static,
    force_after: Duration,
) -> std::io::Result<()> {
    // Listening starts here, not when the task first runs: a signal
    // sent as soon as this returns is caught.
    let mut signals = {
        let _entered = runtime.enter();
        StopSignals::listen()?
    };
    runtime.spawn(async move {
        let code = signals.next().await;
        close();
        tokio::select! {
            _ = signals.next() => {}
            () = tokio::time::sleep(force_after) => {}
        }
        let _ = std::fs::remove_dir_all(&dir);
        std::process::exit(code);
    });
    Ok(())
}

/// The signals that ask a demo to stop.
struct StopSignals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(windows)]
    ctrl_c: tokio::signal::windows::CtrlC,
}

impl StopSignals {
    /// Starts listening; must run inside the runtime.
    fn listen() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(StopSignals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(windows)]
        {
            Ok(StopSignals {
                ctrl_c: tokio::signal::windows::ctrl_c()?,
            })
        }
        #[cfg(not(any(unix, windows)))]
        {
            Err(std::io::Error::other("no stop signals on this platform"))
        }
    }

    /// Waits for the next signal; returns the exit code a shell gives a
    /// process ended by it.
    async fn next(&mut self) -> i32 {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => 130,
                _ = self.terminate.recv() => 143,
            }
        }
        #[cfg(windows)]
        {
            self.ctrl_c.recv().await;
            130
        }
        #[cfg(not(any(unix, windows)))]
        {
            std::future::pending().await
        }
    }
}
