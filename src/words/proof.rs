//! What a login with a stored password found (`vault::Proof`), and why a
//! login is not available, in the current language's words.

use crate::catalog::NoLogin;
use crate::i18n::tr;
use crate::shown::shown;
use crate::time_format::utc;
use crate::tr;
use crate::vault::{Garbled, NotAvailable, Proof, ProofRecord, TlsProblem, Unreached};

/// One line for what a login found.
pub fn proof(found: &Proof) -> String {
    match found {
        Proof::Opened => tr("prove-opened"),
        Proof::WrongPassword { said } => tr!("prove-wrong-password", said = shown(said)),
        Proof::NoPasswordNeeded => tr("prove-no-password-needed"),
        Proof::CouldNotReach { why } => unreached(why),
        Proof::TlsMismatch { why } => match why {
            TlsProblem::NotOffered => tr("prove-tls-not-offered"),
            TlsProblem::Handshake { detail } => {
                tr!("prove-tls-handshake", detail = shown(detail))
            }
            TlsProblem::Certificate { detail } => {
                tr!("prove-tls-certificate", detail = shown(detail))
            }
            TlsProblem::ServiceWantsTls => tr("prove-service-wants-tls"),
        },
        Proof::Refused { said } => tr!("prove-refused", said = shown(said)),
        Proof::Unreadable { why } => match why {
            Garbled::NotTheProtocol => tr("prove-not-the-protocol"),
            Garbled::TooLong { bytes } => tr!("prove-too-long", bytes = *bytes),
            Garbled::SignInMethod { name } => tr!("prove-sign-in-method", name = shown(name)),
        },
        Proof::NotAvailable { why } => not_available(why),
    }
}

fn unreached(why: &Unreached) -> String {
    match why {
        Unreached::Resolve { detail } => tr!("prove-resolve", detail = shown(detail)),
        Unreached::Refused { detail } => tr!("prove-connection-refused", detail = shown(detail)),
        Unreached::Connect { detail } => tr!("prove-connect", detail = shown(detail)),
        Unreached::TimedOut { seconds } => tr!("prove-timed-out", seconds = *seconds),
        Unreached::Closed => tr("prove-closed"),
        Unreached::NoTlsAnswer => tr("prove-no-tls-answer"),
    }
}

/// Why no login is tried.
pub fn not_available(why: &NotAvailable) -> String {
    match why {
        NotAvailable::Service { why } => no_login(*why),
        NotAvailable::NoConnection => tr("prove-no-connection"),
        NotAvailable::NoDatabaseKind => tr("prove-no-database-kind"),
        NotAvailable::NoPassword => tr("prove-no-password"),
        NotAvailable::CaFile { detail } => tr!("prove-ca-file", detail = shown(detail)),
    }
}

/// Why an operation's resources offer no login.
pub fn no_login(why: NoLogin) -> String {
    match why {
        NoLogin::NoPublicProtocol => tr("prove-no-public-protocol"),
        NoLogin::KafkaNotBuilt => tr("prove-kafka-not-built"),
        NoLogin::MongoNotBuilt => tr("prove-mongo-not-built"),
    }
}

/// "proven 2026-12-06 10:04", or what the last test found instead.
pub fn proven(record: &ProofRecord) -> String {
    if record.proof.opened() {
        tr!("prove-proven-at", time = utc(&record.at))
    } else {
        tr!(
            "prove-failed-at",
            time = utc(&record.at),
            found = proof(&record.proof)
        )
    }
}
