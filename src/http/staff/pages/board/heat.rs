//! The heat map: schools down, school days across, each cell a school's
//! ill rate on a day, coloured by band, with the number in the cell and
//! the whole sentence in its title, linking to that school's day. An HTML
//! table, so that screen readers announce the school and the day of a cell
//! from its headers; it scrolls sideways with the school names held.

use maud::{Markup, html};

use super::level::{self, Scale};
use super::query::Span;
use super::read::Figures;
use super::short_day;
use crate::deployment::School;
use crate::http::staff::fmt;
use crate::http::staff::ui::Tr;

/// One school's line.
pub struct Line<'a> {
    pub school: &'a School,
    pub name: &'a str,
    pub figures: Option<&'a Figures>,
}

pub fn map(tr: &Tr, span: &Span, scale: Scale, lines: &[Line]) -> Markup {
    html! {
        section.heat-section aria-labelledby="heat-title" {
            h2 #heat-title { (tr.t("board-heat-title")) }
            (range_form(tr, span, "/board"))
            p.hint { (tr.t("board-heat-hint")) }
            div.heat-wrap {
                table.heat {
                    caption.sr { (tr.t("board-heat-title")) }
                    thead { tr {
                        th.corner scope="col" { (tr.t("col-school")) }
                        @for d in &span.days {
                            th scope="col" class=[(*d == span.day).then_some("sel")] {
                                abbr title=(fmt::day_title(tr, *d)) { (short_day(*d)) }
                            }
                        }
                    } }
                    tbody {
                        @for l in lines {
                            tr {
                                th scope="row" { (l.name) }
                                @for d in &span.days {
                                    (cell(tr, span, scale, l, *d))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn cell(tr: &Tr, span: &Span, scale: Scale, l: &Line, d: chrono::NaiveDate) -> Markup {
    let Some(f) = l.figures else {
        return html! { td.lv-unknown { "—" } };
    };
    if !l.school.calendar.is_school_day(d) {
        return html! { td.off title=(tr.t("closed-day")) { "·" } };
    }
    let t = f.on(&d.to_string());
    let enrolment = Some(f.enrolment.total()).filter(|n| *n > 0);
    let lv = scale.level(t.ill(), enrolment);
    let rate = level::rate(t.ill(), enrolment);
    let text = rate.map_or_else(|| t.ill().to_string(), |r| format!("{:.1}", r * 100.0));
    let title = tr.ta(
        "board-heat-cell",
        &[
            ("school", l.name),
            ("day", &short_day(d)),
            ("ill", &t.ill().to_string()),
            (
                "enrolment",
                &enrolment.map_or("—".into(), |n| n.to_string()),
            ),
            ("rate", &level::percent(rate)),
            ("level", &tr.t(lv.key())),
        ],
    );
    let sel = if d == span.day { " sel" } else { "" };
    html! {
        td class=(format!("{}{sel}", lv.class())) {
            a href=(format!("/board/schools/{}?{}", l.school.id, span.with_day(d))) title=(title) { (text) }
        }
    }
}

/// The "from … to …" form of a page at `action`, keeping its day and order.
pub fn range_form(tr: &Tr, span: &Span, action: &str) -> Markup {
    html! {
        form.picker.range method="get" action=(action) {
            input type="hidden" name="day" value=(span.day.to_string());
            @if span.sort == super::query::Sort::Rate { input type="hidden" name="sort" value="rate"; }
            label for="from" { (tr.t("board-from")) }
            input id="from" type="date" name="from" value=(span.from.to_string()) required;
            label for="to" { (tr.t("board-to")) }
            input id="to" type="date" name="to" value=(span.to.to_string()) required;
            button type="submit" { (tr.t("day-show")) }
        }
    }
}
