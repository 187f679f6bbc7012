//! The drill-down, school → grade → class, for the board and for the
//! school's own staff (their dashboard; other schools' staff get 403 from
//! `staff::access`):
//! - `GET /board/schools/{id}?day=&from=&to=`: one row per grade on the
//!   day, the grades' rates over the range, the school's trend lines;
//! - `GET /board/schools/{id}/grades/{grade}`: the same per class;
//! - `GET /board/schools/{id}/grades/{grade}/classes/{class}`: the class
//!   day by day over the range, with its trend.
//!
//! Counts only: no student's number or name is on these pages (the
//! school's own morning list has them). One school's per-class counts are
//! read, in one blocking task.

use std::collections::BTreeSet;

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use chrono::{NaiveDate, Utc};
use maud::{Markup, html};

use super::heat::range_form;
use super::level::{Scale, percent, rate};
use super::query::{self, Query, Span, segment};
use super::read::{self, Detail};
use super::{bad_query, chart, short_day, trends};
use crate::domain::{Disease, Symptom};
use crate::http::staff::access::SchoolAccess;
use crate::http::staff::auth::{Account, Viewer};
use crate::http::staff::charts::{LineChart, Series};
use crate::http::staff::layout::{self, Page};
use crate::http::staff::ui::Tr;
use crate::http::staff::{blocking, fmt};
use crate::http::state::AppState;
use crate::surveillance::{ClassKey, Tally};

/// Everything a drill-down page needs once read.
struct Ctx {
    access: SchoolAccess,
    span: Span,
    detail: Detail,
    school_scale: Scale,
    class_scale: Scale,
}

/// Access, the span in the school's own calendar, and the school's counts.
async fn load(app: &AppState, access: SchoolAccess, uri: &Uri) -> Result<Ctx, Response> {
    let viewer = &access.viewer;
    let cal = access.school().calendar.clone();
    let open = |d: NaiveDate| cal.is_school_day(d);
    let today = query::current_day(Utc::now(), cal.tz(), open);
    let span = Query::parse(uri)
        .and_then(|q| q.span(today, open))
        .map_err(|e| bad_query(viewer, app, e))?;
    let store = access.store.clone();
    let table = access
        .dep
        .config
        .schools
        .get(&access.id)
        .map(|c| c.enrolment.clone())
        .unwrap_or_default();
    // From the days before: the rise rule compares with them.
    let from = span.read_from(access.dep.config.alerts.rise_days, open);
    let to = span.read_to();
    match blocking(move || read::school(&store, &table, from, to)).await {
        Ok(detail) => Ok(Ctx {
            school_scale: Scale::school(&access.dep.config.alerts),
            class_scale: Scale::class(&access.dep.config.alerts),
            access,
            span,
            detail,
        }),
        Err(e) => Err(layout::store_error_page(
            viewer,
            app,
            access.id.as_str(),
            "school dashboard",
            &e,
        )),
    }
}

/// Every class with an enrolment or a count in the range, in order.
fn classes(c: &Ctx) -> BTreeSet<ClassKey> {
    let mut all: BTreeSet<ClassKey> = c
        .detail
        .enrolment
        .classes()
        .map(|(k, _)| k.clone())
        .collect();
    for d in c.detail.tallies.days() {
        all.extend(c.detail.tallies.classes_on(d).map(|(k, _)| k.clone()));
    }
    all
}

/// One tally per school day of the span, in order.
fn over_span(c: &Ctx, tally: impl Fn(&str) -> Tally) -> Vec<Tally> {
    c.span.days.iter().map(|d| tally(&d.to_string())).collect()
}

fn grade_label(tr: &Tr, grade: &str) -> String {
    if grade.is_empty() {
        tr.t("group-unknown")
    } else {
        tr.ta("board-grade", &[("grade", grade)])
    }
}

fn class_label(tr: &Tr, k: &ClassKey) -> String {
    if k.is_unknown() {
        tr.t("group-unknown")
    } else {
        tr.ta("group-title", &[("grade", &k.grade), ("class", &k.class)])
    }
}

/// What a drill-down row shows of one tally.
struct Figure<'a> {
    label: String,
    href: Option<String>,
    tally: &'a Tally,
    enrolment: Option<u32>,
}

