//! Reading the CSV records of a roster in order and locating each mistake
//! at the line and column of the field it is about, quotes and line
//! breaks inside quotes included.

use std::collections::HashMap;

use super::Roster;
use super::header::{ORDER, STUDENT};
use crate::diagnostics::Located;

pub(super) struct Parser<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
    pub(super) errors: Vec<Located>,
    /// (byte, line) of the last record start located: records come in
    /// order, so counting lines from here keeps the whole parse linear.
    pub(super) cursor: (usize, usize),
}

/// The header's columns: how many are named, and how many fields it has
/// with the empty ones Excel may add after them.
#[derive(Clone, Copy)]
pub(super) struct Columns {
    pub(super) named: usize,
    pub(super) fields: usize,
}

/// Where one record is: its first byte and line, and its raw fields' spans.
pub(super) struct Place {
    pub(super) line: usize,
    pub(super) start: usize,
    pub(super) spans: Vec<(usize, usize)>,
}

impl Parser<'_> {
    pub(super) fn run(mut self, progress: &mut dyn FnMut(usize)) -> Result<Roster, Vec<Located>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(self.text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut header: Option<Columns> = None;
        let mut records = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut first_line: Vec<usize> = Vec::new();
        let mut rows = 0usize;
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    // The text is already a `str`, and fields are flexible:
                    // only an I/O error could come here. Report it anyway.
                    let at = e.position().map_or(self.text.len(), |p| p.byte() as usize);
                    self.errors
                        .push(Located::at(self.file, self.text, at, e.to_string()));
                    break;
                }
            }
            rows += 1;
            if rows.is_multiple_of(256) {
                progress(record.position().map_or(0, |p| p.byte() as usize));
            }
            if record.iter().all(|f| f.trim().is_empty()) {
                continue; // a blank row, or one of Excel's `,,,,,,`
            }
            let place = self.place(&record);
            let Some(columns) = header else {
                match self.header(&record, &place) {
                    Some(n) => header = Some(n),
                    None => return Err(self.errors),
                }
                continue;
            };
            if let Some(student) = self.row(&record, &place, columns) {
                match index.get(&student.student) {
                    Some(&earlier) => {
                        let message = format!(
                            "student number {} is already on line {}; each student must be listed once",
                            student.student, first_line[earlier]
                        );
                        self.error(&place, STUDENT, message);
                    }
                    None => {
                        index.insert(student.student.clone(), records.len());
                        first_line.push(place.line);
                        records.push(student);
                    }
                }
            }
        }
        progress(self.text.len());
        if header.is_none() && self.errors.is_empty() {
            self.errors.push(Located::file_start(
                self.file,
                format!("the file is empty; the first line must be the header row {ORDER}"),
            ));
        }
        if self.errors.is_empty() {
            Ok(Roster::new(records, index))
        } else {
            Err(self.errors)
        }
    }

    fn place(&mut self, record: &csv::StringRecord) -> Place {
        // The csv crate may put a record's start before the line breaks
        // that precede it (a CRLF's LF, skipped blank lines).
        let mut start = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(self.text.len());
        let b = self.text.as_bytes();
        while start < b.len() && matches!(b[start], b'\r' | b'\n') {
            start += 1;
        }
        let (from, line) = self.cursor;
        let line = line + count_newlines(&self.text[from..start]);
        self.cursor = (start, line);
        Place {
            line,
            start,
            spans: field_spans(self.text, start),
        }
    }

    /// Line and column of byte `at` inside the record at `place`.
    fn locate(&self, place: &Place, at: usize, message: String) -> Located {
        let before = &self.text[place.start..at];
        let line_start = before
            .rfind('\n')
            .map_or(place.start, |i| place.start + i + 1);
        Located {
            file: self.file.to_owned(),
            line: place.line + count_newlines(before),
            col: self.text[line_start..at].chars().count() + 1,
            message,
        }
    }

    /// An error about field `field` (0-based) of the record at `place`.
    pub(super) fn error(&mut self, place: &Place, field: usize, message: String) {
        let at = match place.spans.get(field) {
            Some(&(start, _)) => start,
            None => place.spans.last().map_or(place.start, |&(_, end)| end),
        };
        let e = self.locate(place, at, message);
        self.errors.push(e);
    }

    /// An error at the end of the record at `place`.
    pub(super) fn error_at_end(&mut self, place: &Place, message: String) {
        let at = place.spans.last().map_or(place.start, |&(_, end)| end);
        let e = self.locate(place, at, message);
        self.errors.push(e);
    }
}

