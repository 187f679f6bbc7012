//! The school staff pages: login, sessions and who may see what, the
//! morning list (grouping, details, seen marks, "new"), the call log, the
//! board's overview, CSRF on every form, and exports.

use std::time::Duration;

use absence_line::store::StudentRecord;
use chrono::{NaiveDate, Utc};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION, SET_COOKIE};

use crate::helpers::{
    BOARD_PASSWORD, CHUO_PASSWORD, DAIICHI_EXPORT_TOKEN, DAIICHI_PASSWORD, Phone, TestApp, browser,
    login, post_form, spawn_app,
};

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let res = client.get(url).send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

fn location(res: &reqwest::Response) -> String {
    res.headers()[LOCATION].to_str().unwrap().to_owned()
}

/// The value of the first hidden `csrf` field on a page.
fn csrf_of(html: &str) -> String {
    let at = html
        .find(r#"name="csrf" value=""#)
        .expect("a form with a CSRF token")
        + 19;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// The first seen form's action on a page, e.g. `/schools/daiichi/reports/1/seen`.
fn seen_action(html: &str, row_id: i64) -> String {
    let action = format!("/reports/{row_id}/seen");
    assert!(html.contains(&action), "no seen form for row {row_id}");
    let start = html[..html.find(&action).unwrap()].rfind('"').unwrap() + 1;
    let end = html.find(&action).unwrap() + action.len();
    html[start..end].to_owned()
}

/// The hidden `since` of the seen form for `row_id`.
fn since_of(html: &str, row_id: i64) -> String {
    let from = html.find(&format!("/reports/{row_id}/seen")).unwrap();
    let at = from + html[from..].find(r#"name="since" value=""#).unwrap() + 20;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// The `<tr>` of report row `id`, up to the next row.
fn row_html(html: &str, id: i64) -> &str {
    let start = html
        .find(&format!(r#"id="r{id}""#))
        .unwrap_or_else(|| panic!("row {id} on the page"));
    let start = html[..start].rfind("<tr").unwrap();
    let end = html[start + 3..]
        .find("<tr")
        .map_or(html.len(), |e| start + 3 + e);
    &html[start..end]
}

/// How many stored rows a count box shows, e.g. `count kind-absence`.
fn count(html: &str, class: &str) -> u32 {
    let at = html
        .find(&format!(r#"class="count {class}""#))
        .unwrap_or_else(|| panic!("a {class} count"));
    let s = &html[at..];
    let s = &s[s.find("<strong>").unwrap() + 8..];
    s[..s.find('<').unwrap()].parse().unwrap()
}

/// Fill `daiichi`'s roster in its store, with names.
fn roster_with_names(app: &TestApp) {
    let s = |student: &str, grade: &str, class: &str, number: &str, name: &str| StudentRecord {
        student: student.into(),
        grade: grade.into(),
        class: class.into(),
        number: number.into(),
        name: name.into(),
        ..Default::default()
    };
    app.store("daiichi")
        .replace_students(
            &[
                s("10203", "1", "2", "3", "山田 花子"),
                s("30412", "3", "4", "12", "鈴木 一郎"),
            ],
            "roster_source",
            "test",
        )
        .unwrap();
}

/// 10203: absent today, illness, fever 38.5, no message.
async fn absent_with_fever(p: &mut Phone<'_>) {
    p.dial().await;
    p.press("1").await;
    p.press("10203#").await;
    p.press("1").await; // roster read-back: correct
    p.press("1").await; // absence
    p.press("1").await; // illness
    p.press("1").await; // fever
    p.press("385").await;
    p.press("1").await; // today
    p.press("2").await; // no message
    let t = p.press("1").await; // save
    assert!(t.says_any("受付番号"), "{}", t.said());
}

/// 30412: late at 09:30 for a medical appointment, with a voice message.
async fn late_with_message(p: &mut Phone<'_>) {
    p.dial().await;
    p.press("1").await;
    p.press("30412#").await;
    p.press("1").await;
    p.press("2").await; // late
    p.press("3").await; // medical
    p.press("0930").await;
    p.press("1").await; // record a message
    p.record(12).await;
    let t = p.press("1").await;
    assert!(t.says_any("受付番号"), "{}", t.said());
}

fn day_of(app: &TestApp, school: &str) -> String {
    app.reports(school)
        .last()
        .expect("a stored report")
        .school_day
        .clone()
}

#[tokio::test]
async fn login_needs_the_right_password_and_says_the_same_for_any_mistake() {
    let (app, _dir) = spawn_app().await;
    let client = browser();
    let (status, form) = get(&client, &format!("{}/login", app.base)).await;
    assert_eq!(status, 200);
    assert!(form.contains(r#"name="password""#) && form.contains(r#"value="daiichi""#));
    assert!(form.contains("墨田区立第一小学校") && form.contains("教育委員会"));

    let mut messages = Vec::new();
    for (account, password) in [
        ("daiichi", "wrong-password"),
        ("daiichi", CHUO_PASSWORD),
        ("nosuch", DAIICHI_PASSWORD),
        ("board", ""),
    ] {
        let res = post_form(
            &client,
            &format!("{}/login", app.base),
            &[("account", account), ("password", password)],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{account}");
        assert!(res.headers().get(SET_COOKIE).is_none(), "{account}");
        let body = res.text().await.unwrap();
        let at = body.find("role=\"alert\">").expect("an error message") + 13;
        messages.push(body[at..at + body[at..].find('<').unwrap()].to_owned());
    }
    assert_eq!(messages[0], "アカウントまたはパスワードが違います。");
    assert!(
        messages.iter().all(|m| *m == messages[0]),
        "one message: {messages:?}"
    );
    let (status, _) = get(&client, &format!("{}/schools/daiichi/calls", app.base)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "still not logged in");

    let res = post_form(
        &client,
        &format!("{}/login", app.base),
        &[("account", "daiichi"), ("password", DAIICHI_PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/schools/daiichi");
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    for part in ["al_session=", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http here: {cookie}");
    let res = client
        .get(format!("{}/schools/daiichi", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&res).starts_with("/schools/daiichi/days/20"),
        "today's list: {}",
        location(&res)
    );

    // After login, back where the person was going; never to another site.
    for (next, expected) in [
        ("/schools/chuo/calls", "/schools/chuo/calls"),
        ("//evil.example/", "/schools/chuo"),
    ] {
        let res = post_form(
            &browser(),
            &format!("{}/login", app.base),
            &[
                ("account", "chuo"),
                ("password", CHUO_PASSWORD),
                ("next", next),
            ],
        )
        .await;
        assert_eq!(location(&res), expected);
    }
}

#[tokio::test]
async fn without_a_session_pages_go_to_the_login_and_the_export_is_401() {
    let (app, _dir) = spawn_app().await;
    let client = browser();
    for path in [
        "/schools/daiichi/days/2026-11-25",
        "/schools/daiichi/calls/2026-11-25",
        "/schools/daiichi",
        "/board",
    ] {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        let next: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
        assert_eq!(location(&res), format!("/login?next={next}"), "{path}");
    }
    let res = client
        .get(format!(
            "{}/schools/daiichi/export?from=2026-11-25&to=2026-11-25",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = post_form(
        &client,
        &format!("{}/schools/daiichi/reports/1/seen", app.base),
        &[("csrf", "x")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        "/login",
        "a form cannot be posted again after login"
    );

    // A session cookie someone made up, or changed, is no session.
    let logged_in = login(&app, "chuo", CHUO_PASSWORD).await;
    let res = post_form(
        &browser(),
        &format!("{}/login", app.base),
        &[("account", "chuo"), ("password", CHUO_PASSWORD)],
    )
    .await;
    let value = res.headers()[SET_COOKIE].to_str().unwrap();
    let value = value
        .strip_prefix("al_session=")
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let (payload, mac) = value.split_once('.').unwrap();
    let payload = String::from_utf8(b64.decode(payload).unwrap()).unwrap();
    assert!(payload.contains(":chuo:"), "{payload}");
    let forged = format!(
        "{}.{mac}",
        b64.encode(payload.replace(":chuo:", ":daiichi:"))
    );
    for cookie in [
        format!("al_session={forged}"),
        "al_session=made.up".to_owned(),
    ] {
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{}/schools/daiichi/days/2026-11-25", app.base))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(location(&res).starts_with("/login"));
    }
    let (status, _) = get(
        &logged_in,
        &format!("{}/schools/chuo/days/2026-11-25", app.base),
    )
    .await;
    assert_eq!(status, 200, "the real cookie works");
}

#[tokio::test]
async fn a_school_sees_only_its_own_pages_whatever_the_url() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    absent_with_fever(&mut p).await;
    let day = day_of(&app, "daiichi");
    let row = app.store("daiichi").reports_on(&day).unwrap()[0].id;

    let chuo = login(&app, "chuo", CHUO_PASSWORD).await;
    let (status, own) = get(&chuo, &format!("{}/schools/chuo/days/{day}", app.base)).await;
    assert_eq!(status, 200);
    let token = csrf_of(&own);
    for path in [
        "/schools/daiichi".to_owned(),
        format!("/schools/daiichi/days/{day}"),
        "/schools/daiichi/days?date=2026-11-25".to_owned(),
        format!("/schools/daiichi/calls/{day}"),
        "/schools/daiichi/calls".to_owned(),
        format!("/schools/daiichi/export?from={day}&to={day}&format=csv"),
        format!("/schools/daiichi/export?from={day}&to={day}&format=json"),
        "/schools/nosuch/days/2026-11-25".to_owned(),
        "/schools/DAIICHI/days/2026-11-25".to_owned(),
        "/board".to_owned(),
    ] {
        let (status, body) = get(&chuo, &format!("{}{path}", app.base)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(!body.contains("10203"), "{path} shows nothing of daiichi");
    }
    // Nor by posting to another school's report, with a valid token.
    let res = post_form(
        &chuo,
        &format!("{}/schools/daiichi/reports/{row}/seen", app.base),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        app.store("daiichi")
            .seen_on("chuo", &day)
            .unwrap()
            .is_empty()
    );

    let daiichi = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (status, list) = get(
        &daiichi,
        &format!("{}/schools/daiichi/days/{day}", app.base),
    )
    .await;
    assert_eq!(status, 200);
    assert!(list.contains("10203"));
    let (status, _) = get(&daiichi, &format!("{}/schools/chuo/days/{day}", app.base)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_board_sees_every_school_and_todays_counts() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    absent_with_fever(&mut p).await;
    let day = day_of(&app, "daiichi");

    let board = login(&app, "board", BOARD_PASSWORD).await;
    let res = board.get(format!("{}/", app.base)).send().await.unwrap();
    assert_eq!(location(&res), "/board", "the board's home");
    let (status, page) = get(&board, &format!("{}/board", app.base)).await;
    assert_eq!(status, 200);
    assert!(page.contains("墨田区立第一小学校") && page.contains("墨田区立中央中学校"));
    // The board shows one calendar day for every school; after the
    // cut-off the report is for a later day, which the picker opens.
    let (status, page) = get(&board, &format!("{}/board?day={day}", app.base)).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!(r#"href="/schools/daiichi/days/{day}""#)),
        "links to daiichi's list for its school day"
    );
    assert!(page.contains(r#"href="/schools/chuo/days/"#));
    let daiichi_row = &page[page.find("墨田区立第一小学校").unwrap()..];
    let daiichi_row = &daiichi_row[..daiichi_row.find("</tr>").unwrap()];
    assert!(
        daiichi_row.contains(r#"data-label="欠席">1<"#),
        "one absence today: {daiichi_row}"
    );

    for school in ["daiichi", "chuo"] {
        let (status, _) = get(&board, &format!("{}/schools/{school}/days/{day}", app.base)).await;
        assert_eq!(status, 200, "{school}");
        let (status, _) = get(
            &board,
            &format!("{}/schools/{school}/calls/{day}", app.base),
        )
        .await;
        assert_eq!(status, 200, "{school}");
        let (status, _) = get(
            &board,
            &format!("{}/schools/{school}/export?from={day}&to={day}", app.base),
        )
        .await;
        assert_eq!(status, 200, "{school}");
    }
    let (_, list) = get(&board, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    assert!(list.contains("10203"));
}

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
    second.press("1").await;
    second.press("10203#").await;
    second.press("1").await;
    second.press("2").await; // late
    second.press("3").await; // medical
    second.press("1030").await;
    second.press("1").await; // replace
    second.press("2").await;
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
    third.press("1").await;
    third.press("10203#").await;
    third.press("1").await;
    third.press("1").await; // absence
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

#[tokio::test]
async fn marking_seen_needs_the_token_and_new_badges_go_after_a_look() {
    let (app, _dir) = spawn_app().await;
    let mut first = app.phone("daiichi");
    absent_with_fever(&mut first).await;
    let day = day_of(&app, "daiichi");
    let list = format!("{}/schools/daiichi/days/{day}", app.base);
    let store = app.store("daiichi");
    let r1 = store.reports_on(&day).unwrap()[0].id;
    // Times are stored to the second: let the first look come after it.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (_, look1) = get(&client, &list).await;
    assert!(
        row_html(&look1, r1).contains("badge new"),
        "never looked: new"
    );
    assert!(row_html(&look1, r1).contains("確認"));

    // A second report arrives between two looks.
    let mut second = app.phone("daiichi");
    late_with_message(&mut second).await;
    let r2 = store
        .reports_on(&day)
        .unwrap()
        .into_iter()
        .find(|r| r.id != r1)
        .unwrap()
        .id;
    let (_, look2) = get(&client, &list).await;
    assert!(
        !row_html(&look2, r1).contains("badge new"),
        "seen on the last look: not new"
    );
    assert!(
        row_html(&look2, r2).contains("badge new"),
        "came after the last look"
    );
    assert_eq!(count(&look2, "unseen"), 2);

    // Without the token, or with a wrong one: 403, and nothing changes.
    let action = format!("{}{}", app.base, seen_action(&look2, r2));
    let since = since_of(&look2, r2);
    for form in [
        vec![("since", since.as_str())],
        vec![("csrf", "forged"), ("since", since.as_str())],
        vec![("csrf", ""), ("since", since.as_str())],
    ] {
        let res = post_form(&client, &action, &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{form:?}");
    }
    assert!(store.seen_on("daiichi", &day).unwrap().is_empty());
    // Another session's token is not this one's either.
    let other = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (_, other_page) = get(&other, &list).await;
    let res = post_form(&client, &action, &[("csrf", &csrf_of(&other_page))]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(store.seen_on("daiichi", &day).unwrap().is_empty());

    // With it: seen, and back to the same view of the list.
    let token = csrf_of(&look2);
    let res = post_form(&client, &action, &[("csrf", &token), ("since", &since)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = location(&res);
    assert!(
        back.starts_with(&format!("/schools/daiichi/days/{day}?since=")),
        "{back}"
    );
    let seen = store.seen_on("daiichi", &day).unwrap();
    assert_eq!(seen.keys().copied().collect::<Vec<_>>(), [r2]);
    let (_, after) = get(&client, &format!("{}{back}", app.base)).await;
    let row2 = row_html(&after, r2);
    assert!(
        row2.contains("確認済") && !row2.contains("badge new"),
        "{row2}"
    );
    assert!(!row2.contains("/seen\""), "no button once seen");
    assert_eq!(count(&after, "unseen"), 1);
    // The board's marks are its own.
    let board = login(&app, "board", BOARD_PASSWORD).await;
    let (_, board_view) = get(&board, &list).await;
    assert!(row_html(&board_view, r2).contains("/seen\""));

    // The next look: nothing new any more.
    let (_, look3) = get(&client, &list).await;
    assert!(
        !look3.contains("badge new"),
        "no new badge on the next look"
    );
}

#[tokio::test]
async fn logout_needs_the_token_and_ends_the_session() {
    let (app, _dir) = spawn_app().await;
    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let page_url = format!("{}/schools/daiichi/calls/2026-11-25", app.base);
    let (status, page) = get(&client, &page_url).await;
    assert_eq!(status, 200);
    let token = csrf_of(&page);
    for form in [vec![], vec![("csrf", "not-the-token")]] {
        let res = post_form(&client, &format!("{}/logout", app.base), &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{form:?}");
        let (status, _) = get(&client, &page_url).await;
        assert_eq!(status, 200, "still logged in");
    }
    let res = post_form(
        &client,
        &format!("{}/logout", app.base),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login");
    assert!(
        res.headers()[SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let (status, _) = get(&client, &page_url).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "logged out");
}

#[tokio::test]
async fn the_call_log_shows_every_call_and_makes_an_abandoned_one_stand_out() {
    let (app, _dir) = spawn_app().await;
    let mut reported = app.phone("daiichi");
    absent_with_fever(&mut reported).await;
    reported.silence().await;
    reported.hang_up(95).await;
    let mut gave_up = app.phone("daiichi");
    gave_up.dial().await;
    gave_up.press("1").await;
    gave_up.hang_up(20).await;
    let calls = app.calls("daiichi");
    assert_eq!(
        calls.iter().map(|c| c.outcome.as_str()).collect::<Vec<_>>(),
        ["reported", "abandoned"]
    );

    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let res = client
        .get(format!("{}/schools/daiichi/calls", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), format!("/schools/daiichi/calls/{today}"));
    let (status, page) = get(
        &client,
        &format!("{}/schools/daiichi/calls/{today}", app.base),
    )
    .await;
    assert_eq!(status, 200);
    let rows: Vec<&str> = page.split("<tr class=\"call ").skip(1).collect();
    assert_eq!(rows.len(), 2, "{page}");
    let ok = rows
        .iter()
        .find(|r| r.contains(&reported.from[3..]))
        .unwrap();
    let bad = rows
        .iter()
        .find(|r| r.contains(&gave_up.from[3..]))
        .unwrap();
    assert!(ok.starts_with("outcome-reported\""), "{ok}");
    assert!(ok.contains("報告済み") && ok.contains("1:35") && ok.contains(">1</a>"));
    assert!(
        bad.starts_with("outcome-abandoned attention\""),
        "stands out: {bad}"
    );
    assert!(
        bad.contains("保存前に終了") && bad.contains("折り返し"),
        "{bad}"
    );
    assert!(
        bad.contains(&format!("0{}", &gave_up.from[3..])),
        "the number to call back, as dialled in Japan"
    );
    assert!(bad.contains("0:20"));
    let (_, other_day) = get(
        &client,
        &format!("{}/schools/daiichi/calls/2020-01-06", app.base),
    )
    .await;
    assert!(
        !other_day.contains("<tr class=\"call "),
        "only that day's calls"
    );
}

#[tokio::test]
async fn exports_in_utf8_shift_jis_and_json_for_a_range() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    absent_with_fever(&mut p).await;
    let mut q = app.phone("daiichi");
    late_with_message(&mut q).await;
    let day = day_of(&app, "daiichi");
    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let export = |query: String| {
        let client = client.clone();
        let url = format!("{}/schools/daiichi/export?{query}", app.base);
        async move { client.get(url).send().await.unwrap() }
    };

    let res = export(format!("from={day}&to={day}&format=csv")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CONTENT_TYPE], "text/csv; charset=utf-8");
    assert_eq!(
        res.headers()[CONTENT_DISPOSITION],
        format!("attachment; filename=\"daiichi-{day}-{day}.csv\"").as_str()
    );
    let csv = res.bytes().await.unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let text = std::str::from_utf8(&csv[3..]).unwrap();
    assert!(
        text.contains("欠席") && text.contains("遅刻") && text.contains("10203"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 3, "header and two reports");

    let res = export(format!("from={day}&to={day}&format=csv-sjis")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CONTENT_TYPE], "text/csv; charset=Shift_JIS");
    let sjis = res.bytes().await.unwrap();
    assert!(!sjis.starts_with(b"\xEF\xBB\xBF"));
    assert!(std::str::from_utf8(&sjis).is_err(), "not UTF-8");
    let (decoded, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!had_errors);
    assert!(
        decoded.contains("欠席") && decoded.contains("30412") && decoded.contains("通院"),
        "{decoded}"
    );

    let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap();
    let (from, to) = (
        date - chrono::Duration::days(7),
        date + chrono::Duration::days(7),
    );
    let res = export(format!("from={from}&to={to}&format=json")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/json");
    assert_eq!(
        res.headers()[CONTENT_DISPOSITION],
        format!("attachment; filename=\"daiichi-{from}-{to}.json\"").as_str()
    );
    let json: Vec<serde_json::Value> = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(json.len(), 2);
    assert_eq!(json[0]["student"], "10203");
    assert_eq!(json[0]["kind_label"], "欠席");
    assert_eq!(json[1]["kind"], "late");
    let far = format!(
        "from={}&to={}",
        date + chrono::Duration::days(1),
        date + chrono::Duration::days(30)
    );
    let res = export(format!("{far}&format=json")).await;
    let none: Vec<serde_json::Value> = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert!(none.is_empty(), "a range without them");

    for (query, says) in [
        (format!("to={day}"), "from"),
        (format!("from={day}"), "to"),
        (format!("from=yesterday&to={day}"), "yesterday"),
        (format!("from={day}&to=2026-02-30"), "2026-02-30"),
        (format!("from={to}&to={from}"), "from"),
        ("from=2025-01-01&to=2026-12-31".to_owned(), "366"),
        (format!("from={day}&to={day}&format=xlsx"), "xlsx"),
    ] {
        let res = export(query.clone()).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{query}");
        let body = res.text().await.unwrap();
        assert!(body.contains(says), "{query}: {body}");
    }

    // A records system fetches it with the school's export token instead.
    let plain = reqwest::Client::new();
    let url = format!("{}/schools/daiichi/export?from={day}&to={day}", app.base);
    let res = plain
        .get(&url)
        .bearer_auth(DAIICHI_EXPORT_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.bytes().await.unwrap().starts_with(b"\xEF\xBB\xBF"));
    let res = plain
        .get(&url)
        .bearer_auth("wrong-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = plain
        .get(format!(
            "{}/schools/chuo/export?from={day}&to={day}",
            app.base
        ))
        .bearer_auth(DAIICHI_EXPORT_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "daiichi's token is not chuo's"
    );

    // Another school's staff may not export it.
    let chuo = login(&app, "chuo", CHUO_PASSWORD).await;
    let res = chuo.get(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(!res.text().await.unwrap().contains("10203"));
}

/// A server on `dir` with session key `key`, and its base URL.
async fn serve_with_key(dir: &std::path::Path, key: &str) -> (String, tokio::task::JoinHandle<()>) {
    use absence_line::http::{Application, Secrets, Source};
    let config = crate::helpers::write_config(dir);
    let app = Application::build(
        Source::new(&config),
        Secrets {
            auth_token: Some(crate::helpers::TOKEN.into()),
            admin_token: None,
            session_key: Some(key.into()),
            ..Secrets::default()
        },
    )
    .await
    .unwrap();
    let base = format!("http://{}", app.local_addr());
    (
        base,
        tokio::spawn(async move { app.run_until_stopped().await.unwrap() }),
    )
}

#[tokio::test]
async fn with_a_session_key_a_session_outlives_a_restart_and_a_short_key_is_refused() {
    use absence_line::http::{Application, Secrets, Source};
    let dir = tempfile::tempdir().unwrap();
    let key = "k".repeat(32);
    let (base, server) = serve_with_key(dir.path(), &key).await;
    let res = post_form(
        &browser(),
        &format!("{base}/login"),
        &[("account", "daiichi"), ("password", DAIICHI_PASSWORD)],
    )
    .await;
    let cookie = res.headers()[SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    server.abort();
    let _ = server.await;

    let page = |base: String, cookie: String| async move {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{base}/schools/daiichi/calls/2026-11-25"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
            .status()
    };
    let (base, server) = serve_with_key(dir.path(), &key).await;
    assert_eq!(
        page(base, cookie.clone()).await,
        200,
        "same key: still logged in"
    );
    server.abort();
    let _ = server.await;
    let (base, server) = serve_with_key(dir.path(), &"x".repeat(40)).await;
    assert_eq!(
        page(base, cookie).await,
        StatusCode::SEE_OTHER,
        "another key: logged out"
    );
    server.abort();

    let short = Application::build(
        Source::new(dir.path().join("absence-line.toml")),
        Secrets {
            session_key: Some("too-short".into()),
            ..Secrets::default()
        },
    )
    .await;
    let err = short.err().expect("a short key is refused").to_string();
    assert!(err.contains("ABSENCE_LINE_SESSION_KEY"), "{err}");
}
