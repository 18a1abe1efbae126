//! Sending an open attempt again, with the same new password: the request
//! is rebuilt from the journal (operation, region, non-secret fields) and
//! the keyring (the old password from *current*, the new one from
//! *pending*), then made like any change, as a retry of that attempt.

use std::sync::Arc;

use time::OffsetDateTime;

use super::{ChangeRequest, Changed, Hooks, RetryRefusal, Rotation, RotationError};
use crate::clock::Clock;
use crate::endpoint::Endpoint;
use crate::journal::Attempt;
use crate::request::{self, Inputs, Value};
use crate::send::Sender;
use crate::sign::Credentials;
use crate::tr;
use crate::vault::Pending;

/// Where a retry gets its access key.
#[derive(Debug)]
pub enum RetryKey {
    /// The attempt's profile, read from the keyring now.
    Profile,
    /// Typed for this retry (the change was made with a typed key).
    Typed(Credentials),
}

/// Which endpoint a retry goes to, so that front ends can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointSource {
    /// The profile's endpoint as it is now (it may have been corrected
    /// since the attempt).
    Profile,
    /// The endpoint the attempt was sent to (typed for it).
    Attempt,
    /// The provider's endpoint for the region.
    Default,
}

impl EndpointSource {
    /// Where a retry went, in words.
    pub fn describe(self, endpoint: &Endpoint) -> String {
        let url = endpoint.url();
        match self {
            EndpointSource::Profile => tr!("retry-sent-to-profile-endpoint", url = url),
            EndpointSource::Attempt => tr!("retry-sent-to-first-endpoint", url = url),
            EndpointSource::Default => tr!("retry-sent-to-default-endpoint", url = url),
        }
    }
}

impl Rotation {
    /// Sends open attempt `id` again. As [`Rotation::change`]: `Err` only
    /// when nothing was sent.
    pub async fn retry(
        self: &Arc<Self>,
        id: &str,
        key: RetryKey,
        sender: &Sender,
        clock: &Clock,
        hooks: &dyn Hooks,
    ) -> Result<(Changed, EndpointSource), RotationError> {
        let built = {
            let (rotation, id, now) = (self.clone(), id.to_owned(), clock());
            tokio::task::spawn_blocking(move || rotation.retry_request(&id, key, now))
                .await
                .map_err(|e| RotationError::Task(e.to_string()))??
        };
        let (change, source) = built;
        let changed = self
            .run(Arc::new(change), Some(id.to_owned()), sender, clock, hooks)
            .await?;
        Ok((changed, source))
    }

    /// The request a retry of `id` sends, and where its endpoint came from.
    pub fn retry_request(
        &self,
        id: &str,
        key: RetryKey,
        now: OffsetDateTime,
    ) -> Result<(ChangeRequest, EndpointSource), RotationError> {
        let attempt = self.open_attempt(id, now)?;
        if attempt.info.adopted {
            return Err(RotationError::CannotRetry(RetryRefusal::Adopted));
        }
        if attempt.info.expiry_only {
            return Err(RotationError::CannotRetry(RetryRefusal::ExpiryOnly));
        }
        let inputs = self.retry_inputs(&attempt, now)?;
        let op = attempt_operation(&attempt)?;
        let validated = request::validate(op, &inputs)
            .map_err(|errors| RotationError::CannotRetry(RetryRefusal::Inputs(errors)))?;
        let (credentials, profile, profile_endpoint) = match (key, &attempt.info.profile) {
            (RetryKey::Typed(credentials), _) => (credentials, None, None),
            (RetryKey::Profile, Some(name)) => {
                let (profile, credentials) = self.vault.credentials(name)?;
                (credentials, Some(profile.name), profile.endpoint)
            }
            (RetryKey::Profile, None) => {
                return Err(RotationError::CannotRetry(RetryRefusal::NeedsTypedKey));
            }
        };
        let (endpoint_text, source) = match (profile_endpoint, &attempt.info.endpoint) {
            (Some(url), _) => (Some(url), EndpointSource::Profile),
            (None, Some(url)) if profile.is_none() => (Some(url.clone()), EndpointSource::Attempt),
            _ => (None, EndpointSource::Default),
        };
        let endpoint = match &endpoint_text {
            Some(url) => Endpoint::parse_override(url),
            None => Endpoint::default_for(op, validated.region()),
        }
        .map_err(|e| RotationError::CannotRetry(RetryRefusal::Endpoint(e)))?;
        Ok((
            ChangeRequest {
                request: validated,
                endpoint,
                endpoint_override: endpoint_text,
                credentials,
                profile,
                // The user asked for exactly this change again.
                anyway: true,
                signing: Default::default(),
            },
            source,
        ))
    }

    /// The same operation, region and fields, the old password from
    /// *current* and the same new password from *pending* (or an empty
    /// one, confirmed, if the attempt removed the password).
    fn retry_inputs(
        &self,
        attempt: &Attempt,
        now: OffsetDateTime,
    ) -> Result<Inputs, RotationError> {
        let op = attempt_operation(attempt)?;
        let slots = self.vault.slots(&attempt.info.resource)?;
        let mut inputs = Inputs {
            region: attempt.info.region.clone(),
            now: Some(now),
            ..Inputs::default()
        };
        for (name, value) in &attempt.info.fields {
            if Some(name.as_str()) != op.region.param {
                inputs.set(name, Value::Plain(value.clone()));
            }
        }
        if let (Some(field), Some(old)) = (op.new_password.current_field, slots.current) {
            inputs.set(field, Value::Secret(old));
        }
        match (slots.pending, attempt.info.removes_password) {
            (Some(Pending::Password(new)), false) => {
                inputs.set(op.new_password.field, Value::Secret(new))
            }
            (_, true) => {
                inputs.set(op.new_password.field, Value::Secret(String::new().into()));
                inputs
                    .confirmed_empty
                    .insert(op.new_password.field.to_owned());
            }
            _ => {
                return Err(RotationError::CannotRetry(RetryRefusal::NoPending(
                    attempt.info.resource.clone(),
                )));
            }
        }
        Ok(inputs)
    }
}

fn attempt_operation(
    attempt: &Attempt,
) -> Result<&'static crate::catalog::Operation, RotationError> {
    crate::catalog::find(&attempt.info.operation)
        .ok_or_else(|| RotationError::UnknownOperation(attempt.info.operation.clone()))
}
