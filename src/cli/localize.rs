//! The command line's definition and its errors in the interface's
//! language.
//!
//! English is the clap definition itself (its doc comments). For another
//! language, [`command`] builds that definition and then replaces each
//! command's about and each argument's help with its translation from the
//! language's `help.ftl` (message `help-<command path>` for a command,
//! `help-<command path>--<argument id>` for an argument, with `-long` for
//! the longer text of `--help`), and the headings and clap's own `--help`,
//! `--version` and `help` texts with `keyturn.ftl`'s. A text without a
//! translation stays English. clap words its errors only in English, so
//! [`error`] words the common ones itself. The man pages are generated
//! from the definition in the interface's language, the shell completions
//! from the English one.
//!
//! Still English in every language: clap's `[default: …]` and
//! `[possible values: …]` notes and the placeholders it derives from field
//! names (`<NAME>`, `[OPTIONS]`), which name what is typed.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use keyturn::i18n::{self, Lang};

use super::{Cli, help};

/// The command line's definition, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    // `--version` says where profiles and passwords are kept (a small
    // settings file, read here only; nothing connects to anything).
    in_language(Cli::command().long_version(help::long_version()), lang)
}

/// `cmd`, a form of the command line's definition, with its help in `lang`.
pub fn in_language(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::English {
        return cmd;
    }
    // Built first, so the arguments and subcommand clap adds (help,
    // version) are there to be translated too.
    cmd.build();
    let cmd = cmd
        .long_about(help::long_about(lang))
        .after_long_help(help::after_long_help(lang));
    translate(cmd, lang, "")
}

/// `cmd` (at `path`, "" for the top) and everything under it in `lang`.
fn translate(cmd: Command, lang: Lang, path: &str) -> Command {
    let path = command_path(path, cmd.get_name());
    let tr = |id: &str| i18n::tr_in(lang, id, None);
    let or = |id: &str, english: &str| i18n::tr_or_in(lang, id, english);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        tr("help-usage-heading")
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(tr("help-commands-heading"));
    if let Some(about) = cmd.get_about().map(ToString::to_string) {
        cmd = cmd.about(or(&format!("help-{path}"), &about));
    }
    if path != "keyturn"
        && let Some(long) = cmd.get_long_about().map(ToString::to_string)
    {
        cmd = cmd.long_about(or(&format!("help-{path}-long"), &long));
    }
    let long_help_exists =
        cmd.get_arguments().any(|a| a.get_long_help().is_some()) || cmd.get_long_about().is_some();
    let cmd = cmd.mut_args(|arg| translate_arg(arg, lang, &path, long_help_exists));
    let is_help = |c: &Command| c.get_name() == "help";
    cmd.mut_subcommands(|sub| {
        if is_help(&sub) {
            sub.about(tr("help-help-subcommand"))
                .help_template(format!(
                    "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}",
                    tr("help-usage-heading")
                ))
                .subcommand_help_heading(tr("help-commands-heading"))
                .mut_subcommands(|s| s.about(tr("help-help-subcommand")))
        } else {
            translate(sub, lang, &path)
        }
    })
}

/// One argument's help and heading in `lang`.
fn translate_arg(arg: Arg, lang: Lang, path: &str, long_help_exists: bool) -> Arg {
    let tr = |id: &str| i18n::tr_in(lang, id, None);
    let heading = if arg.is_positional() {
        "help-arguments-heading"
    } else {
        "help-options-heading"
    };
    let arg = arg.help_heading(tr(heading));
    match arg.get_id().as_str() {
        "help" if long_help_exists => arg
            .help(tr("help-help-more"))
            .long_help(tr("help-help-summary")),
        "help" => arg.help(tr("help-help")),
        "version" => arg.help(tr("help-version")),
        _ => {
            let id = arg_message(path, &arg);
            let help = arg.get_help().map(ToString::to_string);
            let long = arg.get_long_help().map(ToString::to_string);
            let mut arg = arg;
            if let Some(help) = help {
                arg = arg.help(i18n::tr_or_in(lang, &id, &help));
            }
            if let Some(long) = long {
                arg = arg.long_help(i18n::tr_or_in(lang, &format!("{id}-long"), &long));
            }
            arg
        }
    }
}

