//! What a turn needs from outside the engine: the [`Port`] a channel
//! implements (or shares: [`StorePort`](super::StorePort) is the one backed
//! by the school's store).

use std::future::Future;

use crate::domain::{LangTag, Student};
use crate::flow::Roster;
use crate::store::{Existing, NewReport, Saved};

/// A port's failure, kept whole for the log; the caller hears the apology.
pub type PortError = Box<dyn std::error::Error + Send + Sync>;

/// The school's data as one call sees it. Every method is a point read or
/// one write: a turn calls at most one of them per engine step, so a
/// webhook stays within one short store transaction.
pub trait Port {
    /// What the roster says of the student number `number` (asked only at
    /// a step that checks numbers against the roster).
    fn roster(&self, number: &str) -> Result<RosterAnswer, PortError>;

    /// The active reports `student` already has on any of `days` (ISO
    /// dates), newest day first.
    fn existing_reports(&self, student: &str, days: &[String]) -> Result<Vec<Existing>, PortError>;

    /// The language the caller chose on their last call, if the channel
    /// knows them; the call begins in it.
    fn caller_language(&self) -> Result<Option<LangTag>, PortError>;

    /// Who is calling, as far as the school knows them by their number:
    /// the language they chose last time and the students whose guardian
    /// numbers on the roster include theirs (asked once, at the flow's
    /// `caller` lookup). A port that cannot tell knows no children, only
    /// the language it remembers. The call begins in that language, so a
    /// port that implements this reads the language once, here.
    fn caller(&self) -> Result<KnownCaller, PortError> {
        Ok(KnownCaller {
            language: self.caller_language()?,
            children: Vec::new(),
        })
    }

    /// The caller chose `lang` during the call: remember it for the call
    /// log and their next call. A failure here must not end the call, so
    /// nothing is returned; the port logs it.
    fn language_chosen(&self, lang: &LangTag);

    /// Store `report` durably and return its reference: the caller hears
    /// "recorded" only after this resolves.
    fn save(&self, report: NewReport) -> impl Future<Output = Result<Saved, PortError>> + Send;
}

/// What the school knows of a caller by their number.
#[derive(Debug, Clone, Default)]
pub struct KnownCaller {
    /// The language they chose on their last call: the line greets them in
    /// it instead of offering the language menu.
    pub language: Option<LangTag>,
    /// The students whose guardian numbers include the caller's, in roster
    /// order (a withheld number has none).
    pub children: Vec<Student>,
}

/// What the school's roster says about one student number: fetched through
/// the port before the turn's engine step, so the engine needs no store.
#[derive(Debug, Clone, Default)]
pub struct RosterAnswer {
    /// False: the school has no roster, and any number is taken.
    pub has_roster: bool,
    pub student: Option<Student>,
}

impl Roster for RosterAnswer {
    fn find(&self, student: &str) -> Option<&Student> {
        self.student.as_ref().filter(|s| s.student == student)
    }
}
