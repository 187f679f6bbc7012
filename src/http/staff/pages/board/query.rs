//! The board pages' query: which school day (`day=`), which range of days
//! (`from=`, `to=`) and in what order (`sort=rate`), with the defaults a
//! board expects, and the links that keep them.
//!
//! The default day is the calendar date, not the reporting day: a school's
//! cut-off only decides which day an evening call is for, so at 08:45 on a
//! Monday a school with an 08:30 cut-off still shows Monday, beside every
//! other school (a closed day goes back to the last school day).

use axum::http::Uri;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;

use crate::http::staff::fmt;

/// The range the heat map and the trend lines cover by default.
pub const DEFAULT_DAYS: usize = 20;
/// The longest range, in calendar days: a school year and a margin.
pub const MAX_RANGE_DAYS: i64 = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    Rate,
}

/// What the query asked for; each missing value gets its default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub day: Option<NaiveDate>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: Sort,
}

/// A date that is not `YYYY-MM-DD`, or a range that ends before it starts
/// or is too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadQuery;

impl Query {
    pub fn parse(uri: &Uri) -> Result<Query, BadQuery> {
        let mut q = Query::default();
        for (k, v) in form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
            // An empty field is a field the form left blank.
            let date = || match v.as_ref() {
                "" => Ok(None),
                s => fmt::parse_day(s).map(Some).ok_or(BadQuery),
            };
            match k.as_ref() {
                "day" | "date" => q.day = date()?,
                "from" => q.from = date()?,
                "to" => q.to = date()?,
                "sort" => {
                    q.sort = if v == "rate" { Sort::Rate } else { Sort::Name };
                }
                _ => {}
            }
        }
        Ok(q)
    }
}

/// The day shown and the school days of the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub day: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The school days in `from..=to`, in order.
    pub days: Vec<NaiveDate>,
    pub sort: Sort,
}

/// The calendar date in `tz` at `now`, or the last school day before it.
pub fn current_day(now: DateTime<Utc>, tz: Tz, is_open: impl Fn(NaiveDate) -> bool) -> NaiveDate {
    let date = now.with_timezone(&tz).date_naive();
    last_open_on_or_before(date, &is_open)
}

fn last_open_on_or_before(date: NaiveDate, is_open: &impl Fn(NaiveDate) -> bool) -> NaiveDate {
    let mut d = date;
    for _ in 0..MAX_RANGE_DAYS {
        if is_open(d) {
            return d;
        }
        match d.pred_opt() {
            Some(p) => d = p,
            None => break,
        }
    }
    date
}

impl Query {
    /// The span the page shows, `today` being the default day. The range
    /// ends at the day unless asked otherwise and goes back
    /// [`DEFAULT_DAYS`] school days.
    pub fn span(
        &self,
        today: NaiveDate,
        is_open: impl Fn(NaiveDate) -> bool,
    ) -> Result<Span, BadQuery> {
        let day = self.day.unwrap_or(today);
        let to = self.to.unwrap_or(day);
        let from = match self.from {
            Some(f) => f,
            None => {
                let mut d = last_open_on_or_before(to, &is_open);
                let mut seen = usize::from(is_open(d));
                while seen < DEFAULT_DAYS && (to - d).num_days() < MAX_RANGE_DAYS - 1 {
                    d = d.pred_opt().ok_or(BadQuery)?;
                    seen += usize::from(is_open(d));
                }
                d
            }
        };
        if from > to || (to - from).num_days() >= MAX_RANGE_DAYS {
            return Err(BadQuery);
        }
        // A page reads the counts from the earlier of the day and the range
        // to the later. A day far from the range (picked on a page whose
        // form keeps its range, or typed into the URL: `day=9999-12-31`
        // with a range in year 1) would make one request read every count
        // ever kept, of every school; so the range then moves to end at
        // the day, keeping its length.
        let (from, to) = if (to.max(day) - from.min(day)).num_days() >= MAX_RANGE_DAYS {
            (day.checked_sub_signed(to - from).ok_or(BadQuery)?, day)
        } else {
            (from, to)
        };
        let days = (0..=(to - from).num_days())
            .map(|k| from + TimeDelta::days(k))
            .filter(|d| is_open(*d))
            .collect();
        Ok(Span {
            day,
            from,
            to,
            days,
            sort: self.sort,
        })
    }
}

impl Span {
    /// `day=…&from=…&to=…` (and `sort=rate`), for links that keep the view.
    pub fn query(&self) -> String {
        let mut q = format!("day={}&from={}&to={}", self.day, self.from, self.to);
        if self.sort == Sort::Rate {
            q.push_str("&sort=rate");
        }
        q
    }

    /// The same view on another day.
    pub fn with_day(&self, day: NaiveDate) -> String {
        Span {
            day,
            ..self.clone()
        }
        .query()
    }

    /// The same view in another order.
    pub fn with_sort(&self, sort: Sort) -> String {
        Span {
            sort,
            ..self.clone()
        }
        .query()
    }

