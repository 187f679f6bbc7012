//! One turn of a call, for any channel: run the engine on the school's flow,
//! resume safely when a reload removed the call's step, and hand the channel
//! what only it can do — look a student up, look up an earlier report, save
//! a report. Pure: the store and speaking the result are the channel's.

use chrono::{DateTime, Utc};

use crate::deployment::{Deployment, School};
use crate::domain::LangTag;
use crate::flow::engine::{self, Say};
use crate::flow::{
    CallState, Ctx, EngineError, Flow, Input, Outcome, Roster, StepKind, Student, Then, Validate,
    Vars,
};
use crate::report::{Caller, new_report};
use crate::store::{NewReport, StudentRecord};

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
    /// Save `report`, then call [`Line::saved`] with its reference number.
    Save {
        report: Box<NewReport>,
        pending: Vec<Say>,
        state: CallState,
    },
    /// Look `what` up (see [`engine::LOOKUPS`]), then call
    /// [`Line::looked_up`] with what was found.
    Lookup {
        what: String,
        pending: Vec<Say>,
        state: CallState,
    },
}

/// What the school's roster says about one student number: fetched by the
/// channel before the turn, so the engine needs no store.
#[derive(Debug, Clone, Default)]
pub struct RosterAnswer {
    /// False: the school has no roster, and any number is taken.
    pub has_roster: bool,
    pub student: Option<StudentRecord>,
}

impl Roster for RosterAnswer {
    fn find(&self, student: &str) -> Option<Student> {
        self.student
            .as_ref()
            .filter(|s| s.student == student)
            .map(|s| Student {
                grade: s.grade.clone(),
                class: s.class.clone(),
                number: s.number.clone(),
            })
    }
}

/// The school's call variables at one moment, worked out when asked for.
struct SchoolVars<'a> {
    school: &'a School,
    now: DateTime<Utc>,
}

impl Vars for SchoolVars<'_> {
    fn get(&self, name: &str) -> Option<String> {
        self.school.call_var(name, self.now)
    }
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

    fn run<T>(
        &self,
        now: DateTime<Utc>,
        lang: Option<&LangTag>,
        roster: Option<&RosterAnswer>,
        f: impl FnOnce(&Ctx) -> T,
    ) -> T {
        let vars = SchoolVars {
            school: self.school,
            now,
        };
        let default_lang = lang
            .filter(|l| self.dep.catalog.has_language(l))
            .unwrap_or(&self.dep.config.default_language);
        let ctx = Ctx {
            roster: roster.filter(|r| r.has_roster).map(|r| r as &dyn Roster),
            vars: &vars,
            default_lang,
        };
        f(&ctx)
    }

    /// The student number the channel must look up in the roster before
    /// [`next`](Self::next) can check `input`, if any.
    pub fn roster_question<'i>(&self, state: &CallState, input: &'i Input) -> Option<&'i str> {
        let step = &self.flow.steps[self.flow.step_named(&state.step)?];
        match (&step.kind, input) {
            (
                StepKind::Digits {
                    validate: Validate::Roster,
                    ..
                },
                Input::Digits(d),
            ) => Some(d),
            _ => None,
        }
    }

    /// A new call, in `lang` (the caller's language last time) if known.
    pub fn begin(
        &self,
        lang: Option<&LangTag>,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Progress, CallError> {
        let outcome = self.run(now, lang, None, |ctx| engine::start(self.flow, ctx))?;
        Ok(self.progress(outcome, caller, now))
    }

    /// The caller's input at the step `state` is waiting at; `roster` is
    /// the answer to [`roster_question`](Self::roster_question), if asked.
    pub fn next(
        &self,
        state: CallState,
        input: Input,
        roster: Option<&RosterAnswer>,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Progress, CallError> {
        let outcome = self.run(now, None, roster, |ctx| {
            if self.flow.step_named(&state.step).is_none() {
                tracing::warn!(call_sid = caller.call_sid, step = %state.step, "the call's step is gone after a reload; resuming");
                return engine::resume(self.flow, state, ctx);
            }
            engine::handle(self.flow, state, input, ctx)
        })?;
        Ok(self.progress(outcome, caller, now))
    }

    /// The caller hung up at the step `state` waits at. When that is the
    /// read-back before a save, the report (marked unconfirmed, so the
    /// office calls back) to save; `None` when there is nothing to save.
    pub fn hung_up(
        &self,
        state: CallState,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Option<Progress>, CallError> {
        let outcome = self.run(now, None, None, |ctx| {
            engine::hang_up(self.flow, state, ctx)
        })?;
        Ok(outcome.map(|o| {
            let mut progress = self.progress(o, caller, now);
            if let Progress::Save { report, .. } = &mut progress {
                report.unconfirmed = true;
            }
            progress
        }))
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
        let outcome = self.run(now, None, None, |ctx| {
            engine::after_save(self.flow, state, pending, &reference.to_string(), ctx)
        })?;
        Ok(self.progress(outcome, caller, now))
    }

    /// Continue after a lookup found `found` (answers; empty: nothing).
    pub fn looked_up(
        &self,
        state: CallState,
        pending: Vec<Say>,
        found: Vec<(String, String)>,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Progress, CallError> {
        let outcome = self.run(now, None, None, |ctx| {
            engine::after_lookup(self.flow, state, pending, found, ctx)
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
            Outcome::Lookup {
                what,
                pending,
                state,
            } => Progress::Lookup {
                what,
                pending,
                state,
            },
        }
    }
}
