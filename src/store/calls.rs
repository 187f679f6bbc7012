//! The call log: every call, including those that broke off before a
//! report was saved, so the office can call those families back.
//!
//! A withheld number is stored as no number (see [`CallerId`]), and a call
//! whose status callback never came is closed after [`UNFINISHED_AFTER`].

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Store, StoreError};
use crate::domain::{CallerId, Channel};

/// How long a call may go without Twilio's status callback before it is
/// taken as ended without one (a lost callback, a simulator killed with
/// Ctrl-C, a crash between the call's start and its end). No call on this
/// line comes near it: every step ends the call after three silences, a
/// message is at most a minute, and a whole report takes a few minutes.
/// Until then the office sees the call "in progress", never offered for a
/// call-back. Should a status still come later, it fills in the status and
/// length (and the call is not counted twice).
pub const UNFINISHED_AFTER: TimeDelta = TimeDelta::hours(1);

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

impl CallRow {
    /// Still going at `now`: no end recorded, and started less than
    /// [`UNFINISHED_AFTER`] before. Pages ask this rather than the columns,
    /// so a call that lost its status callback shows as ended even before
    /// the sweep ([`Store::end_unfinished_calls`]) has written it so.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.ended_at.is_none()
            && self.status.is_none()
            && DateTime::parse_from_rfc3339(&self.started_at)
                .is_ok_and(|t| now.signed_duration_since(t) < UNFINISHED_AFTER)
    }
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
        channel: Channel,
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
        /// The call's channel, should its start never have been logged.
        channel: Channel,
    },
    /// Close the calls started before `before` that never got an end.
    Unfinished {
        before: String,
        at: String,
    },
    /// A voice message the call made (see [`super::recordings`]).
    Recording(super::recordings::RecordingNote),
}

impl CallLog {
    /// Write it on the writer's connection. Returns the outcome of each call
    /// this change ended (`Ended`, `Unfinished`), so that a call is counted
    /// once however often its end is reported.
    pub(super) fn apply(&self, c: &Connection) -> rusqlite::Result<Vec<String>> {
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
                .execute(params![call_sid, at, from, to, channel.as_str()])?;
                Ok(Vec::new())
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
                Ok(Vec::new())
            }
            CallLog::Failed { call_sid } => {
                c.prepare_cached(
                    "UPDATE calls SET outcome = 'failed' WHERE call_sid = ?1 AND reports = 0",
                )?
                .execute(params![call_sid])?;
                Ok(Vec::new())
            }
            CallLog::Ended {
                call_sid,
                status,
                duration_secs,
                at,
                from,
                to,
                channel,
            } => {
                // Twilio retries a status callback it got no answer to, and
                // sends one final status per call: the first one wins, in
                // every field. Only a call closed for want of one (status
                // still empty) takes a late one's status, length and time.
                let was_open: Option<bool> = c
                    .prepare_cached("SELECT ended_at IS NULL FROM calls WHERE call_sid = ?1")?
                    .query_row([call_sid], |r| r.get(0))
                    .optional()?;
                let outcome: Option<String> = c
                    .prepare_cached(
                        "INSERT INTO calls (call_sid, started_at, ended_at, from_number, to_number, channel, status, duration_secs)
                         VALUES (?1, ?2, ?2, ?3, ?4, ?7, ?5, ?6)
                         ON CONFLICT (call_sid) DO UPDATE SET
                            ended_at = excluded.ended_at, status = excluded.status,
                            duration_secs = excluded.duration_secs
                         WHERE calls.status IS NULL
                         RETURNING outcome",
                    )?
                    .query_row(params![call_sid, at, from, to, status, duration_secs, channel.as_str()], |r| {
                        r.get(0)
                    })
                    .optional()?;
                // Counted only when this is what ended the call.
                Ok(outcome
                    .filter(|_| was_open.unwrap_or(true))
                    .into_iter()
                    .collect())
            }
            CallLog::Unfinished { before, at } => c
                .prepare_cached(
                    "UPDATE calls SET ended_at = ?2
                     WHERE started_at < ?1 AND ended_at IS NULL AND status IS NULL
                     RETURNING outcome",
                )?
                .query_map(params![before, at], |r| r.get(0))?
                .collect(),
            CallLog::Recording(note) => note.apply(c).map(|()| Vec::new()),
        }
    }
}

