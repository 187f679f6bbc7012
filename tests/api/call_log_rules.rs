//! The call log's rules at the edges: a status callback Twilio retries,
//! callers whose number is withheld, and calls whose end never comes.

use std::time::Duration;

use absence_line::store::{CallRow, Store, UNFINISHED_AFTER};
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use reqwest::StatusCode;

use crate::helpers::{
    BOARD_PASSWORD, DAIICHI_PASSWORD, Phone, TOKEN, TestApp, login, spawn_app, spawn_app_in,
};
use fake_twilio::scenario::identify;

const METRIC_ABANDONED: &str = "absence_line_calls_total{outcome=\"abandoned\"}";

async fn page(client: &reqwest::Client, url: String) -> String {
    let res = client.get(url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.text().await.unwrap()
}

/// The rows of a call-log page, each from its class attribute on.
fn call_rows(page: &str) -> Vec<&str> {
    page.split("<tr class=\"call ")
        .skip(1)
        .map(|r| &r[..r.find("</tr>").unwrap()])
        .collect()
}

/// The board's call-back cell for daiichi.
fn board_call_backs(board: &str) -> &str {
    let row = &board[board.find("墨田区立第一小学校").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    &row[row.find(r#"data-label="折り返し候補""#).unwrap()..]
}

fn tokyo_day(t: DateTime<Utc>) -> chrono::NaiveDate {
    t.with_timezone(&chrono_tz::Asia::Tokyo).date_naive()
}

/// Poll `/metrics` until `name` reaches `at_least` (5 s at most), then a
/// moment more so that a count that should not come has had its chance.
async fn metric_settled(app: &TestApp, name: &str, at_least: f64) -> f64 {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while crate::helpers::metric::<f64>(&app.base, name).await < at_least
        && std::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    crate::helpers::metric::<f64>(&app.base, name).await
}

/// The status callback exactly as `Phone::hang_up` posts it, again.
async fn status_again(app: &TestApp, p: &Phone<'_>, duration: &str) {
    let params: Vec<(String, String)> = [
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("CallSid", p.call_sid.as_str()),
        ("CallStatus", "completed"),
        ("CallDuration", duration),
        ("From", p.from.as_str()),
        ("To", "+81312345678"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let path = format!("/voice/{}/status", p.school);
    let res = app.post_signed(&path, &params, Some(TOKEN)).await;
    assert_eq!(res.status(), 200);
}

fn row<'a>(calls: &'a [CallRow], sid: &str) -> &'a CallRow {
    calls.iter().find(|c| c.call_sid == sid).unwrap()
}

#[tokio::test]
async fn a_retried_status_callback_is_counted_once_and_keeps_the_first_end() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.hang_up(20).await;
    let first = row(&app.calls("daiichi"), &p.call_sid).clone();
    assert_eq!(first.status.as_deref(), Some("completed"));

    // Twilio's retry comes a second or more later (`ended_at` has seconds).
    tokio::time::sleep(Duration::from_millis(1100)).await;
    status_again(&app, &p, "20").await;
    // A later call's end is committed after the retry's.
    let mut next = app.phone("daiichi");
    next.dial().await;
    next.hang_up(5).await;

    assert_eq!(
        metric_settled(&app, METRIC_ABANDONED, 2.0).await,
        2.0,
        "two calls ended, each counted once"
    );
    assert_eq!(
        row(&app.calls("daiichi"), &p.call_sid),
        &first,
        "the retry changed nothing, ended_at included"
    );
}

#[tokio::test]
async fn withheld_callers_share_no_language_and_leave_no_number() {
    let (app, _dir) = spawn_app().await;
    for withheld in ["anonymous", "+266696687", ""] {
        let mut first = app.phone("daiichi");
        first.from = withheld.to_owned();
        first.dial().await;
        first.press("2").await; // English
        first.hang_up(10).await;

        let mut next = app.phone("daiichi");
        next.from = withheld.to_owned();
        let t = next.dial().await;
        assert_eq!(
            t.languages.first().map(String::as_str),
            Some("ja-JP"),
            "the next {withheld:?} caller hears the default menu: {}",
            t.raw
        );
        next.hang_up(3).await;
    }
    assert!(
        app.calls("daiichi")
            .iter()
            .all(|c| c.from_number.is_empty()),
        "no withheld value kept as a number: {:#?}",
        app.calls("daiichi")
    );

    // A report from a withheld number has no caller.
    let mut p = app.phone("chuo");
    p.from = "Anonymous".to_owned();
    p.dial().await;
    for keys in ["1", "1234#", "2", "9", "1"] {
        p.press(keys).await;
    }
    let t = p.press("1").await;
    assert!(t.says_any("受付番号"), "{}", t.said());
    let reports = app.reports("chuo");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].caller, None);
}

#[tokio::test]
async fn the_call_log_lists_withheld_calls_without_a_call_back() {
    let (app, _dir) = spawn_app().await;
    // One withheld caller gives up; another reports: not the same family.
    let mut gave_up = app.phone("daiichi");
    gave_up.from = "anonymous".to_owned();
    gave_up.dial().await;
    gave_up.press("1").await;
    gave_up.hang_up(15).await;
    let mut reported = app.phone("daiichi");
    reported.from = "anonymous".to_owned();
    reported.dial().await;
    reported.follow(&identify("10203")).await;
    for keys in ["2", "9", "1"] {
        reported.press(keys).await;
    }
    reported.press("1").await;
    reported.hang_up(60).await;

    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let today = tokyo_day(Utc::now());
    let log = page(
        &staff,
        format!("{}/schools/daiichi/calls/{today}", app.base),
    )
    .await;
    let rows = call_rows(&log);
    assert_eq!(rows.len(), 2, "both calls are listed: {log}");
    for r in &rows {
        assert!(r.contains("番号非通知") && !r.contains("tel:"), "{r}");
        assert!(!r.contains("に報告あり"), "not grouped as one number: {r}");
    }
    let abandoned = rows.iter().find(|r| r.contains("保存前に終了")).unwrap();
    assert!(
        abandoned.starts_with("outcome-abandoned\"") && !abandoned.contains("折り返し"),
        "a withheld number cannot be called back: {abandoned}"
    );

    let board = login(&app, "board", BOARD_PASSWORD).await;
    let overview = page(&board, format!("{}/board", app.base)).await;
    assert!(
        board_call_backs(&overview).starts_with(r#"data-label="折り返し候補" class="n">0<"#),
        "{}",
        board_call_backs(&overview)
    );
}

/// Log a call's start at `at`, committed, as the line would have.
async fn start_call(store: Store, sid: &'static str, from: &'static str, at: DateTime<Utc>) {
    let at = at.to_rfc3339_opts(SecondsFormat::Secs, true);
    tokio::task::spawn_blocking(move || {
        store
            .start_call_blocking(
                sid,
                from,
                "+81312345678",
                &at,
                absence_line::domain::Channel::Twilio,
            )
            .unwrap()
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn a_call_without_an_end_shows_ended_after_the_bound_and_is_offered_for_a_call_back() {
    let (app, _dir) = spawn_app().await;
    let now = Utc::now();
    let long_ago = now - UNFINISHED_AFTER - TimeDelta::minutes(1);
    // Its status callback was lost (written straight into the store).
    start_call(app.store("daiichi"), "CAlost", "+819055550000", long_ago).await;
    // And one still going now.
    let mut live = app.phone("daiichi");
    live.dial().await;
    app.calls_when("daiichi", |c| c.len() == 2).await;

    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let log = page(
        &staff,
        format!("{}/schools/daiichi/calls/{}", app.base, tokyo_day(long_ago)),
    )
    .await;
    let lost = call_rows(&log)
        .into_iter()
        .find(|r| r.contains("55550000"))
        .expect("the lost call is listed");
    assert!(
        lost.starts_with("outcome-abandoned attention\"")
            && lost.contains("保存前に終了")
            && lost.contains("折り返し"),
        "ended, to call back: {lost}"
    );
    let log = page(
        &staff,
        format!("{}/schools/daiichi/calls/{}", app.base, tokyo_day(now)),
    )
    .await;
    let going = call_rows(&log)
        .into_iter()
        .find(|r| r.contains(&live.from[3..]))
        .unwrap();
    assert!(
        going.starts_with("outcome-open\"") && going.contains("通話中"),
        "{going}"
    );

    // The board counts today's calls; skipped just after midnight in Tokyo,
    // when the lost call started the day before.
    if tokyo_day(long_ago) == tokyo_day(now) {
        let board = login(&app, "board", BOARD_PASSWORD).await;
        let overview = page(&board, format!("{}/board", app.base)).await;
        assert!(
            board_call_backs(&overview).contains(">1<"),
            "{}",
            board_call_backs(&overview)
        );
    }
}

#[tokio::test]
async fn the_server_closes_calls_left_without_an_end_and_counts_them_once() {
    let dir = tempfile::tempdir().unwrap();
    let long_ago = Utc::now() - UNFINISHED_AFTER - TimeDelta::minutes(5);
    {
        // A call the server was in when it stopped, before its status came.
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        let store = Store::open(&dir.path().join("data").join("daiichi.sqlite")).unwrap();
        start_call(store, "CAcut", "+819055550001", long_ago).await;
    }
    let app = spawn_app_in(dir.path()).await;
    let calls = app
        .calls_when("daiichi", |c| c.iter().all(|c| c.ended_at.is_some()))
        .await;
    assert_eq!(row(&calls, "CAcut").outcome, "abandoned");
    assert_eq!(
        row(&calls, "CAcut").status,
        None,
        "no status was ever given"
    );
    assert_eq!(metric_settled(&app, METRIC_ABANDONED, 1.0).await, 1.0);
}
