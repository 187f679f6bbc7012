//! The surveillance sheet (page and both CSVs, counts worked out by hand),
//! staff corrections that move its counts (and refusals that move nothing),
//! who may see it, and alerts raised as reports arrive.

use std::time::{Duration, Instant};

use absence_line::domain::{Channel, Correction, ReportKind, Student};
use absence_line::store::{IMPORTED, NewReport};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, LOCATION};

use crate::helpers::{
    BOARD_PASSWORD, CHUO_PASSWORD, DAIICHI_PASSWORD, Phone, TestApp, csrf_of, login, metric,
    post_form, spawn_app,
};

/// A Wednesday the test calendar keeps open.
const DAY: &str = "2026-11-25";

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let res = client.get(url).send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

async fn get_bytes(client: &reqwest::Client, url: &str) -> (StatusCode, String, Vec<u8>) {
    let res = client.get(url).send().await.unwrap();
    let status = res.status();
    let ct = res
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ct, res.bytes().await.unwrap().to_vec())
}

/// `daiichi`'s roster, imported: 1-1 has 20 students (10101–10120), 1-2
/// three (10201–10203), 2-1 five (20101–20105): 28 in all.
fn roster(app: &TestApp) {
    let mut students = Vec::new();
    for (grade, class, n) in [("1", "1", 20), ("1", "2", 3), ("2", "1", 5)] {
        for i in 1..=n {
            students.push(Student {
                student: format!("{grade}{class:0>2}{i:02}"),
                grade: grade.into(),
                class: class.into(),
                number: i.to_string(),
                name: format!("生徒 {grade}-{class}-{i}"),
                ..Default::default()
            });
        }
    }
    app.store("daiichi")
        .replace_students(&students, IMPORTED, "test")
        .unwrap();
}

/// A report of `student` in `class` ("1-1"; "" for none) saved straight
/// into the store, as the writer would.
fn report(n: u32, student: &str, class: &str, days: &[&str]) -> NewReport {
    let (grade, class) = class.split_once('-').unwrap_or(("", ""));
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    NewReport {
        call_sid: format!("CAsheet{n:026}"),
        student: Some(student.into()),
        grade: opt(grade),
        class: opt(class),
        kind: Some(ReportKind::Absence),
        days: days.iter().map(|d| d.to_string()).collect(),
        language: "ja".into(),
        channel: Channel::Twilio,
        received_at: "2026-11-24T22:00:00Z".into(),
        ..Default::default()
    }
}

/// The reports worked out below, on [`DAY`]:
/// - 10101 (1-1): illness, fever 38.6 and a cough: ILI;
/// - 10102 (1-1): illness, headache;
/// - 10103 (1-1): family reasons;
/// - 10104 (1-1): late with a headache: no absence;
/// - 20101 (2-1): suspended with influenza, 25–27 November;
/// - 99999 (no class: not in the roster): illness, other.
async fn save_the_day(app: &TestApp) {
    let store = app.store("daiichi");
    let save = async |r: NewReport| store.save_report(r).await.unwrap();
    save(NewReport {
        reason: Some("illness".into()),
        symptom: Some("fever,respiratory".into()),
        temperature: Some(38.6),
        ..report(1, "10101", "1-1", &[DAY])
    })
    .await;
    save(NewReport {
        reason: Some("illness".into()),
        symptom: Some("headache".into()),
        ..report(2, "10102", "1-1", &[DAY])
    })
    .await;
    save(NewReport {
        reason: Some("family".into()),
        ..report(3, "10103", "1-1", &[DAY])
    })
    .await;
    save(NewReport {
        kind: Some(ReportKind::Late),
        reason: Some("illness".into()),
        symptom: Some("headache".into()),
        time: Some("10:00".into()),
        ..report(4, "10104", "1-1", &[DAY])
    })
    .await;
    save(NewReport {
        reason: Some("infectious".into()),
        disease: Some("influenza".into()),
        ..report(5, "20101", "2-1", &[DAY, "2026-11-26", "2026-11-27"])
    })
    .await;
    save(NewReport {
        reason: Some("illness".into()),
        symptom: Some("other".into()),
        ..report(6, "99999", "", &[DAY])
    })
    .await;
}

