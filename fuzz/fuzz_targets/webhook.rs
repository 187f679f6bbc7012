//! Fuzz the whole Twilio webhook path in process: HTTP parsing, routing, the
//! signature check, the form extractor, the call state in the query string,
//! the engine, the stores and TwiML rendering.
//!
//! Two real servers (`Application::build`, as `absence-line serve` starts
//! one) run on loopback on a runtime kept for the whole process, on the
//! shipped flow and locales with two schools and a roster: one without a
//! Twilio token (allowed on loopback, so every input reaches the engine)
//! and one with a token. Each input is one POST to `/voice/{school}`,
//! `/voice/{school}/step?<query>` or `/voice/{school}/status` (or a path
//! beside them) with a query string and a form body built from the input.
//! The input is structured (`arbitrary`) so that most requests carry real
//! step names, languages, answers and keys and get deep into a call.
//!
//! Checks:
//! - the status is one a client error may get (200, 400, 403, 404, 405,
//!   413, 415, 422): never a 5xx, which Twilio would turn into its generic
//!   error;
//! - every 200 is well-formed TwiML: `<?xml`, a `<Response>`, and XML that
//!   parses with matching tags;
//! - on the server with a token, a request signed as Twilio signs it is
//!   never refused, and one with a missing or wrong signature never gets a
//!   200.
//!
//! A panic anywhere in the server is caught by libFuzzer's panic hook,
//! which aborts before tower's `CatchPanicLayer` can turn it into an
//! apology: a crash here is a handler panic the parent would have heard as
//! an apology.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use absence_line::flow::load_flow;
use absence_line::http::{Application, Secrets, Source};
use fake_twilio::Twiml;
use fake_twilio::params::name;
use arbitrary::Arbitrary;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use libfuzzer_sys::fuzz_target;

const TOKEN: &str = "fuzz-auth-token-0123456789abcdef";

/// Where the shipped flows, locales and prompts are.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// The two servers and a client with a connection pool to both.
struct Servers {
    /// Kept so the directories live as long as the process.
    _dir: tempfile::TempDir,
    open: String,
    signed: String,
    client: Client<HttpConnector, Full<Bytes>>,
    steps: Vec<String>,
}

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
});

