//! The morning list: a school day's reports by grade and class, what each
//! says, whether this user has seen it, what is new since their last look,
//! and what was replaced or cancelled. `GET /schools/{id}` (today),
//! `GET /schools/{id}/days?date=` (the date picker),
//! `GET /schools/{id}/days/{YYYY-MM-DD}[?since=…]` and
//! `POST /schools/{id}/reports/{row}/seen`.
//!
//! "New": a report (or a change to it) since the user's previous look at
//! this day's list, not yet marked seen. Each look is recorded; the page's
//! own refreshes carry the previous look in `since=` and are not looks, so a
//! badge stays until the user reloads the list themselves.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;
use maud::{Markup, html};

use crate::http::alert_watch;
use crate::http::log_limit::LogLimit;
use crate::http::staff::access::SchoolAccess;
use crate::http::staff::auth::Viewer;
use crate::http::staff::fmt;
use crate::http::staff::layout::{self, Page};
use crate::http::staff::ui::Tr;
use crate::http::staff::{blocking, csrf};
use crate::http::state::AppState;
use crate::store::{ReportEvent, ReportRow};

/// `since=` when the user had never looked before.
const NEVER: &str = "never";

/// `GET /schools/{id}`: today's list, today as the school counts it
/// (after the cut-off, the next school day).
pub async fn today(access: SchoolAccess) -> Response {
    let day = access.school().calendar.today(Utc::now());
    Redirect::to(&format!("/schools/{}/days/{day}", access.id)).into_response()
}

/// `GET /schools/{id}/days?date=YYYY-MM-DD`: the date picker's target.
pub async fn pick(State(app): State<AppState>, access: SchoolAccess, uri: Uri) -> Response {
    let viewer = &access.viewer;
    match date_param(&uri).as_deref().and_then(fmt::parse_day) {
        Some(day) => Redirect::to(&format!("/schools/{}/days/{day}", access.id)).into_response(),
        None => bad_date(viewer, &app),
    }
}

pub fn date_param(uri: &Uri) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(k, _)| k == "date")
        .map(|(_, v)| v.into_owned())
}

pub fn bad_date(viewer: &Viewer, app: &AppState) -> Response {
    let tr = viewer.tr(app);
    layout::error_page(
        viewer,
        app,
        StatusCode::BAD_REQUEST,
        &tr.t("error-bad-date"),
    )
}

/// Everything the list shows, read in one go on a blocking thread.
struct DayData {
    rows: Vec<ReportRow>,
    names: HashMap<String, String>,
    seen: HashMap<i64, String>,
    events: Vec<ReportEvent>,
    /// The user's previous look, `None` if never.
    since: Option<String>,
    /// The day's early-warning alerts.
    alerts: Vec<alert_watch::Current>,
    /// Whether the viewer may correct reports (the school's staff, not
    /// the board).
    may_correct: bool,
}

