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

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::diagnostics::Located;
use crate::flow::{Roster as FlowRoster, Student};
use crate::store::{RosterState, StudentRecord};

/// One column of the roster file: its name and the Japanese names also
/// accepted in the header.
struct Column {
    name: &'static str,
    aliases: &'static [&'static str],
}

const COLUMNS: [Column; 7] = [
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
const REQUIRED: usize = 5;
const STUDENT: usize = 0;
const GRADE: usize = 1;
const CLASS: usize = 2;
const NUMBER: usize = 3;
const NAME: usize = 4;
const KANA: usize = 5;
const PHONES: usize = 6;

const ORDER: &str = "student,grade,class,number,name,kana,phones (or 生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話)";

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    ShiftJis,
}

impl fmt::Display for SourceEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8Bom => "UTF-8 with BOM",
            SourceEncoding::ShiftJis => "Shift_JIS",
        })
    }
}

/// The file's text: UTF-8 (a BOM is dropped), or else Shift_JIS (Windows'
/// code page 932, as Excel saves "CSV" on a Japanese PC).
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<(Cow<'a, str>, SourceEncoding), Located> {
    let at_start = |message: &str| Located::file_start(file, message);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(at_start(
            "this file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\" or \"CSV (comma delimited)\"",
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((Cow::Borrowed(text), SourceEncoding::Utf8Bom)),
            Err(e) => {
                let valid = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default();
                Err(Located::at(
                    file,
                    valid,
                    valid.len(),
                    "this file starts with a UTF-8 BOM but is not UTF-8 from here on; save it again as \"CSV UTF-8 (comma delimited)\"",
                ))
            }
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), SourceEncoding::Utf8)),
        Err(e) => {
            let (text, malformed) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
            if !malformed {
                return Ok((Cow::Owned(text.into_owned()), SourceEncoding::ShiftJis));
            }
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(Located::at(
                file,
                valid,
                valid.len(),
                "this file is neither UTF-8 nor Shift_JIS from here on; save it from Excel as \"CSV UTF-8 (comma delimited)\"",
            ))
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct Roster {
    records: Vec<StudentRecord>,
    /// Student number → index in `records`.
    index: HashMap<String, usize>,
}

impl Roster {
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
    pub fn records(&self) -> &[StudentRecord] {
        &self.records
    }

    pub fn get(&self, student: &str) -> Option<&StudentRecord> {
        self.index.get(student).map(|&i| &self.records[i])
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

impl FlowRoster for Roster {
    fn find(&self, student: &str) -> Option<Student> {
        self.get(student).map(|r| Student {
            grade: r.grade.clone(),
            class: r.class.clone(),
            number: r.number.clone(),
        })
    }
}

struct Parser<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<Located>,
    /// (byte, line) of the last record start located: records come in
    /// order, so counting lines from here keeps the whole parse linear.
    cursor: (usize, usize),
}

/// The header's columns: how many are named, and how many fields it has
/// with the empty ones Excel may add after them.
#[derive(Clone, Copy)]
struct Columns {
    named: usize,
    fields: usize,
}

/// Where one record is: its first byte and line, and its raw fields' spans.
struct Place {
    line: usize,
    start: usize,
    spans: Vec<(usize, usize)>,
}

impl Parser<'_> {
    fn run(mut self, progress: &mut dyn FnMut(usize)) -> Result<Roster, Vec<Located>> {
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
            Ok(Roster { records, index })
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
    fn error(&mut self, place: &Place, field: usize, message: String) {
        let at = match place.spans.get(field) {
            Some(&(start, _)) => start,
            None => place.spans.last().map_or(place.start, |&(_, end)| end),
        };
        let e = self.locate(place, at, message);
        self.errors.push(e);
    }

    /// An error at the end of the record at `place`.
    fn error_at_end(&mut self, place: &Place, message: String) {
        let at = place.spans.last().map_or(place.start, |&(_, end)| end);
        let e = self.locate(place, at, message);
        self.errors.push(e);
    }

    /// Check the header row; the number of columns the rows have, or
    /// `None` when the header is wrong (its errors are recorded).
    fn header(&mut self, record: &csv::StringRecord, place: &Place) -> Option<Columns> {
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

    /// Check one student's row; the student if every field is right.
    fn row(
        &mut self,
        record: &csv::StringRecord,
        place: &Place,
        header: Columns,
    ) -> Option<StudentRecord> {
        let fields = record.len();
        let columns = header.named;
        // Empty fields under the header's own empty columns are Excel's.
        let extra = (columns..fields).any(|i| i >= header.fields || !record[i].trim().is_empty());
        if extra {
            self.error(
                place,
                NAME,
                format!(
                    "this row has {fields} fields but the header has {columns} columns; a name with a comma must be in double quotes, e.g. \"Santos, Maria\""
                ),
            );
            return None;
        }
        // Missing fields at the end are empty kana and phones.
        if fields < REQUIRED {
            self.error_at_end(
                place,
                format!(
                    "this row has {fields} field{} but needs at least {REQUIRED} (student, grade, class, number, name); add the missing fields",
                    if fields == 1 { "" } else { "s" }
                ),
            );
            return None;
        }
        let field = |i: usize| {
            if i < columns.min(fields) {
                record[i].trim()
            } else {
                ""
            }
        };
        let before = self.errors.len();
        let check = |this: &mut Self, i: usize, r: Result<String, String>| match r {
            Ok(v) => v,
            Err(m) => {
                this.error(place, i, m);
                String::new()
            }
        };
        let student = StudentRecord {
            student: check(self, STUDENT, student_number(field(STUDENT))),
            grade: check(self, GRADE, grade(field(GRADE))),
            class: check(self, CLASS, class(field(CLASS))),
            number: check(self, NUMBER, attendance_number(field(NUMBER))),
            name: check(self, NAME, name(field(NAME))),
            kana: check(self, KANA, kana(field(KANA))),
            phones: check(self, PHONES, phones(field(PHONES))),
        };
        (self.errors.len() == before).then_some(student)
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

fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// Full-width Latin letters, digits and signs (Ａ, １, ＋, －).
fn is_full_width_ascii(c: char) -> bool {
    ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

fn is_kana(c: char) -> bool {
    ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{FF66}'..='\u{FF9F}').contains(&c)
}

fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c) || c == '々'
}

/// A small whole number written with half-width digits, in `range`.
fn small_number(
    what: &str,
    v: &str,
    range: std::ops::RangeInclusive<u32>,
    suffix: char,
) -> Result<String, String> {
    let (lo, hi) = (range.start(), range.end());
    if v.is_empty() {
        return Err(format!("{what} is empty; write a number from {lo} to {hi}"));
    }
    if v.chars().any(is_full_width_ascii) {
        return Err(format!(
            "{what} {v:?} uses full-width characters; type it with half-width digits 0-9"
        ));
    }
    if let Some(n) = v
        .strip_suffix(suffix)
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!(
            "{what} {v:?}: write only the number, e.g. {n}, without {suffix}"
        ));
    }
    match v.parse::<u32>() {
        Ok(n) if v.bytes().all(|b| b.is_ascii_digit()) && range.contains(&n) => Ok(n.to_string()),
        _ => Err(format!("{what} {v:?} must be a number from {lo} to {hi}")),
    }
}

/// 4–8 half-width digits: what parents key in.
fn student_number(v: &str) -> Result<String, String> {
    if v.is_empty() {
        return Err(
            "student number is empty; every row needs the 4 to 8 digit number parents key in"
                .into(),
        );
    }
    if v.chars().any(is_full_width_digit) {
        return Err(format!(
            "student number {v:?} uses full-width digits; type it with half-width digits 0-9"
        ));
    }
    if !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "student number {v:?} must be 4 to 8 digits 0-9, with no letters, spaces or hyphens"
        ));
    }
    if !(4..=8).contains(&v.len()) {
        return Err(format!(
            "student number {v:?} has {} digits; it must have 4 to 8",
            v.len()
        ));
    }
    Ok(v.to_owned())
}

