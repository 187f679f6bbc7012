//! What a caller actually hears, asked of `speech::render` itself (the code
//! that speaks to callers), with sample answers so that read-backs render.

use std::collections::{BTreeMap, BTreeSet};

use crate::deployment::{Deployment, School};
use crate::domain::LangTag;
use crate::flow::engine::Say;
use crate::flow::{CallState, Prompt, StepKind};
use crate::speech::{self, Speech};

/// The message the server speaks when something fails inside.
pub const APOLOGY: &str = "error-apology";
/// The message the server speaks when it is too busy to take a call.
pub const BUSY: &str = "error-busy";

/// Messages the server itself speaks, outside any flow: each may be a
/// recording alone, and the reference language must have each.
pub fn is_system_message(id: &str) -> bool {
    id == APOLOGY || id == BUSY
}

/// Every message the line speaks: those of the loaded flows, the server's
/// own (the apology, "too busy"), and the [`list_messages`].
pub fn used_messages(dep: &Deployment) -> BTreeSet<String> {
    let mut used: BTreeSet<String> = dep
        .flows
        .values()
        .flat_map(|f| f.message_ids().map(|m| m.to_string()))
        .collect();
    used.insert(APOLOGY.to_owned());
    used.insert(BUSY.to_owned());
    used.extend(list_messages(dep));
    used
}

/// The messages that read a list answer back inside another message
/// (`$symptom-list`): `symptom-name` for a flow's answer `symptom`, where
/// the reference has it, and then `list-and` and `list-comma`. Never
/// spoken alone, so never recorded alone either.
pub fn list_messages(dep: &Deployment) -> BTreeSet<String> {
    let reference = &dep.config.default_language;
    let mut found: BTreeSet<String> = dep
        .flows
        .values()
        .flat_map(|f| &f.steps)
        .filter_map(|s| match &s.kind {
            StepKind::Menu { save_as, .. } => save_as.as_deref(),
            StepKind::Choices { save_as, .. }
            | StepKind::Digits { save_as, .. }
            | StepKind::Record { save_as, .. } => Some(save_as.as_str()),
            _ => None,
        })
        .map(crate::locale::list_name_message)
        .filter(|id| dep.catalog.has_message(reference, id))
        .collect();
    if !found.is_empty() {
        found.insert(crate::locale::LIST_AND.to_owned());
        found.insert(crate::locale::LIST_COMMA.to_owned());
    }
    found
}

/// (message, language, step) for each prompt a flow speaks in one language
/// only, never falling back: the language menu names each language in
/// itself.
pub fn fixed_prompts(dep: &Deployment) -> BTreeSet<(String, String, String)> {
    dep.flows
        .values()
        .flat_map(|f| &f.steps)
        .flat_map(|s| s.prompt.iter().chain(&s.help).map(move |p| (s, p)))
        .filter_map(|(s, p)| {
            p.lang
                .as_ref()
                .map(|l| (p.msg.to_string(), l.to_string(), s.name.clone()))
        })
        .collect()
}

/// The languages a caller can be in: the default one and every language a
/// menu switches to, as far as the catalogue has them.
pub fn caller_languages(dep: &Deployment) -> Vec<&LangTag> {
    let mut langs: BTreeSet<&LangTag> = BTreeSet::from([&dep.config.default_language]);
    for flow in dep.flows.values() {
        for step in &flow.steps {
            if let StepKind::Menu {
                options, default, ..
            } = &step.kind
            {
                langs.extend(
                    options
                        .values()
                        .chain(default)
                        .filter_map(|c| c.language.as_ref()),
                );
            }
        }
    }
    langs
        .into_iter()
        .filter(|l| dep.catalog.has_language(l))
        .collect()
}

/// Renders prompts as a caller hears them.
pub struct Listener<'a> {
    dep: &'a Deployment,
    /// A school whose name has no digits (a digit in it would pass for a
    /// menu key).
    school: Option<School>,
}

