//! What Keyturn already knows of the resource a form names, shown before
//! review rather than after confirming: a change the journal says the
//! provider would refuse (a lock, an old password still valid), an
//! unsettled earlier change, and the current password the keyring keeps
//! (for "Fill from keyring" and a warning when the typed one differs).
//!
//! Also the form's memory of what it set: after a success the form moves
//! on (the old-password field takes the new password, the new one is
//! cleared), and a new password already set on another resource this
//! session is named in the confirmation, which then asks first.

use secrecy::{ExposeSecret, SecretString};

use crate::i18n::tr;
use crate::rotation::Block;
use crate::sign::encode::hmac_sha256;
use crate::ui::Action;
use crate::ui::widgets::Notice;
use crate::vault::ResourceKey;

use super::parts::{Fingerprint, Known};
use super::state::OpForm;

impl OpForm {
    /// The resource the form names now, and whether the call would change
    /// its password; `None` until every resource field is filled in.
    pub(super) fn named_resource(&self) -> Option<(ResourceKey, bool)> {
        let op = self.op;
        let region = Some(self.region.trim()).filter(|r| !r.is_empty());
        let key = ResourceKey::of_fields(op, region, |wire| self.text.get(wire).cloned())?;
        let changes_password =
            !op.only_changes_expiry(|field| self.choices.get(field).copied().flatten());
        Some((key, changes_password))
    }

    /// Asks about the resource the form names, when it is a new one or
    /// the journal has changed since the last answer.
    pub(super) fn look_ahead(&mut self, actions: &mut Vec<Action>) {
        let Some((key, changes_password)) = self.named_resource() else {
            self.known = None;
            return;
        };
        let same = self
            .known
            .as_ref()
            .is_some_and(|k| k.key == key && k.changes_password == changes_password);
        let settled = self
            .known
            .as_ref()
            .is_some_and(|k| k.waiting.is_some() || !k.stale);
        if same && settled {
            return;
        }
        let in_flight = self.known.as_ref().and_then(|k| k.waiting);
        // The last answer stays on screen while the same resource is asked
        // about again, so nothing flickers.
        let outlook = match self.known.take() {
            Some(k) if same => k.outlook,
            _ => None,
        };
        // One look-up at a time: while one about another resource is in
        // flight, this one waits for it, so typing an id (each keystroke
        // names a new resource) asks about what is typed by the time the
        // store answers, not about every prefix.
        if let Some(id) = in_flight.filter(|_| !same) {
            self.known = Some(Known {
                key,
                changes_password,
                waiting: Some(id),
                superseded: true,
                stale: true,
                outlook: None,
            });
            return;
        }
        self.known = Some(Known {
            key: key.clone(),
            changes_password,
            waiting: None,
            superseded: false,
            stale: false,
            outlook,
        });
        actions.push(Action::LookAhead {
            op: self.op,
            key,
            changes_password,
        });
    }

    /// What would stop a change now, as far as Keyturn knows.
    pub(super) fn known_block(&self) -> Option<&Block> {
        match &self.known.as_ref()?.outlook {
            Some(Ok(outlook)) => outlook.block.as_ref(),
            _ => None,
        }
    }

    /// The current password the keyring keeps for the named resource.
    pub(super) fn keyring_current(&self) -> Option<&SecretString> {
        match &self.known.as_ref()?.outlook {
            Some(Ok(outlook)) => outlook.current.as_ref(),
            _ => None,
        }
    }

    /// Whether the typed old password differs from the keyring's current.
    pub(super) fn old_differs_from_keyring(&self) -> bool {
        let Some(current) = self.keyring_current() else {
            return false;
        };
        self.op
            .new_password
            .current_field
            .and_then(|f| self.secrets.get(f))
            .is_some_and(|typed| !typed.is_empty() && typed.expose() != current.expose_secret())
    }

    /// Puts the keyring's current password in the old-password field.
    pub(super) fn fill_from_keyring(&mut self) -> bool {
        let Some(current) = self.keyring_current().map(|c| c.expose_secret().to_owned()) else {
            return false;
        };
        let current = zeroize::Zeroizing::new(current);
        match self
            .op
            .new_password
            .current_field
            .and_then(|f| self.secrets.get_mut(f))
        {
            Some(field) => {
                field.set(&current);
                true
            }
            None => false,
        }
    }

    /// A keyed hash of `password`, to recognise it again this session.
    pub(super) fn fingerprint(&self, password: &str) -> Fingerprint {
        hmac_sha256(&self.salt, password.as_bytes())
    }

    /// Another resource this form already set the new password on.
    pub(super) fn reused_on(&self) -> Option<&ResourceKey> {
        let new = self.secrets.get(self.op.new_password.field)?;
        if new.is_empty() || self.remove_password {
            return None;
        }
        let (here, _) = self.named_resource()?;
        let print = self.fingerprint(new.expose());
        self.sent
            .iter()
            .find(|(key, p)| *p == print && *key != here)
            .map(|(key, _)| key)
    }

    /// The change succeeded and the new password is now current: the form
    /// moves on. The old-password field takes the new password and the
    /// new-password field is emptied, so a second Enter cannot send the
    /// same change again with a now-wrong old password.
    pub(super) fn advance_after_success(&mut self) {
        let op = self.op;
        let Some(new) = self.secrets.get(op.new_password.field) else {
            return;
        };
        if new.is_empty() {
            return;
        }
        let new_text = zeroize::Zeroizing::new(new.expose().to_owned());
        if let Some((key, _)) = self.named_resource() {
            let print = self.fingerprint(&new_text);
            self.sent.push((key, print));
        }
        if let Some(old) = op
            .new_password
            .current_field
            .and_then(|f| self.secrets.get_mut(f))
        {
            old.set(&new_text);
        }
        if let Some(new) = self.secrets.get_mut(op.new_password.field) {
            new.set("");
        }
        self.notice = Some(Notice::done(tr(match op.new_password.current_field {
            Some(_) => "form-changed-old-holds-new",
            None => "form-changed-next",
        })));
        if let Some(known) = &mut self.known {
            known.stale = true;
        }
        self.dirty = true;
    }
}
