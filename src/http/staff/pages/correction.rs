//! Staff corrections of a report (the school nurse hears "it was influenza
//! after all"): its reason, symptoms, temperature and disease, on every
//! school day it covers. `GET /schools/{id}/reports/{reference}/edit[?day=]`
//! shows the form; `POST` (CSRF) checks it whole with the domain's types
//! and either changes the report (`Store::edit_report`, with the account's
//! name in the history; the counts follow) or shows the form again with
//! each mistake beside its field, having changed nothing.
//!
//! Symptoms and the temperature belong to an illness, the disease to an
//! attendance suspension: whatever the form sends, they are cleared for any
//! other reason, as the call flow would never have asked for them.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, SecondsFormat, Utc};
use maud::{Markup, html};

use crate::domain::{Disease, Symptom, Symptoms};
use crate::flow::{Flow, StepKind, Value};
use crate::http::staff::access::SchoolAccess;
use crate::http::staff::auth::{Account, Viewer};
use crate::http::staff::layout::{self, Page};
use crate::http::staff::ui::Tr;
use crate::http::staff::{blocking, csrf, fmt};
use crate::http::state::AppState;
use crate::store::{ReportEdit, ReportRow};

/// The reasons when a flow asks for none (it always should).
const REASONS: [&str; 7] = [
    "illness",
    "injury",
    "medical",
    "family",
    "bereavement",
    "infectious",
    "other",
];

/// The temperatures the keypad accepts, in °C.
const TEMPERATURE: std::ops::RangeInclusive<f64> = 35.0..=42.0;

/// The reasons a parent can key in the school's flow, in key order.
fn flow_reasons(flow: Option<&Flow>) -> Vec<String> {
    let from_flow: Vec<String> = flow
        .into_iter()
        .flat_map(|f| &f.steps)
        .filter_map(|s| match &s.kind {
            StepKind::Menu {
                options,
                save_as: Some(name),
                ..
            } if name == "reason" => Some(options),
            _ => None,
        })
        .flat_map(|options| options.values())
        .filter_map(|c| match &c.value {
            Some(Value::Literal(v)) => Some(v.clone()),
            _ => None,
        })
        .fold(Vec::new(), |mut acc, v| {
            if !acc.contains(&v) {
                acc.push(v);
            }
            acc
        });
    if from_flow.is_empty() {
        REASONS.map(str::to_owned).to_vec()
    } else {
        from_flow
    }
}

/// Whether this account may correct a school's reports: the school's own
/// staff. The board reads every school's list, but the record is the
/// school's (its principal keeps the attendance register), so the board's
/// account is offered no 訂正 link and its requests get 403.
pub(super) fn may_correct(viewer: &Viewer) -> bool {
    viewer.session.account != Account::Board
}

fn board_refused(viewer: &Viewer, app: &AppState) -> Response {
    let tr = viewer.tr(app);
    tracing::warn!("refused a correction to the board account");
    layout::error_page(
        viewer,
        app,
        StatusCode::FORBIDDEN,
        &tr.t("edit-board-refused"),
    )
}

/// What the form holds: as typed, so a refused form comes back as it was.
#[derive(Debug, Clone, Default, PartialEq)]
struct Input {
    reason: String,
    symptoms: Vec<String>,
    temperature: String,
    disease: String,
    /// The morning list to go back to.
    day: String,
}

impl Input {
    fn of_row(r: &ReportRow, day: &str) -> Input {
        Input {
            reason: r.reason.clone().unwrap_or_default(),
            symptoms: Symptoms::parse(r.symptom.as_deref().unwrap_or(""))
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            temperature: r.temperature.map(|t| format!("{t:.1}")).unwrap_or_default(),
            disease: r.disease.clone().unwrap_or_default(),
            day: day.to_owned(),
        }
    }

    fn of_form(form: &[(String, String)]) -> Input {
        let one = |k: &str| {
            form.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default()
        };
        Input {
            reason: one("reason"),
            symptoms: form
                .iter()
                .filter(|(n, _)| n == "symptom")
                .map(|(_, v)| v.trim().to_owned())
                .collect(),
            temperature: one("temperature"),
            disease: one("disease"),
            day: one("day"),
        }
    }
}

/// A mistake in one field: the field's name and the message's id.
type Mistake = (&'static str, &'static str);

