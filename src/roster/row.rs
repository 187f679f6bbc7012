//! One student's row: the field count, then each field checked and tidied
//! (student number, grade, class, attendance number, name, kana, phones).

use super::header::{CLASS, GRADE, KANA, NAME, NUMBER, PHONES, REQUIRED, STUDENT};
use super::read::{Columns, Parser, Place};
use crate::domain::Student;

impl Parser<'_> {
    /// Check one student's row; the student if every field is right.
    pub(super) fn row(
        &mut self,
        record: &csv::StringRecord,
        place: &Place,
        header: Columns,
    ) -> Option<Student> {
        let fields = record.len();
        let columns = header.named;
        // Empty fields under the header's own empty columns are Excel's.
        let extra = (columns..fields).any(|i| i >= header.fields || !record[i].trim().is_empty());
        if extra {
            self.error(
                place,
                NAME,
                format!(
                    "this row has {fields} fields but the header has {columns} columns; a name with a comma must be in double quotes, e.g. \"Santos, Maria\""
                ),
            );
            return None;
        }
        // Missing fields at the end are empty kana and phones.
        if fields < REQUIRED {
            self.error_at_end(
                place,
                format!(
                    "this row has {fields} field{} but needs at least {REQUIRED} (student, grade, class, number, name); add the missing fields",
                    if fields == 1 { "" } else { "s" }
                ),
            );
            return None;
        }
        let field = |i: usize| {
            if i < columns.min(fields) {
                record[i].trim()
            } else {
                ""
            }
        };
        let before = self.errors.len();
        let check = |this: &mut Self, i: usize, r: Result<String, String>| match r {
            Ok(v) => v,
            Err(m) => {
                this.error(place, i, m);
                String::new()
            }
        };
        let student = Student {
            student: check(self, STUDENT, student_number(field(STUDENT))),
            grade: check(self, GRADE, grade(field(GRADE))),
            class: check(self, CLASS, class(field(CLASS))),
            number: check(self, NUMBER, attendance_number(field(NUMBER))),
            name: check(self, NAME, name(field(NAME))),
            kana: check(self, KANA, kana(field(KANA))),
            phones: check(self, PHONES, phones(field(PHONES))),
        };
        (self.errors.len() == before).then_some(student)
    }
}

pub(super) fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// Full-width Latin letters, digits and signs (Ａ, １, ＋, －).
fn is_full_width_ascii(c: char) -> bool {
    ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

fn is_kana(c: char) -> bool {
    ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{FF66}'..='\u{FF9F}').contains(&c)
}

fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c) || c == '々'
}

/// A small whole number written with half-width digits, in `range`.
fn small_number(
    what: &str,
    v: &str,
    range: std::ops::RangeInclusive<u32>,
    suffix: char,
) -> Result<String, String> {
    let (lo, hi) = (range.start(), range.end());
    if v.is_empty() {
        return Err(format!("{what} is empty; write a number from {lo} to {hi}"));
    }
    if v.chars().any(is_full_width_ascii) {
        return Err(format!(
            "{what} {v:?} uses full-width characters; type it with half-width digits 0-9"
        ));
    }
    if let Some(n) = v
        .strip_suffix(suffix)
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!(
            "{what} {v:?}: write only the number, e.g. {n}, without {suffix}"
        ));
    }
    match v.parse::<u32>() {
        Ok(n) if v.bytes().all(|b| b.is_ascii_digit()) && range.contains(&n) => Ok(n.to_string()),
        _ => Err(format!("{what} {v:?} must be a number from {lo} to {hi}")),
    }
}

/// 4–8 half-width digits: what parents key in.
fn student_number(v: &str) -> Result<String, String> {
    if v.is_empty() {
        return Err(
            "student number is empty; every row needs the 4 to 8 digit number parents key in"
                .into(),
        );
    }
    if v.chars().any(is_full_width_digit) {
        return Err(format!(
            "student number {v:?} uses full-width digits; type it with half-width digits 0-9"
        ));
    }
    if !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "student number {v:?} must be 4 to 8 digits 0-9, with no letters, spaces or hyphens"
        ));
    }
    if !(4..=8).contains(&v.len()) {
        return Err(format!(
            "student number {v:?} has {} digits; it must have 4 to 8",
            v.len()
        ));
    }
    Ok(v.to_owned())
}

