//! `loadgen`: many parents phoning at once, as Twilio would relay them.
//!
//! Each simulated caller has its own CallSid, caller number and student
//! number, and walks the whole default call (language 1, student number + #,
//! absence, illness, fever, 38.5, today, no message, confirm, then silence →
//! goodbye, then Twilio's status callback) by following the `<Gather action>`
//! / `<Redirect>` of each TwiML answer, every request signed with
//! `X-Twilio-Signature` exactly as Twilio signs it. A call counts as
//! completed only when the caller heard the reference number (the TwiML after
//! "confirm" waits at `s=saved` with `a.reference=` in its action).
//!
//! `--ceiling` runs the same load (same requests, connections and think
//! time) against a minimal axum handler in this process that only parses the
//! form and answers fixed TwiML, and prints every figure as a ratio to it.
//!
//! The client is hyper's HTTP/1.1 connection API over a fixed pool of
//! `--connections` keep-alive connections, on one single-threaded runtime.
//! With `--spawn` the server runs in this process on its own runtime (one
//! worker thread, like `absence-line serve` under `taskset -c 0`), pinned to
//! `--server-core`; the load runs on `--load-core`. Figures in BENCHMARKS.md.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The same allocator as the server, so that the ceiling handler in this
/// process is measured on equal terms.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use absence_line::channel::twilio::signature;
use absence_line::http::{Application, Secrets, Source};
use absence_line::store::Store;
use anyhow::{Context, bail};
use axum::Form;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::post;
use clap::Parser;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::{Barrier, Semaphore};

/// The token `--spawn` gives its server (and the default `--token`).
const SPAWN_TOKEN: &str = "loadgen-auth-token-0123456789abcdef";
/// The school `--spawn` configures: no roster, so any 4–8 digit number works.
const SPAWN_SCHOOL: &str = "loadtest";
/// Twilio gives up on a webhook after 15 s.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, Parser)]
#[command(
    name = "loadgen",
    about = "Many simulated callers walking whole default calls over signed Twilio webhooks"
)]
struct Args {
    /// A running server's base URL, e.g. http://127.0.0.1:8080. Requests are
    /// signed for this base unless --public-url says otherwise (it must be the
    /// server's `public_url`, or its listen address when that is unset).
    #[arg(long, required_unless_present = "spawn", conflicts_with = "spawn")]
    target: Option<String>,
    /// Start the server in this process instead: 127.0.0.1:0, a temporary
    /// data directory, one school without a roster.
    #[arg(long)]
    spawn: bool,
    /// The base URL signatures are computed over (with --target).
    #[arg(long, requires = "target")]
    public_url: Option<String>,
    /// The server's TWILIO_AUTH_TOKEN (with --target).
    #[arg(long, env = "TWILIO_AUTH_TOKEN", default_value = SPAWN_TOKEN, hide_env_values = true)]
    token: String,
    /// The school to call (with --target; --spawn configures `loadtest`).
    #[arg(long, default_value = SPAWN_SCHOOL)]
    school: String,
    /// Keep-alive HTTP/1.1 connections to the server (the most requests in flight).
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Stop after this many calls (with --menu-step: step requests).
    #[arg(long, conflicts_with = "seconds")]
    calls: Option<u64>,
    /// Stop after this many seconds (default 10 when --calls is not given);
    /// calls still going then are abandoned.
    #[arg(long)]
    seconds: Option<f64>,
    /// Each caller waits about this long before every key press or silence
    /// (each wait is drawn uniformly from ½ to 1½ times it, so that callers
    /// do not move in step).
    #[arg(long, default_value_t = 0)]
    think_ms: u64,
    /// Repeat one menu step (the kind menu, key 1 → the reason menu) instead
    /// of whole calls; each caller first dials and enters a student number.
    #[arg(long)]
    menu_step: bool,
    /// Hold this many calls in progress at once (callers, each with think
    /// time between steps, over --connections connections) and sample the
    /// server's resident memory.
    #[arg(long)]
    in_progress: Option<usize>,
    /// Also run the same load against a minimal axum handler (parse the form,
    /// answer fixed TwiML) in this process, and print the ratios.
    #[arg(long)]
    ceiling: bool,
    /// The server's process id (with --target): its CPU time and VmRSS.
    #[arg(long, requires = "target")]
    server_pid: Option<u32>,
    /// The server's data directory (with --target): count the reports stored.
    #[arg(long, requires = "target")]
    data_dir: Option<PathBuf>,
    /// Pin the in-process server (--spawn, --ceiling) to this CPU.
    #[arg(long, default_value_t = 0)]
    server_core: usize,
    /// Pin the load generator to this CPU.
    #[arg(long, default_value_t = 1)]
    load_core: usize,
    /// Do not pin threads to CPUs.
    #[arg(long)]
    no_pin: bool,
    /// Leave out Twilio's status callback at the end of each call.
    #[arg(long)]
    no_status_callback: bool,
    /// Where `call-flows/`, `locales/` and `prompts/` are (with --spawn).
    #[arg(long, default_value = env!("CARGO_MANIFEST_DIR"))]
    assets: PathBuf,
    /// Keep the temporary directory of --spawn (config, stores, server.log).
    #[arg(long)]
    keep: bool,
    /// After the run, run the same load again while this many unsigned,
    /// half-sent webhooks (headers and two bytes of a 100-byte body, to
    /// `/voice/<school>/step`) are held open at once, each reopened as soon
    /// as the server closes it; print both runs. The denial of service of
    /// issue 10, bounded, on loopback.
    #[arg(long)]
    attack: Option<usize>,
}