/// The message id of an argument's help: `help-<command path>--<id>`, or
/// `help---<id>` for a global one (the same under every command).
fn arg_message(path: &str, arg: &Arg) -> String {
    let id = arg.get_id().as_str();
    if arg.is_global_set() {
        format!("help---{id}")
    } else {
        format!("help-{path}--{id}")
    }
}

/// "keyturn", "profile-add": the part of a message id that names a command.
fn command_path(parent: &str, name: &str) -> String {
    match parent {
        "" => name.to_owned(),
        "keyturn" => name.to_owned(),
        parent => format!("{parent}-{name}"),
    }
}

/// Every text of `cmd`'s definition that `help.ftl` translates: its
/// message id and its English.
#[cfg(test)]
fn texts(cmd: &Command) -> Vec<(String, String)> {
    let mut cmd = cmd.clone();
    cmd.build();
    let mut found = Vec::new();
    collect(&cmd, "", &mut found);
    found
}

#[cfg(test)]
fn collect(cmd: &Command, parent: &str, found: &mut Vec<(String, String)>) {
    let path = command_path(parent, cmd.get_name());
    if let Some(about) = cmd.get_about() {
        found.push((format!("help-{path}"), about.to_string()));
    }
    if path != "keyturn"
        && let Some(long) = cmd.get_long_about()
    {
        found.push((format!("help-{path}-long"), long.to_string()));
    }
    for arg in cmd.get_arguments() {
        if matches!(arg.get_id().as_str(), "help" | "version") {
            continue;
        }
        let id = arg_message(&path, arg);
        if arg.is_global_set() && !parent.is_empty() {
            // Said once, at the top.
            continue;
        }
        if let Some(help) = arg.get_help() {
            found.push((id.clone(), help.to_string()));
        }
        if let Some(long) = arg.get_long_help() {
            found.push((format!("{id}-long"), long.to_string()));
        }
    }
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        collect(sub, &path, found);
    }
}

