//! The checks that look across files: locales against the Japanese
//! reference, menus against what callers hear, recordings against messages.

use std::collections::{BTreeMap, BTreeSet};

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::ftl::Locales;
use super::report::{Report, Severity};
use crate::deployment::Deployment;
use crate::domain::LangTag;
use crate::flow::engine::Say;
use crate::flow::{CallState, Located, StepKind};
use crate::speech::{self, Speech};

/// The message the server speaks when something fails inside.
const APOLOGY: &str = "error-apology";

/// Every message must use the same variables as the Japanese one: a
/// translation that drops `$reference-digits` would read back nothing.
pub fn variables(files: &Locales, reference: &LangTag, report: &mut Report) {
    for (lang, lang_files) in &files.langs {
        if lang == reference {
            continue;
        }
        for file in lang_files {
            for m in &file.messages {
                let Some((_, r)) = files.message(reference, &m.id) else {
                    continue;
                };
                if m.vars == r.vars {
                    continue;
                }
                let extra: Vec<_> = m
                    .vars
                    .difference(&r.vars)
                    .map(|v| format!("${v}"))
                    .collect();
                let missing: Vec<_> = r
                    .vars
                    .difference(&m.vars)
                    .map(|v| format!("${v}"))
                    .collect();
                let mut what = Vec::new();
                if !extra.is_empty() {
                    what.push(format!(
                        "uses {} that the Japanese message does not",
                        extra.join(", ")
                    ));
                }
                if !missing.is_empty() {
                    what.push(format!(
                        "lacks {} that the Japanese message uses",
                        missing.join(", ")
                    ));
                }
                report.push(
                    Severity::Error,
                    file.at(m, format!("message {:?} {}; use exactly the Japanese message's variables (check the spelling after $)", m.id, what.join(" and "))),
                );
            }
        }
    }
}

/// Variant keys such as `[one]` that the language's plural rules never
/// choose: dead text an editor may believe is spoken.
pub fn plurals(files: &Locales, report: &mut Report) {
    const PLURAL_NAMES: [&str; 5] = ["zero", "one", "two", "few", "many"];
    for (lang, lang_files) in &files.langs {
        let produced = plural_categories(lang);
        for file in lang_files {
            for m in &file.messages {
                for (key, offset) in &m.variant_keys {
                    if PLURAL_NAMES.contains(&key.as_str()) && !produced.contains(key.as_str()) {
                        report.push(
                            Severity::Warning,
                            file.at_offset(*offset, format!("[{key}] is never chosen in {lang}, whose numbers are only {}; put this text in the *[other] variant or remove it", produced.iter().copied().collect::<Vec<_>>().join(", "))),
                        );
                    }
                }
            }
        }
    }
}

/// The cardinal plural categories `lang` can produce, by trying numbers.
fn plural_categories(lang: &LangTag) -> BTreeSet<&'static str> {
    let Ok(rules) = PluralRules::create(lang.langid(), PluralRuleType::CARDINAL) else {
        return ["zero", "one", "two", "few", "many", "other"].into();
    };
    let mut out = BTreeSet::new();
    let samples = (0..=1000)
        .map(|n: i64| n.to_string())
        .chain(["0.5", "1.5", "2.5", "0.1", "1.0", "1000000"].map(String::from));
    for n in samples {
        if let Ok(c) = rules.select(n.as_str()) {
            out.insert(match c {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            });
        }
    }
    out
}

fn used_messages(dep: &Deployment) -> BTreeSet<String> {
    let mut used: BTreeSet<String> = dep
        .flows
        .values()
        .flat_map(|f| f.message_ids().map(|m| m.to_string()))
        .collect();
    used.insert(APOLOGY.to_owned());
    used
}

/// A language lacking a message the call speaks (it falls back), and
/// messages no flow speaks (usually a typo in one of the two places).
pub fn missing_and_unused(dep: &Deployment, files: &Locales, report: &mut Report) {
    let used = used_messages(dep);
    let reference = &dep.config.default_language;
    for lang in dep.catalog.languages() {
        for id in &used {
            if dep.catalog.has_message(lang, id) {
                continue;
            }
            let heard = dep
                .catalog
                .chain(lang)
                .into_iter()
                .skip(1)
                .find(|l| dep.catalog.has_message(l, id));
            let (severity, consequence) = match (lang == reference, heard) {
                (true, _) => (
                    Severity::Error,
                    "the reference language must have every message".to_owned(),
                ),
                (false, Some(l)) => (Severity::Warning, format!("callers will hear it in {l}")),
                (false, None) => (
                    Severity::Error,
                    "no language in its fallback chain has it either".to_owned(),
                ),
            };
            let file = files.first_file(lang);
            let at = Located {
                file: file.map_or_else(
                    || format!("{}/{lang}", dep.config.locales_dir.display()),
                    |f| f.path.clone(),
                ),
                line: 1,
                col: 1,
                message: format!(
                    "{lang} has no message {id:?}: {consequence}; add `{id} = …` here"
                ),
            };
            report.push(severity, at);
        }
        let Some(lang_files) = files.langs.get(lang) else {
            continue;
        };
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
                if !used.contains(&m.id) && !referenced.contains(m.id.as_str()) {
                    report.push(
                        Severity::Warning,
                        file.at(m, format!("message {:?} is not spoken by any call flow; check the id against the flow, or remove it", m.id)),
                    );
                }
            }
        }
    }
}