fn main() -> std::process::ExitCode {
    match run_main(Args::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("loadgen: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run_main(args: Args) -> anyhow::Result<()> {
    if args.connections == 0 {
        bail!("--connections must be at least 1");
    }
    if args.in_progress.is_some() && args.think_ms == 0 {
        bail!(
            "--in-progress needs --think-ms: callers without think time are not waiting at a menu"
        );
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pin = !args.no_pin && args.server_core < cores && args.load_core < cores;
    if !args.no_pin && !pin {
        eprintln!("loadgen: {cores} CPU(s): not pinning");
    }
    let spawn = if args.spawn {
        Some(SpawnDir::create(&args.assets, args.keep)?)
    } else {
        None
    };
    // The in-process servers first, on their own pinned thread, so that
    // their runtime's threads (and the store's blocking threads, started
    // from them) inherit its CPU and not the load generator's.
    let servers = if spawn.is_some() || args.ceiling {
        Some(start_servers(
            spawn.as_ref().map(|d| d.config.clone()),
            args.ceiling,
            pin.then_some(args.server_core),
        )?)
    } else {
        None
    };
    if pin && !pin_current_thread(args.load_core) {
        eprintln!("loadgen: could not pin the load to CPU {}", args.load_core);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the load generator's runtime")?;
    let result = rt.block_on(run(&args, spawn.as_ref(), servers.as_ref(), pin));
    drop(spawn);
    result
}

/// `--spawn`'s temporary directory: config, data, log.
struct SpawnDir {
    dir: PathBuf,
    config: PathBuf,
    keep: bool,
}

impl SpawnDir {
    fn create(assets: &Path, keep: bool) -> anyhow::Result<SpawnDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "absence-line-loadgen-{}-{nanos:x}",
            std::process::id()
        ));
        std::fs::create_dir_all(dir.join("data"))
            .with_context(|| format!("creating {}", dir.display()))?;
        for name in ["call-flows", "locales", "prompts"] {
            if !assets.join(name).is_dir() {
                bail!(
                    "{} has no {name}/: point --assets at the repository",
                    assets.display()
                );
            }
        }
        let config = dir.join("absence-line.toml");
        let toml_str = |p: PathBuf| toml::Value::String(p.display().to_string()).to_string();
        std::fs::write(
            &config,
            format!(
                "listen = \"127.0.0.1:0\"\n\
                 data_dir = {data}\n\
                 flows_dir = {flows}\n\
                 locales_dir = {locales}\n\
                 prompts_dir = {prompts}\n\n\
                 [schools.{SPAWN_SCHOOL}]\n\
                 name = \"負荷試験小学校\"\n",
                data = toml_str(dir.join("data")),
                flows = toml_str(assets.join("call-flows")),
                locales = toml_str(assets.join("locales")),
                prompts = toml_str(assets.join("prompts")),
            ),
        )?;
        Ok(SpawnDir { dir, config, keep })
    }

    fn store_path(&self) -> PathBuf {
        self.dir.join("data").join(format!("{SPAWN_SCHOOL}.sqlite"))
    }
}

impl Drop for SpawnDir {
    fn drop(&mut self) {
        if self.keep {
            eprintln!("loadgen: kept {}", self.dir.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The servers running in this process.
struct Servers {
    app: Option<SocketAddr>,
    ceiling: Option<SocketAddr>,
}

fn start_servers(
    config: Option<PathBuf>,
    ceiling: bool,
    core: Option<usize>,
) -> anyhow::Result<Servers> {
    if let Some(config) = &config {
        // The server logs as `serve` does (info, or RUST_LOG), to a file
        // beside its data so the terminal keeps the figures.
        let log = std::fs::File::create(config.with_file_name("server.log"))?;
        tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
            )
            .with_ansi(false)
            .with_writer(Mutex::new(log))
            .init();
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("server".into())
        .spawn(move || {
            if let Some(c) = core
                && !pin_current_thread(c)
            {
                eprintln!("loadgen: could not pin the server to CPU {c}");
            }
            let rt = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("server-worker")
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    let _ = tx.send(Err(anyhow::Error::from(e)));
                    return;
                }
            };
            rt.block_on(async move {
                let started = async {
                    let app = match config {
                        Some(config) => {
                            let secrets = Secrets {
                                auth_token: Some(SPAWN_TOKEN.into()),
                                ..Secrets::default()
                            };
                            let app = Application::build(Source::new(&config), secrets)
                                .await
                                .context("starting the server")?;
                            let addr = app.local_addr();
                            tokio::spawn(app.run_until_stopped());
                            Some(addr)
                        }
                        None => None,
                    };
                    let ceiling = if ceiling {
                        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                        let addr = l.local_addr()?;
                        tokio::spawn(axum::serve(l, ceiling_router()).into_future());
                        Some(addr)
                    } else {
                        None
                    };
                    anyhow::Ok(Servers { app, ceiling })
                }
                .await;
                let _ = tx.send(started);
                // Serve until the process ends.
                std::future::pending::<()>().await;
            });
        })?;
    rx.recv().context("the server thread ended")?
}

// ---------------------------------------------------------------------------
// The ceiling: the least an axum webhook can do.

/// A kind-menu-sized answer (a `<Gather>` with one `<Say>`, a `<Redirect>`).
const CEILING_TWIML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?><Response><Gather action="/voice/loadtest/step?s=reason&amp;l=ja&amp;t=0.0.0&amp;a.kind=absence&amp;a.student=1001" timeout="6" finishOnKey="" numDigits="1">"#,
    r#"<Say voice="Polly.Mizuki" language="ja-JP">理由を選んでください。病気は1、けがは2、通院は3、家庭の事情は4、忌引は5、感染症は6、その他は9を押してください。</Say></Gather>"#,
    r#"<Redirect>/voice/loadtest/step?s=reason&amp;l=ja&amp;t=0.0.0&amp;a.kind=absence&amp;a.student=1001&amp;in=none</Redirect></Response>"#,
);

async fn minimal(Form(params): Form<Vec<(String, String)>>) -> impl IntoResponse {
    std::hint::black_box(params);
    (
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        CEILING_TWIML,
    )
}

fn ceiling_router() -> Router {
    Router::new()
        .route("/voice/{school}", post(minimal))
        .route("/voice/{school}/step", post(minimal))
        .route("/voice/{school}/status", post(minimal))
}

// ---------------------------------------------------------------------------
// CPUs, CPU time, memory.

#[cfg(target_os = "linux")]
fn pin_current_thread(core: usize) -> bool {
    // SAFETY: a zeroed cpu_set_t is the empty set; CPU_SET writes inside it;
    // sched_setaffinity(0, …) reads it for the calling thread.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(core, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) == 0
    }
}

#[cfg(not(target_os = "linux"))]
fn pin_current_thread(_core: usize) -> bool {
    false
}

#[cfg(target_os = "linux")]
fn cpu_time(who: libc::c_int) -> Duration {
    let mut ru = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; zeroed is a valid rusage.
    let ru = unsafe {
        libc::getrusage(who, ru.as_mut_ptr());
        ru.assume_init()
    };
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

/// (this process, this thread): CPU time so far.
#[cfg(target_os = "linux")]
fn own_cpu() -> (Duration, Duration) {
    (cpu_time(libc::RUSAGE_SELF), cpu_time(libc::RUSAGE_THREAD))
}

#[cfg(not(target_os = "linux"))]
fn own_cpu() -> (Duration, Duration) {
    (Duration::ZERO, Duration::ZERO)
}

/// Another process's CPU time (user + system), from /proc/<pid>/stat.
fn process_cpu(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat(5); `after` starts at field 3.
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    #[cfg(target_os = "linux")]
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    #[cfg(not(target_os = "linux"))]
    let hz = 100;
    Some(Duration::from_nanos(ticks * 1_000_000_000 / hz))
}

/// CPU time the whole machine spent busy (all CPUs), from /proc/stat.
fn machine_busy() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let f: Vec<u64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal …
    let busy = f.iter().take(8).sum::<u64>() - f.get(3)? - f.get(4)?;
    #[cfg(target_os = "linux")]
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    #[cfg(not(target_os = "linux"))]
    let hz = 100;
    Some(Duration::from_nanos(busy * 1_000_000_000 / hz))
}

/// VmRSS of a process, in kB.
fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

// ---------------------------------------------------------------------------
// The client: a fixed pool of keep-alive HTTP/1.1 connections.

struct Pool {
    addr: SocketAddr,
    host: String,
    permits: Semaphore,
    idle: Mutex<Vec<SendRequest<Full<Bytes>>>>,
}

struct Answer {
    status: u16,
    body: Bytes,
    latency: Duration,
}

impl Pool {
    fn new(addr: SocketAddr, connections: usize) -> Pool {
        Pool {
            addr,
            host: addr.to_string(),
            permits: Semaphore::new(connections),
            idle: Mutex::new(Vec::with_capacity(connections)),
        }
    }

    async fn connect(&self) -> Result<SendRequest<Full<Bytes>>, String> {
        let stream = TcpStream::connect(self.addr)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        stream
            .set_nodelay(true)
            .map_err(|e| format!("nodelay: {e}"))?;
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("handshake: {e}"))?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(sender)
    }

    /// A free connection: an idle one that is still open, or a new one.
    async fn checkout(&self) -> Result<SendRequest<Full<Bytes>>, String> {
        loop {
            let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            match idle {
                Some(mut c) => {
                    if c.ready().await.is_ok() {
                        return Ok(c);
                    }
                }
                None => return self.connect().await,
            }
        }
    }

    /// POST a form; the latency is from writing the request to the end of
    /// the answer (waiting for a free connection is not in it).
    async fn post(&self, path: &str, body: Bytes, signature: &str) -> Result<Answer, String> {
        let _permit = self.permits.acquire().await.map_err(|e| e.to_string())?;
        let mut conn = self.checkout().await?;
        let req = hyper::Request::post(path)
            .header(header::HOST, &self.host)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-twilio-signature", signature)
            .body(Full::new(body))
            .map_err(|e| e.to_string())?;
        let started = Instant::now();
        let exchange = async {
            let res = conn.send_request(req).await?;
            let status = res.status().as_u16();
            let body = res.into_body().collect().await?.to_bytes();
            Ok::<_, hyper::Error>((status, body))
        };
        let (status, body) = tokio::time::timeout(REQUEST_TIMEOUT, exchange)
            .await
            .map_err(|_| format!("no answer within {REQUEST_TIMEOUT:?}"))?
            .map_err(|e| e.to_string())?;
        let latency = started.elapsed();
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(conn);
        Ok(Answer {
            status,
            body,
            latency,
        })
    }
}