/// The edit the form asks for, or every mistake in it. `reasons`: the
/// reasons offered.
fn check(input: &Input, reasons: &[String]) -> Result<ReportEdit, Vec<Mistake>> {
    let mut mistakes = Vec::new();
    if !reasons.contains(&input.reason) {
        mistakes.push(("reason", "edit-error-reason"));
    }
    let illness = input.reason == "illness";
    let infectious = input.reason == "infectious";
    let mut symptoms = Symptoms::default();
    let mut temperature = None;
    if illness {
        for word in &input.symptoms {
            match Symptom::ALL.into_iter().find(|s| s.as_str() == word) {
                Some(s) => symptoms.insert(s),
                None => {
                    mistakes.push(("symptom", "edit-error-symptom"));
                    break;
                }
            }
        }
        if !input.temperature.is_empty() {
            match parse_temperature(&input.temperature) {
                Some(t) => temperature = Some(t),
                None => mistakes.push(("temperature", "edit-error-temperature")),
            }
        }
    }
    let mut disease = None;
    if infectious {
        match Disease::parse(&input.disease) {
            Some(d) => disease = Some(d),
            None => mistakes.push(("disease", "edit-error-disease")),
        }
    }
    if !mistakes.is_empty() {
        return Err(mistakes);
    }
    Ok(ReportEdit {
        reason: Some(input.reason.clone()),
        symptom: (!symptoms.is_empty()).then(|| symptoms.to_string()),
        temperature,
        disease: disease.map(|d| d.as_str().to_owned()),
    })
}

/// `38.5` (or `38`, `38.50`) within 35.0–42.0, to one decimal as the
/// keypad stores it; a second decimal other than 0 is refused, not rounded.
fn parse_temperature(s: &str) -> Option<f64> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 2 || !digits(whole) || !digits(frac) {
        return None;
    }
    if frac.len() > 1 && frac[1..].bytes().any(|b| b != b'0') {
        return None;
    }
    let tenths: u32 =
        whole.parse::<u32>().ok()? * 10 + frac.get(..1).map_or(Some(0), |d| d.parse().ok())?;
    let t = f64::from(tenths) / 10.0;
    TEMPERATURE.contains(&t).then_some(t)
}

/// The report's rows and the students' names, read on a blocking thread.
async fn read_report(
    access: &SchoolAccess,
    reference: u32,
) -> Result<(Vec<ReportRow>, Option<String>), crate::http::staff::BlockingError> {
    let store = access.store.clone();
    blocking(move || {
        let rows = store.report_rows(reference)?;
        let student: Vec<&str> = rows
            .first()
            .and_then(|r| r.student.as_deref())
            .into_iter()
            .collect();
        let name = store.student_names(&student)?.into_values().next();
        Ok((rows, name))
    })
    .await
}

fn day_param(uri: &Uri) -> String {
    form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "day")
        .map(|(_, v)| v.into_owned())
        .filter(|d| fmt::parse_day(d).is_some())
        .unwrap_or_default()
}

