//! One simulated caller: its calls' identities, think time, signed
//! webhooks, and the default call walked by following the server's TwiML
//! (or replayed against the ceiling); what it counts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fake_twilio::scenario::waits_at;
use fake_twilio::{Signer, Twiml, params};
use hyper::body::Bytes;
use tokio::sync::Barrier;

use crate::pool::Pool;
use crate::script::{Move, Step, TO_KIND_MENU, default_call};

#[derive(Debug, Clone)]
pub enum Work {
    /// Whole calls against the real server, following its TwiML.
    Walk,
    /// Reach the kind menu, then press 2 there over and over.
    Menu,
    /// The probe call's requests, each caller with its own CallSid.
    Replay(Arc<Vec<Step>>),
    /// One request over and over.
    ReplayOne(Step),
}

#[derive(Debug, Default)]
pub struct Tally {
    pub requests: u64,
    /// Latencies (ns) by the request's place in the call (see `default_call`).
    pub by_step: Vec<Vec<u64>>,
    /// All latencies, sorted (filled in at the end of the run).
    pub latencies_ns: Vec<u64>,
    pub calls: u64,
    pub completed: u64,
    pub abandoned: u64,
    pub non_200: u64,
    pub transport: u64,
    pub wrong_flow: u64,
    pub first_error: Option<String>,
}

impl Tally {
    pub fn merge(&mut self, o: Tally) {
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

    pub fn errors(&self) -> u64 {
        self.non_200 + self.transport + self.wrong_flow
    }

    pub fn note(&mut self, e: String) {
        if self.first_error.is_none() {
            self.first_error = Some(e);
        }
    }
}

/// Why a call stopped early.
pub enum Stop {
    /// The run's time is up: not an error.
    Time,
    Failed,
}

/// Everything the callers of one run share.
pub struct Load {
    pub pool: Pool,
    pub signer: Signer,
    /// What signatures are computed over: the server's public base URL.
    pub base: String,
    pub school: String,
    pub think: Duration,
    pub work: Work,
    pub status_callback: bool,
    /// Units of work handed out (calls, or step requests with --menu-step).
    pub handed_out: AtomicU64,
    pub limit: Option<u64>,
    pub seconds: Option<f64>,
    /// Call numbers: CallSid, caller number and student number.
    pub next_call: AtomicU64,
    pub run_id: u64,
    pub student_base: u64,
    pub in_call: AtomicUsize,
    pub stopping: AtomicBool,
}

impl Load {
    pub fn take_unit(&self, deadline: Option<Instant>) -> bool {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return false;
        }
        let n = self.handed_out.fetch_add(1, Ordering::Relaxed);
        self.limit.is_none_or(|l| n < l)
    }
}

pub struct Caller {
    pub load: Arc<Load>,
    pub deadline: Option<Instant>,
    pub tally: Tally,
    /// The place in the call of the request being made.
    pub at: usize,
    /// The think-time jitter's state (never 0).
    pub rng: u64,
    pub sid: String,
    pub from: String,
    pub student: String,
}

