//! The preview under a form: the exact signed request the form would send
//! (passwords masked unless the user reveals them), and the same change as
//! a `keyturn request` command line.
//!
//! The signed request is made by a job (a profile's key is read from the
//! keyring there), signed with the clock as it is when asked: what would go
//! out if the user sent it then. Any change to the form drops it, so a
//! stale preview is never shown. Nothing is sent, staged or journalled.
//!
//! The command line never holds a secret: every secret field, and the
//! access key secret, is `env:VAR`, with a comment naming the variables to
//! export first. It is built from the form's inputs by [`command_line`].

use egui::{self, RichText, Ui};
use secrecy::SecretString;

use crate::catalog::{FieldKind, Operation};
use crate::i18n::tr;
use crate::jobs::JobId;
use crate::request::{Inputs, SignedRequest, Value};
use crate::tr;
use crate::ui::clipboard::ClipboardGuard;
use crate::ui::remedy::Failure;
use crate::ui::widgets::ShownSecret;
use crate::words;

/// The variable `keyturn request` reads the access key secret from.
pub const KEY_SECRET_VAR: &str = "KEYTURN_KEY_SECRET";

/// Whose key the command line uses.
#[derive(Debug, Clone, Copy)]
pub enum KeyArg<'a> {
    Profile(&'a str),
    KeyId(&'a str),
}

/// The preview's state, one per form.
#[derive(Debug, Default)]
pub struct Preview {
    /// The signing job whose answer is awaited; older answers are stale.
    waiting: Option<JobId>,
    signed: Option<Result<Signed, Failure>>,
    show_secrets: bool,
}

/// A signed request as the preview shows it: its text with passwords
/// masked, made once, and (only while the user asks) with them shown.
#[derive(Debug)]
struct Signed {
    request: Box<SignedRequest>,
    masked: String,
    shown: Option<ShownSecret>,
}

/// What the preview needs from its form each frame.
pub struct PreviewCtx<'a> {
    /// Whether the form is complete and valid (else nothing can be signed).
    pub ready: bool,
    /// The command line for the form as it is, when it is ready.
    pub command: Option<&'a str>,
    pub clipboard: &'a mut ClipboardGuard,
}

impl Preview {
    /// The form changed: whatever was shown no longer matches it.
    pub fn invalidate(&mut self) {
        self.waiting = None;
        self.signed = None;
        self.show_secrets = false;
    }

    pub fn started(&mut self, id: JobId) {
        self.waiting = Some(id);
        self.signed = None;
    }

    pub fn waits_for(&self, id: JobId) -> bool {
        self.waiting == Some(id)
    }

    /// A signing job finished; dropped unless it is the one awaited.
    pub fn answered(&mut self, id: JobId, result: Result<Box<SignedRequest>, Failure>) {
        if self.waiting == Some(id) {
            self.waiting = None;
            self.signed = Some(result.map(|request| Signed {
                masked: request.to_json(false),
                request,
                shown: None,
            }));
        }
    }

