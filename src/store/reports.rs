//! Saving reports (once, whatever Twilio retries), corrections that keep
//! the history, and reading reports back.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Store, StoreError};

/// What a report does to one the student already has for that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    /// The new report replaces it (it stays, marked replaced).
    Replace,
    /// No new report: the existing one is marked cancelled.
    Cancel,
}

/// A report about to be saved. `call_sid` + `call_seq` identify it: the
/// same pair saved twice (a retried request) is stored once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewReport {
    pub call_sid: String,
    pub call_seq: u32,
    pub student: Option<String>,
    pub grade: Option<String>,
    pub class: Option<String>,
    pub attendance_no: Option<String>,
    pub kind: Option<String>,
    pub reason: Option<String>,
    pub symptom: Option<String>,
    pub disease: Option<String>,
    pub temperature: Option<f64>,
    /// The school days it is for (ISO dates), in order; never empty. Each
    /// day gets its own row under one reference number.
    pub days: Vec<String>,
    pub time: Option<String>,
    pub recording_url: Option<String>,
    pub language: String,
    pub channel: String,
    /// RFC 3339, UTC.
    pub received_at: String,
    pub caller: Option<String>,
    pub correction: Option<Correction>,
}

/// The outcome of a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The new report's reference, or the cancelled one's.
    pub reference: u32,
    /// False when this was a repeat of a request already stored.
    pub new: bool,
}

/// A report the student already has for a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub reference: u32,
    pub kind: Option<String>,
}

/// A stored report row (one school day of a report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRow {
    #[serde(skip)]
    pub id: i64,
    pub reference: u32,
    pub school_day: String,
    pub received_at: String,
    pub student: Option<String>,
    pub grade: Option<String>,
    pub class: Option<String>,
    pub attendance_no: Option<String>,
    pub kind: Option<String>,
    pub reason: Option<String>,
    pub symptom: Option<String>,
    pub temperature: Option<f64>,
    pub disease: Option<String>,
    pub time: Option<String>,
    pub recording_url: Option<String>,
    pub language: String,
    pub channel: String,
    pub caller: Option<String>,
    pub call_sid: String,
    #[serde(skip)]
    pub status: String,
    #[serde(skip)]
    pub replaced_by: Option<u32>,
}

/// One change in a report's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEvent {
    pub reference: u32,
    pub school_day: String,
    pub at: String,
    /// created | replaced | cancelled
    pub action: String,
    pub by_reference: Option<u32>,
}

/// The active reports of a student on a day: usually one or none, but a
/// report for several days can overlap an earlier one for a single day.
/// The newest is picked in Rust, not with `ORDER BY … LIMIT`: with that
/// SQLite re-plans the statement whenever a bound value changes, which made
/// this lookup, made on every call, compile anew each time.
const EXISTING: &str = "SELECT reference, kind FROM reports
    WHERE student = ?1 AND school_day = ?2 AND status = 'active'";

const COLUMNS: &str =
    "id, reference, school_day, received_at, student, grade, class, attendance_no,
    kind, reason, symptom, temperature, disease, time, recording_url, language, channel, caller,
    call_sid, status, replaced_by";

fn row(r: &rusqlite::Row) -> rusqlite::Result<ReportRow> {
    Ok(ReportRow {
        id: r.get(0)?,
        reference: r.get(1)?,
        school_day: r.get(2)?,
        received_at: r.get(3)?,
        student: r.get(4)?,
        grade: r.get(5)?,
        class: r.get(6)?,
        attendance_no: r.get(7)?,
        kind: r.get(8)?,
        reason: r.get(9)?,
        symptom: r.get(10)?,
        temperature: r.get(11)?,
        disease: r.get(12)?,
        time: r.get(13)?,
        recording_url: r.get(14)?,
        language: r.get(15)?,
        channel: r.get(16)?,
        caller: r.get(17)?,
        call_sid: r.get(18)?,
        status: r.get(19)?,
        replaced_by: r.get(20)?,
    })
}

impl Store {
    /// Save `r` and return its reference number (a per-school sequence),
    /// once the transaction holding it is durable on disk. Concurrent saves
    /// share one transaction (see [`writer`](super::writer)). Blocks: call it
    /// from a blocking thread, or use [`submit`](Self::submit) from async code.
    pub fn save_report(&self, r: &NewReport) -> Result<Saved, StoreError> {
        self.writer.save_blocking(r.clone())
    }

    /// Queue `r` for the next group commit; the answer arrives after the
    /// commit.
    pub async fn submit(&self, r: NewReport) -> Result<Saved, StoreError> {
        self.writer.save(r).await
    }

