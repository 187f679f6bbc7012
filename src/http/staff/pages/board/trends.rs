//! The trend lines' numbers: absences per school day by national symptom
//! category (and ILI) and attendance suspensions by disease, for the
//! district or one school; and a rate per grade or class.

use chrono::NaiveDate;
use maud::{Markup, html};

use super::query::Span;
use super::read::Figures;
use super::{chart, short_day};
use crate::domain::{Disease, Symptom};
use crate::http::staff::charts::{LineChart, Series};
use crate::http::staff::ui::Tr;
use crate::surveillance::Tally;

/// Absences by symptom category, then ILI, one value per day.
pub fn by_symptom(tr: &Tr, tallies: &[Tally]) -> Vec<Series> {
    let mut out: Vec<Series> = Symptom::ALL
        .iter()
        .map(|s| Series {
            label: tr.code(s.as_str()),
            values: tallies
                .iter()
                .map(|t| f64::from(t.absence.symptom(*s)))
                .collect(),
        })
        .collect();
    out.push(Series {
        label: tr.t("board-ili"),
        values: tallies.iter().map(|t| f64::from(t.absence.ili)).collect(),
    });
    out
}

/// Attendance suspensions by disease, one value per day.
pub fn by_disease(tr: &Tr, tallies: &[Tally]) -> Vec<Series> {
    Disease::ALL
        .iter()
        .map(|d| Series {
            label: tr.code(d.as_str()),
            values: tallies
                .iter()
                .map(|t| f64::from(t.absence.disease(*d)))
                .collect(),
        })
        .collect()
}

/// The two charts (symptoms, diseases) of `tallies`, one per day of `days`.
/// `first`, if given, is another chart put in the same grid before them.
pub fn charts(
    tr: &Tr,
    id: &str,
    days: &[NaiveDate],
    tallies: &[Tally],
    first: Option<Markup>,
) -> Markup {
    let labels: Vec<String> = days.iter().map(|d| short_day(*d)).collect();
    let symptoms = by_symptom(tr, tallies);
    let diseases = by_disease(tr, tallies);
    let students = tr.t("board-students");
    let sid = format!("{id}-symptoms");
    let did = format!("{id}-diseases");
    let symptom_title = tr.t("board-trend-symptoms");
    let disease_title = tr.t("board-trend-diseases");
    html! {
        div.trends {
            @if let Some(f) = first { (f) }
            (chart(tr, &LineChart { id: &sid, title: &symptom_title, y_label: &students, x_labels: &labels, series: &symptoms }))
            (chart(tr, &LineChart { id: &did, title: &disease_title, y_label: &students, x_labels: &labels, series: &diseases }))
        }
    }
}

/// The district's trend lines over the range.
pub fn district(tr: &Tr, span: &Span, figures: &[Option<Figures>]) -> Markup {
    let tallies: Vec<Tally> = span
        .days
        .iter()
        .map(|d| {
            let day = d.to_string();
            let mut t = Tally::default();
            for f in figures.iter().flatten() {
                if let Some(x) = f.days.get(&day) {
                    t.merge(x);
                }
            }
            t
        })
        .collect();
    html! {
        section aria-labelledby="trend-title" {
            h2 #trend-title { (tr.t("board-trend-title")) }
            (charts(tr, "district", &span.days, &tallies, None))
        }
    }
}
