//! The HTTP server: its plumbing (start, the accept loop, admission, the
//! state every handler shares, metrics, health, reloads) and the school
//! staff's pages (`staff/`). With the channels' web adapters
//! (`channel::twilio`), the only code that knows axum. The channels'
//! routes are mounted in `startup`.

mod admin;
mod alert_watch;
mod deadline;
pub(crate) mod log_limit;
mod metrics;
mod prompts;
mod serve;
mod shed;
mod staff;
mod startup;
mod state;
mod stores;
mod sweep;

/// Kept here for the server's callers (tests, loadgen, fuzz): the server is
/// built from a [`Source`].
pub use crate::config::Source;
pub use startup::{Application, Secrets, StartupError};
pub use state::AppState;
