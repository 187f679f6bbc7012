//! `spawn_app()` and a scripted telephone that talks to it as Twilio would.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use absence_line::http::{Application, Secrets, Source};
use absence_line::store::{CallRow, ReportRow, Store};
pub use fake_twilio::Twiml;
use fake_twilio::params::{self, Recording};
use fake_twilio::scenario::Press;

pub const TOKEN: &str = "test-auth-token-0123456789abcdef";
pub const ADMIN_TOKEN: &str = "test-admin-token-fedcba9876543210";

/// The staff pages' test logins (their Argon2 hashes are in `write_config`).
pub const DAIICHI_PASSWORD: &str = "daiichi-staff-pass";
pub const CHUO_PASSWORD: &str = "chuo-staff-pass";
pub const BOARD_PASSWORD: &str = "board-staff-pass";
/// `daiichi`'s export token (`staff_token_hash`).
pub const DAIICHI_EXPORT_TOKEN: &str = "daiichi-export-token";

/// Copy the repository's flows, locales and prompts into `dir`, so a test
/// can edit them while a server started on `dir` watches.
pub fn copy_assets(dir: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["call-flows", "locales", "prompts"] {
        copy_tree(&repo.join(name), &dir.join(name));
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub dir: PathBuf,
    pub config_path: PathBuf,
    server: tokio::task::JoinHandle<()>,
    pub client: reqwest::Client,
    /// The server's `[limits] in_flight` permits: a test holds some to
    /// stand for requests being worked on.
    pub in_flight: std::sync::Arc<tokio::sync::Semaphore>,
}

/// A loopback port free a moment ago, for a server started as a process.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The real `absence-line serve` binary on `config`, listening on `port`.
pub fn start_binary(config: &Path, port: u16) -> std::process::Child {
    start_binary_with(
        config,
        port,
        &[("RUST_LOG", "error")],
        std::process::Stdio::null(),
    )
}

/// [`start_binary`] with more environment and its log going to `stderr`.
pub fn start_binary_with(
    config: &Path,
    port: u16,
    env: &[(&str, &str)],
    stderr: std::process::Stdio,
) -> std::process::Child {
    use std::process::{Command, Stdio};
    Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .env("TWILIO_AUTH_TOKEN", TOKEN)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

/// One sample of the `/metrics` of the server at `base`: `name` with its
/// labels as written (`absence_line_calls_total{outcome="reported"}`).
pub async fn metric<T: std::str::FromStr>(base: &str, name: &str) -> T {
    let text = reqwest::get(format!("{base}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} missing from /metrics:\n{text}"))
}

/// A browser: keeps cookies, does not follow redirects (we check them).
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub async fn post_form(
    client: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(url)
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(form)
                .finish(),
        )
        .send()
        .await
        .unwrap()
}

/// The value of the first hidden `csrf` field on a page.
pub fn csrf_of(html: &str) -> String {
    let at = html
        .find(r#"name="csrf" value=""#)
        .expect("a form with a CSRF token")
        + 19;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// Log in to the staff pages as `account` and return the browser holding the session.
pub async fn login(app: &TestApp, account: &str, password: &str) -> reqwest::Client {
    let client = browser();
    let res = post_form(
        &client,
        &format!("{}/login", app.base),
        &[("account", account), ("password", password)],
    )
    .await;
    assert_eq!(
        res.status(),
        reqwest::StatusCode::SEE_OTHER,
        "login as {account}"
    );
    client
}

/// A server on a fresh temporary data directory.
pub async fn spawn_app() -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = spawn_app_in(dir.path()).await;
    (app, dir)
}

/// A server on a fresh temporary data directory whose config ends with
/// `extra` (TOML tables such as `[limits]`).
pub async fn spawn_app_with(extra: &str) -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("extra-config.toml"), extra).unwrap();
    let app = spawn_app_in(dir.path()).await;
    (app, dir)
}

