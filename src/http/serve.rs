//! The accept loop. `axum::serve` has no deadline for a request's headers
//! and no cap on connections, and a public webhook URL needs both: without
//! them anyone can hold every connection open by trickling bytes. So the
//! server drives hyper's HTTP/1.1 connections itself, with:
//!
//! - a deadline for each request's headers (`[limits] header_timeout_secs`);
//! - a cap on open connections (`[limits] connections`): at the cap, the
//!   connections that have sent nothing for [`EVICT_AFTER`] (silent since
//!   they opened, stuck before their body, or idle between requests) are
//!   closed to make room, so a caller's webhook does not wait in the
//!   kernel's backlog behind thousands of silent sockets until their header
//!   deadline. If that frees nothing (clients cycling cheap requests on
//!   every connection), the next look closes every connection open for
//!   [`EVICT_AFTER`] that is between requests, however recently it was
//!   used; a connection whose request is being answered is never closed;
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
use std::sync::atomic::Ordering::Relaxed;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64};
use std::sync::{LazyLock, atomic};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};
use tower_service::Service;

use super::deadline::SendDeadline;
use super::startup::App;
use super::state::AppState;
use crate::config::Limits;

/// Enough for Twilio's headers and a staff browser's cookies; hyper's
/// default (about 400 KB) would let each connection hold far more.
const MAX_BUF: usize = 32 * 1024;

/// How long shutdown waits for requests in flight: longer than any request
/// may take (the 10 s request timeout), shorter than a supervisor's patience.
const DRAIN_WITHIN: Duration = Duration::from_secs(15);

/// At the connection cap, a connection that has had nothing to do for this
/// long is closed to make room. Twilio sends a request with its connection
/// and its body with its headers, so a real webhook is never this quiet
/// before it is answered.
pub const EVICT_AFTER: Duration = Duration::from_secs(1);

/// How often the loop, while at the cap, looks again for connections to
/// close (those that were too young the last time).
const RECHECK_AT_CAP: Duration = Duration::from_millis(200);

/// What one connection is doing, for the accept loop's choice of which to
/// close at the cap. Shared with the request's handlers through the
/// request's extensions: `shed` marks a request busy once its body is in.
#[derive(Debug)]
pub struct Activity {
    /// Requests of this connection being answered (HTTP/1: 0 or 1).
    busy: AtomicU32,
    /// When it last started or finished something, in ms since [`EPOCH`].
    since: AtomicU64,
    /// When it was accepted, in ms since [`EPOCH`].
    opened: u64,
}

static EPOCH: LazyLock<Instant> = LazyLock::new(Instant::now);

/// Milliseconds on a monotonic clock that starts with the process.
pub(super) fn now_ms() -> u64 {
    EPOCH.elapsed().as_millis() as u64
}

impl Activity {
    fn new() -> Arc<Activity> {
        let now = now_ms();
        Arc::new(Activity {
            busy: AtomicU32::new(0),
            since: AtomicU64::new(now),
            opened: now,
        })
    }

    /// A request's headers have arrived: its body has [`EVICT_AFTER`] (at
    /// the cap) to follow.
    fn started(&self) {
        self.since.store(now_ms(), Relaxed);
    }

    /// The request is complete and being answered until the guard drops.
    pub fn busy(self: &Arc<Self>) -> Busy {
        self.busy.fetch_add(1, atomic::Ordering::AcqRel);
        Busy(self.clone())
    }

    /// Nothing being answered, and quiet for [`EVICT_AFTER`]; or, when
    /// `still_full` (that freed nothing), open for that long.
    fn evictable(&self, still_full: bool) -> bool {
        let from = if still_full {
            self.opened
        } else {
            self.since.load(Relaxed)
        };
        self.busy.load(atomic::Ordering::Acquire) == 0
            && now_ms().saturating_sub(from) >= EVICT_AFTER.as_millis() as u64
    }
}

/// Marks a connection busy while it lives.
pub struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.since.store(now_ms(), Relaxed);
        self.0.busy.fetch_sub(1, atomic::Ordering::AcqRel);
    }
}

pub(super) async fn serve(
    listener: TcpListener,
    app: App,
    state: AppState,
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
    // Rung at the cap: each quiet connection then closes itself.
    let make_room = Arc::new(Notify::new());
    // The last look at the cap freed nothing: the next one closes old
    // connections between requests, not only quiet ones.
    let still_full = Arc::new(AtomicBool::new(false));
    tokio::pin!(shutdown);
    loop {
        let permit = match open.clone().try_acquire_owned() {
            Ok(p) => {
                still_full.store(false, Relaxed);
                p
            }
            Err(_) => {
                make_room.notify_waiters();
                tokio::select! {
                    p = open.clone().acquire_owned() => p.expect("the semaphore is never closed"),
                    () = tokio::time::sleep(RECHECK_AT_CAP) => {
                        still_full.store(true, Relaxed);
                        continue;
                    }
                    () = &mut shutdown => break,
                }
            }
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
        let activity = Activity::new();
        let seen = activity.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            seen.started();
            req.extensions_mut().insert(ConnectInfo(remote));
            req.extensions_mut().insert(seen.clone());
            app.clone().call(req.map(Body::new))
        });
        let stream = SendDeadline::new(stream, send_within);
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        let make_room = make_room.clone();
        let still_full = still_full.clone();
        let state = state.clone();
        tokio::spawn(async move {
            tokio::pin!(conn);
            loop {
                tokio::select! {
                    // A client that goes away or times out ends here;
                    // nothing to tell.
                    _ = &mut conn => break,
                    () = make_room.notified() => if activity.evictable(still_full.load(Relaxed)) {
                        state.0.metrics.connection_evicted();
                        break;
                    },
                }
            }
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