// ---------------------------------------------------------------------------
// What a caller hears: just enough TwiML to follow the call.

#[derive(Debug, Default, Clone)]
struct Heard {
    /// `<Gather action>` or `<Record action>`.
    action: Option<String>,
    on_empty: bool,
    redirect: Option<String>,
    hangup: bool,
}

fn hear(xml: &str) -> Heard {
    let mut h = Heard::default();
    if let Some(i) = xml.find("<Gather ").or_else(|| xml.find("<Record ")) {
        let tag = &xml[i..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        h.action = attr(tag, "action");
        h.on_empty = attr(tag, "actionOnEmptyResult").as_deref() == Some("true");
    }
    if let Some(i) = xml.find("<Redirect") {
        let rest = &xml[i..];
        if let (Some(open), Some(close)) = (rest.find('>'), rest.find("</Redirect>"))
            && open < close
        {
            h.redirect = Some(unescape(&rest[open + 1..close]));
        }
    }
    h.hangup = xml.contains("<Hangup");
    h
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!(" {name}=\"");
    let start = tag.find(&pat)? + pat.len();
    let len = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + len]))
}

fn unescape(s: &str) -> String {
    quick_xml::escape::unescape(s).map_or_else(|_| s.to_owned(), |c| c.into_owned())
}

/// Whether an action URL waits at `step`.
fn at_step(action: &str, step: &str) -> bool {
    action
        .split_once('?')
        .is_some_and(|(_, q)| q.split('&').any(|kv| kv.strip_prefix("s=") == Some(step)))
}

// ---------------------------------------------------------------------------
// The call.

/// One move of the default call, and where the flow must then be.
#[derive(Debug, Clone, Copy)]
enum Move {
    Dial,
    Press(&'static str, &'static str),
    /// The student number, then `#`.
    Student(&'static str),
    /// The key that saves; the caller must then hear the reference number.
    Confirm,
    /// No key at the "another child?" menu: goodbye and hang up.
    Silence,
    /// Twilio's status callback after the hang-up.
    Status,
}

const DEFAULT_CALL: [Move; 12] = [
    Move::Dial,
    Move::Press("1", "student"), // Japanese
    Move::Student("kind"),
    Move::Press("1", "reason"),      // absence
    Move::Press("1", "symptom"),     // illness
    Move::Press("1", "temperature"), // fever
    Move::Press("385", "day"),       // 38.5
    Move::Press("1", "message"),     // today
    Move::Press("2", "summary"),     // no voice message
    Move::Confirm,
    Move::Silence,
    Move::Status,
];

/// What a request of the default call does, for the latency by step.
fn move_label(i: usize) -> String {
    match DEFAULT_CALL.get(i) {
        Some(Move::Dial) => "dial (call log: start)".to_owned(),
        Some(Move::Press(k, next)) => format!("key {k} → {next}"),
        Some(Move::Student(next)) => format!("student number # → {next}"),
        Some(Move::Confirm) => "key 1: confirm → save → reference".to_owned(),
        Some(Move::Silence) => "silence → goodbye".to_owned(),
        Some(Move::Status) => "status callback (call log: end)".to_owned(),
        None => format!("request {i}"),
    }
}

/// Moves before the kind menu (the setup of --menu-step).
const TO_KIND_MENU: usize = 3;

/// One request of a recorded call, replayed against the ceiling.
#[derive(Debug, Clone)]
struct Step {
    path: String,
    extra: Vec<(String, String)>,
    completes: bool,
}

#[derive(Debug, Clone)]
enum Work {
    /// Whole calls against the real server, following its TwiML.
    Walk,
    /// Reach the kind menu, then press 1 there over and over.
    Menu,
    /// The probe call's requests, each caller with its own CallSid.
    Replay(Arc<Vec<Step>>),
    /// One request over and over.
    ReplayOne(Step),
}

#[derive(Debug, Default)]
struct Tally {
    requests: u64,
    /// Latencies (ns) by the request's place in the call (see DEFAULT_CALL).
    by_step: Vec<Vec<u64>>,
    /// All latencies, sorted (filled in at the end of the run).
    latencies_ns: Vec<u64>,
    calls: u64,
    completed: u64,
    abandoned: u64,
    non_200: u64,
    transport: u64,
    wrong_flow: u64,
    first_error: Option<String>,
}

impl Tally {
    fn merge(&mut self, o: Tally) {
        self.requests += o.requests;
        if self.by_step.len() < o.by_step.len() {
            self.by_step.resize_with(o.by_step.len(), Vec::new);
        }
        for (mine, theirs) in self.by_step.iter_mut().zip(o.by_step) {
            mine.extend(theirs);
        }
        self.calls += o.calls;
        self.completed += o.completed;
        self.abandoned += o.abandoned;
        self.non_200 += o.non_200;
        self.transport += o.transport;
        self.wrong_flow += o.wrong_flow;
        if self.first_error.is_none() {
            self.first_error = o.first_error;
        }
    }

