//! What an operator relies on: metrics that count what happened, a health
//! check, and logins that slow down a guesser.

use crate::helpers::{CHUO_PASSWORD, DAIICHI_PASSWORD, spawn_app};

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in\n{text}"))
}

#[tokio::test]
async fn metrics_count_calls_reports_signatures_and_webhook_latency() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await;
    p.press("1234#").await;
    p.press("2").await;
    p.press("9").await;
    p.press("1").await;
    p.press("1").await;
    p.hang_up(60).await;
    let mut gone = app.phone("chuo");
    gone.dial().await;
    gone.hang_up(5).await;
    let bad = app
        .post_signed(
            "/voice/chuo",
            &[("CallSid".into(), "CA1".into())],
            Some("wrong"),
        )
        .await;
    assert_eq!(bad.status(), 403);

    // A call's outcome is counted once its end is committed, just after
    // Twilio's status callback is answered.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let text = loop {
        let res = app
            .client
            .get(format!("{}/metrics", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        let text = res.text().await.unwrap();
        let ended = metric(&text, "absence_line_calls_total{outcome=\"reported\"}")
            + metric(&text, "absence_line_calls_total{outcome=\"abandoned\"}");
        if ended >= 2.0 || std::time::Instant::now() > deadline {
            break text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    };
    assert_eq!(metric(&text, "absence_line_reports_saved_total"), 1.0);
    assert_eq!(
        metric(&text, "absence_line_calls_total{outcome=\"reported\"}"),
        1.0
    );
    assert_eq!(
        metric(&text, "absence_line_calls_total{outcome=\"abandoned\"}"),
        1.0
    );
    assert_eq!(metric(&text, "absence_line_rejected_signatures_total"), 1.0);
    assert!(metric(&text, "absence_line_store_commits_total") >= 1.0);
    let webhooks = metric(&text, "absence_line_webhook_seconds_count");
    assert!(webhooks >= 11.0, "every webhook is timed: {webhooks}");
    assert_eq!(
        metric(&text, "absence_line_webhook_seconds_bucket{le=\"+Inf\"}"),
        webhooks
    );

    let health = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
}

async fn login(app: &crate::helpers::TestApp, account: &str, password: &str) -> u16 {
    app.client
        .post(format!("{}/login", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("account={account}&password={password}"))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn repeated_failed_logins_are_refused_for_a_while_for_that_account_only() {
    let (app, _dir) = spawn_app().await;
    for _ in 0..10 {
        assert_eq!(login(&app, "daiichi", "guess").await, 401);
    }
    assert_eq!(
        login(&app, "daiichi", DAIICHI_PASSWORD).await,
        429,
        "even the right password waits now"
    );
    let ok = login(&app, "chuo", CHUO_PASSWORD).await;
    assert!(
        ok == 303 || ok == 302 || ok == 200,
        "another account is not locked out: {ok}"
    );
}
