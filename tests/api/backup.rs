//! `absence-line backup` and `absence-line purge`, run as an operator (or
//! cron) runs them, against a line that is answering calls.

use std::path::{Path, PathBuf};
use std::process::Command;

use absence_line::store::{CallRow, ReportRow, Store};

use crate::helpers::{Phone, TestApp, spawn_app, write_config};
use fake_twilio::scenario::report_fever_absence;

fn run(config: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every entry of `dir`, hidden ones included, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `<school>-YYYYMMDDTHHMMSSZ.sqlite`
fn is_backup_name(name: &str, school: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix(&format!("{school}-"))
        .and_then(|r| r.strip_suffix(".sqlite"))
    else {
        return false;
    };
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ").is_ok()
}

/// A Japanese absence for student 10203, no voice message.
async fn absence(p: &mut Phone<'_>) {
    p.dial().await;
    let t = p.follow(&report_fever_absence("10203")).await;
    assert!(t.says_any("受付番号"), "{}", t.said());
    p.silence().await;
    p.hang_up(80).await;
}

/// An English late arrival for student 30412, with a voice message.
async fn late_with_message(p: &mut Phone<'_>) {
    p.dial().await;
    p.press("2").await; // English: remembered for this caller
    p.press("30412#").await;
    p.press("3").await; // late
    p.press("3").await; // medical appointment
    p.press("0930#").await;
    p.press("3").await; // leave a message, then save
    let t = p.record(12).await;
    assert!(t.says_any("reference number"), "{}", t.said());
    p.silence().await;
    p.hang_up(60).await;
}

fn remembered(app: &TestApp) -> Vec<String> {
    let c = rusqlite::Connection::open(app.dir.join("data/daiichi.sqlite")).unwrap();
    let mut s = c
        .prepare("SELECT caller FROM caller_languages ORDER BY caller")
        .unwrap();
    s.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test]
async fn a_backup_taken_while_the_line_answers_calls_holds_every_earlier_report() {
    let (app, _dir) = spawn_app().await;
    late_with_message(&mut app.phone("daiichi")).await;
    absence(&mut app.phone("daiichi")).await;
    let before: Vec<ReportRow> = app.reports("daiichi");
    let calls_before: Vec<CallRow> = app.calls("daiichi");
    assert_eq!(before.len(), 2);

    let backups = tempfile::tempdir().unwrap();
    let backup = {
        let config = app.config_path.clone();
        let to = backups.path().to_owned();
        tokio::task::spawn_blocking(move || run(&config, &["backup", "--to", to.to_str().unwrap()]))
    };
    // The line keeps answering (and writing: the call, the caller's
    // language, the status) while the backup runs.
    let mut during = 0;
    while !backup.is_finished() || during == 0 {
        let mut p = app.phone("daiichi");
        p.dial().await;
        p.press("2").await;
        p.hang_up(5).await;
        during += 1;
    }
    let (ok, out, err) = backup.await.unwrap();
    assert!(ok, "{out}{err}");
    assert_eq!(app.calls("daiichi").len(), 2 + during);

    // One file per school, nothing else (no partial file), each printed
    // with its size.
    let names = entries(backups.path());
    assert_eq!(names.len(), 2, "{names:?}");
    let mut files: Vec<PathBuf> = Vec::new();
    for (school, name) in ["chuo", "daiichi"].iter().zip(&names) {
        assert!(is_backup_name(name, school), "{name}");
        let path = backups.path().join(name);
        let size = std::fs::metadata(&path).unwrap().len();
        let line = format!("{school}: {} ({size} bytes, ", path.display());
        assert!(out.contains(&line), "{line} not in:\n{out}");
        files.push(path);
    }

    let copy = Store::open(&files[1]).unwrap();
    assert!(copy.integrity_ok().unwrap());
    let saved = copy.reports_between("0000-01-01", "9999-12-31").unwrap();
    assert!(
        saved.len() >= before.len(),
        "{} of {}",
        saved.len(),
        before.len()
    );
    assert_eq!(
        saved[..before.len()],
        before[..],
        "the reports before the backup, as they were"
    );
    let calls = copy.calls_between("0000", "9999").unwrap();
    for call in &calls_before {
        assert!(calls.contains(call), "{call:?} is missing from the backup");
    }
    // A snapshot: each report in it has its call.
    for r in &saved {
        assert!(
            calls
                .iter()
                .any(|c| c.call_sid == r.call_sid && c.reports > 0),
            "{r:?}"
        );
    }
    assert!(Store::open(&files[0]).unwrap().integrity_ok().unwrap());
}

#[test]
fn a_failed_backup_exits_1_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let data = dir.path().join("data");
    for school in ["daiichi", "chuo"] {
        let id = absence_line::domain::SchoolId::parse(school).unwrap();
        drop(Store::open(&absence_line::store::file_for(&data, &id)).unwrap());
    }
    // Break a page of chuo's store: the copy cannot pass integrity_check.
    let chuo = data.join("chuo.sqlite");
    let c = rusqlite::Connection::open(&chuo).unwrap();
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(c);
    let mut bytes = std::fs::read(&chuo).unwrap();
    bytes[4096..4104].fill(0xff);
    std::fs::write(&chuo, bytes).unwrap();

    let out_dir = dir.path().join("backups");
    std::fs::create_dir(&out_dir).unwrap();
    let to = out_dir.to_str().unwrap();
    let (ok, out, err) = run(&config, &["backup", "--to", to]);
    assert!(!ok, "exit status 1 when any backup fails: {out}{err}");
    assert!(
        err.contains("chuo: backup failed") && err.contains("integrity_check"),
        "{err}"
    );
    // daiichi's backup is still made; of chuo's, nothing is left.
    let names = entries(&out_dir);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(is_backup_name(&names[0], "daiichi"), "{names:?}");
    assert!(out.contains("daiichi: "), "{out}");

    let (ok, _, err) = run(&config, &["backup", "--to", to, "--school", "chuo"]);
    assert!(!ok, "{err}");
    assert_eq!(entries(&out_dir), names);

    // A backup directory that does not exist (an unmounted disk) is not made.
    let absent = dir.path().join("not-mounted");
    let (ok, _, err) = run(&config, &["backup", "--to", absent.to_str().unwrap()]);
    assert!(!ok && err.contains("not a directory"), "{err}");
    assert!(!absent.exists());
}

