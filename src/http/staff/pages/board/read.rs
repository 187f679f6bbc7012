//! What the board pages read from the stores, on blocking threads: the
//! whole-school counts of every school for a range in one task (the
//! district view), or one school's per-class counts (the drill-down). Only
//! the kept counts and the enrolment are read, never report rows.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};

use crate::deployment::Deployment;
use crate::domain::{CallerId, SchoolId};
use crate::http::staff::fmt;
use crate::http::state::AppState;
use crate::schoolday::SchoolCalendar;
use crate::store::{Store, StoreError};
use crate::surveillance::{self, Enrolment, Tallies, Tally};

/// One school as the district view needs it, gathered before the blocking
/// task so that it holds no lock.
pub struct Input {
    pub id: SchoolId,
    pub store: Option<Arc<Store>>,
    /// The config's enrolment table, for a school without a roster.
    pub table: BTreeMap<String, BTreeMap<String, u32>>,
    pub calendar: SchoolCalendar,
}

impl Input {
    /// Every school of the deployment, in the config's order.
    pub fn all(app: &AppState, dep: &Deployment) -> Vec<Input> {
        dep.schools
            .values()
            .map(|s| Input {
                id: s.id.clone(),
                store: app.store(&s.id),
                table: dep
                    .config
                    .schools
                    .get(&s.id)
                    .map(|c| c.enrolment.clone())
                    .unwrap_or_default(),
                calendar: s.calendar.clone(),
            })
            .collect()
    }
}

/// One school's counts for the district view.
pub struct Figures {
    pub enrolment: Enrolment,
    /// The whole school per school day read (shared with the cache).
    pub days: Arc<BTreeMap<String, Tally>>,
    /// The shown day's counts per class (what the class and grade alert
    /// rules look at).
    pub day_classes: Arc<Tallies>,
    /// Calls from the start of the shown day until the school's next
    /// school day (the evening and a weekend after it) that ended without
    /// a report, from a number that can be called back and did not report
    /// later.
    pub call_backs: usize,
}

impl Figures {
    /// The whole school on `day` (zeros when nothing was reported).
    pub fn on(&self, day: &str) -> Tally {
        self.days.get(day).cloned().unwrap_or_default()
    }
}

/// What [`district`] read of each school's counts, kept until that
/// school's store changes ([`Store::report_generation`] for staff
/// corrections, [`Store::data_version`] for every other commit, whoever
/// made it) or another range is asked for: the board looks at the same morning again and again, and
/// a prefecture is a thousand stores.
#[derive(Default)]
pub struct Cache(Mutex<HashMap<SchoolId, Kept>>);

struct Kept {
    /// `from`, `to`, `day`, the store's report generation and data version.
    key: (NaiveDate, NaiveDate, NaiveDate, u64, u64),
    days: Arc<BTreeMap<String, Tally>>,
    day_classes: Arc<Tallies>,
}

/// Every school's figures for days `from..=to` and the calls of `day`, on
/// this (blocking) thread and one more (the stores are independent files).
/// A school whose store cannot be read is `None` and logged; the others
/// are still shown.
pub fn district(
    inputs: &[Input],
    from: NaiveDate,
    to: NaiveDate,
    day: NaiveDate,
    now: DateTime<Utc>,
    cache: &Cache,
) -> Vec<Option<Figures>> {
    on_two_threads(inputs, |i| school_figures(i, from, to, day, now, cache))
}

