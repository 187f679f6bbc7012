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
//! the store's path still names the file it writes to (see [`health`]): a
//! report written into a file deleted under the server is never
//! acknowledged.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};
use tokio::sync::oneshot;

use super::calls::CallLog;
use super::counts::Deltas;
use super::health::{self, Health, Moved};
use super::queue::{Queue, Urgency};
use super::reports::{NewReport, Saved, save_in};
use super::{StoreError, configure, sqlite_err};

/// The most writes one transaction takes: enough to amortise the fsync,
/// small enough that the first in the batch does not wait long.
const MAX_BATCH: usize = 256;

type SaveReply = oneshot::Sender<Result<Saved, StoreError>>;
type LogReply = oneshot::Sender<Result<Vec<String>, StoreError>>;

/// One write waiting for the writer.
enum Job {
    /// A report: its caller waits for the commit.
    Save(Box<NewReport>, SaveReply),
    /// A call-log change: answered after the commit if someone waits;
    /// `Blocked`: a thread is blocked on it, so it does not linger.
    Log(CallLog, Option<LogReply>, Waiting),
    /// Nothing to write: answered once everything queued before it is
    /// committed.
    Flush(oneshot::Sender<()>),
    /// A health check: one row written and committed, as a save would be.
    Probe(oneshot::Sender<Result<(), StoreError>>),
}

impl Job {
    /// Someone waits for it to be on disk: a report, or a flush.
    fn is_durable(&self) -> bool {
        matches!(self, Job::Save(..) | Job::Flush(_))
    }
}

impl Urgency for Job {
    /// Someone is held up until it is committed.
    fn is_awaited(&self) -> bool {
        self.is_durable() || matches!(self, Job::Log(_, _, Waiting::Blocked) | Job::Probe(_))
    }
}

/// Whether a thread is blocked until a call-log change is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Waiting {
    No,
    Blocked,
}

/// What one job came to, before the commit.
enum Done {
    Saved(rusqlite::Result<Saved>),
    Logged(rusqlite::Result<Vec<String>>),
    Probed(rusqlite::Result<()>),
}

impl Done {
    fn failed(&self) -> bool {
        matches!(
            self,
            Done::Saved(Err(_)) | Done::Logged(Err(_)) | Done::Probed(Err(_))
        )
    }
}

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

/// The writer thread's loop: each batch from `jobs` to `commit`, until the
/// store is dropped and the queue drained.
///
/// A panic while committing a batch (a bug) fails that batch alone: its
/// callers' replies are dropped, so each hears an apology, never
/// "recorded", and the writer goes on with the next batch. Should the loop
/// end any other way, the queue is closed and emptied, so that nobody
/// waits for a writer that is gone.
fn serve(jobs: &Queue<Job>, path: &Path, mut commit: impl FnMut(Vec<Job>)) {
    let _close = CloseOnExit(jobs);
    while let Some(batch) = jobs.next_batch(LOG_LINGER) {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| commit(batch)));
        if run.is_err() {
            tracing::error!(store = %path.display(), "the store writer failed on a batch (a bug); its callers were told so");
        }
    }
}

/// Closes the queue and drops what is left in it (so each waiting caller is
/// told the writer is gone) when the writer's loop ends, however it ends.
struct CloseOnExit<'a>(&'a Queue<Job>);

impl Drop for CloseOnExit<'_> {
    fn drop(&mut self) {
        self.0.close();
        while self.0.next_batch(Duration::ZERO).is_some() {}
    }
}

/// How long call-log changes may wait for company before they are
/// committed on their own (see [`Queue::next_batch`]). Nobody waits for them, and each commit costs
/// the same few page writes whether it holds one change or a hundred; a
/// report arriving meanwhile takes them along at once.
const LOG_LINGER: Duration = Duration::from_millis(20);

