//! What an outsider tried against issue 11's pages and phone step, and
//! what broke: a parent pressing on at the symptoms heard the apology, the
//! board's account could rewrite a school's reports, a store that could not
//! remember its alerts hid them, a full disk hid the morning list; and
//! what held: a staff correction racing a parent's replacing call keeps
//! the counts equal to a recount.

use absence_line::domain::Student;
use absence_line::store::{ClassCount, IMPORTED, Store};
use reqwest::StatusCode;

use crate::helpers::{
    BOARD_PASSWORD, DAIICHI_PASSWORD, Phone, TestApp, csrf_of, login, post_form, spawn_app,
};
use fake_twilio::scenario::report_family_absence;

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let res = client.get(url).send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

/// `daiichi`'s roster, imported: class 1-1 of 20 students, 10101–10120.
fn roster(app: &TestApp) {
    let students: Vec<Student> = (1..=20)
        .map(|i| Student {
            student: format!("101{i:02}"),
            grade: "1".into(),
            class: "1".into(),
            number: i.to_string(),
            name: format!("生徒 {i}"),
            ..Default::default()
        })
        .collect();
    app.store("daiichi")
        .replace_students(&students, IMPORTED, "test")
        .unwrap();
}

/// From the greeting to the symptoms of an absence for illness.
async fn to_the_symptoms(p: &mut Phone<'_>, student: &str) -> crate::helpers::Twiml {
    p.dial().await;
    p.press("1").await; // 日本語
    p.press(&format!("{student}#")).await;
    p.press("2").await; // absence, another reason or day
    p.press("1").await // illness
}

/// Keys as Twilio posts them from the `<Gather>` waiting now: no more than
/// its `numDigits`, when it has one.
fn as_twilio_takes(t: &crate::helpers::Twiml, keys: &str) -> String {
    let n = t
        .gather_num_digits
        .as_deref()
        .map_or(keys.len(), |n| n.parse().unwrap());
    keys[..n.min(keys.len())].to_owned()
}

/// A parent (or a child with the phone) who presses on at the symptoms:
/// Twilio takes any number of keys at a `<Gather>` without `numDigits`,
/// and an entry longer than 32 keys was refused as bad input, so the
/// parent heard the apology and the call ended. Now the entry holds at
/// most 32 keys and is judged as any entry is.
#[tokio::test]
async fn a_parent_who_presses_on_at_the_symptoms_is_heard_not_cut_off() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    let t = to_the_symptoms(&mut p, "10203").await;
    assert!(t.says_any("症状をすべて"), "{}", t.said());
    let keys = as_twilio_takes(&t, &"1".repeat(40));
    let t = p.press(&keys).await;
    assert!(!t.hangup, "the call goes on: {}", t.said());
    assert!(
        t.says_any("体温"),
        "fever, pressed many times, is fever: {}",
        t.said()
    );
}

