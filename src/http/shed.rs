//! Admission: what a request must show before it may hold anything real
//! calls need, and the cap on requests handled at once (`[limits]
//! in_flight`).
//!
//! A request is admitted in three steps, cheapest first:
//!
//! 1. **Its whole body, quickly.** The body (at most 64 KB) must arrive
//!    within [`BODY_WITHIN`]; nothing is held while it comes. A client that
//!    sends headers and then trickles (or withholds) its body gets 408 and
//!    never touched a permit: before, a thousand half-sent requests held
//!    every permit for the 10 s request timeout and made the line "busy"
//!    for every parent.
//! 2. **A voice webhook must be Twilio's.** Its signature is checked here
//!    (see `form::verify`), before any permit; the checked form travels on
//!    to the handler in the request's extensions, so it is parsed once.
//!    Only a signed request can claim to be "a call in progress".
//! 3. **A permit.** Past the cap a request is answered at once without
//!    touching the engine or the store, so an overload cannot queue up work
//!    until every caller waits beyond Twilio's 15 seconds. A caller hears
//!    "the line is busy, please call again in a few minutes" in their
//!    language; anyone else gets 503 with `Retry-After`. New calls (and
//!    staff pages) are turned away first: the last eighth of the permits is
//!    kept for calls already in progress (their steps and status callbacks),
//!    so a parent who got in is not told "call again" at the confirmation
//!    (and their voice message's recording callback is not lost).
//!    Recordings (`/prompts/`) take no permit: they are served from memory
//!    and cost nothing a permit guards.
//!
//! Voice webhooks admitted are timed here for the latency histogram.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Limited};
use tower::{Layer, Service};

use super::serve::Activity;
use super::state::AppState;
use crate::channel::twilio::apology::busy;
use crate::channel::twilio::form;
use crate::channel::twilio::twiml;
use crate::domain::LangTag;

/// How long a request's body may take to arrive once its headers have.
/// Twilio sends its form (a few kilobytes) with the headers; a browser's
/// login form is smaller still. Nothing is held meanwhile but the socket.
pub const BODY_WITHIN: Duration = Duration::from_secs(5);

/// The largest body anyone needs: Twilio's forms are a few kilobytes.
pub const MAX_BODY: usize = 64 * 1024;

/// How many of `in_flight` permits only calls in progress may take.
pub fn kept_for_calls(in_flight: usize) -> usize {
    in_flight / 8
}

/// What a request is, by its path, for admission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A recording Twilio fetches for a `<Play>`: no permit.
    Prompt,
    /// A Twilio webhook; `in_progress`: a step, status or recording
    /// callback of a call Twilio already has (once its signature is
    /// checked).
    Voice { in_progress: bool },
    /// New work of anyone else: staff pages, probes, admin.
    Other,
}

impl Kind {
    fn of(path: &str) -> Kind {
        if path.starts_with("/prompts/") {
            return Kind::Prompt;
        }
        match path.strip_prefix("/voice/") {
            Some(rest) => Kind::Voice {
                in_progress: rest.ends_with("/step")
                    || rest.ends_with("/status")
                    || rest.ends_with("/recording"),
            },
            None => Kind::Other,
        }
    }
}

/// The outermost layer: admits a request (holding a permit until its
/// answer is done) or refuses it at once.
#[derive(Clone)]
pub struct ShedLayer(pub AppState);

impl<S> Layer<S> for ShedLayer {
    type Service = Shed<S>;

    fn layer(&self, inner: S) -> Shed<S> {
        Shed {
            app: self.0.clone(),
            inner,
        }
    }
}

#[derive(Clone)]
pub struct Shed<S> {
    app: AppState,
    inner: S,
}

impl<S> Service<Request> for Shed<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        // The instance that was polled ready serves this request.
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(admit(self.app.clone(), inner, req))
    }
}

