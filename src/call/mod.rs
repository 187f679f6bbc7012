//! The channel seam: one call, whatever carries it.
//!
//! A channel (Twilio's webhooks, the terminal simulator, a SIP front end,
//! the web form) turns what the caller did into a [`Turn`], hands it to
//! [`Line::turn`] with a [`Port`] to the school's data, and renders the
//! [`Reply`]: what to say (through `speech`) and what to wait for. The
//! turn loop (the engine, the roster question, looking up an earlier
//! report, saving, resuming the flow) exists here once; a channel keeps no
//! loop of its own.
//!
//! Invariants: `call` knows no transport (no axum, no TwiML) and no SQL;
//! what only a store can answer goes through the [`Port`]. [`StorePort`] is
//! the one store-backed port, shared by every channel that stores into the
//! school's SQLite file.

mod known;
mod line;
mod port;
mod report;
mod store_port;
#[cfg(test)]
mod tests;

pub use line::{CallError, Line, Reply, Turn};
pub use port::{KnownCaller, Port, PortError, RosterAnswer};
pub use report::{Caller, days, existing_answers, new_report};
pub use store_port::StorePort;
