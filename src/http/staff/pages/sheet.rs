//! The daily surveillance sheet of a school day (`surveillance::sheet`):
//! what the school types into the national absence surveillance system by
//! noon, per class, zeros included. As a page (printable on A4 landscape)
//! and as CSV in UTF-8 with a BOM or in Shift_JIS.
//!
//! `GET /schools/{id}/sheet?date=YYYY-MM-DD` (the date picker; without a
//! date, today as the morning list counts it) and
//! `GET /schools/{id}/sheet/{YYYY-MM-DD}[?format=csv&encoding=utf-8|shift_jis]`.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, Utc};
use maud::{Markup, html};

use super::morning_list::{bad_date, date_param};
use crate::domain::{Disease, Symptom};
use crate::export::{self, Encoding};
use crate::http::staff::access::SchoolAccess;
use crate::http::staff::layout::{self, Page};
use crate::http::staff::ui::Tr;
use crate::http::staff::{blocking, fmt};
use crate::http::state::AppState;
use crate::surveillance::sheet::{Line, Row, Sheet};
use crate::surveillance::{self, ClassKey};

/// `GET /schools/{id}/sheet[?date=]`.
pub async fn pick(State(app): State<AppState>, access: SchoolAccess, uri: Uri) -> Response {
    let viewer = &access.viewer;
    let day = match date_param(&uri) {
        None => access.school().calendar.today(Utc::now()),
        Some(d) => match fmt::parse_day(&d) {
            Some(d) => d,
            None => return bad_date(viewer, &app),
        },
    };
    Redirect::to(&format!("/schools/{}/sheet/{day}", access.id)).into_response()
}

/// How the sheet is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Html,
    Csv(Encoding),
}

/// `format` and `encoding`, or the message of a 400.
fn format(tr: &Tr, uri: &Uri) -> Result<Format, String> {
    let q: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    match get("format").unwrap_or("html") {
        "html" | "" => Ok(Format::Html),
        "csv" => match get("encoding").unwrap_or("utf-8") {
            "utf-8" | "" => Ok(Format::Csv(Encoding::Utf8Bom)),
            "shift_jis" => Ok(Format::Csv(Encoding::ShiftJis)),
            other => Err(tr.ta("sheet-bad-encoding", &[("value", other)])),
        },
        other => Err(tr.ta("sheet-bad-format", &[("value", other)])),
    }
}

/// `GET /schools/{id}/sheet/{day}`.
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
    let tr = viewer.tr(&app);
    let format = match format(&tr, &uri) {
        Ok(f) => f,
        Err(message) => {
            return layout::error_page(viewer, &app, StatusCode::BAD_REQUEST, &message);
        }
    };
    let store = access.store.clone();
    let table = access
        .dep
        .config
        .schools
        .get(&access.id)
        .map(|s| s.enrolment.clone())
        .unwrap_or_default();
    let day_s = date.to_string();
    let sheet = blocking(move || {
        let enrolment = surveillance::read::enrolment(&store, &table)?;
        let tallies = surveillance::read::tallies(&store, &day_s, &day_s)?;
        Ok(Sheet::build(&day_s, &tallies, &enrolment))
    })
    .await;
    let sheet = match sheet {
        Ok(s) => s,
        Err(e) => {
            return layout::store_error_page(viewer, &app, access.id.as_str(), "sheet", &e);
        }
    };
    match format {
        Format::Csv(encoding) => csv(&tr, &access, &sheet, encoding),
        Format::Html => {
            let ctx = viewer.ctx(&app);
            let body = render(&ctx.tr, &access, date, &sheet);
            let page = Page {
                title: format!("{} {}", tr.t("sheet-title"), fmt::day_title(&tr, date)),
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
    }
}

/// The column headings after the row's name and enrolment, in order.
fn figure_headings(tr: &Tr) -> Vec<String> {
    let mut h = vec![tr.t("sheet-col-absent"), tr.t("sheet-col-illness")];
    h.extend(Symptom::ALL.iter().map(|s| tr.code(s.as_str())));
    h.push(tr.t("sheet-col-ili"));
    h.push(tr.t("sheet-col-suspended"));
    h.extend(Disease::ALL.iter().map(|d| tr.code(d.as_str())));
    h
}

/// The row's name as the page shows it.
fn row_title(tr: &Tr, line: &Line) -> String {
    match line {
        Line::Class { class, .. } => class_title(tr, class),
        Line::Grade(g) => tr.ta("sheet-grade-total", &[("grade", g)]),
        Line::NoClass => tr.t("sheet-no-class"),
        Line::School => tr.t("sheet-school-total"),
    }
}

fn class_title(tr: &Tr, class: &ClassKey) -> String {
    if class.class.is_empty() {
        tr.ta("group-grade-only", &[("grade", &class.grade)])
    } else {
        tr.ta(
            "group-title",
            &[("grade", &class.grade), ("class", &class.class)],
        )
    }
}

fn row_kind(line: &Line) -> &'static str {
    match line {
        Line::Class { listed: true, .. } => "class",
        Line::Class { listed: false, .. } => "class unlisted",
        Line::Grade(_) => "grade",
        Line::NoClass => "no-class",
        Line::School => "school",
    }
}

