//! Everything the emulator remembers between requests: each resource's
//! password, Huawei DCS's wrong-password lock, TcaplusDB's old-password
//! window, TcaplusDB's rate limit, and Alibaba's used signature nonces.
//!
//! The clock is injected ([`State::with_clock`]) so that a test can step
//! through a five-minute lock without waiting. Passwords are zeroed when
//! dropped and nothing here implements `Debug`.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use time::{Duration, OffsetDateTime};
use zeroize::Zeroizing;

use super::same;
use crate::catalog::Operation;

/// Reads the current time.
pub(crate) type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// Huawei DCS: wrong old passwords in a row before the lock (UpdatePassword
/// page: "after 5 failed password attempts, the instance will be locked and
/// the password cannot be changed or reset for 5 minutes").
pub(crate) const DCS_ATTEMPTS: u32 = 5;
pub(crate) const DCS_LOCK: Duration = Duration::minutes(5);

/// TcaplusDB's documented limit for ModifyClusterPassword.
pub(crate) const TCAPLUS_PER_SECOND: usize = 20;

/// Which resource a password belongs to: the operation and the ids that
/// name the resource within it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct ResourceKey {
    op: &'static str,
    ids: Vec<String>,
}

impl ResourceKey {
    pub fn new(op: &'static Operation, ids: &[&str]) -> Self {
        ResourceKey {
            op: op.id,
            ids: ids.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

#[derive(Default)]
struct Resource {
    current: Zeroizing<String>,
    /// Huawei DCS: wrong old passwords since the last success or lock.
    failures: u32,
    locked_until: Option<OffsetDateTime>,
    /// TcaplusDB: the replaced password and until when it still works.
    previous: Option<(Zeroizing<String>, OffsetDateTime)>,
    /// Password-change calls that reached the resource, whatever their
    /// answer: tests count sends with it.
    calls: u32,
}

#[derive(Default)]
struct Inner {
    resources: HashMap<ResourceKey, Resource>,
    /// Alibaba signature nonces and when they were first seen.
    nonces: HashMap<String, OffsetDateTime>,
    /// When recent rate-limited calls arrived, oldest first.
    calls: VecDeque<OffsetDateTime>,
    /// Passwords set since the server last took them, to apply to a real
    /// service behind the emulator (`backing`).
    applied: Vec<Applied>,
    /// Changes accepted as tasks, by task id.
    tasks: HashMap<String, Task>,
}

/// A change accepted as a task: it is applied when the task ends well.
struct Task {
    key: ResourceKey,
    old: Option<Zeroizing<String>>,
    new: Zeroizing<String>,
    end: TaskEnd,
    asked: u32,
    seen: Option<TaskSeen>,
}

/// How a task is to end (chosen by the resource id, see `change.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TaskEnd {
    Succeeds,
    Fails,
    Never,
}

/// What a task's poll call says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TaskSeen {
    Running,
    Succeeded,
    Failed,
}

/// A password the emulator set: the operation, the resource's ids and
/// the new password.
pub(crate) struct Applied {
    pub op: &'static str,
    pub ids: Vec<String>,
    pub password: Zeroizing<String>,
}

pub(crate) struct State {
    clock: Clock,
    inner: Mutex<Inner>,
}

/// The old password did not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WrongPassword;

/// What a Huawei DCS password change came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DcsOutcome {
    Changed,
    WrongPassword {
        retries_left: u32,
    },
    /// Locked until `until` (this attempt may be the one that locked it).
    Locked {
        until: OffsetDateTime,
    },
}

