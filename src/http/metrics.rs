//! `GET /metrics` in Prometheus' text format: what an operator watches on a
//! flu morning. Counters are atomics bumped on the request path; nothing
//! here takes a lock a webhook waits for.
//!
//! The text is written by hand rather than by `prometheus-client`: that
//! crate writes OpenMetrics only, where a counter's `# TYPE` line names the
//! family without `_total` (`absence_line_calls counter`, samples
//! `absence_line_calls_total`), every `# HELP` gets a full stop appended,
//! and the body ends in `# EOF`; served as it should be
//! (`application/openmetrics-text`) it breaks the documented
//! `text/plain; version=0.0.4` that tests/api/operations.rs checks, and
//! served as `text/plain` a Prometheus scrape would see samples whose
//! family it has no `# TYPE` for. Half of what is shown is read at scrape
//! time anyway (each store's commits, which stores are unusable, the
//! password gate), which the crate would need a custom collector for. What
//! is left here is a few `writeln!`s with nothing to escape.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::state::AppState;
use crate::domain::SchoolId;
use crate::surveillance::alerts::{Level, Rule};

/// Upper bounds of the webhook latency histogram, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// The server's counters. Each is bumped through a method named for the
/// event it counts, so the request path says what happened, not how it
/// is counted.
#[derive(Default)]
pub struct Metrics {
    calls_reported: AtomicU64,
    calls_abandoned: AtomicU64,
    calls_failed: AtomicU64,
    apologies: AtomicU64,
    reports_saved: AtomicU64,
    rejected_signatures: AtomicU64,
    reloads: AtomicU64,
    reload_failures: AtomicU64,
    logins_refused: AtomicU64,
    /// Export requests refused for a wrong token or too many of them.
    export_tokens_refused: AtomicU64,
    /// Requests answered at once because `[limits] in_flight` were busy.
    shed: AtomicU64,
    /// Requests refused because their body was too slow, too large or
    /// broken (before they could hold anything).
    incomplete: AtomicU64,
    /// Connections closed to make room at the connection cap: silent since
    /// they opened, or idle between requests, for over a second.
    evicted: AtomicU64,
    webhooks: AtomicU64,
    latency_buckets: [AtomicU64; BUCKETS.len()],
    latency_sum_micros: AtomicU64,
    /// New alerts, by rule and level (see [`ALERT_RULES`], [`ALERT_LEVELS`]).
    alerts_raised: [[AtomicU64; 2]; 4],
    /// Alerts in force per school (its live days), as last evaluated.
    alerts_current: Mutex<BTreeMap<String, usize>>,
}

/// The alert rules and levels, in the order `alerts_raised` keeps them.
const ALERT_RULES: [Rule; 4] = [
    Rule::ClassRate,
    Rule::GradeSpread,
    Rule::SchoolRate,
    Rule::Rise,
];
const ALERT_LEVELS: [Level; 2] = [Level::Warning, Level::Closure];

impl Metrics {
    /// A caller heard the apology after a failure inside.
    pub fn apology(&self) {
        self.apologies.fetch_add(1, Relaxed);
    }

    /// A report was committed to a school's store.
    pub fn report_saved(&self) {
        self.reports_saved.fetch_add(1, Relaxed);
    }

    /// A webhook was refused for a missing or wrong signature.
    pub fn signature_rejected(&self) {
        self.rejected_signatures.fetch_add(1, Relaxed);
    }

    /// A reload swapped in a new deployment.
    pub fn reloaded(&self) {
        self.reloads.fetch_add(1, Relaxed);
    }

    /// A reload was refused because of errors.
    pub fn reload_failed(&self) {
        self.reload_failures.fetch_add(1, Relaxed);
    }

    /// A staff login was refused (wrong password or too many tries).
    pub fn login_refused(&self) {
        self.logins_refused.fetch_add(1, Relaxed);
    }

    /// An export was refused for a wrong token or too many of them.
    pub fn export_token_refused(&self) {
        self.export_tokens_refused.fetch_add(1, Relaxed);
    }

    /// A request was answered at once because the in-flight cap was busy.
    pub fn request_shed(&self) {
        self.shed.fetch_add(1, Relaxed);
    }

    /// A request was refused because its body was too slow, too large or
    /// broken.
    pub fn request_incomplete(&self) {
        self.incomplete.fetch_add(1, Relaxed);
    }

