//! Demo data: a district of schools with realistic rosters and a school
//! year's reports, for demos, tests and benchmarks
//! (`absence-line demo-data`).
//!
//! - `schools.rs`: the schools (wards of 23 elementary schools and 12 junior
//!   highs) and their rosters.
//! - `calendar.rs`: the calendar file (weekends, breaks, national holidays).
//! - `illness.rs`: the rates of each kind of report and what an illness
//!   report says (the table of rates is there).
//! - `simulate.rs`: a school's reports day by day: the winter influenza
//!   wave spreading within classes, the autumn gastroenteritis cluster in
//!   one grade, corrections by a second call and by the staff.
//! - `writer.rs`: the stores (through the store's own save), the config and
//!   the passwords.
//!
//! Every report goes through [`Store::import_reports`](crate::store::Store::import_reports),
//! which runs the line's own save, so everything a save keeps (the history,
//! the call log, the counts) is as if parents had phoned.
//! The same seed gives the same reports; each school is made on its own
//! thread from its own random stream, so the threads change only the time.

mod calendar;
mod illness;
mod names;
mod schools;
mod simulate;
mod writer;

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime};

pub use schools::Kind;
pub use simulate::{District, Plan, PlannedEdit, plan_school};
pub use writer::{Template, Written};

use crate::schoolday::{SchoolCalendar, SchoolDayError, parse_calendar};
use crate::store::StoreError;

/// The demo's cut-off: reports after 08:30 are for the next school day.
pub const CUTOFF: &str = "08:30";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{path}: {message}")]
    Template { path: String, message: String },
    #[error(
        "{0} already holds school stores; write the demo into a new or empty directory \
         (its reference numbers would clash with what is there)"
    )]
    NotEmpty(String),
    #[error("{path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the demo calendar does not parse: {0}")]
    Calendar(#[from] SchoolDayError),
    #[error("hashing a staff password: {0}")]
    Password(String),
    #[error("the demo's config does not load: {0}")]
    Config(String),
}

/// What to make.
#[derive(Debug, Clone)]
pub struct Options {
    pub schools: usize,
    /// School days of reports, ending on `until`.
    pub days: usize,
    pub seed: u64,
    /// The last school day with reports (if it is one; else the one before).
    pub until: NaiveDate,
}

/// What was made.
#[derive(Debug, Clone)]
pub struct Summary {
    pub schools: usize,
    pub elementary: usize,
    pub students: usize,
    /// Reports saved, corrections included.
    pub reports: usize,
    /// Report rows (one per school day a report covers).
    pub rows: usize,
    pub replaced: usize,
    pub cancelled: usize,
    /// Reports the staff corrected (a fever that was influenza).
    pub edited: usize,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub elapsed: Duration,
}

/// The calendar file's text and the calendar it makes, for reports until
/// `until` going back `days` school days.
pub fn calendar(until: NaiveDate, days: usize) -> Result<(String, SchoolCalendar), DemoError> {
    use chrono::Datelike;
    // About 200 school days a year; a year more on each side.
    let years = i32::try_from(days / 150).unwrap_or(i32::MAX / 4) + 1;
    let text = calendar::calendar_text(until.year() - years, until.year());
    let closed = parse_calendar(&text, "calendar.txt")?;
    let cutoff = NaiveTime::from_hms_opt(8, 30, 0).expect("a time");
    Ok((
        text,
        SchoolCalendar::new(chrono_tz::Asia::Tokyo, cutoff, closed),
    ))
}

/// The `count` school days ending on `until` (or the school day before it).
pub fn school_days(calendar: &SchoolCalendar, until: NaiveDate, count: usize) -> Vec<NaiveDate> {
    let mut days = Vec::with_capacity(count);
    let mut d = until;
    while days.len() < count {
        if calendar.is_school_day(d) {
            days.push(d);
        }
        match d.pred_opt() {
            Some(p) => d = p,
            None => break,
        }
    }
    days.reverse();
    days
}

