//! Requests signed by Twilio's own helper library (the Python `twilio`
//! package's RequestValidator, installed by .ci/run), not by our code: our
//! check must accept exactly what Twilio's signer produces.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::helpers::{TOKEN, Twiml, spawn_app};

const SIGNER: &str = r#"
import json, sys
from twilio.request_validator import RequestValidator
job = json.load(sys.stdin)
print(RequestValidator(job["token"]).compute_signature(job["url"], dict(job["params"])))
"#;

fn twilio_signature(token: &str, url: &str, params: &[(String, String)]) -> String {
    let mut child = Command::new("python3")
        .args(["-c", SIGNER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let job = serde_json::json!({ "token": token, "url": url, "params": params });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(job.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "Twilio's Python helper library is needed (`pip install twilio`, as .ci/run does): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

async fn post(
    app: &crate::helpers::TestApp,
    path: &str,
    params: &[(String, String)],
    token: &str,
) -> reqwest::Response {
    let url = format!("{}{}", app.base, path);
    app.client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", twilio_signature(token, &url, params))
        .body(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(params)
                .finish(),
        )
        .send()
        .await
        .unwrap()
}

fn params(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    [
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("CallSid", "CA0123456789abcdef0123456789abcd99"),
        ("From", "+819012345678"),
        ("To", "+81312345678"),
        ("CallStatus", "in-progress"),
        ("Direction", "inbound"),
        ("ApiVersion", "2010-04-01"),
        ("CallerName", "ヤマダ & Co <1>"),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

#[tokio::test]
async fn requests_signed_by_twilios_library_are_accepted_and_others_refused() {
    let (app, _dir) = spawn_app().await;
    let res = post(&app, "/voice/daiichi", &params(&[]), TOKEN).await;
    assert_eq!(res.status(), 200);
    let t = Twiml::parse(&res.text().await.unwrap());
    // The action URL carries the call state in its query string: signed too.
    let action = t.gather_action.unwrap();
    let res = post(
        &app,
        &action,
        &params(&[("Digits", "2"), ("FinishedOnKey", "")]),
        TOKEN,
    )
    .await;
    assert_eq!(res.status(), 200);
    let t = Twiml::parse(&res.text().await.unwrap());
    assert!(t.says_any("student number"), "{}", t.raw);

    let res = post(
        &app,
        &action,
        &params(&[("Digits", "2")]),
        "another-accounts-token",
    )
    .await;
    assert_eq!(res.status(), 403);
}
