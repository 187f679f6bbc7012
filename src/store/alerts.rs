//! The early-warning alerts a school has had: when each was first raised,
//! at which level, and what made it (a JSON copy of the alert's figures,
//! class and counts only, never a student). The rules are evaluated from
//! the counts whenever they are asked for; this table only remembers the
//! first time each alert (per school day, identity and level) was seen, so
//! that it is counted and logged once and a page can say "since 08:10".

use rusqlite::params;

use super::{Store, StoreError};

/// Migration 7.
pub(super) fn migration() -> String {
    "CREATE TABLE alerts (
        school_day      TEXT NOT NULL,
        key             TEXT NOT NULL,
        rule            TEXT NOT NULL,
        level           TEXT NOT NULL,
        first_raised_at TEXT NOT NULL,
        detail          TEXT NOT NULL,
        PRIMARY KEY (school_day, key, level)
    ) WITHOUT ROWID;"
        .to_owned()
}

/// An alert to remember, as the surveillance names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRecord {
    /// Its identity within the school day (`class-rate/3-1`).
    pub key: String,
    pub rule: String,
    pub level: String,
    /// The alert's figures, JSON.
    pub detail: String,
}

/// An alert as remembered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaisedAlert {
    pub school_day: String,
    pub key: String,
    pub rule: String,
    pub level: String,
    pub first_raised_at: String,
    pub detail: String,
}

impl Store {
    /// Remember `alerts` of `day` as raised at `at` (RFC 3339), in one
    /// transaction; the ones already remembered at the same level keep
    /// their first time. Returns which of `alerts` (by index) were new.
    pub fn record_alerts(
        &self,
        day: &str,
        alerts: &[AlertRecord],
        at: &str,
    ) -> Result<Vec<usize>, StoreError> {
        if alerts.is_empty() {
            return Ok(Vec::new());
        }
        self.with(|c| {
            let tx = c.transaction()?;
            let mut new = Vec::new();
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO alerts (school_day, key, rule, level, first_raised_at, detail)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                )?;
                for (i, a) in alerts.iter().enumerate() {
                    if insert.execute(params![day, a.key, a.rule, a.level, at, a.detail])? == 1 {
                        new.push(i);
                    }
                }
            }
            tx.commit()?;
            Ok(new)
        })
    }

    /// Every alert remembered for school days `from..=to`, oldest first.
    pub fn raised_alerts(&self, from: &str, to: &str) -> Result<Vec<RaisedAlert>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT school_day, key, rule, level, first_raised_at, detail FROM alerts
                 WHERE school_day BETWEEN ?1 AND ?2 ORDER BY first_raised_at, key, level",
            )?;
            let rows = stmt.query_map(params![from, to], |r| {
                Ok(RaisedAlert {
                    school_day: r.get(0)?,
                    key: r.get(1)?,
                    rule: r.get(2)?,
                    level: r.get(3)?,
                    first_raised_at: r.get(4)?,
                    detail: r.get(5)?,
                })
            })?;
            rows.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, ReportKind};

    fn record(key: &str, level: &str) -> AlertRecord {
        AlertRecord {
            key: key.into(),
            rule: "class-rate".into(),
            level: level.into(),
            detail: "{}".into(),
        }
    }

    #[test]
    fn each_alert_is_new_once_per_day_and_level_and_keeps_its_first_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let day = "2026-11-25";
        let warn = record("class-rate/3-1", "warning");
        assert_eq!(
            store
                .record_alerts(day, std::slice::from_ref(&warn), "2026-11-24T23:10:00Z")
                .unwrap(),
            [0]
        );
        // Seen again, and escalated: only the closure level is new.
        let closure = record("class-rate/3-1", "closure");
        assert_eq!(
            store
                .record_alerts(day, &[warn.clone(), closure], "2026-11-24T23:40:00Z")
                .unwrap(),
            [1]
        );
        // Another day is another alert.
        assert_eq!(
            store
                .record_alerts("2026-11-26", &[warn], "2026-11-25T23:00:00Z")
                .unwrap(),
            [0]
        );
        let raised = store.raised_alerts(day, day).unwrap();
        let view: Vec<(&str, &str)> = raised
            .iter()
            .map(|a| (a.level.as_str(), a.first_raised_at.as_str()))
            .collect();
        assert_eq!(
            view,
            [
                ("warning", "2026-11-24T23:10:00Z"),
                ("closure", "2026-11-24T23:40:00Z")
            ]
        );
    }

    /// What the alerts watch: saves and corrections move it, a call-log
    /// change or a correction that changes nothing does not.
    #[test]
    fn the_generation_moves_with_reports_and_corrections_only() {
        use super::super::{NewReport, ReportEdit};
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let g0 = store.report_generation();
        store
            .call_started(
                "CA1",
                "+819000000000",
                "+81300000000",
                "2026-11-24T22:00:00Z",
                Channel::Twilio,
            )
            .unwrap();
        assert_eq!(store.report_generation(), g0, "a call-log change alone");
        let saved = store
            .save_report(&NewReport {
                call_sid: "CA1".into(),
                kind: Some(ReportKind::Absence),
                reason: Some("family".into()),
                days: vec!["2026-11-25".into()],
                language: "ja".into(),
                channel: Channel::Twilio,
                received_at: "2026-11-24T22:00:00Z".into(),
                ..Default::default()
            })
            .unwrap();
        let g1 = store.report_generation();
        assert!(g1 > g0, "a save");
        let edit = ReportEdit {
            reason: Some("illness".into()),
            ..Default::default()
        };
        store
            .edit_report(saved.reference, &edit, "daiichi", "2026-11-24T23:00:00Z")
            .unwrap();
        let g2 = store.report_generation();
        assert!(g2 > g1, "a correction");
        store
            .edit_report(saved.reference, &edit, "daiichi", "2026-11-24T23:05:00Z")
            .unwrap();
        assert_eq!(
            store.report_generation(),
            g2,
            "a correction that changes nothing"
        );
    }
}
