//! The roster's columns, in their fixed order with their Japanese names,
//! and the check of the header row that names them.

use super::read::{Columns, Parser, Place};
use super::row::is_full_width_digit;

/// One column of the roster file: its name and the Japanese names also
/// accepted in the header.
pub(super) struct Column {
    pub(super) name: &'static str,
    pub(super) aliases: &'static [&'static str],
}

pub(super) const COLUMNS: [Column; 7] = [
    Column {
        name: "student",
        aliases: &["生徒番号", "児童番号"],
    },
    Column {
        name: "grade",
        aliases: &["学年"],
    },
    Column {
        name: "class",
        aliases: &["組"],
    },
    Column {
        name: "number",
        aliases: &["出席番号"],
    },
    Column {
        name: "name",
        aliases: &["氏名"],
    },
    Column {
        name: "kana",
        aliases: &["ふりがな", "よみ"],
    },
    Column {
        name: "phones",
        aliases: &["保護者電話"],
    },
];
/// `student` to `name` must be there; `kana` and `phones` may be left off.
pub(super) const REQUIRED: usize = 5;
pub(super) const STUDENT: usize = 0;
pub(super) const GRADE: usize = 1;
pub(super) const CLASS: usize = 2;
pub(super) const NUMBER: usize = 3;
pub(super) const NAME: usize = 4;
pub(super) const KANA: usize = 5;
pub(super) const PHONES: usize = 6;

pub(super) const ORDER: &str = "student,grade,class,number,name,kana,phones (or 生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話)";

impl Parser<'_> {
    /// Check the header row; the number of columns the rows have, or
    /// `None` when the header is wrong (its errors are recorded).
    pub(super) fn header(&mut self, record: &csv::StringRecord, place: &Place) -> Option<Columns> {
        let names: Vec<String> = record.iter().map(|h| h.trim().to_lowercase()).collect();
        // Excel may add empty columns after the last one.
        let len = names
            .iter()
            .rposition(|n| !n.is_empty())
            .map_or(0, |i| i + 1);
        let first = &names[0];
        if !first.is_empty()
            && first
                .chars()
                .all(|c| c.is_ascii_digit() || is_full_width_digit(c))
        {
            self.error(
                place,
                0,
                format!(
                    "the first line must be the header row {ORDER}; this line looks like a student"
                ),
            );
            return None;
        }
        let before = self.errors.len();
        let matches = |c: &Column, n: &str| c.name == n || c.aliases.contains(&n);
        for (i, n) in names[..len].iter().enumerate() {
            let Some(expected) = COLUMNS.get(i) else {
                self.error(
                    place,
                    i,
                    format!(
                        "unexpected column {n:?} after phones; delete it (the columns are {ORDER})"
                    ),
                );
                continue;
            };
            if matches(expected, n) {
                continue;
            }
            let shown = record.get(i).unwrap_or_default().trim();
            let message = match COLUMNS.iter().find(|c| matches(c, n)) {
                Some(c) => format!(
                    "column {shown:?} ({}) is out of place: column {} must be {:?} ({}); put the columns in the order {ORDER}",
                    c.name,
                    i + 1,
                    expected.name,
                    expected.aliases.join("/"),
                ),
                None => format!(
                    "unknown column {shown:?}: column {} must be {:?} ({}); the columns are {ORDER}",
                    i + 1,
                    expected.name,
                    expected.aliases.join("/"),
                ),
            };
            self.error(place, i, message);
        }
        if len < REQUIRED {
            let missing: Vec<&str> = COLUMNS[len..REQUIRED].iter().map(|c| c.name).collect();
            self.error_at_end(
                place,
                format!(
                    "the header has no {} column{}; the columns are {ORDER} (kana and phones may be left off)",
                    missing.join(", "),
                    if missing.len() > 1 { "s" } else { "" },
                ),
            );
        }
        (self.errors.len() == before).then_some(Columns {
            named: len,
            fields: names.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::roster::test_support::*;

    #[test]
    fn kana_and_phones_may_be_left_off_the_header_or_the_row() {
        let r = ok("student,grade,class,number,name\n10203,1,2,3,山田 花子\n");
        assert_eq!(r.get("10203").unwrap().kana, "");
        let r = ok("student,grade,class,number,name,kana\n10203,1,2,3,山田 花子,やまだ\n");
        assert_eq!(r.get("10203").unwrap().kana, "やまだ");
        let r = ok(&row("10203,1,2,3,山田 花子"));
        assert_eq!(r.get("10203").unwrap().phones, "");
    }

    #[test]
    fn headers_match_in_any_case_or_in_japanese() {
        let r = ok("Student,GRADE,Class,Number,Name,Kana,Phones\n10203,1,2,3,山田 花子,やまだ,\n");
        assert_eq!(r.len(), 1);
        for head in [
            "生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話",
            "児童番号,学年,組,出席番号,氏名,よみ,保護者電話",
        ] {
            let r = ok(&format!(
                "{head}\n10203,1,2,3,山田 花子,やまだ,090-1234-5678\n"
            ));
            assert_eq!(r.get("10203").unwrap().phones, "090-1234-5678");
        }
    }

    #[test]
    fn the_header_must_name_the_columns_in_order() {
        assert_eq!(
            error("student,grde,class,number,name\n"),
            "roster.csv:1:9: unknown column \"grde\": column 2 must be \"grade\" (学年); the columns are student,grade,class,number,name,kana,phones (or 生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話)"
        );
        let swapped = errors("student,class,grade,number,name\n");
        assert_eq!(swapped.len(), 2, "{swapped:#?}");
        assert!(
            swapped[0].starts_with("roster.csv:1:9: column \"class\" (class) is out of place: column 2 must be \"grade\" (学年);"),
            "{swapped:#?}"
        );
        assert!(
            swapped[1].starts_with("roster.csv:1:15: column \"grade\" (grade) is out of place: column 3 must be \"class\" (組);"),
            "{swapped:#?}"
        );
        assert_eq!(
            error("student,grade,class,number\n10203,1,2,3\n"),
            "roster.csv:1:27: the header has no name column; the columns are student,grade,class,number,name,kana,phones (or 生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話) (kana and phones may be left off)"
        );
        assert!(
            error("student,grade,class,number,name,kana,phones,性別\n")
                .starts_with("roster.csv:1:45: unexpected column \"性別\" after phones; delete it"),
        );
        assert!(
            error("10203,1,2,3,山田,やまだ\n")
                .starts_with("roster.csv:1:1: the first line must be the header row"),
        );
        // Excel's empty columns after the last one are not columns.
        assert_eq!(
            ok("student,grade,class,number,name,,\n10203,1,2,3,山田,,\n").len(),
            1
        );
        assert_eq!(
            error("student,grade,class,number,name,,\n10203,1,2,3,山田,,x\n"),
            "roster.csv:2:13: this row has 7 fields but the header has 5 columns; a name with a comma must be in double quotes, e.g. \"Santos, Maria\""
        );
    }
}
