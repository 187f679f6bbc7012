//! The demo district's calendar file, kept simple on purpose: weekends
//! closed; the summer (7/21–8/31), winter (12/26–1/7) and spring (3/25–4/5)
//! breaks; and Japan's national holidays by their usual rule (fixed dates,
//! the "Happy Monday" ones, a holiday on a Sunday moved to the Monday), with
//! the equinoxes fixed at 3/20 and 9/23 and no 国民の休日 between two
//! holidays. Close enough for demo data; a real school writes its own.

use chrono::{Datelike, NaiveDate, Weekday};

/// The calendar file's text for the school years `first..=last` (a school
/// year starts in April; the file covers January of `first` to December of
/// `last + 1`, so every day a demo may reach is in it).
pub fn calendar_text(first: i32, last: i32) -> String {
    let mut out = String::from(
        "# Demo calendar made by `absence-line demo-data`: weekends closed, the three breaks,\n\
         # national holidays (equinoxes fixed at 3/20 and 9/23, no 国民の休日).\n",
    );
    for year in first..=last + 1 {
        let d = |m, day| date(year, m, day);
        let breaks = [
            (d(1, 1), d(1, 7), "冬休み"),
            (d(3, 25), d(4, 5), "春休み"),
            (d(7, 21), d(8, 31), "夏休み"),
            (d(12, 26), d(12, 31), "冬休み"),
        ];
        for (from, to, name) in breaks {
            out.push_str(&format!("{from}..{to}   {name}\n"));
        }
        for (day, name) in holidays(year) {
            let in_break = breaks.iter().any(|(f, t, _)| (*f..=*t).contains(&day));
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            if !in_break && !weekend {
                out.push_str(&format!("{day}   {name}\n"));
            }
        }
    }
    out
}

/// The national holidays of `year`, with a Sunday one's substitute Monday
/// (振替休日: the next day that is not itself a holiday).
fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let d = |m, day| date(year, m, day);
    let monday = |m, nth| NaiveDate::from_weekday_of_month_opt(year, m, Weekday::Mon, nth);
    let mut days: Vec<(NaiveDate, &str)> = vec![
        (d(1, 1), "元日"),
        (d(2, 11), "建国記念の日"),
        (d(2, 23), "天皇誕生日"),
        (d(3, 20), "春分の日"),
        (d(4, 29), "昭和の日"),
        (d(5, 3), "憲法記念日"),
        (d(5, 4), "みどりの日"),
        (d(5, 5), "こどもの日"),
        (d(8, 11), "山の日"),
        (d(9, 23), "秋分の日"),
        (d(11, 3), "文化の日"),
        (d(11, 23), "勤労感謝の日"),
    ];
    for (m, nth, name) in [
        (1, 2, "成人の日"),
        (7, 3, "海の日"),
        (9, 3, "敬老の日"),
        (10, 2, "スポーツの日"),
    ] {
        days.extend(monday(m, nth).map(|day| (day, name)));
    }
    let sundays: Vec<NaiveDate> = days
        .iter()
        .filter(|(day, _)| day.weekday() == Weekday::Sun)
        .map(|(day, _)| *day)
        .collect();
    for sunday in sundays {
        let mut sub = sunday.succ_opt().unwrap_or(sunday);
        while days.iter().any(|(day, _)| *day == sub) {
            sub = sub.succ_opt().unwrap_or(sub);
        }
        days.push((sub, "振替休日"));
    }
    days.sort();
    days
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real date")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;
    use crate::schoolday::{SchoolCalendar, parse_calendar};

    #[test]
    fn the_file_parses_and_closes_breaks_and_holidays() {
        let text = calendar_text(2026, 2026);
        let days = parse_calendar(&text, "calendar.txt").unwrap();
        let cal = SchoolCalendar::new(
            chrono_tz::Asia::Tokyo,
            NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            days,
        );
        for closed in [
            "2026-08-03",
            "2026-12-28",
            "2027-01-07",
            "2026-11-23",
            "2026-05-06",
        ] {
            // 2026-05-03 is a Sunday: its substitute is the 6th.
            assert!(!cal.is_school_day(closed.parse().unwrap()), "{closed}");
        }
        assert!(cal.is_school_day("2026-11-24".parse().unwrap()));
        assert!(cal.is_school_day("2027-01-08".parse().unwrap()));
        // 海の日 2026 is the third Monday of July, the 20th.
        assert!(!cal.is_school_day("2026-07-20".parse().unwrap()));
        assert!(cal.is_school_day("2026-07-17".parse().unwrap()));
    }
}