    /// The newest active report `student` already has for `day`, if any
    /// (the one a cancellation cancels): a point read that may run on the
    /// async runtime.
    pub fn existing_report(
        &self,
        student: &str,
        day: &str,
    ) -> Result<Option<Existing>, StoreError> {
        self.read(|c| {
            let mut newest: Option<Existing> = None;
            let mut stmt = c.prepare_cached(EXISTING)?;
            let mut rows = stmt.query(params![student, day])?;
            while let Some(r) = rows.next()? {
                let found = Existing {
                    reference: r.get(0)?,
                    kind: r.get(1)?,
                };
                if newest
                    .as_ref()
                    .is_none_or(|n| found.reference > n.reference)
                {
                    newest = Some(found);
                }
            }
            Ok(newest)
        })
    }

    /// Active reports for school days `from..=to` (ISO dates), in reference
    /// order: what a records system imports.
    pub fn reports_between(&self, from: &str, to: &str) -> Result<Vec<ReportRow>, StoreError> {
        self.select_reports(
            "school_day BETWEEN ?1 AND ?2 AND status = 'active' ORDER BY reference, school_day",
            params![from, to],
        )
    }

    /// Every report row of a school day, replaced and cancelled ones too, by
    /// grade, class and attendance number.
    pub fn reports_on(&self, day: &str) -> Result<Vec<ReportRow>, StoreError> {
        self.select_reports(
            "school_day = ?1 ORDER BY grade IS NULL, CAST(grade AS INTEGER), grade,
                CAST(class AS INTEGER), class, CAST(attendance_no AS INTEGER), reference",
            params![day],
        )
    }

    /// The reports one call made, in order.
    pub fn reports_of_call(&self, call_sid: &str) -> Result<Vec<ReportRow>, StoreError> {
        self.select_reports(
            "call_sid = ?1 ORDER BY reference, school_day",
            params![call_sid],
        )
    }

    /// What happened to reports `references`, oldest first.
    pub fn history(&self, references: &[u32]) -> Result<Vec<ReportEvent>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT reference, school_day, at, action, by_reference FROM report_events
                 WHERE reference = ?1 OR by_reference = ?1 ORDER BY at, id",
            )?;
            let mut out = Vec::new();
            for r in references {
                let rows = stmt.query_map([r], |row| {
                    Ok(ReportEvent {
                        reference: row.get(0)?,
                        school_day: row.get(1)?,
                        at: row.get(2)?,
                        action: row.get(3)?,
                        by_reference: row.get(4)?,
                    })
                })?;
                for e in rows {
                    let e = e?;
                    if !out.contains(&e) {
                        out.push(e);
                    }
                }
            }
            out.sort_by(|a: &ReportEvent, b| a.at.cmp(&b.at));
            Ok(out)
        })
    }

    fn select_reports(
        &self,
        filter: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<ReportRow>, StoreError> {
        self.with(|c| {
            let mut stmt =
                c.prepare_cached(&format!("SELECT {COLUMNS} FROM reports WHERE {filter}"))?;
            let rows = stmt.query_map(args, row)?;
            rows.collect()
        })
    }
}

/// Save `r` inside `tx` (a savepoint of the writer's batch): its rows, its
/// history and the call's tally. A report already saved under the same call
/// and sequence (a retried request) is answered with its reference.
pub(super) fn save_in(tx: &Connection, r: &NewReport) -> rusqlite::Result<Saved> {
    let done: Option<u32> = tx
        .prepare_cached(
            "SELECT reference FROM report_events
             WHERE call_sid = ?1 AND call_seq = ?2 AND action IN ('created', 'cancelled')
             LIMIT 1",
        )?
        .query_row(params![r.call_sid, r.call_seq], |row| row.get(0))
        .optional()?;
    if let Some(reference) = done {
        return Ok(Saved {
            reference,
            new: false,
        });
    }
    let reference = match r.correction {
        Some(Correction::Cancel) => cancel(tx, r)?,
        _ => insert(tx, r)?,
    };
    let Some(reference) = reference else {
        // Nothing to cancel (it was cancelled meanwhile): a repeat of
        // nothing, and the call's tally stays as it is.
        return Ok(Saved {
            reference: 0,
            new: false,
        });
    };
    tx.prepare_cached(
        "INSERT INTO calls (call_sid, started_at, from_number, to_number, language, channel, outcome, reports)
         VALUES (?1, ?2, COALESCE(?3, ''), '', ?4, ?5, 'reported', 1)
         ON CONFLICT (call_sid) DO UPDATE SET
            reports = reports + 1, outcome = 'reported', language = excluded.language",
    )?
    .execute(params![r.call_sid, r.received_at, r.caller, r.language, r.channel])?;
    Ok(Saved {
        reference,
        new: true,
    })
}

