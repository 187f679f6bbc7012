//! Alerts as reports arrive. About once a second, each school whose store's
//! report generation moved (a report committed, a staff correction) has
//! its alert rules evaluated (`surveillance::alerts`) from the kept counts;
//! an alert not seen before on that school day, at that level, is
//! remembered in the store with the time it was first raised, counted in
//! `/metrics` and logged at INFO: school, rule, level and classes, never a
//! student. Every school is also evaluated once a minute whatever its
//! generation, for what the counter cannot see: a new day beginning, the
//! days of a several-day absence coming round, writes by another process.
//!
//! Which school day: the school's calendar date when the school is open
//! that day, else its next school day (during school hours every school
//! shows the same day; the cut-off only decides where evening calls go).
//! After the cut-off new reports are for the next school day, so that day
//! is evaluated too.
//!
//! The pages and `alerts.json` evaluate the rules again when asked (the
//! counts are cheap to read), through the same [`current`], and take the
//! first-raised times from the store.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use super::log_limit::LogLimit;
use super::staff::{BlockingError, blocking};
use super::state::AppState;
use crate::deployment::School;
use crate::domain::SchoolId;
use crate::schoolday::SchoolCalendar;
use crate::store::{AlertRecord, Store, StoreError};
use crate::surveillance::alerts::{Alert, AlertRules, evaluate};
use crate::surveillance::{self, Tally};

/// How often the generations are looked at.
const EVERY: Duration = Duration::from_secs(1);
/// How often every school is evaluated whatever its generation.
const ALL_EVERY: Duration = Duration::from_secs(60);

/// An alert as the pages show it: the rule's figures now, and since when
/// it has been raised (`None` until it has been remembered).
#[derive(Debug, Clone)]
pub struct Current {
    pub alert: Alert,
    /// The first time this alert was raised that day, at any level.
    pub first_raised_at: Option<String>,
    /// The first time it reached its present level.
    pub level_raised_at: Option<String>,
}

/// The school day whose alerts are current at `now`: the calendar date
/// when the school is open that day, else the next school day.
pub fn current_day(cal: &SchoolCalendar, now: DateTime<Utc>) -> NaiveDate {
    let date = now.with_timezone(&cal.tz()).date_naive();
    if cal.is_school_day(date) {
        date
    } else {
        cal.today(now)
    }
}

/// The days whose alerts are remembered at `now`: the current school day,
/// and after the cut-off the day new reports go to.
fn live_days(cal: &SchoolCalendar, now: DateTime<Utc>) -> Vec<NaiveDate> {
    let mut days = vec![current_day(cal, now)];
    let reports_go_to = cal.today(now);
    if !days.contains(&reports_go_to) {
        days.push(reports_go_to);
    }
    days
}

/// The rules' alerts for `day`, from the store's counts. Blocking.
fn evaluate_day(
    store: &Store,
    table: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, u32>>,
    rules: &AlertRules,
    cal: &SchoolCalendar,
    day: NaiveDate,
) -> Result<Vec<Alert>, StoreError> {
    let before = cal.school_days_before(day, rules.rise_days);
    let from = before.last().copied().unwrap_or(day).to_string();
    let day_s = day.to_string();
    let tallies = surveillance::read::tallies(store, &from, &day_s)?;
    let enrolment = surveillance::read::enrolment(store, table)?;
    let previous: Vec<Tally> = before
        .iter()
        .map(|d| tallies.school(&d.to_string()))
        .collect();
    Ok(evaluate(rules, &day_s, &tallies, &enrolment, &previous))
}

/// The alerts of school `id` on `day` now, with their first-raised times.
/// On a live day (see [`live_days`]) the ones not remembered yet are
/// remembered now, counted and logged, whoever asks first: the watcher or
/// a page.
pub async fn current(
    app: &AppState,
    school: &School,
    store: Arc<Store>,
    day: NaiveDate,
) -> Result<Vec<Current>, BlockingError> {
    let dep = app.deployment();
    let rules = dep.config.alerts.clone();
    let table = dep
        .config
        .schools
        .get(&school.id)
        .map(|s| s.enrolment.clone())
        .unwrap_or_default();
    let cal = school.calendar.clone();
    let now = Utc::now();
    let live = live_days(&cal, now).contains(&day);
    let day_s = day.to_string();
    let id = school.id.clone();
    let (alerts, new, raised) = blocking(move || {
        let alerts = evaluate_day(&store, &table, &rules, &cal, day)?;
        // Remembering is bookkeeping: a store that cannot take the write (a
        // full or read-only disk) still shows its alerts, only without
        // "since when", and the next evaluation tries again. A store found
        // deleted or replaced takes nothing more.
        let new = if live && store.fault().is_none() {
            let records: Vec<AlertRecord> = alerts.iter().map(record).collect();
            let at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
            store
                .record_alerts(&day_s, &records, &at)
                .unwrap_or_else(|e| {
                    static FAILED: LogLimit = LogLimit::new();
                    if let Some(left_out) = FAILED.allow() {
                        tracing::warn!(school = %id, error = %e, left_out, "cannot remember the alerts raised");
                    }
                    Vec::new()
                })
        } else {
            Vec::new()
        };
        let raised = store.raised_alerts(&day_s, &day_s)?;
        Ok((alerts, new, raised))
    })
    .await?;
    for &i in &new {
        raised_now(app, &school.id, &alerts[i]);
    }
    Ok(alerts
        .into_iter()
        .map(|alert| {
            let key = alert.key();
            let of_key = raised.iter().filter(|r| r.key == key);
            let first_raised_at = of_key.clone().map(|r| r.first_raised_at.clone()).min();
            let level_raised_at = of_key
                .filter(|r| r.level == alert.level.as_str())
                .map(|r| r.first_raised_at.clone())
                .min();
            Current {
                alert,
                first_raised_at,
                level_raised_at,
            }
        })
        .collect())
}