/// `GET /schools/{id}/reports/{reference}/edit`.
pub async fn form(
    State(app): State<AppState>,
    access: SchoolAccess,
    Path((_, reference)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let viewer = &access.viewer;
    if !may_correct(viewer) {
        return board_refused(viewer, &app);
    }
    let Ok(reference) = reference.parse::<u32>() else {
        return no_report(viewer, &app);
    };
    let (rows, name) = match read_report(&access, reference).await {
        Ok(r) => r,
        Err(e) => {
            return layout::store_error_page(viewer, &app, access.id.as_str(), "report", &e);
        }
    };
    let Some(first) = rows.first() else {
        return no_report(viewer, &app);
    };
    let day = match day_param(&uri) {
        d if d.is_empty() => first.school_day.clone(),
        d => d,
    };
    let Some(active) = rows.iter().find(|r| r.status == "active") else {
        return not_active(viewer, &app, &access, &day);
    };
    let input = Input::of_row(active, &day);
    page(
        viewer,
        &app,
        &access,
        StatusCode::OK,
        &rows,
        name.as_deref(),
        &input,
        &[],
    )
}

/// `POST /schools/{id}/reports/{reference}/edit` (CSRF).
pub async fn submit(
    State(app): State<AppState>,
    access: SchoolAccess,
    Path((_, reference)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let viewer = &access.viewer;
    if !may_correct(viewer) {
        return board_refused(viewer, &app);
    }
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    if let Err(refused) = csrf::check(&app, viewer, &form) {
        return refused;
    }
    let Ok(reference) = reference.parse::<u32>() else {
        return no_report(viewer, &app);
    };
    let (rows, name) = match read_report(&access, reference).await {
        Ok(r) => r,
        Err(e) => {
            return layout::store_error_page(viewer, &app, access.id.as_str(), "report", &e);
        }
    };
    let Some(first) = rows.first() else {
        return no_report(viewer, &app);
    };
    let mut input = Input::of_form(&form);
    if fmt::parse_day(&input.day).is_none() {
        input.day = first.school_day.clone();
    }
    let Some(active) = rows.iter().find(|r| r.status == "active") else {
        return not_active(viewer, &app, &access, &input.day);
    };
    let reasons = offered_reasons(&access, active);
    let edit = match check(&input, &reasons) {
        Ok(edit) => edit,
        Err(mistakes) => {
            return page(
                viewer,
                &app,
                &access,
                StatusCode::BAD_REQUEST,
                &rows,
                name.as_deref(),
                &input,
                &mistakes,
            );
        }
    };
    let user = viewer.session.account.name().to_owned();
    let store = access.store.clone();
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    match blocking(move || store.edit_report(reference, &edit, &user, &now)).await {
        Ok(Some(edited)) => {
            if !edited.days.is_empty() {
                tracing::info!(school = %access.id, reference, account = viewer.session.account.name(), days = edited.days.len(), "a report was corrected by staff");
            }
            Redirect::to(&format!(
                "/schools/{}/days/{}#ref{reference}",
                access.id, input.day
            ))
            .into_response()
        }
        // Replaced or cancelled by a call since the form was opened.
        Ok(None) => not_active(viewer, &app, &access, &input.day),
        Err(e) => layout::store_error_page(viewer, &app, access.id.as_str(), "correction", &e),
    }
}

/// The flow's reasons, and the report's own if the flow no longer offers
/// it (so the form can be saved unchanged).
fn offered_reasons(access: &SchoolAccess, row: &ReportRow) -> Vec<String> {
    let mut reasons = flow_reasons(access.dep.flows.get(&access.school().flow));
    if let Some(r) = &row.reason
        && !reasons.contains(r)
    {
        reasons.push(r.clone());
    }
    reasons
}

fn no_report(viewer: &Viewer, app: &AppState) -> Response {
    let tr = viewer.tr(app);
    layout::error_page(viewer, app, StatusCode::NOT_FOUND, &tr.t("error-no-report"))
}

/// The report was replaced or cancelled: nothing to correct, and nothing
/// changed. 409, with the way back to the list.
fn not_active(viewer: &Viewer, app: &AppState, access: &SchoolAccess, day: &str) -> Response {
    let ctx = viewer.ctx(app);
    let tr = &ctx.tr;
    let body = html! {
        section.message {
            h1 { (tr.t("edit-not-active-title")) }
            p role="alert" { (tr.t("edit-not-active")) }
            p { a href=(format!("/schools/{}/days/{day}", access.id)) { (tr.t("edit-back")) } }
        }
    };
    let page = Page {
        title: tr.t("edit-not-active-title"),
        school: Some(access.school()),
        ..Page::default()
    };
    layout::respond(
        app,
        StatusCode::CONFLICT,
        ctx.lang,
        layout::render(&ctx, page, body),
    )
}

#[allow(clippy::too_many_arguments)]
fn page(
    viewer: &Viewer,
    app: &AppState,
    access: &SchoolAccess,
    status: StatusCode,
    rows: &[ReportRow],
    name: Option<&str>,
    input: &Input,
    mistakes: &[Mistake],
) -> Response {
    let ctx = viewer.ctx(app);
    let tr = &ctx.tr;
    let active: Vec<&ReportRow> = rows.iter().filter(|r| r.status == "active").collect();
    let first = active[0];
    let reasons = offered_reasons(access, first);
    let body = render(
        tr,
        access,
        &viewer.session.csrf,
        first,
        &active,
        name,
        input,
        &reasons,
        mistakes,
    );
    let page = Page {
        title: tr.ta("edit-title", &[("reference", &first.reference.to_string())]),
        school: Some(access.school()),
        ..Page::default()
    };
    layout::respond(app, status, ctx.lang, layout::render(&ctx, page, body))
}

#[allow(clippy::too_many_arguments)]
fn render(
    tr: &Tr,
    access: &SchoolAccess,
    csrf_token: &str,
    r: &ReportRow,
    active: &[&ReportRow],
    name: Option<&str>,
    input: &Input,
    reasons: &[String],
    mistakes: &[Mistake],
) -> Markup {
    let error = |field: &str| {
        mistakes
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| tr.t(m))
    };
    let described = |field: &str, hint: &str| {
        if error(field).is_some() {
            format!("err-{field} {hint}")
        } else {
            hint.to_owned()
        }
    };
    let action = format!("/schools/{}/reports/{}/edit", access.id, r.reference);
    let back = format!(
        "/schools/{}/days/{}#ref{}",
        access.id, input.day, r.reference
    );
    let days: Vec<String> = active
        .iter()
        .filter_map(|row| fmt::parse_day(&row.school_day))
        .map(|d: NaiveDate| fmt::day_title(tr, d))
        .collect();
    html! {
        section.edit {
            h1 { (tr.ta("edit-title", &[("reference", &r.reference.to_string())])) }
            dl.report-facts {
                dt { (tr.t("col-student")) }
                dd {
                    (r.student.as_deref().unwrap_or("—"))
                    @if let Some(n) = name { " " span.name { (n) } }
                    @if let (Some(g), Some(c)) = (&r.grade, &r.class) {
                        " (" (tr.ta("group-title", &[("grade", g), ("class", c)])) ")"
                    }
                }
                dt { (tr.t("col-kind")) }
                dd { (r.kind.as_deref().map_or_else(|| tr.t("kind-message-only"), |k| tr.code(k))) }
                dt { (tr.t("edit-days")) }
                dd { (days.join("、")) }
            }
            @if !mistakes.is_empty() {
                div.error role="alert" id="edit-errors" {
                    p { (tr.t("edit-errors")) }
                    ul { @for (field, m) in mistakes { li { a href=(format!("#f-{field}")) { (tr.t(m)) } } } }
                }
            }
            form.edit-form method="post" action=(action) novalidate {
                (csrf::field(csrf_token))
                input type="hidden" name="day" value=(input.day);
                div.field {
                    label for="f-reason" { (tr.t("edit-reason")) }
                    select id="f-reason" name="reason" aria-invalid=[error("reason").map(|_| "true")] aria-describedby=[error("reason").map(|_| "err-reason")] {
                        @for reason in reasons {
                            option value=(reason) selected[*reason == input.reason] { (tr.code(reason)) }
                        }
                    }
                    @if let Some(e) = error("reason") { p.field-error id="err-reason" { (e) } }
                }
                fieldset.field id="f-symptom" aria-invalid=[error("symptom").map(|_| "true")] aria-describedby=(described("symptom", "hint-symptom")) {
                    legend { (tr.t("edit-symptoms")) }
                    p.hint id="hint-symptom" { (tr.t("edit-symptoms-hint")) }
                    div.checks {
                        @for s in Symptom::ALL {
                            @let id = format!("f-symptom-{}", s.as_str());
                            label.check for=(id) {
                                input type="checkbox" id=(id) name="symptom" value=(s.as_str()) checked[input.symptoms.iter().any(|w| w == s.as_str())];
                                " " (tr.code(s.as_str()))
                            }
                        }
                    }
                    @if let Some(e) = error("symptom") { p.field-error id="err-symptom" { (e) } }
                }
                div.field {
                    label for="f-temperature" { (tr.t("edit-temperature")) }
                    div.with-unit {
                        input id="f-temperature" name="temperature" type="text" inputmode="decimal" autocomplete="off" size="5" value=(input.temperature) aria-invalid=[error("temperature").map(|_| "true")] aria-describedby=(described("temperature", "hint-temperature"));
                        span { "℃" }
                    }
                    p.hint id="hint-temperature" { (tr.t("edit-temperature-hint")) }
                    @if let Some(e) = error("temperature") { p.field-error id="err-temperature" { (e) } }
                }
                div.field {
                    label for="f-disease" { (tr.t("edit-disease")) }
                    select id="f-disease" name="disease" aria-invalid=[error("disease").map(|_| "true")] aria-describedby=(described("disease", "hint-disease")) {
                        option value="" selected[input.disease.is_empty()] { "—" }
                        @for d in Disease::ALL {
                            option value=(d.as_str()) selected[input.disease == d.as_str()] { (tr.code(d.as_str())) }
                        }
                    }
                    p.hint id="hint-disease" { (tr.t("edit-disease-hint")) }
                    @if let Some(e) = error("disease") { p.field-error id="err-disease" { (e) } }
                }
                p.hint { (tr.t("edit-applies")) }
                div.actions {
                    button.primary type="submit" { (tr.t("edit-save")) }
                    a.button href=(back) { (tr.t("edit-cancel")) }
                }
            }
        }
    }
}

/// One side of an edit's history detail (`{"reason":…,"symptom":…,…}`),
/// in words: `病気 発熱・咳・喉の痛み・鼻水 38.5℃`.
pub(super) fn describe(tr: &Tr, side: &serde_json::Value) -> String {
    let text = |k: &str| {
        side.get(k)
            .and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
    };
    let mut parts = Vec::new();
    if let Some(r) = text("reason") {
        parts.push(tr.code(r));
    }
    if let Some(s) = text("symptom") {
        let words: Vec<String> = s.split(',').map(|w| tr.code(w.trim())).collect();
        parts.push(words.join("・"));
    }
    if let Some(t) = side.get("temperature").and_then(|v| v.as_f64()) {
        parts.push(fmt::temperature(t));
    }
    if let Some(d) = text("disease") {
        parts.push(tr.code(d));
    }
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons() -> Vec<String> {
        REASONS.map(str::to_owned).to_vec()
    }

    fn input(reason: &str, symptoms: &[&str], temperature: &str, disease: &str) -> Input {
        Input {
            reason: reason.into(),
            symptoms: symptoms.iter().map(|s| s.to_string()).collect(),
            temperature: temperature.into(),
            disease: disease.into(),
            day: "2026-11-25".into(),
        }
    }

    #[test]
    fn an_illness_keeps_its_symptoms_in_the_national_order_and_its_temperature() {
        let e = check(
            &input("illness", &["respiratory", "fever"], "38.5", "influenza"),
            &reasons(),
        )
        .unwrap();
        assert_eq!(
            e,
            ReportEdit {
                reason: Some("illness".into()),
                symptom: Some("fever,respiratory".into()),
                temperature: Some(38.5),
                disease: None,
            }
        );
    }

    #[test]
    fn other_reasons_clear_what_belongs_to_an_illness_or_a_suspension() {
        let e = check(
            &input("infectious", &["fever"], "39.0", "mumps"),
            &reasons(),
        )
        .unwrap();
        assert_eq!(
            (e.symptom, e.temperature, e.disease.as_deref()),
            (None, None, Some("mumps"))
        );
        // Even a temperature that would be refused: it is not asked for.
        let e = check(&input("injury", &["rash"], "99", "influenza"), &reasons()).unwrap();
        assert_eq!((e.symptom, e.temperature, e.disease), (None, None, None));
    }

    #[test]
    fn every_mistake_is_named_by_its_field() {
        let m = check(&input("holiday", &[], "", ""), &reasons()).unwrap_err();
        assert_eq!(m, [("reason", "edit-error-reason")]);
        let m = check(&input("illness", &["sneezing"], "34.9", ""), &reasons()).unwrap_err();
        assert_eq!(
            m,
            [
                ("symptom", "edit-error-symptom"),
                ("temperature", "edit-error-temperature")
            ]
        );
        let m = check(&input("infectious", &[], "", ""), &reasons()).unwrap_err();
        assert_eq!(m, [("disease", "edit-error-disease")]);
        let m = check(&input("infectious", &[], "", "plague"), &reasons()).unwrap_err();
        assert_eq!(m, [("disease", "edit-error-disease")]);
    }

    #[test]
    fn temperatures_as_the_keypad_takes_them() {
        for (s, t) in [
            ("38.5", Some(38.5)),
            ("38", Some(38.0)),
            ("35.0", Some(35.0)),
            ("42.0", Some(42.0)),
            ("38.50", Some(38.5)),
        ] {
            assert_eq!(parse_temperature(s), t, "{s}");
        }
        for s in [
            "34.9",
            "42.1",
            "385",
            "38.55",
            "-38",
            "38,5",
            "３８.５",
            "",
            ".5",
            "1e2",
            "NaN",
            "100",
        ] {
            assert_eq!(parse_temperature(s), None, "{s}");
        }
    }

    #[test]
    fn the_reasons_are_the_flows() {
        let flow = crate::flow::load_flow(
            "absence",
            "absence.toml",
            include_str!("../../../../call-flows/absence.toml"),
            &|_| true,
        )
        .unwrap();
        assert_eq!(flow_reasons(Some(&flow)), reasons());
        assert_eq!(flow_reasons(None), reasons());
    }
}
