//! The school staff pages, one file per page: login, sessions and who may
//! see what (`sessions`), the board's overview, the morning list (grouping,
//! details, history), seen marks and "new", the call log, and exports; CSRF
//! on every form. What they share is here.

mod call_log;
mod export;
mod morning_list;
mod overview;
mod seen;
mod sessions;

use std::time::Duration;

use absence_line::domain::Student;
use chrono::{NaiveDate, Utc};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION, SET_COOKIE};

use crate::helpers::{
    BOARD_PASSWORD, CHUO_PASSWORD, DAIICHI_EXPORT_TOKEN, DAIICHI_PASSWORD, Phone, TestApp, browser,
    csrf_of, login, post_form, spawn_app,
};
use fake_twilio::scenario::report_fever_absence;

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let res = client.get(url).send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

fn location(res: &reqwest::Response) -> String {
    res.headers()[LOCATION].to_str().unwrap().to_owned()
}

/// The first seen form's action on a page, e.g. `/schools/daiichi/reports/1/seen`.
fn seen_action(html: &str, row_id: i64) -> String {
    let action = format!("/reports/{row_id}/seen");
    assert!(html.contains(&action), "no seen form for row {row_id}");
    let start = html[..html.find(&action).unwrap()].rfind('"').unwrap() + 1;
    let end = html.find(&action).unwrap() + action.len();
    html[start..end].to_owned()
}

/// The hidden `since` of the seen form for `row_id`.
fn since_of(html: &str, row_id: i64) -> String {
    let from = html.find(&format!("/reports/{row_id}/seen")).unwrap();
    let at = from + html[from..].find(r#"name="since" value=""#).unwrap() + 20;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// The `<tr>` of report row `id`, up to the next row.
fn row_html(html: &str, id: i64) -> &str {
    let start = html
        .find(&format!(r#"id="r{id}""#))
        .unwrap_or_else(|| panic!("row {id} on the page"));
    let start = html[..start].rfind("<tr").unwrap();
    let end = html[start + 3..]
        .find("<tr")
        .map_or(html.len(), |e| start + 3 + e);
    &html[start..end]
}

/// How many stored rows a count box shows, e.g. `count kind-absence`.
fn count(html: &str, class: &str) -> u32 {
    let at = html
        .find(&format!(r#"class="count {class}""#))
        .unwrap_or_else(|| panic!("a {class} count"));
    let s = &html[at..];
    let s = &s[s.find("<strong>").unwrap() + 8..];
    s[..s.find('<').unwrap()].parse().unwrap()
}

/// Fill `daiichi`'s roster in its store, with names.
fn roster_with_names(app: &TestApp) {
    let s = |student: &str, grade: &str, class: &str, number: &str, name: &str| Student {
        student: student.into(),
        grade: grade.into(),
        class: class.into(),
        number: number.into(),
        name: name.into(),
        ..Default::default()
    };
    app.store("daiichi")
        .replace_students(
            &[
                s("10203", "1", "2", "3", "山田 花子"),
                s("30412", "3", "4", "12", "鈴木 一郎"),
            ],
            "roster_source",
            "test",
        )
        .unwrap();
}

/// 10203: absent today, illness, fever 38.5, saved.
async fn absent_with_fever(p: &mut Phone<'_>) {
    p.dial().await;
    let t = p.follow(&report_fever_absence("10203")).await;
    assert!(t.says_any("受付番号"), "{}", t.said());
}

/// 30412: late at 09:30 for a medical appointment, with a voice message.
async fn late_with_message(p: &mut Phone<'_>) {
    p.dial().await;
    p.press("1").await;
    p.press("30412#").await;
    p.press("3").await; // late
    p.press("3").await; // medical
    p.press("0930#").await;
    p.press("3").await; // record a message, then save
    let t = p.record(12).await;
    assert!(t.says_any("受付番号"), "{}", t.said());
}

fn day_of(app: &TestApp, school: &str) -> String {
    app.reports(school)
        .last()
        .expect("a stored report")
        .school_day
        .clone()
}
