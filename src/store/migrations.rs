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
    // 3: several-day reports (one row per school day under one reference),
    // corrections kept as history, seen marks, and the roster.
    "CREATE TABLE reports_v3 (
        id            INTEGER PRIMARY KEY,
        reference     INTEGER NOT NULL,
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
        status        TEXT NOT NULL DEFAULT 'active'
                      CHECK (status IN ('active', 'replaced', 'cancelled')),
        changed_at    TEXT,
        replaced_by   INTEGER,
        UNIQUE (reference, school_day),
        UNIQUE (call_sid, call_seq, school_day)
    );
    INSERT INTO reports_v3 (id, reference, call_sid, call_seq, student, grade, class,
        attendance_no, kind, reason, symptom, disease, temperature, school_day, time,
        recording_url, language, channel, received_at, caller)
    SELECT id, reference, call_sid, call_seq, student, grade, class, attendance_no, kind,
        reason, symptom, disease, temperature, school_day, time, recording_url, language,
        channel, received_at, caller FROM reports;
    DROP TABLE reports;
    ALTER TABLE reports_v3 RENAME TO reports;
    CREATE INDEX reports_day ON reports (school_day, grade, class);
    CREATE INDEX reports_student_day ON reports (student, school_day) WHERE status = 'active';
    CREATE TABLE report_events (
        id         INTEGER PRIMARY KEY,
        reference  INTEGER NOT NULL,
        school_day TEXT NOT NULL,
        at         TEXT NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('created', 'replaced', 'cancelled')),
        call_sid   TEXT,
        call_seq   INTEGER,
        by_reference INTEGER
    );
    CREATE INDEX report_events_ref ON report_events (reference);
    INSERT INTO report_events (reference, school_day, at, action, call_sid, call_seq)
        SELECT reference, school_day, received_at, 'created', call_sid, call_seq FROM reports;
    CREATE INDEX report_events_call ON report_events (call_sid, call_seq);
    CREATE TABLE report_seen (
        report_id INTEGER NOT NULL,
        user      TEXT NOT NULL,
        at        TEXT NOT NULL,
        PRIMARY KEY (report_id, user)
    );
    CREATE TABLE list_views (
        user       TEXT NOT NULL,
        school_day TEXT NOT NULL,
        at         TEXT NOT NULL,
        PRIMARY KEY (user, school_day)
    );
    CREATE TABLE students (
        student TEXT PRIMARY KEY,
        grade   TEXT NOT NULL,
        class   TEXT NOT NULL,
        number  TEXT NOT NULL,
        name    TEXT NOT NULL DEFAULT '',
        kana    TEXT NOT NULL DEFAULT '',
        phones  TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 4: a report's history is also looked up by the report that replaced it.
    "CREATE INDEX report_events_by ON report_events (by_reference);",
    // 5: voice messages on the call log (from the Record action when the
    // caller hung up, and from Twilio's recording status callback), so none
    // is lost with the call; and reports saved when the caller hung up
    // before confirming the read-back.
    "CREATE TABLE recordings (
        recording_sid TEXT PRIMARY KEY,
        call_sid      TEXT NOT NULL,
        url           TEXT,
        status        TEXT,
        duration_secs INTEGER,
        error_code    TEXT,
        hung_up       INTEGER NOT NULL DEFAULT 0,
        reference     INTEGER,
        noted_at      TEXT NOT NULL
    );
    CREATE INDEX recordings_call ON recordings (call_sid);
    ALTER TABLE reports ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0;",
];

/// Migrations whose SQL is put together from parts (the count triggers
/// repeat one measure list for each table and row), after [`MIGRATIONS`].
const BUILT: &[fn() -> String] = &[
    // 6: counts kept as reports change, ILI, staff corrections.
    super::counts::migration,
    // 7: the alerts raised, each once per school day and level.
    super::alerts::migration,
    // 8: guardian numbers → students, to recognise a caller by number.
    super::phones::migration,
];

impl Store {
    pub(super) fn migrate(&self) -> Result<(), StoreError> {
        let known = (MIGRATIONS.len() + BUILT.len()) as i64;
        let found: i64 = self.with(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0)))?;
        if found > known {
            return Err(StoreError::TooNew {
                path: self.path.display().to_string(),
                found,
                known,
            });
        }
        self.with(|c| {
            let all = MIGRATIONS
                .iter()
                .map(|s| std::borrow::Cow::Borrowed(*s))
                .chain(BUILT.iter().map(|f| std::borrow::Cow::Owned(f())));
            for (i, sql) in all.enumerate().skip(found as usize) {
                let tx = c.transaction()?;
                tx.execute_batch(&sql)?;
                // Its rows are the roster's numbers in E.164: Rust's to spell.
                if i + 1 == super::phones::MIGRATION {
                    super::phones::index_phones(&tx)?;
                }
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
        assert_eq!(v, (MIGRATIONS.len() + BUILT.len()) as i64);
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
