//! Group commit: one writer thread per school store takes the saves that
//! are waiting (from its [`Queue`]), writes them all in one transaction
//! (each in its own savepoint only if one of them fails, so one bad report
//! cannot sink the others) and commits once with `synchronous=FULL`. Every caller is answered only after the commit
//! that holds its report, so "recorded" is never said before it is on disk.
//!
//! On a flu morning many parents confirm at once; one fsync for a batch
//! instead of one per report is what lets one small machine keep up.
//!
//! After each commit, before anyone is answered, the writer checks that
//! the store's path still names the file it writes to (see [`health`](super::health)): a
//! report written into a file deleted under the server is never
//! acknowledged.
//!
//! One file per job: what a write is (`job.rs`), the thread's loop that
//! survives a failing batch (`serve.rs`) and one batch's transaction,
//! commit and answers (`commit.rs`). This file is the handle the store
//! holds.

mod commit;
mod job;
mod serve;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::thread;

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::calls::CallLog;
use super::health::Health;
use super::queue::Queue;
use super::reports::{NewReport, Saved};
use super::{StoreError, configure, sqlite_err};
use commit::{commit, fail};
use job::{Job, Waiting};
use serve::serve;

/// The most writes one transaction takes: enough to amortise the fsync,
/// small enough that the first in the batch does not wait long.
const MAX_BATCH: usize = 256;

pub(super) struct Writer {
    queue: Arc<Queue<Job>>,
    path: PathBuf,
}

impl Drop for Writer {
    /// The writer thread commits what is queued, then stops.
    fn drop(&mut self) {
        self.queue.close();
    }
}

/// How big the batches have been, for `/metrics`.
#[derive(Debug, Default, Clone, Copy)]
pub struct BatchStats {
    /// Transactions committed (or tried).
    pub batches: u64,
    /// Reports in them.
    pub saves: u64,
    /// Call-log changes in them.
    pub call_log: u64,
}

impl Writer {
    /// Start the writer thread on its own connection to `path`.
    pub(super) fn start(
        path: &Path,
        stats: std::sync::Arc<std::sync::Mutex<BatchStats>>,
        health: Arc<Health>,
        generation: Arc<AtomicU64>,
    ) -> Result<Writer, StoreError> {
        let mut conn = Connection::open(path).map_err(|e| sqlite_err(path, e))?;
        configure(&conn).map_err(|e| sqlite_err(path, e))?;
        let queue = Arc::new(Queue::new(MAX_BATCH));
        let jobs = queue.clone();
        let owned = path.to_owned();
        thread::Builder::new()
            .name(format!(
                "store-writer {}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("")
            ))
            .spawn(move || {
                // Whether the connection is at `synchronous=FULL` now.
                let mut synced = true;
                serve(&jobs, &owned, |batch| {
                    // A store found deleted or replaced takes nothing more.
                    if let Some(reason) = health.fault() {
                        let path = owned.display().to_string();
                        fail(batch, || StoreError::Unusable {
                            path: path.clone(),
                            reason,
                        });
                        return;
                    }
                    // Counted before the callers are answered, so that whoever
                    // was answered sees their save counted. A health probe
                    // alone is no group commit.
                    if batch.iter().any(|j| !matches!(j, Job::Probe(_))) {
                        let count =
                            |f: fn(&Job) -> bool| batch.iter().filter(|j| f(j)).count() as u64;
                        let mut s = stats.lock().unwrap_or_else(|p| p.into_inner());
                        s.batches += 1;
                        s.saves += count(|j| matches!(j, Job::Save(..)));
                        s.call_log += count(|j| matches!(j, Job::Log(..)));
                    }
                    if !conn.is_autocommit() {
                        // A batch that panicked mid-transaction.
                        let _ = conn.execute_batch("ROLLBACK");
                        synced = false;
                    }
                    commit(&mut conn, &mut synced, &owned, &health, &generation, batch);
                });
            })
            .map_err(|cause| StoreError::Io {
                path: path.display().to_string(),
                cause,
            })?;
        Ok(Writer {
            queue,
            path: path.to_owned(),
        })
    }

    pub(super) async fn save(&self, r: NewReport) -> Result<Saved, StoreError> {
        let (tx, rx) = oneshot::channel();
        self.send(Job::Save(Box::new(r), tx))?;
        rx.await.map_err(|_| self.gone())?
    }

    pub(super) fn save_blocking(&self, r: NewReport) -> Result<Saved, StoreError> {
        let (tx, rx) = oneshot::channel();
        self.send(Job::Save(Box::new(r), tx))?;
        rx.blocking_recv().map_err(|_| self.gone())?
    }

    /// Queue a call-log change and go on; a failure is logged by the writer.
    pub(super) fn log(&self, change: CallLog) -> Result<(), StoreError> {
        self.send(Job::Log(change, None, Waiting::No))
    }

    /// Queue a call-log change now; the future answers after its commit.
    pub(super) fn log_then(
        &self,
        change: CallLog,
    ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send + 'static {
        let (tx, rx) = oneshot::channel();
        let queued = self.send(Job::Log(change, Some(tx), Waiting::No));
        let gone = self.gone();
        async move {
            queued?;
            rx.await.map_err(|_| gone)?
        }
    }

    pub(super) fn log_blocking(&self, change: CallLog) -> Result<Vec<String>, StoreError> {
        let (tx, rx) = oneshot::channel();
        self.send(Job::Log(change, Some(tx), Waiting::Blocked))?;
        rx.blocking_recv().map_err(|_| self.gone())?
    }

