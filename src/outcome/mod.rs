//! The one outcome model: every response, from any provider, and every
//! failure to get one, becomes an [`Outcome`] that a front end can render
//! without knowing the provider.
//!
//! The most important distinction is between *definite* results (the
//! provider answered, or the request provably never left) and
//! [`Status::Unknown`]: the request may have reached the server but no
//! answer was read. Unknown is not failure — the password may have changed.

use std::fmt;

use time::OffsetDateTime;

/// What happened to one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    /// The provider's own error code, e.g. `FailedOperation.OldPasswordInUse`.
    pub code: Option<String>,
    /// The provider's message, with any `%s` already filled in.
    pub message: Option<String>,
    pub request_id: Option<String>,
    /// HTTP status of the answer, when there was one.
    pub http_status: Option<u16>,
    /// What the user can do about it, in plain words.
    pub hint: Option<String>,
}

/// The kinds of result a front end distinguishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The provider confirmed the change.
    Succeeded,
    /// The provider refused the request for a reason given in code/message.
    Rejected,
    /// The current password given was wrong.
    WrongOldPassword { retries_left: Option<u32> },
    /// Password changes are locked; they may be tried again at `until`.
    Locked { until: Option<OffsetDateTime> },
    /// TcaplusDB: a previous old password is still valid until `until`, so
    /// no new change is accepted before then.
    OldPasswordStillValid { until: Option<OffsetDateTime> },
    /// Too many requests; try again at `retry_at`.
    Throttled { retry_at: Option<OffsetDateTime> },
    /// The provider could not authenticate the request.
    Auth(AuthProblem),
    /// The request certainly did not reach the provider (no connection could
    /// be made, or it was refused before sending): nothing changed.
    NotSent,
    /// The request may have reached the provider, but no answer was read
    /// (timeout, connection reset after sending, unreadable answer to a
    /// change). The change may have happened.
    Unknown,
}

/// Why the provider did not accept the credentials or signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthProblem {
    /// The signature did not match: usually a wrong access key secret.
    SignatureMismatch,
    /// The provider does not know this access key id, or it is disabled.
    UnknownKey,
    /// The request's time is too far from the provider's clock.
    ClockSkew,
    /// The key is valid but lacks permission for this operation.
    NoPermission,
}

impl AuthProblem {
    /// What to check, in plain words.
    pub fn hint(self) -> &'static str {
        match self {
            AuthProblem::SignatureMismatch => {
                "The signature did not match. Check that the access key secret belongs to this key id and was copied whole."
            }
            AuthProblem::UnknownKey => {
                "The provider does not know this access key id, or it is disabled. Check the key id and its state in the console."
            }
            AuthProblem::ClockSkew => {
                "This computer's clock is too far from the provider's. Turn on automatic time (NTP) and try again."
            }
            AuthProblem::NoPermission => {
                "The key works but may not call this API. Grant its user or role permission for this action."
            }
        }
    }
}

impl Status {
    /// True when the request certainly did not change the password.
    pub fn is_definite_failure(&self) -> bool {
        !matches!(self, Status::Succeeded | Status::Unknown)
    }

    /// A short title for the result.
    pub fn title(&self) -> &'static str {
        match self {
            Status::Succeeded => "Password changed",
            Status::Rejected => "Rejected by the provider",
            Status::WrongOldPassword { .. } => "Wrong current password",
            Status::Locked { .. } => "Password changes are locked",
            Status::OldPasswordStillValid { .. } => "The previous old password is still valid",
            Status::Throttled { .. } => "Too many requests",
            Status::Auth(_) => "The provider did not accept the access key",
            Status::NotSent => "Not sent",
            Status::Unknown => "Result unknown: the password may have changed",
        }
    }
}

impl Outcome {
    pub fn new(status: Status) -> Self {
        Outcome {
            status,
            code: None,
            message: None,
            request_id: None,
            http_status: None,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.status.title())?;
        match &self.status {
            Status::WrongOldPassword {
                retries_left: Some(n),
            } => write!(f, " ({n} tries left before the lock)")?,
            Status::Locked { until: Some(t) }
            | Status::OldPasswordStillValid { until: Some(t) } => write!(f, " until {t}")?,
            Status::Throttled { retry_at: Some(t) } => write!(f, "; try again after {t}")?,
            _ => {}
        }
        if let Some(code) = &self.code {
            write!(f, "\n  code: {code}")?;
        }
        if let Some(message) = &self.message {
            write!(f, "\n  message: {message}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, "\n  request id: {id}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  {hint}")?;
        }
        Ok(())
    }
}
