//! `keyturn profile …`: access keys kept in the OS keyring, or in the team
//! store, where every admin lists the same profiles (the vault reads them
//! from there; nothing here is team-specific but the words). `add` never
//! replaces a profile of the same name; `add --replace` shows what it
//! replaces, then replaces exactly that (in a team store, by check-and-set
//! on the version shown).

use secrecy::ExposeSecret;
use time::OffsetDateTime;

use keyturn::catalog::Provider;
use keyturn::shown::shown;
use keyturn::time_format::utc;
use keyturn::vault::team::Written;
use keyturn::vault::{Profile, ProfileEdit, Replacing, Vault, new_profile, team};

use keyturn::tr;
use keyturn::words;

use super::input::password_from_stdin;
use super::output::{errln, out, outln, pad};
use super::{CliError, Exit};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a profile; the access key secret is read from stdin (no echo on a terminal).
    Add(AddArgs),
    /// List profiles.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one profile (never its secret).
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a profile's details, or with --secret its access key secret (read from stdin).
    Edit(EditArgs),
    /// Remove a profile and its keyring entry.
    Remove { name: String },
    /// Print a profile's access key secret.
    Reveal { name: String },
    /// Prove the key works with the provider's cheapest read-only call.
    Verify(super::profile_verify::Args),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    name: String,
    /// alibaba, huawei, ucloud or tencent.
    #[arg(long, value_parser = parse_provider)]
    provider: Provider,
    #[arg(long)]
    key_id: String,
    /// Default region for requests made with this profile.
    #[arg(long)]
    region: Option<String>,
    /// Huawei Cloud project id of --region (or REGION=ID for another region).
    #[arg(long)]
    project_id: Option<String>,
    /// Endpoint override: https:// to any host, http:// only to loopback.
    #[arg(long)]
    endpoint: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    /// Replace a profile of this name, as it is when this command reads it (refused if it changes before the new one is written).
    #[arg(long)]
    replace: bool,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    name: String,
    #[arg(long)]
    key_id: Option<String>,
    /// New default region ("" to clear).
    #[arg(long)]
    region: Option<String>,
    /// Huawei Cloud project id of the profile's region, or REGION=ID ("REGION=" to clear).
    #[arg(long)]
    project_id: Option<String>,
    /// New endpoint override ("" to clear).
    #[arg(long)]
    endpoint: Option<String>,
    /// New notes ("" to clear).
    #[arg(long)]
    notes: Option<String>,
    /// Replace the stored secret with one read from stdin.
    #[arg(long)]
    secret: bool,
}

pub fn parse_provider(text: &str) -> Result<Provider, String> {
    Provider::parse(text).ok_or_else(|| tr!("profile-unknown-provider", name = format!("{text:?}")))
}

pub fn run(command: Command) -> Result<Exit, CliError> {
    let vault = super::open::vault()?;
    match command {
        Command::Add(args) => add(&vault, args),
        Command::List { json } => {
            let index = vault.index()?;
            if json {
                super::output::print_json(&index.profiles)?;
            } else if index.profiles.is_empty() {
                outln!("{}", tr!("profile-none"));
            } else {
                for p in &index.profiles {
                    outln!(
                        "{} {} {} {}",
                        pad(&p.name, 20),
                        pad(&words::provider(p.provider), 14),
                        pad(&shown(&p.key_id), 24),
                        shown(p.region.as_deref().unwrap_or("-"))
                    );
                }
            }
            Ok(Exit::Success)
        }
        Command::Show { name, json } => {
            let (p, written) = vault.stored_profile(&name)?;
            if json {
                super::output::print_json(&p)?;
            } else {
                out!("{}", describe(&p, written.as_ref()));
            }
            Ok(Exit::Success)
        }
        Command::Edit(args) => edit(&vault, args),
        Command::Remove { name } => {
            let had_secret = vault.remove_profile(&name)?;
            let id = if had_secret {
                "profile-removed"
            } else {
                "profile-removed-no-secret"
            };
            outln!(
                "{}",
                tr!(id, name = format!("{name:?}"), store = team::selector())
            );
            Ok(Exit::Success)
        }
        Command::Reveal { name } => {
            let secret = vault.profile_secret(&name)?;
            super::output::raw(format!("{}\n", secret.expose_secret()).as_bytes());
            Ok(Exit::Success)
        }
        Command::Verify(args) => super::profile_verify::run(&vault, args),
    }
}

