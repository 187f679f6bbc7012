//! The loaded catalogues of every language and the lookup along fallbacks.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;

use super::fragments::{self, Bundle, Given, Segment};
use super::voice::{LanguageSettings, Voice};
use crate::diagnostics::{Located, one_per_line};
use crate::domain::LangTag;

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("{}", one_per_line(.0))]
    Invalid(Vec<Located>),
    #[error("cannot read {path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("the reference locale {0} is missing: create locales/{0}/ with its .ftl files")]
    NoReference(String),
}

struct Locale {
    bundle: Bundle,
    voice: Voice,
    fallback: Vec<LangTag>,
}

/// Every language's messages, ready to format.
pub struct Catalog {
    locales: HashMap<LangTag, Locale>,
    reference: LangTag,
}

/// A formatted message and the language it was actually found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken<'a> {
    pub text: String,
    pub lang: &'a LangTag,
    pub voice: &'a Voice,
}

impl Catalog {
    /// Load `dir/<lang>/*.ftl` for every language directory; `reference`
    /// (Japanese) must exist: flows are checked against it.
    pub fn load(
        dir: &Path,
        reference: &LangTag,
        settings: &BTreeMap<LangTag, LanguageSettings>,
    ) -> Result<Catalog, LocaleError> {
        let io = |path: &Path, cause| LocaleError::Io {
            path: path.display().to_string(),
            cause,
        };
        let mut errors = Vec::new();
        let mut locales = HashMap::new();
        let mut dirs: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| io(dir, e))?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .collect();
        dirs.sort_by_key(|e| e.file_name());
        let no_settings = LanguageSettings::default();
        for entry in dirs {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(lang) = LangTag::parse(&name) else {
                errors.push(Located::file_start(
                    entry.path().display().to_string(),
                    format!(
                        "{name:?} is not a language tag; name locale folders like ja, en, zh-CN, pt-BR"
                    ),
                ));
                continue;
            };
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // Unicode isolation marks around variables would be read out (or
            // garble) by text-to-speech.
            bundle.set_use_isolating(false);
            for path in ftl_files(&entry.path()).map_err(|e| io(&entry.path(), e))? {
                let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
                add_resource(&mut bundle, &path.display().to_string(), text, &mut errors);
            }
            let s = settings.get(&lang).unwrap_or(&no_settings);
            locales.insert(
                lang.clone(),
                Locale {
                    bundle,
                    voice: s.voice_for(&lang),
                    fallback: s.fallback_for(&lang, reference),
                },
            );
        }
        if !errors.is_empty() {
            return Err(LocaleError::Invalid(errors));
        }
        if !locales.contains_key(reference) {
            return Err(LocaleError::NoReference(reference.to_string()));
        }
        Ok(Catalog {
            locales,
            reference: reference.clone(),
        })
    }

    pub fn reference(&self) -> &LangTag {
        &self.reference
    }

    /// Every loaded language, sorted.
    pub fn languages(&self) -> Vec<&LangTag> {
        let mut v: Vec<_> = self.locales.keys().collect();
        v.sort();
        v
    }

    pub fn has_language(&self, lang: &LangTag) -> bool {
        self.locales.contains_key(lang)
    }

    pub fn voice(&self, lang: &LangTag) -> Option<&Voice> {
        self.locales.get(lang).map(|l| &l.voice)
    }

    /// `lang` and then its fallbacks, as far as they are loaded.
    pub fn chain<'a>(&'a self, lang: &'a LangTag) -> Vec<&'a LangTag> {
        match self.locales.get_key_value(lang) {
            Some((l, loc)) => std::iter::once(l)
                .chain(
                    loc.fallback
                        .iter()
                        .filter(|f| self.locales.contains_key(*f)),
                )
                .collect(),
            None => vec![&self.reference],
        }
    }

    /// Whether `lang`'s own catalogue defines `id`.
    pub fn has_message(&self, lang: &LangTag, id: &str) -> bool {
        self.locales
            .get(lang)
            .is_some_and(|l| l.bundle.has_message(id))
    }

    /// Format `id` as text in the first language of `lang`'s chain that has
    /// it and a voice to say it.
    pub fn speak(&self, lang: &LangTag, id: &str, args: &FluentArgs) -> Option<Spoken<'_>> {
        self.chain(lang)
            .into_iter()
            .find_map(|l| self.speak_exactly(l, id, args))
    }

    /// Format `id` in exactly `lang`, if that language has a voice.
    pub fn speak_exactly(&self, lang: &LangTag, id: &str, args: &FluentArgs) -> Option<Spoken<'_>> {
        let (lang, locale) = self.locales.get_key_value(lang)?;
        if !locale.voice.can_speak() {
            return None;
        }
        let text = self
            .segments(lang, id, args, &Given::new())?
            .into_iter()
            .map(|s| s.text)
            .collect();
        Some(Spoken {
            text,
            lang,
            voice: &locale.voice,
        })
    }

    /// Whether `id` in `lang` has placeables (variables, selectors): only
    /// those need the call's arguments.
    pub fn has_placeables(&self, lang: &LangTag, id: &str) -> bool {
        self.locales
            .get(lang)
            .and_then(|l| l.bundle.get_message(id))
            .and_then(|m| m.value())
            .is_some_and(|p| {
                p.elements
                    .iter()
                    .any(|e| matches!(e, ast::PatternElement::Placeable { .. }))
            })
    }

    /// `$NAME-list` for each answer NAME (a `choices` step's comma list)
    /// that `lang` has a `NAME-name` message for: each word named by it
    /// (`$NAME` = the word), joined by the language's `list-and` and
    /// `list-comma` (", " and " " where it lacks them). So "fever,rash" is
    /// read "fever and rash", "発熱と発疹", each language its own way.
    /// Returns the same lists cut into segments (`symptom-name.fever`,
    /// `list-and.1`…), for [`Catalog::segments`] to say from recordings.
    pub fn add_lists<'a>(
        &self,
        lang: &LangTag,
        answers: &BTreeMap<String, String>,
        args: &mut FluentArgs<'a>,
    ) -> Given {
        let mut given = Given::new();
        let Some(locale) = self.locales.get(lang) else {
            return given;
        };
        let cut = |id: &str, a: &FluentArgs, g: &Given| -> Option<Vec<Segment>> {
            let pattern = locale.bundle.get_message(id)?.value()?;
            let (mut out, mut errors) = (Vec::new(), Vec::new());
            fragments::walk(&locale.bundle, id, pattern, a, g, &mut out, &mut errors, 0);
            if !errors.is_empty() {
                tracing::debug!(message = id, lang = %lang, ?errors, "list formatted with errors");
            }
            Some(out)
        };
        let join = |id: &str, names: [&str; 2], first: Vec<Segment>, last: Vec<Segment>| {
            let fallback = |first: Vec<Segment>, last: Vec<Segment>, sep: &str| {
                let mut v = first;
                v.push(Segment {
                    text: sep.to_owned(),
                    key: None,
                    var: None,
                    fragments: Some(Vec::new()),
                });
                v.extend(last);
                v
            };
            if !locale.bundle.has_message(id) {
                let sep = if id == super::LIST_AND { " " } else { ", " };
                return fallback(first, last, sep);
            }
            let g = Given::from([(names[0].to_owned(), first), (names[1].to_owned(), last)]);
            cut(id, &FluentArgs::new(), &g).unwrap_or_default()
        };
        for (name, value) in answers {
            let id = super::list_name_message(name);
            if !locale.bundle.has_message(&id) {
                continue;
            }
            let items: Vec<Vec<Segment>> = value
                .split(',')
                .filter(|w| !w.is_empty())
                .filter_map(|w| {
                    let mut a = FluentArgs::with_capacity(1);
                    a.set(name.as_str(), w);
                    cut(&id, &a, &Given::new())
                })
                .collect();
            let joined = super::join_list(
                items,
                |first, last| join(super::LIST_AND, ["first", "last"], first, last),
                |first, rest| join(super::LIST_COMMA, ["first", "rest"], first, rest),
            );
            let list = [name.as_str(), "-list"].concat();
            args.set(
                list.clone(),
                joined.iter().map(|s| s.text.as_str()).collect::<String>(),
            );
            given.insert(list, joined);
        }
        given
    }

    /// `id` in exactly `lang`, formatted piece by piece so that recordings
    /// can stand in for its fixed text, the variants the answers chose and
    /// (through the fragments) its values: see [`fragments`] for the keys.
    /// `given`: variables already cut into segments (from `add_lists`).
    /// `None` if `lang` lacks the message.
    pub fn segments(
        &self,
        lang: &LangTag,
        id: &str,
        args: &FluentArgs,
        given: &Given,
    ) -> Option<Vec<Segment>> {
        let locale = self.locales.get(lang)?;
        let pattern = locale.bundle.get_message(id)?.value()?;
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        fragments::walk(
            &locale.bundle,
            id,
            pattern,
            args,
            given,
            &mut out,
            &mut errors,
            0,
        );
        if !errors.is_empty() {
            tracing::debug!(message = id, lang = %lang, ?errors, "prompt formatted with errors");
        }
        Some(out)
    }

    /// Every recording key of `id` in `lang`, whatever the answers (each
    /// variant), with the text to record. Empty if `lang` lacks it.
    pub fn recordable(&self, lang: &LangTag, id: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(locale) = self.locales.get(lang)
            && let Some(pattern) = locale.bundle.get_message(id).and_then(|m| m.value())
        {
            fragments::recordable(id, pattern, &mut out, 0);
        }
        out
    }

    /// The shared fragments `lang` defines (`numbers.ftl`: `digit-0`,
    /// `number-38`, `month-11`…) with their text, sorted by id.
    pub fn fragments(&self, lang: &LangTag) -> Vec<(String, String)> {
        let Some(locale) = self.locales.get(lang) else {
            return Vec::new();
        };
        let mut out: Vec<(String, String)> = FRAGMENT_IDS
            .iter()
            .flat_map(|f| f())
            .filter_map(|id| {
                let pattern = locale.bundle.get_message(&id)?.value()?;
                let mut errors = Vec::new();
                let text = locale.bundle.format_pattern(pattern, None, &mut errors);
                Some((id.clone(), text.into_owned()))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The ids a language's `numbers.ftl` may define.
const FRAGMENT_IDS: [fn() -> Vec<String>; 4] = [
    || (0..10).map(|d| format!("digit-{d}")).collect(),
    || {
        (0..100)
            .map(|n| format!("number-{n}"))
            .chain([
                "number-hundred".into(),
                "number-thousand".into(),
                "decimal-point".into(),
            ])
            .collect()
    },
    || (1..13).map(|m| format!("month-{m}")).collect(),
    || {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .map(|d| format!("weekday-{d}"))
            .collect()
    },
];

/// The `.ftl` files of one locale directory, sorted.
pub fn ftl_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    Ok(files)
}

fn add_resource(bundle: &mut Bundle, file: &str, text: String, errors: &mut Vec<Located>) {
    let resource = match FluentResource::try_new(text.clone()) {
        Ok(r) => r,
        Err((_, parse_errors)) => {
            for e in parse_errors {
                errors.push(Located::at(
                    file,
                    &text,
                    e.pos.start,
                    format!(
                        "{}; fix the Fluent syntax here (see projectfluent.org)",
                        e.kind
                    ),
                ));
            }
            return;
        }
    };
    if let Err(es) = bundle.add_resource(resource) {
        for e in es {
            errors.push(Located::file_start(
                file,
                format!("{e}; each message id may be defined once per language"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `summary-symptom` as the shipped locales read `symptom` back.
    fn read_back(catalog: &Catalog, lang: &str, symptom: &str) -> String {
        let lang = LangTag::parse(lang).unwrap();
        let answers = BTreeMap::from([("symptom".to_owned(), symptom.to_owned())]);
        let mut args = super::super::call_args(&answers, "");
        catalog.add_lists(&lang, &answers, &mut args);
        catalog
            .speak_exactly(&lang, "summary-symptom", &args)
            .unwrap()
            .text
    }

    #[test]
    fn a_symptom_list_is_read_back_as_a_list_in_each_language() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let ja = LangTag::parse("ja").unwrap();
        let catalog = Catalog::load(&dir, &ja, &BTreeMap::new()).unwrap();
        assert_eq!(read_back(&catalog, "ja", "rash"), "症状は発疹。");
        assert_eq!(
            read_back(&catalog, "ja", "fever,respiratory,diarrhoea"),
            "症状は発熱、せき、のどの痛み、鼻水、下痢や腹痛。"
        );
        assert_eq!(
            read_back(&catalog, "en", "fever,vomiting"),
            "Your child has a fever and nausea or vomiting."
        );
        assert_eq!(
            read_back(&catalog, "en", "fever,respiratory,headache"),
            "Your child has a fever, a cough or cold and a headache."
        );
        assert_eq!(
            read_back(&catalog, "es", "fever,rash"),
            "Tiene fiebre y ronchas o sarpullido."
        );
        // A word the locale does not know reads as its "other" variant.
        assert_eq!(
            read_back(&catalog, "en", "asthma"),
            "Your child has another symptom."
        );
    }
}
