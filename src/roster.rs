//! A school's roster: who the student numbers belong to, loaded from CSV.

use std::collections::HashMap;

use crate::flow::{Located, Roster as FlowRoster, Student};

#[derive(Debug, Default, Clone)]
pub struct Roster {
    students: HashMap<String, Student>,
}

impl Roster {
    /// Parse `student,grade,class,number[,name,kana,…]` with a header row.
    /// Every mistake is reported by line and column.
    pub fn parse(text: &str, file: &str) -> Result<Roster, Vec<Located>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut students = HashMap::new();
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let err = |col: usize, m: String| Located {
                file: file.to_owned(),
                line: i + 1,
                col,
                message: m,
            };
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            if fields.len() < 4 {
                errors.push(err(1, "need at least student,grade,class,number".into()));
                continue;
            }
            let number = fields[0];
            if !(4..=8).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
                errors.push(err(
                    1,
                    format!("student number {number:?} must be 4 to 8 digits"),
                ));
                continue;
            }
            let student = Student {
                grade: fields[1].to_owned(),
                class: fields[2].to_owned(),
                number: fields[3].to_owned(),
            };
            if students.insert(number.to_owned(), student).is_some() {
                errors.push(err(1, format!("student number {number} appears twice")));
            }
        }
        if errors.is_empty() {
            Ok(Roster { students })
        } else {
            Err(errors)
        }
    }

    /// Student numbers, in no particular order.
    pub fn students(&self) -> impl Iterator<Item = &str> {
        self.students.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.students.len()
    }

    pub fn is_empty(&self) -> bool {
        self.students.is_empty()
    }
}

impl FlowRoster for Roster {
    fn find(&self, student: &str) -> Option<Student> {
        self.students.get(student).cloned()
    }
}
