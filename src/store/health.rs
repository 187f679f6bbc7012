//! Whether a school's store can still be trusted with a report. Three
//! things make it untrustworthy, and none of them shows until a save, when
//! it is too late for the parent who waited through the whole call:
//!
//! - the file is deleted or replaced while the server has it open. SQLite
//!   goes on writing into the file it opened, which is no longer the one at
//!   the path, so every report said "recorded" would be gone at the next
//!   start. The writer compares the path's (device, inode) with the file it
//!   opened after every commit, before anyone is answered; on a mismatch
//!   the store is marked unusable for good and everything in the open file
//!   is copied beside it ([`detached`]);
//! - it cannot be written (a backup restored as root while the service runs
//!   as another user, a disk remounted read-only): [`Store::probe`] writes
//!   one row through the writer;
//! - a page is damaged: [`Store::check`] runs `PRAGMA quick_check` at start.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use chrono::Utc;
use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::{Store, StoreError, sqlite_err};

/// How long the start-up `quick_check` of one store may take. A store
/// bigger than that can read is not held against the school: the check
/// is skipped with a warning rather than keeping the line down.
const QUICK_CHECK_BUDGET: Duration = Duration::from_secs(10);

/// What the healthz and the voice webhook say of a store that was found
/// deleted or replaced under the server.
pub(super) const DETACHED: &str = "its file was deleted or replaced while the server ran";

/// A file, as the kernel knows it: the same path may name another one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    dev: u64,
    ino: u64,
}

#[cfg(unix)]
fn file_id(path: &Path) -> std::io::Result<Option<FileId>> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path)?;
    Ok(Some(FileId {
        dev: m.dev(),
        ino: m.ino(),
    }))
}

/// Elsewhere a file has no inode to compare: not checked.
#[cfg(not(unix))]
fn file_id(path: &Path) -> std::io::Result<Option<FileId>> {
    std::fs::metadata(path).map(|_| None)
}

/// How the path no longer leads to the open file.
#[derive(Debug)]
pub(super) enum Moved {
    Deleted,
    Replaced,
    /// The path cannot even be looked at (`stat` failed otherwise).
    Unknown(std::io::Error),
}

/// Shared by a store's handle and its writer thread.
pub(super) struct Health {
    path: PathBuf,
    /// The file the store opened; `None` where identity is not checked.
    opened: Option<FileId>,
    /// Why the store must take nothing more; set once, kept until restart.
    fault: OnceLock<&'static str>,
}

impl Health {
    /// Note which file `path` names now: call it once the store is open.
    pub(super) fn new(path: &Path) -> Result<Health, StoreError> {
        let opened = file_id(path).map_err(|cause| StoreError::Io {
            path: path.display().to_string(),
            cause,
        })?;
        Ok(Health {
            path: path.to_owned(),
            opened,
            fault: OnceLock::new(),
        })
    }

    pub(super) fn fault(&self) -> Option<&'static str> {
        self.fault.get().copied()
    }

    /// From now until restart, the store takes nothing more.
    pub(super) fn set_fault(&self, reason: &'static str) {
        let _ = self.fault.set(reason);
    }

    /// Whether the path still names the file the store has open. One
    /// `stat`: cheap enough for every commit.
    pub(super) fn verify(&self) -> Result<(), Moved> {
        match file_id(&self.path) {
            Ok(now) if now == self.opened => Ok(()),
            Ok(_) => Err(Moved::Replaced),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Moved::Deleted),
            Err(e) => Err(Moved::Unknown(e)),
        }
    }
}

/// The store's file was deleted or replaced (`how`) under the writer, whose
/// connection `conn` still has the old one open, and the store is marked
/// unusable. Copy everything the open file holds (every report acknowledged
/// before this moment, which would otherwise vanish when the server stops)
/// to `<file>.orphaned-<UTC time>` beside it, with SQLite's online backup,
/// and say what to do.
pub(super) fn detached(conn: &Connection, health: &Health, how: &Moved) {
    let path = health.path.display();
    let what = match how {
        Moved::Replaced => "was replaced by another file",
        _ => "was deleted",
    };
    match salvage(conn, &health.path) {
        Ok(copy) => tracing::error!(
            store = %path,
            orphaned = %copy.display(),
            "STORE UNUSABLE: {path} {what} while the server had it open. Nothing more is written to it and its \
             callers hear the apology. Everything the server had stored in it, every report acknowledged, \
             is copied to {}. Stop the server, put the right file at {path} (that copy, unless you know \
             better), and start the server again",
            copy.display()
        ),
        Err(e) => tracing::error!(
            store = %path,
            error = %e,
            "STORE UNUSABLE: {path} {what} while the server had it open. Nothing more is written to it and its \
             callers hear the apology. Its reports could NOT be copied out ({e}): they are only in the old \
             file, which this process still holds open. Do not stop the server: copy that file out of \
             /proc/{}/fd (the link to {path} marked deleted), then stop it and put the copy back at {path}",
            std::process::id()
        ),
    }
}

/// A one-file copy of what `conn` has open, beside `path`: written under a
/// hidden name and renamed when whole, so that nobody takes a half-made
/// copy for the real one.
fn salvage(conn: &Connection, path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let target = path.with_file_name(format!("{name}.orphaned-{stamp}"));
    let partial = path.with_file_name(format!(".{name}.orphaned-{stamp}.partial"));
    let copied = copy(conn, &partial);
    let copied = copied.and_then(|()| {
        std::fs::rename(&partial, &target).map_err(|cause| StoreError::Io {
            path: target.display().to_string(),
            cause,
        })
    });
    if copied.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    copied.map(|()| target)
}

