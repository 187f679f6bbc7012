//! A school's roster: who the student numbers belong to, read from the CSV a
//! school records system exports (UTF-8 with or without BOM, or Shift_JIS),
//! checked row by row, and held in memory behind the engine's `Roster`
//! trait. The same records are what `absence-line roster import` writes to
//! the school's store.
//!
//! The header row names the columns, in this order (English names in any
//! case, or the Japanese ones): `student` (生徒番号/児童番号), `grade` (学年),
//! `class` (組), `number` (出席番号), `name` (氏名), then optionally `kana`
//! (ふりがな/よみ) and `phones` (保護者電話).
//!
//! Two rules decide whether a new roster replaces the store's
//! ([`shrink`], [`file_rule`]): one that would drop more than half of the
//! students is refused unless forced (a records system's truncated write
//! looks like that), and the config's roster file is copied into the store
//! only while the school has no imported roster (an import takes
//! precedence, at every start and reload).
//!
//! One file per job: the bytes' encoding (`encoding.rs`), reading the CSV
//! records and locating errors (`read.rs`), the header's columns
//! (`header.rs`), checking a student's row field by field (`row.rs`) and
//! the replace rules (`rules.rs`). This file is the roster itself.

mod encoding;
mod header;
mod read;
mod row;
mod rules;
#[cfg(test)]
mod test_support;

use std::collections::HashMap;

use crate::diagnostics::Located;
use crate::domain::Student;
use crate::flow::Roster as FlowRoster;

pub use encoding::{SourceEncoding, decode};
pub use rules::{FileRule, Shrink, file_rule, shrink};

use read::Parser;

#[derive(Debug, Default, Clone)]
pub struct Roster {
    records: Vec<Student>,
    /// Student number → index in `records`.
    index: HashMap<String, usize>,
    /// Guardian number in E.164 → indexes in `records`, in file order:
    /// built once at load, so a call's caller lookup is one hash read.
    by_phone: HashMap<String, Vec<usize>>,
}

impl Roster {
    /// The roster of `records` (checked), indexed by student number
    /// (`index`) and by each guardian number.
    fn new(records: Vec<Student>, index: HashMap<String, usize>) -> Roster {
        let mut by_phone: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in records.iter().enumerate() {
            for phone in crate::domain::phones_e164(&s.phones) {
                by_phone.entry(phone).or_default().push(i);
            }
        }
        Roster {
            records,
            index,
            by_phone,
        }
    }

    /// Parse the roster's text (a UTF-8 BOM is allowed). Every mistake in
    /// the file is reported, each by line and column.
    pub fn parse(text: &str, file: &str) -> Result<Roster, Vec<Located>> {
        Self::parse_with_progress(text, file, &mut |_| {})
    }

    /// Parse a file's bytes: UTF-8 (with or without BOM) or Shift_JIS.
    pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<(Roster, SourceEncoding), Vec<Located>> {
        let (text, encoding) = decode(bytes, file).map_err(|e| vec![e])?;
        Ok((Self::parse(&text, file)?, encoding))
    }

    /// [`parse`](Self::parse), telling `progress` now and then how many
    /// bytes of `text` have been checked.
    pub fn parse_with_progress(
        text: &str,
        file: &str,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Roster, Vec<Located>> {
        let bom = text.len() - text.trim_start_matches('\u{feff}').len();
        Parser {
            file,
            text: &text[bom..],
            errors: Vec::new(),
            cursor: (0, 1),
        }
        .run(&mut |done| progress(done + bom))
    }

    /// Student numbers, in file order.
    pub fn students(&self) -> impl Iterator<Item = &str> {
        self.records.iter().map(|r| r.student.as_str())
    }

    /// The students as the file lists them, checked and tidied (spaces
    /// trimmed, leading zeros of grade and numbers dropped, phone numbers
    /// `;`-separated): what the school's store keeps.
    pub fn records(&self) -> &[Student] {
        &self.records
    }

    pub fn get(&self, student: &str) -> Option<&Student> {
        self.index.get(student).map(|&i| &self.records[i])
    }

    /// The students whose guardian numbers include `phone` (E.164), in
    /// file order.
    pub fn by_phone(&self, phone: &str) -> Vec<&Student> {
        self.by_phone
            .get(phone)
            .map(|is| is.iter().map(|&i| &self.records[i]).collect())
            .unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

impl FlowRoster for Roster {
    fn find(&self, student: &str) -> Option<&Student> {
        self.get(student)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::test_support::*;

    #[test]
    fn the_demo_roster_parses_and_finds_students() {
        let r = ok(include_str!("../../demo/roster-sumida-daiichi.csv"));
        assert_eq!(r.len(), 5);
        assert_eq!(
            r.find("10203").map(|s| (&*s.grade, &*s.class, &*s.number)),
            Some(("1", "2", "3"))
        );
        assert_eq!(r.find("99999"), None);
        assert_eq!(r.get("10203").unwrap().name, "山田 花子");
        assert_eq!(r.students().collect::<Vec<_>>()[0], "10203");
    }

    #[test]
    fn students_are_found_by_a_guardian_number_in_e164() {
        let r = ok(include_str!("../../demo/roster-sumida-daiichi.csv"));
        let found = |p: &str| {
            r.by_phone(p)
                .iter()
                .map(|s| s.student.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("+819000001203"), ["10203"]);
        // The second of two numbers, written 090-0000-2215.
        assert_eq!(found("+819000002215"), ["10215"]);
        assert!(found("090-0000-1203").is_empty());
        assert!(found("+819999999999").is_empty());
    }
}
