//! Standard output and standard error of the command line, which never
//! panic: `println!` panics when stdout is a closed pipe (`keyturn ops |
//! head -0`) or a full disk (`> /dev/full`), even after a command has done
//! its work.
//!
//! The first failed write to stdout is remembered and later writes are
//! dropped; the command finishes what it was doing, and [`finish`] turns
//! the failure into the exit code: a closed pipe is quiet (the reader chose
//! to stop) and keeps the command's code, any other failure is reported and
//! makes a successful command exit 1 (a failed one keeps its own code, so an
//! unknown change still exits 4).
//!
//! Human text goes through [`text`], which writes control characters as
//! visible escapes (see `keyturn::shown`), as a net under the fields that
//! are escaped where they are formatted; JSON, secrets asked for, and
//! generated scripts go through [`raw`], exactly.

use std::io::{self, Write};
use std::sync::Mutex;

use keyturn::tr;

use super::Exit;

/// The first write to stdout that failed.
static FAILED: Mutex<Option<io::Error>> = Mutex::new(None);

/// Writes human text to stdout, control characters (other than line
/// breaks) escaped.
pub fn text(text: &str) {
    let safe: Vec<_> = text.split('\n').map(keyturn::shown::shown).collect();
    raw(safe.join("\n").as_bytes());
}

/// Writes `bytes` to stdout exactly.
pub fn raw(bytes: &[u8]) {
    let Ok(mut failed) = FAILED.lock() else {
        return;
    };
    if failed.is_some() {
        return;
    }
    if let Err(e) = io::stdout().lock().write_all(bytes) {
        *failed = Some(e);
    }
}

/// Writes a line to stderr; a failure there has nowhere left to be told.
pub fn error_line(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.write_all(b"\n");
}

/// Flushes stdout and gives the exit code, given the command's own.
pub fn finish(exit: Exit) -> Exit {
    if let Err(e) = io::stdout().lock().flush()
        && let Ok(mut failed) = FAILED.lock()
        && failed.is_none()
    {
        *failed = Some(e);
    }
    let failed = FAILED.lock().ok().and_then(|mut f| f.take());
    match failed {
        None => exit,
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => exit,
        Some(e) => {
            error_line(&tr!(
                "error-line",
                message = tr!("error-stdout", error = e.to_string())
            ));
            if exit == Exit::Success {
                Exit::Failure
            } else {
                exit
            }
        }
    }
}

/// `println!` for human text on stdout, without a panic.
macro_rules! outln {
    () => {
        $crate::cli::output::text("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::output::text(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` for human text on stdout, without a panic.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::text(&format!($($arg)*))
    };
}

/// `eprintln!` without a panic.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::output::error_line(&format!($($arg)*))
    };
}

pub(crate) use {errln, out, outln};

/// `text` padded with spaces to `width` terminal columns: a Chinese
/// character takes two, so `format!("{:14}")` would misalign a table.
pub fn pad(text: &str, width: usize) -> String {
    let columns: usize = text.chars().map(columns).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(columns)))
}

/// The columns a character takes in a terminal: two for the wide ones
/// (CJK ideographs and punctuation, Hangul, full-width forms), else one.
fn columns(c: char) -> usize {
    match u32::from(c) {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// `value` as pretty JSON on standard output, exactly.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), super::CliError> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| super::CliError::Failure(e.to_string()))?;
    raw(format!("{text}\n").as_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::pad;

    #[test]
    fn padding_counts_terminal_columns() {
        assert_eq!(pad("UCloud", 8), "UCloud  ");
        assert_eq!(pad("阿里云", 8), "阿里云  ");
        assert_eq!(pad("too long", 3), "too long");
    }
}
