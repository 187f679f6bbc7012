//! The call log: every call, including those that broke off before a
//! report was saved, so the office can call those families back.

use rusqlite::{Connection, OptionalExtension, params};
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

/// A change to the call log. It goes through the writer with the reports,
/// in order, and is committed in their group: a call's start is always
/// written before its reports and its end.
#[derive(Debug)]
pub(super) enum CallLog {
    Started {
        call_sid: String,
        from: String,
        to: String,
        at: String,
        channel: String,
    },
    Language {
        call_sid: String,
        caller: String,
        language: String,
        at: String,
    },
    Failed {
        call_sid: String,
    },
    Ended {
        call_sid: String,
        status: String,
        duration_secs: Option<i64>,
        at: String,
        from: String,
        to: String,
    },
    /// A voice message the call made (see [`super::recordings`]).
    Recording(super::recordings::RecordingNote),
}

impl CallLog {
    /// Write it on the writer's connection; `Ended` returns the outcome.
    pub(super) fn apply(&self, c: &Connection) -> rusqlite::Result<Option<String>> {
        match self {
            CallLog::Started {
                call_sid,
                from,
                to,
                at,
                channel,
            } => {
                c.prepare_cached(
                    "INSERT INTO calls (call_sid, started_at, from_number, to_number, channel)
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (call_sid) DO NOTHING",
                )?
                .execute(params![call_sid, at, from, to, channel])?;
                Ok(None)
            }
            CallLog::Language {
                call_sid,
                caller,
                language,
                at,
            } => {
                c.prepare_cached("UPDATE calls SET language = ?2 WHERE call_sid = ?1")?
                    .execute(params![call_sid, language])?;
                if !caller.is_empty() {
                    c.prepare_cached(
                        "INSERT INTO caller_languages (caller, language, updated_at) VALUES (?1, ?2, ?3)
                         ON CONFLICT (caller) DO UPDATE SET
                            language = excluded.language, updated_at = excluded.updated_at",
                    )?
                    .execute(params![caller, language, at])?;
                }
                Ok(None)
            }
            CallLog::Failed { call_sid } => {
                c.prepare_cached(
                    "UPDATE calls SET outcome = 'failed' WHERE call_sid = ?1 AND reports = 0",
                )?
                .execute(params![call_sid])?;
                Ok(None)
            }
            CallLog::Ended {
                call_sid,
                status,
                duration_secs,
                at,
                from,
                to,
            } => c
                .prepare_cached(
                    "INSERT INTO calls (call_sid, started_at, ended_at, from_number, to_number, channel, status, duration_secs)
                     VALUES (?1, ?2, ?2, ?3, ?4, 'twilio', ?5, ?6)
                     ON CONFLICT (call_sid) DO UPDATE SET
                        ended_at = excluded.ended_at, status = excluded.status,
                        duration_secs = excluded.duration_secs
                     RETURNING outcome",
                )?
                .query_row(params![call_sid, at, from, to, status, duration_secs], |r| {
                    r.get(0).map(Some)
                }),
            CallLog::Recording(note) => note.apply(c).map(|()| None),
        }
    }
}

impl Store {
    /// The language `caller` chose on their last call, if any. A point read
    /// that may run on the async runtime.
    pub fn remembered_language(&self, caller: &str) -> Result<Option<String>, StoreError> {
        if caller.is_empty() {
            return Ok(None);
        }
        self.read(|c| {
            c.prepare_cached("SELECT language FROM caller_languages WHERE caller = ?1")?
                .query_row([caller], |r| r.get(0))
                .optional()
        })
    }

    /// Log a new call, without waiting for the commit: the call log is a
    /// record for the office, not a promise to the caller, so the first
    /// answer does not wait for an fsync (a crash may lose the last few
    /// milliseconds of it, never a report). A repeated start changes nothing.
    pub fn log_call_started(
        &self,
        call_sid: &str,
        from: &str,
        to: &str,
        at: &str,
        channel: &str,
    ) -> Result<(), StoreError> {
        self.writer.log(started(call_sid, from, to, at, channel))
    }

