//! From form input to a signed request, in two phases (cheap validation
//! first, then building and signing), as every front end uses it.

mod build;
mod inputs;
mod task_call;

pub use build::{MASK, SignedRequest, SigningContext, build};
pub use inputs::{InputError, Inputs, ValidatedRequest, Value, validate};
pub use task_call::{NotBuildable, task_call};

/// A fresh random nonce (128 bits from the OS, hex), for schemes that need one.
pub fn fresh_nonce() -> String {
    use rand::{RngCore, TryRngCore};
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.unwrap_err().fill_bytes(&mut bytes);
    hex::encode(bytes)
}
