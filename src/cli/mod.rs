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
mod localize;
mod logs;
mod open;
mod ops;
mod output;
mod password;
mod password_test;
mod profile;
mod profile_verify;
mod recover;
mod recover_test;
mod request;
mod rotate;
mod store;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand};
use tracing::Level;

use keyturn::i18n::{self, Lang};
use keyturn::tr;

use output::errln;

pub use error::{CliError, Exit};

/// Rotate the passwords of managed database and cache services, with access
/// keys kept in the OS keyring. With no subcommand, opens the desktop app.
#[derive(Debug, Parser)]
#[command(
    name = "keyturn",
    version,
    long_version = help::LONG_VERSION,
    long_about = help::long_about(Lang::English),
    after_long_help = help::after_long_help(Lang::English)
)]
pub struct Cli {
    /// Language of messages and help: en or zh-CN (default: KEYTURN_LANG,
    /// then the system's locale). --json output is the same in every
    /// language.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Open the desktop app over the built-in emulator with fake profiles
    /// for all four clouds: every outcome, lock and countdown without a
    /// cloud account. Nothing touches your keyring or your files.
    // Not with a subcommand (see `parse`): clap's own setting for that
    // would refuse the global --lang before a subcommand too.
    #[arg(long)]
    demo: bool,
    #[command(subcommand)]
    command: Option<Command>,
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
    /// Manage access keys kept in the OS keyring or the team store.
    #[command(subcommand)]
    Profile(profile::Command),
    /// Store the key from a cloud console's access key CSV file as a profile.
    Import(import::Args),
    /// Look up resource passwords kept in the OS keyring or the team store.
    #[command(subcommand)]
    Password(password::Command),
    /// List password changes with an unknown result, and settle them.
    Recover(recover::Args),
    /// List past password changes.
    History(recover::HistoryArgs),
    /// Choose where profiles and passwords are kept: the OS keyring or a team store.
    #[command(subcommand)]
    Store(store::Command),
    /// Print a shell completion script, e.g. `keyturn completions bash`.
    Completions(completions::CompletionsArgs),
    /// Print the man page, or with --dir write one page per subcommand.
    #[command(hide = true)]
    Manpage(completions::ManpageArgs),
}

/// Parses the arguments, runs the subcommand, and turns the result into the
/// process's exit code.
pub fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language first, for the help and the errors of parsing itself.
    i18n::set_language(i18n::choose_from_env(lang_argument(&args)));
    // How a desktop launcher starts Keyturn: straight to the window, without
    // building the whole command line's definition first (clap's parser is
    // code and memory the window never needs again).
    match (args.get(1), args.get(2)) {
        (None, _) => return desktop_app(None),
        (Some(flag), None) if flag == "--demo" => return demo_app(None),
        _ => {}
    }
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    warn_about_keyturn_lang();
    if cli.demo {
        return demo_app(cli.lang);
    }
    let Some(command) = cli.command else {
        return desktop_app(cli.lang);
    };
    // The emulator's point is to show what it receives: one line per request.
    logs::init(match command {
        Command::Emulate(_) => Level::INFO,
        _ => Level::WARN,
    });
    let result = match command {
        Command::Ops(args) => ops::run(args),
        Command::Check(args) => check::run(args),
        Command::Generate(args) => generate::run(args),
        Command::Request(args) => request::run(args),
        Command::Emulate(args) => emulate::run(args),
        Command::Profile(command) => profile::run(command),
        Command::Import(args) => import::run(args),
        Command::Password(command) => password::run(command),
        Command::Recover(args) => recover::run(args),
        Command::History(args) => recover::history(args),
        Command::Store(command) => store::run(command),
        Command::Completions(args) => completions::completions(args),
        Command::Manpage(args) => completions::manpage(args),
    };
    let exit = match result {
        Ok(exit) => exit,
        Err(err) => {
            errln!("{err}");
            err.exit()
        }
    };
    output::finish(exit).into()
}

/// Parses the arguments with the help and errors in the current language;
/// help, the version or a usage error is printed here.
fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let lang = i18n::language();
    let matches = localize::command(lang).try_get_matches_from(args);
    if let Ok(m) = &matches
        && m.get_flag("demo")
        && let Some(name) = m.subcommand_name()
    {
        let message = tr!("clap-conflict", arg = "--demo", other = name);
        errln!("{}", tr!("error-line", message = message));
        return Err(Exit::BadInput.into());
    }
    let parsed = matches.and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.map_err(|e| {
        let code = e.exit_code();
        match localize::error(&e, lang) {
            Some(text) => errln!("{text}"),
            // Help and the version go to stdout; clap's English errors to stderr.
            None => {
                let _ = e.print();
            }
        }
        ExitCode::from(u8::try_from(code).unwrap_or(Exit::BadInput as u8))
    })
}

/// The value of `--lang` among the arguments, read before they are
/// parsed (the parser's own help and errors are in that language); a value
/// Keyturn does not know is left for the parser to refuse.
fn lang_argument(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => return None,
            Some("--lang") => return args.next().flatten().and_then(Lang::parse),
            Some(a) if a.starts_with("--lang=") => return Lang::parse(&a["--lang=".len()..]),
            _ => {}
        }
    }
    None
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| tr!("clap-possible-values", values = "en, zh-CN"))
}

/// Says so when `KEYTURN_LANG` names a language Keyturn does not have (it
/// was passed over).
fn warn_about_keyturn_lang() {
    if let Ok(value) = std::env::var("KEYTURN_LANG")
        && !value.trim().is_empty()
        && Lang::parse(&value).is_none()
    {
        errln!(
            "{}",
            tr!(
                "warning-line",
                message = tr!("error-lang-unknown", value = format!("{value:?}"))
            )
        );
    }
}

/// Opens the desktop app (no subcommand given), in `lang` if `--lang`
/// named one.
fn desktop_app(lang: Option<Lang>) -> ExitCode {
    // The local zone must be read before any thread starts: on Unix it
    // cannot be read reliably once the process has several threads.
    let local = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    logs::init(Level::WARN);
    match keyturn::ui::app::run_native(keyturn::ui::AppConfig::from_env(local, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            errln!("{e}");
            Exit::Failure.into()
        }
    }
}

/// Opens the desktop app in demo mode (`--demo`), in `lang` if `--lang`
/// named one.
fn demo_app(lang: Option<Lang>) -> ExitCode {
    let local = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    logs::init(Level::WARN);
    // First, before anything could open the real keyring.
    let demo = match keyturn::demo::Demo::start() {
        Ok(demo) => demo,
        Err(e) => {
            errln!("keyturn --demo: {e}");
            return Exit::Failure.into();
        }
    };
    errln!(
        "{}",
        tr!(
            "demo-started",
            url = demo.emulator_url().to_string(),
            dir = demo.dir().display().to_string()
        )
    );
    let result = keyturn::ui::demo_window::run_native(&demo, local, lang);
    drop(demo);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            errln!("{e}");
            Exit::Failure.into()
        }
    }
}

/// Finds an operation by id, or says which ids exist.
fn operation(id: &str) -> Result<&'static keyturn::catalog::Operation, CliError> {
    keyturn::catalog::find(id).ok_or_else(|| CliError::UnknownOperation(id.to_owned()))
}