    /// [`log_call_started`](Self::log_call_started), waiting for the commit,
    /// and the language this caller chose last time. Blocks.
    pub fn call_started(
        &self,
        call_sid: &str,
        from: &str,
        to: &str,
        at: &str,
        channel: &str,
    ) -> Result<Option<String>, StoreError> {
        let lang = self.remembered_language(from)?;
        self.writer
            .log_blocking(started(call_sid, from, to, at, channel))?;
        Ok(lang)
    }

    /// Note the language the caller chose: on the call, and for their next
    /// call to this school. Does not wait for the commit.
    pub fn log_call_language(
        &self,
        call_sid: &str,
        caller: &str,
        language: &str,
        at: &str,
    ) -> Result<(), StoreError> {
        self.writer
            .log(language_chosen(call_sid, caller, language, at))
    }

    /// [`log_call_language`](Self::log_call_language), waiting for the
    /// commit. Blocks.
    pub fn call_language(
        &self,
        call_sid: &str,
        caller: &str,
        language: &str,
        at: &str,
    ) -> Result<(), StoreError> {
        self.writer
            .log_blocking(language_chosen(call_sid, caller, language, at))
            .map(drop)
    }

    /// Mark a call as failed inside (the caller heard the apology). Does not
    /// wait for the commit.
    pub fn log_call_failed(&self, call_sid: &str) -> Result<(), StoreError> {
        self.writer.log(failed(call_sid))
    }

    /// [`log_call_failed`](Self::log_call_failed), waiting for the commit.
    /// Blocks.
    pub fn call_failed(&self, call_sid: &str) -> Result<(), StoreError> {
        self.writer.log_blocking(failed(call_sid)).map(drop)
    }

    /// Twilio's final status callback. It is queued at once; the future
    /// gives the call's outcome after the commit, so the webhook need not
    /// wait for it. A call that saved a report stays "reported"; one that
    /// failed inside stays "failed"; any other call is "abandoned" (it ended
    /// before a report was saved).
    pub fn end_call(
        &self,
        call_sid: &str,
        status: &str,
        duration_secs: Option<i64>,
        at: &str,
        from: &str,
        to: &str,
    ) -> impl Future<Output = Result<String, StoreError>> + Send + 'static {
        let outcome = self
            .writer
            .log_then(ended(call_sid, status, duration_secs, at, from, to));
        async move { Ok(outcome.await?.unwrap_or_default()) }
    }

    /// [`end_call`](Self::end_call) from blocking code.
    pub fn call_ended(
        &self,
        call_sid: &str,
        status: &str,
        duration_secs: Option<i64>,
        at: &str,
        from: &str,
        to: &str,
    ) -> Result<String, StoreError> {
        let outcome =
            self.writer
                .log_blocking(ended(call_sid, status, duration_secs, at, from, to))?;
        Ok(outcome.unwrap_or_default())
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

fn started(call_sid: &str, from: &str, to: &str, at: &str, channel: &str) -> CallLog {
    CallLog::Started {
        call_sid: call_sid.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
        at: at.to_owned(),
        channel: channel.to_owned(),
    }
}

fn language_chosen(call_sid: &str, caller: &str, language: &str, at: &str) -> CallLog {
    CallLog::Language {
        call_sid: call_sid.to_owned(),
        caller: caller.to_owned(),
        language: language.to_owned(),
        at: at.to_owned(),
    }
}

fn failed(call_sid: &str) -> CallLog {
    CallLog::Failed {
        call_sid: call_sid.to_owned(),
    }
}

fn ended(
    call_sid: &str,
    status: &str,
    duration_secs: Option<i64>,
    at: &str,
    from: &str,
    to: &str,
) -> CallLog {
    CallLog::Ended {
        call_sid: call_sid.to_owned(),
        status: status.to_owned(),
        duration_secs,
        at: at.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
    }
}
