//! The call log: every call, including those that broke off before a
//! report was saved, so the office can call those families back.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallRow {
    pub call_sid: String,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub from_number: String,
    pub to_number: String,
    pub language: Option<String>,
    pub outcome: String,
    pub status: Option<String>,
    pub duration_secs: Option<i64>,
    pub reports: i64,
}

impl Store {
    /// Log a new call and return the language this caller chose last time.
    /// A repeated request for the same call changes nothing.
    pub fn call_started(
        &self,
        call_sid: &str,
        from: &str,
        to: &str,
        at: &str,
        channel: &str,
    ) -> Result<Option<String>, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO calls (call_sid, started_at, from_number, to_number, channel)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (call_sid) DO NOTHING",
                params![call_sid, at, from, to, channel],
            )?;
            let lang = if from.is_empty() {
                None
            } else {
                tx.query_row(
                    "SELECT language FROM caller_languages WHERE caller = ?1",
                    [from],
                    |r| r.get(0),
                )
                .optional()?
            };
            tx.commit()?;
            Ok(lang)
        })
    }

    /// Note the language the caller chose: on the call, and for their next
    /// call to this school.
    pub fn call_language(
        &self,
        call_sid: &str,
        caller: &str,
        language: &str,
        at: &str,
    ) -> Result<(), StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "UPDATE calls SET language = ?2 WHERE call_sid = ?1",
                params![call_sid, language],
            )?;
            if !caller.is_empty() {
                tx.execute(
                    "INSERT INTO caller_languages (caller, language, updated_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (caller) DO UPDATE SET
                        language = excluded.language, updated_at = excluded.updated_at",
                    params![caller, language, at],
                )?;
            }
            tx.commit()
        })
    }

    /// Mark a call as failed inside (the caller heard the apology).
    pub fn call_failed(&self, call_sid: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "UPDATE calls SET outcome = 'failed' WHERE call_sid = ?1 AND reports = 0",
                params![call_sid],
            )
            .map(drop)
        })
    }

    /// Twilio's final status callback; returns the call's outcome. A call that saved a report stays
    /// "reported"; one that failed inside stays "failed"; any other call is
    /// "abandoned" (it ended before a report was saved).
    pub fn call_ended(
        &self,
        call_sid: &str,
        status: &str,
        duration_secs: Option<i64>,
        at: &str,
        from: &str,
        to: &str,
    ) -> Result<String, StoreError> {
        self.with(|c| {
            c.query_row(
                "INSERT INTO calls (call_sid, started_at, ended_at, from_number, to_number, channel, status, duration_secs)
                 VALUES (?1, ?2, ?2, ?3, ?4, 'twilio', ?5, ?6)
                 ON CONFLICT (call_sid) DO UPDATE SET
                    ended_at = excluded.ended_at, status = excluded.status,
                    duration_secs = excluded.duration_secs
                 RETURNING outcome",
                params![call_sid, at, from, to, status, duration_secs],
                |r| r.get(0),
            )
        })
    }

    /// Calls that started in `from..to` (RFC 3339 UTC), oldest first.
    pub fn calls_between(&self, from: &str, to: &str) -> Result<Vec<CallRow>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT call_sid, started_at, ended_at, from_number, to_number, language, outcome,
                        status, duration_secs, reports
                 FROM calls WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at",
            )?;
            let rows = stmt.query_map(params![from, to], |r| {
                Ok(CallRow {
                    call_sid: r.get(0)?,
                    started_at: r.get(1)?,
                    ended_at: r.get(2)?,
                    from_number: r.get(3)?,
                    to_number: r.get(4)?,
                    language: r.get(5)?,
                    outcome: r.get(6)?,
                    status: r.get(7)?,
                    duration_secs: r.get(8)?,
                    reports: r.get(9)?,
                })
            })?;
            rows.collect()
        })
    }
}
