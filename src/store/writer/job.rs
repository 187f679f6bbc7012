//! One write waiting for the writer, and what it came to before the
//! commit. Which jobs someone waits for decides how soon a batch starts
//! and how hard it is synced.

use tokio::sync::oneshot;

use super::super::StoreError;
use super::super::calls::CallLog;
use super::super::queue::Urgency;
use super::super::reports::{NewReport, Saved};

pub(super) type SaveReply = oneshot::Sender<Result<Saved, StoreError>>;
pub(super) type LogReply = oneshot::Sender<Result<Vec<String>, StoreError>>;

/// One write waiting for the writer.
pub(super) enum Job {
    /// A report: its caller waits for the commit.
    Save(Box<NewReport>, SaveReply),
    /// A call-log change: answered after the commit if someone waits;
    /// `Blocked`: a thread is blocked on it, so it does not linger.
    Log(CallLog, Option<LogReply>, Waiting),
    /// Nothing to write: answered once everything queued before it is
    /// committed.
    Flush(oneshot::Sender<()>),
    /// A health check: one row written and committed, as a save would be.
    Probe(oneshot::Sender<Result<(), StoreError>>),
}

impl Job {
    /// Someone waits for it to be on disk: a report, or a flush.
    pub(super) fn is_durable(&self) -> bool {
        matches!(self, Job::Save(..) | Job::Flush(_))
    }
}

impl Urgency for Job {
    /// Someone is held up until it is committed.
    fn is_awaited(&self) -> bool {
        self.is_durable() || matches!(self, Job::Log(_, _, Waiting::Blocked) | Job::Probe(_))
    }
}

/// Whether a thread is blocked until a call-log change is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Waiting {
    No,
    Blocked,
}

/// What one job came to, before the commit.
pub(super) enum Done {
    Saved(rusqlite::Result<Saved>),
    Logged(rusqlite::Result<Vec<String>>),
    Probed(rusqlite::Result<()>),
}

impl Done {
    pub(super) fn failed(&self) -> bool {
        matches!(
            self,
            Done::Saved(Err(_)) | Done::Logged(Err(_)) | Done::Probed(Err(_))
        )
    }
}

#[cfg(test)]
mod tests {
    use tokio::sync::oneshot;

    use super::{Job, Urgency, Waiting};
    use crate::store::calls::CallLog;

    fn log(waiting: Waiting) -> Job {
        let change = CallLog::Failed {
            call_sid: "CA1".into(),
        };
        Job::Log(change, None, waiting)
    }

    /// What may linger in the queue: only call-log changes nobody waits for.
    #[test]
    fn only_call_log_changes_nobody_waits_for_may_linger() {
        assert!(!log(Waiting::No).is_awaited());
        assert!(log(Waiting::Blocked).is_awaited());
        assert!(Job::Save(Box::default(), oneshot::channel().0).is_awaited());
        assert!(Job::Flush(oneshot::channel().0).is_awaited());
    }
}
