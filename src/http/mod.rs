//! The HTTP front: the only module that knows axum. Twilio's voice webhooks
//! (signature check, form parsing, engine turn, TwiML), and a health check.

mod apology;
mod form;
mod prompts;
mod reload;
pub mod signature;
mod startup;
mod state;
mod voice;

pub use reload::{Reloaded, Source};
pub use startup::{Application, Secrets, StartupError};
pub use state::AppState;
