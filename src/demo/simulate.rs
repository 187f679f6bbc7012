//! A school's reports, school day by school day: each child without a
//! report running may start one at the rates of [`super::illness`]; the
//! influenza wave spreads within classes; one grade of one school has a
//! gastroenteritis cluster in autumn; and some reports are corrected
//! (replaced or cancelled by a second call, or edited by the staff). Every
//! school draws from its own random source, seeded from the run's seed and
//! its index, so a school's reports do not depend on how many threads made
//! them or in which order.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, SecondsFormat, TimeDelta};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use super::illness::{self, EPISODE_DAYS};
use super::schools::{self, Kind, School, Student};
use crate::domain::{Channel, Correction, ReportKind};
use crate::domain::{Disease, Symptoms};
use crate::schoolday::SchoolCalendar;
use crate::store::NewReport;

/// Share of reports a second call replaces (a child who went in late after
/// all, a symptom added).
pub const REPLACED: f64 = 0.03;
/// Share of reports a second call cancels (the child went to school).
pub const CANCELLED: f64 = 0.01;
/// Share of fever reports the staff later correct to a suspension (the
/// clinic found influenza, COVID-19 or strep); influenza's first-day fever
/// reports are corrected far more often (see [`FLU_FIRST_DAY_EDITED`]).
pub const FEVER_EDITED: f64 = 0.085;
/// Share of influenza cases whose first day the parent reported as a fever
/// before the clinic's diagnosis.
pub const FLU_FEVER_FIRST: f64 = 0.4;
/// Share of those first-day fever reports the staff correct to influenza.
pub const FLU_FIRST_DAY_EDITED: f64 = 0.5;

/// What the whole district shares: when each winter's influenza wave peaks,
/// and where and when the gastroenteritis cluster is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct District {
    pub seed: u64,
    pub schools: usize,
    /// (winter's year, the district's peak day): late January to early
    /// February.
    pub flu_peaks: Vec<(i32, NaiveDate)>,
    pub gastro: Option<Cluster>,
}

/// The gastroenteritis cluster: one grade of one school, four school days
/// from `first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    pub school: usize,
    pub grade: usize,
    pub first: NaiveDate,
}

/// New cases in the cluster's grade on its first four days.
const CLUSTER_RATES: [f64; 4] = [0.08, 0.15, 0.10, 0.04];

impl District {
    /// The district for `schools` schools over `days` (school days, in
    /// order).
    pub fn new(seed: u64, schools: usize, days: &[NaiveDate]) -> District {
        let mut rng = StdRng::seed_from_u64(seed);
        let (Some(first), Some(last)) = (days.first(), days.last()) else {
            return District {
                seed,
                schools,
                flu_peaks: Vec::new(),
                gastro: None,
            };
        };
        let flu_peaks = (first.year()..=last.year() + 1)
            .map(|year| {
                let jan24 = NaiveDate::from_ymd_opt(year, 1, 24).expect("a date");
                (
                    year,
                    jan24 + Days::new(rng.random_range(0..16)) - Days::new(5),
                )
            })
            .collect();
        // An elementary school, and an autumn week in the range.
        let elementary: Vec<usize> = (0..schools)
            .filter(|&i| schools::kind_of(i) == Kind::Elementary)
            .collect();
        let autumn: Vec<usize> = (0..days.len().saturating_sub(3))
            .filter(|&i| {
                let d = days[i];
                (d.month() == 10 && d.day() >= 10) || (d.month() == 11 && d.day() <= 25)
            })
            .collect();
        let gastro = match (elementary.is_empty(), autumn.is_empty()) {
            (false, false) => Some(Cluster {
                school: elementary[rng.random_range(0..elementary.len())],
                grade: rng.random_range(1..=6),
                first: days[autumn[rng.random_range(0..autumn.len())]],
            }),
            _ => None,
        };
        District {
            seed,
            schools,
            flu_peaks,
            gastro,
        }
    }

    fn rng(&self, school: usize) -> StdRng {
        // Each school its own stream, whatever the others drew.
        StdRng::seed_from_u64(
            self.seed
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .wrapping_add(school as u64 + 1),
        )
    }
}

