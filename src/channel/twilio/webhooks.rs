//! Twilio voice webhooks: a new call, each step of it, the final status,
//! and the status of each voice message once Twilio has its file.
//!
//! The call's state travels in the query string of every action URL (see
//! ARCHITECTURE.md), so these handlers keep nothing between requests and
//! any instance can serve any request of any call. A step is one
//! [`Line::turn`]; this file only translates Twilio's form into a
//! [`Turn`] and the [`Reply`](crate::call::Reply) into TwiML.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use chrono::{SecondsFormat, Utc};

use super::apology::apology;
use super::form::Twilio;
use super::twiml::{self, Gather, Record, Verb};
use crate::call::{CallError, Caller, Line, StorePort, Turn};
use crate::deployment::{Deployment, School};
use crate::domain::{CallerId, Channel, Digits, DomainError, LangTag, SchoolId};
use crate::flow::{CallState, Input, StateError, Then};
use crate::http::AppState;
use crate::speech::{self, Speech};
use crate::store::{CallEnd, RecordingNote, StoreError};

#[derive(Debug, thiserror::Error)]
enum VoiceError {
    #[error("no school {0:?} is configured")]
    UnknownSchool(String),
    #[error("the request has no usable CallSid")]
    NoCallSid,
    #[error("bad call state in the URL: {0}")]
    State(#[from] StateError),
    #[error("bad input: {0}")]
    Input(#[from] DomainError),
    #[error(transparent)]
    Call(#[from] CallError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no answer within {0:?}")]
    TooSlow(std::time::Duration),
    #[error("the request names no recording")]
    NoRecording,
    #[error("school {0}'s store cannot be used ({1}); see the error logged about it")]
    StoreUnusable(SchoolId, &'static str),
}

/// Twilio waits 15 s for an answer, then plays its own error. Answer with
/// an apology well before that, whatever is stuck.
const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(8);

/// The webhooks' routes. Any other method on them is a number set up
/// wrong in Twilio's console: [`misrouted`].
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/voice/{school}", post(incoming).fallback(misrouted))
        .route("/voice/{school}/step", post(step).fallback(misrouted))
        .route("/voice/{school}/status", post(status).fallback(misrouted))
        .route(
            "/voice/{school}/recording",
            post(recording).fallback(misrouted),
        )
}

pub async fn incoming(
    State(app): State<AppState>,
    Path(school): Path<String>,
    tw: Twilio,
) -> Response {
    respond(app, school, tw, true).await
}

pub async fn step(State(app): State<AppState>, Path(school): Path<String>, tw: Twilio) -> Response {
    respond(app, school, tw, false).await
}

/// A signed webhook on a URL or method no webhook has: the number's
/// settings in the Twilio console are wrong (a trailing slash, a typo, HTTP
/// GET). Left to the router this is an empty 404 or 405, and the parent
/// hears Twilio's generic English error; instead they hear the apology, and
/// the log tells the operator what to change.
pub async fn misrouted(State(app): State<AppState>, req: axum::extract::Request) -> Response {
    let method = req.method().clone();
    let uri = req.uri().clone();
    let tw = match <Twilio as axum::extract::FromRequest<AppState>>::from_request(req, &app).await {
        Ok(tw) => tw,
        Err(refused) => return refused.into_response(),
    };
    let path = uri.path();
    let hint = if method != axum::http::Method::POST {
        "set the number's webhook to HTTP POST"
    } else if path.ends_with('/') {
        "remove the trailing slash"
    } else {
        "use <public_url>/voice/<school-id> for \"A call comes in\" and <public_url>/voice/<school-id>/status for \"Call status changes\""
    };
    tracing::error!(
        call_sid = tw.call_sid().unwrap_or("-"),
        %method,
        path = crate::http::log_limit::short_path(path),
        "a Twilio webhook came to a URL or method the line does not serve; the caller hears the apology. Fix the number's voice settings in the Twilio console: {hint}"
    );
    app.0.metrics.apology();
    let dep = app.deployment();
    xml(apology(Some(&dep), None, &app.0.public_base))
}

/// Twilio's status callback: the call's end goes into the call log.
pub async fn status(
    State(app): State<AppState>,
    Path(school): Path<String>,
    tw: Twilio,
) -> Response {
    let result = async {
        let id = SchoolId::parse(&school).map_err(|_| VoiceError::UnknownSchool(school.clone()))?;
        let store = app
            .store(&id)
            .ok_or_else(|| VoiceError::UnknownSchool(school.clone()))?;
        let sid = tw.call_sid().ok_or(VoiceError::NoCallSid)?.to_owned();
        let status: String = tw
            .param("CallStatus")
            .unwrap_or("")
            .chars()
            .take(20)
            .collect();
        // Only a final status ends a call: were more events subscribed
        // (ringing, in-progress), the first would otherwise close the call
        // and, first winning, the real end would be ignored.
        if !is_final(&status) {
            return Ok(());
        }
        let duration = tw.param("CallDuration").and_then(|d| d.parse::<i64>().ok());
        let from = CallerId::parse(tw.address("From")).map_or_else(String::new, |c| c.to_string());
        let to = tw.address("To").to_owned();
        let now = now_rfc3339();
        // Twilio is answered at once; the outcome is counted after the
        // commit, once per call: a retried callback ends nothing.
        let outcome = store.end_call(CallEnd { call_sid: &sid, status: &status, duration_secs: duration, at: &now, from: &from, to: &to, channel: Channel::Twilio });
        let app = app.clone();
        tokio::spawn(async move {
            match outcome.await {
                Ok(Some(outcome)) => app.0.metrics.call_ended(&outcome),
                Ok(None) => tracing::debug!(call_sid = %sid, "status callback for a call already ended; nothing changed"),
                Err(e) => {
                    tracing::error!(call_sid = %sid, error = %e, "status callback not recorded")
                }
            }
        });
        Ok::<(), VoiceError>(())
    }
    .await;
    if let Err(e) = result {
        tracing::error!(call_sid = tw.call_sid().unwrap_or("-"), %school, error = %e, "status callback not recorded");
    }
    xml(twiml::render(&[]))
}

/// Twilio's recording status callback (`recordingStatusCallback` of every
/// `<Record>`): the file's final URL, its length, and whether it is there
/// at all (`absent`: too short or silent), on the call log beside the call
/// and the report that holds it. Twilio is answered at once.
pub async fn recording(
    State(app): State<AppState>,
    Path(school): Path<String>,
    tw: Twilio,
) -> Response {
    let result = (|| {
        let id = SchoolId::parse(&school).map_err(|_| VoiceError::UnknownSchool(school.clone()))?;
        let store = app
            .store(&id)
            .ok_or_else(|| VoiceError::UnknownSchool(school.clone()))?;
        let call_sid = tw.call_sid().ok_or(VoiceError::NoCallSid)?;
        let Some(mut note) = recording_note(&tw, call_sid) else {
            return Err(VoiceError::NoRecording);
        };
        note.status = tw.param("RecordingStatus").and_then(|s| short_code(s, 20));
        note.error_code = tw.param("ErrorCode").and_then(|s| short_code(s, 10));
        if note.status.as_deref() == Some("absent") {
            tracing::info!(call_sid, school = %id, error = note.error_code.as_deref().unwrap_or("-"), "a voice message was absent (too short or silent)");
        }
        store.queue_note_recording(note)?;
        Ok::<(), VoiceError>(())
    })();
    if let Err(e) = result {
        tracing::error!(call_sid = tw.call_sid().unwrap_or("-"), %school, error = %e, "recording status not recorded");
    }
    xml(twiml::render(&[]))
}

/// The recording a request is about: its id (`RecordingSid`, or the last
/// part of its URL), URL and length. `None` without a usable id.
fn recording_note(tw: &Twilio, call_sid: &str) -> Option<RecordingNote> {
    let url = tw
        .param("RecordingUrl")
        .filter(|u| is_recording_url(u))
        .map(str::to_owned);
    let sid = tw
        .param("RecordingSid")
        .or_else(|| url.as_deref().and_then(|u| u.rsplit('/').next()))
        .and_then(|s| short_code(s, 64))?;
    Some(RecordingNote {
        call_sid: call_sid.to_owned(),
        recording_sid: sid,
        url,
        duration_secs: tw
            .param("RecordingDuration")
            .and_then(|d| d.parse::<i64>().ok()),
        at: now_rfc3339(),
        ..Default::default()
    })
}

/// A short code from Twilio (a status, an error number, an id): letters,
/// digits and `-` only, at most `max` of them.
fn short_code(s: &str, max: usize) -> Option<String> {
    (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .then(|| s.to_owned())
}

async fn respond(app: AppState, school: String, tw: Twilio, incoming: bool) -> Response {
    let dep = app.deployment();
    let answer = tokio::time::timeout(ANSWER_WITHIN, turn(&app, &dep, &school, &tw, incoming))
        .await
        .unwrap_or(Err(VoiceError::TooSlow(ANSWER_WITHIN)));
    match answer {
        Ok(body) => xml(body),
        Err(e) => {
            let sid = tw.call_sid().unwrap_or("-").to_owned();
            tracing::error!(call_sid = %sid, %school, error = %e, "call failed inside; apologising to the caller");
            app.0.metrics.apology();
            if let Some(store) = SchoolId::parse(&school).ok().and_then(|id| app.store(&id)) {
                let _ = store.queue_mark_call_failed(&sid);
            }
            let lang = tw.query("l").and_then(|l| LangTag::parse(l).ok());
            xml(apology(Some(&dep), lang.as_ref(), &app.0.public_base))
        }
    }
}

async fn turn(
    app: &AppState,
    dep: &Arc<Deployment>,
    school_id: &str,
    tw: &Twilio,
    incoming: bool,
) -> Result<String, VoiceError> {
    let unknown = || VoiceError::UnknownSchool(school_id.to_owned());
    let id = SchoolId::parse(school_id).map_err(|_| unknown())?;
    let school = dep.schools.get(&id).ok_or_else(unknown)?;
    // A store that cannot take the report: the apology now, at the
    // greeting (or the next step), not after the whole call.
    let store = app.store(&id).ok_or_else(|| {
        let why = app.0.store_health.broken(&id).unwrap_or("it has no store");
        VoiceError::StoreUnusable(id.clone(), why)
    })?;
    if let Some(why) = store.fault() {
        return Err(VoiceError::StoreUnusable(id, why));
    }
    let line = Line::new(dep, school)?;
    let call_sid = tw.call_sid().ok_or(VoiceError::NoCallSid)?.to_owned();
    // A withheld number is no caller: its language is neither looked up
    // nor remembered, and the call log and report keep no number.
    let caller_id = CallerId::parse(tw.address("From"));
    let caller = Caller {
        call_sid: &call_sid,
        number: caller_id.as_ref(),
        channel: Channel::Twilio,
    };
    let count_report = || app.0.metrics.report_saved();
    let port = StorePort {
        store: &store,
        school,
        call_sid: &call_sid,
        caller: caller_id.as_ref(),
        on_new_report: Some(&count_report),
    };
    // The caller hung up while recording: Twilio still posts the recording,
    // but whatever is answered now is never heard, so what they said must be
    // kept in this request: in a report if the call had one ready, else on
    // the call log.
    let hung_up =
        !incoming && tw.query("in") == Some("rec") && tw.param("Digits") == Some("hangup");
    let turn = if incoming {
        // Queued for the writer's next group commit, not waited for.
        let from = caller_id.as_ref().map_or("", CallerId::as_str);
        store.queue_start_call(
            &call_sid,
            from,
            tw.address("To"),
            &now_rfc3339(),
            Channel::Twilio,
        )?;
        Turn::Begin
    } else {
        let state = CallState::from_pairs(tw.query.iter())?;
        let input = input_of(tw)?;
        if hung_up {
            Turn::LastWords { state, input }
        } else {
            Turn::Next { state, input }
        }
    };
    let reply = line.turn(&port, &caller, turn, Utc::now()).await?;
    if hung_up
        && reply.saved.is_none()
        && let Some(mut note) = recording_note(tw, &call_sid)
    {
        note.hung_up = true;
        store.note_recording(note).await?;
    }
    Ok(render(
        dep,
        &app.0.public_base,
        school,
        &reply.say,
        &reply.then,
        &reply.state,
    ))
}

fn input_of(tw: &Twilio) -> Result<Input, VoiceError> {
    Ok(match tw.query("in") {
        Some("none") => Input::NoInput,
        Some("rec") => match tw.param("RecordingUrl") {
            Some(u) if is_recording_url(u) => Input::Recording(u.to_owned()),
            _ => Input::NoInput,
        },
        _ => {
            let d = Digits::parse(tw.param("Digits").unwrap_or(""))?;
            if !d.is_empty() {
                Input::Digits(d.to_string())
            } else if tw.param("FinishedOnKey").is_some_and(|k| !k.is_empty()) {
                Input::FinishKeyOnly
            } else {
                Input::NoInput
            }
        }
    })
}

/// A Twilio recording: `https://` on `api.twilio.com` or another
/// `*.twilio.com` host (regional edges). Staff browsers play it, so nothing
/// else is taken, even from a signed request.
fn is_recording_url(u: &str) -> bool {
    let Some(rest) = u.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    u.len() <= 400
        && !u.contains(char::is_whitespace)
        && (host == "api.twilio.com" || host.ends_with(".twilio.com"))
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// The statuses a call ends with (Twilio's `CallStatus`).
fn is_final(status: &str) -> bool {
    matches!(
        status,
        "completed" | "busy" | "failed" | "no-answer" | "canceled"
    )
}

/// Turn the engine's prompts and what it waits for into TwiML.
fn render(
    dep: &Deployment,
    public_base: &str,
    school: &School,
    say: &[crate::flow::engine::Say],
    then: &Then,
    state: &CallState,
) -> String {
    let mut prompts: Vec<Verb> = speech::render(dep, school, say, state)
        .into_iter()
        .map(|s| verb_for(s, public_base))
        .collect();
    let action = action_url(&school.id, state);
    let verbs = match *then {
        Then::Keys {
            timeout_secs,
            finish_key,
            max_digits,
            finish_key_matters,
        } => vec![
            Verb::Gather(Gather {
                action: action.clone(),
                timeout_secs,
                finish_on_key: finish_key,
                num_digits: Some(max_digits),
                action_on_empty_result: finish_key_matters,
                prompts,
            }),
            Verb::Redirect {
                url: [action.as_str(), "&in=none"].concat(),
            },
        ],
        // Every key that applies: Twilio takes keys until the finish key or
        // `timeout` seconds without one (the same timeout waits for the
        // first key after the prompt), then posts them all. The finish key
        // alone posts nothing: silence, as at a menu. `numDigits` is the
        // most keys one entry holds ([`Digits::MAX_LEN`]): without it Twilio
        // takes any number, and a parent who pressed on past that would
        // hear the apology.
        Then::Choices {
            timeout_secs,
            finish_key,
        } => vec![
            Verb::Gather(Gather {
                action: action.clone(),
                timeout_secs,
                finish_on_key: Some(finish_key),
                num_digits: Some(Digits::MAX_LEN as u32),
                action_on_empty_result: false,
                prompts,
            }),
            Verb::Redirect {
                url: [action.as_str(), "&in=none"].concat(),
            },
        ],
        Then::Record {
            max_length_secs,
            finish_key,
        } => {
            prompts.push(Verb::Record(Record {
                action: [action.as_str(), "&in=rec"].concat(),
                max_length_secs,
                finish_on_key: finish_key,
                silence_timeout_secs: 5,
                // Absolute, like `<Play>`: it is requested outside the call's
                // flow of documents.
                status_callback: Some(
                    [public_base, "/voice/", school.id.as_str(), "/recording"].concat(),
                ),
            }));
            // An empty recording skips the action and falls through to here.
            prompts.push(Verb::Redirect {
                url: [action.as_str(), "&in=none"].concat(),
            });
            prompts
        }
        Then::Hangup => {
            prompts.push(Verb::Hangup);
            prompts
        }
    };
    twiml::render(&verbs)
}

/// `<Play>` needs a URL Twilio can fetch: ours, absolute.
pub(super) fn verb_for(s: Speech, public_base: &str) -> Verb {
    match s {
        Speech::Tts {
            parts,
            language,
            voice,
            ..
        } => Verb::Speak {
            parts,
            voice,
            language: Some(language),
        },
        Speech::Recording { path, .. } => Verb::Play {
            url: [public_base, path.as_str()].concat(),
        },
    }
}

/// `/voice/{school}/step?<state>`: relative, so Twilio resolves it against
/// the URL it called, whatever host or proxy is in front.
fn action_url(school: &SchoolId, state: &CallState) -> String {
    let mut url = String::with_capacity(160);
    url.push_str("/voice/");
    url.push_str(school.as_str());
    url.push_str("/step?");
    let start = url.len();
    let mut query = form_urlencoded::Serializer::for_suffix(url, start);
    state.each_pair(|k, v| {
        query.append_pair(k, v);
    });
    query.finish()
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, twiml::CONTENT_TYPE)], body).into_response()
}

fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::{is_final, is_recording_url};

    #[test]
    fn only_twilios_recordings_are_taken() {
        for ok in [
            "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
            "https://api.dublin.ie1.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
        ] {
            assert!(is_recording_url(ok), "{ok}");
        }
        for bad in [
            "http://api.twilio.com/x",
            "https://evil.example/x.wav",
            "https://api.twilio.com.evil.example/x",
            "https://twilio.com@evil.example/x",
            "javascript:alert(1)",
            "https://api.twilio.com/a b",
        ] {
            assert!(!is_recording_url(bad), "{bad}");
        }
    }

    #[test]
    fn only_a_final_status_ends_a_call() {
        for s in ["completed", "busy", "failed", "no-answer", "canceled"] {
            assert!(is_final(s), "{s}");
        }
        for s in ["ringing", "in-progress", "queued", "initiated", ""] {
            assert!(!is_final(s), "{s}");
        }
    }
}
