//! The board of education's dashboard. `GET /board`: the district view of
//! one school day (every school on the same calendar date), district
//! totals, each school's rate coloured by band, a heat map of schools by
//! day, and the district's trend lines by symptom and by disease. Board
//! account only. The drill-down (school → grade → class) is in `drill`;
//! the alert list in `alerts`.
//!
//! - `query`: the day, the range and the order asked for, and their defaults.
//! - `read`: what is read from the stores (counts only, never report rows).
//! - `level`: the rate bands the colours stand for.
//! - `heat`: the heat map; `trends`: the trend lines' data.

mod heat;
mod level;
mod query;
mod read;
mod trends;

pub mod alerts;
pub mod drill;

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use chrono::{Datelike, NaiveDate, Utc};
use maud::{Markup, html};

use crate::deployment::Deployment;
use crate::http::staff::auth::{Account, Viewer};
use crate::http::staff::layout::{self, Page};
use crate::http::staff::ui::Tr;
use crate::http::staff::{charts, fmt};
use crate::http::state::AppState;
use crate::surveillance::Tally;
use level::{Level, Scale, percent, rate};
use query::{BadQuery, Query, Sort, Span};

/// One school's row of the district view.
struct Row<'a> {
    school: &'a crate::deployment::School,
    name: &'a str,
    open: bool,
    figures: Option<&'a read::Figures>,
    day: Tally,
    enrolment: Option<u32>,
    /// The day's alerts.
    alerts: usize,
}

impl Row<'_> {
    fn rate(&self) -> Option<f64> {
        rate(self.day.ill(), self.enrolment)
    }
}

/// The district's day: whether any school is open on `d`.
fn any_open(dep: &Deployment) -> impl Fn(NaiveDate) -> bool + '_ {
    move |d| dep.schools.values().any(|s| s.calendar.is_school_day(d))
}

/// The board's time zone: its schools' (the first school's, if they
/// differ), Japan's without schools.
fn board_tz(dep: &Deployment) -> chrono_tz::Tz {
    dep.schools
        .values()
        .next()
        .map_or(chrono_tz::Asia::Tokyo, |s| s.calendar.tz())
}

/// `11/25` for axis labels and heat map columns.
pub(super) fn short_day(d: NaiveDate) -> String {
    format!("{}/{}", d.month(), d.day())
}

/// The school accounts' refusal of a board-only page.
fn board_only(viewer: &Viewer, app: &AppState) -> Result<(), Response> {
    if viewer.session.account == Account::Board {
        return Ok(());
    }
    tracing::warn!(
        account = viewer.session.account.name(),
        "refused a board page to a school account"
    );
    let tr = viewer.tr(app);
    Err(layout::error_page(
        viewer,
        app,
        StatusCode::FORBIDDEN,
        &tr.t("error-forbidden"),
    ))
}

/// A day or range that cannot be shown.
pub(super) fn bad_query(viewer: &Viewer, app: &AppState, _: BadQuery) -> Response {
    let tr = viewer.tr(app);
    layout::error_page(
        viewer,
        app,
        StatusCode::BAD_REQUEST,
        &tr.ta(
            "board-bad-range",
            &[("max", &query::MAX_RANGE_DAYS.to_string())],
        ),
    )
}

