//! Saving reports (once, whatever Twilio retries), corrections that keep
//! the history, and reading reports back.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::counts::{COUNTED, Counted, Deltas};
use super::{Store, StoreError};
use crate::domain::{Channel, Correction, ReportKind, Symptoms};

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
    pub kind: Option<ReportKind>,
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
    pub channel: Channel,
    /// RFC 3339, UTC.
    pub received_at: String,
    pub caller: Option<String>,
    pub correction: Option<Correction>,
    /// Saved without the caller's confirmation: they hung up while
    /// recording a message, with the report otherwise complete. The office
    /// should call back.
    pub unconfirmed: bool,
}

/// The outcome of a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The new report's reference, or the cancelled one's.
    pub reference: u32,
    /// False when this was a repeat of a request already stored.
    pub new: bool,
}

/// A report the student already has on one of the days asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub reference: u32,
    pub kind: Option<String>,
    /// The first of the days asked about that it covers.
    pub school_day: String,
    /// The number it was reported from (empty when withheld): a caller
    /// recognised only by their number is shown no other caller's report.
    pub caller: String,
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
    /// See [`NewReport::unconfirmed`].
    #[serde(skip)]
    pub unconfirmed: bool,
}

/// One change in a report's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEvent {
    pub reference: u32,
    pub school_day: String,
    pub at: String,
    /// created | replaced | cancelled | edited
    pub action: String,
    pub by_reference: Option<u32>,
    /// The staff account that made an edit.
    pub user: Option<String>,
    /// An edit's values before and after, as JSON.
    pub detail: Option<String>,
}

/// The active reports of a student from one day to another: one range
/// scan of the `(student, school_day)` index, whatever the number of days
/// a report covers. Sorted and filtered to the report's own days in Rust,
/// not with `ORDER BY … LIMIT` or `IN (…)`: with those SQLite re-plans (or
/// compiles anew) the statement whenever the bound values change, and this
/// lookup is made on every call.
const EXISTING: &str = "SELECT reference, kind, school_day, caller FROM reports
    WHERE student = ?1 AND school_day BETWEEN ?2 AND ?3 AND status = 'active'";

const COLUMNS: &str =
    "id, reference, school_day, received_at, student, grade, class, attendance_no,
    kind, reason, symptom, temperature, disease, time, recording_url, language, channel, caller,
    call_sid, status, replaced_by, unconfirmed";

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
        unconfirmed: r.get(21)?,
    })
}

impl Store {
    /// Save `r` and return its reference number (a per-school sequence),
    /// once the transaction holding it is durable on disk. Concurrent saves
    /// share one transaction (see [`writer`](super::writer)). Blocks: call it
    /// from a blocking thread, or use [`save_report`](Self::save_report) from
    /// async code.
    pub fn save_report_blocking(&self, r: &NewReport) -> Result<Saved, StoreError> {
        self.writer.save_blocking(r.clone())
    }

    /// Queue `r` for the next group commit; the answer arrives after the
    /// commit.
    pub async fn save_report(&self, r: NewReport) -> Result<Saved, StoreError> {
        self.writer.save(r).await
    }

