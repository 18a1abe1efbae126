//! `keyturn completions SHELL` and `keyturn manpage`: shell completions and
//! man pages generated from the one clap definition of the command line, so
//! they never disagree with it. `scripts/build-deb` runs both and the Debian
//! package installs the results; anyone who builds from source can run them
//! the same way.
//!
//! The man pages are in the interface's language (`--lang zh-CN` gives the
//! Chinese ones, which the package installs under `zh_CN`); the completions
//! are English, as they are installed once for every user of a computer.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;

use keyturn::i18n::{self, Lang};
use keyturn::tr;

use super::output::errln;
use super::{CliError, Exit, help, localize};

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
    let lang = i18n::language();
    // No `help` subcommand: each page documents its command's --help.
    let cmd = localize::in_language(super::Cli::command().disable_help_subcommand(true), lang);
    match args.dir {
        None => {
            let mut page = Vec::new();
            render_main(cmd, lang, &mut page).map_err(write_error)?;
            super::output::raw(&page);
        }
        Some(dir) => {
            let written = write_pages(cmd, lang, &dir).map_err(|e| {
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
fn write_pages(cmd: clap::Command, lang: Lang, dir: &Path) -> io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    // Builds the display names (keyturn-profile-add) the sub-pages are named by.
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let mut main = std::fs::File::create(dir.join("keyturn.1"))?;
    render_main(cmd.clone(), lang, &mut main)?;
    let mut count = 1;
    let mut stack: Vec<clap::Command> = visible_subcommands(&cmd);
    while let Some(sub) = stack.pop() {
        stack.extend(visible_subcommands(&sub));
        let man = Man::new(sub).manual(MANUAL).source(SOURCE);
        let mut page = Vec::new();
        man.render(&mut page)?;
        std::fs::write(
            dir.join(man.get_filename()),
            with_headings(&page, lang).as_bytes(),
        )?;
        count += 1;
    }
    Ok(count)
}

/// A page clap_mangen rendered, its section headings in `lang`.
fn with_headings(page: &[u8], lang: Lang) -> String {
    let page = String::from_utf8_lossy(page);
    if lang == Lang::English {
        return page.into_owned();
    }
    page.lines()
        .map(|line| match line.strip_prefix(".SH ") {
            Some(heading) => format!(".SH {}", heading_in(heading, lang)),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// A man page's section heading in `lang`; one it has no word for as it is.
fn heading_in(heading: &str, lang: Lang) -> String {
    let id = match heading.trim_matches('"') {
        "NAME" => "man-name",
        "SYNOPSIS" => "man-synopsis",
        "DESCRIPTION" => "man-description",
        "OPTIONS" => "man-options",
        "SUBCOMMANDS" => "man-subcommands",
        "EXIT STATUS" => "man-exit-status",
        "ENVIRONMENT" => "man-environment",
        "FILES" => "man-files",
        "SEE ALSO" => "man-see-also",
        "VERSION" => "man-version",
        "EXTRA" => "man-extra",
        _ => return heading.to_owned(),
    };
    format!(
        "\"{}\"",
        i18n::tr_or_in(lang, id, heading.trim_matches('"'))
    )
}

fn visible_subcommands(cmd: &clap::Command) -> Vec<clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect()
}

/// `keyturn(1)`: what clap derives, with the operations as a list, plus exit
/// status, environment and files, in `lang`.
fn render_main(cmd: clap::Command, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let man = Man::new(cmd.disable_help_subcommand(true))
        .manual(MANUAL)
        .source(SOURCE);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    writeln!(page, ".SH DESCRIPTION")?;
    for line in help::intro(lang).lines() {
        writeln!(page, "{}", roff_text(line))?;
    }
    writeln!(page, ".PP\n{}", roff_text(&help::operations(lang)))?;
    let operations: Vec<(&str, String)> = keyturn::catalog::CATALOG
        .iter()
        .map(|op| {
            (
                op.id,
                format!(
                    "{} {} {}",
                    keyturn::words::provider_in(lang, op.provider),
                    op.product,
                    op.api
                ),
            )
        })
        .collect();
    tagged(
        &mut page,
        operations.iter().map(|(id, what)| (*id, what.as_str())),
    )?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    let exit: Vec<(String, String)> = help::worded(lang, help::EXIT_STATUS)
        .into_iter()
        .map(|(e, m)| ((e as u8).to_string(), m))
        .collect();
    writeln!(page, ".SH \"EXIT STATUS\"")?;
    tagged(
        &mut page,
        exit.iter().map(|(c, m)| (c.as_str(), m.as_str())),
    )?;
    writeln!(page, ".SH ENVIRONMENT")?;
    let environment = help::worded(lang, help::ENVIRONMENT);
    tagged(&mut page, environment.iter().map(|(n, m)| (*n, m.as_str())))?;
    writeln!(page, ".SH FILES")?;
    let files = help::worded(lang, help::FILES);
    tagged(&mut page, files.iter().map(|(n, m)| (*n, m.as_str())))?;
    writeln!(page, ".SH \"SEE ALSO\"")?;
    writeln!(page, "{}", roff_text("secret-tool(1), seahorse(1)"))?;
    writeln!(page, ".SH VERSION\n{}", env!("CARGO_PKG_VERSION"))?;
    w.write_all(with_headings(&page, lang).as_bytes())
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
        render_main(super::super::Cli::command(), Lang::English, &mut out).unwrap();
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
        let count = write_pages(super::super::Cli::command(), Lang::English, &dir).unwrap();
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
