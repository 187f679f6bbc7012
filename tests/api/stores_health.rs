//! Stores that vanish, cannot be written or are damaged, and a data
//! directory that is not there: the line never says "recorded" for a
//! report it will lose, one school's broken store leaves the others
//! served, and `/healthz` and `/metrics` say which school is out.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use absence_line::store::Store;

use crate::helpers::{
    ADMIN_TOKEN, TOKEN, TestApp, Twiml, free_port, spawn_app, spawn_app_in, write_config,
};
use fake_twilio::scenario::identify;

/// Walk a call to `chuo` (no roster) up to the read-back, where `1` saves.
async fn to_the_save<'a>(app: &'a TestApp, student: &str) -> crate::helpers::Phone<'a> {
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await; // Japanese
    p.press(&format!("{student}#")).await;
    p.press("2").await; // absent, another reason
    p.press("9").await; // other reason
    p.press("1").await; // today
    p
}

async fn get(app: &TestApp, path: &str) -> (u16, String) {
    let res = app
        .client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The apology at once: no menu, the call ended.
fn is_apology_at_once(t: &Twiml) -> bool {
    t.hangup && t.gather_action.is_none() && t.says_any("申し訳ありません")
}

/// Files in `dir` whose name starts with `prefix`.
fn files_with(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect()
}

#[tokio::test]
async fn a_store_deleted_while_running_is_never_acknowledged_and_its_reports_are_copied_out() {
    let (app, dir) = spawn_app().await;
    let mut first = to_the_save(&app, "1111").await;
    assert!(first.press("1").await.says_any("受付番号"), "saved before");

    let mut second = to_the_save(&app, "2222").await;
    let data = dir.path().join("data");
    std::fs::remove_file(data.join("chuo.sqlite")).unwrap();
    let t = second.press("1").await;
    assert!(t.hangup && t.says_any("申し訳ありません"), "{}", t.raw);
    assert!(
        !t.says_any("受付番号"),
        "never recorded into a deleted file"
    );

    let (status, body) = get(&app, "/healthz").await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("chuo: its file was deleted"), "{body}");
    assert!(!body.contains("daiichi"), "{body}");
    let (_, metrics) = get(&app, "/metrics").await;
    assert!(
        metrics.contains("absence_line_store_unusable{school=\"chuo\"} 1")
            && metrics.contains("absence_line_store_unusable{school=\"daiichi\"} 0"),
        "{metrics}"
    );

    // The next caller hears the apology at the greeting; the other school
    // is served as before.
    assert!(is_apology_at_once(&app.phone("chuo").dial().await));
    let mut other = app.phone("daiichi");
    assert!(other.dial().await.gather_action.is_some());

    // What the server had written to the deleted file, the acknowledged
    // report first, is in the orphaned copy beside it (made just after the
    // caller was answered).
    let start = Instant::now();
    let copies = loop {
        let copies = files_with(&data, "chuo.sqlite.orphaned-");
        if !copies.is_empty() || start.elapsed() > Duration::from_secs(5) {
            break copies;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    assert_eq!(copies.len(), 1, "{copies:?}");
    let c = rusqlite::Connection::open(&copies[0]).unwrap();
    let students: Vec<String> = c
        .prepare("SELECT student FROM reports ORDER BY reference")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(students.first().map(String::as_str), Some("1111"));
}

/// A store with a damaged page in the middle.
fn damage(path: &Path) {
    drop(Store::open(path).unwrap());
    let c = rusqlite::Connection::open(path).unwrap();
    for n in 0..40 {
        c.execute(
            "INSERT INTO calls (call_sid, started_at, from_number, to_number, channel)
             VALUES (?1, '2026-11-24T22:00:00Z', ?2, '+81300000000', 'twilio')",
            [format!("CA{n:032}"), "+819000000000".repeat(20)],
        )
        .unwrap();
    }
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(c);
    let mut bytes = std::fs::read(path).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 4, "{pages} pages");
    let middle = pages / 2 * 4096;
    bytes[middle..middle + 64].fill(0xa5);
    std::fs::write(path, bytes).unwrap();
}

#[tokio::test]
async fn a_damaged_store_takes_only_its_school_out_and_its_callers_hear_the_apology_at_the_greeting()
 {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path());
    damage(&dir.path().join("data/chuo.sqlite"));
    let app = spawn_app_in(dir.path()).await;

    let (status, body) = get(&app, "/healthz").await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("chuo: damaged"), "{body}");
    let (_, metrics) = get(&app, "/metrics").await;
    assert!(
        metrics.contains("absence_line_store_unusable{school=\"chuo\"} 1"),
        "{metrics}"
    );

    assert!(is_apology_at_once(&app.phone("chuo").dial().await));
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.follow(&identify("10203")).await;
    p.press("2").await; // absent, another reason
    p.press("9").await;
    p.press("1").await;
    assert!(
        p.press("1").await.says_any("受付番号"),
        "the other school is served"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_store_does_not_stop_the_server_and_a_reload_takes_it_back_once_put_right()
 {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path());
    let chuo = dir.path().join("data/chuo.sqlite");
    std::fs::write(&chuo, "not a database\n".repeat(500)).unwrap();
    let app = spawn_app_in(dir.path()).await;

    let (status, body) = get(&app, "/healthz").await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("chuo: not an SQLite store"), "{body}");
    assert!(is_apology_at_once(&app.phone("chuo").dial().await));
    assert!(app.phone("daiichi").dial().await.gather_action.is_some());

    // The operator moves the file away; a reload opens the school's store.
    std::fs::remove_file(&chuo).unwrap();
    let res = app
        .client
        .post(format!("{}/admin/reload", app.base))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(get(&app, "/healthz").await, (200, "ok".into()));
    assert!(app.phone("chuo").dial().await.gather_action.is_some());
}

