//! [`Line::turn`]: one turn of a call, for any channel. Runs the engine on
//! the school's flow from the caller's input to the next thing the caller
//! hears, doing on the way what only the port can (the roster question,
//! an earlier report, the save), and resumes safely when a reload removed
//! the call's step. No transport and no store of its own.

use chrono::{DateTime, Utc};

use super::known::{self, caller_answers, name_children};
use super::port::{KnownCaller, Port, PortError, RosterAnswer};
use super::report::{Caller, days, existing_answers, new_report};
use crate::deployment::{Deployment, School};
use crate::domain::LangTag;
use crate::flow::engine::{self, Say};
use crate::flow::{
    CallState, Ctx, EngineError, Flow, Input, Lookup, Outcome, Roster, StepKind, Then, Validate,
    Vars,
};
use crate::store::Saved;

#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error("the school's flow {0:?} is not loaded")]
    NoFlow(String),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("the school's store: {0}")]
    Port(#[source] PortError),
}

/// What the caller did since the last reply.
#[derive(Debug)]
pub enum Turn {
    /// The call is new: it begins in the language the port remembers for
    /// the caller, if any.
    Begin,
    /// `input` at the step `state` waits at.
    Next { state: CallState, input: Input },
    /// `input` at the step `state` waits at, and then the caller hung up
    /// (Twilio posts a recording after the caller hung up): nothing said
    /// now is heard, so a report that is ready to be read back is saved as
    /// it is, marked unconfirmed so the office calls back.
    LastWords { state: CallState, input: Input },
}

/// Where the call stands after a turn: say `say`, then wait as `then`
/// says, with `state` to resume from.
#[derive(Debug)]
pub struct Reply {
    pub say: Vec<Say>,
    pub then: Then,
    pub state: CallState,
    /// The report this turn saved (or found already saved: a retry).
    pub saved: Option<Saved>,
}

/// The loaded pieces one school's call runs on.
pub struct Line<'a> {
    pub dep: &'a Deployment,
    pub school: &'a School,
    pub flow: &'a Flow,
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

