//! What a caller actually hears, worked out the way `speech::render` does
//! it: a language can say a message if it has the message and either a
//! text-to-speech voice or a recording for every piece of it; otherwise the
//! next language of the chain is tried.

use std::collections::BTreeMap;
use std::path::Path;

use fluent_bundle::FluentArgs;

use super::used::APOLOGY;
use crate::deployment::Deployment;
use crate::domain::LangTag;
use crate::flow::Prompt;
use crate::locale::call_args;

/// Whether `lang` itself can say `id` (it has the message, and a voice or
/// recordings for all of it).
pub fn can_say(dep: &Deployment, lang: &LangTag, id: &str) -> bool {
    // The apology is played from its recording even without its text.
    (id == APOLOGY && dep.recordings.get(lang, id).is_some())
        || rendered(dep, lang, id, &FluentArgs::new()).is_some()
}

/// `id` in exactly `lang` as text, if `lang` can say it.
pub fn rendered(dep: &Deployment, lang: &LangTag, id: &str, args: &FluentArgs) -> Option<String> {
    let segments = dep.catalog.segments(lang, id, args)?;
    let voice = dep.catalog.voice(lang)?;
    let playable = voice.can_speak()
        || segments.iter().all(|s| {
            s.key
                .as_deref()
                .is_some_and(|k| dep.recordings.get(lang, k).is_some())
        });
    playable.then(|| segments.into_iter().map(|s| s.text).collect())
}

/// The language a caller in `lang` hears `id` in, following the chain.
pub fn heard_in<'a>(dep: &'a Deployment, lang: &'a LangTag, id: &str) -> Option<&'a LangTag> {
    dep.catalog
        .chain(lang)
        .into_iter()
        .find(|l| can_say(dep, l, id))
}

/// The language after `lang` in its chain that says `id`, for a caller in
/// `lang` when `lang` itself cannot.
pub fn fallback_for<'a>(dep: &'a Deployment, lang: &'a LangTag, id: &str) -> Option<&'a LangTag> {
    dep.catalog
        .chain(lang)
        .into_iter()
        .skip(1)
        .find(|l| can_say(dep, l, id))
}

/// The text of `prompt` heard by a caller in `lang` (empty if nothing).
pub fn prompt_text(dep: &Deployment, lang: &LangTag, prompt: &Prompt, args: &FluentArgs) -> String {
    let chain: Vec<&LangTag> = match &prompt.lang {
        Some(fixed) => vec![fixed],
        None => dep.catalog.chain(lang),
    };
    chain
        .into_iter()
        .find_map(|l| rendered(dep, l, &prompt.msg, args))
        .unwrap_or_default()
}

/// Two sets of sample answers that select the same variants but put
/// different digits into the text: the first uses only the digits 1 and 2,
/// the second none of them. A digit heard with both comes from the fixed
/// text of the prompt, not from an answer read back.
pub fn sample_answers() -> [BTreeMap<String, String>; 2] {
    let make = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let common = [
        ("kind", "absence"),
        ("reason", "illness"),
        ("symptom", "fever"),
        ("disease", "influenza"),
        ("recording", "recording"),
    ];
    let a = [
        ("student", "12121"),
        ("grade", "1"),
        ("class", "2"),
        ("number", "1"),
        ("temperature", "21.2"),
        ("day", "2112-12-21"),
        ("time", "12:21"),
        ("reference", "12"),
    ];
    let b = [
        ("student", "34567"),
        ("grade", "3"),
        ("class", "4"),
        ("number", "5"),
        ("temperature", "38.5"),
        ("day", "3033-03-03"),
        ("time", "09:35"),
        ("reference", "46"),
    ];
    [
        make(&[&common[..], &a[..]].concat()),
        make(&[&common[..], &b[..]].concat()),
    ]
}

/// The school's name in sample renderings: no digits.
pub const SAMPLE_SCHOOL: &str = "SCHOOL";

/// Fluent arguments for sample answers.
pub fn sample_args(answers: &BTreeMap<String, String>) -> FluentArgs<'_> {
    call_args(answers, SAMPLE_SCHOOL)
}

/// "Korean (ko)": the language as an editor knows it, and its tag.
pub fn lang_name(lang: &LangTag) -> String {
    let name = match lang.as_str() {
        "ja" => "Japanese",
        "en" => "English",
        "zh-CN" => "Chinese",
        "ko" => "Korean",
        "vi" => "Vietnamese",
        "fil" => "Filipino",
        "pt-BR" => "Portuguese",
        "es" => "Spanish",
        "ne" => "Nepali",
        _ => return lang.to_string(),
    };
    format!("{name} ({lang})")
}

/// The last `n` components of a path, for naming a file in a message
/// (`locales/ko/absence.ftl`); the file itself is in the finding.
pub fn tail(path: &str, n: usize) -> String {
    let parts: Vec<_> = Path::new(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts[parts.len().saturating_sub(n)..].join("/")
}