#[tokio::test]
async fn purge_removes_old_caller_numbers_and_recordings_and_keeps_the_counts() {
    let (app, _dir) = spawn_app().await;
    let mut old = app.phone("daiichi");
    late_with_message(&mut old).await;
    let mut new = app.phone("daiichi");
    absence(&mut new).await;
    // A newer caller who chose English and hung up: remembered.
    let mut chooser = app.phone("daiichi");
    chooser.dial().await;
    chooser.press("2").await;
    chooser.hang_up(5).await;
    // Back-date the first call's rows by a year, as if it were an old call.
    let c = rusqlite::Connection::open(app.dir.join("data/daiichi.sqlite")).unwrap();
    let year_ago = (chrono::Utc::now() - chrono::Duration::days(365))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let sid = old.call_sid.as_str();
    c.execute(
        "UPDATE reports SET received_at = ?1 WHERE call_sid = ?2",
        [&year_ago, sid],
    )
    .unwrap();
    c.execute(
        "UPDATE calls SET started_at = ?1 WHERE call_sid = ?2",
        [&year_ago, sid],
    )
    .unwrap();
    c.execute(
        "UPDATE caller_languages SET updated_at = ?1 WHERE caller = ?2",
        [&year_ago, &old.from],
    )
    .unwrap();
    drop(c);
    let reports = app.reports("daiichi");
    let calls = app.calls("daiichi");
    // Every caller who keyed a language is remembered, Japanese too.
    let mut callers = vec![old.from.clone(), new.from.clone(), chooser.from.clone()];
    callers.sort();
    assert_eq!(remembered(&app), callers);
    assert!(reports[0].recording_url.is_some() && reports[0].caller.is_some());

    let config = &app.config_path;
    let (ok, out, err) = run(config, &["purge", "--older-than", "30", "--dry-run"]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("daiichi: would remove caller numbers from 1 report row(s) and 1 call(s), 1 recording link(s) and 1 remembered language choice(s)"),
        "{out}"
    );
    assert!(out.contains("chuo: no caller data"), "{out}");
    assert_eq!(app.reports("daiichi"), reports, "a dry run changes nothing");
    assert_eq!(app.calls("daiichi"), calls);
    assert_eq!(remembered(&app), callers);

    // While the line is answering.
    let (ok, out, err) = run(config, &["purge", "--older-than", "30"]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("daiichi: removed caller numbers from 1 report row(s) and 1 call(s), 1 recording link(s) and 1 remembered language choice(s)"),
        "{out}"
    );
    let after = app.reports("daiichi");
    assert_eq!(after.len(), reports.len(), "report rows are kept");
    let cleared = ReportRow {
        caller: None,
        recording_url: None,
        ..reports[0].clone()
    };
    assert_eq!(after[0], cleared, "only the number and the recording go");
    assert_eq!(after[0].kind.as_deref(), Some("late"));
    assert_eq!(after[1..], reports[1..], "newer reports are untouched");
    let calls_after = app.calls("daiichi");
    assert_eq!(calls_after.len(), calls.len(), "calls are kept");
    for (now, was) in calls_after.iter().zip(&calls) {
        if was.call_sid == old.call_sid {
            let cleared = CallRow {
                from_number: String::new(),
                to_number: String::new(),
                ..was.clone()
            };
            assert_eq!(now, &cleared);
            assert_eq!(
                (now.outcome.as_str(), now.duration_secs),
                ("reported", Some(60))
            );
        } else {
            assert_eq!(now, was);
        }
    }
    let mut kept = vec![new.from.clone(), chooser.from.clone()];
    kept.sort();
    assert_eq!(remembered(&app), kept);

    // Nothing is left to purge; a retention below one day is refused.
    let (ok, out, err) = run(config, &["purge", "--older-than", "30"]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("daiichi: no caller data"), "{out}");
    assert_eq!(app.reports("daiichi"), after);
    let (ok, _, err) = run(config, &["purge", "--older-than", "0"]);
    assert!(!ok, "{err}");
    assert_eq!(app.reports("daiichi"), after);
    let mut kept = vec![new.from.clone(), chooser.from.clone()];
    kept.sort();
    assert_eq!(remembered(&app), kept);
}
