//! What can go wrong with the team store, as a type: the store's own
//! refusals (sealed, denied, a write that lost its check-and-set) are told
//! apart from a network failure, so each gets its own words and no secret
//! is ever sent on after one.

use time::OffsetDateTime;

use crate::tr;

/// Who wrote an entry's current version, and when (what a refusal to
/// replace it names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The entry's current version (0: never written): what the next write
    /// of it must name.
    pub version: u64,
    /// The user and host that wrote it, if it says.
    pub by: Option<String>,
    /// When, by the server's clock.
    pub at: Option<OffsetDateTime>,
}

/// What is odd about an answer of the team store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Odd {
    /// It redirected more times than Keyturn follows.
    TooManyRedirects,
    /// A redirect without a location.
    RedirectWithoutLocation,
    /// A redirect to an address that is not a URL.
    RedirectNotUrl,
    /// A redirect to an address the token may not go to.
    RedirectRefused(crate::endpoint::EndpointError),
    /// Its body is not JSON.
    NotJson,
    /// A list that names no keys.
    NoKeys,
    /// A write's answer that names no version.
    NoVersion,
}

#[derive(Debug)]
pub enum TeamError {
    /// No team store is set up, or its settings cannot be read.
    Settings(String),
    /// No token: not in `VAULT_TOKEN`, the keyring, or `~/.vault-token`.
    NoToken,
    /// The server could not be reached (or answered nothing readable).
    Unreachable(String),
    /// The server is sealed: it can read and write nothing until unsealed.
    Sealed,
    /// The token is missing, expired, revoked, or its policy does not allow
    /// this path.
    Denied { path: String },
    /// The entry changed since Keyturn read it (check-and-set failed).
    Changed { path: String },
    /// The server is a standby of a cluster that has no leader now (during
    /// an election): worth trying again shortly.
    Leaderless { status: u16, errors: String },
    /// Any other answer the server gave.
    Refused { status: u16, errors: String },
    /// An answer (HTTP `status`) that is not what the store's API documents.
    Odd { status: u16, odd: Odd },
    /// The store's mount is empty in its settings.
    EmptyMount,
    /// Another credential store is already in use in this process.
    StoreInUse,
    /// What Keyturn would write cannot be encoded (the encoder's words).
    Unencodable(String),
    /// The team store chosen could not be opened when Keyturn started.
    Unavailable(String),
}

impl std::fmt::Display for TeamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            TeamError::Settings(detail) => tr!("team-settings", detail = detail.as_str()),
            TeamError::NoToken => tr!("team-no-token"),
            TeamError::Unreachable(detail) => tr!("team-unreachable", detail = detail.as_str()),
            TeamError::Sealed => tr!("team-sealed"),
            TeamError::Denied { path } => tr!("team-denied", path = path.as_str()),
            TeamError::Changed { path } => tr!("team-changed", path = path.as_str()),
            TeamError::Leaderless { status, errors } => tr!(
                "team-leaderless",
                status = u32::from(*status),
                errors = errors.as_str()
            ),
            TeamError::Refused { status, errors } => tr!(
                "team-refused",
                status = u32::from(*status),
                errors = errors.as_str()
            ),
            TeamError::Odd { status, odd } => {
                let odd = match odd {
                    Odd::TooManyRedirects => tr!("team-odd-redirects"),
                    Odd::RedirectWithoutLocation => tr!("team-odd-no-location"),
                    Odd::RedirectNotUrl => tr!("team-odd-not-url"),
                    Odd::RedirectRefused(e) => {
                        tr!("team-odd-redirect-refused", error = e.to_string())
                    }
                    Odd::NotJson => tr!("team-odd-not-json"),
                    Odd::NoKeys => tr!("team-odd-no-keys"),
                    Odd::NoVersion => tr!("team-odd-no-version"),
                };
                tr!("team-refused", status = u32::from(*status), errors = odd)
            }
            TeamError::EmptyMount => tr!("team-empty-mount"),
            TeamError::StoreInUse => tr!("team-store-in-use"),
            TeamError::Unencodable(detail) => tr!("team-unencodable", detail = detail.as_str()),
            TeamError::Unavailable(why) => why.clone(),
        })
    }
}

impl std::error::Error for TeamError {}