/// `GET /board?day=&from=&to=&sort=`.
pub async fn board(State(app): State<AppState>, viewer: Viewer, uri: Uri) -> Response {
    if let Err(refused) = board_only(&viewer, &app) {
        return refused;
    }
    let dep = app.deployment();
    let now = Utc::now();
    let today = query::current_day(now, board_tz(&dep), any_open(&dep));
    let span = match Query::parse(&uri).and_then(|q| q.span(today, any_open(&dep))) {
        Ok(s) => s,
        Err(e) => return bad_query(&viewer, &app, e),
    };
    let inputs = read::Input::all(&app, &dep);
    let rules = &dep.config.alerts;
    // From the days before the range: the rise rule compares with them.
    let from = span.read_from(rules.rise_days, alerts::all_open(&dep));
    let (to, day) = (span.read_to(), span.day);
    // Every school in one blocking task: a prefecture is a thousand stores,
    // and a thousand tasks would queue behind each other anyway.
    let figures = match tokio::task::spawn_blocking(move || {
        read::district(&inputs, from, to, day, now)
    })
    .await
    {
        Ok(f) => f,
        Err(e) => return layout::store_error_page(&viewer, &app, "*", "board", &e),
    };
    let ctx = viewer.ctx(&app);
    let tr = ctx.tr;
    let scale = Scale::school(&dep.config.alerts);
    let day_s = span.day.to_string();
    let mut day_alerts: Vec<(
        &crate::deployment::School,
        crate::surveillance::alerts::Alert,
    )> = Vec::new();
    for (school, f) in dep.schools.values().zip(&figures) {
        if let Some(f) = f {
            let found = alerts::of_school(
                rules,
                &school.calendar,
                &f.enrolment,
                &f.day_classes,
                &f.days,
                &[span.day],
            );
            day_alerts.extend(found.into_iter().map(|a| (school, a)));
        }
    }
    alerts::sort(&mut day_alerts);
    let mut rows: Vec<Row> = dep
        .schools
        .values()
        .zip(&figures)
        .map(|(school, f)| Row {
            alerts: day_alerts.iter().filter(|(s, _)| s.id == school.id).count(),
            school,
            name: layout::school_name(school, &tr),
            open: school.calendar.is_school_day(span.day),
            figures: f.as_ref(),
            day: f.as_ref().map(|f| f.on(&day_s)).unwrap_or_default(),
            enrolment: f.as_ref().map(|f| f.enrolment.total()).filter(|n| *n > 0),
        })
        .collect();
    rows.sort_by(|a, b| match span.sort {
        Sort::Name => a.name.cmp(b.name),
        Sort::Rate => b
            .rate()
            .unwrap_or(-1.0)
            .total_cmp(&a.rate().unwrap_or(-1.0))
            .then_with(|| a.name.cmp(b.name)),
    });
    let body = html! {
        (head(&tr, &dep, &span))
        (district_table(&tr, &span, &rows, scale))
        (scale.legend(&tr))
        section.alerts-section aria-labelledby="alerts-title" {
            h2 #alerts-title { (tr.ta("board-alerts-day", &[("day", &fmt::day_title(&tr, span.day))])) }
            (alerts::list(&tr, &span, &day_alerts, false))
            p { a href=(format!("/board/alerts?{}", span.query())) { (tr.t("board-alerts-all")) } }
        }
        (heat::map(&tr, &span, scale, &rows.iter().map(|r| heat::Line {
            school: r.school,
            name: r.name,
            figures: r.figures,
        }).collect::<Vec<_>>()))
        (trends::district(&tr, &span, &figures))
    };
    let page = Page {
        title: tr.t("board-title"),
        ..Page::default()
    };
    layout::respond(
        &app,
        StatusCode::OK,
        ctx.lang,
        layout::render(&ctx, page, body),
    )
}

/// Title, day navigation and date picker.
fn head(tr: &Tr, dep: &Deployment, span: &Span) -> Markup {
    let open = any_open(dep);
    let prev = (1..=query::MAX_RANGE_DAYS)
        .filter_map(|k| span.day.checked_sub_days(chrono::Days::new(k as u64)))
        .find(|d| open(*d));
    let next = (1..=query::MAX_RANGE_DAYS)
        .filter_map(|k| span.day.checked_add_days(chrono::Days::new(k as u64)))
        .find(|d| open(*d));
    html! {
        section.day-head {
            h1 {
                span.what { (tr.t("board-title")) }
                " "
                (fmt::day_title(tr, span.day))
            }
            p.hint { (tr.t("board-day-hint")) }
            nav.days aria-label=(tr.t("board-days")) {
                @if let Some(p) = prev {
                    a.button href=(format!("/board?{}", span.with_day(p))) rel="prev" { "← " (tr.t("day-prev")) }
                }
                @if let Some(n) = next {
                    a.button href=(format!("/board?{}", span.with_day(n))) rel="next" { (tr.t("day-next")) " →" }
                }
                form.picker method="get" action="/board" {
                    label.sr for="day" { (tr.t("day-pick")) }
                    input id="day" type="date" name="day" value=(span.day.to_string()) required;
                    @if span.sort == Sort::Rate { input type="hidden" name="sort" value="rate"; }
                    button type="submit" { (tr.t("day-show")) }
                }
            }
        }
    }
}