fn grade(v: &str) -> Result<String, String> {
    small_number("grade", v, 1..=9, '年')
}

fn attendance_number(v: &str) -> Result<String, String> {
    small_number("attendance number", v, 1..=99, '番')
}

/// A class as the line reads it back: a number (1–99), or a short name of
/// letters, kana or kanji (A, い, 松).
fn class(v: &str) -> Result<String, String> {
    if v.is_empty() {
        return Err("class is empty; write the class, e.g. 1, 2, A or い".into());
    }
    if v.chars().any(is_full_width_ascii) {
        return Err(format!(
            "class {v:?} uses full-width characters; type it with half-width digits 0-9 or letters A-Z"
        ));
    }
    if let Some(c) = v.strip_suffix('組').filter(|c| !c.is_empty()) {
        return Err(format!(
            "class {v:?}: write only the class, e.g. {c}, without 組"
        ));
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return small_number("class", v, 1..=99, '組');
    }
    let name_like = |c: char| c.is_ascii_alphabetic() || is_kana(c) || is_kanji(c);
    if v.chars().count() <= 4 && v.chars().all(name_like) {
        return Ok(v.to_owned());
    }
    Err(format!(
        "class {v:?} must be a number from 1 to 99 or up to 4 letters, kana or kanji (e.g. 1, A, い, 松)"
    ))
}

