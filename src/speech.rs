//! From the engine's "say these messages" to what is actually heard: text
//! for text-to-speech or a recording, in the caller's language or along its
//! fallback chain. Channel-neutral: Twilio renders it as `<Say>`/`<Play>`,
//! the simulator prints it.

use crate::deployment::{Deployment, School};
use crate::domain::LangTag;
use crate::flow::CallState;
use crate::flow::engine::Say;
use crate::locale::call_args;

/// One thing the caller hears.
#[derive(Debug, Clone, PartialEq)]
pub enum Speech {
    Tts {
        text: String,
        /// Twilio's `<Say language>`.
        language: String,
        voice: Option<String>,
        lang: LangTag,
    },
    Recording {
        lang: LangTag,
        key: String,
        /// Where the server serves it: `/prompts/<lang>/<file>?v=<version>`.
        path: String,
        /// The text it stands for, for people reading a transcript.
        text: String,
    },
}

/// Render `say` for a call in `state`.
pub fn render(dep: &Deployment, school: &School, say: &[Say], state: &CallState) -> Vec<Speech> {
    let mut out = Vec::with_capacity(say.len());
    for s in say {
        let chain: Vec<&LangTag> = match &s.lang {
            Some(fixed) => vec![fixed],
            None => dep.catalog.chain(&state.lang),
        };
        // An item of a list (one child of several) speaks with its own answers.
        let item_state;
        let state = match &s.item {
            Some(item) => {
                item_state = CallState {
                    answers: item.answers(&state.answers),
                    ..state.clone()
                };
                &item_state
            }
            None => state,
        };
        let spoken = chain
            .into_iter()
            .find_map(|lang| speak_in(dep, school, lang, &s.msg, state));
        match spoken {
            Some(parts) => out.extend(parts),
            None => {
                tracing::debug!(message = %s.msg, lang = %state.lang, "nothing speakable; prompt skipped")
            }
        }
    }
    out
}

/// `msg` in exactly `lang`: recordings where they exist, text-to-speech for
/// the rest; `None` if the language lacks the message or a part of it has
/// neither a recording nor a voice.
fn speak_in(
    dep: &Deployment,
    school: &School,
    lang: &LangTag,
    msg: &str,
    state: &CallState,
) -> Option<Vec<Speech>> {
    // Most prompts are fixed text: no arguments to build for them.
    let args = if dep.catalog.has_placeables(lang, msg) {
        let mut args = call_args(&state.answers, school.name_in(lang));
        dep.catalog.add_lists(lang, &state.answers, &mut args);
        args
    } else {
        fluent_bundle::FluentArgs::new()
    };
    let segments = dep.catalog.segments(lang, msg, &args)?;
    let voice = dep.catalog.voice(lang)?;
    let mut parts: Vec<Speech> = Vec::with_capacity(segments.len());
    for seg in segments {
        let clip = seg.key.as_deref().and_then(|k| dep.recordings.get(lang, k));
        match (clip, &voice.language) {
            (Some(c), _) => parts.push(Speech::Recording {
                lang: lang.clone(),
                key: seg.key.clone().unwrap_or_default(),
                path: format!("/prompts/{lang}/{}?v={}", c.file_name, c.version),
                text: seg.text,
            }),
            (None, Some(language)) => {
                // Neighbouring text goes into one <Say>, as one sentence.
                if let Some(Speech::Tts { text, .. }) = parts.last_mut() {
                    text.push_str(&seg.text);
                } else if !seg.text.trim().is_empty() {
                    parts.push(Speech::Tts {
                        text: seg.text,
                        language: language.clone(),
                        voice: voice.voice.clone(),
                        lang: lang.clone(),
                    });
                }
            }
            (None, None) => return None,
        }
    }
    Some(parts)
}