/// A staff correction to make once the report is saved: the report of
/// call `call_sid` becomes a suspension for `disease`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedEdit {
    pub call_sid: String,
    /// RFC 3339, UTC: that morning, after the clinic's diagnosis.
    pub at: String,
    pub disease: Disease,
}

/// One school with its roster and everything that happens to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub school: School,
    pub students: Vec<Student>,
    /// In the order they come in (by `received_at`).
    pub reports: Vec<NewReport>,
    pub edits: Vec<PlannedEdit>,
}

/// Plan school `index` of `district` over `days`.
pub fn plan_school(
    district: &District,
    index: usize,
    days: &[NaiveDate],
    calendar: &SchoolCalendar,
) -> Plan {
    let mut rng = district.rng(index);
    let school = schools::school(index, district.schools, &mut rng);
    let students = schools::roster(&school, &mut rng);
    let mut sim = Sim {
        rng,
        calendar,
        reports: Vec::new(),
        edits: Vec::new(),
    };
    sim.run(district, index, &school, &students, days);
    let Sim {
        mut reports, edits, ..
    } = sim;
    // Stable: a replacement made the same second stays after its report.
    reports.sort_by(|a, b| a.received_at.cmp(&b.received_at));
    Plan {
        school,
        students,
        reports,
        edits,
    }
}

/// A class: its students (a range of the roster) and grade.
struct Class {
    students: std::ops::Range<usize>,
    grade: usize,
    /// Its own influenza factor: most classes are spared, a few catch it.
    flu_factor: f64,
    /// New influenza cases on each school day so far.
    cases: Vec<u32>,
}

struct Sim<'a> {
    rng: StdRng,
    calendar: &'a SchoolCalendar,
    reports: Vec<NewReport>,
    edits: Vec<PlannedEdit>,
}

/// What a child's day brings.
enum Event {
    Flu,
    Gastro,
    Disease(Disease, usize),
    Illness,
    Late,
    Early,
    Absent(&'static str, usize),
}

impl Sim<'_> {
    fn run(
        &mut self,
        district: &District,
        index: usize,
        school: &School,
        students: &[Student],
        days: &[NaiveDate],
    ) {
        let mut classes = Vec::new();
        let mut start = 0;
        for (g, sizes) in school.classes.iter().enumerate() {
            for &size in sizes {
                let flu_factor = if self.rng.random_bool(1.0 / 7.0) {
                    self.rng.random_range(2.0..4.0)
                } else {
                    self.rng.random_range(0.3..1.2)
                };
                classes.push(Class {
                    students: start..start + size,
                    grade: g + 1,
                    flu_factor,
                    cases: vec![0; days.len()],
                });
                start += size;
            }
        }
        let school_factor = self.rng.random_range(0.8..1.2);
        let flu_strength = self.rng.random_range(0.5..1.5);
        let flu_shift = self.rng.random_range(-7i64..=7);
        // The first day index each child is free of a running report, and
        // the winter of the child's influenza (once a winter).
        let mut busy = vec![0usize; students.len()];
        let mut had_flu = vec![0i32; students.len()];
        let elementary = school.kind == Kind::Elementary;
        for (di, &day) in days.iter().enumerate() {
            let winter = if day.month() >= 9 {
                day.year() + 1
            } else {
                day.year()
            };
            let wave = district
                .flu_peaks
                .iter()
                .find(|(y, _)| *y == winter)
                .map_or(0.0, |(_, peak)| {
                    let peak = *peak + TimeDelta::days(flu_shift);
                    illness::flu_wave(day, peak) * illness::FLU_PEAK * flu_strength
                });
            let cluster_day = district.gastro.filter(|c| c.school == index).and_then(|c| {
                let first = days.iter().position(|d| *d == c.first)?;
                let k = di.checked_sub(first)?;
                CLUSTER_RATES.get(k).map(|rate| (c.grade, *rate))
            });
            let ill = illness::ILLNESS_ABSENT
                * illness::weekday_factor(day)
                * illness::month_factor(day)
                * school_factor
                / EPISODE_DAYS;
            let monday = day.weekday() == chrono::Weekday::Mon;
            for class in &mut classes {
                let recent: u32 = class.cases[di.saturating_sub(3)..di].iter().sum();
                let size = class.students.len() as f64;
                let flu = (wave * class.flu_factor
                    + illness::FLU_CONTAGION * f64::from(recent) / size)
                    .min(0.25);
                let gastro = match cluster_day {
                    Some((grade, rate)) if grade == class.grade => rate,
                    _ => 0.0,
                };
                let young = elementary && class.grade <= 3;
                let diseases = illness::other_diseases(day, elementary, young);
                for s in class.students.clone() {
                    if busy[s] > di {
                        continue;
                    }
                    let flu = if had_flu[s] == winter { 0.0 } else { flu };
                    let Some(event) = self.draw(flu, gastro, &diseases, ill, monday) else {
                        continue;
                    };
                    if matches!(event, Event::Flu) {
                        had_flu[s] = winter;
                        class.cases[di] += 1;
                    }
                    let span = self.happen(event, &students[s], day);
                    busy[s] = di + span;
                }
            }
        }
    }

