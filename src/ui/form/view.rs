//! The form drawn: heading and notes, account, request fields, what
//! stands before sending, the send button and its progress, a refused
//! send's notice, the preview and any open dialog.

use eframe::egui;
use eframe::egui::{Key, Modifiers, RichText, Ui};
use time::{OffsetDateTime, UtcOffset};

use crate::i18n::tr;
use crate::rotation::Block;
use crate::tr;
use crate::ui::Action;
use crate::ui::preview::PreviewCtx;
use crate::ui::widgets::notice::Tone;
use crate::ui::widgets::{ButtonRole, Notice, action_button, block_notice};
use crate::vault::Profile;
use crate::words;

use super::FormCtx;
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
        // What is known of the resource is asked again only when an input
        // changed or the journal did, like everything else derived.
        let mut ask_again = self.dirty
            || self
                .known
                .as_ref()
                .is_some_and(|k| k.stale && k.waiting.is_none());
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
        ui.add_space(6.0);

        ui.add_enabled_ui(!busy, |ui| {
            changed |= self.account_ui(ui, profiles, actions);
            ui.add_space(6.0);
            ui.label(RichText::new(tr("form-request")).strong());
            changed |= self.fields_ui(ui, now, local);
        });
        if std::mem::take(&mut self.focus_first)
            && let Some(id) = inputs::first_empty(self)
        {
            ui.memory_mut(|m| m.request_focus(id));
        }
        if std::mem::take(&mut self.copy_new_password)
            && let Some(new) = self.secrets.get(op.new_password.field)
        {
            clipboard.copy_secret(tr("form-clipboard-new-password"), &new.to_secret(), now);
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
        // The form's note sits by the send button, not above the fields,
        // so its coming and going never moves an input.
        if let Some(notice) = &self.notice {
            let color = match notice.tone {
                Tone::Done => egui::Color32::from_rgb(0x2e, 0x9d, 0x4f),
                Tone::Failed => ui.visuals().error_fg_color,
                Tone::Warning => ui.visuals().warn_fg_color,
            };
            ui.label(RichText::new(&notice.text).color(color));
        }
        if self.blocked.is_none() {
            self.known_ui(ui, now, local);
        }
        if !self.derived.problems.is_empty() {
            ui.label(RichText::new(tr("form-before-sending")).strong());
            for p in &self.derived.problems {
                ui.label(RichText::new(format!("• {p}")).color(ui.visuals().warn_fg_color));
            }
        }
        ui.horizontal(|ui| {
            let submit = ui
                .add_enabled_ui(ready, |ui| {
                    action_button(ui, &tr("form-review-and-send"), ButtonRole::Primary)
                })
                .inner
                .on_hover_text(tr("form-review-and-send-hover"));
            if submit.clicked() {
                self.open_confirmation(profiles, false);
            }
            if self.blocked.is_none() && self.known_block().is_some() && ready {
                ui.label(
                    RichText::new(tr("form-expected-refusal")).color(ui.visuals().warn_fg_color),
                );
            }
            if let Some(flight) = &self.in_flight {
                ui.spinner();
                if flight.handed {
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
        let enter = enter_in_input
            && ready
            && self.dialog.is_none()
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
            actions.push(Action::Preview {
                op,
                job: Box::new(c.job),
            });
        }
        self.dialog_ui(ui, actions);
    }

    /// What Keyturn already knows stands in the way of this change: shown
    /// before review, with a countdown, and for an old password still
    /// valid the one-click switch to changing only its expiry.
    fn known_ui(&mut self, ui: &mut Ui, now: OffsetDateTime, local: UtcOffset) {
        let Some(block) = self.known_block().cloned() else {
            return;
        };
        ui.add_space(4.0);
        block_notice(ui, &tr("form-known-refusal"), &block, now, local);
        let only_expiry = self
            .op
            .old_password_expiry
            .as_ref()
            .and_then(|e| e.only_expiry);
        if let (Block::OldPasswordStillValid { .. }, Some((field, value))) = (&block, only_expiry)
            && ui
                .button(tr("form-only-expiry-instead"))
                .on_hover_text(tr("form-only-expiry-instead-hover"))
                .clicked()
        {
            self.choices.insert(field, Some(value));
            self.focus_expiry = true;
            self.notice = Some(Notice::warning(tr("form-only-expiry-set")));
            self.dirty = true;
        }
        ui.add_space(4.0);
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
