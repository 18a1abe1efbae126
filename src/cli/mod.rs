//! The command line: one subcommand per file, all reading the catalogue.
//!
//! Exit codes are shared by every subcommand (see [`Exit`]).

mod check;
mod completions;
mod emulate;
mod error;
mod generate;
mod help;
mod import;
mod input;
mod ops;
mod password;
mod profile;
mod request;
mod verify;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::{CliError, Exit};

/// Rotate the passwords of managed database and cache services, with access
/// keys kept in the OS keyring.
#[derive(Debug, Parser)]
#[command(
    name = "keyturn",
    version,
    long_version = help::LONG_VERSION,
    long_about = help::long_about(),
    after_long_help = help::after_long_help()
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the password-change operations, or show one's fields and rules.
    Ops(ops::Args),
    /// Check a candidate password (read from stdin) against an operation's rules.
    Check(check::Args),
    /// Print a password that an operation accepts.
    Generate(generate::Args),
    /// Build and sign an operation's request and print it as JSON, or --send it.
    Request(request::Args),
    /// Run a local emulator of the four clouds on 127.0.0.1 until Ctrl-C.
    Emulate(emulate::Args),
    /// Manage access keys kept in the OS keyring.
    #[command(subcommand)]
    Profile(profile::Command),
    /// Store the key from a cloud console's access key CSV file as a profile.
    Import(import::Args),
    /// Look up resource passwords kept in the OS keyring.
    #[command(subcommand)]
    Password(password::Command),
    /// Print a shell completion script, e.g. `keyturn completions bash`.
    Completions(completions::CompletionsArgs),
    /// Print the man page, or with --dir write one page per subcommand.
    #[command(hide = true)]
    Manpage(completions::ManpageArgs),
}

/// Parses the arguments, runs the subcommand, and turns the result into the
/// process's exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    // The emulator's point is to show what it receives: one line per request.
    init_logging(match cli.command {
        Command::Emulate(_) => "info",
        _ => "warn",
    });
    let result = match cli.command {
        Command::Ops(args) => ops::run(args),
        Command::Check(args) => check::run(args),
        Command::Generate(args) => generate::run(args),
        Command::Request(args) => request::run(args),
        Command::Emulate(args) => emulate::run(args),
        Command::Profile(command) => profile::run(command),
        Command::Import(args) => import::run(args),
        Command::Password(command) => password::run(command),
        Command::Completions(args) => completions::completions(args),
        Command::Manpage(args) => completions::manpage(args),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(err) => {
            eprintln!("{err}");
            err.exit().into()
        }
    }
}

/// Logs go to stderr, filtered by `RUST_LOG` (default: `default_level`).
/// Nothing secret is ever logged, at any level.
fn init_logging(default_level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only on a terminal, not in a log file or a pipe.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
}

/// Finds an operation by id, or says which ids exist.
fn operation(id: &str) -> Result<&'static keyturn::catalog::Operation, CliError> {
    keyturn::catalog::find(id).ok_or_else(|| CliError::UnknownOperation(id.to_owned()))
}
