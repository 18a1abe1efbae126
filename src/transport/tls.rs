//! The one TLS crypto provider every connection Keyturn makes uses: rustls
//! with *ring* (the HTTPS clients of the clouds and the team store, and a
//! password's login to its service). *ring* rather than aws-lc-rs: the same
//! TLS 1.2 and 1.3 suites Keyturn needs, in a fifth of the code and a build
//! without aws-lc's C library (issue 28's binary and first build).

use std::sync::Arc;

use tokio_rustls::rustls::crypto::{CryptoProvider, ring};

/// The provider, for a rustls configuration built by hand.
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// Makes the provider the process's default, which the HTTP clients read
/// when they are built. Called before building one; later calls, and a
/// default someone else installed first, change nothing.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Err only when a default is already installed: it stays.
        let _ = ring::default_provider().install_default();
    });
}
