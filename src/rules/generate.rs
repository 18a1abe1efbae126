//! Password generator: draws from the OS CSPRNG and always yields a password
//! the operation accepts.
//!
//! It takes one character from every class the operation's generator spec
//! offers (so any "N of these classes" rule is met), fills the rest from the
//! union, and shuffles. The property tests check every operation's output
//! against its own rules.

use rand::seq::SliceRandom;
use rand::{Rng, TryRngCore};
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::PasswordPolicy;
use crate::tr;

/// Characters that are easy to misread in some fonts.
const LOOKALIKES: &str = "Il1|O0o";

/// The user's choices for one generated password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateOptions {
    pub length: usize,
    /// Leave out characters that are easy to misread (`I l 1 | O 0 o`).
    pub avoid_lookalikes: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateError {
    Length {
        length: usize,
        min: usize,
        max: usize,
    },
}

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            GenerateError::Length { length, min, max } => {
                tr!("generate-length", length = *length, min = *min, max = *max)
            }
        })
    }
}

impl std::error::Error for GenerateError {}

/// Generates a password for `policy` with the operating system's CSPRNG.
pub fn generate(
    policy: &PasswordPolicy,
    options: GenerateOptions,
) -> Result<SecretString, GenerateError> {
    generate_with(policy, options, &mut rand::rngs::OsRng.unwrap_err())
}

/// Generates a password drawing from `rng`; tests pass a seeded one.
pub fn generate_with<R: Rng + ?Sized>(
    policy: &PasswordPolicy,
    options: GenerateOptions,
    rng: &mut R,
) -> Result<SecretString, GenerateError> {
    let spec = policy.generator;
    if !(spec.min..=spec.max).contains(&options.length) {
        return Err(GenerateError::Length {
            length: options.length,
            min: spec.min,
            max: spec.max,
        });
    }
    let keep = |c: &char| !(options.avoid_lookalikes && LOOKALIKES.contains(*c));
    let pools: Vec<Vec<char>> = [
        ('a'..='z').filter(keep).collect::<Vec<_>>(),
        ('A'..='Z').filter(keep).collect(),
        ('0'..='9').filter(keep).collect(),
        spec.specials.chars().filter(keep).collect(),
    ]
    .into_iter()
    .filter(|pool| !pool.is_empty())
    .collect();
    let all: Vec<char> = pools.iter().flatten().copied().collect();

    let mut chars: Zeroizing<Vec<char>> = Zeroizing::new(Vec::with_capacity(options.length));
    for pool in &pools {
        chars.push(pool[rng.random_range(0..pool.len())]);
    }
    while chars.len() < options.length {
        chars.push(all[rng.random_range(0..all.len())]);
    }
    chars.shuffle(rng);
    Ok(SecretString::from(chars.iter().collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CATALOG;
    use crate::rules::check;
    use proptest::prelude::*;
    use rand::SeedableRng;
    use secrecy::ExposeSecret;

    proptest! {
        #[test]
        fn every_generated_password_passes_its_rules(
            op_index in 0..CATALOG.len(),
            length_pick in 0usize..1000,
            avoid_lookalikes: bool,
            seed: u64,
        ) {
            let op = CATALOG[op_index];
            let policy = &op.new_password.policy;
            let spec = policy.generator;
            let length = spec.min + length_pick % (spec.max - spec.min + 1);
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let pw = generate_with(policy, GenerateOptions { length, avoid_lookalikes }, &mut rng).unwrap();
            let pw = pw.expose_secret();
            prop_assert_eq!(pw.chars().count(), length);
            let report = check(policy, pw, None);
            // Not even a warning: the generator uses only what every version accepts.
            prop_assert!(report.rules.iter().all(|r| r.passed), "{}: {:?}", op.id, report);
            prop_assert!(report.characters.is_empty());
            if avoid_lookalikes {
                prop_assert!(!pw.chars().any(|c| LOOKALIKES.contains(c)));
            }
        }
    }

    #[test]
    fn length_outside_bounds_is_refused() {
        for op in CATALOG {
            let spec = op.new_password.policy.generator;
            for length in [spec.min - 1, spec.max + 1] {
                let err = generate(
                    &op.new_password.policy,
                    GenerateOptions {
                        length,
                        avoid_lookalikes: false,
                    },
                )
                .unwrap_err();
                assert!(matches!(err, GenerateError::Length { .. }));
            }
        }
    }

    #[test]
    fn os_rng_gives_different_passwords() {
        let policy = &CATALOG[0].new_password.policy;
        let opts = GenerateOptions {
            length: 20,
            avoid_lookalikes: false,
        };
        let a = generate(policy, opts).unwrap();
        let b = generate(policy, opts).unwrap();
        assert_ne!(a.expose_secret(), b.expose_secret());
    }
}
