//! A password change as the catalogue describes it, for the operations that
//! have no behaviour of their own beyond their rules (everything but DTS,
//! DCS, URedis and TcaplusDB): the resource named by the operation's
//! resource fields, the old password checked when the operation takes one,
//! the new one held to the operation's rules, and the documented success
//! answer (`catalog::Answer::example`) sent back with a fresh request id.
//!
//! An operation finished as a task (`catalog::TaskPoll`) is accepted with a
//! new task id; the password changes when its poll call is asked about the
//! task the second time (the first answer says it is running). A resource
//! id starting with `fault-task-fails` makes the task fail (nothing
//! changes); one starting with `fault-task-stuck` keeps it running for ever.

use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::Context;
use super::params::{self, Problem};
use super::received::Params;
use super::state::{ResourceKey, TaskEnd, TaskSeen};
use crate::catalog::{Operation, TaskPoll, TaskState, answer_members, answer_members_mut};

/// What a change came to.
pub(crate) enum Done {
    Changed,
    /// Accepted as this task (its id as the answer carries it).
    Task(Value),
}

/// Why a change was refused.
pub(crate) enum Refused {
    Problem(Problem),
    WrongOldPassword,
}

/// Validates and applies (or accepts as a task) `op`'s change in `params`.
pub(crate) fn change(
    ctx: &Context,
    op: &'static Operation,
    params: &Params,
) -> Result<Done, Refused> {
    params::check_fields(op, params).map_err(Refused::Problem)?;
    let ids: Vec<&str> = op
        .resource_fields
        .iter()
        .map(|f| params.get(f).unwrap_or_default())
        .collect();
    let key = ResourceKey::new(op, &ids);
    let old = op
        .new_password
        .current_field
        .and_then(|f| {
            op.field(f)
                .filter(|f| f.location != crate::catalog::Location::LocalOnly)
        })
        .map(|f| params.get(f.wire_name).unwrap_or_default());
    let new = params::new_password(op, params)
        .map_err(Refused::Problem)?
        .ok_or(Refused::Problem(Problem::Missing(op.new_password.field)))?;
    let current = old
        .map(|o| Zeroizing::new(o.to_owned()))
        .or_else(|| ctx.state.current(&key));
    params::check_new_password(op, &new, current.as_ref().map(|c| c.as_str()))
        .map_err(Refused::Problem)?;
    match op.answer.task {
        None => ctx
            .state
            .change(key, old, &new)
            .map(|()| Done::Changed)
            .map_err(|_| Refused::WrongOldPassword),
        Some(poll) => {
            if let Some(old) = old
                && !ctx.state.old_password_matches(&key, old)
            {
                return Err(Refused::WrongOldPassword);
            }
            let end = match ids.first() {
                Some(id) if id.starts_with("fault-task-fails") => TaskEnd::Fails,
                Some(id) if id.starts_with("fault-task-stuck") => TaskEnd::Never,
                _ => TaskEnd::Succeeds,
            };
            let id = task_id(op, &poll);
            ctx.state.start_task(id_text(&id), key, old, &new, end);
            Ok(Done::Task(id))
        }
    }
}

/// A fresh task id of the kind the operation's documented answer carries:
/// a number, or a text.
fn task_id(op: &Operation, poll: &TaskPoll) -> Value {
    let example: Value = serde_json::from_str(op.answer.example).unwrap_or(Value::Null);
    let documented = answer_members(op.provider, &example).and_then(|m| m.get(poll.id_field));
    let n = rand::random::<u32>() % 9_000_000 + 1_000_000;
    match documented {
        Some(Value::String(_)) => Value::from(format!("{n:x}-{:08x}", rand::random::<u32>())),
        _ => Value::from(n),
    }
}

fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The documented success answer of `op`, with `request_id` (and the task's
/// id) in place of the example's.
pub(crate) fn success_body(op: &Operation, request_id: &str, done: &Done) -> Value {
    let mut body: Value = serde_json::from_str(op.answer.example).unwrap_or_else(|_| json!({}));
    if let Some(members) = answer_members_mut(op.provider, &mut body) {
        if members.contains_key("RequestId") {
            members.insert("RequestId".into(), Value::from(request_id));
        }
        if let (Done::Task(id), Some(poll)) = (done, op.answer.task) {
            members.insert(poll.id_field.into(), id.clone());
        }
    }
    body
}

/// The poll call's answer members for the task `id` (without the request
/// id), or `None` for a task the emulator never started.
pub(crate) fn task_answer(ctx: &Context, poll: &TaskPoll, id: &str) -> Option<Value> {
    let word = |state: TaskState| {
        let list = match state {
            TaskState::Running => poll.running,
            TaskState::Succeeded => poll.succeeded,
            TaskState::Failed => poll.failed,
        };
        list.last().copied().unwrap_or_default()
    };
    let state = match ctx.state.ask_task(id)? {
        TaskSeen::Running => TaskState::Running,
        TaskSeen::Succeeded => TaskState::Succeeded,
        TaskSeen::Failed => TaskState::Failed,
    };
    let mut members = serde_json::Map::new();
    members.insert(poll.state_field.into(), Value::from(word(state)));
    Some(Value::Object(members))
}
