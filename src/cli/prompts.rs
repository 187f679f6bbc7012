//! `absence-line prompts`: for each language, which prompts a caller hears
//! recorded, which by text-to-speech, and which in another language; and how
//! long the default call is where the recordings tell.

use std::collections::BTreeSet;
use std::io::Write;

use anyhow::bail;

use super::args::Global;
use crate::call::Line;
use crate::channel::simulator::walk_default_call;
use crate::deployment::{Deployment, School};
use crate::domain::LangTag;
use crate::speech::{self, Speech};

pub fn run(global: &Global) -> anyhow::Result<()> {
    let dep = Deployment::load(global.load_config()?)?;
    let Some(school) = dep
        .schools
        .values()
        .find(|s| s.roster.is_some())
        .or_else(|| dep.schools.values().next())
    else {
        bail!("no school is configured");
    };
    let mut ids: BTreeSet<&str> = dep
        .flows
        .values()
        .flat_map(|f| f.message_ids().map(|m| &**m))
        .collect();
    ids.insert("error-apology");
    ids.insert("error-busy");
    let mut out = std::io::stdout().lock();
    for lang in dep.catalog.languages() {
        let voice = dep.catalog.voice(lang).expect("loaded language");
        let how = match (&voice.language, &voice.voice) {
            (Some(l), Some(v)) => format!("text-to-speech {l} {v}"),
            (Some(l), None) => format!("text-to-speech {l}"),
            (None, _) => "no text-to-speech: recordings only".to_owned(),
        };
        let chain: Vec<String> = dep
            .catalog
            .chain(lang)
            .iter()
            .skip(1)
            .map(ToString::to_string)
            .collect();
        writeln!(
            out,
            "{lang}  ({how}; falls back to {})",
            if chain.is_empty() {
                "nothing".into()
            } else {
                chain.join(", ")
            }
        )?;
        let (mut recorded, mut tts, mut fallback, mut missing) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for id in &ids {
            let heard = heard_as(&dep, school, lang, id);
            match heard {
                Heard::Recorded => recorded.push(id.to_string()),
                Heard::Tts => tts.push(id.to_string()),
                Heard::Fallback(l) => fallback.push(format!("{id} ({l})")),
                Heard::Nothing => missing.push(id.to_string()),
            }
        }
        writeln!(
            out,
            "  recorded        {:>3}  {}",
            recorded.len(),
            recorded.join(" ")
        )?;
        writeln!(out, "  text-to-speech  {:>3}", tts.len())?;
        if !fallback.is_empty() {
            writeln!(
                out,
                "  falls back      {:>3}  {}",
                fallback.len(),
                fallback.join(" ")
            )?;
        }
        if !missing.is_empty() {
            writeln!(
                out,
                "  NOT SPOKEN      {:>3}  {}",
                missing.len(),
                missing.join(" ")
            )?;
        }
        if !voice.can_speak() {
            // Without a voice, every piece, variant and fragment is a file.
            let lacking = speech::unrecorded(&dep, lang, ids.iter().copied());
            if !lacking.is_empty() {
                let keys: Vec<&str> = lacking.iter().map(|(k, _)| k.as_str()).collect();
                writeln!(
                    out,
                    "  to record       {:>3}  {}",
                    keys.len(),
                    keys.join(" ")
                )?;
            }
        }
        writeln!(
            out,
            "  default call    {}",
            call_length(&dep, school, lang)?
        )?;
    }
    Ok(())
}

enum Heard {
    Recorded,
    Tts,
    Fallback(LangTag),
    Nothing,
}

/// How message `id` reaches a caller who chose `lang`.
fn heard_as(dep: &Deployment, school: &School, lang: &LangTag, id: &str) -> Heard {
    // With answers, so that a read-back is heard as in a call.
    let mut state = crate::flow::CallState::new("-", lang.clone());
    let [_, answers] = crate::lint::sample_answers();
    state.answers = answers;
    let say = [crate::flow::engine::Say {
        msg: id.into(),
        lang: None,
        item: None,
    }];
    let parts = speech::render(dep, school, &say, &state);
    let Some(first) = parts.first() else {
        return Heard::Nothing;
    };
    let (heard_lang, all_recorded) = match first {
        Speech::Tts { lang, .. } | Speech::Recording { lang, .. } => (
            lang.clone(),
            parts.iter().all(|p| matches!(p, Speech::Recording { .. })),
        ),
    };
    if &heard_lang != lang {
        Heard::Fallback(heard_lang)
    } else if all_recorded {
        Heard::Recorded
    } else {
        Heard::Tts
    }
}

/// Walk the default call (an absence with a fever, no voice message) and add
/// up the recordings' lengths; unknown where text-to-speech speaks.
fn call_length(dep: &Deployment, school: &School, lang: &LangTag) -> anyhow::Result<String> {
    let line = Line::new(dep, school)?;
    let student = school
        .roster
        .as_ref()
        .and_then(|r| r.students().min().map(str::to_owned))
        .unwrap_or_else(|| "1234".into());
    let walked = walk_default_call(&line, lang, &student)?;
    let (mut secs, parts, mut spoken_by_tts) = (0.0, walked.heard.len(), 0);
    for s in walked.heard {
        match s {
            Speech::Recording { lang, key, .. } => {
                secs += dep
                    .recordings
                    .get(&lang, &key)
                    .and_then(|c| c.info.duration_secs)
                    .unwrap_or(0.0);
            }
            Speech::Tts { .. } => spoken_by_tts += 1,
        }
    }
    Ok(if spoken_by_tts == 0 {
        format!("{secs:.1} s of recordings ({parts} parts)")
    } else {
        format!(
            "unknown: {spoken_by_tts} of {parts} parts are text-to-speech ({secs:.1} s recorded)"
        )
    })
}
