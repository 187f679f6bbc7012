//! [`SchoolCalendar`]: every question about which days a school is open
//! (today's school day at a given instant, the next and previous ones, a
//! run of them) is answered here and nowhere else, so the line, the staff
//! pages and the alert watch cannot disagree about a holiday.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::CalendarDays;
#[cfg(doc)]
use super::parse_calendar;

/// How far ahead to look for a school day before giving up. A year plus a
/// margin covers any real calendar (the longest allowed range is this long
/// too); past that the calendar is wrong, and a call must still return.
const MAX_SEARCH_DAYS: u32 = 400;

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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::Asia::Tokyo;

    use super::*;
    use crate::schoolday::{parse_calendar, parse_cutoff};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
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
}
