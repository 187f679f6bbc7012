//! Issue 13: the parent's shorter call, walked over HTTP. The standard
//! report in 12 keys in every language, the one-key fast path, the read-back
//! that carries the roster and the date (1 save, 2 start again, 3 a message
//! then save), numbers of a known length without `#`, dates named when
//! "today" is not the calendar day, and errors that help.
//!
//! The server has no clock override: the tests that need "after the cut-off"
//! or "a weekend" give a school a cut-off of 00:00 or a calendar that closes
//! the next days, counted from the real date in Tokyo.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Asia::Tokyo;

use absence_line::schoolday::{SchoolCalendar, parse_calendar, parse_cutoff};
use absence_line::store::ReportRow;

use crate::helpers::{Phone, TestApp, Twiml, spawn_app, spawn_app_in, spawn_app_with};

/// The test roster's numbers all have 5 digits; `fixed` declares it.
const FIXED: &str = r#"
[schools.fixed]
name = "墨田区立第一小学校"
names = { en = "Sumida Daiichi Elementary School" }
calendar = "calendar.txt"
roster = "roster.csv"
student_digits = 5

[schools.jhs]
name = "墨田区立中央中学校"
kind = "junior-high"
calendar = "calendar.txt"
roster = "roster.csv"
"#;

/// The calendar `write_config` writes when a test brings none.
const TEST_CALENDAR: &str = "2026-11-23 勤労感謝の日\n2026-12-25..2027-01-07 冬休み\n";

fn calendar_day() -> NaiveDate {
    Utc::now().with_timezone(&Tokyo).date_naive()
}

/// The school day a report made now is for, as the server works it out.
fn school_today(calendar: &str, cutoff: &str) -> NaiveDate {
    let days = parse_calendar(calendar, "calendar.txt").unwrap();
    SchoolCalendar::new(Tokyo, parse_cutoff(cutoff).unwrap(), days).today(Utc::now())
}

fn english(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    format!(
        "{} {} {}",
        DAYS[d.weekday().num_days_from_monday() as usize],
        d.day(),
        MONTHS[d.month0() as usize]
    )
}

fn only_report(app: &TestApp, school: &str, sid: &str) -> ReportRow {
    let mut rows = app.store(school).reports_of_call(sid).unwrap();
    assert_eq!(rows.len(), 1, "one report for the call");
    rows.remove(0)
}

/// Dial and choose English.
async fn in_english(p: &mut Phone<'_>) -> Twiml {
    p.dial().await;
    p.press("2").await
}

#[tokio::test]
async fn the_standard_report_takes_twelve_keys_in_every_language() {
    let today = school_today(TEST_CALENDAR, "16:00").to_string();
    for lang in ["1", "2", "3", "4", "5", "6", "7", "8", "9"] {
        // Each language its own store: the same child and day twice would
        // (rightly) be offered a correction.
        let (app, _dir) = spawn_app_with(FIXED).await;
        let mut p = app.phone("fixed");
        p.dial().await;
        // Language, student number, absent today ill, fever, 38.5, save.
        let keys = [lang, "10203", "1", "1", "385", "1"];
        assert_eq!(keys.concat().len(), 12);
        let mut heard = Vec::new();
        for k in keys {
            heard.push(p.press(k).await);
        }
        let gather = |t: &Twiml| {
            (
                t.gather_num_digits.clone().unwrap_or_default(),
                t.gather_finish_on_key.clone().unwrap_or_default(),
            )
        };
        // What each press brought: the next question and how it ends.
        assert_eq!(
            heard[..5].iter().map(gather).collect::<Vec<_>>(),
            [
                // Student number: the fifth key ends it (a `#` pressed out of
                // habit only ends a short entry early).
                ("5".to_owned(), "#".to_owned()),
                ("1".to_owned(), String::new()),   // kind
                ("32".to_owned(), "#".to_owned()), // symptoms: keys, then silence
                ("3".to_owned(), "#".to_owned()),  // temperature: three keys
                ("1".to_owned(), String::new()),   // read-back
            ],
            "language {lang}"
        );
        let r = only_report(&app, "fixed", &p.call_sid);
        assert_eq!(
            (
                r.kind.as_deref(),
                r.reason.as_deref(),
                r.symptom.as_deref(),
                r.temperature,
                r.school_day.as_str(),
                r.student.as_deref(),
                r.recording_url.is_some(),
            ),
            (
                Some("absence"),
                Some("illness"),
                Some("fever"),
                Some(38.5),
                today.as_str(),
                Some("10203"),
                false
            ),
            "language {lang}"
        );
    }
}