/// Make the demo in `out`: `out/data/<school>.sqlite`, `out/calendar.txt`,
/// `out/absence-line.toml` and `out/PASSWORDS.txt`. `template_config` is
/// the config whose flows, locales, prompts, voices and board login the
/// demo uses. `done` is told how many schools are written so far.
pub fn generate(
    out: &Path,
    options: &Options,
    template: &Template,
    template_config: &Path,
    done: &(dyn Fn(usize) + Sync),
) -> Result<Summary, DemoError> {
    let started = Instant::now();
    let data = out.join("data");
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |cause| DemoError::Io { path, cause }
    };
    if let Ok(entries) = std::fs::read_dir(&data)
        && entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "sqlite"))
    {
        return Err(DemoError::NotEmpty(data.display().to_string()));
    }
    std::fs::create_dir_all(&data).map_err(io(&data))?;
    let (calendar_text, calendar) = calendar(options.until, options.days)?;
    let days = school_days(&calendar, options.until, options.days);
    let district = District::new(options.seed, options.schools, &days);

    // A few workers take the schools one at a time; each school's store is
    // its own file, so they never wait for each other.
    let next = AtomicUsize::new(0);
    let finished = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Mutex<Vec<Option<Result<Written, DemoError>>>> =
        Mutex::new((0..options.schools).map(|_| None).collect());
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(options.schools.max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= options.schools || failed.load(Ordering::Relaxed) {
                        break;
                    }
                    let plan = plan_school(&district, i, &days, &calendar);
                    let written = writer::write_school(&plan, &data, options.seed, i);
                    if written.is_err() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(written);
                    done(finished.fetch_add(1, Ordering::Relaxed) + 1);
                }
            });
        }
    });
    let mut written = Vec::with_capacity(options.schools);
    for r in results.into_inner().unwrap_or_else(|p| p.into_inner()) {
        match r {
            Some(w) => written.push(w?),
            None => continue,
        }
    }

    let header = format!(
        "--schools {} --days {} --seed {} --until {}",
        options.schools, options.days, options.seed, options.until
    );
    let files = [
        ("calendar.txt", calendar_text),
        (
            "absence-line.toml",
            writer::config_text(template, &written, &header),
        ),
        (
            "PASSWORDS.txt",
            writer::passwords_text(template_config, &written),
        ),
    ];
    for (name, text) in files {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(io(&path))?;
    }
    crate::config::Config::load(&out.join("absence-line.toml"))
        .map_err(|e| DemoError::Config(e.to_string()))?;

    let sum = |f: fn(&Written) -> usize| written.iter().map(f).sum();
    Ok(Summary {
        schools: written.len(),
        elementary: (0..written.len())
            .filter(|&i| schools::kind_of(i) == Kind::Elementary)
            .count(),
        students: sum(|w| w.students),
        reports: sum(|w| w.reports),
        rows: sum(|w| w.rows),
        replaced: sum(|w| w.replaced),
        cancelled: sum(|w| w.cancelled),
        edited: sum(|w| w.edited),
        first_day: days.first().copied().unwrap_or(options.until),
        last_day: days.last().copied().unwrap_or(options.until),
        elapsed: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn make(out: &Path, seed: u64) -> Summary {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let template = Template {
            flows_dir: repo.join("call-flows"),
            locales_dir: repo.join("locales"),
            prompts_dir: repo.join("prompts"),
            languages: String::new(),
            board_password_hash: None,
        };
        let options = Options {
            schools: 2,
            days: 5,
            seed,
            until: "2026-11-27".parse().unwrap(),
        };
        generate(out, &options, &template, Path::new("t.toml"), &|_| {}).unwrap()
    }

    fn store(out: &Path, school: &str) -> Store {
        let id = crate::domain::SchoolId::parse(school).unwrap();
        Store::open(&crate::store::file_for(&out.join("data"), &id)).unwrap()
    }

    fn stored(out: &Path, school: &str) -> Vec<crate::store::ReportRow> {
        store(out, school).reports_on("2026-11-27").unwrap()
    }

    /// Whatever the threads did, the same seed stores the same reports
    /// under the same references; and a directory with stores is refused.
    #[test]
    fn the_same_seed_stores_the_same_reports() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("c"),
        );
        let first = make(&a, 5);
        make(&b, 5);
        make(&c, 6);
        assert_eq!(first.schools, 2);
        assert_eq!(first.first_day.to_string(), "2026-11-20");
        for school in ["school-001", "school-002"] {
            let rows = stored(&a, school);
            assert!(!rows.is_empty());
            assert_eq!(rows, stored(&b, school));
            assert_ne!(rows, stored(&c, school));
            // The kept counts agree with the rows, corrections and staff
            // edits included.
            let store = store(&a, school);
            let mut kept = store.class_counts("0000", "9999").unwrap();
            kept.sort();
            assert_eq!(kept, store.recounted_class_counts().unwrap());
        }
        let again = generate(
            &a,
            &Options {
                schools: 1,
                days: 1,
                seed: 5,
                until: "2026-11-27".parse().unwrap(),
            },
            &Template {
                flows_dir: a.clone(),
                locales_dir: a.clone(),
                prompts_dir: a.clone(),
                languages: String::new(),
                board_password_hash: None,
            },
            Path::new("t.toml"),
            &|_| {},
        );
        assert!(matches!(again, Err(DemoError::NotEmpty(_))));
    }
}
