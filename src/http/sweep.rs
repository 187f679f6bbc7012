//! Calls that never got their end: a lost status callback, a simulator
//! stopped mid-call, a crash. Every few minutes each school's store closes
//! the calls with no end that started more than
//! [`UNFINISHED_AFTER`](crate::store::UNFINISHED_AFTER) ago, as ended
//! without a status, so the office sees them ended and offered for a
//! call-back, and `/metrics` counts them once.

use std::time::Duration;

use chrono::Utc;

use super::state::AppState;

/// Often enough that a closed call shows in the log's counts within
/// minutes of the bound; a sweep is one short write per school.
const EVERY: Duration = Duration::from_secs(5 * 60);

/// Sweep now (calls left open before a restart) and then every [`EVERY`].
pub(super) fn spawn(app: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            sweep(&app).await;
        }
    });
}

async fn sweep(app: &AppState) {
    let stores: Vec<_> = (app.0.stores.read())
        .unwrap_or_else(|p| p.into_inner())
        .iter()
        .map(|(id, s)| (id.clone(), s.clone()))
        .collect();
    let now = Utc::now();
    for (school, store) in stores {
        match store.end_unfinished_calls(now).await {
            Ok(closed) => {
                for outcome in &closed {
                    app.0.metrics.call_ended(outcome);
                }
                if !closed.is_empty() {
                    tracing::info!(%school, calls = closed.len(), "closed calls that had no status callback");
                }
            }
            Err(e) => tracing::warn!(%school, error = %e, "could not close calls without an end"),
        }
    }
}
