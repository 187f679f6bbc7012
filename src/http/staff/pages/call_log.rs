//! The call log: every call that started on a local calendar day, how it
//! ended, which reports it made and the voice messages no report holds.
//! Calls that ended before a report was saved, failed inside, or saved one
//! the caller never confirmed (they hung up while recording), stand out:
//! the office may want to call back, unless the number was withheld (it
//! cannot be called; the call is still listed). A call that never got its
//! end is shown ended after
//! [`UNFINISHED_AFTER`](crate::store::UNFINISHED_AFTER).
//! `GET /schools/{id}/calls[?date=]` and `GET /schools/{id}/calls/{day}`.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDate, Utc};
use maud::{Markup, html};

use super::morning_list::{audio_src, bad_date, date_param};
use crate::domain::CallerId;
use crate::http::staff::access::SchoolAccess;
use crate::http::staff::layout::{self, Page};
use crate::http::staff::ui::Tr;
use crate::http::staff::{blocking, fmt};
use crate::http::state::AppState;
use crate::store::staff::CallReport;
use crate::store::{CallRow, RecordingRow};

/// `GET /schools/{id}/calls[?date=YYYY-MM-DD]`: that day's log, or today's
/// (the local calendar date).
pub async fn pick(State(app): State<AppState>, access: SchoolAccess, uri: Uri) -> Response {
    let viewer = &access.viewer;
    let day = match date_param(&uri) {
        Some(d) => match fmt::parse_day(&d) {
            Some(d) => d,
            None => return bad_date(viewer, &app),
        },
        None => Utc::now()
            .with_timezone(&access.school().calendar.tz())
            .date_naive(),
    };
    Redirect::to(&format!("/schools/{}/calls/{day}", access.id)).into_response()
}

/// `GET /schools/{id}/calls/{day}`.
pub async fn day(
    State(app): State<AppState>,
    access: SchoolAccess,
    Path((_, day)): Path<(String, String)>,
) -> Response {
    let viewer = &access.viewer;
    let Some(date) = fmt::parse_day(&day) else {
        return bad_date(viewer, &app);
    };
    let tz = access.school().calendar.tz();
    let (from, to) = fmt::day_bounds(date, tz);
    let store = access.store.clone();
    let read = blocking(move || {
        let calls = store.calls_between(&from, &to)?;
        let sids: Vec<&str> = calls.iter().map(|c| c.call_sid.as_str()).collect();
        let made = store.reports_of_calls(&sids)?;
        let recordings = store.recordings_of_calls(&sids)?;
        Ok((calls, made, recordings))
    })
    .await;
    let (calls, made, recordings) = match read {
        Ok(r) => r,
        Err(e) => {
            return layout::store_error_page(viewer, &app, access.id.as_str(), "call log", &e);
        }
    };
    let ctx = viewer.ctx(&app);
    let tr = ctx.tr;
    let body = render(&tr, &access, date, &calls, &made, &recordings, Utc::now());
    let page = Page {
        title: format!("{} {}", tr.t("calls-title"), fmt::day_title(&tr, date)),
        school: Some(access.school()),
        refresh: None,
        script: true,
    };
    layout::respond(
        &app,
        StatusCode::OK,
        ctx.lang,
        layout::render(&ctx, page, body),
    )
}

/// How a call ended, as the log shows it at `now`.
fn outcome(c: &CallRow, now: DateTime<Utc>) -> &'static str {
    match c.outcome.as_str() {
        "reported" => "outcome-reported",
        "failed" => "outcome-failed",
        _ if c.is_open(now) => "outcome-open",
        _ => "outcome-abandoned",
    }
}

