//! `keyturn request OPERATION …`: build and sign an operation's request,
//! and with `--send`, send it once and print the outcome.
//!
//! Passwords never come from the command line itself: a secret field takes
//! only `env:VAR`, and the access key secret comes from
//! `KEYTURN_KEY_SECRET`.

use std::time::Duration;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use keyturn::catalog::{FieldKind, Operation};
use keyturn::endpoint::Endpoint;
use keyturn::request::{self, Inputs, SigningContext, Value};
use keyturn::rotation::{ChangeRequest, SigningOverride};
use keyturn::rules::Severity;
use keyturn::sign::Credentials;
use keyturn::tr;
use keyturn::vault::Profile;
use keyturn::words;

use super::input::{KEY_SECRET_VAR, env_secret};
use super::output::errln;
use super::{CliError, Exit, operation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An operation id, e.g. aliyun.dts.modify-dts-job-password.
    operation: String,
    /// Access key id; the secret comes from the environment variable KEYTURN_KEY_SECRET.
    #[arg(long, required_unless_present = "profile", conflicts_with = "profile")]
    key_id: Option<String>,
    /// Use a stored profile's access key (and its region, endpoint and project ids as defaults).
    #[arg(long)]
    profile: Option<String>,
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
    /// With --send: for an operation the provider finishes as a task, follow the task this many seconds at most before leaving the change open.
    #[arg(long, value_name = "SECONDS", default_value_t = 180, requires = "send")]
    task_timeout: u64,
    /// With --send: after a confirmed change, prove the new password with one login to the service (`keyturn password test`).
    #[arg(long, requires = "send")]
    test: bool,
    /// With --send: send even though an earlier answer says the provider will refuse
    /// (a lock, an old password still valid, a throttle).
    #[arg(long, requires = "send")]
    anyway: bool,
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    let op = operation(&args.operation)?;
    // The profile's non-secret half gives defaults; its secret is read from
    // the keyring only once the inputs are known to be good.
    let profile = match &args.profile {
        Some(name) => {
            let vault = super::open::vault()?;
            let profile = vault.profile(name)?;
            if profile.provider != op.provider {
                return Err(CliError::Usage(tr!(
                    "request-wrong-provider",
                    name = format!("{name:?}"),
                    provider = words::provider(profile.provider),
                    op = op.id,
                    op_provider = words::provider(op.provider)
                )));
            }
            Some((vault, profile))
        }
        None => None,
    };
    let time = match &args.at {
        Some(at) => Some(
            OffsetDateTime::parse(at, &Rfc3339)
                .map_err(|_| CliError::Usage(tr!("request-bad-at", value = format!("{at:?}"))))?,
        ),
        None => None,
    };
    let mut inputs = inputs(op, &args, profile.as_ref().map(|(_, p)| p))?;
    inputs.now = Some(time.unwrap_or_else(OffsetDateTime::now_utc));
    let validated = request::validate(op, &inputs).map_err(CliError::Inputs)?;
    if let Some(report) = validated.password_report() {
        for r in report.failures(Severity::Warning) {
            errln!("{}", tr!("warning-line", message = words::rule_result(r)));
        }
    }
    let endpoint_override = args
        .endpoint
        .as_deref()
        .or(profile.as_ref().and_then(|(_, p)| p.endpoint.as_deref()));
    let endpoint = match endpoint_override {
        Some(url) => Endpoint::parse_override(url),
        None => Endpoint::default_for(op, validated.region()),
    }
    .map_err(|e| CliError::Usage(super::error::endpoint_words(&e)))?;
    let credentials = match (&profile, &args.key_id) {
        (Some((vault, p)), _) => vault.credentials(&p.name)?.1,
        (None, Some(key_id)) => Credentials::new(
            key_id.clone(),
            env_secret(KEY_SECRET_VAR, &tr!("what-access-key-secret"))?,
        ),
        (None, None) => return Err(CliError::Usage(tr!("request-key-or-profile"))),
    };
    if args.send {
        // Signed by the rotation once the change is staged.
        let change = ChangeRequest {
            request: validated,
            endpoint,
            endpoint_override: endpoint_override.map(str::to_owned),
            credentials,
            profile: profile.as_ref().map(|(_, p)| p.name.clone()),
            anyway: args.anyway,
            signing: SigningOverride {
                time,
                nonce: args.nonce.clone(),
            },
        };
        return super::rotate::send(
            change,
            super::rotate::Options {
                timeout: Duration::from_secs(args.timeout.max(1)),
                task_timeout: Duration::from_secs(args.task_timeout),
                json: args.json,
                test: args.test,
            },
        );
    }
    let time = time.unwrap_or_else(OffsetDateTime::now_utc);
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
    super::output::raw(format!("{}\n", signed.to_json(args.show_secrets)).as_bytes());
    Ok(Exit::Success)
}

/// Turns `--param`, `--region` and `--allow-empty` into [`Inputs`], with
/// the profile's region and project id as defaults.
fn inputs(op: &Operation, args: &Args, profile: Option<&Profile>) -> Result<Inputs, CliError> {
    let mut inputs = Inputs {
        region: args
            .region
            .clone()
            .or_else(|| profile.and_then(|p| p.region.clone())),
        ..Inputs::default()
    };
    if let (Some(p), Some(region), Some(field)) = (profile, &inputs.region, op.project_field())
        && let Some(id) = p.project_ids.get(region)
    {
        inputs.set(field, Value::Plain(id.clone()));
    }
    let mut given = std::collections::HashSet::new();
    for param in &args.params {
        let Some((name, raw)) = param.split_once('=') else {
            return Err(CliError::Usage(tr!(
                "request-param-form",
                name = format!("{:?}", param.split(['=']).next().unwrap_or_default())
            )));
        };
        if !given.insert(name) {
            return Err(CliError::Usage(tr!("request-param-twice", name = name)));
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
