//! From the engine's "say these messages" to what is actually heard: text
//! for text-to-speech or a recording, in the caller's language or along its
//! fallback chain. Channel-neutral: Twilio renders it as `<Say>`/`<Play>`,
//! the simulator prints it.
//!
//! A message is heard in a language only if every part of it can be said
//! there: fixed text and chosen variants by their recording or the voice;
//! values (numbers, digits, the school's name) by the voice or, in a
//! language without one, by recorded fragments (`digit-3`, `number-38`,
//! `school-<id>`; see `locale::fragments`). Otherwise the next language of
//! the chain says the whole message.

use crate::deployment::{Deployment, School};
use crate::domain::LangTag;
use crate::flow::CallState;
use crate::flow::engine::Say;
use crate::locale::{
    Given, SCHOOL, SCHOOL_ID, Segment, call_args, localize_decimals, readings, speakable_text,
};

/// One thing the caller hears.
#[derive(Debug, Clone, PartialEq)]
pub enum Speech {
    Tts {
        /// The plain text, for transcripts.
        text: String,
        /// The same text as the voice should read it (digits, pauses,
        /// readings).
        parts: Vec<Part>,
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

/// Text for a voice, with the few hints this line gives it (SSML where the
/// channel speaks it): every `String` here is plain text, never markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// Read one digit at a time (a student number, not "ten thousand…").
    Digits(String),
    /// A short pause between two prompts (menu options, sentences).
    Break {
        millis: u32,
    },
    /// `text`, read as `alias` (組 read くみ).
    Sub {
        text: String,
        alias: String,
    },
}

/// The pause between two messages said in one breath by the same voice.
pub const BETWEEN_MESSAGES_MS: u32 = 300;

/// A recording or a part no voice can say: what to record (`key`) and
/// what it says.
pub type Missing = (String, String);

/// Render `say` for a call in `state`.
pub fn render(dep: &Deployment, school: &School, say: &[Say], state: &CallState) -> Vec<Speech> {
    let mut out: Vec<Speech> = Vec::with_capacity(say.len());
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
            .find_map(|lang| assemble(dep, school, lang, &s.msg, state).ok());
        match spoken {
            Some(parts) => {
                let mut parts = parts.into_iter();
                if let Some(first) = parts.next() {
                    join_after_pause(&mut out, first);
                }
                out.extend(parts);
            }
            None => {
                tracing::debug!(message = %s.msg, lang = %state.lang, "nothing speakable; prompt skipped")
            }
        }
    }
    out
}

/// What `lang` lacks to say `msg` itself (recordings of fixed text,
/// variants and fragments): empty if it can. `None` if `lang` lacks the
/// message itself.
pub fn missing_in(
    dep: &Deployment,
    school: &School,
    lang: &LangTag,
    msg: &str,
    state: &CallState,
) -> Option<Vec<Missing>> {
    match assemble(dep, school, lang, msg, state) {
        Ok(_) => Some(Vec::new()),
        Err(m) if m.is_empty() => None,
        Err(m) => Some(m),
    }
}

/// Every recording `lang` lacks to say `ids` (each piece and variant),
/// numbers and dates (its `numbers.ftl` fragments) and each school's name
/// without a voice: key and text, sorted by key.
pub fn unrecorded<'a>(
    dep: &Deployment,
    lang: &LangTag,
    ids: impl IntoIterator<Item = &'a str>,
) -> Vec<Missing> {
    let mut out: Vec<Missing> = ids
        .into_iter()
        .flat_map(|id| dep.catalog.recordable(lang, id))
        .chain(dep.catalog.fragments(lang))
        .chain(
            dep.schools
                .values()
                .map(|s| (format!("school-{}", s.id), s.name_in(lang).to_owned())),
        )
        .filter(|(k, _)| dep.recordings.get(lang, k).is_none())
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// A message's first part after the one before: said by the same voice,
/// it joins that `<Say>` after a short pause (a prompt list read as one).
fn join_after_pause(out: &mut Vec<Speech>, first: Speech) {
    if let (
        Some(Speech::Tts {
            text,
            parts,
            language,
            voice,
            lang,
        }),
        Speech::Tts {
            text: t,
            parts: p,
            language: l,
            voice: v,
            lang: g,
        },
    ) = (out.last_mut(), &first)
        && (&*language, &*voice, &*lang) == (l, v, g)
    {
        text.push(' ');
        text.push_str(t);
        parts.push(Part::Break {
            millis: BETWEEN_MESSAGES_MS,
        });
        parts.extend(p.iter().cloned());
        return;
    }
    out.push(first);
}

/// `msg` in exactly `lang`: recordings where they exist, the voice for the
/// rest, recorded fragments for values where there is no voice. `Err`
/// lists what is missing (empty: the language lacks the message).
fn assemble(
    dep: &Deployment,
    school: &School,
    lang: &LangTag,
    msg: &str,
    state: &CallState,
) -> Result<Vec<Speech>, Vec<Missing>> {
    // Most prompts are fixed text: no arguments to build for them.
    let (args, given) = if dep.catalog.has_placeables(lang, msg) {
        let mut args = call_args(&state.answers, school.name_in(lang));
        args.set(SCHOOL_ID, school.id.as_str());
        // The ja term for the number keyed: 児童番号 or 生徒番号.
        args.set("school-kind", school.kind.as_str());
        localize_decimals(&mut args, &state.answers, lang.as_str());
        let given = dep.catalog.add_lists(lang, &state.answers, &mut args);
        (args, given)
    } else {
        (fluent_bundle::FluentArgs::new(), Given::new())
    };
    let segments = dep
        .catalog
        .segments(lang, msg, &args, &given)
        .ok_or_else(Vec::new)?;
    let voice = dep.catalog.voice(lang).ok_or_else(Vec::new)?;
    let mut out = Assembly {
        dep,
        lang,
        voice: voice
            .language
            .as_deref()
            .map(|l| (l, voice.voice.as_deref())),
        parts: Vec::with_capacity(segments.len()),
        missing: Vec::new(),
    };
    for seg in segments {
        out.add(seg);
    }
    if out.missing.is_empty() {
        Ok(out.parts)
    } else {
        Err(out.missing)
    }
}

struct Assembly<'a> {
    dep: &'a Deployment,
    lang: &'a LangTag,
    /// Twilio's language and voice, if the language has one.
    voice: Option<(&'a str, Option<&'a str>)>,
    parts: Vec<Speech>,
    missing: Vec<Missing>,
}

