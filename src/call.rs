//! One turn of a call, for any channel: run the engine on the school's flow,
//! resume safely when a reload removed the call's step, and hand the channel
//! a report to save when the flow reaches a save. Pure: saving, and speaking
//! the result, are the channel's business.

use chrono::{DateTime, Utc};

use crate::deployment::{Deployment, School};
use crate::domain::LangTag;
use crate::flow::engine::{self, Say};
use crate::flow::{CallState, Ctx, EngineError, Flow, Input, Outcome, Roster, Then};
use crate::report::{Caller, new_report};
use crate::store::NewReport;

#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error("the school's flow {0:?} is not loaded")]
    NoFlow(String),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// Where a call stands after a turn.
#[derive(Debug)]
pub enum Progress {
    /// Speak `say`, then wait as `then` says.
    Prompt {
        say: Vec<Say>,
        then: Then,
        state: CallState,
    },
    /// Save `report`, then call [`saved`] with its reference number.
    Save {
        report: Box<NewReport>,
        pending: Vec<Say>,
        state: CallState,
    },
}

/// The loaded pieces one school's call runs on.
pub struct Line<'a> {
    pub dep: &'a Deployment,
    pub school: &'a School,
    pub flow: &'a Flow,
}

impl<'a> Line<'a> {
    pub fn new(dep: &'a Deployment, school: &'a School) -> Result<Line<'a>, CallError> {
        let flow = dep
            .flows
            .get(&school.flow)
            .ok_or_else(|| CallError::NoFlow(school.flow.clone()))?;
        Ok(Line { dep, school, flow })
    }

    fn run<T>(&self, now: DateTime<Utc>, lang: Option<&LangTag>, f: impl FnOnce(&Ctx) -> T) -> T {
        let vars = self.school.call_vars(now);
        let default_lang = lang
            .filter(|l| self.dep.catalog.has_language(l))
            .unwrap_or(&self.dep.config.default_language);
        let ctx = Ctx {
            roster: self.school.roster.as_ref().map(|r| r as &dyn Roster),
            vars: &vars,
            default_lang,
        };
        f(&ctx)
    }

    /// A new call, in `lang` (the caller's language last time) if known.
    pub fn begin(
        &self,
        lang: Option<&LangTag>,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Progress, CallError> {
        let outcome = self.run(now, lang, |ctx| engine::start(self.flow, ctx))?;
        Ok(self.progress(outcome, caller, now))
    }

    /// The caller's input at the step `state` is waiting at.
    pub fn next(
        &self,
        state: CallState,
        input: Input,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Progress, CallError> {
        let outcome = self.run(now, None, |ctx| {
            if self.flow.step_named(&state.step).is_none() {
                tracing::warn!(call_sid = caller.call_sid, step = %state.step, "the call's step is gone after a reload; resuming");
                return engine::resume(self.flow, state, ctx);
            }
            engine::handle(self.flow, state, input, ctx)
        })?;
        Ok(self.progress(outcome, caller, now))
    }

    /// Continue after the report was stored under `reference`.
    pub fn saved(
        &self,
        state: CallState,
        pending: Vec<Say>,
        reference: u32,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Progress, CallError> {
        let outcome = self.run(now, None, |ctx| {
            engine::after_save(self.flow, state, pending, &reference.to_string(), ctx)
        })?;
        Ok(self.progress(outcome, caller, now))
    }

    fn progress(&self, outcome: Outcome, caller: &Caller, now: DateTime<Utc>) -> Progress {
        match outcome {
            Outcome::Prompt { say, then, state } => Progress::Prompt { say, then, state },
            Outcome::Save { pending, state } => Progress::Save {
                report: Box::new(new_report(&state, caller, self.school, now)),
                pending,
                state,
            },
        }
    }
}