/// A new report, one row per day; with `Replace`, the student's active
/// reports on those days are marked replaced by it.
fn insert(tx: &Connection, r: &NewReport) -> rusqlite::Result<Option<u32>> {
    let reference: u32 = tx
        .prepare_cached("SELECT COALESCE(MAX(reference), 0) + 1 FROM reports")?
        .query_row([], |row| row.get(0))?;
    for day in &r.days {
        if let (Some(Correction::Replace), Some(student)) = (r.correction, &r.student) {
            let replaced: Vec<u32> = tx
                .prepare_cached(
                    "UPDATE reports SET status = 'replaced', replaced_by = ?3, changed_at = ?4
                     WHERE student = ?1 AND school_day = ?2 AND status = 'active' RETURNING reference",
                )?
                .query_map(params![student, day, reference, r.received_at], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            for old in replaced {
                event(tx, old, day, r, "replaced", Some(reference))?;
            }
        }
        tx.prepare_cached(
            "INSERT INTO reports (reference, call_sid, call_seq, student, grade, class,
                attendance_no, kind, reason, symptom, disease, temperature, school_day, time,
                recording_url, language, channel, received_at, caller)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?
        .execute(params![
            reference, r.call_sid, r.call_seq, r.student, r.grade, r.class, r.attendance_no,
            r.kind, r.reason, r.symptom, r.disease, r.temperature, day, r.time,
            r.recording_url, r.language, r.channel, r.received_at, r.caller
        ])?;
        event(tx, reference, day, r, "created", None)?;
    }
    Ok(Some(reference))
}

/// Mark the student's active report on the first day cancelled.
fn cancel(tx: &Connection, r: &NewReport) -> rusqlite::Result<Option<u32>> {
    let (Some(student), Some(day)) = (&r.student, r.days.first()) else {
        return Ok(None);
    };
    let cancelled: Option<u32> = tx
        .query_row(
            "UPDATE reports SET status = 'cancelled', changed_at = ?3
             WHERE id = (SELECT id FROM reports WHERE student = ?1 AND school_day = ?2 AND status = 'active'
                         ORDER BY reference DESC LIMIT 1)
             RETURNING reference",
            params![student, day, r.received_at],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(reference) = cancelled {
        event(tx, reference, day, r, "cancelled", None)?;
    }
    Ok(cancelled)
}

fn event(
    tx: &Connection,
    reference: u32,
    day: &str,
    r: &NewReport,
    action: &str,
    by: Option<u32>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO report_events (reference, school_day, at, action, call_sid, call_seq, by_reference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![reference, day, r.received_at, action, r.call_sid, r.call_seq, by])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(sid: &str, seq: u32, days: &[&str]) -> NewReport {
        NewReport {
            call_sid: sid.into(),
            call_seq: seq,
            student: Some("10203".into()),
            kind: Some("absence".into()),
            reason: Some("illness".into()),
            symptom: Some("fever".into()),
            temperature: Some(38.5),
            days: days.iter().map(|d| d.to_string()).collect(),
            language: "ja".into(),
            channel: "twilio".into(),
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        (dir, store)
    }

    #[test]
    fn saves_once_per_call_and_sequence_with_increasing_references() {
        let (_d, store) = store();
        let a = store
            .save_report(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        let again = store
            .save_report(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        let b = store
            .save_report(&report("CA1", 1, &["2026-11-26"]))
            .unwrap();
        assert_eq!(
            a,
            Saved {
                reference: 1,
                new: true
            }
        );
        assert_eq!(
            again,
            Saved {
                reference: 1,
                new: false
            }
        );
        assert_eq!(
            b,
            Saved {
                reference: 2,
                new: true
            }
        );
        let rows = store.reports_between("2026-11-25", "2026-11-25").unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].temperature, Some(38.5));
        assert!(
            store
                .reports_between("2026-11-27", "2026-11-30")
                .unwrap()
                .is_empty()
        );
        let calls = store
            .calls_between("2026-11-24T00:00:00Z", "2026-11-26T00:00:00Z")
            .unwrap();
        assert_eq!(calls[0].reports, 2);
    }

    #[test]
    fn several_days_share_one_reference() {
        let (_d, store) = store();
        let s = store
            .save_report(&report(
                "CA1",
                0,
                &["2026-11-27", "2026-11-30", "2026-12-01"],
            ))
            .unwrap();
        let rows = store.reports_between("2026-11-01", "2026-12-31").unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| (r.reference, r.school_day.as_str()))
                .collect::<Vec<_>>(),
            [
                (s.reference, "2026-11-27"),
                (s.reference, "2026-11-30"),
                (s.reference, "2026-12-01")
            ]
        );
    }

    #[test]
    fn replace_and_cancel_keep_the_history() {
        let (_d, store) = store();
        store
            .save_report(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        assert_eq!(
            store
                .existing_report("10203", "2026-11-25")
                .unwrap()
                .unwrap()
                .reference,
            1
        );
        let mut late = report("CA2", 0, &["2026-11-25"]);
        late.kind = Some("late".into());
        late.correction = Some(Correction::Replace);
        late.received_at = "2026-11-24T23:00:00Z".into();
        assert_eq!(store.save_report(&late).unwrap().reference, 2);
        let day = store.reports_on("2026-11-25").unwrap();
        assert_eq!(
            day.iter()
                .map(|r| (r.reference, r.status.as_str()))
                .collect::<Vec<_>>(),
            [(1, "replaced"), (2, "active")]
        );
        assert_eq!(day[0].replaced_by, Some(2));
        let mut cancel = report("CA3", 0, &["2026-11-25"]);
        cancel.correction = Some(Correction::Cancel);
        cancel.received_at = "2026-11-24T23:30:00Z".into();
        assert_eq!(
            store.save_report(&cancel).unwrap(),
            Saved {
                reference: 2,
                new: true
            }
        );
        assert_eq!(
            store.save_report(&cancel).unwrap(),
            Saved {
                reference: 2,
                new: false
            },
            "a retry is a repeat"
        );
        assert!(
            store
                .existing_report("10203", "2026-11-25")
                .unwrap()
                .is_none()
        );
        assert!(
            store
                .reports_between("2026-11-25", "2026-11-25")
                .unwrap()
                .is_empty(),
            "exports hold active reports only"
        );
        let history: Vec<(u32, String)> = store
            .history(&[1, 2])
            .unwrap()
            .into_iter()
            .map(|e| (e.reference, e.action))
            .collect();
        assert_eq!(
            history,
            [
                (1, "created".into()),
                (1, "replaced".into()),
                (2, "created".into()),
                (2, "cancelled".into())
            ]
        );
        assert_eq!(
            store.reports_on("2026-11-25").unwrap().len(),
            2,
            "nothing is deleted"
        );
    }

    #[test]
    fn survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        Store::open(&path)
            .unwrap()
            .save_report(&report("CA9", 0, &["2026-11-25"]))
            .unwrap();
        let rows = Store::open(&path)
            .unwrap()
            .reports_between("2026-01-01", "2026-12-31")
            .unwrap();
        assert_eq!(rows.len(), 1);
    }

    /// A report for several days can overlap an earlier one for one of
    /// them; the caller must hear the report a cancellation would cancel.
    #[test]
    fn the_existing_report_is_the_newest_the_one_a_cancel_cancels() {
        let (_d, store) = store();
        let mut late = report("CA1", 0, &["2026-11-26"]);
        late.kind = Some("late".into());
        let first = store.save_report(&late).unwrap().reference;
        let absent = report("CA2", 0, &["2026-11-25", "2026-11-26", "2026-11-27"]);
        let second = store.save_report(&absent).unwrap().reference;
        assert!(second > first);
        let existing = store
            .existing_report("10203", "2026-11-26")
            .unwrap()
            .unwrap();
        assert_eq!(
            (existing.reference, existing.kind.as_deref()),
            (second, Some("absence"))
        );
        let mut cancel = report("CA3", 0, &["2026-11-26"]);
        cancel.correction = Some(Correction::Cancel);
        let cancelled = store.save_report(&cancel).unwrap().reference;
        assert_eq!(cancelled, existing.reference, "the report the caller heard");
    }

    /// The lookup every call makes is compiled once per connection, not on
    /// every call (an `ORDER BY … LIMIT` made SQLite re-plan it whenever the
    /// student or day changed).
    #[test]
    fn the_existing_report_lookup_is_not_recompiled_per_call() {
        let (_d, store) = store();
        store
            .save_report(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        for (student, day) in [
            ("10203", "2026-11-25"),
            ("99999", "2026-11-26"),
            ("10203", "2026-11-27"),
        ] {
            store.existing_report(student, day).unwrap();
        }
        let reprepared = store
            .read(|c| {
                let s = c.prepare_cached(EXISTING)?;
                Ok(s.get_status(rusqlite::StatementStatus::RePrepare))
            })
            .unwrap();
        assert_eq!(reprepared, 0);
        assert_eq!(
            store
                .existing_report("10203", "2026-11-25")
                .unwrap()
                .map(|e| e.reference),
            Some(1)
        );
    }
}