impl Assembly<'_> {
    fn add(&mut self, seg: Segment) {
        if let Some(key) = &seg.key {
            // Fixed text, or the variant the answers chose.
            if self.play(key, &seg.text) {
            } else if self.voice.is_some() {
                self.say(with_readings(self.lang.as_str(), seg.text));
            } else if speakable_text(&seg.text) {
                self.missing.push((key.clone(), seg.text.trim().to_owned()));
            }
            return;
        }
        // A value: the voice reads it, unless the school's name is recorded
        // (a school's own name said right); without a voice, its fragments.
        let var = seg.var.as_deref().unwrap_or("");
        let recorded_school = var == SCHOOL
            && seg
                .fragments
                .as_ref()
                .is_some_and(|f| !f.is_empty() && f.iter().all(|f| self.recorded(&f.key)));
        if self.voice.is_some() && !recorded_school {
            if seg.text.is_empty() {
                return;
            }
            // Spaced ("1 0 2 0 3") for transcripts; `say-as` for the voice.
            if var.ends_with("-digits") && seg.text.bytes().all(|b| b.is_ascii_digit() || b == b' ')
            {
                self.say(vec![Part::Digits(seg.text)]);
            } else {
                self.say(with_readings(self.lang.as_str(), seg.text));
            }
            return;
        }
        match seg.fragments {
            Some(fragments) => {
                for f in fragments {
                    if !self.play(&f.key, &f.text) && !f.optional {
                        self.missing.push((f.key, f.text));
                    }
                }
            }
            None if speakable_text(&seg.text) => self
                .missing
                .push((format!("${var}"), seg.text.trim().to_owned())),
            None => {}
        }
    }

    fn recorded(&self, key: &str) -> bool {
        self.dep.recordings.get(self.lang, key).is_some()
    }

    /// Plays the recording of `key`, if there is one.
    fn play(&mut self, key: &str, text: &str) -> bool {
        let Some(c) = self.dep.recordings.get(self.lang, key) else {
            return false;
        };
        self.parts.push(Speech::Recording {
            lang: self.lang.clone(),
            key: key.to_owned(),
            path: format!("/prompts/{}/{}?v={}", self.lang, c.file_name, c.version),
            text: text.to_owned(),
        });
        true
    }

    /// Neighbouring text goes into one `<Say>`, as one sentence.
    fn say(&mut self, new: Vec<Part>) {
        let Some((language, voice)) = self.voice else {
            return;
        };
        let plain: String = new.iter().map(plain_text).collect();
        if let Some(Speech::Tts { text, parts, .. }) = self.parts.last_mut() {
            text.push_str(&plain);
            parts.extend(new);
        } else if !plain.trim().is_empty() {
            self.parts.push(Speech::Tts {
                text: plain,
                parts: new,
                language: language.to_owned(),
                voice: voice.map(str::to_owned),
                lang: self.lang.clone(),
            });
        }
    }
}

/// What a part says, as plain text.
pub fn plain_text(p: &Part) -> &str {
    match p {
        Part::Text(t) | Part::Digits(t) | Part::Sub { text: t, .. } => t,
        Part::Break { .. } => "",
    }
}

/// `text` with the language's misread words given their reading.
fn with_readings(lang: &str, text: String) -> Vec<Part> {
    let table = readings(lang);
    if !table.iter().any(|(w, _)| text.contains(w)) {
        return vec![Part::Text(text)];
    }
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some((at, (word, alias))) = table
        .iter()
        .filter_map(|r| rest.find(r.0).map(|i| (i, r)))
        .min_by_key(|(i, _)| *i)
    {
        if at > 0 {
            out.push(Part::Text(rest[..at].to_owned()));
        }
        out.push(Part::Sub {
            text: (*word).to_owned(),
            alias: (*alias).to_owned(),
        });
        rest = &rest[at + word.len()..];
    }
    if !rest.is_empty() {
        out.push(Part::Text(rest.to_owned()));
    }
    out
}

#[cfg(test)]
mod tests;
