//! A sliding-window rate limiter: at most N calls in any one second.
//!
//! TcaplusDB allows 20 requests per second; the catalogue says so and every
//! send for that operation waits its turn here instead of being throttled.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Shared by every sender of one operation. Cheap to clone.
#[derive(Debug, Clone)]
pub struct RateLimiter {
    per_second: usize,
    recent: Arc<Mutex<VecDeque<Instant>>>,
}

impl RateLimiter {
    pub fn new(per_second: u32) -> Self {
        RateLimiter {
            per_second: per_second.max(1) as usize,
            recent: Arc::new(Mutex::new(VecDeque::new())),
        }
    }

    /// Waits until one more call fits in the window, and records it.
    pub async fn acquire(&self) {
        let window = Duration::from_secs(1);
        let mut recent = self.recent.lock().await;
        loop {
            let now = Instant::now();
            while recent
                .front()
                .is_some_and(|t| now.duration_since(*t) >= window)
            {
                recent.pop_front();
            }
            if recent.len() < self.per_second {
                recent.push_back(now);
                return;
            }
            if let Some(oldest) = recent.front().copied() {
                // Holding the lock while sleeping keeps callers in order.
                tokio::time::sleep_until(oldest + window).await;
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
            limiter.acquire().await;
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
}
