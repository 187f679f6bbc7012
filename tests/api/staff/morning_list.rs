//! The morning list: the day's reports grouped by class with every
//! detail, and replaced or cancelled ones struck through with their history.

use fake_twilio::scenario::identify;

use super::*;

#[tokio::test]
async fn the_morning_list_groups_the_days_reports_by_class_with_every_detail() {
    let (app, _dir) = spawn_app().await;
    roster_with_names(&app);
    let mut first = app.phone("daiichi");
    late_with_message(&mut first).await;
    let mut second = app.phone("daiichi");
    absent_with_fever(&mut second).await;
    let day = day_of(&app, "daiichi");
    assert_eq!(app.reports("daiichi").len(), 2);
    let received = app
        .store("daiichi")
        .reports_on(&day)
        .unwrap()
        .iter()
        .find(|r| r.student.as_deref() == Some("10203"))
        .unwrap()
        .received_at
        .clone();

    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (status, page) = get(&client, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"<html lang="ja">"#));
    let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap();
    use chrono::Datelike;
    assert!(
        page.contains(&format!(
            "{}年{}月{}日",
            date.year(),
            date.month(),
            date.day()
        )),
        "the day in Japanese"
    );
    assert_eq!(count(&page, "kind-absence"), 1);
    assert_eq!(count(&page, "kind-late"), 1);
    assert_eq!(count(&page, "kind-early"), 0);

    // 1年2組 comes first and holds 10203; 3年4組 holds 30412, though it
    // was reported first.
    let g1 = page.find("1年2組").expect("group 1-2");
    let g3 = page.find("3年4組").expect("group 3-4");
    let s1 = page.find(">10203<").unwrap();
    let s3 = page.find(">30412<").unwrap();
    assert!(g1 < s1 && s1 < g3 && g3 < s3, "{g1} {s1} {g3} {s3}");

    let absent = &page[s1..g3];
    for part in [
        "山田 花子",
        "badge kind-absence",
        "欠席",
        "病気",
        "発熱",
        "38.5℃",
        "電話",
    ] {
        assert!(absent.contains(part), "10203's row lacks {part}: {absent}");
    }
    let local = chrono::DateTime::parse_from_rfc3339(&received)
        .unwrap()
        .with_timezone(&chrono_tz::Asia::Tokyo);
    let hhmm = local.format("%H:%M").to_string();
    assert!(absent.contains(&hhmm), "received at {hhmm} (JST)");
    let late = &page[s3..];
    for part in [
        "鈴木 一郎",
        "badge kind-late",
        "遅刻",
        "通院",
        "09:30 登校予定",
        r#"<audio controls preload="none" src="https://api.twilio.com/2010-04-01/Accounts/"#,
        ".mp3\"",
    ] {
        assert!(late.contains(part), "30412's row lacks {part}: {late}");
    }
    assert!(page.contains(&format!(r#"href="/schools/daiichi/calls/{day}""#)));
    assert!(page.contains(&format!(
        r#"href="/schools/daiichi/export?from={day}&amp;to={day}&amp;format=csv""#
    )));
    assert!(page.contains(r#"http-equiv="refresh" content="60; url=/schools/daiichi/days/"#));

    // English on request, remembered by a cookie.
    let (_, en) = get(
        &client,
        &format!("{}/schools/daiichi/days/{day}?lang=en", app.base),
    )
    .await;
    assert!(en.contains(r#"<html lang="en">"#) && en.contains("Grade 1, class 2"));
    assert!(en.contains("Absent") && en.contains("Fever") && !en.contains("1年2組"));
    let (_, again) = get(&client, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    assert!(again.contains("Grade 3, class 4"), "the language stays");
    let (_, ja) = get(
        &client,
        &format!("{}/schools/daiichi/days/{day}?lang=ja", app.base),
    )
    .await;
    assert!(ja.contains("3年4組"));

    // Previous and next school day, and a bad date.
    assert!(page.contains(r#"rel="prev""#) && page.contains(r#"rel="next""#));
    let (status, _) = get(
        &client,
        &format!("{}/schools/daiichi/days/2026-13-40", app.base),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let res = client
        .get(format!("{}/schools/daiichi/days?date=2026-11-24", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/schools/daiichi/days/2026-11-24");
    let (status, empty) = get(
        &client,
        &format!("{}/schools/daiichi/days/2020-01-06", app.base),
    )
    .await;
    assert_eq!(status, 200);
    assert!(empty.contains("この日の連絡はまだありません"));
}

#[tokio::test]
async fn replaced_and_cancelled_reports_are_struck_through_with_their_history() {
    let (app, _dir) = spawn_app().await;
    let mut first = app.phone("daiichi");
    absent_with_fever(&mut first).await;
    let day = day_of(&app, "daiichi");
    // The parent calls again: late after all, replacing the absence.
    let mut second = app.phone("daiichi");
    second.dial().await;
    second.follow(&identify("10203")).await;
    second.press("3").await; // late
    second.press("3").await; // medical
    second.press("1030#").await;
    second.press("1").await; // replace
    let t = second.press("1").await;
    assert!(t.says_any("受付番号は、2です"), "{}", t.said());
    let rows = app.store("daiichi").reports_on(&day).unwrap();
    assert_eq!(
        rows.iter()
            .map(|r| (r.reference, r.status.as_str()))
            .collect::<Vec<_>>(),
        [(1, "replaced"), (2, "active")]
    );

    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (_, page) = get(&client, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    let old = row_html(&page, rows[0].id);
    assert!(
        old.contains("report inactive") && old.contains(r#"data-status="replaced""#),
        "{old}"
    );
    let history = &page[page.find(r#"id="r1""#).unwrap()..];
    assert!(history.contains("差し替え → 受付番号 2"), "{history}");
    let new = row_html(&page, rows[1].id);
    assert!(!new.contains("inactive"), "{new}");
    assert!(page.contains("受付番号 1 を差し替え"));
    assert_eq!(count(&page, "kind-absence"), 0, "only active reports count");
    assert_eq!(count(&page, "kind-late"), 1);

    // A third call cancels it.
    let mut third = app.phone("daiichi");
    third.dial().await;
    third.follow(&identify("10203")).await;
    third.press("2").await; // absence, another reason
    third.press("4").await; // family
    third.press("1").await; // today: it already has one
    third.press("2").await; // cancel
    let t = third.press("1").await;
    assert!(t.says_any("取り消しました"), "{}", t.said());
    let cancelled = app.store("daiichi").reports_on(&day).unwrap()[1].clone();
    assert_eq!(cancelled.status, "cancelled");
    let at = chrono::DateTime::parse_from_rfc3339(
        &app.store("daiichi")
            .history(&[2])
            .unwrap()
            .last()
            .unwrap()
            .at,
    )
    .unwrap()
    .with_timezone(&chrono_tz::Asia::Tokyo);
    // After the cut-off the list is the next school day's, and a time on
    // another day than the list's carries its date.
    let at = if at.date_naive().to_string() == day {
        at.format("%H:%M").to_string()
    } else {
        at.format("%-m/%-d %H:%M").to_string()
    };
    let (_, page) = get(&client, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    let row = row_html(&page, cancelled.id);
    assert!(
        row.contains("report inactive") && row.contains(r#"data-status="cancelled""#),
        "{row}"
    );
    let history = &page[page.find(&format!(r#"id="r{}""#, cancelled.id)).unwrap()..];
    assert!(history.contains(&format!("取り消し {at}")), "{history}");
    assert_eq!(count(&page, "kind-late"), 0);
}
