//! Which school day an absence report is for.
//!
//! Parents call at any hour, so "today" is not simply the caller's date: a
//! report made after the school's cut-off time, at a weekend or on a holiday
//! is meant for the next day the school is open. All of this is decided in
//! the school's own time zone, never the server's or UTC, because a server
//! in another zone would otherwise move reports onto the wrong day.
//!
//! Which days are closed (holidays, breaks) and which weekend days are open
//! (e.g. a Saturday class day, 土曜授業) come from a plain-text calendar file
//! that school office staff edit by hand; see [`parse_calendar`] for its
//! format. Its errors point at `file:line:col` and say how to fix the line,
//! because the person reading them is not a programmer.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use thiserror::Error;

/// How far ahead to look for a school day before giving up. A year plus a
/// margin covers any real calendar (the longest allowed range is this long
/// too); past that the calendar is wrong, and a call must still return.
const MAX_SEARCH_DAYS: u32 = 400;

/// The longest range one calendar line may cover, in days, counting both
/// ends. Longer than any real break, so a longer one is almost surely a
/// mistyped year (e.g. `2026-12-25..2028-01-07`).
const MAX_RANGE_DAYS: i64 = 400;

/// Errors from reading the school's calendar file or its cut-off time.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SchoolDayError {
    /// A line of a calendar file could not be used. `line` and `col` are
    /// 1-based; `col` counts characters, not bytes, so it matches what an
    /// editor shows for Japanese text.
    #[error("{file}:{line}:{col}: {message}")]
    Calendar {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// The cut-off time is not `HH:MM` in 24-hour time.
    #[error(
        "cut-off time \"{value}\" is not a time; write it as HH:MM in 24-hour time, e.g. 16:00 or 8:30"
    )]
    Cutoff { value: String },
}

/// The days that differ from the usual Monday–Friday week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarDays {
    /// Days the school is closed (holidays, breaks).
    pub closed: BTreeSet<NaiveDate>,
    /// Weekend days the school is open (e.g. a Saturday class day).
    pub open: BTreeSet<NaiveDate>,
}

/// A school's week, exceptions and cut-off, in its own time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolCalendar {
    tz: Tz,
    cutoff: NaiveTime,
    closed: BTreeSet<NaiveDate>,
    open: BTreeSet<NaiveDate>,
}

impl SchoolCalendar {
    /// A calendar for a school in `tz` whose reports made at or after
    /// `cutoff` (local time) are for the next school day.
    pub fn new(tz: Tz, cutoff: NaiveTime, days: CalendarDays) -> Self {
        Self {
            tz,
            cutoff,
            closed: days.closed,
            open: days.open,
        }
    }

    pub fn tz(&self) -> Tz {
        self.tz
    }

    pub fn cutoff(&self) -> NaiveTime {
        self.cutoff
    }

    /// Whether the school is open on `d`.
    ///
    /// A day listed both closed and open counts as closed: wrongly telling a
    /// parent the school is closed is caught by the school, wrongly filing a
    /// report for a closed day is not. [`parse_calendar`] rejects such a
    /// calendar anyway; this only matters for days built in code.
    pub fn is_school_day(&self, d: NaiveDate) -> bool {
        if self.closed.contains(&d) {
            return false;
        }
        match d.weekday() {
            Weekday::Sat | Weekday::Sun => self.open.contains(&d),
            _ => true,
        }
    }

    /// The first school day strictly after `d`.
    ///
    /// If none is found within [`MAX_SEARCH_DAYS`] the calendar is broken
    /// (e.g. everything closed); rather than hang or panic on a live call it
    /// returns the day after `d`.
    pub fn next_school_day_after(&self, d: NaiveDate) -> NaiveDate {
        let mut day = d;
        for _ in 0..MAX_SEARCH_DAYS {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_school_day(day) {
                return day;
            }
        }
        d.succ_opt().unwrap_or(d)
    }

    /// The last school day strictly before `d`: the morning list's and the
    /// sheet's "previous day" link.
    ///
    /// Like [`next_school_day_after`](Self::next_school_day_after), a
    /// calendar with no school day in [`MAX_SEARCH_DAYS`] gives the day
    /// before `d`.
    pub fn previous_school_day_before(&self, d: NaiveDate) -> NaiveDate {
        self.school_days_before(d, 1)
            .first()
            .copied()
            .unwrap_or_else(|| d.pred_opt().unwrap_or(d))
    }

