//! Many reports at once, for demo data and benchmarks. Each is saved by the
//! very code a call's save runs ([`reports::save_in`]), so everything a
//! save keeps up to date (rows per day, corrections with their history, the
//! call log, the counts) comes out exactly as if the reports had been
//! phoned in one by one; only the transactions are bigger, thousands of
//! reports each instead of one group commit a moment, and the counts'
//! changes are gathered per transaction as the writer gathers them per
//! batch.

use rusqlite::TransactionBehavior;

use super::calls::CallLog;
use super::counts::Deltas;
use super::reports::{self, NewReport, Saved};
use super::{Store, StoreError};

/// Reports per transaction: big enough that the commit's fsync costs
/// nothing per report, small enough that the WAL stays modest.
const CHUNK: usize = 5_000;

/// The page cache while [`Store::filling`] runs (negative: in KiB).
const FILLING_CACHE_KIB: i64 = -65_536;

impl Store {
    /// Save `reports` in order, as the line would have saved them, and end
    /// each report's call as Twilio's status callback would (`completed`,
    /// at the report's time). What each save gave, in the same order. A
    /// report already saved (the same call and sequence) is a repeat, as on
    /// the line. On an error, the chunk that failed is rolled back and the
    /// chunks before it stay. Blocks: run it on a blocking thread.
    pub fn import_reports(&self, reports: &[NewReport]) -> Result<Vec<Saved>, StoreError> {
        let mut saved = Vec::with_capacity(reports.len());
        for chunk in reports.chunks(CHUNK) {
            let done = self.with(|c| {
                let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let mut done = Vec::with_capacity(chunk.len());
                let mut deltas = Deltas::default();
                for r in chunk {
                    done.push(reports::save_in(&tx, r, &mut deltas)?);
                    CallLog::Ended {
                        call_sid: r.call_sid.clone(),
                        status: "completed".to_owned(),
                        duration_secs: None,
                        at: r.received_at.clone(),
                        from: r.caller.clone().unwrap_or_default(),
                        to: String::new(),
                        channel: r.channel,
                    }
                    .apply(&tx)?;
                }
                deltas.apply(&tx)?;
                tx.commit()?;
                Ok(done)
            })?;
            saved.extend(done);
        }
        Ok(saved)
    }

    /// Run `fill` (imports, staff edits: anything on the main connection)
    /// with its commits not waiting for the disk, then sync once and fold
    /// the grown WAL into the file. Only for a store being filled from
    /// scratch, such as demo data: a crash of the machine meanwhile may
    /// lose those commits (never the file), and the filling is simply run
    /// again; thousands of small commits (each staff edit is one) would
    /// otherwise each wait for an fsync.
    pub fn filling<T>(
        &self,
        fill: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // And a page cache that holds a whole chunk, and statement
        // journals (an UPDATE of several rows inside a transaction keeps
        // one) in memory, not written to a temporary file page by page.
        let (cache, temp): (i64, i64) = self.with(|c| {
            c.pragma_update(None, "synchronous", "OFF")?;
            let cache = c.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
            let temp = c.query_row("PRAGMA temp_store", [], |r| r.get(0))?;
            c.pragma_update(None, "cache_size", FILLING_CACHE_KIB)?;
            c.pragma_update(None, "temp_store", "MEMORY")?;
            Ok((cache, temp))
        })?;
        let filled = fill(self);
        // FULL again before the checkpoint, so that it syncs the file.
        self.with(|c| {
            c.pragma_update(None, "cache_size", cache)?;
            c.pragma_update(None, "temp_store", temp)?;
            c.pragma_update(None, "synchronous", "FULL")?;
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        })?;
        filled
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, Correction, ReportKind};

    fn report(sid: &str, student: &str, day: &str, at: &str) -> NewReport {
        NewReport {
            call_sid: sid.into(),
            student: Some(student.into()),
            kind: Some(ReportKind::Absence),
            reason: Some("illness".into()),
            symptom: Some("fever".into()),
            temperature: Some(38.2),
            days: vec![day.into()],
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: at.into(),
            caller: Some("+819000001234".into()),
            ..Default::default()
        }
    }

