//! How each language is spoken by Twilio's text-to-speech.

/// Twilio `<Say>` settings for one language. `language: None` means Twilio
/// has no voice for it (Nepali): its prompts must be recordings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    pub language: Option<String>,
    pub voice: Option<String>,
}

impl Voice {
    pub fn can_speak(&self) -> bool {
        self.language.is_some()
    }
}

/// The voice used when the config does not name one. Voices are checked
/// against Twilio's list: a voice that does not match its language fails.
pub fn default_voice(lang: &str) -> Voice {
    let (language, voice) = match lang {
        "ja" => ("ja-JP", "Polly.Mizuki"),
        "en" => ("en-US", "Polly.Joanna"),
        "zh-CN" => ("cmn-CN", "Polly.Zhiyu"),
        "ko" => ("ko-KR", "Polly.Seoyeon"),
        "vi" => ("vi-VN", "Google.vi-VN-Standard-A"),
        "fil" => ("fil-PH", "Google.fil-PH-Standard-A"),
        "pt-BR" => ("pt-BR", "Polly.Camila"),
        "es" => ("es-MX", "Polly.Mia"),
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
