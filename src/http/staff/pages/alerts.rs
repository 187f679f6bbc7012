//! A school's early-warning alerts: `GET /schools/{id}/alerts.json?day=`
//! (staff of the school and the board), and the calm panel at the top of
//! the morning list. Both evaluate the rules from the counts when asked
//! (`alert_watch::current`), with the time each alert was first raised.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde_json::json;

use crate::http::alert_watch::{self, Current};
use crate::http::staff::access::SchoolAccess;
use crate::http::staff::fmt;
use crate::http::staff::ui::Tr;
use crate::http::state::AppState;
use crate::surveillance::alerts::{Alert, Level, Rule};

/// `GET /schools/{id}/alerts.json[?day=YYYY-MM-DD]`: the alerts of that
/// school day (without `day`, the current one).
pub async fn json(State(app): State<AppState>, access: SchoolAccess, uri: Uri) -> Response {
    let viewer = &access.viewer;
    let tr = viewer.tr(&app);
    let school = access.school();
    let asked = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "day")
        .map(|(_, v)| v.into_owned());
    let day = match asked {
        None => alert_watch::current_day(&school.calendar, Utc::now()),
        Some(d) => match fmt::parse_day(&d) {
            Some(d) => d,
            None => {
                return (
                    StatusCode::BAD_REQUEST,
                    Json(json!({ "error": tr.t("error-bad-date") })),
                )
                    .into_response();
            }
        },
    };
    match alert_watch::current(&app, school, access.store.clone(), day).await {
        Ok(alerts) => Json(json!({
            "school": access.id.as_str(),
            "school_day": day.to_string(),
            "rules": app.deployment().config.alerts,
            "alerts": alerts.iter().map(to_json).collect::<Vec<_>>(),
        }))
        .into_response(),
        Err(e) => {
            tracing::error!(school = %access.id, error = %e, "cannot evaluate the alerts");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({ "error": tr.t("error-store") })),
            )
                .into_response()
        }
    }
}

/// An alert's own fields, its key and rate, and since when.
fn to_json(c: &Current) -> serde_json::Value {
    let mut v = serde_json::to_value(&c.alert).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("key".into(), json!(c.alert.key()));
        o.insert("rate".into(), json!(c.alert.rate()));
        o.insert("first_raised_at".into(), json!(c.first_raised_at));
        o.insert("level_raised_at".into(), json!(c.level_raised_at));
    }
    v
}

/// A rate as people say it: `20`, `8.3`.
fn percent(rate: f64) -> String {
    let p = (rate * 1000.0).round() / 10.0;
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

fn cause(tr: &Tr, cause: Option<&str>) -> String {
    match cause {
        Some("ili") => tr.t("sheet-col-ili"),
        Some(d) => tr.code(d),
        None => String::new(),
    }
}

/// What made the alert, in words: which classes, what counts.
fn what(tr: &Tr, a: &Alert) -> String {
    let rate = a.rate().map(percent).unwrap_or_default();
    let enrolment = a.enrolment.map(|n| n.to_string()).unwrap_or_default();
    let count = a.count.to_string();
    let class = |k: &crate::surveillance::ClassKey| {
        tr.ta("group-title", &[("grade", &k.grade), ("class", &k.class)])
    };
    match a.rule {
        Rule::ClassRate => tr.ta(
            "alert-class-rate",
            &[
                (
                    "class",
                    &a.classes
                        .first()
                        .map(|c| class(&c.class))
                        .unwrap_or_default(),
                ),
                ("count", &count),
                ("enrolment", &enrolment),
                ("rate", &rate),
            ],
        ),
        Rule::GradeSpread => {
            let classes: Vec<String> = a
                .classes
                .iter()
                .map(|c| {
                    tr.ta(
                        "alert-class-cases",
                        &[("class", &class(&c.class)), ("n", &c.cases.to_string())],
                    )
                })
                .collect();
            tr.ta(
                "alert-grade-spread",
                &[
                    ("cause", &cause(tr, a.cause.as_deref())),
                    ("classes", &classes.join(tr.t("alert-list-sep").as_str())),
                    ("count", &count),
                ],
            )
        }
        Rule::SchoolRate => tr.ta(
            "alert-school-rate",
            &[
                ("count", &count),
                ("enrolment", &enrolment),
                ("rate", &rate),
            ],
        ),
        Rule::Rise => tr.ta(
            "alert-rise",
            &[
                ("count", &count),
                (
                    "baseline",
                    &a.baseline.map(|b| format!("{b:.1}")).unwrap_or_default(),
                ),
            ],
        ),
    }
}

fn rule_name(tr: &Tr, rule: Rule) -> String {
    tr.t(match rule {
        Rule::ClassRate => "alert-rule-class-rate",
        Rule::GradeSpread => "alert-rule-grade-spread",
        Rule::SchoolRate => "alert-rule-school-rate",
        Rule::Rise => "alert-rule-rise",
    })
}

/// The level it reached, in words: `学級閉鎖を検討する目安（20%）`.
fn level(tr: &Tr, a: &Alert) -> String {
    let threshold = match a.rule {
        Rule::ClassRate | Rule::SchoolRate => percent(a.threshold) + "%",
        Rule::GradeSpread => tr.ta(
            "alert-threshold-classes",
            &[("n", &format!("{:.0}", a.threshold))],
        ),
        Rule::Rise => tr.ta(
            "alert-threshold-factor",
            &[("factor", &format!("{}", a.threshold))],
        ),
    };
    let id = match (a.rule, a.level) {
        (Rule::ClassRate, Level::Closure) => "alert-level-class-closure",
        (Rule::SchoolRate, Level::Closure) => "alert-level-school-closure",
        _ => "alert-level-warning",
    };
    tr.ta(id, &[("threshold", &threshold)])
}

/// The morning list's panel: nothing when there is no alert.
pub(super) fn panel(tr: &Tr, alerts: &[Current], tz: Tz, day: NaiveDate) -> Markup {
    html! {
        @if !alerts.is_empty() {
            section.alerts aria-labelledby="alerts-title" {
                h2 #alerts-title { (tr.t("alerts-title")) }
                ul {
                    @for c in alerts {
                        @let a = &c.alert;
                        li class=(format!("alert level-{}", a.level.as_str())) data-rule=(a.rule.as_str()) {
                            span.rule { (rule_name(tr, a.rule)) }
                            " "
                            span.what { (what(tr, a)) }
                            " "
                            span.level { (level(tr, a)) }
                            @if let Some(at) = &c.first_raised_at {
                                " "
                                span.since { (tr.ta("alert-since", &[("time", &fmt::time_on(at, tz, day))])) }
                            }
                        }
                    }
                }
                p.hint { (tr.t("alerts-note")) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_people_say_them() {
        assert_eq!(percent(0.2), "20");
        assert_eq!(percent(4.0 / 30.0), "13.3");
        assert_eq!(percent(0.08), "8");
    }
}
