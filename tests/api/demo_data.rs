//! `absence-line demo-data`: a small district written into a directory
//! serves as it is, and its staff and board see its reports.

use std::collections::HashMap;
use std::process::Command;

use absence_line::http::{Application, Secrets, Source};
use absence_line::store::Store;

use crate::helpers::{BOARD_PASSWORD, TOKEN, browser, post_form, write_config};

#[tokio::test]
async fn a_demo_district_serves_its_rosters_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    // The test deployment's config is the template: its flows, locales,
    // prompts and board login.
    let template = write_config(&dir.path().join("template"));
    let out = dir.path().join("demo");
    let run = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .arg("--config")
        .arg(&template)
        .args(["demo-data", "--schools", "2", "--days", "10", "--seed", "7"])
        .args(["--until", "2026-11-27", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{said}");
    assert!(
        said.contains("2 schools") && said.contains("reports"),
        "{said}"
    );

    // The reports are in the store as the line saves them.
    let day = "2026-11-27";
    let (rows, names) = {
        let store = Store::open(&out.join("data/school-001.sqlite")).unwrap();
        let names: HashMap<String, String> = store
            .students()
            .unwrap()
            .into_iter()
            .map(|s| (s.student, s.name))
            .collect();
        (store.reports_between("2026-11-13", day).unwrap(), names)
    };
    assert!(rows.len() > 50, "{} rows", rows.len());
    let today: Vec<_> = rows.iter().filter(|r| r.school_day == day).collect();
    assert!(!today.is_empty());

    let app = Application::build(
        Source {
            listen: Some("127.0.0.1:0".parse().unwrap()),
            ..Source::new(out.join("absence-line.toml"))
        },
        Secrets {
            auth_token: Some(TOKEN.into()),
            ..Secrets::default()
        },
    )
    .await
    .expect("the demo's config serves");
    let base = format!("http://{}", app.local_addr());
    let server = tokio::spawn(app.run_until_stopped());

    // The school's staff, with the password PASSWORDS.txt gives them.
    let passwords = std::fs::read_to_string(out.join("PASSWORDS.txt")).unwrap();
    let password = passwords
        .lines()
        .find_map(|l| l.strip_prefix("school-001\t"))
        .expect("school-001's password");
    let staff = browser();
    let res = post_form(
        &staff,
        &format!("{base}/login"),
        &[("account", "school-001"), ("password", password)],
    )
    .await;
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
    let list = staff
        .get(format!("{base}/schools/school-001/days/{day}"))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    let list = list.text().await.unwrap();
    let reported = today[0].student.as_deref().unwrap();
    assert!(list.contains(&names[reported]), "{reported} on the list");
    let export: Vec<serde_json::Value> = staff
        .get(format!(
            "{base}/schools/school-001/export?from=2026-11-13&to={day}&format=json"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(export.len(), rows.len(), "every active row is exported");

    // The board sees both schools by name.
    let board = browser();
    let res = post_form(
        &board,
        &format!("{base}/login"),
        &[("account", "board"), ("password", BOARD_PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
    let overview = board
        .get(format!("{base}/board"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        overview.contains("みどり区立第一小学校") && overview.contains("みどり区立第二小学校"),
        "{overview}"
    );
    server.abort();
}
