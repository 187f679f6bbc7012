//! Dates, times, numbers as the staff pages show them: always in the
//! school's own time zone.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::ui::Tr;

/// A strict `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A stored RFC 3339 instant in the school's zone.
pub fn local(at: &str, tz: Tz) -> Option<DateTime<Tz>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&tz))
}

pub fn utc(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `HH:MM` in the school's zone, with the date (`11/24 20:15`) when it is
/// not on `day`.
pub fn time_on(at: &str, tz: Tz, day: NaiveDate) -> String {
    match local(at, tz) {
        Some(t) if t.date_naive() == day => t.format("%H:%M").to_string(),
        Some(t) => t.format("%-m/%-d %H:%M").to_string(),
        None => at.to_owned(),
    }
}

/// The UTC instants `[start, end)` of local calendar day `day`, as stored
/// (RFC 3339, seconds, `Z`).
pub fn day_bounds(day: NaiveDate, tz: Tz) -> (String, String) {
    let start = |d: NaiveDate| {
        let midnight = d.and_time(NaiveTime::MIN);
        tz.from_local_datetime(&midnight)
            .earliest()
            // A zone that skips midnight: the first instant after it.
            .unwrap_or_else(|| tz.from_utc_datetime(&midnight))
            .with_timezone(&Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let next = day.succ_opt().unwrap_or(day);
    (start(day), start(next))
}

/// `2026年11月25日(水)` / `Wed 25 Nov 2026`.
pub fn day_title(tr: &Tr, day: NaiveDate) -> String {
    let weekday = tr.t(match day.weekday().num_days_from_monday() {
        0 => "weekday-mon",
        1 => "weekday-tue",
        2 => "weekday-wed",
        3 => "weekday-thu",
        4 => "weekday-fri",
        5 => "weekday-sat",
        _ => "weekday-sun",
    });
    let month_name = tr.t(&format!("month-{}", day.month()));
    tr.ta(
        "day-title",
        &[
            ("year", &day.year().to_string()),
            ("month", &day.month().to_string()),
            ("day", &day.day().to_string()),
            ("weekday", &weekday),
            ("monthname", &month_name),
        ],
    )
}

/// `1:05` for 65 seconds.
pub fn duration(secs: i64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// A caller's number as the office dials it: `+8190…` → `090…`.
pub fn phone(number: &str) -> String {
    match number.strip_prefix("+81") {
        Some(rest) if !rest.is_empty() => format!("0{rest}"),
        _ => number.to_owned(),
    }
}

/// `38.5℃`.
pub fn temperature(t: f64) -> String {
    format!("{t:.1}℃")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_in_the_school_zone() {
        assert_eq!(
            parse_day("2026-11-25"),
            NaiveDate::from_ymd_opt(2026, 11, 25)
        );
        assert_eq!(parse_day("2026-1-5"), None);
        assert_eq!(parse_day("2026-13-01"), None);
        assert_eq!(parse_day("yesterday"), None);
        let tokyo = chrono_tz::Asia::Tokyo;
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(
            day_bounds(day, tokyo),
            ("2026-11-24T15:00:00Z".into(), "2026-11-25T15:00:00Z".into())
        );
        assert_eq!(time_on("2026-11-24T22:41:09Z", tokyo, day), "07:41");
        assert_eq!(time_on("2026-11-24T11:15:00Z", tokyo, day), "11/24 20:15");
        assert_eq!(duration(95), "1:35");
        assert_eq!(phone("+819012345678"), "09012345678");
        assert_eq!(phone("anonymous"), "anonymous");
        assert_eq!(temperature(38.5), "38.5℃");
    }
}