    fn errors(&self) -> u64 {
        self.non_200 + self.transport + self.wrong_flow
    }

    fn note(&mut self, e: String) {
        if self.first_error.is_none() {
            self.first_error = Some(e);
        }
    }
}

/// Why a call stopped early.
enum Stop {
    /// The run's time is up: not an error.
    Time,
    Failed,
}

/// Everything the callers of one run share.
struct Load {
    pool: Pool,
    signer: signature::Signer,
    /// What signatures are computed over: the server's public base URL.
    base: String,
    school: String,
    think: Duration,
    work: Work,
    status_callback: bool,
    /// Units of work handed out (calls, or step requests with --menu-step).
    handed_out: AtomicU64,
    limit: Option<u64>,
    seconds: Option<f64>,
    /// Call numbers: CallSid, caller number and student number.
    next_call: AtomicU64,
    run_id: u64,
    student_base: u64,
    in_call: AtomicUsize,
    stopping: AtomicBool,
}

impl Load {
    fn take_unit(&self, deadline: Option<Instant>) -> bool {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return false;
        }
        let n = self.handed_out.fetch_add(1, Ordering::Relaxed);
        self.limit.is_none_or(|l| n < l)
    }
}

struct Caller {
    load: Arc<Load>,
    deadline: Option<Instant>,
    tally: Tally,
    /// The place in the call of the request being made.
    at: usize,
    /// The think-time jitter's state (never 0).
    rng: u64,
    sid: String,
    from: String,
    student: String,
}

