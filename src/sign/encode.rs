//! Canonical queries and hashing shared by the signers (the wire's own
//! percent-encoding is `crate::http::rfc3986`).

use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::http::rfc3986;

/// The canonical query of the AWS-like schemes: pairs sorted by encoded
/// key, then encoded value.
pub fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (rfc3986(k), rfc3986(v)))
        .collect();
    encoded.sort();
    let mut out = String::new();
    for (i, (k, v)) in encoded.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(data);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3986_keeps_only_unreserved() {
        assert_eq!(rfc3986("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(rfc3986("a b*c/"), "a%20b%2Ac%2F");
        assert_eq!(rfc3986("未命名"), "%E6%9C%AA%E5%91%BD%E5%90%8D");
    }

    #[test]
    fn canonical_query_sorts_after_encoding() {
        let q = vec![
            ("b".to_owned(), "2".to_owned()),
            ("a".to_owned(), "x y".to_owned()),
        ];
        assert_eq!(canonical_query(&q), "a=x%20y&b=2");
    }

    #[test]
    fn sha256_of_empty_is_the_known_value() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
