//! What a handler decides to send back, before it becomes an HTTP response,
//! and the request ids that go in it.

use std::time::Duration;

use serde_json::Value;

/// A reply with any fault applied, ready to log and send.
pub(crate) struct Staged {
    pub label: String,
    pub reply: Reply,
    pub delay: Option<Duration>,
}

/// An HTTP answer. `label` is for the log only: the provider's error code,
/// `success`, or a fault's name; never anything secret.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    /// Extra headers, such as Huawei's `X-Request-Id`.
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
    pub label: String,
}

impl Answer {
    pub fn json(status: u16, body: &Value, label: impl Into<String>) -> Self {
        Answer {
            status,
            content_type: "application/json;charset=utf-8",
            headers: Vec::new(),
            body: body.to_string().into_bytes(),
            label: label.into(),
        }
    }

    pub fn text(
        status: u16,
        content_type: &'static str,
        body: &str,
        label: impl Into<String>,
    ) -> Self {
        Answer {
            status,
            content_type,
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
            label: label.into(),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

/// An answer, or the deliberate lack of one.
#[derive(Debug, Clone)]
pub(crate) enum Reply {
    Answer(Answer),
    /// Close the connection without answering (`fault-reset`).
    Hangup,
}

/// A handled request: the reply and what to log about it.
#[derive(Debug)]
pub(crate) struct Handled {
    pub provider: &'static str,
    pub action: String,
    /// The resource the request is about, when it names one.
    pub resource: Option<String>,
    pub label: String,
    pub reply: Reply,
    /// Wait this long before replying (`fault-slow`).
    pub delay: Option<Duration>,
}

impl Handled {
    /// A request answered without touching any resource (an auth error, an
    /// unknown action).
    pub fn answer(
        provider: &'static str,
        action: &str,
        resource: Option<&str>,
        answer: Answer,
    ) -> Self {
        Handled {
            provider,
            action: action.to_owned(),
            resource: resource.map(str::to_owned),
            label: answer.label.clone(),
            reply: Reply::Answer(answer),
            delay: None,
        }
    }
}

impl Handled {
    /// A request that reached the service (perhaps through a fault).
    pub fn staged(
        provider: &'static str,
        action: &str,
        resource: Option<&str>,
        staged: Staged,
    ) -> Self {
        Handled {
            provider,
            action: action.to_owned(),
            resource: resource.map(str::to_owned),
            label: staged.label,
            reply: staged.reply,
            delay: staged.delay,
        }
    }
}

fn random_hex() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// A UUID-shaped request id, upper case, as Alibaba Cloud sends
/// (`8C498360-7892-433C-847A-BA71A850****` in the DTS pages).
pub(crate) fn uuid_upper() -> String {
    uuid_shape(&random_hex().to_ascii_uppercase())
}

/// A UUID-shaped request id, lower case, as Tencent Cloud sends.
pub(crate) fn uuid_lower() -> String {
    uuid_shape(&random_hex())
}

/// 32 lower-case hex digits, as Huawei Cloud's gateway sends.
pub(crate) fn hex_id() -> String {
    random_hex()
}

fn uuid_shape(hex: &str) -> String {
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_have_the_providers_shapes() {
        let a = uuid_upper();
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
        assert!(!a.chars().any(|c| c.is_ascii_lowercase()));
        assert!(!uuid_lower().chars().any(|c| c.is_ascii_uppercase()));
        assert_eq!(hex_id().len(), 32);
        assert_ne!(hex_id(), hex_id());
    }
}