    /// The active reports `student` already has on any of `days` (ISO
    /// dates, in order), each once: by the first of `days` it covers, the
    /// newest first on the same day. Replacing or cancelling acts on all of
    /// them. A point read that may run on the async runtime.
    pub fn existing_reports(
        &self,
        student: &str,
        days: &[String],
    ) -> Result<Vec<Existing>, StoreError> {
        let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) else {
            return Ok(Vec::new());
        };
        let mut found: Vec<Existing> = self.read(|c| {
            let mut stmt = c.prepare_cached(EXISTING)?;
            let rows = stmt.query_map(params![student, first, last], |r| {
                Ok(Existing {
                    reference: r.get(0)?,
                    kind: r.get(1)?,
                    school_day: r.get(2)?,
                    // Reports saved without a number have none.
                    caller: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        // Only the report's own days: a row between them on a day it
        // skips (a holiday added since) is not in the way.
        found.retain(|e| days.contains(&e.school_day));
        found.sort_by(|a, b| (&a.school_day, b.reference).cmp(&(&b.school_day, a.reference)));
        let mut seen = Vec::with_capacity(found.len());
        found.retain(|e| {
            let first_time = !seen.contains(&e.reference);
            seen.push(e.reference);
            first_time
        });
        Ok(found)
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

    /// Every row of report `reference` (one per school day it covers,
    /// whatever its status), by day: what the staff's correction form shows.
    pub fn report_rows(&self, reference: u32) -> Result<Vec<ReportRow>, StoreError> {
        self.select_reports("reference = ?1 ORDER BY school_day", params![reference])
    }

    /// What happened to reports `references`, oldest first.
    pub fn history(&self, references: &[u32]) -> Result<Vec<ReportEvent>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT reference, school_day, at, action, by_reference, user, detail FROM report_events
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
                        user: row.get(5)?,
                        detail: row.get(6)?,
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
///
/// What it changes in the counts is added to `deltas`, for the caller to
/// apply before it commits (see [`counts`](super::counts)).
pub(super) fn save_in(
    tx: &Connection,
    r: &NewReport,
    deltas: &mut Deltas,
) -> rusqlite::Result<Saved> {
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
        Some(Correction::Cancel) => cancel(tx, r, deltas)?,
        _ => insert(tx, r, deltas)?,
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
    .execute(params![r.call_sid, r.received_at, r.caller, r.language, r.channel.as_str()])?;
    Ok(Saved {
        reference,
        new: true,
    })
}

/// A new report, one row per day; with `Replace`, the student's active
/// reports on those days are marked replaced by it.
fn insert(tx: &Connection, r: &NewReport, deltas: &mut Deltas) -> rusqlite::Result<Option<u32>> {
    // Derived here, once, so that every path that stores a report counts
    // influenza-like illness the same way (see `store::counts`).
    let ili = is_ili(r.symptom.as_deref(), r.temperature);
    let reference: u32 = tx
        .prepare_cached("SELECT COALESCE(MAX(reference), 0) + 1 FROM reports")?
        .query_row([], |row| row.get(0))?;
    for day in &r.days {
        if let (Some(Correction::Replace), Some(student)) = (r.correction, &r.student) {
            let replaced: Vec<(u32, Counted)> = tx
                .prepare_cached(&format!(
                    "UPDATE reports SET status = 'replaced', replaced_by = ?3, changed_at = ?4
                     WHERE student = ?1 AND school_day = ?2 AND status = 'active'
                     RETURNING reference, {COUNTED}"
                ))?
                .query_map(params![student, day, reference, r.received_at], |row| {
                    Ok((row.get(0)?, Counted::read(row, 1)?))
                })?
                .collect::<Result<_, _>>()?;
            for (old, counted) in replaced {
                deltas.add(&counted, -1);
                event(tx, old, day, r, "replaced", Some(reference))?;
            }
        }
        tx.prepare_cached(
            "INSERT INTO reports (reference, call_sid, call_seq, student, grade, class,
                attendance_no, kind, reason, symptom, disease, temperature, school_day, time,
                recording_url, language, channel, received_at, caller, unconfirmed, ili)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
        )?
        .execute(params![
            reference, r.call_sid, r.call_seq, r.student, r.grade, r.class, r.attendance_no,
            r.kind.map(ReportKind::as_str), r.reason, r.symptom, r.disease, r.temperature, day,
            r.time, r.recording_url, r.language, r.channel.as_str(), r.received_at, r.caller, r.unconfirmed, ili
        ])?;
        deltas.add(
            &Counted {
                school_day: day.clone(),
                grade: r.grade.clone(),
                class: r.class.clone(),
                kind: r.kind.map(|k| k.as_str().to_owned()),
                reason: r.reason.clone(),
                symptom: r.symptom.clone(),
                disease: r.disease.clone(),
                ili,
            },
            1,
        );
        event(tx, reference, day, r, "created", None)?;
    }
    if let Some(url) = &r.recording_url {
        super::recordings::link_report(tx, &r.call_sid, url, reference)?;
    }
    Ok(Some(reference))
}

/// Mark cancelled every active report of the student on the report's days
/// (what the caller heard in the lookup); the newest one's reference.
fn cancel(tx: &Connection, r: &NewReport, deltas: &mut Deltas) -> rusqlite::Result<Option<u32>> {
    let Some(student) = &r.student else {
        return Ok(None);
    };
    let mut newest: Option<u32> = None;
    for day in &r.days {
        let cancelled: Vec<(u32, Counted)> = tx
            .prepare_cached(&format!(
                "UPDATE reports SET status = 'cancelled', changed_at = ?3
                 WHERE student = ?1 AND school_day = ?2 AND status = 'active'
                 RETURNING reference, {COUNTED}"
            ))?
            .query_map(params![student, day, r.received_at], |row| {
                Ok((row.get(0)?, Counted::read(row, 1)?))
            })?
            .collect::<Result<_, _>>()?;
        for (reference, counted) in cancelled {
            deltas.add(&counted, -1);
            event(tx, reference, day, r, "cancelled", None)?;
            newest = newest.max(Some(reference));
        }
    }
    Ok(newest)
}

/// Influenza-like illness from a stored symptom list and temperature.
pub(super) fn is_ili(symptom: Option<&str>, temperature: Option<f64>) -> bool {
    symptom.is_some_and(|s| Symptoms::parse(s).is_ili(temperature))
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
    use crate::domain::{Channel, Correction, ReportKind};

    fn report(sid: &str, seq: u32, days: &[&str]) -> NewReport {
        NewReport {
            call_sid: sid.into(),
            call_seq: seq,
            student: Some("10203".into()),
            kind: Some(ReportKind::Absence),
            reason: Some("illness".into()),
            symptom: Some("fever".into()),
            temperature: Some(38.5),
            days: days.iter().map(|d| d.to_string()).collect(),
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        (dir, store)
    }

    /// Student 10203's active reports on `days`: (reference, first day).
    fn existing(store: &Store, days: &[&str]) -> Vec<(u32, String)> {
        let days: Vec<String> = days.iter().map(|d| d.to_string()).collect();
        store
            .existing_reports("10203", &days)
            .unwrap()
            .into_iter()
            .map(|e| (e.reference, e.school_day))
            .collect()
    }

    #[test]
    fn saves_once_per_call_and_sequence_with_increasing_references() {
        let (_d, store) = store();
        let a = store
            .save_report_blocking(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        let again = store
            .save_report_blocking(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        let b = store
            .save_report_blocking(&report("CA1", 1, &["2026-11-26"]))
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
            .save_report_blocking(&report(
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
            .save_report_blocking(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        assert_eq!(
            existing(&store, &["2026-11-25"]),
            [(1, "2026-11-25".into())]
        );
        let mut late = report("CA2", 0, &["2026-11-25"]);
        late.kind = Some(ReportKind::Late);
        late.correction = Some(Correction::Replace);
        late.received_at = "2026-11-24T23:00:00Z".into();
        assert_eq!(store.save_report_blocking(&late).unwrap().reference, 2);
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
            store.save_report_blocking(&cancel).unwrap(),
            Saved {
                reference: 2,
                new: true
            }
        );
        assert_eq!(
            store.save_report_blocking(&cancel).unwrap(),
            Saved {
                reference: 2,
                new: false
            },
            "a retry is a repeat"
        );
        assert!(existing(&store, &["2026-11-25"]).is_empty());
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
            .save_report_blocking(&report("CA9", 0, &["2026-11-25"]))
            .unwrap();
        let rows = Store::open(&path)
            .unwrap()
            .reports_between("2026-01-01", "2026-12-31")
            .unwrap();
        assert_eq!(rows.len(), 1);
    }

    /// A report for several days is checked on each of them: every earlier
    /// report it overlaps is found once, on the first day they share, and
    /// a cancellation cancels all of them on those days (what the caller
    /// heard), leaving their other days alone.
    #[test]
    fn every_day_of_a_report_is_checked_and_a_cancel_cancels_all_it_found() {
        let (_d, store) = store();
        let mut late = report("CA1", 0, &["2026-11-26"]);
        late.kind = Some(ReportKind::Late);
        let late = store.save_report_blocking(&late).unwrap().reference;
        let long = report("CA2", 0, &["2026-11-27", "2026-11-30"]);
        let long = store.save_report_blocking(&long).unwrap().reference;
        let mut other = report("CA3", 0, &["2026-11-26"]);
        other.student = Some("30412".into());
        store.save_report_blocking(&other).unwrap();
        assert_eq!(
            existing(&store, &["2026-11-25", "2026-11-26", "2026-11-27"]),
            [(late, "2026-11-26".into()), (long, "2026-11-27".into())],
            "each earlier report once, by the first day it shares"
        );
        assert!(
            existing(&store, &["2026-11-25", "2026-12-01"]).is_empty(),
            "a day between the report's days is not one of them"
        );
        let mut cancel = report("CA4", 0, &["2026-11-25", "2026-11-26", "2026-11-27"]);
        cancel.correction = Some(Correction::Cancel);
        let cancelled = store.save_report_blocking(&cancel).unwrap();
        assert_eq!(
            cancelled,
            Saved {
                reference: long,
                new: true
            }
        );
        assert_eq!(
            existing(&store, &["2026-11-26", "2026-11-27", "2026-11-30"]),
            [(long, "2026-11-30".into())],
            "the later report's day outside this one stays"
        );
        let history: Vec<(u32, String, String)> = store
            .history(&[late, long])
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "cancelled")
            .map(|e| (e.reference, e.school_day, e.action))
            .collect();
        assert_eq!(
            history,
            [
                (late, "2026-11-26".into(), "cancelled".into()),
                (long, "2026-11-27".into(), "cancelled".into())
            ]
        );
    }

    /// With several active reports on one day (made before every day was
    /// checked), the newest comes first: the one the caller hears about.
    #[test]
    fn on_one_day_the_newest_report_comes_first() {
        let (_d, store) = store();
        let mut late = report("CA1", 0, &["2026-11-26"]);
        late.kind = Some(ReportKind::Late);
        let first = store.save_report_blocking(&late).unwrap().reference;
        let absent = report("CA2", 0, &["2026-11-25", "2026-11-26", "2026-11-27"]);
        let second = store.save_report_blocking(&absent).unwrap().reference;
        assert!(second > first);
        assert_eq!(
            existing(&store, &["2026-11-26"]),
            [(second, "2026-11-26".into()), (first, "2026-11-26".into())]
        );
    }

    /// The lookup every call makes is compiled once per connection, not on
    /// every call (an `ORDER BY … LIMIT` made SQLite re-plan it whenever the
    /// student or day changed).
    #[test]
    fn the_existing_report_lookup_is_not_recompiled_per_call() {
        let (_d, store) = store();
        store
            .save_report_blocking(&report("CA1", 0, &["2026-11-25"]))
            .unwrap();
        for (student, days) in [
            ("10203", ["2026-11-25", "2026-11-26"]),
            ("99999", ["2026-11-26", "2026-11-27"]),
            ("10203", ["2026-11-27", "2026-11-30"]),
        ] {
            store
                .existing_reports(student, &days.map(String::from))
                .unwrap();
        }
        let reprepared = store
            .read(|c| {
                let s = c.prepare_cached(EXISTING)?;
                Ok(s.get_status(rusqlite::StatementStatus::RePrepare))
            })
            .unwrap();
        assert_eq!(reprepared, 0);
        assert_eq!(
            existing(&store, &["2026-11-25"]),
            [(1, "2026-11-25".into())]
        );
    }
}
