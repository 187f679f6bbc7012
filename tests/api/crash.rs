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

/// One caller walking the default call to `chuo` from `+8190<student, 8
/// digits>`; returns the reference it was told, if the "recorded" answer
/// reached it.
pub async fn call(client: &reqwest::Client, base: &str, sid: &str, student: u32) -> Option<u32> {
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
        let sig = fake_twilio::signature::sign(TOKEN, &url, &params);
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
    // Japanese, the number, absent today ill, fever, 38.5, save.
    let keys = [
        "1".to_owned(),
        format!("{student}"),
        "1".into(),
        "1".into(),
        "385".into(),
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
    // Every call is for a student of its own: a second report for the same
    // student and day would take the flow down the "already reported" path
    // and could cancel the first one, which would then look lost.
    let next_student = Arc::new(std::sync::atomic::AtomicU32::new(10_000));
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
            let next_student = next_student.clone();
            tasks.push(tokio::spawn(async move {
                loop {
                    let student = next_student.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let sid = format!("CA{:08x}{:024x}", round, student);
                    match call(&client, &base, &sid, student).await {
                        Some(reference) => {
                            acked.lock().unwrap().insert(sid, reference);
                        }
                        None => tokio::time::sleep(Duration::from_millis(5)).await,
                    }
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
    // Every row, whatever its status: a report stored but then replaced or
    // cancelled must not count as kept, nor hide as lost.
    let rows: Vec<(String, u32, String)> = {
        let c = rusqlite::Connection::open(dir.path().join("data/chuo.sqlite")).unwrap();
        let mut stmt = c
            .prepare("SELECT call_sid, reference, status FROM reports")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(
        rows.iter().all(|(_, _, status)| status == "active"),
        "no report was replaced or cancelled: every call was for a new student"
    );
    let mut by_call: HashMap<&str, Vec<u32>> = HashMap::new();
    for (sid, reference, _) in &rows {
        by_call.entry(sid.as_str()).or_default().push(*reference);
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
    let mut refs: Vec<u32> = rows.iter().map(|(_, reference, _)| *reference).collect();
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
