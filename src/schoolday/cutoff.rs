//! The cut-off time from the config (`16:00`): reports made at or after it
//! are for the next school day.

use chrono::NaiveTime;

use super::SchoolDayError;

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

#[cfg(test)]
mod tests {
    use super::*;

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
