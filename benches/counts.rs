//! What keeping the board's counts costs a report's save: the same saves
//! with the counts kept and with them switched off, in alternating rounds
//! on the same disk, as the writer
//! really commits them (64 callers at once, group commit, `synchronous =
//! FULL`) and on a memory file system, where an fsync costs nothing (what
//! the triggers cost the CPU).
//!
//! Run: `cargo bench --bench counts`. Figures are in BENCHMARKS.md.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use absence_line::domain::{Channel, ReportKind};
use absence_line::store::{NewReport, Store, set_counting_for_benchmarks};

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A realistic mix: mostly one-day illness with one or two symptoms, some
/// suspensions over several days, some lates.
fn report() -> NewReport {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let (kind, reason, symptom, disease, days) = match n % 10 {
        0 => ("absence", "infectious", None, Some("influenza"), 5),
        1 => ("late", "medical", None, None, 1),
        2 | 3 => ("absence", "illness", Some("fever,respiratory"), None, 1),
        4 => ("absence", "family", None, None, 1),
        _ => ("absence", "illness", Some("fever"), None, 1),
    };
    NewReport {
        call_sid: format!("CA{n:032x}"),
        call_seq: 0,
        student: Some(format!("{}", 100_000 + n % 900_000)),
        grade: Some(format!("{}", 1 + n % 6)),
        class: Some(format!("{}", 1 + n % 4)),
        kind: ReportKind::parse(kind),
        reason: Some(reason.into()),
        symptom: symptom.map(Into::into),
        disease: disease.map(Into::into),
        temperature: symptom.map(|_| 38.2),
        days: (0..days).map(|d| format!("2026-11-{:02}", 2 + d)).collect(),
        language: "ja".into(),
        channel: Channel::Twilio,
        received_at: "2026-11-24T22:00:00Z".into(),
        caller: Some("+819012345678".into()),
        ..Default::default()
    }
}

/// Time `saves` saves made by 64 callers at once.
fn round(store: &Arc<Store>, saves: u32, counted: bool) -> Duration {
    set_counting_for_benchmarks(counted);
    let per = saves.div_ceil(64);
    let start = Instant::now();
    let threads: Vec<_> = (0..64)
        .map(|_| {
            let store = store.clone();
            std::thread::spawn(move || {
                for _ in 0..per {
                    store.save_report(&report()).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    start.elapsed() / (per * 64)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn compare(name: &str, dir: &Path, saves: u32, rounds: usize) {
    let with = Arc::new(Store::open(&dir.join("with.sqlite")).unwrap());
    let without = Arc::new(Store::open(&dir.join("without.sqlite")).unwrap());
    // Warm both.
    round(&with, 640, true);
    round(&without, 640, false);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for i in 0..rounds {
        // Alternate which goes first, so drift hits both alike.
        if i % 2 == 0 {
            a.push(round(&with, saves, true));
            b.push(round(&without, saves, false));
        } else {
            b.push(round(&without, saves, false));
            a.push(round(&with, saves, true));
        }
    }
    let (a, b) = (median(a), median(b));
    println!(
        "{name:>9}: with counts {:>7.1} µs/save, without {:>7.1} µs/save, ratio {:.3}",
        a.as_secs_f64() * 1e6,
        b.as_secs_f64() * 1e6,
        a.as_secs_f64() / b.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing
    // and gets a short smoke run.
    let full = std::env::args().any(|a| a == "--bench");
    let (saves, rounds) = if full { (6_400, 9) } else { (640, 1) };
    let disk = tempfile::tempdir().unwrap();
    compare("disk", disk.path(), saves, rounds);
    match tempfile::tempdir_in("/dev/shm") {
        Ok(memory) => compare("memory", memory.path(), saves * 4, rounds),
        Err(e) => println!("no memory file system at /dev/shm ({e}): CPU cost not measured"),
    }
}
