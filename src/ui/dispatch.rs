//! Routing: each background job's report goes to the panel that
//! started it (stale answers are the panels' to drop), and each
//! [`Action`] a panel asked for during the frame is carried out (a job
//! started, its id handed to the panel that waits for it, or the view
//! switched).

use egui::Ui;

use crate::jobs::Event;
use crate::tr;
use crate::ui::app::KeyturnApp;
use crate::ui::credentials::{Request, Target};
use crate::ui::remedy::Failure;
use crate::ui::{Action, View};

impl KeyturnApp {
    /// Hands each finished job's report to whoever is waiting for it.
    pub(super) fn drain_jobs(&mut self) {
        let now = (self.clock)();
        for report in self.jobs.drain() {
            let id = report.id;
            match report.event {
                Event::Index(result) => {
                    let result = result.map_err(Failure::from);
                    if self.sidebar.index_read(id, result.clone()) {
                        self.credentials.index_read(result);
                    }
                    self.form.profiles_changed();
                    if let Some(profile) = self.form.current_profile() {
                        self.actions.push(Action::CheckKey {
                            op: self.form.current(),
                            profile: profile.to_owned(),
                        });
                    }
                }
                Event::ScreenLocked => {
                    self.forget_typed_secrets(crate::ui::idle::Forgotten::ScreenLocked);
                }
                Event::KeyFound(result) => {
                    self.form.key_found(id, result.map_err(Failure::from));
                }
                event @ (Event::Handed
                | Event::Following { .. }
                | Event::Answered { .. }
                | Event::Cancelled
                | Event::NotStarted(_)
                | Event::Blocked { .. }) => {
                    let ended = !matches!(event, Event::Handed | Event::Following { .. });
                    // The setting: test each new password once confirmed.
                    let test_new = match &event {
                        Event::Answered {
                            outcome,
                            passwords,
                            key,
                            ..
                        } if self.results.test_every_change
                            && outcome.status == crate::outcome::Status::Succeeded
                            && !passwords.needs_settling() =>
                        {
                            Some(key.clone())
                        }
                        _ => None,
                    };
                    self.form.send_event(id, &event);
                    self.results.send_event(id, event);
                    if let Some(key) = test_new {
                        self.actions.push(Action::TestNew(key));
                    }
                    if ended {
                        self.recovery.finished(id, None);
                        // Slots and the journal may have moved.
                        self.actions.push(Action::ReloadJournal);
                        self.actions.push(Action::ReloadProfiles);
                    }
                }
                Event::Outlook(result) => {
                    self.form.outlook(id, result.map_err(Failure::from));
                }
                Event::Journal(result) => {
                    // What the forms know of their resources may have moved.
                    self.form.journal_changed();
                    if self.journal_loading == Some(id) {
                        self.journal_loading = None;
                        self.journal_read_at = Some(now);
                        let result = result.map_err(Failure::from);
                        self.recovery.journal_read(&result);
                        if let Ok(view) = &result {
                            self.results.journal_read(view);
                            self.credentials.journal_read(view);
                        }
                        self.history.journal_read(result);
                    }
                }
                Event::Preview(result) => {
                    let result = result.map_err(Failure::from);
                    self.form.preview_answered(id, result);
                }
                Event::Done(result) if self.recovery.waits_for(id) => {
                    let result = result
                        .map(|done| crate::ui::done_words(&done))
                        .map_err(Failure::from);
                    self.recovery.finished(id, Some(result));
                    self.actions.push(Action::ReloadJournal);
                    self.actions.push(Action::ReloadProfiles);
                }
                Event::FoundOut(result) => {
                    self.recovery.found(id, result.map_err(Failure::from));
                    self.actions.push(Action::ReloadProfiles);
                }
                Event::Proven(result) if self.results.tests(id) => {
                    self.results.tested(id, result.map_err(Failure::from));
                    self.actions.push(Action::ReloadProfiles);
                }
                event @ (Event::Verified(_)
                | Event::Proven(_)
                | Event::Secret(_)
                | Event::FilePicked(_)
                | Event::Done(_)) => {
                    if self
                        .credentials
                        .job_event(id, event, &mut self.clipboard, now)
                    {
                        self.actions.push(Action::ReloadProfiles);
                    }
                }
            }
        }
    }

