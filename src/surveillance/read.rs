//! Reading a school's counts and enrolment out of its store: the one place
//! where the pure surveillance meets the store, so every page reads them
//! the same way. Blocking: run on a blocking thread.

use std::collections::BTreeMap;

use super::{Enrolment, Tallies};
use crate::store::{Store, StoreError};

/// Students per class: the roster's counts when the store has a roster,
/// else the config's `enrolment` table (which may be empty).
pub fn enrolment(
    store: &Store,
    table: &BTreeMap<String, BTreeMap<String, u32>>,
) -> Result<Enrolment, StoreError> {
    let roster = store.roster_counts()?;
    if roster.is_empty() {
        return Ok(Enrolment::from_table(table));
    }
    Ok(Enrolment::from_counts(roster.into_iter().map(
        |(g, c, n)| (g, c, u32::try_from(n).unwrap_or(u32::MAX)),
    )))
}

/// The per-class tallies of school days `from..=to` (ISO dates).
pub fn tallies(store: &Store, from: &str, to: &str) -> Result<Tallies, StoreError> {
    Ok(Tallies::from_class_counts(&store.class_counts(from, to)?))
}