/// A server on `dir`, writing the test deployment there if it is new.
pub async fn spawn_app_in(dir: &Path) -> TestApp {
    spawn_app_in_with_secrets(
        dir,
        Secrets {
            auth_token: Some(TOKEN.into()),
            admin_token: Some(ADMIN_TOKEN.into()),
            ..Secrets::default()
        },
    )
    .await
}

/// [`spawn_app_in`] with other secrets.
pub async fn spawn_app_in_with_secrets(dir: &Path, secrets: Secrets) -> TestApp {
    let config_path = write_config(dir);
    let app = Application::build(Source::new(&config_path), secrets)
        .await
        .expect("server starts");
    let base = format!("http://{}", app.local_addr());
    let in_flight = app.in_flight_permits();
    let server = tokio::spawn(async move {
        app.run_until_stopped().await.expect("server runs");
    });
    TestApp {
        base,
        dir: dir.to_owned(),
        config_path,
        server,
        client: reqwest::Client::new(),
        in_flight,
    }
}

/// Write the test deployment's config, roster and calendar into `dir`, and
/// make its data directory (the server refuses to start without one).
pub fn write_config(dir: &Path) -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(
        dir.join("roster.csv"),
        "student,grade,class,number,name,kana\n10203,1,2,3,山田 花子,やまだ はなこ\n30412,3,4,12,鈴木 一郎,すずき いちろう\n",
    )
    .unwrap();
    // A test may bring its own calendar.
    if !dir.join("calendar.txt").exists() {
        std::fs::write(
            dir.join("calendar.txt"),
            "2026-11-23 勤労感謝の日\n2026-12-25..2027-01-07 冬休み\n",
        )
        .unwrap();
    }
    // A test that edits flows, locales or prompts copies them into `dir`
    // first (`copy_assets`); the others read the repository's.
    let asset = |name: &str| {
        let own = dir.join(name);
        if own.exists() { own } else { repo.join(name) }
    };
    let config = format!(
        r#"
listen = "127.0.0.1:0"
data_dir = "data"
flows_dir = "{flows}"
locales_dir = "{locales}"
prompts_dir = "{prompts}"

# Staff pages: BOARD_PASSWORD.
[board]
password_hash = "$argon2id$v=19$m=19456,t=2,p=1$zRKjdkCZPoXeeZA5D2fmFg$HlUcSndHuueFRaF4v/pd7rsUYL0Tcu8e9PXKP6AoQXE"

[schools.daiichi]
name = "墨田区立第一小学校"
names = {{ en = "Sumida Daiichi Elementary School" }}
calendar = "calendar.txt"
roster = "roster.csv"
# Staff pages: DAIICHI_PASSWORD, and DAIICHI_EXPORT_TOKEN for exports.
staff_password_hash = "$argon2id$v=19$m=19456,t=2,p=1$XOObDe3Y0h4tMHcfX1U9tg$bS0kBhOtrURvkX5wtpLc9FWMMbbTNt/f80/SQRKW1ok"
staff_token_hash = "$argon2id$v=19$m=19456,t=2,p=1$a8aoW3OW8o5+f+smjlgBhA$guls2lxn3FJnqHo9rs7zXAZO0wD1ZwgPgUm9SQHoy0g"

[schools.chuo]
name = "墨田区立中央中学校"
cutoff = "08:30"
# Staff pages: CHUO_PASSWORD.
staff_password_hash = "$argon2id$v=19$m=19456,t=2,p=1$qN5eqi1nqLsKxBesV4Ytvg$P1YlVv1Fa5M0Ks8Z5nQ6EtWZZ10TWaVN5q9I686BmYg"
"#,
        flows = asset("call-flows").display(),
        locales = asset("locales").display(),
        prompts = asset("prompts").display(),
    );
    // A test may add settings of its own (`[limits]`, say).
    let extra = std::fs::read_to_string(dir.join("extra-config.toml")).unwrap_or_default();
    let config_path = dir.join("absence-line.toml");
    std::fs::write(&config_path, config + &extra).unwrap();
    config_path
}

static CALLS: AtomicU32 = AtomicU32::new(0);

impl TestApp {
    /// Stop the server abruptly, as a crash or redeploy would.
    pub async fn stop(self) {
        self.server.abort();
        let _ = self.server.await;
    }

