//! The credentials view's jobs: reading a secret for a reveal or a copy,
//! adding, importing and removing profiles, signing a preview, and the file
//! dialog. Each keyring, file or index call blocks, so each runs with
//! `spawn_blocking`; the dialog runs as a task of its own.
//!
//! Errors come back as [`JobError`]s; none carries a secret (the vault's
//! and the importer's errors never do).

use std::path::PathBuf;

use secrecy::SecretString;

use crate::catalog::Provider;
use crate::request::{self, SigningContext};
use crate::vault::Connection;
use crate::vault::team::StoreChoice;
use crate::vault::{Profile, ResourceKey, Slot, VaultError, import, new_profile};

use super::change::{KeySource, SendJob, read_credentials};
use super::error::JobError;
use super::event::{Done, Event, JobId};
use super::runtime::Jobs;

/// A file dialog that answers "no file" sooner than this never opened.
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(300);

/// What to import: a file, and what the user said about it.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub path: PathBuf,
    /// The profile name; `None` for the default (provider and console user,
    /// or the start of the key id).
    pub name: Option<String>,
    /// Which cloud, when the file does not say.
    pub provider: Option<Provider>,
    pub region: Option<String>,
}

/// What the file dialog says: its title and the names of its filters (the
/// console's CSV files, and all files).
#[derive(Debug, Clone)]
pub struct FileDialogWords {
    pub title: String,
    pub csv: String,
    pub all: String,
}

impl Jobs {
    /// Reads a profile's access key secret, for a reveal or a copy.
    pub fn read_profile_secret(&mut self, profile: &str) -> JobId {
        let vault = self.vault.clone();
        let name = profile.to_owned();
        self.spawn_blocking_job(move || {
            Event::Secret(match vault {
                Some(v) => v.profile_secret(&name).map_err(JobError::from),
                None => Err(JobError::NoConfigFolder),
            })
        })
    }

    /// Reads one stored resource password, for a reveal or a copy.
    pub fn read_password(&mut self, key: &str, slot: Slot) -> JobId {
        let vault = self.vault.clone();
        let key = key.to_owned();
        self.spawn_blocking_job(move || {
            Event::Secret(match (vault, ResourceKey::parse(&key)) {
                (Some(v), Some(key)) => v.password(&key, slot).map_err(JobError::from),
                (Some(_), None) => Err(JobError::UnknownResource(key)),
                (None, _) => Err(JobError::NoConfigFolder),
            })
        })
    }

    /// Keeps (or forgets) where a resource's service listens.
    pub fn set_connection(&mut self, key: &str, connection: Option<Connection>) -> JobId {
        let vault = self.vault.clone();
        let key = key.to_owned();
        self.spawn_blocking_job(move || {
            Event::Done((|| {
                let vault = vault.ok_or(JobError::NoConfigFolder)?;
                let key = ResourceKey::parse(&key).ok_or(JobError::UnknownResource(key))?;
                vault.set_connection(&key, connection.clone())?;
                Ok(Done::Connection {
                    key,
                    kept: connection,
                })
            })())
        })
    }

    /// Proves one stored password with one login to its service
    /// (`prove::stored`), and records what it found in the index. The
    /// keyring and index calls, and the login, run on a blocking thread of
    /// the runtime (the login on the runtime itself).
    pub fn prove_password(&mut self, key: &str, slot: Slot) -> JobId {
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        let key = key.to_owned();
        self.spawn_blocking_job(move || {
            let proven = (|| {
                let vault = vault.ok_or(JobError::NoConfigFolder)?;
                let key = ResourceKey::parse(&key).ok_or(JobError::UnknownResource(key))?;
                let stored = crate::prove::stored::Stored::read(&vault, &key, slot)?;
                let proof =
                    tokio::runtime::Handle::current().block_on(stored.prove(crate::prove::TIMEOUT));
                let at = clock();
                stored.record(&vault, &proof, at)?;
                Ok(Box::new(super::Proven {
                    key,
                    slot,
                    proof,
                    at,
                }))
            })();
            Event::Proven(proven)
        })
    }

    /// Finds out whether an open change of `key` happened: one login with
    /// its pending password and, only if the service refused that one, one
    /// with the current password, each recorded; what they propose comes
    /// back for the admin to confirm (`prove::finding`).
    pub fn find_out(&mut self, key: ResourceKey) -> JobId {
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        self.spawn_blocking_job(move || {
            let found = (|| {
                let vault = vault.ok_or(JobError::NoConfigFolder)?;
                let one = |slot: Slot| -> Result<crate::vault::Proof, JobError> {
                    let stored = crate::prove::stored::Stored::read(&vault, &key, slot)?;
                    let proof = tokio::runtime::Handle::current()
                        .block_on(stored.prove(crate::prove::TIMEOUT));
                    stored.record(&vault, &proof, clock())?;
                    Ok(proof)
                };
                let pending = one(Slot::Pending)?;
                let current = match crate::prove::finding::test_current_after(&pending) {
                    true => Some(one(Slot::Current)?),
                    false => None,
                };
                let finding = crate::prove::finding::finding(&pending, current.as_ref());
                Ok(Box::new(super::FoundOut {
                    pending,
                    current,
                    finding,
                }))
            })();
            Event::FoundOut(found)
        })
    }

    /// Stores a new profile: its secret in the keyring, the rest in the index.
    pub fn add_profile(&mut self, profile: Profile, secret: SecretString) -> JobId {
        let vault = self.vault.clone();
        self.spawn_blocking_job(move || {
            Event::Done(match vault {
                Some(v) => {
                    let (name, provider, key_id) = (
                        profile.name.clone(),
                        profile.provider,
                        profile.key_id.clone(),
                    );
                    v.add_profile(profile, &secret)
                        .map(|()| Done::ProfileAdded {
                            name,
                            provider,
                            key_id,
                        })
                        .map_err(JobError::from)
                }
                None => Err(JobError::NoConfigFolder),
            })
        })
    }

