//! What the reports mean for a school's health, for the board of education
//! and the national school absence surveillance (学校等欠席者・感染症情報
//! システム): counts per class in the national categories, the daily sheet,
//! and early-warning alerts. Pure: it is given the counts the store keeps
//! (`store::counts`) and the enrolment, and does no I/O.
//!
//! - `enrolment`: how many students each class has (roster or config).
//! - `tally`: the store's count rows gathered per class and day.
//! - `alerts`: the early-warning rules and their evaluation.
//! - `read`: the one place that reads them (and the roster's enrolment)
//!   from a school's store.
//! - `sheet`: the daily surveillance sheet (per class, in the national
//!   system's order, with grade and school totals).

pub mod alerts;
mod enrolment;
pub mod read;
pub mod sheet;
mod tally;

pub use enrolment::{ClassKey, Enrolment};
pub use tally::{KindTally, Tallies, Tally, school_days};
