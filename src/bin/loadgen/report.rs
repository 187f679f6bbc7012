//! What a run measured, and how it is printed.

use std::time::Duration;

use crate::caller::Tally;
use crate::script::move_label;

pub struct Outcome {
    pub label: String,
    pub tally: Tally,
    pub elapsed: Duration,
    pub server_cpu: Option<Duration>,
    pub load_cpu: Duration,
    /// CPU time of every other process on the machine during the run.
    pub others_cpu: Option<Duration>,
    pub in_progress_peak: usize,
    pub in_progress_mean: f64,
    pub rss_idle_kb: Option<u64>,
    pub rss_peak_kb: Option<u64>,
}

impl Outcome {
    pub fn calls_per_s(&self) -> f64 {
        self.tally.completed as f64 / self.elapsed.as_secs_f64()
    }

    pub fn requests_per_s(&self) -> f64 {
        self.tally.requests as f64 / self.elapsed.as_secs_f64()
    }
}

/// Latency percentile in ms of sorted nanoseconds.
pub fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1] as f64 / 1e6
}

pub fn print_outcome(o: &Outcome, whole_calls: bool, in_progress: bool) {
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

pub fn print_ratio(real: &Outcome, ceiling: &Outcome, whole_calls: bool) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles() {
        let v: Vec<u64> = (1..=100).map(|i| i * 1_000_000).collect();
        assert_eq!(pct(&v, 50.0), 50.0);
        assert_eq!(pct(&v, 99.0), 99.0);
        assert_eq!(pct(&v, 100.0), 100.0);
    }
}
