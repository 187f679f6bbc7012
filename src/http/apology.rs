//! The answer when something fails inside: an apology in the caller's
//! language and a polite end to the call, never Twilio's generic error.

use fluent_bundle::FluentArgs;

use crate::deployment::Deployment;
use crate::domain::LangTag;
use crate::twiml::{self, Verb};

const MESSAGE: &str = "error-apology";

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
    let spoken = dep.and_then(|d| {
        let lang = lang.unwrap_or(&d.config.default_language);
        d.catalog.chain(lang).into_iter().find_map(|l| {
            if let Some(clip) = d.recordings.get(l, MESSAGE) {
                return Some(Verb::Play {
                    url: format!(
                        "{public_base}/prompts/{l}/{}?v={}",
                        clip.file_name, clip.version
                    ),
                });
            }
            let s = d.catalog.speak_exactly(l, MESSAGE, &FluentArgs::new())?;
            Some(Verb::Say {
                text: s.text,
                voice: s.voice.voice.clone(),
                language: s.voice.language.clone(),
            })
        })
    });
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