/// The columns after the row's name: enrolment, absent, of which illness,
/// fever, headache, respiratory, diarrhoea, vomiting, rash, other, ILI,
/// suspended, influenza, mumps, chickenpox, pharyngoconjunctival fever,
/// COVID-19, gastroenteritis, strep, hand-foot-mouth, other.
const ZEROS: &str = "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0";

/// The sheet's rows as the CSV has them: `kind grade-class: figures`.
fn csv_rows(text: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header.len(), 4 + 20, "{header:?}");
    assert_eq!(&header[..5], ["学年", "組", "区分", "在籍", "計"]);
    assert_eq!(header[5], "うち病気");
    assert_eq!(header[6], "発熱");
    assert_eq!(header[13], "インフルエンザ様疾患");
    assert_eq!(header[15], "インフルエンザ");
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let cells: Vec<&str> = rec.iter().collect();
            let enrolment = if cells[3].is_empty() { "-" } else { cells[3] };
            format!(
                "{} {}-{}: {} {}",
                cells[2],
                cells[0],
                cells[1],
                enrolment,
                cells[4..].join(" ")
            )
        })
        .collect()
}

/// The sheet's rows as the page has them: `name: figures`.
fn html_rows(html: &str) -> Vec<String> {
    let start = html.find(r#"<table class="sheet">"#).expect("the sheet");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    body.split("<tr")
        .skip(1)
        .map(|row| {
            let mut cells = Vec::new();
            let mut rest = row;
            while let Some(open) = rest.find(['<']) {
                let tag_end = open + rest[open..].find('>').unwrap() + 1;
                let tag = &rest[open..tag_end];
                rest = &rest[tag_end..];
                if tag.starts_with("<td") || tag.starts_with("<th") {
                    let end = rest.find("</t").unwrap();
                    // The text of the cell, less inner tags.
                    let mut text = String::new();
                    let mut inside = false;
                    for ch in rest[..end].chars() {
                        match ch {
                            '<' => inside = true,
                            '>' => inside = false,
                            c if !inside => text.push(c),
                            _ => {}
                        }
                    }
                    cells.push(text.trim().to_owned());
                    rest = &rest[end..];
                }
            }
            format!("{}: {}", cells[0], cells[1..].join(" "))
        })
        .collect()
}

#[tokio::test]
async fn the_sheet_counts_every_class_in_the_national_order_on_the_page_and_in_both_csvs() {
    let (app, _dir) = spawn_app().await;
    roster(&app);
    save_the_day(&app).await;
    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let url = format!("{}/schools/daiichi/sheet/{DAY}", app.base);

    // Worked out by hand from the reports above.
    let expected_csv = [
        "学級 1-1: 20 3 2 1 1 1 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0",
        &format!("学級 1-2: 3 {ZEROS}"),
        "学年計 1-: 23 3 2 1 1 1 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0",
        "学級 2-1: 5 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0",
        "学年計 2-: 5 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0",
        "学年・組 不明 -: - 1 1 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0",
        "全校 計 -: 28 4 3 1 1 1 0 0 0 1 1 1 1 0 0 0 0 0 0 0 0",
    ];

    let (status, ct, utf8) = get_bytes(&staff, &format!("{url}?format=csv&encoding=utf-8")).await;
    assert_eq!(status, 200);
    assert_eq!(ct, "text/csv; charset=utf-8");
    let text = std::str::from_utf8(utf8.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM")).unwrap();
    assert!(text.contains("\r\n"), "CRLF line ends");
    assert_eq!(csv_rows(text), expected_csv);

    let (status, ct, sjis) =
        get_bytes(&staff, &format!("{url}?format=csv&encoding=shift_jis")).await;
    assert_eq!(status, 200);
    assert_eq!(ct, "text/csv; charset=Shift_JIS");
    assert!(!sjis.starts_with(b"\xEF\xBB\xBF"));
    let (decoded, _, bad) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!bad, "valid Shift_JIS");
    assert_eq!(csv_rows(&decoded), expected_csv);
    assert_eq!(decoded, text, "the same sheet in both encodings");

    let (status, html) = get(&staff, &url).await;
    assert_eq!(status, 200);
    assert_eq!(
        html_rows(&html),
        [
            "1年1組: 20 3 2 1 1 1 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0",
            &format!("1年2組: 3 {ZEROS}"),
            "1年 計: 23 3 2 1 1 1 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0",
            "2年1組: 5 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0",
            "2年 計: 5 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0",
            "学年・組 不明: — 1 1 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0",
            "全校 計: 28 4 3 1 1 1 0 0 0 1 1 1 1 0 0 0 0 0 0 0 0",
        ]
    );
    assert!(
        html.contains("該当する症状のそれぞれに 1 人"),
        "the note on several symptoms"
    );

    // The suspension counts on each of its days; the others were one day.
    let (_, next) = get(
        &staff,
        &format!("{}/schools/daiichi/sheet/2026-11-26", app.base),
    )
    .await;
    let rows = html_rows(&next);
    assert_eq!(rows[0], format!("1年1組: 20 {ZEROS}"));
    assert_eq!(rows[3], "2年1組: 5 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0");
    let (_, monday) = get(
        &staff,
        &format!("{}/schools/daiichi/sheet/2026-11-30", app.base),
    )
    .await;
    assert!(
        html_rows(&monday).iter().all(|r| r.ends_with(ZEROS)),
        "{monday}"
    );

    // The morning list links to it; a bad format is refused.
    let (_, list) = get(&staff, &format!("{}/schools/daiichi/days/{DAY}", app.base)).await;
    assert!(list.contains(&format!("/schools/daiichi/sheet/{DAY}")));
    let (status, _) = get(&staff, &format!("{url}?format=csv&encoding=latin1")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

/// The 1-1 row of the sheet of [`DAY`].
async fn row_1_1(app: &TestApp, client: &reqwest::Client) -> String {
    let (_, html) = get(client, &format!("{}/schools/daiichi/sheet/{DAY}", app.base)).await;
    html_rows(&html).remove(0)
}

#[tokio::test]
async fn a_correction_moves_its_counts_and_a_refused_one_changes_nothing() {
    let (app, _dir) = spawn_app().await;
    roster(&app);
    let store = app.store("daiichi");
    let saved = store
        .save_report(NewReport {
            reason: Some("illness".into()),
            symptom: Some("headache".into()),
            ..report(1, "10102", "1-1", &[DAY])
        })
        .await
        .unwrap();
    let reference = saved.reference;
    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    assert_eq!(
        row_1_1(&app, &staff).await,
        "1年1組: 20 1 1 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
    );

    // The morning list offers the correction.
    let (_, list) = get(&staff, &format!("{}/schools/daiichi/days/{DAY}", app.base)).await;
    let form_url = format!("/schools/daiichi/reports/{reference}/edit?day={DAY}");
    assert!(
        list.contains(&form_url.replace('&', "&amp;")) || list.contains(&form_url),
        "{list}"
    );
    let (status, form) = get(&staff, &format!("{}{form_url}", app.base)).await;
    assert_eq!(status, 200);
    assert!(form.contains(r#"value="headache" checked"#), "{form}");
    let token = csrf_of(&form);
    let action = format!("{}/schools/daiichi/reports/{reference}/edit", app.base);
    let unchanged = || {
        let r = &store.report_rows(reference).unwrap()[0];
        assert_eq!(
            (
                r.reason.as_deref(),
                r.symptom.as_deref(),
                r.temperature,
                r.disease.as_deref()
            ),
            (Some("illness"), Some("headache"), None, None)
        );
    };

    // A temperature out of range: the form again, the mistake by its field.
    let res = post_form(
        &staff,
        &action,
        &[
            ("csrf", &token),
            ("day", DAY),
            ("reason", "illness"),
            ("symptom", "fever"),
            ("temperature", "43.5"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let again = res.text().await.unwrap();
    assert!(again.contains(r#"id="err-temperature""#), "{again}");
    assert!(
        again.contains(r#"aria-describedby="err-temperature hint-temperature""#),
        "{again}"
    );
    assert!(
        again.contains(r#"value="43.5""#),
        "what was typed comes back"
    );
    unchanged();
    // Without the token: refused.
    let res = post_form(
        &staff,
        &action,
        &[
            ("day", DAY),
            ("reason", "infectious"),
            ("disease", "influenza"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    unchanged();
    assert_eq!(
        row_1_1(&app, &staff).await,
        "1年1組: 20 1 1 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
    );

    // "It was influenza after all": the headache goes, a suspension comes.
    let res = post_form(
        &staff,
        &action,
        &[
            ("csrf", &token),
            ("day", DAY),
            ("reason", "infectious"),
            ("symptom", "headache"),
            ("temperature", "38.9"),
            ("disease", "influenza"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[LOCATION],
        format!("/schools/daiichi/days/{DAY}#ref{reference}").as_str()
    );
    let r = &store.report_rows(reference).unwrap()[0];
    assert_eq!(
        (
            r.reason.as_deref(),
            r.symptom.as_deref(),
            r.temperature,
            r.disease.as_deref()
        ),
        (Some("infectious"), None, None, Some("influenza")),
        "symptoms and temperature belong to an illness"
    );
    assert_eq!(
        row_1_1(&app, &staff).await,
        "1年1組: 20 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0"
    );
    // Who, when, before and after, on the list.
    let (_, list) = get(&staff, &format!("{}/schools/daiichi/days/{DAY}", app.base)).await;
    assert!(
        list.contains("（daiichi）: 病気 頭痛 → 出席停止（感染症） インフルエンザ"),
        "{list}"
    );

    // The parent calls again and replaces it: the old one cannot be corrected.
    store
        .save_report(NewReport {
            reason: Some("family".into()),
            correction: Some(Correction::Replace),
            ..report(2, "10102", "1-1", &[DAY])
        })
        .await
        .unwrap();
    let (status, page) = get(&staff, &format!("{}{form_url}", app.base)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("差し替えまたは取り消し"), "{page}");
    let res = post_form(
        &staff,
        &action,
        &[("csrf", &token), ("day", DAY), ("reason", "injury")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let old = &store.report_rows(reference).unwrap()[0];
    assert_eq!(
        (old.status.as_str(), old.reason.as_deref()),
        ("replaced", Some("infectious"))
    );
}

#[tokio::test]
async fn one_school_cannot_see_or_correct_another_schools_sheet_and_the_board_can_see_both() {
    let (app, _dir) = spawn_app().await;
    roster(&app);
    save_the_day(&app).await;
    let chuo = login(&app, "chuo", CHUO_PASSWORD).await;
    let (_, own) = get(&chuo, &format!("{}/schools/chuo/sheet/{DAY}", app.base)).await;
    let token = csrf_of(&own);
    for path in [
        format!("/schools/daiichi/sheet/{DAY}"),
        format!("/schools/daiichi/sheet/{DAY}?format=csv&encoding=shift_jis"),
        "/schools/daiichi/sheet".to_owned(),
        format!("/schools/daiichi/alerts.json?day={DAY}"),
        "/schools/daiichi/reports/1/edit".to_owned(),
    ] {
        let (status, body) = get(&chuo, &format!("{}{path}", app.base)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(!body.contains("1年1組"), "{path}");
    }
    let res = post_form(
        &chuo,
        &format!("{}/schools/daiichi/reports/1/edit", app.base),
        &[("csrf", &token), ("reason", "injury")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let first = &app.store("daiichi").report_rows(1).unwrap()[0];
    assert_eq!(first.reason.as_deref(), Some("illness"));

    let board = login(&app, "board", BOARD_PASSWORD).await;
    let (status, html) = get(&board, &format!("{}/schools/daiichi/sheet/{DAY}", app.base)).await;
    assert_eq!(status, 200);
    assert!(html_rows(&html)[0].starts_with("1年1組: 20 3 2"));
    let (status, _) = get(&board, &format!("{}/schools/nosuch/sheet/{DAY}", app.base)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// `student` (of 1-1) suspended with influenza today, by phone.
async fn influenza_today(p: &mut Phone<'_>, student: &str) {
    p.dial().await;
    p.press("1").await;
    p.press(&format!("{student}#")).await;
    p.press("2").await; // absence, another reason
    p.press("6").await; // infectious disease
    p.press("1").await; // influenza
    p.press("1").await; // today
    let t = p.press("1").await; // save
    assert!(t.says_any("受付番号"), "{}", t.said());
}

const CLOSURE: &str = r#"absence_line_alerts_raised_total{rule="class-rate",level="closure"}"#;
const WARNING: &str = r#"absence_line_alerts_raised_total{rule="class-rate",level="warning"}"#;

#[tokio::test]
async fn a_class_rate_alert_is_raised_once_as_reports_arrive_and_offered_as_json() {
    let (app, _dir) = spawn_app().await;
    roster(&app);
    for student in ["10101", "10102", "10103", "10104"] {
        influenza_today(&mut app.phone("daiichi"), student).await;
    }
    let day = app.reports("daiichi")[0].school_day.clone();

    // Counted by the server itself as the reports arrived, before anyone
    // looks: 4 of 20 is the 20 % closure level.
    let deadline = Instant::now() + Duration::from_secs(5);
    while metric::<u64>(&app.base, CLOSURE).await == 0 {
        assert!(Instant::now() < deadline, "the alert was never raised");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(metric::<u64>(&app.base, CLOSURE).await, 1);

    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let json_url = format!("{}/schools/daiichi/alerts.json?day={day}", app.base);
    let fetch = || async {
        let (status, body) = get(&staff, &json_url).await;
        assert_eq!(status, 200);
        serde_json::from_str::<serde_json::Value>(&body).unwrap()
    };
    let v = fetch().await;
    assert_eq!(v["school_day"], day.as_str());
    let class = v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["rule"] == "class-rate")
        .unwrap_or_else(|| panic!("{v:#}"))
        .clone();
    assert_eq!(class["key"], "class-rate/1-1");
    assert_eq!(class["level"], "closure");
    assert_eq!(class["count"], 4);
    assert_eq!(class["enrolment"], 20);
    assert_eq!(class["rate"], 0.2);
    assert_eq!(class["threshold"], 0.2);
    assert_eq!(class["classes"][0]["class"]["grade"], "1");
    assert_eq!(class["classes"][0]["class"]["class"], "1");
    assert_eq!(class["classes"][0]["ill"], 4);
    let first = class["first_raised_at"]
        .as_str()
        .expect("first_raised_at")
        .to_owned();
    assert!(
        chrono::DateTime::parse_from_rfc3339(&first).is_ok(),
        "{first}"
    );

    // The morning list shows it, calmly, at the top.
    let (_, list) = get(&staff, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    let panel = &list[list.find(r#"class="alerts""#).expect("the alerts panel")..];
    assert!(
        panel.contains("1年1組：病気・出席停止 4人／在籍 20人（20%）"),
        "{panel}"
    );
    assert!(panel.contains("学級閉鎖を検討する目安"));

    // A fifth report: still the same alert, not raised again.
    influenza_today(&mut app.phone("daiichi"), "10105").await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(metric::<u64>(&app.base, CLOSURE).await, 1);
    assert!(metric::<u64>(&app.base, WARNING).await <= 1);
    let v = fetch().await;
    let class = v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["rule"] == "class-rate")
        .unwrap()
        .clone();
    assert_eq!(class["count"], 5);
    assert_eq!(
        class["first_raised_at"],
        first.as_str(),
        "since the first time"
    );
    // In force: this day's alerts (and, after the cut-off, the day's before).
    assert!(
        metric::<u64>(
            &app.base,
            r#"absence_line_alerts_current{school="daiichi"}"#
        )
        .await
            >= v["alerts"].as_array().unwrap().len() as u64
    );
}
