//! Early warnings: the rules a board's health officer uses to decide where
//! to look, evaluated on one school day's counts. Every alert says which
//! rule made it, which classes, and the counts and level it reached, so a
//! person can check it against the sheet.
//!
//! The rules (levels in `[alerts]` of the config; defaults from published
//! practice: no national threshold exists, boards decide with the school
//! doctor; about 10 % of a class absent is a common first warning, 20 % the
//! level where class closure is usually considered, 15 % school closure in
//! one city):
//! - **class rate**: students absent ill (sick or suspended) over the
//!   class's enrolment; a warning at `class_warning`, the closure level at
//!   `class_closure`; never for fewer than `class_min_cases` students, so
//!   one child of a class of five is not an outbreak.
//! - **grade spread**: the same disease (attendance suspensions), or
//!   influenza-like illness, in `grade_classes` or more classes of one
//!   grade: the sign that a grade, not a class, is affected.
//! - **school rate**: students absent ill over the school's enrolment.
//! - **rise**: the school's ill count against the mean of the previous
//!   `rise_days` school days: at least `rise_factor` times it and
//!   `rise_min` more, so a jump from 1 to 3 is not a rise.

use serde::{Deserialize, Serialize};

use super::{ClassKey, Enrolment, Tallies, Tally};
use crate::domain::Disease;

/// `[alerts]` in the config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlertRules {
    pub class_warning: f64,
    pub class_closure: f64,
    pub class_min_cases: u32,
    pub grade_classes: u32,
    pub school_warning: f64,
    pub school_closure: f64,
    pub rise_factor: f64,
    pub rise_min: u32,
    pub rise_days: usize,
}

impl Default for AlertRules {
    fn default() -> Self {
        AlertRules {
            class_warning: 0.10,
            class_closure: 0.20,
            class_min_cases: 2,
            grade_classes: 2,
            school_warning: 0.08,
            school_closure: 0.15,
            rise_factor: 2.0,
            rise_min: 5,
            rise_days: 5,
        }
    }
}

impl AlertRules {
    /// Why these rules cannot work, if they cannot.
    pub fn check(&self) -> Result<(), String> {
        let rate = |x: f64| x > 0.0 && x <= 1.0;
        if !(rate(self.class_warning)
            && rate(self.class_closure)
            && rate(self.school_warning)
            && rate(self.school_closure))
        {
            return Err("rates (class_warning, class_closure, school_warning, school_closure) must be above 0 and at most 1, e.g. 0.10 for 10 %".into());
        }
        if self.class_warning > self.class_closure || self.school_warning > self.school_closure {
            return Err("a warning level must not be above its closure level".into());
        }
        if self.grade_classes < 2 {
            return Err("grade_classes must be at least 2: one class is the class rule's".into());
        }
        if !(self.rise_factor > 1.0 && (1..=20).contains(&self.rise_days)) {
            return Err("rise_factor must be above 1 and rise_days between 1 and 20".into());
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    ClassRate,
    GradeSpread,
    SchoolRate,
    Rise,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::ClassRate => "class-rate",
            Rule::GradeSpread => "grade-spread",
            Rule::SchoolRate => "school-rate",
            Rule::Rise => "rise",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Warning,
    Closure,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Closure => "closure",
        }
    }
}

/// One class's figures in an alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassFigure {
    #[serde(serialize_with = "class_key")]
    pub class: ClassKey,
    /// Students absent ill.
    pub ill: u32,
    /// Cases of the alert's cause (grade spread), else the same as `ill`.
    pub cases: u32,
    pub enrolment: Option<u32>,
}

fn class_key<S: serde::Serializer>(k: &ClassKey, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut st = s.serialize_struct("ClassKey", 2)?;
    st.serialize_field("grade", &k.grade)?;
    st.serialize_field("class", &k.class)?;
    st.end()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    pub school_day: String,
    pub rule: Rule,
    pub level: Level,
    pub grade: Option<String>,
    pub classes: Vec<ClassFigure>,
    /// Grade spread: the disease word, or `ili`.
    pub cause: Option<String>,
    /// The number the rule compared.
    pub count: u32,
    /// Its denominator, when the rule is a rate.
    pub enrolment: Option<u32>,
    /// The level the count reached (a rate, a number of classes, or a
    /// factor of the baseline).
    pub threshold: f64,
    /// Rise: the mean ill count of the previous school days.
    pub baseline: Option<f64>,
}

