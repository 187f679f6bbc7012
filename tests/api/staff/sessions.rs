//! Logging in and out, sessions (and a session key that outlives a
//! restart), and which pages a session may see.

use super::*;

#[tokio::test]
async fn login_needs_the_right_password_and_says_the_same_for_any_mistake() {
    let (app, _dir) = spawn_app().await;
    let client = browser();
    let (status, form) = get(&client, &format!("{}/login", app.base)).await;
    assert_eq!(status, 200);
    assert!(form.contains(r#"name="password""#) && form.contains(r#"value="daiichi""#));
    assert!(form.contains("墨田区立第一小学校") && form.contains("教育委員会"));

    let mut messages = Vec::new();
    for (account, password) in [
        ("daiichi", "wrong-password"),
        ("daiichi", CHUO_PASSWORD),
        ("nosuch", DAIICHI_PASSWORD),
        ("board", ""),
    ] {
        let res = post_form(
            &client,
            &format!("{}/login", app.base),
            &[("account", account), ("password", password)],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{account}");
        assert!(res.headers().get(SET_COOKIE).is_none(), "{account}");
        let body = res.text().await.unwrap();
        let at = body.find("role=\"alert\">").expect("an error message") + 13;
        messages.push(body[at..at + body[at..].find('<').unwrap()].to_owned());
    }
    assert_eq!(messages[0], "アカウントまたはパスワードが違います。");
    assert!(
        messages.iter().all(|m| *m == messages[0]),
        "one message: {messages:?}"
    );
    let (status, _) = get(&client, &format!("{}/schools/daiichi/calls", app.base)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "still not logged in");

    let res = post_form(
        &client,
        &format!("{}/login", app.base),
        &[("account", "daiichi"), ("password", DAIICHI_PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/schools/daiichi");
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    for part in ["al_session=", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http here: {cookie}");
    let res = client
        .get(format!("{}/schools/daiichi", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&res).starts_with("/schools/daiichi/days/20"),
        "today's list: {}",
        location(&res)
    );

    // After login, back where the person was going; never to another site.
    for (next, expected) in [
        ("/schools/chuo/calls", "/schools/chuo/calls"),
        ("//evil.example/", "/schools/chuo"),
    ] {
        let res = post_form(
            &browser(),
            &format!("{}/login", app.base),
            &[
                ("account", "chuo"),
                ("password", CHUO_PASSWORD),
                ("next", next),
            ],
        )
        .await;
        assert_eq!(location(&res), expected);
    }
}

#[tokio::test]
async fn without_a_session_pages_go_to_the_login_and_the_export_is_401() {
    let (app, _dir) = spawn_app().await;
    let client = browser();
    for path in [
        "/schools/daiichi/days/2026-11-25",
        "/schools/daiichi/calls/2026-11-25",
        "/schools/daiichi",
        "/board",
    ] {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        let next: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
        assert_eq!(location(&res), format!("/login?next={next}"), "{path}");
    }
    let res = client
        .get(format!(
            "{}/schools/daiichi/export?from=2026-11-25&to=2026-11-25",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = post_form(
        &client,
        &format!("{}/schools/daiichi/reports/1/seen", app.base),
        &[("csrf", "x")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        "/login",
        "a form cannot be posted again after login"
    );

    // A session cookie someone made up, or changed, is no session.
    let logged_in = login(&app, "chuo", CHUO_PASSWORD).await;
    let res = post_form(
        &browser(),
        &format!("{}/login", app.base),
        &[("account", "chuo"), ("password", CHUO_PASSWORD)],
    )
    .await;
    let value = res.headers()[SET_COOKIE].to_str().unwrap();
    let value = value
        .strip_prefix("al_session=")
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let (payload, mac) = value.split_once('.').unwrap();
    let payload = String::from_utf8(b64.decode(payload).unwrap()).unwrap();
    assert!(payload.contains(":chuo:"), "{payload}");
    let forged = format!(
        "{}.{mac}",
        b64.encode(payload.replace(":chuo:", ":daiichi:"))
    );
    for cookie in [
        format!("al_session={forged}"),
        "al_session=made.up".to_owned(),
    ] {
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{}/schools/daiichi/days/2026-11-25", app.base))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(location(&res).starts_with("/login"));
    }
    let (status, _) = get(
        &logged_in,
        &format!("{}/schools/chuo/days/2026-11-25", app.base),
    )
    .await;
    assert_eq!(status, 200, "the real cookie works");
}

#[tokio::test]
async fn a_school_sees_only_its_own_pages_whatever_the_url() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    absent_with_fever(&mut p).await;
    let day = day_of(&app, "daiichi");
    let row = app.store("daiichi").reports_on(&day).unwrap()[0].id;

    let chuo = login(&app, "chuo", CHUO_PASSWORD).await;
    let (status, own) = get(&chuo, &format!("{}/schools/chuo/days/{day}", app.base)).await;
    assert_eq!(status, 200);
    let token = csrf_of(&own);
    for path in [
        "/schools/daiichi".to_owned(),
        format!("/schools/daiichi/days/{day}"),
        "/schools/daiichi/days?date=2026-11-25".to_owned(),
        format!("/schools/daiichi/calls/{day}"),
        "/schools/daiichi/calls".to_owned(),
        format!("/schools/daiichi/export?from={day}&to={day}&format=csv"),
        format!("/schools/daiichi/export?from={day}&to={day}&format=json"),
        "/schools/nosuch/days/2026-11-25".to_owned(),
        "/schools/DAIICHI/days/2026-11-25".to_owned(),
        "/board".to_owned(),
    ] {
        let (status, body) = get(&chuo, &format!("{}{path}", app.base)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(!body.contains("10203"), "{path} shows nothing of daiichi");
    }
    // Nor by posting to another school's report, with a valid token.
    let res = post_form(
        &chuo,
        &format!("{}/schools/daiichi/reports/{row}/seen", app.base),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        app.store("daiichi")
            .seen_on("chuo", &day)
            .unwrap()
            .is_empty()
    );

    let daiichi = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (status, list) = get(
        &daiichi,
        &format!("{}/schools/daiichi/days/{day}", app.base),
    )
    .await;
    assert_eq!(status, 200);
    assert!(list.contains("10203"));
    let (status, _) = get(&daiichi, &format!("{}/schools/chuo/days/{day}", app.base)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn logout_needs_the_token_and_ends_the_session() {
    let (app, _dir) = spawn_app().await;
    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let page_url = format!("{}/schools/daiichi/calls/2026-11-25", app.base);
    let (status, page) = get(&client, &page_url).await;
    assert_eq!(status, 200);
    let token = csrf_of(&page);
    for form in [vec![], vec![("csrf", "not-the-token")]] {
        let res = post_form(&client, &format!("{}/logout", app.base), &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{form:?}");
        let (status, _) = get(&client, &page_url).await;
        assert_eq!(status, 200, "still logged in");
    }
    let res = post_form(
        &client,
        &format!("{}/logout", app.base),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login");
    assert!(
        res.headers()[SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let (status, _) = get(&client, &page_url).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "logged out");
}

/// A server on `dir` with session key `key`, and its base URL.
async fn serve_with_key(dir: &std::path::Path, key: &str) -> (String, tokio::task::JoinHandle<()>) {
    use absence_line::http::{Application, Secrets, Source};
    let config = crate::helpers::write_config(dir);
    let app = Application::build(
        Source::new(&config),
        Secrets {
            auth_token: Some(crate::helpers::TOKEN.into()),
            admin_token: None,
            session_key: Some(key.into()),
            ..Secrets::default()
        },
    )
    .await
    .unwrap();
    let base = format!("http://{}", app.local_addr());
    (
        base,
        tokio::spawn(async move { app.run_until_stopped().await.unwrap() }),
    )
}

#[tokio::test]
async fn with_a_session_key_a_session_outlives_a_restart_and_a_short_key_is_refused() {
    use absence_line::http::{Application, Secrets, Source};
    let dir = tempfile::tempdir().unwrap();
    let key = "k".repeat(32);
    let (base, server) = serve_with_key(dir.path(), &key).await;
    let res = post_form(
        &browser(),
        &format!("{base}/login"),
        &[("account", "daiichi"), ("password", DAIICHI_PASSWORD)],
    )
    .await;
    let cookie = res.headers()[SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    server.abort();
    let _ = server.await;

    let page = |base: String, cookie: String| async move {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{base}/schools/daiichi/calls/2026-11-25"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
            .status()
    };
    let (base, server) = serve_with_key(dir.path(), &key).await;
    assert_eq!(
        page(base, cookie.clone()).await,
        200,
        "same key: still logged in"
    );
    server.abort();
    let _ = server.await;
    let (base, server) = serve_with_key(dir.path(), &"x".repeat(40)).await;
    assert_eq!(
        page(base, cookie).await,
        StatusCode::SEE_OTHER,
        "another key: logged out"
    );
    server.abort();

    let short = Application::build(
        Source::new(dir.path().join("absence-line.toml")),
        Secrets {
            session_key: Some("too-short".into()),
            ..Secrets::default()
        },
    )
    .await;
    let err = short.err().expect("a short key is refused").to_string();
    assert!(err.contains("ABSENCE_LINE_SESSION_KEY"), "{err}");
}