    /// Write and commit one row, and check the file is still the one
    /// opened: what a save needs, without a report.
    pub(super) async fn probe(&self) -> Result<(), StoreError> {
        let (tx, rx) = oneshot::channel();
        self.send(Job::Probe(tx))?;
        rx.await.map_err(|_| self.gone())?
    }

    /// Wait until everything queued so far is committed (or has failed).
    pub(super) async fn flush(&self) -> Result<(), StoreError> {
        let (tx, rx) = oneshot::channel();
        self.send(Job::Flush(tx))?;
        rx.await.map_err(|_| self.gone())
    }

    fn send(&self, job: Job) -> Result<(), StoreError> {
        self.queue.push(job).map_err(|_| self.gone())
    }

    fn gone(&self) -> StoreError {
        StoreError::WriterGone {
            path: self.path.display().to_string(),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::Arc;

    use super::super::{NewReport, Store};
    use crate::domain::{Channel, ReportKind};

    /// A report of student `10000 + n`, for the store's tests.
    pub(in crate::store) fn report(n: u32) -> NewReport {
        NewReport {
            call_sid: format!("CA{n:032x}"),
            call_seq: 0,
            student: Some(format!("{:05}", 10_000 + n)),
            kind: Some(ReportKind::Absence),
            days: vec!["2026-11-25".into()],
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    #[test]
    fn concurrent_saves_share_commits_and_each_gets_its_own_reference() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(&dir.path().join("s.sqlite")).unwrap());
        let threads: Vec<_> = (0..32)
            .map(|t| {
                let store = store.clone();
                std::thread::spawn(move || {
                    (0..8)
                        .map(|i| {
                            store
                                .save_report_blocking(&report(t * 8 + i))
                                .unwrap()
                                .reference
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut refs: Vec<u32> = threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect();
        refs.sort();
        assert_eq!(
            refs,
            (1..=256).collect::<Vec<_>>(),
            "every save answered once, references unique"
        );
        let stats = store.batch_stats();
        assert_eq!(stats.saves, 256);
        assert!(
            stats.batches < 256,
            "saves waiting together were committed together: {stats:?}"
        );
        drop(store);
        let reopened = Store::open(&dir.path().join("s.sqlite")).unwrap();
        assert_eq!(
            reopened
                .reports_between("2026-11-25", "2026-11-25")
                .unwrap()
                .len(),
            256,
            "all on disk"
        );
    }

    /// Sixteen saves at once from their own threads, so they share a batch,
    /// the eighth of them `bad`; each one's result, in order.
    fn sixteen_saves_the_eighth_bad(
        store: &Arc<Store>,
        bad: &NewReport,
    ) -> Vec<Result<super::super::Saved, super::super::StoreError>> {
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let store = store.clone();
                let r = if i == 7 { bad.clone() } else { report(i) };
                std::thread::spawn(move || store.save_report_blocking(&r))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    }

    #[test]
    fn a_bad_report_fails_alone_and_its_batch_mates_are_saved() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(&dir.path().join("s.sqlite")).unwrap());
        let mut bad = report(999);
        bad.temperature = Some(99.0); // violates the CHECK constraint
        let results = sixteen_saves_the_eighth_bad(&store, &bad);
        assert_eq!(results.iter().filter(|r| r.is_err()).count(), 1);
        assert!(results[7].is_err());
        assert_eq!(
            store
                .reports_between("2026-11-25", "2026-11-25")
                .unwrap()
                .len(),
            15
        );
    }

    /// A job that fails after counting part of itself (its second day
    /// breaks a constraint) takes its counts with it; its batch mates'
    /// counts stay.
    #[test]
    fn a_failed_save_leaves_no_count_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(&dir.path().join("s.sqlite")).unwrap());
        let mut bad = report(999);
        bad.days = vec!["2026-11-25".into(), "2026-11-25".into()];
        let results = sixteen_saves_the_eighth_bad(&store, &bad);
        assert!(results[7].is_err());
        let counted: u32 = store
            .class_counts("2026-11-25", "2026-11-25")
            .unwrap()
            .iter()
            .filter(|c| c.dim == "all")
            .map(|c| c.n)
            .sum();
        assert_eq!(counted, 15);
    }

    /// Saves while the other connection keeps committing call-log rows (as
    /// every incoming call does) must all succeed: the batch waits for the
    /// lock instead of failing with "database is locked".
    #[test]
    fn saves_succeed_while_the_call_log_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(&dir.path().join("s.sqlite")).unwrap());
        let logger = {
            let store = store.clone();
            std::thread::spawn(move || {
                for i in 0..400 {
                    store
                        .start_call_blocking(
                            &format!("CL{i:030}"),
                            "+819000000000",
                            "+81300000000",
                            "2026-11-24T22:00:00Z",
                            Channel::Twilio,
                        )
                        .unwrap();
                }
            })
        };
        let savers: Vec<_> = (0..16)
            .map(|t| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for i in 0..25 {
                        let r = NewReport {
                            call_sid: format!("CA{t:04}{i:028}"),
                            student: Some(format!("{}", 10_000 + t * 100 + i)),
                            kind: Some(ReportKind::Absence),
                            days: vec!["2026-11-25".into()],
                            language: "ja".into(),
                            channel: Channel::Twilio,
                            received_at: "2026-11-24T22:00:00Z".into(),
                            ..Default::default()
                        };
                        store.save_report_blocking(&r).unwrap();
                    }
                })
            })
            .collect();
        logger.join().unwrap();
        for s in savers {
            s.join().unwrap();
        }
        assert_eq!(
            store
                .reports_between("2026-11-25", "2026-11-25")
                .unwrap()
                .len(),
            400
        );
    }
}
