//! A resource's history as the team store keeps it: every version of its
//! item, when it was written, and what that write was (a change staged by
//! whom, or settled how), read from the versions KV v2 keeps. Secrets read
//! with each version are dropped at once; only who, which attempt and when
//! come out.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::TeamError;
use super::client::KvClient;
use super::store::resource_path;
use crate::vault::{Claim, LastChange, ResourceKey, Slots};

/// The most versions read, newest first: enough for "who changed it last"
/// and a few before, without reading a long history one call at a time.
pub const MOST_VERSIONS: usize = 20;

/// One version of a resource's item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub version: u64,
    /// When the store wrote it.
    pub written: Option<OffsetDateTime>,
    pub what: ItemWrite,
}

/// What a version of the item records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemWrite {
    /// A change was staged (or a retry renewed its claim).
    Claimed(Claim),
    /// A change was settled.
    Settled(LastChange),
    /// Passwords written with neither (a copy, or an older Keyturn).
    Passwords,
    /// The item was emptied (removed), or its version deleted.
    Removed,
    /// A value Keyturn cannot read.
    Unreadable,
}

/// The newest [`MOST_VERSIONS`] versions of `key`'s item under `prefix`,
/// oldest first.
pub(super) fn history(
    client: &KvClient,
    prefix: &str,
    key: &ResourceKey,
) -> Result<Vec<StoredVersion>, TeamError> {
    let path = format!(
        "{}/resources/{}",
        prefix.trim_matches('/'),
        resource_path(key)
    );
    let versions = client.versions(&path)?;
    let skip = versions.len().saturating_sub(MOST_VERSIONS);
    let mut found = Vec::new();
    for (version, created) in versions.into_iter().skip(skip) {
        let value = client.read_version(&path, version)?.value;
        let what = match value {
            None => ItemWrite::Removed,
            Some(text) => {
                use secrecy::ExposeSecret;
                match Slots::from_text(text.expose_secret()) {
                    None => ItemWrite::Unreadable,
                    Some(Slots {
                        claim: Some(claim), ..
                    }) => ItemWrite::Claimed(claim),
                    Some(Slots {
                        last: Some(last), ..
                    }) => ItemWrite::Settled(last),
                    Some(_) => ItemWrite::Passwords,
                }
            }
        };
        found.push(StoredVersion {
            version,
            written: OffsetDateTime::parse(&created, &Rfc3339).ok(),
            what,
        });
    }
    Ok(found)
}
