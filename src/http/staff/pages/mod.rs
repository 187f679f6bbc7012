//! The staff pages, one file each.

pub mod alerts;
pub mod board;
pub mod call_log;
pub mod correction;
pub mod login;
pub mod morning_list;
pub mod sheet;
