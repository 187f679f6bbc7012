//! Failures inside never leave a parent with silence or Twilio's error.

use crate::helpers::{TOKEN, Twiml, spawn_app};

async fn post(app: &crate::helpers::TestApp, path: &str) -> reqwest::Response {
    let params: Vec<(String, String)> = [
        ("CallSid", "CA00000000000000000000000000000777"),
        ("From", "+819011112222"),
        ("Digits", "1"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    app.post_signed(path, &params, Some(TOKEN)).await
}

#[tokio::test]
async fn a_malformed_call_state_gets_an_apology_in_the_callers_language() {
    let (app, _dir) = spawn_app().await;
    let res = post(&app, "/voice/daiichi/step?s=kind&l=en&t=broken").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/xml; charset=utf-8");
    let t = Twiml::parse(&res.text().await.unwrap());
    assert!(t.hangup);
    assert!(t.says_any("sorry"), "{}", t.raw);

    let res = post(&app, "/voice/daiichi/step?s=kind&l=ja&t=0.0.0&a.x=1&a.x!=2").await;
    let t = Twiml::parse(&res.text().await.unwrap());
    assert!(t.hangup && t.says_any("申し訳ありません"), "{}", t.raw);
}

#[tokio::test]
async fn a_step_that_vanished_in_a_reload_resumes_the_call_politely() {
    let (app, _dir) = spawn_app().await;
    let res = post(
        &app,
        "/voice/daiichi/step?s=no-such-step&l=en&t=0.0.1&a.kind=absence",
    )
    .await;
    assert_eq!(res.status(), 200);
    let t = Twiml::parse(&res.text().await.unwrap());
    assert!(!t.hangup, "{}", t.raw);
    assert!(
        t.says_any("start again from the student number"),
        "{}",
        t.raw
    );
    let action = t.gather_action.unwrap();
    assert!(
        action.contains("s=student") && action.contains("t=0.0.1"),
        "{action}"
    );
    assert!(
        !action.contains("a.kind"),
        "old answers are dropped: {action}"
    );
}

#[tokio::test]
async fn an_unknown_school_gets_an_apology_not_an_error_page() {
    let (app, _dir) = spawn_app().await;
    let res = post(&app, "/voice/no-such-school").await;
    assert_eq!(res.status(), 200);
    let t = Twiml::parse(&res.text().await.unwrap());
    assert!(t.hangup && t.says_any("申し訳ありません"), "{}", t.raw);
}

#[tokio::test]
async fn a_broken_store_ends_the_call_with_an_apology() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await;
    p.press("1111#").await;
    p.press("1").await;
    p.press("9").await;
    p.press("1").await;
    p.press("2").await;
    // Make the reports table unwritable behind the server's back.
    rusqlite::Connection::open(app.dir.join("data/chuo.sqlite"))
        .unwrap()
        .execute_batch("CREATE TRIGGER no_reports BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;")
        .unwrap();
    let t = p.press("1").await;
    assert!(t.hangup, "{}", t.raw);
    assert!(t.says_any("申し訳ありません"), "{}", t.said());
    assert!(
        !t.says_any("受付番号"),
        "never says recorded when it was not"
    );
    assert!(app.reports("chuo").is_empty());
    assert_eq!(app.calls("chuo")[0].outcome, "failed");
}
