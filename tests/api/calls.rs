//! Whole calls, walked as a parent would, checked in TwiML and in the store.

use absence_line::schoolday::{SchoolCalendar, parse_calendar};
use chrono::{Datelike, NaiveDate, NaiveTime, Utc};

use crate::helpers::{Twiml, spawn_app};
use fake_twilio::scenario::{identify, waits_at};

/// The school days "today" may be for the test school, read just before
/// and just after a call so a call across the cut-off is not a false alarm.
fn today_range(before: chrono::DateTime<Utc>) -> [String; 2] {
    let cal = SchoolCalendar::new(
        chrono_tz::Asia::Tokyo,
        NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        parse_calendar("2026-11-23\n2026-12-25..2027-01-07\n", "c").unwrap(),
    );
    [
        cal.today(before).to_string(),
        cal.today(Utc::now()).to_string(),
    ]
}

fn next_day(day: &str) -> String {
    let cal = SchoolCalendar::new(
        chrono_tz::Asia::Tokyo,
        NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        parse_calendar("2026-11-23\n2026-12-25..2027-01-07\n", "c").unwrap(),
    );
    cal.next_school_day_after(NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap())
        .to_string()
}

/// `raw` as on a school day before the cut-off: the kind menu names the
/// date when "today" is not the calendar day (a weekend, after 16:00), and
/// carries "today" in its state; the snapshot must not depend on the day.
fn dateless(raw: &str, today: &str) -> String {
    let d = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    let weekday =
        ["月", "火", "水", "木", "金", "土", "日"][d.weekday().num_days_from_monday() as usize];
    raw.replace(today, "TODAY")
        .replace("today-moved=yes", "today-moved=no")
        .replace(
            &format!("{}月{}日、{weekday}曜日に、", d.month(), d.day()),
            "今日、",
        )
}

#[tokio::test]
async fn japanese_absence_with_fever_end_to_end() {
    let (app, _dir) = spawn_app().await;
    let started = Utc::now();
    let mut p = app.phone("daiichi");

    let t = p.dial().await;
    assert!(t.says_any("墨田区立第一小学校"), "{}", t.raw);
    assert!(t.says_any("For English, press 2"));
    assert_eq!(t.gather_num_digits.as_deref(), Some("1"));
    insta::assert_snapshot!(
        "greeting",
        t.raw.replace(&app.base, "http://127.0.0.1:PORT")
    );

    let t = p.press("1").await;
    assert!(t.says_any("児童番号"), "an elementary school: {}", t.raw);
    assert_eq!(t.gather_finish_on_key.as_deref(), Some("#"));
    assert_eq!(t.voices, ["Polly.Kazuha-Neural"]);

    let t = p.press("10203#").await;
    insta::assert_snapshot!("kind-menu", dateless(&t.raw, &today_range(started)[0]));
    let t = p.press("1").await; // absent today, ill
    assert!(t.says_any("発熱は1"), "{}", t.said());
    let t = p.press("1").await; // fever
    assert!(t.says_any("体温"), "{}", t.said());
    assert_eq!(t.gather_num_digits.as_deref(), Some("3"));
    let t = p.press("385").await;
    let summary = t.said();
    for part in ["1 0 2 0 3", "1年2組3番", "欠席", "38.5", "発熱"] {
        assert!(summary.contains(part), "summary lacks {part}: {summary}");
    }
    let t = p.press("1").await; // confirm
    assert!(t.says_any("受付番号は、1です"), "{}", t.said());
    assert!(t.gather_action.is_some(), "offers another child");

    // The report is on disk before "recorded" was said.
    let reports = app.reports("daiichi");
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(r.reference, 1);
    assert_eq!(r.student.as_deref(), Some("10203"));
    assert_eq!(
        (
            r.grade.as_deref(),
            r.class.as_deref(),
            r.attendance_no.as_deref()
        ),
        (Some("1"), Some("2"), Some("3"))
    );
    assert_eq!(r.kind.as_deref(), Some("absence"));
    assert_eq!(r.reason.as_deref(), Some("illness"));
    assert_eq!(r.symptom.as_deref(), Some("fever"));
    assert_eq!(r.temperature, Some(38.5));
    assert_eq!(r.disease, None);
    assert!(
        today_range(started).contains(&r.school_day),
        "{}",
        r.school_day
    );
    assert_eq!(r.language, "ja");
    assert_eq!(r.channel, "twilio");
    assert_eq!(r.caller.as_deref(), Some(p.from.as_str()));
    assert_eq!(r.call_sid, p.call_sid);

    let t = p.silence().await; // no other child
    assert!(t.hangup);
    assert!(t.says_any("ありがとうございました"), "{}", t.said());
    p.hang_up(95).await;
    let calls = app.calls("daiichi");
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].outcome, "reported");
    assert_eq!(calls[0].reports, 1);
    assert_eq!(calls[0].duration_secs, Some(95));
    assert_eq!(calls[0].language.as_deref(), Some("ja"));
    assert_eq!(calls[0].status.as_deref(), Some("completed"));
}

