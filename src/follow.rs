//! Following a change the provider accepted as a task to its end (Tencent
//! Cloud's Redis and MySQL password APIs answer a task id; the password
//! changes when the task is done).
//!
//! The provider's own call (`catalog::TaskPoll`) is asked after a short
//! wait and then at a steady pace, for at most the plan's budget. What it
//! comes to is the change's outcome: the task succeeded (the change was
//! made), failed (it was not), or did not say it had ended in time
//! (unknown: the change stays open). Nothing here settles; the rotation
//! does, with this outcome.

use time::OffsetDateTime;

use crate::catalog::{Operation, TaskPoll, TaskState};
use crate::endpoint::Endpoint;
use crate::outcome::task::Progress;
use crate::outcome::{Hint, Outcome, Status, TaskId};
use crate::request::{SigningContext, fresh_nonce, task_call};
use crate::send::{Sender, TaskPlan};
use crate::sign::Credentials;

/// What following a task needs: the change's operation, where it went and
/// with which key.
pub struct Following<'a> {
    pub op: &'static Operation,
    pub poll: &'a TaskPoll,
    pub endpoint: &'a Endpoint,
    pub region: Option<&'a str>,
    pub credentials: &'a Credentials,
}

/// Asks about `accepted`'s task until it ends or the plan's budget is
/// spent, telling `progress` each answer; returns the change's outcome.
pub async fn to_the_end(
    accepted: Outcome,
    task: TaskId,
    following: Following<'_>,
    sender: &Sender,
    now: impl Fn() -> OffsetDateTime,
    progress: impl Fn(&TaskId, Option<TaskState>),
) -> Outcome {
    progress(&task, None);
    let plan: TaskPlan = sender.task_plan();
    let started = tokio::time::Instant::now();
    let mut wait = plan.first_wait;
    let ended = loop {
        tokio::time::sleep(wait).await;
        wait = plan.every;
        let signed = task_call(
            following.poll,
            &task,
            following.endpoint,
            following.region,
            following.credentials,
            SigningContext {
                time: now(),
                nonce: &fresh_nonce(),
            },
        );
        let answer = match signed {
            Ok(signed) => sender.follow(following.op, following.poll, &signed).await,
            Err(_) => break None,
        };
        if let Progress::State(state) = answer {
            progress(&task, Some(state));
            if state != TaskState::Running {
                break Some(state);
            }
        }
        if started.elapsed() >= plan.budget {
            break None;
        }
    };
    let mut outcome = Outcome {
        status: match ended {
            Some(TaskState::Succeeded) => Status::Succeeded,
            Some(TaskState::Failed) => Status::Rejected,
            Some(TaskState::Running) | None => Status::Unknown,
        },
        hint: match ended {
            Some(TaskState::Succeeded) => None,
            Some(TaskState::Failed) => Some(Hint::TASK_FAILED),
            Some(TaskState::Running) | None => Some(Hint::TASK_UNFINISHED),
        },
        ..accepted
    };
    outcome.task = Some(task);
    outcome
}
