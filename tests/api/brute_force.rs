//! Guessing staff passwords and export tokens: guesses sent all at once are
//! counted like guesses sent one by one, rotating account names does not
//! buy more, and a flood of them (from one address or from many) runs only
//! a few Argon2 checks at a time, so the server's memory stays bounded.
//! Clients bind loopback addresses other than 127.0.0.1 to come "from
//! elsewhere" (Linux routes all of 127.0.0.0/8 to the loopback).

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};

use crate::helpers::{
    DAIICHI_EXPORT_TOKEN, DAIICHI_PASSWORD, free_port, metric, spawn_app, start_binary,
    write_config,
};

/// The throttle's limits (`src/http/staff/throttle.rs`).
const MAX_FAILURES: usize = 10;
const ADDRESS_MAX_FAILURES: usize = 30;
const EXPORT: &str = "/schools/daiichi/export?from=2026-11-01&to=2026-11-30&format=json";

/// A client that does not follow redirects, connecting from `from`.
fn client_from(from: Ipv4Addr) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(IpAddr::V4(from))
        .build()
        .unwrap()
}

fn here() -> reqwest::Client {
    client_from(Ipv4Addr::LOCALHOST)
}

/// The `i`-th of many loopback addresses other than 127.0.0.1.
fn elsewhere(i: usize) -> Ipv4Addr {
    Ipv4Addr::new(127, 1 + (i / 250) as u8, 0, 1 + (i % 250) as u8)
}

