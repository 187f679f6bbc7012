//! The alert list: every school's early warnings for a range of school
//! days, evaluated from the kept counts by `surveillance::alerts` (the
//! previous days the rise rule compares with from each school's day
//! totals), each saying its rule, level, classes and counts, with links to
//! the classes' drill-down. `GET /board/alerts?from=&to=` (page) and
//! `GET /board/alerts.json?from=&to=`, board account only; the district
//! view and a school's dashboard show the day's alerts with [`list`].

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use maud::{Markup, html};
use serde::Serialize;

use super::heat::range_form;
use super::level::percent;
use super::query::{Query, Span, segment};
use super::read::{self, Input};
use super::{any_open, bad_query, board_only, board_tz, query};
use crate::deployment::{Deployment, School};
use crate::domain::SchoolId;
use crate::http::staff::fmt;
use crate::http::staff::layout::{self, Page};
use crate::http::staff::ui::Tr;
use crate::http::state::AppState;
use crate::schoolday::SchoolCalendar;
use crate::surveillance::alerts::{Alert, AlertRules, Level, Rule, evaluate};
use crate::surveillance::{self, ClassKey, Enrolment, Tallies, Tally};

/// One school's alerts on each of `days` (those it is open on): the
/// per-class `tallies` for the class and grade rules, its whole-school
/// `totals` for the days before (a day without a report is zeros).
pub fn of_school(
    rules: &AlertRules,
    calendar: &SchoolCalendar,
    enrolment: &Enrolment,
    tallies: &Tallies,
    totals: &BTreeMap<String, Tally>,
    days: &[NaiveDate],
) -> Vec<Alert> {
    days.iter()
        .filter(|d| calendar.is_school_day(**d))
        .flat_map(|d| {
            let previous: Vec<Tally> = calendar
                .school_days_before(*d, rules.rise_days)
                .iter()
                .map(|p| totals.get(&p.to_string()).cloned().unwrap_or_default())
                .collect();
            evaluate(rules, &d.to_string(), tallies, enrolment, &previous)
        })
        .collect()
}

/// The newest day first, on a day closure levels first, then the
/// schools' order.
pub fn sort(alerts: &mut [(&School, Alert)]) {
    alerts.sort_by(|(a_school, a), (b_school, b)| {
        b.school_day
            .cmp(&a.school_day)
            .then_with(|| b.level.cmp(&a.level))
            .then_with(|| a_school.id.cmp(&b_school.id))
    });
}

fn class_label(tr: &Tr, k: &ClassKey) -> String {
    tr.ta("group-title", &[("grade", &k.grade), ("class", &k.class)])
}

/// What the alert says, in words: the counts against the rule's level.
fn describe(tr: &Tr, a: &Alert) -> String {
    let threshold_rate = format!("{:.0}%", a.threshold * 100.0);
    match a.rule {
        Rule::ClassRate => tr.ta(
            "board-alert-class-rate",
            &[
                (
                    "class",
                    &a.classes
                        .first()
                        .map_or(String::new(), |c| class_label(tr, &c.class)),
                ),
                ("count", &a.count.to_string()),
                (
                    "enrolment",
                    &a.enrolment.map_or("—".into(), |n| n.to_string()),
                ),
                ("rate", &percent(a.rate())),
                ("threshold", &threshold_rate),
            ],
        ),
        Rule::GradeSpread => tr.ta(
            "board-alert-grade-spread",
            &[
                (
                    "grade",
                    &tr.ta(
                        "board-grade",
                        &[("grade", a.grade.as_deref().unwrap_or(""))],
                    ),
                ),
                ("classes", &a.classes.len().to_string()),
                ("cause", &cause(tr, a.cause.as_deref().unwrap_or(""))),
                ("count", &a.count.to_string()),
                ("threshold", &format!("{:.0}", a.threshold)),
            ],
        ),
        Rule::SchoolRate => tr.ta(
            "board-alert-school-rate",
            &[
                ("count", &a.count.to_string()),
                (
                    "enrolment",
                    &a.enrolment.map_or("—".into(), |n| n.to_string()),
                ),
                ("rate", &percent(a.rate())),
                ("threshold", &threshold_rate),
            ],
        ),
        Rule::Rise => tr.ta(
            "board-alert-rise",
            &[
                ("count", &a.count.to_string()),
                ("baseline", &format!("{:.1}", a.baseline.unwrap_or(0.0))),
                ("factor", &format!("{}", a.threshold)),
            ],
        ),
    }
}

/// A grade spread's cause: a disease's name, or ILI.
fn cause(tr: &Tr, word: &str) -> String {
    if word == "ili" {
        tr.t("board-ili")
    } else {
        tr.code(word)
    }
}

fn rule_name(tr: &Tr, r: Rule) -> String {
    tr.t(&format!("board-rule-{}", r.as_str()))
}

