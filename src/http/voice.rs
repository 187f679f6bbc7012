//! Twilio voice webhooks: a new call, each step of it, and the final status.
//!
//! The call's state travels in the query string of every action URL (see
//! ARCHITECTURE.md), so these handlers keep nothing between requests and
//! any instance can serve any request of any call.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{SecondsFormat, Utc};

use super::apology::apology;
use super::form::Twilio;
use super::state::AppState;
use crate::deployment::{Deployment, School};
use crate::domain::{Digits, DomainError, LangTag, SchoolId};
use crate::flow::{CallState, Ctx, EngineError, Input, Outcome, Roster, StateError, Then, engine};
use crate::locale::call_args;
use crate::report::{Caller, new_report};
use crate::store::{Store, StoreError};
use crate::twiml::{self, Gather, Record, Verb};

#[derive(Debug, thiserror::Error)]
enum VoiceError {
    #[error("no school {0:?} is configured")]
    UnknownSchool(String),
    #[error("the school's flow {0:?} is not loaded")]
    NoFlow(String),
    #[error("the request has no usable CallSid")]
    NoCallSid,
    #[error("bad call state in the URL: {0}")]
    State(#[from] StateError),
    #[error("bad input: {0}")]
    Input(#[from] DomainError),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a store task did not finish: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error("no answer within {0:?}")]
    TooSlow(std::time::Duration),
}

/// Twilio waits 15 s for an answer, then plays its own error. Answer with
/// an apology well before that, whatever is stuck.
const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(8);

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

/// Twilio's status callback: the call's end goes into the call log.
pub async fn status(
    State(app): State<AppState>,
    Path(school): Path<String>,
    tw: Twilio,
) -> Response {
    let result = async {
        let id = SchoolId::parse(&school).map_err(|_| VoiceError::UnknownSchool(school.clone()))?;
        let store = app
            .0
            .stores
            .get(&id)
            .cloned()
            .ok_or_else(|| VoiceError::UnknownSchool(school.clone()))?;
        let sid = tw.call_sid().ok_or(VoiceError::NoCallSid)?.to_owned();
        let status: String = tw
            .param("CallStatus")
            .unwrap_or("")
            .chars()
            .take(20)
            .collect();
        let duration = tw.param("CallDuration").and_then(|d| d.parse::<i64>().ok());
        let from = tw.param("From").unwrap_or("").to_owned();
        let to = tw.param("To").unwrap_or("").to_owned();
        let now = now_rfc3339();
        blocking(move || store.call_ended(&sid, &status, duration, &now, &from, &to)).await
    }
    .await;
    if let Err(e) = result {
        tracing::error!(call_sid = tw.call_sid().unwrap_or("-"), %school, error = %e, "status callback not recorded");
    }
    xml(twiml::render(&[]))
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
            if let Some(store) = SchoolId::parse(&school)
                .ok()
                .and_then(|id| app.0.stores.get(&id).cloned())
            {
                let _ = blocking(move || store.call_failed(&sid)).await;
            }
            let lang = tw.query("l").and_then(|l| LangTag::parse(l).ok());
            xml(apology(Some(&dep), lang.as_ref()))
        }
    }
}

