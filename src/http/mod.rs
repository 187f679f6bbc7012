//! The HTTP front: the only module that knows axum. Twilio's voice webhooks
//! (signature check, form parsing, engine turn, TwiML), the school staff
//! pages (`staff/`), and a health check.

mod admin;
mod alert_watch;
mod apology;
mod deadline;
mod form;
mod log_limit;
mod metrics;
mod prompts;
mod serve;
mod shed;
pub mod signature;
mod staff;
mod startup;
mod state;
mod stores;
mod sweep;
mod voice;

/// Kept here for the server's callers (tests, loadgen, fuzz): the server is
/// built from a [`Source`].
pub use crate::config::Source;
pub use staff::hash_password;
pub use startup::{Application, Secrets, StartupError};
pub use state::AppState;
