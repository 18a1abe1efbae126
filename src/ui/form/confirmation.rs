//! The confirmation: the last look before a change is sent, made from
//! the request the form validated once more and what the other parts say
//! of it, into the summary the admin confirms and the job that is sent.
//! Product rules about what a change says (removal, expiry only, the old
//! password's grace time, "send anyway", a weak or reused password) live
//! here, beside the drawing of what they say.

use egui::{Id, RichText, Ui};
use time::UtcOffset;

use crate::endpoint::Endpoint;
use crate::i18n::tr;
use crate::jobs::{KeySource, SendJob};
use crate::request::{ValidatedRequest, Value};
use crate::rotation::Block;
use crate::rules::Strength;
use crate::tr;
use crate::ui::widgets::{Answer, ButtonRole, DialogAction, confirm_buttons, dialog_heading};
use crate::ui::{Summary, block_words, format_time};
use crate::vault::ResourceKey;
use crate::words;

/// What the form gives for a confirmation.
pub(super) struct Draft<'a> {
    /// The form's inputs, validated.
    pub(super) request: ValidatedRequest,
    pub(super) endpoint: Endpoint,
    /// The override a retry goes to (typed, or the profile's).
    pub(super) endpoint_override: Option<String>,
    pub(super) key: KeySource,
    /// The account in words.
    pub(super) account: String,
    /// The password is removed rather than changed.
    pub(super) removing: bool,
    /// The admin's zone, in which an expiry is shown.
    pub(super) local: UtcOffset,
    /// "Send anyway", and why the last send was refused, if it was.
    pub(super) anyway: bool,
    pub(super) refused: Option<&'a Block>,
    /// What Keyturn knows would make the provider refuse the change.
    pub(super) known_block: Option<&'a Block>,
    /// Another resource this form set the same new password on.
    pub(super) reused_on: Option<&'a ResourceKey>,
    pub(super) strength: Option<&'a Strength>,
    /// The old password typed is not the current one Keyturn keeps.
    pub(super) old_differs: Option<OldDiffers>,
}

/// The old password typed differs from the one Keyturn keeps for the
/// resource: a wrong one counts towards the provider's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OldDiffers {
    /// The tries left before the lock, as the provider last said.
    pub(super) tries_left: Option<u32>,
}

/// The last look before a change is sent: what it says and what it sends.
#[derive(Debug)]
pub(super) struct Confirmation {
    summary: Summary,
    job: SendJob,
    action_label: String,
    /// "Send anyway": why the provider is expected to refuse.
    anyway: Option<String>,
    /// What Keyturn knows would make the provider refuse it (shown before
    /// the admin sends without "anyway").
    expected_refusal: Option<String>,
    /// The new password was already set on this other resource this
    /// session: the action waits until the admin ticks that it is meant.
    reused_on: Option<String>,
    reuse_accepted: bool,
    /// The new password is weak or very weak: named before it is set.
    weak: Option<String>,
    /// The old password typed is not the one Keyturn keeps.
    old_differs: Option<OldDiffers>,
}

impl Confirmation {
    pub(super) fn new(draft: Draft<'_>) -> Self {
        let Draft {
            request,
            endpoint,
            endpoint_override,
            key,
            account,
            removing,
            local,
            anyway,
            refused,
            known_block,
            reused_on,
            strength,
            old_differs,
        } = draft;
        let op = request.op();
        let resources =
            Summary::resource_rows(op, |wire| Some(request.value(wire)?.expose().to_owned()));
        let expiry = op.old_password_expiry.as_ref();
        // Written in the provider's zone, shown in the admin's (named by
        // its offset), as every other time in the window.
        let expiry_typed = expiry.and_then(|e| Some((e, request.value(e.field)?.expose())));
        let expires = expiry_typed.and_then(|(e, text)| e.parse(text));
        let expiry_text = match (expires, expiry_typed) {
            (Some(t), _) => Some(format_time(t, local)),
            (None, Some((_, text))) => Some(text.to_owned()),
            (None, None) => None,
        };
        let only_expiry = op.only_changes_expiry(|f| request.value(f).map(Value::expose));
        let (change, action_label) = if removing {
            let means = op
                .field(op.new_password.field)
                .and_then(|f| words::empty_means(op, f))
                .unwrap_or_else(|| tr("form-removes-the-password"));
            (
                tr!("form-change-remove", means = means),
                tr("form-action-remove"),
            )
        } else if only_expiry {
            (
                tr!(
                    "form-change-only-expiry",
                    expiry = expiry_text.as_deref().unwrap_or("?")
                ),
                tr("form-action-expiry"),
            )
        } else if let Some(expiry) = &expiry_text {
            (
                tr!("form-change-with-expiry", expiry = expiry.as_str()),
                tr("form-action-change"),
            )
        } else {
            (tr("form-change-plain"), tr("form-action-change"))
        };
        let summary = Summary {
            op,
            account,
            region: request.region().map(str::to_owned),
            endpoint: format!("{}://{}", endpoint.scheme.as_str(), endpoint.host),
            resources,
            change,
            old_password_expires: expires,
        };
        Confirmation {
            summary,
            job: SendJob {
                request,
                endpoint,
                endpoint_override,
                key,
                anyway,
            },
            action_label,
            anyway: anyway.then(|| refused.map(block_words)).flatten(),
            expected_refusal: (!anyway).then(|| known_block.map(block_words)).flatten(),
            reused_on: reused_on.map(words::resource_name),
            reuse_accepted: false,
            weak: strength
                .filter(|s| s.score <= 1 && !removing && !only_expiry)
                .map(|s| words::strength_label(s.score)),
            old_differs,
        }
    }

