//! The morning list a teacher opens at 8:00: the whole page (session check,
//! the day's reports with names, seen marks and history, HTML) over HTTP,
//! for a school of 1,000 students with a year of reports in its store.
//!
//! Run: `cargo bench --bench morning_list`. Figures are in BENCHMARKS.md.

use std::fmt::Write as _;
use std::path::Path;

use absence_line::http::{Application, Secrets, Source};
use absence_line::store::Store;
use argon2::password_hash::{PasswordHasher, SaltString};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};

const PASSWORD: &str = "bench-password";
const STUDENTS: u32 = 1_000;
/// A year: about 200 school days, 55 report rows a day (≈ 11,000 rows; the
/// Sumida figure of 150,000 a year over 35 schools is ≈ 4,300 per school of
/// about 400 students).
const PER_DAY: u32 = 55;

fn school_days(from: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = from;
    while out.len() < n {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            out.push(d);
        }
        d += Duration::days(1);
    }
    out
}

fn deployment(dir: &Path) -> std::path::PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roster = String::from("student,grade,class,number,name,kana\n");
    for s in 0..STUDENTS {
        writeln!(
            roster,
            "{},{},{},{},生徒 {s},せいと",
            100_000 + s,
            1 + s / 167,
            1 + (s / 34) % 5,
            1 + s % 34
        )
        .unwrap();
    }
    std::fs::write(dir.join("roster.csv"), roster).unwrap();
    let salt = SaltString::encode_b64(b"bench-salt-bytes").unwrap();
    let hash = argon2::Argon2::default()
        .hash_password(PASSWORD.as_bytes(), &salt)
        .unwrap()
        .to_string();
    let config = format!(
        "listen = \"127.0.0.1:0\"\nflows_dir = {:?}\nlocales_dir = {:?}\nprompts_dir = {:?}\ndata_dir = \"data\"\n\n[schools.bench]\nname = \"墨田区立ベンチ小学校\"\nroster = \"roster.csv\"\nstaff_password_hash = \"{hash}\"\n",
        repo.join("call-flows"),
        repo.join("locales"),
        repo.join("prompts"),
    );
    let path = dir.join("absence-line.toml");
    std::fs::write(&path, config).unwrap();
    path
}

/// A year of reports, written straight into the school's store.
fn fill(dir: &Path, days: &[NaiveDate]) {
    let path = dir.join("data/bench.sqlite");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    drop(Store::open(&path).unwrap());
    let mut c = rusqlite::Connection::open(&path).unwrap();
    let tx = c.transaction().unwrap();
    let kinds = ["absence", "absence", "absence", "late", "early"];
    let reasons = ["illness", "illness", "medical", "family", "injury"];
    let mut reference = 0u32;
    for day in days {
        for i in 0..PER_DAY {
            reference += 1;
            let s = (reference * 7919) % STUDENTS;
            let kind = kinds[(i % 5) as usize];
            tx.execute(
                "INSERT INTO reports (reference, call_sid, call_seq, student, grade, class, attendance_no,
                    kind, reason, symptom, temperature, school_day, time, language, channel, received_at, caller)
                 VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'ja', 'twilio', ?13, '+819012345678')",
                rusqlite::params![
                    reference,
                    format!("CA{reference:032x}"),
                    (100_000 + s).to_string(),
                    (1 + s / 167).to_string(),
                    (1 + (s / 34) % 5).to_string(),
                    (1 + s % 34).to_string(),
                    kind,
                    reasons[(i % 5) as usize],
                    (kind == "absence").then_some("fever"),
                    (kind == "absence").then_some(38.2),
                    day.to_string(),
                    (kind != "absence").then_some("09:30"),
                    format!("{day}T22:{:02}:00Z", i % 60),
                ],
            )
            .unwrap();
            tx.execute(
                "INSERT INTO report_events (reference, school_day, at, action, call_sid, call_seq)
                 VALUES (?1, ?2, ?3, 'created', ?4, 0)",
                rusqlite::params![
                    reference,
                    day.to_string(),
                    format!("{day}T22:00:00Z"),
                    format!("CA{reference:032x}")
                ],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let config = deployment(dir.path());
    let days = school_days(NaiveDate::from_ymd_opt(2026, 4, 6).unwrap(), 200);
    fill(dir.path(), &days);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (base, client) = rt.block_on(async {
        let app = Application::build(Source::new(&config), Secrets::default())
            .await
            .unwrap();
        let base = format!("http://{}", app.local_addr());
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let res = client
            .post(format!("{base}/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("account=bench&password={PASSWORD}"))
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success() || res.status().is_redirection());
        (base, client)
    });
    let day = days[150];
    let url = format!("{base}/schools/bench/days/{day}");
    let page = rt.block_on(async { client.get(&url).send().await.unwrap().text().await.unwrap() });
    assert!(
        page.matches("class=\"report").count() >= PER_DAY as usize,
        "the page lists the day's reports"
    );
    let mut g = c.benchmark_group("staff");
    g.sample_size(50);
    g.bench_function("morning-list/1000-students-1-year", |b| {
        b.to_async(&rt).iter(|| async {
            let res = client.get(&url).send().await.unwrap();
            assert!(res.status().is_success());
            res.bytes().await.unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
