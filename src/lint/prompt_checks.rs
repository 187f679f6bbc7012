//! Recorded prompts against the messages: a language without a
//! text-to-speech voice needs a recording of each message it speaks, and a
//! recording must be named after something that is spoken. (Files Twilio
//! cannot play are refused by the recordings loader, with the reason.)

use fluent_bundle::FluentArgs;

use super::fluent_checks::short;
use super::ftl::Locales;
use super::hearing::{
    Listener, fixed_prompts, is_system_message, lang_name, list_messages, used_messages,
};
use super::report::{Report, Severity};
use crate::deployment::Deployment;
use crate::diagnostics::Located;

/// A language without a voice speaks only what is recorded: every other
/// message is heard in its fallback language (or not at all).
pub fn unrecorded(dep: &Deployment, files: &Locales, listener: &Listener, report: &mut Report) {
    // A list's words are read inside a read-back, which is itself checked.
    let lists = list_messages(dep);
    let used: Vec<String> = used_messages(dep)
        .into_iter()
        .filter(|m| !lists.contains(m))
        .collect();
    let none = FluentArgs::new();
    let fixed = fixed_prompts(dep);
    for lang in dep.catalog.languages() {
        if dep.catalog.voice(lang).is_none_or(|v| v.can_speak()) {
            continue;
        }
        let name = lang_name(lang);
        for id in &used {
            let Some((file, m)) = files.message(lang, id) else {
                continue;
            };
            let Some(segments) = dep.catalog.segments(lang, id, &none) else {
                continue;
            };
            let whole = matches!(&segments[..], [s] if s.key.as_deref() == Some(id.as_str()));
            if whole && dep.recordings.get(lang, id).is_some() {
                continue;
            }
            let recording = short(
                &dep.config
                    .prompts_dir
                    .join(lang.as_str())
                    .join(format!("{id}.wav"))
                    .display()
                    .to_string(),
            );
            for (_, _, step) in fixed
                .iter()
                .filter(|(msg, l, _)| msg == id && l == lang.as_str())
            {
                report.push(
                    Severity::Error,
                    file.at(m, format!(
                        "step {step:?} speaks {id:?} in {name} only, and {lang} has no text-to-speech voice: without the recording {recording} callers hear nothing there; record {recording}"
                    )),
                );
            }
            let heard = listener.heard_in(lang, id);
            let message = match (&heard, whole) {
                (Some(h), true) => format!(
                    "{lang} has no text-to-speech voice and no recording {recording}; callers will hear it in {}: record {recording} (WAV PCM 16-bit mono, 8000 Hz or more)",
                    lang_name(h)
                ),
                (Some(h), false) => format!(
                    "{lang} has no text-to-speech voice, so message {id:?}, which has variables, is heard in {}; nothing to record for it: its variables need a voice",
                    lang_name(h)
                ),
                (None, _) => format!(
                    "{lang} has no text-to-speech voice and cannot say {id:?}, and no language of its fallback chain can either: callers will hear nothing; {}",
                    if whole {
                        format!("record {recording}")
                    } else {
                        format!(
                            "give [languages.{lang}] in the config a fallback with a voice, e.g. fallback = [\"en\", \"ja\"]"
                        )
                    }
                ),
            };
            let severity = if heard.is_some() {
                Severity::Warning
            } else {
                Severity::Error
            };
            report.push(severity, file.at(m, message));
        }
    }
}

/// A recording stands for a whole message without variables (`<id>.wav`)
/// or for the N-th piece of fixed text of one with variables
/// (`<id>.N.wav`); named otherwise, it is never played.
pub fn stray_recordings(dep: &Deployment, files: &Locales, report: &mut Report) {
    let none = FluentArgs::new();
    let mut clips: Vec<_> = dep.recordings.keys().collect();
    clips.sort_by(|a, b| a.2.path.cmp(&b.2.path));
    for (lang, key, clip) in clips {
        if is_system_message(key) {
            // Played on a failure even without its text.
            continue;
        }
        let (id, piece) = match key.rsplit_once('.') {
            Some((id, n)) if n.parse::<u32>().is_ok() => (id, true),
            _ => (key, false),
        };
        let segments = dep.catalog.segments(lang, id, &none);
        if segments
            .iter()
            .flatten()
            .any(|s| s.key.as_deref() == Some(key))
        {
            continue;
        }
        let ext = clip.file_name.rsplit_once('.').map_or("wav", |(_, e)| e);
        let message = match segments {
            None => {
                let elsewhere = if files.message(&dep.config.default_language, id).is_some() {
                    format!(
                        " ({id:?} exists in {}: add it to {lang}'s .ftl file too)",
                        dep.config.default_language
                    )
                } else {
                    String::new()
                };
                format!(
                    "recording {key:?} belongs to no message in {lang}{elsewhere}; name it after a message id (or id.N for the N-th fixed text of a read-back)"
                )
            }
            Some(s) => {
                let pieces = s.iter().filter(|s| s.key.is_some()).count();
                let whole = s.len() == 1 && s[0].key.as_deref() == Some(id);
                if whole {
                    format!(
                        "recording {key:?} is never played: message {id:?} has no variables, so it is recorded whole as {id}.{ext}; rename it"
                    )
                } else if piece {
                    format!(
                        "recording {key:?} is never played: message {id:?} has only {pieces} piece(s) of fixed text, {id}.1 to {id}.{pieces}; rename or remove it"
                    )
                } else {
                    format!(
                        "recording {key:?} is never played: message {id:?} has variables, so its fixed text is recorded in pieces, {id}.1.{ext} to {id}.{pieces}.{ext}; rename or remove it"
                    )
                }
            }
        };
        report.push(
            Severity::Warning,
            Located::file_start(clip.path.display().to_string(), message),
        );
    }
}
