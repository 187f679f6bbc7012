//! Callers recognised by their number (issue 13, item 1): the roster's
//! guardian `phones` name the caller's children, a returning caller is
//! greeted in their language without the language menu, siblings are
//! picked with one key (or all of them: one report each), and a stranger
//! with a forged number learns no more than a given name and a class.

use absence_line::domain::Student;
use absence_line::store::{IMPORTED, ReportRow};
use fake_twilio::Twiml;
use fake_twilio::scenario::{Press, fever_absence_today};

use crate::helpers::{Phone, TestApp, spawn_app};

/// Hanako's parent (one child), the Yamada siblings' parent (two), and a
/// child whose reading has no given name.
const HANAKO_PARENT: &str = "+819000001203";
const SIBLINGS_PARENT: &str = "+819000007777";
const UNNAMED_PARENT: &str = "+819000004444";

fn student(
    number: &str,
    grade: &str,
    class: &str,
    name: &str,
    kana: &str,
    phones: &str,
) -> Student {
    Student {
        student: number.into(),
        grade: grade.into(),
        class: class.into(),
        number: "3".into(),
        name: name.into(),
        kana: kana.into(),
        phones: phones.into(),
    }
}

/// The test server with a roster imported into daiichi's store that has
/// guardian numbers, written as schools write them.
async fn app_with_families() -> (TestApp, tempfile::TempDir) {
    let (app, dir) = spawn_app().await;
    let roster = [
        student(
            "10203",
            "1",
            "2",
            "山田 花子",
            "やまだ はなこ",
            "090-0000-1203",
        ),
        student(
            "10215",
            "3",
            "1",
            "山田 健太",
            "やまだ けんた",
            "090-0000-7777;03-1111-2222",
        ),
        student(
            "20101",
            "2",
            "1",
            "山田 葵",
            "やまだ あおい",
            "+81 90 0000 7777",
        ),
        student("30412", "3", "4", "鈴木 一郎", "すずき いちろう", ""),
        student("40101", "4", "1", "田中 実", "たなか", "090-0000-4444"),
    ];
    app.store("daiichi")
        .replace_students(&roster, IMPORTED, "caller-test")
        .unwrap();
    (app, dir)
}

fn phone_from<'a>(app: &'a TestApp, from: &str) -> Phone<'a> {
    let mut p = app.phone("daiichi");
    p.from = from.to_owned();
    p
}

/// A first call from `from` that chooses English and hangs up: the line
/// then remembers English for this number.
/// The standard report's keys up to its read-back (all but the save), and
/// whether the call then waits at `step`.
async fn report_until_the_read_back(p: &mut Phone<'_>, step: &str) -> Twiml {
    let standard = fever_absence_today();
    let mut t = None;
    for press in &standard[..standard.len() - 1] {
        t = Some(p.press(&press.keys).await);
    }
    let t = t.expect("the standard report has keys");
    assert!(
        t.gather_action
            .as_deref()
            .is_some_and(|a| fake_twilio::scenario::waits_at(a, step)),
        "waits at {step}: {}",
        t.raw
    );
    t
}

