//! A caller recognised by number: the `caller` lookup's answers, and the
//! children's names as the call's language says them. Pure.
//!
//! A caller's number can be forged, so the line says only what a stranger
//! could not abuse: a child's given name (from the roster's kana reading)
//! and grade and class; never the family name, the full name or the
//! student number.

use std::collections::BTreeMap;

use super::port::KnownCaller;
use crate::domain::kana::{given_name, romaji};
use crate::domain::{LangTag, Student};
use crate::flow::MAX_CHILDREN;

/// The list answer of the caller's children (`known-count`, `known-N-…`)
/// and the answer that says which one the call is about (`1`, or `all`).
pub const KNOWN: &str = "known";
/// `known` when the report is for all of them (a family absence).
pub const ALL: &str = "all";
/// The value of `child-name` when the roster has no reading to say: the
/// messages then say grade and class only (`[unnamed]` variant).
pub const UNNAMED: &str = "unnamed";

/// The answers of the `caller` lookup for `known`: `caller-language` when
/// a language is remembered; one child's `student`, `grade`, `class`,
/// `number`, `child-kana` and `known` = 1; or, for several, `known-count`
/// and each one's `known-N-student` … `known-N-child-kana`.
pub fn caller_answers(known: &KnownCaller) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(lang) = &known.language {
        out.push(("caller-language".to_owned(), lang.to_string()));
    }
    let children = &known.children[..known.children.len().min(MAX_CHILDREN)];
    match children {
        [] => {}
        [one] => {
            out.extend(child_answers(one, ""));
            out.push((KNOWN.to_owned(), "1".to_owned()));
        }
        several => {
            out.push((format!("{KNOWN}-count"), several.len().to_string()));
            for (i, s) in several.iter().enumerate() {
                out.extend(child_answers(s, &format!("{KNOWN}-{}-", i + 1)));
            }
        }
    }
    out
}

fn child_answers(s: &Student, prefix: &str) -> Vec<(String, String)> {
    let mut out = vec![
        (format!("{prefix}student"), s.student.clone()),
        (format!("{prefix}grade"), s.grade.clone()),
        (format!("{prefix}class"), s.class.clone()),
        (format!("{prefix}number"), s.number.clone()),
    ];
    if let Some(given) = given_name(&s.kana) {
        out.push((format!("{prefix}child-kana"), given.to_owned()));
    }
    out
}

/// Set `child-name` (and each `known-N-child-name`) as `lang` says it:
/// the kana in Japanese, romanised in every other language (a voice for
/// English or Vietnamese cannot read kana), [`UNNAMED`] without a reading.
/// Run before each reply, so a language changed with `*` is followed.
pub fn name_children(answers: &mut BTreeMap<String, String>, lang: &LangTag) {
    let say = |kana: Option<&String>| -> String {
        kana.and_then(|k| {
            if lang.as_str() == "ja" {
                Some(k.clone())
            } else {
                romaji(k)
            }
        })
        .unwrap_or_else(|| UNNAMED.to_owned())
    };
    let count: usize = answers
        .get(&format!("{KNOWN}-count"))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    for n in 1..=count.min(MAX_CHILDREN) {
        let name = say(answers.get(&format!("{KNOWN}-{n}-child-kana")));
        answers.insert(format!("{KNOWN}-{n}-child-name"), name);
    }
    match answers.get(KNOWN).map(String::as_str) {
        Some(k) if k != ALL => {
            let name = say(answers.get("child-kana"));
            answers.insert("child-name".to_owned(), name);
        }
        _ => {
            answers.remove("child-name");
        }
    }
}

/// The children a family report is for (`known` = `all`): each one's
/// answers (`student`, `grade`, `class`, `number`) to put over the call's
/// before it is saved for them. Empty for any other report.
pub fn family(answers: &BTreeMap<String, String>) -> Vec<Vec<(String, String)>> {
    if answers.get(KNOWN).map(String::as_str) != Some(ALL) {
        return Vec::new();
    }
    let count: usize = answers
        .get(&format!("{KNOWN}-count"))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (1..=count.min(MAX_CHILDREN))
        .map(|n| {
            let prefix = format!("{KNOWN}-{n}-");
            ["student", "grade", "class", "number"]
                .iter()
                .filter_map(|field| {
                    let v = answers.get(&format!("{prefix}{field}"))?;
                    Some(((*field).to_owned(), v.clone()))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn student(number: &str, kana: &str) -> Student {
        Student {
            student: number.into(),
            grade: "1".into(),
            class: "2".into(),
            number: "3".into(),
            name: "山田 花子".into(),
            kana: kana.into(),
            phones: "090-0000-1203".into(),
        }
    }

    fn map(pairs: Vec<(String, String)>) -> BTreeMap<String, String> {
        pairs.into_iter().collect()
    }

    #[test]
    fn one_child_is_the_calls_student_named_by_its_given_name_only() {
        let known = KnownCaller {
            language: Some(LangTag::parse("en").unwrap()),
            children: vec![student("10203", "やまだ はなこ")],
        };
        let mut a = map(caller_answers(&known));
        assert_eq!(a["student"], "10203");
        assert_eq!(a["known"], "1");
        assert_eq!(a["caller-language"], "en");
        name_children(&mut a, &LangTag::parse("en").unwrap());
        assert_eq!(a["child-name"], "Hanako");
        name_children(&mut a, &LangTag::parse("ja").unwrap());
        assert_eq!(a["child-name"], "はなこ");
        assert!(
            !a.values()
                .any(|v| v.contains("やまだ") || v.contains("山田"))
        );
    }

    #[test]
    fn without_a_reading_no_name_is_said() {
        let known = KnownCaller {
            language: None,
            children: vec![student("10203", "やまだ")],
        };
        let mut a = map(caller_answers(&known));
        assert!(!a.contains_key("caller-language"));
        name_children(&mut a, &LangTag::parse("ja").unwrap());
        assert_eq!(a["child-name"], UNNAMED);
    }

    #[test]
    fn siblings_are_a_list_and_a_family_report_is_one_per_child() {
        let known = KnownCaller {
            language: None,
            children: vec![
                student("10203", "やまだ はなこ"),
                student("10215", "やまだ けんた"),
            ],
        };
        let mut a = map(caller_answers(&known));
        assert!(!a.contains_key("student"));
        assert_eq!(a["known-count"], "2");
        assert_eq!(a["known-2-student"], "10215");
        name_children(&mut a, &LangTag::parse("vi").unwrap());
        assert_eq!(a["known-1-child-name"], "Hanako");
        assert_eq!(a["known-2-child-name"], "Kenta");
        assert!(family(&a).is_empty());
        a.insert("known".into(), ALL.into());
        let each = family(&a);
        assert_eq!(each.len(), 2);
        assert!(each[1].contains(&("student".to_owned(), "10215".to_owned())));
    }
}