/// Attendance suspensions by disease, as words: `インフルエンザ 2, 溶連菌 1`.
fn diseases(tr: &Tr, t: &Tally) -> String {
    Disease::ALL
        .iter()
        .filter(|d| t.absence.disease(**d) > 0)
        .map(|d| format!("{} {}", tr.code(d.as_str()), t.absence.disease(*d)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The table of grades or classes on the day, with a total row.
fn figures_table(
    tr: &Tr,
    caption: &str,
    first: &str,
    rows: &[Figure],
    total: &Figure,
    scale: Scale,
) -> Markup {
    let row = |f: &Figure, total: bool| {
        let lv = scale.level(f.tally.ill(), f.enrolment);
        html! {
            tr class=(format!("{}{}", lv.class(), if total { " total" } else { "" })) {
                th scope="row" data-label=(first) {
                    @match &f.href { Some(h) => a href=(h) { (f.label) }, None => (f.label) }
                }
                td.n data-label=(tr.t("board-enrolment")) { (f.enrolment.map_or("—".into(), |n| n.to_string())) }
                td.n data-label=(tr.t("code-absence")) { (f.tally.absence.all) }
                td.n data-label=(tr.t("board-ill")) { (f.tally.ill()) }
                td.n.rate data-label=(tr.t("board-rate")) { (percent(rate(f.tally.ill(), f.enrolment))) }
                td.level data-label=(tr.t("board-level")) { (tr.t(lv.key())) }
                td.n data-label=(tr.t("board-ili")) { (f.tally.absence.ili) }
                td.n data-label=(tr.t("board-suspended")) { (f.tally.suspended()) }
                td data-label=(tr.t("board-by-disease")) { (diseases(tr, f.tally)) }
            }
        }
    };
    html! {
        div.scroll {
            table.board.drill {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (first) }
                    th.n scope="col" { (tr.t("board-enrolment")) }
                    th.n scope="col" { (tr.t("code-absence")) }
                    th.n scope="col" { (tr.t("board-ill")) }
                    th.n scope="col" { (tr.t("board-rate")) }
                    th scope="col" { (tr.t("board-level")) }
                    th.n scope="col" { (tr.t("board-ili")) }
                    th.n scope="col" { (tr.t("board-suspended")) }
                    th scope="col" { (tr.t("board-by-disease")) }
                } }
                tbody { @for f in rows { (row(f, false)) } }
                tfoot { (row(total, true)) }
            }
        }
    }
}

/// A rate (or, without an enrolment, a count) per group and school day.
fn rate_chart(
    tr: &Tr,
    id: &str,
    title: &str,
    span: &Span,
    groups: &[(String, Option<u32>, Vec<Tally>)],
) -> Markup {
    let labels: Vec<String> = span.days.iter().map(|d| short_day(*d)).collect();
    let known = groups.iter().all(|(_, n, _)| n.is_some_and(|n| n > 0));
    let series: Vec<Series> = groups
        .iter()
        .map(|(label, n, days)| Series {
            label: label.clone(),
            values: days
                .iter()
                .map(|t| match (known, rate(t.ill(), *n)) {
                    (true, Some(r)) => (r * 1000.0).round() / 10.0,
                    _ => f64::from(t.ill()),
                })
                .collect(),
        })
        .collect();
    let y = tr.t(if known {
        "board-rate-axis"
    } else {
        "board-students"
    });
    chart(
        tr,
        &LineChart {
            id,
            title,
            y_label: &y,
            x_labels: &labels,
            series: &series,
        },
    )
}

/// Breadcrumbs, title, day navigation, pickers and the school's links.
fn head(tr: &Tr, viewer: &Viewer, c: &Ctx, here: &str, trail: &[(String, String)]) -> Markup {
    let span = &c.span;
    let cal = &c.access.school().calendar;
    let id = &c.access.id;
    let prev = (1..=query::MAX_RANGE_DAYS)
        .filter_map(|k| span.day.checked_sub_days(chrono::Days::new(k as u64)))
        .find(|d| cal.is_school_day(*d));
    let next = (1..=query::MAX_RANGE_DAYS)
        .filter_map(|k| span.day.checked_add_days(chrono::Days::new(k as u64)))
        .find(|d| cal.is_school_day(*d));
    let name = layout::school_name(c.access.school(), tr);
    html! {
        nav.crumbs aria-label=(tr.t("board-crumbs")) {
            ol {
                @if viewer.session.account == Account::Board {
                    li { a href=(format!("/board?{}", span.query())) { (tr.t("board-title")) } }
                }
                @for (href, label) in trail {
                    li { a href=(href) { (label) } }
                }
            }
        }
        section.day-head {
            h1 {
                span.what { (name) }
                " "
                (fmt::day_title(tr, span.day))
                @if !cal.is_school_day(span.day) { " " span.closed { (tr.t("closed-day")) } }
            }
            nav.days aria-label=(tr.t("board-days")) {
                @if let Some(p) = prev {
                    a.button href=(format!("{here}?{}", span.with_day(p))) rel="prev" { "← " (tr.t("day-prev")) }
                }
                @if let Some(n) = next {
                    a.button href=(format!("{here}?{}", span.with_day(n))) rel="next" { (tr.t("day-next")) " →" }
                }
                form.picker method="get" action=(here) {
                    label.sr for="day" { (tr.t("day-pick")) }
                    input id="day" type="date" name="day" value=(span.day.to_string()) required;
                    input type="hidden" name="from" value=(span.from.to_string());
                    input type="hidden" name="to" value=(span.to.to_string());
                    button type="submit" { (tr.t("day-show")) }
                }
            }
            nav.tools {
                a href=(format!("/schools/{id}/days/{}", span.day)) { (tr.t("nav-list")) }
                a href=(format!("/schools/{id}/sheet/{}", span.day)) { (tr.t("board-sheet")) }
            }
        }
    }
}

