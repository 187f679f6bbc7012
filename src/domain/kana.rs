//! A child's given name as the line may say it: the roster's reading
//! (`kana`, `やまだ はなこ`) has the family name first, and only the given
//! name is ever said to a caller recognised by number (a caller's number
//! can be forged). Japanese speech reads the kana; every other language
//! hears it romanised (Hepburn as on Japanese passports: `はなこ` →
//! `Hanako`, `ゆうき` → `Yuki`, `ほんま` → `Homma`), so an English or
//! Vietnamese voice can read it. Pure.

/// The given name of a reading written `family given`: the part after the
/// last space. `None` without a space: the reading may then be the family
/// name, which is not said.
pub fn given_name(kana: &str) -> Option<&str> {
    // Only the usual Japanese order, family name then given name, both in
    // hiragana: a name written in katakana (マリア サントス) may be in
    // either order, and saying the family name to a forged number is
    // what the line must never do. Anything else is unnamed.
    let mut parts = kana.split([' ', '\u{3000}']).filter(|p| !p.is_empty());
    let (Some(_family), Some(given), None) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    given
        .chars()
        .all(|c| ('\u{3041}'..='\u{3096}').contains(&c) || c == 'ー')
        .then_some(given)
}

/// `kana` (hiragana or katakana) in passport Hepburn, capitalised; `None`
/// if it has anything that is not kana.
pub fn romaji(kana: &str) -> Option<String> {
    let mut out = String::with_capacity(kana.len());
    let mut double_next = false;
    for c in kana.chars().map(to_hiragana) {
        match c {
            'っ' => double_next = true,
            // A long vowel mark: passport romanisation writes no long vowels.
            'ー' => {}
            'ゃ' | 'ゅ' | 'ょ' => {
                let v = match c {
                    'ゃ' => 'a',
                    'ゅ' => 'u',
                    _ => 'o',
                };
                if !out.ends_with('i') {
                    return None;
                }
                out.pop();
                // shi, chi, ji + ya → sha, cha, ja; ki + ya → kya.
                if !(out.ends_with("sh") || out.ends_with("ch") || out.ends_with('j')) {
                    out.push('y');
                }
                out.push(v);
            }
            'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' => {
                // A small vowel replaces the vowel before it: ふぁ → fa, てぃ → ti.
                let v = syllable(match c {
                    'ぁ' => 'あ',
                    'ぃ' => 'い',
                    'ぅ' => 'う',
                    'ぇ' => 'え',
                    _ => 'お',
                })?;
                if out.ends_with(['a', 'i', 'u', 'e', 'o']) {
                    out.pop();
                }
                out.push_str(v);
            }
            _ => {
                let s = syllable(c)?;
                if std::mem::take(&mut double_next) && !s.starts_with(['a', 'i', 'u', 'e', 'o']) {
                    // っ doubles the consonant, and is `t` before ch.
                    out.push(if s.starts_with("ch") {
                        't'
                    } else {
                        s.as_bytes()[0] as char
                    });
                }
                // ん before b, m or p is written m (なんば → Namba); a
                // syllable ends in a vowel, so a final n is always ん.
                if s.starts_with(['b', 'm', 'p']) && out.ends_with('n') {
                    out.pop();
                    out.push('m');
                }
                out.push_str(s);
            }
        }
    }
    if out.is_empty() {
        return None;
    }
    // Long vowels as a passport writes them: おお, おう → o; うう → u.
    let out = out.replace("ou", "o").replace("oo", "o").replace("uu", "u");
    let mut chars = out.chars();
    let first = chars.next()?.to_ascii_uppercase();
    Some(std::iter::once(first).chain(chars).collect())
}

/// Katakana → hiragana (the two blocks are parallel).
fn to_hiragana(c: char) -> char {
    match c {
        'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

fn syllable(c: char) -> Option<&'static str> {
    Some(match c {
        'あ' => "a",
        'い' => "i",
        'う' => "u",
        'え' => "e",
        'お' => "o",
        'か' => "ka",
        'き' => "ki",
        'く' => "ku",
        'け' => "ke",
        'こ' => "ko",
        'が' => "ga",
        'ぎ' => "gi",
        'ぐ' => "gu",
        'げ' => "ge",
        'ご' => "go",
        'さ' => "sa",
        'し' => "shi",
        'す' => "su",
        'せ' => "se",
        'そ' => "so",
        'ざ' => "za",
        'じ' => "ji",
        'ず' => "zu",
        'ぜ' => "ze",
        'ぞ' => "zo",
        'た' => "ta",
        'ち' => "chi",
        'つ' => "tsu",
        'て' => "te",
        'と' => "to",
        'だ' => "da",
        'ぢ' => "ji",
        'づ' => "zu",
        'で' => "de",
        'ど' => "do",
        'な' => "na",
        'に' => "ni",
        'ぬ' => "nu",
        'ね' => "ne",
        'の' => "no",
        'は' => "ha",
        'ひ' => "hi",
        'ふ' => "fu",
        'へ' => "he",
        'ほ' => "ho",
        'ば' => "ba",
        'び' => "bi",
        'ぶ' => "bu",
        'べ' => "be",
        'ぼ' => "bo",
        'ぱ' => "pa",
        'ぴ' => "pi",
        'ぷ' => "pu",
        'ぺ' => "pe",
        'ぽ' => "po",
        'ま' => "ma",
        'み' => "mi",
        'む' => "mu",
        'め' => "me",
        'も' => "mo",
        'や' => "ya",
        'ゆ' => "yu",
        'よ' => "yo",
        'ら' => "ra",
        'り' => "ri",
        'る' => "ru",
        'れ' => "re",
        'ろ' => "ro",
        'わ' => "wa",
        'ゐ' => "i",
        'ゑ' => "e",
        'を' => "o",
        'ん' => "n",
        'ゔ' => "vu",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_given_name_is_after_the_space() {
        assert_eq!(given_name("やまだ はなこ"), Some("はなこ"));
        // Three parts, or katakana, may be in either order: unnamed.
        assert_eq!(given_name("ぐえん ばん あん"), None);
        assert_eq!(given_name("マリア サントス"), None);
        assert_eq!(given_name("さとう　けんた"), Some("けんた"));
        // One word may be the family name: nothing is said.
        assert_eq!(given_name("やまだ"), None);
        assert_eq!(given_name(""), None);
    }

    #[test]
    fn hepburn_as_on_a_passport() {
        for (kana, latin) in [
            ("はなこ", "Hanako"),
            ("けんた", "Kenta"),
            ("いちろう", "Ichiro"),
            ("ゆうき", "Yuki"),
            ("しょうた", "Shota"),
            ("ちひろ", "Chihiro"),
            ("じゅん", "Jun"),
            ("りょう", "Ryo"),
            ("きょうこ", "Kyoko"),
            ("さっちゃん", "Satchan"),
            ("てっぺい", "Teppei"),
            ("しんいち", "Shinichi"),
            ("じゅんぺい", "Jumpei"),
            ("つばさ", "Tsubasa"),
            ("ふみか", "Fumika"),
            ("ケンタ", "Kenta"),
            ("エマ", "Ema"),
            ("ルーシー", "Rushi"),
            ("ソフィア", "Sofia"),
            ("あん", "An"),
        ] {
            assert_eq!(romaji(kana).as_deref(), Some(latin), "{kana}");
        }
    }

    #[test]
    fn what_is_not_kana_is_not_romanised() {
        assert_eq!(romaji("花子"), None);
        assert_eq!(romaji("hanako"), None);
        assert_eq!(romaji(""), None);
        assert_eq!(romaji("ゃ"), None);
    }
}
