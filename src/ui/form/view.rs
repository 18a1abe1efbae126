//! The form drawn: heading and notes, account, request fields, what
//! stands before sending, the send button and its progress, a refused
//! send's notice, the preview and any open dialog.

use egui::{Key, Modifiers, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::i18n::tr;
use crate::rotation::{Block, Refuser};
use crate::tr;
use crate::ui::Action;
use crate::ui::preview::PreviewCtx;
use crate::ui::widgets::notice::Tone;
use crate::ui::widgets::{ButtonRole, action_button, block_notice};
use crate::vault::Profile;
use crate::words;

use super::FormCtx;
use super::dialog::DialogAnswer;
use super::fields::{FieldsCtx, NewPasswordRow};
use super::inputs;
use super::state::OpForm;

impl OpForm {
    pub(super) fn ui(&mut self, ui: &mut Ui, ctx: FormCtx<'_>) {
        let FormCtx {
            profiles,
            now,
            local,
            actions,
            clipboard,
        } = ctx;
        if self.expiry_just_passed(now) {
            self.dirty = true;
        }
        self.now = Some(now);
        self.local = local;
        // What is known of the resource is asked again only when an input
        // changed or the journal did, like everything else derived.
        let mut ask_again = self.dirty || self.known.needs_asking();
        // A switch of language words the problems and the command line
        // again; nothing else needs asking.
        if self.dirty || self.derived.lang != crate::i18n::language() {
            self.recompute(profiles);
        }
        let op = self.op;
        let busy = self.in_flight.is_some();
        // Read before the fields are drawn: a single-line input gives up
        // the focus when Enter is pressed in it.
        let enter_in_input = ui.input(|i| i.modifiers.is_none() && i.key_pressed(Key::Enter))
            && ui
                .memory(|m| m.focused())
                .is_some_and(|id| inputs::is_typed_input(op, id));
        let mut changed = false;

        ui.heading(tr!(
            "form-heading",
            provider = words::provider(op.provider),
            product = op.product,
            api = op.api
        ));
        ui.label(words::title(op));
        for note in words::notes(op) {
            ui.label(RichText::new(format!("• {note}")).weak());
        }
        // Why no stored password of this operation can be tested by a
        // login (catalogue data: TcaplusDB, DTS consumer groups).
        if let crate::catalog::Login::NotAvailable(why) = op.login {
            ui.label(RichText::new(format!("• {}", words::no_login(why))).weak());
        }
        ui.add_space(6.0);

        ui.add_enabled_ui(!busy, |ui| {
            let sends_to = match &self.derived.endpoint {
                Some(Ok(endpoint)) => Some(endpoint),
                _ => None,
            };
            let account = self.account.ui(ui, profiles, sends_to, actions);
            if account.changed {
                self.may_preselect = false;
            }
            self.profile_chosen(account.chosen);
            changed |= account.changed;
            ui.add_space(6.0);
            ui.label(RichText::new(tr("form-request")).strong());
            changed |= self.fields_ui(ui, now, local);
        });
        if std::mem::take(&mut self.focus_first)
            && let Some(id) = self.first_empty()
        {
            ui.memory_mut(|m| m.request_focus(id));
        }
        if let Some(new) = self.new_password.take_copy() {
            clipboard.copy_secret(tr("form-clipboard-new-password"), &new, now);
        }
        if changed {
            self.notice = None;
            self.blocked = None;
            self.preview.invalidate();
            self.dirty = true;
            self.recompute(profiles);
            ask_again = true;
        }
        if ask_again && !busy {
            self.look_ahead(actions);
        }

        ui.add_space(8.0);
        let ready = self.derived.problems.is_empty() && !busy;
        // Keyturn's own refusals (an unsettled change, another's change
        // under way) cannot be sent past: the button waits, and says why.
        let refuser = self.known.block().map(Block::refuser);
        let sendable = ready && refuser != Some(Refuser::Keyturn);
        ui.horizontal(|ui| {
            let submit = ui
                .add_enabled_ui(sendable, |ui| {
                    action_button(ui, &tr("form-review-and-send"), ButtonRole::Primary)
                })
                .inner
                .on_hover_text(tr("form-review-and-send-hover"));
            if submit.clicked() {
                self.open_confirmation(profiles, false);
            }
            if let Some(refuser) = refuser.filter(|_| self.blocked.is_none() && ready) {
                let words = match refuser {
                    Refuser::Keyturn => tr("form-keyturn-refuses"),
                    Refuser::Provider => tr("form-expected-refusal"),
                };
                ui.label(RichText::new(words).color(ui.visuals().warn_fg_color));
            }
            if let Some(flight) = &self.in_flight {
                ui.spinner();
                if let Some(task) = &flight.task {
                    ui.label(tr!(
                        "form-task-following",
                        task = crate::shown::shown(&task.text()).into_owned()
                    ));
                } else if flight.handed {
                    ui.label(tr("form-sent-waiting"));
                } else {
                    ui.label(tr("form-preparing"));
                    if ui
                        .button(tr("form-cancel"))
                        .on_hover_text(tr("form-cancel-send-hover"))
                        .clicked()
                    {
                        actions.push(Action::Cancel(flight.id));
                    }
                }
            }
        });
        // The form's note, what is known and what is still missing sit
        // under the send button, not above it or the fields, so their
        // coming and going never moves the button or an input under the
        // pointer.
        if let Some(notice) = &self.notice {
            let color = match notice.tone {
                Tone::Done => egui::Color32::from_rgb(0x2e, 0x9d, 0x4f),
                Tone::Failed => ui.visuals().error_fg_color,
                Tone::Warning => ui.visuals().warn_fg_color,
            };
            ui.label(RichText::new(notice.text.words()).color(color));
        }
        let offers_only_expiry = self
            .op
            .old_password_expiry
            .as_ref()
            .is_some_and(|e| e.only_expiry.is_some());
        if self.blocked.is_none() && self.known.ui(ui, now, local, offers_only_expiry) {
            self.change_only_expiry("form-only-expiry-set");
        }
        self.known.connection_ui(ui, self.op, actions);
        if !self.derived.problems.is_empty() {
            ui.label(RichText::new(tr("form-before-sending")).strong());
            for p in &self.derived.problems {
                ui.label(RichText::new(format!("• {p}")).color(ui.visuals().warn_fg_color));
            }
        }
        let enter = enter_in_input
            && sendable
            && !self.dialogs.is_open()
            && !egui::Popup::is_any_open(ui.ctx())
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
        if enter {
            self.open_confirmation(profiles, false);
        }
        self.blocked_ui(ui, now, local, profiles, ready);
        ui.add_space(8.0);
        let wants_preview = self.preview.ui(
            ui,
            PreviewCtx {
                ready: self.derived.problems.is_empty(),
                command: self.derived.command.as_deref(),
                clipboard,
            },
        );
        if wants_preview && let Some(c) = self.confirmation(profiles, false) {
            let (job, _) = c.into_job();
            actions.push(Action::Preview {
                op,
                job: Box::new(job),
            });
        }
        match self.dialogs.ui(ui, op) {
            Some(DialogAnswer::Send(c)) => {
                self.notice = None;
                let (job, summary) = c.into_job();
                actions.push(Action::Send {
                    job: Box::new(job),
                    summary: Box::new(summary),
                });
            }
            Some(DialogAnswer::Removal(remove)) => {
                self.new_password.set_removing(remove);
                self.dirty = true;
            }
            None => {}
        }
    }

    /// The operation's own fields, with the new password's rows drawn by
    /// its part in their place; the new password may ask for the removal
    /// dialog or have something to say by the send button.
    fn fields_ui(&mut self, ui: &mut Ui, now: OffsetDateTime, local: UtcOffset) -> bool {
        let Self {
            fields,
            new_password,
            dialogs,
            known,
            derived,
            notice,
            ..
        } = self;
        let mut new_password_rows = |ui: &mut Ui, row: NewPasswordRow| {
            let answer = new_password.ui(ui, row.id, row.label, row.only_expiry, derived);
            if answer.ask_removal {
                dialogs.ask_removal();
            }
            if answer.notice.is_some() {
                *notice = answer.notice;
            }
            answer.changed
        };
        fields.ui(
            ui,
            FieldsCtx {
                now,
                local,
                keyring_current: known.keyring_current(),
                new_password: &mut new_password_rows,
            },
        )
    }

    /// The last send was refused before it left: why, until when, and
    /// the explicit choice to send anyway.
    fn blocked_ui(
        &mut self,
        ui: &mut Ui,
        now: OffsetDateTime,
        local: UtcOffset,
        profiles: &[Profile],
        ready: bool,
    ) {
        let Some(blocked) = &self.blocked else {
            return;
        };
        let (block, can_override) = (&blocked.block, blocked.can_override);
        ui.add_space(6.0);
        block_notice(ui, &tr("form-not-sent-refused"), block, now, local);
        ui.label(RichText::new(tr("form-nothing-sent")).weak());
        if can_override
            && ui
                .add_enabled(ready, egui::Button::new(tr("form-send-anyway")))
                .on_hover_text(tr("form-send-anyway-hover"))
                .clicked()
        {
            self.open_confirmation(profiles, true);
        }
    }
}
