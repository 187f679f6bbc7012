//! How each language is spoken, and where it falls back to.

use serde::Deserialize;

use crate::domain::LangTag;

/// Twilio `<Say>` settings for one language. `language: None` means Twilio
/// has no voice for it (Nepali): its prompts must be recordings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    pub language: Option<String>,
    pub voice: Option<String>,
}

impl Voice {
    pub fn can_speak(&self) -> bool {
        self.language.is_some()
    }
}

/// `[languages.<tag>]` in the config: any field given replaces the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSettings {
    /// Twilio's `language` for `<Say>` (`ja-JP`); `""` for none.
    pub tts_language: Option<String>,
    /// Twilio's `voice` (`Polly.Mizuki`, `Google.vi-VN-Standard-A`).
    pub voice: Option<String>,
    /// Where a missing message or recording is looked for next, in order.
    pub fallback: Option<Vec<LangTag>>,
}

impl LanguageSettings {
    pub fn voice_for(&self, lang: &LangTag) -> Voice {
        let default = default_voice(lang.as_str());
        let language = match &self.tts_language {
            Some(l) if l.is_empty() => None,
            Some(l) => Some(l.clone()),
            None => default.language,
        };
        let voice = match &self.voice {
            Some(v) if v.is_empty() => None,
            Some(v) => Some(v.clone()),
            None if self.tts_language.is_some() => None,
            None => default.voice,
        };
        Voice { language, voice }
    }

    /// The chain after `lang` itself: configured, or English then `reference`.
    pub fn fallback_for(&self, lang: &LangTag, reference: &LangTag) -> Vec<LangTag> {
        let en = LangTag::parse("en").expect("valid tag");
        let chain = self
            .fallback
            .clone()
            .unwrap_or_else(|| vec![en, reference.clone()]);
        let mut out: Vec<LangTag> = Vec::with_capacity(chain.len());
        for l in chain {
            if &l != lang && !out.contains(&l) {
                out.push(l);
            }
        }
        out
    }
}

/// The voice used when the config does not name one. A voice that does not
/// match its language fails at Twilio, so these pairs come from its list:
/// Amazon's Neural voices where Twilio has one for the language (they
/// read names, numbers and dates far better than the standard ones), and
/// Google's WaveNet voices for Vietnamese and Filipino, which Polly lacks.
pub fn default_voice(lang: &str) -> Voice {
    let (language, voice) = match lang {
        "ja" => ("ja-JP", "Polly.Kazuha-Neural"),
        "en" => ("en-US", "Polly.Joanna-Neural"),
        "zh-CN" => ("cmn-CN", "Polly.Zhiyu-Neural"),
        "ko" => ("ko-KR", "Polly.Seoyeon-Neural"),
        "vi" => ("vi-VN", "Google.vi-VN-Wavenet-A"),
        "fil" => ("fil-PH", "Google.fil-PH-Wavenet-A"),
        "pt-BR" => ("pt-BR", "Polly.Camila-Neural"),
        "es" => ("es-MX", "Polly.Mia-Neural"),
        _ => {
            return Voice {
                language: None,
                voice: None,
            };
        }
    };
    Voice {
        language: Some(language.to_owned()),
        voice: Some(voice.to_owned()),
    }
}

/// Words a voice of `lang` misreads, and what to read instead (SSML
/// `<sub alias>`): Japanese voices read the class counter 組 after a
/// number as "so" rather than "kumi".
pub fn readings(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "ja" => &[("組", "くみ")],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    #[test]
    fn defaults_and_overrides() {
        let none = LanguageSettings::default();
        assert_eq!(
            none.voice_for(&tag("ja")).voice.as_deref(),
            Some("Polly.Kazuha-Neural")
        );
        assert!(!none.voice_for(&tag("ne")).can_speak());
        assert_eq!(
            none.fallback_for(&tag("ne"), &tag("ja")),
            [tag("en"), tag("ja")]
        );
        assert_eq!(none.fallback_for(&tag("en"), &tag("ja")), [tag("ja")]);
        let google = LanguageSettings {
            tts_language: Some("ja-JP".into()),
            voice: Some("Google.ja-JP-Neural2-B".into()),
            fallback: Some(vec![tag("ja")]),
        };
        assert_eq!(
            google.voice_for(&tag("ja")).voice.as_deref(),
            Some("Google.ja-JP-Neural2-B")
        );
        let silent = LanguageSettings {
            tts_language: Some(String::new()),
            ..Default::default()
        };
        assert!(!silent.voice_for(&tag("en")).can_speak());
    }

    /// Neural voices where Twilio has them, and each voice matches its
    /// language (a mismatch fails the call at Twilio).
    #[test]
    fn default_voices_are_neural_and_match_their_language() {
        for (lang, language, voice) in [
            ("ja", "ja-JP", "Polly.Kazuha-Neural"),
            ("en", "en-US", "Polly.Joanna-Neural"),
            ("zh-CN", "cmn-CN", "Polly.Zhiyu-Neural"),
            ("ko", "ko-KR", "Polly.Seoyeon-Neural"),
            ("pt-BR", "pt-BR", "Polly.Camila-Neural"),
            ("es", "es-MX", "Polly.Mia-Neural"),
            ("vi", "vi-VN", "Google.vi-VN-Wavenet-A"),
            ("fil", "fil-PH", "Google.fil-PH-Wavenet-A"),
        ] {
            let v = default_voice(lang);
            assert_eq!(v.language.as_deref(), Some(language), "{lang}");
            assert_eq!(v.voice.as_deref(), Some(voice), "{lang}");
            if let Some(google) = voice.strip_prefix("Google.") {
                assert!(google.starts_with(language), "{voice} speaks {language}");
            }
        }
        assert!(!default_voice("ne").can_speak());
    }
}
