//! The core hands front ends facts, and words are chosen at the edge: a
//! read of the source that fails when a core type's `Display` could put
//! Keyturn's own English in front of a user.
//!
//! - The facts a front end words itself (results, where the passwords are,
//!   verifications, rules, journal statuses, hints, details) have no
//!   `Display` at all: `words::` is the only way to show them.
//! - Every other `Display` of the core either words itself through the
//!   messages (`tr!`, in the language in force when shown) or prints an
//!   identifier or a wire format (a resource key, a canonical request), and
//!   no string literal in it, or in a `thiserror` message of the core, is
//!   an English phrase.

use std::path::{Path, PathBuf};

/// Where the front ends and the words live: their `Display`s are theirs.
const EDGE: [&str; 5] = [
    "src/ui/",
    "src/cli/",
    "src/words/",
    "src/i18n/",
    "src/emulator/",
];

/// Facts that only `words::` may word.
const FACTS: [&str; 14] = [
    "Outcome",
    "Status",
    "Detail",
    "Hint",
    "AnswerShape",
    "Whereabouts",
    "Verification",
    "Decision",
    "Decided",
    "Rule",
    "Shortfall",
    "InputError",
    "Failure",
    "Proof",
];

/// Types whose `Display` prints an identifier or a wire format, never a
/// sentence.
const IDENTIFIERS: [&str; 8] = [
    "ResourceKey",
    "Actor",
    "JobId",
    "Lang",
    "Recorded",
    "CanonicalRequest",
    "StringToSign",
    "CredentialScope",
];

fn core_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let edge = EDGE.iter().any(|e| relative.starts_with(e))
                    || relative == "src/main.rs"
                    || relative.ends_with("tests.rs");
                if !edge {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    files
}

/// The code of `text` before its unit tests.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at])
}

/// The string literals of `code` that read as English: three or more
/// words, one of them lower-case, outside `{…}` placeholders.
fn english_literals(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else { break };
        let literal = &after[..end];
        let words: Vec<&str> = literal
            .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        let prose = !literal.contains('{')
            && words.len() >= 3
            && literal.contains(' ')
            && words
                .iter()
                .any(|w| w.chars().all(|c| c.is_ascii_lowercase()));
        if prose {
            found.push(literal.to_owned());
        }
        rest = &after[end + 1..];
    }
    found
}

/// Each `impl … Display for NAME { … }` of `code`: the name and the body.
fn display_impls(code: &str) -> Vec<(String, String)> {
    let mut impls = Vec::new();
    for (at, _) in code.match_indices("Display for ") {
        let line_start = code[..at].rfind('\n').map_or(0, |n| n + 1);
        if !code[line_start..at].trim_start().starts_with("impl") {
            continue;
        }
        let name: String = code[at + "Display for ".len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let body_end = code[at..].find("\n}\n").map_or(code.len(), |e| at + e);
        impls.push((name, code[at..body_end].to_owned()));
    }
    impls
}

#[test]
fn facts_have_no_display_and_core_displays_word_through_the_messages() {
    let mut problems = Vec::new();
    for file in core_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = without_tests(&text);
        let shown = file.display();
        for (name, body) in display_impls(code) {
            if FACTS.contains(&name.as_str()) {
                problems.push(format!(
                    "{shown}: {name} is a fact: word it in words::, not Display"
                ));
                continue;
            }
            if IDENTIFIERS.contains(&name.as_str()) {
                continue;
            }
            let worded = ["tr!(", "tr(", "tr_in(", ".to_string()", "write_str(&"]
                .iter()
                .any(|call| body.contains(call));
            if !worded {
                problems.push(format!(
                    "{shown}: {name}'s Display does not word through the messages"
                ));
            }
            for literal in english_literals(&body) {
                problems.push(format!("{shown}: {name}'s Display says {literal:?}"));
            }
        }
        for line in code
            .lines()
            .filter(|l| l.trim_start().starts_with("#[error("))
        {
            for literal in english_literals(line) {
                problems.push(format!("{shown}: an error message in English: {literal:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The scan itself finds what it looks for.
#[test]
fn the_scan_finds_english_and_displays() {
    let code =
        "impl fmt::Display for Outcome {\n    fn fmt() { f.write_str(\"the key works now\") }\n}\n";
    let impls = display_impls(code);
    assert_eq!(impls.len(), 1);
    assert_eq!(impls[0].0, "Outcome");
    assert_eq!(english_literals(&impls[0].1), ["the key works now"]);
    assert!(english_literals("tr!(\"vault-no-home\")").is_empty());
    assert!(english_literals("\"{path}: {error}\"").is_empty());
}