/// A batch holding a report (or a flush) is committed with
/// `synchronous=FULL`: one fsync of the WAL before anyone hears
/// "recorded". A batch of call-log changes alone is committed without an
/// fsync of its own (`NORMAL`): its frames reach the disk with the next
/// report's fsync (the WAL is written in order) or the next checkpoint. A
/// process crash loses nothing either way; a power cut could lose the last
/// call-log changes, which are a record for the office, not a promise to a
/// caller. On a busy morning this halves the fsyncs.
fn durability(conn: &Connection, synced: &mut bool, batch: &[Job]) -> rusqlite::Result<()> {
    let durable = batch.iter().any(Job::is_durable);
    if durable != *synced {
        // Until it is known to have taken, assume the weaker setting.
        *synced = false;
        conn.pragma_update(None, "synchronous", if durable { "FULL" } else { "NORMAL" })?;
        *synced = durable;
    }
    Ok(())
}

/// Write `batch` in one transaction and answer each job after the commit.
///
/// Most batches are clean, so they are written straight through. Only when
/// one job fails (a report the schema refuses, say) is the batch written
/// again with each job in its own savepoint, so that the bad one fails
/// alone and the others are still saved.
fn commit(
    conn: &mut Connection,
    synced: &mut bool,
    path: &Path,
    health: &Health,
    generation: &AtomicU64,
    batch: Vec<Job>,
) {
    // If the durability cannot be set, nothing is written: a report must
    // never be committed without its fsync.
    let result = durability(conn, synced, &batch).and_then(|()| match write(conn, &batch, false) {
        Ok(Some(done)) => Ok(done),
        Ok(None) => write(conn, &batch, true).map(|d| d.expect("isolated writes never give up")),
        Err(e) => Err(e),
    });
    let store = || path.display().to_string();
    match result.map(|done| (done, health.verify())) {
        Ok((done, Ok(()))) => {
            // Before anyone is answered: a look at the generation after
            // an answer sees this batch.
            if batch.iter().any(|j| matches!(j, Job::Save(..))) {
                generation.fetch_add(1, Ordering::Release);
            }
            for (job, done) in batch.into_iter().zip(done) {
                answer(path, job, done);
            }
        }
        // Committed, but the path cannot be looked at to tell into which
        // file: not acknowledged.
        Ok((_, Err(Moved::Unknown(e)))) => {
            let message = format!("cannot tell whether the store file is still in place: {e}");
            tracing::error!(store = %path.display(), error = %message, "a group commit was not acknowledged");
            fail(batch, || StoreError::Commit {
                path: store(),
                message: message.clone(),
            });
        }
        // Committed, but into a file the path no longer names: gone at the
        // next start. Nobody hears "recorded"; what the file holds is
        // copied out.
        Ok((_, Err(moved))) => {
            // Before anyone is answered: a call that comes next is refused.
            health.set_fault(health::DETACHED);
            fail(batch, || StoreError::Unusable {
                path: store(),
                reason: health::DETACHED,
            });
            health::detached(conn, health, &moved);
        }
        // The commit itself failed: nothing of the batch is stored, and no
        // caller may hear "recorded".
        Err(e) => {
            let message = e.to_string();
            tracing::error!(store = %path.display(), error = %message, "a group commit failed");
            fail(batch, || StoreError::Commit {
                path: store(),
                message: message.clone(),
            });
        }
    }
}

/// Tell everyone waiting on `batch` that it failed with `err`.
fn fail(batch: Vec<Job>, err: impl Fn() -> StoreError) {
    for job in batch {
        match job {
            Job::Save(_, reply) => drop(reply.send(Err(err()))),
            Job::Log(_, Some(reply), _) => drop(reply.send(Err(err()))),
            Job::Log(_, None, _) => {}
            Job::Flush(reply) => drop(reply.send(())),
            Job::Probe(reply) => drop(reply.send(Err(err()))),
        }
    }
}

