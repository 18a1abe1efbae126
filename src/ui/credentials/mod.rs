//! The credentials view: every stored profile as a table (name, cloud,
//! key id, region, added, last used, verified, last rotation, key age)
//! with the selected profile's details and actions under it, and every
//! stored resource password (its slots with when each was set, when it was
//! last rotated).
//!
//! - *Verify* runs the profile's cheapest read-only call as a job and shows
//!   what came of it.
//! - *Reveal* reads a secret (a profile's, or one slot of a resource) from
//!   the keyring in a job and shows it until *Hide*; only one at a time.
//! - *Copy* reads it the same way and hands it to the [`ClipboardGuard`],
//!   which marks it for clipboard managers and clears it again.
//! - *Add a profile* by a form, or *import* a console's CSV file (picked in
//!   the desktop's file dialog, or its path typed); *Remove* asks first.
//!
//! What an action did, or why it failed, is shown beside it until
//! dismissed; the warning that an imported file still holds the key stays
//! until dismissed.
//!
//! Every keyring, file and network call is a job (`jobs/store.rs`,
//! `Jobs::verify`); the panel keeps each job's id with what it wants done
//! with the answer, and drops answers it no longer waits for. A revealed
//! secret is a `ShownSecret` (zeroed when hidden, painted but never
//! selectable, masked for screen readers) and is never persisted.

mod add;
mod cells;
mod connection;
mod dialog;
mod import;
mod passwords;
mod profiles;
mod secrets;
mod store;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use egui::{self, Id, RichText, Ui};
use secrecy::SecretString;
use time::{OffsetDateTime, UtcOffset};

use crate::catalog::Provider;
use crate::jobs::{Event, ImportRequest, JobError, JobId, JournalView};
use crate::shown::shown;
use crate::tr;
use crate::ui::Action;
use crate::ui::clipboard::ClipboardGuard;
use crate::ui::history::resource_name_of;
use crate::ui::idle::IdleGuard;
use crate::ui::remedy::Failure;
use crate::ui::widgets::notice::{Offer, Tone};
use crate::ui::widgets::{Notice, SecretText, ShownSecret, keep_focus_in_view, notices_ui};
use crate::vault::team::StoreChoice;
use crate::vault::{Index, Profile, Slot, Verification};
use crate::words;

use add::AddForm;
use import::ImportForm;

/// A secret the user can reveal or copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A profile's access key secret.
    Profile(String),
    /// One slot of a stored resource password (the key in text form).
    Password(String, Slot),
}

impl Target {
    /// In words: "the secret of profile prod", "the pending password of …".
    pub fn words(&self) -> String {
        match self {
            Target::Profile(name) => tr!("app-credentials-target-profile", name = name.as_str()),
            Target::Password(key, slot) => {
                let id = match slot {
                    Slot::Current => "app-credentials-target-current",
                    Slot::Previous => "app-credentials-target-previous",
                    Slot::Pending => "app-credentials-target-pending",
                };
                tr!(id, what = resource_name_of(key))
            }
        }
    }
}

/// A job the panel asks the app to start.
#[derive(Debug)]
pub enum Request {
    Verify(String),
    ReadSecret(Target),
    Add(Box<Profile>, SecretString),
    Import(ImportRequest),
    Remove(String),
    PickFile,
    /// Where profiles and passwords are kept from the next start, and a
    /// token for the team store to keep in this computer's keyring.
    SaveStore(Box<StoreChoice>, Option<SecretString>),
    DeleteFile(PathBuf),
    /// One login with a stored password (the key in text form).
    Test(String, Slot),
    /// Keep (or forget) where a resource's service listens.
    Connect(String, Option<crate::vault::Connection>),
}

/// What to do with a job's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Verify(String),
    Reveal(Target),
    Copy(Target),
    Add,
    /// The file being imported: it still holds the key afterwards.
    Import(PathBuf),
    Remove(String),
    PickFile,
    SaveStore,
    /// An imported key file, deleted at the admin's word.
    DeleteFile(PathBuf),
    /// A login with a stored password, by key and slot.
    Test(String, Slot),
    /// Connection details of a resource, by key.
    Connect(String),
}

impl Purpose {
    /// Where the answer is shown: beside what asked for it.
    fn place(&self) -> Place {
        match self {
            Purpose::Verify(name) | Purpose::Remove(name) => Place::Profile(name.clone()),
            Purpose::Reveal(t) | Purpose::Copy(t) => match t {
                Target::Profile(name) => Place::Profile(name.clone()),
                Target::Password(key, _) => Place::Password(key.clone()),
            },
            Purpose::Add => Place::Add,
            Purpose::Import(_) | Purpose::PickFile | Purpose::DeleteFile(_) => Place::Import,
            Purpose::SaveStore => Place::Store,
            Purpose::Test(key, _) | Purpose::Connect(key) => Place::Password(key.clone()),
        }
    }
}

