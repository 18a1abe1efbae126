//! A sliding-window rate limiter: at most N calls in any one second, as the
//! provider counts them.
//!
//! TcaplusDB allows 20 requests per second; the catalogue says so and every
//! send for that operation waits its turn here instead of being throttled.
//!
//! The provider counts a call when it *arrives*, which is some unknown time
//! after it was sent: a call that must open a new connection (TCP, TLS)
//! arrives later than one that reuses a warm connection. Counting calls from
//! when they were sent would let a quick call of the next second arrive
//! within a second of a slow call of this one, and be throttled. So a call
//! holds its place from when it is sent until one second after it
//! *finished*: it certainly arrived before it finished, so by then the
//! provider's window has let go of it too.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

/// The provider's window.
const WINDOW: Duration = Duration::from_secs(1);

/// Shared by every sender of one operation. Cheap to clone.
#[derive(Debug, Clone)]
pub struct RateLimiter {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    per_second: usize,
    window: Mutex<Window>,
    /// Callers wait here one at a time, in the order they came.
    turn: tokio::sync::Mutex<()>,
    /// Told whenever a call finishes.
    finished: Notify,
}

#[derive(Debug, Default)]
struct Window {
    /// Calls sent and not yet finished.
    in_flight: usize,
    /// When recent calls finished, oldest first.
    finished: VecDeque<Instant>,
}

/// A call's place in the window, from [`RateLimiter::acquire`]. Keep it
/// until the call has finished (answered, failed or abandoned); dropping it
/// records the end.
#[derive(Debug)]
#[must_use = "a permit counts its call only while it is held"]
pub struct Permit {
    shared: Arc<Shared>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        {
            let mut window = self.shared.lock();
            window.in_flight = window.in_flight.saturating_sub(1);
            window.finished.push_back(Instant::now());
        }
        self.shared.finished.notify_waiters();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Window> {
        // The window is two numbers' worth of state; a panic elsewhere
        // cannot leave it in a state worse than a little off.
        self.window.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl RateLimiter {
    pub fn new(per_second: u32) -> Self {
        RateLimiter {
            shared: Arc::new(Shared {
                per_second: per_second.max(1) as usize,
                window: Mutex::new(Window::default()),
                turn: tokio::sync::Mutex::new(()),
                finished: Notify::new(),
            }),
        }
    }

    /// Waits until one more call fits in the window, and gives it a place
    /// there until the returned permit is dropped (and a second after).
    pub async fn acquire(&self) -> Permit {
        let shared = &self.shared;
        let _turn = shared.turn.lock().await;
        loop {
            // Listen before looking, so a call finishing in between is not
            // missed.
            let finished = shared.finished.notified();
            tokio::pin!(finished);
            finished.as_mut().enable();
            let wake_at = {
                let mut window = shared.lock();
                let now = Instant::now();
                while window
                    .finished
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= WINDOW)
                {
                    window.finished.pop_front();
                }
                if window.in_flight + window.finished.len() < shared.per_second {
                    window.in_flight += 1;
                    return Permit {
                        shared: shared.clone(),
                    };
                }
                window.finished.front().map(|t| *t + WINDOW)
            };
            match wake_at {
                Some(at) => {
                    tokio::select! {
                        _ = tokio::time::sleep_until(at) => {}
                        _ = &mut finished => {}
                    }
                }
                // Every place is held by a call still running.
                None => finished.await,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn at_most_n_calls_in_any_second() {
        let limiter = RateLimiter::new(20);
        let start = Instant::now();
        let mut times = Vec::new();
        for _ in 0..45 {
            // A call that takes no time.
            drop(limiter.acquire().await);
            times.push(start.elapsed());
        }
        // 20 at once, the next 20 a second later, the last 5 at two seconds.
        assert!(times[19] < Duration::from_millis(1));
        assert!(times[20] >= Duration::from_secs(1));
        assert!(times[39] < Duration::from_millis(1001));
        assert!(times[40] >= Duration::from_secs(2));
        for w in times.windows(21) {
            assert!(
                w[20] - w[0] >= Duration::from_secs(1),
                "21 calls within a second"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_call_holds_its_place_until_a_second_after_it_finished() {
        let limiter = RateLimiter::new(2);
        let start = Instant::now();
        // Sent at 0, finishes at 1.5 s.
        let slow = limiter.acquire().await;
        // Sent and finished at 0.
        drop(limiter.acquire().await);
        let later = {
            let limiter = limiter.clone();
            tokio::spawn(async move {
                let mut went = Vec::new();
                for _ in 0..2 {
                    drop(limiter.acquire().await);
                    went.push(start.elapsed());
                }
                went
            })
        };
        tokio::time::sleep(Duration::from_millis(1500)).await;
        drop(slow);
        let went = later.await.unwrap();
        // The quick call's place frees at 1 s. The slow call's does not
        // (it was still running), so the next waits for the place of the
        // call made at 1 s, free at 2 s.
        assert!(went[0] >= Duration::from_secs(1), "{went:?}");
        assert!(went[0] < Duration::from_millis(1100), "{went:?}");
        assert!(went[1] >= Duration::from_secs(2), "{went:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn when_every_place_is_in_flight_the_next_waits_for_one_to_finish() {
        let limiter = RateLimiter::new(1);
        let start = Instant::now();
        let running = limiter.acquire().await;
        let next = {
            let limiter = limiter.clone();
            tokio::spawn(async move {
                drop(limiter.acquire().await);
                start.elapsed()
            })
        };
        tokio::time::sleep(Duration::from_secs(5)).await;
        drop(running);
        // Finished at 5 s: the next may go at 6 s, not before.
        let went = next.await.unwrap();
        assert!(went >= Duration::from_secs(6), "{went:?}");
        assert!(went < Duration::from_millis(6100), "{went:?}");
    }
}