fn add(vault: &Vault, args: AddArgs) -> Result<Exit, CliError> {
    let mut profile = new_profile(
        &args.name,
        args.provider,
        &args.key_id,
        OffsetDateTime::now_utc(),
    );
    profile.region = args.region.clone();
    profile.endpoint = args.endpoint;
    profile.notes = args.notes;
    if let Some(spec) = &args.project_id {
        let (region, id) = project_id(spec, args.region.as_deref())?;
        profile.project_ids.insert(region, id);
    }
    // Check everything before asking for the secret.
    keyturn::vault::check_name(&profile.name)?;
    // A name in use is refused before the secret is asked for; what
    // --replace replaces is read and shown then, and exactly that is
    // replaced, or nothing.
    let replacing = vault.replacing(&profile.name)?;
    if !args.replace
        && let Some(taken) = replacing.taken()
    {
        return Err(CliError::Vault(taken));
    }
    if args.replace && replacing.exists {
        errln!(
            "{}",
            tr!("note-line", message = replacing_words(&replacing))
        );
    }
    let secret = password_from_stdin(&format!("{} ", tr!("profile-secret-prompt")))?;
    if secret.expose_secret().trim().is_empty() {
        return Err(CliError::Usage(tr!("profile-secret-empty")));
    }
    let id = if args.replace {
        vault.replace_profile(profile.clone(), &secret, &replacing)?;
        if replacing.exists {
            "profile-replaced"
        } else {
            "profile-added"
        }
    } else {
        // Added only if the name is still free when it is written.
        vault.add_profile(profile.clone(), &secret)?;
        "profile-added"
    };
    outln!(
        "{}",
        tr!(
            id,
            name = format!("{:?}", profile.name),
            provider = words::provider(profile.provider),
            key = shown(&profile.key_id),
            store = team::selector()
        )
    );
    Ok(Exit::Success)
}

/// What `add --replace` is about to replace, in words.
fn replacing_words(replacing: &Replacing) -> String {
    let key = replacing.current.as_ref().map_or_else(
        || "?".to_owned(),
        |p| format!("{} {}", words::provider(p.provider), shown(&p.key_id)),
    );
    match &replacing.written {
        Some(written) => tr!(
            "profile-replacing-team",
            name = format!("{:?}", replacing.name),
            key = key,
            version = written.version,
            by = written_by(written),
            at = written_at(written)
        ),
        None => tr!(
            "profile-replacing",
            name = format!("{:?}", replacing.name),
            key = key
        ),
    }
}

fn written_by(written: &Written) -> String {
    written
        .by
        .as_deref()
        .map_or_else(|| tr!("team-someone"), |by| shown(by).into_owned())
}

fn written_at(written: &Written) -> String {
    written.at.map_or_else(|| "?".to_owned(), |t| utc(&t))
}

fn edit(vault: &Vault, args: EditArgs) -> Result<Exit, CliError> {
    let current = vault.profile(&args.name)?;
    let clearable = |v: Option<String>| v.map(|v| Some(v).filter(|v| !v.is_empty()));
    let region_now = args.region.clone().or(current.region.clone());
    let project_id = match &args.project_id {
        Some(spec) => Some(project_id(spec, region_now.as_deref())?),
        None => None,
    };
    let edit = ProfileEdit {
        key_id: args.key_id,
        region: clearable(args.region),
        project_id,
        endpoint: clearable(args.endpoint),
        notes: clearable(args.notes),
    };
    let secret = if args.secret {
        Some(password_from_stdin(&format!(
            "{} ",
            tr!("profile-new-secret-prompt")
        ))?)
    } else {
        None
    };
    let p = vault.edit_profile(&args.name, edit, secret.as_ref())?;
    outln!("{}", tr!("profile-updated", name = format!("{:?}", p.name)));
    if secret.is_some() {
        outln!("{}", tr!("profile-secret-stored", store = team::selector()));
    }
    Ok(Exit::Success)
}

/// `ID` (for the profile's region) or `REGION=ID`.
fn project_id(spec: &str, region: Option<&str>) -> Result<(String, String), CliError> {
    match spec.split_once('=') {
        Some((r, id)) => Ok((r.to_owned(), id.to_owned())),
        None => region
            .map(|r| (r.to_owned(), spec.to_owned()))
            .ok_or_else(|| CliError::Usage(tr!("profile-project-id-needs-region"))),
    }
}

fn describe(p: &Profile, written: Option<&Written>) -> String {
    let when = |t: Option<OffsetDateTime>| t.map_or_else(|| tr!("profile-never"), |t| utc(&t));
    let mut lines = vec![
        tr!("profile-show-title", name = p.name.as_str()),
        tr!("profile-show-provider", value = words::provider(p.provider)),
        tr!("profile-show-key-id", value = shown(&p.key_id)),
        tr!(
            "profile-show-region",
            value = shown(p.region.as_deref().unwrap_or("-"))
        ),
    ];
    for (region, id) in &p.project_ids {
        lines.push(tr!(
            "profile-show-project-id",
            region = shown(region),
            value = shown(id)
        ));
    }
    if let Some(e) = &p.endpoint {
        lines.push(tr!("profile-show-endpoint", value = shown(e)));
    }
    if let Some(n) = &p.notes {
        lines.push(tr!("profile-show-notes", value = shown(n)));
    }
    lines.push(tr!("profile-show-added", value = utc(&p.added_at)));
    if let Some(written) = written {
        lines.push(tr!(
            "profile-show-written",
            version = written.version,
            by = written_by(written),
            at = written_at(written)
        ));
    }
    lines.push(tr!("profile-show-last-used", value = when(p.last_used_at)));
    lines.push(tr!(
        "profile-show-last-verified",
        value = format!(
            "{}{}",
            when(p.last_verified_at),
            p.verification()
                .map(|found| format!(" ({})", words::verification(&found)))
                .unwrap_or_default()
        )
    ));
    lines.push(tr!(
        "profile-show-secret",
        name = p.name.as_str(),
        store = team::selector()
    ));
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = if i == 0 { "" } else { "  " };
        out.push_str(&format!("{indent}{line}\n"));
    }
    out
}