/// Where a message is shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Place {
    /// Above the profile list (a profile that is gone).
    Profiles,
    Profile(String),
    /// A stored resource password, by key.
    Password(String),
    Add,
    Import,
    Store,
}

/// The credentials view's state.
#[derive(Debug, Default)]
pub struct CredentialsPanel {
    /// Shared, so drawing a frame holds it without copying it.
    index: Option<Result<Arc<Index>, Failure>>,
    /// Jobs this panel waits for, and what each is for.
    waiting: HashMap<JobId, Purpose>,
    /// This session's verification results, by profile: whether the key
    /// works, and the summary; or why it could not be verified.
    verified: BTreeMap<String, Result<(Verification, usize), Failure>>,
    revealed: Option<(Target, ShownSecret)>,
    add: AddForm,
    import: ImportForm,
    /// Made from the store in use when the view is first drawn.
    store: Option<store::StoreForm>,
    confirm_remove: Option<String>,
    /// The imported file the admin asked to delete, until they confirm.
    confirm_delete: Option<PathBuf>,
    /// The profile whose details and actions show under the table.
    selected: Option<String>,
    /// The resource whose passwords show under the passwords table.
    selected_password: Option<String>,
    password_order: passwords::PasswordOrder,
    /// Until when each resource's old password works, from the journal.
    old_expiries: passwords::OldPasswordExpiries,
    /// Messages beside what caused them, until dismissed or until the
    /// same place starts something new (warnings stay until dismissed).
    notices: BTreeMap<Place, Vec<Notice>>,
    /// The connection details being edited, of one resource.
    connection: Option<connection::ConnectionForm>,
}

/// What the panel needs from the app each frame.
pub struct CredentialsCtx<'a> {
    /// Where profiles and passwords are kept, or why the store chosen
    /// cannot be used; `None` for the demo's store in memory.
    pub store: &'a Option<Result<StoreChoice, String>>,
    pub now: OffsetDateTime,
    pub local: UtcOffset,
    pub clipboard: &'a mut ClipboardGuard,
    pub idle: &'a mut IdleGuard,
    pub actions: &'a mut Vec<Action>,
}

impl CredentialsPanel {
    /// A (newest) read of the index.
    pub fn index_read(&mut self, result: Result<Index, Failure>) {
        self.index = Some(result.map(Arc::new));
    }

    /// A job this panel asked for started.
    pub fn started(&mut self, id: JobId, purpose: Purpose) {
        // A new start at a place replaces its old news, not its warnings.
        if let Some(notices) = self.notices.get_mut(&purpose.place()) {
            notices.retain(|n| n.tone == Tone::Warning);
        }
        // A new reveal or copy replaces any still waiting.
        if matches!(purpose, Purpose::Reveal(_) | Purpose::Copy(_)) {
            self.waiting
                .retain(|_, p| !matches!(p, Purpose::Reveal(_) | Purpose::Copy(_)));
        }
        self.waiting.insert(id, purpose);
    }

