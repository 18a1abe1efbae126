//! Text from outside Keyturn (provider messages, console user names, notes,
//! key ids, file names) made safe to show to a person.
//!
//! A terminal obeys control characters: an escape sequence in a provider's
//! message could retitle the window, recolour the screen or move the cursor,
//! and an embedded newline or carriage return could forge a line such as
//! "Password changed". Every human output (the command line and the desktop
//! app) shows such text through [`shown`], which writes each control
//! character (and each invisible bidirectional override, which can reorder
//! what is read) as a visible escape. JSON output keeps values exact: the
//! JSON encoder already escapes control characters.

use std::borrow::Cow;

/// Whether `c` must not reach a screen as it is.
fn is_hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Zero-width and directional marks, bidirectional embeddings,
            // overrides and isolates, line and paragraph separators.
            '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every control character written as a visible escape
/// (`\n`, `\r`, `\t`, `\u{1b}`, …); borrowed when there is none.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether [`shown`] would change `text`.
pub fn has_control(text: &str) -> bool {
    text.chars().any(is_hostile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_line_breaks_become_visible() {
        let hostile = "ok\u{1b}]0;pwned\u{7}\r\nPassword changed\u{202e}";
        let s = shown(hostile);
        assert!(!s.chars().any(is_hostile), "{s}");
        assert_eq!(s, "ok\\u{1b}]0;pwned\\u{7}\\r\\nPassword changed\\u{202e}");
    }

    #[test]
    fn ordinary_text_is_kept_as_it_is() {
        for text in ["密码错误", "user@example.com", "a b\u{a0}c", ""] {
            assert!(matches!(shown(text), Cow::Borrowed(t) if t == text));
        }
    }

    proptest::proptest! {
        #[test]
        fn nothing_hostile_survives(text in ".*") {
            let s = shown(&text);
            proptest::prop_assert!(!s.chars().any(is_hostile));
            proptest::prop_assert!(s.len() <= text.len() * 10 + 1);
        }
    }
}