/// A clap error in `lang`'s words, or `None` to let clap word it (in
/// English, or a kind this does not know).
pub fn error(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::English {
        return None;
    }
    let tr = |id: &str, args: &[(&str, String)]| {
        let mut fluent = i18n::FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        i18n::tr_in(lang, id, Some(&fluent))
    };
    let one = |kind| context(e, kind).into_iter().next().unwrap_or_default();
    let mut lines = match e.kind() {
        ErrorKind::UnknownArgument => {
            let mut lines = vec![tr(
                "clap-unknown-argument",
                &[("arg", one(ContextKind::InvalidArg))],
            )];
            if let Some(similar) = context(e, ContextKind::SuggestedArg).first() {
                lines.push(format!(
                    "\n  {}",
                    tr("clap-similar", &[("suggestion", similar.clone())])
                ));
            }
            lines
        }
        ErrorKind::InvalidSubcommand => {
            let mut lines = vec![tr(
                "clap-invalid-subcommand",
                &[("name", one(ContextKind::InvalidSubcommand))],
            )];
            if let Some(similar) = context(e, ContextKind::SuggestedSubcommand).first() {
                lines.push(format!(
                    "\n  {}",
                    tr("clap-similar", &[("suggestion", similar.clone())])
                ));
            }
            lines
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = one(ContextKind::InvalidArg);
            let value = one(ContextKind::InvalidValue);
            if value.is_empty() && e.kind() == ErrorKind::InvalidValue {
                vec![tr("clap-no-value", &[("arg", arg)])]
            } else {
                let mut first = tr("clap-invalid-value", &[("arg", arg), ("value", value)]);
                // The value parser's own reason (already in `lang`).
                if let Some(reason) = std::error::Error::source(e) {
                    first.push_str(&format!("：{reason}"));
                }
                let mut lines = vec![first];
                let valid = context(e, ContextKind::ValidValue);
                if !valid.is_empty() {
                    lines.push(format!(
                        "\n  [{}]",
                        tr("clap-possible-values", &[("values", valid.join(", "))])
                    ));
                }
                lines
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let mut lines = vec![tr("clap-missing-required", &[])];
            for arg in context(e, ContextKind::InvalidArg) {
                lines.push(format!("\n  {arg}"));
            }
            lines
        }
        ErrorKind::MissingSubcommand => vec![tr(
            "clap-missing-subcommand",
            &[("name", one(ContextKind::InvalidSubcommand))],
        )],
        ErrorKind::ArgumentConflict => vec![tr(
            "clap-conflict",
            &[
                ("arg", one(ContextKind::InvalidArg)),
                ("other", one(ContextKind::PriorArg)),
            ],
        )],
        ErrorKind::TooManyValues => vec![tr(
            "clap-too-many-values",
            &[
                ("arg", one(ContextKind::InvalidArg)),
                ("value", one(ContextKind::InvalidValue)),
            ],
        )],
        _ => return None,
    };
    let first = tr("error-line", &[("message", lines.remove(0))]);
    let mut text = format!("{first}{}", lines.concat());
    if let Some(usage) = context(e, ContextKind::Usage).first() {
        let usage = usage.trim_start_matches("Usage:").trim();
        text.push_str(&format!("\n\n{}{usage}", tr("help-usage-heading", &[])));
    }
    text.push_str(&format!("\n\n{}", tr("clap-more-info", &[])));
    Some(text)
}

/// The text of one item of an error's context, as a list.
fn context(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The message ids of an embedded .ftl file.
    fn ids(source: &i18n::Source) -> BTreeSet<String> {
        let resource = fluent_syntax::parser::parse(source.text)
            .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", source.path));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_help_text_is_translated_and_nothing_else() {
        let wanted: BTreeSet<String> = texts(&Cli::command())
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let have = ids(&i18n::HELP_ZH_CN);
        let missing: Vec<_> = wanted.difference(&have).collect();
        let extra: Vec<_> = have.difference(&wanted).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "zh-CN/help.ftl lacks {missing:?} and has no use for {extra:?}"
        );
    }

    #[test]
    fn help_in_chinese_has_chinese_headings_and_texts() {
        let mut cmd = command(Lang::SimplifiedChinese);
        let help = cmd.render_long_help().to_string();
        for text in ["用法：", "命令:", "选项:", "退出状态：", "显示帮助"] {
            assert!(help.contains(text), "{text} missing from\n{help}");
        }
        for english in ["Usage:", "Options:", "Commands:", "Print help"] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
        let mut add = command(Lang::SimplifiedChinese);
        let add = add
            .find_subcommand_mut("profile")
            .and_then(|p| p.find_subcommand_mut("add"))
            .map(|a| a.render_help().to_string())
            .unwrap_or_default();
        assert!(add.contains("参数:"), "{add}");
    }

    #[test]
    fn english_help_is_the_definition_itself() {
        let mut cmd = command(Lang::English);
        let help = cmd.render_long_help().to_string();
        assert!(
            help.contains("Usage:") && help.contains("Exit status:"),
            "{help}"
        );
    }

    #[test]
    fn usage_errors_are_worded_in_chinese() {
        let zh = Lang::SimplifiedChinese;
        let e = command(zh)
            .try_get_matches_from(["keyturn", "ops", "--colour"])
            .unwrap_err();
        let text = error(&e, zh).unwrap();
        assert!(
            text.starts_with("错误：无法识别的参数 '--colour'"),
            "{text}"
        );
        assert!(text.contains("用法：keyturn ops"), "{text}");
        let e = command(zh)
            .try_get_matches_from(["keyturn", "profile", "add", "p"])
            .unwrap_err();
        let text = error(&e, zh).unwrap();
        assert!(text.contains("缺少以下必需的参数"), "{text}");
        assert!(text.contains("--provider"), "{text}");
        let e = command(zh)
            .try_get_matches_from(["keyturn", "--lang", "fr", "ops"])
            .unwrap_err();
        assert!(error(&e, zh).unwrap().contains("'fr'"));
        assert!(error(&e, Lang::English).is_none(), "English is clap's");
    }
}
