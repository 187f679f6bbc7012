//! The staff pages' words: `ui/<lang>.ftl` (Fluent), built into the binary
//! and parsed once at start-up. Japanese by default; English by `?lang=en`,
//! remembered in the `al_lang` cookie.

use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::cookie;

const SOURCES: [(Lang, &str); 2] = [
    (Lang::Ja, include_str!("../../../ui/ja.ftl")),
    (Lang::En, include_str!("../../../ui/en.ftl")),
];

pub const LANG_COOKIE: &str = "al_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("ui/{lang}.ftl: {message}")]
pub struct UiError {
    lang: &'static str,
    message: String,
}

/// Every UI language's messages.
pub struct Ui {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl Ui {
    pub fn load() -> Result<Ui, UiError> {
        let mut bundles = HashMap::new();
        for (lang, text) in SOURCES {
            let err = |message: String| UiError {
                lang: lang.tag(),
                message,
            };
            let resource =
                FluentResource::try_new(text.to_owned()).map_err(|(_, e)| err(format!("{e:?}")))?;
            let id: unic_langid::LanguageIdentifier =
                lang.tag().parse().expect("a valid language tag");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|e| err(format!("{e:?}")))?;
            bundles.insert(lang, bundle);
        }
        Ok(Ui { bundles })
    }

    /// Message `id` in `lang` (Japanese if `lang` lacks it; the id itself,
    /// logged, if neither has it).
    pub fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        for l in [lang, Lang::Ja] {
            let bundle = &self.bundles[&l];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(
                        message = id,
                        lang = l.tag(),
                        ?errors,
                        "UI text formatted with errors"
                    );
                }
                return text.into_owned();
            }
        }
        tracing::error!(message = id, "UI text missing from ui/ja.ftl");
        id.to_owned()
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundles[&lang].has_message(id)
    }
}

/// The language a request is served in, and whether it was chosen just now
/// (`?lang=`), so the answer remembers it in a cookie.
#[derive(Debug, Clone, Copy)]
pub struct LangChoice {
    pub lang: Lang,
    pub chosen_now: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for LangChoice {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(LangChoice::of(parts))
    }
}

impl LangChoice {
    pub fn of(parts: &Parts) -> LangChoice {
        let from_query = parts.uri.query().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "lang")
                .and_then(|(_, v)| Lang::parse(&v))
        });
        if let Some(lang) = from_query {
            return LangChoice {
                lang,
                chosen_now: true,
            };
        }
        let lang = cookie::get(&parts.headers, LANG_COOKIE)
            .and_then(Lang::parse)
            .unwrap_or(Lang::Ja);
        LangChoice {
            lang,
            chosen_now: false,
        }
    }
}

/// Formatting in one language: what the pages hold.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub ui: &'a Ui,
    pub lang: Lang,
}

impl Tr<'_> {
    pub fn t(&self, id: &str) -> String {
        self.ui.format(self.lang, id, None)
    }

    /// With variables, all given as text.
    pub fn ta(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, (*v).to_owned());
        }
        self.ui.format(self.lang, id, Some(&a))
    }

    /// The label of a stored code (`absence`, `fever`, …), or the code.
    pub fn code(&self, code: &str) -> String {
        let id = format!("code-{code}");
        if self.ui.has(Lang::Ja, &id) {
            self.t(&id)
        } else {
            code.to_owned()
        }
    }

    /// A list of stored codes (`fever,respiratory`: every symptom a parent
    /// gave), each labelled, joined as the language lists words.
    pub fn codes(&self, list: &str) -> String {
        list.split(',')
            .map(|c| self.code(c))
            .collect::<Vec<_>>()
            .join(&self.t("code-separator"))
    }

    /// A language's name (`vi` → ベトナム語), or its tag.
    pub fn language(&self, tag: &str) -> String {
        let id = format!("language-{tag}");
        if self.ui.has(Lang::Ja, &id) {
            self.t(&id)
        } else {
            tag.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn ids(text: &str) -> BTreeSet<String> {
        text.lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
            .collect()
    }

    #[test]
    fn both_languages_load_with_the_same_messages() {
        let ui = Ui::load().unwrap();
        let ja = ids(SOURCES[0].1);
        let en = ids(SOURCES[1].1);
        assert!(ja.len() > 50, "{}", ja.len());
        assert_eq!(
            ja.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "ui/ja.ftl and ui/en.ftl define the same ids"
        );
        for id in &ja {
            assert!(ui.has(Lang::Ja, id) && ui.has(Lang::En, id), "{id}");
        }
    }

    /// Every `t("…")`/`ta("…"` in the staff pages names a message.
    #[test]
    fn every_message_the_pages_use_exists() {
        let ui = Ui::load().unwrap();
        let sources = [
            include_str!("access.rs"),
            include_str!("auth.rs"),
            include_str!("export.rs"),
            include_str!("layout.rs"),
            include_str!("mod.rs"),
            include_str!("pages/board.rs"),
            include_str!("pages/board/alerts.rs"),
            include_str!("pages/board/drill.rs"),
            include_str!("pages/board/heat.rs"),
            include_str!("pages/board/level.rs"),
            include_str!("pages/board/trends.rs"),
            include_str!("pages/call_log.rs"),
            include_str!("pages/login.rs"),
            include_str!("pages/morning_list.rs"),
            include_str!("pages/sheet.rs"),
            include_str!("pages/correction.rs"),
            include_str!("pages/alerts.rs"),
        ];
        let mut used = 0;
        for src in sources {
            for pat in [".t(\"", ".ta(\""] {
                for (i, _) in src.match_indices(pat) {
                    let rest = &src[i + pat.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    used += 1;
                    for lang in [Lang::Ja, Lang::En] {
                        assert!(ui.has(lang, id), "{id} missing in ui/{}.ftl", lang.tag());
                    }
                }
            }
        }
        assert!(used > 40, "{used}");
    }

    #[test]
    fn codes_and_variables() {
        let ui = Ui::load().unwrap();
        let ja = Tr {
            ui: &ui,
            lang: Lang::Ja,
        };
        let en = Tr {
            ui: &ui,
            lang: Lang::En,
        };
        assert_eq!(ja.code("absence"), "欠席");
        assert_eq!(en.code("absence"), "Absent");
        assert_eq!(ja.code("no-such-code"), "no-such-code");
        assert_eq!(ja.codes("fever"), "発熱");
        assert_eq!(
            ja.codes("fever,diarrhoea,vomiting"),
            "発熱・下痢・腹痛・嘔気・嘔吐"
        );
        assert_eq!(
            en.codes("fever,respiratory"),
            "Fever; Cough, sore throat, runny nose"
        );
        assert_eq!(en.code("hand-foot-mouth"), "Hand, foot and mouth disease");
        assert_eq!(
            ja.ta("group-title", &[("grade", "1"), ("class", "2")]),
            "1年2組"
        );
        assert_eq!(ja.language("vi"), "ベトナム語");
    }
}
