//! The school's own store: one SQLite file per school, the only module that
//! knows rusqlite. WAL with `synchronous=FULL`, so a report is on disk
//! before the caller is told it is recorded. Schema changes are migrations
//! numbered by `PRAGMA user_version`.
//!
//! # Naming a write
//!
//! A write that goes through the school's writer thread (the group commit)
//! is named for what it does (`save_report`, `end_call`, `start_call`) and
//! comes in up to three forms, one per way of waiting for it:
//!
//! - `queue_…` (`queue_start_call`): queued, and nobody waits. It returns
//!   once the write is on the queue; a crash may lose the last few
//!   milliseconds of it. For the call log, which is a record for the office
//!   and not a promise to a caller.
//! - the plain name (`save_report`, `end_call`): queued, and the future
//!   gives the answer after the commit. For async code (the webhooks).
//! - `…_blocking` (`save_report_blocking`): the same, waiting on the
//!   calling thread. For the command line, imports, tests and benches.
//!
//! Writes that take the store's main connection (staff corrections,
//! rosters, alerts) and every read are plain blocking calls with one form.

mod alerts;
mod bulk;
mod calls;
mod counts;
mod edits;
mod health;
mod maintenance;
mod migrations;
mod phones;
mod queue;
mod recordings;
mod reports;
pub mod staff;
mod students;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::domain::SchoolId;

pub use alerts::{AlertRecord, RaisedAlert};
pub use calls::{CallEnd, CallRow, UNFINISHED_AFTER};
pub use counts::{ClassCount, DayTotal, set_counting_for_benchmarks};
pub use edits::{Edited, ReportEdit};
pub use maintenance::{BackupInfo, PurgeCounts};
pub use recordings::{RecordingNote, RecordingRow};
pub use reports::{Existing, NewReport, ReportEvent, ReportRow, Saved};
pub use students::{FROM_FILE, IMPORTED};
pub use writer::BatchStats;

/// The file that holds school `school`'s store inside `data_dir`.
///
/// The store names it, not the config: the config only knows which
/// directory is the data directory, while "one SQLite file per school,
/// named by its id" is the store's format (backups, health checks and the
/// `-wal` beside it all follow from it). Every opener goes through here so
/// the server, the command line and the tests never disagree on the name.
pub fn file_for(data_dir: &Path, school: &SchoolId) -> PathBuf {
    data_dir.join(format!("{school}.sqlite"))
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {cause}")]
    Sqlite {
        path: String,
        cause: rusqlite::Error,
    },
    #[error(
        "store {path} has schema version {found}, newer than this program knows ({known}); upgrade absence-line"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("store {path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("store {path}: its writer has stopped")]
    WriterGone { path: String },
    #[error("store {path}: the commit failed: {message}")]
    Commit { path: String, message: String },
    /// No store is created in a data directory that is not there: an
    /// unmounted disk must not start the line on new, empty stores.
    #[error(
        "the data directory {path} does not exist (is its disk mounted?). Nothing was created. \
         If this is a first start, create it: `absence-line serve --create-data-dir`, or mkdir"
    )]
    NoDataDir { path: String },
    #[error(
        "{cause}: the server cannot write to this store; check that the service user owns it \
         and can write its directory, and that its disk is mounted read-write"
    )]
    Unwritable {
        path: String,
        cause: Box<StoreError>,
    },
    #[error("store {path} is damaged (quick_check: {detail}); restore it from a backup")]
    Damaged { path: String, detail: String },
    #[error("store {path} is unusable: {reason}; restart the server once it is put right")]
    Unusable { path: String, reason: &'static str },
}

impl StoreError {
    /// What is wrong, in a few words that name no file: for `/healthz`.
    pub fn summary(&self) -> &'static str {
        use rusqlite::ErrorCode as C;
        match self {
            StoreError::Sqlite { cause, .. } => match cause.sqlite_error_code() {
                Some(C::NotADatabase) => "not an SQLite store",
                Some(C::DatabaseCorrupt) => "damaged",
                Some(C::ReadOnly) => "cannot be written",
                _ => "cannot be opened",
            },
            StoreError::TooNew { .. } => "made by a newer absence-line",
            StoreError::Io { .. } => "cannot be opened",
            StoreError::WriterGone { .. } => "its writer has stopped",
            StoreError::Commit { .. } => "a commit failed",
            StoreError::NoDataDir { .. } => "the data directory is missing",
            StoreError::Unwritable { .. } => "cannot be written",
            StoreError::Damaged { .. } => "damaged",
            StoreError::Unusable { reason, .. } => reason,
        }
    }
}