async fn remember_english(app: &TestApp, from: &str) {
    let mut p = phone_from(app, from);
    p.dial().await;
    p.press("2").await;
    p.hang_up(5).await;
    let store = app.store("daiichi");
    for _ in 0..500 {
        if store.remembered_language(from).unwrap().as_deref() == Some("en") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("English was never remembered for {from}");
}

/// Everything a call heard, and every key it pressed.
#[derive(Default)]
struct Heard {
    said: Vec<String>,
    keys: String,
}

impl Heard {
    fn hear(&mut self, t: &Twiml) {
        self.said.push(t.said());
    }

    async fn press(&mut self, p: &mut Phone<'_>, keys: &str) -> Twiml {
        self.keys.push_str(keys);
        let t = p.press(keys).await;
        self.hear(&t);
        t
    }

    async fn follow(&mut self, p: &mut Phone<'_>, presses: &[Press]) -> Twiml {
        let mut last = None;
        for press in presses {
            last = Some(self.press(p, &press.keys).await);
        }
        last.expect("a scenario presses keys")
    }

    /// What a stranger with a forged number must never hear: a family
    /// name, a full name, a student number (however it is spaced).
    fn assert_discreet(&self) {
        let all = self.said.join(" ");
        for secret in [
            "山田",
            "やまだ",
            "Yamada",
            "田中",
            "たなか",
            "Tanaka",
            "花子",
            "健太",
        ] {
            assert!(!all.contains(secret), "{secret:?} was said: {all}");
        }
        for number in ["10203", "10215", "20101", "40101"] {
            let spaced: String = number.chars().map(|c| format!("{c} ")).collect();
            assert!(
                !all.contains(number) && !all.contains(spaced.trim_end()),
                "student number {number} was said: {all}"
            );
        }
    }
}

fn keys_of(presses: &[Press]) -> String {
    presses.iter().map(|p| p.keys.as_str()).collect()
}

fn reports_of(app: &TestApp, student: &str) -> Vec<ReportRow> {
    app.reports("daiichi")
        .into_iter()
        .filter(|r| r.student.as_deref() == Some(student))
        .collect()
}

#[tokio::test]
async fn a_recognised_returning_caller_reports_with_only_the_reports_own_keys() {
    let (app, _dir) = app_with_families().await;
    remember_english(&app, HANAKO_PARENT).await;
    let mut p = phone_from(&app, HANAKO_PARENT);
    let mut heard = Heard::default();
    let t = p.dial().await;
    heard.hear(&t);
    // Greeted in English, the child named: no language menu, no number.
    assert!(t.languages.iter().all(|l| l == "en-US"), "{}", t.raw);
    assert!(
        !t.raw.contains("language-option") && !t.says_any("日本語"),
        "{}",
        t.raw
    );
    assert!(
        t.says_any("To change the language, press the star key"),
        "{}",
        t.said()
    );
    assert!(
        t.says_any("This is about Hanako, grade 1, class 2."),
        "{}",
        t.said()
    );
    assert!(t.says_any("For another child, press 0."), "{}", t.said());
    let standard = fever_absence_today();
    heard.follow(&mut p, &standard).await;
    let all = heard.said.join(" ");
    assert!(
        all.contains("Let us check your report. Hanako, grade 1, class 2."),
        "the read-back names the child: {all}"
    );
    // Only the report's own keys: no language key, no student number.
    // (Issue 13's flow makes them `1 1 385 1`: 6 keys.)
    assert_eq!(heard.keys, keys_of(&standard));
    let reports = reports_of(&app, "10203");
    assert_eq!(reports.len(), 1, "{:#?}", app.reports("daiichi"));
    let r = &reports[0];
    assert_eq!(
        (
            r.grade.as_deref(),
            r.class.as_deref(),
            r.attendance_no.as_deref()
        ),
        (Some("1"), Some("2"), Some("3"))
    );
    assert_eq!(r.symptom.as_deref(), Some("fever"));
    assert_eq!(r.temperature, Some(38.5));
    assert_eq!(r.caller.as_deref(), Some(HANAKO_PARENT));
    heard.assert_discreet();
}

#[tokio::test]
async fn siblings_on_one_number_pick_one_child_with_one_key() {
    let (app, _dir) = app_with_families().await;
    remember_english(&app, SIBLINGS_PARENT).await;
    let mut p = phone_from(&app, SIBLINGS_PARENT);
    let mut heard = Heard::default();
    let t = p.dial().await;
    heard.hear(&t);
    // In roster order, each child with its key, then all of them and another.
    let said = t.said();
    let order = [
        "Which child",
        "Kenta: 1.",
        "Aoi: 2.",
        "All of them: 9.",
        "Another child: 0.",
    ]
    .map(|s| {
        said.find(s)
            .unwrap_or_else(|| panic!("{s:?} not in {said}"))
    });
    assert!(order.is_sorted(), "{said}");
    let t = heard.press(&mut p, "2").await;
    assert!(
        t.says_any("This is about Aoi, grade 2, class 1."),
        "{}",
        t.said()
    );
    heard.follow(&mut p, &fever_absence_today()).await;
    assert_eq!(reports_of(&app, "20101").len(), 1);
    assert!(reports_of(&app, "10215").is_empty());
    heard.assert_discreet();
}

#[tokio::test]
async fn all_of_them_files_one_report_per_child_and_reads_both_references_back() {
    let (app, _dir) = app_with_families().await;
    remember_english(&app, SIBLINGS_PARENT).await;
    let mut p = phone_from(&app, SIBLINGS_PARENT);
    let mut heard = Heard::default();
    heard.hear(&p.dial().await);
    let t = heard.press(&mut p, "9").await;
    assert!(
        t.says_any("This is about all 2 of your children."),
        "{}",
        t.said()
    );
    let saved = heard.follow(&mut p, &fever_absence_today()).await;
    let all = heard.said.join(" ");
    assert!(
        all.contains("It is for all 2 of your children. Kenta. Aoi."),
        "{all}"
    );
    let (kenta, aoi) = (reports_of(&app, "10215"), reports_of(&app, "20101"));
    assert_eq!(
        (kenta.len(), aoi.len()),
        (1, 1),
        "{:#?}",
        app.reports("daiichi")
    );
    let (k, a) = (&kenta[0], &aoi[0]);
    assert_ne!(k.reference, a.reference);
    // The same report for each, each under its own class.
    for r in [k, a] {
        assert_eq!(
            (
                r.kind.as_deref(),
                r.reason.as_deref(),
                r.symptom.as_deref(),
                r.temperature
            ),
            (Some("absence"), Some("illness"), Some("fever"), Some(38.5))
        );
        assert_eq!(r.school_day, k.school_day);
        assert_eq!(r.call_sid, p.call_sid);
    }
    assert_eq!(
        (k.grade.as_deref(), a.grade.as_deref()),
        (Some("3"), Some("2"))
    );
    // Both references read back, digit by digit.
    let spaced = |n: u32| -> String {
        n.to_string()
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let both = format!(
        "{}, {}",
        spaced(k.reference.min(a.reference)),
        spaced(k.reference.max(a.reference))
    );
    assert!(
        saved.says_any(&format!("Your reference numbers are {both}.")),
        "{}",
        saved.said()
    );
    heard.assert_discreet();

    // A second family report the same day finds both earlier ones.
    let mut again = phone_from(&app, SIBLINGS_PARENT);
    again.dial().await;
    again.press("9").await;
    report_until_the_read_back(&mut again, "correction").await;
}

#[tokio::test]
async fn another_child_goes_to_the_student_number() {
    let (app, _dir) = app_with_families().await;
    remember_english(&app, HANAKO_PARENT).await;
    let mut p = phone_from(&app, HANAKO_PARENT);
    p.dial().await;
    let t = p.press("0").await;
    assert!(
        t.gather_action
            .as_deref()
            .is_some_and(|a| fake_twilio::scenario::waits_at(a, "student")),
        "{}",
        t.raw
    );
    assert!(!t.says_any("Hanako"), "{}", t.said());
    // The roster's read-back is part of the final read-back now.
    p.press("30412#").await;
    let heard: Vec<String> = [p.press("1").await, p.press("1").await, p.press("385").await]
        .iter()
        .map(|t| t.said())
        .collect();
    assert!(
        heard[2].contains("grade 3, class 4"),
        "the roster's read-back: {}",
        heard[2]
    );
    p.press("1").await;
    assert_eq!(reports_of(&app, "30412").len(), 1);
    assert!(reports_of(&app, "10203").is_empty());

    // At the sibling menu too (after choosing English: not remembered).
    let mut p = phone_from(&app, SIBLINGS_PARENT);
    p.dial().await;
    let t = p.press("2").await;
    assert!(t.says_any("Kenta: 1."), "{}", t.said());
    let t = p.press("0").await;
    assert!(
        t.gather_action
            .as_deref()
            .is_some_and(|a| fake_twilio::scenario::waits_at(a, "student")),
        "{}",
        t.raw
    );
}

#[tokio::test]
async fn withheld_and_unknown_numbers_get_the_language_menu_and_the_student_number() {
    let (app, _dir) = app_with_families().await;
    for from in ["anonymous", "+266696687", "+819099999999", ""] {
        let mut p = phone_from(&app, from);
        let t = p.dial().await;
        assert!(
            t.gather_action
                .as_deref()
                .is_some_and(|a| fake_twilio::scenario::waits_at(a, "language")),
            "{from:?}: {}",
            t.raw
        );
        assert!(
            !t.says_any("はなこ") && !t.says_any("のご連絡ですね"),
            "{from:?}: {}",
            t.said()
        );
        let t = p.press("1").await;
        assert!(
            t.gather_action
                .as_deref()
                .is_some_and(|a| fake_twilio::scenario::waits_at(a, "student")),
            "{from:?}: {}",
            t.raw
        );
    }
}

#[tokio::test]
async fn a_returning_english_caller_is_greeted_in_english_and_star_still_changes_it() {
    let (app, _dir) = app_with_families().await;
    remember_english(&app, HANAKO_PARENT).await;
    let mut p = phone_from(&app, HANAKO_PARENT);
    let t = p.dial().await;
    assert!(t.says_any("Thank you for calling"), "{}", t.said());
    assert!(t.languages.iter().all(|l| l == "en-US"), "{}", t.raw);
    // `*` at the kind menu: the language menu, then back, in Japanese, the
    // child's name now in kana.
    let t = p.press("*").await;
    assert!(
        t.gather_action
            .as_deref()
            .is_some_and(|a| fake_twilio::scenario::waits_at(a, "language")),
        "{}",
        t.raw
    );
    let t = p.press("1").await;
    assert!(t.languages.iter().all(|l| l == "ja-JP"), "{}", t.raw);
    assert!(
        t.says_any("1年2組、はなこさんのご連絡ですね。"),
        "{}",
        t.said()
    );
    assert!(
        t.gather_action
            .as_deref()
            .is_some_and(|a| fake_twilio::scenario::waits_at(a, "kind")),
        "{}",
        t.raw
    );
}

#[tokio::test]
async fn a_recognised_caller_without_a_remembered_language_chooses_it_then_hears_the_child() {
    let (app, _dir) = app_with_families().await;
    let mut p = phone_from(&app, HANAKO_PARENT);
    let t = p.dial().await;
    assert!(
        t.gather_action
            .as_deref()
            .is_some_and(|a| fake_twilio::scenario::waits_at(a, "language")),
        "{}",
        t.raw
    );
    let t = p.press("1").await;
    assert!(
        t.says_any("1年2組、はなこさんのご連絡ですね。"),
        "{}",
        t.said()
    );
    // A child whose reading has no given name: grade and class only.
    let mut p = phone_from(&app, UNNAMED_PARENT);
    p.dial().await;
    let t = p.press("2").await;
    assert!(
        t.says_any("This is about your child in grade 4, class 1."),
        "{}",
        t.said()
    );
    assert!(
        !t.says_any("Tanaka") && !t.says_any("unnamed"),
        "{}",
        t.said()
    );
}

/// A number can be forged: a caller recognised by it hears nothing of a
/// report made from another number (not its day, kind or reference) and
/// cannot cancel it; from the same number the earlier report is offered.
#[tokio::test]
async fn a_recognised_caller_is_offered_only_reports_made_from_their_number() {
    let (app, _dir) = app_with_families().await;
    // The other parent reports Hanako by keying her number.
    let mut other = phone_from(&app, "+819011112222");
    other.dial().await;
    other.press("2").await;
    other.press("10203").await;
    other.follow(&fever_absence_today()).await;
    assert_eq!(reports_of(&app, "10203").len(), 1);

    // A caller using Hanako's parent's number goes straight to the read-back.
    remember_english(&app, HANAKO_PARENT).await;
    let mut p = phone_from(&app, HANAKO_PARENT);
    p.dial().await;
    let t = report_until_the_read_back(&mut p, "summary").await;
    assert!(!t.says_any("already"), "{}", t.said());
    p.press("1").await;
    // Both reports stand: nothing was replaced or cancelled.
    assert_eq!(reports_of(&app, "10203").len(), 2);

    // From the same number, the report it made is offered.
    let mut again = phone_from(&app, HANAKO_PARENT);
    again.dial().await;
    report_until_the_read_back(&mut again, "correction").await;
}

/// A parent who pressed 1 for Japanese is greeted in Japanese next time,
/// without the language menu, although Japanese is where every call starts.
#[tokio::test]
async fn a_japanese_caller_is_remembered_too() {
    let (app, _dir) = app_with_families().await;
    let mut p = phone_from(&app, HANAKO_PARENT);
    p.dial().await;
    p.press("1").await;
    p.hang_up(5).await;
    let store = app.store("daiichi");
    let mut remembered = None;
    for _ in 0..500 {
        remembered = store.remembered_language(HANAKO_PARENT).unwrap();
        if remembered.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(remembered.as_deref(), Some("ja"));
    let mut next = phone_from(&app, HANAKO_PARENT);
    let t = next.dial().await;
    assert!(
        t.gather_action
            .as_deref()
            .is_some_and(|a| !fake_twilio::scenario::waits_at(a, "language")),
        "no language menu: {}",
        t.raw
    );
    assert!(t.says_any("はなこ"), "{}", t.said());
}

/// A family report whose answers go wrong three times ends like any other
/// once the children are known: a voice message, saved for every child,
/// never "call the school".
#[tokio::test]
async fn a_family_report_that_fails_later_takes_a_voice_message_for_every_child() {
    let (app, _dir) = app_with_families().await;
    remember_english(&app, SIBLINGS_PARENT).await;
    let mut p = phone_from(&app, SIBLINGS_PARENT);
    p.dial().await;
    p.press("9").await;
    p.press("1").await;
    p.press("7").await;
    p.press("7").await;
    let t = p.press("7").await;
    assert!(t.record_action.is_some(), "a voice message: {}", t.raw);
    p.record(9).await;
    for student in ["10215", "20101"] {
        let rows = reports_of(&app, student);
        assert_eq!(rows.len(), 1, "{student}: {rows:#?}");
        assert!(rows[0].recording_url.is_some(), "{rows:#?}");
    }
}