impl<'a> Listener<'a> {
    pub fn new(dep: &'a Deployment) -> Listener<'a> {
        let school = dep.schools.values().next().map(|s| School {
            id: s.id.clone(),
            name: "SCHOOL".to_owned(),
            names: BTreeMap::new(),
            calendar: s.calendar.clone(),
            roster: None,
            flow: s.flow.clone(),
            kind: s.kind,
            student_digits: s.student_digits,
            school_ends: s.school_ends,
        });
        Listener { dep, school }
    }

    /// What a caller in `lang` hears for `prompts`, as text, given `answers`.
    pub fn hear(
        &self,
        lang: &LangTag,
        prompts: &[&Prompt],
        answers: &BTreeMap<String, String>,
    ) -> String {
        let Some(school) = &self.school else {
            return String::new();
        };
        let mut state = CallState::new("-", lang.clone());
        state.answers.clone_from(answers);
        let says: Vec<Say> = prompts
            .iter()
            .map(|p| Say {
                msg: p.msg.clone(),
                lang: p.lang.clone(),
                item: None,
            })
            .collect();
        speech::render(self.dep, school, &says, &state)
            .into_iter()
            .map(|s| match s {
                Speech::Tts { text, .. } | Speech::Recording { text, .. } => text,
            })
            .collect()
    }

    /// The language a caller in `lang` hears `id` in (`lang` itself, or a
    /// fallback), or `None` if nothing along the chain can say it.
    pub fn heard_in(&self, lang: &LangTag, id: &str) -> Option<LangTag> {
        if is_system_message(id) {
            // `http::apology` plays its recording even without the text.
            return self
                .dep
                .catalog
                .chain(lang)
                .into_iter()
                .find(|l| {
                    self.dep.recordings.get(l, id).is_some()
                        || self
                            .dep
                            .catalog
                            .speak_exactly(l, id, &fluent_bundle::FluentArgs::new())
                            .is_some()
                })
                .cloned();
        }
        let school = self.school.as_ref()?;
        // With answers, so that a read-back is heard as it is in a call.
        let [_, answers] = sample_answers();
        let mut state = CallState::new("-", lang.clone());
        state.answers = answers;
        let say = [Say {
            msg: id.into(),
            lang: None,
            item: None,
        }];
        speech::render(self.dep, school, &say, &state)
            .into_iter()
            .next()
            .map(|s| match s {
                Speech::Tts { lang, .. } | Speech::Recording { lang, .. } => lang,
            })
    }
}

impl Listener<'_> {
    /// What `lang` lacks to say `id` itself with either set of sample
    /// answers (recordings of pieces, variants, fragments): where it is not
    /// empty, callers hear `id` in another language.
    pub fn lacking(&self, lang: &LangTag, id: &str) -> Vec<(String, String)> {
        let Some(school) = &self.school else {
            return Vec::new();
        };
        let mut out: Vec<(String, String)> = Vec::new();
        for answers in sample_answers() {
            let mut state = CallState::new("-", lang.clone());
            state.answers = answers;
            for m in speech::missing_in(self.dep, school, lang, id, &state).unwrap_or_default() {
                if !out.contains(&m) {
                    out.push(m);
                }
            }
        }
        out
    }
}

/// Two sets of sample answers that choose the same variants but put
/// different digits into a read-back: the first uses only the digits 1 and
/// 2, the second never 1 or 2. A digit heard with both is in the fixed
/// text of the prompt, not in an answer read back to the caller.
pub fn sample_answers() -> [BTreeMap<String, String>; 2] {
    let common = [
        ("kind", "absence"),
        ("reason", "illness"),
        ("symptom", "fever"),
        ("disease", "influenza"),
        ("recording", "recording"),
        ("existing-kind", "absence"),
    ];
    let ones_and_twos = [
        ("student", "12121"),
        ("grade", "1"),
        ("class", "2"),
        ("number", "1"),
        ("temperature", "21.2"),
        ("day", "2112-12-21"),
        ("time", "12:21"),
        ("reference", "12"),
        ("days", "2"),
        ("existing-day", "2112-12-21"),
        ("existing-reference", "21"),
        ("existing-references", "12,21"),
        ("existing-count", "2"),
        ("keyed", "12121"),
        ("student-length", "2"),
        ("today", "2112-12-21"),
        ("next-day", "2112-12-22"),
        ("last-day", "2112-12-22"),
        ("known-count", "2"),
        ("key", "1"),
    ];
    let others = [
        ("student", "34567"),
        ("grade", "3"),
        ("class", "4"),
        ("number", "5"),
        ("temperature", "38.5"),
        ("day", "3033-03-03"),
        ("time", "09:35"),
        ("reference", "46"),
        ("days", "3"),
        ("existing-day", "3033-03-03"),
        ("existing-reference", "47"),
        ("existing-references", "34,56"),
        ("existing-count", "3"),
        ("keyed", "34567"),
        ("student-length", "5"),
        ("today", "3033-03-03"),
        ("next-day", "3033-03-04"),
        ("last-day", "3033-03-05"),
        ("known-count", "3"),
        ("key", "3"),
    ];
    let make = |specific: &[(&str, &str)]| {
        common
            .iter()
            .chain(specific)
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    [make(&ones_and_twos), make(&others)]
}

/// "ko (Korean)": a language's tag and, for the shipped ones, its name.
pub fn lang_name(lang: &LangTag) -> String {
    match language_word(lang) {
        Some(name) => format!("{lang} ({name})"),
        None => lang.to_string(),
    }
}

/// "Korean", for the shipped languages.
pub fn language_word(lang: &LangTag) -> Option<&'static str> {
    Some(match lang.as_str() {
        "ja" => "Japanese",
        "en" => "English",
        "zh-CN" => "Chinese",
        "ko" => "Korean",
        "vi" => "Vietnamese",
        "fil" => "Filipino",
        "pt-BR" => "Portuguese",
        "es" => "Spanish",
        "ne" => "Nepali",
        _ => return None,
    })
}