    /// A quiet connection was closed to make room at the connection cap.
    pub fn connection_evicted(&self) {
        self.evicted.fetch_add(1, Relaxed);
    }

    /// Count one voice webhook answered in `secs`.
    pub(super) fn observe(&self, secs: f64) {
        self.webhooks.fetch_add(1, Relaxed);
        self.latency_sum_micros
            .fetch_add((secs * 1e6) as u64, Relaxed);
        if let Some(i) = BUCKETS.iter().position(|b| secs <= *b) {
            self.latency_buckets[i].fetch_add(1, Relaxed);
        }
    }

    /// Count an alert raised for the first time (on its day, at its level).
    pub fn alert_raised(&self, rule: Rule, level: Level) {
        let r = ALERT_RULES.iter().position(|x| *x == rule).unwrap_or(0);
        let l = ALERT_LEVELS.iter().position(|x| *x == level).unwrap_or(0);
        self.alerts_raised[r][l].fetch_add(1, Relaxed);
    }

    /// The number of alerts in force at `school` now.
    pub fn alerts_now(&self, school: &SchoolId, n: usize) {
        self.alerts_current
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(school.as_str().to_owned(), n);
    }

    /// Count a finished call by the outcome the store gave it.
    pub fn call_ended(&self, outcome: &str) {
        match outcome {
            "reported" => &self.calls_reported,
            "failed" => &self.calls_failed,
            _ => &self.calls_abandoned,
        }
        .fetch_add(1, Relaxed);
    }
}