    /// One child's day: nothing, or what starts.
    fn draw(
        &mut self,
        flu: f64,
        gastro: f64,
        diseases: &[(Disease, f64, usize)],
        ill: f64,
        monday: bool,
    ) -> Option<Event> {
        use illness::{BEREAVEMENT, EARLY, FAMILY, INJURY, LATE, MEDICAL, OTHER};
        let mut u = self.rng.random::<f64>();
        let mut take = |p: f64| {
            if u < p {
                true
            } else {
                u -= p;
                false
            }
        };
        if take(flu) {
            return Some(Event::Flu);
        }
        if take(gastro) {
            return Some(Event::Gastro);
        }
        for &(d, p, days) in diseases {
            if take(p) {
                return Some(Event::Disease(d, days));
            }
        }
        if take(ill) {
            return Some(Event::Illness);
        }
        if take(LATE * if monday { 1.15 } else { 1.0 }) {
            return Some(Event::Late);
        }
        if take(EARLY) {
            return Some(Event::Early);
        }
        for (reason, p, days) in [
            ("medical", MEDICAL, 1),
            ("family", FAMILY, 2),
            ("injury", INJURY, 2),
            ("bereavement", BEREAVEMENT, 3),
            ("other", OTHER, 1),
        ] {
            if take(p) {
                return Some(Event::Absent(reason, days));
            }
        }
        None
    }

