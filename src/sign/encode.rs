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
    lower_hex(&Sha256::digest(data))
}

/// Lower-case hex of a hash or signature, written into one buffer of the
/// final size (`hex::encode` grows its string a character at a time, which
/// was a tenth of a signature's time).
pub fn lower_hex(bytes: &[u8]) -> String {
    let mut digits = vec![0; bytes.len() * 2];
    hex::encode_to_slice(bytes, &mut digits)
        .unwrap_or_else(|_| unreachable!("the buffer is twice the input's length"));
    String::from_utf8(digits).unwrap_or_else(|_| unreachable!("hex digits are ASCII"))
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
    fn lower_hex_writes_two_digits_per_byte() {
        assert_eq!(lower_hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(lower_hex(&[]), "");
    }

    #[test]
    fn sha256_of_empty_is_the_known_value() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
