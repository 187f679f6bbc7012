//! How high a rate is: the bands the board's rows and heat map are coloured
//! by, each also said in words and shown as a number, so that colour is
//! never the only sign. The bands follow the alert rules' own levels: a
//! school's warning and closure rates for schools, a class's for grades and
//! classes.

use maud::{Markup, html};

use crate::http::staff::ui::Tr;
use crate::surveillance::alerts::AlertRules;

/// Where the bands change: the rule's warning and closure rates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub warning: f64,
    pub closure: f64,
}

/// A rate's band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// No enrolment: no rate.
    Unknown,
    /// Nobody ill.
    Zero,
    /// Below half the warning rate.
    Low,
    /// Below the warning rate.
    Watch,
    /// At or above the warning rate.
    Warning,
    /// At or above the rate where closure is usually considered.
    Closure,
}

/// Ill students over enrolment; none without an enrolment.
pub fn rate(ill: u32, enrolment: Option<u32>) -> Option<f64> {
    enrolment
        .filter(|n| *n > 0)
        .map(|n| f64::from(ill) / f64::from(n))
}

/// `2.5%` (`—` without a rate).
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

impl Scale {
    /// A school's bands: the school rate rule's levels.
    pub fn school(rules: &AlertRules) -> Scale {
        Scale {
            warning: rules.school_warning,
            closure: rules.school_closure,
        }
    }

    /// A class's (and a grade's) bands: the class rate rule's levels.
    pub fn class(rules: &AlertRules) -> Scale {
        Scale {
            warning: rules.class_warning,
            closure: rules.class_closure,
        }
    }

    pub fn level(&self, ill: u32, enrolment: Option<u32>) -> Level {
        match rate(ill, enrolment) {
            None if ill == 0 => Level::Zero,
            None => Level::Unknown,
            Some(_) if ill == 0 => Level::Zero,
            Some(r) if r >= self.closure => Level::Closure,
            Some(r) if r >= self.warning => Level::Warning,
            Some(r) if r >= self.warning / 2.0 => Level::Watch,
            Some(_) => Level::Low,
        }
    }

    /// The bands in order with the words and limits the legend shows.
    pub fn legend(&self, tr: &Tr) -> Markup {
        let p = |r: f64| format!("{:.0}%", r * 100.0);
        let bands = [
            (Level::Zero, "0".to_owned()),
            (Level::Low, format!("< {}", p(self.warning / 2.0))),
            (
                Level::Watch,
                format!("{} – {}", p(self.warning / 2.0), p(self.warning)),
            ),
            (
                Level::Warning,
                format!("{} – {}", p(self.warning), p(self.closure)),
            ),
            (Level::Closure, format!("≥ {}", p(self.closure))),
        ];
        html! {
            ul.levels aria-label=(tr.t("board-legend")) {
                @for (level, range) in bands {
                    li class=(level.class()) { strong { (tr.t(level.key())) } " " (range) }
                }
            }
        }
    }
}

impl Level {
    /// The CSS class that colours it.
    pub fn class(self) -> &'static str {
        match self {
            Level::Unknown => "lv-unknown",
            Level::Zero => "lv0",
            Level::Low => "lv1",
            Level::Watch => "lv2",
            Level::Warning => "lv3",
            Level::Closure => "lv4",
        }
    }

    /// Its name in `ui/*.ftl`.
    pub fn key(self) -> &'static str {
        match self {
            Level::Unknown => "board-level-unknown",
            Level::Zero => "board-level-zero",
            Level::Low => "board-level-low",
            Level::Watch => "board-level-watch",
            Level::Warning => "board-level-warning",
            Level::Closure => "board-level-closure",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_rules_rates() {
        let s = Scale {
            warning: 0.08,
            closure: 0.15,
        };
        assert_eq!(s.level(0, Some(100)), Level::Zero);
        assert_eq!(s.level(3, Some(100)), Level::Low);
        assert_eq!(s.level(4, Some(100)), Level::Watch);
        assert_eq!(s.level(8, Some(100)), Level::Warning);
        assert_eq!(s.level(15, Some(100)), Level::Closure);
        assert_eq!(s.level(2, None), Level::Unknown);
        assert_eq!(s.level(2, Some(0)), Level::Unknown);
        assert_eq!(percent(rate(3, Some(120))), "2.5%");
        assert_eq!(percent(None), "—");
    }
}
