//! absence-line: a self-hostable 24-hour absence line for schools.
//!
//! See ARCHITECTURE.md for the bird's-eye view and the code map.

pub mod audio;
pub mod call;
pub mod channel;
pub mod cli;
pub mod config;
pub mod decimal;
pub mod demo;
pub mod deployment;
pub mod diagnostics;
pub mod domain;
pub mod export;
pub mod flow;
pub mod http;
pub mod lint;
pub mod locale;
pub mod password;
pub mod recordings;
pub mod roster;
pub mod schoolday;
pub mod speech;
pub mod store;
pub mod surveillance;

#[cfg(test)]
mod layers_tests;
