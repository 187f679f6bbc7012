//! The daily surveillance sheet: for one school day, per class, the counts a
//! school types into the national system (学校等欠席者・感染症情報システム)
//! by noon, in its order, zeros included; a subtotal per grade and the
//! school's total.
//!
//! What each column counts (one school day, active absence reports only):
//! - `absent` (欠席者数): children absent, each once, attendance
//!   suspensions left out, since 出席停止 is not an absence in law and the
//!   national system takes suspensions apart;
//! - `illness` (うち病気): of those, absent because of illness: the
//!   children the symptom columns describe;
//! - `symptoms`: per national category; a child with several symptoms
//!   counts once under each, so these columns may add up to more than
//!   `illness` (and to less, for a child whose parent gave no symptom);
//! - `ili`: influenza-like illness (38.0 °C or more with a respiratory
//!   symptom), derived when the report was saved or corrected;
//! - `suspended` (出席停止) and its split by disease in [`Disease::ALL`]'s
//!   order.
//!
//! A class the enrolment does not know (a report made before a roster
//! change, say) and the reports of students with no class (no roster) get
//! rows of their own, and count in the totals, so nothing is lost.

use super::{ClassKey, Enrolment, Tallies, Tally};
use crate::domain::{Disease, Symptom};

/// One row's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// 欠席者数: absent children, suspensions not included.
    pub absent: u32,
    /// うち病気: of them, absent for illness.
    pub illness: u32,
    /// Per symptom category, in [`Symptom::ALL`]'s order.
    pub symptoms: [u32; Symptom::ALL.len()],
    /// インフルエンザ様疾患.
    pub ili: u32,
    /// 出席停止.
    pub suspended: u32,
    /// Suspensions per disease, in [`Disease::ALL`]'s order.
    pub diseases: [u32; Disease::ALL.len()],
}

impl Counts {
    pub fn of(t: &Tally) -> Counts {
        let a = &t.absence;
        Counts {
            absent: a.all.saturating_sub(t.suspended()),
            illness: a.reason("illness"),
            symptoms: a.symptoms,
            ili: a.ili,
            suspended: t.suspended(),
            diseases: a.diseases,
        }
    }

    fn add(&mut self, o: &Counts) {
        self.absent += o.absent;
        self.illness += o.illness;
        for (a, b) in self.symptoms.iter_mut().zip(o.symptoms) {
            *a += b;
        }
        self.ili += o.ili;
        self.suspended += o.suspended;
        for (a, b) in self.diseases.iter_mut().zip(o.diseases) {
            *a += b;
        }
    }

    /// Every figure in the sheet's column order, after the enrolment.
    pub fn columns(&self) -> Vec<u32> {
        let mut v = vec![self.absent, self.illness];
        v.extend(self.symptoms);
        v.push(self.ili);
        v.push(self.suspended);
        v.extend(self.diseases);
        v
    }
}

/// What a row stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A class; `listed` when the enrolment knows it.
    Class { class: ClassKey, listed: bool },
    /// The subtotal of a grade (its classes just above).
    Grade(String),
    /// Reports of students with no class.
    NoClass,
    /// The whole school.
    School,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: Line,
    /// Students; `None` for a class the enrolment does not know.
    pub enrolment: Option<u32>,
    pub counts: Counts,
}

/// The sheet of one school day: rows in the order they are typed in, the
/// school's total last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub day: String,
    pub rows: Vec<Row>,
}

impl Sheet {
    pub fn build(day: &str, tallies: &Tallies, enrolment: &Enrolment) -> Sheet {
        // Every class the enrolment lists, and every class a report names.
        let mut classes: Vec<(ClassKey, bool)> = enrolment
            .classes()
            .map(|(k, _)| (k.clone(), true))
            .collect();
        for (k, _) in tallies.classes_on(day) {
            if enrolment.of_class(k).is_none() {
                classes.push((k.clone(), false));
            }
        }
        classes.sort_by(|a, b| a.0.cmp(&b.0));

        let mut rows = Vec::new();
        let mut total = Counts::default();
        let mut grade: Option<(String, Option<u32>, Counts)> = None;
        let close = |rows: &mut Vec<Row>, g: Option<(String, Option<u32>, Counts)>| {
            if let Some((name, enrolled, counts)) = g {
                rows.push(Row {
                    line: Line::Grade(name),
                    enrolment: enrolled,
                    counts,
                });
            }
        };
        for (class, listed) in classes {
            let counts = Counts::of(&tallies.class(day, &class));
            total.add(&counts);
            if class.is_unknown() {
                close(&mut rows, grade.take());
                rows.push(Row {
                    line: Line::NoClass,
                    enrolment: None,
                    counts,
                });
                continue;
            }
            if grade.as_ref().is_some_and(|(g, ..)| *g != class.grade) {
                close(&mut rows, grade.take());
            }
            let (_, _, sum) = grade.get_or_insert_with(|| {
                (
                    class.grade.clone(),
                    enrolment.of_grade(&class.grade),
                    Counts::default(),
                )
            });
            sum.add(&counts);
            rows.push(Row {
                enrolment: enrolment.of_class(&class),
                line: Line::Class { class, listed },
                counts,
            });
        }
        close(&mut rows, grade.take());
        rows.push(Row {
            line: Line::School,
            enrolment: (!enrolment.is_empty()).then(|| enrolment.total()),
            counts: total,
        });
        Sheet {
            day: day.to_owned(),
            rows,
        }
    }