/// The board sees every school's list but corrects none of its reports:
/// no 訂正 link, and the form and its post are refused whatever they carry.
#[tokio::test]
async fn the_board_reads_a_schools_list_but_cannot_correct_its_reports() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.follow(&report_family_absence("10203")).await;
    let report = app.reports("daiichi")[0].clone();
    let list = format!("{}/schools/daiichi/days/{}", app.base, report.school_day);
    let edit = format!(
        "{}/schools/daiichi/reports/{}/edit",
        app.base, report.reference
    );

    let board = login(&app, "board", BOARD_PASSWORD).await;
    let (status, html) = get(&board, &list).await;
    assert_eq!(status, 200);
    assert!(html.contains("10203"), "the board reads the list");
    assert!(!html.contains("/edit"), "no 訂正 link for the board");
    let token = csrf_of(&html);
    let (status, _) = get(&board, &edit).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let res = post_form(
        &board,
        &edit,
        &[
            ("csrf", &token),
            ("reason", "infectious"),
            ("disease", "influenza"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let rows = app.store("daiichi").report_rows(report.reference).unwrap();
    assert_eq!(rows[0].reason.as_deref(), Some("family"), "nothing changed");
    assert!(
        !app.store("daiichi")
            .history(&[report.reference])
            .unwrap()
            .iter()
            .any(|e| e.action == "edited")
    );

    // The school's own staff still can.
    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (_, html) = get(&staff, &list).await;
    assert!(html.contains(&format!(
        "/schools/daiichi/reports/{}/edit",
        report.reference
    )));
    let (status, _) = get(&staff, &edit).await;
    assert_eq!(status, 200);
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
    let t = p.press("1").await;
    assert!(t.says_any("受付番号"), "{}", t.said());
}

/// A full or read-only disk refuses the small write that remembers when an
/// alert was first raised. The alert must still be shown: `alerts.json`
/// answered 500 and the morning list lost its panel, the very morning the
/// school needed them.
#[tokio::test]
async fn alerts_are_shown_when_the_store_cannot_remember_them() {
    let (app, _dir) = spawn_app().await;
    roster(&app);
    // Every write into `alerts` refused, as a full disk would.
    let db = rusqlite::Connection::open(app.dir.join("data/daiichi.sqlite")).unwrap();
    db.execute_batch(
        "CREATE TRIGGER disk_full BEFORE INSERT ON alerts
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    )
    .unwrap();
    for student in ["10101", "10102", "10103", "10104"] {
        influenza_today(&mut app.phone("daiichi"), student).await;
    }
    let day = app.reports("daiichi")[0].school_day.clone();
    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (status, body) = get(
        &staff,
        &format!("{}/schools/daiichi/alerts.json?day={day}", app.base),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let class = v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "class-rate/1-1")
        .unwrap_or_else(|| panic!("{v:#}"));
    assert_eq!(class["level"], "closure");
    assert_eq!(class["count"], 4);
    assert!(class["first_raised_at"].is_null(), "never remembered");
    let (status, list) = get(&staff, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    assert_eq!(status, 200);
    assert!(list.contains(r#"class="alerts""#), "the panel is there");
}

/// Opening the morning list notes the look (for the 新着 badges), a write:
/// on a full disk the list answered 500, so the school could not read its
/// absences at all. The list is read; only the look is not noted.
#[tokio::test]
async fn the_morning_list_is_read_when_the_disk_refuses_writes() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.follow(&report_family_absence("10203")).await;
    let day = app.reports("daiichi")[0].school_day.clone();
    let db = rusqlite::Connection::open(app.dir.join("data/daiichi.sqlite")).unwrap();
    db.execute_batch(
        "CREATE TRIGGER disk_full_views BEFORE INSERT ON list_views
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
         CREATE TRIGGER disk_full_alerts BEFORE INSERT ON alerts
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    )
    .unwrap();
    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (status, list) = get(&staff, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    assert_eq!(status, 200, "{list}");
    assert!(list.contains("10203"), "the report is listed");
}

/// The kept counts, in the recount's order.
fn kept(store: &Store) -> Vec<ClassCount> {
    let mut v = store.class_counts("0000-00-00", "9999-99-99").unwrap();
    v.sort();
    v
}

/// Held: a nurse's correction and a parent's replacing call land at the
/// same moment (and two corrections of one report at once); whichever wins,
/// the counts equal a recount from the rows, and a correction that lost to
/// the call changed nothing (409).
#[tokio::test]
async fn a_correction_racing_a_replacing_call_keeps_the_counts_equal_to_a_recount() {
    let (app, _dir) = spawn_app().await;
    roster(&app);
    let staff = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    for student in ["10105", "10106", "10107"] {
        let mut first = app.phone("daiichi");
        first.dial().await;
        first.press("1").await;
        first.press(&format!("{student}#")).await;
        first.press("2").await; // absence, another reason
        first.press("4").await; // family
        first.press("1").await; // today
        first.press("1").await; // save
        let earlier = app
            .reports("daiichi")
            .into_iter()
            .find(|r| r.student.as_deref() == Some(student))
            .unwrap();
        let edit = format!(
            "{}/schools/daiichi/reports/{}/edit",
            app.base, earlier.reference
        );
        let (_, form) = get(&staff, &edit).await;
        let token = csrf_of(&form);

        // The parent calls again: it is a headache after all; replace.
        let mut again = app.phone("daiichi");
        to_the_symptoms(&mut again, student).await;
        again.press("5#").await; // headache
        let t = again.press("1").await; // today
        assert!(t.says_any("すでに受け付けています"), "{}", t.said());
        again.press("1").await; // replace
        let flu = [
            ("csrf", token.as_str()),
            ("reason", "infectious"),
            ("disease", "influenza"),
        ];
        let mumps = [
            ("csrf", token.as_str()),
            ("reason", "infectious"),
            ("disease", "mumps"),
        ];
        let (saved, a, b) = tokio::join!(
            again.press("1"),
            post_form(&staff, &edit, &flu),
            post_form(&staff, &edit, &mumps),
        );
        assert!(saved.says_any("受付番号"), "{}", saved.said());
        for res in [a, b] {
            assert!(
                [StatusCode::SEE_OTHER, StatusCode::CONFLICT].contains(&res.status()),
                "{}",
                res.status()
            );
        }
        let store = app.store("daiichi");
        assert_eq!(kept(&store), store.recounted_class_counts().unwrap());
        let rows = store.report_rows(earlier.reference).unwrap();
        assert_eq!(rows[0].status, "replaced");
    }
}