async fn turn(
    app: &AppState,
    dep: &Deployment,
    school_id: &str,
    tw: &Twilio,
    incoming: bool,
) -> Result<String, VoiceError> {
    let unknown = || VoiceError::UnknownSchool(school_id.to_owned());
    let id = SchoolId::parse(school_id).map_err(|_| unknown())?;
    let school = dep.schools.get(&id).ok_or_else(unknown)?;
    let store = app.0.stores.get(&id).cloned().ok_or_else(unknown)?;
    let flow = dep
        .flows
        .get(&school.flow)
        .ok_or_else(|| VoiceError::NoFlow(school.flow.clone()))?;
    let call_sid = tw.call_sid().ok_or(VoiceError::NoCallSid)?.to_owned();
    let now = Utc::now();
    let vars = school.call_vars(now);
    let ctx = Ctx {
        roster: school.roster.as_ref().map(|r| r as &dyn Roster),
        vars: &vars,
        default_lang: &dep.config.default_language,
    };

    let (mut outcome, lang_before) = if incoming {
        let (s, sid) = (store.clone(), call_sid.clone());
        let (from, to) = (
            tw.param("From").unwrap_or("").to_owned(),
            tw.param("To").unwrap_or("").to_owned(),
        );
        let at = now_rfc3339();
        blocking(move || s.call_started(&sid, &from, &to, &at, "twilio")).await?;
        (engine::start(flow, &ctx)?, None)
    } else {
        let state = CallState::from_pairs(tw.query.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        let lang = state.lang.clone();
        (
            engine::handle(flow, state, input_of(tw)?, &ctx)?,
            Some(lang),
        )
    };

    while let Outcome::Save { pending, state } = outcome {
        let caller = Caller {
            call_sid: &call_sid,
            number: tw.param("From"),
            channel: "twilio",
        };
        let report = new_report(&state, &caller, school, now);
        let s = store.clone();
        let saved = blocking(move || s.save_report(&report)).await?;
        if saved.new {
            tracing::info!(call_sid = %call_sid, school = %id, reference = saved.reference, "report saved");
        }
        outcome = engine::after_save(flow, state, pending, &saved.reference.to_string(), &ctx)?;
    }
    let Outcome::Prompt { say, then, state } = outcome else {
        unreachable!("the loop above leaves only prompts")
    };

    if lang_before.is_some_and(|l| l != state.lang) {
        remember_language(store, &call_sid, &state.lang).await;
    }
    Ok(render(dep, school, &say, &then, &state))
}

/// The call log's language column; a failure here must not end the call.
async fn remember_language(store: Arc<Store>, call_sid: &str, lang: &LangTag) {
    let (sid, l) = (call_sid.to_owned(), lang.to_string());
    if let Err(e) = blocking(move || store.call_language(&sid, &l)).await {
        tracing::warn!(call_sid, error = %e, "could not note the call's language");
    }
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

fn is_recording_url(u: &str) -> bool {
    u.len() <= 400
        && (u.starts_with("https://") || u.starts_with("http://"))
        && !u.contains(char::is_whitespace)
}

/// Turn the engine's prompts and what it waits for into TwiML.
fn render(
    dep: &Deployment,
    school: &School,
    say: &[crate::flow::engine::Say],
    then: &Then,
    state: &CallState,
) -> String {
    let mut prompts = Vec::with_capacity(say.len());
    for s in say {
        let lang = s.lang.as_ref().unwrap_or(&state.lang);
        let args = call_args(&state.answers, school.name_in(lang));
        let spoken = match &s.lang {
            Some(fixed) => dep.catalog.speak_exactly(fixed, &s.msg, &args),
            None => dep.catalog.speak(&state.lang, &s.msg, &args),
        };
        match spoken {
            Some(sp) => prompts.push(Verb::Say {
                text: sp.text,
                voice: sp.voice.voice.clone(),
                language: sp.voice.language.clone(),
            }),
            None => {
                tracing::debug!(message = %s.msg, lang = %lang, "no speakable text; prompt skipped")
            }
        }
    }
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
                url: format!("{action}&in=none"),
            },
        ],
        Then::Record {
            max_length_secs,
            finish_key,
        } => {
            prompts.push(Verb::Record(Record {
                action: format!("{action}&in=rec"),
                max_length_secs,
                finish_on_key: finish_key,
                silence_timeout_secs: 5,
            }));
            // An empty recording skips the action and falls through to here.
            prompts.push(Verb::Redirect {
                url: format!("{action}&in=none"),
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

/// `/voice/{school}/step?<state>`: relative, so Twilio resolves it against
/// the URL it called, whatever host or proxy is in front.
fn action_url(school: &SchoolId, state: &CallState) -> String {
    let query = form_urlencoded::Serializer::new(String::with_capacity(128))
        .extend_pairs(state.to_pairs())
        .finish();
    format!("/voice/{school}/step?{query}")
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, VoiceError> {
    Ok(tokio::task::spawn_blocking(f).await??)
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, twiml::CONTENT_TYPE)], body).into_response()
}

fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}
