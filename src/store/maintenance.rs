//! Operations on a whole store: an online backup into one self-contained
//! file while the line keeps answering, and the retention purge that
//! removes caller numbers and recording links past a given time while
//! keeping the anonymous report rows for statistics.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, ffi};

use super::{Store, StoreError, sqlite_err};

/// Pages copied per backup step (1 MiB with 4 KiB pages)…
const STEP_PAGES: i32 = 256;
/// …and the pause between steps, so the copy does not hog the disk.
const STEP_PAUSE: Duration = Duration::from_millis(5);
/// How long a step may keep answering "busy" before the backup gives up.
const BUSY_LIMIT: Duration = Duration::from_secs(30);

/// A finished backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub pages: u64,
    pub bytes: u64,
}

/// What a purge changed (or, counted beforehand, would change).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeCounts {
    /// Report rows (one per school day) whose caller number was removed.
    pub report_callers: u64,
    /// Report rows whose recording link was removed.
    pub report_recordings: u64,
    /// Calls whose from and to numbers were removed.
    pub call_numbers: u64,
    /// Callers' remembered language choices deleted.
    pub caller_languages: u64,
    /// Voice messages on the call log (link, Twilio id, status) deleted.
    pub call_recordings: u64,
}

impl PurgeCounts {
    pub fn is_empty(&self) -> bool {
        *self == PurgeCounts::default()
    }
}

/// Each change a purge makes: table, what it does to a row, which rows (by
/// the cutoff, `?1`). Counting for a dry run uses the same conditions, so
/// it counts exactly the rows a purge would change; each condition also
/// excludes rows already purged, so a second purge changes nothing.
const PURGE: [(&str, &str, &str); 5] = [
    (
        "reports",
        "SET caller = NULL",
        "received_at < ?1 AND caller IS NOT NULL",
    ),
    (
        "reports",
        "SET recording_url = NULL",
        "received_at < ?1 AND recording_url IS NOT NULL",
    ),
    (
        "calls",
        "SET from_number = '', to_number = ''",
        "started_at < ?1 AND (from_number <> '' OR to_number <> '')",
    ),
    ("caller_languages", "DELETE", "updated_at < ?1"),
    ("recordings", "DELETE", "noted_at < ?1"),
];

impl Store {
    /// Copy the whole store into the single file `path` while it is in
    /// use, and return its size. The copy is the store as it was when the
    /// backup began: every transaction committed before then, none after.
    ///
    /// It reads through its own connection inside one read transaction. In
    /// WAL mode a reader blocks no writer, so the line's saves go on during
    /// the copy (and, being invisible to that snapshot, do not restart it);
    /// pages are copied 256 at a time with a short pause in between. The
    /// copy is written to a hidden temporary file beside `path`, checked
    /// with `PRAGMA integrity_check`, synced, and renamed to `path`; on any
    /// failure the temporary file is removed and `path` is not created.
    pub fn backup_to(&self, path: &Path) -> Result<BackupInfo, StoreError> {
        self.backup_in_steps(path, STEP_PAGES, STEP_PAUSE)
    }

