//! The few calls of the KV version 2 secrets engine that the team store
//! needs, over HTTP (`reqwest`'s blocking client: the credential store's
//! interface is synchronous, and every caller already runs it off the UI
//! thread and off the async runtime's workers).
//!
//! - read: `GET /v1/<mount>/data/<path>`: the value and its version;
//! - write: `POST /v1/<mount>/data/<path>` with `options.cas`, so that a
//!   write made on a stale read is refused;
//! - removal is a write too: an empty value, checked-and-set like any
//!   other (a plain `DELETE` cannot name the version it removes);
//! - lookup-self: `GET /v1/auth/token/lookup-self`, the token's own name,
//!   for the claims a change writes;
//! - tag: `POST /v1/<mount>/metadata/<path>` with custom metadata (who
//!   wrote it, with what);
//! - list: `LIST /v1/<mount>/metadata/<folder>/` (as `GET …?list=true`):
//!   the names in a folder;
//! - read and write of several data keys (`read_data`, `write_data`): an
//!   entry that holds a secret (`value`) and fields beside it, written in
//!   one check-and-set write (the team's profiles, see `profiles`).
//!
//! The token goes in the `X-Vault-Token` header only; `Debug` never shows
//! it. Answers are read up to a cap. Plain HTTP is allowed only to a
//! loopback address, as for every endpoint Keyturn talks to.

use std::io::Read;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

use super::wire::{encode_path, errors_of, is_leaderless, redirect_target};
use super::{Odd, TeamError};
use crate::transport::without_url;

/// The most of an answer that is read; KV answers are small.
const ANSWER_CAP: u64 = 1 << 20;
/// How long a call waits for a cluster that has lost its leader to elect a
/// new one (its standbys answer 5xx meanwhile), trying again with a
/// growing pause. A server that cannot be reached at all, or is sealed,
/// is reported at once.
const FAILOVER_WAIT: Duration = Duration::from_secs(30);
/// How many redirects (standby to active node) one call follows.
const MAX_REDIRECTS: u32 = 3;
/// How long one call may take in all.
const TIMEOUT: Duration = Duration::from_secs(15);

/// What a read found.
pub struct Found {
    /// The value; `None` when the entry has none (never written, or its
    /// latest version deleted).
    pub value: Option<SecretString>,
    /// The entry's current version (0 for an entry never written): what a
    /// write must name to replace exactly what was read.
    pub version: u64,
}

/// A KV v2 write: `{"data": {"value": …}, "options": {"cas": …}}`.
#[derive(serde::Serialize)]
struct WriteBody<'a> {
    data: WriteData<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<WriteOptions>,
}

#[derive(serde::Serialize)]
struct WriteData<'a> {
    value: &'a str,
}

#[derive(serde::Serialize)]
struct WriteOptions {
    cas: u64,
}

/// What [`KvClient::read_data`] found: the secret and every other data key
/// of the entry's current version.
pub struct Data {
    /// The `value` key: the secret; `None` when the entry has none (never
    /// written, its latest version deleted, or written without one).
    pub value: Option<SecretString>,
    /// Every other data key, as written; never the secret.
    pub fields: serde_json::Map<String, Value>,
    /// The entry's current version (0 for an entry never written): what a
    /// write must name to replace exactly what was read.
    pub version: u64,
    /// When the current version was written, as the server says
    /// (RFC 3339).
    pub created_time: Option<String>,
}

/// A KV v2 write of several data keys: `value` (the secret, if any) beside
/// `fields`, and always a check-and-set version.
#[derive(serde::Serialize)]
struct DataBody<'a> {
    data: DataFields<'a>,
    options: WriteOptions,
}

#[derive(serde::Serialize)]
struct DataFields<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(flatten)]
    fields: &'a serde_json::Map<String, Value>,
}

/// What one request came back with.
enum Reply {
    /// The server's answer: its status and JSON body.
    Answer(u16, Value),
    /// A standby's redirect to the active node: the same request goes there.
    Elsewhere(String),
}

/// A KV v2 mount on one server, with one token.
pub struct KvClient {
    /// `https://host:port`, without a trailing slash.
    addr: String,
    mount: String,
    namespace: Option<String>,
    token: SecretString,
    http: reqwest::blocking::Client,
}

impl std::fmt::Debug for KvClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KvClient")
            .field("addr", &self.addr)
            .field("mount", &self.mount)
            .field("namespace", &self.namespace)
            .finish_non_exhaustive()
    }
}