    /// Saves where profiles and passwords are kept from the next start and,
    /// if given, the team store's token in this computer's keyring.
    pub fn save_store(&mut self, choice: StoreChoice, token: Option<SecretString>) -> JobId {
        let vault = self.vault.clone();
        self.spawn_blocking_job(move || {
            Event::Done(match vault {
                Some(v) => save_store(v.paths(), &choice, token.as_ref()),
                None => Err(JobError::NoConfigFolder),
            })
        })
    }

    /// Reads a console's access key CSV file and stores it as a profile.
    pub fn import_profile(&mut self, import: ImportRequest) -> JobId {
        let vault = self.vault.clone();
        let now = (self.clock)();
        self.spawn_blocking_job(move || {
            Event::Done(match vault {
                Some(v) => import_file(&import, now).and_then(|(profile, secret)| {
                    let name = profile.name.clone();
                    let provider = profile.provider;
                    let key_id = profile.key_id.clone();
                    v.add_profile(profile, &secret)
                        .map_err(JobError::from)
                        .map(|()| Done::ProfileImported {
                            name,
                            provider,
                            key_id,
                        })
                }),
                None => Err(JobError::NoConfigFolder),
            })
        })
    }

    /// Removes a profile and its keyring entry.
    pub fn remove_profile(&mut self, profile: &str) -> JobId {
        let vault = self.vault.clone();
        let name = profile.to_owned();
        self.spawn_blocking_job(move || {
            Event::Done(match vault {
                Some(v) => v
                    .remove_profile(&name)
                    .map(|had_secret| Done::ProfileRemoved {
                        name: name.clone(),
                        had_secret,
                    })
                    .map_err(JobError::from),
                None => Err(JobError::NoConfigFolder),
            })
        })
    }

    /// Deletes an imported key file (a regular file, never through a link).
    pub fn delete_file(&mut self, path: PathBuf) -> JobId {
        self.spawn_blocking_job(move || {
            Event::Done(match crate::files::remove_regular(&path) {
                Ok(()) => Ok(Done::FileDeleted(path)),
                Err(source) => Err(JobError::DeleteFile { path, source }),
            })
        })
    }

    /// Signs `job`'s request as it would be sent now, for the preview.
    /// Nothing is sent, staged or journalled.
    pub fn preview(&mut self, job: SendJob) -> JobId {
        let vault = self.vault.clone();
        let clock = self.clock.clone();
        self.spawn_blocking_job(move || {
            let credentials = match job.key {
                KeySource::Typed(c) => Ok(c),
                KeySource::Profile(name) => read_credentials(vault.as_ref(), &name),
            };
            Event::Preview(credentials.map(|credentials| {
                let nonce = request::fresh_nonce();
                Box::new(request::build(
                    &job.request,
                    &job.endpoint,
                    &credentials,
                    SigningContext {
                        time: clock(),
                        nonce: &nonce,
                    },
                ))
            }))
        })
    }

    /// Opens the desktop's file dialog for a console's CSV file, with the
    /// front end's words for its title and its two filters.
    pub fn pick_csv_file(&mut self, words: FileDialogWords) -> JobId {
        let reporter = self.reporter();
        let id = reporter.id;
        let FileDialogWords { title, csv, all } = words;
        self.runtime().spawn(async move {
            let asked = std::time::Instant::now();
            let picked = rfd::AsyncFileDialog::new()
                .set_title(title)
                .add_filter(csv, &["csv", "CSV"])
                .add_filter(all, &["*"])
                .pick_file()
                .await
                .map(|handle| handle.path().to_owned());
            // Nobody cancels a dialog they have seen this fast: none opened
            // (rfd tries the desktop's portal, then zenity, and gives up
            // quietly when neither is there).
            let result = match picked {
                None if asked.elapsed() < NO_DIALOG_WITHIN => Err(JobError::NoFileChooser),
                picked => Ok(picked),
            };
            reporter.report(Event::FilePicked(result));
        });
        id
    }
}

/// Reads and parses `import.path` into a new profile and its secret.
/// The secret never appears in an error.
pub fn import_file(
    import: &ImportRequest,
    now: time::OffsetDateTime,
) -> Result<(Profile, SecretString), JobError> {
    let path = &import.path;
    let bytes = import::read(path).map_err(|source| JobError::ImportRead {
        path: path.clone(),
        source,
    })?;
    let key = import::parse(&bytes, import.provider).map_err(|source| JobError::ImportParse {
        path: path.clone(),
        source,
    })?;
    let name = import
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .map(|n| n.trim().to_owned())
        .unwrap_or_else(|| import::default_name(&key));
    let mut profile = new_profile(&name, key.provider, &key.key_id, now);
    profile.region = import.region.clone().filter(|r| !r.trim().is_empty());
    profile.notes = key.user.as_ref().map(|u| format!("console user {u}"));
    Ok((profile, key.secret))
}

fn save_store(
    paths: &crate::vault::Paths,
    choice: &StoreChoice,
    token: Option<&SecretString>,
) -> Result<Done, JobError> {
    if let (StoreChoice::Vault(settings), Some(token)) = (choice, token) {
        crate::vault::secrets::platform_set(
            &crate::vault::team::token_entry(&settings.addr),
            &format!("Keyturn: team store token for {}", settings.addr),
            token,
        )?;
    }
    choice
        .save(paths)
        .map_err(|e| JobError::Vault(VaultError::Team(e)))?;
    Ok(Done::StoreSaved(choice.clone()))
}
