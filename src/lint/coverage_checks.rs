//! Does every language have what the line speaks? Messages a locale lacks
//! (and where its callers hear them instead), and languages without a
//! text-to-speech voice whose messages are not recorded.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;

use super::finding::{Finding, Severity};
use super::ftl::Locale;
use super::hearing::{can_say, fallback_for, lang_name, tail};
use super::used::{APOLOGY, Used};
use crate::deployment::Deployment;
use crate::domain::LangTag;

/// Messages used by a flow (or the apology) that a locale lacks: an error in
/// the reference locale, or where nothing down the chain can say them; a
/// warning naming the language callers hear instead otherwise.
pub fn missing(dep: &Deployment, locales: &[Locale], used: &Used) -> Vec<Finding> {
    let reference = dep.catalog.reference();
    let ref_locale = find(locales, reference);
    let mut out = Vec::new();
    for lang in dep.catalog.languages() {
        let locale = find(locales, lang);
        for id in &used.ids {
            if dep.catalog.has_message(lang, id)
                || (id == APOLOGY && dep.recordings.get(lang, id).is_some())
            {
                continue;
            }
            let file_name = ref_locale.and_then(|r| r.file_name_of(id));
            let file = match locale {
                Some(l) => l.file_for(file_name),
                None => dep
                    .config
                    .locales_dir
                    .join(lang.as_str())
                    .join(file_name.unwrap_or("absence.ftl"))
                    .display()
                    .to_string(),
            };
            let add = format!("add \"{id} = …\" to {}", tail(&file, 3));
            if lang == reference {
                let why = if id == APOLOGY {
                    "the server speaks it when something fails inside a call"
                } else {
                    "a call flow uses it"
                };
                out.push(Finding::error(
                    &file,
                    1,
                    1,
                    format!(
                        "message {id:?} is missing from the reference locale {}: {why}; {add}",
                        lang_name(lang)
                    ),
                ));
                continue;
            }
            let translate = match ref_locale.and_then(|r| r.messages.get(id).map(|m| r.file_of(m))) {
                Some(f) => format!(" (translate it from {})", tail(&f.path, 3)),
                None => String::new(),
            };
            for fu in used.fixed.iter().filter(|f| &f.msg == id && &f.lang == lang) {
                out.push(Finding::error(
                    &file,
                    1,
                    1,
                    format!(
                        "message {id:?} is missing from {name}, but step {:?} of {} speaks it in {name} only, so callers hear nothing there; {add}{translate}",
                        fu.step,
                        tail(&fu.flow_file, 2),
                        name = lang_name(lang),
                    ),
                ));
            }
            let name = lang_name(lang);
            match fallback_for(dep, lang, id) {
                Some(heard) => out.push(Finding::warning(
                    &file,
                    1,
                    1,
                    format!(
                        "message {id:?} is missing from {name}: it falls back to {}, so callers who chose {name} hear it in {}; {add}{translate}",
                        heard,
                        lang_name(heard),
                    ),
                )),
                None => out.push(Finding::error(
                    &file,
                    1,
                    1,
                    format!(
                        "message {id:?} is missing from {name} and no language of its fallback chain ({}) can say it: callers who chose {name} would hear nothing; {add}{translate}",
                        chain_text(dep, lang),
                    ),
                )),
            }
        }
    }
    out
}