impl Store {
    /// The language `caller` chose on their last call, if any. A point read
    /// that may run on the async runtime.
    /// A withheld number is no caller: it has no language to remember.
    pub fn remembered_language(&self, caller: &str) -> Result<Option<String>, StoreError> {
        if CallerId::parse(caller).is_none() {
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
        channel: Channel,
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
        channel: Channel,
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
    /// before a report was saved). `None`: the call had already ended (a
    /// retried callback), and nothing changed.
    #[expect(
        clippy::too_many_arguments,
        reason = "the fields of Twilio's status callback, each a plain value"
    )]
    pub fn end_call(
        &self,
        call_sid: &str,
        status: &str,
        duration_secs: Option<i64>,
        at: &str,
        from: &str,
        to: &str,
        channel: Channel,
    ) -> impl Future<Output = Result<Option<String>, StoreError>> + Send + 'static {
        let outcome = self.writer.log_then(ended(
            call_sid,
            status,
            duration_secs,
            at,
            from,
            to,
            channel,
        ));
        async move { Ok(outcome.await?.pop()) }
    }

    /// [`end_call`](Self::end_call) from blocking code.
    #[expect(
        clippy::too_many_arguments,
        reason = "the fields of Twilio's status callback, each a plain value"
    )]
    pub fn call_ended(
        &self,
        call_sid: &str,
        status: &str,
        duration_secs: Option<i64>,
        at: &str,
        from: &str,
        to: &str,
        channel: Channel,
    ) -> Result<Option<String>, StoreError> {
        let mut outcome = self.writer.log_blocking(ended(
            call_sid,
            status,
            duration_secs,
            at,
            from,
            to,
            channel,
        ))?;
        Ok(outcome.pop())
    }

    /// Close, as ended without a status, every call that started more than
    /// [`UNFINISHED_AFTER`] before `now` and has no end: one short change
    /// through the writer. The future gives the outcome of each call closed,
    /// to count them; running it again closes nothing more.
    pub fn end_unfinished_calls(
        &self,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send + 'static {
        self.writer.log_then(unfinished(now))
    }

    /// [`end_unfinished_calls`](Self::end_unfinished_calls) from blocking
    /// code.
    pub fn unfinished_calls_ended(&self, now: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        self.writer.log_blocking(unfinished(now))
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

/// The number the call log keeps: none for a withheld one, so withheld
/// callers are never taken for one number to call back.
fn number(from: &str) -> String {
    CallerId::parse(from).map_or_else(String::new, |c| c.as_str().to_owned())
}

fn started(call_sid: &str, from: &str, to: &str, at: &str, channel: Channel) -> CallLog {
    CallLog::Started {
        call_sid: call_sid.to_owned(),
        from: number(from),
        to: to.to_owned(),
        at: at.to_owned(),
        channel,
    }
}

fn language_chosen(call_sid: &str, caller: &str, language: &str, at: &str) -> CallLog {
    CallLog::Language {
        call_sid: call_sid.to_owned(),
        // Empty: not remembered (see the `Language` change).
        caller: number(caller),
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
    channel: Channel,
) -> CallLog {
    CallLog::Ended {
        call_sid: call_sid.to_owned(),
        status: status.to_owned(),
        duration_secs,
        at: at.to_owned(),
        from: number(from),
        to: to.to_owned(),
        channel,
    }
}

fn unfinished(now: DateTime<Utc>) -> CallLog {
    CallLog::Unfinished {
        before: (now - UNFINISHED_AFTER).to_rfc3339_opts(SecondsFormat::Secs, true),
        at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Channel;
    use chrono::{DateTime, TimeDelta, Utc};

    use super::super::Store;
    use super::CallRow;

    const FROM: &str = "+819012345678";
    const TO: &str = "+81312345678";

    fn at(t: DateTime<Utc>) -> String {
        t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    fn row(store: &Store, sid: &str) -> CallRow {
        let calls = store.calls_between("0000", "9999").unwrap();
        calls.into_iter().find(|c| c.call_sid == sid).unwrap()
    }

    #[test]
    fn a_repeated_status_callback_changes_nothing_and_is_not_counted_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let t0 = "2026-11-24T22:00:00Z";
        store
            .call_started("CA1", FROM, TO, t0, Channel::Twilio)
            .unwrap();
        let first = store
            .call_ended(
                "CA1",
                "completed",
                Some(20),
                "2026-11-24T22:00:20Z",
                FROM,
                TO,
                Channel::Twilio,
            )
            .unwrap();
        assert_eq!(first.as_deref(), Some("abandoned"), "the first end counts");
        let ended = row(&store, "CA1");

        // Twilio's retry, a moment later; then a different final status.
        let retry = store
            .call_ended(
                "CA1",
                "completed",
                Some(20),
                "2026-11-24T22:00:31Z",
                FROM,
                TO,
                Channel::Twilio,
            )
            .unwrap();
        let other = store
            .call_ended(
                "CA1",
                "failed",
                Some(25),
                "2026-11-24T22:01:00Z",
                FROM,
                TO,
                Channel::Twilio,
            )
            .unwrap();
        assert_eq!((retry, other), (None, None), "nothing ended twice");
        assert_eq!(
            row(&store, "CA1"),
            ended,
            "every field as the first left it"
        );
        assert_eq!(ended.ended_at.as_deref(), Some("2026-11-24T22:00:20Z"));
        assert_eq!(ended.status.as_deref(), Some("completed"));

        // A status for a call whose start was lost ends it, once.
        let lone = |t| store.call_ended("CA2", "completed", Some(5), t, FROM, TO, Channel::Twilio);
        assert_eq!(lone(t0).unwrap().as_deref(), Some("abandoned"));
        assert_eq!(lone("2026-11-24T22:09:00Z").unwrap(), None);
        assert_eq!(row(&store, "CA2").ended_at.as_deref(), Some(t0));
    }

    #[test]
    fn a_call_without_an_end_is_closed_after_the_bound_and_only_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let now: DateTime<Utc> = "2026-11-25T03:00:00Z".parse().unwrap();
        let old = at(now - super::UNFINISHED_AFTER - TimeDelta::minutes(1));
        let recent = at(now - super::UNFINISHED_AFTER + TimeDelta::minutes(1));
        store
            .call_started("CAlost", FROM, TO, &old, Channel::Twilio)
            .unwrap();
        store
            .call_started("CAsim", "", "", &old, Channel::Simulator)
            .unwrap();
        store
            .call_started("CAlive", FROM, TO, &recent, Channel::Twilio)
            .unwrap();
        store
            .call_started("CAdone", FROM, TO, &old, Channel::Twilio)
            .unwrap();
        store
            .call_ended(
                "CAdone",
                "completed",
                Some(30),
                &old,
                FROM,
                TO,
                Channel::Twilio,
            )
            .unwrap();

        // Shown ended before the sweep has written it.
        assert!(!row(&store, "CAlost").is_open(now));
        assert!(row(&store, "CAlive").is_open(now));

        let mut closed = store.unfinished_calls_ended(now).unwrap();
        closed.sort();
        assert_eq!(closed, ["abandoned", "abandoned"], "CAlost and CAsim");
        let lost = row(&store, "CAlost");
        assert_eq!(lost.ended_at, Some(at(now)));
        assert_eq!((lost.status, lost.outcome.as_str()), (None, "abandoned"));
        assert_eq!(
            row(&store, "CAlive").ended_at,
            None,
            "still within the bound"
        );
        assert_eq!(row(&store, "CAdone").ended_at, Some(old.clone()));
        assert!(store.unfinished_calls_ended(now).unwrap().is_empty());

        // Its status after all: filled in, not counted a second time.
        let late = store
            .call_ended(
                "CAlost",
                "completed",
                Some(4000),
                &at(now),
                FROM,
                TO,
                Channel::Twilio,
            )
            .unwrap();
        assert_eq!(late, None);
        assert_eq!(row(&store, "CAlost").duration_secs, Some(4000));
    }

    #[test]
    fn a_withheld_number_is_no_caller_in_the_log_or_the_language_memory() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let t = "2026-11-24T22:00:00Z";
        for (sid, from) in [("CA1", "anonymous"), ("CA2", "+266696687"), ("CA3", FROM)] {
            store
                .call_started(sid, from, TO, t, Channel::Twilio)
                .unwrap();
            store.call_language(sid, from, "en", t).unwrap();
            store
                .call_ended(sid, "completed", Some(9), t, from, TO, Channel::Twilio)
                .unwrap();
        }
        for withheld in ["anonymous", "Anonymous", "+266696687", ""] {
            assert_eq!(
                store.remembered_language(withheld).unwrap(),
                None,
                "{withheld}"
            );
        }
        assert_eq!(
            store.remembered_language(FROM).unwrap().as_deref(),
            Some("en")
        );
        let numbers: Vec<String> = store
            .calls_between("0000", "9999")
            .unwrap()
            .into_iter()
            .map(|c| c.from_number)
            .collect();
        assert_eq!(numbers, ["", "", FROM]);
    }
}
