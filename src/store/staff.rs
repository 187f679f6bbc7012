//! What the school staff pages read and write: who has seen which report,
//! when each user last looked at a day's list, a day's counts, and which
//! reports each call made.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

/// Active reports of one school day, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    pub absence: u32,
    pub late: u32,
    pub early: u32,
    /// Voice-message-only reports (no kind).
    pub other: u32,
}

/// A report a call made: its reference and (first) school day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallReport {
    pub reference: u32,
    pub school_day: String,
    /// Saved when the caller hung up before confirming it: call back.
    pub unconfirmed: bool,
}

impl Store {
    /// Mark report row `id` seen by `user` at `at` (the first mark stays).
    /// Returns the row's school day, or `None` if there is no such row.
    pub fn mark_seen(&self, id: i64, user: &str, at: &str) -> Result<Option<String>, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            let day: Option<String> = tx
                .query_row("SELECT school_day FROM reports WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            if day.is_some() {
                tx.execute(
                    "INSERT INTO report_seen (report_id, user, at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (report_id, user) DO NOTHING",
                    params![id, user, at],
                )?;
            }
            tx.commit()?;
            Ok(day)
        })
    }

    /// The report rows of `day` that `user` has seen, with when.
    pub fn seen_on(&self, user: &str, day: &str) -> Result<HashMap<i64, String>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT s.report_id, s.at FROM report_seen s JOIN reports r ON r.id = s.report_id
                 WHERE s.user = ?1 AND r.school_day = ?2",
            )?;
            let rows = stmt.query_map(params![user, day], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        })
    }

    /// Note that `user` looked at `day`'s list at `at`; returns when they
    /// looked before, if ever.
    pub fn record_list_view(
        &self,
        user: &str,
        day: &str,
        at: &str,
    ) -> Result<Option<String>, StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            let previous: Option<String> = tx
                .query_row(
                    "SELECT at FROM list_views WHERE user = ?1 AND school_day = ?2",
                    params![user, day],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO list_views (user, school_day, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (user, school_day) DO UPDATE SET at = excluded.at",
                params![user, day, at],
            )?;
            tx.commit()?;
            Ok(previous)
        })
    }

    /// How many active reports `day` has, by kind.
    pub fn day_counts(&self, day: &str) -> Result<DayCounts, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT kind, COUNT(*) FROM reports
                 WHERE school_day = ?1 AND status = 'active' GROUP BY kind",
            )?;
            let mut counts = DayCounts::default();
            let rows = stmt.query_map([day], |r| {
                Ok((r.get::<_, Option<String>>(0)?, r.get::<_, u32>(1)?))
            })?;
            for row in rows {
                let (kind, n) = row?;
                match kind.as_deref() {
                    Some("absence") => counts.absence += n,
                    Some("late") => counts.late += n,
                    Some("early") => counts.early += n,
                    _ => counts.other += n,
                }
            }
            Ok(counts)
        })
    }

    /// The reports each of `calls` made (every status), by reference.
    pub fn reports_of_calls(
        &self,
        calls: &[&str],
    ) -> Result<HashMap<String, Vec<CallReport>>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT reference, MIN(school_day), MAX(unconfirmed) FROM reports
                 WHERE call_sid = ?1 GROUP BY reference ORDER BY reference",
            )?;
            let mut out = HashMap::new();
            for sid in calls {
                if out.contains_key(*sid) {
                    continue;
                }
                let made: Vec<CallReport> = stmt
                    .query_map([sid], |r| {
                        Ok(CallReport {
                            reference: r.get(0)?,
                            school_day: r.get(1)?,
                            unconfirmed: r.get(2)?,
                        })
                    })?
                    .collect::<Result<_, _>>()?;
                out.insert((*sid).to_owned(), made);
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, ReportKind};
    use crate::store::NewReport;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        (dir, store)
    }

    fn report(sid: &str, kind: Option<&str>, day: &str) -> NewReport {
        NewReport {
            call_sid: sid.into(),
            student: Some("10203".into()),
            kind: kind.and_then(ReportKind::parse),
            days: vec![day.into()],
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        }
    }

    #[test]
    fn seen_marks_are_per_user_and_day() {
        let (_d, store) = store();
        store
            .save_report(&report("CA1", Some("absence"), "2026-11-25"))
            .unwrap();
        let id = store.reports_on("2026-11-25").unwrap()[0].id;
        assert_eq!(
            store
                .mark_seen(id, "daiichi", "2026-11-25T00:00:00Z")
                .unwrap(),
            Some("2026-11-25".into())
        );
        assert_eq!(
            store
                .mark_seen(id, "daiichi", "2026-11-25T01:00:00Z")
                .unwrap(),
            Some("2026-11-25".into())
        );
        assert_eq!(store.mark_seen(id + 99, "daiichi", "x").unwrap(), None);
        let seen = store.seen_on("daiichi", "2026-11-25").unwrap();
        assert_eq!(
            seen.get(&id).map(String::as_str),
            Some("2026-11-25T00:00:00Z")
        );
        assert!(store.seen_on("board", "2026-11-25").unwrap().is_empty());
        assert!(store.seen_on("daiichi", "2026-11-26").unwrap().is_empty());
    }

    #[test]
    fn a_list_view_returns_the_previous_one() {
        let (_d, store) = store();
        assert_eq!(
            store.record_list_view("u", "2026-11-25", "A").unwrap(),
            None
        );
        assert_eq!(
            store.record_list_view("u", "2026-11-25", "B").unwrap(),
            Some("A".into())
        );
        assert_eq!(
            store.record_list_view("u", "2026-11-26", "C").unwrap(),
            None
        );
        assert_eq!(
            store.record_list_view("v", "2026-11-25", "D").unwrap(),
            None
        );
    }

    #[test]
    fn counts_and_calls() {
        let (_d, store) = store();
        store
            .save_report(&report("CA1", Some("absence"), "2026-11-25"))
            .unwrap();
        let mut second = report("CA1", Some("late"), "2026-11-25");
        second.call_seq = 1;
        second.student = Some("30412".into());
        store.save_report(&second).unwrap();
        store
            .save_report(&report("CA2", None, "2026-11-25"))
            .unwrap();
        assert_eq!(
            store.day_counts("2026-11-25").unwrap(),
            DayCounts {
                absence: 1,
                late: 1,
                early: 0,
                other: 1
            }
        );
        let made = store.reports_of_calls(&["CA1", "CA3"]).unwrap();
        assert_eq!(
            made["CA1"].iter().map(|r| r.reference).collect::<Vec<_>>(),
            [1, 2]
        );
        assert!(made["CA3"].is_empty());
    }
}
