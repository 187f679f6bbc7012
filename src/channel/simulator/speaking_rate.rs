//! How long text-to-speech takes to say a text: a per-language speaking-rate
//! model, for `measure` (the line never hears Twilio's audio, so its length
//! is estimated; recordings are measured instead).
//!
//! A text is counted in syllable-like units, then divided by the language's
//! rate in units per second:
//!
//! - Japanese: morae. A kana is one (a small ゃゅょぁぃぅぇぉゎ joins the
//!   one before and counts nothing), a kanji two (the usual length of its
//!   reading), a digit two (いち, さん, なな…).
//! - Chinese: one syllable per hanzi and per digit.
//! - Korean: one syllable per Hangul block; a digit 1.5 (일, 삼, 삼십…).
//! - Vietnamese: one syllable per written word (Vietnamese writes each
//!   syllable apart); a digit one (một, hai, ba…).
//! - Nepali (Devanagari): one akshara per independent vowel and per
//!   consonant not joined to the next by a virama; a digit two. Nepali has
//!   no text-to-speech here: this count only cuts a recording in proportion.
//! - Latin-script languages (en, es, pt-BR, fil): one syllable per group of
//!   vowels in a word (English: less a silent final `e`); a digit 1.5 (1.7
//!   in Spanish and Portuguese, where most digits have two syllables).
//!
//! Rates: the syllable rates of read speech measured by Pellegrino, Coupé
//! and Marsico, "A cross-language perspective on speech information rate",
//! Language 87(3), 2011 (pauses over 150 ms removed): English 6.19/s,
//! Japanese 7.84 morae/s, Mandarin 5.18/s, Spanish 7.82/s. Text-to-speech
//! on a telephone line is slower than that and pauses at every full stop:
//! English voices are usually quoted at 150–160 words per minute (Amazon
//! documents no standard rate for Polly and says voices differ; Apple's
//! speech documentation puts average human speech at 180–220), about 3.8
//! syllables a second at 1.45 syllables a word. So every rate below is the
//! read-speech rate times 0.61 (= 3.8 / 6.19), pauses included: English
//! 3.8, Japanese 4.8 (288 morae a minute; Prafiyanto et al., Acoust. Sci. &
//! Tech. 39(2), 2018, found 320–360 morae a minute best for synthetic
//! Japanese heard by non-native listeners), Mandarin 3.2, Spanish 4.8.
//! Languages not in that study are assumptions, marked as such: Korean and
//! Brazilian Portuguese as fast as Italian's 6.99 (→ 4.3), Filipino
//! likewise (→ 4.3), Vietnamese as Mandarin (→ 3.2). BENCHMARKS.md repeats
//! these numbers; a real recording of a prompt is the way to check one.

use crate::domain::LangTag;

/// Read-speech rates times this give a text-to-speech rate (see above).
const TTS_FACTOR: f64 = 0.61;

/// How one language is counted and how fast its voice speaks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    counting: Counting,
    /// Units a second of read speech (Pellegrino et al. 2011, or assumed).
    read_speech: f64,
    /// Units one digit takes when read.
    digit: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counting {
    Morae,
    Hanzi,
    Hangul,
    VietnameseWords,
    Aksharas,
    VowelGroups { silent_final_e: bool },
}

impl Rate {
    /// The model for `lang` (an unknown language is counted as English).
    pub fn of(lang: &LangTag) -> Rate {
        let vowels = Counting::VowelGroups {
            silent_final_e: false,
        };
        let (counting, read_speech, digit) = match lang.as_str() {
            "ja" => (Counting::Morae, 7.84, 2.0),
            "zh-CN" | "zh" => (Counting::Hanzi, 5.18, 1.0),
            // Assumed: as fast as Italian (6.99).
            "ko" => (Counting::Hangul, 6.99, 1.5),
            // Assumed: as Mandarin, the other tonal language of the study.
            "vi" => (Counting::VietnameseWords, 5.18, 1.0),
            "es" => (vowels, 7.82, 1.7),
            // Assumed: as Italian.
            "pt-BR" | "pt" => (vowels, 6.99, 1.7),
            "fil" => (vowels, 6.99, 1.5),
            "ne" => (Counting::Aksharas, 6.99, 2.0),
            _ => (
                Counting::VowelGroups {
                    silent_final_e: true,
                },
                6.19,
                1.5,
            ),
        };
        Rate {
            counting,
            read_speech,
            digit,
        }
    }

    /// Text-to-speech units a second.
    pub fn per_second(&self) -> f64 {
        self.read_speech * TTS_FACTOR
    }

    /// Seconds the voice takes to say `text`.
    pub fn seconds(&self, text: &str) -> f64 {
        self.units(text) / self.per_second()
    }