impl Caller {
    fn new(load: Arc<Load>, index: u64) -> Caller {
        let rng = (load.run_id ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1;
        Caller {
            rng,
            load,
            deadline: None,
            tally: Tally::default(),
            at: 0,
            sid: String::new(),
            from: String::new(),
            student: String::new(),
        }
    }

    fn new_call(&mut self) {
        let n = self.load.next_call.fetch_add(1, Ordering::Relaxed);
        self.sid = format!("CA{:016x}{n:016x}", self.load.run_id);
        self.from = format!("+8190{:08}", n % 100_000_000);
        self.student = (self.load.student_base + n).to_string();
    }

    fn params(&self, extra: &[(String, String)]) -> Vec<(String, String)> {
        let mut p: Vec<(String, String)> = [
            ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
            ("ApiVersion", "2010-04-01"),
            ("CallSid", self.sid.as_str()),
            ("CallStatus", "in-progress"),
            ("Called", "+81312345678"),
            ("Caller", self.from.as_str()),
            ("Direction", "inbound"),
            ("From", self.from.as_str()),
            ("FromCountry", "JP"),
            ("FromCity", ""),
            ("To", "+81312345678"),
            ("ToCountry", "JP"),
        ]
        .iter()
        .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k))
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        p.extend(extra.iter().cloned());
        p
    }

    /// Wait the think time, unless the run is over by then.
    async fn think(&mut self) -> Result<(), Stop> {
        if self.load.think.is_zero() {
            return Ok(());
        }
        // xorshift64: uniform in [0.5, 1.5) × think.
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        let u = (self.rng >> 11) as f64 / (1u64 << 53) as f64;
        let wake = Instant::now() + self.load.think.mul_f64(0.5 + u);
        if let Some(d) = self.deadline
            && wake >= d
        {
            // Still in the call until the run ends, then hang up.
            tokio::time::sleep_until(d.into()).await;
            return Err(Stop::Time);
        }
        tokio::time::sleep_until(wake.into()).await;
        Ok(())
    }

    /// The form body of a webhook and its `X-Twilio-Signature`.
    fn prepare(&self, path: &str, extra: &[(String, String)]) -> (Bytes, String) {
        let params = self.params(extra);
        let url = format!("{}{}", self.load.base, path);
        let sig = self.load.signer.compute(&url, &params);
        let body = form_urlencoded::Serializer::new(String::with_capacity(400))
            .extend_pairs(&params)
            .finish();
        (Bytes::from(body), sig)
    }

    /// One signed webhook: the TwiML of a 200, or a counted error.
    async fn exchange(&mut self, path: &str, extra: &[(String, String)]) -> Result<String, Stop> {
        let (body, sig) = self.prepare(path, extra);
        self.send(path, body, &sig).await
    }

    async fn send(&mut self, path: &str, body: Bytes, sig: &str) -> Result<String, Stop> {
        if self.deadline.is_some_and(|d| Instant::now() >= d)
            || self.load.stopping.load(Ordering::Relaxed)
        {
            return Err(Stop::Time);
        }
        match self.load.pool.post(path, body, sig).await {
            Ok(a) => {
                self.tally.requests += 1;
                if self.tally.by_step.len() <= self.at {
                    self.tally.by_step.resize_with(self.at + 1, Vec::new);
                }
                self.tally.by_step[self.at]
                    .push(u64::try_from(a.latency.as_nanos()).unwrap_or(u64::MAX));
                if a.status == 200 {
                    Ok(String::from_utf8_lossy(&a.body).into_owned())
                } else {
                    self.tally.non_200 += 1;
                    self.tally.note(format!("{path}: HTTP {}", a.status));
                    Err(Stop::Failed)
                }
            }
            Err(e) => {
                self.tally.transport += 1;
                self.tally.note(format!("{path}: {e}"));
                Err(Stop::Failed)
            }
        }
    }

    fn wrong(&mut self, what: String) -> Stop {
        self.tally.wrong_flow += 1;
        self.tally.note(what);
        Stop::Failed
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_owned(), v.to_owned())
    }

    /// Walk `moves` of the default call, following the server's TwiML;
    /// `record` keeps each request for the ceiling. Returns the TwiML
    /// last heard.
    async fn walk(
        &mut self,
        moves: &[Move],
        mut record: Option<&mut Vec<Step>>,
    ) -> Result<Heard, Stop> {
        let school = self.load.school.clone();
        let mut heard = Heard::default();
        for (i, &m) in moves.iter().enumerate() {
            let (path, extra) = match m {
                Move::Dial => (
                    format!("/voice/{school}"),
                    vec![Self::pair("CallStatus", "ringing")],
                ),
                Move::Press(..) | Move::Student(_) | Move::Confirm => {
                    self.think().await?;
                    let Some(action) = heard.action.clone() else {
                        return Err(self.wrong(format!("move {i}: no <Gather> to press keys at")));
                    };
                    let keys = match m {
                        Move::Press(k, _) => k.to_owned(),
                        Move::Student(_) => self.student.clone(),
                        _ => "1".to_owned(),
                    };
                    let finished = if matches!(m, Move::Student(_)) {
                        "#"
                    } else {
                        ""
                    };
                    (
                        action,
                        vec![
                            Self::pair("Digits", &keys),
                            Self::pair("FinishedOnKey", finished),
                        ],
                    )
                }
                Move::Silence => {
                    self.think().await?;
                    if heard.on_empty {
                        let Some(action) = heard.action.clone() else {
                            return Err(self.wrong(format!("move {i}: no action for silence")));
                        };
                        (action, vec![Self::pair("Digits", "")])
                    } else {
                        let Some(url) = heard.redirect.clone() else {
                            return Err(self.wrong(format!("move {i}: no <Redirect> for silence")));
                        };
                        (url, Vec::new())
                    }
                }
                Move::Status => (
                    format!("/voice/{school}/status"),
                    vec![
                        Self::pair("CallStatus", "completed"),
                        Self::pair("CallDuration", "95"),
                    ],
                ),
            };
            let path = match self.relative(&path) {
                Some(p) => p,
                None => return Err(self.wrong(format!("move {i}: foreign URL {path}"))),
            };
            self.at = i;
            let xml = self.exchange(&path, &extra).await?;
            heard = hear(&xml);
            let ok = match m {
                Move::Dial => heard
                    .action
                    .as_deref()
                    .is_some_and(|a| at_step(a, "language")),
                Move::Press(_, next) | Move::Student(next) => {
                    heard.action.as_deref().is_some_and(|a| at_step(a, next))
                }
                Move::Confirm => heard
                    .action
                    .as_deref()
                    .is_some_and(|a| at_step(a, "saved") && a.contains("a.reference=")),
                Move::Silence => heard.hangup,
                Move::Status => true,
            };
            if !ok {
                let snippet: String = xml.chars().take(300).collect();
                return Err(self.wrong(format!("move {i} ({m:?}): unexpected TwiML {snippet}")));
            }
            if matches!(m, Move::Confirm) {
                self.tally.completed += 1;
            }
            if let Some(r) = record.as_deref_mut() {
                r.push(Step {
                    path,
                    extra,
                    completes: matches!(m, Move::Confirm),
                });
            }
        }
        Ok(heard)
    }

    /// Action URLs are path-absolute; an absolute one must be ours.
    fn relative(&self, url: &str) -> Option<String> {
        if url.starts_with('/') {
            Some(url.to_owned())
        } else {
            url.strip_prefix(&self.load.base)
                .filter(|p| p.starts_with('/'))
                .map(str::to_owned)
        }
    }

    async fn replay(&mut self, steps: &[Step]) -> Result<(), Stop> {
        for (i, s) in steps.iter().enumerate() {
            if i > 0 && !s.path.ends_with("/status") {
                self.think().await?;
            }
            self.at = i;
            self.exchange(&s.path, &s.extra).await?;
            if s.completes {
                self.tally.completed += 1;
            }
        }
        Ok(())
    }

    /// One more press of key 1 at the kind menu; `check` that the reason
    /// menu follows (the ceiling's fixed TwiML is not checked).
    async fn repeat(
        &mut self,
        path: &str,
        body: Bytes,
        sig: &str,
        check: bool,
    ) -> Result<(), Stop> {
        self.think().await?;
        self.at = TO_KIND_MENU;
        let xml = self.send(path, body, sig).await?;
        if !check || hear(&xml).action.is_some_and(|a| at_step(&a, "reason")) {
            Ok(())
        } else {
            let snippet: String = xml.chars().take(300).collect();
            Err(self.wrong(format!("kind menu: unexpected TwiML {snippet}")))
        }
    }

    /// Set up (`--menu-step`: reach the kind menu), wait for every caller,
    /// then work until the run is over.
    async fn run(mut self, barrier: Arc<Barrier>, ramp: Duration) -> Tally {
        let load = self.load.clone();
        let mut kind_action = None;
        if let Work::Menu = load.work {
            self.new_call();
            let moves = &DEFAULT_CALL[..TO_KIND_MENU];
            match self.walk(moves, None).await {
                Ok(h) => kind_action = h.action,
                Err(_) => load.stopping.store(true, Ordering::Relaxed),
            }
            // Setup requests are not part of the measurement.
            let setup = std::mem::take(&mut self.tally);
            self.tally.first_error = setup.first_error;
        }
        barrier.wait().await;
        self.deadline = load
            .seconds
            .map(|s| Instant::now() + Duration::from_secs_f64(s));
        if !ramp.is_zero() {
            tokio::time::sleep(ramp).await;
        }
        // A repeated step is the same request each time: sign it once.
        let repeated = match &load.work {
            Work::Menu => kind_action.as_ref().map(|action| {
                let one = [Self::pair("Digits", "1"), Self::pair("FinishedOnKey", "")];
                let (body, sig) = self.prepare(action, &one);
                (action.clone(), body, sig)
            }),
            Work::ReplayOne(step) => {
                let (body, sig) = self.prepare(&step.path, &step.extra);
                Some((step.path.clone(), body, sig))
            }
            _ => None,
        };
        while load.take_unit(self.deadline) && !load.stopping.load(Ordering::Relaxed) {
            let result = match &load.work {
                Work::Walk | Work::Replay(_) => {
                    self.new_call();
                    self.tally.calls += 1;
                    load.in_call.fetch_add(1, Ordering::Relaxed);
                    let moves = if load.status_callback {
                        &DEFAULT_CALL[..]
                    } else {
                        &DEFAULT_CALL[..DEFAULT_CALL.len() - 1]
                    };
                    let r = match &load.work {
                        Work::Replay(steps) => self.replay(steps).await,
                        _ => self.walk(moves, None).await.map(|_| ()),
                    };
                    load.in_call.fetch_sub(1, Ordering::Relaxed);
                    r
                }
                Work::Menu | Work::ReplayOne(_) => {
                    let Some((path, body, sig)) = repeated.clone() else {
                        break;
                    };
                    let check = matches!(load.work, Work::Menu);
                    self.repeat(&path, body, &sig, check).await
                }
            };
            match result {
                Ok(()) => {}
                Err(Stop::Time) => {
                    if matches!(load.work, Work::Walk | Work::Replay(_)) {
                        self.tally.abandoned += 1;
                    }
                    break;
                }
                Err(Stop::Failed) => {}
            }
        }
        self.tally
    }
}

