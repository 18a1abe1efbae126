//! What a keyring entry holds, for messages: a fact that the errors of the
//! vault name, worded when shown.

use super::Slot;

/// What a keyring entry holds, as a fact; its `Display` words it in the
/// interface's language when shown (`entry-*` in `keyturn.ftl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holds {
    /// The access key secret of the profile of this name.
    ProfileSecret(String),
    /// The passwords of the resource with this key (its text form).
    Passwords(String),
    /// One slot's password of a resource, as index format 1 kept it.
    LegacySlot { slot: Slot, key: String },
    /// What this computer's own keyring keeps under this user name (the
    /// team store's token).
    OwnEntry(String),
}

impl std::fmt::Display for Holds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Holds::ProfileSecret(name) => {
                crate::tr!("entry-profile-secret", name = format!("{name:?}"))
            }
            Holds::Passwords(key) => crate::tr!("entry-passwords", key = key.as_str()),
            Holds::OwnEntry(user) => crate::tr!("entry-own", user = format!("{user:?}")),
            Holds::LegacySlot { slot, key } => crate::tr!(
                "entry-legacy-slot",
                slot = crate::i18n::tr(match slot {
                    Slot::Current => "entry-slot-current",
                    Slot::Previous => "entry-slot-previous",
                    Slot::Pending => "entry-slot-pending",
                }),
                key = key.as_str()
            ),
        };
        f.write_str(&text)
    }
}
