//! The answer when something fails inside: an apology in the caller's
//! language and a polite end to the call, never Twilio's generic error.

use fluent_bundle::FluentArgs;

use super::twiml::{self, Verb};
use crate::deployment::Deployment;
use crate::domain::LangTag;

const MESSAGE: &str = "error-apology";
const BUSY: &str = "error-busy";

/// Spoken when even the catalogue cannot supply the apology.
const LAST_RESORT: [(&str, &str); 2] = [
    (
        "ja-JP",
        "申し訳ありません。システムに問題が発生しました。お手数ですが、学校へ直接ご連絡ください。",
    ),
    (
        "en-US",
        "We are sorry. The system has a problem. Please contact the school directly.",
    ),
];

pub fn apology(dep: Option<&Deployment>, lang: Option<&LangTag>, public_base: &str) -> String {
    end_with(dep.and_then(|d| spoken(d, lang, public_base, MESSAGE)))
}

/// The answer when the server is too busy to take a call (past
/// `[limits] in_flight`): "the line is busy, please call again in a few
/// minutes", not "call the school", which on a flu morning would send every
/// family to the school's own phone. The apology if the locales lack it.
pub fn busy(dep: &Deployment, lang: Option<&LangTag>, public_base: &str) -> String {
    end_with(
        spoken(dep, lang, public_base, BUSY).or_else(|| spoken(dep, lang, public_base, MESSAGE)),
    )
}

/// Message `id` along `lang`'s fallback chain: its recording, or its text
/// where the language has a voice.
fn spoken(dep: &Deployment, lang: Option<&LangTag>, public_base: &str, id: &str) -> Option<Verb> {
    let lang = lang.unwrap_or(&dep.config.default_language);
    dep.catalog.chain(lang).into_iter().find_map(|l| {
        if let Some(clip) = dep.recordings.get(l, id) {
            return Some(Verb::Play {
                url: format!(
                    "{public_base}/prompts/{l}/{}?v={}",
                    clip.file_name, clip.version
                ),
            });
        }
        let s = dep.catalog.speak_exactly(l, id, &FluentArgs::new())?;
        Some(Verb::Say {
            text: s.text,
            voice: s.voice.voice.clone(),
            language: s.voice.language.clone(),
        })
    })
}

/// `spoken`, or the last resort, then hang up.
fn end_with(spoken: Option<Verb>) -> String {
    let mut verbs: Vec<Verb> = match spoken {
        Some(v) => vec![v],
        None => LAST_RESORT
            .iter()
            .map(|(language, text)| Verb::Say {
                text: (*text).to_owned(),
                voice: None,
                language: Some((*language).to_owned()),
            })
            .collect(),
    };
    verbs.push(Verb::Hangup);
    twiml::render(&verbs)
}