fn grade(v: &str) -> Result<String, String> {
    small_number("grade", v, 1..=9, '年')
}

fn attendance_number(v: &str) -> Result<String, String> {
    small_number("attendance number", v, 1..=99, '番')
}

/// A class as the line reads it back: a number (1–99), or a short name of
/// letters, kana or kanji (A, い, 松).
fn class(v: &str) -> Result<String, String> {
    if v.is_empty() {
        return Err("class is empty; write the class, e.g. 1, 2, A or い".into());
    }
    if v.chars().any(is_full_width_ascii) {
        return Err(format!(
            "class {v:?} uses full-width characters; type it with half-width digits 0-9 or letters A-Z"
        ));
    }
    if let Some(c) = v.strip_suffix('組').filter(|c| !c.is_empty()) {
        return Err(format!(
            "class {v:?}: write only the class, e.g. {c}, without 組"
        ));
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return small_number("class", v, 1..=99, '組');
    }
    let name_like = |c: char| c.is_ascii_alphabetic() || is_kana(c) || is_kanji(c);
    if v.chars().count() <= 4 && v.chars().all(name_like) {
        return Ok(v.to_owned());
    }
    Err(format!(
        "class {v:?} must be a number from 1 to 99 or up to 4 letters, kana or kanji (e.g. 1, A, い, 松)"
    ))
}

fn name(v: &str) -> Result<String, String> {
    if v.is_empty() {
        return Err(
            "name is empty; write the student's name (氏名) as the records system has it".into(),
        );
    }
    Ok(v.to_owned())
}

/// The reading: kana, with spaces. Only Latin letters and digits are
/// refused (a romanised name or a number in the wrong column).
fn kana(v: &str) -> Result<String, String> {
    if v.chars()
        .any(|c| c.is_ascii_alphanumeric() || (is_full_width_ascii(c) && c.is_alphanumeric()))
    {
        return Err(format!(
            "kana {v:?} has Latin letters or digits; write the reading in hiragana or katakana, e.g. やまだ はなこ"
        ));
    }
    Ok(v.to_owned())
}