fn render(tr: &Tr, access: &SchoolAccess, date: NaiveDate, sheet: &Sheet) -> Markup {
    let school = access.school();
    let id = &access.id;
    let prev = school.calendar.previous_school_day_before(date);
    let next = school.calendar.next_school_day_after(date);
    let csv = |enc: &str| format!("/schools/{id}/sheet/{date}?format=csv&encoding={enc}");
    let symptoms = Symptom::ALL.len();
    let diseases = Disease::ALL.len();
    let headings = figure_headings(tr);
    html! {
        div.sheet-page {
        section.day-head {
            h1 {
                span.print-only { (layout::school_name(school, tr)) " " }
                span.what { (tr.t("sheet-title")) }
                " "
                (fmt::day_title(tr, date))
                @if !school.calendar.is_school_day(date) { " " span.closed { (tr.t("closed-day")) } }
            }
            nav.days {
                a.button href=(format!("/schools/{id}/sheet/{prev}")) rel="prev" { "← " (tr.t("day-prev")) }
                a.button href=(format!("/schools/{id}/sheet/{next}")) rel="next" { (tr.t("day-next")) " →" }
                (layout::date_picker(tr, &format!("/schools/{id}/sheet"), date))
            }
            nav.tools {
                a href=(format!("/schools/{id}/days/{date}")) { (tr.t("sheet-link-list")) }
                a href=(csv("utf-8")) download { (tr.t("sheet-csv-utf8")) }
                a href=(csv("shift_jis")) download { (tr.t("sheet-csv-sjis")) }
                button.print type="button" data-print hidden { (tr.t("print")) }
            }
        }
        p.sheet-note { (tr.t("sheet-note")) }
        div.sheet-scroll {
            table.sheet {
                thead {
                    tr {
                        th.name-col rowspan="2" scope="col" { (tr.t("sheet-col-class")) }
                        th.n rowspan="2" scope="col" { (tr.t("sheet-col-enrolment")) }
                        th.group colspan="2" scope="colgroup" { (tr.t("sheet-group-absent")) }
                        th.group colspan=(symptoms + 1) scope="colgroup" { (tr.t("sheet-group-symptoms")) }
                        th.group colspan=(diseases + 1) scope="colgroup" { (tr.t("sheet-group-suspended")) }
                    }
                    tr {
                        @for (i, h) in headings.iter().enumerate() {
                            th.n.start[i == 0 || i == 2 || i == 3 + symptoms] scope="col" { (h) }
                        }
                    }
                }
                tbody {
                    @for r in &sheet.rows {
                        (row(tr, r, symptoms))
                    }
                }
            }
        }
        }
    }
}