    /// Up to `count` school days before `d`, newest first: the days an
    /// alert rule compares a day with. Fewer when no more are found within
    /// [`MAX_SEARCH_DAYS`] back (a calendar closed that long).
    pub fn school_days_before(&self, d: NaiveDate, count: usize) -> Vec<NaiveDate> {
        let mut out = Vec::with_capacity(count.min(366));
        let mut day = d;
        for _ in 0..MAX_SEARCH_DAYS {
            if out.len() >= count {
                break;
            }
            match day.pred_opt() {
                Some(p) => day = p,
                None => break,
            }
            if self.is_school_day(day) {
                out.push(day);
            }
        }
        out
    }

    /// The school day a report made at `now` is for.
    ///
    /// The local date in the school's zone, unless the local time is at or
    /// after the cut-off or that date is not a school day; then the next
    /// school day. Converting from UTC always gives one local time, so
    /// daylight-saving changes need no special case here.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        let local = now.with_timezone(&self.tz);
        let date = local.date_naive();
        if local.time() >= self.cutoff || !self.is_school_day(date) {
            self.next_school_day_after(date)
        } else {
            date
        }
    }

    /// The school day after the one a report made at `now` is for, e.g. for
    /// a caller who says "tomorrow".
    pub fn next_school_day(&self, now: DateTime<Utc>) -> NaiveDate {
        self.next_school_day_after(self.today(now))
    }

    /// `count` consecutive school days, starting at `first` if it is a
    /// school day and otherwise at the next one.
    pub fn school_days_from(&self, first: NaiveDate, count: usize) -> Vec<NaiveDate> {
        // Capped so a silly `count` cannot make us reserve a huge buffer up
        // front; the Vec still grows if the caller really wants more.
        let mut days = Vec::with_capacity(count.min(366));
        if count == 0 {
            return days;
        }
        let mut day = if self.is_school_day(first) {
            first
        } else {
            self.next_school_day_after(first)
        };
        days.push(day);
        while days.len() < count {
            let next = self.next_school_day_after(day);
            // Only at the very end of chrono's date range; stop instead of
            // repeating the same day.
            if next == day {
                break;
            }
            day = next;
            days.push(day);
        }
        days
    }
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

/// Reads a cut-off time written `HH:MM` or `H:MM`, 24-hour, e.g. `16:00`.
pub fn parse_cutoff(s: &str) -> Result<NaiveTime, SchoolDayError> {
    let bad = || SchoolDayError::Cutoff {
        value: s.to_owned(),
    };
    let (hours, minutes) = s.trim().split_once(':').ok_or_else(bad)?;
    // Digits checked by hand because `parse::<u32>` alone would accept "+8".
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&hours.len()) || minutes.len() != 2 {
        return Err(bad());
    }
    if !all_digits(hours) || !all_digits(minutes) {
        return Err(bad());
    }
    let h: u32 = hours.parse().map_err(|_| bad())?;
    let m: u32 = minutes.parse().map_err(|_| bad())?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(bad)
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

/// `YYYY-MM-DD`, as `NaiveDate`'s `Display` writes it, without the
/// formatting machinery: a call's date variables are written on every step.
pub fn iso_date(d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        return d.to_string();
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let y = y as u32;
    [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        '-',
        digit(m / 10),
        digit(m),
        '-',
        digit(day / 10),
        digit(day),
    ]
    .into_iter()
    .collect()
}

