//! The school calendar file: the plain-text list of closed days, breaks and
//! open weekend days that office staff type by hand, read into
//! [`CalendarDays`]. Every mistake names `file:line:col` and the likely fix.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::SchoolDayError;

/// The longest range one calendar line may cover, in days, counting both
/// ends. Longer than any real break, so a longer one is almost surely a
/// mistyped year (e.g. `2026-12-25..2028-01-07`).
const MAX_RANGE_DAYS: i64 = 400;

/// The days that differ from the usual Monday–Friday week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarDays {
    /// Days the school is closed (holidays, breaks).
    pub closed: BTreeSet<NaiveDate>,
    /// Weekend days the school is open (e.g. a Saturday class day).
    pub open: BTreeSet<NaiveDate>,
}

/// Reads a school calendar file.
///
/// One entry per line; blank lines and `#` comments are ignored, as is a
/// leading byte-order mark (Windows editors add one):
///
/// ```text
/// # 2026 calendar for 墨田第一小学校
/// 2026-11-23                 勤労感謝の日
/// 2026-12-25..2027-01-07     冬休み (inclusive range)
/// +2026-11-28                土曜授業 (a weekend day that IS a school day)
/// ```
///
/// Anything after the date or range is a free description. A range includes
/// both ends, must not end before it starts and may cover at most 400 days.
/// A day may not be listed both closed and open. `file` is only used to name
/// the file in error messages.
pub fn parse_calendar(text: &str, file: &str) -> Result<CalendarDays, SchoolDayError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut days = CalendarDays::default();
    // Where each day was first listed, and whether as open, so a clash can
    // name the other line.
    let mut seen: BTreeMap<NaiveDate, (bool, usize)> = BTreeMap::new();

    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let error = |byte: usize, message: String| SchoolDayError::Calendar {
            file: file.to_owned(),
            line: line_no,
            col: char_col(line, byte),
            message,
        };
        let Some(entry) = parse_line(line).map_err(|(byte, msg)| error(byte, msg))? else {
            continue;
        };
        let mut day = entry.first;
        loop {
            match seen.get(&day) {
                Some(&(was_open, other)) if was_open != entry.open => {
                    let (then, now) = if was_open {
                        ("open (+)", "closed")
                    } else {
                        ("closed", "open (+)")
                    };
                    return Err(error(
                        entry.col_byte,
                        format!(
                            "{day} is listed as {then} on line {other} and as {now} here; \
                             a day can't be both, so remove or change one of the two lines"
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(day, (entry.open, line_no));
                }
            }
            if entry.open {
                days.open.insert(day);
            } else {
                days.closed.insert(day);
            }
            if day >= entry.last {
                break;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
    }
    Ok(days)
}

/// One calendar line that lists days.
struct Entry {
    open: bool,
    first: NaiveDate,
    last: NaiveDate,
    /// Byte offset of the date, to point at it if the entry clashes later.
    col_byte: usize,
}

/// Parses one line; `Err` holds the byte offset to point at and the message.
fn parse_line(line: &str) -> Result<Option<Entry>, (usize, String)> {
    let Some(start) = line.find(|c: char| !c.is_whitespace()) else {
        return Ok(None);
    };
    if line[start..].starts_with('#') {
        return Ok(None);
    }
    // The entry ends at whitespace (including the full-width space a
    // Japanese keyboard types) or at a comment written right after it.
    let end = line[start..]
        .find(|c: char| c.is_whitespace() || c == '#')
        .map_or(line.len(), |i| start + i);
    let (open, spec_start) = if line[start..].starts_with('+') {
        (true, start + 1)
    } else {
        (false, start)
    };
    let spec = &line[spec_start..end];
    if spec.is_empty() {
        return Err((
            start,
            "\"+\" must be followed directly by a date, with no space, e.g. +2026-11-28".to_owned(),
        ));
    }

    let (first, last) = match spec.find("..") {
        Some(dots) => {
            let (a, b) = (&spec[..dots], &spec[dots + 2..]);
            if a.is_empty() {
                return Err((
                    spec_start,
                    format!("a range needs a start date before \"..\", {RANGE_EXAMPLE}"),
                ));
            }
            if b.is_empty() {
                return Err((
                    spec_start + dots,
                    format!(
                        "a range needs an end date right after \"..\", with no space, {RANGE_EXAMPLE}"
                    ),
                ));
            }
            let first = date_or_error(a, spec_start)?;
            let last = date_or_error(b, spec_start + dots + 2)?;
            if last < first {
                return Err((
                    spec_start,
                    format!(
                        "this range ends on {last}, before it starts on {first}; \
                         write the earlier date first, {RANGE_EXAMPLE}"
                    ),
                ));
            }
            let length = (last - first).num_days() + 1;
            if length > MAX_RANGE_DAYS {
                return Err((
                    spec_start,
                    format!(
                        "this range is {length} days long, but a range may be at most \
                         {MAX_RANGE_DAYS} days; check the years, or split it into shorter ranges"
                    ),
                ));
            }
            (first, last)
        }
        None => {
            let day = date_or_error(spec, spec_start)?;
            // "2026-12-25 .. 2027-01-07" would otherwise quietly close only
            // the first day, the rest read as a description.
            if let Some(at) = spaced_range_end(line, end) {
                return Err((
                    at,
                    format!(
                        "this looks like a range; write it with \"..\" and no spaces, {RANGE_EXAMPLE}"
                    ),
                ));
            }
            (day, day)
        }
    };
    Ok(Some(Entry {
        open,
        first,
        last,
        col_byte: spec_start,
    }))
}

const RANGE_EXAMPLE: &str = "e.g. 2026-12-25..2027-01-07";

/// Where a second date starts if the description after a single date begins
/// with one (optionally after a range-like separator).
fn spaced_range_end(line: &str, after: usize) -> Option<usize> {
    let rest = &line[after..];
    let trimmed = rest
        .trim_start()
        .trim_start_matches(['.', '~', '〜', '～', '-', '–', '—'])
        .trim_start();
    let word_end = trimmed
        .find(|c: char| c.is_whitespace() || c == '#')
        .unwrap_or(trimmed.len());
    parse_date(&trimmed[..word_end])?;
    let sep_start = rest.len() - rest.trim_start().len();
    Some(after + sep_start)
}

fn date_or_error(s: &str, byte: usize) -> Result<NaiveDate, (usize, String)> {
    parse_date(s).ok_or_else(|| (byte, not_a_date_message(s)))
}

/// Strictly `YYYY-MM-DD` in ASCII digits: one spelling, so a file read by
/// several people means the same to all of them.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    )
}

/// The fix to suggest depends on the likely slip; each is common when a
/// calendar is typed by hand on a Japanese keyboard.
fn not_a_date_message(s: &str) -> String {
    let fix = if s.chars().any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c)) {
        "write it in half-width (ASCII) digits and hyphens as YYYY-MM-DD, e.g. 2026-11-23"
            .to_owned()
    } else if s.contains(['~', '〜', '～']) {
        format!("write a range with \"..\" between the dates, {RANGE_EXAMPLE}")
    } else if let Some(rest) = s.get(10..).filter(|_| parse_date(&s[..10]).is_some()) {
        if parse_date(rest.trim_start_matches(['-', '/', '.'])).is_some() {
            format!("write a range with \"..\" between the dates, {RANGE_EXAMPLE}")
        } else {
            "put a space between the date and its description, e.g. 2026-11-23 勤労感謝の日"
                .to_owned()
        }
    } else {
        "write dates as YYYY-MM-DD, e.g. 2026-11-23".to_owned()
    };
    format!("\"{s}\" is not a date; {fix}")
}