/// Sample answers, so that read-backs and selects render as in a call.
fn sample_state(lang: &LangTag) -> CallState {
    let mut s = CallState::new("-", lang.clone());
    for (k, v) in [
        ("student", "10203"),
        ("grade", "1"),
        ("class", "2"),
        ("number", "3"),
        ("kind", "absence"),
        ("reason", "illness"),
        ("symptom", "fever"),
        ("temperature", "38.5"),
        ("day", "2026-11-25"),
        ("time", "09:30"),
        ("reference", "42"),
        ("disease", "influenza"),
    ] {
        s.answers.insert(k.to_owned(), v.to_owned());
    }
    s
}

/// Every key a menu offers must be spoken in its prompt: a parent cannot
/// press a key nobody told them about.
pub fn menus_speak_their_keys(dep: &Deployment, report: &mut Report) {
    let Some(school) = dep.schools.values().next() else {
        return;
    };
    for (name, flow) in &dep.flows {
        let file = dep.config.flows_dir.join(format!("{name}.toml"));
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for step in &flow.steps {
            let StepKind::Menu {
                options,
                default_key,
                ..
            } = &step.kind
            else {
                continue;
            };
            let mut silent: BTreeMap<char, Vec<&LangTag>> = BTreeMap::new();
            let languages = dep.catalog.languages();
            for lang in &languages {
                let state = sample_state(lang);
                let says: Vec<Say> = step
                    .prompt
                    .iter()
                    .chain(&step.help)
                    .map(|p| Say {
                        msg: p.msg.clone(),
                        lang: p.lang.clone(),
                    })
                    .collect();
                let heard: String = speech::render(dep, school, &says, &state)
                    .into_iter()
                    .map(|s| match s {
                        Speech::Tts { text, .. } | Speech::Recording { text, .. } => text,
                    })
                    .collect();
                for key in options.keys().filter(|k| k.is_ascii_digit()) {
                    if Some(*key) == *default_key && *key == '0' {
                        continue;
                    }
                    if !mentions_digit(&heard, *key) {
                        silent.entry(*key).or_default().push(lang);
                    }
                }
            }
            let header = format!("[steps.{}]", step.name);
            let offset = text.find(&header).unwrap_or(0);
            for (key, langs) in silent {
                let (severity, whom) = if langs.len() == languages.len() {
                    (Severity::Error, "in any language".to_owned())
                } else {
                    (
                        Severity::Warning,
                        format!(
                            "in {}",
                            langs
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                };
                report.push(
                    severity,
                    Located::at(&file.display().to_string(), &text, offset, format!("menu {:?} offers key {key} but its prompt never says {key} {whom}; mention the key in the prompt or remove the option", step.name)),
                );
            }
        }
    }
}

fn mentions_digit(text: &str, key: char) -> bool {
    let d = key as u32 - '0' as u32;
    let fullwidth = char::from_u32('０' as u32 + d);
    let devanagari = char::from_u32('०' as u32 + d);
    text.chars()
        .any(|c| c == key || Some(c) == fullwidth || Some(c) == devanagari)
}

/// Languages without a voice need recordings; recordings must belong to a
/// message.
pub fn recordings(dep: &Deployment, files: &Locales, report: &mut Report) {
    let used = used_messages(dep);
    for lang in dep.catalog.languages() {
        let Some(voice) = dep.catalog.voice(lang) else {
            continue;
        };
        if voice.can_speak() {
            continue;
        }
        let heard_in = dep
            .catalog
            .chain(lang)
            .get(1)
            .map_or("nothing".to_owned(), |l| l.to_string());
        for id in &used {
            let Some((file, m)) = files.message(lang, id) else {
                continue;
            };
            let prompts = dep.config.prompts_dir.join(lang.as_str());
            let message = if m.vars.is_empty() {
                if dep.recordings.get(lang, id).is_some() {
                    continue;
                }
                format!(
                    "{lang} has no text-to-speech voice and no recording {}/{id}.wav; callers hear this message in {heard_in}: record it",
                    prompts.display()
                )
            } else {
                format!(
                    "{lang} has no text-to-speech voice, so message {id:?}, which has variables, is heard in {heard_in}"
                )
            };
            report.push(Severity::Warning, file.at(m, message));
        }
    }
    for (lang, key, clip) in dep.recordings.keys() {
        let id = key.split_once('.').map_or(
            key,
            |(id, n)| if n.parse::<u32>().is_ok() { id } else { key },
        );
        let known = files.message(lang, id).is_some()
            || files.message(&dep.config.default_language, id).is_some();
        if !known {
            report.push(
                Severity::Warning,
                Located {
                    file: clip.path.display().to_string(),
                    line: 1,
                    col: 1,
                    message: format!("recording {key:?} belongs to no message in {lang}; name it after a message id (or id.N for the N-th fixed text of a read-back)"),
                },
            );
        }
    }
}
