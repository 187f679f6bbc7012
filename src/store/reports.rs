//! Saving reports (once, whatever Twilio retries) and reading them back.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Store, StoreError};

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
    pub school_day: String,
    pub time: Option<String>,
    pub recording_url: Option<String>,
    pub language: String,
    pub channel: String,
    /// RFC 3339, UTC.
    pub received_at: String,
    pub caller: Option<String>,
}

/// The outcome of a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub reference: u32,
    /// False when this was a repeat of a report already stored.
    pub new: bool,
}

/// A stored report, as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRow {
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
}

impl Store {
    /// Save `r` in one transaction, together with the call's tally, and
    /// return its reference number (a per-school sequence). Returns once the
    /// transaction is durable on disk.
    pub fn save_report(&self, r: &NewReport) -> Result<Saved, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            let existing: Option<u32> = tx
                .query_row(
                    "SELECT reference FROM reports WHERE call_sid = ?1 AND call_seq = ?2",
                    params![r.call_sid, r.call_seq],
                    |row| row.get(0),
                )
                .optional()?;
            if let Some(reference) = existing {
                return Ok(Saved { reference, new: false });
            }
            let reference: u32 = tx.query_row(
                "SELECT COALESCE(MAX(reference), 0) + 1 FROM reports",
                [],
                |row| row.get(0),
            )?;
            tx.execute(
                "INSERT INTO reports (reference, call_sid, call_seq, student, grade, class,
                    attendance_no, kind, reason, symptom, disease, temperature, school_day, time,
                    recording_url, language, channel, received_at, caller)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                params![
                    reference, r.call_sid, r.call_seq, r.student, r.grade, r.class, r.attendance_no,
                    r.kind, r.reason, r.symptom, r.disease, r.temperature, r.school_day, r.time,
                    r.recording_url, r.language, r.channel, r.received_at, r.caller
                ],
            )?;
            tx.execute(
                "INSERT INTO calls (call_sid, started_at, from_number, to_number, language, channel, outcome, reports)
                 VALUES (?1, ?2, COALESCE(?3, ''), '', ?4, ?5, 'reported', 1)
                 ON CONFLICT (call_sid) DO UPDATE SET
                    reports = reports + 1, outcome = 'reported', language = excluded.language",
                params![r.call_sid, r.received_at, r.caller, r.language, r.channel],
            )?;
            tx.commit()?;
            Ok(Saved { reference, new: true })
        })
    }

    /// Reports for school days `from..=to` (ISO dates), in reference order.
    pub fn reports_between(&self, from: &str, to: &str) -> Result<Vec<ReportRow>, StoreError> {
        self.select_reports("school_day BETWEEN ?1 AND ?2", params![from, to])
    }

    /// The reports one call made, in order.
    pub fn reports_of_call(&self, call_sid: &str) -> Result<Vec<ReportRow>, StoreError> {
        self.select_reports("call_sid = ?1", params![call_sid])
    }

    fn select_reports(
        &self,
        filter: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<ReportRow>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT reference, school_day, received_at, student, grade, class, attendance_no,
                        kind, reason, symptom, temperature, disease, time, recording_url, language,
                        channel, caller, call_sid
                 FROM reports WHERE {filter} ORDER BY reference"
            ))?;
            let rows = stmt.query_map(args, |row| {
                Ok(ReportRow {
                    reference: row.get(0)?,
                    school_day: row.get(1)?,
                    received_at: row.get(2)?,
                    student: row.get(3)?,
                    grade: row.get(4)?,
                    class: row.get(5)?,
                    attendance_no: row.get(6)?,
                    kind: row.get(7)?,
                    reason: row.get(8)?,
                    symptom: row.get(9)?,
                    temperature: row.get(10)?,
                    disease: row.get(11)?,
                    time: row.get(12)?,
                    recording_url: row.get(13)?,
                    language: row.get(14)?,
                    channel: row.get(15)?,
                    caller: row.get(16)?,
                    call_sid: row.get(17)?,
                })
            })?;
            rows.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(sid: &str, seq: u32) -> NewReport {
        NewReport {
            call_sid: sid.into(),
            call_seq: seq,
            student: Some("10203".into()),
            kind: Some("absence".into()),
            reason: Some("illness".into()),
            symptom: Some("fever".into()),
            temperature: Some(38.5),
            school_day: "2026-11-25".into(),
            language: "ja".into(),
            channel: "twilio".into(),
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    #[test]
    fn saves_once_per_call_and_sequence_with_increasing_references() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let a = store.save_report(&report("CA1", 0)).unwrap();
        let again = store.save_report(&report("CA1", 0)).unwrap();
        let b = store.save_report(&report("CA1", 1)).unwrap();
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
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].temperature, Some(38.5));
        assert!(
            store
                .reports_between("2026-11-26", "2026-11-30")
                .unwrap()
                .is_empty()
        );
        let calls = store
            .calls_between("2026-11-24T00:00:00Z", "2026-11-26T00:00:00Z")
            .unwrap();
        assert_eq!(calls[0].reports, 2);
    }

    #[test]
    fn survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        Store::open(&path)
            .unwrap()
            .save_report(&report("CA9", 0))
            .unwrap();
        let rows = Store::open(&path)
            .unwrap()
            .reports_between("2026-01-01", "2026-12-31")
            .unwrap();
        assert_eq!(rows.len(), 1);
    }
}
