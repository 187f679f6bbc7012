//! The writer thread's loop: batch after batch until the store is dropped,
//! a panicking batch failing alone, and nobody left waiting when it ends.

use std::path::Path;
use std::time::Duration;

use super::super::queue::Queue;
use super::job::Job;

/// The writer thread's loop: each batch from `jobs` to `commit`, until the
/// store is dropped and the queue drained.
///
/// A panic while committing a batch (a bug) fails that batch alone: its
/// callers' replies are dropped, so each hears an apology, never
/// "recorded", and the writer goes on with the next batch. Should the loop
/// end any other way, the queue is closed and emptied, so that nobody
/// waits for a writer that is gone.
pub(super) fn serve(jobs: &Queue<Job>, path: &Path, mut commit: impl FnMut(Vec<Job>)) {
    let _close = CloseOnExit(jobs);
    while let Some(batch) = jobs.next_batch(LOG_LINGER) {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| commit(batch)));
        if run.is_err() {
            tracing::error!(store = %path.display(), "the store writer failed on a batch (a bug); its callers were told so");
        }
    }
}

/// Closes the queue and drops what is left in it (so each waiting caller is
/// told the writer is gone) when the writer's loop ends, however it ends.
pub(super) struct CloseOnExit<'a>(&'a Queue<Job>);

impl Drop for CloseOnExit<'_> {
    fn drop(&mut self) {
        self.0.close();
        while self.0.next_batch(Duration::ZERO).is_some() {}
    }
}

/// How long call-log changes may wait for company before they are
/// committed on their own (see [`Queue::next_batch`]). Nobody waits for them, and each commit costs
/// the same few page writes whether it holds one change or a hundred; a
/// report arriving meanwhile takes them along at once.
pub(super) const LOG_LINGER: Duration = Duration::from_millis(20);

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use tokio::sync::oneshot;

    use super::super::job::Job;
    use super::{CloseOnExit, serve};
    use crate::store::queue::Queue;

    /// A bug that panics while committing fails that batch's callers (they
    /// hear an apology) and the writer goes on serving the next ones.
    #[test]
    fn a_panicking_batch_fails_alone_and_the_writer_goes_on() {
        let queue = Arc::new(Queue::new(super::super::MAX_BATCH));
        let (first, first_rx) = oneshot::channel();
        assert!(queue.push(Job::Flush(first)).is_ok());
        let writer = {
            let queue = queue.clone();
            std::thread::spawn(move || {
                let mut batches = 0;
                serve(&queue, Path::new("test"), |batch| {
                    batches += 1;
                    if batches == 1 {
                        panic!("a bug in the first batch");
                    }
                    for job in batch {
                        if let Job::Flush(reply) = job {
                            let _ = reply.send(());
                        }
                    }
                });
            })
        };
        assert!(first_rx.blocking_recv().is_err(), "told it failed");
        let (second, second_rx) = oneshot::channel();
        assert!(queue.push(Job::Flush(second)).is_ok());
        assert!(
            second_rx.blocking_recv().is_ok(),
            "the next batch is served"
        );
        queue.close();
        writer.join().unwrap();
    }

    /// However the writer's loop ends, jobs still queued are failed, not
    /// left waiting, and no new job is taken.
    #[test]
    fn a_writer_that_stops_fails_what_is_queued_and_refuses_more() {
        let queue = Queue::new(super::super::MAX_BATCH);
        let (queued, mut queued_rx) = oneshot::channel();
        assert!(queue.push(Job::Flush(queued)).is_ok());
        drop(CloseOnExit(&queue));
        assert!(
            matches!(
                queued_rx.try_recv(),
                Err(oneshot::error::TryRecvError::Closed)
            ),
            "not left waiting"
        );
        assert!(queue.push(Job::Flush(oneshot::channel().0)).is_err());
    }
}
