//! Dates as a call's variables and the store write them (`2026-11-27`),
//! fast enough to do on every step of every call.

use chrono::{Datelike, NaiveDate};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
