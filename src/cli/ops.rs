//! `keyturn ops [OPERATION]`: what Keyturn can do, from the catalogue.

use std::fmt::Write;

use keyturn::catalog::{CATALOG, FieldKind, Location, Operation};
use keyturn::rules::{PasswordPolicy, Severity, Specials};

use super::output::out;
use super::{CliError, Exit, operation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An operation id, e.g. huaweicloud.dcs.update-password.
    operation: Option<String>,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    match args.operation {
        None => out!("{}", list()),
        Some(id) => out!("{}", describe(operation(&id)?)),
    }
    Ok(Exit::Success)
}

pub(super) fn list() -> String {
    let width = CATALOG.iter().map(|op| op.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for op in CATALOG {
        let _ = writeln!(
            out,
            "{:width$}  {} {} {}",
            op.id,
            op.provider.name(),
            op.product,
            op.api
        );
    }
    out
}

fn describe(op: &Operation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n  {}", op.id, op.title);
    let _ = writeln!(
        out,
        "  {} {} {}, signed with {}",
        op.provider.name(),
        op.product,
        op.api,
        op.request.scheme()
    );
    let _ = writeln!(out, "  {}", op.docs_url);
    for note in op.notes {
        let _ = writeln!(out, "  - {note}");
    }
    let _ = writeln!(out, "\nRegion (--region):");
    let _ = writeln!(
        out,
        "  {}; e.g. {}",
        if op.region.required {
            "required"
        } else {
            "optional"
        },
        op.region.examples.join(", ")
    );
    let _ = writeln!(out, "\nFields (--param NAME=VALUE, or NAME=env:VAR):");
    for f in op.fields {
        if Some(f.wire_name) == op.region.param {
            continue;
        }
        let mut tags = vec![if f.required { "required" } else { "optional" }];
        tags.push(match f.kind {
            FieldKind::Text => "text",
            FieldKind::Choice(_) => "choice",
            FieldKind::Secret => "secret: env:VAR only",
            FieldKind::DateTime(_) => "date-time",
        });
        if f.location == Location::LocalOnly {
            tags.push("checked locally, never sent");
        }
        let _ = writeln!(
            out,
            "  {:26} {}  [{}]",
            f.wire_name,
            f.label,
            tags.join(", ")
        );
        let _ = writeln!(out, "  {:26} {}", "", f.help);
        if let FieldKind::Choice(choices) = f.kind {
            for (v, label) in choices {
                let _ = writeln!(out, "  {:26}   {v}: {label}", "");
            }
        }
        if let Some(d) = f.default {
            let _ = writeln!(out, "  {:26} default: {d}", "");
        }
        if let Some(means) = f.empty_means {
            let _ = writeln!(
                out,
                "  {:26} empty {means}; needs --allow-empty {}",
                "", f.wire_name
            );
        }
    }
    let _ = writeln!(out, "\nNew password ({}):", op.new_password.field);
    out.push_str(&policy_lines(
        &op.new_password.policy,
        op.new_password.current_field,
    ));
    out
}

fn policy_lines(p: &PasswordPolicy, current: Option<&str>) -> String {
    let mut out = String::new();
    match p.length.max {
        Some(max) => {
            let _ = write!(out, "  - {} to {max} characters", p.length.min);
            if let Some(more) = p.length.max_some_versions {
                let _ = write!(out, " (some versions accept up to {more}: a warning)");
            }
            out.push('\n');
        }
        None if p.length.min > 0 => {
            let _ = writeln!(out, "  - at least {} character(s)", p.length.min);
        }
        // No documented length.
        None => {}
    }
    if let Some(c) = p.classes {
        let names: Vec<_> = c.of.iter().map(|k| k.name()).collect();
        let _ = writeln!(out, "  - at least {} of: {}", c.at_least, names.join(", "));
    }
    match p.alphabet.specials {
        Specials::Only("") => {
            let _ = writeln!(out, "  - only letters and digits");
        }
        Specials::Only(set) => {
            let _ = writeln!(out, "  - only letters, digits and {set}");
        }
        Specials::PrintableAscii => {
            let _ = writeln!(out, "  - printable ASCII only, no spaces");
        }
        Specials::Unrestricted => {}
    }
    for (_, why) in p.alphabet.version_dependent {
        let _ = writeln!(out, "  - {why} (a warning)");
    }
    if let Some(cur) = current {
        let firm = match p.differ_from_current {
            Severity::Error => "must differ",
            Severity::Warning => "should differ",
        };
        let _ = writeln!(out, "  - {firm} from {cur}");
    }
    let g = p.generator;
    let _ = writeln!(
        out,
        "  generator: {} to {} characters (default {})",
        g.min, g.max, g.default
    );
    out
}
