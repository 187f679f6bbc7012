//! One batch: written in one transaction (each job in a savepoint only
//! when one fails), committed with the durability it needs, checked
//! against the store's file, then each caller answered.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{Connection, TransactionBehavior};

use super::super::counts::Deltas;
use super::super::health::{self, Health, Moved};
use super::super::reports::save_in;
use super::super::{StoreError, sqlite_err};
use super::job::{Done, Job};

/// A batch holding a report (or a flush) is committed with
/// `synchronous=FULL`: one fsync of the WAL before anyone hears
/// "recorded". A batch of call-log changes alone is committed without an
/// fsync of its own (`NORMAL`): its frames reach the disk with the next
/// report's fsync (the WAL is written in order) or the next checkpoint. A
/// process crash loses nothing either way; a power cut could lose the last
/// call-log changes, which are a record for the office, not a promise to a
/// caller. On a busy morning this halves the fsyncs.
pub(super) fn durability(
    conn: &Connection,
    synced: &mut bool,
    batch: &[Job],
) -> rusqlite::Result<()> {
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
pub(super) fn commit(
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
pub(super) fn fail(batch: Vec<Job>, err: impl Fn() -> StoreError) {
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
mod tests {
    use rusqlite::Connection;
    use tokio::sync::oneshot;

    use super::super::job::Waiting;
    use super::{Job, durability};
    use crate::store::calls::CallLog;

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
                Waiting::No,
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
