//! One student, the same value from the roster (the config's file or the
//! store's import) through the engine's student-number check to the report
//! and the staff pages: never converted between look-alike types.

/// One student as the school's roster lists them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Student {
    /// The number a parent keys in.
    pub student: String,
    pub grade: String,
    pub class: String,
    /// The attendance number (出席番号) in the class.
    pub number: String,
    pub name: String,
    pub kana: String,
    /// Guardian phone numbers, E.164 or as written, `;`-separated.
    pub phones: String,
}

/// The roster a school's store holds and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RosterState {
    pub students: usize,
    /// The last import, if the roster was ever imported.
    pub imported: Option<String>,
    /// The fingerprint of the config's roster file last copied in.
    pub from_file: Option<String>,
}
