//! An absence of several school days is checked against the student's
//! earlier reports on every day it covers, not its first day only: the
//! caller hears each earlier report it would replace or cancel, and what
//! they choose applies to all of them, so one child never has two active
//! reports on one morning's list.

use chrono::{Datelike, NaiveDate};

use crate::helpers::{Phone, Twiml, spawn_app};

/// Student 10203, absent for family reasons, in `lang` (menu key); `day`
/// is the key at the day menu (1 today, 2 next school day, 3 several).
async fn absence(p: &mut Phone<'_>, lang: &str, day: &str) -> Twiml {
    p.dial().await;
    p.press(lang).await;
    p.press("10203#").await;
    p.press("2").await; // absence, another reason
    p.press("4").await; // family
    p.press(day).await
}

/// A whole report for one day, saved at the read-back; its reference.
async fn reported(p: &mut Phone<'_>, day: &str) -> u32 {
    let t = absence(p, "1", day).await;
    assert!(t.says_any("確認します。"), "nothing earlier: {}", t.said());
    let t = p.press("1").await;
    assert!(t.says_any("受け付けました"), "{}", t.said());
    let sid = p.call_sid.clone();
    let rows = p.app.store(&p.school).reports_of_call(&sid).unwrap();
    rows[0].reference
}

fn day_of(app: &crate::helpers::TestApp, reference: u32) -> String {
    app.store("daiichi")
        .reports_between("0000-01-01", "9999-12-31")
        .unwrap()
        .into_iter()
        .find(|r| r.reference == reference)
        .unwrap()
        .school_day
}

#[tokio::test]
async fn a_several_day_absence_finds_a_report_on_a_later_day_and_replaces_it() {
    let (app, _dir) = spawn_app().await;
    // First a report for the next school day only.
    let mut first = app.phone("daiichi");
    let earlier = reported(&mut first, "2").await;
    let next_day = day_of(&app, earlier);

    // Then three school days from today: the next school day is the second.
    let mut p = app.phone("daiichi");
    absence(&mut p, "1", "3").await;
    let t = p.press("3").await;
    let d = NaiveDate::parse_from_str(&next_day, "%Y-%m-%d").unwrap();
    assert!(
        t.says_any(&format!(
            "{}月{}日のご連絡は、すでに受け付けています",
            d.month(),
            d.day()
        )) && t.says_any("内容は欠席")
            && t.says_any(&format!("受付番号は{earlier}です")),
        "the caller hears the earlier report, on the day they share: {}",
        t.said()
    );
    let t = p.press("1").await; // replace
    assert!(t.says_any("差し替えます"), "{}", t.said());
    p.press("1").await;

    let rows = app.store("daiichi").reports_on(&next_day).unwrap();
    let view: Vec<(u32, &str, Option<u32>)> = rows
        .iter()
        .map(|r| (r.reference, r.status.as_str(), r.replaced_by))
        .collect();
    let new = earlier + 1;
    assert_eq!(
        view,
        [(earlier, "replaced", Some(new)), (new, "active", None)],
        "one active report that morning"
    );
    let active = app.reports("daiichi");
    assert_eq!(active.len(), 3, "the new report's three days: {active:?}");
    assert!(active.iter().all(|r| r.reference == new));
    let history: Vec<(u32, String, Option<u32>)> = app
        .store("daiichi")
        .history(&[earlier])
        .unwrap()
        .into_iter()
        .filter(|e| e.reference == earlier)
        .map(|e| (e.reference, e.action, e.by_reference))
        .collect();
    assert_eq!(
        history,
        [
            (earlier, "created".into(), None),
            (earlier, "replaced".into(), Some(new))
        ]
    );
}

#[tokio::test]
async fn several_earlier_reports_are_all_named_and_all_cancelled() {
    let (app, _dir) = spawn_app().await;
    let mut a = app.phone("daiichi");
    let today = reported(&mut a, "1").await;
    let mut b = app.phone("daiichi");
    let next = reported(&mut b, "2").await;

    // In English this time: three school days from today cover both.
    let mut p = app.phone("daiichi");
    absence(&mut p, "2", "3").await;
    let t = p.press("3").await;
    assert!(
        t.says_any(&format!(
            "We already have 2 reports for your child on the days of this report, reference numbers {today}, {next}."
        )),
        "{}",
        t.said()
    );
    let t = p.press("2").await; // cancel
    assert!(
        t.says_any("We will cancel all of these reports"),
        "{}",
        t.said()
    );
    let t = p.press("1").await;
    assert!(
        t.says_any(&format!(
            "The reports have been cancelled. Their reference numbers are {today}, {next}."
        )),
        "{}",
        t.said()
    );
    assert!(
        app.reports("daiichi").is_empty(),
        "nothing active on any of those days"
    );
    let store = app.store("daiichi");
    for (reference, day) in [
        (today, day_of_any(&app, today)),
        (next, day_of_any(&app, next)),
    ] {
        let rows = store.reports_on(&day).unwrap();
        assert_eq!(rows.len(), 1, "nothing is deleted, nothing new: {rows:?}");
        assert_eq!(
            (rows[0].reference, rows[0].status.as_str()),
            (reference, "cancelled")
        );
    }
    assert!(
        store.reports_of_call(&p.call_sid).unwrap().is_empty(),
        "a cancellation makes no report of its own"
    );
}

/// The school day of `reference`, whatever its status.
fn day_of_any(app: &crate::helpers::TestApp, reference: u32) -> String {
    let store = app.store("daiichi");
    let sids: Vec<String> = app
        .calls("daiichi")
        .into_iter()
        .map(|c| c.call_sid)
        .collect();
    sids.iter()
        .flat_map(|s| store.reports_of_call(s).unwrap())
        .find(|r| r.reference == reference)
        .unwrap()
        .school_day
}
