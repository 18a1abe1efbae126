//! How an operation's answer says the change was made, as data.
//!
//! A provider's error shapes are the same for all of its APIs and are read
//! per provider (`outcome/`); what counts as success is not: DTS adds a
//! `Success` flag, Huawei DCS a `result` word, R-KVStore nothing but the
//! request id, and Tencent's Redis and MySQL APIs only accept the change
//! and finish it as a task. Each operation's entry says which.

use serde_json::{Map, Value};

use super::{Provider, RequestShape};

/// Where a provider's answer keeps its members: Tencent Cloud wraps them in
/// `Response`; the others do not. What the outcome readers and the
/// emulator both read and write.
pub fn answer_members(provider: Provider, body: &Value) -> Option<&Map<String, Value>> {
    match provider {
        Provider::Tencent => body.get("Response")?.as_object(),
        _ => body.as_object(),
    }
}

/// [`answer_members`], to write them.
pub fn answer_members_mut(provider: Provider, body: &mut Value) -> Option<&mut Map<String, Value>> {
    match provider {
        Provider::Tencent => body.get_mut("Response")?.as_object_mut(),
        _ => body.as_object_mut(),
    }
}

/// What an answer to one operation must hold to be read as a success.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub success: Success,
    /// Set for an operation that only accepts the change: the provider
    /// finishes it as a task, which [`TaskPoll`] follows.
    pub task: Option<TaskPoll>,
    /// The provider's documented success answer (its API page's example),
    /// which the emulator sends and the tests read.
    pub example: &'static str,
}

impl Answer {
    /// A success is the provider's envelope without an error (see
    /// [`Success::NoError`]); `example` is the documented one.
    pub const fn no_error(example: &'static str) -> Answer {
        Answer {
            success: Success::NoError,
            task: None,
            example,
        }
    }

    /// What a read-only call's success is: no error (its example is empty).
    pub const NO_ERROR: Answer = Answer::no_error("");
}

/// The member of a 2xx answer that says the change was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Success {
    /// The provider's own envelope with no error in it: Alibaba's
    /// `{"RequestId"}`, Tencent's `{"Response":{"RequestId"}}`, UCloud's
    /// `RetCode` 0, Huawei's answer without `error_code`.
    NoError,
    /// As [`Success::NoError`], and this member must be `true` (a boolean,
    /// or the text `"true"`): DTS's `Success`.
    Flag(&'static str),
    /// This member names the result: `success`, `passwordFailed`, `locked`
    /// or `failed`, without regard to case (Huawei DCS's `result`).
    ResultWord(&'static str),
}

/// How to follow a change the provider accepted and finishes as a task.
#[derive(Debug, Clone, Copy)]
pub struct TaskPoll {
    /// The accepting answer's member holding the task's id (`TaskId`, a
    /// number, or `AsyncRequestId`, a text).
    pub id_field: &'static str,
    /// The provider's own call that says how the task is doing.
    pub call: RequestShape,
    /// That call's parameter carrying the id, sent as the id came.
    pub id_param: &'static str,
    /// Its answer's member holding the task's state.
    pub state_field: &'static str,
    /// The states, as the provider spells them (read without regard to
    /// case); any other state is unknown.
    pub running: &'static [&'static str],
    pub succeeded: &'static [&'static str],
    pub failed: &'static [&'static str],
}

impl TaskPoll {
    /// What the state `given` means.
    pub fn state(&self, given: &str) -> Option<TaskState> {
        let is = |list: &[&str]| list.iter().any(|s| s.eq_ignore_ascii_case(given));
        if is(self.succeeded) {
            Some(TaskState::Succeeded)
        } else if is(self.failed) {
            Some(TaskState::Failed)
        } else if is(self.running) {
            Some(TaskState::Running)
        } else {
            None
        }
    }
}

/// How a provider's task is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskState {
    Running,
    Succeeded,
    Failed,
}