/// One transaction for `batch`. Not `isolated`: `Ok(None)` (rolled back)
/// as soon as a job fails. `isolated`: each job in a savepoint.
fn write(
    conn: &mut Connection,
    batch: &[Job],
    isolated: bool,
) -> rusqlite::Result<Option<Vec<Done>>> {
    // IMMEDIATE: take the write lock up front (waiting for the other
    // connection's short writes, up to the busy timeout). A deferred
    // transaction that reads first and then writes would be refused at
    // once with "database is locked" when the other connection commits in
    // between, failing every save in the batch.
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut done = Vec::with_capacity(batch.len());
    // The batch's changes to the counts, written once before the commit;
    // a job that fails takes its own changes with it.
    let mut deltas = Deltas::default();
    for job in batch {
        let mut mine = Deltas::default();
        if isolated {
            let mut sp = tx.savepoint()?;
            let d = run(&sp, job, &mut mine);
            if d.failed() {
                sp.rollback()?;
            } else {
                sp.commit()?;
                deltas.merge(mine);
            }
            done.push(d);
        } else {
            let d = run(&tx, job, &mut mine);
            if d.failed() {
                return Ok(None); // dropping `tx` rolls it back
            }
            deltas.merge(mine);
            done.push(d);
        }
    }
    deltas.apply(&tx)?;
    tx.commit()?;
    Ok(Some(done))
}

fn run(conn: &Connection, job: &Job, deltas: &mut Deltas) -> Done {
    match job {
        Job::Save(report, _) => Done::Saved(save_in(conn, report, deltas)),
        Job::Log(change, ..) => Done::Logged(change.apply(conn)),
        Job::Flush(_) => Done::Logged(Ok(Vec::new())),
        Job::Probe(_) => Done::Probed(probe(conn)),
    }
}

/// The health probe's row: when the store was last found writable.
fn probe(conn: &Connection) -> rusqlite::Result<()> {
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('written_at', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [now],
    )
    .map(drop)
}

