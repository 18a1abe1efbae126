//! UCloud's API signature.
//!
//! 1. Take every request parameter (with `PublicKey`, without `Signature`),
//!    sorted by name.
//! 2. String to sign: each name followed by its value, concatenated, then
//!    the private key.
//! 3. Signature: hex SHA-1 of that string, sent as the `Signature` parameter.

use std::fmt;

use sha1::{Digest, Sha1};
use zeroize::Zeroizing;

use super::Credentials;
use super::encode::lower_hex;

/// Stages 1 and 2, without the private key: the sorted name-value text.
///
/// Not safe to show: it holds every parameter's value, the new password
/// among them (base64-encoded, as UCloud takes it, which anyone can
/// decode). So, unlike the other schemes' stages, it has no `Display`:
/// the text is reached only through [`StringToSign::expose_secret`], and
/// `Debug` prints a redaction. The key is appended only when hashing.
///
/// ```compile_fail,E0277
/// let sts = keyturn::sign::ucloud::StringToSign::new(&[]);
/// let shown = format!("{sts}");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct StringToSign {
    sorted_pairs: Zeroizing<String>,
}

impl StringToSign {
    /// `params` must include `PublicKey`; a `Signature` among them is ignored.
    pub fn new(params: &[(String, String)]) -> Self {
        let mut sorted: Vec<&(String, String)> =
            params.iter().filter(|(k, _)| k != "Signature").collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let mut text = Zeroizing::new(String::new());
        for (k, v) in sorted {
            text.push_str(k);
            text.push_str(v);
        }
        StringToSign { sorted_pairs: text }
    }

    /// The exact text, password included: for hashing and for comparing
    /// with published vectors, never for a person to read.
    pub fn expose_secret(&self) -> &str {
        &self.sorted_pairs
    }
}

impl fmt::Debug for StringToSign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StringToSign([redacted])")
    }
}

/// Stage 3.
pub fn signature(credentials: &Credentials, string_to_sign: &StringToSign) -> String {
    let mut hasher = Sha1::new();
    hasher.update(string_to_sign.expose_secret().as_bytes());
    hasher.update(credentials.secret().as_bytes());
    lower_hex(&hasher.finalize())
}

/// Adds `PublicKey` and `Signature` to the parameters.
pub fn sign(params: &mut Vec<(String, String)>, credentials: &Credentials) {
    params.retain(|(k, _)| k != "PublicKey" && k != "Signature");
    params.push(("PublicKey".to_owned(), credentials.key_id.clone()));
    let sig = signature(credentials, &StringToSign::new(params));
    params.push(("Signature".to_owned(), sig));
}
