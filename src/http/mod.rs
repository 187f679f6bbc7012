//! The HTTP front: the only module that knows axum. Twilio's voice webhooks
//! (signature check, form parsing, engine turn, TwiML), and a health check.

mod apology;
mod form;
mod prompts;
pub mod signature;
mod startup;
mod state;
mod voice;

pub use startup::{Application, StartupError};
pub use state::AppState;
