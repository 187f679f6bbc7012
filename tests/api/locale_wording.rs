//! The shipped locales say things as a parent of that language would
//! (issue 13, item 6): the wording the issue found copied from Japanese,
//! mixed politeness, or "son or daughter" in every prompt must not come back.
//! These read the files only; how the texts are spoken is tested elsewhere.

use std::path::Path;

/// The messages of `locales/<lang>/absence.ftl`, comments left out.
fn messages(lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang)
        .join("absence.ftl");
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The message `id` with its indented continuation lines.
fn message(text: &str, id: &str) -> String {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{id} =")));
    let first = lines.next().unwrap_or_else(|| panic!("no message {id}"));
    std::iter::once(first)
        .chain(lines.take_while(|l| l.starts_with(' ')))
        .collect::<Vec<_>>()
        .join("\n")
}

fn says_none_of(lang: &str, words: &[&str]) {
    let text = messages(lang);
    for w in words {
        assert!(!text.contains(w), "{lang} still says {w:?}");
    }
}

#[test]
fn chinese_says_what_a_parent_in_china_expects() {
    says_none_of(
        "zh-CN",
        &[
            "联络",
            "受理",
            "缺席联络专线",
            "暂停到校",
            "好几天",
            "学生编号",
        ],
    );
    let text = messages("zh-CN");
    assert!(text.contains("请假专线") && text.contains("学号"));
}

#[test]
fn korean_keeps_one_politeness_level() {
    // 합쇼체 throughout (-습니다, -십시오): no 해요체 request or statement.
    says_none_of("ko", &["세요", "해요", "에요", "예요"]);
    assert!(messages("ko").contains("눌러 주십시오"));
}

#[test]
fn vietnamese_calls_the_child_con_throughout() {
    says_none_of("vi", &["cháu", "Cháu"]);
}

#[test]
fn filipino_says_family_matters_and_giving_up_as_people_do() {
    says_none_of("fil", &["dahilang pampamilya", "hindi namin natanggap"]);
    assert!(message(&messages("fil"), "give-up").contains("hindi po namin naitala"));
}

#[test]
fn spanish_and_portuguese_do_not_say_son_or_daughter_in_every_prompt() {
    says_none_of("es", &["hijo o hija", "salida temprano", "38.5"]);
    says_none_of("pt-BR", &["filho ou filha", "38.5"]);
    let es = messages("es");
    assert!(es.contains("salida temprana") && es.contains(".º grado"));
    let pt = messages("pt-BR");
    assert!(pt.contains("º ano") && message(&pt, "summary-disease").contains("gripe"));
    assert!(message(&pt, "ask-temperature").contains("38,5"));
    assert!(message(&es, "ask-temperature").contains("38,5"));
}

#[test]
fn nepali_prompts_have_no_latin_digits_for_the_recorder_to_read_in_english() {
    // Keys are Devanagari numerals ("१ थिच्नुहोस्"), other numbers words;
    // only variant keys ([1], [covid-19]) and variables may hold 0-9.
    let text = messages("ne");
    let mut left = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => left.push(c),
            _ => {}
        }
    }
    for line in left.lines() {
        let words: Vec<&str> = line
            .split_whitespace()
            .filter(|w| !w.starts_with('$'))
            .collect();
        assert!(
            !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())),
            "ne: {line}"
        );
    }
    assert!(message(&text, "ask-kind").contains('१'));
}

#[test]
fn an_error_never_repeats_the_example_the_prompt_after_it_gives() {
    for lang in ["zh-CN", "ko", "vi", "fil", "pt-BR", "es", "ne"] {
        let text = messages(lang);
        for id in ["temperature-invalid", "time-invalid", "student-not-found"] {
            let m = message(&text, id);
            assert!(
                !m.contains("3, 8, 5")
                    && !m.contains("3、8、5")
                    && !m.contains("३, ८, ५")
                    && !m.contains("9, 3, 0")
                    && !m.contains("0, 9, 3, 0")
                    && !m.contains("0、9、3、0"),
                "{lang} {id}: {m}"
            );
        }
    }
}