#[tokio::test]
async fn the_read_back_names_the_child_and_the_date_and_saves_on_1() {
    let (app, _dir) = spawn_app().await;
    let today = school_today(TEST_CALENDAR, "16:00");
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    p.press("10203#").await;
    p.press("1").await;
    p.press("1").await;
    let t = p.press("385").await;
    assert!(
        t.says_any("Student 1 0 2 0 3, grade 1, class 2, number 3")
            && t.says_any(&format!("Absent on {}", english(today)))
            && t.says_any("To save, press 1. To start again, press 2."),
        "{}",
        t.said()
    );
    p.press("1").await;
    assert_eq!(
        only_report(&app, "daiichi", &p.call_sid).student.as_deref(),
        Some("10203")
    );
}

#[tokio::test]
async fn a_number_of_known_length_needs_no_hash_and_any_other_school_needs_one() {
    let (app, _dir) = spawn_app_with(FIXED).await;
    let mut fixed = app.phone("fixed");
    let t = in_english(&mut fixed).await;
    assert_eq!(t.gather_num_digits.as_deref(), Some("5"));
    // `#` is not needed, but ends a short entry early if pressed.
    assert_eq!(t.gather_finish_on_key.as_deref(), Some("#"));
    assert!(
        t.says_any("5-digit student number") && !t.said().contains("hash"),
        "{}",
        t.said()
    );

    let mut any = app.phone("daiichi");
    let t = in_english(&mut any).await;
    assert_eq!(t.gather_finish_on_key.as_deref(), Some("#"));
    assert_eq!(t.gather_num_digits.as_deref(), Some("8"));
    assert!(t.says_any("then press the hash key"), "{}", t.said());
}

#[tokio::test]
async fn the_japanese_term_follows_the_school_kind() {
    let (app, _dir) = spawn_app_with(FIXED).await;
    let mut elementary = app.phone("daiichi");
    elementary.dial().await;
    let t = elementary.press("1").await;
    assert!(
        t.says_any("児童番号") && !t.says_any("生徒番号"),
        "{}",
        t.said()
    );
    let mut junior_high = app.phone("jhs");
    junior_high.dial().await;
    let t = junior_high.press("1").await;
    assert!(
        t.says_any("生徒番号") && !t.says_any("児童番号"),
        "{}",
        t.said()
    );
}

#[tokio::test]
async fn silence_is_not_a_number_not_found_even_at_the_voice_message() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    let t = p.silence().await;
    assert!(t.says_any("did not receive any input"), "{}", t.said());
    p.silence().await;
    let t = p.silence().await;
    assert!(t.record_action.is_some(), "a voice message: {}", t.said());
    assert!(!t.said().contains("could not find"), "{}", t.said());
}

#[tokio::test]
async fn a_short_entry_is_told_how_many_digits() {
    let (app, _dir) = spawn_app_with(FIXED).await;
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    let t = p.press("123#").await;
    assert!(
        t.says_any("A student number has 4 to 8 digits."),
        "{}",
        t.said()
    );
    assert!(!t.said().contains("could not find"), "{}", t.said());

    // At a fixed-length school a short entry arrives when Twilio times out.
    let mut p = app.phone("fixed");
    in_english(&mut p).await;
    let t = p.press("123").await;
    assert!(t.says_any("A student number has 5 digits."), "{}", t.said());
}

#[tokio::test]
async fn an_unknown_number_is_read_back_and_the_line_never_says_again_before_giving_up() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    let t = p.press("99999#").await;
    assert!(
        t.says_any("We could not find the student number 9 9 9 9 9."),
        "{}",
        t.said()
    );
    assert!(
        t.says_any("Please enter your child's student number"),
        "{}",
        t.said()
    );
    p.press("88888#").await;
    let t = p.press("77777#").await;
    assert!(t.record_action.is_some(), "a voice message: {}", t.said());
    assert!(!t.said().to_lowercase().contains("again"), "{}", t.said());
    assert!(
        t.says_any("We could not find that student number."),
        "{}",
        t.said()
    );
    p.record(7).await;
    let r = only_report(&app, "daiichi", &p.call_sid);
    assert!(r.recording_url.is_some() && r.student.is_none());
}

