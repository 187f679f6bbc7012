//! The counts the board and the surveillance sheet read, kept up to date in
//! the same transaction as every change to a report.
//!
//! Every path that changes a report's row (the writer's save, replace and
//! cancel, a staff correction, a bulk import) collects the change as
//! [`Deltas`] (one row before: -1 on each of its measures, one row after:
//! +1) and applies them before it commits, so the counts move with the row
//! or not at all, and a batch rolled back rolls its counts back too. The
//! writer applies one batch's deltas at once: sixty reports of one morning
//! touch a few dozen count rows, each written once. (SQLite triggers did
//! the same with less code, but cost each report five times its insert.)
//! The pages then read a few hundred count rows instead of every report.
//!
//! Two tables, one per grain:
//! - `class_counts (school_day, grade, class, kind, dim, value, n)`: per
//!   class, for the sheet, the drill-down and the alert rules;
//! - `day_totals (school_day, kind, dim, value, n)`: per school day, for the
//!   board's district view, which reads every school.
//!
//! `kind` is the report's kind (`absence`, `late`, `early`, or `message` for
//! a voice message without one); `dim` is what is counted: `all` (value
//! empty), `reason`, `symptom` (its national category), `ili` (value empty)
//! or `disease`. Only active reports count; a several-day absence counts on
//! each of its days. Counts survive `purge`, which blanks caller numbers and
//! recordings but keeps the rows. [`Store::recounted_class_counts`] counts
//! again from the rows with SQL, so tests hold the two ways equal.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{Connection, Row, params};

use crate::domain::Symptoms;

use super::{Store, StoreError};

/// How a row's measures are found in SQL, for the migration's first count
/// and the recount: one branch per `dim`; `{r}` is the report row.
/// [`Counted::measures`] is the same in Rust.
const BRANCHES: &[(&str, &str, &str, &str)] = &[
    // (dim, value, extra FROM, condition)
    ("'all'", "''", "", "1"),
    ("'reason'", "{r}.reason", "", "{r}.reason IS NOT NULL"),
    (
        "'symptom'",
        "w.category",
        "symptom_words w",
        "instr(',' || {r}.symptom || ',', ',' || w.word || ',') > 0",
    ),
    ("'ili'", "''", "", "{r}.ili"),
    ("'disease'", "{r}.disease", "", "{r}.disease IS NOT NULL"),
];

