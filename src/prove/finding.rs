//! What testing an unknown change's passwords says about it: the pending
//! password works (the change happened: keep it), the pending one is
//! refused and the current one works (it did not: discard), or neither
//! was proven, and nothing is to be changed. The admin confirms either
//! proposal; this only reads the two logins' facts.

use crate::vault::Proof;

/// What to propose for an open change after testing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// The pending password opens the service: keep it as current.
    PendingWorks,
    /// The service refused the pending password and let the current one
    /// in: discard the pending one.
    CurrentWorks,
    /// Neither was proven (unreachable, refused both, not testable):
    /// change nothing.
    Neither,
}

/// Whether the current password needs testing after the pending one's
/// result: only when the service answered that pending is wrong.
pub fn test_current_after(pending: &Proof) -> bool {
    matches!(pending, Proof::WrongPassword { .. })
}

/// The proposal from the pending password's login and, if it was made,
/// the current one's.
pub fn finding(pending: &Proof, current: Option<&Proof>) -> Finding {
    match (pending, current) {
        (Proof::Opened, _) => Finding::PendingWorks,
        (Proof::WrongPassword { .. }, Some(Proof::Opened)) => Finding::CurrentWorks,
        _ => Finding::Neither,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::Unreached;

    #[test]
    fn only_a_refused_pending_and_an_opened_current_propose_discarding() {
        let wrong = Proof::WrongPassword { said: "no".into() };
        let away = Proof::CouldNotReach {
            why: Unreached::Closed,
        };
        assert_eq!(finding(&Proof::Opened, None), Finding::PendingWorks);
        assert_eq!(finding(&wrong, Some(&Proof::Opened)), Finding::CurrentWorks);
        assert_eq!(finding(&wrong, Some(&wrong)), Finding::Neither);
        // Unreachable says nothing about either password.
        assert_eq!(finding(&away, Some(&Proof::Opened)), Finding::Neither);
        assert!(!test_current_after(&away));
        assert!(test_current_after(&wrong));
    }
}