fn render(
    tr: &Tr,
    access: &SchoolAccess,
    date: NaiveDate,
    calls: &[CallRow],
    made: &HashMap<String, Vec<CallReport>>,
    recordings: &HashMap<String, Vec<RecordingRow>>,
    now: DateTime<Utc>,
) -> Markup {
    let id = &access.id;
    let school = access.school();
    let tz = school.calendar.tz();
    let n = |o: &str| calls.iter().filter(|c| outcome(c, now) == o).count();
    let prev = date.pred_opt().unwrap_or(date);
    let next = date.succ_opt().unwrap_or(date);
    // A later call from the same number that did report: no need to call
    // back. Withheld numbers are not one number.
    let reported_later = |c: &CallRow| -> Option<String> {
        calls
            .iter()
            .filter(|o| {
                o.from_number == c.from_number
                    && CallerId::parse(&c.from_number).is_some()
                    && o.started_at > c.started_at
                    && o.outcome == "reported"
            })
            .map(|o| fmt::time_on(&o.started_at, tz, date))
            .next()
    };
    html! {
        section.day-head {
            h1 {
                span.print-only { (layout::school_name(school, tr)) " " }
                span.what { (tr.t("calls-title")) }
                " "
                (fmt::day_title(tr, date))
            }
            nav.days {
                a.button href=(format!("/schools/{id}/calls/{prev}")) rel="prev" { "← " (tr.t("calendar-prev")) }
                a.button href=(format!("/schools/{id}/calls")) { (tr.t("today")) }
                a.button href=(format!("/schools/{id}/calls/{next}")) rel="next" { (tr.t("calendar-next")) " →" }
                (layout::date_picker(tr, &format!("/schools/{id}/calls"), date))
            }
            nav.tools {
                a href=(format!("/schools/{id}/days/{date}")) { (tr.t("link-list")) }
                button.print type="button" data-print hidden { (tr.t("print")) }
            }
        }
        ul.counts {
            li.count { span { (tr.t("calls-total")) } strong { (calls.len()) } }
            li.count.outcome-reported { span { (tr.t("outcome-reported")) } strong { (n("outcome-reported")) } }
            li.count.outcome-abandoned { span { (tr.t("outcome-abandoned")) } strong { (n("outcome-abandoned")) } }
            li.count.outcome-failed { span { (tr.t("outcome-failed")) } strong { (n("outcome-failed")) } }
        }
        @if calls.is_empty() {
            p.empty { (tr.t("calls-empty")) }
        } @else {
            p.hint { (tr.t("calls-hint")) }
            table.calls {
                thead { tr {
                    th { (tr.t("col-started")) }
                    th { (tr.t("col-caller")) }
                    th { (tr.t("col-language")) }
                    th { (tr.t("col-outcome")) }
                    th { (tr.t("col-duration")) }
                    th { (tr.t("col-references")) }
                } }
                tbody {
                    @for c in calls {
                        @let o = outcome(c, now);
                        @let later = reported_later(c);
                        @let caller = CallerId::parse(&c.from_number);
                        @let reports = made.get(&c.call_sid).map_or(&[][..], Vec::as_slice);
                        @let unconfirmed = reports.iter().any(|r| r.unconfirmed);
                        @let attention = caller.is_some() && (unconfirmed || (matches!(o, "outcome-abandoned" | "outcome-failed") && later.is_none()));
                        tr class=(if attention { format!("call {o} attention") } else { format!("call {o}") }) {
                            td data-label=(tr.t("col-started")) { (fmt::time_on(&c.started_at, tz, date)) }
                            td data-label=(tr.t("col-caller")) {
                                @if let Some(n) = &caller {
                                    a href=(format!("tel:{n}")) { (fmt::phone(n.as_str())) }
                                } @else {
                                    (tr.t("caller-unknown"))
                                }
                            }
                            td data-label=(tr.t("col-language")) {
                                @if let Some(l) = &c.language { (tr.language(l)) }
                            }
                            td data-label=(tr.t("col-outcome")) {
                                span class=(format!("badge {o}")) { (tr.t(o)) }
                                @if attention {
                                    " " span.callback { (tr.t("call-back")) }
                                }
                                @if let Some(t) = &later {
                                    @if o != "outcome-reported" {
                                        " " span.later { (tr.ta("reported-later", &[("time", t)])) }
                                    }
                                }
                            }
                            td data-label=(tr.t("col-duration")) {
                                @if let Some(d) = c.duration_secs { (fmt::duration(d)) }
                            }
                            td data-label=(tr.t("col-references")) {
                                @for r in reports {
                                    a.ref href=(format!("/schools/{id}/days/{}#ref{}", r.school_day, r.reference)) { (r.reference) }
                                    @if r.unconfirmed {
                                        " " span.badge.unconfirmed title=(tr.t("unconfirmed-hint")) { (tr.t("badge-unconfirmed")) }
                                    }
                                    " "
                                }
                                // A voice message no report holds: the caller hung up first.
                                @for m in recordings.get(&c.call_sid).into_iter().flatten().filter(|m| m.reference.is_none()) {
                                    @if m.status.as_deref() == Some("absent") {
                                        span.message-absent { (tr.t("message-absent")) }
                                    } @else if let Some(src) = m.url.as_deref().and_then(audio_src) {
                                        audio controls preload="none" src=(src) { a href=(src) { (tr.t("play-message")) } }
                                        span.print-only { (tr.t("has-message")) }
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