/// Every measure of every active report, as rows `(d, g, c, k, dim,
/// value)`: what the counts are the sum of.
fn every_measure() -> String {
    BRANCHES
        .iter()
        .map(|(dim, value, from, cond)| {
            let from = if from.is_empty() {
                String::new()
            } else {
                format!(", {from}")
            };
            format!(
                "SELECT r.school_day AS d, COALESCE(r.grade, '') AS g, COALESCE(r.class, '') AS c,
                    COALESCE(r.kind, 'message') AS k, {dim} AS dim, {} AS value
                 FROM reports r{from} WHERE r.status = 'active' AND {}",
                value.replace("{r}", "r"),
                cond.replace("{r}", "r")
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

/// Migration 6: the derived ILI flag, staff corrections in the history,
/// the count tables and the counts of the reports already stored.
pub(super) fn migration() -> String {
    let all = every_measure();
    format!(
        "ALTER TABLE reports ADD COLUMN ili INTEGER NOT NULL DEFAULT 0;
         UPDATE reports SET ili = 1 WHERE temperature >= 38.0
             AND instr(',' || symptom || ',', ',respiratory,') > 0;
         CREATE TABLE report_events_v6 (
             id           INTEGER PRIMARY KEY,
             reference    INTEGER NOT NULL,
             school_day   TEXT NOT NULL,
             at           TEXT NOT NULL,
             action       TEXT NOT NULL
                          CHECK (action IN ('created', 'replaced', 'cancelled', 'edited')),
             call_sid     TEXT,
             call_seq     INTEGER,
             by_reference INTEGER,
             user         TEXT,
             detail       TEXT
         );
         INSERT INTO report_events_v6 (id, reference, school_day, at, action, call_sid,
             call_seq, by_reference)
             SELECT id, reference, school_day, at, action, call_sid, call_seq, by_reference
             FROM report_events;
         DROP TABLE report_events;
         ALTER TABLE report_events_v6 RENAME TO report_events;
         CREATE INDEX report_events_ref ON report_events (reference);
         CREATE INDEX report_events_call ON report_events (call_sid, call_seq);
         CREATE INDEX report_events_by ON report_events (by_reference);
         CREATE TABLE symptom_words (word TEXT PRIMARY KEY, category TEXT NOT NULL) WITHOUT ROWID;
         INSERT INTO symptom_words VALUES
             ('fever', 'fever'), ('headache', 'headache'), ('respiratory', 'respiratory'),
             ('diarrhoea', 'diarrhoea'), ('digestive', 'diarrhoea'), ('vomiting', 'vomiting'),
             ('rash', 'rash'), ('other', 'other');
         CREATE TABLE class_counts (
             school_day TEXT NOT NULL, grade TEXT NOT NULL, class TEXT NOT NULL,
             kind TEXT NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
             PRIMARY KEY (school_day, grade, class, kind, dim, value)
         ) WITHOUT ROWID;
         CREATE TABLE day_totals (
             school_day TEXT NOT NULL, kind TEXT NOT NULL, dim TEXT NOT NULL,
             value TEXT NOT NULL, n INTEGER NOT NULL,
             PRIMARY KEY (school_day, kind, dim, value)
         ) WITHOUT ROWID;
         INSERT INTO class_counts (school_day, grade, class, kind, dim, value, n)
             SELECT d, g, c, k, dim, value, COUNT(*) FROM ({all}) GROUP BY d, g, c, k, dim, value;
         INSERT INTO day_totals (school_day, kind, dim, value, n)
             SELECT school_day, kind, dim, value, SUM(n) FROM class_counts
             GROUP BY school_day, kind, dim, value;"
    )
}

/// The columns of a report row that its counts depend on, in
/// [`Counted::read`]'s order.
pub(super) const COUNTED: &str = "school_day, grade, class, kind, reason, symptom, disease, ili";

/// A report row (one school day) as the counts see it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Counted {
    pub school_day: String,
    pub grade: Option<String>,
    pub class: Option<String>,
    pub kind: Option<String>,
    pub reason: Option<String>,
    pub symptom: Option<String>,
    pub disease: Option<String>,
    pub ili: bool,
}

impl Counted {
    /// From a row selected (or returned) with [`COUNTED`] at column `at`.
    pub fn read(r: &Row, at: usize) -> rusqlite::Result<Counted> {
        Ok(Counted {
            school_day: r.get(at)?,
            grade: r.get(at + 1)?,
            class: r.get(at + 2)?,
            kind: r.get(at + 3)?,
            reason: r.get(at + 4)?,
            symptom: r.get(at + 5)?,
            disease: r.get(at + 6)?,
            ili: r.get(at + 7)?,
        })
    }

    /// `(dim, value)` of every measure, as [`BRANCHES`] finds them in SQL.
    fn measures(&self) -> Vec<(&'static str, String)> {
        let mut m = vec![("all", String::new())];
        if let Some(r) = &self.reason {
            m.push(("reason", r.clone()));
        }
        if let Some(s) = &self.symptom {
            m.extend(
                Symptoms::parse(s)
                    .iter()
                    .map(|s| ("symptom", s.as_str().to_owned())),
            );
        }
        if self.ili {
            m.push(("ili", String::new()));
        }
        if let Some(d) = &self.disease {
            m.push(("disease", d.clone()));
        }
        m
    }
}

static COUNTING: AtomicBool = AtomicBool::new(true);

/// Stop (or resume) keeping the counts, in this whole process: only for
/// `benches/counts.rs`, which measures what keeping them costs a save.
#[doc(hidden)]
pub fn set_counting_for_benchmarks(on: bool) {
    COUNTING.store(on, Ordering::Relaxed);
}

type Key = (String, String, String, String, &'static str, String);

/// Changes to the counts, gathered until the transaction commits.
#[derive(Debug, Default)]
pub(super) struct Deltas(HashMap<Key, i64>);

impl Deltas {
    /// Count active row `row` once more (`sign` 1) or once less (-1).
    pub fn add(&mut self, row: &Counted, sign: i64) {
        let grade = row.grade.clone().unwrap_or_default();
        let class = row.class.clone().unwrap_or_default();
        let kind = row.kind.clone().unwrap_or_else(|| "message".to_owned());
        for (dim, value) in row.measures() {
            let key = (
                row.school_day.clone(),
                grade.clone(),
                class.clone(),
                kind.clone(),
                dim,
                value,
            );
            *self.0.entry(key).or_insert(0) += sign;
        }
    }

    pub fn merge(&mut self, other: Deltas) {
        for (k, n) in other.0 {
            *self.0.entry(k).or_insert(0) += n;
        }
    }

    /// Write the changes into both tables, inside the caller's transaction.
    pub fn apply(self, tx: &Connection) -> rusqlite::Result<()> {
        if !COUNTING.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut totals: HashMap<(&str, &str, &str, &str), i64> = HashMap::new();
        let mut class = tx.prepare_cached(
            "INSERT INTO class_counts (school_day, grade, class, kind, dim, value, n)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT DO UPDATE SET n = n + excluded.n",
        )?;
        for ((day, grade, cls, kind, dim, value), n) in &self.0 {
            if *n != 0 {
                class.execute(params![day, grade, cls, kind, dim, value, n])?;
                *totals.entry((day, kind, dim, value)).or_insert(0) += n;
            }
        }
        let mut total = tx.prepare_cached(
            "INSERT INTO day_totals (school_day, kind, dim, value, n) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT DO UPDATE SET n = n + excluded.n",
        )?;
        for ((day, kind, dim, value), n) in totals {
            if n != 0 {
                total.execute(params![day, kind, dim, value, n])?;
            }
        }
        Ok(())
    }
}

/// One count of one class on one school day. Ordered by its fields in
/// turn: day, class, then what is counted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClassCount {
    pub school_day: String,
    /// Empty when the report named no class (no roster).
    pub grade: String,
    pub class: String,
    pub kind: String,
    pub dim: String,
    pub value: String,
    pub n: u32,
}

/// One count of a whole school on one school day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayTotal {
    pub school_day: String,
    pub kind: String,
    pub dim: String,
    pub value: String,
    pub n: u32,
}

/// A [`ClassCount`] from `school_day, grade, class, kind, dim, value, n`.
fn class_count(r: &Row) -> rusqlite::Result<ClassCount> {
    Ok(ClassCount {
        school_day: r.get(0)?,
        grade: r.get(1)?,
        class: r.get(2)?,
        kind: r.get(3)?,
        dim: r.get(4)?,
        value: r.get(5)?,
        n: r.get(6)?,
    })
}

impl Store {
    /// The per-class counts of school days `from..=to` (ISO dates), zeros
    /// left out.
    pub fn class_counts(&self, from: &str, to: &str) -> Result<Vec<ClassCount>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT school_day, grade, class, kind, dim, value, n FROM class_counts
                 WHERE school_day BETWEEN ?1 AND ?2 AND n > 0",
            )?;
            let rows = stmt.query_map(params![from, to], class_count)?;
            rows.collect()
        })
    }

    /// The whole school's counts of school days `from..=to`, zeros left out.
    pub fn day_totals(&self, from: &str, to: &str) -> Result<Vec<DayTotal>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT school_day, kind, dim, value, n FROM day_totals
                 WHERE school_day BETWEEN ?1 AND ?2 AND n > 0",
            )?;
            let rows = stmt.query_map(params![from, to], |r| {
                Ok(DayTotal {
                    school_day: r.get(0)?,
                    kind: r.get(1)?,
                    dim: r.get(2)?,
                    value: r.get(3)?,
                    n: r.get(4)?,
                })
            })?;
            rows.collect()
        })
    }

    /// The counts as they would be if recounted from every report now: to
    /// check that the kept counts never drift (tests, `lint --store`).
    pub fn recounted_class_counts(&self) -> Result<Vec<ClassCount>, StoreError> {
        let sql = format!(
            "SELECT d, g, c, k, dim, value, COUNT(*) FROM ({}) GROUP BY d, g, c, k, dim, value
             ORDER BY 1, 2, 3, 4, 5, 6",
            every_measure()
        );
        self.with(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map([], class_count)?;
            rows.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{NewReport, ReportEdit};
    use super::*;
    use crate::domain::{Channel, Correction, ReportKind};

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        (dir, store)
    }

    fn report(sid: &str, student: &str, class: &str, days: &[&str]) -> NewReport {
        NewReport {
            call_sid: sid.into(),
            student: Some(student.into()),
            grade: Some("3".into()),
            class: Some(class.into()),
            kind: Some(ReportKind::Absence),
            reason: Some("illness".into()),
            symptom: Some("fever,respiratory".into()),
            temperature: Some(38.5),
            days: days.iter().map(|d| d.to_string()).collect(),
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    /// The counts of `day` as `class kind dim value n` lines, sorted.
    fn counts(store: &Store, day: &str) -> Vec<String> {
        let mut v: Vec<String> = store
            .class_counts(day, day)
            .unwrap()
            .into_iter()
            .map(|c| {
                format!(
                    "{}-{} {} {} {} {}",
                    c.grade, c.class, c.kind, c.dim, c.value, c.n
                )
            })
            .collect();
        v.sort();
        v
    }

    fn assert_no_drift(store: &Store) {
        let mut kept = store.class_counts("0000-00-00", "9999-99-99").unwrap();
        kept.sort();
        assert_eq!(kept, store.recounted_class_counts().unwrap());
        // The school's totals are the sum of its classes.
        let mut totals = std::collections::BTreeMap::new();
        for c in &kept {
            *totals
                .entry((
                    c.school_day.clone(),
                    c.kind.clone(),
                    c.dim.clone(),
                    c.value.clone(),
                ))
                .or_insert(0) += c.n;
        }
        let kept_totals: std::collections::BTreeMap<_, _> = store
            .day_totals("0000-00-00", "9999-99-99")
            .unwrap()
            .into_iter()
            .map(|t| ((t.school_day, t.kind, t.dim, t.value), t.n))
            .collect();
        assert_eq!(kept_totals, totals);
    }

    #[test]
    fn a_report_counts_once_in_each_of_its_measures_ili_derived() {
        let (_d, store) = store();
        store
            .save_report_blocking(&report("CA1", "301", "1", &["2026-11-25"]))
            .unwrap();
        let mut late = report("CA2", "302", "1", &["2026-11-25"]);
        late.kind = Some(ReportKind::Late);
        late.symptom = Some("headache".into());
        late.temperature = None;
        store.save_report_blocking(&late).unwrap();
        assert_eq!(
            counts(&store, "2026-11-25"),
            [
                "3-1 absence all  1",
                "3-1 absence ili  1",
                "3-1 absence reason illness 1",
                "3-1 absence symptom fever 1",
                "3-1 absence symptom respiratory 1",
                "3-1 late all  1",
                "3-1 late reason illness 1",
                "3-1 late symptom headache 1",
            ]
        );
        assert_no_drift(&store);
    }

    #[test]
    fn a_several_day_absence_counts_on_each_of_its_days() {
        let (_d, store) = store();
        let mut flu = report(
            "CA1",
            "301",
            "2",
            &["2026-11-25", "2026-11-26", "2026-11-27"],
        );
        flu.reason = Some("infectious".into());
        flu.symptom = None;
        flu.temperature = None;
        flu.disease = Some("influenza".into());
        store.save_report_blocking(&flu).unwrap();
        for day in ["2026-11-25", "2026-11-26", "2026-11-27"] {
            assert_eq!(
                counts(&store, day),
                [
                    "3-2 absence all  1",
                    "3-2 absence disease influenza 1",
                    "3-2 absence reason infectious 1",
                ],
                "{day}"
            );
        }
        assert!(counts(&store, "2026-11-24").is_empty());
        assert_no_drift(&store);
    }

    #[test]
    fn a_replacement_and_a_cancellation_move_the_counts() {
        let (_d, store) = store();
        store
            .save_report_blocking(&report("CA1", "301", "1", &["2026-11-25"]))
            .unwrap();
        // The parent calls again: it was a headache, not a fever.
        let mut second = report("CA2", "301", "1", &["2026-11-25"]);
        second.symptom = Some("headache".into());
        second.temperature = None;
        second.correction = Some(Correction::Replace);
        store.save_report_blocking(&second).unwrap();
        assert_eq!(
            counts(&store, "2026-11-25"),
            [
                "3-1 absence all  1",
                "3-1 absence reason illness 1",
                "3-1 absence symptom headache 1",
            ]
        );
        let mut cancel = report("CA3", "301", "1", &["2026-11-25"]);
        cancel.correction = Some(Correction::Cancel);
        store.save_report_blocking(&cancel).unwrap();
        assert!(counts(&store, "2026-11-25").is_empty());
        assert_no_drift(&store);
    }

    #[test]
    fn a_staff_correction_moves_the_counts_and_keeps_who_and_when() {
        let (_d, store) = store();
        let saved = store
            .save_report_blocking(&report("CA1", "301", "1", &["2026-11-25", "2026-11-26"]))
            .unwrap();
        let flu = ReportEdit {
            reason: Some("infectious".into()),
            symptom: None,
            temperature: None,
            disease: Some("influenza".into()),
        };
        let edited = store
            .edit_report(
                saved.reference,
                &flu,
                "sumida-daiichi",
                "2026-11-25T01:00:00Z",
            )
            .unwrap()
            .unwrap();
        assert_eq!(edited.days, ["2026-11-25", "2026-11-26"]);
        for day in ["2026-11-25", "2026-11-26"] {
            assert_eq!(
                counts(&store, day),
                [
                    "3-1 absence all  1",
                    "3-1 absence disease influenza 1",
                    "3-1 absence reason infectious 1",
                ]
            );
        }
        let history = store.history(&[saved.reference]).unwrap();
        let edits: Vec<_> = history.iter().filter(|e| e.action == "edited").collect();
        assert_eq!(edits.len(), 2);
        assert_eq!(edits[0].user.as_deref(), Some("sumida-daiichi"));
        assert_eq!(edits[0].at, "2026-11-25T01:00:00Z");
        let detail = edits[0].detail.as_deref().unwrap();
        assert!(detail.contains("\"fever,respiratory\"") && detail.contains("\"influenza\""));
        // The same values again change nothing and leave no history.
        store
            .edit_report(
                saved.reference,
                &flu,
                "sumida-daiichi",
                "2026-11-25T02:00:00Z",
            )
            .unwrap();
        assert_eq!(
            store.history(&[saved.reference]).unwrap().len(),
            history.len()
        );
        assert_no_drift(&store);
    }

    #[test]
    fn a_replaced_report_cannot_be_edited() {
        let (_d, store) = store();
        let first = store
            .save_report_blocking(&report("CA1", "301", "1", &["2026-11-25"]))
            .unwrap();
        let mut second = report("CA2", "301", "1", &["2026-11-25"]);
        second.correction = Some(Correction::Replace);
        store.save_report_blocking(&second).unwrap();
        let before = counts(&store, "2026-11-25");
        let edit = ReportEdit {
            reason: Some("injury".into()),
            ..Default::default()
        };
        assert_eq!(
            store
                .edit_report(first.reference, &edit, "x", "2026-11-25T01:00:00Z")
                .unwrap(),
            None
        );
        assert_eq!(counts(&store, "2026-11-25"), before);
    }

    #[test]
    fn reports_stored_before_the_counts_existed_are_counted_by_the_migration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        store
            .save_report_blocking(&report("CA1", "301", "1", &["2026-11-25"]))
            .unwrap();
        let mut old = report("CA2", "302", "1", &["2026-11-25"]);
        old.symptom = Some("digestive".into());
        store.save_report_blocking(&old).unwrap();
        let expected = counts(&store, "2026-11-25");
        // Back to schema 5 as an older server left it: no counts, no ILI.
        store
            .with(|c| {
                c.execute_batch(
                    "DROP TABLE class_counts; DROP TABLE day_totals; DROP TABLE symptom_words;
                     DROP TABLE alerts;
                     ALTER TABLE reports DROP COLUMN ili;
                     CREATE TABLE ev AS SELECT id, reference, school_day, at, action, call_sid,
                        call_seq, by_reference FROM report_events;
                     DROP TABLE report_events; ALTER TABLE ev RENAME TO report_events;
                     PRAGMA user_version = 5;",
                )
            })
            .unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(counts(&store, "2026-11-25"), expected);
        assert!(expected.contains(&"3-1 absence symptom diarrhoea 1".to_owned()));
        assert!(expected.contains(&"3-1 absence ili  1".to_owned()));
        assert_no_drift(&store);
    }
}