/// 1-based character column of byte offset `byte` in `line`.
fn char_col(line: &str, byte: usize) -> usize {
    line[..byte].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn calendar_error(text: &str) -> String {
        parse_calendar(text, "calendar.txt")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn calendar_with_comments_and_blank_lines() {
        let text = "# 2026 calendar for 墨田第一小学校\n\
                    \n   \n\
                    2026-11-23                 勤労感謝の日\n\
                    \t# indented comment 2026-11-24\n\
                    2026-12-25..2027-01-07     冬休み (inclusive range)\n\
                    +2026-11-28                土曜授業 # after the entry\n\
                    2026-11-20# comment right after the date\n";
        let days = parse_calendar(text, "calendar.txt").unwrap();
        let mut closed: BTreeSet<NaiveDate> = date(2026, 12, 25)
            .iter_days()
            .take_while(|d| *d <= date(2027, 1, 7))
            .collect();
        closed.insert(date(2026, 11, 23));
        closed.insert(date(2026, 11, 20));
        assert_eq!(days.closed, closed);
        assert_eq!(days.open, BTreeSet::from([date(2026, 11, 28)]));
    }

    #[test]
    fn calendar_with_bom_crlf_and_full_width_space() {
        let text = "\u{feff}2026-11-23\u{3000}勤労感謝の日\r\n+2026-11-28\r\n";
        let days = parse_calendar(text, "calendar.txt").unwrap();
        assert_eq!(days.closed, BTreeSet::from([date(2026, 11, 23)]));
        assert_eq!(days.open, BTreeSet::from([date(2026, 11, 28)]));
    }

    #[test]
    fn bom_does_not_shift_the_column() {
        assert_eq!(
            calendar_error("\u{feff}2026-13-01 x\n"),
            "calendar.txt:1:1: \"2026-13-01\" is not a date; write dates as YYYY-MM-DD, e.g. 2026-11-23"
        );
    }

    #[test]
    fn error_for_a_month_that_does_not_exist() {
        let text = "# 2026\n2026-11-23 勤労感謝の日\n\n2026-13-01 oops\n";
        assert_eq!(
            calendar_error(text),
            "calendar.txt:4:1: \"2026-13-01\" is not a date; write dates as YYYY-MM-DD, e.g. 2026-11-23"
        );
        let err = parse_calendar(text, "calendar.txt").unwrap_err();
        assert!(matches!(
            err,
            SchoolDayError::Calendar {
                line: 4,
                col: 1,
                ..
            }
        ));
    }

    #[test]
    fn error_column_counts_characters_not_bytes() {
        // The full-width space is 3 bytes but one column.
        assert_eq!(
            calendar_error("\u{3000}2026-02-30\n"),
            "calendar.txt:1:2: \"2026-02-30\" is not a date; write dates as YYYY-MM-DD, e.g. 2026-11-23"
        );
        assert_eq!(
            calendar_error("  +2026/11/28 土曜授業\n"),
            "calendar.txt:1:4: \"2026/11/28\" is not a date; write dates as YYYY-MM-DD, e.g. 2026-11-23"
        );
    }

    #[test]
    fn error_for_a_bad_range_end_points_at_the_end() {
        assert_eq!(
            calendar_error("2026-12-25..2027-01-32 冬休み\n"),
            "calendar.txt:1:13: \"2027-01-32\" is not a date; write dates as YYYY-MM-DD, e.g. 2026-11-23"
        );
    }

    #[test]
    fn error_for_a_range_that_ends_before_it_starts() {
        assert_eq!(
            calendar_error("\n2026-12-25..2026-01-07 冬休み\n"),
            "calendar.txt:2:1: this range ends on 2026-01-07, before it starts on 2026-12-25; \
             write the earlier date first, e.g. 2026-12-25..2027-01-07"
        );
        // A one-day range is fine.
        parse_calendar("2026-12-25..2026-12-25\n", "c").unwrap();
    }

    #[test]
    fn error_for_a_range_longer_than_400_days() {
        let first = date(2026, 1, 1);
        let day_400 = first + chrono::Days::new(399);
        let day_401 = first + chrono::Days::new(400);
        parse_calendar(&format!("{first}..{day_400}\n"), "c").unwrap();
        assert_eq!(
            calendar_error(&format!("# long\n  {first}..{day_401}\n")),
            "calendar.txt:2:3: this range is 401 days long, but a range may be at most 400 days; \
             check the years, or split it into shorter ranges"
        );
    }

    #[test]
    fn error_for_a_plus_without_a_date() {
        assert_eq!(
            calendar_error("+ 2026-11-28 土曜授業\n"),
            "calendar.txt:1:1: \"+\" must be followed directly by a date, with no space, e.g. +2026-11-28"
        );
    }

    #[test]
    fn error_for_a_range_written_with_spaces() {
        assert_eq!(
            calendar_error("2026-12-25 .. 2027-01-07 冬休み\n"),
            "calendar.txt:1:12: this looks like a range; write it with \"..\" and no spaces, \
             e.g. 2026-12-25..2027-01-07"
        );
        assert_eq!(
            calendar_error("2026-12-25.. 2027-01-07\n"),
            "calendar.txt:1:11: a range needs an end date right after \"..\", with no space, \
             e.g. 2026-12-25..2027-01-07"
        );
        // A description that merely starts with a dash is not a range.
        parse_calendar("2026-11-23 - 勤労感謝の日\n", "c").unwrap();
    }

    #[test]
    fn error_hints_for_common_slips() {
        assert_eq!(
            calendar_error("２０２６-11-23\n"),
            "calendar.txt:1:1: \"２０２６-11-23\" is not a date; \
             write it in half-width (ASCII) digits and hyphens as YYYY-MM-DD, e.g. 2026-11-23"
        );
        assert_eq!(
            calendar_error("2026-12-25〜2027-01-07\n"),
            "calendar.txt:1:1: \"2026-12-25〜2027-01-07\" is not a date; \
             write a range with \"..\" between the dates, e.g. 2026-12-25..2027-01-07"
        );
        assert_eq!(
            calendar_error("2026-11-23勤労感謝の日\n"),
            "calendar.txt:1:1: \"2026-11-23勤労感謝の日\" is not a date; \
             put a space between the date and its description, e.g. 2026-11-23 勤労感謝の日"
        );
    }

    #[test]
    fn error_for_a_day_listed_closed_and_open() {
        assert_eq!(
            calendar_error("2026-11-23..2026-11-30 closed\n# x\n+2026-11-28 土曜授業\n"),
            "calendar.txt:3:2: 2026-11-28 is listed as closed on line 1 and as open (+) here; \
             a day can't be both, so remove or change one of the two lines"
        );
        // The same kind twice (overlapping breaks) is harmless.
        parse_calendar("2026-12-25..2027-01-07\n2027-01-01\n", "c").unwrap();
    }

    #[test]
    fn error_names_the_file_it_was_given() {
        let err = parse_calendar("nope\n", "schools/sumida1.txt").unwrap_err();
        assert_eq!(
            err,
            SchoolDayError::Calendar {
                file: "schools/sumida1.txt".to_owned(),
                line: 1,
                col: 1,
                message: "\"nope\" is not a date; write dates as YYYY-MM-DD, e.g. 2026-11-23"
                    .to_owned(),
            }
        );
    }
}
