//! A change the provider accepted and finishes as a task (Tencent Cloud's
//! Redis and MySQL password APIs): the task's id as the answer gave it, and
//! the answers of the provider's own call that says how the task is doing
//! (`TaskPoll` in the catalogue), read strictly.

use serde_json::Value;

use super::{AnswerShape, json, json_str};
use crate::catalog::{Provider, TaskPoll, TaskState, answer_members};
use crate::http::HttpResponse;

/// A task's id, kept as the provider sent it (a number or a text), since
/// the call that follows it wants it back the same way.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum TaskId {
    Number(u64),
    Text(String),
}

/// Ids longer than this are no provider's.
const MAX_ID_LEN: usize = 128;

impl TaskId {
    /// The id as text, for people and the journal.
    pub fn text(&self) -> String {
        match self {
            TaskId::Number(n) => n.to_string(),
            TaskId::Text(t) => t.clone(),
        }
    }

    /// The id as a JSON value, for the call that follows it.
    pub fn json(&self) -> Value {
        match self {
            TaskId::Number(n) => Value::from(*n),
            TaskId::Text(t) => Value::from(t.as_str()),
        }
    }

    fn from_json(value: &Value) -> Option<TaskId> {
        match value {
            Value::Number(n) => n.as_u64().map(TaskId::Number),
            Value::String(s)
                if !s.is_empty()
                    && s.len() <= MAX_ID_LEN
                    && s.chars().all(|c| c.is_ascii_graphic()) =>
            {
                Some(TaskId::Text(s.clone()))
            }
            _ => None,
        }
    }
}

/// The task id in an accepting answer's `field`: a whole number in range,
/// or a short printable text; anything else is no id.
pub(crate) fn id_in(provider: Provider, body: &Value, field: &str) -> Option<TaskId> {
    TaskId::from_json(answer_members(provider, body)?.get(field)?)
}

/// What one answer of the task call said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// The task's state, as the catalogue reads it.
    State(TaskState),
    /// The provider answered with an error (its code), or a state it does
    /// not document (its text): the task's end cannot be told from it.
    NotTold(String),
    /// No answer of the documented shape.
    Unreadable(AnswerShape),
    /// No answer was read (the transport's failure).
    NoAnswer,
}

/// Reads an answer of `poll`'s call.
pub fn read_progress(provider: Provider, poll: &TaskPoll, response: &HttpResponse) -> Progress {
    let body = match json::parse(&response.body) {
        Ok(body) => body,
        Err(shape) => return Progress::Unreadable(shape),
    };
    let Some(members) = answer_members(provider, &body) else {
        return Progress::Unreadable(AnswerShape::Unexpected);
    };
    if let Some(error) = members.get("Error") {
        let code = json_str(error.get("Code")).unwrap_or_default();
        return Progress::NotTold(code);
    }
    if !(200..300).contains(&response.status) {
        return Progress::Unreadable(AnswerShape::Unexpected);
    }
    match members.get(poll.state_field) {
        Some(Value::String(state)) => match poll.state(state) {
            Some(state) => Progress::State(state),
            None => Progress::NotTold(state.clone()),
        },
        _ => Progress::Unreadable(AnswerShape::Unexpected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_whole_numbers_in_range_or_short_printable_text() {
        let body = |v: &str| -> Value {
            serde_json::from_str(&format!(r#"{{"Response":{{"TaskId":{v}}}}}"#)).unwrap()
        };
        let id = |v: &str| id_in(Provider::Tencent, &body(v), "TaskId");
        assert_eq!(id("1234"), Some(TaskId::Number(1234)));
        assert_eq!(id(r#""ab-12""#), Some(TaskId::Text("ab-12".into())));
        for bad in [
            "-1",
            "1.5",
            "18446744073709551616",
            "null",
            r#""""#,
            r#""a b""#,
            r#""a\u001bb""#,
            "true",
        ] {
            assert_eq!(id(bad), None, "{bad}");
        }
        assert_eq!(TaskId::Number(7).json(), Value::from(7));
        assert_eq!(TaskId::Text("x".into()).json(), Value::from("x"));
    }
}