/// `GET /schools/{id}/days/{day}`.
pub async fn day(
    State(app): State<AppState>,
    access: SchoolAccess,
    Path((_, day)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let viewer = &access.viewer;
    let Some(date) = fmt::parse_day(&day) else {
        return bad_date(viewer, &app);
    };
    // A refresh of the page keeps the look it refreshes; anything else is
    // a new look.
    let since_param = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "since")
        .map(|(_, v)| v.into_owned())
        .filter(|v| v == NEVER || fmt::utc(v).is_some());
    let user = viewer.session.account.name().to_owned();
    let store = access.store.clone();
    let day_s = date.to_string();
    let data = blocking(move || {
        let rows = store.reports_on(&day_s)?;
        let students: Vec<&str> = rows.iter().filter_map(|r| r.student.as_deref()).collect();
        let names = store.student_names(&students)?;
        let seen = store.seen_on(&user, &day_s)?;
        let mut refs: Vec<u32> = rows.iter().map(|r| r.reference).collect();
        refs.dedup();
        let events = store
            .history(&refs)?
            .into_iter()
            .filter(|e| e.school_day == day_s)
            .collect();
        let since = match since_param {
            Some(s) if s == NEVER => None,
            Some(s) => Some(s),
            None => {
                let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
                // A look is bookkeeping: on a disk that refuses writes (full,
                // read-only) the list is still read, every report new to it.
                store
                    .record_list_view(&user, &day_s, &now)
                    .unwrap_or_else(|e| {
                        static FAILED: LogLimit = LogLimit::new();
                        if let Some(left_out) = FAILED.allow() {
                            tracing::warn!(error = %e, left_out, "cannot note a look at the morning list");
                        }
                        None
                    })
            }
        };
        Ok(DayData {
            rows,
            names,
            seen,
            events,
            since,
            alerts: Vec::new(),
            may_correct: false,
        })
    })
    .await;
    let mut data = match data {
        Ok(d) => d,
        Err(e) => {
            return layout::store_error_page(viewer, &app, access.id.as_str(), "morning list", &e);
        }
    };
    data.may_correct = super::correction::may_correct(viewer);
    // The list is worth more than its alerts: a failure here leaves it bare.
    match alert_watch::current(&app, access.school(), access.store.clone(), date).await {
        Ok(alerts) => data.alerts = alerts,
        Err(e) => tracing::error!(school = %access.id, error = %e, "cannot evaluate the alerts"),
    }
    let ctx = viewer.ctx(&app);
    let tr = ctx.tr;
    let school = access.school();
    let since_q = data.since.clone().unwrap_or_else(|| NEVER.into());
    let refresh_url = format!(
        "/schools/{}/days/{date}?since={}",
        access.id,
        form_urlencoded::byte_serialize(since_q.as_bytes()).collect::<String>()
    );
    let body = render(
        &tr,
        &access,
        date,
        &data,
        &viewer.session.csrf,
        &since_q,
        &refresh_url,
    );
    let page = Page {
        title: format!("{} {}", tr.t("list-title"), fmt::day_title(&tr, date)),
        school: Some(school),
        refresh: Some(refresh_url),
        script: true,
    };
    layout::respond(
        &app,
        StatusCode::OK,
        ctx.lang,
        layout::render(&ctx, page, body),
    )
}