#[tokio::test]
async fn english_late_arrival_with_voice_message() {
    let (app, _dir) = spawn_app().await;
    let started = Utc::now();
    let mut p = app.phone("daiichi");
    p.dial().await;
    let t = p.press("2").await;
    assert!(t.says_any("student number"), "{}", t.said());
    assert_eq!(t.voices, ["Polly.Joanna-Neural"]);
    let t = p.press("30412#").await;
    assert!(t.says_any("Late, 3."), "{}", t.said());
    let t = p.press("3").await; // late
    assert!(t.says_any("Medical appointment"), "{}", t.said());
    let t = p.press("3").await; // medical appointment: no symptom question
    assert!(t.says_any("24-hour time"), "{}", t.said());
    let t = p.press("0930#").await;
    let summary = t.said();
    assert!(summary.contains("grade 3"), "{summary}");
    assert!(summary.contains("9:30"), "{summary}");
    assert!(summary.to_lowercase().contains("late"), "{summary}");
    let t = p.press("3").await; // a message for the teacher, then save
    assert!(t.record_action.is_some(), "{}", t.raw);
    let t = p.record(12).await;
    assert!(t.says_any("reference number is 1"), "{}", t.said());

    let r = &app.reports("daiichi")[0];
    assert_eq!(r.kind.as_deref(), Some("late"));
    assert_eq!(r.reason.as_deref(), Some("medical"));
    assert_eq!(r.symptom, None);
    assert_eq!(r.time.as_deref(), Some("09:30"));
    assert!(
        r.recording_url
            .as_deref()
            .unwrap()
            .starts_with("https://api.twilio.com/")
    );
    assert!(today_range(started).contains(&r.school_day));
    assert_eq!(r.language, "en");
}

#[tokio::test]
async fn no_key_at_the_greeting_means_japanese() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    let t = p.silence().await;
    assert!(t.says_any("児童番号"), "{}", t.said());
}

#[tokio::test]
async fn no_input_escalates_then_ends_politely() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await;
    p.press("1234#").await; // no roster at this school: straight to the kind
    let t = p.silence().await;
    assert!(
        t.says[0].contains("入力が確認できませんでした"),
        "{}",
        t.said()
    );
    assert!(
        t.says_any("病気で欠席は1"),
        "first: the prompt again: {}",
        t.said()
    );
    let t = p.silence().await;
    assert!(t.says[0].contains("入力が確認できませんでした"));
    assert!(
        t.says_any("病気で学校をお休みする場合は1"),
        "second: the fuller help: {}",
        t.said()
    );
    // Third: the child is known, so a voice message rather than "call the
    // school"; silence there too, and the line gives up politely.
    let t = p.silence().await;
    assert!(
        t.record_action.is_some(),
        "third: a voice message: {}",
        t.raw
    );
    assert!(t.says_any("最後までお伺いできませんでした"), "{}", t.said());
    p.silence().await;
    let t = p.silence().await;
    assert!(t.hangup, "give up: {}", t.raw);
    assert!(t.says_any("学校へ直接お電話ください"), "{}", t.said());
    p.hang_up(40).await;
    let calls = app.calls("chuo");
    assert_eq!(calls[0].outcome, "abandoned");
    assert!(app.reports("chuo").is_empty());
}

#[tokio::test]
async fn wrong_keys_escalate_then_end_politely() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("2").await;
    p.press("5555#").await;
    let t = p.press("7").await;
    assert!(
        t.says[0].contains("not valid") || t.says[0].contains("not one of"),
        "{}",
        t.said()
    );
    let first_help = t.said();
    let t = p.press("8").await;
    assert_ne!(t.said(), first_help, "the second try gives fuller help");
    // (0 is "another child" for a recognised caller: not a wrong key.)
    let t = p.press("9").await;
    assert!(t.record_action.is_some(), "a voice message: {}", t.raw);
    p.silence().await;
    let t = p.silence().await;
    assert!(t.hangup);
    assert!(app.reports("chuo").is_empty());
}

#[tokio::test]
async fn unknown_student_is_refused_then_a_voice_message_is_taken() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.press("1").await;
    let t = p.press("99999#").await;
    assert!(t.says_any("見つかりませんでした"), "{}", t.said());
    let t = p.press("99998#").await;
    assert!(t.says_any("見つかりませんでした"));
    let t = p.press("99997#").await;
    assert!(
        t.record_action.is_some(),
        "third miss: a voice message: {}",
        t.raw
    );
    assert!(t.says_any("確認できませんでした"), "{}", t.said());
    let t = p.record(20).await;
    assert!(t.says_any("受付番号"), "{}", t.said());
    assert!(t.hangup);
    let r = &app.reports("daiichi")[0];
    assert_eq!(r.student, None);
    assert_eq!(r.kind, None);
    assert!(r.recording_url.is_some());
}

