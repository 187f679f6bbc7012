//! The store's count rows (`store::counts`) gathered per school day and
//! class, in the national categories.

use std::collections::BTreeMap;

use super::ClassKey;
use crate::domain::{Disease, Symptom};
use crate::store::{ClassCount, DayTotal};

/// The counts of one kind of report (absence, late, early leave).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindTally {
    /// Reports of this kind.
    pub all: u32,
    /// By reason (`illness`, `infectious`, `injury`, …).
    pub reasons: BTreeMap<String, u32>,
    /// By symptom category, in [`Symptom::ALL`]'s order: a report with
    /// two symptoms counts under both.
    pub symptoms: [u32; Symptom::ALL.len()],
    /// Influenza-like illness (38.0 °C or more and a respiratory symptom).
    pub ili: u32,
    /// By disease, in [`Disease::ALL`]'s order (attendance suspensions).
    pub diseases: [u32; Disease::ALL.len()],
}

impl KindTally {
    pub fn reason(&self, reason: &str) -> u32 {
        self.reasons.get(reason).copied().unwrap_or(0)
    }

    pub fn symptom(&self, s: Symptom) -> u32 {
        self.symptoms[Symptom::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    pub fn disease(&self, d: Disease) -> u32 {
        self.diseases[Disease::ALL.iter().position(|x| *x == d).unwrap_or(0)]
    }

    fn add(&mut self, dim: &str, value: &str, n: u32) {
        match dim {
            "all" => self.all += n,
            "reason" => *self.reasons.entry(value.to_owned()).or_insert(0) += n,
            "symptom" => {
                if let Some(i) =
                    Symptom::parse(value).and_then(|s| Symptom::ALL.iter().position(|x| *x == s))
                {
                    self.symptoms[i] += n;
                }
            }
            "ili" => self.ili += n,
            "disease" => {
                // A disease word the keypad no longer offers counts as other.
                let d = Disease::parse(value).unwrap_or(Disease::Other);
                if let Some(i) = Disease::ALL.iter().position(|x| *x == d) {
                    self.diseases[i] += n;
                }
            }
            _ => {}
        }
    }

    fn merge(&mut self, other: &KindTally) {
        self.all += other.all;
        for (r, n) in &other.reasons {
            *self.reasons.entry(r.clone()).or_insert(0) += n;
        }
        for (a, b) in self.symptoms.iter_mut().zip(other.symptoms) {
            *a += b;
        }
        self.ili += other.ili;
        for (a, b) in self.diseases.iter_mut().zip(other.diseases) {
            *a += b;
        }
    }
}

/// One class's, grade's or school's counts on one school day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub absence: KindTally,
    pub late: KindTally,
    pub early: KindTally,
    /// Voice messages that said nothing else (the student unknown).
    pub message: u32,
}

impl Tally {
    /// Add one count row: `kind`, `dim`, `value` as `store::counts` keeps them.
    pub fn add(&mut self, kind: &str, dim: &str, value: &str, n: u32) {
        match kind {
            "absence" => self.absence.add(dim, value, n),
            "late" => self.late.add(dim, value, n),
            "early" => self.early.add(dim, value, n),
            _ if dim == "all" => self.message += n,
            _ => {}
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.absence.merge(&other.absence);
        self.late.merge(&other.late);
        self.early.merge(&other.early);
        self.message += other.message;
    }

    /// Absent because of illness: sick (`illness`) or suspended for an
    /// infectious disease (`infectious`, 出席停止). What an outbreak shows
    /// in, and what class-closure rates are taken of.
    pub fn ill(&self) -> u32 {
        self.absence.reason("illness") + self.suspended()
    }

    /// Attendance suspensions (出席停止).
    pub fn suspended(&self) -> u32 {
        self.absence.reason("infectious")
    }
}

/// Tallies per school day and class.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tallies {
    by_day: BTreeMap<String, BTreeMap<ClassKey, Tally>>,
}

impl Tallies {
    pub fn from_class_counts(rows: &[ClassCount]) -> Tallies {
        let mut t = Tallies::default();
        for r in rows {
            t.by_day
                .entry(r.school_day.clone())
                .or_default()
                .entry(ClassKey::new(r.grade.as_str(), r.class.as_str()))
                .or_default()
                .add(&r.kind, &r.dim, &r.value, r.n);
        }
        t
    }

