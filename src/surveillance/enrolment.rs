//! How many students each class has: the denominator of every rate. From
//! the imported roster when the school has one, else from the small table
//! in the config (`[schools.<id>.enrolment]`).

use std::collections::BTreeMap;
use std::fmt;

/// A class of a school: grade and class as the roster writes them (`"3"`,
/// `"2"`; a class may be a name such as `"さくら"`). Ordered as people
/// count: grade 2 before grade 10, then by class the same way.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClassKey {
    pub grade: String,
    pub class: String,
}

impl ClassKey {
    pub fn new(grade: impl Into<String>, class: impl Into<String>) -> ClassKey {
        ClassKey {
            grade: grade.into(),
            class: class.into(),
        }
    }

    /// Reports of students without a roster entry name no class.
    pub fn is_unknown(&self) -> bool {
        self.grade.is_empty() && self.class.is_empty()
    }
}

/// Numbers before words, shorter numbers first: "2" < "10" < "さくら".
fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    let num = |s: &str| s.parse::<u64>().ok();
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

impl Ord for ClassKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // The unknown class (no grade) comes last.
        self.grade
            .is_empty()
            .cmp(&other.grade.is_empty())
            .then_with(|| natural(&self.grade, &other.grade))
            .then_with(|| natural(&self.class, &other.class))
    }
}

impl PartialOrd for ClassKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ClassKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.grade, self.class)
    }
}

/// Students per class, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Enrolment {
    classes: BTreeMap<ClassKey, u32>,
}

impl Enrolment {
    /// From `(grade, class, students)` rows (the roster's counts).
    pub fn from_counts<I, G, C>(rows: I) -> Enrolment
    where
        I: IntoIterator<Item = (G, C, u32)>,
        G: Into<String>,
        C: Into<String>,
    {
        Enrolment {
            classes: rows
                .into_iter()
                .map(|(g, c, n)| (ClassKey::new(g, c), n))
                .collect(),
        }
    }

    /// From the config's table: grade → class → students.
    pub fn from_table(table: &BTreeMap<String, BTreeMap<String, u32>>) -> Enrolment {
        Enrolment::from_counts(
            table
                .iter()
                .flat_map(|(g, cs)| cs.iter().map(move |(c, n)| (g.clone(), c.clone(), *n))),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Every class, in order.
    pub fn classes(&self) -> impl Iterator<Item = (&ClassKey, u32)> {
        self.classes.iter().map(|(k, n)| (k, *n))
    }

    pub fn of_class(&self, class: &ClassKey) -> Option<u32> {
        self.classes.get(class).copied()
    }

    /// Students in `grade`, if the grade is known.
    pub fn of_grade(&self, grade: &str) -> Option<u32> {
        let n: u32 = self
            .classes
            .iter()
            .filter(|(k, _)| k.grade == grade)
            .map(|(_, n)| n)
            .sum();
        (n > 0).then_some(n)
    }

    /// The grades, in order.
    pub fn grades(&self) -> Vec<&str> {
        let mut g: Vec<&str> = Vec::new();
        for k in self.classes.keys() {
            if g.last() != Some(&k.grade.as_str()) {
                g.push(&k.grade);
            }
        }
        g
    }

    /// Students in the school.
    pub fn total(&self) -> u32 {
        self.classes.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_in_the_order_people_count_them() {
        let e = Enrolment::from_counts([
            ("10", "1", 30),
            ("2", "10", 31),
            ("2", "2", 32),
            ("2", "さくら", 5),
        ]);
        let order: Vec<String> = e.classes().map(|(k, _)| k.to_string()).collect();
        assert_eq!(order, ["2-2", "2-10", "2-さくら", "10-1"]);
        assert_eq!(e.of_grade("2"), Some(68));
        assert_eq!(e.of_grade("3"), None);
        assert_eq!(e.total(), 98);
        assert_eq!(e.grades(), ["2", "10"]);
        assert!(ClassKey::new("", "") > ClassKey::new("6", "4"));
    }
}
