//! The terminal telephone: print what the caller hears, read what they
//! key, one [`Line::turn`] per entry, until the flow hangs up or the keys
//! run out.

use std::io::Write;

use chrono::{SecondsFormat, Utc};

use super::keys::{input_of, what_to_type};
use crate::call::{CallError, Caller, Line, Port, PortError, RosterAnswer, StorePort, Turn};
use crate::domain::{CallerId, Channel, LangTag};
use crate::speech::{self, Speech};
use crate::store::{CallEnd, Existing, NewReport, ReportRow, Saved, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum SimulatorError {
    #[error(transparent)]
    Call(#[from] CallError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the terminal: {0}")]
    Io(#[from] std::io::Error),
}

/// One simulated call to a school's line.
pub struct Terminal<'a> {
    pub line: Line<'a>,
    pub store: &'a Store,
    /// `simulate --lang`: the call begins in it, whatever the caller chose
    /// last time.
    pub lang: Option<LangTag>,
    /// `None`: a withheld number (`--from anonymous`).
    pub caller: Option<&'a CallerId>,
    /// Echo each entry (they were given, not typed).
    pub echo: bool,
}

/// The shared store port, except that the simulator begins in the
/// language it was told and leaves the caller's remembered one alone: a
/// developer trying languages out must not change what a parent hears.
struct TerminalPort<'a> {
    store: StorePort<'a>,
    lang: Option<LangTag>,
}

impl Port for TerminalPort<'_> {
    fn roster(&self, number: &str) -> Result<RosterAnswer, PortError> {
        self.store.roster(number)
    }

    fn existing_reports(&self, student: &str, days: &[String]) -> Result<Vec<Existing>, PortError> {
        self.store.existing_reports(student, days)
    }

    fn caller_language(&self) -> Result<Option<LangTag>, PortError> {
        Ok(self.lang.clone())
    }

    fn language_chosen(&self, _: &LangTag) {}

    async fn save(&self, report: NewReport) -> Result<Saved, PortError> {
        self.store.save(report).await
    }
}

impl Terminal<'_> {
    /// Run the call on `keys` (one entry each; an empty one is silence),
    /// printing to `out`; end it in the call log; the reports it saved.
    pub fn call(
        &self,
        call_sid: &str,
        keys: impl Iterator<Item = String>,
        out: &mut impl Write,
    ) -> Result<Vec<ReportRow>, SimulatorError> {
        // One thread is all a terminal needs; the save still waits for the
        // store's group commit, as on the phone line.
        let runtime = tokio::runtime::Builder::new_current_thread().build()?;
        let started = Utc::now();
        let from = self.caller.map_or("", CallerId::as_str);
        self.store.start_call_blocking(
            call_sid,
            from,
            "",
            &rfc3339(started),
            Channel::Simulator,
        )?;
        let talked = runtime.block_on(self.talk(call_sid, keys, out));
        // A call that failed inside is marked so, as on the phone line, and
        // its error is the one reported.
        if talked.is_err()
            && let Err(e) = self.store.mark_call_failed_blocking(call_sid)
        {
            tracing::warn!(call_sid, error = %e, "could not mark the simulated call failed");
        }
        // No status callback comes for a simulated call: end it here, so the
        // call log does not show it in progress (one killed before this line
        // is closed by the server's sweep).
        let end = Utc::now();
        let secs = end.signed_duration_since(started).num_seconds();
        let ended = self.store.end_call_blocking(CallEnd {
            call_sid,
            status: if talked.is_ok() {
                "completed"
            } else {
                "failed"
            },
            duration_secs: Some(secs),
            at: &rfc3339(end),
            from,
            to: "",
            channel: Channel::Simulator,
        });
        talked?;
        ended?;
        Ok(self.store.reports_of_call(call_sid)?)
    }

    async fn talk(
        &self,
        call_sid: &str,
        mut keys: impl Iterator<Item = String>,
        out: &mut impl Write,
    ) -> Result<(), SimulatorError> {
        let caller = Caller {
            call_sid,
            number: self.caller,
            channel: Channel::Simulator,
        };
        let port = TerminalPort {
            store: StorePort {
                store: self.store,
                school: self.line.school,
                call_sid,
                caller: self.caller,
                on_new_report: None,
            },
            lang: self.lang.clone(),
        };
        let mut turn = Turn::Begin;
        loop {
            let reply = self.line.turn(&port, &caller, turn, Utc::now()).await?;
            for s in speech::render(self.line.dep, self.line.school, &reply.say, &reply.state) {
                match s {
                    Speech::Tts { text, language, .. } => writeln!(out, "[{language}] {text}")?,
                    Speech::Recording {
                        lang, key, text, ..
                    } => writeln!(out, "[♪ prompts/{lang}/{key}] {text}")?,
                }
            }
            if reply.then == crate::flow::Then::Hangup {
                writeln!(out, "── hung up")?;
                return Ok(());
            }
            write!(out, "   ({}) > ", what_to_type(&reply.then))?;
            out.flush()?;
            let Some(entry) = keys.next() else {
                writeln!(out, "\n── caller hung up")?;
                return Ok(());
            };
            if self.echo {
                writeln!(out, "{entry}")?;
            }
            turn = Turn::Next {
                input: input_of(&entry, &reply.then),
                state: reply.state,
            };
        }
    }
}

fn rfc3339(t: chrono::DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}