    /// Make the reports of `event` for `s` starting on `day`; how many
    /// school days the child is taken.
    fn happen(&mut self, event: Event, s: &Student, day: NaiveDate) -> usize {
        match event {
            Event::Flu => {
                if self.rng.random_bool(FLU_FEVER_FIRST) {
                    // A high fever first; the clinic's influenza the next day.
                    let at = self.called(day);
                    let mut first = self.report(s, ReportKind::Absence, "illness", vec![day], at);
                    let (symptoms, t) = illness::flu_onset(&mut self.rng);
                    set_illness(&mut first, symptoms, t);
                    if self.rng.random_bool(FLU_FIRST_DAY_EDITED) {
                        self.edit(&first, day, Disease::Influenza);
                    }
                    self.reports.push(first);
                    let next = self.calendar.next_school_day_after(day);
                    let days = self.calendar.school_days_from(next, 4);
                    let at = self.morning(next);
                    self.suspension(s, Disease::Influenza, days, at);
                } else {
                    let days = self.calendar.school_days_from(day, 5);
                    let at = self.called(day);
                    self.suspension(s, Disease::Influenza, days, at);
                }
                5
            }
            Event::Gastro => {
                let n = self.rng.random_range(1..=2);
                let days = self.calendar.school_days_from(day, n);
                let at = self.called(day);
                if self.rng.random_bool(0.35) {
                    self.suspension(s, Disease::Gastroenteritis, days, at);
                } else {
                    let mut r = self.report(s, ReportKind::Absence, "illness", days, at);
                    let (symptoms, t) = illness::gastro(&mut self.rng);
                    set_illness(&mut r, symptoms, t);
                    self.push_correctable(r, day);
                }
                n
            }
            Event::Disease(disease, n) => {
                let days = self.calendar.school_days_from(day, n);
                let at = self.called(day);
                self.suspension(s, disease, days, at);
                n
            }
            Event::Illness => {
                let n = illness::episode_days(&mut self.rng);
                // Most parents call each morning; some report the days at once.
                let each_day = n == 1 || self.rng.random_bool(0.7);
                let spans: Vec<Vec<NaiveDate>> = if each_day {
                    self.calendar
                        .school_days_from(day, n)
                        .into_iter()
                        .map(|d| vec![d])
                        .collect()
                } else {
                    vec![self.calendar.school_days_from(day, n)]
                };
                let (symptoms, t) = illness::illness(day, &mut self.rng);
                for days in spans {
                    let first = days[0];
                    let at = self.called(first);
                    let mut r = self.report(s, ReportKind::Absence, "illness", days, at);
                    set_illness(&mut r, symptoms, t);
                    self.push_correctable(r, first);
                }
                n
            }
            Event::Late | Event::Early => {
                let late = matches!(event, Event::Late);
                let reason = pick(
                    &mut self.rng,
                    if late {
                        &[
                            ("medical", 0.4),
                            ("illness", 0.3),
                            ("family", 0.15),
                            ("other", 0.15),
                        ]
                    } else {
                        &[
                            ("medical", 0.45),
                            ("illness", 0.25),
                            ("family", 0.2),
                            ("other", 0.1),
                        ]
                    },
                );
                let at = self.morning(day);
                let kind = if late {
                    ReportKind::Late
                } else {
                    ReportKind::Early
                };
                let mut r = self.report(s, kind, reason, vec![day], at);
                r.time = Some(if late {
                    self.clock(8 * 60 + 45, 10 * 60 + 45)
                } else {
                    self.clock(10 * 60 + 30, 14 * 60 + 30)
                });
                if reason == "illness" {
                    let (symptoms, _) = illness::illness(day, &mut self.rng);
                    // No fever: a child with one stays at home.
                    let symptoms: Symptoms = symptoms
                        .iter()
                        .filter(|x| *x != crate::domain::Symptom::Fever)
                        .collect();
                    if !symptoms.is_empty() {
                        r.symptom = Some(symptoms.to_string());
                    }
                }
                self.push_correctable(r, day);
                1
            }
            Event::Absent(reason, max_days) => {
                let n = if reason == "bereavement" {
                    // A parent's: seven days; a grandparent's: three.
                    if self.rng.random_bool(0.1) { 7 } else { 3 }
                } else {
                    self.rng.random_range(1..=max_days)
                };
                let days = self.calendar.school_days_from(day, n);
                let at = self.called(day);
                let r = self.report(s, ReportKind::Absence, reason, days, at);
                self.push_correctable(r, day);
                n
            }
        }
    }

    /// A new report for `s`, from a call of its own.
    fn report(
        &mut self,
        s: &Student,
        kind: ReportKind,
        reason: &str,
        days: Vec<NaiveDate>,
        received_at: String,
    ) -> NewReport {
        NewReport {
            call_sid: format!("CA{:032x}", self.rng.random::<u128>()),
            call_seq: 0,
            student: Some(s.record.student.clone()),
            grade: Some(s.record.grade.clone()),
            class: Some(s.record.class.clone()),
            attendance_no: Some(s.record.number.clone()),
            kind: Some(kind),
            reason: Some(reason.to_owned()),
            days: days.iter().map(ToString::to_string).collect(),
            // A family from abroad now and then picks Japanese.
            language: if s.language != "ja" && self.rng.random_bool(0.2) {
                "ja".to_owned()
            } else {
                s.language.to_owned()
            },
            channel: Channel::Twilio,
            received_at,
            caller: Some(s.caller.clone()),
            ..NewReport::default()
        }
    }

    /// An attendance suspension for `disease`.
    fn suspension(&mut self, s: &Student, disease: Disease, days: Vec<NaiveDate>, at: String) {
        let mut r = self.report(s, ReportKind::Absence, "infectious", days, at);
        r.disease = Some(disease.to_string());
        self.reports.push(r);
    }