    /// `text` in this language's units (morae, syllables, aksharas).
    pub fn units(&self, text: &str) -> f64 {
        let digits = text.chars().filter(char::is_ascii_digit).count() as f64 * self.digit;
        let spoken = match self.counting {
            Counting::Morae => text.chars().map(mora).sum(),
            Counting::Hanzi => text.chars().filter(|c| is_han(*c)).count() as f64,
            Counting::Hangul => text
                .chars()
                .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
                .count() as f64,
            Counting::VietnameseWords => text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count() as f64,
            Counting::Aksharas => aksharas(text),
            Counting::VowelGroups { .. } => 0.0,
        };
        // Latin words in any language (a school's romanised name, "COVID"),
        // except where every word was counted already.
        let latin = match self.counting {
            Counting::VietnameseWords => 0.0,
            Counting::VowelGroups { silent_final_e } => latin_syllables(text, silent_final_e),
            _ => latin_syllables(text, false),
        };
        spoken + digits + latin
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Morae of one Japanese character.
fn mora(c: char) -> f64 {
    const SMALL: &str = "ゃゅょぁぃぅぇぉゎャュョァィゥェォヮ";
    if SMALL.contains(c) {
        0.0
    } else if ('\u{3041}'..='\u{309F}').contains(&c) || ('\u{30A0}'..='\u{30FF}').contains(&c) {
        // Kana, and ー, っ, ん: one mora each.
        if c == '・' { 0.0 } else { 1.0 }
    } else if is_han(c) || c == '々' {
        2.0
    } else {
        0.0
    }
}

/// Aksharas of a Devanagari text: independent vowels, and consonants that
/// do not join the next one through a virama.
fn aksharas(text: &str) -> f64 {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0.0;
    for (i, c) in chars.iter().enumerate() {
        let independent_vowel = ('\u{0904}'..='\u{0914}').contains(c);
        let consonant =
            ('\u{0915}'..='\u{0939}').contains(c) || ('\u{0958}'..='\u{095F}').contains(c);
        let joined = consonant && chars.get(i + 1) == Some(&'\u{094D}');
        if independent_vowel || (consonant && !joined) {
            n += 1.0;
        }
    }
    n
}

fn is_latin_vowel(c: char) -> bool {
    const VOWELS: &str =
        "aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿăơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";
    c.to_lowercase().any(|l| VOWELS.contains(l))
}

/// Syllables of the Latin-script words of `text`, by groups of vowels.
fn latin_syllables(text: &str, silent_final_e: bool) -> f64 {
    let mut total = 0.0;
    for word in text.split(|c: char| !(c.is_alphabetic() && c.is_ascii() || is_latin_vowel(c))) {
        let word = word.to_lowercase();
        if word.is_empty() {
            continue;
        }
        let mut groups = 0u32;
        let mut in_vowel = false;
        for c in word.chars() {
            let v = is_latin_vowel(c);
            if v && !in_vowel {
                groups += 1;
            }
            in_vowel = v;
        }
        if silent_final_e && groups > 1 && word.ends_with('e') && !word.ends_with("le") {
            groups -= 1;
        }
        total += f64::from(groups.max(1));
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(lang: &str) -> Rate {
        Rate::of(&LangTag::parse(lang).unwrap())
    }

    #[test]
    fn units_follow_each_script() {
        // ko-n-ni-chi-wa: five morae; kyo (きょ) is one.
        assert_eq!(rate("ja").units("こんにちは"), 5.0);
        assert_eq!(rate("ja").units("きょう"), 2.0);
        // 欠席 (two kanji, four morae) + は + 1 (two).
        assert_eq!(rate("ja").units("欠席は1、"), 7.0);
        assert_eq!(rate("zh-CN").units("生病请按1。"), 5.0);
        assert_eq!(rate("ko").units("질병은 1번,"), 5.5);
        assert_eq!(rate("vi").units("Sốt, phím 1."), 3.0);
        // ne-pā-lī, bhā-ṣā: the virama of थिच्नु joins च to न.
        assert_eq!(rate("ne").units("नेपाली भाषा"), 5.0);
        assert_eq!(rate("ne").units("थिच्नु"), 2.0);
        // press (1) one (1): digits 1.5; "please" loses its silent e.
        assert_eq!(rate("en").units("Please press 1."), 3.5);
        assert_eq!(rate("es").units("Para fiebre, marque 1."), 7.7);
    }

    #[test]
    fn english_is_read_near_155_words_a_minute() {
        let text = "Please choose the reason. For illness, press 1. For an injury, press 2. \
                    For a medical appointment, press 3. For family reasons, press 4.";
        let words = text.split_whitespace().count() as f64;
        let wpm = words / rate("en").seconds(text) * 60.0;
        assert!((130.0..190.0).contains(&wpm), "{wpm} words a minute");
    }

    #[test]
    fn rates_keep_the_studys_order() {
        // Pellegrino et al.: Japanese and Spanish fastest, Mandarin slowest.
        assert!(rate("ja").per_second() > rate("en").per_second());
        assert!(rate("en").per_second() > rate("zh-CN").per_second());
        assert!((rate("en").per_second() - 3.78).abs() < 0.01);
        // An unknown language is counted as English.
        assert_eq!(rate("de"), rate("en"));
    }
}
