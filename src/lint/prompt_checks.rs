//! Recorded prompts against the messages: a language without a
//! text-to-speech voice needs a recording of each message it speaks, and a
//! recording must be named after something that is spoken. (Files Twilio
//! cannot play are refused by the recordings loader, with the reason.)

use super::fluent_checks::short;
use super::ftl::Locales;
use super::hearing::{
    Listener, fixed_prompts, is_system_message, lang_name, list_messages, used_messages,
};
use super::report::{Report, Severity};
use crate::deployment::Deployment;
use crate::diagnostics::Located;
use crate::locale::is_fragment;

/// A language without a voice speaks only what is recorded: every other
/// message is heard in its fallback language (or not at all). A message
/// with variables is assembled from recordings of its fixed text, of each
/// variant and of the language's fragments (`numbers.ftl`); each one a
/// caller would hear in another language is reported with what to record.
pub fn unrecorded(dep: &Deployment, files: &Locales, listener: &Listener, report: &mut Report) {
    // A list's words are read inside a read-back, which is itself checked.
    let lists = list_messages(dep);
    let used: Vec<String> = used_messages(dep)
        .into_iter()
        .filter(|m| !lists.contains(m))
        .collect();
    let fixed = fixed_prompts(dep);
    for lang in dep.catalog.languages() {
        if dep.catalog.voice(lang).is_none_or(|v| v.can_speak()) {
            continue;
        }
        let name = lang_name(lang);
        let recording = |key: &str| {
            short(
                &dep.config
                    .prompts_dir
                    .join(lang.as_str())
                    .join(format!("{key}.wav"))
                    .display()
                    .to_string(),
            )
        };
        for id in &used {
            let Some((file, m)) = files.message(lang, id) else {
                continue;
            };
            let keys = dep.catalog.recordable(lang, id);
            let whole = matches!(&keys[..], [(k, _)] if k == id);
            // What the sample answers leave unsaid, and every variant
            // they did not choose: all of it is heard in another language.
            let mut lacking: Vec<(String, String)> = listener.lacking(lang, id);
            for (k, text) in keys {
                if dep.recordings.get(lang, &k).is_none() && !lacking.iter().any(|(l, _)| *l == k) {
                    lacking.push((k, text));
                }
            }
            if lacking.is_empty() {
                continue;
            }
            let record = lacking
                .iter()
                .map(|(k, text)| {
                    if k.starts_with('$') {
                        format!("{k} (\"{text}\": free text, no fragment can say it)")
                    } else {
                        format!("{} (\"{text}\")", recording(k))
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let whole_recording = recording(id);
            for (_, _, step) in fixed
                .iter()
                .filter(|(msg, l, _)| msg == id && l == lang.as_str())
            {
                report.push(
                    Severity::Error,
                    file.at(m, format!(
                        "step {step:?} speaks {id:?} in {name} only, and {lang} has no text-to-speech voice: without the recording {whole_recording} callers hear nothing there; record {whole_recording}"
                    )),
                );
            }
            let heard = listener.heard_in(lang, id).filter(|h| h != lang);
            let message = match (&heard, whole) {
                (Some(h), true) => format!(
                    "{lang} has no text-to-speech voice and no recording {whole_recording}; callers will hear it in {}: record {whole_recording} (WAV PCM 16-bit mono, 8000 Hz or more)",
                    lang_name(h)
                ),
                (Some(h), false) => format!(
                    "{lang} has no text-to-speech voice, so message {id:?}, which has variables, is heard in {} (a fallback) until its pieces are recorded: record {record}",
                    lang_name(h)
                ),
                (None, _) if whole => format!(
                    "{lang} has no text-to-speech voice and cannot say {id:?}, and no language of its fallback chain can either: callers will hear nothing; record {whole_recording}"
                ),
                (None, _) => format!(
                    "{lang} has no text-to-speech voice: message {id:?} is heard in {lang} only for some answers; for the others callers hear another language or nothing: record {record}"
                ),
            };
            let severity = if heard.is_some() || !whole {
                Severity::Warning
            } else {
                Severity::Error
            };
            report.push(severity, file.at(m, message));
        }
        fragments(dep, files, lang, &recording, report);
    }
}

/// A language without a voice says numbers, digits, months and weekdays
/// from the fragments of its `numbers.ftl`, and each school's name from
/// `school-<id>`: each one missing is a read-back heard in another
/// language (or, for the name, left out).
fn fragments(
    dep: &Deployment,
    files: &Locales,
    lang: &crate::domain::LangTag,
    recording: &dyn Fn(&str) -> String,
    report: &mut Report,
) {
    let defined = dep.catalog.fragments(lang);
    if !defined.iter().any(|(k, _)| k == "digit-0") {
        let file = dep
            .config
            .locales_dir
            .join(lang.as_str())
            .join("numbers.ftl");
        report.push(
            Severity::Warning,
            Located::file_start(
                file.display().to_string(),
                format!(
                    "{lang} has no text-to-speech voice and no fragments to read numbers with: create this file with digit-0 … digit-9, number-0 … number-99, number-hundred, number-thousand, decimal-point, month-1 … month-12, weekday-mon … weekday-sun (see prompts/ne/README.md), then record each"
                ),
            ),
        );
    }
    for (key, text) in defined {
        if dep.recordings.get(lang, &key).is_some() {
            continue;
        }
        let at = files.message(lang, &key).map_or_else(
            || Located::file_start(dep.config.locales_dir.display().to_string(), String::new()),
            |(f, m)| f.at(m, String::new()),
        );
        report.push(
            Severity::Warning,
            Located {
                message: format!(
                    "{lang} has no text-to-speech voice and no recording of the fragment {key:?} (\"{text}\"): read-backs that need it are heard in another language; record {}",
                    recording(&key)
                ),
                ..at
            },
        );
    }
    for school in dep.schools.values() {
        let key = format!("school-{}", school.id);
        if dep.recordings.get(lang, &key).is_none() {
            report.push(
                Severity::Warning,
                Located::file_start(
                    dep.config.prompts_dir.join(lang.as_str()).display().to_string(),
                    format!(
                        "{lang} has no text-to-speech voice and no recording of the name of school {}: it is left out of what {lang} callers hear; record {}",
                        school.id,
                        recording(&key)
                    ),
                ),
            );
        }
    }
}

/// A school without an English (romanised) name: callers in every other
/// language but the default would hear its name in the default language's
/// script, read by a voice that cannot (kanji read by a Vietnamese voice).
pub fn school_names(dep: &Deployment, config_path: &std::path::Path, report: &mut Report) {
    let others = dep
        .catalog
        .languages()
        .into_iter()
        .any(|l| l != &dep.config.default_language && l.as_str() != "en");
    for school in dep.schools.values() {
        if others && !school.names.keys().any(|l| l.as_str() == "en") {
            report.push(
                Severity::Warning,
                Located::file_start(
                    config_path.display().to_string(),
                    format!(
                        "school {} has no English name: callers in languages other than {} hear {:?} read by their voice; add names = {{ en = \"…\" }} under [schools.{}] (a romanised name)",
                        school.id, dep.config.default_language, school.name, school.id
                    ),
                ),
            );
        }
    }
}

/// A recording stands for a whole message without variables (`<id>.wav`)
/// or for the N-th piece of fixed text of one with variables
/// (`<id>.N.wav`); named otherwise, it is never played.
pub fn stray_recordings(dep: &Deployment, files: &Locales, report: &mut Report) {
    let mut clips: Vec<_> = dep.recordings.keys().collect();
    clips.sort_by(|a, b| a.2.path.cmp(&b.2.path));
    for (lang, key, clip) in clips {
        if is_system_message(key) {
            // Played on a failure even without its text.
            continue;
        }
        if is_fragment(key)
            && (dep.catalog.has_message(lang, key)
                || key
                    .strip_prefix("school-")
                    .is_some_and(|id| dep.schools.keys().any(|s| s.as_str() == id)))
        {
            continue;
        }
        let id = key.split_once('.').map_or(key, |(id, _)| id);
        let piece = key
            .rsplit_once('.')
            .is_some_and(|(_, n)| n.parse::<u32>().is_ok());
        let keys = dep.catalog.recordable(lang, id);
        if keys.iter().any(|(k, _)| k == key) {
            continue;
        }
        let ext = clip.file_name.rsplit_once('.').map_or("wav", |(_, e)| e);
        let message = if let Some(school) = key.strip_prefix("school-") {
            format!(
                "recording {key:?} is the name of school {school:?}, which the config does not have; rename it school-<id> after one of [schools.<id>], or remove it"
            )
        } else if !dep.catalog.has_message(lang, id) {
            let elsewhere = if files.message(&dep.config.default_language, id).is_some() {
                format!(
                    " ({id:?} exists in {}: add it to {lang}'s .ftl file too)",
                    dep.config.default_language
                )
            } else {
                String::new()
            };
            format!(
                "recording {key:?} belongs to no message in {lang}{elsewhere}; name it after a message id (or id.N for the N-th fixed text of a read-back, id.VARIANT for a variant), or a fragment of numbers.ftl"
            )
        } else {
            let pieces = keys
                .iter()
                .filter(|(k, _)| {
                    k.strip_prefix(id)
                        .and_then(|r| r.strip_prefix('.'))
                        .is_some_and(|n| n.parse::<u32>().is_ok())
                })
                .count();
            let whole = matches!(&keys[..], [(k, _)] if k == id);
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
                    "recording {key:?} is never played: message {id:?} has variables, so it is recorded in pieces: {}; rename or remove it",
                    keys.iter()
                        .map(|(k, _)| format!("{k}.{ext}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        };
        report.push(
            Severity::Warning,
            Located::file_start(clip.path.display().to_string(), message),
        );
    }
}