/// A TcaplusDB request, by mode.
pub(crate) enum ClusterChange<'a> {
    /// Mode 1: set `new`, keep `old` valid until `old_expires`.
    SetPassword {
        old: &'a str,
        new: &'a str,
        old_expires: OffsetDateTime,
    },
    /// Mode 2: move the old password's expiry to `old_expires`.
    MoveExpiry {
        old: &'a str,
        old_expires: OffsetDateTime,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClusterOutcome {
    Changed,
    WrongPassword,
    /// A previous old password still works until `until`.
    OldPasswordInUse {
        until: OffsetDateTime,
    },
    OldPasswordHasExpired,
}

impl State {
    /// State on the system clock.
    pub fn new() -> Self {
        State::with_clock(Arc::new(OffsetDateTime::now_utc))
    }

    pub fn with_clock(clock: Clock) -> Self {
        State {
            clock,
            inner: Mutex::new(Inner::default()),
        }
    }

    pub fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic elsewhere cannot leave this state half-updated in a way
        // that matters to an emulator: keep serving.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records an Alibaba signature nonce; false when it was seen within
    /// `remember` (older ones are forgotten: their requests are refused for
    /// their time anyway).
    pub fn fresh_nonce(&self, nonce: &str, remember: Duration) -> bool {
        let now = self.now();
        let mut inner = self.lock();
        inner.nonces.retain(|_, seen| now - *seen <= remember);
        if inner.nonces.contains_key(nonce) {
            return false;
        }
        inner.nonces.insert(nonce.to_owned(), now);
        true
    }

    /// Counts one call against a limit of `per_second` calls in any second;
    /// false (and not counted) when the limit is reached.
    pub fn within_rate(&self, per_second: usize) -> bool {
        let now = self.now();
        let mut inner = self.lock();
        while inner
            .calls
            .front()
            .is_some_and(|t| now - *t >= Duration::SECOND)
        {
            inner.calls.pop_front();
        }
        if inner.calls.len() >= per_second {
            return false;
        }
        inner.calls.push_back(now);
        true
    }

    /// The resource's current password, if the emulator knows it.
    pub fn current(&self, key: &ResourceKey) -> Option<Zeroizing<String>> {
        self.lock().resources.get(key).map(|r| r.current.clone())
    }

    /// The passwords set since the last call, oldest first.
    pub fn take_applied(&self) -> Vec<Applied> {
        std::mem::take(&mut self.lock().applied)
    }

    /// How many password-change calls reached the resource.
    pub fn calls(&self, key: &ResourceKey) -> u32 {
        self.lock().resources.get(key).map_or(0, |r| r.calls)
    }

    /// A plain change: with `old`, it must match the current password (a
    /// resource not seen before takes `old` as its current one); without,
    /// the new one is simply recorded.
    pub fn change(
        &self,
        key: ResourceKey,
        old: Option<&str>,
        new: &str,
    ) -> Result<(), WrongPassword> {
        let (key_op, key_ids) = (key.op, key.ids.clone());
        let mut inner = self.lock();
        let resource = inner.resources.entry(key).or_insert_with(|| Resource {
            current: Zeroizing::new(old.unwrap_or_default().to_owned()),
            ..Resource::default()
        });
        resource.calls += 1;
        if let Some(old) = old
            && !same(old, &resource.current)
        {
            return Err(WrongPassword);
        }
        resource.current = Zeroizing::new(new.to_owned());
        inner.applied.push(Applied {
            op: key_op,
            ids: key_ids,
            password: Zeroizing::new(new.to_owned()),
        });
        Ok(())
    }

    /// Whether `old` is the resource's password (a resource not seen
    /// before takes any).
    pub fn old_password_matches(&self, key: &ResourceKey, old: &str) -> bool {
        self.lock()
            .resources
            .get(key)
            .is_none_or(|r| same(old, &r.current))
    }

    /// Accepts a change as the task `id`, to be applied when it ends well.
    pub fn start_task(
        &self,
        id: String,
        key: ResourceKey,
        old: Option<&str>,
        new: &str,
        end: TaskEnd,
    ) {
        let mut inner = self.lock();
        if let Some(resource) = inner.resources.get_mut(&key) {
            resource.calls += 1;
        }
        inner.tasks.insert(
            id,
            Task {
                key,
                old: old.map(|o| Zeroizing::new(o.to_owned())),
                new: Zeroizing::new(new.to_owned()),
                end,
                asked: 0,
                seen: None,
            },
        );
    }

    /// What the task `id` has come to, as its poll call says: running the
    /// first time it is asked about, then its end (the change applied when
    /// it succeeds). `None` for a task never started.
    pub fn ask_task(&self, id: &str) -> Option<TaskSeen> {
        let mut inner = self.lock();
        let task = inner.tasks.get_mut(id)?;
        task.asked += 1;
        if let Some(seen) = task.seen {
            return Some(seen);
        }
        if task.asked < 2 || task.end == TaskEnd::Never {
            return Some(TaskSeen::Running);
        }
        if task.end == TaskEnd::Fails {
            task.seen = Some(TaskSeen::Failed);
            return Some(TaskSeen::Failed);
        }
        let (key, old, new) = (task.key.clone(), task.old.clone(), task.new.clone());
        drop(inner);
        let seen = match self.change(key, old.as_ref().map(|o| o.as_str()), &new) {
            Ok(()) => TaskSeen::Succeeded,
            // Another change moved the password since: the task fails.
            Err(WrongPassword) => TaskSeen::Failed,
        };
        if let Some(task) = self.lock().tasks.get_mut(id) {
            task.seen = Some(seen);
        }
        Some(seen)
    }

    /// Huawei DCS UpdatePassword: five wrong old passwords in a row lock
    /// changes for five minutes, during which every attempt (even with the
    /// right password) is refused; a success resets the count.
    pub fn dcs_change(&self, key: ResourceKey, old: &str, new: &str) -> DcsOutcome {
        let (key_op, key_ids) = (key.op, key.ids.clone());
        let now = self.now();
        let mut inner = self.lock();
        let resource = inner.resources.entry(key).or_insert_with(|| Resource {
            current: Zeroizing::new(old.to_owned()),
            ..Resource::default()
        });
        resource.calls += 1;
        match resource.locked_until {
            Some(until) if until > now => return DcsOutcome::Locked { until },
            Some(_) => {
                resource.locked_until = None;
                resource.failures = 0;
            }
            None => {}
        }
        if !same(old, &resource.current) {
            resource.failures += 1;
            if resource.failures >= DCS_ATTEMPTS {
                let until = now + DCS_LOCK;
                resource.locked_until = Some(until);
                resource.failures = 0;
                return DcsOutcome::Locked { until };
            }
            return DcsOutcome::WrongPassword {
                retries_left: DCS_ATTEMPTS - resource.failures,
            };
        }
        resource.current = Zeroizing::new(new.to_owned());
        resource.failures = 0;
        inner.applied.push(Applied {
            op: key_op,
            ids: key_ids,
            password: Zeroizing::new(new.to_owned()),
        });
        DcsOutcome::Changed
    }

    /// TcaplusDB ModifyClusterPassword. `OldPassword` must be the current
    /// password. Mode 1 is refused while a previous password still works;
    /// mode 2 only while one does.
    pub fn cluster_change(&self, key: ResourceKey, change: ClusterChange<'_>) -> ClusterOutcome {
        let now = self.now();
        let mut inner = self.lock();
        let old = match change {
            ClusterChange::SetPassword { old, .. } | ClusterChange::MoveExpiry { old, .. } => old,
        };
        let resource = inner.resources.entry(key).or_insert_with(|| Resource {
            current: Zeroizing::new(old.to_owned()),
            ..Resource::default()
        });
        resource.calls += 1;
        if !same(old, &resource.current) {
            return ClusterOutcome::WrongPassword;
        }
        let still_valid = resource
            .previous
            .as_ref()
            .map(|(_, until)| *until)
            .filter(|until| *until > now);
        match (change, still_valid) {
            (ClusterChange::SetPassword { .. }, Some(until)) => {
                ClusterOutcome::OldPasswordInUse { until }
            }
            (
                ClusterChange::SetPassword {
                    new, old_expires, ..
                },
                None,
            ) => {
                let replaced =
                    std::mem::replace(&mut resource.current, Zeroizing::new(new.to_owned()));
                resource.previous = Some((replaced, old_expires));
                ClusterOutcome::Changed
            }
            (ClusterChange::MoveExpiry { old_expires, .. }, Some(_)) => {
                if let Some((_, until)) = &mut resource.previous {
                    *until = old_expires;
                }
                ClusterOutcome::Changed
            }
            (ClusterChange::MoveExpiry { .. }, None) => ClusterOutcome::OldPasswordHasExpired,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use std::sync::atomic::{AtomicI64, Ordering};
    use time::macros::datetime;

    /// A clock the test moves by hand.
    struct TestClock(Arc<AtomicI64>);

    impl TestClock {
        fn state() -> (State, TestClock) {
            let millis = Arc::new(AtomicI64::new(0));
            let read = millis.clone();
            let base = datetime!(2026-03-01 08:00:00 UTC);
            let clock: Clock =
                Arc::new(move || base + Duration::milliseconds(read.load(Ordering::SeqCst)));
            (State::with_clock(clock), TestClock(millis))
        }
        fn advance(&self, by: Duration) {
            self.0
                .fetch_add(by.whole_milliseconds() as i64, Ordering::SeqCst);
        }
    }

    fn dcs_key() -> ResourceKey {
        ResourceKey::new(
            find("huaweicloud.dcs.update-password").unwrap(),
            &["p", "i"],
        )
    }

    #[test]
    fn dcs_counts_down_locks_and_unlocks_after_five_minutes() {
        let (state, clock) = TestClock::state();
        assert_eq!(
            state.dcs_change(dcs_key(), "Right-1a", "Next-2b"),
            DcsOutcome::Changed
        );
        for left in [4, 3, 2, 1] {
            assert_eq!(
                state.dcs_change(dcs_key(), "wrong", "X"),
                DcsOutcome::WrongPassword { retries_left: left }
            );
        }
        let locked_at = state.now();
        assert_eq!(
            state.dcs_change(dcs_key(), "wrong", "X"),
            DcsOutcome::Locked {
                until: locked_at + DCS_LOCK
            }
        );
        // Locked even for the right password, until five minutes have passed.
        clock.advance(Duration::minutes(4) + Duration::seconds(59));
        assert!(matches!(
            state.dcs_change(dcs_key(), "Next-2b", "Third-3c"),
            DcsOutcome::Locked { .. }
        ));
        clock.advance(Duration::seconds(1));
        assert_eq!(
            state.dcs_change(dcs_key(), "Next-2b", "Third-3c"),
            DcsOutcome::Changed
        );
        // The count starts again from five after the lock.
        assert_eq!(
            state.dcs_change(dcs_key(), "wrong", "X"),
            DcsOutcome::WrongPassword { retries_left: 4 }
        );
    }

    #[test]
    fn dcs_success_resets_the_count() {
        let (state, _clock) = TestClock::state();
        state.dcs_change(dcs_key(), "A", "B");
        for _ in 0..3 {
            state.dcs_change(dcs_key(), "wrong", "X");
        }
        assert_eq!(state.dcs_change(dcs_key(), "B", "C"), DcsOutcome::Changed);
        assert_eq!(
            state.dcs_change(dcs_key(), "wrong", "X"),
            DcsOutcome::WrongPassword { retries_left: 4 }
        );
        assert_eq!(
            state.current(&dcs_key()).as_deref().map(String::as_str),
            Some("C")
        );
    }

    fn tc_key() -> ResourceKey {
        ResourceKey::new(
            find("tencentcloud.tcaplusdb.modify-cluster-password").unwrap(),
            &["c"],
        )
    }

    #[test]
    fn tcaplus_old_password_window() {
        let (state, clock) = TestClock::state();
        let in_an_hour = state.now() + Duration::hours(1);
        let set = |old, new, old_expires| ClusterChange::SetPassword {
            old,
            new,
            old_expires,
        };
        assert_eq!(
            state.cluster_change(tc_key(), set("Old1", "New2", in_an_hour)),
            ClusterOutcome::Changed
        );
        // While Old1 still works, no new change.
        assert_eq!(
            state.cluster_change(tc_key(), set("New2", "Third3", in_an_hour)),
            ClusterOutcome::OldPasswordInUse { until: in_an_hour }
        );
        // The old password does not authenticate a change.
        assert_eq!(
            state.cluster_change(tc_key(), set("Old1", "Third3", in_an_hour)),
            ClusterOutcome::WrongPassword
        );
        // Mode 2 moves the expiry while the window is open.
        let soon = state.now() + Duration::minutes(10);
        assert_eq!(
            state.cluster_change(
                tc_key(),
                ClusterChange::MoveExpiry {
                    old: "New2",
                    old_expires: soon
                }
            ),
            ClusterOutcome::Changed
        );
        clock.advance(Duration::minutes(10));
        // Expired now: mode 2 is refused, mode 1 goes through.
        assert_eq!(
            state.cluster_change(
                tc_key(),
                ClusterChange::MoveExpiry {
                    old: "New2",
                    old_expires: in_an_hour
                }
            ),
            ClusterOutcome::OldPasswordHasExpired
        );
        assert_eq!(
            state.cluster_change(tc_key(), set("New2", "Third3", state.now())),
            ClusterOutcome::Changed
        );
    }

    #[test]
    fn tcaplus_mode_2_before_any_change_has_nothing_to_extend() {
        let (state, _clock) = TestClock::state();
        let later = state.now() + Duration::hours(1);
        assert_eq!(
            state.cluster_change(
                tc_key(),
                ClusterChange::MoveExpiry {
                    old: "Pw1",
                    old_expires: later
                }
            ),
            ClusterOutcome::OldPasswordHasExpired
        );
    }

    #[test]
    fn rate_limit_allows_twenty_in_any_second() {
        let (state, clock) = TestClock::state();
        for _ in 0..TCAPLUS_PER_SECOND {
            assert!(state.within_rate(TCAPLUS_PER_SECOND));
            clock.advance(Duration::milliseconds(10));
        }
        assert!(!state.within_rate(TCAPLUS_PER_SECOND));
        // 1 s after the first call, one slot frees up.
        clock.advance(Duration::milliseconds(800));
        assert!(state.within_rate(TCAPLUS_PER_SECOND));
        assert!(!state.within_rate(TCAPLUS_PER_SECOND));
        clock.advance(Duration::SECOND);
        assert!(state.within_rate(TCAPLUS_PER_SECOND));
    }

    #[test]
    fn nonces_are_single_use_while_remembered() {
        let (state, clock) = TestClock::state();
        let remember = Duration::minutes(30);
        assert!(state.fresh_nonce("n1", remember));
        assert!(!state.fresh_nonce("n1", remember));
        assert!(state.fresh_nonce("n2", remember));
        clock.advance(Duration::minutes(31));
        assert!(state.fresh_nonce("n1", remember));
    }

    #[test]
    fn plain_change_adopts_the_first_old_password() {
        let (state, _clock) = TestClock::state();
        let op = find("aliyun.dts.modify-consumer-group-password").unwrap();
        let key = ResourceKey::new(op, &["s", "g"]);
        assert_eq!(state.change(key.clone(), Some("A"), "B"), Ok(()));
        assert_eq!(
            state.change(key.clone(), Some("A"), "C"),
            Err(WrongPassword)
        );
        assert_eq!(state.change(key.clone(), Some("B"), "C"), Ok(()));
        // Without an old password the new one is simply recorded.
        assert_eq!(state.change(key.clone(), None, "D"), Ok(()));
        assert_eq!(
            state.current(&key).as_deref().map(String::as_str),
            Some("D")
        );
    }
}
