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
//! the Chinese names some consoles use. No error message ever quotes a
//! cell: any cell may be a secret (a file without a header holds nothing
//! else), so errors name rows and columns instead. Files are read only when
//! they are regular files of at most [`MAX_FILE_BYTES`].

use std::path::Path;

use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::catalog::Provider;
use crate::files::{FileError, Links, read_regular};
use crate::tr;

/// A console's access key file is a few hundred bytes; nothing larger is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024;

/// Reads the file the user named (following their link, if it is one): a
/// regular file of at most [`MAX_FILE_BYTES`], never a FIFO or a device.
pub fn read(path: &Path) -> Result<Zeroizing<Vec<u8>>, FileError> {
    read_regular(path, MAX_FILE_BYTES, Links::Follow).map(Zeroizing::new)
}

/// What a file held.
#[derive(Debug)]
pub struct ImportedKey {
    pub provider: Provider,
    pub key_id: String,
    pub secret: SecretString,
    /// The console user the key belongs to, when the file says.
    pub user: Option<String>,
}

/// Why a file is not a console's access key file; worded in the
/// interface's language (`import-*` in `keyturn.ftl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotText,
    Empty,
    TooLarge(usize),
    Csv(String),
    /// A quoted field starting on this line is never closed.
    UnterminatedQuote(usize),
    /// Row 1, of this many columns, names no access key columns.
    UnknownColumns(usize),
    NoKey,
    SeveralKeys(usize),
    EmptyField {
        row: usize,
        column: usize,
        what: KeyPart,
    },
    UnknownProvider,
}

/// Which half of an access key a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPart {
    Id,
    Secret,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ImportError::NotText => tr!("import-not-text"),
            ImportError::Empty => tr!("import-empty"),
            ImportError::TooLarge(size) => tr!("import-too-large", size = *size),
            ImportError::Csv(detail) => tr!("import-csv", detail = detail.as_str()),
            ImportError::UnterminatedQuote(line) => {
                tr!("import-unterminated-quote", line = *line)
            }
            ImportError::UnknownColumns(count) => tr!("import-unknown-columns", count = *count),
            ImportError::NoKey => tr!("import-no-key"),
            ImportError::SeveralKeys(count) => tr!("import-several-keys", count = *count),
            ImportError::EmptyField { row, column, what } => tr!(
                "import-empty-field",
                row = *row,
                column = *column,
                what = tr!(match what {
                    KeyPart::Id => "import-part-id",
                    KeyPart::Secret => "import-part-secret",
                })
            ),
            ImportError::UnknownProvider => tr!("import-unknown-provider"),
        })
    }
}

impl std::error::Error for ImportError {}

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
/// A user name in letters a profile name cannot hold (张三) gets the start of
/// the key id too, so that two such users never get the same name.
pub fn default_name(key: &ImportedKey) -> String {
    let id: String = key
        .key_id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let clean = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "._-".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    let tail = match &key.user {
        Some(user) if !user.chars().any(|c| c.is_alphanumeric() && !c.is_ascii()) => clean(user),
        Some(user) => {
            let kept = clean(user);
            let kept = kept.trim_matches('-');
            if kept.chars().any(|c| c.is_ascii_alphanumeric()) {
                format!("{kept}-{id}")
            } else {
                id
            }
        }
        None => id,
    };
    let name = format!("{}-{tail}", key.provider.key());
    // Profile names hold at most 64 characters (all ASCII here).
    name.chars().take(64).collect()
}

