//! What a public webhook URL must withstand: clients that trickle bytes,
//! more requests than the server should take on at once, more connections
//! than it should hold, and a shutdown in the middle of a call.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{
    TOKEN, TestApp, Twiml, free_port, spawn_app_with, start_binary, write_config,
};

fn addr(app: &TestApp) -> &str {
    app.base.trim_start_matches("http://")
}

/// Read until the server closes the connection; what it sent.
async fn read_to_close(s: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

/// A dial's form, signed for `url`; the request head and body, unsent.
fn signed_dial(host: &str, url: &str, call_sid: &str) -> (String, String) {
    let params: Vec<(String, String)> = [
        ("CallSid", call_sid),
        ("AccountSid", "AC00000000000000000000000000000000"),
        ("From", "+819011112222"),
        ("To", "+81312345678"),
        ("CallStatus", "ringing"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let sig = fake_twilio::signature::sign(TOKEN, url, &params);
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&params)
        .finish();
    let path = url.split_once(host).unwrap().1;
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: {sig}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    (head, body)
}

#[tokio::test]
async fn a_client_that_trickles_its_headers_is_cut_off_at_the_deadline() {
    let (app, _dir) = spawn_app_with("[limits]\nheader_timeout_secs = 1\n").await;
    let mut slow = TcpStream::connect(addr(&app)).await.unwrap();
    slow.write_all(b"POST /voice/daiichi HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(5), read_to_close(&mut slow))
        .await
        .expect("the server hangs up on a client that never finishes its headers");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "not before the deadline: {:?}",
        started.elapsed()
    );
    // Everyone else is served as before.
    let t = app.phone("daiichi").dial().await;
    assert!(t.says_any("墨田区立第一小学校"), "{}", t.raw);
}

#[tokio::test]
async fn past_the_in_flight_cap_a_caller_hears_the_line_is_busy_at_once() {
    let (app, _dir) = spawn_app_with("[limits]\nin_flight = 1\n").await;
    // The only permit is taken: a request is being worked on.
    let held = app.in_flight.clone().acquire_owned().await.unwrap();
    let healthz = || async {
        app.client
            .get(format!("{}/healthz", app.base))
            .send()
            .await
            .unwrap()
    };
    let res = healthz().await;
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "1");

    // A new call and a call already in English: each hears "busy, call
    // again in a few minutes" in its language (not "call the school", which
    // would send every family to the school's phone), and nothing reaches
    // the store.
    let mut phone = app.phone("daiichi");
    let t = phone.dial().await;
    assert!(t.hangup && t.says_any("混み合って"), "{}", t.raw);
    assert!(!t.says_any("学校へ直接"), "{}", t.raw);
    let en = app
        .post_signed(
            "/voice/daiichi/step?s=kind&l=en",
            &[(
                "CallSid".into(),
                "CA0000000000000000000000000000beef".into(),
            )],
            Some(TOKEN),
        )
        .await;
    assert_eq!(en.status(), 200);
    let t = Twiml::parse(&en.text().await.unwrap());
    assert!(
        t.hangup && t.says_any("call again in a few minutes"),
        "{}",
        t.raw
    );
    assert!(
        app.calls("daiichi").is_empty(),
        "a refused call did no work"
    );

    // The work is done: the permit is free again.
    drop(held);
    assert_eq!(healthz().await.status(), 200);
    let t = app.phone("daiichi").dial().await;
    assert!(!t.hangup && t.says_any("墨田区立第一小学校"), "{}", t.raw);
    let shed: u64 = crate::helpers::metric(&app.base, "absence_line_requests_shed_total").await;
    assert!(
        shed >= 3,
        "healthz, the dial and the step were shed: {shed}"
    );
}

#[tokio::test]
async fn near_the_cap_new_calls_are_turned_away_but_calls_in_progress_go_on() {
    // 8 permits: the last one is kept for calls in progress.
    let (app, _dir) = spawn_app_with("[limits]\nin_flight = 8\n").await;
    let mut inside = app.phone("daiichi");
    let t = inside.dial().await;
    assert!(!t.hangup, "{}", t.raw);

    // Seven requests are being worked on.
    let mut holding = app.in_flight.clone().acquire_many_owned(7).await.unwrap();
    let healthz = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(healthz.status(), 503, "new work is refused");

    // A new call hears that the line is busy ...
    let t = app.phone("daiichi").dial().await;
    assert!(t.hangup && t.says_any("混み合って"), "{}", t.raw);
    // ... but the parent already in the call goes on.
    let t = inside.press("1").await;
    assert!(!t.hangup && !t.says_any("混み合って"), "{}", t.raw);

    // With every permit taken, calls in progress are refused too; the
    // recordings they play take no permit and are still served.
    holding.merge(app.in_flight.clone().acquire_owned().await.unwrap());
    let prompt = app
        .client
        .get(format!("{}/prompts/ja/none.wav", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(prompt.status(), 404, "a recording is looked up, not shed");
    let t = inside.press("1").await;
    assert!(t.hangup && t.says_any("混み合って"), "{}", t.raw);
}

#[tokio::test]
async fn past_the_connection_cap_new_connections_wait_their_turn() {
    let (app, _dir) = spawn_app_with("[limits]\nconnections = 2\n").await;
    let first = TcpStream::connect(addr(&app)).await.unwrap();
    let _second = TcpStream::connect(addr(&app)).await.unwrap();
    // Let the server accept both.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let client = reqwest::Client::new();
    let third = tokio::spawn({
        let url = format!("{}/healthz", app.base);
        async move { client.get(url).send().await.map(|r| r.status()) }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!third.is_finished(), "a third connection is not served");
    drop(first);
    let status = tokio::time::timeout(Duration::from_secs(5), third)
        .await
        .expect("served once a connection closed")
        .unwrap()
        .unwrap();
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_client_that_reads_nothing_of_a_recording_is_dropped_at_the_send_deadline() {
    let (app, _dir) = spawn_app_with("[limits]\nconnections = 1\nsend_timeout_secs = 1\n").await;
    // The only connection asks for a long recording, over and over (more
    // than the kernel's buffers hold on loopback), and reads none of it.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(2048).unwrap();
    let mut stalled = socket.connect(addr(&app).parse().unwrap()).await.unwrap();
    let ask = "GET /prompts/ne/help-reason.wav HTTP/1.1\r\nHost: x\r\n\r\n".repeat(40);
    stalled.write_all(ask.as_bytes()).await.unwrap();
    let started = Instant::now();
    let status = tokio::time::timeout(
        Duration::from_secs(10),
        reqwest::Client::new()
            .get(format!("{}/healthz", app.base))
            .send(),
    )
    .await
    .expect("served once the stalled connection was dropped")
    .unwrap()
    .status();
    assert_eq!(status, 200);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "not before the deadline: {:?}",
        started.elapsed()
    );
    drop(stalled);
}

#[tokio::test]
async fn sigterm_answers_the_request_in_flight_then_stops() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let port = free_port();
    let mut server = start_binary(&config, port);
    let host = format!("127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while client
        .get(format!("http://{host}/healthz"))
        .send()
        .await
        .map_or(true, |r| r.status() != 200)
    {
        assert!(Instant::now() < deadline, "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A caller dials; half of Twilio's request has arrived when the
    // operator stops the server.
    let (head, body) = signed_dial(
        &host,
        &format!("http://{host}/voice/daiichi"),
        "CAsigterm000000000000000000000001",
    );
    let mut caller = TcpStream::connect(&host).await.unwrap();
    caller.write_all(head.as_bytes()).await.unwrap();
    caller.write_all(&body.as_bytes()[..10]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // SAFETY: a plain signal to the child we started.
    assert_eq!(unsafe { libc::kill(server.id() as i32, libc::SIGTERM) }, 0);
    tokio::time::sleep(Duration::from_millis(300)).await;

    assert!(
        TcpStream::connect(&host).await.is_err(),
        "no new connections once stopping"
    );
    assert!(
        server.try_wait().unwrap().is_none(),
        "still finishing the call"
    );
    caller.write_all(&body.as_bytes()[10..]).await.unwrap();
    let answer = tokio::time::timeout(Duration::from_secs(5), read_to_close(&mut caller))
        .await
        .expect("answered");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let xml = answer.split_once("\r\n\r\n").unwrap().1;
    let t = Twiml::parse(xml);
    assert!(t.says_any("墨田区立第一小学校"), "the greeting: {}", t.raw);

    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = server.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status}");
    // The call log's queued start was committed before the process ended.
    let store = absence_line::store::Store::open(&dir.path().join("data/daiichi.sqlite")).unwrap();
    let calls = store.calls_between("0000", "9999").unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].call_sid, "CAsigterm000000000000000000000001");
}
