//! How long an editor waits: linting everything, and a hot reload (load +
//! lint of the whole deployment), for the shipped files (two schools) and
//! for a district of 35 schools with 600-student rosters.
//!
//! Run: `cargo bench --bench reload`. Figures are in BENCHMARKS.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use absence_line::config::Config;
use absence_line::deployment::Deployment;
use absence_line::lint;
use criterion::{Criterion, criterion_group, criterion_main};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A deployment of `schools` schools sharing the shipped flows, locales and
/// recordings, each with its own roster and calendar.
fn district(dir: &Path, schools: usize) -> PathBuf {
    let mut config = format!(
        "flows_dir = {:?}\nlocales_dir = {:?}\nprompts_dir = {:?}\ndata_dir = \"data\"\n",
        repo().join("call-flows"),
        repo().join("locales"),
        repo().join("prompts"),
    );
    let calendar = std::fs::read_to_string(repo().join("demo/calendar-2026.txt")).unwrap();
    for n in 0..schools {
        let mut roster = String::from("student,grade,class,number,name,kana\n");
        for s in 0..600 {
            writeln!(
                roster,
                "{},{},{},{},生徒 {s},せいと",
                100_000 + s,
                1 + s / 100,
                1 + (s / 25) % 4,
                1 + s % 25
            )
            .unwrap();
        }
        std::fs::write(dir.join(format!("roster-{n}.csv")), roster).unwrap();
        std::fs::write(dir.join(format!("calendar-{n}.txt")), &calendar).unwrap();
        write!(
            config,
            "\n[schools.school-{n}]\nname = \"墨田区立第{n}小学校\"\ncalendar = \"calendar-{n}.txt\"\nroster = \"roster-{n}.csv\"\n"
        )
        .unwrap();
    }
    let path = dir.join("absence-line.toml");
    std::fs::write(&path, config).unwrap();
    path
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let shipped = repo().join("absence-line.toml");
    let district35 = district(tmp.path(), 35);
    let mut g = c.benchmark_group("editor");
    g.sample_size(20);
    for (name, path) in [("shipped", &shipped), ("35-schools", &district35)] {
        g.bench_function(format!("lint/{name}"), |b| b.iter(|| lint::lint(path)));
        g.bench_function(format!("reload/{name}"), |b| {
            b.iter(|| {
                let dep = Deployment::load(Config::load(path).unwrap()).unwrap();
                let report = lint::lint_loaded(&dep);
                assert!(!report.has_errors());
                dep
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