/// Every voice webhook's answer is timed, refused or not, for the latency
/// histogram; but not a body that never arrived.
async fn admit<S>(app: AppState, inner: S, req: Request) -> Result<Response, Infallible>
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    let kind = Kind::of(req.uri().path());
    if let Kind::Voice { .. } = kind {
        let started = Instant::now();
        let res = answer(&app, kind, inner, req).await;
        // A body that never came is not an answer time: timed, a flood of
        // half-sent requests would put the histogram at 5 s.
        if res.status() != StatusCode::REQUEST_TIMEOUT {
            app.0.metrics.observe(started.elapsed().as_secs_f64());
        }
        Ok(res)
    } else {
        Ok(answer(&app, kind, inner, req).await)
    }
}

async fn answer<S>(app: &AppState, kind: Kind, mut inner: S, req: Request) -> Response
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    let (mut parts, body) = req.into_parts();
    let body = match whole_body(body).await {
        Ok(b) => b,
        Err(refused) => {
            app.0.metrics.incomplete.fetch_add(1, Relaxed);
            return refused;
        }
    };
    // From here the connection is doing real work: not to be closed to
    // make room for others (see `serve`).
    let _busy = parts.extensions.get::<Arc<Activity>>().map(|a| a.busy());
    if let Kind::Voice { .. } = kind {
        match form::verify(app, &parts, &body) {
            Ok(tw) => {
                parts.extensions.insert(tw);
            }
            Err(rejected) => return rejected.into_response(),
        }
    }
    let req = Request::from_parts(parts, Body::from(body));
    let in_flight = &app.0.in_flight;
    let permit = match kind {
        Kind::Prompt => None,
        // New work leaves the last permits to calls in progress.
        Kind::Voice { in_progress: false } | Kind::Other
            if in_flight.available_permits() <= app.0.kept_for_calls =>
        {
            return shed(app, &req);
        }
        Kind::Voice { .. } | Kind::Other => match in_flight.clone().try_acquire_owned() {
            Ok(p) => Some(p),
            Err(_) => return shed(app, &req),
        },
    };
    // Infallible: the stack below answers every request.
    let res = match inner.call(req).await {
        Ok(res) => res,
        Err(never) => match never {},
    };
    drop(permit);
    res
}

/// The request's body, whole, within [`BODY_WITHIN`] and [`MAX_BODY`];
/// otherwise the answer that refuses it.
async fn whole_body(body: Body) -> Result<Bytes, Response> {
    let limited = Limited::new(body, MAX_BODY);
    match tokio::time::timeout(BODY_WITHIN, limited.collect()).await {
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            Err((StatusCode::PAYLOAD_TOO_LARGE, "request body too large\n").into_response())
        }
        Ok(Err(_)) => Err((StatusCode::BAD_REQUEST, "unreadable request body\n").into_response()),
        Err(_) => Err((
            StatusCode::REQUEST_TIMEOUT,
            [(header::CONNECTION, "close")],
            "the request body did not arrive in time\n",
        )
            .into_response()),
    }
}

/// Refused for want of a permit: counted, and answered at once.
fn shed(app: &AppState, req: &Request) -> Response {
    app.0.metrics.shed.fetch_add(1, Relaxed);
    refuse(app, req)
}

fn refuse(app: &AppState, req: &Request) -> Response {
    if !req.uri().path().starts_with("/voice/") {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "1")],
            "busy: try again in a moment\n",
        )
            .into_response();
    }
    // The caller's language is in the action URL's state (`l`).
    let lang = req.uri().query().and_then(|q| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "l")
            .and_then(|(_, v)| LangTag::parse(&v).ok())
    });
    let dep = app.deployment();
    (
        [(header::CONTENT_TYPE, twiml::CONTENT_TYPE)],
        busy(&dep, lang.as_ref(), &app.0.public_base),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn steps_and_status_callbacks_belong_to_calls_in_progress() {
        for path in [
            "/voice/daiichi/step",
            "/voice/daiichi/status",
            "/voice/daiichi/recording",
        ] {
            assert_eq!(Kind::of(path), Kind::Voice { in_progress: true }, "{path}");
        }
        assert_eq!(
            Kind::of("/voice/daiichi"),
            Kind::Voice { in_progress: false }
        );
        assert_eq!(Kind::of("/prompts/ne/greeting.wav"), Kind::Prompt);
        for path in ["/healthz", "/schools/daiichi/days/2026-11-25", "/login"] {
            assert_eq!(Kind::of(path), Kind::Other, "{path}");
        }
    }
}