fn page(app: &AppState, viewer: &Viewer, c: &Ctx, title: String, body: Markup) -> Response {
    let ctx = viewer.ctx(app);
    let page = Page {
        title,
        school: Some(c.access.school()),
        ..Page::default()
    };
    layout::respond(
        app,
        StatusCode::OK,
        ctx.lang,
        layout::render(&ctx, page, body),
    )
}

fn school_href(c: &Ctx) -> String {
    format!("/board/schools/{}", c.access.id)
}

fn grade_href(c: &Ctx, grade: &str) -> String {
    format!("{}/grades/{}", school_href(c), segment(grade))
}

fn class_href(c: &Ctx, k: &ClassKey) -> String {
    format!("{}/classes/{}", grade_href(c, &k.grade), segment(&k.class))
}

/// `GET /board/schools/{id}`.
pub async fn school(State(app): State<AppState>, access: SchoolAccess, uri: Uri) -> Response {
    let c = match load(&app, access, &uri).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let viewer = &c.access.viewer;
    let tr = viewer.tr(&app);
    let day = c.span.day.to_string();
    let q = c.span.query();
    let all = classes(&c);
    let mut grades: Vec<&str> = Vec::new();
    for k in &all {
        if grades.last() != Some(&k.grade.as_str()) {
            grades.push(&k.grade);
        }
    }
    let tallies: Vec<Tally> = grades
        .iter()
        .map(|g| c.detail.tallies.grade(&day, g))
        .collect();
    let rows: Vec<Figure> = grades
        .iter()
        .zip(&tallies)
        .map(|(g, t)| Figure {
            label: grade_label(&tr, g),
            href: (!g.is_empty()).then(|| format!("{}?{q}", grade_href(&c, g))),
            tally: t,
            enrolment: c.detail.enrolment.of_grade(g),
        })
        .collect();
    let school_day = c.detail.tallies.school(&day);
    let enrolment = Some(c.detail.enrolment.total()).filter(|n| *n > 0);
    let total = Figure {
        label: tr.t("board-school-total"),
        href: None,
        tally: &school_day,
        enrolment,
    };
    let per_grade: Vec<(String, Option<u32>, Vec<Tally>)> = grades
        .iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            (
                grade_label(&tr, g),
                c.detail.enrolment.of_grade(g),
                over_span(&c, |d| c.detail.tallies.grade(d, g)),
            )
        })
        .collect();
    let school_days: Vec<Tally> = over_span(&c, |d| c.detail.tallies.school(d));
    let here = school_href(&c);
    let name = layout::school_name(c.access.school(), &tr).to_owned();
    let body = html! {
        (head(&tr, viewer, &c, &here, &[(format!("{here}?{q}"), name.clone())]))
        (counts(&tr, &school_day, enrolment, c.school_scale))
        (figures_table(&tr, &tr.t("board-by-grade"), &tr.t("board-grade-col"), &rows, &total, c.class_scale))
        (c.class_scale.legend(&tr))
        section.alerts-section aria-labelledby="alerts-title" {
            h2 #alerts-title { (tr.ta("board-alerts-day", &[("day", &fmt::day_title(&tr, c.span.day))])) }
            (super::alerts::list(&tr, &c.span, &day_alerts(&c), false))
        }
        section aria-labelledby="trend-title" {
            h2 #trend-title { (tr.t("board-trend-title")) }
            (range_form(&tr, &c.span, &here))
            (trends::charts(&tr, "school", &c.span.days, &school_days,
                Some(rate_chart(&tr, "grades", &tr.t("board-trend-grades"), &c.span, &per_grade))))
        }
    };
    page(
        &app,
        viewer,
        &c,
        format!("{name} — {}", tr.t("board-dashboard")),
        body,
    )
}