    /// Draws the preview. Returns true when the user asks for a signed
    /// preview (the form then starts the job).
    pub fn ui(&mut self, ui: &mut Ui, ctx: PreviewCtx<'_>) -> bool {
        let Self {
            waiting,
            signed,
            show_secrets,
        } = self;
        let PreviewCtx {
            ready,
            command,
            clipboard,
        } = ctx;
        let mut asked = false;
        egui::CollapsingHeader::new(tr("form-preview"))
            .id_salt("preview")
            .show(ui, |ui| {
                if !ready {
                    ui.label(RichText::new(tr("form-preview-fill-in")).weak());
                    return;
                }
                ui.horizontal(|ui| {
                    asked = ui
                        .add_enabled(
                            waiting.is_none(),
                            egui::Button::new(tr("form-preview-sign")),
                        )
                        .on_hover_text(tr("form-preview-sign-hover"))
                        .clicked();
                    if waiting.is_some() {
                        ui.spinner();
                    }
                    if let Some(command) = command
                        && ui
                            .button(tr("form-preview-copy-command"))
                            .on_hover_text(tr("form-preview-copy-command-hover"))
                            .clicked()
                    {
                        clipboard.copy_text(&tr("form-preview-the-command-line"), command);
                    }
                });
                match signed {
                    Some(Ok(signed)) => {
                        ui.checkbox(show_secrets, tr("form-preview-show-passwords"));
                        if !*show_secrets {
                            signed.shown = None;
                            ui.add(
                                egui::Label::new(RichText::new(signed.masked.as_str()).monospace())
                                    .selectable(true),
                            );
                        } else {
                            // Made once when asked; painted, not selectable.
                            signed
                                .shown
                                .get_or_insert_with(|| {
                                    ShownSecret::new(SecretString::from(
                                        signed.request.to_json(true),
                                    ))
                                })
                                .ui(ui, &tr("form-preview-shown-name"));
                        }
                    }
                    Some(Err(e)) => {
                        ui.label(
                            RichText::new(tr!("form-preview-cannot-sign", error = e.words()))
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                    None => {}
                }
                if let Some(command) = command {
                    ui.label(RichText::new(tr("form-preview-as-command")).strong());
                    ui.add(egui::Label::new(RichText::new(command).monospace()).selectable(true));
                }
            });
        asked
    }
}

/// `OldPasswordExpireTime` → `OLD_PASSWORD_EXPIRE_TIME`,
/// `consumerGroupNewPassword` → `CONSUMER_GROUP_NEW_PASSWORD`.
pub fn env_var_name(wire_name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in wire_name.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    out
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_word(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if safe {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The `keyturn request` invocation equivalent to a form, with `env:VAR`
/// for every secret field and a comment saying what to export. Prints the
/// signed request as it is; a comment says to add `--send`.
pub fn command_line(
    op: &Operation,
    inputs: &Inputs,
    key: KeyArg<'_>,
    endpoint: Option<&str>,
) -> String {
    let mut exports: Vec<(String, String)> = Vec::new();
    let mut args: Vec<String> = vec![format!("keyturn request {}", op.id)];
    match key {
        KeyArg::Profile(name) => args.push(format!("--profile {}", shell_word(name))),
        KeyArg::KeyId(id) => {
            args.push(format!("--key-id {}", shell_word(id)));
            exports.push((KEY_SECRET_VAR.to_owned(), tr("what-access-key-secret")));
        }
    }
    if let Some(region) = &inputs.region {
        args.push(format!("--region {}", shell_word(region)));
    }
    if let Some(url) = endpoint {
        args.push(format!("--endpoint {}", shell_word(url)));
    }
    for field in op.fields {
        let Some(value) = inputs.values.get(field.wire_name) else {
            continue;
        };
        let secret = field.kind == FieldKind::Secret || matches!(value, Value::Secret(_));
        if secret {
            let var = env_var_name(field.wire_name);
            let label = words::field_label(op, field);
            let what = if value.expose().is_empty() {
                tr!(
                    "form-preview-export-empty",
                    label = label,
                    var = var.as_str()
                )
            } else {
                label
            };
            exports.push((var.clone(), what));
            args.push(format!("--param {}=env:{var}", field.wire_name));
        } else {
            args.push(format!(
                "--param {}",
                shell_word(&format!("{}={}", field.wire_name, value.expose()))
            ));
        }
    }
    for name in &inputs.confirmed_empty {
        args.push(format!("--allow-empty {}", shell_word(name)));
    }
    let mut text = String::new();
    if !exports.is_empty() {
        text.push_str(&format!("# {}\n", tr("form-preview-export-first")));
        let width = exports.iter().map(|(v, _)| v.len()).max().unwrap_or(0);
        for (var, what) in &exports {
            text.push_str(&format!("#   {var:width$}  {what}\n"));
        }
        let example = tr!("form-preview-export-example", var = exports[0].0.as_str());
        text.push_str(&format!("# {example}\n"));
    }
    text.push_str(&format!("# {}\n", tr("form-preview-prints")));
    text.push_str(&args.join(" \\\n    "));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use secrecy::SecretString;

    #[test]
    fn variable_names_follow_the_wire_names() {
        assert_eq!(
            env_var_name("consumerGroupNewPassword"),
            "CONSUMER_GROUP_NEW_PASSWORD"
        );
        assert_eq!(env_var_name("OldPassword"), "OLD_PASSWORD");
        assert_eq!(env_var_name("old_password"), "OLD_PASSWORD");
    }

    #[test]
    fn secrets_become_env_references_and_values_are_quoted() {
        let op = find("huaweicloud.dcs.update-password").unwrap();
        let mut inputs = Inputs {
            region: Some("cn-north-4".into()),
            ..Inputs::default()
        };
        inputs.set("project_id", Value::Plain("p 1".into()));
        inputs.set("instance_id", Value::Plain("dcs-1".into()));
        inputs.set(
            "old_password",
            Value::Secret(SecretString::from("Old-Pass-1")),
        );
        inputs.set(
            "new_password",
            Value::Secret(SecretString::from("New-Pass-2")),
        );
        let text = command_line(
            op,
            &inputs,
            KeyArg::KeyId("AK1"),
            Some("http://127.0.0.1:8787"),
        );
        assert!(
            text.contains("--param old_password=env:OLD_PASSWORD"),
            "{text}"
        );
        assert!(
            text.contains("--param new_password=env:NEW_PASSWORD"),
            "{text}"
        );
        assert!(text.contains("--param 'project_id=p 1'"), "{text}");
        assert!(
            text.contains("#   KEYTURN_KEY_SECRET  the access key secret"),
            "{text}"
        );
        assert!(!text.contains("Old-Pass-1") && !text.contains("New-Pass-2"));
    }
}
