//! The wall clock, injected so that tests can pin it. Signing times,
//! journal records and every countdown read it; nothing in the core reads
//! the system clock on its own.

use std::sync::Arc;

use time::OffsetDateTime;

pub type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(OffsetDateTime::now_utc)
}