async fn login(
    client: &reqwest::Client,
    base: &str,
    account: &str,
    password: &str,
) -> reqwest::Response {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("account", account), ("password", password)])
        .finish();
    client
        .post(format!("{base}/login"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn export(client: &reqwest::Client, base: &str, token: &str) -> reqwest::Response {
    client
        .get(format!("{base}{EXPORT}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

/// Run `tasks` at once; their answers in order.
async fn all<T: Send + 'static>(
    tasks: impl IntoIterator<Item = impl Future<Output = T> + Send + 'static>,
) -> Vec<T> {
    let handles: Vec<_> = tasks.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

fn count(statuses: &[StatusCode], status: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

#[tokio::test]
async fn forty_wrong_logins_sent_at_once_get_ten_checks_and_the_rest_429() {
    let (app, _dir) = spawn_app().await;
    let client = here();
    let answers = all((0..40).map(|i| {
        let (client, base) = (client.clone(), app.base.clone());
        async move { login(&client, &base, "daiichi", &format!("guess-{i}")).await }
    }))
    .await;
    let statuses: Vec<StatusCode> = answers.iter().map(|r| r.status()).collect();
    assert_eq!(
        count(&statuses, StatusCode::UNAUTHORIZED),
        MAX_FAILURES,
        "ten guesses checked, however they arrive: {statuses:?}"
    );
    assert_eq!(
        count(&statuses, StatusCode::TOO_MANY_REQUESTS),
        40 - MAX_FAILURES,
        "{statuses:?}"
    );
    let refused = answers
        .iter()
        .find(|r| r.status() == StatusCode::TOO_MANY_REQUESTS)
        .unwrap();
    let retry: u64 = refused.headers()[RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry), "Retry-After {retry}");
    assert_eq!(
        metric::<u64>(&app.base, "absence_line_password_checks_total").await,
        MAX_FAILURES as u64,
        "the refused guesses cost no Argon2 check"
    );

    // The account is now locked from this address, even with the right
    // password, and only from this address.
    let res = login(&client, &app.base, "daiichi", DAIICHI_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    another_address_logs_in(&app.base).await;
}

/// The right password from an address that made no guesses still works.
async fn another_address_logs_in(base: &str) {
    let res = login(
        &client_from(elsewhere(0)),
        base,
        "daiichi",
        DAIICHI_PASSWORD,
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "another address logs in"
    );
}

#[tokio::test]
async fn rotating_account_names_from_one_address_is_throttled_too() {
    let (app, _dir) = spawn_app().await;
    let client = here();
    for i in 0..ADDRESS_MAX_FAILURES {
        let res = login(&client, &app.base, &format!("nosuch-{i}"), "guess").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "name {i}");
    }
    let res = login(&client, &app.base, "nosuch-next", "guess").await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "a new name does not buy new guesses"
    );
    assert!(res.headers().contains_key(RETRY_AFTER));
    let res = export(&client, &app.base, "a-guessed-token").await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "nor does the export token's door"
    );
    assert_eq!(
        metric::<u64>(&app.base, "absence_line_password_checks_total").await,
        ADDRESS_MAX_FAILURES as u64
    );
    another_address_logs_in(&app.base).await;
}

#[tokio::test]
async fn a_hundred_and_fifty_bearer_guesses_at_once_get_ten_checks() {
    let (app, _dir) = spawn_app().await;
    let client = here();
    let statuses: Vec<StatusCode> = all((0..150).map(|i| {
        let (client, base) = (client.clone(), app.base.clone());
        async move { export(&client, &base, &format!("guess-{i}")).await.status() }
    }))
    .await;
    assert_eq!(
        count(&statuses, StatusCode::UNAUTHORIZED),
        MAX_FAILURES,
        "{statuses:?}"
    );
    assert_eq!(
        count(&statuses, StatusCode::TOO_MANY_REQUESTS),
        150 - MAX_FAILURES
    );
    assert_eq!(
        metric::<u64>(&app.base, "absence_line_password_checks_total").await,
        MAX_FAILURES as u64
    );
    assert_eq!(
        metric::<u64>(&app.base, "absence_line_export_tokens_refused_total").await,
        150
    );

    // Even the right token is refused from this address for now…
    let res = export(&client, &app.base, DAIICHI_EXPORT_TOKEN).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key(RETRY_AFTER));
    // …but not from the records system's own address, where it is checked
    // once and then remembered for a few minutes.
    let records = client_from(elsewhere(0));
    for _ in 0..3 {
        let res = export(&records, &app.base, DAIICHI_EXPORT_TOKEN).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert_eq!(
        metric::<u64>(&app.base, "absence_line_password_checks_total").await,
        MAX_FAILURES as u64 + 1,
        "three exports, one Argon2 check"
    );
    let res = export(&client, &app.base, DAIICHI_EXPORT_TOKEN).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "a token found right needs no new check, whatever the address"
    );
}

/// The server as its own process, so that its memory can be read.
struct Server {
    child: std::process::Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    async fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let config = write_config(dir.path());
        let port = free_port();
        let child = start_binary(&config, port);
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while reqwest::get(format!("{base}/healthz"))
            .await
            .map_or(true, |r| r.status() != 200)
        {
            assert!(Instant::now() < deadline, "the server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Server {
            child,
            base,
            _dir: dir,
        }
    }

    /// The most memory the process ever held (`VmHWM`), in MiB.
    fn peak_mib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kb: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .unwrap()
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .unwrap();
        kb / 1024
    }
}

#[tokio::test]
async fn a_flood_of_guesses_from_many_addresses_runs_a_few_checks_at_a_time() {
    let server = Server::start().await;
    let base = &server.base.clone();
    let before = server.peak_mib();

    // 150 bearer requests and 50 logins at once, each from its own address,
    // so that no throttle stops them: only the gate can.
    let bearers = all((0..150).map(|i| {
        let base = base.clone();
        async move { export(&client_from(elsewhere(i)), &base, &format!("guess-{i}")).await }
    }));
    let logins = all((150..200).map(|i| {
        let base = base.clone();
        async move { login(&client_from(elsewhere(i)), &base, "daiichi", "guess").await }
    }));
    let (bearers, logins) = tokio::join!(bearers, logins);
    // About 19 MiB per check: without the gate, 200 at once took ~2 GiB.
    let peak = server.peak_mib();
    assert!(
        peak < before + 200,
        "peak memory {peak} MiB (before the flood: {before} MiB)"
    );

    for answers in [&bearers, &logins] {
        let statuses: Vec<StatusCode> = answers.iter().map(|r| r.status()).collect();
        let busy = count(&statuses, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            count(&statuses, StatusCode::UNAUTHORIZED) + busy,
            statuses.len(),
            "checked, or refused at once: {statuses:?}"
        );
        assert!(
            busy > 0,
            "the gate refuses what it cannot queue: {statuses:?}"
        );
    }
    let busy = bearers
        .iter()
        .chain(&logins)
        .find(|r| r.status() == StatusCode::SERVICE_UNAVAILABLE)
        .unwrap();
    assert!(busy.headers().contains_key(RETRY_AFTER));

    let workers = metric::<u64>(base, "absence_line_password_check_workers").await;
    assert!((2..=4).contains(&workers), "{workers} workers");
    assert!(metric::<u64>(base, "absence_line_password_checks_in_flight_max").await <= workers);
    assert_eq!(
        metric::<u64>(base, "absence_line_password_checks_in_flight").await,
        0
    );
    assert!(metric::<u64>(base, "absence_line_password_checks_busy_total").await > 0);

    // The flood over, a real login gets in.
    let res = login(
        &client_from(elsewhere(200)),
        base,
        "daiichi",
        DAIICHI_PASSWORD,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}