pub async fn serve(State(app): State<AppState>) -> Response {
    let m = &app.0.metrics;
    let mut out = String::with_capacity(4096);
    let mut counter = |name: &str, help: &str, samples: &[(&str, u64)]| {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
        for (labels, v) in samples {
            let _ = writeln!(out, "{name}{labels} {v}");
        }
    };
    counter(
        "absence_line_calls_total",
        "Calls that ended, by outcome.",
        &[
            ("{outcome=\"reported\"}", m.calls_reported.load(Relaxed)),
            ("{outcome=\"abandoned\"}", m.calls_abandoned.load(Relaxed)),
            ("{outcome=\"failed\"}", m.calls_failed.load(Relaxed)),
        ],
    );
    counter(
        "absence_line_requests_shed_total",
        "Requests refused at once (callers: the apology) because [limits] in_flight were busy.",
        &[("", m.shed.load(Relaxed))],
    );
    counter(
        "absence_line_requests_incomplete_total",
        "Requests refused because their body did not arrive whole within 5 s (or was too large).",
        &[("", m.incomplete.load(Relaxed))],
    );
    counter(
        "absence_line_connections_evicted_total",
        "Silent or idle connections closed at the connection cap to make room for new ones.",
        &[("", m.evicted.load(Relaxed))],
    );
    counter(
        "absence_line_apologies_total",
        "Webhooks answered with the apology after a failure inside.",
        &[("", m.apologies.load(Relaxed))],
    );
    counter(
        "absence_line_reports_saved_total",
        "Reports committed to a school's store.",
        &[("", m.reports_saved.load(Relaxed))],
    );
    counter(
        "absence_line_rejected_signatures_total",
        "Webhooks refused for a missing or wrong X-Twilio-Signature.",
        &[("", m.rejected_signatures.load(Relaxed))],
    );
    counter(
        "absence_line_reloads_total",
        "Deployments swapped in by a reload.",
        &[("", m.reloads.load(Relaxed))],
    );
    counter(
        "absence_line_reload_failures_total",
        "Reloads refused because of errors.",
        &[("", m.reload_failures.load(Relaxed))],
    );
    counter(
        "absence_line_logins_refused_total",
        "Staff logins refused (wrong password or too many tries).",
        &[("", m.logins_refused.load(Relaxed))],
    );
    counter(
        "absence_line_export_tokens_refused_total",
        "Exports refused for a wrong bearer token or too many of them from one address.",
        &[("", m.export_tokens_refused.load(Relaxed))],
    );
    let checks = app.0.staff.password_checks();
    counter(
        "absence_line_password_checks_total",
        "Argon2 checks of staff passwords and export tokens run.",
        &[("", checks.checks)],
    );
    counter(
        "absence_line_password_checks_busy_total",
        "Logins and token exports refused at once (503) because every password check and queue place was taken.",
        &[("", checks.busy)],
    );
    let mut raised = Vec::new();
    for (r, rule) in ALERT_RULES.iter().enumerate() {
        for (l, level) in ALERT_LEVELS.iter().enumerate() {
            raised.push((
                format!(
                    "{{rule=\"{}\",level=\"{}\"}}",
                    rule.as_str(),
                    level.as_str()
                ),
                m.alerts_raised[r][l].load(Relaxed),
            ));
        }
    }
    let raised: Vec<(&str, u64)> = raised.iter().map(|(l, v)| (l.as_str(), *v)).collect();
    counter(
        "absence_line_alerts_raised_total",
        "Early-warning alerts raised, each once per school, school day and level.",
        &raised,
    );
    let (mut batches, mut saves, mut call_log) = (0, 0, 0);
    for store in app
        .0
        .stores
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .values()
    {
        let s = store.batch_stats();
        batches += s.batches;
        saves += s.saves;
        call_log += s.call_log;
    }
    counter(
        "absence_line_store_commits_total",
        "Group commits (reports and call-log changes), all schools.",
        &[("", batches)],
    );
    counter(
        "absence_line_store_commit_saves_total",
        "Saves in those commits (saves / commits = mean batch size).",
        &[("", saves)],
    );
    counter(
        "absence_line_store_commit_call_log_total",
        "Call-log changes (call start, language, end) in those commits.",
        &[("", call_log)],
    );
    // As `/healthz` last found them; reading the metrics writes nothing.
    let unusable = super::stores::problems(&app, false).await;
    let name = "absence_line_store_unusable";
    let _ = writeln!(
        out,
        "# HELP {name} 1 while a school's store cannot take reports (its callers hear the apology); see the log and /healthz.\n# TYPE {name} gauge"
    );
    for id in app.deployment().schools.keys() {
        let bad = unusable.iter().any(|(s, _)| s == id);
        let _ = writeln!(out, "{name}{{school=\"{id}\"}} {}", u8::from(bad));
    }

    let name = "absence_line_alerts_current";
    let _ = writeln!(
        out,
        "# HELP {name} Alerts in force per school: on its current school day and, after the cut-off, the next one, as last evaluated (within a second or two of a report, else every minute).\n# TYPE {name} gauge"
    );
    let current = m
        .alerts_current
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    for id in app.deployment().schools.keys() {
        let n = current.get(id.as_str()).copied().unwrap_or(0);
        let _ = writeln!(out, "{name}{{school=\"{id}\"}} {n}");
    }

    let name = "absence_line_webhook_seconds";
    let _ = writeln!(
        out,
        "# HELP {name} Time to answer a voice webhook.\n# TYPE {name} histogram"
    );
    let mut cumulative = 0;
    for (i, b) in BUCKETS.iter().enumerate() {
        cumulative += m.latency_buckets[i].load(Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"{b}\"}} {cumulative}");
    }
    let count = m.webhooks.load(Relaxed);
    let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
    let _ = writeln!(
        out,
        "{name}_sum {}",
        m.latency_sum_micros.load(Relaxed) as f64 / 1e6
    );
    let _ = writeln!(out, "{name}_count {count}");
    for (name, help, v) in [
        (
            "absence_line_password_checks_in_flight",
            "Argon2 checks running now.",
            checks.running,
        ),
        (
            "absence_line_password_checks_in_flight_max",
            "The most Argon2 checks that ran at once since start.",
            checks.running_max,
        ),
        (
            "absence_line_password_check_workers",
            "Argon2 checks that may run at once (about 19 MiB each).",
            checks.workers,
        ),
    ] {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}

/// `ok` when every school's store can take a report: it is open, still the
/// file at its path, and was written to within the last few seconds (a
/// probe through its writer). Otherwise 503, one line per school that
/// cannot, and why (no file names: this page is public).
pub async fn healthz(State(app): State<AppState>) -> Response {
    let problems = super::stores::problems(&app, true).await;
    if problems.is_empty() && !app.deployment().schools.is_empty() {
        return "ok".into_response();
    }
    let mut body = String::from("not ready: a school's store cannot take reports\n");
    for (id, why) in problems {
        let _ = writeln!(body, "{id}: {why}");
    }
    (axum::http::StatusCode::SERVICE_UNAVAILABLE, body).into_response()
}
