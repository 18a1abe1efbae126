//! A resource's passwords, kept whole in one keyring item.
//!
//! *current*, *previous* and *pending* (see [`Slot`]) travel together as one
//! small JSON value in one entry, so that every slot move of a rotation is
//! one atomic keyring write: there is no moment where a password has left
//! one slot and not yet reached the next, and a change costs one write
//! before it is sent and one after.

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::claim::{Claim, LastChange};
use super::resource::{ResourceKey, Slot};
use super::secrets::{EntryName, Holds};

/// What *pending* holds: a new password not yet confirmed, or the removal
/// of the password (UCloud accepts an empty one).
#[derive(Debug, Clone)]
pub enum Pending {
    Password(SecretString),
    Removal,
}

/// A resource's three slots, with who is changing it and who changed it
/// last (`claim`). `Debug` never shows a password (`SecretString`).
#[derive(Debug, Clone, Default)]
pub struct Slots {
    pub current: Option<SecretString>,
    pub previous: Option<SecretString>,
    pub pending: Option<Pending>,
    /// The attempt that owns `pending`, while it is open.
    pub claim: Option<Claim>,
    /// The last attempt that settled, and how.
    pub last: Option<LastChange>,
}

/// The stored form. Fields are strings so the keyring's own viewers
/// (Seahorse, `secret-tool`) show something a person can read.
#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    current: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pending: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pending_removal: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    claim: Option<Claim>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last: Option<LastChange>,
}

impl Drop for Stored {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for s in [&mut self.current, &mut self.previous, &mut self.pending]
            .into_iter()
            .flatten()
        {
            s.zeroize();
        }
    }
}

impl Slots {
    /// No password and no claim: nothing worth an item (a `last` alone is
    /// not kept).
    pub fn is_empty(&self) -> bool {
        self.current.is_none()
            && self.previous.is_none()
            && self.pending.is_none()
            && self.claim.is_none()
    }

    /// One slot's password; pending is `None` when it stages a removal.
    pub fn get(&self, slot: Slot) -> Option<&SecretString> {
        match slot {
            Slot::Current => self.current.as_ref(),
            Slot::Previous => self.previous.as_ref(),
            Slot::Pending => match &self.pending {
                Some(Pending::Password(p)) => Some(p),
                _ => None,
            },
        }
    }

    /// Which slots hold something.
    pub fn filled(&self) -> Vec<Slot> {
        Slot::ALL
            .into_iter()
            .filter(|s| match s {
                Slot::Pending => self.pending.is_some(),
                other => self.get(*other).is_some(),
            })
            .collect()
    }

    /// Pending becomes current, and what was current (or `old`, the
    /// password the request itself named as the old one) becomes previous.
    pub fn promoted(&self, old: Option<&SecretString>) -> Slots {
        let previous = old.or(self.current.as_ref()).cloned();
        let current = match &self.pending {
            Some(Pending::Password(p)) => Some(p.clone()),
            Some(Pending::Removal) => None,
            None => self.current.clone(),
        };
        Slots {
            current,
            previous: previous.or_else(|| self.previous.clone()),
            pending: None,
            claim: self.claim.clone(),
            last: self.last.clone(),
        }
    }

    /// The same slots, no longer claimed, settled by `last`.
    pub fn settled(mut self, last: LastChange) -> Slots {
        self.claim = None;
        self.last = Some(last);
        self
    }

    /// The same slots without pending.
    pub fn without_pending(&self) -> Slots {
        Slots {
            pending: None,
            ..self.clone()
        }
    }

    pub(super) fn to_text(&self) -> Zeroizing<String> {
        let own = |s: Option<&SecretString>| s.map(|s| s.expose_secret().to_owned());
        let stored = Stored {
            current: own(self.current.as_ref()),
            previous: own(self.previous.as_ref()),
            pending: own(self.get(Slot::Pending)),
            pending_removal: matches!(self.pending, Some(Pending::Removal)),
            claim: self.claim.clone(),
            last: self.last.clone(),
        };
        // Serialising strings into a String cannot fail.
        Zeroizing::new(serde_json::to_string(&stored).unwrap_or_default())
    }

    /// Reads a stored item; `None` when it is not Keyturn's.
    pub fn from_text(text: &str) -> Option<Slots> {
        let mut stored: Stored = serde_json::from_str(text).ok()?;
        let secret = |s: &mut Option<String>| s.take().map(SecretString::from);
        let pending = match (secret(&mut stored.pending), stored.pending_removal) {
            (Some(p), _) => Some(Pending::Password(p)),
            (None, true) => Some(Pending::Removal),
            (None, false) => None,
        };
        Some(Slots {
            current: secret(&mut stored.current),
            previous: secret(&mut stored.previous),
            pending,
            claim: stored.claim.take(),
            last: stored.last.take(),
        })
    }
}

/// The keyring entry holding a resource's slots.
pub fn entry(key: &ResourceKey) -> EntryName {
    EntryName {
        user: format!("resource:{key}"),
        label: format!("Keyturn: passwords of {}", key.describe()),
        what: Holds::Passwords(key.to_string()),
    }
}

/// The per-slot entries of index format 1, read once to migrate them.
pub(super) fn legacy_entry(key: &ResourceKey, slot: Slot) -> EntryName {
    EntryName {
        user: format!("password:{}:{}", key.legacy_text(), slot.key()),
        label: format!("Keyturn: {} password of {}", slot.key(), key.describe()),
        what: Holds::LegacySlot {
            slot,
            key: key.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    fn text(slot: Option<&SecretString>) -> Option<&str> {
        slot.map(|s| s.expose_secret())
    }

    #[test]
    fn stored_text_round_trips_every_slot() {
        let slots = Slots {
            current: Some(s("cur-\"fake\"")),
            previous: None,
            pending: Some(Pending::Removal),
            ..Slots::default()
        };
        let back = Slots::from_text(&slots.to_text()).unwrap();
        assert_eq!(text(back.get(Slot::Current)), Some("cur-\"fake\""));
        assert!(matches!(back.pending, Some(Pending::Removal)));
        assert_eq!(back.filled(), vec![Slot::Current, Slot::Pending]);
        assert!(Slots::from_text("not json").is_none());
    }

    #[test]
    fn promotion_moves_pending_to_current_and_current_to_previous() {
        let slots = Slots {
            current: Some(s("old-fake")),
            previous: Some(s("older-fake")),
            pending: Some(Pending::Password(s("new-fake"))),
            ..Slots::default()
        };
        let p = slots.promoted(None);
        assert_eq!(text(p.get(Slot::Current)), Some("new-fake"));
        assert_eq!(text(p.get(Slot::Previous)), Some("old-fake"));
        assert!(p.pending.is_none());
        // The old password the request named wins over a stale current.
        let p = slots.promoted(Some(&s("given-fake")));
        assert_eq!(text(p.get(Slot::Previous)), Some("given-fake"));
        // A staged removal leaves nothing current.
        let removal = Slots {
            pending: Some(Pending::Removal),
            ..slots
        };
        let p = removal.promoted(None);
        assert!(p.current.is_none());
        assert_eq!(text(p.get(Slot::Previous)), Some("old-fake"));
    }

    #[test]
    fn debug_never_shows_a_password() {
        let slots = Slots {
            current: Some(s("visible-fake-secret")),
            previous: None,
            pending: Some(Pending::Password(s("visible-fake-secret"))),
            ..Slots::default()
        };
        assert!(!format!("{slots:?}").contains("visible-fake-secret"));
    }
}
