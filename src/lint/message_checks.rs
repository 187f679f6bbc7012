//! Messages against the flows: a language lacking a message the call
//! speaks (callers hear it in a fallback language, or not at all), and
//! messages no flow speaks.

use std::collections::BTreeSet;

use super::fluent_checks::short;
use super::ftl::Locales;
use super::hearing::{
    APOLOGY, BUSY, Listener, fixed_prompts, is_system_message, lang_name, used_messages,
};
use super::report::{Report, Severity};
use crate::deployment::Deployment;
use crate::diagnostics::Located;

/// A message the line speaks that a language lacks: an error in the
/// reference language or where nothing along the fallback chain can say
/// it; a warning naming the language callers hear instead otherwise.
pub fn missing(dep: &Deployment, files: &Locales, listener: &Listener, report: &mut Report) {
    let used = used_messages(dep);
    let reference = &dep.config.default_language;
    let fixed = fixed_prompts(dep);
    for lang in dep.catalog.languages() {
        let file = files.first_file(lang).map_or_else(
            || {
                dep.config
                    .locales_dir
                    .join(lang.as_str())
                    .display()
                    .to_string()
            },
            |f| f.path.clone(),
        );
        for id in &used {
            if dep.catalog.has_message(lang, id)
                || (is_system_message(id) && dep.recordings.get(lang, id).is_some())
            {
                continue;
            }
            let add = format!("add `{id} = …` here");
            let translate = files
                .message(reference, id)
                .map(|(f, _)| format!(" (translate it from {})", short(&f.path)))
                .unwrap_or_default();
            let at = |message: String| Located::file_start(file.clone(), message);
            if lang == reference {
                let why = if id == APOLOGY {
                    "the server speaks it when something fails inside a call"
                } else if id == BUSY {
                    "the server speaks it when it is too busy to take a call"
                } else if id == crate::locale::LIST_AND || id == crate::locale::LIST_COMMA {
                    "the line joins the words of a list answer with it (`symptom-name` reads each)"
                } else {
                    "a call flow speaks it, and the reference language must have every message"
                };
                report.push(
                    Severity::Error,
                    at(format!(
                        "{} has no message {id:?}: {why}; {add}",
                        lang_name(lang)
                    )),
                );
                continue;
            }
            for (_, _, step) in fixed
                .iter()
                .filter(|(m, l, _)| m == id && l == lang.as_str())
            {
                report.push(
                    Severity::Error,
                    at(format!(
                        "{lang} has no message {id:?}, which step {step:?} speaks in {lang} only: callers hear nothing there; {add}{translate}"
                    )),
                );
            }
            match listener.heard_in(lang, id) {
                Some(heard) => report.push(
                    Severity::Warning,
                    at(format!(
                        "{lang} has no message {id:?}: it falls back to {heard}, so callers will hear it in {}; {add}{translate}",
                        lang_name(&heard)
                    )),
                ),
                None => report.push(
                    Severity::Error,
                    at(format!(
                        "{lang} has no message {id:?}, and no language of its fallback chain ({}) can say it: callers will hear nothing; {add}{translate}",
                        dep.catalog
                            .chain(lang)
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(" → ")
                    )),
                ),
            }
        }
    }
}

/// Messages no flow speaks (usually a typo in one of the two places).
/// Messages other messages of the language refer to are in use; Fluent
/// terms (`-term`) are not messages.
pub fn unused(dep: &Deployment, files: &Locales, report: &mut Report) {
    let used = used_messages(dep);
    for lang_files in files.langs.values() {
        let referenced: BTreeSet<&str> = lang_files
            .iter()
            .flat_map(|f| {
                f.messages
                    .iter()
                    .flat_map(|m| m.refs.iter().map(String::as_str))
            })
            .collect();
        for file in lang_files {
            for m in &file.messages {
                // Fragments (`digit-3`) are said inside read-backs.
                if !used.contains(&m.id)
                    && !referenced.contains(m.id.as_str())
                    && !crate::locale::is_fragment(&m.id)
                {
                    report.push(
                        Severity::Warning,
                        file.at(m, format!("message {:?} is not spoken by any call flow; check the id against the flow, or remove it", m.id)),
                    );
                }
            }
        }
    }
}
