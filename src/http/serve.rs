//! The accept loop. `axum::serve` has no deadline for a request's headers
//! and no cap on connections, and a public webhook URL needs both: without
//! them anyone can hold every connection open by trickling bytes. So the
//! server drives hyper's HTTP/1.1 connections itself, with:
//!
//! - a deadline for each request's headers (`[limits] header_timeout_secs`);
//! - a cap on open connections (`[limits] connections`): past it the loop
//!   stops accepting, and new connections wait in the kernel's backlog;
//! - a bounded read buffer, so headers cannot grow without end;
//! - a deadline for sending an answer nobody reads (`[limits]
//!   send_timeout_secs`, see [`super::deadline`]);
//! - the process's open-file limit raised to fit the connections, or the
//!   cap lowered to fit the limit;
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

use super::deadline::SendDeadline;
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
    let open = Arc::new(Semaphore::new(connection_cap(limits.connections)));
    let send_within = Duration::from_secs(limits.send_timeout_secs);
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
        let stream = SendDeadline::new(stream, send_within);
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

/// Files the server needs besides its connections: stores, the watcher,
/// recordings being served, logs.
const OTHER_FILES: u64 = 256;

/// The connection cap that fits the open-file limit: the soft limit is
/// raised (up to the hard one) if `wanted` needs it; if even that is too
/// low, fewer connections are held (and a warning says so) rather than
/// failing to open a store or accept with "too many open files".
fn connection_cap(wanted: usize) -> usize {
    #[cfg(unix)]
    {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit/setrlimit only read and write the struct given.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
            return wanted;
        }
        let (soft, cap) = fit(wanted, lim.rlim_cur, lim.rlim_max);
        if soft > lim.rlim_cur {
            let raised = libc::rlimit {
                rlim_cur: soft,
                rlim_max: lim.rlim_max,
            };
            // SAFETY: as above.
            if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } != 0 {
                return fit(wanted, lim.rlim_cur, lim.rlim_cur).1;
            }
        }
        if cap < wanted {
            tracing::warn!(
                wanted,
                holding = cap,
                open_file_limit = soft,
                "[limits] connections is more than the open-file limit allows; holding fewer (raise `ulimit -n`)"
            );
        }
        cap
    }
    #[cfg(not(unix))]
    wanted
}

/// For `wanted` connections under open-file limits `soft` and `hard`: the
/// soft limit to set, and the connections that fit under it.
fn fit(wanted: usize, soft: u64, hard: u64) -> (u64, usize) {
    let needed = wanted as u64 + OTHER_FILES;
    let soft = soft.max(needed.min(hard));
    let cap = (wanted as u64).min(soft.saturating_sub(OTHER_FILES)).max(1);
    (soft, cap as usize)
}

#[cfg(test)]
mod tests {
    use super::{OTHER_FILES, fit};

    #[test]
    fn the_open_file_limit_is_raised_for_the_connections_or_they_are_fewer() {
        assert_eq!(fit(4096, 1024, 1_048_576), (4096 + OTHER_FILES, 4096));
        assert_eq!(fit(4096, 1024, 2048), (2048, 2048 - OTHER_FILES as usize));
        assert_eq!(fit(100, 20_000, 20_000), (20_000, 100), "never lowered");
        assert_eq!(fit(4096, 100, 100), (100, 1), "at least one");
    }
}