fn level_name(tr: &Tr, l: Level) -> String {
    tr.t(&format!("board-alert-{}", l.as_str()))
}

/// The alerts as a table: day (when `days`), school, level, rule, what,
/// and the classes, each linking to its drill-down on the alert's day.
pub fn list(tr: &Tr, span: &Span, alerts: &[(&School, Alert)], days: bool) -> Markup {
    html! {
        @if alerts.is_empty() {
            p.empty.no-alerts { (tr.t("board-alerts-none")) }
        } @else {
            div.scroll {
                table.board.alerts {
                    caption.sr { (tr.t("board-alerts-title")) }
                    thead { tr {
                        @if days { th scope="col" { (tr.t("board-chart-day")) } }
                        th scope="col" { (tr.t("col-school")) }
                        th scope="col" { (tr.t("board-level")) }
                        th scope="col" { (tr.t("board-alert-rule")) }
                        th scope="col" { (tr.t("board-alert-what")) }
                        th scope="col" { (tr.t("board-class-col")) }
                    } }
                    tbody {
                        @for (school, a) in alerts {
                            @let day = fmt::parse_day(&a.school_day).unwrap_or(span.day);
                            @let q = span.with_day(day);
                            tr class=(format!("alert alert-{}", a.level.as_str())) data-key=(a.key()) {
                                @if days { td data-label=(tr.t("board-chart-day")) { (super::short_day(day)) } }
                                th scope="row" data-label=(tr.t("col-school")) {
                                    a href=(format!("/board/schools/{}?{q}", school.id)) { (layout::school_name(school, tr)) }
                                }
                                td.level data-label=(tr.t("board-level")) { strong { (level_name(tr, a.level)) } }
                                td data-label=(tr.t("board-alert-rule")) { (rule_name(tr, a.rule)) }
                                td data-label=(tr.t("board-alert-what")) { (describe(tr, a)) }
                                td data-label=(tr.t("board-class-col")) {
                                    @for (i, c) in a.classes.iter().enumerate() {
                                        @if i > 0 { ", " }
                                        a href=(format!("/board/schools/{}/grades/{}/classes/{}?{q}", school.id, segment(&c.class.grade), segment(&c.class.class))) {
                                            (class_label(tr, &c.class))
                                        }
                                        " " (tr.ta("board-alert-class-count", &[
                                            ("cases", &c.cases.to_string()),
                                            ("enrolment", &c.enrolment.map_or("—".into(), |n| n.to_string())),
                                        ]))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Every school's alerts over a span, kept per school until its store (see
/// [`read::Cache`]), its class sizes or the span change: the alert list evaluates every
/// class of every school on every day, and a prefecture is a thousand
/// stores.
#[derive(Default)]
pub struct Kept(Mutex<HashMap<SchoolId, KeptAlerts>>);

struct KeptAlerts {
    /// `from`, `to`, the store's report generation and data version.
    key: (NaiveDate, NaiveDate, u64, u64),
    enrolment: Enrolment,
    alerts: Arc<Vec<Alert>>,
}

/// Every school's alerts over the span, read and evaluated in one
/// blocking task, the schools split over two threads.
async fn gather(
    app: &AppState,
    dep: &Deployment,
    span: &Span,
) -> Result<Vec<(SchoolId, Alert)>, tokio::task::JoinError> {
    let inputs = Input::all(app, dep);
    let rules = dep.config.alerts.clone();
    let from = span.read_from(rules.rise_days, all_open(dep));
    let (to, days) = (span.to, span.days.clone());
    let app = app.clone();
    tokio::task::spawn_blocking(move || {
        let kept = &app.0.staff.board_alerts;
        read::on_two_threads(&inputs, |i| {
            school_alerts(i, from, to, &rules, &days, kept)
                .iter()
                .map(|a| (i.id.clone(), a.clone()))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    })
    .await
}

/// One school's alerts over the span, from what is kept if its reports
/// and class sizes have not changed since.
fn school_alerts(
    i: &Input,
    from: NaiveDate,
    to: NaiveDate,
    rules: &AlertRules,
    days: &[NaiveDate],
    kept: &Kept,
) -> Arc<Vec<Alert>> {
    let Some(store) = i.store.as_ref() else {
        return Arc::default();
    };
    // The generation before the counts: a report committed in between
    // makes the next look evaluate again.
    let key = match store.data_version() {
        Ok(v) => (from, to, store.report_generation(), v),
        Err(e) => {
            tracing::error!(school = %i.id, error = %e, "cannot read a school's store for the alerts");
            return Arc::default();
        }
    };
    let enrolment = match surveillance::read::enrolment(store, &i.table) {
        Ok(e) => e,
        Err(e) => {
            tracing::error!(school = %i.id, error = %e, "cannot read a school's class sizes for the alerts");
            return Arc::default();
        }
    };
    if let Some(k) = kept.0.lock().unwrap_or_else(|p| p.into_inner()).get(&i.id)
        && k.key == key
        && k.enrolment == enrolment
    {
        return k.alerts.clone();
    }
    let Some(c) = read::alert_counts(std::slice::from_ref(i), from, to)
        .pop()
        .flatten()
    else {
        return Arc::default();
    };
    let alerts = Arc::new(of_school(
        rules,
        &i.calendar,
        &c.enrolment,
        &c.tallies,
        &c.totals,
        days,
    ));
    kept.0.lock().unwrap_or_else(|p| p.into_inner()).insert(
        i.id.clone(),
        KeptAlerts {
            key,
            enrolment,
            alerts: alerts.clone(),
        },
    );
    alerts
}

/// Whether every school is open on `d`: counting back over these days
/// reaches at least as far as any one school's previous school days.
pub(super) fn all_open(dep: &Deployment) -> impl Fn(NaiveDate) -> bool + '_ {
    move |d| dep.schools.values().all(|s| s.calendar.is_school_day(d))
}

fn span_of(dep: &Deployment, uri: &Uri) -> Result<Span, query::BadQuery> {
    let today = query::current_day(Utc::now(), board_tz(dep), any_open(dep));
    Query::parse(uri).and_then(|q| q.span(today, any_open(dep)))
}

/// `GET /board/alerts?from=&to=`.
pub async fn page(
    State(app): State<AppState>,
    viewer: crate::http::staff::auth::Viewer,
    uri: Uri,
) -> Response {
    if let Err(refused) = board_only(&viewer, &app) {
        return refused;
    }
    let dep = app.deployment();
    let span = match span_of(&dep, &uri) {
        Ok(s) => s,
        Err(e) => return bad_query(&viewer, &app, e),
    };
    let found = match gather(&app, &dep, &span).await {
        Ok(f) => f,
        Err(e) => return layout::store_error_page(&viewer, &app, "*", "alert list", &e),
    };
    let mut alerts: Vec<(&School, Alert)> = found
        .into_iter()
        .filter_map(|(id, a)| Some((dep.schools.get(&id)?, a)))
        .collect();
    sort(&mut alerts);
    let ctx = viewer.ctx(&app);
    let tr = ctx.tr;
    let body = html! {
        nav.crumbs aria-label=(tr.t("board-crumbs")) {
            ol { li { a href=(format!("/board?{}", span.query())) { (tr.t("board-title")) } } }
        }
        section.day-head {
            h1 {
                span.what { (tr.t("board-alerts-title")) } " "
                (fmt::day_title(&tr, span.from)) " – " (fmt::day_title(&tr, span.to))
            }
            p.hint { (tr.t("board-alerts-hint")) }
            (range_form(&tr, &span, "/board/alerts"))
            nav.tools {
                a href=(format!("/board/alerts.json?from={}&to={}", span.from, span.to)) { "JSON" }
            }
        }
        p.updated { (tr.ta("board-alerts-count", &[("n", &alerts.len().to_string())])) }
        (list(&tr, &span, &alerts, true))
    };
    let page = Page {
        title: tr.t("board-alerts-title"),
        ..Page::default()
    };
    layout::respond(
        &app,
        StatusCode::OK,
        ctx.lang,
        layout::render(&ctx, page, body),
    )
}

/// One alert in the JSON: the school, then the alert's own fields.
#[derive(Serialize)]
struct SchoolAlert<'a> {
    school: &'a str,
    school_name: &'a str,
    #[serde(flatten)]
    alert: &'a Alert,
}

#[derive(Serialize)]
struct AlertsJson<'a> {
    from: String,
    to: String,
    alerts: Vec<SchoolAlert<'a>>,
}

/// `GET /board/alerts.json?from=&to=`.
pub async fn json(
    State(app): State<AppState>,
    viewer: crate::http::staff::auth::Viewer,
    uri: Uri,
) -> Response {
    if let Err(refused) = board_only(&viewer, &app) {
        return refused;
    }
    let dep = app.deployment();
    let span = match span_of(&dep, &uri) {
        Ok(s) => s,
        Err(e) => return bad_query(&viewer, &app, e),
    };
    let found = match gather(&app, &dep, &span).await {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(error = %e, "cannot read the alerts");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut alerts: Vec<(&School, Alert)> = found
        .into_iter()
        .filter_map(|(id, a)| Some((dep.schools.get(&id)?, a)))
        .collect();
    sort(&mut alerts);
    Json(AlertsJson {
        from: span.from.to_string(),
        to: span.to.to_string(),
        alerts: alerts
            .iter()
            .map(|(s, a)| SchoolAlert {
                school: s.id.as_str(),
                school_name: &s.name,
                alert: a,
            })
            .collect(),
    })
    .into_response()
}