fn record(a: &Alert) -> AlertRecord {
    AlertRecord {
        key: a.key(),
        rule: a.rule.as_str().to_owned(),
        level: a.level.as_str().to_owned(),
        detail: serde_json::to_string(a).unwrap_or_default(),
    }
}

/// A new alert: counted and logged (classes and counts, never a student).
fn raised_now(app: &AppState, school: &SchoolId, a: &Alert) {
    app.0.metrics.alert_raised(a.rule, a.level);
    let classes: Vec<String> = a.classes.iter().map(|c| c.class.to_string()).collect();
    tracing::info!(
        %school,
        day = %a.school_day,
        rule = a.rule.as_str(),
        level = a.level.as_str(),
        class = %classes.join(","),
        grade = a.grade.as_deref().unwrap_or(""),
        cause = a.cause.as_deref().unwrap_or(""),
        count = a.count,
        enrolment = a.enrolment.unwrap_or(0),
        "alert raised"
    );
}

/// Evaluate the live days of school `id`; their alerts go to the gauge.
async fn refresh(app: &AppState, id: &SchoolId, store: Arc<Store>) -> Result<(), BlockingError> {
    let dep = app.deployment();
    let Some(school) = dep.schools.get(id) else {
        return Ok(());
    };
    let mut now_in_force = 0;
    for day in live_days(&school.calendar, Utc::now()) {
        now_in_force += current(app, school, store.clone(), day).await?.len();
    }
    app.0.metrics.alerts_now(id, now_in_force);
    Ok(())
}

/// The watcher: started once with the server.
pub(super) fn spawn(app: AppState) {
    tokio::spawn(async move {
        let mut seen: HashMap<SchoolId, u64> = HashMap::new();
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut all_at = Instant::now();
        loop {
            tick.tick().await;
            let all = seen.is_empty() || all_at.elapsed() >= ALL_EVERY;
            if all {
                all_at = Instant::now();
            }
            let stores: Vec<_> = (app.0.stores.read())
                .unwrap_or_else(|p| p.into_inner())
                .iter()
                .map(|(id, s)| (id.clone(), s.clone()))
                .collect();
            for (id, store) in stores {
                // Read before evaluating: a commit during the evaluation
                // moves it again, and the next tick looks again.
                let generation = store.report_generation();
                if !all && seen.get(&id) == Some(&generation) {
                    continue;
                }
                seen.insert(id.clone(), generation);
                if let Err(e) = refresh(&app, &id, store).await {
                    static FAILED: LogLimit = LogLimit::new();
                    if let Some(left_out) = FAILED.allow() {
                        tracing::warn!(school = %id, error = %e, left_out, "cannot evaluate the alerts");
                    }
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, TimeZone};

    fn calendar() -> SchoolCalendar {
        let days = crate::schoolday::parse_calendar("2026-11-23 勤労感謝の日\n", "c.txt").unwrap();
        SchoolCalendar::new(
            chrono_tz::Asia::Tokyo,
            NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            days,
        )
    }

    fn tokyo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Asia::Tokyo
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_current_day_is_the_open_calendar_date_and_after_the_cut_off_the_next_too() {
        let cal = calendar();
        // Wednesday morning.
        assert_eq!(
            live_days(&cal, tokyo(2026, 11, 25, 8, 45)),
            [day("2026-11-25")]
        );
        // Wednesday evening: still Wednesday, and Thursday's reports.
        assert_eq!(
            live_days(&cal, tokyo(2026, 11, 25, 19, 0)),
            [day("2026-11-25"), day("2026-11-26")]
        );
        // Saturday: Monday. Sunday 22 Nov: Tuesday 24 (Monday is a holiday).
        assert_eq!(
            live_days(&cal, tokyo(2026, 11, 28, 10, 0)),
            [day("2026-11-30")]
        );
        assert_eq!(
            current_day(&cal, tokyo(2026, 11, 22, 10, 0)),
            day("2026-11-24")
        );
    }
}