/// One or more guardian numbers separated by `;` or `/`: each digits with
/// an optional leading `+`, hyphens and spaces, 10 to 15 digits.
fn phones(v: &str) -> Result<String, String> {
    let mut out = Vec::new();
    for p in v
        .split([';', '/', '；', '／'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if p.chars().any(is_full_width_ascii) {
            return Err(format!(
                "phone number {p:?} uses full-width characters; type it with half-width digits 0-9 and -"
            ));
        }
        let body = p.strip_prefix('+').unwrap_or(p);
        if !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
        {
            return Err(format!(
                "phone number {p:?} may have only digits, a leading +, hyphens and spaces, e.g. 090-1234-5678 or +81 90 1234 5678; separate several numbers with ; or /"
            ));
        }
        let digits = body.bytes().filter(u8::is_ascii_digit).count();
        if !(10..=15).contains(&digits) {
            return Err(format!(
                "phone number {p:?} has {digits} digits; write the whole number with its area code (10 to 15 digits), e.g. 03-1234-5678"
            ));
        }
        out.push(p);
    }
    Ok(out.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::test_support::*;

    #[test]
    fn a_full_row_becomes_a_tidy_record() {
        let r = ok(&row(
            " 010203 , 01 ,02, 03 ,山田 花子 , やまだ はなこ ,090-1234-5678; +81 3 1234 5678 /0312345678",
        ));
        assert_eq!(
            r.records(),
            [Student {
                student: "010203".into(),
                grade: "1".into(),
                class: "2".into(),
                number: "3".into(),
                name: "山田 花子".into(),
                kana: "やまだ はなこ".into(),
                phones: "090-1234-5678;+81 3 1234 5678;0312345678".into(),
            }]
        );
    }

    #[test]
    fn an_unquoted_comma_in_a_name_is_a_field_too_many_at_that_field() {
        assert_eq!(
            error(&row("60108,6,1,8,Santos, Maria,まりあ,")),
            "roster.csv:2:13: this row has 8 fields but the header has 7 columns; a name with a comma must be in double quotes, e.g. \"Santos, Maria\""
        );
        // A trailing comma is a field too many as well.
        assert!(
            error(&row("60108,6,1,8,Maria Santos,まりあ,,")).starts_with(
                "roster.csv:2:13: this row has 8 fields but the header has 7 columns;"
            )
        );
    }

    #[test]
    fn a_row_without_a_name_field_is_short() {
        assert_eq!(
            error(&row("10203,1,2,3")),
            "roster.csv:2:12: this row has 4 fields but needs at least 5 (student, grade, class, number, name); add the missing fields"
        );
    }

    #[test]
    fn student_number_full_width_digits_get_the_half_width_hint() {
        let mut text = String::from(HEAD);
        for n in 0..12 {
            text += &format!("{},1,2,3,山田,やまだ,\n", 10_100 + n);
        }
        text += "１０２０３,1,2,3,山田 花子,やまだ,\n";
        assert_eq!(
            error(&text),
            "roster.csv:14:1: student number \"１０２０３\" uses full-width digits; type it with half-width digits 0-9"
        );
    }

    #[test]
    fn student_number_must_be_4_to_8_ascii_digits() {
        assert_eq!(
            error(&row("123,1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number \"123\" has 3 digits; it must have 4 to 8"
        );
        assert_eq!(
            error(&row("123456789,1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number \"123456789\" has 9 digits; it must have 4 to 8"
        );
        assert_eq!(
            error(&row("10-203,1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number \"10-203\" must be 4 to 8 digits 0-9, with no letters, spaces or hyphens"
        );
        assert_eq!(
            error(&row(",1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number is empty; every row needs the 4 to 8 digit number parents key in"
        );
        assert_eq!(ok(&row("1234,1,2,3,山田,やまだ,")).len(), 1);
        assert_eq!(ok(&row("12345678,1,2,3,山田,やまだ,")).len(), 1);
    }

    #[test]
    fn grade_is_1_to_9() {
        let at = |g: &str| error(&row(&format!("10203,{g},2,3,山田,やまだ,")));
        assert_eq!(
            at("0"),
            "roster.csv:2:7: grade \"0\" must be a number from 1 to 9"
        );
        assert_eq!(
            at("10"),
            "roster.csv:2:7: grade \"10\" must be a number from 1 to 9"
        );
        assert_eq!(
            at(""),
            "roster.csv:2:7: grade is empty; write a number from 1 to 9"
        );
        assert_eq!(
            at("１"),
            "roster.csv:2:7: grade \"１\" uses full-width characters; type it with half-width digits 0-9"
        );
        assert_eq!(
            at("1年"),
            "roster.csv:2:7: grade \"1年\": write only the number, e.g. 1, without 年"
        );
        assert_eq!(ok(&row("10203,9,2,3,山田,やまだ,")).records()[0].grade, "9");
    }

    #[test]
    fn class_is_digits_or_a_letter_or_kana() {
        let at = |c: &str| error(&row(&format!("10203,1,{c},3,山田,やまだ,")));
        assert_eq!(
            at(""),
            "roster.csv:2:9: class is empty; write the class, e.g. 1, 2, A or い"
        );
        assert_eq!(
            at("2組"),
            "roster.csv:2:9: class \"2組\": write only the class, e.g. 2, without 組"
        );
        assert_eq!(
            at("Ａ"),
            "roster.csv:2:9: class \"Ａ\" uses full-width characters; type it with half-width digits 0-9 or letters A-Z"
        );
        assert_eq!(
            at("1-2"),
            "roster.csv:2:9: class \"1-2\" must be a number from 1 to 99 or up to 4 letters, kana or kanji (e.g. 1, A, い, 松)"
        );
        assert_eq!(
            at("0"),
            "roster.csv:2:9: class \"0\" must be a number from 1 to 99"
        );
        for (c, stored) in [
            ("1", "1"),
            ("02", "2"),
            ("A", "A"),
            ("い", "い"),
            ("松", "松"),
        ] {
            assert_eq!(
                ok(&row(&format!("10203,1,{c},3,山田,やまだ,"))).records()[0].class,
                stored
            );
        }
    }

    #[test]
    fn attendance_number_is_1_to_99() {
        let at = |n: &str| error(&row(&format!("10203,1,2,{n},山田,やまだ,")));
        assert_eq!(
            at("0"),
            "roster.csv:2:11: attendance number \"0\" must be a number from 1 to 99"
        );
        assert_eq!(
            at("100"),
            "roster.csv:2:11: attendance number \"100\" must be a number from 1 to 99"
        );
        assert_eq!(
            at(""),
            "roster.csv:2:11: attendance number is empty; write a number from 1 to 99"
        );
        assert_eq!(
            at("3番"),
            "roster.csv:2:11: attendance number \"3番\": write only the number, e.g. 3, without 番"
        );
        assert_eq!(
            at("３"),
            "roster.csv:2:11: attendance number \"３\" uses full-width characters; type it with half-width digits 0-9"
        );
        assert_eq!(
            ok(&row("10203,1,2,99,山田,やまだ,")).records()[0].number,
            "99"
        );
        assert_eq!(
            ok(&row("10203,1,2,03,山田,やまだ,")).records()[0].number,
            "3"
        );
    }

    #[test]
    fn name_must_not_be_empty() {
        assert_eq!(
            error(&row("10203,1,2,3,  ,やまだ,")),
            "roster.csv:2:13: name is empty; write the student's name (氏名) as the records system has it"
        );
    }

    #[test]
    fn kana_may_not_have_latin_letters_or_digits() {
        let at = |k: &str| error(&row(&format!("10203,1,2,3,山田,{k},")));
        assert_eq!(
            at("yamada"),
            "roster.csv:2:16: kana \"yamada\" has Latin letters or digits; write the reading in hiragana or katakana, e.g. やまだ はなこ"
        );
        assert!(
            at("やまだ2")
                .starts_with("roster.csv:2:16: kana \"やまだ2\" has Latin letters or digits")
        );
        assert!(
            at("ｙａｍａｄａ")
                .starts_with("roster.csv:2:16: kana \"ｙａｍａｄａ\" has Latin letters or digits")
        );
        for k in ["やまだ はなこ", "ヤマダ　ハナコ", "ﾔﾏﾀﾞ", ""] {
            assert_eq!(
                ok(&row(&format!("10203,1,2,3,山田,{k},"))).records()[0].kana,
                k.trim()
            );
        }
    }

    #[test]
    fn phones_are_10_to_15_digits_with_plus_hyphens_and_spaces() {
        let at = |p: &str| error(&row(&format!("10203,1,2,3,山田,やまだ,{p}")));
        assert_eq!(
            at("03(1234)5678"),
            "roster.csv:2:20: phone number \"03(1234)5678\" may have only digits, a leading +, hyphens and spaces, e.g. 090-1234-5678 or +81 90 1234 5678; separate several numbers with ; or /"
        );
        assert!(
            at("1234-5678")
                .starts_with("roster.csv:2:20: phone number \"1234-5678\" has 8 digits;")
        );
        assert!(
            at("+81 90 1234 5678 9012").starts_with(
                "roster.csv:2:20: phone number \"+81 90 1234 5678 9012\" has 16 digits;"
            )
        );
        assert!(
            at("090-1234-5678;81+9012345678").starts_with(
                "roster.csv:2:20: phone number \"81+9012345678\" may have only digits"
            )
        );
        assert!(at("０９０-1234-5678").starts_with(
            "roster.csv:2:20: phone number \"０９０-1234-5678\" uses full-width characters"
        ));
        let r = ok(&row(
            "10203,1,2,3,山田,やまだ,0312345678/+81 90 1234 5678 ;",
        ));
        assert_eq!(r.records()[0].phones, "0312345678;+81 90 1234 5678");
        assert_eq!(
            ok(&row("10203,1,2,3,山田,やまだ,+123456789012345")).records()[0].phones,
            "+123456789012345"
        );
    }
}
