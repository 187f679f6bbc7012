//! The accept loop. `axum::serve` has no deadline for a request's headers
//! and no cap on connections, and a public webhook URL needs both: without
//! them anyone can hold every connection open by trickling bytes. So the
//! server drives hyper's HTTP/1.1 connections itself, with:
//!
//! - a deadline for each request's headers (`[limits] header_timeout_secs`);
//! - a cap on open connections (`[limits] connections`): past it the loop
//!   stops accepting, and new connections wait in the kernel's backlog;
//! - a bounded read buffer, so headers cannot grow without end;
//! - graceful shutdown: on SIGINT/SIGTERM stop accepting, let every request
//!   in flight finish (a report being saved is answered), then return.
//!
//! Twilio speaks HTTP/1.1 to webhooks; so do the staff pages behind any TLS
//! proxy. HTTP/2 is not served.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_service::Service;

use super::startup::App;
use crate::config::Limits;

/// Enough for Twilio's headers and a staff browser's cookies; hyper's
/// default (about 400 KB) would let each connection hold far more.
const MAX_BUF: usize = 32 * 1024;

/// How long shutdown waits for requests in flight: longer than any request
/// may take (the 10 s request timeout), shorter than a supervisor's patience.
const DRAIN_WITHIN: Duration = Duration::from_secs(15);

pub(super) async fn serve(
    listener: TcpListener,
    app: App,
    limits: &Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(limits.header_timeout_secs))
        .max_buf_size(MAX_BUF)
        .keep_alive(true);
    let open = Arc::new(Semaphore::new(limits.connections));
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = open.clone().acquire_owned() => p.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Small answers, sent at once: Nagle's delay would only add latency.
        let _ = stream.set_nodelay(true);
        // The peer's address goes where handlers (the login throttle) look.
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(remote));
            app.clone().call(req.map(Body::new))
        });
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A client that goes away or times out ends here; nothing to tell.
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("every request in flight answered; stopped"),
        () = tokio::time::sleep(DRAIN_WITHIN) => tracing::warn!("stopped with requests still in flight after {DRAIN_WITHIN:?}"),
    }
    Ok(())
}

/// Out of file descriptors or similar: wait a moment instead of spinning.
/// A connection reset before it was accepted is the peer's business.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::*;
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused
    ) {
        return;
    }
    tracing::error!(error = %e, "cannot accept a connection; waiting a second");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