// ---------------------------------------------------------------------------
// A run and its report.

struct Outcome {
    label: String,
    tally: Tally,
    elapsed: Duration,
    server_cpu: Option<Duration>,
    load_cpu: Duration,
    /// CPU time of every other process on the machine during the run.
    others_cpu: Option<Duration>,
    in_progress_peak: usize,
    in_progress_mean: f64,
    rss_idle_kb: Option<u64>,
    rss_peak_kb: Option<u64>,
}

impl Outcome {
    fn calls_per_s(&self) -> f64 {
        self.tally.completed as f64 / self.elapsed.as_secs_f64()
    }

    fn requests_per_s(&self) -> f64 {
        self.tally.requests as f64 / self.elapsed.as_secs_f64()
    }
}

/// Latency percentile in ms of sorted nanoseconds.
fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1] as f64 / 1e6
}

struct RunSpec<'a> {
    label: String,
    addr: SocketAddr,
    base: String,
    work: Work,
    callers: usize,
    /// Whose CPU time is the server's: a separate process, or this process
    /// minus the load generator's thread.
    server_pid: Option<u32>,
    /// Whose RSS to sample (`--in-progress`).
    rss_pid: Option<u32>,
    args: &'a Args,
    student_base: u64,
    run_id: u64,
    first_call: u64,
}

async fn run_load(spec: RunSpec<'_>) -> Outcome {
    let args = spec.args;
    let load = Arc::new(Load {
        pool: Pool::new(spec.addr, args.connections),
        signer: signature::Signer::new(args.token.as_bytes()),
        base: spec.base,
        school: args.school.clone(),
        think: Duration::from_millis(args.think_ms),
        work: spec.work,
        status_callback: !args.no_status_callback,
        handed_out: AtomicU64::new(0),
        limit: args.calls,
        seconds: args.seconds.or(if args.calls.is_none() {
            Some(10.0)
        } else {
            None
        }),
        next_call: AtomicU64::new(spec.first_call),
        run_id: spec.run_id,
        student_base: spec.student_base,
        in_call: AtomicUsize::new(0),
        stopping: AtomicBool::new(false),
    });
    let barrier = Arc::new(Barrier::new(spec.callers + 1));
    let mut tasks = Vec::with_capacity(spec.callers);
    for i in 0..spec.callers {
        // With think time, callers start spread over one think period so
        // their steps do not arrive in waves.
        let ramp = load.think.mul_f64(i as f64 / spec.callers as f64);
        let caller = Caller::new(load.clone(), i as u64);
        tasks.push(tokio::spawn(caller.run(barrier.clone(), ramp)));
    }
    barrier.wait().await;
    let started = Instant::now();
    let (cpu0_self, cpu0_thread) = own_cpu();
    let server0 = spec.server_pid.and_then(process_cpu);
    let machine0 = machine_busy();
    let rss_idle_kb = spec.rss_pid.and_then(rss_kb);
    // Sample calls in progress and resident memory while the callers work.
    let sampler = {
        let load = load.clone();
        let rss_pid = spec.rss_pid;
        let ramp_done = started + load.think;
        tokio::spawn(async move {
            let (mut peak, mut sum, mut n, mut rss_peak) = (0usize, 0f64, 0u64, None::<u64>);
            let mut tick = tokio::time::interval(Duration::from_millis(250));
            loop {
                tick.tick().await;
                let now = load.in_call.load(Ordering::Relaxed);
                peak = peak.max(now);
                if Instant::now() >= ramp_done {
                    sum += now as f64;
                    n += 1;
                }
                if let Some(kb) = rss_pid.and_then(rss_kb) {
                    rss_peak = Some(rss_peak.map_or(kb, |p: u64| p.max(kb)));
                }
                if load.stopping.load(Ordering::Relaxed) {
                    let mean = if n == 0 { 0.0 } else { sum / n as f64 };
                    return (peak, mean, rss_peak);
                }
            }
        })
    };
    let mut tally = Tally::default();
    for t in tasks {
        if let Ok(t) = t.await {
            tally.merge(t);
        }
    }
    let elapsed = started.elapsed();
    let (cpu1_self, cpu1_thread) = own_cpu();
    let load_cpu = cpu1_thread.saturating_sub(cpu0_thread);
    let server_cpu = match spec.server_pid {
        Some(pid) => server0
            .zip(process_cpu(pid))
            .map(|(a, b)| b.saturating_sub(a)),
        None => Some(cpu1_self.saturating_sub(cpu0_self).saturating_sub(load_cpu)),
    };
    let own = cpu1_self.saturating_sub(cpu0_self);
    let others_cpu = machine0.zip(machine_busy()).map(|(a, b)| {
        let others = b.saturating_sub(a).saturating_sub(own);
        match spec.server_pid {
            Some(_) => others.saturating_sub(server_cpu.unwrap_or_default()),
            None => others,
        }
    });
    load.stopping.store(true, Ordering::Relaxed);
    let (in_progress_peak, in_progress_mean, rss_peak_kb) = sampler.await.unwrap_or((0, 0.0, None));
    tally.latencies_ns = tally.by_step.concat();
    tally.latencies_ns.sort_unstable();
    for s in &mut tally.by_step {
        s.sort_unstable();
    }
    Outcome {
        label: spec.label,
        tally,
        elapsed,
        server_cpu,
        load_cpu,
        others_cpu,
        in_progress_peak,
        in_progress_mean,
        rss_idle_kb,
        rss_peak_kb,
    }
}

