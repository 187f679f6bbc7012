//! The caller's number as Twilio gives it in `From`, or nothing at all when
//! the number is withheld.
//!
//! A withheld number arrives as a word (`anonymous`, `Restricted`, …), as
//! that word spelt on a keypad (`+266696687` is A-N-O-N-Y-M-O-U-S; seen on
//! Japanese numbers), or empty. Those values are not one caller: kept as a
//! number, every withheld caller would share one remembered language and
//! be listed as one number to call back. So they parse to `None`, and
//! everything that keys on a caller (the remembered language, the call
//! log's call-backs, the report's `caller`) sees no caller.

use std::fmt;

/// A caller's number (or other address) that identifies one caller.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CallerId(String);

/// The words carriers and Twilio use for a withheld number, lowercase.
const WITHHELD_WORDS: [&str; 7] = [
    "anonymous",
    "restricted",
    "unknown",
    "private",
    "blocked",
    "unavailable",
    "withheld",
];

/// The same words spelt on a keypad, as some carriers send them instead:
/// only `+266696687` has been seen; the others follow the same rule (a unit
/// test holds each equal to its word's spelling). None is a dialable number.
const WITHHELD_SPELT: [&str; 6] = [
    "266696687",   // ANONYMOUS
    "7378742833",  // RESTRICTED
    "8656696",     // UNKNOWN
    "7748283",     // PRIVATE
    "2562533",     // BLOCKED
    "86282452253", // UNAVAILABLE
];

impl CallerId {
    /// `None` for a withheld or missing number, whatever its case or the
    /// spaces around it; otherwise the value as given.
    pub fn parse(from: &str) -> Option<CallerId> {
        let v = from.trim();
        if v.is_empty() || is_withheld(v) {
            return None;
        }
        Some(CallerId(v.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_withheld(v: &str) -> bool {
    let word = |w: &str| WITHHELD_WORDS.iter().any(|x| x.eq_ignore_ascii_case(w));
    if word(v) || WITHHELD_SPELT.contains(&v.strip_prefix('+').unwrap_or(v)) {
        return true;
    }
    // `sip:anonymous@anonymous.invalid` (RFC 3323) and a browser client
    // with no identity, `client:Anonymous`.
    let Some((scheme, rest)) = v.split_once(':') else {
        return false;
    };
    ["sip", "sips", "client"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
        && word(rest.split('@').next().unwrap_or(rest))
}

impl fmt::Display for CallerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withheld_values_are_no_caller() {
        for v in [
            "",
            "  ",
            "anonymous",
            "Anonymous",
            "ANONYMOUS",
            "restricted",
            "Restricted",
            "unknown",
            "Unknown",
            "private",
            "Blocked",
            "unavailable",
            "+266696687",
            "266696687",
            "+7378742833",
            "+8656696",
            "sip:anonymous@anonymous.invalid",
            "client:Anonymous",
            " anonymous ",
        ] {
            assert_eq!(CallerId::parse(v), None, "{v:?}");
        }
    }

    #[test]
    fn numbers_and_addresses_are_kept_as_given() {
        for v in [
            "+819012345678",
            "+81312345678",
            "0312345678",
            "client:alice",
            "sip:parent@example.jp",
            "+2666966870",
        ] {
            assert_eq!(CallerId::parse(v).unwrap().as_str(), v);
        }
    }

    /// The keypad spellings are the words', letter by letter.
    #[test]
    fn the_spelt_values_spell_the_words() {
        let key = |c: char| match c {
            'A'..='C' => '2',
            'D'..='F' => '3',
            'G'..='I' => '4',
            'J'..='L' => '5',
            'M'..='O' => '6',
            'P'..='S' => '7',
            'T'..='V' => '8',
            _ => '9',
        };
        for (spelt, word) in WITHHELD_SPELT.iter().zip([
            "ANONYMOUS",
            "RESTRICTED",
            "UNKNOWN",
            "PRIVATE",
            "BLOCKED",
            "UNAVAILABLE",
        ]) {
            assert_eq!(*spelt, word.chars().map(key).collect::<String>(), "{word}");
        }
    }
}
