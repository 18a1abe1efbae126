//! The `keyturn` program: the command line today; the desktop app will be
//! its default action.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
