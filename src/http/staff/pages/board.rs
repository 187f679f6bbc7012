//! `GET /board`: the board of education's overview, every school with
//! today's counts and the calls to return. Board account only.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use maud::html;

use crate::domain::{CallerId, SchoolId};
use crate::http::staff::auth::{Account, Viewer};
use crate::http::staff::layout::{self, Page};
use crate::http::staff::{blocking, fmt};
use crate::http::state::AppState;
use crate::store::staff::DayCounts;

struct Line {
    id: SchoolId,
    today: chrono::NaiveDate,
    calendar_day: chrono::NaiveDate,
    counts: Option<DayCounts>,
    to_call_back: Option<usize>,
}

pub async fn board(State(app): State<AppState>, viewer: Viewer) -> Response {
    let tr = viewer.tr(&app);
    if viewer.session.account != Account::Board {
        tracing::warn!(
            account = viewer.session.account.name(),
            "refused the board page to a school account"
        );
        return layout::error_page(
            &viewer,
            &app,
            StatusCode::FORBIDDEN,
            &tr.t("error-forbidden"),
        );
    }
    let dep = app.deployment();
    let now = Utc::now();
    let mut lines = Vec::new();
    for school in dep.schools.values() {
        let today = school.calendar.today(now);
        let tz = school.calendar.tz();
        let calendar_day = now.with_timezone(&tz).date_naive();
        let (from, to) = fmt::day_bounds(calendar_day, tz);
        let read = match app.store(&school.id) {
            Some(store) => {
                let day = today.to_string();
                blocking(move || {
                    let counts = store.day_counts(&day)?;
                    let calls = store.calls_between(&from, &to)?;
                    // As the call log marks them: ended without a report
                    // (or given up on), from a number that can be called.
                    let back = calls
                        .iter()
                        .filter(|c| c.outcome != "reported" && !c.is_open(now))
                        .filter(|c| CallerId::parse(&c.from_number).is_some())
                        .filter(|c| {
                            !calls.iter().any(|o| {
                                o.from_number == c.from_number
                                    && o.started_at > c.started_at
                                    && o.outcome == "reported"
                            })
                        })
                        .count();
                    Ok((counts, back))
                })
                .await
                .map_err(|e| tracing::error!(school = %school.id, error = %e, "cannot read a school's counts"))
                .ok()
            }
            None => None,
        };
        lines.push(Line {
            id: school.id.clone(),
            today,
            calendar_day,
            counts: read.map(|r| r.0),
            to_call_back: read.map(|r| r.1),
        });
    }
    let ctx = viewer.ctx(&app);
    let body = html! {
        section.day-head {
            h1 { (tr.t("board-title")) }
            p.hint { (tr.t("board-hint")) }
        }
        table.board {
            thead { tr {
                th { (tr.t("col-school")) }
                th { (tr.t("col-school-day")) }
                th.n { (tr.t("code-absence")) }
                th.n { (tr.t("code-late")) }
                th.n { (tr.t("code-early")) }
                th.n { (tr.t("col-call-back")) }
                th { (tr.t("col-links")) }
            } }
            tbody {
                @for l in &lines {
                    @let school = &dep.schools[&l.id];
                    tr {
                        td data-label=(tr.t("col-school")) {
                            a href=(format!("/schools/{}/days/{}", l.id, l.today)) { (layout::school_name(school, &tr)) }
                        }
                        td data-label=(tr.t("col-school-day")) { (fmt::day_title(&tr, l.today)) }
                        @match l.counts {
                            Some(c) => {
                                td.n data-label=(tr.t("code-absence")) { (c.absence) }
                                td.n data-label=(tr.t("code-late")) { (c.late) }
                                td.n data-label=(tr.t("code-early")) { (c.early) }
                            }
                            None => {
                                td.n { "—" } td.n { "—" } td.n { "—" }
                            }
                        }
                        td data-label=(tr.t("col-call-back")) class=(if l.to_call_back.unwrap_or(0) > 0 { "n attention" } else { "n" }) {
                            (l.to_call_back.map_or("—".to_owned(), |n| n.to_string()))
                        }
                        td data-label=(tr.t("col-links")) {
                            a href=(format!("/schools/{}/days/{}", l.id, l.today)) { (tr.t("nav-list")) }
                            " · "
                            a href=(format!("/schools/{}/calls/{}", l.id, l.calendar_day)) { (tr.t("nav-calls")) }
                        }
                    }
                }
            }
        }
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
