//! When a new roster replaces the school's: an imported roster takes
//! precedence over the config's roster file at every start and reload, and
//! a roster that would drop more than half of the students (a records
//! system's truncated export) is refused, from `roster import` unless
//! `--allow-shrink`, and from the config's file on reload (the reload is
//! refused) and at start (logged; the line starts with the roster it had).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use absence_line::domain::Student;
use absence_line::store::{FROM_FILE, Store};

use crate::helpers::{
    ADMIN_TOKEN, TestApp, free_port, spawn_app, spawn_app_in, start_binary_with, write_config,
};

const HEADER: &str = "student,grade,class,number,name,kana\n";

/// `absence-line roster …` in `dir`, on `dir`'s config: (success, stdout,
/// stderr).
fn roster(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .current_dir(dir)
        .arg("--config")
        .arg(dir.join("absence-line.toml"))
        .arg("roster")
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A roster CSV of these student numbers.
fn roster_csv(students: &[&str]) -> String {
    let mut csv = String::from(HEADER);
    for s in students {
        csv += &format!("{s},1,2,3,生徒 {s},せいと\n");
    }
    csv
}

/// Student numbers of `daiichi`'s roster, as its store holds it.
fn daiichi_students(dir: &Path) -> Vec<String> {
    let store = Store::open(&dir.join("data/daiichi.sqlite")).unwrap();
    store
        .students()
        .unwrap()
        .into_iter()
        .map(|s| s.student)
        .collect()
}

async fn admin_reload(app: &TestApp) -> (u16, String) {
    let res = app
        .client
        .post(format!("{}/admin/reload", app.base))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn an_imported_roster_is_kept_over_the_config_file_across_a_restart_and_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    // The config names roster.csv (10203 and 30412); the office imports
    // its own roster before the line ever started.
    write_config(dir);
    std::fs::write(
        dir.join("imported.csv"),
        roster_csv(&["55501", "55502", "55503"]),
    )
    .unwrap();
    let (ok, out, err) = roster(dir, &["import", "--school", "daiichi", "imported.csv"]);
    assert!(ok, "{out}{err}");
    let imported = ["55501", "55502", "55503"];

    let app = spawn_app_in(dir).await;
    assert_eq!(daiichi_students(dir), imported, "kept at the first start");

    // The file changes: a reload applies everything else, not the roster.
    std::fs::write(
        dir.join("roster.csv"),
        roster_csv(&["10203", "30412", "40001"]),
    )
    .unwrap();
    let (status, body) = admin_reload(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(daiichi_students(dir), imported, "kept over a reload");

    let (ok, out, err) = roster(dir, &["show", "--school", "daiichi"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("daiichi: 3 student(s) in 1 grade(s) and 1 class(es), imported as sha256:"),
        "{out}"
    );
    assert!(
        out.contains("roster.csv is not used: the imported roster takes precedence."),
        "{out}"
    );

    // A restart (the config's file rewritten once more) keeps it too.
    app.stop().await;
    let app = spawn_app_in(dir).await;
    assert_eq!(daiichi_students(dir), imported, "kept over a restart");
    let (status, body) = admin_reload(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(daiichi_students(dir), imported);
}

#[tokio::test]
async fn a_roster_file_cut_to_its_header_is_refused_on_reload_and_the_old_roster_keeps_serving() {
    let (app, dir) = spawn_app().await;
    let dir = dir.path();
    assert_eq!(daiichi_students(dir), ["10203", "30412"]);

    std::fs::write(dir.join("roster.csv"), HEADER).unwrap();
    let (status, body) = admin_reload(&app).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("roster.csv of daiichi is refused: it has 0 student(s) where the roster in use has 2: more than half would be dropped"),
        "{body}"
    );
    assert!(
        body.contains("absence-line roster import --school daiichi --allow-shrink "),
        "{body}"
    );
    // The file watcher saw the write too; neither reload touched the roster.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(daiichi_students(dir), ["10203", "30412"]);
    assert!(
        app.store("daiichi")
            .roster_lookup("10203")
            .unwrap()
            .1
            .is_some(),
        "the line still finds the student"
    );
    let refused: u64 =
        crate::helpers::metric(&app.base, "absence_line_reload_failures_total").await;
    assert!(refused >= 1, "the refused reload is counted");

    // The whole file again (one student more) is applied.
    std::fs::write(
        dir.join("roster.csv"),
        roster_csv(&["10203", "30412", "40001"]),
    )
    .unwrap();
    let (status, body) = admin_reload(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(daiichi_students(dir), ["10203", "30412", "40001"]);
    let (ok, out, err) = roster(dir, &["show", "--school", "daiichi"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with(
            "daiichi: 3 student(s) in 1 grade(s) and 1 class(es), copied from the config's roster file "
        ),
        "{out}"
    );
}

#[tokio::test]
async fn a_roster_file_cut_to_its_header_at_start_is_logged_and_the_old_roster_kept() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let config = write_config(dir);
    // What an earlier start copied in from the file, before the records
    // system's export was cut short.
    let earlier = ["10203", "30412"].map(|s| Student {
        student: s.into(),
        grade: "1".into(),
        class: "2".into(),
        number: "3".into(),
        name: "生徒".into(),
        ..Default::default()
    });
    Store::open(&dir.join("data/daiichi.sqlite"))
        .unwrap()
        .replace_students(&earlier, FROM_FILE, "an earlier file")
        .unwrap();
    std::fs::write(dir.join("roster.csv"), HEADER).unwrap();

    let port = free_port();
    let log_path = dir.join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut server = start_binary_with(&config, port, &[("RUST_LOG", "info")], log.into());
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while client
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .send()
        .await
        .is_err()
    {
        assert!(Instant::now() < deadline, "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();

    let log = std::fs::read_to_string(&log_path).unwrap();
    let line = log
        .lines()
        .find(|l| l.contains("roster.csv of daiichi is refused"))
        .unwrap_or_else(|| panic!("no refusal in the log:\n{log}"));
    assert!(line.contains("ERROR"), "{line}");
    assert!(
        line.contains("it has 0 student(s) where the roster in use has 2")
            && line.contains("--allow-shrink"),
        "{line}"
    );
    assert_eq!(daiichi_students(dir), ["10203", "30412"]);
}

#[test]
fn an_import_that_drops_most_students_needs_allow_shrink() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    write_config(dir);
    let four = ["10001", "10002", "10003", "10004"];
    std::fs::write(dir.join("four.csv"), roster_csv(&four)).unwrap();
    std::fs::write(dir.join("one.csv"), roster_csv(&["10001"])).unwrap();
    let (ok, out, err) = roster(dir, &["import", "--school", "daiichi", "four.csv"]);
    assert!(ok, "{out}{err}");

    let (ok, out, err) = roster(dir, &["import", "--school", "daiichi", "one.csv"]);
    assert!(!ok, "{out}");
    assert!(
        err.contains("one.csv has 1 student(s) where the roster of daiichi has 4: more than half would be dropped")
            && err.contains("nothing was imported and the roster of daiichi is unchanged")
            && err.contains("run the import again with --allow-shrink"),
        "{err}"
    );
    assert_eq!(daiichi_students(dir), four);

    let (ok, out, err) = roster(
        dir,
        &["import", "--school", "daiichi", "--allow-shrink", "one.csv"],
    );
    assert!(ok, "{out}{err}");
    assert!(out.contains("it had 4 student(s) before"), "{out}");
    assert_eq!(daiichi_students(dir), ["10001"]);

    // A header alone is refused even so: it would leave no roster at all.
    std::fs::write(dir.join("none.csv"), HEADER).unwrap();
    let (ok, _, err) = roster(
        dir,
        &[
            "import",
            "--school",
            "daiichi",
            "--allow-shrink",
            "none.csv",
        ],
    );
    assert!(!ok);
    assert!(
        err.contains("none.csv has a header but no students"),
        "{err}"
    );
    assert_eq!(daiichi_students(dir), ["10001"]);
}
