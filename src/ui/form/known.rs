//! What Keyturn already knows of the resource a form names, shown before
//! review rather than after confirming: a change the journal says the
//! provider would refuse (a lock, an old password still valid), an
//! unsettled earlier change, and the current password the keyring keeps
//! (for "Fill from keyring" and a warning when the typed one differs).
//!
//! Also the form's memory of what it set: the new passwords sent this
//! session, by resource, so that one already set on another resource is
//! named in the confirmation, which then asks first.

use secrecy::SecretString;
use time::{OffsetDateTime, UtcOffset};

use egui::Ui;

use crate::catalog::Operation;
use crate::i18n::tr;
use crate::jobs::JobId;
use crate::rotation::{Block, Outlook};
use crate::sign::encode::hmac_sha256;
use crate::ui::Action;
use crate::ui::remedy::Failure;
use crate::ui::widgets::block_notice;
use crate::vault::ResourceKey;

/// A new password this form set, by resource: a keyed hash (the key is
/// random and lives only as long as the form), never the password.
type Fingerprint = [u8; 32];

/// The answer about one resource, and whether it is being asked again.
#[derive(Debug)]
struct Asked {
    key: ResourceKey,
    changes_password: bool,
    /// A look-up in flight.
    waiting: Option<JobId>,
    /// The look-up in flight asks about a resource the form named before
    /// (its answer is dropped, and this one asked next).
    superseded: bool,
    /// The journal changed since the answer: ask again.
    stale: bool,
    outlook: Option<Result<Outlook, Failure>>,
}

/// What is known of the resource the form names, and what the form set.
#[derive(Debug)]
pub(super) struct Known {
    asked: Option<Asked>,
    /// The new passwords this form set this session, by resource.
    sent: Vec<(ResourceKey, Fingerprint)>,
    /// The key of those fingerprints: random, never stored.
    salt: [u8; 32],
}

/// A fresh random key for the form's password fingerprints.
fn random_salt() -> [u8; 32] {
    use rand::{RngCore, TryRngCore};
    let mut salt = [0u8; 32];
    rand::rngs::OsRng.unwrap_err().fill_bytes(&mut salt);
    salt
}

impl Known {
    pub(super) fn new() -> Self {
        Known {
            asked: None,
            sent: Vec::new(),
            salt: random_salt(),
        }
    }

    /// Asks about `named` (the resource the form names now, and whether
    /// the call would change its password) when it is a new one or the
    /// journal has changed since the last answer.
    pub(super) fn look_ahead(
        &mut self,
        op: &'static Operation,
        named: Option<(ResourceKey, bool)>,
        actions: &mut Vec<Action>,
    ) {
        let Some((key, changes_password)) = named else {
            self.asked = None;
            return;
        };
        let same = self
            .asked
            .as_ref()
            .is_some_and(|k| k.key == key && k.changes_password == changes_password);
        let settled = self
            .asked
            .as_ref()
            .is_some_and(|k| k.waiting.is_some() || !k.stale);
        if same && settled {
            return;
        }
        let in_flight = self.asked.as_ref().and_then(|k| k.waiting);
        // The last answer stays on screen while the same resource is asked
        // about again, so nothing flickers.
        let outlook = match self.asked.take() {
            Some(k) if same => k.outlook,
            _ => None,
        };
        // One look-up at a time: while one about another resource is in
        // flight, this one waits for it, so typing an id (each keystroke
        // names a new resource) asks about what is typed by the time the
        // store answers, not about every prefix.
        if let Some(id) = in_flight.filter(|_| !same) {
            self.asked = Some(Asked {
                key,
                changes_password,
                waiting: Some(id),
                superseded: true,
                stale: true,
                outlook: None,
            });
            return;
        }
        self.asked = Some(Asked {
            key: key.clone(),
            changes_password,
            waiting: None,
            superseded: false,
            stale: false,
            outlook,
        });
        actions.push(Action::LookAhead {
            op,
            key,
            changes_password,
        });
    }

    /// Whether the journal changed since the answer and nothing is asked.
    pub(super) fn needs_asking(&self) -> bool {
        self.asked
            .as_ref()
            .is_some_and(|k| k.stale && k.waiting.is_none())
    }

    /// The look-up asked for started as job `id`.
    pub(super) fn started(&mut self, id: JobId) {
        if let Some(asked) = &mut self.asked {
            asked.waiting = Some(id);
        }
    }

    /// Whether the look-up awaited is job `id`.
    pub(super) fn waits_for(&self, id: JobId) -> bool {
        self.asked.as_ref().is_some_and(|k| k.waiting == Some(id))
    }