    /// Keep `r`, which a second call may replace or cancel, or the staff
    /// correct to a suspension if it was a fever.
    fn push_correctable(&mut self, r: NewReport, day: NaiveDate) {
        let u = self.rng.random::<f64>();
        if u < REPLACED {
            let replacement = self.replacement(&r);
            self.reports.push(r);
            self.reports.push(replacement);
        } else if u < REPLACED + CANCELLED {
            let mut cancel = self.report_like(&r);
            cancel.correction = Some(Correction::Cancel);
            cancel.kind = None;
            cancel.reason = None;
            self.reports.push(r);
            self.reports.push(cancel);
        } else {
            let fever = r
                .symptom
                .as_deref()
                .is_some_and(|s| s.split(',').any(|w| w == "fever"));
            if fever && self.rng.random_bool(FEVER_EDITED) {
                let winter = matches!(day.month(), 12 | 1..=3);
                let disease = pick(
                    &mut self.rng,
                    if winter {
                        &[
                            (Disease::Influenza, 0.6),
                            (Disease::Covid19, 0.25),
                            (Disease::Strep, 0.15),
                        ]
                    } else {
                        &[
                            (Disease::Covid19, 0.5),
                            (Disease::Strep, 0.4),
                            (Disease::Other, 0.1),
                        ]
                    },
                );
                self.edit(&r, day, disease);
            }
            self.reports.push(r);
        }
    }

    /// The second call that replaces `r`: the child went in late after
    /// all, or the parent gives the symptoms again (or another reason).
    fn replacement(&mut self, r: &NewReport) -> NewReport {
        let mut new = self.report_like(r);
        new.correction = Some(Correction::Replace);
        let one_day_absence = r.kind == Some(ReportKind::Absence) && r.days.len() == 1;
        if one_day_absence && self.rng.random_bool(0.5) {
            new.kind = Some(ReportKind::Late);
            new.symptom = None;
            new.temperature = None;
            new.time = Some(self.clock(9 * 60, 11 * 60));
        } else if r.reason.as_deref() == Some("illness") {
            let day = r.days[0].parse().unwrap_or_default();
            let (symptoms, t) = illness::illness(day, &mut self.rng);
            set_illness(&mut new, symptoms, t);
        } else {
            let reason = pick(
                &mut self.rng,
                &[("medical", 0.4), ("family", 0.3), ("other", 0.3)],
            );
            new.reason = Some(reason.to_owned());
        }
        new
    }

    /// A second call about `r`'s days, 10–90 minutes after it.
    fn report_like(&mut self, r: &NewReport) -> NewReport {
        let mut new = r.clone();
        new.call_sid = format!("CA{:032x}", self.rng.random::<u128>());
        let after = TimeDelta::minutes(self.rng.random_range(10..=90));
        new.received_at = chrono::DateTime::parse_from_rfc3339(&r.received_at)
            .map(|t| {
                (t + after)
                    .to_utc()
                    .to_rfc3339_opts(SecondsFormat::Secs, true)
            })
            .unwrap_or_else(|_| r.received_at.clone());
        new
    }

    /// The staff correct `r` to a suspension for `disease` that morning.
    fn edit(&mut self, r: &NewReport, day: NaiveDate, disease: Disease) {
        let at = self.at(day, 9 * 60, 11 * 60 + 30);
        self.edits.push(PlannedEdit {
            call_sid: r.call_sid.clone(),
            at,
            disease,
        });
    }

    /// When a parent calls about `day`: that morning, or (one in four) the
    /// evening before.
    fn called(&mut self, day: NaiveDate) -> String {
        if self.rng.random_bool(0.25) {
            let eve = day.pred_opt().unwrap_or(day);
            self.at(eve, 18 * 60, 22 * 60 + 30)
        } else {
            self.morning(day)
        }
    }

    /// 06:30–08:25 on `day`, most calls around half past seven.
    fn morning(&mut self, day: NaiveDate) -> String {
        let a = self.rng.random_range(0..58);
        let b = self.rng.random_range(0..58);
        let minute = 6 * 60 + 30 + a + b;
        let second = self.rng.random_range(0..60);
        self.at_minute(day, minute, second)
    }

    /// A moment between `from` and `to` (minutes after midnight, Tokyo time).
    fn at(&mut self, day: NaiveDate, from: u32, to: u32) -> String {
        let minute = self.rng.random_range(from..to);
        let second = self.rng.random_range(0..60);
        self.at_minute(day, minute, second)
    }

