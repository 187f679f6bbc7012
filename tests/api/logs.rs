//! What the log may hold: at the default level (info) no secret and no
//! child's or family's data, whatever happens: calls, wrong passwords,
//! refused signatures, admin reloads with a wrong and a right token, a
//! failure that ends in an apology.

use std::time::{Duration, Instant};

use crate::crash::call;
use crate::helpers::{ADMIN_TOKEN, TOKEN, free_port, start_binary_with, write_config};

const SESSION_KEY: &str = "a-session-key-of-forty-bytes-0123456789ab";
const WRONG_PASSWORD: &str = "hunter2-wrong-guess-7731";
/// Eight digits that appear nowhere else: the student, and (as
/// `+8190` + it) the caller's number.
const STUDENT: u32 = 86_420_975;

const FORM: &str = "application/x-www-form-urlencoded";

fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

#[tokio::test]
async fn the_log_holds_no_secret_and_no_familys_data() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let port = free_port();
    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut server = start_binary_with(
        &config,
        port,
        &[
            ("RUST_LOG", "info"),
            ("ABSENCE_LINE_ADMIN_TOKEN", ADMIN_TOKEN),
            ("ABSENCE_LINE_SESSION_KEY", SESSION_KEY),
        ],
        log.into(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A whole call with a report.
    let reference = call(
        &client,
        &base,
        "CAlogs0000000000000000000000000001",
        STUDENT,
    )
    .await;
    assert!(reference.is_some(), "the call was recorded");
    // A staff member's wrong password.
    let res = client
        .post(format!("{base}/login"))
        .header("content-type", FORM)
        .body(form(&[
            ("account", "daiichi"),
            ("password", WRONG_PASSWORD),
        ]))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());
    // A webhook with a wrong signature, carrying a family's number.
    let res = client
        .post(format!("{base}/voice/chuo"))
        .header("X-Twilio-Signature", "d3Jvbmc=")
        .header("content-type", FORM)
        .body(form(&[
            ("CallSid", "CAlogs2"),
            ("From", &format!("+8190{STUDENT}")),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Admin reloads: a wrong token, then the right one.
    for (token, status) in [("not-the-token", 401), (ADMIN_TOKEN, 200)] {
        let res = client
            .post(format!("{base}/admin/reload"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status);
    }
    // A failure inside: a call state that names no step.
    let url = format!("{base}/voice/chuo/step?s=no-such-step&l=ja&a.student={STUDENT}");
    let params = vec![
        ("CallSid".to_owned(), "CAlogs3".to_owned()),
        ("From".to_owned(), format!("+8190{STUDENT}")),
        ("Digits".to_owned(), "1".to_owned()),
    ];
    let sig = absence_line::channel::twilio::signature::compute(TOKEN.as_bytes(), &url, &params);
    let res = client
        .post(&url)
        .header("X-Twilio-Signature", sig)
        .header("content-type", FORM)
        .body(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&params)
                .finish(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // SAFETY: a plain signal to the child we started.
    unsafe { libc::kill(server.id() as i32, libc::SIGTERM) };
    server.wait().unwrap();
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        log.contains("absence line ready"),
        "the log was written: {log}"
    );
    assert!(log.contains("refused a webhook"), "{log}");
    for (what, secret) in [
        ("the Twilio auth token", TOKEN),
        ("the admin token", ADMIN_TOKEN),
        ("the session key", SESSION_KEY),
        ("a password", WRONG_PASSWORD),
        (
            "a student number or a caller's number",
            &STUDENT.to_string(),
        ),
    ] {
        assert!(!log.contains(secret), "{what} is in the log:\n{log}");
    }
}
