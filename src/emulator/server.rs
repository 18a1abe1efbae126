//! The HTTP plumbing: accept connections, read each request whole, hand it
//! to [`route`](super::route), log the outcome, and write the answer, or
//! drop the connection without one.
//!
//! Plain hyper rather than a web framework: dropping a connection with no
//! answer (`fault-reset`) is a hyper service returning `Err`, which hyper
//! turns into closing the connection without writing a byte.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinSet;
use zeroize::Zeroizing;

use super::reply::{Answer, Reply};
use super::{Context, received::Received, route};

/// Larger request bodies are refused: every real request is a few hundred
/// bytes.
const MAX_REQUEST_BODY: usize = 1024 * 1024;

/// The service's error: the connection is to be dropped without an answer.
#[derive(Debug, thiserror::Error)]
#[error("connection dropped without an answer on purpose (fault-reset)")]
struct Hangup;

/// Accepts connections until `stop` fires (or its sender is dropped), then
/// ends the open ones.
pub(crate) async fn serve(
    listener: TcpListener,
    ctx: Arc<Context>,
    mut stop: oneshot::Receiver<()>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    connections.spawn(connection(stream, ctx.clone()));
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait a little
                    // rather than spin.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
    tracing::info!("emulator stopped");
}

async fn connection(stream: TcpStream, ctx: Arc<Context>) {
    let service = service_fn(move |req| {
        let ctx = ctx.clone();
        async move { answer(&ctx, req).await }
    });
    if let Err(e) = http1::Builder::new()
        .serve_connection(TokioIo::new(stream), service)
        .await
    {
        tracing::debug!(error = %e, "connection ended");
    }
}

async fn answer(ctx: &Context, req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Hangup> {
    let (parts, body) = req.into_parts();
    let bytes = match Limited::new(body, MAX_REQUEST_BODY).collect().await {
        Ok(collected) => Zeroizing::new(collected.to_bytes().to_vec()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return Ok(emulator_error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the request body is larger than 1 MiB",
            ));
        }
        // The client went away while sending: nobody to answer.
        Err(_) => return Err(Hangup),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(emulator_error(
            StatusCode::BAD_REQUEST,
            "the request body is not UTF-8 text",
        ));
    };
    let received = Received::new(
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query(),
        &parts.headers,
        Zeroizing::new(text.to_owned()),
    );
    let handled = route::handle(ctx, &received);
    tracing::info!(
        provider = handled.provider,
        action = %handled.action,
        resource = handled.resource.as_deref().unwrap_or("-"),
        outcome = %handled.label,
        "request"
    );
    // A change is applied to the real service behind, if any, before the
    // client hears anything (or hears nothing: fault-reset).
    for applied in ctx.state.take_applied() {
        if let Some(backing) = &ctx.backing {
            match backing.apply(&applied).await {
                Ok(true) => tracing::info!(operation = applied.op, "applied to the real service"),
                Ok(false) => {}
                Err(e) => tracing::warn!(
                    operation = applied.op,
                    error = %e,
                    "could not apply the change to the real service"
                ),
            }
        }
    }
    if let Some(delay) = handled.delay {
        tokio::time::sleep(delay).await;
    }
    match handled.reply {
        Reply::Answer(answer) => Ok(response(answer)),
        Reply::Hangup => Err(Hangup),
    }
}

fn response(answer: Answer) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() =
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(answer.content_type));
    for (name, value) in answer.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.insert(name, value);
        }
    }
    response
}

/// An answer from the emulator itself, not from a provider it emulates.
fn emulator_error(status: StatusCode, message: &str) -> Response<Full<Bytes>> {
    let body = serde_json::json!({"Code": "EmulatorError", "Message": format!("keyturn emulator: {message}")});
    let mut response = Response::new(Full::new(Bytes::from(body.to_string())));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=utf-8"),
    );
    response
}
