//! The connection a login runs over: TCP to the service, TLS when asked
//! (never falling back to plain), and reads that stop at a cap.

use std::io;
use std::path::Path;
use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};

use crate::files::{Links, read_regular};
use crate::vault::{Garbled, NotAvailable, Proof, TlsProblem, Unreached};

/// No login reads more than this from a service: a handshake, an error
/// and the one row of `SELECT 1` take a few hundred bytes.
pub(crate) const MAX_READ: usize = 256 * 1024;

/// The largest CA file read.
const MAX_CA_FILE: u64 = 1024 * 1024;

/// A byte stream, plain or TLS.
pub(crate) trait Wire: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Wire for T {}

/// A connection with a cap on what is read from it.
pub(crate) struct Conn {
    stream: Box<dyn Wire>,
    read: usize,
}

impl Conn {
    pub(crate) fn new(stream: Box<dyn Wire>) -> Conn {
        Conn { stream, read: 0 }
    }

    pub(crate) fn into_inner(self) -> Box<dyn Wire> {
        self.stream
    }

    pub(crate) async fn write(&mut self, bytes: &[u8]) -> Result<(), Proof> {
        self.stream.write_all(bytes).await.map_err(broken)?;
        self.stream.flush().await.map_err(broken)
    }

    /// Exactly `n` bytes; a closed connection is [`Unreached::Closed`].
    pub(crate) async fn exact(&mut self, n: usize) -> Result<Vec<u8>, Proof> {
        self.count(n)?;
        let mut buf = vec![0; n];
        self.stream.read_exact(&mut buf).await.map_err(broken)?;
        Ok(buf)
    }

    /// One byte, `None` when the connection closed before it.
    pub(crate) async fn first_byte(&mut self) -> Result<Option<u8>, Proof> {
        self.count(1)?;
        let mut buf = [0u8; 1];
        match self.stream.read(&mut buf).await {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(buf[0])),
            Err(e) => Err(broken(e)),
        }
    }

    /// A line ending in CRLF, without it.
    pub(crate) async fn line(&mut self) -> Result<Vec<u8>, Proof> {
        let mut line = Vec::new();
        loop {
            let byte = self.exact(1).await?[0];
            if byte == b'\n' && line.last() == Some(&b'\r') {
                line.pop();
                return Ok(line);
            }
            line.push(byte);
        }
    }

    fn count(&mut self, n: usize) -> Result<(), Proof> {
        self.read = self.read.saturating_add(n);
        if self.read > MAX_READ {
            return Err(Proof::Unreadable {
                why: Garbled::TooLong { bytes: MAX_READ },
            });
        }
        Ok(())
    }
}

/// A connection that broke while reading or writing.
fn broken(e: io::Error) -> Proof {
    match e.kind() {
        io::ErrorKind::UnexpectedEof
        | io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe => Proof::CouldNotReach {
            why: Unreached::Closed,
        },
        _ => Proof::CouldNotReach {
            why: Unreached::Connect {
                detail: e.to_string(),
            },
        },
    }
}

/// A TCP connection to `host:port` (each address the name resolves to,
/// until one accepts: a connection is not a login).
pub(crate) async fn connect(host: &str, port: u16) -> Result<TcpStream, Proof> {
    let addrs: Vec<_> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| Proof::CouldNotReach {
            why: Unreached::Resolve {
                detail: e.to_string(),
            },
        })?
        .collect();
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(stream) => {
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    let why = match last {
        Some(e) if e.kind() == io::ErrorKind::ConnectionRefused => Unreached::Refused {
            detail: e.to_string(),
        },
        Some(e) => Unreached::Connect {
            detail: e.to_string(),
        },
        None => Unreached::Resolve {
            detail: String::new(),
        },
    };
    Err(Proof::CouldNotReach { why })
}

/// The TLS settings of a login: the CA file's certificates, or the
/// system's.
pub(crate) fn tls_config(ca: Option<&Path>) -> Result<Arc<ClientConfig>, Proof> {
    let provider = crate::transport::tls::provider();
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| handshake(e.to_string()))?;
    let config = match ca {
        Some(path) => {
            let ca_error = |detail: String| Proof::NotAvailable {
                why: NotAvailable::CaFile { detail },
            };
            let bytes = read_regular(path, MAX_CA_FILE, Links::Follow)
                .map_err(|e| ca_error(format!("{}: {e}", path.display())))?;
            let mut roots = RootCertStore::empty();
            for cert in CertificateDer::pem_slice_iter(&bytes) {
                let cert = cert.map_err(|e| ca_error(format!("{}: {e}", path.display())))?;
                roots
                    .add(cert)
                    .map_err(|e| ca_error(format!("{}: {e}", path.display())))?;
            }
            if roots.is_empty() {
                return Err(ca_error(path.display().to_string()));
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
        None => {
            use rustls_platform_verifier::BuilderVerifierExt;
            builder
                .with_platform_verifier()
                .map_err(|e| handshake(e.to_string()))?
                .with_no_client_auth()
        }
    };
    Ok(Arc::new(config))
}

/// TLS for a login: its settings, and when its handshake must have been
/// answered (a little before the login's own deadline, so that a silent
/// service is said to be silent to TLS).
#[derive(Clone)]
pub(crate) struct Tls {
    pub config: Arc<ClientConfig>,
    pub deadline: tokio::time::Instant,
}

/// Runs the TLS handshake over `stream`; a failure is never retried in
/// plain.
pub(crate) async fn upgrade<S>(stream: S, host: &str, tls: Tls) -> Result<Box<dyn Wire>, Proof>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let name = ServerName::try_from(host.to_owned()).map_err(|e| handshake(e.to_string()))?;
    let shake = TlsConnector::from(tls.config).connect(name, stream);
    let Ok(shaken) = tokio::time::timeout_at(tls.deadline, shake).await else {
        return Err(Proof::CouldNotReach {
            why: Unreached::NoTlsAnswer,
        });
    };
    let tls = shaken.map_err(|e| {
        let certificate = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            .is_some_and(|r| {
                matches!(
                    r,
                    rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented
                )
            });
        let detail = e.to_string();
        Proof::TlsMismatch {
            why: if certificate {
                TlsProblem::Certificate { detail }
            } else {
                TlsProblem::Handshake { detail }
            },
        }
    })?;
    Ok(Box::new(tls))
}

fn handshake(detail: String) -> Proof {
    Proof::TlsMismatch {
        why: TlsProblem::Handshake { detail },
    }
}

/// An answer that is not the protocol spoken.
pub(crate) fn garbled() -> Proof {
    Proof::Unreadable {
        why: Garbled::NotTheProtocol,
    }
}

/// Whether a first byte read from a service that should speak plain looks
/// like a TLS record (a handshake or an alert): the service wants TLS.
pub(crate) fn looks_like_tls(byte: u8) -> bool {
    matches!(byte, 0x15 | 0x16)
}
