//! `keyturn request OPERATION …`: build and sign an operation's request,
//! and with `--send`, send it once and print the outcome.
//!
//! Passwords never come from the command line itself: a secret field takes
//! only `env:VAR`, and the access key secret comes from
//! `KEYTURN_KEY_SECRET`.

use std::io::Write;
use std::time::Duration;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use keyturn::catalog::{FieldKind, Operation};
use keyturn::endpoint::Endpoint;
use keyturn::outcome::Status;
use keyturn::request::{self, Inputs, SigningContext, Value};
use keyturn::rules::Severity;
use keyturn::send::Sender;
use keyturn::sign::Credentials;
use keyturn::transport::{Transport, TransportConfig};

use super::input::{KEY_SECRET_VAR, env_secret};
use super::{CliError, Exit, operation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An operation id, e.g. aliyun.dts.modify-dts-job-password.
    operation: String,
    /// Access key id; the secret comes from the environment variable KEYTURN_KEY_SECRET.
    #[arg(long)]
    key_id: String,
    /// Region: picks the endpoint host and fills the operation's region field.
    #[arg(long)]
    region: Option<String>,
    /// Send to this endpoint instead: https:// to any host, http:// only to loopback.
    #[arg(long)]
    endpoint: Option<String>,
    /// A field by its wire name: NAME=VALUE, or NAME=env:VAR to read the environment.
    /// Passwords are accepted only as env:VAR.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Confirm that an empty value of this field is meant (UCloud: removes the password).
    #[arg(long, value_name = "NAME")]
    allow_empty: Vec<String>,
    /// Sign as of this time (RFC 3339), for a reproducible request.
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
    /// Use this nonce, for a reproducible request.
    #[arg(long)]
    nonce: Option<String>,
    /// Show passwords in the printed request instead of masking them.
    #[arg(long)]
    show_secrets: bool,
    /// Send the request and print the outcome instead of the request.
    #[arg(long)]
    send: bool,
    /// With --send: print the outcome as JSON.
    #[arg(long, requires = "send")]
    json: bool,
    /// With --send: give up waiting for an answer after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, requires = "send")]
    timeout: u64,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    let op = operation(&args.operation)?;
    let inputs = inputs(op, &args)?;
    let validated = request::validate(op, &inputs).map_err(CliError::Inputs)?;
    if let Some(report) = &validated.password_report {
        for r in report.failures(Severity::Warning) {
            eprintln!(
                "warning: {}{}",
                r.rule,
                r.missing
                    .as_ref()
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default()
            );
        }
    }
    let endpoint = match &args.endpoint {
        Some(url) => Endpoint::parse_override(url),
        None => Endpoint::default_for(op, validated.region.as_deref()),
    }
    .map_err(|e| CliError::Usage(e.to_string()))?;
    let credentials = Credentials::new(
        args.key_id.clone(),
        env_secret(KEY_SECRET_VAR, "the access key secret")?,
    );
    let time = match &args.at {
        Some(at) => OffsetDateTime::parse(at, &Rfc3339)
            .map_err(|_| CliError::Usage(format!("--at {at:?} is not an RFC 3339 time")))?,
        None => OffsetDateTime::now_utc(),
    };
    let nonce = args.nonce.clone().unwrap_or_else(request::fresh_nonce);
    let signed = request::build(
        &validated,
        &endpoint,
        &credentials,
        SigningContext {
            time,
            nonce: &nonce,
        },
    );
    tracing::debug!(op = op.id, host = %endpoint.host, "signed request");
    if !args.send {
        println!("{}", signed.to_json(args.show_secrets));
        return Ok(Exit::Success);
    }
    let config = TransportConfig {
        total_timeout: Duration::from_secs(args.timeout.max(1)),
        ..TransportConfig::default()
    };
    let transport = Transport::new(config).map_err(|e| CliError::Failure(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failure(e.to_string()))?;
    let sender = Sender::new(transport);
    let outcome = runtime.block_on(sender.send(op, &signed, OffsetDateTime::now_utc));
    let text = if args.json {
        serde_json::to_string_pretty(&outcome).map_err(|e| CliError::Failure(e.to_string()))?
    } else {
        outcome.to_string()
    };
    // The request has gone: whatever became of standard output (a closed
    // pipe, a full disk), the exit code must still say what happened to the
    // password, never a panic's.
    if let Err(e) = writeln!(std::io::stdout().lock(), "{text}") {
        let _ = writeln!(
            std::io::stderr(),
            "error: could not print the outcome ({e}); the exit code still gives it"
        );
    }
    Ok(exit_for(&outcome.status))
}

/// The exit code for an outcome: see [`Exit`].
fn exit_for(status: &Status) -> Exit {
    match status {
        Status::Succeeded => Exit::Success,
        Status::Unknown => Exit::Unknown,
        Status::NotSent => Exit::Failure,
        _ => Exit::Rejected,
    }
}

/// Turns `--param`, `--region` and `--allow-empty` into [`Inputs`].
fn inputs(op: &Operation, args: &Args) -> Result<Inputs, CliError> {
    let mut inputs = Inputs {
        region: args.region.clone(),
        ..Inputs::default()
    };
    for param in &args.params {
        let Some((name, raw)) = param.split_once('=') else {
            return Err(CliError::Usage(format!(
                "--param {name:?} needs the form NAME=VALUE",
                name = param.split(['=']).next().unwrap_or_default()
            )));
        };
        if inputs.values.contains_key(name) {
            return Err(CliError::Usage(format!("--param {name} is given twice")));
        }
        let secret = op.field(name).is_some_and(|f| f.kind == FieldKind::Secret);
        let value = match raw.strip_prefix("env:") {
            Some(var) if secret => Value::Secret(env_secret(var, name)?),
            Some(var) => Value::Plain(
                secrecy::ExposeSecret::expose_secret(&env_secret(var, name)?).to_owned(),
            ),
            None => Value::Plain(raw.to_owned()),
        };
        inputs.set(name, value);
    }
    for name in &args.allow_empty {
        inputs.confirmed_empty.insert(name.clone());
    }
    Ok(inputs)
}