impl<'a> Line<'a> {
    pub fn new(dep: &'a Deployment, school: &'a School) -> Result<Line<'a>, CallError> {
        let flow = dep
            .flows
            .get(&school.flow)
            .ok_or_else(|| CallError::NoFlow(school.flow.clone()))?;
        Ok(Line { dep, school, flow })
    }

    /// Run one turn to the next reply, through `port`.
    pub async fn turn(
        &self,
        port: &impl Port,
        caller: &Caller<'_>,
        turn: Turn,
        now: DateTime<Utc>,
    ) -> Result<Reply, CallError> {
        // Who the caller is, asked once at the start of the call: the
        // flow's `caller` lookup in the same turn uses it.
        let mut known: Option<KnownCaller> = None;
        // A key at the language menu: the language is remembered even when
        // it is the one the call began in (Japanese, most often), so that
        // the next call skips the menu.
        let star = self.flow.star.map(|i| self.flow.steps[i].name.as_str());
        let keyed_at_menu = match &turn {
            Turn::Next { state, input } | Turn::LastWords { state, input } => {
                star == Some(state.step.as_str()) && matches!(input, Input::Digits(_))
            }
            Turn::Begin => false,
        };
        let (mut outcome, lang_before, last_words) = match turn {
            Turn::Begin => {
                // One read: the remembered language comes with the children.
                let who = port.caller().map_err(CallError::Port)?;
                let lang = who.language.clone();
                known = Some(who);
                let outcome = self.run(now, lang.as_ref(), None, |ctx| {
                    engine::start(self.flow, ctx)
                })?;
                (outcome, None, false)
            }
            Turn::Next { state, input } => {
                let lang = state.lang.clone();
                (
                    self.next(port, state, input, caller, now)?,
                    Some(lang),
                    false,
                )
            }
            Turn::LastWords { state, input } => {
                let lang = state.lang.clone();
                (
                    self.next(port, state, input, caller, now)?,
                    Some(lang),
                    true,
                )
            }
        };
        let mut saved = None;
        // The caller is gone: what is ready to save is saved now, once,
        // rather than read back to nobody, and marked unconfirmed.
        let mut gone_asked = false;
        let mut unconfirmed = false;
        loop {
            outcome = match outcome {
                Outcome::Prompt {
                    say,
                    then,
                    mut state,
                } => {
                    name_children(&mut state.answers, &state.lang);
                    if last_words && saved.is_none() && !gone_asked {
                        gone_asked = true;
                        let gone = self.run(now, None, None, |ctx| {
                            engine::hang_up(self.flow, state.clone(), ctx)
                        })?;
                        if let Some(o) = gone {
                            unconfirmed = true;
                            outcome = o;
                            continue;
                        }
                    }
                    let chose = keyed_at_menu && star != Some(state.step.as_str());
                    if chose || lang_before.as_ref().is_some_and(|l| *l != state.lang) {
                        port.language_chosen(&state.lang);
                    }
                    return Ok(Reply {
                        say,
                        then,
                        state,
                        saved,
                    });
                }
                Outcome::Lookup {
                    what,
                    pending,
                    state,
                } => {
                    let found = self.look_up(port, what, &state, known.take(), caller, now)?;
                    self.run(now, None, None, |ctx| {
                        engine::after_lookup(self.flow, state, pending, found, ctx)
                    })?
                }
                Outcome::Save { pending, mut state } => {
                    // A family report (all of the caller's children) is one
                    // report per child, each with its own reference and
                    // key, read back together (`4,12`).
                    let family = known::family(&state.answers);
                    let each: Vec<Vec<(String, String)>> = if family.is_empty() {
                        vec![Vec::new()]
                    } else {
                        family
                    };
                    let mut references = Vec::with_capacity(each.len());
                    let was_unconfirmed = std::mem::take(&mut unconfirmed);
                    for (i, child) in each.iter().enumerate() {
                        let mut one = state.clone();
                        one.answers.extend(child.iter().cloned());
                        one.saved = state.saved.saturating_add(i as u16);
                        let mut report = new_report(&one, caller, self.school, now);
                        report.unconfirmed = was_unconfirmed;
                        let done = port.save(report).await.map_err(CallError::Port)?;
                        if done.new {
                            tracing::debug!(call_sid = caller.call_sid, school = %self.school.id, reference = done.reference, "report saved");
                        }
                        // A cancel that found nothing to cancel has no
                        // reference (0): nothing to read back for it.
                        if done.reference != 0 || each.len() == 1 {
                            references.push(done.reference.to_string());
                        }
                        saved = Some(done);
                    }
                    // `after_save` counts one save; the others are counted here.
                    state.saved = state.saved.saturating_add((each.len() - 1) as u16);
                    self.run(now, None, None, |ctx| {
                        let reference = references.join(",");
                        engine::after_save(self.flow, state, pending, &reference, ctx)
                    })?
                }
            };
        }
    }

    /// The engine's step for `input` at `state`, asking the port first
    /// when the step checks a student number against the roster.
    fn next(
        &self,
        port: &impl Port,
        state: CallState,
        input: Input,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Outcome, CallError> {
        let roster = match self.roster_question(&state, &input) {
            Some(number) => Some(port.roster(number).map_err(CallError::Port)?),
            None => None,
        };
        Ok(self.run(now, None, roster.as_ref(), |ctx| {
            if self.flow.step_named(&state.step).is_none() {
                tracing::warn!(call_sid = caller.call_sid, step = %state.step, "the call's step is gone after a reload; resuming");
                return engine::resume(self.flow, state, ctx);
            }
            engine::handle(self.flow, state, input, ctx)
        })?)
    }

    /// The student number to look up in the roster before the engine can
    /// check `input`, if any.
    fn roster_question<'i>(&self, state: &CallState, input: &'i Input) -> Option<&'i str> {
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

    /// Answer a flow's `lookup` step through the port.
    /// `known`: the caller as the port told at the start of this turn, if
    /// it did.
    fn look_up(
        &self,
        port: &impl Port,
        what: Lookup,
        state: &CallState,
        known: Option<KnownCaller>,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<Vec<(String, String)>, CallError> {
        match what {
            Lookup::ExistingReport => {
                // A family report: every child's earlier reports.
                let family = known::family(&state.answers);
                let students: Vec<&str> = if family.is_empty() {
                    state
                        .answers
                        .get("student")
                        .map(String::as_str)
                        .into_iter()
                        .collect()
                } else {
                    family
                        .iter()
                        .flat_map(|c| {
                            c.iter()
                                .filter(|(k, _)| k == "student")
                                .map(|(_, v)| v.as_str())
                        })
                        .collect()
                };
                let days = days(state, self.school, now);
                let mut found = Vec::new();
                let mut every_child_has_one = true;
                for student in &students {
                    let theirs = port
                        .existing_reports(student, &days)
                        .map_err(CallError::Port)?;
                    every_child_has_one &= !theirs.is_empty();
                    found.extend(theirs);
                }
                // A family report replaces, cancels or keeps earlier ones
                // only when every child has one: "keep" must never leave a
                // child unreported. Otherwise each child gets the new report
                // (beside an earlier one, which the staff see).
                if students.len() > 1 && !every_child_has_one {
                    found.clear();
                }
                // A caller recognised by their number keyed no student
                // number, and a number can be forged: they hear of, and may
                // replace or cancel, only reports made from that number.
                if state.answers.contains_key("known") {
                    let number = caller.number.map_or("", |n| n.as_str());
                    found.retain(|e| !number.is_empty() && e.caller == number);
                }
                // Newest day first, as for one student.
                found.sort_by(|a, b| b.school_day.cmp(&a.school_day));
                Ok(existing_answers(&found))
            }
            // The calendar, not the engine, knows which days are school days.
            Lookup::LastDay => Ok(days(state, self.school, now)
                .last()
                .map(|d| vec![("last-day".to_owned(), d.clone())])
                .unwrap_or_default()),
            Lookup::Caller => {
                let mut known = match known {
                    Some(k) => k,
                    None => port.caller().map_err(CallError::Port)?,
                };
                // A language the deployment no longer has is not remembered.
                known.language = known.language.filter(|l| self.dep.catalog.has_language(l));
                Ok(caller_answers(&known))
            }
        }
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
}
