//! The variables a prompt can use, derived from the call's answers so that
//! each language can read dates, times and numbers its own way.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::{FluentArgs, FluentValue};

/// Fluent arguments for a call: every answer under its own name, plus
/// derived forms: `NAME-digits` ("1 0 2 0 3") for digit strings (for a
/// list of numbers, `4,12` → "4, 1 2"), `NAME-month`,
/// `NAME-day`, `NAME-weekday` for dates, `NAME-hour`, `NAME-minute`,
/// `NAME-minute-padded` for times.
pub fn call_args<'a>(answers: &'a BTreeMap<String, String>, school: &'a str) -> FluentArgs<'a> {
    let mut args = FluentArgs::with_capacity(answers.len() * 2 + 1);
    args.set("school", school);
    for (name, value) in answers {
        args.set(name.as_str(), value.as_str());
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            args.set(format!("{name}-digits"), spaced(value));
        } else if let Some(list) = spaced_list(value) {
            args.set(format!("{name}-digits"), list);
        } else if let Some(d) = date_of(value) {
            args.set(format!("{name}-month"), FluentValue::from(d.month()));
            args.set(format!("{name}-day"), FluentValue::from(d.day()));
            let wd = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                [d.weekday().num_days_from_monday() as usize];
            args.set(format!("{name}-weekday"), wd);
        } else if let Some((h, m)) = time_of(value) {
            args.set(format!("{name}-hour"), FluentValue::from(h));
            args.set(format!("{name}-minute"), FluentValue::from(m));
            args.set(format!("{name}-minute-padded"), format!("{m:02}"));
        }
    }
    args
}

/// Whether `lang` writes a decimal with a comma (38,5), as Spanish,
/// Portuguese and Vietnamese do; by its primary language.
pub fn decimal_comma(lang: &str) -> bool {
    let primary = lang.split('-').next().unwrap_or(lang);
    matches!(
        primary,
        "es" | "pt" | "vi" | "fr" | "de" | "it" | "id" | "nl" | "ru" | "tr"
    )
}

/// Each decimal answer (`temperature` 38.5) as `lang` writes it: 38,5
/// where it writes decimals with a comma, so the voice reads it right.
pub fn localize_decimals<'a>(
    args: &mut FluentArgs<'a>,
    answers: &'a BTreeMap<String, String>,
    lang: &str,
) {
    if !decimal_comma(lang) {
        return;
    }
    for (name, value) in answers {
        if let Some((whole, part)) = value.split_once('.')
            && !whole.is_empty()
            && !part.is_empty()
            && whole
                .bytes()
                .chain(part.bytes())
                .all(|b| b.is_ascii_digit())
        {
            args.set(name.as_str(), [whole, ",", part].concat());
        }
    }
}

/// The message that names one word of the list answer `answer`
/// (`symptom-name`, with `$symptom` set to the word). An answer whose
/// message the language has gets `$NAME-list`: its words so named and
/// joined by [`LIST_AND`] and [`LIST_COMMA`] (see `Catalog::add_lists`).
pub fn list_name_message(answer: &str) -> String {
    [answer, "-name"].concat()
}

/// Joins the last two words of a list: `$first`, `$last` ("fever and rash").
pub const LIST_AND: &str = "list-and";
/// Puts each earlier word before the rest: `$first`, `$rest` ("fever, …").
pub const LIST_COMMA: &str = "list-comma";

/// `items` read as one list: "a", then `and(a, b)`, then `comma(a, and(b,
/// c))`, so each language words both joins its own way.
/// Items are text, or a message's segments (so a list can be said from
/// recordings too).
pub fn join_list<T: Default>(
    items: Vec<T>,
    and: impl Fn(T, T) -> T,
    comma: impl Fn(T, T) -> T,
) -> T {
    let mut from_the_end = items.into_iter().rev();
    let Some(mut out) = from_the_end.next() else {
        return T::default();
    };
    if let Some(before_last) = from_the_end.next() {
        out = and(before_last, out);
    }
    for item in from_the_end {
        out = comma(item, out);
    }
    out
}

