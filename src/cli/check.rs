//! `keyturn check OPERATION`: rules and strength of a password from stdin.

use secrecy::ExposeSecret;

use keyturn::rules::{self, Severity};
use keyturn::tr;
use keyturn::words;

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
    let password = password_from_stdin(&format!("{} ", tr!("check-prompt")))?;
    let password = password.expose_secret();
    let report = rules::check(&op.new_password.policy, password, None);
    for r in &report.rules {
        let mark = match (r.passed, r.severity) {
            (true, _) => "✓",
            (false, Severity::Error) => "✗",
            (false, Severity::Warning) => "!",
        };
        outln!("{mark} {}", words::rule_result(r));
    }
    for p in report.characters.iter().take(20) {
        outln!(
            "  {}",
            tr!(
                "check-character",
                position = p.position,
                reason = words::char_problem(op, p)
            )
        );
    }
    if report.characters.len() > 20 {
        outln!(
            "  {}",
            tr!(
                "check-more-characters",
                count = report.characters.len() - 20
            )
        );
    }
    let s = rules::estimate(password, &[]);
    outln!(
        "{}",
        tr!(
            "check-strength",
            score = s.score,
            label = words::strength_label(s.score),
            guesses = format!("{:.0}", s.guesses_log10),
            time = words::crack_time(s.crack_seconds)
        )
    );
    if let Some(w) = &s.warning {
        let text = words::strength_feedback(w);
        outln!("  {}", tr!("check-warning", text = text));
    }
    for tip in &s.suggestions {
        let text = words::strength_feedback(tip);
        outln!("  {}", tr!("check-tip", text = text));
    }
    if s.truncated {
        outln!(
            "  {}",
            tr!(
                "check-truncated",
                count = rules::strength::STRENGTH_INPUT_LIMIT
            )
        );
    }
    Ok(if report.acceptable() {
        Exit::Success
    } else {
        Exit::BadInput
    })
}
