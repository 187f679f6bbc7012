//! Only Twilio, signing with the account's token, gets an answer.

use crate::helpers::{TOKEN, spawn_app};

fn params() -> Vec<(String, String)> {
    [
        ("CallSid", "CA00000000000000000000000000000001"),
        ("From", "+819000000001"),
        ("To", "+81312345678"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

#[tokio::test]
async fn missing_or_wrong_signatures_are_refused_and_store_nothing() {
    let (app, _dir) = spawn_app().await;
    let unsigned = app.post_signed("/voice/daiichi", &params(), None).await;
    assert_eq!(unsigned.status(), 403);
    let wrong = app
        .post_signed("/voice/daiichi", &params(), Some("not-the-token"))
        .await;
    assert_eq!(wrong.status(), 403);
    assert!(app.calls("daiichi").is_empty(), "nothing stored");

    // Signed for other parameters than those sent.
    let url = format!("{}/voice/daiichi", app.base);
    let sig = fake_twilio::signature::sign(TOKEN, &url, &params());
    let mut tampered = params();
    tampered[1].1 = "+819099999999".into();
    let res = app
        .client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", sig)
        .body(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&tampered)
                .finish(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let status = app
        .post_signed("/voice/daiichi/status", &params(), None)
        .await;
    assert_eq!(status.status(), 403);
    assert!(app.calls("daiichi").is_empty(), "nothing stored");

    let ok = app
        .post_signed("/voice/daiichi", &params(), Some(TOKEN))
        .await;
    assert_eq!(ok.status(), 200);
    app.calls_when("daiichi", |c| c.len() == 1).await;
}

#[tokio::test]
async fn a_signature_with_the_default_port_is_accepted() {
    let (app, _dir) = spawn_app().await;
    // Our test server is on a random port, so check the rule where it
    // matters: a URL Twilio signed with ":80" for a plain http base.
    let p = params();
    let url = "http://school.example/voice/daiichi";
    // Signed as Twilio signs, by the fake; checked by the server's verifier.
    let sig80 = fake_twilio::signature::sign(TOKEN, "http://school.example:80/voice/daiichi", &p);
    assert!(absence_line::channel::twilio::signature::is_valid(
        TOKEN.as_bytes(),
        url,
        &p,
        &sig80
    ));
    drop(app);
}

#[tokio::test]
async fn without_a_token_the_server_will_not_listen_beyond_loopback() {
    use absence_line::http::{Application, Secrets, Source};
    let (app, _dir) = spawn_app().await;
    let mut source = Source::new(&app.config_path);
    source.listen = Some("0.0.0.0:0".parse().unwrap());
    let err = Application::build(source.clone(), Secrets::default())
        .await
        .err()
        .expect("refused");
    assert!(err.to_string().contains("TWILIO_AUTH_TOKEN"), "{err}");
    source.listen = Some("127.0.0.1:0".parse().unwrap());
    assert!(Application::build(source, Secrets::default()).await.is_ok());
}
