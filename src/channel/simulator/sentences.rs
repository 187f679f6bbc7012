//! Where a caller stops listening, in a prompt's text: the end of its
//! first sentence (at a number to key in), or the end of the clause that
//! names their key (at a menu). Pure text rules, for `measure`.
//!
//! A sentence ends at `.`, `!`, `?`, `。`, `！`, `？` or the Devanagari `।`
//! (a `.` between digits, as in `38.5`, is a decimal point, not an end).
//! A clause also ends at a list comma (`,` `、` `，`): Japanese and Korean
//! list every option of a menu in one sentence ("欠席は1、遅刻は2、…"), and
//! a caller who has heard "欠席は1、" knows their key as well as one who
//! has heard "For an absence, press 1." does.
//!
//! A key is named where it stands as a number of its own: `1` in "press 1",
//! "1を", "1번", not in `10`, `38.5` or `9:30`.

/// Byte offset just after the first sentence of `text` (its end mark
/// included), or the whole text when it has none.
pub fn first_sentence_end(text: &str) -> usize {
    next_boundary(text, 0, false)
}

/// Byte offset just after the clause of `text` that names `key` at its last
/// mention, or `None` when `text` never names it. The last mention: in a
/// read-back the numbers read out before the question ("grade 1, class 2")
/// are not keys.
pub fn key_clause_end(text: &str, key: char) -> Option<usize> {
    let at = numbers(text)
        .filter(|&(start, end)| end - start == key.len_utf8() && text[start..].starts_with(key))
        .map(|(_, end)| end)
        .last()?;
    Some(next_boundary(text, at, true))
}

/// The byte ranges of the numbers in `text`: runs of ASCII digits, joined
/// across a `.`, `,` or `:` that has a digit on both sides.
fn numbers(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_digit() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        loop {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let joined =
                i + 1 < b.len() && matches!(b[i], b'.' | b',' | b':') && b[i + 1].is_ascii_digit();
            if !joined {
                break;
            }
            i += 1;
        }
        Some((start, i))
    })
}

/// Byte offset just after the first end mark at or after `from` (list
/// commas count when `clauses`), or `text.len()`.
fn next_boundary(text: &str, from: usize, clauses: bool) -> usize {
    let b = text.as_bytes();
    for (i, c) in text[from..].char_indices() {
        let at = from + i;
        let end = at + c.len_utf8();
        let is_end = match c {
            // A decimal point or a thousands comma is inside a number.
            '.' | ',' => {
                let digit_before = at > 0 && b[at - 1].is_ascii_digit();
                let digit_after = b.get(end).is_some_and(u8::is_ascii_digit);
                !(digit_before && digit_after) && (c == '.' || clauses)
            }
            '!' | '?' | '。' | '！' | '？' | '।' => true,
            '、' | '，' => clauses,
            _ => false,
        };
        if is_end {
            return end;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upto(text: &str, end: usize) -> &str {
        &text[..end]
    }

    #[test]
    fn the_first_sentence_ends_at_its_mark_not_inside_a_number() {
        let en = "Please enter the temperature. For example, for 38.5 degrees, press 3, 8, 5.";
        assert_eq!(
            upto(en, first_sentence_end(en)),
            "Please enter the temperature."
        );
        let ex = "For 38.5 degrees, press 3. Then wait.";
        assert_eq!(
            upto(ex, first_sentence_end(ex)),
            "For 38.5 degrees, press 3."
        );
        let ja = "体温を3けたの数字で入力してください。例えば38.5度の場合は";
        assert_eq!(
            upto(ja, first_sentence_end(ja)),
            "体温を3けたの数字で入力してください。"
        );
        let ne = "विद्यार्थी नम्बर थिच्नुहोस्। अनि ह्यास बटन थिच्नुहोस्।";
        assert_eq!(upto(ne, first_sentence_end(ne)), "विद्यार्थी नम्बर थिच्नुहोस्।");
        assert_eq!(first_sentence_end("no mark at all"), 14);
    }

    #[test]
    fn a_key_is_heard_at_the_end_of_its_clause() {
        let en = "For illness, press 1. For an injury, press 2.";
        assert_eq!(
            upto(en, key_clause_end(en, '1').unwrap()),
            "For illness, press 1."
        );
        assert_eq!(upto(en, key_clause_end(en, '2').unwrap()), en);
        // One sentence, options separated by list commas.
        let ja = "欠席の場合は1、遅刻の場合は2、早退の場合は3を押してください。";
        assert_eq!(
            upto(ja, key_clause_end(ja, '1').unwrap()),
            "欠席の場合は1、"
        );
        assert_eq!(upto(ja, key_clause_end(ja, '3').unwrap()), ja);
        let ko = "결석하는 경우 1번, 지각하는 경우 2번을 눌러 주십시오.";
        assert_eq!(
            upto(ko, key_clause_end(ko, '1').unwrap()),
            "결석하는 경우 1번,"
        );
    }

    #[test]
    fn numbers_read_back_are_not_keys() {
        // The last mention is the key: grade 1 is not.
        let ko = "자녀분은 1학년 2반 3번입니다. 맞으면 1번을 눌러 주십시오. 다시 하시려면 2번.";
        assert_eq!(
            upto(ko, key_clause_end(ko, '1').unwrap()),
            "자녀분은 1학년 2반 3번입니다. 맞으면 1번을 눌러 주십시오."
        );
        // Digits inside a longer number name no key.
        assert_eq!(
            key_clause_end("Reference 10203, at 9:15, 38.5 degrees.", '1'),
            None
        );
        assert_eq!(
            key_clause_end("Reference 10203, at 9:15, 38.5 degrees.", '5'),
            None
        );
        assert!(key_clause_end("press 3, 8, 5.", '8').is_some());
        assert!(key_clause_end("For English, press 2.", '1').is_none());
    }
}
