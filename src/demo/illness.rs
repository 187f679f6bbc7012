//! The illness model: how likely each kind of report is for one child on
//! one school day, and what a report of illness says (symptoms and
//! temperature). Pure functions of the day and a random source; the day by
//! day walk through a school is in [`super::simulate`].
//!
//! Rates (per child and school day, for a child without a report running):
//!
//! | What | Rate |
//! |---|---|
//! | Illness absence (病気) | 2.0 % of children absent, × weekday (Mon 1.3, Tue 1.0, Wed 0.95, Thu 0.9, Fri 0.85) × month (Dec–Feb 1.3–1.35, Mar and Nov 1.1, Apr–May 0.9, Jul and Sep 0.85) × the school's own 0.8–1.2; episodes of 1 (55 %), 2 (30 %) or 3 (15 %) days, so a new episode starts at that rate ÷ 1.6 |
//! | Late (遅刻) | 0.8 % (Mon × 1.15) |
//! | Early leave (早退) | 0.4 % |
//! | Clinic (通院) | 0.15 % |
//! | Family (家庭の事情) | 0.12 %, 1–2 days |
//! | Injury (けが) | 0.04 %, 1–2 days |
//! | Bereavement (忌引) | 0.015 %, 3 days (a parent: 7) |
//! | Other (その他) | 0.05 % |
//! | Influenza suspension | the winter wave (see [`flu_wave`]): up to about 0.3 % new cases a day at a school's peak, × the class's own factor (most 0.3–1.2, one class in seven 2–4), + 25 % per case in the class in the last 3 school days ÷ class size; once a winter per child |
//! | Other suspensions | COVID-19 0.012 % (× 2 in Jan–Feb and Jul–Sep, 5 days), strep 0.01 % (× 2 Dec–Mar, × 1.5 elementary, 2 days), chickenpox 0.008 % in grades 1–3 of elementary schools (0.001 % others, 5 days), mumps 0.002 % (5 days), pharyngoconjunctival fever 0.008 % Jun–Sep (3 days), hand, foot and mouth 0.005 % Jun–Sep in elementary schools (2 days), other 0.002 % (3 days), influenza outside the wave 0.01 % Nov–Mar |
//!
//! What an illness report says: fever in 50 % of reports in winter (Dec–Mar)
//! and 38 % otherwise, of which a third are 38.0–39.9 °C with a respiratory
//! symptom (influenza-like illness), the rest 37.5–37.9 °C or without a
//! respiratory symptom, 5 % without a measured temperature; otherwise a
//! respiratory symptom alone (35 %), headache (20 %), diarrhoea or stomach
//! ache (15 %), vomiting (8 %), both (10 %), rash (2 %) or other (10 %);
//! a second symptom now and then.

use chrono::{Datelike, NaiveDate, Weekday};
use rand::RngExt;
use rand::rngs::StdRng;

use crate::domain::{Disease, Symptoms};

/// Children absent with illness on an ordinary day, before the factors.
pub const ILLNESS_ABSENT: f64 = 0.020;
/// The mean length of an illness episode in school days (55 % one day,
/// 30 % two, 15 % three).
pub const EPISODE_DAYS: f64 = 1.6;
pub const LATE: f64 = 0.008;
pub const EARLY: f64 = 0.004;
pub const MEDICAL: f64 = 0.0015;
pub const FAMILY: f64 = 0.0012;
pub const INJURY: f64 = 0.0004;
pub const BEREAVEMENT: f64 = 0.00015;
pub const OTHER: f64 = 0.0005;
/// New influenza cases per child and day at a school's peak, before the
/// class's factor and contagion.
pub const FLU_PEAK: f64 = 0.0025;
/// The wave's width: its standard deviation in calendar days, so it rises
/// and falls over about six weeks.
pub const FLU_SIGMA_DAYS: f64 = 9.0;
/// New cases per child and day added by each classmate who fell ill in the
/// last three school days, ÷ the class size.
pub const FLU_CONTAGION: f64 = 0.2;

/// How much likelier illness is on this weekday (Mondays: the weekend's
/// colds are reported).
pub fn weekday_factor(day: NaiveDate) -> f64 {
    match day.weekday() {
        Weekday::Mon => 1.3,
        Weekday::Tue => 1.0,
        Weekday::Wed => 0.95,
        Weekday::Thu => 0.9,
        _ => 0.85,
    }
}

/// How much likelier illness is in this month (winter colds, summer less).
pub fn month_factor(day: NaiveDate) -> f64 {
    match day.month() {
        1 | 2 => 1.35,
        12 => 1.3,
        3 | 11 => 1.1,
        4 | 5 => 0.9,
        7 | 9 => 0.85,
        _ => 1.0,
    }
}

/// The winter influenza wave's strength on `day` (0 to 1) for a school
/// whose wave peaks on `peak`: a bell over about six weeks.
pub fn flu_wave(day: NaiveDate, peak: NaiveDate) -> f64 {
    let d = (day - peak).num_days() as f64 / FLU_SIGMA_DAYS;
    if d.abs() > 4.0 {
        0.0
    } else {
        (-d * d / 2.0).exp()
    }
}