/// 1-based character column of byte offset `byte` in `line`.
fn char_col(line: &str, byte: usize) -> usize {
    line[..byte].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Asia::Tokyo;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    proptest::proptest! {
        #[test]
        fn iso_date_is_chronos_display(days in -1_000_000i64..4_000_000) {
            let d = date(1, 1, 1) + chrono::TimeDelta::days(days);
            proptest::prop_assert_eq!(iso_date(d), d.to_string());
        }
    }

    /// A Tokyo wall-clock time as the UTC instant the server sees.
    fn tokyo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Tokyo
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn calendar(text: &str) -> SchoolCalendar {
        let days = parse_calendar(text, "calendar.txt").unwrap();
        SchoolCalendar::new(Tokyo, parse_cutoff("16:00").unwrap(), days)
    }

    /// 2026-11-23 (Mon) is 勤労感謝の日; 2026-11-28 (Sat) is a class day.
    fn november() -> SchoolCalendar {
        calendar("2026-11-23 勤労感謝の日\n+2026-11-28 土曜授業\n")
    }

    fn plain() -> SchoolCalendar {
        calendar("")
    }

    fn calendar_error(text: &str) -> String {
        parse_calendar(text, "calendar.txt")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn weekdays_used_in_these_tests() {
        // The other tests rely on these; fail loudly here if a date is off.
        assert_eq!(date(2026, 11, 19).weekday(), Weekday::Thu);
        assert_eq!(date(2026, 11, 23).weekday(), Weekday::Mon);
        assert_eq!(date(2026, 11, 27).weekday(), Weekday::Fri);
        assert_eq!(date(2026, 11, 28).weekday(), Weekday::Sat);
        assert_eq!(date(2026, 12, 24).weekday(), Weekday::Thu);
        assert_eq!(date(2027, 1, 8).weekday(), Weekday::Fri);
    }

    #[test]
    fn accessors_return_what_was_given() {
        let cal = plain();
        assert_eq!(cal.tz(), Tokyo);
        assert_eq!(cal.cutoff(), NaiveTime::from_hms_opt(16, 0, 0).unwrap());
    }

    #[test]
    fn before_cutoff_is_today() {
        assert_eq!(
            plain().today(tokyo(2026, 11, 25, 15, 59)),
            date(2026, 11, 25)
        );
        assert_eq!(plain().today(tokyo(2026, 11, 25, 0, 0)), date(2026, 11, 25));
    }

    #[test]
    fn exactly_at_cutoff_is_next_school_day() {
        assert_eq!(
            plain().today(tokyo(2026, 11, 25, 16, 0)),
            date(2026, 11, 26)
        );
    }

    #[test]
    fn after_cutoff_is_next_school_day() {
        assert_eq!(
            plain().today(tokyo(2026, 11, 25, 16, 1)),
            date(2026, 11, 26)
        );
        assert_eq!(
            plain().today(tokyo(2026, 11, 25, 23, 59)),
            date(2026, 11, 26)
        );
    }

    #[test]
    fn one_second_before_cutoff_is_still_today() {
        let t = tokyo(2026, 11, 25, 15, 59) + chrono::Duration::seconds(59);
        assert_eq!(plain().today(t), date(2026, 11, 25));
    }

    #[test]
    fn friday_after_cutoff_is_monday() {
        assert_eq!(
            plain().today(tokyo(2026, 11, 27, 16, 30)),
            date(2026, 11, 30)
        );
    }

    #[test]
    fn saturday_and_sunday_are_monday() {
        let cal = plain();
        assert_eq!(cal.today(tokyo(2026, 11, 28, 9, 0)), date(2026, 11, 30));
        assert_eq!(cal.today(tokyo(2026, 11, 29, 9, 0)), date(2026, 11, 30));
        // Before the cut-off on a weekend still skips ahead, not "today".
        assert_eq!(cal.today(tokyo(2026, 11, 29, 0, 0)), date(2026, 11, 30));
    }

    #[test]
    fn holiday_monday_is_tuesday() {
        let cal = november();
        assert!(!cal.is_school_day(date(2026, 11, 23)));
        assert_eq!(cal.today(tokyo(2026, 11, 23, 8, 0)), date(2026, 11, 24));
        assert_eq!(cal.today(tokyo(2026, 11, 22, 20, 0)), date(2026, 11, 24));
        assert_eq!(cal.today(tokyo(2026, 11, 20, 17, 0)), date(2026, 11, 24));
    }

    #[test]
    fn range_over_new_year_is_closed_throughout() {
        let cal = calendar("2026-12-25..2027-01-07 冬休み\n");
        for d in date(2026, 12, 25)
            .iter_days()
            .take_while(|d| *d <= date(2027, 1, 7))
        {
            assert!(!cal.is_school_day(d), "{d} should be closed");
        }
        assert!(cal.is_school_day(date(2026, 12, 24)));
        assert!(cal.is_school_day(date(2027, 1, 8)));
        assert_eq!(cal.today(tokyo(2026, 12, 24, 16, 0)), date(2027, 1, 8));
        assert_eq!(cal.today(tokyo(2027, 1, 1, 10, 0)), date(2027, 1, 8));
    }

    #[test]
    fn open_saturday_is_a_school_day() {
        let cal = november();
        assert!(cal.is_school_day(date(2026, 11, 28)));
        assert!(!cal.is_school_day(date(2026, 11, 29)));
        assert_eq!(cal.today(tokyo(2026, 11, 27, 16, 0)), date(2026, 11, 28));
        assert_eq!(cal.today(tokyo(2026, 11, 28, 8, 0)), date(2026, 11, 28));
        assert_eq!(cal.today(tokyo(2026, 11, 28, 16, 0)), date(2026, 11, 30));
    }

    #[test]
    fn closed_weekday_and_plain_weekend() {
        let cal = november();
        assert!(cal.is_school_day(date(2026, 11, 24)));
        assert!(!cal.is_school_day(date(2026, 11, 21)));
        assert!(!cal.is_school_day(date(2026, 11, 22)));
    }

    #[test]
    fn closed_wins_when_built_in_code_with_both() {
        let mut days = CalendarDays::default();
        days.closed.insert(date(2026, 11, 28));
        days.open.insert(date(2026, 11, 28));
        let cal = SchoolCalendar::new(Tokyo, parse_cutoff("16:00").unwrap(), days);
        assert!(!cal.is_school_day(date(2026, 11, 28)));
    }

    #[test]
    fn local_date_not_utc_date_decides() {
        let cal = november();
        // 23:30Z on the 24th is 08:30 on the 25th in Tokyo.
        assert_eq!(cal.today(utc(2026, 11, 24, 23, 30)), date(2026, 11, 25));
        // 07:30Z is 16:30 in Tokyo: past the cut-off, though not in UTC.
        assert_eq!(cal.today(utc(2026, 11, 25, 7, 30)), date(2026, 11, 26));
        // 15:30Z Friday is 00:30 Saturday in Tokyo; the plain calendar has
        // no Saturday class, so Monday.
        assert_eq!(plain().today(utc(2026, 11, 27, 15, 30)), date(2026, 11, 30));
        // 22:00Z Sunday is 07:00 Monday, a holiday in Tokyo: Tuesday.
        assert_eq!(cal.today(utc(2026, 11, 22, 22, 0)), date(2026, 11, 24));
    }

    #[test]
    fn next_school_day_is_the_one_after_today() {
        let cal = november();
        assert_eq!(
            cal.next_school_day(tokyo(2026, 11, 25, 9, 0)),
            date(2026, 11, 26)
        );
        assert_eq!(
            cal.next_school_day(tokyo(2026, 11, 25, 16, 0)),
            date(2026, 11, 27)
        );
        // Friday morning: Saturday class day.
        assert_eq!(
            cal.next_school_day(tokyo(2026, 11, 27, 9, 0)),
            date(2026, 11, 28)
        );
        // Friday the 20th after cut-off: today is Tue 24 (Mon is a holiday).
        assert_eq!(
            cal.next_school_day(tokyo(2026, 11, 20, 17, 0)),
            date(2026, 11, 25)
        );
        assert_eq!(
            plain().next_school_day(tokyo(2026, 11, 27, 9, 0)),
            date(2026, 11, 30)
        );
    }

    #[test]
    fn next_school_day_after_is_strictly_after() {
        let cal = plain();
        assert_eq!(
            cal.next_school_day_after(date(2026, 11, 25)),
            date(2026, 11, 26)
        );
        assert_eq!(
            cal.next_school_day_after(date(2026, 11, 27)),
            date(2026, 11, 30)
        );
    }

    #[test]
    fn next_school_day_after_gives_up_on_a_calendar_with_no_school() {
        let start = date(2026, 1, 1);
        let days = CalendarDays {
            closed: start.iter_days().take(600).collect(),
            open: BTreeSet::new(),
        };
        let cal = SchoolCalendar::new(Tokyo, parse_cutoff("16:00").unwrap(), days);
        assert_eq!(cal.next_school_day_after(start), date(2026, 1, 2));
        assert_eq!(cal.next_school_day_after(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn the_previous_school_days_skip_weekends_and_holidays() {
        // Before Wednesday 25 Nov: Tue 24, Fri 20, Thu 19 (Mon 23 a holiday).
        assert_eq!(
            november().school_days_before(date(2026, 11, 25), 3),
            [date(2026, 11, 24), date(2026, 11, 20), date(2026, 11, 19)]
        );
        // An open Saturday counts; a closed calendar gives what it has.
        assert_eq!(
            november().school_days_before(date(2026, 11, 30), 1),
            [date(2026, 11, 28)]
        );
        assert_eq!(plain().school_days_before(date(2026, 11, 25), 0), []);
    }

    #[test]
    fn previous_school_day_before_is_strictly_before() {
        let cal = november();
        // Tuesday 24 → Friday 20 (Monday 23 is a holiday).
        assert_eq!(
            cal.previous_school_day_before(date(2026, 11, 24)),
            date(2026, 11, 20)
        );
        assert_eq!(
            plain().previous_school_day_before(date(2026, 11, 30)),
            date(2026, 11, 27)
        );
        let start = date(2026, 1, 1);
        let closed = CalendarDays {
            closed: start.iter_days().take(600).collect(),
            open: BTreeSet::new(),
        };
        let closed = SchoolCalendar::new(Tokyo, parse_cutoff("16:00").unwrap(), closed);
        let last = date(2027, 8, 20);
        assert_eq!(closed.school_days_before(last, 2), []);
        assert_eq!(closed.previous_school_day_before(last), date(2027, 8, 19));
        assert_eq!(
            closed.previous_school_day_before(NaiveDate::MIN),
            NaiveDate::MIN
        );
    }

    #[test]
    fn school_days_from_skips_weekend_and_holiday() {
        let cal = november();
        assert_eq!(
            cal.school_days_from(date(2026, 11, 19), 4),
            vec![
                date(2026, 11, 19),
                date(2026, 11, 20),
                date(2026, 11, 24),
                date(2026, 11, 25)
            ]
        );
        // Includes the Saturday class day.
        assert_eq!(
            cal.school_days_from(date(2026, 11, 26), 3),
            vec![date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 28)]
        );
    }

    #[test]
    fn school_days_from_a_closed_day_starts_at_the_next_school_day() {
        let cal = november();
        assert_eq!(
            cal.school_days_from(date(2026, 11, 21), 2),
            vec![date(2026, 11, 24), date(2026, 11, 25)]
        );
        assert!(cal.school_days_from(date(2026, 11, 21), 0).is_empty());
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

    #[test]
    fn cutoff_accepts_hh_mm_and_h_mm() {
        assert_eq!(
            parse_cutoff("16:00").unwrap(),
            NaiveTime::from_hms_opt(16, 0, 0).unwrap()
        );
        assert_eq!(
            parse_cutoff("8:30").unwrap(),
            NaiveTime::from_hms_opt(8, 30, 0).unwrap()
        );
        assert_eq!(
            parse_cutoff("08:30").unwrap(),
            NaiveTime::from_hms_opt(8, 30, 0).unwrap()
        );
        assert_eq!(parse_cutoff("0:00").unwrap(), NaiveTime::MIN);
        assert_eq!(
            parse_cutoff("23:59").unwrap(),
            NaiveTime::from_hms_opt(23, 59, 0).unwrap()
        );
    }

    #[test]
    fn cutoff_rejects_anything_else() {
        for bad in [
            "",
            "16",
            "24:00",
            "16:60",
            "16:0",
            "4pm",
            "16:00:00",
            "+8:30",
            "１６:００",
            "16.00",
            ":30",
            "123:00",
        ] {
            assert_eq!(
                parse_cutoff(bad),
                Err(SchoolDayError::Cutoff {
                    value: bad.to_owned()
                }),
                "{bad:?} should be rejected"
            );
        }
        assert_eq!(
            parse_cutoff("4pm").unwrap_err().to_string(),
            "cut-off time \"4pm\" is not a time; write it as HH:MM in 24-hour time, e.g. 16:00 or 8:30"
        );
    }
}
