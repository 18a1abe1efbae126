//! Hears the screen being locked, so the app can forget the secrets typed
//! into it (DESIGN.md: a typed secret lives no longer than needed).
//!
//! Linux desktops say so on D-Bus: the screen saver's `ActiveChanged(true)`
//! on the session bus (`org.freedesktop.ScreenSaver`, and GNOME's, MATE's
//! and Cinnamon's own names for it), and logind's `Lock` signal on this
//! session's object on the system bus. Each bus is watched on a thread of
//! its own for the life of the process; a bus that cannot be reached is
//! simply not watched (a desktop without one has nothing to say), and the
//! idle time-out still applies. Other platforms have no watcher yet: the
//! idle time-out is their only guard.

use super::JobId;
use super::event::Event;
use super::runtime::{Jobs, Reporter};

/// The screen savers' interfaces whose `ActiveChanged(true)` means the
/// screen is locked (or blanked, which locks on every desktop that has one).
#[cfg(target_os = "linux")]
const SCREEN_SAVERS: [&str; 4] = [
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.mate.ScreenSaver",
    "org.cinnamon.ScreenSaver",
];

impl Jobs {
    /// Starts watching for the screen lock; reports [`Event::ScreenLocked`]
    /// each time it locks, under the returned id.
    pub fn watch_screen_lock(&mut self) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        watch(reporter);
        id
    }
}

#[cfg(target_os = "linux")]
fn watch(reporter: Reporter) {
    let session = reporter.clone();
    let spawned = std::thread::Builder::new()
        .name("keyturn-screen-saver".into())
        .spawn(move || {
            if let Err(e) = watch_screen_saver(&session) {
                tracing::debug!(error = %e, "the session bus's screen saver is not watched");
            }
        });
    if let Err(e) = spawned {
        tracing::debug!(error = %e, "no thread to watch the screen saver");
    }
    let spawned = std::thread::Builder::new()
        .name("keyturn-logind".into())
        .spawn(move || {
            if let Err(e) = watch_logind(&reporter) {
                tracing::debug!(error = %e, "logind's lock is not watched");
            }
        });
    if let Err(e) = spawned {
        tracing::debug!(error = %e, "no thread to watch logind");
    }
}

#[cfg(not(target_os = "linux"))]
fn watch(_reporter: Reporter) {}

#[cfg(target_os = "linux")]
fn watch_screen_saver(reporter: &Reporter) -> zbus::Result<()> {
    use zbus::blocking::{Connection, MessageIterator};
    let connection = Connection::session()?;
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .member("ActiveChanged")?
        .build();
    for message in MessageIterator::for_match_rule(rule, &connection, Some(8))? {
        let Ok(message) = message else { continue };
        let header = message.header();
        let ours = header
            .interface()
            .is_some_and(|i| SCREEN_SAVERS.contains(&i.as_str()));
        if ours && message.body().deserialize::<bool>().unwrap_or(false) {
            reporter.report(Event::ScreenLocked);
        }
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn watch_logind(reporter: &Reporter) -> zbus::Result<()> {
    use zbus::blocking::{Connection, MessageIterator};
    use zbus::zvariant::OwnedObjectPath;
    let connection = Connection::system()?;
    // This process's own session: another user's lock is not ours.
    let reply = connection.call_method(
        Some("org.freedesktop.login1"),
        "/org/freedesktop/login1",
        Some("org.freedesktop.login1.Manager"),
        "GetSessionByPID",
        &(std::process::id()),
    )?;
    let session: OwnedObjectPath = reply.body().deserialize()?;
    let rule = zbus::MatchRule::builder()
        .msg_type(zbus::message::Type::Signal)
        .interface("org.freedesktop.login1.Session")?
        .member("Lock")?
        .path(session.clone())?
        .build();
    for message in MessageIterator::for_match_rule(rule, &connection, Some(8))? {
        let Ok(message) = message else { continue };
        if message.header().path().is_some_and(|p| *p == *session) {
            reporter.report(Event::ScreenLocked);
        }
    }
    Ok(())
}
