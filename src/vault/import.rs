//! Reading the access key CSV files that the cloud consoles hand out.
//!
//! Layouts (header row, then one key):
//! - Alibaba Cloud `AccessKey.csv`: `AccessKey ID,AccessKey Secret`; RAM
//!   users' files may read `UserPrincipalName,AccessKeyId,AccessKeySecret`.
//! - Huawei Cloud `credentials.csv`: `User Name,Access Key Id,Secret Access Key`.
//! - Tencent Cloud `SecretKey.csv`: `SecretId,SecretKey`, often with a
//!   UTF-8 byte-order mark and quoted fields.
//! - UCloud offers no download; a `PublicKey,PrivateKey` file written by
//!   hand is accepted.
//!
//! Columns are matched by name, ignoring case, spaces, `_` and `-`, with
//! the Chinese names some consoles use. The secret never appears in an
//! error message.

use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::catalog::Provider;

/// What a file held.
#[derive(Debug)]
pub struct ImportedKey {
    pub provider: Provider,
    pub key_id: String,
    pub secret: SecretString,
    /// The console user the key belongs to, when the file says.
    pub user: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("the file is empty")]
    Empty,
    #[error("the file is not valid CSV: {0}")]
    Csv(String),
    #[error(
        "no access key columns found (columns: {0}); expected e.g. \"AccessKey ID,AccessKey Secret\", \"Access Key Id,Secret Access Key\", \"SecretId,SecretKey\" or \"PublicKey,PrivateKey\""
    )]
    UnknownColumns(String),
    #[error("the file has a header but no key")]
    NoKey,
    #[error("the file holds {0} keys; import one file per key")]
    SeveralKeys(usize),
    #[error("the {0} column is empty")]
    EmptyField(&'static str),
    #[error("cannot tell which cloud this key belongs to: give --provider")]
    UnknownProvider,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Secret(Option<Provider>),
    User,
}

fn column(header: &str) -> Option<Column> {
    let h: String = header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    Some(match h.as_str() {
        "accesskeyid" | "secretid" | "publickey" | "ak" | "密钥id" | "访问密钥id" => {
            Column::Id
        }
        "accesskeysecret" => Column::Secret(Some(Provider::Alibaba)),
        "secretaccesskey" => Column::Secret(Some(Provider::Huawei)),
        "secretkey" => Column::Secret(Some(Provider::Tencent)),
        "privatekey" => Column::Secret(Some(Provider::UCloud)),
        "sk" | "密钥key" => Column::Secret(None),
        "username" | "userprincipalname" | "用户名" | "用户名称" => Column::User,
        _ => return None,
    })
}

/// Guesses the cloud from the shape of a key id.
fn provider_from_id(id: &str) -> Option<Provider> {
    if id.starts_with("LTAI") {
        Some(Provider::Alibaba)
    } else if id.starts_with("AKID") {
        Some(Provider::Tencent)
    } else {
        None
    }
}

/// A profile name for an imported key when the user gives none:
/// `huawei-ops` from console user "ops", or `alibaba-LTAI5t` from the key id.
pub fn default_name(key: &ImportedKey) -> String {
    let tail: String = match &key.user {
        Some(user) => user.clone(),
        None => key.key_id.chars().take(8).collect(),
    };
    let clean: String = tail
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{}-{clean}", key.provider.key())
}

