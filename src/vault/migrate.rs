//! Brings an index of an older format, and the keyring entries it names, up
//! to [`super::index::FORMAT_VERSION`]. Runs under the index lock, before
//! the first change of an old index is written.
//!
//! Format 1 named resources by their unescaped text and kept one keyring
//! entry per slot (`password:<text>:<slot>`). Format 2 names them by the
//! escaped text and keeps all of a resource's slots in one entry
//! (`resource:<text>`). Each resource is moved in an order that survives a
//! crash at any point: the new entry is written whole first, the old ones
//! are deleted after, and a new entry already there (a move interrupted
//! before the index was written) is kept as it is.

use secrecy::SecretString;

use super::index::{FORMAT_VERSION, Index};
use super::resource::{ResourceKey, Slot};
use super::slots::{self, Pending, Slots, legacy_entry};
use super::{VaultError, secrets};

pub(super) fn to_current(index: &mut Index) -> Result<(), VaultError> {
    for record in &mut index.resources {
        let Some(key) = ResourceKey::parse_legacy(&record.key) else {
            tracing::warn!(
                resource = %record.key.escape_debug(),
                "a stored resource of an older Keyturn could not be read; left as it was"
            );
            continue;
        };
        let recorded: Vec<Slot> = record.slots.keys().filter_map(|s| Slot::parse(s)).collect();
        let new_entry = slots::entry(&key);
        let already_moved = match secrets::get(&new_entry) {
            Ok(_) => true,
            Err(VaultError::SecretMissing { .. }) => false,
            Err(e) => return Err(e),
        };
        let mut found = Vec::new();
        if !already_moved {
            let mut moved = Slots::default();
            for &slot in &recorded {
                let value = match secrets::get(&legacy_entry(&key, slot)) {
                    Ok(value) => value,
                    Err(VaultError::SecretMissing { .. }) => continue,
                    Err(e) => return Err(e),
                };
                match slot {
                    Slot::Current => moved.current = Some(value),
                    Slot::Previous => moved.previous = Some(value),
                    Slot::Pending => moved.pending = Some(Pending::Password(value)),
                }
                found.push(slot);
            }
            if !moved.is_empty() {
                secrets::set(&new_entry, &SecretString::from(moved.to_text().to_string()))?;
            }
            record
                .slots
                .retain(|s, _| Slot::parse(s).is_some_and(|s| found.contains(&s)));
        }
        for slot in Slot::ALL {
            secrets::delete(&legacy_entry(&key, slot))?;
        }
        record.key = key.to_string();
    }
    index.version = FORMAT_VERSION;
    Ok(())
}
