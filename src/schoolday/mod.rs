//! Which school day an absence report is for.
//!
//! Parents call at any hour, so "today" is not simply the caller's date: a
//! report made after the school's cut-off time, at a weekend or on a holiday
//! is meant for the next day the school is open. All of this is decided in
//! the school's own time zone, never the server's or UTC, because a server
//! in another zone would otherwise move reports onto the wrong day.
//!
//! Which days are closed (holidays, breaks) and which weekend days are open
//! (e.g. a Saturday class day, 土曜授業) come from a plain-text calendar file
//! that school office staff edit by hand; see [`parse_calendar`] for its
//! format. Its errors point at `file:line:col` and say how to fix the line,
//! because the person reading them is not a programmer.
//!
//! One file per job: [`SchoolCalendar`]'s questions (`calendar.rs`), the
//! calendar file (`calendar_file.rs`), the config's cut-off (`cutoff.rs`)
//! and dates as calls write them (`iso_date.rs`). This file holds their
//! shared error.

mod calendar;
mod calendar_file;
mod cutoff;
mod iso_date;

use thiserror::Error;

pub use calendar::SchoolCalendar;
pub use calendar_file::{CalendarDays, parse_calendar};
pub use cutoff::parse_cutoff;
pub use iso_date::iso_date;

/// Errors from reading the school's calendar file or its cut-off time.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SchoolDayError {
    /// A line of a calendar file could not be used. `line` and `col` are
    /// 1-based; `col` counts characters, not bytes, so it matches what an
    /// editor shows for Japanese text.
    #[error("{file}:{line}:{col}: {message}")]
    Calendar {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// The cut-off time is not `HH:MM` in 24-hour time.
    #[error(
        "cut-off time \"{value}\" is not a time; write it as HH:MM in 24-hour time, e.g. 16:00 or 8:30"
    )]
    Cutoff { value: String },
}