/// Reads one key from `bytes`. `provider` (from `--provider`) wins over
/// what the file suggests, and is needed for a file without a header.
pub fn parse(bytes: &[u8], provider: Option<Provider>) -> Result<ImportedKey, ImportError> {
    let text = Zeroizing::new(String::from_utf8(bytes.to_vec()).map_err(|_| ImportError::NotText)?);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Zeroizing<Vec<String>>> = Vec::new();
    for record in reader.records() {
        // csv's errors name positions, never field contents.
        let record = record.map_err(|e| ImportError::Csv(e.to_string()))?;
        let row: Vec<String> = record.iter().map(str::to_owned).collect();
        if row.iter().any(|f| !f.is_empty()) {
            rows.push(Zeroizing::new(row));
        }
    }
    let Some((header, data)) = rows.split_first() else {
        return Err(ImportError::Empty);
    };
    let columns: Vec<Option<Column>> = header.iter().map(|h| column(h)).collect();
    let id_at = columns.iter().position(|c| *c == Some(Column::Id));
    let secret_at = columns
        .iter()
        .position(|c| matches!(c, Some(Column::Secret(_))));
    let (id_at, secret_at, user_at, data, from_header) = match (id_at, secret_at) {
        (Some(i), Some(s)) => {
            let from_header = match columns[s] {
                Some(Column::Secret(p)) => p,
                _ => None,
            };
            let user_at = columns.iter().position(|c| *c == Some(Column::User));
            (i, s, user_at, data, from_header)
        }
        // No header: accepted only as "id,secret" with the cloud named.
        _ if provider.is_some() && header.len() == 2 && data.is_empty() => {
            (0, 1, None, std::slice::from_ref(header), None)
        }
        _ => {
            return Err(ImportError::UnknownColumns(
                header
                    .iter()
                    .map(|h| format!("{h:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
        }
    };
    let row = match data {
        [] => return Err(ImportError::NoKey),
        [row] => row,
        many => return Err(ImportError::SeveralKeys(many.len())),
    };
    let field = |at: usize| row.get(at).map(String::as_str).unwrap_or_default();
    let key_id = field(id_at).to_owned();
    if key_id.is_empty() {
        return Err(ImportError::EmptyField("key id"));
    }
    if field(secret_at).is_empty() {
        return Err(ImportError::EmptyField("secret"));
    }
    let provider = provider
        .or(from_header)
        .or_else(|| provider_from_id(&key_id))
        .ok_or(ImportError::UnknownProvider)?;
    Ok(ImportedKey {
        provider,
        secret: SecretString::from(field(secret_at).to_owned()),
        user: user_at
            .map(field)
            .filter(|u| !u.is_empty())
            .map(str::to_owned),
        key_id,
    })
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!("../../tests/fixtures/import/", $name))
        };
    }

    /// File, cloud, key id, secret, console user.
    type Case = (
        &'static [u8],
        Provider,
        &'static str,
        &'static str,
        Option<&'static str>,
    );

    #[test]
    fn each_console_layout_is_read() {
        let cases: [Case; 5] = [
            (
                fixture!("alibaba-console.csv"),
                Provider::Alibaba,
                "LTAI5tFAKEFAKEFAKE000000",
                "FakeAlibabaSecretNotReal0000000",
                None,
            ),
            (
                fixture!("alibaba-ram-user.csv"),
                Provider::Alibaba,
                "LTAI5tFAKEFAKEFAKE111111",
                "FakeAlibabaRamSecretNotReal1111",
                Some("ops@1234567890.onaliyun.com"),
            ),
            (
                fixture!("huawei-console.csv"),
                Provider::Huawei,
                "FAKEAKFAKEAKFAKEAK00",
                "FakeHuaweiSkNotRealFakeHuaweiSkNotReal00",
                Some("demo-user"),
            ),
            (
                fixture!("tencent-console.csv"),
                Provider::Tencent,
                "AKIDFAKEFAKEFAKEFAKEFAKEFAKEFAKE0000",
                "FakeTencentKeyNotRealFakeTencent00",
                None,
            ),
            (
                fixture!("ucloud-by-hand.csv"),
                Provider::UCloud,
                "FAKEucloudPublicKey0000000000000000",
                "FakeUCloudPrivateKeyNotReal00000000000000",
                None,
            ),
        ];
        for (bytes, provider, id, secret, user) in cases {
            let key = parse(bytes, None).unwrap();
            assert_eq!(key.provider, provider);
            assert_eq!(key.key_id, id);
            assert_eq!(key.secret.expose_secret(), secret);
            assert_eq!(key.user.as_deref(), user);
        }
    }

    #[test]
    fn chinese_headers_and_headerless_files() {
        let key = parse(
            "用户名,密钥ID,密钥Key\nops,AKIDFAKE1,FakeKey1\n".as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(
            (key.provider, key.key_id.as_str()),
            (Provider::Tencent, "AKIDFAKE1")
        );
        assert_eq!(key.user.as_deref(), Some("ops"));
        // Without a header, only with the cloud named.
        assert_eq!(
            parse(b"FAKEID,FakeSecret\n", None).unwrap_err(),
            ImportError::UnknownColumns("\"FAKEID\", \"FakeSecret\"".into())
        );
        let key = parse(b"FAKEID,FakeSecret\n", Some(Provider::UCloud)).unwrap();
        assert_eq!(key.key_id, "FAKEID");
    }

    #[test]
    fn bad_files_are_refused_without_echoing_secrets() {
        let cases: [(&[u8], ImportError); 5] = [
            (fixture!("bad-two-keys.csv"), ImportError::SeveralKeys(2)),
            (
                fixture!("bad-empty-secret.csv"),
                ImportError::EmptyField("secret"),
            ),
            (fixture!("bad-header-only.csv"), ImportError::NoKey),
            (fixture!("bad-not-text.csv"), ImportError::NotText),
            (b"\n\n", ImportError::Empty),
        ];
        for (bytes, want) in cases {
            assert_eq!(parse(bytes, None).unwrap_err(), want);
        }
        let err = parse(fixture!("bad-unknown-columns.csv"), None).unwrap_err();
        assert!(matches!(err, ImportError::UnknownColumns(_)));
        let err = parse(b"SecretId,SecretKey\nunknownshape,FakeSecretXYZ\n", None);
        assert!(err.is_ok(), "the SecretKey header names Tencent");
        let err = parse(b"AccessKeyId,SK\nunknownshape,FakeSecretXYZ\n", None).unwrap_err();
        assert_eq!(err, ImportError::UnknownProvider);
        assert!(!err.to_string().contains("FakeSecretXYZ"));
    }
}
