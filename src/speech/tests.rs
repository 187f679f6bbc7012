//! What callers hear, on the demo deployment: Nepali read-backs assembled
//! from recordings alone, SSML hints for the voices, names and decimals
//! per language.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::config::Config;
use crate::deployment::Deployment;

fn demo() -> Deployment {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("absence-line.toml");
    Deployment::load(Config::load(&path).unwrap()).unwrap()
}

fn daiichi(dep: &Deployment) -> &School {
    dep.schools
        .values()
        .find(|s| s.id.as_str() == "sumida-daiichi")
        .unwrap()
}

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).unwrap()
}

fn hear(dep: &Deployment, lang: &str, msg: &str, answers: &[(&str, &str)]) -> Vec<Speech> {
    let school = daiichi(dep);
    let mut state = CallState::new("-", tag(lang));
    state.answers = answers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect::<BTreeMap<_, _>>();
    let say = [Say {
        msg: msg.into(),
        lang: None,
        item: None,
    }];
    render(dep, school, &say, &state)
}

/// The recordings played, by key; panics on any text-to-speech.
fn keys(heard: &[Speech]) -> Vec<&str> {
    heard
        .iter()
        .map(|s| match s {
            Speech::Recording { lang, key, .. } => {
                assert_eq!(lang.as_str(), "ne", "{heard:?}");
                key.as_str()
            }
            Speech::Tts { .. } => panic!("text-to-speech in a Nepali read-back: {heard:?}"),
        })
        .collect()
}

#[test]
fn a_nepali_student_number_is_read_back_digit_by_digit_from_recordings() {
    let dep = demo();
    let heard = hear(
        &dep,
        "ne",
        "summary-student",
        &[
            ("student", "10203"),
            ("grade", "1"),
            ("class", "2"),
            ("number", "3"),
        ],
    );
    let keys = keys(&heard);
    assert_eq!(keys.first(), Some(&"summary-student.1"), "{keys:?}");
    // The number, digit by digit, then the roster's grade, class and number.
    assert!(
        keys.windows(5)
            .any(|w| w == ["digit-1", "digit-0", "digit-2", "digit-0", "digit-3"]),
        "{keys:?}"
    );
    assert!(keys.contains(&"number-2"), "{keys:?}");
}

#[test]
fn a_nepali_date_is_read_back_with_the_shared_month_and_weekday() {
    let dep = demo();
    let heard = hear(
        &dep,
        "ne",
        "summary-kind",
        &[("kind", "absence"), ("day", "2026-11-25")],
    );
    let keys = keys(&heard);
    assert!(keys.contains(&"month-11"), "{keys:?}");
    assert!(keys.contains(&"number-25"), "{keys:?}");
    assert!(keys.contains(&"weekday-wed"), "{keys:?}");
    assert!(keys.contains(&"summary-kind.absence"), "{keys:?}");
}

#[test]
fn a_nepali_temperature_is_said_from_numbers_and_the_decimal_point() {
    let dep = demo();
    let heard = hear(
        &dep,
        "ne",
        "summary-temperature",
        &[("temperature", "38.5")],
    );
    assert_eq!(
        keys(&heard),
        [
            "summary-temperature.1",
            "number-38",
            "decimal-point",
            "digit-5",
            "summary-temperature.2"
        ]
    );
    // The transcript says it in Nepali words.
    let text: String = heard
        .iter()
        .map(|s| match s {
            Speech::Recording { text, .. } | Speech::Tts { text, .. } => text.as_str(),
        })
        .collect();
    assert!(text.contains("अठतीस"), "{text}");
}

#[test]
fn nepali_variants_and_lists_are_recordings_too() {
    let dep = demo();
    let heard = hear(
        &dep,
        "ne",
        "summary-kind",
        &[("kind", "late"), ("day", "2026-11-25")],
    );
    let kind = keys(&heard);
    assert!(kind.contains(&"summary-kind.late"), "{kind:?}");
    let heard = hear(&dep, "ne", "summary-symptom", &[("symptom", "fever,rash")]);
    assert_eq!(
        keys(&heard),
        [
            "summary-symptom.1",
            "symptom-name.fever",
            "list-and.1",
            "symptom-name.rash",
        ]
    );
}

