//! `keyturn ops [OPERATION]`: what Keyturn can do, from the catalogue.

use std::fmt::Write;

use keyturn::catalog::{CATALOG, FieldKind, Location, Operation};
use keyturn::i18n::{self, Lang};
use keyturn::rules::{PasswordPolicy, Severity, Specials};
use keyturn::tr;
use keyturn::words;

use super::output::out;
use super::{CliError, Exit, operation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An operation id, e.g. huaweicloud.dcs.update-password.
    operation: Option<String>,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    match args.operation {
        None => out!("{}", list(i18n::language())),
        Some(id) => out!("{}", describe(operation(&id)?)),
    }
    Ok(Exit::Success)
}

/// One line per operation: its id, then provider, product and API.
pub(super) fn list(lang: Lang) -> String {
    let width = CATALOG.iter().map(|op| op.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for op in CATALOG {
        let _ = writeln!(
            out,
            "{:width$}  {} {} {}",
            op.id,
            words::provider_in(lang, op.provider),
            op.product,
            op.api
        );
    }
    out
}

fn describe(op: &Operation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n  {}", op.id, words::title(op));
    let _ = writeln!(
        out,
        "  {}",
        tr!(
            "ops-signed-with",
            provider = words::provider(op.provider),
            product = op.product,
            api = op.api,
            scheme = op.request.scheme()
        )
    );
    let _ = writeln!(out, "  {}", op.docs_url);
    for note in words::notes(op) {
        let _ = writeln!(out, "  - {note}");
    }
    let _ = writeln!(out, "\n{}", tr!("ops-region-heading"));
    let examples = op.region.examples.join(", ");
    let _ = writeln!(
        out,
        "  {}",
        if op.region.required {
            tr!("ops-region-required", examples = examples)
        } else {
            tr!("ops-region-optional", examples = examples)
        }
    );
    let _ = writeln!(out, "\n{}", tr!("ops-fields-heading"));
    for f in op.fields {
        if Some(f.wire_name) == op.region.param {
            continue;
        }
        let mut tags = vec![tr!(if f.required {
            "ops-tag-required"
        } else {
            "ops-tag-optional"
        })];
        tags.push(tr!(match f.kind {
            FieldKind::Text => "ops-tag-text",
            FieldKind::Choice(_) => "ops-tag-choice",
            FieldKind::Secret => "ops-tag-secret",
            FieldKind::DateTime(_) => "ops-tag-date-time",
        }));
        if f.location == Location::LocalOnly {
            tags.push(tr!("ops-tag-local-only"));
        }
        let _ = writeln!(
            out,
            "  {:26} {}  [{}]",
            f.wire_name,
            words::field_label(op, f),
            tags.join(&tr!("list-separator"))
        );
        let _ = writeln!(out, "  {:26} {}", "", words::field_help(op, f));
        if let FieldKind::Choice(choices) = f.kind {
            for (v, label) in choices {
                let label = words::choice_label(op, f, v, label);
                let _ = writeln!(out, "  {:26}   {v}: {label}", "");
            }
        }
        if let Some(d) = f.default {
            let _ = writeln!(out, "  {:26} {}", "", tr!("ops-default", value = d));
        }
        if let Some(means) = words::empty_means(op, f) {
            let _ = writeln!(
                out,
                "  {:26} {}",
                "",
                tr!("ops-empty", means = means, field = f.wire_name)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        tr!("ops-new-password-heading", field = op.new_password.field)
    );
    out.push_str(&policy_lines(op, &op.new_password.policy));
    out
}

fn policy_lines(op: &Operation, p: &PasswordPolicy) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        let _ = writeln!(out, "  - {text}");
    };
    match p.length.max {
        Some(max) => line(match p.length.max_some_versions {
            Some(more) => tr!(
                "policy-length-some-versions",
                min = p.length.min,
                max = max,
                more = more
            ),
            None => tr!("policy-length-range", min = p.length.min, max = max),
        }),
        None if p.length.min > 0 => line(tr!("policy-length-min", min = p.length.min)),
        // No documented length.
        None => {}
    }
    if let Some(c) = p.classes {
        let names: Vec<String> = c.of.iter().map(|k| words::char_class(*k)).collect();
        line(tr!(
            "policy-classes",
            count = c.at_least,
            classes = names.join(&tr!("list-separator"))
        ));
    }
    match p.alphabet.specials {
        Specials::Only("") => line(tr!("policy-only-letters-digits")),
        Specials::Only(set) => line(tr!("policy-only-letters-digits-and", set = set)),
        Specials::PrintableAscii => line(tr!("policy-printable-ascii")),
        Specials::Unrestricted => {}
    }
    for at in 0..p.alphabet.version_dependent.len() {
        line(tr!(
            "policy-version-dependent",
            why = words::version_note(op, at)
        ));
    }
    if let Some(cur) = op.new_password.current_field {
        let firm = match p.differ_from_current {
            Severity::Error => "policy-must-differ",
            Severity::Warning => "policy-should-differ",
        };
        line(tr!(firm, field = cur));
    }
    let g = p.generator;
    let _ = writeln!(
        out,
        "  {}",
        tr!(
            "policy-generator",
            min = g.min,
            max = g.max,
            default = g.default
        )
    );
    out
}