    pub fn store(&self, school: &str) -> Store {
        let id = absence_line::domain::SchoolId::parse(school).unwrap();
        Store::open(&absence_line::store::file_for(&self.dir.join("data"), &id)).unwrap()
    }

    pub fn reports(&self, school: &str) -> Vec<ReportRow> {
        self.store(school)
            .reports_between("0000-01-01", "9999-12-31")
            .unwrap()
    }

    pub fn calls(&self, school: &str) -> Vec<CallRow> {
        self.store(school).calls_between("0000", "9999").unwrap()
    }

    /// The call log once `done` holds of it. The server queues call-log
    /// changes for its next group commit and answers without waiting, so a
    /// test that looks right after a webhook may be a moment early. Panics
    /// after 5 s with the last rows seen.
    pub async fn calls_when(
        &self,
        school: &str,
        done: impl Fn(&[CallRow]) -> bool,
    ) -> Vec<CallRow> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let calls = self.calls(school);
            if done(&calls) {
                return calls;
            }
            if std::time::Instant::now() > deadline {
                panic!("the call log never got there: {calls:#?}");
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    /// A new call from a parent's phone to `school`.
    pub fn phone(&self, school: &str) -> Phone<'_> {
        let n = CALLS.fetch_add(1, Ordering::Relaxed);
        Phone {
            app: self,
            call_sid: params::call_sid(u64::from(std::process::id()), u64::from(n)),
            from: params::caller_number(12_340_000 + u64::from(n)),
            school: school.to_owned(),
            last: None,
        }
    }

    /// POST a form to `path` signed as Twilio signs it with `token`.
    pub async fn post_signed(
        &self,
        path: &str,
        params: &[(String, String)],
        token: Option<&str>,
    ) -> reqwest::Response {
        let url = format!("{}{}", self.base, path);
        let mut req = self
            .client
            .post(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(params)
                    .finish(),
            );
        if let Some(t) = token {
            req = req.header(
                "X-Twilio-Signature",
                fake_twilio::signature::sign(t, &url, params),
            );
        }
        req.send().await.expect("request reaches the server")
    }
}

/// A parent's telephone: it follows the TwiML like Twilio does.
pub struct Phone<'a> {
    pub app: &'a TestApp,
    pub call_sid: String,
    pub from: String,
    pub school: String,
    pub last: Option<Twiml>,
}