impl KvClient {
    /// A client of `mount` at `addr` (already checked: https, or http to
    /// loopback), trusting also the PEM certificates in `ca_pem`.
    pub fn new(
        addr: &str,
        mount: &str,
        namespace: Option<String>,
        token: SecretString,
        ca_pem: Option<&[u8]>,
    ) -> Result<KvClient, TeamError> {
        crate::transport::tls::install();
        let mut builder = reqwest::blocking::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none());
        if let Some(pem) = ca_pem {
            let cert = reqwest::Certificate::from_pem(pem)
                .map_err(|e| TeamError::Settings(format!("VAULT_CACERT: {e}")))?;
            builder = builder.add_root_certificate(cert);
        }
        let http = builder
            .build()
            .map_err(|e| TeamError::Unreachable(e.to_string()))?;
        Ok(KvClient {
            addr: addr.trim_end_matches('/').to_owned(),
            mount: mount.trim_matches('/').to_owned(),
            namespace,
            token,
            http,
        })
    }

    fn url(&self, area: &str, path: &str) -> String {
        format!(
            "{}/v1/{}/{area}/{}",
            self.addr,
            self.mount,
            encode_path(path)
        )
    }

    /// [`Self::send_once`] to `url`, following a standby's redirect to the
    /// active node, and again while the cluster has no leader.
    fn send(
        &self,
        url: String,
        request: impl Fn(&str) -> reqwest::blocking::RequestBuilder,
        path: &str,
    ) -> Result<(u16, Value), TeamError> {
        let started = std::time::Instant::now();
        let mut pause = Duration::from_millis(200);
        let mut target = url.clone();
        let mut hops = 0;
        loop {
            match self.send_once(request(&target), path) {
                Ok(Reply::Answer(status, value)) => return Ok((status, value)),
                Ok(Reply::Elsewhere(next)) if hops < MAX_REDIRECTS => {
                    hops += 1;
                    target = next;
                }
                Ok(Reply::Elsewhere(_)) => {
                    return Err(TeamError::Odd {
                        status: 307,
                        odd: Odd::TooManyRedirects,
                    });
                }
                Err(e) => {
                    // A standby without a leader, or the active node a
                    // standby named gone: the cluster is choosing another.
                    let electing = matches!(e, TeamError::Leaderless { .. })
                        || (hops > 0 && matches!(e, TeamError::Unreachable(_)));
                    if !electing || started.elapsed() + pause >= FAILOVER_WAIT {
                        return Err(e);
                    }
                    tracing::debug!(error = %e, "the team store has no leader yet; trying again");
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_secs(2));
                    target = url.clone();
                    hops = 0;
                }
            }
        }
    }

    fn send_once(
        &self,
        request: reqwest::blocking::RequestBuilder,
        path: &str,
    ) -> Result<Reply, TeamError> {
        let mut request = request.header("X-Vault-Token", self.token.expose_secret());
        if let Some(ns) = &self.namespace {
            request = request.header("X-Vault-Namespace", ns);
        }
        let response = request
            .send()
            .map_err(|e| TeamError::Unreachable(without_url(&e, "the server")))?;
        let status = response.status().as_u16();
        if matches!(status, 307 | 308) {
            return redirect_target(&response).map(Reply::Elsewhere);
        }
        let mut body = Vec::new();
        response
            .take(ANSWER_CAP)
            .read_to_end(&mut body)
            .map_err(|e| TeamError::Unreachable(e.to_string()))?;
        let value: Value = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&body).map_err(|_| TeamError::Odd {
                status,
                odd: Odd::NotJson,
            })?
        };
        let errors = errors_of(&value);
        match status {
            200..=299 | 404 => Ok(Reply::Answer(status, value)),
            403 => Err(TeamError::Denied {
                path: path.to_owned(),
            }),
            503 if errors.contains("sealed") => Err(TeamError::Sealed),
            400 if errors.contains("check-and-set parameter") => Err(TeamError::Changed {
                path: path.to_owned(),
            }),
            500 | 502 | 503 if is_leaderless(&errors) => {
                Err(TeamError::Leaderless { status, errors })
            }
            _ => Err(TeamError::Refused { status, errors }),
        }
    }

    /// Reads the entry at `path`.
    pub fn read(&self, path: &str) -> Result<Found, TeamError> {
        self.read_at(self.url("data", path), path)
    }

    /// Reads version `version` of the entry at `path`.
    pub fn read_version(&self, path: &str, version: u64) -> Result<Found, TeamError> {
        let url = format!("{}?version={version}", self.url("data", path));
        self.read_at(url, path)
    }

    /// The versions the entry at `path` keeps, oldest first, each with
    /// when it was written (the server's RFC 3339 text); none for an entry
    /// never written.
    pub fn versions(&self, path: &str) -> Result<Vec<(u64, String)>, TeamError> {
        let (status, body) =
            self.send(self.url("metadata", path), |url| self.http.get(url), path)?;
        if status == 404 {
            return Ok(Vec::new());
        }
        let mut versions: Vec<(u64, String)> = body["data"]["versions"]
            .as_object()
            .map(|versions| {
                versions
                    .iter()
                    .filter_map(|(number, about)| {
                        let number = number.parse().ok()?;
                        let created = about["created_time"].as_str().unwrap_or("").to_owned();
                        Some((number, created))
                    })
                    .collect()
            })
            .unwrap_or_default();
        versions.sort_by_key(|(number, _)| *number);
        Ok(versions)
    }

    fn read_at(&self, url: String, path: &str) -> Result<Found, TeamError> {
        let (status, body) = self.send(url, |url| self.http.get(url), path)?;
        let data = &body["data"];
        let version = data["metadata"]["version"].as_u64().unwrap_or(0);
        if status == 404 {
            return Ok(Found {
                value: None,
                version,
            });
        }
        // An empty value is a removal (see the module above).
        let value = data["data"]["value"]
            .as_str()
            .filter(|v| !v.is_empty())
            .map(SecretString::from);
        Ok(Found { value, version })
    }

    /// Writes `value` at `path`, only if the entry is still at version
    /// `cas` when given (0: only if it does not exist). Returns the new
    /// version.
    pub fn write(
        &self,
        path: &str,
        value: &SecretString,
        cas: Option<u64>,
    ) -> Result<u64, TeamError> {
        // The body holds the secret: serialised straight from the borrowed
        // value and wiped when the write is done (the copy each request
        // hands to the HTTP client is that library's).
        let body = WriteBody {
            data: WriteData {
                value: value.expose_secret(),
            },
            options: cas.map(|cas| WriteOptions { cas }),
        };
        // After a failover, a write whose answer was lost may have been
        // made: then the entry holds exactly this value, one version on.
        // Every write of a resource's item names the attempt it is part of
        // (its claim, or the settlement it records), so another admin's
        // write of the same password never passes for ours.
        self.post_write(path, &body, || {
            let found = self.read(path)?;
            let ours = match &found.value {
                Some(v) => v.expose_secret() == value.expose_secret(),
                None => value.expose_secret().is_empty(),
            };
            Ok((ours && cas.is_some_and(|cas| found.version == cas + 1)).then_some(found.version))
        })
    }

    /// The name the store knows this token by (its display name), if the
    /// token may look itself up.
    pub fn identity(&self) -> Result<Option<String>, TeamError> {
        let url = format!("{}/v1/auth/token/lookup-self", self.addr);
        let (status, body) = self.send(url, |url| self.http.get(url), "auth/token/lookup-self")?;
        if status == 404 {
            return Ok(None);
        }
        Ok(body["data"]["display_name"]
            .as_str()
            .map(|name| name.chars().filter(|c| !c.is_control()).take(128).collect())
            .filter(|name: &String| !name.is_empty()))
    }

    /// Sets the custom metadata of `path`.
    pub fn tag(&self, path: &str, metadata: &[(&str, String)]) -> Result<(), TeamError> {
        let custom: serde_json::Map<String, Value> = metadata
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::String(v.clone())))
            .collect();
        let body = json!({ "custom_metadata": custom }).to_string();
        let request = |url: &str| {
            self.http
                .post(url)
                .header("Content-Type", "application/json")
                .body(body.clone())
        };
        self.send(self.url("metadata", path), request, path)
            .map(|_| ())
    }
}