    /// The days that have any count, in order.
    pub fn days(&self) -> impl Iterator<Item = &str> {
        self.by_day.keys().map(String::as_str)
    }

    /// Every class with a count on `day`.
    pub fn classes_on(&self, day: &str) -> impl Iterator<Item = (&ClassKey, &Tally)> {
        self.by_day.get(day).into_iter().flatten()
    }

    /// One class on one day (zeros when nothing was reported).
    pub fn class(&self, day: &str, class: &ClassKey) -> Tally {
        self.by_day
            .get(day)
            .and_then(|c| c.get(class))
            .cloned()
            .unwrap_or_default()
    }

    /// One grade on one day.
    pub fn grade(&self, day: &str, grade: &str) -> Tally {
        let mut t = Tally::default();
        for (k, v) in self.classes_on(day) {
            if k.grade == grade {
                t.merge(v);
            }
        }
        t
    }

    /// The whole school on one day.
    pub fn school(&self, day: &str) -> Tally {
        let mut t = Tally::default();
        for (_, v) in self.classes_on(day) {
            t.merge(v);
        }
        t
    }
}

/// The whole school's tally per day, from the per-day totals (the board's
/// district view reads these, not the classes).
pub fn school_days(rows: &[DayTotal]) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for r in rows {
        out.entry(r.school_day.clone())
            .or_default()
            .add(&r.kind, &r.dim, &r.value, r.n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(day: &str, g: &str, c: &str, kind: &str, dim: &str, value: &str, n: u32) -> ClassCount {
        ClassCount {
            school_day: day.into(),
            grade: g.into(),
            class: c.into(),
            kind: kind.into(),
            dim: dim.into(),
            value: value.into(),
            n,
        }
    }

    #[test]
    fn rows_gather_per_class_grade_and_school() {
        let d = "2026-11-25";
        let t = Tallies::from_class_counts(&[
            row(d, "3", "1", "absence", "all", "", 3),
            row(d, "3", "1", "absence", "reason", "illness", 2),
            row(d, "3", "1", "absence", "reason", "family", 1),
            row(d, "3", "1", "absence", "symptom", "fever", 2),
            row(d, "3", "1", "absence", "symptom", "respiratory", 1),
            row(d, "3", "1", "absence", "ili", "", 1),
            row(d, "3", "2", "absence", "all", "", 1),
            row(d, "3", "2", "absence", "reason", "infectious", 1),
            row(d, "3", "2", "absence", "disease", "influenza", 1),
            row(d, "3", "2", "late", "all", "", 2),
            row(d, "", "", "message", "all", "", 1),
        ]);
        let c31 = t.class(d, &ClassKey::new("3", "1"));
        assert_eq!((c31.absence.all, c31.ill(), c31.absence.ili), (3, 2, 1));
        assert_eq!(c31.absence.symptom(Symptom::Fever), 2);
        assert_eq!(c31.absence.symptom(Symptom::Respiratory), 1);
        let g3 = t.grade(d, "3");
        assert_eq!(
            (g3.absence.all, g3.ill(), g3.suspended(), g3.late.all),
            (4, 3, 1, 2)
        );
        assert_eq!(g3.absence.disease(Disease::Influenza), 1);
        let school = t.school(d);
        assert_eq!((school.absence.all, school.message), (4, 1));
        assert_eq!(
            t.class("2026-11-26", &ClassKey::new("3", "1")),
            Tally::default()
        );
    }
}
