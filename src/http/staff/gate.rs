//! The one way to run a password or token check: a few worker threads of
//! their own and a short queue in front of them. An Argon2id check holds
//! about 19 MiB and a core for tens of milliseconds, and anyone can ask for
//! one (any account name, any `Bearer` token), so they must not run on
//! tokio's blocking pool, which would start hundreds at once. Here at most
//! `workers` run at a time, so they hold at most `workers` × 19 MiB, and a
//! check that finds every worker busy and the queue full is refused at once
//! ([`Busy`]) instead of waiting in an unbounded line.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::AtomicU64;
use std::sync::atomic::AtomicUsize;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

/// `Retry-After` of a refusal: a few checks' time, with room to spare.
pub const BUSY_RETRY_SECS: u64 = 2;

/// Every worker is busy and every place in the queue taken.
#[derive(Debug, thiserror::Error)]
#[error("every password check is busy")]
pub struct Busy;

type Check = Box<dyn FnOnce() -> bool + Send>;

struct Job {
    check: Check,
    answer: oneshot::Sender<bool>,
}

#[derive(Default)]
struct Counters {
    running: AtomicUsize,
    running_max: AtomicUsize,
    checks: AtomicU64,
    busy: AtomicU64,
}

/// What `/metrics` shows of the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateStats {
    pub workers: usize,
    /// Checks running now.
    pub running: usize,
    /// The most that ever ran at once.
    pub running_max: usize,
    /// Checks run since start.
    pub checks: u64,
    /// Checks refused because the gate was full.
    pub busy: u64,
}

pub struct Gate {
    jobs: SyncSender<Job>,
    workers: usize,
    counters: Arc<Counters>,
}

impl Gate {
    /// One worker per core, at least 2 (one slow check does not hold up
    /// every login) and at most 4 (a big machine need not hold more memory
    /// for attackers). Eight places in the queue per worker: a burst of
    /// real logins at 8:00 waits a few hundred milliseconds rather than
    /// being refused, and a queued check holds no Argon2 memory yet.
    pub fn for_this_machine() -> Gate {
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(2, 4);
        Gate::new(workers, workers * 8)
    }

    /// `workers` threads and `queue` places. The threads end when the gate
    /// is dropped.
    pub fn new(workers: usize, queue: usize) -> Gate {
        let (jobs, rx) = sync_channel::<Job>(queue);
        let rx = Arc::new(Mutex::new(rx));
        let counters = Arc::new(Counters::default());
        for _ in 0..workers {
            let (rx, counters) = (rx.clone(), counters.clone());
            std::thread::Builder::new()
                .name("password-check".into())
                .spawn(move || work(&rx, &counters))
                .expect("a thread for password checks");
        }
        Gate {
            jobs,
            workers,
            counters,
        }
    }

    /// Run `check` on a worker and give its answer, or refuse at once when
    /// the gate is full. A check whose asker has gone (the client hung up)
    /// before a worker took it is skipped.
    pub async fn check(&self, check: impl FnOnce() -> bool + Send + 'static) -> Result<bool, Busy> {
        let (answer, rx) = oneshot::channel();
        let job = Job {
            check: Box::new(check),
            answer,
        };
        match self.jobs.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.counters.busy.fetch_add(1, Relaxed);
                return Err(Busy);
            }
        }
        // A check that panicked answers nothing: it did not succeed.
        Ok(rx.await.unwrap_or(false))
    }

    pub fn stats(&self) -> GateStats {
        let c = &self.counters;
        GateStats {
            workers: self.workers,
            running: c.running.load(Relaxed),
            running_max: c.running_max.load(Relaxed),
            checks: c.checks.load(Relaxed),
            busy: c.busy.load(Relaxed),
        }
    }
}

fn work(rx: &Mutex<Receiver<Job>>, counters: &Counters) {
    loop {
        // Only the waiting worker holds the lock; it lets go on a job.
        let job = rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(Job { check, answer }) = job else {
            return; // the gate is gone
        };
        if answer.is_closed() {
            continue;
        }
        let now = counters.running.fetch_add(1, Relaxed) + 1;
        counters.running_max.fetch_max(now, Relaxed);
        counters.checks.fetch_add(1, Relaxed);
        let ok = catch_unwind(AssertUnwindSafe(check)).unwrap_or(false);
        counters.running.fetch_sub(1, Relaxed);
        let _ = answer.send(ok);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;

    #[tokio::test]
    async fn at_most_workers_run_the_queue_waits_and_the_rest_is_refused_at_once() {
        let gate = Arc::new(Gate::new(2, 3));
        // Two checks hold both workers until the barrier opens.
        let release = Arc::new(Barrier::new(3));
        let mut held = Vec::new();
        for _ in 0..2 {
            let (g, r) = (gate.clone(), release.clone());
            held.push(tokio::spawn(async move {
                g.check(move || {
                    r.wait();
                    true
                })
                .await
            }));
        }
        while gate.stats().running < 2 {
            tokio::task::yield_now().await;
        }
        // Three more wait in the queue; the sixth is refused.
        let mut queued = Vec::new();
        for _ in 0..3 {
            let g = gate.clone();
            queued.push(tokio::spawn(async move { g.check(|| false).await }));
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(matches!(gate.check(|| true).await, Err(Busy)));
        assert_eq!(gate.stats().busy, 1);

        release.wait();
        for h in held {
            assert!(h.await.unwrap().unwrap());
        }
        for h in queued {
            assert!(!h.await.unwrap().unwrap());
        }
        let s = gate.stats();
        assert_eq!((s.running, s.running_max, s.checks), (0, 2, 5));
        assert!(gate.check(|| true).await.unwrap(), "free again");
    }

    #[tokio::test]
    async fn a_panicking_check_fails_and_the_worker_lives_on() {
        let gate = Gate::new(1, 1);
        assert!(!gate.check(|| panic!("a bug")).await.unwrap());
        assert!(gate.check(|| true).await.unwrap());
    }
}