fn print_outcome(o: &Outcome, whole_calls: bool, in_progress: bool) {
    let t = &o.tally;
    let l = &t.latencies_ns;
    let secs = o.elapsed.as_secs_f64();
    println!("== {} ==", o.label);
    println!("  elapsed           {secs:.2} s");
    if whole_calls {
        println!(
            "  calls completed   {} ({:.0} calls/s; {} started, {} abandoned at the end of the run)",
            t.completed,
            o.calls_per_s(),
            t.calls,
            t.abandoned
        );
    }
    println!(
        "  webhook requests  {} ({:.0} requests/s)",
        t.requests,
        o.requests_per_s()
    );
    println!(
        "  latency           p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        pct(l, 50.0),
        pct(l, 99.0),
        pct(l, 100.0)
    );
    println!(
        "  errors            {} (non-200 {}, transport {}, wrong flow {})",
        t.errors(),
        t.non_200,
        t.transport,
        t.wrong_flow
    );
    if let Some(e) = &t.first_error {
        println!("  first error       {e}");
    }
    if whole_calls {
        println!("  latency by step   p50 / p99 / max ms");
        for (i, l) in t.by_step.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            println!(
                "    {:>2} {:<36} {:>7.3} / {:>7.3} / {:>7.3}",
                i,
                move_label(i),
                pct(l, 50.0),
                pct(l, 99.0),
                pct(l, 100.0)
            );
        }
    }
    let pc = |d: Duration| 100.0 * d.as_secs_f64() / secs;
    match o.server_cpu {
        Some(s) => println!(
            "  CPU               server {:.0} % of a core, load generator {:.0} %",
            pc(s),
            pc(o.load_cpu)
        ),
        None => println!(
            "  CPU               load generator {:.0} % of a core",
            pc(o.load_cpu)
        ),
    }
    if let Some(o) = o.others_cpu {
        println!(
            "  other processes   {:.0} % of a core (the machine was {})",
            pc(o),
            if pc(o) < 5.0 {
                "quiet"
            } else {
                "NOT quiet: figures are low"
            }
        );
    }
    if in_progress {
        println!(
            "  calls in progress peak {}, mean {:.0} after the ramp-up",
            o.in_progress_peak, o.in_progress_mean
        );
    }
    if let Some(peak) = o.rss_peak_kb {
        println!(
            "  resident memory   {:.1} MB before the load, peak {:.1} MB (VmRSS)",
            o.rss_idle_kb.unwrap_or(0) as f64 / 1024.0,
            peak as f64 / 1024.0
        );
    }
}

fn print_ratio(real: &Outcome, ceiling: &Outcome, whole_calls: bool) {
    let r = |a: f64, b: f64| if b > 0.0 { a / b } else { f64::NAN };
    let (l, c) = (&real.tally.latencies_ns, &ceiling.tally.latencies_ns);
    println!("== ratio to the ceiling ==");
    println!(
        "  requests/s        {:.2} ({:.0} / {:.0})",
        r(real.requests_per_s(), ceiling.requests_per_s()),
        real.requests_per_s(),
        ceiling.requests_per_s()
    );
    if whole_calls {
        println!(
            "  calls/s           {:.2} ({:.0} / {:.0})",
            r(real.calls_per_s(), ceiling.calls_per_s()),
            real.calls_per_s(),
            ceiling.calls_per_s()
        );
    }
    println!(
        "  latency           p50 ×{:.2}, p99 ×{:.2}, max ×{:.2}",
        r(pct(l, 50.0), pct(c, 50.0)),
        r(pct(l, 99.0), pct(c, 99.0)),
        r(pct(l, 100.0), pct(c, 100.0))
    );
}

/// One attacker of `--attack`: an unsigned webhook whose body never
/// finishes, opened again each time the server closes it.
async fn half_sent(
    addr: SocketAddr,
    path: String,
    after: Duration,
    stop: Arc<AtomicBool>,
    opened: Arc<AtomicU64>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    tokio::time::sleep(after).await;
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nCa"
    );
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut s) = TcpStream::connect(addr).await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        opened.fetch_add(1, Ordering::Relaxed);
        if s.write_all(head.as_bytes()).await.is_err() {
            continue;
        }
        let mut sink = Vec::new();
        let _ = s.read_to_end(&mut sink).await;
    }
}

fn count_reports(path: &Path) -> anyhow::Result<usize> {
    if !path.exists() {
        return Ok(0);
    }
    let store = Store::open(path).with_context(|| format!("opening {}", path.display()))?;
    Ok(store.reports_between("0000-01-01", "9999-12-31")?.len())
}

