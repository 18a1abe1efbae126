//! The `keyturn` program: with no subcommand it opens the desktop app;
//! with one, it is the command line.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