    /// A look-up finished: taken if it is the one awaited, and dropped if
    /// the form has named another resource since (which is asked next).
    pub(super) fn answered(&mut self, id: JobId, result: Result<Box<Outlook>, Failure>) {
        let Some(asked) = self.asked.as_mut().filter(|k| k.waiting == Some(id)) else {
            return;
        };
        asked.waiting = None;
        if asked.superseded {
            asked.superseded = false;
        } else {
            asked.outlook = Some(result.map(|o| *o));
        }
    }

    /// Whether a look-up is in flight.
    pub(super) fn waiting(&self) -> bool {
        self.asked.as_ref().is_some_and(|k| k.waiting.is_some())
    }

    /// The journal was read again, or a change was made: ask again.
    pub(super) fn mark_stale(&mut self) {
        if let Some(asked) = &mut self.asked {
            asked.stale = true;
        }
    }

    /// What would stop a change now, as far as Keyturn knows.
    pub(super) fn block(&self) -> Option<&Block> {
        match &self.asked.as_ref()?.outlook {
            Some(Ok(outlook)) => outlook.block.as_ref(),
            _ => None,
        }
    }

    /// The current password the keyring keeps for the named resource.
    pub(super) fn keyring_current(&self) -> Option<&SecretString> {
        match &self.asked.as_ref()?.outlook {
            Some(Ok(outlook)) => outlook.current.as_ref(),
            _ => None,
        }
    }

    /// The tries left before the provider locks changes of the named
    /// resource, when its last answer was a wrong old password.
    pub(super) fn tries_left(&self) -> Option<u32> {
        match &self.asked.as_ref()?.outlook {
            Some(Ok(outlook)) => outlook.tries_left,
            _ => None,
        }
    }

    /// The answer about the resource named, if any (tests).
    #[cfg(test)]
    pub(super) fn outlook(&self) -> Option<&Result<Outlook, Failure>> {
        self.asked.as_ref()?.outlook.as_ref()
    }

    /// A keyed hash of `password`, to recognise it again this session.
    fn fingerprint(&self, password: &str) -> Fingerprint {
        hmac_sha256(&self.salt, password.as_bytes())
    }

    /// `password` was set on `key`.
    pub(super) fn sent(&mut self, key: ResourceKey, password: &str) {
        let print = self.fingerprint(password);
        self.sent.push((key, print));
    }

    /// Another resource than `here` this form already set `password` on.
    pub(super) fn reused_on(&self, here: &ResourceKey, password: &str) -> Option<&ResourceKey> {
        let print = self.fingerprint(password);
        self.sent
            .iter()
            .find(|(key, p)| *p == print && key != here)
            .map(|(key, _)| key)
    }

    /// For a resource whose passwords Keyturn keeps: where its service
    /// listens (or that nothing says), and *Connection…*, which edits it in
    /// the Credentials view.
    pub(super) fn connection_ui(&self, ui: &mut Ui, op: &Operation, actions: &mut Vec<Action>) {
        let Some(asked) = &self.asked else {
            return;
        };
        let Some(Ok(outlook)) = &asked.outlook else {
            return;
        };
        if outlook.current.is_none() || matches!(op.login, crate::catalog::Login::NotAvailable(_)) {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            let line = match &outlook.connection {
                Some(c) => crate::tr!(
                    "password-connection",
                    address = crate::shown::shown(&c.address_text()),
                    tls = if c.tls { "yes" } else { "no" }
                ),
                None => tr("prove-no-connection"),
            };
            ui.label(egui::RichText::new(line).weak());
            if ui
                .small_button(tr("app-connection-edit"))
                .on_hover_text(tr("form-connection-edit-hover"))
                .clicked()
            {
                actions.push(Action::EditConnection(asked.key.clone()));
            }
        });
    }

    /// What Keyturn already knows stands in the way of this change: shown
    /// before review, with a countdown, and for an old password still
    /// valid the one-click switch to changing only its expiry, where
    /// `offers_only_expiry`. Returns true when that switch is clicked.
    pub(super) fn ui(
        &self,
        ui: &mut Ui,
        now: OffsetDateTime,
        local: UtcOffset,
        offers_only_expiry: bool,
    ) -> bool {
        let Some(block) = self.block() else {
            return false;
        };
        ui.add_space(4.0);
        block_notice(ui, &tr("form-known-refusal"), block, now, local);
        let switch = matches!(block, Block::OldPasswordStillValid { .. })
            && offers_only_expiry
            && ui
                .button(tr("form-only-expiry-instead"))
                .on_hover_text(tr("form-only-expiry-instead-hover"))
                .clicked();
        ui.add_space(4.0);
        switch
    }
}
