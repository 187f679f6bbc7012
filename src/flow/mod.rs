//! Declarative call flows and the pure engine that walks them.
//!
//! A flow file (`call-flows/*.toml`) is loaded once into a [`Flow`], checked
//! for mistakes an editor can make (each error names file:line:col). The
//! [`engine`] then answers "given this flow, this call's state and this one
//! input, what does the caller hear next and what is the new state?" with no
//! I/O and no knowledge of Twilio, SIP or the web: the channels translate its
//! [`Outcome`](engine::Outcome) into their own terms.

#[cfg(test)]
mod caller_tests;
mod cond;
pub mod engine;
mod load;
mod model;
mod state;

pub use cond::Cond;
pub use engine::{Ctx, EngineError, Input, Outcome, Roster, Then, Vars};
pub use load::{FlowError, load_flow};
pub use model::*;
pub use state::{CallState, StateError};
