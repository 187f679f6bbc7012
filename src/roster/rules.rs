//! When a new roster may replace the store's: not when it drops more than
//! half of the students, and a config file never over an imported roster.

use crate::domain::RosterState;

/// A new roster that would drop more than half of the students in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "it has {after} student(s) where the roster in use has {before}: more than half would be dropped"
)]
pub struct Shrink {
    pub before: usize,
    pub after: usize,
}

/// Whether replacing a roster of `before` students with one of `after`
/// drops more than half of them. A truncated export (a header alone, or a
/// few rows) would otherwise make every other parent's number "not found";
/// a school does not lose half its students between two exports.
pub fn shrink(before: usize, after: usize) -> Option<Shrink> {
    (after * 2 < before).then_some(Shrink { before, after })
}

/// What start-up and a reload do with the config's roster file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRule {
    /// Copy it into the store: it is new or changed.
    Copy,
    /// The store already holds it.
    Unchanged,
    /// The school has an imported roster, which takes precedence: the file
    /// is not applied while the import is kept.
    Imported,
    /// Refused: it would drop most of the students.
    Shrinks(Shrink),
}

/// The rule for a config roster file of `students` students with
/// `fingerprint`, given the store's roster.
pub fn file_rule(store: &RosterState, fingerprint: &str, students: usize) -> FileRule {
    if store.imported.is_some() {
        return FileRule::Imported;
    }
    if store.from_file.as_deref() == Some(fingerprint) {
        return FileRule::Unchanged;
    }
    match shrink(store.students, students) {
        Some(s) => FileRule::Shrinks(s),
        None => FileRule::Copy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roster_that_drops_more_than_half_of_the_students_shrinks() {
        assert_eq!(
            shrink(468, 0),
            Some(Shrink {
                before: 468,
                after: 0
            })
        );
        assert_eq!(
            shrink(468, 5),
            Some(Shrink {
                before: 468,
                after: 5
            })
        );
        assert_eq!(
            shrink(468, 233),
            Some(Shrink {
                before: 468,
                after: 233
            })
        );
        assert_eq!(shrink(468, 234), None, "half is kept");
        assert_eq!(
            shrink(1, 0),
            Some(Shrink {
                before: 1,
                after: 0
            })
        );
        assert_eq!(shrink(3, 2), None);
        assert_eq!(shrink(0, 0), None, "nothing to lose");
        assert_eq!(shrink(5, 468), None);
        assert_eq!(
            Shrink {
                before: 468,
                after: 0
            }
            .to_string(),
            "it has 0 student(s) where the roster in use has 468: more than half would be dropped"
        );
    }

    #[test]
    fn the_config_file_is_copied_only_while_nothing_was_imported() {
        let state = |students, imported: Option<&str>, from_file: Option<&str>| RosterState {
            students,
            imported: imported.map(str::to_owned),
            from_file: from_file.map(str::to_owned),
        };
        assert_eq!(file_rule(&state(0, None, None), "f1", 5), FileRule::Copy);
        assert_eq!(
            file_rule(&state(5, None, Some("f1")), "f1", 5),
            FileRule::Unchanged
        );
        assert_eq!(
            file_rule(&state(5, None, Some("f1")), "f2", 6),
            FileRule::Copy
        );
        assert_eq!(
            file_rule(&state(468, Some("sha256:… new.csv"), None), "f1", 5),
            FileRule::Imported,
            "an import before the file was ever copied"
        );
        assert_eq!(
            file_rule(&state(468, Some("sha256:… new.csv"), Some("f1")), "f2", 470),
            FileRule::Imported,
            "the file changed after the import"
        );
        assert_eq!(
            file_rule(&state(468, None, Some("f1")), "f2", 0),
            FileRule::Shrinks(Shrink {
                before: 468,
                after: 0
            })
        );
    }
}
