//! Load shedding: a cap on requests handled at once (`[limits] in_flight`).
//! Past it a request is answered at once without touching the engine or
//! the store, so an overload (or a flood of junk) cannot queue up work
//! until every caller waits beyond Twilio's 15 seconds. A caller hears
//! "the line is busy, please call again in a few minutes" in their
//! language and is never left in silence; anyone else
//! gets 503 with `Retry-After`. Voice webhooks admitted are timed here for
//! the latency histogram.
//!
//! New calls are turned away first: the last eighth of the permits is kept
//! for calls already in progress (their steps, the recordings they play,
//! their status callbacks), so that a parent who got in is not told "call
//! again" at the confirmation, after giving the whole report.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::Ordering::Relaxed;
use std::task::{Context, Poll, ready};
use std::time::Instant;

use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::OwnedSemaphorePermit;
use tower::{Layer, Service};

use super::apology::busy;
use super::state::AppState;
use crate::domain::LangTag;
use crate::twiml;

/// How many of `in_flight` permits only calls in progress may take.
pub fn kept_for_calls(in_flight: usize) -> usize {
    in_flight / 8
}

/// A request of a call Twilio already has in progress, as opposed to new
/// work (a new call, a staff page, a probe).
fn of_a_call_in_progress(path: &str) -> bool {
    path.starts_with("/prompts/")
        || path
            .strip_prefix("/voice/")
            .is_some_and(|rest| rest.ends_with("/step") || rest.ends_with("/status"))
}

/// The outermost layer: admits a request (holding a permit until its
/// answer is done) or refuses it at once. Written as a plain service, not
/// with `from_fn`, which boxes the rest of the stack anew for every request.
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
    S: Service<Request, Response = Response, Error = Infallible> + Clone,
{
    type Response = Response;
    type Error = Infallible;
    type Future = ShedFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let app = &self.app;
        let new_work = !of_a_call_in_progress(req.uri().path());
        let permit = if new_work && app.0.in_flight.available_permits() <= app.0.kept_for_calls {
            None
        } else {
            app.0.in_flight.clone().try_acquire_owned().ok()
        };
        let Some(permit) = permit else {
            app.0.metrics.shed.fetch_add(1, Relaxed);
            return ShedFuture::Refused {
                answer: Some(refuse(app, &req)),
            };
        };
        // Voice webhooks are timed here, rather than in a layer of their
        // own, for the latency histogram.
        let timed = req
            .uri()
            .path()
            .starts_with("/voice/")
            .then(|| (Instant::now(), app.clone()));
        // The instance that was polled ready serves this request.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        ShedFuture::Admitted {
            answer: inner.call(req),
            timed,
            _permit: permit,
        }
    }
}

pin_project_lite::pin_project! {
    #[project = Proj]
    pub enum ShedFuture<F> {
        Refused { answer: Option<Response> },
        Admitted {
            #[pin]
            answer: F,
            timed: Option<(Instant, AppState)>,
            // Given back when the answer is done (this future is dropped).
            _permit: OwnedSemaphorePermit,
        },
    }
}

impl<F: Future<Output = Result<Response, Infallible>>> Future for ShedFuture<F> {
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            Proj::Refused { answer } => {
                Poll::Ready(Ok(answer.take().expect("a refusal is answered once")))
            }
            Proj::Admitted { answer, timed, .. } => {
                let res = ready!(answer.poll(cx));
                if let Some((started, app)) = timed.take() {
                    app.0.metrics.observe(started.elapsed().as_secs_f64());
                }
                Poll::Ready(res)
            }
        }
    }
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
    use super::of_a_call_in_progress;

    #[test]
    fn steps_prompts_and_status_callbacks_belong_to_calls_in_progress() {
        for path in [
            "/voice/daiichi/step",
            "/voice/daiichi/status",
            "/prompts/ne/greeting.wav",
        ] {
            assert!(of_a_call_in_progress(path), "{path}");
        }
        for path in [
            "/voice/daiichi",
            "/healthz",
            "/schools/daiichi/days/2026-11-25",
            "/login",
        ] {
            assert!(!of_a_call_in_progress(path), "{path}");
        }
    }
}