fn name(v: &str) -> Result<String, String> {
    if v.is_empty() {
        return Err(
            "name is empty; write the student's name (氏名) as the records system has it".into(),
        );
    }
    Ok(v.to_owned())
}

/// The reading: kana, with spaces. Only Latin letters and digits are
/// refused (a romanised name or a number in the wrong column).
fn kana(v: &str) -> Result<String, String> {
    if v.chars()
        .any(|c| c.is_ascii_alphanumeric() || (is_full_width_ascii(c) && c.is_alphanumeric()))
    {
        return Err(format!(
            "kana {v:?} has Latin letters or digits; write the reading in hiragana or katakana, e.g. やまだ はなこ"
        ));
    }
    Ok(v.to_owned())
}

/// One or more guardian numbers separated by `;` or `/`: each digits with
/// an optional leading `+`, hyphens and spaces, 10 to 15 digits.
fn phones(v: &str) -> Result<String, String> {
    let mut out = Vec::new();
    for p in v
        .split([';', '/', '；', '／'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if p.chars().any(is_full_width_ascii) {
            return Err(format!(
                "phone number {p:?} uses full-width characters; type it with half-width digits 0-9 and -"
            ));
        }
        let body = p.strip_prefix('+').unwrap_or(p);
        if !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
        {
            return Err(format!(
                "phone number {p:?} may have only digits, a leading +, hyphens and spaces, e.g. 090-1234-5678 or +81 90 1234 5678; separate several numbers with ; or /"
            ));
        }
        let digits = body.bytes().filter(u8::is_ascii_digit).count();
        if !(10..=15).contains(&digits) {
            return Err(format!(
                "phone number {p:?} has {digits} digits; write the whole number with its area code (10 to 15 digits), e.g. 03-1234-5678"
            ));
        }
        out.push(p);
    }
    Ok(out.join(";"))
}

/// A new roster that would drop more than half of the students in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "it has {after} student(s) where the roster in use has {before}: more than half would be dropped"
)]
pub struct Shrink {
    pub before: usize,
    pub after: usize,
}

/// Whether replacing a roster of `before` students with one of `after`
/// drops more than half of them. A truncated export (a header alone, or a
/// few rows) would otherwise make every other parent's number "not found";
/// a school does not lose half its students between two exports.
pub fn shrink(before: usize, after: usize) -> Option<Shrink> {
    (after * 2 < before).then_some(Shrink { before, after })
}

