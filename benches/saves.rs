//! Durable saves with `synchronous=FULL`: one report per commit (a lone
//! caller) against group commit (64 callers confirming at once, as threads
//! and as tasks on one runtime thread the way the server has them), in the
//! same run on the same disk.
//!
//! Run: `cargo bench --bench saves`. Figures are in BENCHMARKS.md.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use absence_line::domain::{Channel, ReportKind};
use absence_line::store::{NewReport, Store};
use criterion::{Criterion, criterion_group, criterion_main};

static NEXT: AtomicU32 = AtomicU32::new(0);

fn report() -> NewReport {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    NewReport {
        call_sid: format!("CA{n:032x}"),
        call_seq: 0,
        student: Some(format!("{}", 100_000 + n % 900_000)),
        kind: Some(ReportKind::Absence),
        reason: Some("illness".into()),
        symptom: Some("fever".into()),
        temperature: Some(38.2),
        days: vec!["2026-11-25".into()],
        language: "ja".into(),
        channel: Channel::Twilio,
        received_at: "2026-11-24T22:00:00Z".into(),
        caller: Some("+819012345678".into()),
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&dir.path().join("bench.sqlite")).unwrap());
    let mut g = c.benchmark_group("saves");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("one-report-per-commit", |b| {
        b.iter(|| store.save_report(&report()).unwrap())
    });
    g.bench_function("group-commit-64-callers", |b| {
        b.iter_custom(|iters| {
            let per = iters.div_ceil(64);
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
            // Time per save, as if `iters` saves were made.
            start.elapsed().mul_f64(iters as f64 / (per * 64) as f64)
        })
    });
    // As the server has it: the callers are tasks on one runtime thread
    // (`Store::submit`), the writer a thread of its own.
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    g.bench_function("group-commit-64-async-callers", |b| {
        b.iter_custom(|iters| {
            let per = iters.div_ceil(64);
            let start = Instant::now();
            rt.block_on(async {
                let tasks: Vec<_> = (0..64)
                    .map(|_| {
                        let store = store.clone();
                        tokio::spawn(async move {
                            for _ in 0..per {
                                store.submit(report()).await.unwrap();
                            }
                        })
                    })
                    .collect();
                for t in tasks {
                    t.await.unwrap();
                }
            });
            start.elapsed().mul_f64(iters as f64 / (per * 64) as f64)
        })
    });
    g.finish();
    let s = store.batch_stats();
    println!(
        "group commits: {} batches for {} saves ({:.1} saves per commit)",
        s.batches,
        s.saves,
        s.saves as f64 / s.batches.max(1) as f64
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