    fn at_minute(&self, day: NaiveDate, minute: u32, second: u32) -> String {
        let local = day.and_time(
            NaiveTime::from_hms_opt(minute / 60, minute % 60, second).unwrap_or_default(),
        );
        // Tokyo keeps no summer time: UTC is always nine hours behind.
        (local - TimeDelta::hours(9))
            .and_utc()
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// `HH:MM` between `from` and `to` (minutes after midnight), on the
    /// five minutes.
    fn clock(&mut self, from: u32, to: u32) -> String {
        let m = self.rng.random_range(from / 5..=to / 5) * 5;
        format!("{:02}:{:02}", m / 60, m % 60)
    }
}

fn set_illness(r: &mut NewReport, symptoms: Symptoms, temperature: Option<f64>) {
    r.symptom = Some(symptoms.to_string());
    r.temperature = temperature;
}

/// One of `choices` by weight (the weights sum to 1).
fn pick<T: Copy>(rng: &mut StdRng, choices: &[(T, f64)]) -> T {
    let mut u = rng.random::<f64>();
    for &(x, w) in choices {
        if u < w {
            return x;
        }
        u -= w;
    }
    choices[choices.len() - 1].0
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// Six elementary schools over the 200 school days to 2026-11-27
    /// (from late November 2025: a whole winter and a summer term).
    fn year() -> (District, Vec<NaiveDate>, SchoolCalendar) {
        let until: NaiveDate = "2026-11-27".parse().unwrap();
        let (_, calendar) = super::super::calendar(until, 200).unwrap();
        let days = super::super::school_days(&calendar, until, 200);
        (District::new(1, 6, &days), days, calendar)
    }

    #[test]
    fn the_same_seed_makes_the_same_school_and_another_seed_another() {
        let (district, days, calendar) = year();
        let days = &days[..40];
        let a = plan_school(&district, 2, days, &calendar);
        let b = plan_school(&district, 2, days, &calendar);
        assert_eq!(a, b);
        assert!(!a.reports.is_empty() && !a.edits.is_empty());
        let other = District::new(2, 6, days);
        let c = plan_school(&other, 2, days, &calendar);
        assert_ne!(a.reports, c.reports);
        assert!(
            a.reports
                .windows(2)
                .all(|w| w[0].received_at <= w[1].received_at),
            "in the order they come in"
        );
    }

    /// Rows of active reports per day (after corrections): the school day,
    /// grade, class and the report.
    fn rows(plan: &Plan) -> Vec<(NaiveDate, &NewReport)> {
        let replaced_or_cancelled: Vec<(&str, &str)> = plan
            .reports
            .iter()
            .filter(|r| r.correction.is_some())
            .flat_map(|r| {
                r.days
                    .iter()
                    .map(|d| (r.student.as_deref().unwrap(), d.as_str()))
            })
            .collect();
        plan.reports
            .iter()
            .filter(|r| r.correction != Some(Correction::Cancel))
            .flat_map(|r| r.days.iter().map(move |d| (d, r)))
            .filter(|(d, r)| {
                r.correction.is_some()
                    || !replaced_or_cancelled.contains(&(r.student.as_deref().unwrap(), d.as_str()))
            })
            .map(|(d, r)| (d.parse().unwrap(), r))
            .collect()
    }

    #[test]
    fn the_winter_wave_brings_influenza_to_whole_classes_and_summer_almost_none() {
        let (district, days, calendar) = year();
        let peak = district
            .flu_peaks
            .iter()
            .find(|(y, _)| *y == 2026)
            .unwrap()
            .1;
        let mut peak_weeks = 0;
        let mut summer = 0;
        let mut closure_level = 0;
        let mut classes = 0;
        for i in 0..district.schools {
            let plan = plan_school(&district, i, &days, &calendar);
            let mut per_class: HashMap<(NaiveDate, &str, &str), usize> = HashMap::new();
            for (day, r) in rows(&plan) {
                if r.disease.as_deref() != Some("influenza") {
                    continue;
                }
                if (day - peak).num_days().abs() <= 7 {
                    peak_weeks += 1;
                }
                if matches!(day.month(), 6 | 7) {
                    summer += 1;
                }
                let class = (
                    day,
                    r.grade.as_deref().unwrap(),
                    r.class.as_deref().unwrap(),
                );
                *per_class.entry(class).or_default() += 1;
            }
            for (g, sizes) in plan.school.classes.iter().enumerate() {
                for (c, size) in sizes.iter().enumerate() {
                    classes += 1;
                    let (g, c) = ((g + 1).to_string(), (c + 1).to_string());
                    let most = per_class
                        .iter()
                        .filter(|((_, cg, cc), _)| *cg == g && *cc == c)
                        .map(|(_, n)| *n)
                        .max()
                        .unwrap_or(0);
                    if most * 5 >= *size {
                        closure_level += 1;
                    }
                }
            }
        }
        // Two weeks around the peak against the two months of summer term.
        assert!(
            peak_weeks > 20 * summer.max(1),
            "{peak_weeks} at the peak, {summer} in summer"
        );
        assert!(
            (1..=classes / 4).contains(&closure_level),
            "{closure_level} of {classes} classes reach 20 % on some day"
        );
    }

    #[test]
    fn mondays_winters_and_the_cluster_grade_have_more_illness() {
        let (district, days, calendar) = year();
        let cluster = district.gastro.expect("an autumn in the range");
        let mut by_weekday = [0usize; 5];
        let (mut winter, mut spring) = (0, 0);
        let (mut in_cluster, mut week_before) = (0, 0);
        for i in 0..district.schools {
            let plan = plan_school(&district, i, &days, &calendar);
            for (day, r) in rows(&plan) {
                if r.kind != Some(ReportKind::Absence)
                    || !matches!(r.reason.as_deref(), Some("illness" | "infectious"))
                {
                    continue;
                }
                if let Some(w) = by_weekday.get_mut(day.weekday().num_days_from_monday() as usize) {
                    *w += 1;
                }
                match day.month() {
                    1 | 2 => winter += 1,
                    5 | 6 => spring += 1,
                    _ => {}
                }
                let gut = r
                    .symptom
                    .as_deref()
                    .is_some_and(|s| s.contains("diarrhoea"))
                    || r.disease.as_deref() == Some("gastroenteritis");
                if i == cluster.school
                    && r.grade.as_deref() == Some(&cluster.grade.to_string())
                    && gut
                {
                    let from_start = (day - cluster.first).num_days();
                    if (0..7).contains(&from_start) {
                        in_cluster += 1;
                    } else if (-7..0).contains(&from_start) {
                        week_before += 1;
                    }
                }
            }
        }
        // Per school day of each weekday (holidays take more Mondays).
        let mut weekdays = [0usize; 5];
        for d in &days {
            weekdays[d.weekday().num_days_from_monday() as usize] += 1;
        }
        let rate: Vec<f64> = (0..5)
            .map(|w| by_weekday[w] as f64 / weekdays[w] as f64)
            .collect();
        assert!(rate[0] > rate[4] * 1.2, "{rate:?}");
        assert!(winter > spring, "{winter} in Jan-Feb, {spring} in May-Jun");
        assert!(
            in_cluster > 5 * week_before.max(2),
            "{in_cluster} in the cluster's week, {week_before} the week before"
        );
    }

    #[test]
    fn corrections_come_at_their_rates() {
        let (district, days, calendar) = year();
        let (mut reports, mut replaced, mut cancelled, mut edited) = (0, 0, 0, 0);
        for i in 0..district.schools {
            let plan = plan_school(&district, i, &days, &calendar);
            reports += plan.reports.len();
            replaced += plan
                .reports
                .iter()
                .filter(|r| r.correction == Some(Correction::Replace))
                .count();
            cancelled += plan
                .reports
                .iter()
                .filter(|r| r.correction == Some(Correction::Cancel))
                .count();
            edited += plan.edits.len();
        }
        let share = |n: usize| n as f64 / reports as f64;
        assert!(
            (0.02..0.035).contains(&share(replaced)),
            "{}",
            share(replaced)
        );
        assert!(
            (0.006..0.014).contains(&share(cancelled)),
            "{}",
            share(cancelled)
        );
        assert!((0.012..0.03).contains(&share(edited)), "{}", share(edited));
    }
}
