//! What a request must show before it holds anything real calls need:
//! its whole body, quickly; for a webhook, Twilio's signature (by the auth
//! token or a Webhook Rule's shared key); and at the connection cap, that
//! it is not one of thousands of silent sockets. Also what a caller hears
//! when the number's webhook is set up wrong.

use std::time::{Duration, Instant};

use absence_line::http::Secrets;
use fake_twilio::Signer;
use fake_twilio::signature::sign;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{
    ADMIN_TOKEN, TOKEN, TestApp, Twiml, metric, spawn_app_in_with_secrets, spawn_app_with,
};

fn addr(app: &TestApp) -> &str {
    app.base.trim_start_matches("http://")
}

/// Headers and two bytes of a 100-byte unsigned body, then nothing more:
/// the attack that once made the line "busy" for every parent.
async fn half_sent(app: &TestApp, path: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr(app)).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nCa"
    );
    s.write_all(head.as_bytes()).await.unwrap();
    s
}

#[tokio::test]
async fn half_sent_and_unsigned_requests_never_make_the_line_busy() {
    // Sixteen permits, two of them kept for calls in progress; five times
    // as many junk requests as permits, on every kind of voice URL.
    let (app, _dir) = spawn_app_with("[limits]\nin_flight = 16\n").await;
    let mut inside = app.phone("daiichi");
    assert!(!inside.dial().await.hangup);

    let mut junk = Vec::new();
    for i in 0..80 {
        let path = match i % 4 {
            0 => "/voice/daiichi/step",
            1 => "/voice/anything/step",
            2 => "/voice/daiichi/status",
            _ => "/voice/daiichi",
        };
        junk.push(half_sent(&app, path).await);
    }
    // And whole requests with no signature, all at once.
    let unsigned: Vec<_> = (0..40)
        .map(|_| {
            let c = app.client.clone();
            let url = format!("{}/voice/daiichi/step?s=kind&l=ja", app.base);
            tokio::spawn(async move {
                c.post(url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body("CallSid=CAjunk&Digits=1")
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    for u in unsigned {
        assert_eq!(u.await.unwrap(), 403);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;

    // The parent already in the call, a new caller and the staff are all
    // served as if nothing were happening.
    let t = inside.press("1").await;
    assert!(!t.hangup && !t.says_any("混み合って"), "{}", t.raw);
    let t = app.phone("daiichi").dial().await;
    assert!(!t.hangup && t.says_any("墨田区立第一小学校"), "{}", t.raw);
    let login = app
        .client
        .get(format!("{}/login", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    assert_eq!(
        app.in_flight.available_permits(),
        16,
        "junk holds no permit"
    );
    assert_eq!(
        metric::<u64>(&app.base, "absence_line_requests_shed_total").await,
        0
    );

    // The half-sent requests are cut off once their body is late.
    let started = Instant::now();
    let mut answer = String::new();
    let mut first = junk.swap_remove(0);
    tokio::time::timeout(Duration::from_secs(10), first.read_to_string(&mut answer))
        .await
        .expect("a request whose body never comes is answered")
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(metric::<u64>(&app.base, "absence_line_requests_incomplete_total").await >= 1);
}

#[tokio::test]
async fn at_the_connection_cap_silent_sockets_make_room_for_a_call() {
    // Silent connections fill the cap, and would hold it for a minute.
    let (app, _dir) =
        spawn_app_with("[limits]\nconnections = 32\nheader_timeout_secs = 60\n").await;
    let mut silent = Vec::new();
    for _ in 0..32 {
        silent.push(TcpStream::connect(addr(&app)).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(1200)).await;
    // A call comes in: it is answered in about a second, not after the
    // minute it would wait for the silent sockets' header deadline.
    let t = tokio::time::timeout(Duration::from_secs(15), async {
        app.phone("daiichi").dial().await
    })
    .await
    .expect("the call is answered while silent sockets fill the cap");
    assert!(t.says_any("墨田区立第一小学校"), "{}", t.raw);
    assert!(metric::<u64>(&app.base, "absence_line_connections_evicted_total").await >= 1);
    // Those closed were the silent ones: reading one gives its end.
    let mut closed = 0;
    for s in &mut silent {
        let mut buf = [0u8; 1];
        if let Ok(Ok(0)) = tokio::time::timeout(Duration::from_millis(50), s.read(&mut buf)).await {
            closed += 1;
        }
    }
    assert!(closed >= 1, "no silent connection was closed");
}

/// Signed as Twilio signs a webhook matched by a Webhook Rule: HMAC-SHA256
/// with the rule's shared key, and the settings header saying so.
async fn post_with_shared_key(
    app: &TestApp,
    path: &str,
    key: &str,
    algorithm: &str,
) -> reqwest::Response {
    let url = format!("{}{path}", app.base);
    let params: Vec<(String, String)> = [
        ("CallSid", "CAsharedkey000000000000000000001"),
        ("From", "+819011112222"),
        ("To", "+81312345678"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let sig = match algorithm {
        "HMAC_SHA256" => Signer::sha256(key).sign(&url, &params),
        _ => sign(key, &url, &params),
    };
    app.client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", sig)
        .header(
            "X-Twilio-Webhooks-Signature-Settings",
            format!("key=KS00000000000000000000000000000000,algorithm={algorithm}"),
        )
        .body(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&params)
                .finish(),
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn webhooks_signed_with_a_webhook_rules_shared_key_are_answered() {
    let dir = tempfile::tempdir().unwrap();
    let app = spawn_app_in_with_secrets(
        dir.path(),
        Secrets {
            auth_token: Some(TOKEN.into()),
            admin_token: Some(ADMIN_TOKEN.into()),
            webhook_shared_keys: vec!["the-shared-key-secret".into()],
            ..Secrets::default()
        },
    )
    .await;
    let res = post_with_shared_key(
        &app,
        "/voice/daiichi",
        "the-shared-key-secret",
        "HMAC_SHA256",
    )
    .await;
    assert_eq!(res.status(), 200);
    let t = Twiml::parse(&res.text().await.unwrap());
    assert!(t.says_any("墨田区立第一小学校"), "{}", t.raw);
    // The auth token still signs webhooks no rule matches.
    let t = app.phone("daiichi").dial().await;
    assert!(t.says_any("墨田区立第一小学校"), "{}", t.raw);
    // A wrong key, or the auth token under a settings header, is refused.
    for (key, alg) in [("another-key", "HMAC_SHA256"), (TOKEN, "HMAC_SHA1")] {
        let res = post_with_shared_key(&app, "/voice/daiichi", key, alg).await;
        assert_eq!(res.status(), 403, "{key} {alg}");
    }
}

#[tokio::test]
async fn a_shared_key_webhook_without_the_key_configured_is_refused() {
    let (app, _dir) = spawn_app_with("").await;
    let res = post_with_shared_key(
        &app,
        "/voice/daiichi",
        "the-shared-key-secret",
        "HMAC_SHA256",
    )
    .await;
    assert_eq!(res.status(), 403);
    assert!(metric::<u64>(&app.base, "absence_line_rejected_signatures_total").await >= 1);
}

#[tokio::test]
async fn a_webhook_set_up_wrong_apologises_to_the_caller_instead_of_an_empty_error() {
    let (app, _dir) = spawn_app_with("").await;
    let params = vec![
        (
            "CallSid".to_owned(),
            "CAmisrouted0000000000000000000001".to_owned(),
        ),
        ("From".to_owned(), "+819011112222".to_owned()),
    ];
    // A trailing slash, a typo'd path.
    for path in ["/voice/daiichi/", "/voice/daiichi/stpe"] {
        let res = app.post_signed(path, &params, Some(TOKEN)).await;
        assert_eq!(res.status(), 200, "{path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .contains("xml"),
            "{path}"
        );
        let t = Twiml::parse(&res.text().await.unwrap());
        assert!(t.hangup && t.says_any("申し訳"), "{path}: {}", t.raw);
    }
    // A webhook set to HTTP GET: Twilio signs the URL with its query.
    let url = format!(
        "{}/voice/daiichi?CallSid=CAget000000000000000000000000001&From=%2B819011112222",
        app.base
    );
    let empty: [(&str, &str); 0] = [];
    let sig = sign(TOKEN, &url, &empty);
    let res = app
        .client
        .get(&url)
        .header("X-Twilio-Signature", sig)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let t = Twiml::parse(&res.text().await.unwrap());
    assert!(t.hangup && t.says_any("申し訳"), "{}", t.raw);
    // Unsigned, it is no caller's: refused, and nothing is said.
    let res = app
        .client
        .post(format!("{}/voice/daiichi/", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn at_the_connection_cap_clients_cycling_cheap_requests_make_room_for_a_call() {
    // Every connection is kept busy with cheap requests, so none is ever
    // quiet for a second; each is reopened as soon as it is closed.
    let (app, _dir) = spawn_app_with("[limits]\nconnections = 16\n").await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut cyclers = Vec::new();
    for _ in 0..16 {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .unwrap();
        let url = format!("{}/healthz", app.base);
        let stop = stop.clone();
        cyclers.push(tokio::spawn(async move {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = client.get(&url).send().await;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let t = tokio::time::timeout(Duration::from_secs(10), async {
        app.phone("daiichi").dial().await
    })
    .await
    .expect("the call is answered while busy clients fill the cap");
    assert!(t.says_any("墨田区立第一小学校"), "{}", t.raw);
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for c in cyclers {
        let _ = c.await;
    }
}
