//! At most one log line a second for each kind of refusal anyone on the
//! internet can cause (a webhook without a signature, a throttled login).
//! One line per refused request would let a flood of junk fill the disk or
//! the journal at hundreds of megabytes a second and bury what an operator
//! must see; the count of lines left out goes with the next line written.

use super::serve::now_ms;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

pub struct LogLimit {
    /// When the next line may be written, in ms on the server's monotonic
    /// clock (a wall clock set back would silence the log).
    next_ms: AtomicU64,
    /// Lines left out since the last one written.
    left_out: AtomicU64,
}

impl LogLimit {
    pub const fn new() -> LogLimit {
        LogLimit {
            next_ms: AtomicU64::new(0),
            left_out: AtomicU64::new(0),
        }
    }

    /// `Some(lines left out before this one)` if a line may be written now.
    pub fn allow(&self) -> Option<u64> {
        let now = now_ms();
        let next = self.next_ms.load(Relaxed);
        if now >= next
            && self
                .next_ms
                .compare_exchange(next, now + 1000, Relaxed, Relaxed)
                .is_ok()
        {
            Some(self.left_out.swap(0, Relaxed))
        } else {
            self.left_out.fetch_add(1, Relaxed);
            None
        }
    }
}

/// A request path as logged: at most 120 characters.
pub fn short_path(path: &str) -> &str {
    match path.char_indices().nth(120) {
        Some((i, _)) => &path[..i],
        None => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_a_second_and_the_rest_counted() {
        let limit = LogLimit::new();
        assert_eq!(limit.allow(), Some(0));
        for _ in 0..1000 {
            assert_eq!(limit.allow(), None);
        }
        limit.next_ms.store(0, Relaxed);
        assert_eq!(
            limit.allow(),
            Some(1000),
            "the next line says how many were left out"
        );
    }

    #[test]
    fn long_paths_are_cut() {
        let long = format!("/voice/{}", "A".repeat(16_000));
        assert_eq!(short_path(&long).chars().count(), 120);
        assert_eq!(short_path("/voice/daiichi/"), "/voice/daiichi/");
        assert_eq!(short_path(&"学".repeat(200)).chars().count(), 120);
    }
}