impl Caller {
    pub fn new(load: Arc<Load>, index: u64) -> Caller {
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

    pub fn new_call(&mut self) {
        let n = self.load.next_call.fetch_add(1, Ordering::Relaxed);
        self.sid = params::call_sid(self.load.run_id, n);
        self.from = params::caller_number(n);
        self.student = (self.load.student_base + n).to_string();
    }

    pub fn params(&self, extra: &[(String, String)]) -> Vec<(String, String)> {
        params::call(&self.sid, &self.from, extra)
    }

    /// Wait the think time, unless the run is over by then.
    pub async fn think(&mut self) -> Result<(), Stop> {
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
    pub fn prepare(&self, path: &str, extra: &[(String, String)]) -> (Bytes, String) {
        let params = self.params(extra);
        let url = format!("{}{}", self.load.base, path);
        let sig = self.load.signer.sign(&url, &params);
        (Bytes::from(params::form_body(&params)), sig)
    }

    /// One signed webhook: the TwiML of a 200, or a counted error.
    pub async fn exchange(
        &mut self,
        path: &str,
        extra: &[(String, String)],
    ) -> Result<String, Stop> {
        let (body, sig) = self.prepare(path, extra);
        self.send(path, body, &sig).await
    }

    pub async fn send(&mut self, path: &str, body: Bytes, sig: &str) -> Result<String, Stop> {
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

    pub fn wrong(&mut self, what: String) -> Stop {
        self.tally.wrong_flow += 1;
        self.tally.note(what);
        Stop::Failed
    }

    pub fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_owned(), v.to_owned())
    }

    /// Walk `moves` of the default call, following the server's TwiML;
    /// `record` keeps each request for the ceiling. Returns the TwiML
    /// last heard.
    pub async fn walk(
        &mut self,
        moves: &[Move],
        mut record: Option<&mut Vec<Step>>,
    ) -> Result<Twiml, Stop> {
        let school = self.load.school.clone();
        let mut heard = Twiml::default();
        for (i, m) in moves.iter().enumerate() {
            let (path, extra) = match m {
                Move::Dial => (
                    format!("/voice/{school}"),
                    vec![Self::pair("CallStatus", "ringing")],
                ),
                Move::Press(p) | Move::Student(p) | Move::Confirm(p) => {
                    self.think().await?;
                    let Some(action) = heard.action().map(str::to_owned) else {
                        return Err(self.wrong(format!("move {i}: no <Gather> to press keys at")));
                    };
                    let input = heard.gather_input(&p.keys).map(|(k, v)| Self::pair(k, v));
                    (action, input.to_vec())
                }
                Move::Silence => {
                    self.think().await?;
                    if heard.gather_on_empty {
                        let Some(action) = heard.action().map(str::to_owned) else {
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
            heard = match Twiml::read(&xml) {
                Ok(t) => t,
                Err(e) => return Err(self.wrong(format!("move {i} ({m:?}): {e}"))),
            };
            let waits_at = |step: &str| heard.action().is_some_and(|a| waits_at(a, step));
            let ok = match m {
                Move::Dial => waits_at("language"),
                Move::Press(p) | Move::Student(p) => waits_at(p.then),
                Move::Confirm(p) => {
                    waits_at(p.then) && heard.action().is_some_and(|a| a.contains("a.reference="))
                }
                Move::Silence => heard.hangup,
                Move::Status => true,
            };
            if !ok {
                let snippet: String = xml.chars().take(300).collect();
                return Err(self.wrong(format!("move {i} ({m:?}): unexpected TwiML {snippet}")));
            }
            if matches!(m, Move::Confirm(_)) {
                self.tally.completed += 1;
            }
            if let Some(r) = record.as_deref_mut() {
                r.push(Step {
                    path,
                    extra,
                    completes: matches!(m, Move::Confirm(_)),
                });
            }
        }
        Ok(heard)
    }

    /// Action URLs are path-absolute; an absolute one must be ours.
    pub fn relative(&self, url: &str) -> Option<String> {
        if url.starts_with('/') {
            Some(url.to_owned())
        } else {
            url.strip_prefix(&self.load.base)
                .filter(|p| p.starts_with('/'))
                .map(str::to_owned)
        }
    }

    pub async fn replay(&mut self, steps: &[Step]) -> Result<(), Stop> {
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

    /// One more press of key 2 at the kind menu; `check` that the reason
    /// menu follows (the ceiling's fixed TwiML is not checked).
    pub async fn repeat(
        &mut self,
        path: &str,
        body: Bytes,
        sig: &str,
        check: bool,
    ) -> Result<(), Stop> {
        self.think().await?;
        self.at = TO_KIND_MENU;
        let xml = self.send(path, body, sig).await?;
        let at_reason =
            || Twiml::read(&xml).is_ok_and(|t| t.action().is_some_and(|a| waits_at(a, "reason")));
        if !check || at_reason() {
            Ok(())
        } else {
            let snippet: String = xml.chars().take(300).collect();
            Err(self.wrong(format!("kind menu: unexpected TwiML {snippet}")))
        }
    }

    /// Set up (`--menu-step`: reach the kind menu), wait for every caller,
    /// then work until the run is over.
    pub async fn run(mut self, barrier: Arc<Barrier>, ramp: Duration) -> Tally {
        let load = self.load.clone();
        let mut kind_action = None;
        if let Work::Menu = load.work {
            self.new_call();
            let moves = default_call(&self.student, false);
            match self.walk(&moves[..TO_KIND_MENU], None).await {
                Ok(h) => kind_action = h.action().map(str::to_owned),
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
                let one = [Self::pair("Digits", "2"), Self::pair("FinishedOnKey", "")];
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
                    let r = match &load.work {
                        Work::Replay(steps) => self.replay(steps).await,
                        _ => {
                            let moves = default_call(&self.student, load.status_callback);
                            self.walk(&moves, None).await.map(|_| ())
                        }
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