/// Reads one key from `bytes`. `provider` (from `--provider`) wins over
/// what the file suggests, and is needed for a file without a header.
pub fn parse(bytes: &[u8], provider: Option<Provider>) -> Result<ImportedKey, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let text = Zeroizing::new(String::from_utf8(bytes.to_vec()).map_err(|_| ImportError::NotText)?);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some(line) = unterminated_quote(text) {
        return Err(ImportError::UnterminatedQuote(line));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    // Each row with its number in the file (blank rows are skipped).
    let mut rows: Vec<Zeroizing<Vec<String>>> = Vec::new();
    let mut numbers: Vec<usize> = Vec::new();
    for (n, record) in reader.records().enumerate() {
        // csv's errors name positions, never field contents.
        let record = record.map_err(|e| ImportError::Csv(e.to_string()))?;
        let row: Vec<String> = record.iter().map(str::to_owned).collect();
        if row.iter().any(|f| !f.is_empty()) {
            rows.push(Zeroizing::new(row));
            numbers.push(n + 1);
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
        _ => return Err(ImportError::UnknownColumns(header.len())),
    };
    let row = match data {
        [] => return Err(ImportError::NoKey),
        [row] => row,
        many => return Err(ImportError::SeveralKeys(many.len())),
    };
    // The key's row: the last one kept (the header, when there is none).
    let row_number = numbers.last().copied().unwrap_or(1);
    let field = |at: usize| row.get(at).map(String::as_str).unwrap_or_default();
    let empty = |at: usize, what| ImportError::EmptyField {
        row: row_number,
        column: at + 1,
        what,
    };
    let key_id = field(id_at).to_owned();
    if key_id.is_empty() {
        return Err(empty(id_at, KeyPart::Id));
    }
    if field(secret_at).is_empty() {
        return Err(empty(secret_at, KeyPart::Secret));
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

/// The line of a quote that opens a field and is never closed, if any,
/// read the way the CSV reader reads quotes: only at the start of a field,
/// doubled inside one.
fn unterminated_quote(text: &str) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut at = At::FieldStart;
    let mut line = 1;
    let mut opened = 1;
    for c in text.chars() {
        at = match (at, c) {
            (At::FieldStart, '"') => {
                opened = line;
                At::Quoted
            }
            (At::FieldStart | At::Unquoted | At::QuoteInQuoted, ',' | '\n') => At::FieldStart,
            (At::FieldStart | At::Unquoted, _) => At::Unquoted,
            (At::Quoted, '"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, '"') => At::Quoted,
            (At::QuoteInQuoted, _) => At::Unquoted,
        };
        if c == '\n' {
            line += 1;
        }
    }
    (at == At::Quoted).then_some(opened)
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
        let err = parse(b"FAKEID,FakeSecret\n", None).unwrap_err();
        assert_eq!(err, ImportError::UnknownColumns(2));
        assert!(!err.to_string().contains("FakeSecret"), "{err}");
        assert!(!err.to_string().contains("FAKEID"), "{err}");
        let key = parse(b"FAKEID,FakeSecret\n", Some(Provider::UCloud)).unwrap();
        assert_eq!(key.key_id, "FAKEID");
    }

    #[test]
    fn bad_files_are_refused_without_echoing_secrets() {
        let cases: [(&[u8], ImportError); 5] = [
            (fixture!("bad-two-keys.csv"), ImportError::SeveralKeys(2)),
            (
                fixture!("bad-empty-secret.csv"),
                ImportError::EmptyField {
                    row: 2,
                    column: 2,
                    what: KeyPart::Secret,
                },
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

    #[test]
    fn an_unterminated_quote_is_named_as_such() {
        let err = parse(
            b"AccessKey ID,AccessKey Secret\nLTAI5tFAKE,\"FakeSecretNeverShown\n",
            None,
        )
        .unwrap_err();
        assert_eq!(err, ImportError::UnterminatedQuote(2));
        assert!(!err.to_string().contains("FakeSecret"));
        // Doubled quotes inside a quoted field are not an open quote.
        let key = parse(
            b"AccessKey ID,AccessKey Secret\nLTAI5tFAKE,\"Fake\"\"Secret\"\n",
            None,
        )
        .unwrap();
        assert_eq!(key.secret.expose_secret(), "Fake\"Secret");
    }

    fn key_of(user: Option<&str>, key_id: &str) -> ImportedKey {
        ImportedKey {
            provider: Provider::Huawei,
            key_id: key_id.into(),
            secret: SecretString::from("unused"),
            user: user.map(str::to_owned),
        }
    }

    #[test]
    fn default_names_of_users_with_other_scripts_do_not_collide() {
        let a = default_name(&key_of(Some("张三"), "FAKEAKAAAA01"));
        let b = default_name(&key_of(Some("李四"), "FAKEAKBBBB02"));
        assert_ne!(a, b);
        assert_eq!(a, "huawei-FAKEAKAA");
        assert_eq!(
            default_name(&key_of(Some("ops team"), "FAKEAKCC")),
            "huawei-ops-team"
        );
        assert_eq!(
            default_name(&key_of(Some("运维 ops"), "FAKEAKDD")),
            "huawei-ops-FAKEAKDD"
        );
        assert_eq!(default_name(&key_of(Some("ops"), "X")), "huawei-ops");
        let long = "a".repeat(200);
        for name in [a, b, default_name(&key_of(Some(&long), "K"))] {
            assert!(crate::vault::check_name(&name).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_row_and_column_are_named_for_an_empty_cell() {
        let err = parse(
            b"User Name,Access Key Id,Secret Access Key\nops,,FakeSk\n",
            None,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "row 2, column 2 (the key id) is empty");
    }

    proptest::proptest! {
        /// Whatever the bytes, reading them never panics, and no message
        /// quotes any cell (each cell here carries the marker).
        #[test]
        fn no_panic_and_no_cell_in_any_message(
            cells in proptest::collection::vec(
                proptest::collection::vec("[ -~\t\r\n\"\u{feff}é张]{0,12}", 1..5), 1..5),
            provider in proptest::option::of(proptest::sample::select(vec![
                Provider::Alibaba, Provider::Huawei, Provider::Tencent, Provider::UCloud,
            ])),
            header in proptest::option::of(proptest::sample::select(vec![
                "AccessKey ID,AccessKey Secret\n", "User Name,Access Key Id,Secret Access Key\n",
                "SecretId,SecretKey\n", "AccessKeyId,SK\n", "\"AccessKeyId\",\"SK\n",
            ])),
        ) {
            let mut text = header.unwrap_or_default().to_owned();
            for row in &cells {
                let marked: Vec<String> = row.iter().map(|c| format!("SECRET{c}")).collect();
                text.push_str(&marked.join(","));
                text.push('\n');
            }
            if let Err(e) = parse(text.as_bytes(), provider) {
                let message = e.to_string();
                proptest::prop_assert!(!message.contains("SECRET"), "{message}");
                proptest::prop_assert!(message.len() < 400);
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = parse(&bytes, None);
            let _ = parse(&bytes, Some(Provider::UCloud));
        }
    }
}