fn row(tr: &Tr, r: &Row, symptoms: usize) -> Markup {
    let title = row_title(tr, &r.line);
    html! {
        tr class=(row_kind(&r.line)) {
            th.name-col scope="row" {
                (title)
                @if matches!(r.line, Line::Class { listed: false, .. }) {
                    " " span.unlisted-note { (tr.t("sheet-unlisted")) }
                }
            }
            td.n.enrol { @if let Some(n) = r.enrolment { (n) } @else { "—" } }
            @for (i, v) in r.counts.columns().into_iter().enumerate() {
                td.n.z[v == 0].start[i == 0 || i == 2 || i == 3 + symptoms] { (v) }
            }
        }
    }
}

/// The sheet as CSV: the row's grade, class and kind, then the page's
/// columns. The headings are in the viewer's language.
fn csv(tr: &Tr, access: &SchoolAccess, sheet: &Sheet, encoding: Encoding) -> Response {
    let mut header = vec![
        tr.t("sheet-csv-grade"),
        tr.t("sheet-csv-class"),
        tr.t("sheet-csv-row"),
        tr.t("sheet-col-enrolment"),
    ];
    header.extend(figure_headings(tr));
    let records = sheet.rows.iter().map(|r| {
        let (grade, class, kind) = match &r.line {
            Line::Class { class, listed } => (
                class.grade.clone(),
                class.class.clone(),
                tr.t(if *listed {
                    "sheet-row-class"
                } else {
                    "sheet-row-unlisted"
                }),
            ),
            Line::Grade(g) => (g.clone(), String::new(), tr.t("sheet-row-grade")),
            Line::NoClass => (String::new(), String::new(), tr.t("sheet-no-class")),
            Line::School => (String::new(), String::new(), tr.t("sheet-school-total")),
        };
        let mut cells = vec![
            grade,
            class,
            kind,
            r.enrolment.map(|n| n.to_string()).unwrap_or_default(),
        ];
        cells.extend(r.counts.columns().into_iter().map(|v| v.to_string()));
        cells
    });
    let body = export::csv_file(header, records, encoding);
    let content_type = match encoding {
        Encoding::Utf8Bom => "text/csv; charset=utf-8",
        Encoding::ShiftJis => "text/csv; charset=Shift_JIS",
    };
    let disposition = format!(
        "attachment; filename=\"{}-sheet-{}.csv\"",
        access.id, sheet.day
    );
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).expect("ids and dates are plain ASCII"),
            ),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::staff::ui::{Lang, Ui};

    #[test]
    fn formats_and_encodings_are_checked() {
        let ui = Ui::load().unwrap();
        let tr = Tr {
            ui: &ui,
            lang: Lang::En,
        };
        let f = |q: &str| format(&tr, &format!("/x?{q}").parse().unwrap());
        assert_eq!(f(""), Ok(Format::Html));
        assert_eq!(f("format=csv"), Ok(Format::Csv(Encoding::Utf8Bom)));
        assert_eq!(
            f("format=csv&encoding=shift_jis"),
            Ok(Format::Csv(Encoding::ShiftJis))
        );
        assert!(
            f("format=csv&encoding=latin1")
                .unwrap_err()
                .contains("latin1")
        );
        assert!(f("format=xlsx").unwrap_err().contains("xlsx"));
    }

    /// The headings follow the national entry's order: absent, of which
    /// illness, the seven symptoms, ILI, suspensions, the nine diseases.
    #[test]
    fn headings_in_the_national_order() {
        let ui = Ui::load().unwrap();
        let tr = Tr {
            ui: &ui,
            lang: Lang::Ja,
        };
        let h = figure_headings(&tr);
        assert_eq!(h.len(), 2 + 7 + 1 + 1 + 9);
        assert_eq!(h[2], tr.code("fever"));
        assert_eq!(h[9], tr.t("sheet-col-ili"));
        assert_eq!(h[11], tr.code("influenza"));
    }
}
