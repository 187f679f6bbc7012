//! The one [`Port`] backed by the school's store: what every channel that
//! keeps reports in the school's SQLite file shares.

use crate::deployment::School;
use crate::domain::{CallerId, LangTag};
use crate::store::{Existing, NewReport, Saved, Store};

use super::port::{KnownCaller, Port, PortError, RosterAnswer};

/// One call's view of its school's store. Reads are point reads on a
/// reader connection (cheaper inline on the async runtime than a hop to
/// another thread); the report waits for the writer's group commit; the
/// caller's language is queued for the next one.
pub struct StorePort<'a> {
    pub store: &'a Store,
    pub school: &'a School,
    pub call_sid: &'a str,
    /// `None`: the number was withheld, and its language is neither looked
    /// up nor remembered.
    pub caller: Option<&'a CallerId>,
    /// Told of each new report once it is durable (a retried save is not
    /// new), before the turn goes on: the server counts them, even when
    /// what follows the save fails and the caller hears the apology.
    pub on_new_report: Option<&'a (dyn Fn() + Send + Sync)>,
}

impl Port for StorePort<'_> {
    /// The roster in the school's store, or the config's roster file while
    /// the store has none.
    fn roster(&self, number: &str) -> Result<RosterAnswer, PortError> {
        let (has_roster, student) = self.store.roster_lookup(number)?;
        if has_roster {
            return Ok(RosterAnswer {
                has_roster,
                student,
            });
        }
        Ok(match &self.school.roster {
            None => RosterAnswer::default(),
            Some(roster) => RosterAnswer {
                has_roster: true,
                student: roster.get(number).cloned(),
            },
        })
    }

    fn existing_reports(&self, student: &str, days: &[String]) -> Result<Vec<Existing>, PortError> {
        Ok(self.store.existing_reports(student, days)?)
    }

    fn caller_language(&self) -> Result<Option<LangTag>, PortError> {
        let Some(caller) = self.caller else {
            return Ok(None);
        };
        let remembered = self.store.remembered_language(caller.as_str())?;
        Ok(remembered.and_then(|l| LangTag::parse(&l).ok()))
    }

    /// The remembered language and the students listed under the caller's
    /// number: from the store's index, or the config's roster file (indexed
    /// in memory at load) while the store has no roster.
    fn caller(&self) -> Result<KnownCaller, PortError> {
        let Some(caller) = self.caller else {
            return Ok(KnownCaller::default());
        };
        let phone = caller.e164();
        let (language, mut children) =
            self.store.known_caller(caller.as_str(), phone.as_deref())?;
        if children.is_empty()
            && let (Some(phone), Some(roster)) = (&phone, &self.school.roster)
            && !self.store.roster_lookup("")?.0
        {
            children = roster.by_phone(phone).into_iter().cloned().collect();
        }
        Ok(KnownCaller {
            language: language.and_then(|l| LangTag::parse(&l).ok()),
            children,
        })
    }

    fn language_chosen(&self, lang: &LangTag) {
        let from = self.caller.map_or("", CallerId::as_str);
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        if let Err(e) = self
            .store
            .queue_note_language(self.call_sid, from, lang.as_str(), &at)
        {
            tracing::warn!(call_sid = self.call_sid, error = %e, "could not note the call's language");
        }
    }

    async fn save(&self, report: NewReport) -> Result<Saved, PortError> {
        let saved = self.store.save_report(report).await?;
        if saved.new
            && let Some(told) = self.on_new_report
        {
            told();
        }
        Ok(saved)
    }
}