    /// A job's answer. Returns true when the stored credentials changed
    /// (the app then reads the index again).
    pub fn job_event(
        &mut self,
        id: JobId,
        event: Event,
        clipboard: &mut ClipboardGuard,
        now: OffsetDateTime,
    ) -> bool {
        let Some(purpose) = self.waiting.remove(&id) else {
            return false;
        };
        let place = purpose.place();
        let mut tell = |notice: Notice| self.notices.entry(place.clone()).or_default().push(notice);
        match (purpose, event) {
            (Purpose::Test(_, _), Event::Proven(result)) => {
                match result {
                    // Worded when drawn, in the language in force then.
                    Ok(p) => {
                        let record = crate::vault::ProofRecord {
                            at: p.at,
                            proof: p.proof.clone(),
                        };
                        tell(if p.proof.opened() {
                            Notice::done(record)
                        } else {
                            Notice::warning(record)
                        })
                    }
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                true
            }
            (Purpose::Connect(_), Event::Done(result)) => {
                match result {
                    Ok(done) => {
                        self.connection = None;
                        tell(Notice::done(done));
                    }
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                true
            }
            (Purpose::Verify(name), Event::Verified(result)) => {
                let summary = result
                    .map(|checked| (checked.verified.fact(), checked.project_ids_saved.len()))
                    .map_err(Failure::from);
                self.verified.insert(name, summary);
                true
            }
            (Purpose::Reveal(target), Event::Secret(result)) => {
                match result {
                    Ok(secret) => self.revealed = Some((target, ShownSecret::new(secret))),
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                false
            }
            (Purpose::Copy(target), Event::Secret(result)) => {
                match result {
                    Ok(secret) => clipboard.copy_secret(target.words(), &secret, now),
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                false
            }
            (Purpose::Add, Event::Done(result)) => {
                match result {
                    Ok(done) => {
                        self.add = AddForm::default();
                        tell(Notice::done(done));
                    }
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                true
            }
            (Purpose::Import(path), Event::Done(result)) => {
                match result {
                    Ok(done) => {
                        self.import = ImportForm::default();
                        tell(Notice::done(done));
                        tell(
                            Notice::warning(tr!(
                                "app-credentials-delete-file",
                                file = shown(&path.display().to_string())
                            ))
                            .offering(Offer::DeleteFile(path)),
                        );
                    }
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                true
            }
            (Purpose::DeleteFile(path), Event::Done(result)) => {
                match result {
                    Ok(done) => {
                        // The warning it answers has nothing left to ask.
                        let offer = Offer::DeleteFile(path);
                        if let Some(notices) = self.notices.get_mut(&Place::Import) {
                            notices.retain(|n| n.offer.as_ref() != Some(&offer));
                        }
                        self.notices
                            .entry(Place::Import)
                            .or_default()
                            .push(Notice::done(done));
                    }
                    Err(e) => self
                        .notices
                        .entry(Place::Import)
                        .or_default()
                        .push(Notice::failed(Failure::from(e))),
                }
                false
            }
            (Purpose::Remove(name), Event::Done(result)) => {
                match result {
                    Ok(done) => {
                        self.verified.remove(&name);
                        if self.revealed.as_ref().map(|(t, _)| t)
                            == Some(&Target::Profile(name.clone()))
                        {
                            self.revealed = None;
                        }
                        self.notices.remove(&Place::Profile(name));
                        self.notices
                            .entry(Place::Profiles)
                            .or_default()
                            .push(Notice::done(done));
                    }
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                true
            }
            (Purpose::SaveStore, Event::Done(result)) => {
                match result {
                    Ok(done) => tell(Notice::done(done)),
                    Err(e) => tell(Notice::failed(Failure::from(e))),
                }
                true
            }
            (Purpose::PickFile, Event::FilePicked(result)) => {
                match result {
                    Ok(Some(path)) => self.import.path = path.display().to_string(),
                    Ok(None) => {}
                    Err(e) => {
                        let failure = Failure::from(e);
                        // Without a file chooser, the path can be typed.
                        tell(Notice::failed(match failure.error() {
                            JobError::NoFileChooser => {
                                failure.within("app-credentials-no-file-chooser")
                            }
                            _ => failure,
                        }))
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// The journal was read: what it says of the stored passwords.
    pub fn journal_read(&mut self, view: &JournalView) {
        self.old_expiries = passwords::OldPasswordExpiries::from_journal(view);
    }

    /// Whether a secret is typed or revealed here.
    pub fn holds_typed_secrets(&self) -> bool {
        self.revealed.is_some()
            || !self.add.secret.is_empty()
            || self
                .store
                .as_ref()
                .is_some_and(store::StoreForm::holds_token)
    }

    /// Forgets the secrets typed here (a new profile's key secret, a team
    /// store's token) and hides a revealed one; whether any was held.
    pub fn forget_typed_secrets(&mut self) -> bool {
        let mut held = self.revealed.take().is_some();
        held |= !self.add.secret.is_empty();
        self.add.secret = SecretText::new();
        if let Some(store) = &mut self.store {
            held |= store.forget_token();
        }
        held
    }

    /// Opens the editor of where `key`'s service listens (from the form),
    /// under the passwords table with that resource selected.
    pub fn edit_connection(&mut self, key: &str) {
        self.selected_password = Some(key.to_owned());
        let kept = self
            .index
            .as_ref()
            .and_then(|i| i.as_ref().ok())
            .and_then(|i| i.resource(key))
            .and_then(|r| r.connection.clone());
        self.connection = Some(connection::ConnectionForm::new(key, kept.as_ref()));
    }

    /// Hides any revealed secret and closes the removal dialog (the view
    /// is left: nothing of it stays open behind another).
    pub fn hide(&mut self) {
        self.revealed = None;
        self.confirm_remove = None;
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: CredentialsCtx<'_>) -> bool {
        let CredentialsCtx {
            store,
            now,
            local,
            clipboard,
            idle,
            actions,
        } = ctx;
        let mut counting = false;
        egui::ScrollArea::vertical().show(ui, |ui| {
            keep_focus_in_view(ui);
            ui.heading(tr!("app-credentials-heading"));
            match store {
                Some(Ok(choice)) => {
                    ui.label(tr!("store-in-use", store = choice.describe()));
                }
                None => {
                    ui.label(tr!("store-in-use", store = tr!("store-demo")));
                }
                Some(Err(problem)) => {
                    ui.label(RichText::new(problem.as_str()).color(ui.visuals().error_fg_color));
                }
            }
            counting |= clipboard.status_ui(ui, now);
            clipboard.settings_ui(ui);
            idle.settings_ui(ui);
            let index = match &self.index {
                None => {
                    ui.label(RichText::new(tr!("app-credentials-reading")).weak());
                    return;
                }
                Some(Err(e)) => {
                    ui.label(
                        RichText::new(tr!("app-credentials-failed", error = e.words()))
                            .color(ui.visuals().error_fg_color),
                    );
                    return;
                }
                Some(Ok(index)) => Arc::clone(index),
            };
            let mut ask = |request: Request, purpose: Purpose| {
                actions.push(Action::Credentials { request, purpose });
            };

            ui.separator();
            ui.heading(tr!("app-credentials-profiles"));
            if let Some(notices) = self.notices.get_mut(&Place::Profiles) {
                notices_ui(ui, notices);
            }
            self.profiles_ui(ui, &index, now, local, &mut ask);

            ui.separator();
            ui.heading(tr!("app-credentials-passwords"));
            self.passwords_ui(ui, &index, now, local, &mut ask);

            ui.separator();
            egui::CollapsingHeader::new(tr!("app-credentials-add"))
                .id_salt("add_profile")
                .show(ui, |ui| {
                    add::add_ui(ui, &mut self.add, &index, now, &mut ask);
                    if let Some(notices) = self.notices.get_mut(&Place::Add) {
                        notices_ui(ui, notices);
                    }
                });
            // Open while it has something to say (a warning to delete the
            // imported file stays until dismissed).
            let import_news = self
                .notices
                .get(&Place::Import)
                .is_some_and(|n| !n.is_empty());
            egui::CollapsingHeader::new(tr!("app-credentials-import"))
                .id_salt("import_profile")
                .open(import_news.then_some(true))
                .show(ui, |ui| {
                    import::import_ui(ui, &mut self.import, &self.waiting, &mut ask);
                    if let Some(notices) = self.notices.get_mut(&Place::Import)
                        && let Some(Offer::DeleteFile(path)) = notices_ui(ui, notices)
                    {
                        self.confirm_delete = Some(path);
                    }
                });
            // The demo's store in memory is not a choice.
            if let Some(current) = store {
                let store_news = self
                    .notices
                    .get(&Place::Store)
                    .is_some_and(|n| !n.is_empty());
                egui::CollapsingHeader::new(tr!("app-store-heading"))
                    .id_salt("store_settings")
                    .open(store_news.then_some(true))
                    .show(ui, |ui| {
                        let form = self
                            .store
                            .get_or_insert_with(|| store::StoreForm::new(current.as_ref().ok()));
                        store::store_ui(ui, form, &mut ask);
                        if let Some(notices) = self.notices.get_mut(&Place::Store) {
                            notices_ui(ui, notices);
                        }
                    });
            }
        });
        dialog::remove_dialog(ui, &mut self.confirm_remove, actions);
        dialog::delete_file_dialog(ui, &mut self.confirm_delete, actions);
        counting
    }
}

/// One row of a credentials form's grid: `label`, then a one-line text
/// input it names (ids salted with `form`, so two forms never share one).
pub(super) fn text_row(ui: &mut Ui, form: &str, label: &str, value: &mut String, hint: &str) {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .id(Id::unique((form, label.id)))
            .hint_text(hint)
            .desired_width(260.0),
    )
    .labelled_by(label.id);
    ui.end_row();
}

pub(super) fn provider_combo(
    ui: &mut Ui,
    id: &str,
    label: Id,
    value: &mut Option<Provider>,
    none_label: Option<&str>,
) {
    let shown = match (*value, none_label) {
        (Some(p), _) => words::provider(p),
        (None, Some(none)) => none.to_owned(),
        (None, None) => tr!("app-credentials-choose"),
    };
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if let Some(none) = none_label {
                ui.selectable_value(value, None, none);
            }
            for p in Provider::ALL {
                ui.selectable_value(value, Some(p), words::provider(p));
            }
        })
        .response
        .labelled_by(label);
}
