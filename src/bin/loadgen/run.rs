//! One run: callers started together against one server, with its CPU
//! time, calls in progress and memory sampled while they work.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fake_twilio::Signer;
use tokio::sync::Barrier;

use crate::args::Args;
use crate::caller::{Caller, Load, Tally, Work};
use crate::measure::{machine_busy, own_cpu, process_cpu, rss_kb};
use crate::pool::Pool;
use crate::report::Outcome;

pub struct RunSpec<'a> {
    pub label: String,
    pub addr: SocketAddr,
    pub base: String,
    pub work: Work,
    pub callers: usize,
    /// Whose CPU time is the server's: a separate process, or this process
    /// minus the load generator's thread.
    pub server_pid: Option<u32>,
    /// Whose RSS to sample (`--in-progress`).
    pub rss_pid: Option<u32>,
    pub args: &'a Args,
    pub student_base: u64,
    pub run_id: u64,
    pub first_call: u64,
}

pub async fn run_load(spec: RunSpec<'_>) -> Outcome {
    let args = spec.args;
    let load = Arc::new(Load {
        pool: Pool::new(spec.addr, args.connections),
        signer: Signer::new(&args.token),
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
