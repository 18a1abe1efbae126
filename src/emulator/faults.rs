//! Broken answers on demand, chosen by the resource id's prefix (the table is
//! in the module doc of `emulator`).
//!
//! Faults apply after the signature check, so a faulty answer always comes
//! from a request the emulator accepted as authentic.

use std::time::Duration;

use super::reply::{Answer, Reply, Staged};

/// Size of `fault-huge`'s padding: well past any sensible response cap.
pub(crate) const HUGE_PADDING: usize = 3 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    Slow,
    Reset,
    Malformed,
    Empty,
    Huge,
    Html,
    ServerError,
    Unavailable,
}

const PREFIXES: &[(&str, Fault)] = &[
    ("fault-slow", Fault::Slow),
    ("fault-reset", Fault::Reset),
    ("fault-malformed", Fault::Malformed),
    ("fault-empty", Fault::Empty),
    ("fault-huge", Fault::Huge),
    ("fault-html", Fault::Html),
    ("fault-5xx", Fault::ServerError),
    ("fault-503", Fault::Unavailable),
];

impl Fault {
    /// The fault a resource id asks for, if any.
    pub fn of(resource: &str) -> Option<Fault> {
        PREFIXES
            .iter()
            .find(|(prefix, _)| resource.starts_with(prefix))
            .map(|(_, f)| *f)
    }

    fn name(self) -> &'static str {
        PREFIXES
            .iter()
            .find(|(_, f)| *f == self)
            .map(|(p, _)| *p)
            .unwrap_or("fault")
    }
}

/// Runs `service` (which validates and applies the change) unless `fault`
/// stops the request before it, then bends the answer as the fault says.
/// `internal_error` is the provider's own 500 body.
pub(crate) fn run(
    fault: Option<Fault>,
    slow: Duration,
    internal_error: impl FnOnce() -> Answer,
    service: impl FnOnce() -> Answer,
) -> Staged {
    let Some(fault) = fault else {
        let answer = service();
        return Staged {
            label: answer.label.clone(),
            reply: Reply::Answer(answer),
            delay: None,
        };
    };
    // Failures in front of the service: the request never reaches it, so
    // nothing changes.
    let front = |answer: Answer| Staged {
        label: fault.name().to_owned(),
        reply: Reply::Answer(answer),
        delay: None,
    };
    match fault {
        Fault::Html => {
            return front(Answer::text(502, "text/html; charset=utf-8", HTML_PAGE, ""));
        }
        Fault::ServerError => {
            let mut answer = internal_error();
            answer.status = 500;
            return front(answer);
        }
        Fault::Unavailable => {
            return front(Answer::text(
                503,
                "text/plain; charset=utf-8",
                "Service Temporarily Unavailable\n",
                "",
            ));
        }
        Fault::Slow | Fault::Reset | Fault::Malformed | Fault::Empty | Fault::Huge => {}
    }

    // Failures after the service did its work.
    let mut answer = service();
    let label = format!("{} after {}", fault.name(), answer.label);
    let mut delay = None;
    match fault {
        Fault::Slow => delay = Some(slow),
        // Half of a JSON object never parses: its closing brace is gone.
        Fault::Malformed => answer.body.truncate(answer.body.len() / 2),
        Fault::Empty => answer.body.clear(),
        // Trailing whitespace keeps it valid JSON: only a size cap saves a
        // client that reads everything.
        Fault::Huge => answer.body.resize(answer.body.len() + HUGE_PADDING, b' '),
        Fault::Reset | Fault::Html | Fault::ServerError | Fault::Unavailable => {}
    }
    if matches!(fault, Fault::Malformed | Fault::Empty | Fault::Huge) {
        answer.status = 200;
    }
    let reply = if fault == Fault::Reset {
        Reply::Hangup
    } else {
        Reply::Answer(answer)
    };
    Staged {
        label,
        reply,
        delay,
    }
}

const HTML_PAGE: &str = "<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>keyturn emulator (fault-html)</center>\n</body>\n</html>\n";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok() -> Answer {
        Answer::json(200, &json!({"RequestId": "R", "Success": true}), "success")
    }

    fn internal() -> Answer {
        Answer::json(500, &json!({"Code": "InternalError"}), "InternalError")
    }

    #[test]
    fn prefixes_pick_faults() {
        assert_eq!(Fault::of("fault-slow-1"), Some(Fault::Slow));
        assert_eq!(Fault::of("fault-503"), Some(Fault::Unavailable));
        assert_eq!(Fault::of("fault-5xx-a"), Some(Fault::ServerError));
        assert_eq!(Fault::of("fault-other"), None);
        assert_eq!(Fault::of("dts-fault-slow"), None);
    }

    #[test]
    fn front_faults_skip_the_service() {
        for fault in [Fault::Html, Fault::ServerError, Fault::Unavailable] {
            let staged = run(Some(fault), Duration::ZERO, internal, || {
                panic!("the service must not run for {fault:?}")
            });
            let Reply::Answer(a) = staged.reply else {
                panic!("expected an answer")
            };
            assert_eq!(
                a.status,
                match fault {
                    Fault::Html => 502,
                    Fault::ServerError => 500,
                    _ => 503,
                }
            );
        }
    }

    #[test]
    fn back_faults_run_the_service_then_bend_the_answer() {
        let staged = run(Some(Fault::Malformed), Duration::ZERO, internal, ok);
        let Reply::Answer(a) = staged.reply else {
            panic!()
        };
        assert!(serde_json::from_slice::<serde_json::Value>(&a.body).is_err());
        assert!(!a.body.is_empty());

        let staged = run(Some(Fault::Huge), Duration::ZERO, internal, ok);
        let Reply::Answer(a) = staged.reply else {
            panic!()
        };
        assert!(a.body.len() > HUGE_PADDING);
        assert!(serde_json::from_slice::<serde_json::Value>(&a.body).is_ok());

        let staged = run(Some(Fault::Reset), Duration::ZERO, internal, ok);
        assert!(matches!(staged.reply, Reply::Hangup));

        let slow = Duration::from_millis(7);
        let staged = run(Some(Fault::Slow), slow, internal, ok);
        assert_eq!(staged.delay, Some(slow));
        assert_eq!(staged.label, "fault-slow after success");
    }
}