/// The school's alerts on the day, the previous days from its own counts.
fn day_alerts(
    c: &Ctx,
) -> Vec<(
    &crate::deployment::School,
    crate::surveillance::alerts::Alert,
)> {
    let totals = c
        .detail
        .tallies
        .days()
        .map(|d| (d.to_owned(), c.detail.tallies.school(d)))
        .collect();
    let school = c.access.school();
    super::alerts::of_school(
        &c.access.dep.config.alerts,
        &school.calendar,
        &c.detail.enrolment,
        &c.detail.tallies,
        &totals,
        &[c.span.day],
    )
    .into_iter()
    .map(|a| (school, a))
    .collect()
}

/// The big numbers of a school, grade or class on the day.
fn counts(tr: &Tr, t: &Tally, enrolment: Option<u32>, scale: Scale) -> Markup {
    let lv = scale.level(t.ill(), enrolment);
    html! {
        ul.counts.big {
            li.count { span { (tr.t("board-enrolment")) } strong { (enrolment.map_or("—".into(), |n| n.to_string())) } }
            li.count.kind-absence { span { (tr.t("code-absence")) } strong { (t.absence.all) } }
            li.count { span { (tr.t("board-ill")) } strong { (t.ill()) } }
            li class=(format!("count {}", lv.class())) { span { (tr.t("board-rate")) } strong { (percent(rate(t.ill(), enrolment))) } " " span { (tr.t(lv.key())) } }
            li.count { span { (tr.t("board-suspended")) } strong { (t.suspended()) } }
            li.count { span { (tr.t("board-ili")) } strong { (t.absence.ili) } }
        }
    }
}