fn render(
    tr: &Tr,
    access: &SchoolAccess,
    date: NaiveDate,
    data: &DayData,
    csrf_token: &str,
    since_q: &str,
    refresh_url: &str,
) -> Markup {
    let school = access.school();
    let tz = school.calendar.tz();
    let id = &access.id;
    let prev = school.calendar.previous_school_day_before(date);
    let next = school.calendar.next_school_day_after(date);
    let today = school.calendar.today(Utc::now());
    let active: Vec<&ReportRow> = data.rows.iter().filter(|r| r.status == "active").collect();
    let count = |k: Option<&str>| active.iter().filter(|r| r.kind.as_deref() == k).count();
    let message_only = count(None);
    let since = data.since.as_deref().and_then(fmt::utc);
    let is_new = |r: &ReportRow| {
        if data.seen.contains_key(&r.id) {
            return false;
        }
        let Some(since) = since else { return true };
        let after = |at: &str| fmt::utc(at).is_some_and(|t| t >= since);
        after(&r.received_at)
            || data
                .events
                .iter()
                .any(|e| e.reference == r.reference && after(&e.at))
    };
    let unseen = data
        .rows
        .iter()
        .filter(|r| !data.seen.contains_key(&r.id))
        .count();
    let groups = group(&data.rows);
    let export =
        |format: &str| format!("/schools/{id}/export?from={date}&to={date}&format={format}");
    html! {
        section.day-head {
            h1 {
                span.print-only { (layout::school_name(school, tr)) " " }
                span.what { (tr.t("list-title")) }
                " "
                (fmt::day_title(tr, date))
                @if date == today { " " span.today { (tr.t("today")) } }
                @if !school.calendar.is_school_day(date) { " " span.closed { (tr.t("closed-day")) } }
            }
            nav.days {
                a.button href=(format!("/schools/{id}/days/{prev}")) rel="prev" { "← " (tr.t("day-prev")) }
                @if date != today {
                    a.button href=(format!("/schools/{id}/days/{today}")) { (tr.t("today")) }
                }
                a.button href=(format!("/schools/{id}/days/{next}")) rel="next" { (tr.t("day-next")) " →" }
                (layout::date_picker(tr, &format!("/schools/{id}/days"), date))
            }
            nav.tools {
                a href=(format!("/schools/{id}/calls/{date}")) { (tr.t("link-calls")) }
                a href=(format!("/schools/{id}/sheet/{date}")) { (tr.t("sheet-link")) }
                a href=(export("csv")) download { (tr.t("export-csv")) }
                a href=(export("csv-sjis")) download { (tr.t("export-csv-sjis")) }
                a href=(export("json")) download { (tr.t("export-json")) }
                button.print type="button" data-print hidden { (tr.t("print")) }
            }
        }
        div #live data-refresh=(refresh_url) {
            (super::alerts::panel(tr, &data.alerts, tz, date))
            ul.counts {
                li.count.kind-absence { span { (tr.t("code-absence")) } strong { (count(Some("absence"))) } }
                li.count.kind-late { span { (tr.t("code-late")) } strong { (count(Some("late"))) } }
                li.count.kind-early { span { (tr.t("code-early")) } strong { (count(Some("early"))) } }
                @if message_only > 0 {
                    li.count.kind-none { span { (tr.t("kind-message-only")) } strong { (message_only) } }
                }
                li.count.unseen { span { (tr.t("count-unseen")) } strong { (unseen) } }
            }
            p.updated {
                (tr.ta("updated-at", &[("time", &Utc::now().with_timezone(&tz).format("%H:%M").to_string())]))
                " · " (tr.t("auto-refresh"))
            }
            @if data.rows.is_empty() {
                p.empty { (tr.t("list-empty")) }
            }
            @for (title, rows) in &groups {
                section.group {
                    h2 { (group_title(tr, title)) " " span.n { (tr.ta("group-count", &[("n", &rows.iter().filter(|r| r.status == "active").count().to_string())])) } }
                    table.reports {
                        colgroup {
                            @for c in ["c-num", "c-student", "c-name", "c-kind", "c-details", "c-time", "c-audio", "c-ref", "c-received", "c-channel", "c-seen"] {
                                col class=(c);
                            }
                        }
                        thead { tr {
                            th.num { (tr.t("col-number")) }
                            th { (tr.t("col-student")) }
                            th { (tr.t("col-name")) }
                            th { (tr.t("col-kind")) }
                            th { (tr.t("col-details")) }
                            th { (tr.t("col-time")) }
                            th.audio-col { (tr.t("col-message")) }
                            th { (tr.t("col-reference")) }
                            th { (tr.t("col-received")) }
                            th { (tr.t("col-channel")) }
                            th.seen-col { (tr.t("col-seen")) }
                        } }
                        tbody {
                            @for r in rows {
                                (row(tr, access, date, tz, r, data, is_new(r), csrf_token, since_q))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Grade and class.
type GroupKey = (Option<String>, Option<String>);

/// Consecutive rows of one grade and class (the store sorts by them).
fn group(rows: &[ReportRow]) -> Vec<(GroupKey, Vec<&ReportRow>)> {
    let mut out: Vec<(GroupKey, Vec<&ReportRow>)> = Vec::new();
    for r in rows {
        let key = (r.grade.clone(), r.class.clone());
        match out.last_mut() {
            Some((k, v)) if *k == key => v.push(r),
            _ => out.push((key, vec![r])),
        }
    }
    out
}

fn group_title(tr: &Tr, key: &GroupKey) -> String {
    match key {
        (Some(g), Some(c)) => tr.ta("group-title", &[("grade", g), ("class", c)]),
        (Some(g), None) => tr.ta("group-grade-only", &[("grade", g)]),
        _ => tr.t("group-unknown"),
    }
}

/// What a voice message's `<audio>` plays: Twilio serves a recording as
/// MP3 at its URL plus `.mp3`.
pub(super) fn audio_src(url: &str) -> Option<String> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return None;
    }
    let twilio = url.starts_with("https://api.twilio.com/");
    Some(
        if twilio && !url.ends_with(".mp3") && !url.ends_with(".wav") {
            format!("{url}.mp3")
        } else {
            url.to_owned()
        },
    )
}

#[allow(clippy::too_many_arguments)]
fn row(
    tr: &Tr,
    access: &SchoolAccess,
    day: NaiveDate,
    tz: Tz,
    r: &ReportRow,
    data: &DayData,
    new: bool,
    csrf_token: &str,
    since_q: &str,
) -> Markup {
    let active = r.status == "active";
    let kind_class = format!("badge kind-{}", r.kind.as_deref().unwrap_or("none"));
    let kind = r
        .kind
        .as_deref()
        .map_or_else(|| tr.t("kind-message-only"), |k| tr.code(k));
    let name = r.student.as_ref().and_then(|s| data.names.get(s));
    let events: Vec<&ReportEvent> = data
        .events
        .iter()
        .filter(|e| e.reference == r.reference || e.by_reference == Some(r.reference))
        .collect();
    let seen = data.seen.get(&r.id);
    let row_class = match (active, new) {
        (true, true) => "report new",
        (true, false) => "report",
        (false, true) => "report inactive new",
        (false, false) => "report inactive",
    };
    html! {
        tr class=(row_class) id=(format!("r{}", r.id)) data-status=(r.status) {
            td.num data-label=(tr.t("col-number")) { (r.attendance_no.as_deref().unwrap_or("")) }
            td data-label=(tr.t("col-student")) { (r.student.as_deref().unwrap_or("—")) }
            td.name data-label=(tr.t("col-name")) { (name.map_or("", String::as_str)) }
            td data-label=(tr.t("col-kind")) {
                span class=(kind_class) { (kind) }
                @if new { " " span.badge.new { (tr.t("badge-new")) } }
                @if r.unconfirmed {
                    " " span.badge.unconfirmed title=(tr.t("unconfirmed-hint")) { (tr.t("badge-unconfirmed")) }
                }
            }
            td.details data-label=(tr.t("col-details")) {
                @if let Some(reason) = &r.reason { span.reason { (tr.code(reason)) } }
                @if let Some(s) = &r.symptom { " " span.symptom { (tr.codes(s)) } }
                @if let Some(t) = r.temperature { " " span.temp { (fmt::temperature(t)) } }
                @if let Some(d) = &r.disease { " " span.disease { (tr.code(d)) } }
                @if active && r.kind.is_some() && data.may_correct {
                    " " a.correct href=(format!("/schools/{}/reports/{}/edit?day={day}", access.id, r.reference)) { (tr.t("edit-link")) }
                }
            }
            td data-label=(tr.t("col-time")) {
                @if let Some(t) = &r.time {
                    @match r.kind.as_deref() {
                        Some("late") => (tr.ta("arrival-at", &[("time", t)])),
                        Some("early") => (tr.ta("pickup-at", &[("time", t)])),
                        _ => (t),
                    }
                }
            }
            td.audio-col data-label=(tr.t("col-message")) {
                @if let Some(src) = r.recording_url.as_deref().and_then(audio_src) {
                    audio controls preload="none" src=(src) { a href=(src) { (tr.t("play-message")) } }
                    span.print-only { (tr.t("has-message")) }
                }
            }
            td.ref id=(format!("ref{}", r.reference)) data-label=(tr.t("col-reference")) { (r.reference) }
            td data-label=(tr.t("col-received")) { (fmt::time_on(&r.received_at, tz, day)) }
            td data-label=(tr.t("col-channel")) {
                (tr.code(&format!("channel-{}", r.channel)).trim_start_matches("channel-"))
                @if r.language != "ja" { " · " span.lang title=(r.language) { (tr.language(&r.language)) } }
            }
            td.seen-col data-label=(tr.t("col-seen")) {
                @if let Some(at) = seen {
                    span.seen { "✓ " (tr.ta("seen-at", &[("time", &fmt::time_on(at, tz, day))])) }
                } @else {
                    form.seen method="post" action=(format!("/schools/{}/reports/{}/seen", access.id, r.id)) {
                        (csrf::field(csrf_token))
                        input type="hidden" name="since" value=(since_q);
                        button type="submit" { (tr.t("mark-seen")) }
                    }
                }
            }
        }
        @if !events.is_empty() && (!active || events.iter().any(|e| e.by_reference == Some(r.reference) || e.action == "edited")) {
            tr class=(if active { "history" } else { "history inactive" }) {
                td colspan="11" {
                    @for e in &events {
                        @let at = fmt::time_on(&e.at, tz, day);
                        @match (e.action.as_str(), e.reference == r.reference) {
                            ("replaced", true) => span.event { (tr.ta("history-replaced", &[("reference", &e.by_reference.map_or(String::new(), |n| n.to_string())), ("time", &at)])) },
                            ("replaced", false) => span.event { (tr.ta("history-replaces", &[("reference", &e.reference.to_string()), ("time", &at)])) },
                            ("cancelled", true) => span.event { (tr.ta("history-cancelled", &[("time", &at)])) },
                            ("edited", true) => span.event.edited { (edited(tr, e, &at)) },
                            _ => {},
                        }
                    }
                }
            }
        }
    }
}

/// A staff correction in the history: who, when, before → after.
fn edited(tr: &Tr, e: &ReportEvent, at: &str) -> String {
    let detail: serde_json::Value = e
        .detail
        .as_deref()
        .and_then(|d| serde_json::from_str(d).ok())
        .unwrap_or_default();
    tr.ta(
        "history-edited",
        &[
            ("time", at),
            ("user", e.user.as_deref().unwrap_or("?")),
            (
                "before",
                &super::correction::describe(tr, &detail["before"]),
            ),
            ("after", &super::correction::describe(tr, &detail["after"])),
        ],
    )
}

/// `POST /schools/{id}/reports/{row}/seen` (CSRF): mark it seen for this
/// user, then back to the list the form was on.
pub async fn mark_seen(
    State(app): State<AppState>,
    access: SchoolAccess,
    Path((_, report)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let viewer = &access.viewer;
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    if let Err(refused) = csrf::check(&app, viewer, &form) {
        return refused;
    }
    let tr = viewer.tr(&app);
    let Ok(report_id) = report.parse::<i64>() else {
        return layout::error_page(
            viewer,
            &app,
            StatusCode::NOT_FOUND,
            &tr.t("error-no-report"),
        );
    };
    let user = viewer.session.account.name().to_owned();
    let store = access.store.clone();
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let day = match blocking(move || store.mark_seen(report_id, &user, &now)).await {
        Ok(Some(day)) => day,
        Ok(None) => {
            return layout::error_page(
                viewer,
                &app,
                StatusCode::NOT_FOUND,
                &tr.t("error-no-report"),
            );
        }
        Err(e) => {
            tracing::error!(school = %access.id, error = %e, "cannot mark a report seen");
            return layout::error_page(
                viewer,
                &app,
                StatusCode::INTERNAL_SERVER_ERROR,
                &tr.t("error-store"),
            );
        }
    };
    let since = form
        .iter()
        .find(|(k, _)| k == "since")
        .map(|(_, v)| v.as_str())
        .filter(|v| *v == NEVER || fmt::utc(v).is_some());
    let back = match since {
        Some(s) => format!(
            "/schools/{}/days/{day}?since={}#r{report_id}",
            access.id,
            form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>()
        ),
        None => format!("/schools/{}/days/{day}#r{report_id}", access.id),
    };
    Redirect::to(&back).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twilio_recordings_play_as_mp3() {
        assert_eq!(
            audio_src("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1").as_deref(),
            Some("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1.mp3")
        );
        assert_eq!(
            audio_src("https://media.example.jp/a.wav").as_deref(),
            Some("https://media.example.jp/a.wav")
        );
        assert_eq!(audio_src("javascript:alert(1)"), None);
    }
}
