//! The loaded catalogues of every language and the lookup along fallbacks.

use std::collections::HashMap;
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::voice::Voice;
use crate::domain::LangTag;
use crate::flow::Located;

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Located>),
    #[error("cannot read {path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("the reference locale {0} is missing: create locales/{0}/ with its .ftl files")]
    NoReference(String),
}

struct Locale {
    bundle: FluentBundle<FluentResource>,
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
    /// Load `dir/<lang>/*.ftl` for every language directory. `voice_for`
    /// gives each language's voice (config overrides, else the default);
    /// `reference` (Japanese) must exist: flows are checked against it.
    pub fn load(
        dir: &Path,
        reference: &LangTag,
        voice_for: &dyn Fn(&LangTag) -> Voice,
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
        for entry in dirs {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(lang) = LangTag::parse(&name) else {
                errors.push(Located {
                    file: entry.path().display().to_string(),
                    line: 1,
                    col: 1,
                    message: format!("{name:?} is not a language tag; name locale folders like ja, en, zh-CN, pt-BR"),
                });
                continue;
            };
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // Unicode isolation marks around variables would be read out (or
            // garble) by text-to-speech.
            bundle.set_use_isolating(false);
            let mut files: Vec<_> = std::fs::read_dir(entry.path())
                .map_err(|e| io(&entry.path(), e))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            files.sort();
            for path in files {
                let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
                let file = path.display().to_string();
                add_resource(&mut bundle, &file, text, &mut errors);
            }
            let voice = voice_for(&lang);
            locales.insert(
                lang.clone(),
                Locale {
                    bundle,
                    voice,
                    fallback: Vec::new(),
                },
            );
        }
        if !errors.is_empty() {
            return Err(LocaleError::Invalid(errors));
        }
        if !locales.contains_key(reference) {
            return Err(LocaleError::NoReference(reference.to_string()));
        }
        // Default chain: the language itself, English, then Japanese.
        let en = LangTag::parse("en").expect("valid tag");
        for (lang, locale) in locales.iter_mut() {
            locale.fallback = [&en, reference]
                .into_iter()
                .filter(|l| *l != lang)
                .cloned()
                .collect();
        }
        Ok(Catalog {
            locales,
            reference: reference.clone(),
        })
    }

    pub fn reference(&self) -> &LangTag {
        &self.reference
    }

    pub fn has_language(&self, lang: &LangTag) -> bool {
        self.locales.contains_key(lang)
    }

    /// Whether `lang`'s own catalogue defines `id`.
    pub fn has_message(&self, lang: &LangTag, id: &str) -> bool {
        self.locales
            .get(lang)
            .is_some_and(|l| l.bundle.has_message(id))
    }

    /// Format `id` for a caller who chose `lang`, falling back along the
    /// chain when that language lacks the message or cannot be spoken.
    pub fn speak(&self, lang: &LangTag, id: &str, args: &FluentArgs) -> Option<Spoken<'_>> {
        let chain = self
            .locales
            .get_key_value(lang)
            .map(|(l, loc)| {
                std::iter::once(l)
                    .chain(loc.fallback.iter())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_else(|| vec![&self.reference]);
        chain
            .into_iter()
            .find_map(|l| self.speak_exactly(l, id, args))
    }

    /// Format `id` in exactly `lang`, or nothing (for prompts that name
    /// their language, such as the options of the language menu).
    pub fn speak_exactly(&self, lang: &LangTag, id: &str, args: &FluentArgs) -> Option<Spoken<'_>> {
        let (lang, locale) = self.locales.get_key_value(lang)?;
        if !locale.voice.can_speak() {
            return None;
        }
        let pattern = locale.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = locale
            .bundle
            .format_pattern(pattern, Some(args), &mut errors);
        if !errors.is_empty() {
            tracing::debug!(message = id, lang = %lang, ?errors, "prompt formatted with errors");
        }
        Some(Spoken {
            text: text.into_owned(),
            lang,
            voice: &locale.voice,
        })
    }
}

fn add_resource(
    bundle: &mut FluentBundle<FluentResource>,
    file: &str,
    text: String,
    errors: &mut Vec<Located>,
) {
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
            errors.push(Located {
                file: file.to_owned(),
                line: 1,
                col: 1,
                message: format!("{e}; each message id may be defined once per language"),
            });
        }
    }
}
