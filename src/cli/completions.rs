//! `keyturn completions SHELL` and `keyturn manpage`: shell completions and
//! man pages generated from the one clap definition of the command line, so
//! they never disagree with it. `scripts/build-deb` runs both and the Debian
//! package installs the results; anyone who builds from source can run them
//! the same way.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;

use keyturn::i18n::Lang;
use keyturn::tr;

use super::output::errln;
use super::{CliError, Exit, help};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManpageArgs {
    /// Write keyturn.1 and one page per subcommand (keyturn-profile-add.1, …)
    /// into this folder, instead of printing keyturn.1.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// The manual the pages say they belong to, and what they document.
const MANUAL: &str = "Keyturn Manual";
const SOURCE: &str = concat!("keyturn ", env!("CARGO_PKG_VERSION"));

pub fn completions(args: CompletionsArgs) -> Result<Exit, CliError> {
    let mut cmd = super::Cli::command();
    // Into memory first: clap_complete panics when its writer fails.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "keyturn", &mut script);
    super::output::raw(&script);
    Ok(Exit::Success)
}

pub fn manpage(args: ManpageArgs) -> Result<Exit, CliError> {
    let cmd = super::Cli::command();
    match args.dir {
        None => {
            let mut page = Vec::new();
            render_main(cmd, &mut page).map_err(write_error)?;
            super::output::raw(&page);
        }
        Some(dir) => {
            let written = write_pages(cmd, &dir).map_err(|e| {
                CliError::Failure(tr!(
                    "man-cannot-write-dir",
                    dir = dir.display().to_string(),
                    error = e.to_string()
                ))
            })?;
            errln!(
                "{}",
                tr!(
                    "man-written",
                    count = written,
                    dir = dir.display().to_string()
                )
            );
        }
    }
    Ok(Exit::Success)
}

fn write_error(e: io::Error) -> CliError {
    CliError::Failure(tr!("man-cannot-write", error = e.to_string()))
}

/// Writes `keyturn.1` and a page for every visible subcommand; returns how many.
fn write_pages(cmd: clap::Command, dir: &Path) -> io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    // Builds the display names (keyturn-profile-add) the sub-pages are named by.
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let mut main = std::fs::File::create(dir.join("keyturn.1"))?;
    render_main(cmd.clone(), &mut main)?;
    let mut count = 1;
    let mut stack: Vec<clap::Command> = visible_subcommands(&cmd);
    while let Some(sub) = stack.pop() {
        stack.extend(visible_subcommands(&sub));
        let man = Man::new(sub).manual(MANUAL).source(SOURCE);
        man.generate_to(dir)?;
        count += 1;
    }
    Ok(count)
}

fn visible_subcommands(cmd: &clap::Command) -> Vec<clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect()
}

/// `keyturn(1)`: what clap derives, with the operations as a list, plus exit
/// status, environment and files.
fn render_main(cmd: clap::Command, w: &mut dyn Write) -> io::Result<()> {
    let man = Man::new(cmd.disable_help_subcommand(true))
        .manual(MANUAL)
        .source(SOURCE);
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    writeln!(w, ".SH DESCRIPTION")?;
    // The man page and the completions are English in every language.
    let english = Lang::English;
    for line in help::intro(english).lines() {
        writeln!(w, "{}", roff_text(line))?;
    }
    writeln!(w, ".PP\n{}", roff_text(&help::operations(english)))?;
    let operations: Vec<(&str, String)> = keyturn::catalog::CATALOG
        .iter()
        .map(|op| {
            (
                op.id,
                format!("{} {} {}", op.provider.name(), op.product, op.api),
            )
        })
        .collect();
    tagged(w, operations.iter().map(|(id, what)| (*id, what.as_str())))?;
    man.render_options_section(w)?;
    man.render_subcommands_section(w)?;
    let exit: Vec<(String, String)> = help::worded(english, help::EXIT_STATUS)
        .into_iter()
        .map(|(e, m)| ((e as u8).to_string(), m))
        .collect();
    writeln!(w, ".SH \"EXIT STATUS\"")?;
    tagged(w, exit.iter().map(|(c, m)| (c.as_str(), m.as_str())))?;
    writeln!(w, ".SH ENVIRONMENT")?;
    let environment = help::worded(english, help::ENVIRONMENT);
    tagged(w, environment.iter().map(|(n, m)| (*n, m.as_str())))?;
    writeln!(w, ".SH FILES")?;
    tagged(w, help::FILES.iter().copied())?;
    writeln!(w, ".SH \"SEE ALSO\"")?;
    writeln!(w, "{}", roff_text("secret-tool(1), seahorse(1)"))?;
    writeln!(w, ".SH VERSION\n{}", env!("CARGO_PKG_VERSION"))
}

/// Tagged paragraphs: each term in bold, its meaning indented below.
fn tagged<'a>(
    w: &mut dyn Write,
    items: impl Iterator<Item = (&'a str, &'a str)>,
) -> io::Result<()> {
    for (term, meaning) in items {
        writeln!(
            w,
            ".TP\n\\fB{}\\fR\n{}",
            roff_text(term),
            roff_text(meaning)
        )?;
    }
    Ok(())
}

/// Escapes text for roff: backslashes, minus signs, and a leading dot or
/// apostrophe that roff would take for a request.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn completion(shell: Shell) -> String {
        let mut cmd = super::super::Cli::command();
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut cmd, "keyturn", &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn completions_know_the_subcommands() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let script = completion(shell);
            for word in ["ops", "profile", "verify", "--region"] {
                assert!(script.contains(word), "{shell}: {word} missing");
            }
        }
    }

    #[test]
    fn main_page_has_the_derived_and_the_added_sections() {
        let mut out = Vec::new();
        render_main(super::super::Cli::command(), &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH keyturn 1"));
        for heading in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH VERSION",
        ] {
            assert!(page.contains(heading), "{heading} missing");
        }
        assert!(page.contains("huaweicloud.dcs.update\\-password"));
        assert!(page.contains("KEYTURN_CONFIG_DIR"));
    }

    #[test]
    fn pages_are_written_for_every_visible_subcommand() {
        let dir = std::env::temp_dir().join(format!("keyturn-man-{}", std::process::id()));
        let count = write_pages(super::super::Cli::command(), &dir).unwrap();
        assert!(dir.join("keyturn.1").is_file());
        assert!(dir.join("keyturn-profile-add.1").is_file());
        assert!(!dir.join("keyturn-manpage.1").exists(), "manpage is hidden");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), count);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn roff_text_escapes_requests_and_minus_signs() {
        assert_eq!(roff_text(".config"), "\\&.config");
        assert_eq!(roff_text("a-b\\c"), "a\\-b\\ec");
    }
}