impl KvClient {
    /// A second client of the same mount with the same token, sharing this
    /// one's connections (the team's profiles use it beside the store).
    pub fn share(&self) -> KvClient {
        KvClient {
            addr: self.addr.clone(),
            mount: self.mount.clone(),
            namespace: self.namespace.clone(),
            token: self.token.clone(),
            http: self.http.clone(),
        }
    }

    /// The names in the folder `folder` (sub-folders, which end in `/`,
    /// left out); empty when there is none.
    pub fn list(&self, folder: &str) -> Result<Vec<String>, TeamError> {
        let folder = folder.trim_matches('/');
        let url = format!("{}/?list=true", self.url("metadata", folder));
        let (status, body) = self.send(url, |url| self.http.get(url), folder)?;
        if status == 404 {
            return Ok(Vec::new());
        }
        let keys = body["data"]["keys"].as_array().ok_or(TeamError::Odd {
            status,
            odd: Odd::NoKeys,
        })?;
        Ok(keys
            .iter()
            .filter_map(Value::as_str)
            .filter(|k| !k.is_empty() && !k.ends_with('/'))
            .map(str::to_owned)
            .collect())
    }

    /// Reads every data key of the entry at `path`. The secret (`value`)
    /// is copied into a [`SecretString`] and the parsed copy wiped at once;
    /// the other keys come back as written.
    pub fn read_data(&self, path: &str) -> Result<Data, TeamError> {
        let (status, mut body) =
            self.send(self.url("data", path), |url| self.http.get(url), path)?;
        let data = &mut body["data"];
        let version = data["metadata"]["version"].as_u64().unwrap_or(0);
        let created_time = data["metadata"]["created_time"]
            .as_str()
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        let mut fields = match data["data"].take() {
            Value::Object(fields) if status != 404 => fields,
            _ => serde_json::Map::new(),
        };
        let value = match fields.remove("value") {
            Some(Value::String(mut text)) => {
                let secret = SecretString::from(text.as_str());
                zeroize::Zeroize::zeroize(&mut text);
                Some(secret)
            }
            _ => None,
        };
        Ok(Data {
            value,
            fields,
            version,
            created_time,
        })
    }