static SERVERS: LazyLock<Servers> = LazyLock::new(|| {
    // Every report is a durable SQLite transaction; on tmpfs the fsync is
    // free and the fuzzer runs several times faster.
    let dir = if Path::new("/dev/shm").is_dir() {
        tempfile::Builder::new().tempdir_in("/dev/shm")
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let root = dir.path();
    // Copies, so that an editor changing the repository's files during a
    // run does not reload the servers under the fuzzer.
    for name in ["call-flows", "locales", "prompts"] {
        copy_tree(&Path::new(REPO).join(name), &root.join(name));
    }
    std::fs::write(
        root.join("roster.csv"),
        "student,grade,class,number,name,kana\n10203,1,2,3,山田 花子,やまだ はなこ\n30412,3,4,12,鈴木 一郎,すずき いちろう\n",
    )
    .expect("write roster");
    std::fs::write(
        root.join("calendar.txt"),
        "2026-11-23 勤労感謝の日\n2026-12-25..2027-01-07 冬休み\n",
    )
    .expect("write calendar");
    let config = |data: &str| {
        std::fs::create_dir_all(root.join(data)).expect("make the data directory");
        let path = root.join(format!("{data}.toml"));
        let text = format!(
            r#"listen = "127.0.0.1:0"
data_dir = "{data}"

[schools.daiichi]
name = "墨田区立第一小学校"
names = {{ en = "Sumida Daiichi Elementary School" }}
calendar = "calendar.txt"
roster = "roster.csv"

[schools.chuo]
name = "墨田区立中央中学校"
cutoff = "08:30"
"#
        );
        std::fs::write(&path, text).expect("write config");
        path
    };
    let open = start(config("open"), None);
    let signed = start(config("signed"), Some(TOKEN));
    let flow_text = std::fs::read_to_string(root.join("call-flows/absence.toml")).expect("flow");
    let flow = load_flow("absence", "absence.toml", &flow_text, &|_| true)
        .expect("the shipped flow loads");
    let _guard = RUNTIME.enter();
    Servers {
        open,
        signed,
        client: Client::builder(TokioExecutor::new()).build_http(),
        steps: flow.steps.iter().map(|s| s.name.clone()).collect(),
        _dir: dir,
    }
});

/// Build and start a server; its base URL.
fn start(config: PathBuf, token: Option<&str>) -> String {
    let secrets = Secrets {
        auth_token: token.map(str::to_owned),
        ..Secrets::default()
    };
    RUNTIME.block_on(async {
        let app = Application::build(Source::new(config), secrets)
            .await
            .expect("the fuzz deployment starts");
        let base = format!("http://{}", app.local_addr());
        tokio::spawn(app.run_until_stopped());
        base
    })
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("dir entry");
        if e.path().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

/// One webhook request, as structured input.
#[derive(Debug, Arbitrary)]
struct Webhook {
    route: Route,
    school: School,
    /// Which server and which signature: mostly the open server (every
    /// input reaches the engine), a quarter signed for the server with a
    /// token, and a few with a missing or wrong signature.
    auth: u8,
    wrong_signature: String,
    query: Vec<Pair<QueryKey>>,
    /// Appended to the query as it is (percent-encoding only what a URI
    /// cannot carry), for what `Pair` cannot express.
    raw_query: Option<String>,
    body: Body,
}

#[derive(Debug, Arbitrary)]
enum Route {
    Incoming,
    Step,
    Status,
    Other(String),
}

#[derive(Debug, Arbitrary)]
enum School {
    Daiichi,
    Chuo,
    Other(String),
}

#[derive(Debug, Arbitrary)]
enum Body {
    Form(Vec<Pair<FormKey>>),
    Raw(Vec<u8>),
}

#[derive(Debug, Arbitrary)]
struct Pair<K> {
    key: K,
    value: Value,
}

/// The call state's keys (see `CallState::to_pairs`) and the channel's own.
#[derive(Debug, Arbitrary)]
enum QueryKey {
    Step,
    Lang,
    Tries,
    Return,
    In,
    Answer(u8),
    Other(String),
}

/// What Twilio posts.
#[derive(Debug, Arbitrary)]
enum FormKey {
    CallSid,
    From,
    To,
    Digits,
    FinishedOnKey,
    RecordingUrl,
    CallStatus,
    CallDuration,
    Other(String),
}

#[derive(Debug, Arbitrary)]
enum Value {
    Step(u8),
    Lang(u8),
    Tries(u8, u8, u16),
    Keys(Vec<u8>),
    Word(u8),
    Sid(u8),
    Number(u32),
    Any(String),
}

const LANGS: &[&str] = &[
    "ja", "en", "ne", "ko", "zh-CN", "pt-BR", "vi", "es", "fil", "fr", "EN", "x", "",
];

/// Answer names the shipped flow saves (`save_as`) or reads back.
const ANSWERS: &[&str] = &[
    "student",
    "kind",
    "reason",
    "symptom",
    "temperature",
    "disease",
    "day",
    "days",
    "time",
    "recording",
    "correction",
    "grade",
    "class",
    "number",
    "reference",
];

/// Option values of the shipped flow, and the shapes other answers take.
const WORDS: &[&str] = &[
    "absence",
    "late",
    "early",
    "illness",
    "injury",
    "medical",
    "family",
    "bereavement",
    "infectious",
    "other",
    "fever",
    "headache",
    "digestive",
    "respiratory",
    "rash",
    "influenza",
    "covid-19",
    "gastroenteritis",
    "keep",
    "replace",
    "cancel",
    "$today",
    "$next_school_day",
    "10203",
    "30412",
    "99999",
    "38.5",
    "2026-11-25",
    "2027-01-04",
    "09:05",
    "3",
    "none",
    "rec",
    "completed",
    "no-answer",
    "busy",
    "+819012345678",
    "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
    "",
];

impl Value {
    fn render(&self, steps: &[String]) -> String {
        let pick = |list: &[&str], i: u8| list[usize::from(i) % list.len()].to_owned();
        match self {
            Value::Step(i) => steps[usize::from(*i) % steps.len()].clone(),
            Value::Lang(i) => pick(LANGS, *i),
            Value::Tries(a, b, c) => format!("{}.{}.{}", a % 4, b % 4, c % 4),
            Value::Keys(keys) => keys
                .iter()
                .map(|k| b"0123456789*#"[usize::from(*k) % 12] as char)
                .collect(),
            Value::Word(i) => pick(WORDS, *i),
            // A few CallSids, so that requests continue calls already started.
            Value::Sid(i) => format!("CAfuzz{:02x}", i % 16),
            Value::Number(n) => n.to_string(),
            Value::Any(s) => s.clone(),
        }
    }
}

impl QueryKey {
    fn name(&self) -> String {
        match self {
            QueryKey::Step => "s".into(),
            QueryKey::Lang => "l".into(),
            QueryKey::Tries => "t".into(),
            QueryKey::Return => "r".into(),
            QueryKey::In => "in".into(),
            QueryKey::Answer(i) => format!("a.{}", ANSWERS[usize::from(*i) % ANSWERS.len()]),
            QueryKey::Other(s) => s.clone(),
        }
    }
}

impl FormKey {
    fn name(&self) -> &str {
        match self {
            FormKey::CallSid => name::CALL_SID,
            FormKey::From => name::FROM,
            FormKey::To => name::TO,
            FormKey::Digits => name::DIGITS,
            FormKey::FinishedOnKey => name::FINISHED_ON_KEY,
            FormKey::RecordingUrl => name::RECORDING_URL,
            FormKey::CallStatus => name::CALL_STATUS,
            FormKey::CallDuration => name::CALL_DURATION,
            FormKey::Other(s) => s,
        }
    }
}

/// A path segment, percent-encoded so that any string stays one segment.
fn segment(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// `raw` with every byte a URI query cannot hold percent-encoded; `%` is
/// kept, so malformed escapes (`%zz`, `%4`) reach the server's parser.
fn raw_query(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Auth {
    /// The server without a token.
    Open,
    /// The server with a token, signed with it.
    Signed,
    /// The server with a token, without `X-Twilio-Signature`.
    Missing,
    /// The server with a token, with a signature that is not its.
    Wrong,
}

const ALLOWED: &[u16] = &[200, 400, 403, 404, 405, 413, 415, 422];

fuzz_target!(|w: Webhook| {
    let servers = &*SERVERS;
    let school = match &w.school {
        School::Daiichi => "daiichi".to_owned(),
        School::Chuo => "chuo".to_owned(),
        School::Other(s) => segment(s),
    };
    let path = match &w.route {
        Route::Incoming => format!("/voice/{school}"),
        Route::Step => format!("/voice/{school}/step"),
        Route::Status => format!("/voice/{school}/status"),
        Route::Other(s) => format!("/voice/{school}/{}", segment(s)),
    };
    let mut query = form_urlencoded::Serializer::new(String::new());
    for p in &w.query {
        query.append_pair(&p.key.name(), &p.value.render(&servers.steps));
    }
    let mut query = query.finish();
    if let Some(raw) = &w.raw_query {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&raw_query(raw));
    }
    let path_and_query = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let body: Vec<u8> = match &w.body {
        Body::Form(pairs) => form_urlencoded::Serializer::new(String::new())
            .extend_pairs(
                pairs
                    .iter()
                    .map(|p| (p.key.name().to_owned(), p.value.render(&servers.steps))),
            )
            .finish()
            .into_bytes(),
        Body::Raw(bytes) => bytes.clone(),
    };
    let auth = match w.auth {
        0..=159 => Auth::Open,
        160..=223 => Auth::Signed,
        224..=239 => Auth::Missing,
        _ => Auth::Wrong,
    };
    let base = if auth == Auth::Open {
        &servers.open
    } else {
        &servers.signed
    };
    let url = format!("{base}{path_and_query}");
    let mut request =
        hyper::Request::post(&url).header("content-type", "application/x-www-form-urlencoded");
    match auth {
        Auth::Open | Auth::Missing => {}
        Auth::Signed => {
            // Over the parameters exactly as the server will read them,
            // by the fake Twilio: a slip in the server's verifier shows.
            let params: Vec<(String, String)> =
                form_urlencoded::parse(&body).into_owned().collect();
            request = request.header(
                "x-twilio-signature",
                fake_twilio::signature::sign(TOKEN, &url, &params),
            );
        }
        Auth::Wrong => {
            // A header value must be visible ASCII; the rest is dropped.
            let sig: String = w
                .wrong_signature
                .chars()
                .filter(|c| c.is_ascii_graphic())
                .collect();
            request = request.header("x-twilio-signature", sig);
        }
    }
    let request = request
        .body(Full::new(Bytes::from(body)))
        .expect("a request built from a valid URI");

    let (status, text) = RUNTIME.block_on(async {
        let answer = tokio::time::timeout(Duration::from_secs(20), async {
            let response = servers
                .client
                .request(request)
                .await
                .expect("the server answers");
            let status = response.status().as_u16();
            let bytes = response
                .into_body()
                .collect()
                .await
                .expect("the whole body arrives")
                .to_bytes();
            (status, bytes)
        })
        .await;
        answer.expect("an answer within 20 s (the server answers within 10)")
    });

    assert!(
        ALLOWED.contains(&status),
        "status {status} for POST {path_and_query}: {}",
        String::from_utf8_lossy(&text)
    );
    match auth {
        Auth::Signed => assert_ne!(status, 403, "a valid signature was refused: {url}"),
        Auth::Missing | Auth::Wrong => {
            assert_ne!(status, 200, "answered without a valid signature: {url}")
        }
        Auth::Open => {}
    }
    if status == 200 {
        let text = std::str::from_utf8(&text).expect("TwiML is UTF-8");
        assert_twiml(text);
    }
});

/// `text` is a TwiML document: declaration, a `<Response>`, well-formed
/// with every element closed.
fn assert_twiml(text: &str) {
    if let Err(e) = Twiml::read_response(text) {
        panic!("malformed TwiML: {e}\n{text}");
    }
}
