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
    p.press("2").await; // absence, another reason
    p.press("9").await;
    p.press("1").await; // today: the read-back
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
    app.calls_when("chuo", |c| c.len() == 1 && c[0].outcome == "failed")
        .await;
}

/// Whatever a (correctly signed) request carries — any query string, any
/// parameters — the answer is valid TwiML that either goes on or ends
/// politely: never an error page, never silence.
#[tokio::test]
async fn random_webhook_requests_always_get_valid_twiml() {
    let (app, _dir) = spawn_app().await;
    let seed = std::cell::Cell::new(0x00c0_ffee_1234_5678_u64);
    let next = |below: u64| {
        let s = seed
            .get()
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed.set(s);
        (s >> 33) % below
    };
    let pieces = [
        "s",
        "l",
        "t",
        "a.student",
        "a.kind",
        "in",
        "r",
        "kind",
        "language",
        "ja",
        "en",
        "xx",
        "0.0.0",
        "9.9.65535",
        "none",
        "rec",
        "%00",
        "%E3%81%82",
        "<Hangup/>",
        "&amp;",
        "a.",
        "",
        "summary",
        "save",
        "saved",
        "99999999",
        "*",
        "#",
    ];
    let pick = || pieces[next(pieces.len() as u64) as usize];
    for i in 0..300 {
        let mut query = Vec::new();
        for _ in 0..next(6) {
            // Encoded as Twilio sends a URL: what is signed is what arrives.
            let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            query.push(format!("{}={}", enc(pick()), enc(pick())));
        }
        let path = format!("/voice/daiichi/step?{}", query.join("&"));
        let mut params: Vec<(String, String)> = vec![("CallSid".into(), format!("CA{i:032x}"))];
        for _ in 0..next(4) {
            let k = [
                "Digits",
                "FinishedOnKey",
                "RecordingUrl",
                "From",
                "To",
                "CallStatus",
            ][next(6) as usize];
            params.push((k.into(), pick().into()));
        }
        let res = app.post_signed(&path, &params, Some(TOKEN)).await;
        assert_eq!(res.status(), 200, "{path} {params:?}");
        assert_eq!(res.headers()["content-type"], "text/xml; charset=utf-8");
        let t = Twiml::parse(&res.text().await.unwrap());
        assert!(
            t.hangup || t.gather_action.is_some() || t.record_action.is_some(),
            "{path}: {}",
            t.raw
        );
        assert!(!t.heard.is_empty(), "{path}: something is said: {}", t.raw);
    }
}