async fn run(
    args: &Args,
    spawn: Option<&SpawnDir>,
    servers: Option<&Servers>,
    pinned: bool,
) -> anyhow::Result<()> {
    let (addr, base, server_pid, store) = match (&args.target, spawn) {
        (Some(target), _) => {
            let t = target.trim_end_matches('/');
            let authority = t
                .strip_prefix("http://")
                .context("--target must be http://host:port")?;
            let addr = tokio::net::lookup_host(authority)
                .await
                .with_context(|| format!("resolving {authority}"))?
                .next()
                .with_context(|| format!("{authority} has no address"))?;
            let base = args
                .public_url
                .as_deref()
                .unwrap_or(t)
                .trim_end_matches('/')
                .to_owned();
            let store = args
                .data_dir
                .as_ref()
                .map(|d| d.join(format!("{}.sqlite", args.school)));
            (addr, base, args.server_pid, store)
        }
        (None, Some(dir)) => {
            let addr = servers
                .and_then(|s| s.app)
                .context("the in-process server did not start")?;
            (addr, format!("http://{addr}"), None, Some(dir.store_path()))
        }
        (None, None) => bail!("give --target URL or --spawn"),
    };
    if args.spawn && args.school != SPAWN_SCHOOL {
        bail!("--spawn configures the school {SPAWN_SCHOOL}; leave out --school");
    }
    let reports_before = match &store {
        Some(p) => Some(count_reports(p)?),
        None => None,
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let run_id = (nanos as u64) ^ (u64::from(std::process::id()) << 40);
    // Distinct 4–8 digit student numbers: a fresh store starts at 1000; a
    // running server's store may have today's reports from earlier runs, so
    // start somewhere else in the range.
    let student_base = if args.spawn {
        1000
    } else {
        1000 + run_id % 50_000_000
    };

    // One probe call: checks the flow and the signature, and records the
    // requests the ceiling is given.
    let probe_load = Arc::new(Load {
        pool: Pool::new(addr, 1),
        signer: signature::Signer::new(args.token.as_bytes()),
        base: base.clone(),
        school: args.school.clone(),
        think: Duration::ZERO,
        work: Work::Walk,
        status_callback: true,
        handed_out: AtomicU64::new(0),
        limit: None,
        seconds: None,
        next_call: AtomicU64::new(0),
        run_id,
        student_base,
        in_call: AtomicUsize::new(0),
        stopping: AtomicBool::new(false),
    });
    let mut probe = Caller::new(probe_load, 0);
    probe.new_call();
    let mut script = Vec::new();
    let moves = if args.no_status_callback {
        &DEFAULT_CALL[..DEFAULT_CALL.len() - 1]
    } else {
        &DEFAULT_CALL[..]
    };
    if probe.walk(moves, Some(&mut script)).await.is_err() {
        bail!(
            "the probe call failed: {}",
            probe.tally.first_error.unwrap_or_default()
        );
    }

    let callers = args.in_progress.unwrap_or(args.connections);
    let whole_calls = !args.menu_step;
    let shape = if args.menu_step {
        "one menu step (kind menu, key 1) repeated".to_owned()
    } else {
        format!("whole default calls ({} webhooks each)", script.len())
    };
    let placement = if pinned {
        format!(
            "server on CPU {}, load on CPU {}",
            args.server_core, args.load_core
        )
    } else {
        "unpinned".to_owned()
    };
    let run_length = match (args.calls, args.seconds) {
        (Some(n), _) => format!("{n} {}", if args.menu_step { "requests" } else { "calls" }),
        (None, s) => format!("{} s", s.unwrap_or(10.0)),
    };
    println!(
        "loadgen: {shape}; {callers} callers over {} connections, think {} ms, {run_length}; {placement}",
        args.connections, args.think_ms
    );
    let own_pid = std::process::id();
    let rss_pid = if args.in_progress.is_some() {
        server_pid.or(Some(own_pid))
    } else {
        server_pid
    };
    // This server's runs: the usual one, and the one under --attack.
    let own_run = |label: String, run_id: u64, first_call: u64| RunSpec {
        label,
        addr,
        base: base.clone(),
        work: if args.menu_step {
            Work::Menu
        } else {
            Work::Walk
        },
        callers,
        server_pid,
        rss_pid,
        args,
        student_base,
        run_id,
        first_call,
    };
    let label = if args.spawn {
        "absence-line (in-process)".to_owned()
    } else {
        format!("absence-line at {addr}")
    };
    let real = run_load(own_run(label, run_id, 1)).await;
    print_outcome(&real, whole_calls, args.in_progress.is_some());
    if rss_pid == Some(own_pid) {
        println!("                    (VmRSS of this process: server and load generator together)");
    }
    if let (Some(p), Some(before)) = (&store, reports_before) {
        let after = count_reports(p)?;
        println!(
            "  stored reports    {} new in the store ({} calls completed + 1 probe call)",
            after.saturating_sub(before),
            real.tally.completed
        );
    }

    if let Some(n) = args.attack {
        let stop = Arc::new(AtomicBool::new(false));
        let opened = Arc::new(AtomicU64::new(0));
        let path = format!("/voice/{}/step?s=kind&l=ja", args.school);
        // Started over 5 s (the server's body deadline), so that they are
        // cut off and come back spread out, as a steady attack is, rather
        // than all at once.
        for i in 0..n {
            let after = Duration::from_millis(5_000 * i as u64 / n as u64);
            tokio::spawn(half_sent(
                addr,
                path.clone(),
                after,
                stop.clone(),
                opened.clone(),
            ));
        }
        // Let the attack take hold before the callers come.
        tokio::time::sleep(Duration::from_secs(6)).await;
        let before = match &store {
            Some(p) => Some(count_reports(p)?),
            None => None,
        };
        let label = format!("the same, while {n} half-sent unsigned webhooks are held open");
        let attacked = run_load(own_run(label, run_id ^ 2, 1_000_000)).await;
        stop.store(true, Ordering::Relaxed);
        print_outcome(&attacked, whole_calls, args.in_progress.is_some());
        println!(
            "  attack            {n} held at once; {} opened in all",
            opened.load(Ordering::Relaxed)
        );
        if let (Some(p), Some(before)) = (&store, before) {
            println!(
                "  stored reports    {} new in the store ({} calls completed)",
                count_reports(p)?.saturating_sub(before),
                attacked.tally.completed
            );
        }
    }

    if args.ceiling {
        let ceiling_addr = servers
            .and_then(|s| s.ceiling)
            .context("the ceiling server did not start")?;
        let work = if args.menu_step {
            Work::ReplayOne(script[TO_KIND_MENU].clone())
        } else {
            Work::Replay(Arc::new(script))
        };
        let ceiling = run_load(RunSpec {
            label: "ceiling: minimal axum handler (in-process)".to_owned(),
            addr: ceiling_addr,
            base: format!("http://{ceiling_addr}"),
            work,
            callers,
            server_pid: None,
            rss_pid: None,
            args,
            student_base,
            run_id: run_id ^ 1,
            first_call: 1,
        })
        .await;
        print_outcome(&ceiling, whole_calls, false);
        print_ratio(&real, &ceiling, whole_calls);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hears_gather_redirect_and_hangup() {
        let h = hear(CEILING_TWIML);
        assert_eq!(
            h.action.as_deref(),
            Some("/voice/loadtest/step?s=reason&l=ja&t=0.0.0&a.kind=absence&a.student=1001")
        );
        assert!(at_step(h.action.as_deref().unwrap(), "reason"));
        assert!(!at_step(h.action.as_deref().unwrap(), "kind"));
        assert!(h.redirect.unwrap().ends_with("&in=none"));
        assert!(!h.hangup);
        assert!(hear("<Response><Say>x</Say><Hangup/></Response>").hangup);
    }

    #[test]
    fn percentiles() {
        let v: Vec<u64> = (1..=100).map(|i| i * 1_000_000).collect();
        assert_eq!(pct(&v, 50.0), 50.0);
        assert_eq!(pct(&v, 99.0), 99.0);
        assert_eq!(pct(&v, 100.0), 100.0);
    }
}