impl Alert {
    /// What makes this alert the same alert on the next evaluation of the
    /// same day (its level may change; its identity does not).
    pub fn key(&self) -> String {
        match self.rule {
            Rule::ClassRate => format!(
                "class-rate/{}",
                self.classes
                    .first()
                    .map_or(String::new(), |c| c.class.to_string())
            ),
            Rule::GradeSpread => format!(
                "grade-spread/{}/{}",
                self.grade.as_deref().unwrap_or(""),
                self.cause.as_deref().unwrap_or("")
            ),
            Rule::SchoolRate => "school-rate".to_owned(),
            Rule::Rise => "rise".to_owned(),
        }
    }

    pub fn rate(&self) -> Option<f64> {
        self.enrolment
            .filter(|n| *n > 0)
            .map(|n| f64::from(self.count) / f64::from(n))
    }
}

/// Rates are compared with a little slack, so that 2 of 20 is 10 %.
fn reaches(count: u32, of: u32, level: f64) -> bool {
    of > 0 && f64::from(count) / f64::from(of) >= level - 1e-9
}

/// The alerts of `day`. `previous`: the school's tallies of the school
/// days before it, newest first, as many as `rules.rise_days` (a day with
/// no report is a zero tally).
pub fn evaluate(
    rules: &AlertRules,
    day: &str,
    tallies: &Tallies,
    enrolment: &Enrolment,
    previous: &[Tally],
) -> Vec<Alert> {
    let mut out = Vec::new();
    let base = |rule, level, count, enrolment, threshold| Alert {
        school_day: day.to_owned(),
        rule,
        level,
        grade: None,
        classes: Vec::new(),
        cause: None,
        count,
        enrolment,
        threshold,
        baseline: None,
    };

    // Class rate: only classes with an enrolment have a rate.
    for (class, tally) in tallies.classes_on(day) {
        let ill = tally.ill();
        let Some(n) = enrolment.of_class(class) else {
            continue;
        };
        if ill < rules.class_min_cases {
            continue;
        }
        let level = if reaches(ill, n, rules.class_closure) {
            (Level::Closure, rules.class_closure)
        } else if reaches(ill, n, rules.class_warning) {
            (Level::Warning, rules.class_warning)
        } else {
            continue;
        };
        let mut a = base(Rule::ClassRate, level.0, ill, Some(n), level.1);
        a.grade = Some(class.grade.clone());
        a.classes.push(ClassFigure {
            class: class.clone(),
            ill,
            cases: ill,
            enrolment: Some(n),
        });
        out.push(a);
    }

    // Grade spread: per grade, per cause, the classes with a case.
    let mut grades: Vec<&str> = tallies
        .classes_on(day)
        .map(|(k, _)| k.grade.as_str())
        .filter(|g| !g.is_empty())
        .collect();
    grades.dedup();
    let causes: Vec<Option<Disease>> = Disease::ALL
        .into_iter()
        .filter(|d| *d != Disease::Other)
        .map(Some)
        .chain([None])
        .collect();
    // A disease's suspensions, or influenza-like illness (`None`).
    let cases_of = |cause: Option<Disease>, t: &Tally| match cause {
        Some(d) => t.absence.disease(d),
        None => t.absence.ili,
    };
    for grade in grades {
        for &cause in &causes {
            let classes: Vec<ClassFigure> = tallies
                .classes_on(day)
                .filter(|(k, _)| k.grade == grade)
                .filter_map(|(k, t)| {
                    let cases = cases_of(cause, t);
                    (cases > 0).then(|| ClassFigure {
                        class: k.clone(),
                        ill: t.ill(),
                        cases,
                        enrolment: enrolment.of_class(k),
                    })
                })
                .collect();
            if classes.len() < rules.grade_classes as usize {
                continue;
            }
            let count = classes.iter().map(|c| c.cases).sum();
            let mut a = base(
                Rule::GradeSpread,
                Level::Warning,
                count,
                enrolment.of_grade(grade),
                f64::from(rules.grade_classes),
            );
            a.grade = Some(grade.to_owned());
            a.cause = Some(cause.map_or("ili", Disease::as_str).to_owned());
            a.classes = classes;
            out.push(a);
        }
    }

    // School rate.
    let school = tallies.school(day);
    let ill = school.ill();
    let total = enrolment.total();
    let level = if reaches(ill, total, rules.school_closure) {
        Some((Level::Closure, rules.school_closure))
    } else if reaches(ill, total, rules.school_warning) {
        Some((Level::Warning, rules.school_warning))
    } else {
        None
    };
    if let Some((level, threshold)) = level {
        out.push(base(Rule::SchoolRate, level, ill, Some(total), threshold));
    }

    // Rise against the previous school days.
    if !previous.is_empty() {
        let days = previous.len().min(rules.rise_days.max(1));
        let sum: u32 = previous[..days].iter().map(Tally::ill).sum();
        let mean = f64::from(sum) / days as f64;
        if f64::from(ill) >= rules.rise_factor * mean - 1e-9
            && f64::from(ill) >= mean + f64::from(rules.rise_min) - 1e-9
        {
            let mut a = base(Rule::Rise, Level::Warning, ill, None, rules.rise_factor);
            a.baseline = Some(mean);
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ClassCount;

    const DAY: &str = "2026-11-25";

    /// `(grade, class, ill by illness, suspended, influenza, ili)` per class.
    fn tallies(classes: &[(&str, &str, u32, u32, u32, u32)]) -> Tallies {
        let mut rows = Vec::new();
        let mut row = |g: &str, c: &str, dim: &str, value: &str, n: u32| {
            if n > 0 {
                rows.push(ClassCount {
                    school_day: DAY.into(),
                    grade: g.into(),
                    class: c.into(),
                    kind: "absence".into(),
                    dim: dim.into(),
                    value: value.into(),
                    n,
                });
            }
        };
        for &(g, c, sick, suspended, flu, ili) in classes {
            row(g, c, "all", "", sick + suspended);
            row(g, c, "reason", "illness", sick);
            row(g, c, "reason", "infectious", suspended);
            row(g, c, "disease", "influenza", flu);
            row(g, c, "ili", "", ili);
        }
        Tallies::from_class_counts(&rows)
    }

    fn enrolment() -> Enrolment {
        // Grade 1: three classes of 30; grade 2: two of 20 and a small class of 5.
        Enrolment::from_counts([
            ("1", "1", 30),
            ("1", "2", 30),
            ("1", "3", 30),
            ("2", "1", 20),
            ("2", "2", 20),
            ("2", "3", 5),
        ])
    }

    fn rules_of(alerts: &[Alert]) -> Vec<String> {
        alerts
            .iter()
            .map(|a| format!("{} {} {}", a.key(), a.level.as_str(), a.count))
            .collect()
    }

    #[test]
    fn class_rate_warning_at_10_closure_at_20_counting_suspensions() {
        // 1-1: 3 of 30 = 10 % (warning); 1-2: 2 sick + 4 flu = 6 of 30 =
        // 20 % (closure); 1-3: 2 of 30 = 6.7 % (nothing). The school: 11 of
        // 135 = 8.1 %, a school-wide warning too.
        let t = tallies(&[
            ("1", "1", 3, 0, 0, 0),
            ("1", "2", 2, 4, 4, 0),
            ("1", "3", 2, 0, 0, 0),
        ]);
        let a = evaluate(&AlertRules::default(), DAY, &t, &enrolment(), &[]);
        assert_eq!(
            rules_of(&a),
            [
                "class-rate/1-1 warning 3",
                "class-rate/1-2 closure 6",
                "school-rate warning 11"
            ]
        );
        assert_eq!(a[1].rate(), Some(0.2));
        assert_eq!(a[1].classes[0].enrolment, Some(30));
    }

    #[test]
    fn one_child_of_a_small_class_is_not_an_outbreak() {
        // 2-3: 1 of 5 = 20 %, under class_min_cases; 2 of 5 is.
        let one = tallies(&[("2", "3", 1, 0, 0, 0)]);
        assert!(evaluate(&AlertRules::default(), DAY, &one, &enrolment(), &[]).is_empty());
        let two = tallies(&[("2", "3", 2, 0, 0, 0)]);
        assert_eq!(
            rules_of(&evaluate(
                &AlertRules::default(),
                DAY,
                &two,
                &enrolment(),
                &[]
            )),
            ["class-rate/2-3 closure 2"]
        );
    }

    #[test]
    fn the_same_disease_or_ili_in_two_classes_of_a_grade() {
        // Influenza in 2-1 and 2-2 (one case each): spread; ILI only in 1-1:
        // not; ILI in 1-2 and 1-3: spread.
        let t = tallies(&[
            ("1", "1", 1, 0, 0, 1),
            ("1", "2", 1, 0, 0, 1),
            ("1", "3", 1, 0, 0, 1),
            ("2", "1", 0, 1, 1, 0),
            ("2", "2", 0, 1, 1, 0),
        ]);
        let a = evaluate(&AlertRules::default(), DAY, &t, &enrolment(), &[]);
        assert_eq!(
            rules_of(&a),
            [
                "grade-spread/1/ili warning 3",
                "grade-spread/2/influenza warning 2"
            ]
        );
        let flu = &a[1];
        assert_eq!(flu.classes.len(), 2);
        assert_eq!(flu.enrolment, Some(45));
        // One class alone is the class rule's business, not a spread.
        let single = tallies(&[("2", "1", 0, 3, 3, 0)]);
        let a = evaluate(&AlertRules::default(), DAY, &single, &enrolment(), &[]);
        assert!(a.iter().all(|a| a.rule != Rule::GradeSpread));
    }

    #[test]
    fn school_rate_over_the_whole_enrolment() {
        // 135 students: 8 % is 10.8, so 11 ill is a warning and 21 (15.6 %)
        // the closure level; 10 is nothing (spread over classes so that no
        // class reaches 10 %).
        let spread = |n: u32| {
            let classes = [("1", "1"), ("1", "2"), ("1", "3"), ("2", "1"), ("2", "2")];
            let per = n / 5;
            let rest = n % 5;
            let v: Vec<_> = classes
                .iter()
                .enumerate()
                .map(|(i, (g, c))| (*g, *c, per + u32::from((i as u32) < rest), 0, 0, 0))
                .collect();
            tallies(&v)
        };
        let school = |n| {
            evaluate(&AlertRules::default(), DAY, &spread(n), &enrolment(), &[])
                .into_iter()
                .filter(|a| a.rule == Rule::SchoolRate)
                .map(|a| (a.level, a.count, a.enrolment))
                .collect::<Vec<_>>()
        };
        assert_eq!(school(10), []);
        assert_eq!(school(11), [(Level::Warning, 11, Some(135))]);
        assert_eq!(school(21), [(Level::Closure, 21, Some(135))]);
    }

    #[test]
    fn a_rise_needs_twice_the_mean_and_five_more() {
        let prev = |counts: &[u32]| -> Vec<Tally> {
            counts
                .iter()
                .map(|n| {
                    let mut t = Tally::default();
                    t.add("absence", "reason", "illness", *n);
                    t
                })
                .collect()
        };
        let today = tallies(&[
            ("1", "1", 2, 0, 0, 0),
            ("1", "2", 2, 0, 0, 0),
            ("2", "1", 4, 0, 0, 0),
        ]);
        // Mean 3 → 8 is 2.67 times and 5 more: a rise.
        let a = evaluate(
            &AlertRules::default(),
            DAY,
            &today,
            &enrolment(),
            &prev(&[2, 4, 3, 3, 3]),
        );
        let rise: Vec<_> = a.iter().filter(|a| a.rule == Rule::Rise).collect();
        assert_eq!(rise.len(), 1);
        assert_eq!((rise[0].count, rise[0].baseline), (8, Some(3.0)));
        // Mean 1 → 8 is 8 times but the jump is what a rise needs too; mean
        // 4 → 8 is twice but only 4 more: no rise.
        assert!(
            evaluate(
                &AlertRules::default(),
                DAY,
                &today,
                &enrolment(),
                &prev(&[4, 4, 4, 4, 4])
            )
            .iter()
            .all(|a| a.rule != Rule::Rise)
        );
        // Only rise_days days are compared: the sixth is ignored.
        let a = evaluate(
            &AlertRules::default(),
            DAY,
            &today,
            &enrolment(),
            &prev(&[3, 3, 3, 3, 3, 100]),
        );
        assert!(a.iter().any(|a| a.rule == Rule::Rise));
    }

    #[test]
    fn the_defaults_pass_their_own_check_and_nonsense_does_not() {
        assert_eq!(AlertRules::default().check(), Ok(()));
        let bad = AlertRules {
            class_warning: 0.3,
            ..AlertRules::default()
        };
        assert!(bad.check().is_err());
        let pct = AlertRules {
            class_closure: 20.0,
            ..AlertRules::default()
        };
        assert!(pct.check().is_err());
    }
}