    /// Carries out what the panels asked for during the frame.
    pub(super) fn run_actions(&mut self, ui: &Ui) {
        if self.actions.is_empty() {
            return;
        }
        // A look-up shows nothing until its answer, which wakes the window.
        let mut visible = false;
        while !self.actions.is_empty() {
            for action in std::mem::take(&mut self.actions) {
                visible |= !matches!(action, Action::LookAhead { .. });
                self.run(action);
            }
        }
        if visible {
            // Show the effect now rather than at the next input.
            ui.ctx().request_repaint();
        }
    }

    fn run(&mut self, action: Action) {
        match action {
            Action::SelectOperation(op) => {
                self.show(View::Change);
                self.form.select(op);
            }
            Action::SelectProfile(name) => {
                self.show(View::Change);
                if let Some(profile) = self.sidebar.profiles().iter().find(|p| p.name == name) {
                    self.form.use_profile(profile, &mut self.actions);
                }
            }
            Action::ReloadProfiles => self.sidebar.loading(self.jobs.read_index()),
            Action::CheckKey { op, profile } => {
                let id = self.jobs.check_key(&profile);
                self.form.key_check_started(op, id, profile);
            }
            Action::LookAhead {
                op,
                key,
                changes_password,
            } => {
                let id = self.jobs.look_ahead(key, changes_password);
                self.form.look_ahead_started(op, id);
            }
            Action::Send { job, summary } => {
                let op = summary.op;
                let id = self.jobs.send(*job);
                self.form.send_started(op, id);
                self.results.started(id, *summary, (self.clock)());
            }
            Action::Cancel(id) => {
                let result = self.jobs.cancel(id);
                self.form.cancel_result(id, result);
            }
            Action::ChangeOnlyExpiry { op, values, region } => {
                self.show(View::Change);
                self.form.change_only_expiry(op, values, region);
            }
            Action::Preview { op, job } => {
                let id = self.jobs.preview(*job);
                self.form.preview_started(op, id);
            }
            Action::ReloadJournal => self.journal_loading = Some(self.jobs.read_journal()),
            Action::FindOut { attempt, key } => {
                let id = self.jobs.find_out(key);
                self.recovery.finding_started(id, attempt);
            }
            Action::EditConnection(key) => {
                self.show(View::Credentials);
                self.credentials.edit_connection(&key.to_string());
            }
            Action::TestNew(key) => {
                let id = self
                    .jobs
                    .prove_password(&key.to_string(), crate::vault::Slot::Current);
                self.results.test_started(id, key);
            }
            Action::Settle { attempt, keep } => {
                let id = self.jobs.settle_attempt(&attempt, keep);
                self.recovery.started(id, attempt);
            }
            Action::Retry {
                attempt,
                key,
                summary,
            } => {
                let id = self.jobs.retry(&attempt, key);
                self.recovery.started(id, attempt);
                self.results.started(id, *summary, (self.clock)());
            }
            Action::Credentials { request, purpose } => {
                let id = match request {
                    Request::Verify(name) => self.jobs.verify(&name),
                    Request::ReadSecret(Target::Profile(name)) => {
                        self.jobs.read_profile_secret(&name)
                    }
                    Request::ReadSecret(Target::Password(key, slot)) => {
                        self.jobs.read_password(&key, slot)
                    }
                    Request::Add(profile, secret) => self.jobs.add_profile(*profile, secret),
                    Request::Import(import) => self.jobs.import_profile(import),
                    Request::Remove(name) => self.jobs.remove_profile(&name),
                    Request::PickFile => self.jobs.pick_csv_file(crate::jobs::FileDialogWords {
                        title: tr!("app-file-dialog-title"),
                        csv: tr!("app-file-dialog-csv"),
                        all: tr!("app-file-dialog-all"),
                    }),
                    Request::SaveStore(choice, token) => self.jobs.save_store(*choice, token),
                    Request::DeleteFile(path) => self.jobs.delete_file(path),
                    Request::Test(key, slot) => self.jobs.prove_password(&key, slot),
                    Request::Connect(key, connection) => self.jobs.set_connection(&key, connection),
                };
                self.credentials.started(id, purpose);
            }
            Action::Show(view) => self.show(view),
        }
    }

    /// Switches the middle view. Whatever the view left had open (a
    /// dialog, a revealed secret) closes with it.
    fn show(&mut self, view: View) {
        if view != self.view {
            self.form.close_dialogs();
            self.credentials.hide();
        }
        self.view = view;
    }
}
