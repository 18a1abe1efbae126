//! From form input to a signed request, in two phases (cheap validation
//! first, then building and signing), as every front end uses it.

mod build;
mod inputs;

pub use build::{MASK, SignedRequest, SigningContext, build};
pub use inputs::{InputError, Inputs, ValidatedRequest, Value, validate};