/// Languages without a text-to-speech voice must be recorded: each used
/// message they have but cannot say is heard in a fallback language.
pub fn no_voice(dep: &Deployment, locales: &[Locale], used: &Used) -> Vec<Finding> {
    let mut out = Vec::new();
    let none = FluentArgs::new();
    for lang in dep.catalog.languages() {
        if dep.catalog.voice(lang).is_some_and(|v| v.can_speak()) {
            continue;
        }
        let name = lang_name(lang);
        let locale = find(locales, lang);
        // Messages with variables, by the language callers hear them in.
        let mut with_vars: BTreeMap<Option<&LangTag>, Vec<&str>> = BTreeMap::new();
        for id in &used.ids {
            if !dep.catalog.has_message(lang, id) || can_say(dep, lang, id) {
                continue;
            }
            let Some(segments) = dep.catalog.segments(lang, id, &none) else {
                continue;
            };
            let whole = matches!(&segments[..], [s] if s.key.as_deref() == Some(id.as_str()));
            let (file, line, col) = position(locale, id, lang, dep);
            let recording = dep
                .config
                .prompts_dir
                .join(lang.as_str())
                .join(format!("{id}.wav"))
                .display()
                .to_string();
            let recording = tail(&recording, 3);
            for fu in used.fixed.iter().filter(|f| &f.msg == id && &f.lang == lang) {
                out.push(Finding::error(
                    &file,
                    line,
                    col,
                    format!(
                        "step {:?} of {} speaks {id:?} in {name} only, and {name} has no text-to-speech voice: without the recording {recording} callers hear nothing there; record {recording}",
                        fu.step,
                        tail(&fu.flow_file, 2),
                    ),
                ));
            }
            let fallback = fallback_for(dep, lang, id);
            if !whole {
                with_vars.entry(fallback).or_default().push(id.as_str());
                continue;
            }
            out.push(match fallback {
                Some(f) => Finding::warning(
                    &file,
                    line,
                    col,
                    format!(
                        "{name} has no text-to-speech voice and no recording {recording}; callers will hear it in {}: record {recording} (WAV PCM 16-bit mono, 8000 Hz or more)",
                        lang_name(f)
                    ),
                ),
                None => Finding::error(
                    &file,
                    line,
                    col,
                    format!(
                        "{name} has no text-to-speech voice and no recording {recording}, and no language of its fallback chain ({}) can say {id:?}: callers will hear nothing; record {recording} (WAV PCM 16-bit mono, 8000 Hz or more)",
                        chain_text(dep, lang)
                    ),
                ),
            });
        }
        for (fallback, ids) in with_vars {
            let first = ids
                .iter()
                .map(|id| position(locale, id, lang, dep))
                .min()
                .expect("at least one message");
            let list = ids;
            let (file, line, col) = first;
            out.push(match fallback {
                Some(f) => Finding::warning(
                    file,
                    line,
                    col,
                    format!(
                        "{name} has no text-to-speech voice, so its messages with variables ({}) cannot be spoken in {name}: callers will hear them in {}. Nothing to record for these; they are heard in {name} only once [languages.{lang}] in the config names a voice that can read the variables",
                        list.join(", "),
                        lang_name(f)
                    ),
                ),
                None => Finding::error(
                    file,
                    line,
                    col,
                    format!(
                        "{name} has no text-to-speech voice, so its messages with variables ({}) cannot be spoken in {name}, and no language of its fallback chain ({}) can say them: callers will hear nothing; give [languages.{lang}] in the config a fallback with a voice, such as [\"en\", \"ja\"]",
                        list.join(", "),
                        chain_text(dep, lang)
                    ),
                ),
            });
        }
    }
    out
}

fn find<'a>(locales: &'a [Locale], lang: &LangTag) -> Option<&'a Locale> {
    locales.iter().find(|l| &l.lang == lang)
}

/// Where `id` is defined in `locale` (file, line, col).
fn position(locale: Option<&Locale>, id: &str, lang: &LangTag, dep: &Deployment) -> (String, usize, usize) {
    match locale.and_then(|l| l.messages.get(id).map(|m| (l, m))) {
        Some((l, m)) => {
            let f = Finding::at(Severity::Warning, &l.file_of(m).path, &l.file_of(m).text, m.at, "");
            (f.file, f.line, f.col)
        }
        None => (
            dep.config.locales_dir.join(lang.as_str()).display().to_string(),
            1,
            1,
        ),
    }
}

/// "ne → en → ja".
fn chain_text(dep: &Deployment, lang: &LangTag) -> String {
    dep.catalog
        .chain(lang)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" → ")
}