    /// A bulk import leaves the store as the same saves one by one do:
    /// references, statuses, history and the call log.
    #[test]
    fn an_import_stores_what_saves_one_by_one_store() {
        let mut replace = report("CA3", "10203", "2026-11-25", "2026-11-24T22:40:00Z");
        replace.kind = Some(ReportKind::Late);
        replace.correction = Some(Correction::Replace);
        let mut cancel = report("CA4", "30412", "2026-11-25", "2026-11-24T22:50:00Z");
        cancel.correction = Some(Correction::Cancel);
        let reports = [
            report("CA1", "10203", "2026-11-25", "2026-11-24T22:00:00Z"),
            report("CA2", "30412", "2026-11-25", "2026-11-24T22:10:00Z"),
            replace,
            cancel,
        ];
        let dir = tempfile::tempdir().unwrap();
        let bulk = Store::open(&dir.path().join("bulk.sqlite")).unwrap();
        let one = Store::open(&dir.path().join("one.sqlite")).unwrap();
        let saved = bulk.import_reports(&reports).unwrap();
        let each: Vec<Saved> = reports
            .iter()
            .map(|r| one.save_report(r).unwrap())
            .collect();
        assert_eq!(saved, each);
        let look = |s: &Store| {
            let rows: Vec<(u32, String, String)> = s
                .reports_on("2026-11-25")
                .unwrap()
                .into_iter()
                .map(|r| (r.reference, r.status, r.kind.unwrap_or_default()))
                .collect();
            let history: Vec<(u32, String)> = s
                .history(&[1, 2, 3])
                .unwrap()
                .into_iter()
                .map(|e| (e.reference, e.action))
                .collect();
            (rows, history)
        };
        assert_eq!(look(&bulk), look(&one));
        // The counts, as live saves keep them.
        let counts = |s: &Store| {
            let mut c = s.class_counts("2026-11-25", "2026-11-25").unwrap();
            c.sort_by(|a, b| (&a.kind, &a.dim, &a.value).cmp(&(&b.kind, &b.dim, &b.value)));
            (c, s.day_totals("2026-11-25", "2026-11-25").unwrap().len())
        };
        assert_eq!(counts(&bulk), counts(&one));
        assert!(!counts(&bulk).0.is_empty());
        assert_eq!(
            look(&bulk).0,
            [
                (1, "replaced".into(), "absence".into()),
                (2, "cancelled".into(), "absence".into()),
                (3, "active".into(), "late".into())
            ]
        );
        let calls = bulk.calls_between("2026", "2027").unwrap();
        assert_eq!(calls.len(), 4);
        assert!(
            calls
                .iter()
                .all(|c| c.outcome == "reported" && c.status.as_deref() == Some("completed"))
        );
        // Again: every one a repeat, nothing added.
        let again = bulk.import_reports(&reports).unwrap();
        assert!(again.iter().all(|s| !s.new));
        assert_eq!(bulk.reports_on("2026-11-25").unwrap().len(), 3);
    }

    /// A store filled without waiting for the disk is synced again after,
    /// with everything in the file and the WAL empty.
    #[test]
    fn filling_ends_synced_with_the_wal_folded_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        let during = store
            .filling(|s| {
                s.import_reports(&[report("CA1", "10203", "2026-11-25", "2026-11-24T22:00:00Z")])?;
                s.with(|c| c.query_row("PRAGMA synchronous", [], |r| r.get::<_, i64>(0)))
            })
            .unwrap();
        assert_eq!(during, 0, "OFF while filling");
        let after: i64 = store
            .with(|c| c.query_row("PRAGMA synchronous", [], |r| r.get(0)))
            .unwrap();
        assert_eq!(after, 2, "FULL again");
        let wal = std::fs::metadata(dir.path().join("s.sqlite-wal")).map_or(0, |m| m.len());
        assert_eq!(wal, 0);
        assert_eq!(store.reports_on("2026-11-25").unwrap().len(), 1);
    }
}