fn answer(path: &Path, job: Job, done: Done) {
    match (job, done) {
        (Job::Save(_, reply), Done::Saved(r)) => {
            let _ = reply.send(r.map_err(|e| sqlite_err(path, e)));
        }
        (Job::Log(_, Some(reply), _), Done::Logged(r)) => {
            let _ = reply.send(r.map_err(|e| sqlite_err(path, e)));
        }
        (Job::Log(_, None, _), Done::Logged(Err(e))) => {
            // Nobody waits: say so here. SQLite's message names no caller.
            tracing::warn!(store = %path.display(), error = %e, "a call-log change was not written");
        }
        (Job::Flush(reply), _) => drop(reply.send(())),
        (Job::Probe(reply), Done::Probed(r)) => {
            let _ = reply.send(r.map_err(|e| sqlite_err(path, e)));
        }
        _ => {}
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::Arc;

    use super::super::{NewReport, Store};

    /// A report of student `10000 + n`, for the store's tests.
    pub(in crate::store) fn report(n: u32) -> NewReport {
        NewReport {
            call_sid: format!("CA{n:032x}"),
            call_seq: 0,
            student: Some(format!("{:05}", 10_000 + n)),
            kind: Some("absence".into()),
            days: vec!["2026-11-25".into()],
            language: "ja".into(),
            channel: "twilio".into(),
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
                        .map(|i| store.save_report(&report(t * 8 + i)).unwrap().reference)
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

    #[test]
    fn a_bad_report_fails_alone_and_its_batch_mates_are_saved() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(&dir.path().join("s.sqlite")).unwrap());
        let mut bad = report(999);
        bad.temperature = Some(99.0); // violates the CHECK constraint
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let store = store.clone();
                let r = if i == 7 { bad.clone() } else { report(i) };
                std::thread::spawn(move || store.save_report(&r))
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
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
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let store = store.clone();
                let r = if i == 7 { bad.clone() } else { report(i) };
                std::thread::spawn(move || store.save_report(&r))
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
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
}

#[cfg(test)]
mod serve_tests {
    use std::path::Path;
    use std::sync::Arc;

    use tokio::sync::oneshot;

    use super::super::queue::Queue;
    use super::{CloseOnExit, Job, serve};

    /// A bug that panics while committing fails that batch's callers (they
    /// hear an apology) and the writer goes on serving the next ones.
    #[test]
    fn a_panicking_batch_fails_alone_and_the_writer_goes_on() {
        let queue = Arc::new(Queue::new(super::MAX_BATCH));
        let (first, first_rx) = oneshot::channel();
        assert!(queue.push(Job::Flush(first)).is_ok());
        let writer = {
            let queue = queue.clone();
            std::thread::spawn(move || {
                let mut batches = 0;
                serve(&queue, Path::new("test"), |batch| {
                    batches += 1;
                    if batches == 1 {
                        panic!("a bug in the first batch");
                    }
                    for job in batch {
                        if let Job::Flush(reply) = job {
                            let _ = reply.send(());
                        }
                    }
                });
            })
        };
        assert!(first_rx.blocking_recv().is_err(), "told it failed");
        let (second, second_rx) = oneshot::channel();
        assert!(queue.push(Job::Flush(second)).is_ok());
        assert!(
            second_rx.blocking_recv().is_ok(),
            "the next batch is served"
        );
        queue.close();
        writer.join().unwrap();
    }

    /// However the writer's loop ends, jobs still queued are failed, not
    /// left waiting, and no new job is taken.
    #[test]
    fn a_writer_that_stops_fails_what_is_queued_and_refuses_more() {
        let queue = Queue::new(super::MAX_BATCH);
        let (queued, mut queued_rx) = oneshot::channel();
        assert!(queue.push(Job::Flush(queued)).is_ok());
        drop(CloseOnExit(&queue));
        assert!(
            matches!(
                queued_rx.try_recv(),
                Err(oneshot::error::TryRecvError::Closed)
            ),
            "not left waiting"
        );
        assert!(queue.push(Job::Flush(oneshot::channel().0)).is_err());
    }
}

#[cfg(test)]
mod urgency_tests {
    use tokio::sync::oneshot;

    use super::super::calls::CallLog;
    use super::{Job, Urgency, Waiting};

    fn log(waiting: Waiting) -> Job {
        let change = CallLog::Failed {
            call_sid: "CA1".into(),
        };
        Job::Log(change, None, waiting)
    }

    /// What may linger in the queue: only call-log changes nobody waits for.
    #[test]
    fn only_call_log_changes_nobody_waits_for_may_linger() {
        assert!(!log(Waiting::No).is_awaited());
        assert!(log(Waiting::Blocked).is_awaited());
        assert!(Job::Save(Box::default(), oneshot::channel().0).is_awaited());
        assert!(Job::Flush(oneshot::channel().0).is_awaited());
    }
}

#[cfg(test)]
mod durability_tests {
    use rusqlite::Connection;
    use tokio::sync::oneshot;

    use super::super::calls::CallLog;
    use super::{Job, durability};

    fn level(c: &Connection) -> i64 {
        c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap()
    }

    /// Reports are fsynced before anyone hears "recorded"; call-log-only
    /// batches ride on the next fsync.
    #[test]
    fn a_batch_with_a_report_is_always_committed_with_full_sync() {
        let c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "synchronous", "FULL").unwrap();
        let mut synced = true;
        let log = || {
            Job::Log(
                CallLog::Failed {
                    call_sid: "CA1".into(),
                },
                None,
                super::Waiting::No,
            )
        };
        let save = || Job::Save(Box::default(), oneshot::channel().0);
        durability(&c, &mut synced, &[log(), log()]).unwrap();
        assert_eq!(
            (level(&c), synced),
            (1, false),
            "NORMAL for the call log alone"
        );
        durability(&c, &mut synced, &[log(), save(), log()]).unwrap();
        assert_eq!((level(&c), synced), (2, true), "FULL with a report in it");
        durability(&c, &mut synced, &[save()]).unwrap();
        assert_eq!(level(&c), 2);
        durability(&c, &mut synced, &[Job::Flush(oneshot::channel().0)]).unwrap();
        assert_eq!(level(&c), 2, "a flush is durable too");
    }
}

#[cfg(test)]
mod contention {
    use std::sync::Arc;

    use super::super::{NewReport, Store};

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
                        .call_started(
                            &format!("CL{i:030}"),
                            "+819000000000",
                            "+81300000000",
                            "2026-11-24T22:00:00Z",
                            "twilio",
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
                            kind: Some("absence".into()),
                            days: vec!["2026-11-25".into()],
                            language: "ja".into(),
                            channel: "twilio".into(),
                            received_at: "2026-11-24T22:00:00Z".into(),
                            ..Default::default()
                        };
                        store.save_report(&r).unwrap();
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
