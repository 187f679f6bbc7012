//! Voice messages on the call log: every recording a call made, with what
//! Twilio said of it (completed, or absent: too short or silent) and the
//! report that holds it, if any. A message left by a caller who hung up
//! before a report was saved is kept here, so the office can hear it and
//! call back, and `purge` can find it.

use std::collections::HashMap;

use rusqlite::{Connection, params};
use serde::Serialize;

use super::calls::CallLog;
use super::{Store, StoreError};

/// One recording as the call log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordingRow {
    pub recording_sid: String,
    pub call_sid: String,
    pub url: Option<String>,
    /// Twilio's last word on it (`completed`, `absent`, `failed`); `None`
    /// until its recording status callback arrives.
    pub status: Option<String>,
    pub duration_secs: Option<i64>,
    /// Twilio's error with `absent`: 16101 too short, 16102 silent.
    pub error_code: Option<String>,
    /// The caller hung up while recording it.
    pub hung_up: bool,
    /// The report that holds it, if one was saved.
    pub reference: Option<u32>,
    /// When the line first heard of it (RFC 3339, UTC).
    pub noted_at: String,
}

/// What the line learnt of a recording, from the Record action (when the
/// caller hung up) or from Twilio's recording status callback. It only
/// fills in or updates what it carries, so the two may arrive in either
/// order, and a retried callback changes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordingNote {
    pub call_sid: String,
    pub recording_sid: String,
    pub url: Option<String>,
    pub status: Option<String>,
    pub duration_secs: Option<i64>,
    pub error_code: Option<String>,
    pub hung_up: bool,
    /// RFC 3339, UTC.
    pub at: String,
}

impl RecordingNote {
    /// Write it on the writer's connection. A report of the call already
    /// holding the recording is linked here; one saved later links itself
    /// (see `reports::insert`).
    pub(super) fn apply(&self, c: &Connection) -> rusqlite::Result<()> {
        c.prepare_cached(
            "INSERT INTO recordings (recording_sid, call_sid, url, status, duration_secs,
                error_code, hung_up, reference, noted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                (SELECT reference FROM reports WHERE call_sid = ?2 AND recording_url = ?3 LIMIT 1),
                ?8)
             ON CONFLICT (recording_sid) DO UPDATE SET
                url = COALESCE(excluded.url, url),
                status = COALESCE(excluded.status, status),
                duration_secs = COALESCE(excluded.duration_secs, duration_secs),
                error_code = COALESCE(excluded.error_code, error_code),
                hung_up = MAX(hung_up, excluded.hung_up),
                reference = COALESCE(reference, excluded.reference)",
        )?
        .execute(params![
            self.recording_sid,
            self.call_sid,
            self.url,
            self.status,
            self.duration_secs,
            self.error_code,
            self.hung_up,
            self.at
        ])?;
        Ok(())
    }
}

/// Link a report just saved to the recording it holds, if the call log
/// already has it (its status callback came first).
pub(super) fn link_report(
    tx: &Connection,
    call_sid: &str,
    url: &str,
    reference: u32,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE recordings SET reference = ?3
         WHERE call_sid = ?1 AND url = ?2 AND reference IS NULL",
    )?
    .execute(params![call_sid, url, reference])?;
    Ok(())
}

const COLUMNS: &str = "recording_sid, call_sid, url, status, duration_secs, error_code, hung_up,
    reference, noted_at";

fn row(r: &rusqlite::Row) -> rusqlite::Result<RecordingRow> {
    Ok(RecordingRow {
        recording_sid: r.get(0)?,
        call_sid: r.get(1)?,
        url: r.get(2)?,
        status: r.get(3)?,
        duration_secs: r.get(4)?,
        error_code: r.get(5)?,
        hung_up: r.get(6)?,
        reference: r.get(7)?,
        noted_at: r.get(8)?,
    })
}

impl Store {
    /// Note what Twilio said of a recording, without waiting for the
    /// commit (a status callback: Twilio is answered at once).
    pub fn log_recording(&self, note: RecordingNote) -> Result<(), StoreError> {
        self.writer.log(CallLog::Recording(note))
    }

    /// Note a recording and answer once it is committed: when the caller
    /// hung up and this request is the last chance to keep it.
    pub fn keep_recording(
        &self,
        note: RecordingNote,
    ) -> impl Future<Output = Result<(), StoreError>> + Send + 'static {
        let done = self.writer.log_then(CallLog::Recording(note));
        async move { done.await.map(drop) }
    }

    /// [`keep_recording`](Self::keep_recording) from blocking code.
    pub fn recording_kept(&self, note: RecordingNote) -> Result<(), StoreError> {
        self.writer.log_blocking(CallLog::Recording(note)).map(drop)
    }

    /// The recordings of one call, oldest first.
    pub fn recordings_of_call(&self, call_sid: &str) -> Result<Vec<RecordingRow>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM recordings WHERE call_sid = ?1 ORDER BY noted_at, rowid"
            ))?;
            let rows = stmt.query_map([call_sid], row)?;
            rows.collect()
        })
    }

    /// The recordings of each of `calls` (calls without any are left out).
    pub fn recordings_of_calls(
        &self,
        calls: &[&str],
    ) -> Result<HashMap<String, Vec<RecordingRow>>, StoreError> {
        let mut out = HashMap::new();
        for sid in calls {
            let found = self.recordings_of_call(sid)?;
            if !found.is_empty() {
                out.insert((*sid).to_owned(), found);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, ReportKind};
    use crate::store::NewReport;

    const URL: &str = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1";

    fn note(status: Option<&str>, hung_up: bool) -> RecordingNote {
        RecordingNote {
            call_sid: "CA1".into(),
            recording_sid: "RE1".into(),
            url: Some(URL.into()),
            status: status.map(str::to_owned),
            duration_secs: status.map(|_| 12),
            hung_up,
            at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    fn report() -> NewReport {
        NewReport {
            call_sid: "CA1".into(),
            student: Some("10203".into()),
            kind: Some(ReportKind::Absence),
            days: vec!["2026-11-25".into()],
            recording_url: Some(URL.into()),
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_action_and_the_callback_make_one_row_in_either_order_and_retries_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        store.recording_kept(note(None, true)).unwrap();
        store
            .recording_kept(note(Some("completed"), false))
            .unwrap();
        store
            .recording_kept(note(Some("completed"), false))
            .unwrap();
        let rows = store.recordings_of_call("CA1").unwrap();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(
            (r.status.as_deref(), r.duration_secs, r.hung_up, r.reference),
            (Some("completed"), Some(12), true, None),
            "the callback does not forget that the caller hung up"
        );
        // The report saved afterwards links itself.
        let saved = store.save_report(&report()).unwrap();
        let rows = store.recordings_of_call("CA1").unwrap();
        assert_eq!(rows[0].reference, Some(saved.reference));
    }

    #[test]
    fn a_callback_after_the_report_links_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let saved = store.save_report(&report()).unwrap();
        let mut absent = note(Some("absent"), false);
        absent.error_code = Some("16102".into());
        store.recording_kept(absent).unwrap();
        let rows = store.recordings_of_call("CA1").unwrap();
        assert_eq!(
            (
                rows[0].reference,
                rows[0].status.as_deref(),
                rows[0].error_code.as_deref()
            ),
            (Some(saved.reference), Some("absent"), Some("16102"))
        );
    }
}
