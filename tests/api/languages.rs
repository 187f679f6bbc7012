//! Every language walks the whole call, to the same report.

use std::process::Command;

use absence_line::store::ReportRow;

use crate::helpers::{Twiml, spawn_app};
use fake_twilio::scenario::identify;

/// Key at the greeting, language, and how its prompts are spoken: Twilio's
/// `<Say language>` or, for Nepali (no voice), a recording.
const LANGUAGES: [(&str, &str, &str); 9] = [
    ("1", "ja", "ja-JP"),
    ("2", "en", "en-US"),
    ("3", "zh-CN", "cmn-CN"),
    ("4", "ko", "ko-KR"),
    ("5", "vi", "vi-VN"),
    ("6", "fil", "fil-PH"),
    ("7", "pt-BR", "pt-BR"),
    ("8", "es", "es-MX"),
    ("9", "ne", "play"),
];

fn spoken_in(t: &Twiml, how: &str, lang: &str) -> bool {
    if how == "play" {
        !t.plays.is_empty()
            && t.plays
                .iter()
                .all(|u| u.contains(&format!("/prompts/{lang}/")))
    } else {
        !t.languages.is_empty() && t.languages.iter().all(|l| l == how)
    }
}

/// The report's content, without what identifies the call.
fn content(r: &ReportRow) -> String {
    format!(
        "{:?}",
        (
            &r.school_day,
            &r.student,
            &r.grade,
            &r.class,
            &r.attendance_no,
            &r.kind,
            &r.reason,
            &r.symptom,
            r.temperature,
            &r.disease,
            &r.time,
            r.recording_url.is_some(),
        )
    )
}

#[tokio::test]
async fn every_language_walks_the_whole_call_over_http_to_the_same_report() {
    let (app, _dir) = spawn_app().await;
    let greeting = app.phone("daiichi").dial().await;
    for (_, lang, how) in LANGUAGES {
        let needle = if how == "play" {
            "/prompts/ne/language-option".to_owned()
        } else {
            how.to_owned()
        };
        assert!(
            greeting.raw.contains(&needle),
            "the greeting offers {lang}: {}",
            greeting.raw
        );
    }
    let mut reports = Vec::new();
    for (key, lang, how) in LANGUAGES {
        // Each language its own school store: the same child and day in one
        // store would (rightly) be offered a correction the second time.
        let (app, _dir) = spawn_app().await;
        let mut p = app.phone("daiichi");
        p.dial().await;
        let t = p.press(key).await;
        assert!(
            spoken_in(&t, how, lang),
            "{lang}: the student number is asked in {lang}: {}",
            t.raw
        );
        let t = p.press("10203#").await;
        assert!(spoken_in(&t, how, lang), "{lang}: kind menu: {}", t.raw);
        p.press("2").await; // absence, another reason or day
        p.press("1").await; // illness
        p.press("1").await; // fever
        let t = p.press("385").await;
        // The day menu: when "today" is not the calendar day it names the
        // dates, a message the other locales may still lack (then English).
        assert!(
            fake_twilio::scenario::waits_at(t.action().unwrap(), "day"),
            "{lang}: day menu: {}",
            t.raw
        );
        let t = p.press("2").await; // the next school day
        assert!(!t.heard.is_empty(), "{lang}: the read-back is heard");
        if how != "play" {
            assert!(
                t.said().contains("38"),
                "{lang}: the temperature is read back: {}",
                t.said()
            );
            assert!(
                t.said().contains("1 0 2 0 3"),
                "{lang}: the student number is read digit by digit: {}",
                t.said()
            );
        }
        let t = p.press("3").await; // a message for the teacher, then save
        assert!(t.record_action.is_some(), "{lang}: {}", t.raw);
        let t = p.record(7).await;
        assert!(
            !t.heard.is_empty() && t.gather_action.is_some(),
            "{lang}: {}",
            t.raw
        );
        let t = p.silence().await;
        assert!(t.hangup, "{lang}");
        reports.extend(app.reports("daiichi"));
    }
    let first = content(&reports[0]);
    for (r, (_, lang, _)) in reports.iter().zip(LANGUAGES) {
        assert_eq!(r.language, lang);
        assert_eq!(
            content(r),
            first,
            "{lang}: the same report whatever the language"
        );
    }
}