/// An ISO date (`2026-11-25`); cheaper than a format-string parse, and
/// every answer of every prompt goes through here.
fn date_of(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| v[r].parse().ok())?
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

fn time_of(v: &str) -> Option<(u32, u32)> {
    let (h, m) = v.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Some((h.parse().ok()?, m.parse().ok()?))
}

/// A list of numbers (`4,12`, the references a lookup found), each read
/// digit by digit: "4, 1 2".
fn spaced_list(v: &str) -> Option<String> {
    if !v.contains(',') {
        return None;
    }
    let mut out = String::with_capacity(v.len() * 2);
    for (i, n) in v.split(',').enumerate() {
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&spaced(n));
    }
    Some(out)
}

fn spaced(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_readable_forms() {
        let answers: BTreeMap<String, String> = [
            ("student", "10203"),
            ("day", "2026-11-25"),
            ("time", "09:05"),
            ("kind", "late"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let args = call_args(&answers, "第一小");
        let get = |k: &str| match args.get(k) {
            Some(FluentValue::String(s)) => s.to_string(),
            Some(FluentValue::Number(n)) => n.value.to_string(),
            other => panic!("{k}: {other:?}"),
        };
        assert_eq!(get("student-digits"), "1 0 2 0 3");
        assert_eq!(get("day-month"), "11");
        assert_eq!(get("day-day"), "25");
        assert_eq!(get("day-weekday"), "wed");
        assert_eq!(get("time-hour"), "9");
        assert_eq!(get("time-minute-padded"), "05");
        assert_eq!(get("school"), "第一小");
        assert!(args.get("kind-digits").is_none());
    }

    #[test]
    fn a_list_of_numbers_is_read_digit_by_digit() {
        let answers: BTreeMap<String, String> = [("refs", "4,12"), ("odd", "4,,1"), ("one", "4,x")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let args = call_args(&answers, "");
        match args.get("refs-digits") {
            Some(FluentValue::String(s)) => assert_eq!(s, "4, 1 2"),
            other => panic!("{other:?}"),
        }
        assert!(args.get("odd-digits").is_none());
        assert!(args.get("one-digits").is_none());
    }

    #[test]
    fn lists_are_joined_like_a_sentence() {
        let join = |items: &[&str]| {
            join_list(
                items.iter().map(|s| s.to_string()).collect(),
                |a: String, b: String| format!("{a} and {b}"),
                |a: String, b: String| format!("{a}, {b}"),
            )
        };
        assert_eq!(join(&[]), "");
        assert_eq!(join(&["fever"]), "fever");
        assert_eq!(join(&["fever", "rash"]), "fever and rash");
        assert_eq!(
            join(&["fever", "cough", "headache", "rash"]),
            "fever, cough, headache and rash"
        );
    }

    #[test]
    fn decimals_follow_the_language() {
        let answers = BTreeMap::from([
            ("temperature".to_owned(), "38.5".to_owned()),
            ("time".to_owned(), "09:30".to_owned()),
        ]);
        let read = |lang: &str| {
            let mut args = call_args(&answers, "");
            localize_decimals(&mut args, &answers, lang);
            match args.get("temperature") {
                Some(FluentValue::String(s)) => s.to_string(),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(read("es"), "38,5");
        assert_eq!(read("pt-BR"), "38,5");
        assert_eq!(read("vi"), "38,5");
        assert_eq!(read("en"), "38.5");
        assert_eq!(read("ja"), "38.5");
        assert_eq!(read("ne"), "38.5");
    }

    #[test]
    fn dates_are_iso_dates_only() {
        assert_eq!(date_of("2026-11-25"), NaiveDate::from_ymd_opt(2026, 11, 25));
        assert_eq!(date_of("2028-02-29"), NaiveDate::from_ymd_opt(2028, 2, 29));
        for not in [
            "2026-02-30",
            "2026-13-01",
            "2026-1-255",
            "+026-11-25",
            "2026/11/25",
            "20261125",
            "2026-11-2５",
        ] {
            assert_eq!(date_of(not), None, "{not}");
        }
    }
}
