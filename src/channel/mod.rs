//! The channels: one folder per way a parent's call reaches the line. Each
//! is a thin adapter on [`call::Line`](crate::call::Line): it turns what
//! the caller did into a [`Turn`](crate::call::Turn), gives the line a
//! [`Port`](crate::call::Port) to the school's data (usually the shared
//! [`StorePort`](crate::call::StorePort)), and renders the reply in its own
//! medium. See "Adding a channel" in ARCHITECTURE.md.
//!
//! - `twilio/`: Twilio's voice webhooks, TwiML, request signatures, and
//!   the apology a parent hears when something fails inside.
//! - `simulator/`: a telephone in the terminal (`absence-line simulate`),
//!   and a dry walk of the default call (`absence-line prompts`).

pub mod simulator;
pub mod twilio;