fn count_newlines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// Byte spans of the raw fields of the record starting at `start`, quotes
/// included: where each field begins in the file, for error columns.
fn field_spans(text: &str, start: usize) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = start;
    loop {
        let s = i;
        if b.get(i) == Some(&b'"') {
            i += 1;
            while i < b.len() {
                if b[i] == b'"' {
                    if b.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
        }
        while i < b.len() && !matches!(b[i], b',' | b'\n' | b'\r') {
            i += 1;
        }
        spans.push((s, i));
        if b.get(i) == Some(&b',') {
            i += 1;
        } else {
            return spans;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::test_support::*;

    #[test]
    fn crlf_and_lf_give_the_same_locations() {
        let lf = row("10203,1,2,3,山田 花子,やまだ,\n10204,10,2,3,山田 太郎,やまだ,");
        let crlf = lf.replace('\n', "\r\n");
        assert_eq!(
            error(&lf),
            "roster.csv:3:7: grade \"10\" must be a number from 1 to 9"
        );
        assert_eq!(error(&crlf), error(&lf));
    }

    #[test]
    fn quoted_names_with_commas_are_one_field_and_later_columns_stay_right() {
        let r = ok(&row(
            "60108,6,1,8,\"Santos, Maria\",まりあ さんとす,\"070-1111-2222; 03-1111-2222\"",
        ));
        assert_eq!(r.get("60108").unwrap().name, "Santos, Maria");
        assert_eq!(r.get("60108").unwrap().phones, "070-1111-2222;03-1111-2222");
        assert_eq!(
            error(&row("60108,6,1,8,\"Santos, Maria\",まりあ,1234")),
            "roster.csv:2:33: phone number \"1234\" has 4 digits; write the whole number with its area code (10 to 15 digits), e.g. 03-1234-5678"
        );
    }

    #[test]
    fn a_line_break_inside_quotes_keeps_later_lines_counted() {
        let text = row("10203,1,2,3,\"山田\n花子\",やまだ,\n10204,1,2,0,山田 太郎,やまだ,");
        assert_eq!(
            error(&text),
            "roster.csv:4:11: attendance number \"0\" must be a number from 1 to 99"
        );
        // An error in the field after the break is on the break's line.
        let text = row("10203,1,2,3,\"山田\n花子\",yamada,");
        assert!(
            error(&text).starts_with("roster.csv:3:5: kana \"yamada\""),
            "{}",
            error(&text)
        );
    }

    #[test]
    fn blank_lines_and_empty_excel_rows_are_skipped_but_counted() {
        let text = format!(
            "{HEAD}\n10203,1,2,3,山田 花子,やまだ,\n,,,,,,\n\n10204,1,2,3,山田 太郎,やまだ,\n10205,x,2,3,山田 次郎,やまだ,\n"
        );
        assert_eq!(
            error(&text),
            "roster.csv:7:7: grade \"x\" must be a number from 1 to 9"
        );
        let r = ok(&text.replace(",x,", ",1,"));
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn student_number_must_be_unique_and_the_error_names_the_earlier_line() {
        let text = row(
            "10203,1,2,3,山田 花子,やまだ,\n10204,1,2,4,山田 太郎,やまだ,\n 10203,2,1,1,鈴木 一郎,すずき,",
        );
        assert_eq!(
            error(&text),
            "roster.csv:4:1: student number 10203 is already on line 2; each student must be listed once"
        );
    }

    #[test]
    fn every_error_in_the_file_is_reported_in_order() {
        let text =
            row("１０２０３,0,,3,山田,やまだ,\n10204,1,2,3,山田,やまだ,\n10205,1,2,100,,yamada,12");
        assert_eq!(
            errors(&text)
                .iter()
                .map(|e| e.split(": ").next().unwrap())
                .collect::<Vec<_>>(),
            [
                "roster.csv:2:1",
                "roster.csv:2:7",
                "roster.csv:2:9",
                "roster.csv:4:11",
                "roster.csv:4:15",
                "roster.csv:4:16",
                "roster.csv:4:23",
            ]
        );
    }

    #[test]
    fn an_empty_file_is_an_error_and_a_header_alone_an_empty_roster() {
        assert!(error("").starts_with(
            "roster.csv:1:1: the file is empty; the first line must be the header row"
        ));
        assert!(error("\n\n").starts_with("roster.csv:1:1: the file is empty"));
        assert!(ok(HEAD).is_empty());
    }

    #[test]
    fn progress_ends_at_the_whole_text() {
        let mut text = String::from(HEAD);
        for n in 0..1000 {
            text += &format!("{},1,2,3,山田,やまだ,\n", 10_000 + n);
        }
        let mut seen = Vec::new();
        let r = Roster::parse_with_progress(&text, "roster.csv", &mut |d| seen.push(d)).unwrap();
        assert_eq!(r.len(), 1000);
        assert!(seen.len() > 2, "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert_eq!(*seen.last().unwrap(), text.len());
    }
}