/// `GET /board/schools/{id}/grades/{grade}`.
pub async fn grade(
    State(app): State<AppState>,
    access: SchoolAccess,
    Path((_, grade)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let c = match load(&app, access, &uri).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let viewer = &c.access.viewer;
    let tr = viewer.tr(&app);
    let in_grade: Vec<ClassKey> = classes(&c)
        .into_iter()
        .filter(|k| k.grade == grade)
        .collect();
    if in_grade.is_empty() || grade.is_empty() {
        return layout::error_page(viewer, &app, StatusCode::NOT_FOUND, &tr.t("board-no-class"));
    }
    let day = c.span.day.to_string();
    let q = c.span.query();
    let tallies: Vec<Tally> = in_grade
        .iter()
        .map(|k| c.detail.tallies.class(&day, k))
        .collect();
    let rows: Vec<Figure> = in_grade
        .iter()
        .zip(&tallies)
        .map(|(k, t)| Figure {
            label: class_label(&tr, k),
            href: Some(format!("{}?{q}", class_href(&c, k))),
            tally: t,
            enrolment: c.detail.enrolment.of_class(k),
        })
        .collect();
    let grade_day = c.detail.tallies.grade(&day, &grade);
    let enrolment = c.detail.enrolment.of_grade(&grade);
    let label = grade_label(&tr, &grade);
    let total = Figure {
        label: tr.ta("board-grade-total", &[("grade", &label)]),
        href: None,
        tally: &grade_day,
        enrolment,
    };
    let per_class: Vec<(String, Option<u32>, Vec<Tally>)> = in_grade
        .iter()
        .map(|k| {
            (
                class_label(&tr, k),
                c.detail.enrolment.of_class(k),
                over_span(&c, |d| c.detail.tallies.class(d, k)),
            )
        })
        .collect();
    let grade_days: Vec<Tally> = over_span(&c, |d| c.detail.tallies.grade(d, &grade));
    let here = grade_href(&c, &grade);
    let name = layout::school_name(c.access.school(), &tr).to_owned();
    let body = html! {
        (head(&tr, viewer, &c, &here, &[
            (format!("{}?{q}", school_href(&c)), name.clone()),
            (format!("{here}?{q}"), label.clone()),
        ]))
        h2 { (label) }
        (counts(&tr, &grade_day, enrolment, c.class_scale))
        (figures_table(&tr, &tr.t("board-by-class"), &tr.t("board-class-col"), &rows, &total, c.class_scale))
        (c.class_scale.legend(&tr))
        section aria-labelledby="trend-title" {
            h2 #trend-title { (tr.t("board-trend-title")) }
            (range_form(&tr, &c.span, &here))
            (trends::charts(&tr, "grade", &c.span.days, &grade_days,
                Some(rate_chart(&tr, "classes", &tr.t("board-trend-classes"), &c.span, &per_class))))
        }
    };
    page(
        &app,
        viewer,
        &c,
        format!("{name} {label} — {}", tr.t("board-dashboard")),
        body,
    )
}

/// `GET /board/schools/{id}/grades/{grade}/classes/{class}`.
pub async fn class(
    State(app): State<AppState>,
    access: SchoolAccess,
    Path((_, grade, class)): Path<(String, String, String)>,
    uri: Uri,
) -> Response {
    let c = match load(&app, access, &uri).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let viewer = &c.access.viewer;
    let tr = viewer.tr(&app);
    let key = ClassKey::new(grade.as_str(), class.as_str());
    if key.is_unknown() || !classes(&c).contains(&key) {
        return layout::error_page(viewer, &app, StatusCode::NOT_FOUND, &tr.t("board-no-class"));
    }
    let q = c.span.query();
    let enrolment = c.detail.enrolment.of_class(&key);
    let days: Vec<Tally> = over_span(&c, |d| c.detail.tallies.class(d, &key));
    let today = c.detail.tallies.class(&c.span.day.to_string(), &key);
    let label = class_label(&tr, &key);
    let here = class_href(&c, &key);
    let name = layout::school_name(c.access.school(), &tr).to_owned();
    let ill = vec![(label.clone(), enrolment, days.clone())];
    let body = html! {
        (head(&tr, viewer, &c, &here, &[
            (format!("{}?{q}", school_href(&c)), name.clone()),
            (format!("{}?{q}", grade_href(&c, &grade)), grade_label(&tr, &grade)),
            (format!("{here}?{q}"), label.clone()),
        ]))
        h2 { (label) }
        (counts(&tr, &today, enrolment, c.class_scale))
        section aria-labelledby="trend-title" {
            h2 #trend-title { (tr.t("board-class-days")) }
            (range_form(&tr, &c.span, &here))
            (day_table(&tr, &c, &here, &days, enrolment))
            (c.class_scale.legend(&tr))
            (trends::charts(&tr, "class", &c.span.days, &days,
                Some(rate_chart(&tr, "class", &tr.t("board-trend-class"), &c.span, &ill))))
        }
    };
    page(
        &app,
        viewer,
        &c,
        format!("{name} {label} — {}", tr.t("board-dashboard")),
        body,
    )
}

/// The class day by day: the counts and each symptom category.
fn day_table(tr: &Tr, c: &Ctx, here: &str, days: &[Tally], enrolment: Option<u32>) -> Markup {
    html! {
        div.scroll {
            table.board.days-table {
                caption { (tr.t("board-class-days")) }
                thead { tr {
                    th scope="col" { (tr.t("board-chart-day")) }
                    th.n scope="col" { (tr.t("code-absence")) }
                    th.n scope="col" { (tr.t("board-ill")) }
                    th.n scope="col" { (tr.t("board-rate")) }
                    th scope="col" { (tr.t("board-level")) }
                    @for s in Symptom::ALL { th.n scope="col" { (tr.code(s.as_str())) } }
                    th.n scope="col" { (tr.t("board-ili")) }
                    th.n scope="col" { (tr.t("board-suspended")) }
                    th scope="col" { (tr.t("board-by-disease")) }
                } }
                tbody {
                    @for (d, t) in c.span.days.iter().zip(days) {
                        @let lv = c.class_scale.level(t.ill(), enrolment);
                        tr class=(format!("{}{}", lv.class(), if *d == c.span.day { " sel" } else { "" })) {
                            th scope="row" data-label=(tr.t("board-chart-day")) {
                                a href=(format!("{here}?{}", c.span.with_day(*d))) { (fmt::day_title(tr, *d)) }
                            }
                            td.n data-label=(tr.t("code-absence")) { (t.absence.all) }
                            td.n data-label=(tr.t("board-ill")) { (t.ill()) }
                            td.n.rate data-label=(tr.t("board-rate")) { (percent(rate(t.ill(), enrolment))) }
                            td.level data-label=(tr.t("board-level")) { (tr.t(lv.key())) }
                            @for s in Symptom::ALL { td.n data-label=(tr.code(s.as_str())) { (t.absence.symptom(s)) } }
                            td.n data-label=(tr.t("board-ili")) { (t.absence.ili) }
                            td.n data-label=(tr.t("board-suspended")) { (t.suspended()) }
                            td data-label=(tr.t("board-by-disease")) { (diseases(tr, t)) }
                        }
                    }
                }
            }
        }
    }
}
