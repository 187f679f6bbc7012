//! A small W3C WebDriver client for driving Debian's headless Chromium
//! through chromedriver: just what the staff-page test needs.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

pub struct Browser {
    driver: Child,
    base: String,
    session: String,
    client: reqwest::Client,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Browser {
    /// Start chromedriver and a headless Chromium session.
    pub async fn start() -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (Debian package chromium-driver; .ci/run installs it)");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        let started = Instant::now();
        while client.get(format!("{base}/status")).send().await.is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,1400", "--lang=ja",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            },
        }}});
        let res: Value = client
            .post(format!("{base}/session"))
            .json(&caps)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let session = res["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {res}"))
            .to_owned();
        Browser {
            driver,
            base,
            session,
            client,
            _profile: profile,
        }
    }

    async fn cmd(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut req = self.client.request(method, url);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let v: Value = req.send().await.unwrap().json().await.unwrap();
        if v["value"].get("error").is_some() {
            panic!("WebDriver {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    pub async fn goto(&self, url: &str) {
        self.cmd(reqwest::Method::POST, "/url", Some(json!({ "url": url })))
            .await;
    }

    pub async fn url(&self) -> String {
        self.cmd(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn source(&self) -> String {
        self.cmd(reqwest::Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The first element matching a CSS selector.
    pub async fn find(&self, css: &str) -> String {
        let v = self
            .cmd(
                reqwest::Method::POST,
                "/element",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .await;
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap()
            .to_owned()
    }

    pub async fn count(&self, css: &str) -> usize {
        let url = format!("{}/session/{}/elements", self.base, self.session);
        let v: Value = self
            .client
            .post(url)
            .json(&json!({ "using": "css selector", "value": css }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        v["value"].as_array().map_or(0, Vec::len)
    }

    pub async fn attribute(&self, css: &str, name: &str) -> String {
        let el = self.find(css).await;
        let v = self
            .cmd(
                reqwest::Method::GET,
                &format!("/element/{el}/attribute/{name}"),
                None,
            )
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Wait (up to 10 s) until `css` matches exactly `n` elements: a click
    /// that submits a form returns before the next page has loaded.
    pub async fn wait_for(&self, css: &str, n: usize) -> usize {
        let started = Instant::now();
        loop {
            let found = self.count(css).await;
            if found == n || started.elapsed() > Duration::from_secs(10) {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        self.cmd(
            reqwest::Method::POST,
            &format!("/element/{el}/value"),
            Some(json!({ "text": text })),
        )
        .await;
    }

    pub async fn click(&self, css: &str) {
        let el = self.find(css).await;
        self.cmd(
            reqwest::Method::POST,
            &format!("/element/{el}/click"),
            Some(json!({})),
        )
        .await;
    }

    /// Run `script` in the page with a callback as its last argument, and
    /// return what it passed to the callback (waits up to 60 s).
    pub async fn execute_async(&self, script: &str) -> Value {
        self.cmd(
            reqwest::Method::POST,
            "/timeouts",
            Some(json!({ "script": 60_000 })),
        )
        .await;
        self.cmd(
            reqwest::Method::POST,
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Resize the window (a phone's 390 px, say).
    pub async fn set_window_size(&self, width: u32, height: u32) {
        self.cmd(
            reqwest::Method::POST,
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .await;
    }

    /// Save a PNG screenshot of the window.
    pub async fn screenshot(&self, path: &Path) {
        let b64 = self.cmd(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap())
            .unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }

    /// Print the page to PDF on A4, as a teacher would.
    pub async fn print_a4(&self, path: &Path) {
        let b64 = self
            .cmd(
                reqwest::Method::POST,
                "/print",
                Some(json!({ "page": { "width": 21.0, "height": 29.7 }, "background": true })),
            )
            .await;
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap())
            .unwrap();
        std::fs::write(path, pdf).unwrap();
    }

    /// The browser's cookies as a `Cookie:` header value.
    pub async fn cookie_header(&self) -> String {
        let v = self.cmd(reqwest::Method::GET, "/cookie", None).await;
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{}={}",
                    c["name"].as_str().unwrap(),
                    c["value"].as_str().unwrap()
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn quit(mut self) {
        let _ = self
            .client
            .delete(format!("{}/session/{}", self.base, self.session))
            .send()
            .await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