fn copy(conn: &Connection, to: &Path) -> Result<(), StoreError> {
    let err = |e| sqlite_err(to, e);
    let mut copy = Connection::open(to).map_err(err)?;
    Backup::new(conn, &mut copy)
        .and_then(|b| b.run_to_completion(1024, Duration::ZERO, None))
        .map_err(err)?;
    // One file that opens anywhere, with no -wal beside it.
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(err)?;
    copy.close().map_err(|(_, e)| err(e))?;
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(|cause| StoreError::Io {
            path: to.display().to_string(),
            cause,
        })
}

impl Store {
    /// Why this store must take no calls, if it must not: found deleted or
    /// replaced under the server. Kept until the server restarts.
    pub fn fault(&self) -> Option<&'static str> {
        self.health.fault()
    }

    /// Write one row through the writer, as a save would be written, and
    /// let the writer check the file is still the one it opened.
    pub async fn probe(&self) -> Result<(), StoreError> {
        self.writer.probe().await
    }

    /// Before the store takes calls: it can be written, and its pages are
    /// sound (`PRAGMA quick_check`, within [`QUICK_CHECK_BUDGET`]).
    pub async fn check(&self) -> Result<(), StoreError> {
        self.probe().await.map_err(|cause| StoreError::Unwritable {
            path: self.path.display().to_string(),
            cause: Box::new(cause),
        })?;
        self.quick_check(QUICK_CHECK_BUDGET)
    }

    fn quick_check(&self, budget: Duration) -> Result<(), StoreError> {
        let damaged = |detail: String| StoreError::Damaged {
            path: self.path.display().to_string(),
            detail,
        };
        let lines = self
            .with(|c| Ok(within(c, budget, quick_check)))
            .map_err(|e| damaged(e.to_string()))?;
        match lines {
            Ok(lines) if lines == ["ok"] => Ok(()),
            Ok(lines) => Err(damaged(lines.join("; "))),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) => {
                tracing::warn!(
                    store = %self.path.display(),
                    "quick_check did not finish within {budget:?}; the store is taken as sound"
                );
                Ok(())
            }
            Err(e) => Err(damaged(e.to_string())),
        }
    }
}

/// The first few problems `quick_check` finds, or `["ok"]`.
fn quick_check(c: &Connection) -> rusqlite::Result<Vec<String>> {
    c.prepare("PRAGMA quick_check(5)")?
        .query_map([], |r| r.get(0))?
        .collect()
}

/// `f` on `c`, interrupted (`SQLITE_INTERRUPT`) if it runs past `budget`.
fn within<T>(
    c: &Connection,
    budget: Duration,
    f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    let interrupt = c.get_interrupt_handle();
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let timer = std::thread::spawn(move || {
        if finished.recv_timeout(budget) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
            interrupt.interrupt();
        }
    });
    let result = f(c);
    drop(done);
    let _ = timer.join();
    result
}

#[cfg(test)]
mod tests {
    use super::super::writer::tests::report;
    use super::super::{Store, StoreError};
    use super::DETACHED;

    fn orphans(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".orphaned-"))
            .collect()
    }

    /// A save after the file was deleted is refused (never "recorded"),
    /// the store stays unusable, and the reports acknowledged before are
    /// copied out of the open file.
    #[test]
    fn a_deleted_store_refuses_the_next_save_and_its_reports_are_copied_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.save_report_blocking(&report(1)).unwrap().reference, 1);
        std::fs::remove_file(&path).unwrap();

        let err = store.save_report_blocking(&report(2)).unwrap_err();
        assert!(
            matches!(err, StoreError::Unusable { .. }),
            "refused, not acknowledged: {err}"
        );
        assert_eq!(store.fault(), Some(DETACHED));
        assert!(
            matches!(
                store.save_report_blocking(&report(3)),
                Err(StoreError::Unusable { .. })
            ),
            "and stays refused"
        );

        let copies = orphans(dir.path());
        assert_eq!(copies.len(), 1, "{copies:?}");
        let c = rusqlite::Connection::open(&copies[0]).unwrap();
        let refs: Vec<u32> = c
            .prepare("SELECT reference FROM reports ORDER BY reference")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(refs.starts_with(&[1]), "the acknowledged report: {refs:?}");
        let mode: String = c
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete", "one self-contained file");
    }

    /// A file renamed over the store (a backup restored while the server
    /// runs) is caught the same way.
    #[test]
    fn a_store_replaced_by_another_file_refuses_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let other = dir.path().join("other.sqlite");
        drop(Store::open(&other).unwrap());
        let store = Store::open(&path).unwrap();
        store.save_report_blocking(&report(1)).unwrap();
        std::fs::rename(&other, &path).unwrap();
        assert!(matches!(
            store.save_report_blocking(&report(2)),
            Err(StoreError::Unusable { .. })
        ));
        // The copy is made just after the callers are answered; the next
        // job is taken after it.
        assert!(store.save_report_blocking(&report(3)).is_err());
        assert_eq!(orphans(dir.path()).len(), 1);
    }

    #[tokio::test]
    async fn a_sound_writable_store_passes_the_check() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        store.check().await.unwrap();
        assert!(store.fault().is_none());
    }
}