#[tokio::test]
async fn temperature_out_of_range_is_asked_again_and_hash_skips_it() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await;
    p.press("4321#").await;
    p.press("2").await; // absent, another reason (the day is asked)
    p.press("1").await;
    let t = p.press("1").await; // fever
    assert!(t.gather_on_empty, "# alone must reach us to mean skip");
    let t = p.press("345").await;
    assert!(t.says_any("35度から42度"), "{}", t.said());
    let t = p.press("421").await;
    assert!(t.says_any("35度から42度"), "{}", t.said());
    let t = p.press("372").await;
    assert!(
        waits_at(t.action().unwrap(), "day"),
        "accepted: {}",
        t.said()
    );
    p.press("1").await;
    p.press("1").await;
    assert_eq!(app.reports("chuo")[0].temperature, Some(37.2));

    // A second child in the same call: no thermometer, "#" alone.
    let t = p.press("1").await;
    assert!(t.says_any("児童番号"), "{}", t.said());
    p.press("4322#").await;
    p.press("2").await;
    p.press("1").await;
    p.press("1").await;
    let t = p.finish_key_only().await;
    assert!(
        waits_at(t.action().unwrap(), "day"),
        "skipped: {}",
        t.said()
    );
    p.press("2").await; // the next school day
    let t = p.press("1").await;
    assert!(t.says_any("受付番号は、2です"), "{}", t.said());
    let reports = app.reports("chuo");
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[1].temperature, None);
    assert_eq!(reports[1].symptom.as_deref(), Some("fever"));
    assert_eq!(reports[1].student.as_deref(), Some("4322"));
}

#[tokio::test]
async fn two_at_the_read_back_starts_again_from_the_student_number() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.follow(&identify("10203")).await;
    p.press("2").await; // absence, another reason
    p.press("4").await; // family
    p.press("2").await; // next school day
    let t = p.press("2").await; // wrong: start again
    assert!(
        t.says_any("児童番号からやり直します") && t.says_any("児童番号を入力し"),
        "back at the student number: {}",
        t.said()
    );
    p.press("10203#").await;
    p.press("4").await; // early leave
    p.press("3").await; // medical
    let t = p.press("1330#").await;
    let summary = t.said();
    assert!(
        summary.contains("早退") && summary.contains("13時30分"),
        "{summary}"
    );
    assert!(
        !summary.contains("家庭"),
        "the first answers are gone: {summary}"
    );
    p.press("1").await;
    let reports = app.reports("daiichi");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].kind.as_deref(), Some("early"));
    assert_eq!(reports[0].reason.as_deref(), Some("medical"));
    assert_eq!(reports[0].time.as_deref(), Some("13:30"));
    assert_eq!(reports[0].student.as_deref(), Some("10203"));
}

#[tokio::test]
async fn two_children_in_one_call() {
    let (app, _dir) = spawn_app().await;
    let started = Utc::now();
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.press("1").await;
    for (student, reason, day) in [("10203#", "2", "1"), ("30412#", "5", "2")] {
        p.press(student).await;
        p.press("2").await; // absence, another reason
        p.press(reason).await;
        p.press(day).await;
        let t = p.press("1").await;
        assert!(t.says_any("受付番号"), "{}", t.said());
        let t = p.press("1").await; // another child
        assert!(t.says_any("児童番号"), "{}", t.said());
    }
    let reports = app.reports("daiichi");
    assert_eq!(reports.len(), 2);
    assert_eq!(
        reports.iter().map(|r| r.reference).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(reports[0].reason.as_deref(), Some("injury"));
    assert_eq!(reports[1].reason.as_deref(), Some("bereavement"));
    assert_eq!(reports[1].student.as_deref(), Some("30412"));
    assert_eq!(reports[1].grade.as_deref(), Some("3"));
    let today = today_range(started);
    assert!(today.contains(&reports[0].school_day));
    assert!(
        today.iter().any(|d| next_day(d) == reports[1].school_day),
        "{}",
        reports[1].school_day
    );
    assert_eq!(app.calls("daiichi")[0].reports, 2);
}

#[tokio::test]
async fn a_repeated_save_request_is_stored_once() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await;
    p.press("2468#").await;
    p.press("2").await;
    p.press("9").await;
    let summary: Twiml = p.press("1").await;
    let first = p.press("1").await;
    // Twilio retries the very same request (same URL, same parameters).
    p.last = Some(summary);
    let again = p.press("1").await;
    assert_eq!(first.says, again.says, "the same reference is given");
    assert_eq!(app.reports("chuo").len(), 1);
    assert_eq!(app.calls("chuo")[0].reports, 1);
}

#[tokio::test]
async fn an_empty_voice_message_is_asked_for_again_and_never_saved() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.press("2").await;
    for n in ["99999#", "99998#", "99997#"] {
        p.press(n).await;
    }
    let t = p.silence().await; // nothing recorded
    assert!(t.record_action.is_some(), "asked again: {}", t.raw);
    let t = p.silence().await;
    assert!(t.hangup, "{}", t.raw);
    assert!(
        t.says_any("call the school directly") || t.says_any("contact the school"),
        "{}",
        t.said()
    );
    assert!(
        app.reports("daiichi").is_empty(),
        "an empty report is not a report"
    );
}
