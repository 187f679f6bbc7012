//! Editors change prompts while the line is live: a good change is heard on
//! the next call, a broken one is refused and the old text keeps serving,
//! and a call in progress is never broken.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::helpers::{ADMIN_TOKEN, TestApp, Twiml, copy_assets, spawn_app_in};

/// The kind menu's prompt on a fresh call.
async fn kind_prompt(app: &TestApp) -> Twiml {
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await;
    p.press("1234#").await
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

async fn admin_reload(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut req = app.client.post(format!("{}/admin/reload", app.base));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn an_edited_prompt_is_heard_on_the_next_call_and_a_broken_edit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_assets(dir.path());
    let app = spawn_app_in(dir.path()).await;
    let ftl = dir.path().join("locales/ja/absence.ftl");

    // A call already in progress, waiting at the reason menu.
    let mut in_progress = app.phone("chuo");
    in_progress.dial().await;
    in_progress.press("1").await;
    in_progress.press("5678#").await;
    in_progress.press("2").await;

    // A good edit is picked up by the watcher, within a second or so.
    edit(
        &ftl,
        "ask-kind = { $today-moved ->",
        "ask-kind = 新しい案内です。{ $today-moved ->",
    );
    let started = Instant::now();
    loop {
        let t = kind_prompt(&app).await;
        if t.says_any("新しい案内です") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the edit was not picked up: {}",
            t.said()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A broken edit: refused, and the previous text keeps serving.
    edit(
        &ftl,
        "ask-kind = 新しい案内です。",
        "ask-kind = { $unclosed ",
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let t = kind_prompt(&app).await;
    assert!(
        t.says_any("新しい案内です。") && t.says_any("病気で欠席は1"),
        "the old text still serves: {}",
        t.said()
    );
    let res = admin_reload(&app, Some(ADMIN_TOKEN)).await;
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    assert_eq!(body["applied"], false);
    let findings = body["lint"]["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["severity"] == "error"
            && f["file"]
                .as_str()
                .unwrap()
                .ends_with("locales/ja/absence.ftl")
            && f["line"].as_u64().unwrap() > 1),
        "the error names the file and line: {body}"
    );

    // The call that was in progress completes.
    in_progress.press("9").await;
    in_progress.press("1").await;
    let t = in_progress.press("1").await;
    assert!(t.says_any("受付番号"), "{}", t.said());
    assert_eq!(app.reports("chuo").len(), 1);

    // Fixing the file is picked up again; the admin endpoint reports success.
    edit(&ftl, "ask-kind = { $unclosed ", "ask-kind = 直しました。");
    let res = admin_reload(&app, Some(ADMIN_TOKEN)).await;
    assert_eq!(res.status(), 200);
    assert!(kind_prompt(&app).await.says_any("直しました。"));
}

#[tokio::test]
async fn the_admin_reload_needs_the_admin_token() {
    let dir = tempfile::tempdir().unwrap();
    let app = spawn_app_in(dir.path()).await;
    assert_eq!(admin_reload(&app, None).await.status(), 401);
    assert_eq!(admin_reload(&app, Some("guess")).await.status(), 401);
    assert_eq!(
        admin_reload(&app, Some(crate::helpers::TOKEN))
            .await
            .status(),
        401
    );
    let ok = admin_reload(&app, Some(ADMIN_TOKEN)).await;
    assert_eq!(ok.status(), 200);
    let body: serde_json::Value = serde_json::from_str(&ok.text().await.unwrap()).unwrap();
    assert_eq!(body["applied"], true);
    assert_eq!(body["lint"]["errors"], 0);
}

#[tokio::test]
async fn a_flow_edit_that_removes_the_callers_step_resumes_the_call() {
    let dir = tempfile::tempdir().unwrap();
    copy_assets(dir.path());
    let app = spawn_app_in(dir.path()).await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("2").await;
    p.press("1234#").await;
    p.press("1").await; // absent today, ill: waiting at the symptom menu
    let flow = dir.path().join("call-flows/absence.toml");
    let text = std::fs::read_to_string(&flow).unwrap();
    std::fs::write(
        &flow,
        text.replace("[steps.symptom]", "[steps.symptoms]")
            .replace("\"symptom\" }", "\"symptoms\" }")
            .replace("next = \"symptom\",", "next = \"symptoms\","),
    )
    .unwrap();
    let res = admin_reload(&app, Some(ADMIN_TOKEN)).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let t = p.press("1").await;
    assert!(
        t.says_any("start again from the student number"),
        "{}",
        t.said()
    );
    assert!(t.gather_action.unwrap().contains("s=student"));
}
