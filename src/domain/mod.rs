//! Small values that validate when they are parsed, so that the rest of the
//! code never sees a school id with a slash in it or "digits" with a letter
//! (or a withheld number taken for a caller).

mod caller_id;
mod digits;
mod illness;
pub mod kana;
mod lang_tag;
mod phone;
mod report;
mod school_id;
mod student;

pub use caller_id::CallerId;
pub use digits::Digits;
pub use illness::{Disease, Symptom, Symptoms};
pub use lang_tag::LangTag;
pub use phone::{e164, phones_e164};
pub use report::{Channel, Correction, ReportKind};
pub use school_id::SchoolId;
pub use student::{RosterState, Student};

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error(
        "{0:?} is not a school id: use 1 to 40 lowercase letters, digits and '-', starting with a letter or digit"
    )]
    SchoolId(String),
    /// The input itself is not kept: it may be a student number.
    #[error("not keypad input: only 0-9, * and # up to 32 keys are allowed")]
    Digits,
    #[error("{0:?} is not a language tag such as ja, en or pt-BR")]
    LangTag(String),
}
