//! Reading values the user should not type on the command line: `env:VAR`
//! references and passwords from standard input.

use std::io::{BufRead, IsTerminal, Write};

use secrecy::SecretString;
use zeroize::Zeroizing;

use keyturn::tr;

use super::CliError;

/// The longest line read from standard input: far beyond any password or
/// access key secret, small enough that an endless stream (`yes | keyturn
/// check …`) costs nothing.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The environment variable holding the access key secret.
pub const KEY_SECRET_VAR: &str = "KEYTURN_KEY_SECRET";

/// Reads environment variable `var`, or says clearly that it is missing.
pub fn env_secret(var: &str, what: &str) -> Result<SecretString, CliError> {
    match std::env::var(var) {
        Ok(v) => Ok(SecretString::from(v)),
        Err(std::env::VarError::NotPresent) => Err(CliError::Usage(tr!(
            "error-env-not-set",
            what = what,
            var = var
        ))),
        Err(std::env::VarError::NotUnicode(_)) => Err(CliError::Usage(tr!(
            "error-env-not-utf8",
            what = what,
            var = var
        ))),
    }
}

/// Reads one password from standard input: prompted without echo on a
/// terminal, otherwise the first line (without its line ending), at most
/// [`MAX_LINE_BYTES`]; nothing after it is read.
pub fn password_from_stdin(prompt: &str) -> Result<SecretString, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return match prompt_without_echo(prompt) {
            Ok(password) => Ok(SecretString::from(password)),
            // Ctrl+D on an empty line: the prompt's line is still open.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                if std::io::stderr().is_terminal() {
                    let _ = writeln!(std::io::stderr());
                }
                Err(CliError::Usage(tr!("error-prompt-nothing-typed")))
            }
            Err(e) => Err(CliError::Stdin(e)),
        };
    }
    let line = first_line(&mut stdin.lock(), MAX_LINE_BYTES)?;
    Ok(SecretString::from(line.to_string()))
}

/// rpassword reads the terminal raw and answers Ctrl+C by raising SIGINT
/// before it puts the terminal back: the process ends there, and the shell
/// is left with a terminal that shows nothing typed. So SIGINT is ignored
/// while it reads: rpassword then returns, putting the terminal back, and
/// the interrupt is raised again, ending the command as Ctrl+C does.
#[cfg(unix)]
fn prompt_without_echo(prompt: &str) -> std::io::Result<String> {
    // SAFETY: signal() swaps the disposition of one signal; SIG_IGN and the
    // disposition it returns are valid dispositions.
    let before = unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) };
    let read = rpassword::prompt_password(prompt);
    if before != libc::SIG_ERR {
        // SAFETY: as above, putting back what was there.
        unsafe { libc::signal(libc::SIGINT, before) };
    }
    if read
        .as_ref()
        .is_err_and(|e| e.kind() == std::io::ErrorKind::Interrupted)
    {
        // SAFETY: raise() sends a signal to this thread; with the default
        // disposition it ends the process, with any other it returns.
        unsafe { libc::raise(libc::SIGINT) };
    }
    read
}

#[cfg(not(unix))]
fn prompt_without_echo(prompt: &str) -> std::io::Result<String> {
    rpassword::prompt_password(prompt)
}

/// The first line of `input`, without its line ending, read no further
/// than its newline or `cap` bytes.
fn first_line(input: &mut impl BufRead, cap: usize) -> Result<Zeroizing<String>, CliError> {
    let mut bytes = Zeroizing::new(Vec::new());
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CliError::Stdin(e)),
        };
        if buf.is_empty() {
            break;
        }
        let (take, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(at) => (at, true),
            None => (buf.len(), false),
        };
        if bytes.len() + take > cap {
            return Err(CliError::Usage(tr!(
                "error-stdin-too-long",
                kib = cap / 1024
            )));
        }
        bytes.extend_from_slice(&buf[..take]);
        input.consume(if done { take + 1 } else { take });
        if done {
            break;
        }
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Zeroizing::new(text.to_owned())),
        Err(_) => Err(CliError::Usage(tr!("error-stdin-not-utf8"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_line_is_read() {
        let mut input = std::io::Cursor::new(b"first\r\nsecond\n".to_vec());
        assert_eq!(first_line(&mut input, 64).unwrap().as_str(), "first");
        assert_eq!(input.position(), 7, "nothing past the newline");
        let mut input = std::io::Cursor::new(b"no newline".to_vec());
        assert_eq!(first_line(&mut input, 64).unwrap().as_str(), "no newline");
        let mut input = std::io::Cursor::new(b"".to_vec());
        assert_eq!(first_line(&mut input, 64).unwrap().as_str(), "");
    }

    #[test]
    fn long_and_non_utf8_lines_are_bad_input() {
        let mut input = std::io::Cursor::new(vec![b'a'; 65]);
        let e = first_line(&mut input, 64).unwrap_err();
        assert!(e.to_string().contains("too long"), "{e}");
        let mut input = std::io::Cursor::new(b"\xff\n".to_vec());
        assert!(matches!(
            first_line(&mut input, 64),
            Err(CliError::Usage(_))
        ));
    }
}
