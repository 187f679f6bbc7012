//! Schema migrations, applied in order; `user_version` records how many ran.

use super::{Store, StoreError};

const MIGRATIONS: &[&str] = &[
    // 1: calls and reports.
    "CREATE TABLE calls (
        call_sid      TEXT PRIMARY KEY,
        started_at    TEXT NOT NULL,
        ended_at      TEXT,
        from_number   TEXT NOT NULL,
        to_number     TEXT NOT NULL,
        language      TEXT,
        channel       TEXT NOT NULL,
        outcome       TEXT NOT NULL DEFAULT 'abandoned'
                      CHECK (outcome IN ('reported', 'abandoned', 'failed')),
        status        TEXT,
        duration_secs INTEGER,
        reports       INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX calls_started ON calls (started_at);
    CREATE TABLE reports (
        id            INTEGER PRIMARY KEY,
        reference     INTEGER NOT NULL UNIQUE,
        call_sid      TEXT NOT NULL,
        call_seq      INTEGER NOT NULL,
        student       TEXT,
        grade         TEXT,
        class         TEXT,
        attendance_no TEXT,
        kind          TEXT CHECK (kind IN ('absence', 'late', 'early')),
        reason        TEXT,
        symptom       TEXT,
        disease       TEXT,
        temperature   REAL CHECK (temperature BETWEEN 30 AND 45),
        school_day    TEXT NOT NULL,
        time          TEXT,
        recording_url TEXT,
        language      TEXT NOT NULL,
        channel       TEXT NOT NULL,
        received_at   TEXT NOT NULL,
        caller        TEXT,
        UNIQUE (call_sid, call_seq)
    );
    CREATE INDEX reports_day ON reports (school_day);",
    // 2: the language each caller chose last, to greet them in it next time.
    "CREATE TABLE caller_languages (
        caller      TEXT PRIMARY KEY,
        language    TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );",
];

impl Store {
    pub(super) fn migrate(&self) -> Result<(), StoreError> {
        let known = MIGRATIONS.len() as i64;
        let found: i64 = self.with(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0)))?;
        if found > known {
            return Err(StoreError::TooNew {
                path: self.path.display().to_string(),
                found,
                known,
            });
        }
        self.with(|c| {
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
                let tx = c.transaction()?;
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", (i + 1) as i64)?;
                tx.commit()?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_once_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        let v: i64 = store
            .with(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0)))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
        assert!(store.integrity_ok().unwrap());
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        store
            .with(|c| c.pragma_update(None, "user_version", 99))
            .unwrap();
        drop(store);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }
}
