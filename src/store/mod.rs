//! The school's own store: one SQLite file per school, the only module that
//! knows rusqlite. WAL with `synchronous=FULL`, so a report is on disk
//! before the caller is told it is recorded. Schema changes are migrations
//! numbered by `PRAGMA user_version`.

mod calls;
mod maintenance;
mod migrations;
mod reports;
pub mod staff;
mod students;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

pub use calls::CallRow;
pub use maintenance::{BackupInfo, PurgeCounts};
pub use reports::{Correction, Existing, NewReport, ReportEvent, ReportRow, Saved};
pub use students::StudentRecord;
pub use writer::BatchStats;

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
    #[error("cannot create the data directory {path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("store {path}: its writer has stopped")]
    WriterGone { path: String },
    #[error("store {path}: the commit failed: {message}")]
    Commit { path: String, message: String },
}

/// One school's store. Calls are short and synchronous: run them on a
/// blocking thread, never on the async runtime (except [`Store::submit`]).
/// Saves go through a writer thread that commits them in groups.
pub struct Store {
    path: PathBuf,
    conn: Mutex<Connection>,
    writer: writer::Writer,
    batches: Arc<Mutex<BatchStats>>,
}

impl Store {
    /// Open (creating if needed) and migrate the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|cause| StoreError::Io {
                path: dir.display().to_string(),
                cause,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| sqlite_err(path, e))?;
        configure(&conn).map_err(|e| sqlite_err(path, e))?;
        let batches = Arc::new(Mutex::new(BatchStats::default()));
        let store = Store {
            path: path.to_owned(),
            conn: Mutex::new(conn),
            writer: writer::Writer::start(path, batches.clone())?,
            batches,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Group commits so far: how many, and how many saves they held.
    pub fn batch_stats(&self) -> BatchStats {
        *self.batches.lock().unwrap_or_else(|p| p.into_inner())
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

fn sqlite_err(path: &Path, cause: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.display().to_string(),
        cause,
    }
}