    fn backup_in_steps(
        &self,
        target: &Path,
        step_pages: i32,
        pause: Duration,
    ) -> Result<BackupInfo, StoreError> {
        let Some(name) = target.file_name() else {
            return Err(failure(target, ffi::SQLITE_CANTOPEN, "not a file name"));
        };
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut temp = Partial {
            path: dir.join(format!(
                ".{}.partial-{}",
                name.to_string_lossy(),
                std::process::id()
            )),
            keep: false,
        };
        temp.remove();
        let pages = self.copy_into(&temp.path, target, step_pages, pause)?;
        let io = |what: &str, e: std::io::Error| {
            failure(target, ffi::SQLITE_IOERR, &format!("{what}: {e}"))
        };
        std::fs::File::open(&temp.path)
            .and_then(|f| f.sync_all())
            .map_err(|e| io("cannot sync the copy", e))?;
        std::fs::rename(&temp.path, target)
            .map_err(|e| io("cannot rename the copy into place", e))?;
        temp.keep = true;
        // The rename itself is durable once the directory is synced.
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| io("cannot sync the backup directory", e))?;
        let bytes = std::fs::metadata(target)
            .map_err(|e| io("cannot read the copy's size", e))?
            .len();
        Ok(BackupInfo {
            path: target.to_owned(),
            pages,
            bytes,
        })
    }

    /// The online backup proper: source pages into a new database at
    /// `temp`, which ends up in rollback-journal mode (one file, no -wal)
    /// and checked. Returns the number of pages.
    fn copy_into(
        &self,
        temp: &Path,
        target: &Path,
        step_pages: i32,
        pause: Duration,
    ) -> Result<u64, StoreError> {
        let src = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sqlite_err(&self.path, e))?;
        let mut dst = Connection::open(temp).map_err(|e| sqlite_err(target, e))?;
        // The read transaction that fixes the snapshot for the whole copy.
        // Without it each step would take a fresh snapshot, and any commit
        // by the server in between would restart the backup from page 1.
        src.busy_timeout(Duration::from_secs(5))
            .and_then(|()| src.execute_batch("BEGIN"))
            .and_then(|()| src.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())))
            .map_err(|e| sqlite_err(&self.path, e))?;
        let pages = {
            let backup = Backup::new(&src, &mut dst).map_err(|e| sqlite_err(target, e))?;
            let mut busy = Duration::ZERO;
            loop {
                match backup.step(step_pages).map_err(|e| sqlite_err(target, e))? {
                    StepResult::Done => break,
                    StepResult::More => busy = Duration::ZERO,
                    _ => {
                        busy += pause.max(Duration::from_millis(1));
                        if busy > BUSY_LIMIT {
                            return Err(failure(
                                target,
                                ffi::SQLITE_BUSY,
                                "the backup stayed locked out for 30 s",
                            ));
                        }
                    }
                }
                std::thread::sleep(pause.max(Duration::from_millis(1)));
            }
            backup.progress().pagecount
        };
        drop(src);
        // The copied header says WAL, as the store is; a backup is better as
        // one file that opens anywhere, even on read-only media.
        dst.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| sqlite_err(target, e))?;
        // A check that cannot even run (a page too broken to read) fails too.
        let report: Vec<String> = dst
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_else(|e| vec![e.to_string()]);
        if report != ["ok"] {
            let mut lines = report;
            lines.truncate(5);
            return Err(failure(
                target,
                ffi::SQLITE_CORRUPT,
                &format!("the copy fails integrity_check: {}", lines.join("; ")),
            ));
        }
        dst.close().map_err(|(_, e)| sqlite_err(target, e))?;
        Ok(u64::try_from(pages).unwrap_or(0))
    }

    /// Remove caller data older than `cutoff` (RFC 3339; compared in UTC)
    /// in one transaction: the caller number and recording link of reports
    /// received before it, the from and to numbers of calls started before
    /// it, callers' language choices last updated before it, and the
    /// voice messages the call log noted before it. Report
    /// rows themselves (student, kind, reason, symptom, day, grade, class),
    /// their history, and calls' outcome, language and duration stay, so
    /// counts and statistics are unchanged.
    ///
    /// Removed values are overwritten in the file (`secure_delete`), not
    /// merely unlinked.
    pub fn purge_before(&self, cutoff: &str) -> Result<PurgeCounts, StoreError> {
        let cutoff = self.cutoff(cutoff)?;
        self.with(|c| {
            let was: i64 = c.query_row("PRAGMA secure_delete", [], |r| r.get(0))?;
            c.pragma_update(None, "secure_delete", 1)?;
            let purged = (|| -> rusqlite::Result<PurgeCounts> {
                let tx = c.transaction()?;
                let mut n = [0u64; PURGE.len()];
                for (i, (table, action, rows)) in PURGE.iter().enumerate() {
                    let sql = if *action == "DELETE" {
                        format!("DELETE FROM {table} WHERE {rows}")
                    } else {
                        format!("UPDATE {table} {action} WHERE {rows}")
                    };
                    n[i] = tx.execute(&sql, [&cutoff])? as u64;
                }
                tx.commit()?;
                Ok(counts(n))
            })();
            c.pragma_update(None, "secure_delete", was)?;
            let purged = purged?;
            if !purged.is_empty() {
                // Move the cleaned pages into the main file now, without
                // waiting for (or blocking) the server's writers.
                c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
            }
            Ok(purged)
        })
    }

    /// What [`Store::purge_before`] would change, changing nothing.
    pub fn purge_preview(&self, cutoff: &str) -> Result<PurgeCounts, StoreError> {
        let cutoff = self.cutoff(cutoff)?;
        self.with(|c| {
            let mut n = [0u64; PURGE.len()];
            for (i, (table, _, rows)) in PURGE.iter().enumerate() {
                let k: i64 = c.query_row(
                    &format!("SELECT count(*) FROM {table} WHERE {rows}"),
                    [&cutoff],
                    |r| r.get(0),
                )?;
                n[i] = k as u64;
            }
            Ok(counts(n))
        })
    }

    /// The cutoff in the stores' own timestamp form (`…T…Z`, whole
    /// seconds, UTC), so that comparing the text compares the times.
    fn cutoff(&self, cutoff: &str) -> Result<String, StoreError> {
        DateTime::parse_from_rfc3339(cutoff)
            .map(|t| {
                t.with_timezone(&Utc)
                    .to_rfc3339_opts(SecondsFormat::Secs, true)
            })
            .map_err(|e| {
                failure(
                    &self.path,
                    ffi::SQLITE_MISUSE,
                    &format!("purge cutoff {cutoff:?} is not an RFC 3339 time: {e}"),
                )
            })
    }
}

