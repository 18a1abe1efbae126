//! Strength estimate with zxcvbn.
//!
//! zxcvbn's cost grows faster than linearly with length (measured here:
//! ≈0.4 ms at 32 characters, ≈1.6 ms at 64), so only the first
//! [`STRENGTH_INPUT_LIMIT`] characters are estimated. Longer strings are at
//! least as strong as their prefix, so the estimate can only err low — and
//! zxcvbn's own guess count saturates (about 10¹⁹) well before 32 random
//! characters. A pasted 10,000-character string costs no more than a
//! 32-character one, inside the per-keystroke budget of DESIGN.md §8.

use zxcvbn::zxcvbn;

/// Characters beyond this are not fed to zxcvbn (see the module comment).
pub const STRENGTH_INPUT_LIMIT: usize = 32;

/// How hard a password would be to guess.
#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    /// 0 (too guessable) to 4 (very unguessable).
    pub score: u8,
    /// log10 of the estimated number of guesses.
    pub guesses_log10: f64,
    /// Time to crack offline against a slow hash (10⁴ guesses/s), in words.
    pub crack_time: String,
    /// The same time in seconds, for a front end to word in its own
    /// language (`crate::words::crack_time`).
    pub crack_seconds: u64,
    pub warning: Option<String>,
    pub suggestions: Vec<String>,
    /// True when only the first [`STRENGTH_INPUT_LIMIT`] characters were used.
    pub truncated: bool,
}

impl Strength {
    /// A word for the score, for the meter's caption.
    pub fn label(&self) -> &'static str {
        match self.score {
            0 => "very weak",
            1 => "weak",
            2 => "fair",
            3 => "strong",
            _ => "very strong",
        }
    }
}

/// Estimates the strength of `password`. `user_inputs` are words the
/// attacker may know (account name, resource id) and count against it.
pub fn estimate(password: &str, user_inputs: &[&str]) -> Strength {
    let (prefix, truncated) = match password.char_indices().nth(STRENGTH_INPUT_LIMIT) {
        Some((cut, _)) => (&password[..cut], true),
        None => (password, false),
    };
    let entropy = zxcvbn(prefix, user_inputs);
    let feedback = entropy.feedback();
    let crack = entropy.crack_times().offline_slow_hashing_1e4_per_second();
    Strength {
        score: u8::from(entropy.score()),
        // zxcvbn gives log10(0) = -inf for an empty string: one guess finds it.
        guesses_log10: Some(entropy.guesses_log10())
            .filter(|g| g.is_finite())
            .map_or(0.0, |g| g.max(0.0)),
        crack_time: crack.to_string(),
        crack_seconds: std::time::Duration::from(crack).as_secs(),
        warning: feedback.and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions: feedback
            .map(|f| f.suggestions().iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        truncated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_password_is_weak_and_random_one_strong() {
        let weak = estimate("password1", &[]);
        assert!(weak.score <= 1);
        assert!(weak.warning.is_some() || !weak.suggestions.is_empty());
        let strong = estimate("vT7#qL9!mZ2@xR4$", &[]);
        assert_eq!(strong.score, 4);
        assert!(strong.guesses_log10 > weak.guesses_log10);
    }

    #[test]
    fn user_inputs_count_against_the_password() {
        let alone = estimate("dtsg2m10r1x15a", &[]);
        let known = estimate("dtsg2m10r1x15a", &["dtsg2m10r1x15a"]);
        assert!(known.guesses_log10 < alone.guesses_log10);
    }

    #[test]
    fn long_input_is_truncated_on_a_char_boundary() {
        let long = "é".repeat(10_000);
        let s = estimate(&long, &[]);
        assert!(s.truncated);
        assert!(!estimate("short", &[]).truncated);
    }

    #[test]
    fn an_empty_candidate_takes_one_guess() {
        let s = estimate("", &[]);
        assert_eq!(s.score, 0);
        assert_eq!(s.guesses_log10, 0.0);
    }
}
