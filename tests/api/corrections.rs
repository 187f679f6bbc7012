//! A parent calls again about the same child and day: replace, cancel or
//! keep, with nothing deleted; and absences of several school days.

use absence_line::schoolday::{SchoolCalendar, parse_calendar};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use crate::helpers::{Phone, spawn_app, spawn_app_in};
use fake_twilio::scenario::identify;

/// Report an absence for student 10203 today (reason family, no message).
async fn absent_today(p: &mut Phone<'_>) -> crate::helpers::Twiml {
    p.dial().await;
    p.follow(&identify("10203")).await;
    p.press("2").await; // absence, another reason
    p.press("4").await; // family
    p.press("1").await // today
}

#[tokio::test]
async fn a_second_report_for_the_same_day_replaces_or_cancels_the_first_and_keeps_its_history() {
    let (app, _dir) = spawn_app().await;
    let mut first = app.phone("daiichi");
    let t = absent_today(&mut first).await;
    assert!(
        t.says_any("確認します。"),
        "no earlier report: straight on to the read-back: {}",
        t.said()
    );
    first.press("1").await;
    let day = app.reports("daiichi")[0].school_day.clone();

    // Later the parent calls again: the child will come late after all.
    let mut second = app.phone("daiichi");
    second.dial().await;
    second.follow(&identify("10203")).await;
    second.press("3").await; // late
    second.press("3").await; // medical
    let t = second.press("1030#").await;
    assert!(
        t.says_any("すでに受け付けています") && t.says_any("欠席") && t.says_any("受付番号は1"),
        "{}",
        t.said()
    );
    let t = second.press("1").await; // replace
    assert!(
        t.says_any("差し替えます"),
        "the read-back says it replaces: {}",
        t.said()
    );
    let t = second.press("1").await;
    assert!(t.says_any("受付番号は、2です"), "{}", t.said());

    let rows = app.store("daiichi").reports_on(&day).unwrap();
    let view: Vec<(u32, &str, Option<u32>)> = rows
        .iter()
        .map(|r| (r.reference, r.status.as_str(), r.replaced_by))
        .collect();
    assert_eq!(view, [(1, "replaced", Some(2)), (2, "active", None)]);
    let active = app.reports("daiichi");
    assert_eq!(active.len(), 1, "exports hold only the active report");
    assert_eq!(
        (active[0].kind.as_deref(), active[0].time.as_deref()),
        (Some("late"), Some("10:30"))
    );

    // A third call cancels it.
    let mut third = app.phone("daiichi");
    let t = absent_today(&mut third).await;
    assert!(
        t.says_any("遅刻") && t.says_any("受付番号は2"),
        "{}",
        t.said()
    );
    let t = third.press("2").await; // cancel
    assert!(t.says_any("取り消します"), "{}", t.said());
    let t = third.press("1").await;
    assert!(
        t.says_any("取り消しました") && t.says_any("2"),
        "{}",
        t.said()
    );
    assert!(app.reports("daiichi").is_empty(), "nothing active that day");
    let rows = app.store("daiichi").reports_on(&day).unwrap();
    assert_eq!(rows.len(), 2, "nothing is deleted");
    assert_eq!(rows[1].status, "cancelled");
    let history: Vec<(u32, String, Option<u32>)> = app
        .store("daiichi")
        .history(&[1, 2])
        .unwrap()
        .into_iter()
        .map(|e| (e.reference, e.action, e.by_reference))
        .collect();
    assert_eq!(
        history,
        [
            (1, "created".into(), None),
            (1, "replaced".into(), Some(2)),
            (2, "created".into(), None),
            (2, "cancelled".into(), None)
        ]
    );
}

#[tokio::test]
async fn keeping_the_earlier_report_changes_nothing() {
    let (app, _dir) = spawn_app().await;
    let mut first = app.phone("daiichi");
    absent_today(&mut first).await;
    first.press("1").await;
    let mut again = app.phone("daiichi");
    absent_today(&mut again).await;
    let t = again.press("3").await; // keep
    assert!(t.says_any("そのまま残しました"), "{}", t.said());
    let t = again.silence().await;
    assert!(t.hangup);
    let all = app
        .store("daiichi")
        .reports_between("0000-01-01", "9999-12-31")
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].status, "active");
}

/// The next `n` dates from `start` that are weekdays and not `holiday`,
/// counted without the library under test.
fn weekdays_from(start: NaiveDate, n: usize, holiday: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let mut d = start;
    while out.len() < n {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && d != holiday {
            out.push(d.to_string());
        }
        d += Duration::days(1);
    }
    out
}

#[tokio::test]
async fn an_absence_of_several_days_skips_the_weekend_and_a_holiday() {
    let dir = tempfile::tempdir().unwrap();
    // A holiday on the first weekday after today, wherever today falls.
    let cal0 = SchoolCalendar::new(
        chrono_tz::Asia::Tokyo,
        NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        Default::default(),
    );
    let today = cal0.today(Utc::now());
    let mut holiday = today + Duration::days(1);
    while matches!(holiday.weekday(), Weekday::Sat | Weekday::Sun) {
        holiday += Duration::days(1);
    }
    let calendar = format!("{holiday} 臨時休業\n");
    std::fs::write(dir.path().join("calendar.txt"), &calendar).unwrap();
    let cal = SchoolCalendar::new(
        chrono_tz::Asia::Tokyo,
        NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        parse_calendar(&calendar, "calendar.txt").unwrap(),
    );
    let start = cal.today(Utc::now());
    let app = spawn_app_in(dir.path()).await;

    let mut p = app.phone("daiichi");
    p.dial().await;
    p.press("2").await;
    p.press("10203#").await;
    p.press("2").await; // absence, another reason
    p.press("6").await; // infectious
    p.press("1").await; // influenza
    let t = p.press("3").await; // several days
    assert!(t.says_any("1 to 9"), "{}", t.said());
    assert_eq!(t.gather_num_digits.as_deref(), Some("1"));
    let t = p.press("0").await;
    assert!(t.says_any("from 1 to 9"), "0 is refused: {}", t.said());
    let t = p.press("5").await;
    assert!(t.says_any("Number of school days: 5"), "{}", t.said());
    p.press("1").await;

    let rows = app.reports("daiichi");
    let days: Vec<String> = rows.iter().map(|r| r.school_day.clone()).collect();
    let expected = weekdays_from(start, 5, holiday);
    assert_eq!(days, expected);
    assert!(
        !days.contains(&holiday.to_string()),
        "the holiday is skipped"
    );
    let first = NaiveDate::parse_from_str(&days[0], "%Y-%m-%d").unwrap();
    let last = NaiveDate::parse_from_str(&days[4], "%Y-%m-%d").unwrap();
    assert!(
        (last - first).num_days() >= 7,
        "five school days and a holiday span a weekend: {days:?}"
    );
    assert!(
        rows.iter().all(|r| r.reference == rows[0].reference),
        "one reference for the whole absence"
    );
    assert!(
        rows.iter()
            .all(|r| r.disease.as_deref() == Some("influenza"))
    );
}