    /// The job that is sent, and what it is about.
    pub(super) fn into_job(self) -> (SendJob, Summary) {
        (self.job, self.summary)
    }

    /// The dialog's contents: what changes where, what stands against
    /// it, and Cancel and the action (which waits, for a reused password,
    /// until the admin ticks that it is meant).
    pub(super) fn ui(&mut self, ui: &mut Ui, modal_id: Id) -> Option<Answer> {
        ui.set_max_width(520.0);
        dialog_heading(ui, &tr("form-confirm-heading"));
        egui::Grid::new("confirm_rows")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let s = &self.summary;
                ui.label(tr("form-confirm-operation"));
                ui.label(tr!(
                    "form-confirm-operation-value",
                    api = s.op.api,
                    provider = words::provider(s.op.provider),
                    product = s.op.product
                ));
                ui.end_row();
                ui.label(tr("form-confirm-account"));
                ui.label(&s.account);
                ui.end_row();
                ui.label(tr("form-confirm-region"));
                match &s.region {
                    Some(region) => ui.label(region),
                    None => ui.label(tr("form-confirm-no-region")),
                };
                ui.end_row();
                ui.label(tr("form-confirm-endpoint"));
                ui.label(&s.endpoint);
                ui.end_row();
                for (_, wire, value) in &s.resources {
                    ui.label(s.resource_label(wire));
                    ui.label(value);
                    ui.end_row();
                }
            });
        ui.add_space(4.0);
        ui.label(RichText::new(&self.summary.change).strong());
        let warn = ui.visuals().warn_fg_color;
        if let Some(why) = &self.anyway {
            ui.label(RichText::new(tr!("form-confirm-anyway", why = why.as_str())).color(warn));
        }
        if let Some(why) = &self.expected_refusal {
            ui.label(
                RichText::new(tr!("form-confirm-expected-refusal", why = why.as_str())).color(warn),
            );
        }
        if let Some(differs) = self.old_differs {
            let text = match differs.tries_left {
                Some(tries) => tr!("form-confirm-old-differs-tries", tries = tries),
                None => tr("form-confirm-old-differs"),
            };
            ui.label(RichText::new(text).color(warn).strong());
        }
        if let Some(weak) = &self.weak {
            ui.label(RichText::new(tr!("form-confirm-weak", strength = weak.as_str())).color(warn));
        }
        if let Some(other) = &self.reused_on {
            ui.label(
                RichText::new(tr!("form-confirm-reused", other = other.as_str()))
                    .color(warn)
                    .strong(),
            );
            ui.checkbox(&mut self.reuse_accepted, tr("form-confirm-reuse-accept"));
        }
        ui.add_space(8.0);
        let action = DialogAction {
            label: &self.action_label,
            role: ButtonRole::Primary,
            enabled: self.reused_on.is_none() || self.reuse_accepted,
        };
        confirm_buttons(ui, modal_id, &tr("form-cancel"), action)
    }

    #[cfg(test)]
    pub(super) fn summary(&self) -> &Summary {
        &self.summary
    }

    #[cfg(test)]
    pub(super) fn job(&self) -> &SendJob {
        &self.job
    }

    #[cfg(test)]
    pub(super) fn action_label(&self) -> &str {
        &self.action_label
    }

    /// Why a "send anyway" is expected to fail, if it is.
    #[cfg(test)]
    pub(super) fn anyway_why(&self) -> Option<&str> {
        self.anyway.as_deref()
    }

    /// The strength named for a weak password.
    #[cfg(test)]
    pub(super) fn weak(&self) -> Option<&str> {
        self.weak.as_deref()
    }
}