    /// Writes `value` (if any) and `fields` as the data of `path`, only if
    /// the entry is still at version `cas` (0: only if it was never
    /// written). Returns the new version.
    pub fn write_data(
        &self,
        path: &str,
        value: Option<&SecretString>,
        fields: &serde_json::Map<String, Value>,
        cas: u64,
    ) -> Result<u64, TeamError> {
        // As in `write`: the body is serialised from the borrowed secret
        // and wiped when the write is done.
        let body = DataBody {
            data: DataFields {
                value: value.map(ExposeSecret::expose_secret),
                fields,
            },
            options: WriteOptions { cas },
        };
        // After a failover, a write whose answer was lost may have been
        // made: then the entry holds exactly this data, one version on.
        self.post_write(path, &body, || {
            let found = self.read_data(path)?;
            let same_value = match (&found.value, value) {
                (Some(a), Some(b)) => a.expose_secret() == b.expose_secret(),
                (None, None) => true,
                _ => false,
            };
            let ours = same_value && found.fields == *fields && found.version == cas + 1;
            Ok(ours.then_some(found.version))
        })
    }

    /// Posts the KV v2 write `body` (serialised here, wiped when done) to
    /// `path` and returns the new version. When its check-and-set refuses
    /// it, `made` says whether the entry already holds exactly this write
    /// (its answer lost in a failover), and with which version.
    fn post_write(
        &self,
        path: &str,
        body: &impl serde::Serialize,
        made: impl FnOnce() -> Result<Option<u64>, TeamError>,
    ) -> Result<u64, TeamError> {
        let body = zeroize::Zeroizing::new(
            serde_json::to_vec(body).map_err(|e| TeamError::Unencodable(e.to_string()))?,
        );
        let request = |url: &str| {
            self.http
                .post(url)
                .header("Content-Type", "application/json")
                .body(body.to_vec())
        };
        let answer = match self.send(self.url("data", path), request, path) {
            Ok((_, answer)) => answer,
            Err(TeamError::Changed { path: changed }) => {
                return made()?.ok_or(TeamError::Changed { path: changed });
            }
            Err(e) => return Err(e),
        };
        answer["data"]["version"].as_u64().ok_or(TeamError::Odd {
            status: 200,
            odd: Odd::NoVersion,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let client = KvClient::new(
            "http://127.0.0.1:8200",
            "secret",
            None,
            SecretString::from("s.ktfake-token-debug"),
            None,
        )
        .unwrap();
        let shown = format!("{client:?}");
        assert!(shown.contains("127.0.0.1"), "{shown}");
        assert!(!shown.contains("ktfake"), "{shown}");
    }
}
