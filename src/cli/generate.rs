//! `keyturn generate OPERATION [--length N]`: a password the operation accepts.

use secrecy::ExposeSecret;

use keyturn::rules::{self, GenerateOptions};

use super::{CliError, Exit, operation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An operation id, e.g. tencentcloud.tcaplusdb.modify-cluster-password.
    operation: String,
    /// Length in characters; defaults to the operation's usual length.
    #[arg(long)]
    length: Option<usize>,
    /// Leave out characters that are easy to misread (I l 1 | O 0 o).
    #[arg(long)]
    avoid_lookalikes: bool,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    let op = operation(&args.operation)?;
    let policy = &op.new_password.policy;
    let options = GenerateOptions {
        length: args.length.unwrap_or(policy.generator.default),
        avoid_lookalikes: args.avoid_lookalikes,
    };
    let password = rules::generate(policy, options).map_err(|e| CliError::Usage(e.to_string()))?;
    super::output::raw(format!("{}\n", password.expose_secret()).as_bytes());
    Ok(Exit::Success)
}