/// The diseases other than the wave, with their rate on `day`, their
/// suspension in school days. `young`: grades 1–3 of an elementary school;
/// `elementary`: any grade of one.
pub fn other_diseases(day: NaiveDate, elementary: bool, young: bool) -> [(Disease, f64, usize); 8] {
    let m = day.month();
    let winter = matches!(m, 12 | 1..=3);
    let summer = matches!(m, 6..=9);
    let x = |on: bool, by: f64| if on { by } else { 1.0 };
    [
        (
            Disease::Covid19,
            0.00012 * x(matches!(m, 1 | 2 | 7..=9), 2.0),
            5,
        ),
        (
            Disease::Strep,
            0.0001 * x(winter, 2.0) * x(elementary, 1.5),
            2,
        ),
        (
            Disease::Chickenpox,
            if young { 0.00008 } else { 0.00001 },
            5,
        ),
        (Disease::Mumps, 0.00002, 5),
        (
            Disease::Pharyngoconjunctival,
            if summer { 0.00008 } else { 0.00001 },
            3,
        ),
        (
            Disease::HandFootMouth,
            if summer && elementary { 0.00005 } else { 0.0 },
            2,
        ),
        (Disease::Other, 0.00002, 3),
        (
            Disease::Influenza,
            if matches!(m, 11 | 12 | 1..=3) {
                0.0001
            } else {
                0.0
            },
            5,
        ),
    ]
}

/// How many school days an illness lasts.
pub fn episode_days(rng: &mut StdRng) -> usize {
    match rng.random::<f64>() {
        u if u < 0.55 => 1,
        u if u < 0.85 => 2,
        _ => 3,
    }
}

/// What an illness report on `day` says: its symptoms and, with a fever,
/// the temperature measured.
pub fn illness(day: NaiveDate, rng: &mut StdRng) -> (Symptoms, Option<f64>) {
    let fever_share = if matches!(day.month(), 12 | 1..=3) {
        0.50
    } else {
        0.38
    };
    if rng.random_bool(fever_share) {
        return fever(rng);
    }
    use crate::domain::Symptom::*;
    let mut s: Symptoms = match rng.random::<f64>() {
        u if u < 0.35 => [Respiratory].into_iter().collect(),
        u if u < 0.55 => [Headache].into_iter().collect(),
        u if u < 0.70 => [Diarrhoea].into_iter().collect(),
        u if u < 0.78 => [Vomiting].into_iter().collect(),
        u if u < 0.88 => [Diarrhoea, Vomiting].into_iter().collect(),
        u if u < 0.90 => [Rash].into_iter().collect(),
        _ => [Other].into_iter().collect(),
    };
    // Now and then a second symptom (a cold with a headache).
    if rng.random_bool(0.12) {
        s.insert([Headache, Respiratory, Other][rng.random_range(0..3)]);
    }
    (s, None)
}

/// A fever report: a third of them are influenza-like (38.0 °C or more
/// with a respiratory symptom).
pub fn fever(rng: &mut StdRng) -> (Symptoms, Option<f64>) {
    use crate::domain::Symptom::*;
    let mut s: Symptoms = [Fever].into_iter().collect();
    let u = rng.random::<f64>();
    let t = if u < 1.0 / 3.0 {
        s.insert(Respiratory);
        Some(temperature(rng, 38.0, 39.9))
    } else if u < 0.55 {
        s.insert(Respiratory);
        Some(temperature(rng, 37.5, 37.9))
    } else if u < 0.70 {
        Some(temperature(rng, 38.0, 39.5))
    } else {
        Some(temperature(rng, 37.5, 37.9))
    };
    if rng.random_bool(0.2) {
        s.insert(Headache);
    }
    // Some parents did not measure it (not for the ILI ones: the count
    // would lose them, and the national definition needs the reading).
    let t = if u >= 1.0 / 3.0 && rng.random_bool(0.05) {
        None
    } else {
        t
    };
    (s, t)
}

/// A fever of influenza's first day: high, with a cough or sore throat.
pub fn flu_onset(rng: &mut StdRng) -> (Symptoms, Option<f64>) {
    use crate::domain::Symptom::*;
    let mut s: Symptoms = [Fever, Respiratory].into_iter().collect();
    if rng.random_bool(0.3) {
        s.insert(Headache);
    }
    (s, Some(temperature(rng, 38.0, 39.9)))
}

/// Gastroenteritis: diarrhoea, usually vomiting, sometimes a fever.
pub fn gastro(rng: &mut StdRng) -> (Symptoms, Option<f64>) {
    use crate::domain::Symptom::*;
    let mut s: Symptoms = [Diarrhoea].into_iter().collect();
    if rng.random_bool(0.7) {
        s.insert(Vomiting);
    }
    let t = rng.random_bool(0.3).then(|| {
        s.insert(Fever);
        temperature(rng, 37.5, 38.4)
    });
    (s, t)
}

/// A reading between `low` and `high`, to one decimal, as a thermometer
/// shows it.
fn temperature(rng: &mut StdRng, low: f64, high: f64) -> f64 {
    let tenths = rng.random_range((low * 10.0).round() as i32..=(high * 10.0).round() as i32);
    f64::from(tenths) / 10.0
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn a_third_of_fevers_are_influenza_like() {
        let mut rng = StdRng::seed_from_u64(3);
        let n = 30_000;
        let ili = (0..n)
            .filter(|_| {
                let (s, t) = fever(&mut rng);
                s.is_ili(t)
            })
            .count();
        let share = ili as f64 / f64::from(n);
        assert!((0.31..0.36).contains(&share), "{share}");
    }

    #[test]
    fn the_wave_peaks_on_its_day_and_is_gone_in_six_weeks() {
        let peak: NaiveDate = "2026-01-27".parse().unwrap();
        assert_eq!(flu_wave(peak, peak), 1.0);
        assert!(flu_wave(peak + chrono::Days::new(9), peak) > 0.5);
        assert!(flu_wave(peak + chrono::Days::new(21), peak) < 0.1);
        assert_eq!(flu_wave(peak + chrono::Days::new(40), peak), 0.0);
    }
}