#[tokio::test]
async fn repeated_failures_after_the_child_is_known_take_a_voice_message() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    p.press("10203#").await;
    p.press("7").await;
    p.press("7").await;
    let t = p.press("7").await;
    assert!(t.record_action.is_some(), "a voice message: {}", t.said());
    assert!(
        t.says_any("We could not complete your report") && !t.says_any("call the school"),
        "{}",
        t.said()
    );
    p.record(9).await;
    let r = only_report(&app, "daiichi", &p.call_sid);
    assert_eq!(r.student.as_deref(), Some("10203"));
    assert!(r.recording_url.is_some());
}

#[tokio::test]
async fn three_keys_and_hash_are_a_time() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    p.press("10203#").await;
    p.press("3").await; // late
    let t = p.press("3").await; // medical appointment
    assert!(t.says_any("such as 9 3 0 for 9:30"), "{}", t.said());
    let t = p.press("930#").await;
    assert!(t.says_any("The arrival time is 9:30."), "{}", t.said());
    p.press("1").await;
    let r = only_report(&app, "daiichi", &p.call_sid);
    assert_eq!(
        (r.kind.as_deref(), r.time.as_deref()),
        (Some("late"), Some("09:30"))
    );
}

#[tokio::test]
async fn key_3_at_the_read_back_records_a_message_and_saves() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    p.press("10203#").await;
    p.press("1").await;
    p.press("2").await; // cough
    let t = p.press("3").await;
    assert!(t.record_action.is_some(), "{}", t.said());
    let t = p.record(12).await;
    assert!(
        t.says_any("Recorded. Your reference number is"),
        "{}",
        t.said()
    );
    let r = only_report(&app, "daiichi", &p.call_sid);
    assert_eq!(r.symptom.as_deref(), Some("respiratory"));
    assert!(r.recording_url.is_some());
    assert!(!r.unconfirmed);
}

#[tokio::test]
async fn key_2_at_the_read_back_starts_again_from_the_number_in_the_same_language() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    in_english(&mut p).await;
    p.press("10203#").await;
    p.press("1").await;
    p.press("5").await; // headache
    let t = p.press("2").await;
    assert!(
        t.says_any("start again from the student number")
            && t.says_any("Please enter your child's student number"),
        "{}",
        t.said()
    );
    let t = p.press("30412#").await;
    assert!(t.says_any("Late, 3."), "still English: {}", t.said());
    p.press("1").await;
    let t = p.press("5").await;
    assert!(t.says_any("grade 3, class 4, number 12"), "{}", t.said());
    p.press("1").await;
    let r = only_report(&app, "daiichi", &p.call_sid);
    assert_eq!(
        (r.student.as_deref(), r.language.as_str()),
        (Some("30412"), "en")
    );
}

/// A school whose every call is after the cut-off, with `calendar`.
async fn late_school(calendar: &str, school_ends: &str) -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("calendar.txt"), calendar).unwrap();
    std::fs::write(
        dir.path().join("extra-config.toml"),
        format!(
            "[schools.night]\nname = \"夜\"\ncalendar = \"calendar.txt\"\nroster = \"roster.csv\"\ncutoff = \"0:00\"\nschool_ends = \"{school_ends}\"\n"
        ),
    )
    .unwrap();
    let app = spawn_app_in(dir.path()).await;
    (app, dir)
}