/// A fragment not recorded: the whole message is heard in the fallback,
/// never half Nepali, half silence.
#[test]
fn a_missing_fragment_sends_the_whole_message_to_the_fallback() {
    let dep = demo();
    let school = daiichi(&dep);
    let mut state = CallState::new("-", tag("ne"));
    state.answers.insert("temperature".into(), "38.5".into());
    assert_eq!(
        missing_in(&dep, school, &tag("ne"), "summary-temperature", &state),
        Some(Vec::new())
    );
    // A value no fragment can say (free text) cannot be said in Nepali.
    state.answers.insert("temperature".into(), "hot".into());
    let missing = missing_in(&dep, school, &tag("ne"), "summary-temperature", &state).unwrap();
    assert_eq!(missing, [("$temperature".to_owned(), "hot".to_owned())]);
    let heard = render(
        &dep,
        school,
        &[Say {
            msg: "summary-temperature".into(),
            lang: None,
            item: None,
        }],
        &state,
    );
    assert!(
        matches!(&heard[..], [Speech::Tts { lang, .. }] if lang.as_str() == "en"),
        "{heard:?}"
    );
}

#[test]
fn the_school_name_is_its_recording_in_nepali() {
    let dep = demo();
    let heard = hear(&dep, "ne", "welcome", &[]);
    let keys = keys(&heard);
    assert_eq!(
        keys.first().copied(),
        Some("school-sumida-daiichi"),
        "{keys:?}"
    );
}

#[test]
fn a_voice_reads_digits_as_digits_and_ja_class_with_its_reading() {
    let dep = demo();
    let heard = hear(
        &dep,
        "en",
        "summary-student",
        &[
            ("student", "10203"),
            ("grade", "1"),
            ("class", "2"),
            ("number", "3"),
        ],
    );
    let [Speech::Tts { parts, .. }] = &heard[..] else {
        panic!("{heard:?}")
    };
    assert!(
        parts.contains(&Part::Digits("1 0 2 0 3".into())),
        "{parts:?}"
    );
    let heard = hear(
        &dep,
        "ja",
        "summary-student",
        &[
            ("student", "10203"),
            ("grade", "1"),
            ("class", "2"),
            ("number", "3"),
        ],
    );
    let [Speech::Tts { parts, .. }] = &heard[..] else {
        panic!("{heard:?}")
    };
    assert!(
        parts.contains(&Part::Sub {
            text: "組".into(),
            alias: "くみ".into()
        }),
        "{parts:?}"
    );
}

/// Two prompts of one voice are one `<Say>` with a pause between them.
#[test]
fn a_prompt_list_in_one_voice_is_one_say_with_a_pause() {
    let dep = demo();
    let school = daiichi(&dep);
    let state = CallState::new("-", tag("en"));
    let say: Vec<Say> = ["no-match", "ask-kind"]
        .into_iter()
        .map(|m| Say {
            msg: m.into(),
            lang: None,
            item: None,
        })
        .collect();
    let heard = render(&dep, school, &say, &state);
    let [Speech::Tts { parts, .. }] = &heard[..] else {
        panic!("{heard:?}")
    };
    assert!(
        parts.contains(&Part::Break {
            millis: BETWEEN_MESSAGES_MS
        }),
        "{parts:?}"
    );
}

#[test]
fn temperatures_are_written_as_each_language_writes_them() {
    let dep = demo();
    let text = |lang: &str| -> String {
        hear(
            &dep,
            lang,
            "summary-temperature",
            &[("temperature", "38.5")],
        )
        .iter()
        .map(|s| match s {
            Speech::Tts { text, .. } | Speech::Recording { text, .. } => text.clone(),
        })
        .collect()
    };
    assert!(text("pt-BR").contains("38,5"), "{}", text("pt-BR"));
    assert!(text("vi").contains("38,5"), "{}", text("vi"));
    assert!(text("en").contains("38.5"), "{}", text("en"));
}

/// A Vietnamese voice reads the school's English name, never its kanji;
/// a Japanese one reads the Japanese name.
#[test]
fn the_school_name_falls_back_to_english_before_japanese() {
    let dep = demo();
    let text = |lang: &str| -> String {
        hear(&dep, lang, "welcome", &[])
            .iter()
            .map(|s| match s {
                Speech::Tts { text, .. } | Speech::Recording { text, .. } => text.clone(),
            })
            .collect()
    };
    assert!(text("vi").contains("Sumida Daiichi"), "{}", text("vi"));
    assert!(!text("vi").contains("墨田"), "{}", text("vi"));
    assert!(text("ja").contains("墨田区立第一小学校"), "{}", text("ja"));
}