    /// The school's total (always the last row).
    pub fn total(&self) -> &Row {
        self.rows.last().expect("a sheet always has its total")
    }

    /// The row of one class, if the sheet has it.
    pub fn class(&self, class: &ClassKey) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| matches!(&r.line, Line::Class { class: c, .. } if c == class))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, ReportKind};
    use crate::store::ClassCount;

    const DAY: &str = "2026-11-25";

    fn row(g: &str, c: &str, kind: &str, dim: &str, value: &str, n: u32) -> ClassCount {
        ClassCount {
            school_day: DAY.into(),
            grade: g.into(),
            class: c.into(),
            kind: kind.into(),
            dim: dim.into(),
            value: value.into(),
            n,
        }
    }

    fn sym(s: Symptom) -> usize {
        Symptom::ALL.iter().position(|x| *x == s).unwrap()
    }

    fn dis(d: Disease) -> usize {
        Disease::ALL.iter().position(|x| *x == d).unwrap()
    }

    /// Two grades: 1-1 (30), 1-2 (31), 2-1 (28). In 1-1: one child with
    /// fever 38.5 and a cough (ILI), one with a headache alone, one away for
    /// family reasons. In 2-1: one suspended with influenza, one with
    /// mumps. Grade 3, class 1, not enrolled: one absent with a rash. A
    /// student with no class: one absent for illness, no symptom. A late
    /// arrival in 1-2 is not an absence.
    fn tallies() -> Tallies {
        Tallies::from_class_counts(&[
            row("1", "1", "absence", "all", "", 3),
            row("1", "1", "absence", "reason", "illness", 2),
            row("1", "1", "absence", "reason", "family", 1),
            row("1", "1", "absence", "symptom", "fever", 1),
            row("1", "1", "absence", "symptom", "respiratory", 1),
            row("1", "1", "absence", "symptom", "headache", 1),
            row("1", "1", "absence", "ili", "", 1),
            row("1", "2", "late", "all", "", 1),
            row("1", "2", "late", "reason", "illness", 1),
            row("2", "1", "absence", "all", "", 2),
            row("2", "1", "absence", "reason", "infectious", 2),
            row("2", "1", "absence", "disease", "influenza", 1),
            row("2", "1", "absence", "disease", "mumps", 1),
            row("3", "1", "absence", "all", "", 1),
            row("3", "1", "absence", "reason", "illness", 1),
            row("3", "1", "absence", "symptom", "rash", 1),
            row("", "", "absence", "all", "", 1),
            row("", "", "absence", "reason", "illness", 1),
        ])
    }

    fn enrolment() -> Enrolment {
        Enrolment::from_counts([("1", "1", 30), ("1", "2", 31), ("2", "1", 28)])
    }

    fn lines(s: &Sheet) -> Vec<String> {
        s.rows
            .iter()
            .map(|r| match &r.line {
                Line::Class { class, listed } => {
                    format!("{class}{}", if *listed { "" } else { "?" })
                }
                Line::Grade(g) => format!("grade {g}"),
                Line::NoClass => "no class".into(),
                Line::School => "school".into(),
            })
            .collect()
    }

    #[test]
    fn every_class_in_order_with_its_grade_then_the_unknown_then_the_school() {
        let s = Sheet::build(DAY, &tallies(), &enrolment());
        assert_eq!(
            lines(&s),
            [
                "1-1", "1-2", "grade 1", "2-1", "grade 2", "3-1?", "grade 3", "no class", "school"
            ]
        );
    }

    #[test]
    fn a_class_nobody_reported_is_all_zeros_and_a_late_arrival_is_no_absence() {
        let s = Sheet::build(DAY, &tallies(), &enrolment());
        let r = s.class(&ClassKey::new("1", "2")).unwrap();
        assert_eq!(r.enrolment, Some(31));
        assert_eq!(r.counts, Counts::default());
        assert_eq!(r.counts.columns(), vec![0; 2 + 7 + 1 + 1 + 9]);
        // A day with no reports at all: every class there, with zeros.
        let empty = Sheet::build("2026-11-26", &tallies(), &enrolment());
        assert_eq!(
            lines(&empty),
            ["1-1", "1-2", "grade 1", "2-1", "grade 2", "school"]
        );
        assert!(empty.rows.iter().all(|r| r.counts == Counts::default()));
        assert_eq!(empty.total().enrolment, Some(89));
    }

    #[test]
    fn a_child_with_two_symptoms_counts_under_both_but_once_as_absent() {
        let s = Sheet::build(DAY, &tallies(), &enrolment());
        let c = &s.class(&ClassKey::new("1", "1")).unwrap().counts;
        assert_eq!((c.absent, c.illness, c.ili), (3, 2, 1));
        assert_eq!(c.symptoms[sym(Symptom::Fever)], 1);
        assert_eq!(c.symptoms[sym(Symptom::Respiratory)], 1);
        assert_eq!(c.symptoms[sym(Symptom::Headache)], 1);
        // Three symptom marks for two sick children.
        assert_eq!(c.symptoms.iter().sum::<u32>(), 3);
    }

    #[test]
    fn suspensions_are_not_absences_and_split_by_disease() {
        let s = Sheet::build(DAY, &tallies(), &enrolment());
        let c = &s.class(&ClassKey::new("2", "1")).unwrap().counts;
        assert_eq!((c.absent, c.illness, c.suspended), (0, 0, 2));
        assert_eq!(c.diseases[dis(Disease::Influenza)], 1);
        assert_eq!(c.diseases[dis(Disease::Mumps)], 1);
    }

    #[test]
    fn grade_and_school_totals_hold_every_row_even_unknown_classes() {
        let s = Sheet::build(DAY, &tallies(), &enrolment());
        let grade1 = s
            .rows
            .iter()
            .find(|r| r.line == Line::Grade("1".into()))
            .unwrap();
        assert_eq!(grade1.enrolment, Some(61));
        assert_eq!((grade1.counts.absent, grade1.counts.illness), (3, 2));
        let grade3 = s
            .rows
            .iter()
            .find(|r| r.line == Line::Grade("3".into()))
            .unwrap();
        assert_eq!(grade3.enrolment, None, "grade 3 is not enrolled");
        assert_eq!(grade3.counts.symptoms[sym(Symptom::Rash)], 1);
        let unlisted = s.class(&ClassKey::new("3", "1")).unwrap();
        assert_eq!((unlisted.enrolment, unlisted.counts.absent), (None, 1));
        let no_class = s.rows.iter().find(|r| r.line == Line::NoClass).unwrap();
        assert_eq!((no_class.counts.absent, no_class.counts.illness), (1, 1));
        let t = &s.total().counts;
        // 3 (1-1) + 0 (2-1: suspended) + 1 (3-1) + 1 (no class).
        assert_eq!((t.absent, t.illness, t.suspended, t.ili), (5, 4, 2, 1));
        assert_eq!(t.symptoms.iter().sum::<u32>(), 4);
        assert_eq!(s.total().enrolment, Some(89));
    }

    /// Through a real store: a three-day influenza suspension and a
    /// two-day illness count on each of their days, and not the day after.
    #[test]
    fn a_several_day_absence_counts_on_each_of_its_days() {
        use crate::store::{NewReport, Store};
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let days = ["2026-11-25", "2026-11-26", "2026-11-27"];
        let report = |sid: &str, student: &str, days: &[&str]| NewReport {
            call_sid: sid.into(),
            student: Some(student.into()),
            grade: Some("1".into()),
            class: Some("2".into()),
            kind: Some(ReportKind::Absence),
            days: days.iter().map(|d| d.to_string()).collect(),
            language: "ja".into(),
            channel: Channel::Twilio,
            received_at: "2026-11-24T22:00:00Z".into(),
            ..Default::default()
        };
        store
            .save_report(&NewReport {
                reason: Some("infectious".into()),
                disease: Some("influenza".into()),
                ..report("CA1", "10201", &days)
            })
            .unwrap();
        store
            .save_report(&NewReport {
                reason: Some("illness".into()),
                symptom: Some("fever,vomiting".into()),
                temperature: Some(37.6),
                ..report("CA2", "10202", &days[..2])
            })
            .unwrap();
        let tallies =
            crate::surveillance::read::tallies(&store, "2026-11-25", "2026-11-30").unwrap();
        let e = Enrolment::from_counts([("1", "2", 25)]);
        let class = ClassKey::new("1", "2");
        for (i, day) in days.iter().enumerate() {
            let s = Sheet::build(day, &tallies, &e);
            let c = &s.class(&class).unwrap().counts;
            assert_eq!(c.suspended, 1, "{day}");
            assert_eq!(c.diseases[dis(Disease::Influenza)], 1, "{day}");
            let ill = u32::from(i < 2);
            assert_eq!((c.absent, c.illness), (ill, ill), "{day}");
            assert_eq!(c.symptoms[sym(Symptom::Fever)], ill, "{day}");
            assert_eq!(c.symptoms[sym(Symptom::Vomiting)], ill, "{day}");
            assert_eq!(c.ili, 0, "37.6 is no ILI");
            assert_eq!(s.total().counts, *c);
        }
        let after = Sheet::build("2026-11-30", &tallies, &e);
        assert_eq!(after.class(&class).unwrap().counts, Counts::default());
    }
}