fn counts(n: [u64; PURGE.len()]) -> PurgeCounts {
    PurgeCounts {
        report_callers: n[0],
        report_recordings: n[1],
        call_numbers: n[2],
        caller_languages: n[3],
        call_recordings: n[4],
    }
}

/// An error about `path` that SQLite itself did not raise.
fn failure(path: &Path, code: i32, message: &str) -> StoreError {
    sqlite_err(
        path,
        rusqlite::Error::SqliteFailure(ffi::Error::new(code), Some(message.to_owned())),
    )
}

/// A backup's temporary file, removed (with any journal) on the way out
/// unless it was renamed into place.
struct Partial {
    path: PathBuf,
    keep: bool,
}

impl Partial {
    fn remove(&self) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.keep {
            self.remove();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Channel, ReportKind};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

    use super::*;
    use crate::store::{CallRow, NewReport, RecordingNote, ReportRow};

    const OLD: &str = "2026-01-10T08:00:00Z";
    const NEW: &str = "2026-04-10T08:00:00Z";
    const CUTOFF: &str = "2026-03-01T00:00:00Z";
    const OLD_CALLER: &str = "+819011110001";
    const NEW_CALLER: &str = "+819022220002";
    const OLD_RECORDING: &str = "https://api.twilio.com/Recordings/RE0ld0ld0ld0ld0ld";
    const NEW_RECORDING: &str = "https://api.twilio.com/Recordings/REnewnewnewnewnew";
    const OLD_HUNG_UP: &str = "https://api.twilio.com/Recordings/REhunguphungup00";

    fn report(sid: &str, at: &str, caller: &str, recording: &str, days: &[&str]) -> NewReport {
        NewReport {
            call_sid: sid.into(),
            student: Some("10203".into()),
            grade: Some("1".into()),
            class: Some("2".into()),
            kind: Some(ReportKind::Absence),
            reason: Some("illness".into()),
            symptom: Some("fever".into()),
            days: days.iter().map(|d| d.to_string()).collect(),
            recording_url: Some(recording.into()),
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: at.into(),
            caller: Some(caller.into()),
            ..Default::default()
        }
    }

    fn all_reports(store: &Store) -> Vec<ReportRow> {
        store.reports_between("0000-01-01", "9999-12-31").unwrap()
    }

