//! Durability under SIGKILL: callers walk whole calls against the real
//! server binary while it is killed at random moments and restarted, again
//! and again. Afterwards every report whose "recorded" answer reached a
//! caller must be in the store exactly once, and the store must be sound.
//!
//! CI runs a short form (`CRASH_KILLS`, default 10); run
//! `CRASH_KILLS=50 cargo test --test api crash -- --nocapture` for the full
//! one (figures in BENCHMARKS.md).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use absence_line::http::signature;
use absence_line::store::Store;

use crate::helpers::{TOKEN, Twiml, free_port, start_binary as start, write_config};

/// A tiny deterministic generator: no dependency, reproducible runs.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// One caller walking the default call; returns the reference it was told,
/// if the "recorded" answer reached it.
async fn call(client: &reqwest::Client, base: &str, sid: &str, student: u32) -> Option<u32> {
    let post = |path: String, extra: Vec<(&'static str, String)>| {
        let url = format!("{base}{path}");
        let mut params: Vec<(String, String)> = vec![
            ("CallSid".into(), sid.to_owned()),
            ("From".into(), format!("+8190{student:08}")),
            ("To".into(), "+81312345678".into()),
            (
                "AccountSid".into(),
                "AC0123456789abcdef0123456789abcdef".into(),
            ),
        ];
        params.extend(extra.into_iter().map(|(k, v)| (k.to_owned(), v)));
        let sig = signature::compute(TOKEN.as_bytes(), &url, &params);
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&params)
            .finish();
        async move {
            let res = client
                .post(&url)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", sig)
                .body(body)
                .send()
                .await
                .ok()?;
            if res.status() != 200 {
                return None;
            }
            Some(Twiml::parse(&res.text().await.ok()?))
        }
    };
    let mut t = post("/voice/chuo".into(), vec![]).await?;
    let keys = [
        "1".to_owned(),
        format!("{student}"),
        "1".into(),
        "1".into(),
        "1".into(),
        "385".into(),
        "1".into(),
        "2".into(),
        "1".into(),
    ];
    for k in keys {
        let action = t.gather_action.clone()?;
        t = post(action, vec![("Digits", k)]).await?;
    }
    // The answer after confirming: "recorded", and its reference.
    let action = t.gather_action.as_deref()?;
    let reference = action
        .split('&')
        .find_map(|kv| kv.strip_prefix("a.reference="))?;
    t.says_any("受付番号")
        .then(|| reference.parse().ok())
        .flatten()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_report_is_lost_or_doubled_across_many_kills() {
    let kills: usize = std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(10);
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let acked: Arc<Mutex<HashMap<String, u32>>> = Default::default();
    let mut rng = Lcg(0x005e_ed0f_ab5e_11ce);
    let mut next_student = 1000u32;
    let started = Instant::now();
    for round in 0..kills {
        let port = free_port();
        let mut server = start(&config, port);
        let base = format!("http://127.0.0.1:{port}");
        let ready = Instant::now();
        while client.get(format!("{base}/healthz")).send().await.is_err() {
            assert!(
                ready.elapsed() < Duration::from_secs(20),
                "the server did not restart"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // Callers keep arriving until the kill.
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (client, base, acked) = (client.clone(), base.clone(), acked.clone());
            next_student += 97;
            let first = next_student;
            tasks.push(tokio::spawn(async move {
                let mut n = 0u32;
                loop {
                    let student = first * 100 + n % 100;
                    let sid = format!(
                        "CA{:08x}{:024x}",
                        round,
                        u64::from(student) * 1000 + u64::from(n)
                    );
                    match call(&client, &base, &sid, student % 100_000_000).await {
                        Some(reference) => {
                            acked.lock().unwrap().insert(sid, reference);
                        }
                        None => tokio::time::sleep(Duration::from_millis(5)).await,
                    }
                    n += 1;
                }
            }));
        }
        tokio::time::sleep(Duration::from_millis(150 + rng.next(400))).await;
        server.kill().unwrap(); // SIGKILL, mid-call for some callers
        let _ = server.wait();
        for t in tasks {
            t.abort();
        }
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() > kills,
        "the load made reports between the kills: {}",
        acked.len()
    );

    let store = Store::open(&dir.path().join("data/chuo.sqlite")).unwrap();
    assert!(store.integrity_ok().unwrap(), "PRAGMA integrity_check");
    let rows = store.reports_between("0000-01-01", "9999-12-31").unwrap();
    let mut by_call: HashMap<&str, Vec<u32>> = HashMap::new();
    for r in &rows {
        by_call
            .entry(r.call_sid.as_str())
            .or_default()
            .push(r.reference);
    }
    let mut lost = 0;
    for (sid, reference) in &acked {
        match by_call.get(sid.as_str()) {
            Some(refs) => {
                assert_eq!(
                    refs,
                    &vec![*reference],
                    "{sid}: stored once, under the reference the caller heard"
                );
            }
            None => lost += 1,
        }
    }
    assert_eq!(lost, 0, "acknowledged reports lost");
    let mut refs: Vec<u32> = rows.iter().map(|r| r.reference).collect();
    refs.sort();
    refs.dedup();
    assert_eq!(refs.len(), rows.len(), "no reference twice");
    println!(
        "crash test: {kills} SIGKILLs in {:.1} s, {} reports acknowledged, {} stored, 0 lost, 0 duplicated, integrity ok",
        started.elapsed().as_secs_f64(),
        acked.len(),
        rows.len()
    );
}
