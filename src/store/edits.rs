//! Staff corrections of what a report says about an illness: the school
//! nurse hears "it was influenza after all" and changes the reason, the
//! symptoms or the disease on the morning list. The row changes in place
//! (the counts follow in the same transaction) and the history keeps who
//! changed what, and when.

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use super::counts::{COUNTED, Counted, Deltas};
use super::reports::is_ili;
use super::{Store, StoreError};

/// The new values, all four at once (what the correction form holds). The
/// caller checks them against the flow's words; the store keeps what it is
/// given.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportEdit {
    pub reason: Option<String>,
    /// A symptom list as the flow stores it (`fever,respiratory`).
    pub symptom: Option<String>,
    pub temperature: Option<f64>,
    pub disease: Option<String>,
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The school days whose rows changed (a several-day report changes on
    /// each of its days).
    pub days: Vec<String>,
}

impl Store {
    /// Change active report `reference` on every day it covers, by `user`
    /// at `at` (RFC 3339). `None` when it has no active row (it was
    /// replaced or cancelled meanwhile): nothing changes. An edit that
    /// changes nothing leaves no history.
    pub fn edit_report(
        &self,
        reference: u32,
        edit: &ReportEdit,
        user: &str,
        at: &str,
    ) -> Result<Option<Edited>, StoreError> {
        // As for a report: a store found deleted or replaced under the
        // server takes nothing more (a correction written into the file it
        // still holds would be gone at the next start), and a correction is
        // acknowledged only if the path still names the file it went into.
        let unusable = |reason| StoreError::Unusable {
            path: self.path.display().to_string(),
            reason,
        };
        if let Some(reason) = self.health.fault() {
            return Err(unusable(reason));
        }
        let edited = self.edit_rows(reference, edit, user, at)?;
        if edited.as_ref().is_some_and(|e| !e.days.is_empty()) {
            self.health
                .verify()
                .map_err(|_| unusable(super::health::DETACHED))?;
        }
        Ok(edited)
    }

    fn edit_rows(
        &self,
        reference: u32,
        edit: &ReportEdit,
        user: &str,
        at: &str,
    ) -> Result<Option<Edited>, StoreError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let before: Option<ReportEdit> = tx
                .query_row(
                    "SELECT reason, symptom, temperature, disease FROM reports
                     WHERE reference = ?1 AND status = 'active' LIMIT 1",
                    [reference],
                    |r| {
                        Ok(ReportEdit {
                            reason: r.get(0)?,
                            symptom: r.get(1)?,
                            temperature: r.get(2)?,
                            disease: r.get(3)?,
                        })
                    },
                )
                .optional()?;
            let Some(before) = before else {
                return Ok(None);
            };
            if before == *edit {
                return Ok(Some(Edited { days: Vec::new() }));
            }
            let ili = is_ili(edit.symptom.as_deref(), edit.temperature);
            // Each day's row as counted before, then as it will be.
            let rows: Vec<Counted> = tx
                .prepare(&format!(
                    "SELECT {COUNTED} FROM reports WHERE reference = ?1 AND status = 'active'"
                ))?
                .query_map([reference], |r| Counted::read(r, 0))?
                .collect::<Result<_, _>>()?;
            let mut deltas = Deltas::default();
            for row in &rows {
                deltas.add(row, -1);
                deltas.add(
                    &Counted {
                        reason: edit.reason.clone(),
                        symptom: edit.symptom.clone(),
                        disease: edit.disease.clone(),
                        ili,
                        ..row.clone()
                    },
                    1,
                );
            }
            let days: Vec<String> = tx
                .prepare(
                    "UPDATE reports SET reason = ?2, symptom = ?3, temperature = ?4, disease = ?5,
                        ili = ?6, changed_at = ?7
                     WHERE reference = ?1 AND status = 'active' RETURNING school_day",
                )?
                .query_map(
                    params![
                        reference,
                        edit.reason,
                        edit.symptom,
                        edit.temperature,
                        edit.disease,
                        ili,
                        at
                    ],
                    |r| r.get(0),
                )?
                .collect::<Result<_, _>>()?;
            deltas.apply(&tx)?;
            let detail = serde_json::json!({ "before": before, "after": edit }).to_string();
            for day in &days {
                tx.execute(
                    "INSERT INTO report_events (reference, school_day, at, action, user, detail)
                     VALUES (?1, ?2, ?3, 'edited', ?4, ?5)",
                    params![reference, day, at, user, detail],
                )?;
            }
            tx.commit()?;
            self.reports_changed();
            let mut days = days;
            days.sort();
            Ok(Some(Edited { days }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::NewReport;
    use super::*;
    use crate::domain::{Channel, ReportKind};

    fn flu() -> ReportEdit {
        ReportEdit {
            reason: Some("infectious".into()),
            disease: Some("influenza".into()),
            ..Default::default()
        }
    }

    /// A store deleted under the server: a nurse's correction is never
    /// acknowledged, neither before anything noticed (the path no longer
    /// names the file it went into) nor after the writer did (the store
    /// takes nothing more).
    #[tokio::test]
    async fn a_correction_of_a_store_deleted_under_the_server_is_not_acknowledged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        let saved = store
            .submit(NewReport {
                call_sid: "CA1".into(),
                kind: Some(ReportKind::Absence),
                reason: Some("illness".into()),
                days: vec!["2026-11-25".into()],
                language: "ja".into(),
                channel: Channel::Twilio,
                received_at: "2026-11-24T22:00:00Z".into(),
                ..Default::default()
            })
            .await
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        let edited = store.edit_report(saved.reference, &flu(), "daiichi", "2026-11-25T00:00:00Z");
        assert!(
            matches!(edited, Err(StoreError::Unusable { .. })),
            "{edited:?}"
        );
        // The writer notices at its next write and sets the store aside.
        assert!(store.probe().await.is_err());
        assert!(store.fault().is_some());
        let again = ReportEdit {
            reason: Some("injury".into()),
            ..Default::default()
        };
        let edited = store.edit_report(saved.reference, &again, "daiichi", "2026-11-25T00:01:00Z");
        assert!(
            matches!(edited, Err(StoreError::Unusable { .. })),
            "{edited:?}"
        );
    }
}