/// One school's store, on three kinds of connection:
///
/// - the writer thread's, which commits every write a call makes (reports
///   and the call log) in groups (see [`writer`]);
/// - the webhook readers', for the few point reads a call needs (roster,
///   a report already made, the caller's language). In WAL mode a reader
///   never waits for a writer, so these reads are short enough to run on
///   the async runtime (the `*_now` methods and those documented so);
/// - the main one, for everything else (staff pages, imports, maintenance):
///   blocking; run it on a blocking thread.
pub struct Store {
    path: PathBuf,
    conn: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    writer: writer::Writer,
    batches: Arc<Mutex<BatchStats>>,
    health: Arc<health::Health>,
    /// Moves on after every commit that changed what reports say: a batch
    /// holding a report, a staff correction. What the alerts watch.
    generation: Arc<AtomicU64>,
    /// [`roster_counts`](Self::roster_counts)' last answer and the roster
    /// source it was for.
    roster_counts: Mutex<Option<students::KeptCounts>>,
}

impl Store {
    /// Open (creating the file if needed) and migrate the store at `path`.
    /// Its directory must exist.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(StoreError::NoDataDir {
                path: dir.display().to_string(),
            });
        }
        let conn = Connection::open(path).map_err(|e| sqlite_err(path, e))?;
        configure(&conn).map_err(|e| sqlite_err(path, e))?;
        // The file every connection below opens, to tell later whether the
        // path still names it.
        let health = Arc::new(health::Health::new(path)?);
        let batches = Arc::new(Mutex::new(BatchStats::default()));
        let generation = Arc::new(AtomicU64::new(0));
        // One reader per core that may run a webhook at the same moment.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let readers = (0..cores)
            .map(|_| reader(path).map(Mutex::new))
            .collect::<Result<_, _>>()
            .map_err(|e| sqlite_err(path, e))?;
        let store = Store {
            path: path.to_owned(),
            conn: Mutex::new(conn),
            readers,
            writer: writer::Writer::start(
                path,
                batches.clone(),
                health.clone(),
                generation.clone(),
            )?,
            batches,
            health,
            generation,
            roster_counts: Mutex::new(None),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Wait until every write queued so far is committed: at shutdown, so
    /// that the call log's last changes are not left behind.
    pub async fn flush(&self) -> Result<(), StoreError> {
        self.writer.flush().await
    }

    /// Group commits so far: how many, and how many saves they held.
    pub fn batch_stats(&self) -> BatchStats {
        *self.batches.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A number that moves on whenever a commit may have changed the
    /// counts of reports: a batch of the writer that held a report, or a
    /// staff correction. Cheap to read: whoever keeps the last value seen
    /// knows whether to look again. Writes made through another process
    /// (a command-line import) do not move it.
    pub fn report_generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// What changes whenever anything is committed to the store by any
    /// connection but the main one: this process's writer, or another
    /// process (`PRAGMA data_version`). With [`report_generation`]
    /// (Self::report_generation), which the main connection's own
    /// corrections move, it tells a cache of counts whether to read again,
    /// whoever wrote.
    pub fn data_version(&self) -> Result<u64, StoreError> {
        self.with(|c| c.query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0)))
            .map(|v| v as u64)
    }

    fn reports_changed(&self) {
        self.generation.fetch_add(1, Ordering::Release);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        // A panic while holding the lock leaves the connection usable: SQLite
        // rolls back an unfinished transaction when it is dropped or reused.
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut conn).map_err(|e| sqlite_err(&self.path, e))
    }

    /// A short read for a webhook, on a reader connection: a free one if
    /// there is one, else wait for the first. Never waits for a commit.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let conn = self
            .readers
            .iter()
            .find_map(|r| r.try_lock().ok())
            .unwrap_or_else(|| self.readers[0].lock().unwrap_or_else(|p| p.into_inner()));
        f(&conn).map_err(|e| sqlite_err(&self.path, e))
    }

    /// `PRAGMA integrity_check` is "ok".
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        self.with(|c| {
            c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .map(|s| s == "ok")
        })
    }
}

/// Every connection: WAL, durable commits, and patience with the other
/// connection (the writer thread, or the request thread) holding the lock.
fn configure(c: &Connection) -> rusqlite::Result<()> {
    c.pragma_update(None, "journal_mode", "WAL")?;
    c.pragma_update(None, "synchronous", "FULL")?;
    c.pragma_update(None, "foreign_keys", "ON")?;
    c.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// A webhook reader: it only reads, and gives up on a lock (which in WAL
/// mode only recovery or a checkpoint restart can hold) after a moment
/// instead of stalling the runtime thread it runs on.
fn reader(path: &Path) -> rusqlite::Result<Connection> {
    let c = Connection::open(path)?;
    c.pragma_update(None, "query_only", "ON")?;
    c.busy_timeout(std::time::Duration::from_millis(250))?;
    Ok(c)
}

fn sqlite_err(path: &Path, cause: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.display().to_string(),
        cause,
    }
}