/// `f` of every school input, in order, the inputs split over this
/// (blocking) thread's scope and two threads: the stores are independent
/// files, and the machine has two cores. A panic on either is re-raised.
pub(super) fn on_two_threads<T: Send>(inputs: &[Input], f: impl Fn(&Input) -> T + Sync) -> Vec<T> {
    let half = inputs.len().div_ceil(2).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let parts: Vec<_> = inputs
            .chunks(half)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| {
                p.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

fn school_figures(
    i: &Input,
    from: NaiveDate,
    to: NaiveDate,
    day: NaiveDate,
    now: DateTime<Utc>,
    cache: &Cache,
) -> Option<Figures> {
    let store = i.store.as_ref()?;
    let read = || -> Result<Figures, StoreError> {
        let tz = i.calendar.tz();
        let (start, _) = fmt::day_bounds(day, tz);
        let (end, _) = fmt::day_bounds(i.calendar.next_school_day_after(day), tz);
        // Read the generation before the counts: a report committed in
        // between makes the next look read again, never keeps stale counts.
        let key = (
            from,
            to,
            day,
            store.report_generation(),
            store.data_version()?,
        );
        let kept = {
            let map = cache.0.lock().unwrap_or_else(|p| p.into_inner());
            map.get(&i.id)
                .filter(|k| k.key == key)
                .map(|k| (k.days.clone(), k.day_classes.clone()))
        };
        let (days, day_classes) = match kept {
            Some(k) => k,
            None => {
                let day_s = day.to_string();
                let days = Arc::new(surveillance::school_days(
                    &store.day_totals(&from.to_string(), &to.to_string())?,
                ));
                let day_classes = Arc::new(surveillance::read::tallies(store, &day_s, &day_s)?);
                cache.0.lock().unwrap_or_else(|p| p.into_inner()).insert(
                    i.id.clone(),
                    Kept {
                        key,
                        days: days.clone(),
                        day_classes: day_classes.clone(),
                    },
                );
                (days, day_classes)
            }
        };
        Ok(Figures {
            enrolment: surveillance::read::enrolment(store, &i.table)?,
            days,
            day_classes,
            call_backs: call_backs(store, &start, &end, now)?,
        })
    };
    read()
        .map_err(|e| tracing::error!(school = %i.id, error = %e, "cannot read a school's counts for the board"))
        .ok()
}

/// As the call log marks them: ended without a report (or given up on),
/// from a number that can be called, with no later report from it.
fn call_backs(
    store: &Store,
    start: &str,
    end: &str,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let calls = store.calls_between(start, end)?;
    Ok(calls
        .iter()
        .filter(|c| c.outcome != "reported" && !c.is_open(now))
        .filter(|c| CallerId::parse(&c.from_number).is_some())
        .filter(|c| {
            !calls.iter().any(|o| {
                o.from_number == c.from_number
                    && o.started_at > c.started_at
                    && o.outcome == "reported"
            })
        })
        .count())
}

/// One school's per-class counts and enrolment, for the drill-down.
pub struct Detail {
    pub enrolment: Enrolment,
    pub tallies: Tallies,
}

pub fn school(
    store: &Store,
    table: &BTreeMap<String, BTreeMap<String, u32>>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Detail, StoreError> {
    Ok(Detail {
        enrolment: surveillance::read::enrolment(store, table)?,
        tallies: surveillance::read::tallies(store, &from.to_string(), &to.to_string())?,
    })
}

/// One school's counts for the alert list.
pub struct AlertCounts {
    pub enrolment: Enrolment,
    pub tallies: Tallies,
    /// The whole school per day: what the rise rule compares with.
    pub totals: BTreeMap<String, Tally>,
}

/// Every school's per-class counts and day totals of `from..=to`, in one
/// pass on this (blocking) thread; `None` for a store that cannot be read.
pub fn alert_counts(inputs: &[Input], from: NaiveDate, to: NaiveDate) -> Vec<Option<AlertCounts>> {
    let (from, to) = (from.to_string(), to.to_string());
    inputs
        .iter()
        .map(|i| {
            let store = i.store.as_ref()?;
            let read = || -> Result<AlertCounts, StoreError> {
                Ok(AlertCounts {
                    enrolment: surveillance::read::enrolment(store, &i.table)?,
                    tallies: surveillance::read::tallies(store, &from, &to)?,
                    totals: surveillance::school_days(&store.day_totals(&from, &to)?),
                })
            };
            read()
                .map_err(|e| tracing::error!(school = %i.id, error = %e, "cannot read a school's counts for the alerts"))
                .ok()
        })
        .collect()
}
