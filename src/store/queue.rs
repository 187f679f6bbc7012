//! The writer's in-tray. Unlike a channel, it does not wake the writer for
//! every job: a call-log change nobody waits for only wakes it when it is
//! idle, and while it lingers for company (see [`Queue::next_batch`]) only
//! a job someone waits for, or a full batch, cuts the wait short.
//!
//! Why: the writer shares the server's core with the async runtime. With a
//! channel, three call-log changes per call meant three thread wake-ups
//! (two context switches each) that did nothing but add one job to a batch
//! still lingering.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// A job as the queue sees it: whether anyone is held up until it is
/// committed.
pub(super) trait Urgency {
    fn is_awaited(&self) -> bool;
}

pub(super) struct Queue<J> {
    inner: Mutex<Inner<J>>,
    wake: Condvar,
}

struct Inner<J> {
    jobs: VecDeque<J>,
    /// How many of `jobs` someone waits for.
    awaited: usize,
    /// The writer is waiting for any job at all.
    idle: bool,
    /// No more jobs will come: the writer drains the queue and stops.
    closed: bool,
    /// The batch size the writer takes at most.
    full: usize,
}

impl<J: Urgency> Queue<J> {
    /// A queue whose writer takes batches of at most `full` jobs.
    pub(super) fn new(full: usize) -> Queue<J> {
        Queue {
            inner: Mutex::new(Inner {
                jobs: VecDeque::new(),
                awaited: 0,
                idle: false,
                closed: false,
                full,
            }),
            wake: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner<J>> {
        // Nothing is ever left half-done under this lock, so a panic
        // elsewhere while holding it leaves the queue consistent.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Add a job. `Err` gives it back if the queue is closed.
    pub(super) fn push(&self, job: J) -> Result<(), J> {
        let mut q = self.lock();
        if q.closed {
            return Err(job);
        }
        let awaited = job.is_awaited();
        q.awaited += usize::from(awaited);
        q.jobs.push_back(job);
        // A lingering writer needs waking only when the wait is over for
        // someone: a job somebody waits for, or a full batch.
        if awaited || q.idle || q.jobs.len() == q.full {
            q.idle = false;
            drop(q);
            self.wake.notify_one();
        }
        Ok(())
    }

    /// No more jobs: the writer takes what is queued and then stops.
    pub(super) fn close(&self) {
        self.lock().closed = true;
        self.wake.notify_one();
    }

    /// The next batch, at most the queue's `full` jobs; `None` once closed
    /// and empty.
    ///
    /// Waits for a first job. If nobody waits for any job queued, waits up
    /// to `linger` longer for company: until a job someone waits for
    /// arrives, a full batch is queued, or the queue is closed.
    pub(super) fn next_batch(&self, linger: Duration) -> Option<Vec<J>> {
        let mut q = self.lock();
        while q.jobs.is_empty() {
            if q.closed {
                return None;
            }
            q.idle = true;
            q = self.wake.wait(q).unwrap_or_else(|p| p.into_inner());
        }
        q.idle = false;
        let max = q.full;
        let until = Instant::now() + linger;
        while q.awaited == 0 && q.jobs.len() < max && !q.closed {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            q = self
                .wake
                .wait_timeout(q, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        let n = q.jobs.len().min(max);
        let batch: Vec<J> = q.jobs.drain(..n).collect();
        q.awaited -= batch.iter().filter(|j| j.is_awaited()).count();
        Some(batch)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use super::{Queue, Urgency};

    #[derive(Debug, PartialEq)]
    struct J(u32, bool);

    impl Urgency for J {
        fn is_awaited(&self) -> bool {
            self.1
        }
    }

    const LINGER: Duration = Duration::from_millis(100);

    #[test]
    fn jobs_nobody_waits_for_linger_for_company() {
        let q = Queue::new(10);
        q.push(J(1, false)).unwrap();
        q.push(J(2, false)).unwrap();
        let started = Instant::now();
        assert_eq!(q.next_batch(LINGER).unwrap(), [J(1, false), J(2, false)]);
        assert!(started.elapsed() >= LINGER);
    }

    /// With `J(1, false)` queued, the writer lingers (up to 10 s) while
    /// another thread pushes `later` after a moment: the batch it takes,
    /// and whether the linger was cut short.
    fn linger_while_pushing(full: usize, later: [J; 2]) -> (Vec<J>, bool) {
        let q = Arc::new(Queue::new(full));
        q.push(J(1, false)).unwrap();
        let pusher = {
            let q = q.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(10));
                for j in later {
                    q.push(j).unwrap();
                }
            })
        };
        let started = Instant::now();
        let batch = q.next_batch(Duration::from_secs(10)).unwrap();
        pusher.join().unwrap();
        (batch, started.elapsed() < Duration::from_secs(5))
    }

    #[test]
    fn an_awaited_job_cuts_the_linger_short_and_takes_the_others_along() {
        let (batch, woken) = linger_while_pushing(10, [J(2, false), J(3, true)]);
        assert!(woken, "woken by job 3");
        assert_eq!(batch, [J(1, false), J(2, false), J(3, true)]);
    }

    #[test]
    fn an_idle_writer_is_woken_by_any_job() {
        let q = Arc::new(Queue::new(10));
        let taker = {
            let q = q.clone();
            std::thread::spawn(move || q.next_batch(Duration::ZERO))
        };
        std::thread::sleep(Duration::from_millis(20));
        q.push(J(1, false)).unwrap();
        assert_eq!(taker.join().unwrap().unwrap(), [J(1, false)]);
    }

    #[test]
    fn a_full_batch_cuts_the_linger_short() {
        let (batch, woken) = linger_while_pushing(3, [J(2, false), J(3, false)]);
        assert!(woken, "woken when full");
        assert_eq!(batch, [J(1, false), J(2, false), J(3, false)]);
    }

    #[test]
    fn batches_are_bounded_and_in_order() {
        let q = Queue::new(3);
        for i in 0..5 {
            q.push(J(i, i == 4)).unwrap();
        }
        assert_eq!(
            q.next_batch(LINGER).unwrap(),
            [J(0, false), J(1, false), J(2, false)]
        );
        let started = Instant::now();
        assert_eq!(q.next_batch(LINGER).unwrap(), [J(3, false), J(4, true)]);
        assert!(
            started.elapsed() < LINGER,
            "the awaited count followed the drain"
        );
    }

    #[test]
    fn closing_drains_what_is_queued_then_ends() {
        let q = Queue::new(10);
        q.push(J(1, false)).unwrap();
        q.close();
        assert_eq!(q.push(J(2, true)), Err(J(2, true)));
        assert_eq!(q.next_batch(LINGER).unwrap(), [J(1, false)]);
        assert!(q.next_batch(LINGER).is_none());
    }
}