    fn all_calls(store: &Store) -> Vec<CallRow> {
        store.calls_between("0000", "9999").unwrap()
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .with(|c| c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)))
            .unwrap()
    }

    fn references(conn: &Connection) -> Vec<u32> {
        let mut s = conn
            .prepare("SELECT DISTINCT reference FROM reports ORDER BY reference")
            .unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// The store file's bytes once everything is checkpointed into it (the
    /// store's writer thread may close its connection a moment after the
    /// store is dropped, so do not count on the last close to do it).
    fn settled_bytes(path: &Path) -> Vec<u8> {
        let c = Connection::open(path).unwrap();
        let (busy, _, _): (i64, i64, i64) = c
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(busy, 0);
        drop(c);
        std::fs::read(path).unwrap()
    }

    #[test]
    fn a_backup_taken_while_another_connection_writes_is_whole_and_consistent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        // A few hundred pages, so the copy takes many small steps.
        store
            .with(|c| {
                c.execute_batch(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                     INSERT INTO reports (reference, call_sid, call_seq, kind, school_day,
                         recording_url, language, channel, received_at, caller)
                     SELECT i, 'CApre' || i, 0, 'absence', '2026-04-01',
                         'https://api.twilio.com/Recordings/RE' || hex(randomblob(48)),
                         'ja', 'twilio', '2026-04-01T00:00:00Z', printf('+8190%08d', i)
                     FROM n;",
                )
            })
            .unwrap();

        // Another connection saves report after report throughout.
        let last = Arc::new(AtomicU32::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let writer = {
            let (path, last, stop) = (path.clone(), last.clone(), stop.clone());
            std::thread::spawn(move || {
                let other = Store::open(&path).unwrap();
                let mut i = 0;
                // Bounded, so that a backup that cannot finish while
                // writes go on fails below instead of hanging.
                let started = std::time::Instant::now();
                while !stop.load(Ordering::SeqCst) && started.elapsed() < Duration::from_secs(10) {
                    i += 1;
                    let saved = other
                        .save_report(&report(
                            &format!("CAlive{i}"),
                            NEW,
                            NEW_CALLER,
                            NEW_RECORDING,
                            &["2026-04-10"],
                        ))
                        .unwrap();
                    last.store(saved.reference, Ordering::SeqCst);
                }
            })
        };
        while last.load(Ordering::SeqCst) < 2003 {
            std::thread::sleep(Duration::from_millis(1));
        }

        let target = dir.path().join("copy.sqlite");
        let before = last.load(Ordering::SeqCst);
        let info = store
            .backup_in_steps(&target, 2, Duration::from_millis(2))
            .unwrap();
        let after = last.load(Ordering::SeqCst);
        stop.store(true, Ordering::SeqCst);
        writer.join().unwrap();

        assert!(
            after >= before + 2,
            "the writer was held up by the backup: {before} before, {after} after"
        );
        assert_eq!(info.path, target);
        assert!(info.pages > 100, "{info:?}");
        assert_eq!(info.bytes, std::fs::metadata(&target).unwrap().len());
        assert_eq!(info.bytes, info.pages * 4096);
        // One file, nothing left beside it.
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with("s.sqlite"))
            .collect();
        names.sort();
        assert_eq!(names, ["copy.sqlite"]);

        let copy = Connection::open_with_flags(&target, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let check: String = copy
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let mode: String = copy
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        // Every report committed before the backup began, and a snapshot:
        // no gaps, each save with its event and its call.
        let refs = references(&copy);
        let k = refs.len() as u32;
        assert!(
            k >= before,
            "{k} reports in the copy, {before} committed before"
        );
        assert!(
            k < after,
            "the copy is the store as the backup began, not as it ended ({k} of {after})"
        );
        assert_eq!(refs, (1..=k).collect::<Vec<_>>());
        let (events, calls): (u32, u32) = copy
            .query_row(
                "SELECT (SELECT count(*) FROM report_events),
                        (SELECT COALESCE(sum(reports), 0) FROM calls)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((events, calls), (k - 2000, k - 2000));
    }

    #[test]
    fn a_backup_that_fails_its_check_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        drop(Store::open(&path).unwrap());
        // Break the second page (the root of the first table).
        let mut bytes = settled_bytes(&path);
        bytes[4096..4104].fill(0xff);
        std::fs::write(&path, bytes).unwrap();
        let store = Store::open(&path).unwrap();

        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let target = out.join("copy.sqlite");
        let err = store.backup_to(&target).unwrap_err().to_string();
        assert!(err.contains("integrity_check"), "{err}");
        assert_eq!(
            std::fs::read_dir(&out).unwrap().count(),
            0,
            "files left in {out:?}"
        );
    }

    /// A store with an old and a new call of each kind, as the line writes them.
    fn store_with_old_and_new(dir: &Path) -> Store {
        let store = Store::open(&dir.join("s.sqlite")).unwrap();
        for (sid, at, caller, rec, days) in [
            (
                "CAold",
                OLD,
                OLD_CALLER,
                OLD_RECORDING,
                &["2026-01-13", "2026-01-14"][..],
            ),
            ("CAnew", NEW, NEW_CALLER, NEW_RECORDING, &["2026-04-10"][..]),
        ] {
            store
                .call_started(sid, caller, "+81312345678", at, Channel::Twilio)
                .unwrap();
            store.call_language(sid, caller, "en", at).unwrap();
            store
                .save_report(&report(sid, at, caller, rec, days))
                .unwrap();
            store
                .call_ended(
                    sid,
                    "completed",
                    Some(95),
                    at,
                    caller,
                    "+81312345678",
                    Channel::Twilio,
                )
                .unwrap();
        }
        // A call that broke off before a report, long ago.
        store
            .call_started("CAgone", OLD_CALLER, "+81312345678", OLD, Channel::Twilio)
            .unwrap();
        // Voice messages on the call log: the old and new reports' own, and
        // one left by the old call that broke off.
        for (sid, url, at) in [
            ("CAold", OLD_RECORDING, OLD),
            ("CAnew", NEW_RECORDING, NEW),
            ("CAgone", OLD_HUNG_UP, OLD),
        ] {
            store
                .recording_kept(RecordingNote {
                    call_sid: sid.into(),
                    recording_sid: url.rsplit('/').next().unwrap().into(),
                    url: Some(url.into()),
                    status: Some("completed".into()),
                    hung_up: sid == "CAgone",
                    at: at.into(),
                    ..Default::default()
                })
                .unwrap();
        }
        store
    }

    #[test]
    fn purge_removes_exactly_the_old_caller_data_and_keeps_the_counts() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_old_and_new(dir.path());
        let reports_before = all_reports(&store);
        let calls_before = all_calls(&store);
        let events = count(&store, "report_events");

        let expected = PurgeCounts {
            report_callers: 2,
            report_recordings: 2,
            call_numbers: 2,
            caller_languages: 1,
            call_recordings: 2,
        };
        assert_eq!(store.purge_preview(CUTOFF).unwrap(), expected);
        assert_eq!(
            store.purge_preview("2026-03-01T09:00:00+09:00").unwrap(),
            expected,
            "a cutoff with an offset is compared in UTC"
        );
        assert_eq!(
            all_reports(&store),
            reports_before,
            "a preview changes nothing"
        );
        assert_eq!(store.purge_before(CUTOFF).unwrap(), expected);

        let reports = all_reports(&store);
        assert_eq!(reports.len(), reports_before.len());
        for (now, was) in reports.iter().zip(&reports_before) {
            if was.received_at == OLD {
                let cleared = ReportRow {
                    caller: None,
                    recording_url: None,
                    ..was.clone()
                };
                assert_eq!(now, &cleared);
            } else {
                assert_eq!(now, was);
            }
        }
        let calls = all_calls(&store);
        assert_eq!(calls.len(), calls_before.len());
        for (now, was) in calls.iter().zip(&calls_before) {
            if was.started_at == OLD {
                let cleared = CallRow {
                    from_number: String::new(),
                    to_number: String::new(),
                    ..was.clone()
                };
                assert_eq!(now, &cleared);
            } else {
                assert_eq!(now, was);
            }
        }
        let remembered: Vec<String> = store
            .with(|c| {
                c.prepare("SELECT caller FROM caller_languages")?
                    .query_map([], |r| r.get(0))?
                    .collect()
            })
            .unwrap();
        assert_eq!(remembered, [NEW_CALLER]);
        let recordings: Vec<Option<String>> = ["CAold", "CAnew", "CAgone"]
            .iter()
            .flat_map(|sid| store.recordings_of_call(sid).unwrap())
            .map(|r| r.url)
            .collect();
        assert_eq!(recordings, [Some(NEW_RECORDING.to_owned())]);
        assert_eq!(count(&store, "report_events"), events);

        assert_eq!(store.purge_before(CUTOFF).unwrap(), PurgeCounts::default());
        assert_eq!(store.purge_preview(CUTOFF).unwrap(), PurgeCounts::default());
        assert_eq!(all_reports(&store), reports);
        assert_eq!(all_calls(&store), calls);

        // Gone from the file itself, not only from the rows.
        let path = store.path().to_owned();
        drop(store);
        let bytes = String::from_utf8_lossy(&settled_bytes(&path)).into_owned();
        for gone in [OLD_CALLER, OLD_RECORDING, OLD_HUNG_UP] {
            assert!(!bytes.contains(gone), "{gone} is still in the file");
        }
        for kept in [NEW_CALLER, NEW_RECORDING] {
            assert!(bytes.contains(kept), "{kept} should still be in the file");
        }
    }

    #[test]
    fn purge_refuses_a_cutoff_that_is_not_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_old_and_new(dir.path());
        assert!(store.purge_before("2026-03-01").is_err());
        assert!(store.purge_preview("yesterday").is_err());
        assert_eq!(
            store.purge_preview(CUTOFF).unwrap().report_callers,
            2,
            "nothing was purged"
        );
    }
}
