//! The `keyturn` program: with no subcommand it opens the desktop app;
//! with one, it is the command line.

mod cli;

fn main() -> std::process::ExitCode {
    // Before any secret is read: none may end up in a core file.
    keyturn::hardening::no_core_dumps();
    cli::run()
}
