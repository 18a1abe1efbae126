//! What the team store's HTTP answers and paths look like: a standby's
//! redirect and where it may lead, KV paths percent-encoded segment by
//! segment, the server's `errors` list in one line, and the errors that
//! say a cluster is electing a leader.

use serde_json::Value;

use super::{Odd, TeamError};
use crate::endpoint::Endpoint;

/// Where a redirect points, if it is somewhere Keyturn may send the token:
/// https, or plain http to a loopback address, as for the store's own
/// address.
pub(super) fn redirect_target(response: &reqwest::blocking::Response) -> Result<String, TeamError> {
    let refused = |odd: Odd| TeamError::Odd {
        status: response.status().as_u16(),
        odd,
    };
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .ok_or_else(|| refused(Odd::RedirectWithoutLocation))?;
    let target = response
        .url()
        .join(location)
        .map_err(|_| refused(Odd::RedirectNotUrl))?;
    Endpoint::parse_override(&target.origin().ascii_serialization())
        .map_err(|e| refused(Odd::RedirectRefused(e)))?;
    Ok(target.to_string())
}

/// Each segment of `path` percent-encoded, the slashes between them kept.
pub(super) fn encode_path(path: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    path.split('/')
        .map(|s| percent_encoding::utf8_percent_encode(s, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The server's `errors` list as one line.
pub(super) fn errors_of(body: &Value) -> String {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(Value::as_str)
                .map(|e| e.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

/// Whether a server's 5xx errors say its cluster has no active node now: a
/// standby answers so until a new leader is elected.
pub(super) fn is_leaderless(errors: &str) -> bool {
    !errors.contains("sealed")
        && ["active", "leader", "standby"]
            .iter()
            .any(|word| errors.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_keep_their_slashes_and_escape_the_rest() {
        assert_eq!(
            encode_path("keyturn/resources/ucloud.uredis/cn-bj2/group 1"),
            "keyturn/resources/ucloud.uredis/cn-bj2/group%201"
        );
        assert_eq!(encode_path("a/b?c#d"), "a/b%3Fc%23d");
    }

    #[test]
    fn errors_are_one_line() {
        let body = json!({ "errors": ["1 error occurred:\n\t* permission denied\n\n"] });
        assert_eq!(errors_of(&body), "1 error occurred: * permission denied");
        assert_eq!(errors_of(&Value::Null), "");
    }

    #[test]
    fn a_standby_without_a_leader_is_told_from_a_sealed_or_broken_server() {
        assert!(is_leaderless(
            "local node not active but active cluster node not found"
        ));
        assert!(is_leaderless("node is not the leader"));
        assert!(!is_leaderless("Vault is sealed"));
        assert!(!is_leaderless("internal error"));
    }
}