#[tokio::test]
async fn every_language_walks_the_whole_call_in_the_simulator_to_the_same_report() {
    let (app, dir) = spawn_app().await;
    let mut contents = Vec::new();
    for (_, lang, how) in LANGUAGES {
        std::fs::create_dir_all(dir.path().join(lang)).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
            .args([
                "--config",
                app.config_path.to_str().unwrap(),
                "simulate",
                "--school",
                "daiichi",
                "--lang",
                lang,
            ])
            .args(["--data-dir", dir.path().join(lang).to_str().unwrap()])
            .args(["--keys", ",10203#,2,1,1,385,2,3,hello,"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            out.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let marker = if how == "play" {
            "[♪ prompts/ne/ask-kind".to_owned()
        } else {
            format!("[{how}]")
        };
        assert!(
            text.contains(&marker),
            "{lang}: prompts are spoken in {lang}:\n{text}"
        );
        assert!(text.contains("── saved report"), "{lang}:\n{text}");
        assert!(
            text.contains(&format!("language     {lang}")),
            "{lang}:\n{text}"
        );
        assert!(text.contains("temperature  38.5"), "{lang}:\n{text}");
    }
    for (_, lang, _) in LANGUAGES {
        let store = absence_line::store::Store::open(&dir.path().join(lang).join("daiichi.sqlite"))
            .unwrap();
        let r = store
            .reports_between("0000-01-01", "9999-12-31")
            .unwrap()
            .remove(0);
        assert_eq!(r.channel, "simulator");
        contents.push(content(&r));
    }
    assert_eq!(contents.len(), 9);
    assert!(contents.iter().all(|c| *c == contents[0]), "{contents:#?}");
}

#[tokio::test]
async fn a_caller_is_greeted_in_the_language_they_chose_last_time() {
    let (app, _dir) = spawn_app().await;
    let mut first = app.phone("daiichi");
    first.dial().await;
    first.press("4").await; // 한국어
    first.hang_up(10).await;

    let mut again = app.phone("daiichi");
    again.from = first.from.clone();
    let t = again.dial().await;
    assert_eq!(
        t.languages.first().map(String::as_str),
        Some("ko-KR"),
        "welcome in Korean first: {}",
        t.raw
    );
    let t = again.silence().await;
    assert!(
        t.languages.iter().all(|l| l == "ko-KR"),
        "no key keeps Korean: {}",
        t.raw
    );

    // Another number still starts in Japanese, and the other school does not know this caller.
    let t = app.phone("daiichi").dial().await;
    assert_eq!(t.languages.first().map(String::as_str), Some("ja-JP"));
    let mut other_school = app.phone("chuo");
    other_school.from = first.from.clone();
    let t = other_school.dial().await;
    assert_eq!(t.languages.first().map(String::as_str), Some("ja-JP"));
}

#[tokio::test]
async fn star_switches_language_at_any_menu_and_the_call_goes_on() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    let t = p.follow(&identify("10203")).await;
    assert_eq!(t.languages, ["ja-JP"]);
    let t = p.press("*").await;
    assert!(
        t.says_any("For English, press 2"),
        "the language menu: {}",
        t.raw
    );
    let t = p.press("3").await;
    assert!(
        t.languages.iter().all(|l| l == "cmn-CN"),
        "back at the kind, in Chinese: {}",
        t.raw
    );
    p.press("3").await; // late
    p.press("3").await; // medical
    p.press("0845#").await;
    p.press("1").await;
    let r = &app.reports("daiichi")[0];
    assert_eq!(
        (r.language.as_str(), r.kind.as_deref(), r.time.as_deref()),
        ("zh-CN", Some("late"), Some("08:45"))
    );
}