    /// The first day whose counts a page must read: `back` school days
    /// before the earlier of the day and the range (the alert rules
    /// compare with the days before).
    pub fn read_from(&self, back: usize, is_open: impl Fn(NaiveDate) -> bool) -> NaiveDate {
        let mut d = self.from.min(self.day);
        let mut seen = 0;
        while seen < back {
            match d.pred_opt() {
                Some(p) => d = p,
                None => break,
            }
            seen += usize::from(is_open(d));
            if (self.from.min(self.day) - d).num_days() > MAX_RANGE_DAYS {
                break;
            }
        }
        d
    }

    /// The last day a page must read.
    pub fn read_to(&self) -> NaiveDate {
        self.to.max(self.day)
    }
}

/// A path segment with everything but unreserved characters escaped: a
/// class may be named `さくら`.
pub fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, Weekday};

    use super::*;

    fn d(s: &str) -> NaiveDate {
        fmt::parse_day(s).unwrap()
    }

    fn weekdays(x: NaiveDate) -> bool {
        !matches!(x.weekday(), Weekday::Sat | Weekday::Sun)
    }

    fn q(s: &str) -> Result<Query, BadQuery> {
        Query::parse(&format!("/board?{s}").parse().unwrap())
    }

    #[test]
    fn the_day_is_the_calendar_date_whatever_the_cut_off() {
        // Monday 2026-11-30, 08:45 in Tokyo.
        let now: DateTime<Utc> = "2026-11-29T23:45:00Z".parse().unwrap();
        let tokyo = chrono_tz::Asia::Tokyo;
        assert_eq!(current_day(now, tokyo, weekdays), d("2026-11-30"));
        // Sunday: the Friday before.
        let sunday: DateTime<Utc> = "2026-11-29T01:00:00Z".parse().unwrap();
        assert_eq!(current_day(sunday, tokyo, weekdays), d("2026-11-27"));
    }

    #[test]
    fn the_range_defaults_to_twenty_school_days_ending_at_the_day() {
        let span = q("day=2026-11-30")
            .unwrap()
            .span(d("2026-12-01"), weekdays)
            .unwrap();
        assert_eq!(span.day, d("2026-11-30"));
        assert_eq!((span.from, span.to), (d("2026-11-03"), d("2026-11-30")));
        assert_eq!(span.days.len(), DEFAULT_DAYS);
        assert_eq!(span.query(), "day=2026-11-30&from=2026-11-03&to=2026-11-30");
        assert_eq!(
            span.with_sort(Sort::Rate),
            "day=2026-11-30&from=2026-11-03&to=2026-11-30&sort=rate"
        );
        // Five school days before 11-03 (a Tuesday): 10-27.
        assert_eq!(span.read_from(5, weekdays), d("2026-10-27"));
    }

    #[test]
    fn bad_dates_and_ranges_are_refused_and_blank_fields_are_defaults() {
        assert_eq!(q("day=2026-11-3"), Err(BadQuery));
        assert_eq!(q("from=soon"), Err(BadQuery));
        let blank = q("day=&from=&to=&sort=rate").unwrap();
        assert_eq!(blank.sort, Sort::Rate);
        assert_eq!(blank.day, None);
        let today = d("2026-11-30");
        assert_eq!(
            q("from=2026-12-01&to=2026-11-01")
                .unwrap()
                .span(today, weekdays),
            Err(BadQuery)
        );
        assert_eq!(
            q("from=2025-01-01&to=2026-11-01")
                .unwrap()
                .span(today, weekdays),
            Err(BadQuery)
        );
        assert_eq!(segment("3"), "3");
    }

    /// What a page reads (`read_from..=read_to`) stays within the longest
    /// range and the rise rule's days before it, whatever the day: a day
    /// far from the range takes the range with it.
    #[test]
    fn a_day_far_from_the_range_moves_the_range_instead_of_widening_the_reads() {
        let today = d("2026-11-30");
        for query in [
            "day=9999-12-31&from=0001-01-01&to=0001-12-31",
            "day=0001-01-01&from=2026-11-01&to=2026-11-30",
            "day=2024-06-10&from=2026-11-02&to=2026-11-27",
            "day=2026-11-30&to=2000-01-31",
        ] {
            let span = q(query).unwrap().span(today, weekdays).unwrap();
            let read = span.read_to() - span.read_from(5, weekdays);
            assert!(
                read.num_days() < MAX_RANGE_DAYS + 10,
                "{query}: reads {} days",
                read.num_days()
            );
            assert!(span.from <= span.day && span.day <= span.to, "{query}");
        }
        // The range keeps its length and ends at the day.
        let span = q("day=2024-06-10&from=2026-11-02&to=2026-11-27")
            .unwrap()
            .span(today, weekdays)
            .unwrap();
        assert_eq!((span.from, span.to), (d("2024-05-16"), d("2024-06-10")));
        // A day near its range keeps the range as asked.
        let span = q("day=2026-11-30&from=2026-10-01&to=2026-10-31")
            .unwrap()
            .span(today, weekdays)
            .unwrap();
        assert_eq!((span.from, span.to), (d("2026-10-01"), d("2026-10-31")));
        assert_eq!(segment("さ/1"), "%E3%81%95%2F1");
    }
}