/// What start-up and a reload do with the config's roster file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRule {
    /// Copy it into the store: it is new or changed.
    Copy,
    /// The store already holds it.
    Unchanged,
    /// The school has an imported roster, which takes precedence: the file
    /// is not applied while the import is kept.
    Imported,
    /// Refused: it would drop most of the students.
    Shrinks(Shrink),
}

/// The rule for a config roster file of `students` students with
/// `fingerprint`, given the store's roster.
pub fn file_rule(store: &RosterState, fingerprint: &str, students: usize) -> FileRule {
    if store.imported.is_some() {
        return FileRule::Imported;
    }
    if store.from_file.as_deref() == Some(fingerprint) {
        return FileRule::Unchanged;
    }
    match shrink(store.students, students) {
        Some(s) => FileRule::Shrinks(s),
        None => FileRule::Copy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "student,grade,class,number,name,kana,phones\n";

    /// The errors as printed: `file:line:col: message`.
    fn errors(text: &str) -> Vec<String> {
        match Roster::parse(text, "roster.csv") {
            Ok(r) => panic!("expected errors, parsed {} students", r.len()),
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    /// The one error of a file, as printed.
    fn error(text: &str) -> String {
        let e = errors(text);
        assert_eq!(e.len(), 1, "{e:#?}");
        e.into_iter().next().unwrap()
    }

    fn ok(text: &str) -> Roster {
        Roster::parse(text, "roster.csv").unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
    }

    fn row(fields: &str) -> String {
        format!("{HEAD}{fields}\n")
    }

    #[test]
    fn the_demo_roster_parses_and_finds_students() {
        let r = ok(include_str!("../demo/roster-sumida-daiichi.csv"));
        assert_eq!(r.len(), 5);
        assert_eq!(
            r.find("10203"),
            Some(Student {
                grade: "1".into(),
                class: "2".into(),
                number: "3".into()
            })
        );
        assert_eq!(r.find("99999"), None);
        assert_eq!(r.get("10203").unwrap().name, "山田 花子");
        assert_eq!(r.students().collect::<Vec<_>>()[0], "10203");
    }

    #[test]
    fn a_full_row_becomes_a_tidy_record() {
        let r = ok(&row(
            " 010203 , 01 ,02, 03 ,山田 花子 , やまだ はなこ ,090-1234-5678; +81 3 1234 5678 /0312345678",
        ));
        assert_eq!(
            r.records(),
            [StudentRecord {
                student: "010203".into(),
                grade: "1".into(),
                class: "2".into(),
                number: "3".into(),
                name: "山田 花子".into(),
                kana: "やまだ はなこ".into(),
                phones: "090-1234-5678;+81 3 1234 5678;0312345678".into(),
            }]
        );
    }

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
    fn a_bom_is_skipped_in_text_and_in_bytes() {
        let text = format!("\u{feff}{}", row("10203,1,2,3,山田 花子,やまだ,"));
        assert_eq!(ok(&text).len(), 1);
        let (r, enc) = Roster::parse_bytes(text.as_bytes(), "roster.csv").unwrap();
        assert_eq!((r.len(), enc), (1, SourceEncoding::Utf8Bom));
        // The BOM is not a column.
        let e = error(&format!(
            "\u{feff}{}",
            row("１０２０３,1,2,3,山田 花子,やまだ,")
        ));
        assert!(e.starts_with("roster.csv:2:1: "), "{e}");
    }

    #[test]
    fn shift_jis_files_are_read_and_errors_located() {
        let text = "生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話\r\n10203,1,2,3,山田 花子,やまだ はなこ,090-1234-5678\r\n10215,1,い,0,佐藤 健太,さとう けんた,\r\n";
        let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!bad);
        assert!(std::str::from_utf8(&sjis).is_err(), "really not UTF-8");
        let (r, enc) = Roster::parse_bytes(&ok_row_fixed(&sjis), "roster.csv").unwrap();
        assert_eq!(enc, SourceEncoding::ShiftJis);
        assert_eq!(r.get("10203").unwrap().name, "山田 花子");
        assert_eq!(r.get("10203").unwrap().kana, "やまだ はなこ");
        let e = Roster::parse_bytes(&sjis, "roster.csv").unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "roster.csv:3:11: attendance number \"0\" must be a number from 1 to 99"
        );
    }

    /// The Shift_JIS file above with its bad attendance number fixed.
    fn ok_row_fixed(sjis: &[u8]) -> Vec<u8> {
        let (text, _, _) = encoding_rs::SHIFT_JIS.decode(sjis);
        let text = text.replace(",い,0,", ",い,1,");
        let (fixed, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        fixed.into_owned()
    }

    #[test]
    fn bytes_that_are_neither_utf8_nor_shift_jis_are_refused_where_they_go_wrong() {
        let mut bytes = HEAD.as_bytes().to_vec();
        bytes.extend_from_slice(b"10203,1,2,3,\xFF\xFF,,\n");
        let e = Roster::parse_bytes(&bytes, "roster.csv").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].to_string()
                .starts_with("roster.csv:2:13: this file is neither UTF-8 nor Shift_JIS"),
            "{}",
            e[0]
        );
        let e = Roster::parse_bytes(b"\xFF\xFEs\0t\0", "roster.csv").unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("roster.csv:1:1: this file is UTF-16"),
            "{}",
            e[0]
        );
    }

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
    fn an_unquoted_comma_in_a_name_is_a_field_too_many_at_that_field() {
        assert_eq!(
            error(&row("60108,6,1,8,Santos, Maria,まりあ,")),
            "roster.csv:2:13: this row has 8 fields but the header has 7 columns; a name with a comma must be in double quotes, e.g. \"Santos, Maria\""
        );
        // A trailing comma is a field too many as well.
        assert!(
            error(&row("60108,6,1,8,Maria Santos,まりあ,,")).starts_with(
                "roster.csv:2:13: this row has 8 fields but the header has 7 columns;"
            )
        );
    }

    #[test]
    fn a_row_without_a_name_field_is_short() {
        assert_eq!(
            error(&row("10203,1,2,3")),
            "roster.csv:2:12: this row has 4 fields but needs at least 5 (student, grade, class, number, name); add the missing fields"
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
    fn student_number_full_width_digits_get_the_half_width_hint() {
        let mut text = String::from(HEAD);
        for n in 0..12 {
            text += &format!("{},1,2,3,山田,やまだ,\n", 10_100 + n);
        }
        text += "１０２０３,1,2,3,山田 花子,やまだ,\n";
        assert_eq!(
            error(&text),
            "roster.csv:14:1: student number \"１０２０３\" uses full-width digits; type it with half-width digits 0-9"
        );
    }

    #[test]
    fn student_number_must_be_4_to_8_ascii_digits() {
        assert_eq!(
            error(&row("123,1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number \"123\" has 3 digits; it must have 4 to 8"
        );
        assert_eq!(
            error(&row("123456789,1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number \"123456789\" has 9 digits; it must have 4 to 8"
        );
        assert_eq!(
            error(&row("10-203,1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number \"10-203\" must be 4 to 8 digits 0-9, with no letters, spaces or hyphens"
        );
        assert_eq!(
            error(&row(",1,2,3,山田,やまだ,")),
            "roster.csv:2:1: student number is empty; every row needs the 4 to 8 digit number parents key in"
        );
        assert_eq!(ok(&row("1234,1,2,3,山田,やまだ,")).len(), 1);
        assert_eq!(ok(&row("12345678,1,2,3,山田,やまだ,")).len(), 1);
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
    fn grade_is_1_to_9() {
        let at = |g: &str| error(&row(&format!("10203,{g},2,3,山田,やまだ,")));
        assert_eq!(
            at("0"),
            "roster.csv:2:7: grade \"0\" must be a number from 1 to 9"
        );
        assert_eq!(
            at("10"),
            "roster.csv:2:7: grade \"10\" must be a number from 1 to 9"
        );
        assert_eq!(
            at(""),
            "roster.csv:2:7: grade is empty; write a number from 1 to 9"
        );
        assert_eq!(
            at("１"),
            "roster.csv:2:7: grade \"１\" uses full-width characters; type it with half-width digits 0-9"
        );
        assert_eq!(
            at("1年"),
            "roster.csv:2:7: grade \"1年\": write only the number, e.g. 1, without 年"
        );
        assert_eq!(ok(&row("10203,9,2,3,山田,やまだ,")).records()[0].grade, "9");
    }

    #[test]
    fn class_is_digits_or_a_letter_or_kana() {
        let at = |c: &str| error(&row(&format!("10203,1,{c},3,山田,やまだ,")));
        assert_eq!(
            at(""),
            "roster.csv:2:9: class is empty; write the class, e.g. 1, 2, A or い"
        );
        assert_eq!(
            at("2組"),
            "roster.csv:2:9: class \"2組\": write only the class, e.g. 2, without 組"
        );
        assert_eq!(
            at("Ａ"),
            "roster.csv:2:9: class \"Ａ\" uses full-width characters; type it with half-width digits 0-9 or letters A-Z"
        );
        assert_eq!(
            at("1-2"),
            "roster.csv:2:9: class \"1-2\" must be a number from 1 to 99 or up to 4 letters, kana or kanji (e.g. 1, A, い, 松)"
        );
        assert_eq!(
            at("0"),
            "roster.csv:2:9: class \"0\" must be a number from 1 to 99"
        );
        for (c, stored) in [
            ("1", "1"),
            ("02", "2"),
            ("A", "A"),
            ("い", "い"),
            ("松", "松"),
        ] {
            assert_eq!(
                ok(&row(&format!("10203,1,{c},3,山田,やまだ,"))).records()[0].class,
                stored
            );
        }
    }

    #[test]
    fn attendance_number_is_1_to_99() {
        let at = |n: &str| error(&row(&format!("10203,1,2,{n},山田,やまだ,")));
        assert_eq!(
            at("0"),
            "roster.csv:2:11: attendance number \"0\" must be a number from 1 to 99"
        );
        assert_eq!(
            at("100"),
            "roster.csv:2:11: attendance number \"100\" must be a number from 1 to 99"
        );
        assert_eq!(
            at(""),
            "roster.csv:2:11: attendance number is empty; write a number from 1 to 99"
        );
        assert_eq!(
            at("3番"),
            "roster.csv:2:11: attendance number \"3番\": write only the number, e.g. 3, without 番"
        );
        assert_eq!(
            at("３"),
            "roster.csv:2:11: attendance number \"３\" uses full-width characters; type it with half-width digits 0-9"
        );
        assert_eq!(
            ok(&row("10203,1,2,99,山田,やまだ,")).records()[0].number,
            "99"
        );
        assert_eq!(
            ok(&row("10203,1,2,03,山田,やまだ,")).records()[0].number,
            "3"
        );
    }

    #[test]
    fn name_must_not_be_empty() {
        assert_eq!(
            error(&row("10203,1,2,3,  ,やまだ,")),
            "roster.csv:2:13: name is empty; write the student's name (氏名) as the records system has it"
        );
    }

    #[test]
    fn kana_may_not_have_latin_letters_or_digits() {
        let at = |k: &str| error(&row(&format!("10203,1,2,3,山田,{k},")));
        assert_eq!(
            at("yamada"),
            "roster.csv:2:16: kana \"yamada\" has Latin letters or digits; write the reading in hiragana or katakana, e.g. やまだ はなこ"
        );
        assert!(
            at("やまだ2")
                .starts_with("roster.csv:2:16: kana \"やまだ2\" has Latin letters or digits")
        );
        assert!(
            at("ｙａｍａｄａ")
                .starts_with("roster.csv:2:16: kana \"ｙａｍａｄａ\" has Latin letters or digits")
        );
        for k in ["やまだ はなこ", "ヤマダ　ハナコ", "ﾔﾏﾀﾞ", ""] {
            assert_eq!(
                ok(&row(&format!("10203,1,2,3,山田,{k},"))).records()[0].kana,
                k.trim()
            );
        }
    }

    #[test]
    fn phones_are_10_to_15_digits_with_plus_hyphens_and_spaces() {
        let at = |p: &str| error(&row(&format!("10203,1,2,3,山田,やまだ,{p}")));
        assert_eq!(
            at("03(1234)5678"),
            "roster.csv:2:20: phone number \"03(1234)5678\" may have only digits, a leading +, hyphens and spaces, e.g. 090-1234-5678 or +81 90 1234 5678; separate several numbers with ; or /"
        );
        assert!(
            at("1234-5678")
                .starts_with("roster.csv:2:20: phone number \"1234-5678\" has 8 digits;")
        );
        assert!(
            at("+81 90 1234 5678 9012").starts_with(
                "roster.csv:2:20: phone number \"+81 90 1234 5678 9012\" has 16 digits;"
            )
        );
        assert!(
            at("090-1234-5678;81+9012345678").starts_with(
                "roster.csv:2:20: phone number \"81+9012345678\" may have only digits"
            )
        );
        assert!(at("０９０-1234-5678").starts_with(
            "roster.csv:2:20: phone number \"０９０-1234-5678\" uses full-width characters"
        ));
        let r = ok(&row(
            "10203,1,2,3,山田,やまだ,0312345678/+81 90 1234 5678 ;",
        ));
        assert_eq!(r.records()[0].phones, "0312345678;+81 90 1234 5678");
        assert_eq!(
            ok(&row("10203,1,2,3,山田,やまだ,+123456789012345")).records()[0].phones,
            "+123456789012345"
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

    #[test]
    fn a_roster_that_drops_more_than_half_of_the_students_shrinks() {
        assert_eq!(
            shrink(468, 0),
            Some(Shrink {
                before: 468,
                after: 0
            })
        );
        assert_eq!(
            shrink(468, 5),
            Some(Shrink {
                before: 468,
                after: 5
            })
        );
        assert_eq!(
            shrink(468, 233),
            Some(Shrink {
                before: 468,
                after: 233
            })
        );
        assert_eq!(shrink(468, 234), None, "half is kept");
        assert_eq!(
            shrink(1, 0),
            Some(Shrink {
                before: 1,
                after: 0
            })
        );
        assert_eq!(shrink(3, 2), None);
        assert_eq!(shrink(0, 0), None, "nothing to lose");
        assert_eq!(shrink(5, 468), None);
        assert_eq!(
            Shrink {
                before: 468,
                after: 0
            }
            .to_string(),
            "it has 0 student(s) where the roster in use has 468: more than half would be dropped"
        );
    }

    #[test]
    fn the_config_file_is_copied_only_while_nothing_was_imported() {
        let state = |students, imported: Option<&str>, from_file: Option<&str>| RosterState {
            students,
            imported: imported.map(str::to_owned),
            from_file: from_file.map(str::to_owned),
        };
        assert_eq!(file_rule(&state(0, None, None), "f1", 5), FileRule::Copy);
        assert_eq!(
            file_rule(&state(5, None, Some("f1")), "f1", 5),
            FileRule::Unchanged
        );
        assert_eq!(
            file_rule(&state(5, None, Some("f1")), "f2", 6),
            FileRule::Copy
        );
        assert_eq!(
            file_rule(&state(468, Some("sha256:… new.csv"), None), "f1", 5),
            FileRule::Imported,
            "an import before the file was ever copied"
        );
        assert_eq!(
            file_rule(&state(468, Some("sha256:… new.csv"), Some("f1")), "f2", 470),
            FileRule::Imported,
            "the file changed after the import"
        );
        assert_eq!(
            file_rule(&state(468, None, Some("f1")), "f2", 0),
            FileRule::Shrinks(Shrink {
                before: 468,
                after: 0
            })
        );
    }
}
