//! The simulator channel: a telephone in the terminal. The smallest
//! complete channel, and the example in ARCHITECTURE.md's "Adding a
//! channel": keys typed (or given) become [`Turn`](crate::call::Turn)s,
//! replies are printed as what a caller would hear, and the reports go
//! into the school's store through the shared
//! [`StorePort`](crate::call::StorePort), as from the phone line.
//!
//! `dry` walks the default call with a port that stores nothing, to add up
//! how long the recordings make it (`absence-line prompts`); `measure`
//! walks the standard report the same way and counts its keys and seconds
//! of speech (`absence-line call-length`), timing text-to-speech with
//! `speaking_rate` and cutting prompts where a caller stops listening with
//! `sentences`.

mod dry;
mod keys;
pub mod measure;
mod sentences;
mod speaking_rate;
mod terminal;

pub use dry::{Walked, walk_default_call};
pub use terminal::{SimulatorError, Terminal};