/// The real binary on `config` at `port`, as user `uid` if given.
fn serve(config: &Path, port: u16, uid: Option<u32>, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_absence-line"));
    cmd.args(["--config", config.to_str().unwrap(), "serve", "--listen"])
        .arg(format!("127.0.0.1:{port}"))
        .args(extra)
        .env("TWILIO_AUTH_TOKEN", TOKEN)
        .env("RUST_LOG", "info")
        .stdout(Stdio::null());
    if let Some(uid) = uid {
        use std::os::unix::process::CommandExt;
        cmd.uid(uid).gid(uid);
    }
    cmd
}

/// `/healthz` once the server answers.
async fn healthz_when_up(client: &reqwest::Client, base: &str) -> (u16, String) {
    let start = Instant::now();
    loop {
        if let Ok(res) = client.get(format!("{base}/healthz")).send().await {
            return (res.status().as_u16(), res.text().await.unwrap());
        }
        assert!(start.elapsed() < Duration::from_secs(20), "never came up");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn dial(client: &reqwest::Client, base: &str, school: &str) -> Twiml {
    let url = format!("{base}/voice/{school}");
    let params: Vec<(String, String)> = [
        ("CallSid", "CA0000000000000000000000000000ro01"),
        ("From", "+819011112222"),
        ("To", "+81312345678"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let res = client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header(
            "X-Twilio-Signature",
            fake_twilio::signature::sign(TOKEN, &url, &params),
        )
        .body(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&params)
                .finish(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    Twiml::parse(&res.text().await.unwrap())
}

/// A backup restored by root while the service runs as another user: the
/// file is there, readable, and cannot be written. As root (where file
/// modes stop nothing) the server runs as `nobody` (65534) on a data
/// directory it owns, with chuo's store owned by root; otherwise the file
/// is made read-only.
#[tokio::test]
async fn a_store_that_cannot_be_written_is_refused_at_start_not_at_the_save() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let data = dir.path().join("data");
    drop(Store::open(&data.join("chuo.sqlite")).unwrap());
    // SAFETY: geteuid cannot fail and touches no memory.
    let root = unsafe { libc::geteuid() } == 0;
    let uid = if root {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::chown(&data, Some(65534), Some(65534)).unwrap();
        Some(65534)
    } else {
        let ro = std::fs::Permissions::from_mode(0o444);
        std::fs::set_permissions(data.join("chuo.sqlite"), ro).unwrap();
        None
    };
    let port = free_port();
    let log = dir.path().join("server.log");
    let mut server = serve(&config, port, uid, &[])
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let (status, body) = healthz_when_up(&client, &base).await;
    let chuo = dial(&client, &base, "chuo").await;
    let daiichi = dial(&client, &base, "daiichi").await;
    server.kill().unwrap();
    server.wait().unwrap();
    let log = std::fs::read_to_string(log).unwrap();

    assert_eq!(status, 503, "{body}\n{log}");
    assert!(body.contains("chuo: cannot be written"), "{body}");
    assert!(
        log.contains("SCHOOL OUT OF SERVICE") && log.contains("readonly"),
        "said loudly at start: {log}"
    );
    assert!(is_apology_at_once(&chuo), "{}", chuo.raw);
    assert!(daiichi.gather_action.is_some(), "{}", daiichi.raw);
}

#[tokio::test]
async fn serve_refuses_a_missing_data_directory_and_creates_it_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let data = dir.path().join("data");
    std::fs::remove_dir(&data).unwrap();

    let log = dir.path().join("serve.log");
    let mut server = serve(&config, free_port(), None, &[])
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > Duration::from_secs(20) {
            server.kill().unwrap();
            server.wait().unwrap();
            break None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let err = std::fs::read_to_string(&log).unwrap();
    assert!(
        status.is_some_and(|s| !s.success()),
        "refused to start: {status:?} {err}"
    );
    assert!(
        err.contains(&format!(
            "the data directory {} does not exist",
            data.display()
        )) && err.contains("--create-data-dir"),
        "{err}"
    );
    assert!(!data.exists(), "nothing was created");

    // Other commands refuse too, rather than make an empty store.
    std::fs::write(
        dir.path().join("r.csv"),
        "student,grade,class,number,name\n10203,1,2,3,山田\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "roster",
            "import",
            "--school",
            "chuo",
        ])
        .arg(dir.path().join("r.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    assert!(!data.exists(), "nothing was created");

    let port = free_port();
    let mut server = serve(&config, port, None, &["--create-data-dir"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let health = healthz_when_up(&client, &format!("http://127.0.0.1:{port}")).await;
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(health, (200, "ok".into()));
    assert!(data.join("chuo.sqlite").exists());
}