#[tokio::test]
async fn after_the_cut_off_and_over_a_weekend_the_dates_are_named() {
    // Today and tomorrow closed, as on a Saturday: the report is for the
    // day after tomorrow, which is opened in case it is a weekend day.
    let d0 = calendar_day();
    let (d1, d2) = (d0 + Duration::days(1), d0 + Duration::days(2));
    let calendar = format!("{d0} 休業日\n{d1} 休業日\n+{d2} 授業日\n");
    let (app, _dir) = late_school(&calendar, "16:00").await;
    let today = school_today(&calendar, "0:00");
    assert_eq!(today, d2);
    let next = {
        let days = parse_calendar(&calendar, "calendar.txt").unwrap();
        SchoolCalendar::new(Tokyo, parse_cutoff("0:00").unwrap(), days).next_school_day_after(d2)
    };

    let mut p = app.phone("night");
    in_english(&mut p).await;
    let t = p.press("10203#").await;
    assert!(
        t.says_any(&format!("Absent on {} because of illness, 1.", english(d2))),
        "the fast path names its day: {}",
        t.said()
    );
    p.press("2").await; // absent, another reason
    let t = p.press("4").await; // family
    assert!(
        t.says_any(&format!("{}, 1. {}, 2.", english(d2), english(next))),
        "{}",
        t.said()
    );
    assert!(!t.says_any("Today, 1."), "{}", t.said());
    p.press("3").await; // several days
    let t = p.press("2").await;
    assert!(
        t.says_any(&format!(
            "Absent from {} to {}. Number of school days: 2.",
            english(d2),
            english(next)
        )),
        "{}",
        t.said()
    );
    p.press("1").await;
    assert_eq!(
        app.store("night")
            .reports_of_call(&p.call_sid)
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn a_late_arrival_after_the_cut_off_stays_today_while_school_is_on() {
    let d0 = calendar_day();
    // Today open whatever the weekday; lessons end at 23:59.
    let calendar = format!("+{d0} 授業日\n");
    let calendar = if matches!(d0.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
        calendar
    } else {
        String::new()
    };
    let (app, _dir) = late_school(&calendar, "23:59").await;
    let mut p = app.phone("night");
    in_english(&mut p).await;
    p.press("10203#").await;
    p.press("3").await; // late
    let t = p.press("3").await;
    assert!(!t.says_any("This is for"), "the calendar day: {}", t.said());
    let t = p.press("1000#").await;
    assert!(
        t.says_any(&format!("Arriving late on {}", english(d0))),
        "{}",
        t.said()
    );
    p.press("1").await;
    assert_eq!(
        only_report(&app, "night", &p.call_sid).school_day,
        d0.to_string()
    );
}

#[tokio::test]
async fn a_late_arrival_after_school_is_for_the_next_school_day_and_says_so() {
    let d0 = calendar_day();
    let (app, _dir) = late_school("", "0:00").await;
    let next = school_today("", "0:00");
    let mut p = app.phone("night");
    in_english(&mut p).await;
    p.press("10203#").await;
    p.press("4").await; // early leave
    let t = p.press("3").await;
    assert!(
        t.says_any(&format!("This is for {}.", english(next))),
        "{}",
        t.said()
    );
    assert_ne!(next, d0);
    p.press("1315#").await;
    p.press("1").await;
    assert_eq!(
        only_report(&app, "night", &p.call_sid).school_day,
        next.to_string()
    );
}

/// A cancel is made only on a yes: a parent who says nothing (or keys
/// nothing that counts) at "cancel it?" or at the correction menu keeps the
/// earlier report, and no voice message stands in for the missing answer.
#[tokio::test]
async fn no_answer_at_a_correction_keeps_the_earlier_report() {
    let (app, _dir) = spawn_app().await;
    let mut first = app.phone("daiichi");
    in_english(&mut first).await;
    for k in ["10203#", "1", "1", "385", "1"] {
        first.press(k).await;
    }
    let earlier = only_report(&app, "daiichi", &first.call_sid);

    for (keys, silences) in [(&["2"][..], 3), (&[][..], 3)] {
        let mut p = app.phone("daiichi");
        in_english(&mut p).await;
        p.press("10203#").await;
        p.press("1").await;
        p.press("1").await;
        let t = p.press("385").await;
        assert!(
            t.gather_action
                .as_deref()
                .is_some_and(|a| fake_twilio::scenario::waits_at(a, "correction")),
            "{}",
            t.raw
        );
        for k in keys {
            p.press(k).await;
        }
        let mut t = None;
        for _ in 0..silences {
            t = Some(p.silence().await);
        }
        let t = t.unwrap();
        assert!(t.record_action.is_none(), "no voice message: {}", t.raw);
        assert!(t.says_any("kept"), "{}", t.said());
        assert!(
            app.store("daiichi")
                .reports_of_call(&p.call_sid)
                .unwrap()
                .is_empty()
        );
    }
    let rows = app
        .store("daiichi")
        .reports_on(&earlier.school_day)
        .unwrap();
    let active: Vec<_> = rows.iter().filter(|r| r.status == "active").collect();
    assert_eq!(active.len(), 1, "{rows:#?}");
    assert_eq!(active[0].reference, earlier.reference);
}