impl Phone<'_> {
    fn params(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        params::call(&self.call_sid, &self.from, extra)
    }

    async fn post(&mut self, path: &str, extra: &[(&str, &str)]) -> Twiml {
        let params = self.params(extra);
        let res = self.app.post_signed(path, &params, Some(TOKEN)).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["content-type"], "text/xml; charset=utf-8");
        let t = Twiml::parse(&res.text().await.unwrap());
        self.last = Some(t.clone());
        t
    }

    fn last(&self) -> &Twiml {
        self.last.as_ref().expect("the call has started")
    }

    /// Twilio resolves a relative action URL against the URL it requested.
    fn resolve(url: &str) -> String {
        assert!(url.starts_with('/'), "action URLs are path-absolute: {url}");
        url.to_owned()
    }

    /// The incoming call (the number's Voice URL).
    pub async fn dial(&mut self) -> Twiml {
        let path = format!("/voice/{}", self.school);
        self.post(&path, &[("CallStatus", "ringing")]).await
    }

    /// Press keys at the current `<Gather>` (Twilio stops at numDigits or the finish key).
    pub async fn press(&mut self, keys: &str) -> Twiml {
        let action = Self::resolve(
            self.last()
                .gather_action
                .as_deref()
                .expect("a Gather is waiting"),
        );
        let input = self.last().gather_input(keys);
        self.post(&action, &input).await
    }

    /// Press each of a scenario's keys in turn (`fake_twilio::scenario`);
    /// what the last press brought.
    pub async fn follow(&mut self, presses: &[Press]) -> Twiml {
        let mut heard = None;
        for p in presses {
            heard = Some(self.press(&p.keys).await);
        }
        heard.expect("a scenario presses keys")
    }

    /// Only the finish key: Twilio makes the action request only when the
    /// Gather asked for `actionOnEmptyResult`.
    pub async fn finish_key_only(&mut self) -> Twiml {
        let t = self.last().clone();
        let key = t.gather_finish_on_key.clone().unwrap_or_default();
        if t.gather_on_empty {
            let action = Self::resolve(t.gather_action.as_deref().unwrap());
            self.post(&action, &[("Digits", ""), ("FinishedOnKey", &key)])
                .await
        } else {
            self.silence().await
        }
    }

    /// Say nothing: Twilio moves to the verb after `<Gather>`/`<Record>`.
    pub async fn silence(&mut self) -> Twiml {
        let t = self.last().clone();
        if t.gather_on_empty {
            let action = Self::resolve(t.gather_action.as_deref().unwrap());
            return self.post(&action, &[("Digits", "")]).await;
        }
        let url = Self::resolve(
            t.redirect
                .as_deref()
                .expect("a Redirect follows the Gather"),
        );
        self.post(&url, &[]).await
    }

    /// Leave a voice message at the current `<Record>`.
    pub async fn record(&mut self, secs: u32) -> Twiml {
        let action = Self::resolve(
            self.last()
                .record_action
                .as_deref()
                .expect("a Record is waiting"),
        );
        let url = params::recording_url(&format!("RE{secs:032x}"));
        let secs = secs.to_string();
        self.post(
            &action,
            &[
                ("RecordingUrl", &url),
                ("RecordingDuration", &secs),
                ("Digits", "#"),
            ],
        )
        .await
    }

    /// This call's own recording: Twilio's URL (and, at its end, its id).
    pub fn recording_url(&self, secs: u32) -> String {
        let tail = &self.call_sid[self.call_sid.len() - 24..];
        params::recording_url(&format!("RE{tail}{secs:08x}"))
    }

    /// Hang up while recording at the current `<Record>`: Twilio still
    /// posts its action, with `Digits=hangup`, and ignores the answer.
    pub async fn record_then_hang_up(&mut self, secs: u32) -> Twiml {
        let action = Self::resolve(
            self.last()
                .record_action
                .as_deref()
                .expect("a Record is waiting"),
        );
        let url = self.recording_url(secs);
        let sid = url.rsplit('/').next().unwrap().to_owned();
        let secs = secs.to_string();
        self.post(
            &action,
            &[
                ("RecordingUrl", &url),
                ("RecordingSid", &sid),
                ("RecordingDuration", &secs),
                ("Digits", "hangup"),
                ("CallStatus", "completed"),
            ],
        )
        .await
    }

    /// Twilio's recording status callback for this call's recording of
    /// `secs` seconds, to the `<Record>`'s `recordingStatusCallback`.
    pub async fn recording_status(
        &self,
        callback: &str,
        secs: u32,
        status: &str,
        error: Option<&str>,
    ) -> reqwest::Response {
        let path = callback
            .strip_prefix(&self.app.base)
            .expect("the callback is on this server");
        let url = self.recording_url(secs);
        let sid = url.rsplit('/').next().unwrap().to_owned();
        let recording = Recording {
            sid: &sid,
            url: &url,
            seconds: secs,
        };
        let params = params::recording_status(&self.call_sid, &recording, status, error);
        self.app.post_signed(path, &params, Some(TOKEN)).await
    }

    /// Twilio's final status callback.
    pub async fn hang_up(&mut self, duration: u32) {
        let path = format!("/voice/{}/status", self.school);
        let d = duration.to_string();
        let params = self.params(&[("CallStatus", "completed"), ("CallDuration", &d)]);
        let res = self.app.post_signed(&path, &params, Some(TOKEN)).await;
        assert_eq!(res.status(), 200);
        // The end is committed just after Twilio is answered.
        let sid = self.call_sid.clone();
        self.app
            .calls_when(&self.school, |c| {
                c.iter().any(|r| r.call_sid == sid && r.ended_at.is_some())
            })
            .await;
    }
}
