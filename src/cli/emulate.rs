//! `keyturn emulate [--port P] [--key-id ID] [--slow-ms N]`: run the local
//! emulator of the four clouds until Ctrl-C.
//!
//! The port defaults to 8787, a fixed one so that a profile's endpoint
//! override (`http://127.0.0.1:8787`) keeps working from one run to the
//! next; `--port 0` picks any free port. The access key secret comes from
//! `KEYTURN_KEY_SECRET`, as for `keyturn request`; with neither `--key-id`
//! nor that variable, a throwaway key pair is made up and printed.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use secrecy::SecretString;

use keyturn::emulator::backing::{Address, Backing};
use keyturn::emulator::{self, EmulatorConfig};
use keyturn::vault::{Connection, Database};

use super::input::{KEY_SECRET_VAR, env_secret};
use keyturn::tr;

use super::output::outln;
use super::{CliError, Exit};

/// The port used when none is given.
pub const DEFAULT_PORT: u16 = 8787;

const DEFAULT_SLOW_MS: u64 = emulator::DEFAULT_SLOW_ANSWER.as_secs() * 1000;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port to listen on, on 127.0.0.1 only; 0 picks a free one.
    #[arg(long, default_value_t = DEFAULT_PORT)]
    port: u16,
    /// The access key id to accept; its secret comes from KEYTURN_KEY_SECRET.
    /// Without both, a throwaway key pair is made up and printed.
    #[arg(long)]
    key_id: Option<String>,
    /// How long resources named fault-slow… wait before answering, in
    /// milliseconds.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SLOW_MS)]
    slow_ms: u64,
    /// A real Redis (HOST:PORT) that each accepted DCS or URedis change is applied to (CONFIG SET requirepass).
    #[arg(long, value_name = "HOST:PORT")]
    redis: Option<String>,
    /// With --redis: change this ACL user's password instead of requirepass.
    #[arg(long, value_name = "NAME", requires = "redis")]
    redis_user: Option<String>,
    /// A real MySQL or MariaDB (HOST:PORT) that each accepted DTS job change is applied to (ALTER USER).
    #[arg(long, value_name = "HOST:PORT", conflicts_with = "postgres")]
    mysql: Option<String>,
    /// A real PostgreSQL (HOST:PORT) that each accepted DTS job change is applied to (ALTER ROLE).
    #[arg(long, value_name = "HOST:PORT")]
    postgres: Option<String>,
    /// The admin account the emulator changes passwords with on those servers; its password comes from KEYTURN_EMULATE_ADMIN_PASSWORD.
    #[arg(long, value_name = "NAME", default_value = "keyturn-admin")]
    admin_user: String,
}

/// Where the admin password of the servers behind the emulator comes from.
const ADMIN_PASSWORD_VAR: &str = "KEYTURN_EMULATE_ADMIN_PASSWORD";

fn address(text: &str) -> Result<Address, CliError> {
    let (host, port) = Connection::address(text)
        .ok_or_else(|| CliError::Usage(tr!("password-bad-address", text = format!("{text:?}"))))?;
    Ok(Address { host, port })
}

/// The real services behind the emulator, if any were given.
fn backing(args: &Args) -> Result<Option<Backing>, CliError> {
    let redis = args.redis.as_deref().map(address).transpose()?;
    let database = match (&args.mysql, &args.postgres) {
        (Some(m), _) => Some((Database::Mysql, address(m)?)),
        (None, Some(p)) => Some((Database::Postgresql, address(p)?)),
        (None, None) => None,
    };
    if redis.is_none() && database.is_none() {
        return Ok(None);
    }
    let admin_password = match std::env::var_os(ADMIN_PASSWORD_VAR) {
        Some(_) => env_secret(ADMIN_PASSWORD_VAR, &args.admin_user)?,
        None => SecretString::from(String::new()),
    };
    Ok(Some(Backing {
        redis,
        redis_user: args.redis_user.clone(),
        database,
        admin_user: args.admin_user.clone(),
        admin_password,
    }))
}

pub fn run(args: Args) -> Result<Exit, CliError> {
    let config = config(&args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failure(tr!("emulate-no-runtime", error = e.to_string())))?;
    runtime.block_on(serve(config, args.port))
}

fn config(args: &Args) -> Result<EmulatorConfig, CliError> {
    let have_secret = std::env::var_os(KEY_SECRET_VAR).is_some();
    let (key_id, secret) = match (&args.key_id, have_secret) {
        (Some(id), _) => (
            id.clone(),
            env_secret(KEY_SECRET_VAR, &tr!("what-access-key-secret"))?,
        ),
        (None, true) => {
            return Err(CliError::Usage(tr!(
                "emulate-secret-without-key-id",
                var = KEY_SECRET_VAR
            )));
        }
        (None, false) => throwaway_key(),
    };
    let mut config = EmulatorConfig::new(key_id, secret);
    config.slow_answer = Duration::from_millis(args.slow_ms);
    config.backing = backing(args)?;
    Ok(config)
}

/// A made-up key pair that cannot be mistaken for a real one, printed so
/// the user can sign requests with it.
fn throwaway_key() -> (String, SecretString) {
    let key_id = format!("KTEMU{}", hex::encode_upper(rand::random::<[u8; 8]>()));
    let secret = format!(
        "ktemu-not-a-real-secret-{}",
        hex::encode(rand::random::<[u8; 16]>())
    );
    // The "key id:" and "secret:" lines are read by scripts and tests: the
    // same in every language.
    outln!("{}", tr!("emulate-throwaway"));
    outln!("  key id: {key_id}");
    outln!("  secret: {secret}");
    outln!(
        "{}",
        tr!(
            "emulate-sign-with",
            var = KEY_SECRET_VAR,
            secret = secret.as_str(),
            key = key_id.as_str()
        )
    );
    (key_id, SecretString::from(secret))
}

async fn serve(config: EmulatorConfig, port: u16) -> Result<Exit, CliError> {
    let bind = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let running = emulator::start(config, bind).await.map_err(|e| {
        CliError::Failure(tr!(
            "emulate-cannot-listen",
            address = bind.to_string(),
            error = e.to_string()
        ))
    })?;
    // Scripts read this line: the same in every language.
    outln!("listening on {}", running.url());
    // Scripts wait for that line: make sure it is out, whatever stdout is.
    std::io::stdout()
        .flush()
        .map_err(|e| CliError::Failure(tr!("error-stdout", error = e.to_string())))?;
    let waited = tokio::signal::ctrl_c().await;
    running.shutdown().await;
    waited.map_err(|e| CliError::Failure(tr!("emulate-cannot-wait", error = e.to_string())))?;
    Ok(Exit::Success)
}
