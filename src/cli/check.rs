//! `keyturn check OPERATION`: rules and strength of a password from stdin.

use secrecy::ExposeSecret;

use keyturn::rules::{self, Severity};

use super::input::password_from_stdin;
use super::output::outln;
use super::{CliError, Exit, operation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An operation id, e.g. ucloud.uredis.modify-group-password.
    operation: String,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    let op = operation(&args.operation)?;
    let password = password_from_stdin("Password to check: ")?;
    let password = password.expose_secret();
    let report = rules::check(&op.new_password.policy, password, None);
    for r in &report.rules {
        let mark = match (r.passed, r.severity) {
            (true, _) => "✓",
            (false, Severity::Error) => "✗",
            (false, Severity::Warning) => "!",
        };
        match &r.missing {
            Some(m) => outln!("{mark} {}: {m}", r.rule),
            None => outln!("{mark} {}", r.rule),
        }
    }
    for p in report.characters.iter().take(20) {
        outln!("  character {}: {}", p.position, p.reason);
    }
    if report.characters.len() > 20 {
        outln!("  … and {} more", report.characters.len() - 20);
    }
    let s = rules::estimate(password, &[]);
    outln!(
        "strength: {}/4 ({}), about 10^{:.0} guesses, {} to crack offline",
        s.score,
        s.label(),
        s.guesses_log10,
        s.crack_time
    );
    if let Some(w) = &s.warning {
        outln!("  warning: {w}");
    }
    for tip in &s.suggestions {
        outln!("  tip: {tip}");
    }
    if s.truncated {
        outln!(
            "  (estimated from the first {} characters)",
            rules::strength::STRENGTH_INPUT_LIMIT
        );
    }
    Ok(if report.acceptable() {
        Exit::Success
    } else {
        Exit::BadInput
    })
}