/// The district totals and one row per school.
fn district_table(tr: &Tr, span: &Span, rows: &[Row], scale: Scale) -> Markup {
    let mut total = Tally::default();
    let mut enrolment = 0u32;
    let mut call_backs = 0usize;
    for r in rows {
        total.merge(&r.day);
        enrolment += r.enrolment.unwrap_or(0);
        call_backs += r.figures.map_or(0, |f| f.call_backs);
    }
    let enrolment = (enrolment > 0).then_some(enrolment);
    let district_level = scale.level(total.ill(), enrolment);
    let sort_link = |sort: Sort, label: String| {
        html! {
            @if span.sort == sort {
                span aria-current="true" { (label) " ▼" }
            } @else {
                a href=(format!("/board?{}", span.with_sort(sort))) { (label) }
            }
        }
    };
    html! {
        ul.counts.big aria-label=(tr.t("board-district")) {
            li.count { span { (tr.t("board-enrolment")) } strong { (enrolment.map_or("—".into(), |n| n.to_string())) } }
            li.count.kind-absence { span { (tr.t("code-absence")) } strong { (total.absence.all) } }
            li.count { span { (tr.t("board-ill")) } strong { (total.ill()) } }
            li class=(format!("count {}", district_level.class())) { span { (tr.t("board-rate")) } strong { (percent(rate(total.ill(), enrolment))) } " " span { (tr.t(district_level.key())) } }
            li.count { span { (tr.t("board-suspended")) } strong { (total.suspended()) } }
            li.count { span { (tr.t("board-ili")) } strong { (total.absence.ili) } }
        }
        div.scroll {
            table.board.district {
                caption { (tr.ta("board-caption", &[("day", &fmt::day_title(tr, span.day))])) }
                thead { tr {
                    th scope="col" { (sort_link(Sort::Name, tr.t("col-school"))) }
                    th.n scope="col" { (tr.t("board-enrolment")) }
                    th.n scope="col" { (tr.t("code-absence")) }
                    th.n scope="col" { (tr.t("board-ill")) }
                    th.n scope="col" { (sort_link(Sort::Rate, tr.t("board-rate"))) }
                    th scope="col" { (tr.t("board-level")) }
                    th.n scope="col" { (tr.t("board-suspended")) }
                    th.n scope="col" { (tr.t("board-ili")) }
                    th.n scope="col" { (tr.t("code-late")) }
                    th.n scope="col" { (tr.t("code-early")) }
                    th.n scope="col" { (tr.t("col-call-back")) }
                    th.n scope="col" { (tr.t("board-alerts-col")) }
                    th scope="col" { (tr.t("col-links")) }
                } }
                tbody {
                    @for r in rows {
                        @let level = if r.figures.is_some() { scale.level(r.day.ill(), r.enrolment) } else { Level::Unknown };
                        @let id = &r.school.id;
                        tr class=(format!("school {}", level.class())) {
                            th scope="row" data-label=(tr.t("col-school")) {
                                a href=(format!("/board/schools/{id}?{}", span.query())) { (r.name) }
                                @if !r.open { " " span.closed { (tr.t("closed-day")) } }
                            }
                            @match r.figures {
                                Some(_) => {
                                    td.n data-label=(tr.t("board-enrolment")) { (r.enrolment.map_or("—".into(), |n| n.to_string())) }
                                    td.n data-label=(tr.t("code-absence")) { (r.day.absence.all) }
                                    td.n data-label=(tr.t("board-ill")) { (r.day.ill()) }
                                    td.n.rate data-label=(tr.t("board-rate")) { (percent(r.rate())) }
                                    td.level data-label=(tr.t("board-level")) { (tr.t(level.key())) }
                                    td.n data-label=(tr.t("board-suspended")) { (r.day.suspended()) }
                                    td.n data-label=(tr.t("board-ili")) { (r.day.absence.ili) }
                                    td.n data-label=(tr.t("code-late")) { (r.day.late.all) }
                                    td.n data-label=(tr.t("code-early")) { (r.day.early.all) }
                                }
                                None => {
                                    @for _ in 0..9 { td.n { "—" } }
                                }
                            }
                            @let back = r.figures.map(|f| f.call_backs);
                            td data-label=(tr.t("col-call-back")) class=(if back.unwrap_or(0) > 0 { "n attention" } else { "n" }) {
                                (back.map_or("—".to_owned(), |n| n.to_string()))
                            }
                            td data-label=(tr.t("board-alerts-col")) class=(if r.alerts > 0 { "n attention" } else { "n" }) {
                                (r.alerts)
                            }
                            td.pages data-label=(tr.t("col-links")) {
                                a href=(format!("/schools/{id}/days/{}", span.day)) { (tr.t("nav-list")) }
                                " · "
                                a href=(format!("/schools/{id}/sheet/{}", span.day)) { (tr.t("board-sheet")) }
                                " · "
                                a href=(format!("/schools/{id}/calls/{}", span.day)) { (tr.t("nav-calls")) }
                            }
                        }
                    }
                }
                tfoot {
                    tr.total class=(district_level.class()) {
                        th scope="row" { (tr.t("board-district")) }
                        td.n { (enrolment.map_or("—".into(), |n| n.to_string())) }
                        td.n { (total.absence.all) }
                        td.n { (total.ill()) }
                        td.n.rate { (percent(rate(total.ill(), enrolment))) }
                        td.level { (tr.t(district_level.key())) }
                        td.n { (total.suspended()) }
                        td.n { (total.absence.ili) }
                        td.n { (total.late.all) }
                        td.n { (total.early.all) }
                        td.n { (call_backs) }
                        td.n { (rows.iter().map(|r| r.alerts).sum::<usize>()) }
                        td {}
                    }
                }
            }
        }
    }
}

/// A chart figure with the words every chart of the board uses.
pub(super) fn chart(tr: &Tr, c: &charts::LineChart) -> Markup {
    charts::figure(
        c,
        &tr.t("board-chart-table"),
        &tr.t("board-chart-day"),
        &tr.t("board-chart-zero"),
    )
}
