//! The pure call-flow engine: flow + state + one input → what to say, what to
//! wait for, and the new state. No I/O, no clock, no channel: the caller of
//! the engine supplies the roster and the call variables (`today`, …) in
//! [`Ctx`] and acts on the [`Outcome`].

use std::collections::BTreeMap;

use super::model::*;
use super::state::CallState;
use crate::domain::{LangTag, Student};

/// Variables a flow may read as `$name` in option values and `set`:
/// `today` (the school day a report made now is for), `next_school_day`
/// (the one after it), `this_school_day` (the day a late arrival or an
/// early leave is for: the calendar day while school is on, else the next
/// school day), `today_moved` / `this_day_moved` (`yes` when that day is
/// not the calendar day, so the prompt must name it, else `no`) and
/// `student_digits` (the school's fixed student number length, if any).
pub const CALL_VARS: [&str; 6] = [
    "today",
    "next_school_day",
    "this_school_day",
    "today_moved",
    "this_day_moved",
    "student_digits",
];

/// The answer holding the last entry a digits step refused, so the error
/// can read it back ("we could not find 1 2 3 4 5").
pub const KEYED: &str = "keyed";

/// The school's list of students, as far as the engine needs it: the
/// student a number names, if any.
pub trait Roster: Sync {
    fn find(&self, student: &str) -> Option<&Student>;
}

/// The values of [`CALL_VARS`], worked out only when a step asks for one
/// (most steps never do).
pub trait Vars {
    fn get(&self, name: &str) -> Option<String>;
}

impl Vars for BTreeMap<&'static str, String> {
    fn get(&self, name: &str) -> Option<String> {
        BTreeMap::get(self, name).cloned()
    }
}

/// What the engine may know about the world, provided by its caller.
pub struct Ctx<'a> {
    /// `None` when the school has no roster: any well-formed number is taken.
    pub roster: Option<&'a dyn Roster>,
    /// Values of [`CALL_VARS`], e.g. `today` = `2026-11-25`.
    pub vars: &'a dyn Vars,
    /// The language a call starts in.
    pub default_lang: &'a LangTag,
}

/// One input from the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Keys pressed, without the finish key.
    Digits(String),
    /// The finish key pressed alone.
    FinishKeyOnly,
    /// Nothing before the timeout (or an empty recording).
    NoInput,
    /// A recording was made and is available at this URL.
    Recording(String),
}

/// What the caller should wait for after hearing the prompts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Any number of keys (a `choices` step), ended by the finish key or by
    /// `timeout_secs` of silence after the last one: the channel must not
    /// wait for a count of keys.
    Choices {
        timeout_secs: u32,
        finish_key: char,
    },
    /// Keys: at most `max_digits` (a menu: exactly one key).
    Keys {
        timeout_secs: u32,
        finish_key: Option<char>,
        max_digits: u32,
        /// The finish key alone means something (skip), so the channel must
        /// report it rather than treat it as silence.
        finish_key_matters: bool,
    },
    Record {
        max_length_secs: u32,
        finish_key: char,
    },
    Hangup,
}

/// A message to speak, with the language it is fixed to if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Say {
    pub msg: MsgId,
    pub lang: Option<LangTag>,
    /// Said for one item of a list answer (a prompt's `each`): its
    /// variables are that item's answers.
    pub item: Option<Item>,
}

/// Item `n` (from 1) of the list answer `list`: its answers are
/// `{list}-{n}-NAME`, said as `$NAME`, and `$key` is `n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub list: MsgId,
    pub n: u8,
}

impl Item {
    /// The answers as this item's message sees them: the call's, with the
    /// item's own (`known-2-child-name` as `child-name`) over them, and
    /// `key` = `n`.
    pub fn answers(&self, answers: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        let prefix = format!("{}-{}-", self.list, self.n);
        let mut out = answers.clone();
        for (k, v) in answers {
            if let Some(name) = k.strip_prefix(&prefix) {
                out.insert(name.to_owned(), v.clone());
            }
        }
        out.insert("key".to_owned(), self.n.to_string());
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Speak `say` in order, then `then`; `state` is the call's new state.
    Prompt {
        say: Vec<Say>,
        then: Then,
        state: CallState,
    },
    /// Store the report in `state.answers`, then call [`after_save`] with its
    /// reference. `pending` are prompts to speak before the next ones.
    Save { pending: Vec<Say>, state: CallState },
    /// Look `what` up, then call [`after_lookup`] with what was found.
    Lookup {
        what: Lookup,
        pending: Vec<Say>,
        state: CallState,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("the call is at step {0:?}, which this flow does not have")]
    UnknownStep(String),
    #[error("step {0:?} does not take input")]
    NotWaiting(String),
    #[error("the flow went through {0} steps without waiting for the caller (a loop?)")]
    Loop(usize),
    #[error("call variable ${0} was not provided")]
    MissingVar(String),
}

/// Where a new call starts.
pub fn start(flow: &Flow, ctx: &Ctx) -> Result<Outcome, EngineError> {
    let state = CallState::new(&flow.steps[flow.start].name, ctx.default_lang.clone());
    enter(flow, flow.start, state, Vec::new(), ctx)
}

/// Apply one input to the step the call is waiting at.
pub fn handle(
    flow: &Flow,
    mut state: CallState,
    input: Input,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    let idx = flow
        .step_named(&state.step)
        .ok_or_else(|| EngineError::UnknownStep(state.step.clone()))?;
    let step = &flow.steps[idx];
    // `*` at any menu or number: the language menu, then back here. At a
    // `choices` step the keys come as one entry, so a `*` anywhere in it
    // counts (the keys before it are forgotten).
    if let (Some(star), Input::Digits(d)) = (flow.star, &input)
        && star != idx
        && match step.kind {
            StepKind::Menu { .. } | StepKind::Digits { .. } | StepKind::Children { .. } => d == "*",
            StepKind::Choices { .. } => d.contains('*'),
            _ => false,
        }
    {
        state.ret = Some(step.name.clone());
        return leave(flow, star, state, Vec::new(), ctx);
    }
    // A lone `#` at a menu that has no `#` option is a habit (the key that
    // ends a number elsewhere), not a choice: it counts as no key.
    let input = match (&step.kind, input) {
        (StepKind::Menu { options, .. }, Input::Digits(d))
            if d == "#" && !options.contains_key(&'#') =>
        {
            Input::NoInput
        }
        (_, input) => input,
    };
    match (&step.kind, input) {
        (
            StepKind::Menu {
                default_key: Some(k),
                options,
                ..
            },
            Input::NoInput,
        ) => choose(flow, step, &options[k], state, ctx),
        (
            StepKind::Menu {
                default: Some(choice),
                ..
            },
            Input::NoInput,
        ) => choose(flow, step, choice, state, ctx),
        (
            StepKind::Menu { .. }
            | StepKind::Digits { .. }
            | StepKind::Choices { .. }
            | StepKind::Children { .. },
            Input::NoInput | Input::Recording(_),
        )
        // The finish key alone at a `choices` step: nothing chosen.
        | (StepKind::Choices { .. }, Input::FinishKeyOnly) => {
            state.no_input += 1;
            retry(flow, idx, state, say_one(&step.no_input), true, ctx)
        }
        (StepKind::Choices { options, save_as, .. }, Input::Digits(d)) => {
            match chosen(options, &d) {
                None => no_match(flow, idx, state, ctx),
                Some(list) => {
                    state.answers.insert(save_as.clone(), list);
                    let next = resolve_next(&step.next, &state.answers, &step.name)?;
                    leave(flow, next, state, Vec::new(), ctx)
                }
            }
        }
        (StepKind::Menu { options, .. }, Input::Digits(d)) => {
            let mut keys = d.chars();
            match (keys.next(), keys.next()) {
                (Some(k), None) if options.contains_key(&k) => {
                    choose(flow, step, &options[&k], state, ctx)
                }
                _ => no_match(flow, idx, state, ctx),
            }
        }
        (StepKind::Children { list, options }, Input::Digits(d)) => {
            let mut keys = d.chars();
            match (keys.next(), keys.next()) {
                (Some(k), None) if options.contains_key(&k) => {
                    choose(flow, step, &options[&k], state, ctx)
                }
                (Some(k), None) if pick_item(&mut state.answers, list, k) => {
                    let next = resolve_next(&step.next, &state.answers, &step.name)?;
                    leave(flow, next, state, Vec::new(), ctx)
                }
                _ => no_match(flow, idx, state, ctx),
            }
        }
        (StepKind::Menu { .. } | StepKind::Children { .. }, Input::FinishKeyOnly) => {
            no_match(flow, idx, state, ctx)
        }
        (
            StepKind::Digits {
                skip_on_finish_key: true,
                ..
            },
            Input::FinishKeyOnly,
        ) => {
            let next = resolve_next(&step.next, &state.answers, &step.name)?;
            leave(flow, next, state, Vec::new(), ctx)
        }
        (StepKind::Digits { .. }, Input::FinishKeyOnly) => {
            state.no_input += 1;
            retry(flow, idx, state, say_one(&step.no_input), true, ctx)
        }
        (
            StepKind::Digits {
                min,
                max,
                length,
                wrong_length,
                validate,
                save_as,
                ..
            },
            Input::Digits(d),
        ) => {
            let (min, max) = match fixed_length(length.as_deref(), &state.answers) {
                Some(n) => (n, n),
                None => (*min, *max),
            };
            let len = d.chars().count() as u32;
            let digits = d.bytes().all(|b| b.is_ascii_digit());
            if digits && !d.is_empty() && d.len() <= 32 {
                state.answers.insert(KEYED.to_owned(), d.clone());
            } else {
                // Never read back an earlier entry, nor one with `*` in it.
                state.answers.remove(KEYED);
            }
            if (!digits || !(min..=max).contains(&len)) && !wrong_length.is_empty() {
                state.no_match += 1;
                let why = speakable(wrong_length, &state.answers).collect();
                return retry(flow, idx, state, why, false, ctx);
            }
            let valid = (min..=max).contains(&len) && digits;
            let accepted = if valid {
                accept(validate, &d, ctx)
            } else {
                None
            };
            match accepted {
                None => no_match(flow, idx, state, ctx),
                Some((value, extra)) => {
                    state.answers.remove(KEYED);
                    state.answers.insert(save_as.clone(), value);
                    state.answers.extend(extra);
                    let next = resolve_next(&step.next, &state.answers, &step.name)?;
                    leave(flow, next, state, Vec::new(), ctx)
                }
            }
        }
        (StepKind::Record { save_as, .. }, Input::Recording(url)) if !url.is_empty() => {
            state.answers.insert(save_as.clone(), url);
            let next = resolve_next(&step.next, &state.answers, &step.name)?;
            leave(flow, next, state, Vec::new(), ctx)
        }
        (StepKind::Record { required: true, .. }, _) => {
            state.no_input += 1;
            retry(flow, idx, state, say_one(&step.no_input), true, ctx)
        }
        // An empty recording, or keys instead of a voice: go on without one.
        (StepKind::Record { .. }, _) => {
            let next = resolve_next(&step.next, &state.answers, &step.name)?;
            leave(flow, next, state, Vec::new(), ctx)
        }
        (StepKind::Say | StepKind::Save | StepKind::Hangup | StepKind::Lookup { .. }, _) => {
            Err(EngineError::NotWaiting(step.name.clone()))
        }
    }
}

/// The caller hung up while the call waits at `state.step` (a channel may
/// still hear of it: Twilio posts a recording made up to the hang-up). If
/// that step is a read-back, a menu with an option that goes straight to a
/// `save` step, the report is complete but for the caller's confirmation:
/// that option is taken and the save returned, so what the caller said is
/// kept. Otherwise `None`: there is nothing to save.
pub fn hang_up(flow: &Flow, state: CallState, ctx: &Ctx) -> Result<Option<Outcome>, EngineError> {
    let idx = flow
        .step_named(&state.step)
        .ok_or_else(|| EngineError::UnknownStep(state.step.clone()))?;
    let step = &flow.steps[idx];
    let StepKind::Menu { options, .. } = &step.kind else {
        return Ok(None);
    };
    let Some(save) = options
        .values()
        .find(|c| matches!(flow.steps[c.next].kind, StepKind::Save))
    else {
        return Ok(None);
    };
    Ok(match choose(flow, step, save, state, ctx)? {
        saving @ Outcome::Save { .. } => Some(saving),
        _ => None,
    })
}

/// Continue after the channel stored the report under `reference`.
pub fn after_save(
    flow: &Flow,
    mut state: CallState,
    pending: Vec<Say>,
    reference: &str,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    let idx = flow
        .step_named(&state.step)
        .ok_or_else(|| EngineError::UnknownStep(state.step.clone()))?;
    let step = &flow.steps[idx];
    if !matches!(step.kind, StepKind::Save) {
        return Err(EngineError::NotWaiting(step.name.clone()));
    }
    state
        .answers
        .insert("reference".to_owned(), reference.to_owned());
    state.saved = state.saved.saturating_add(1);
    let next = resolve_next(&step.next, &state.answers, &step.name)?;
    enter(flow, next, state, pending, ctx)
}

/// The values of the keys pressed at a `choices` step, each once, in key
/// order, comma-joined; `None` if any key is not an option (a wrong key
/// spoils the entry: the caller is asked again rather than half heard).
fn chosen(options: &BTreeMap<char, String>, keys: &str) -> Option<String> {
    if keys.is_empty() || !keys.chars().all(|k| options.contains_key(&k)) {
        return None;
    }
    let mut list = String::new();
    for (_, value) in options.iter().filter(|(k, _)| keys.contains(**k)) {
        if !list.is_empty() {
            list.push(',');
        }
        list.push_str(value);
    }
    Some(list)
}

fn no_match(
    flow: &Flow,
    idx: StepIdx,
    mut state: CallState,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    state.no_match += 1;
    let why = say_one(&flow.steps[idx].no_match);
    retry(flow, idx, state, why, false, ctx)
}

fn say_one(msg: &MsgId) -> Vec<Say> {
    vec![Say {
        msg: msg.clone(),
        lang: None,
        item: None,
    }]
}

/// The fixed length a digits step reads from the answer `length` names,
/// when that answer is set to a usable length.
fn fixed_length(length: Option<&str>, answers: &BTreeMap<String, String>) -> Option<u32> {
    let n: u32 = answers.get(length?)?.parse().ok()?;
    (1..=32).contains(&n).then_some(n)
}

/// A failed try: say why, then the prompt (first time) or the fuller help
/// (second time); after the last try, give up as the step says.
fn retry(
    flow: &Flow,
    idx: StepIdx,
    state: CallState,
    why: Vec<Say>,
    was_no_input: bool,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    let step = &flow.steps[idx];
    let count = if was_no_input {
        state.no_input
    } else {
        state.no_match
    };
    let mut say = why;
    if count >= step.tries {
        return leave(flow, step.give_up, state, say, ctx);
    }
    let prompt = if count >= 2 && !step.help.is_empty() {
        &step.help
    } else {
        &step.prompt
    };
    say.extend(speakable(prompt, &state.answers));
    Ok(Outcome::Prompt {
        then: waits_for(&step.kind, step.timeout_secs, &state.answers),
        say,
        state,
    })
}

fn choose(
    flow: &Flow,
    step: &Step,
    choice: &Choice,
    mut state: CallState,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    let save_as = match &step.kind {
        StepKind::Menu { save_as, .. } => save_as,
        StepKind::Children { .. } => &None,
        _ => unreachable!("choose is only called for menus"),
    };
    if choice.clear.iter().any(|c| c == "*") {
        state.answers.clear();
    } else {
        for name in &choice.clear {
            state.answers.remove(name);
        }
    }
    if let (Some(name), Some(value)) = (save_as, &choice.value) {
        let v = value_of(value, ctx)?;
        state.answers.insert(name.clone(), v);
    }
    for (name, value) in &choice.set {
        let v = value_of(value, ctx)?;
        state.answers.insert(name.clone(), v);
    }
    let mut next = choice.next;
    if let Some(lang) = &choice.language {
        state.lang = lang.clone();
    }
    // Back to where `*` was pressed, once a language is settled.
    if let Some(back) = state
        .ret
        .take()
        .filter(|_| Some(step_index(flow, step)) == flow.star)
        && let Some(i) = flow.step_named(&back)
    {
        next = i;
    }
    leave(flow, next, state, Vec::new(), ctx)
}

/// Key `k` at a `children` step for the list answer `list`: if it names
/// item N of the `{list}-count`, that item's answers (`{list}-N-student`)
/// become the call's (`student`) and `{list}` is N. Whether it did.
fn pick_item(answers: &mut BTreeMap<String, String>, list: &str, k: char) -> bool {
    let count: u32 = answers
        .get(&format!("{list}-count"))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let Some(n) = k.to_digit(10).filter(|n| (1..=count).contains(n)) else {
        return false;
    };
    let prefix = format!("{list}-{n}-");
    let picked: Vec<(String, String)> = answers
        .iter()
        .filter_map(|(key, v)| Some((key.strip_prefix(&prefix)?.to_owned(), v.clone())))
        .collect();
    answers.extend(picked);
    answers.insert(list.to_owned(), n.to_string());
    true
}

fn step_index(flow: &Flow, step: &Step) -> StepIdx {
    flow.step_named(&step.name)
        .expect("steps are indexed by name")
}

/// Continue after the channel looked up what a `lookup` step asked for;
/// `found` becomes answers (replacing earlier ones of the same names).
pub fn after_lookup(
    flow: &Flow,
    mut state: CallState,
    pending: Vec<Say>,
    found: Vec<(String, String)>,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    let idx = flow
        .step_named(&state.step)
        .ok_or_else(|| EngineError::UnknownStep(state.step.clone()))?;
    let step = &flow.steps[idx];
    let StepKind::Lookup { what } = &step.kind else {
        return Err(EngineError::NotWaiting(step.name.clone()));
    };
    // A lookup's answers are all named after it: forget an earlier result.
    let prefixes = what.answer_prefixes();
    state
        .answers
        .retain(|k, _| !prefixes.iter().any(|p| k.starts_with(p)));
    state.answers.extend(found);
    let next = resolve_next(&step.next, &state.answers, &step.name)?;
    enter(flow, next, state, pending, ctx)
}

/// The call's step no longer exists (the flow was reloaded): start again at
/// the flow's resume point, in the same language, with an apology.
pub fn resume(flow: &Flow, state: CallState, ctx: &Ctx) -> Result<Outcome, EngineError> {
    let mut fresh = CallState::new(&flow.steps[flow.resume].name, state.lang);
    fresh.saved = state.saved;
    let say = flow
        .resume_message
        .iter()
        .map(|m| Say {
            msg: m.clone(),
            lang: None,
            item: None,
        })
        .collect();
    enter(flow, flow.resume, fresh, say, ctx)
}

fn value_of(v: &Value, ctx: &Ctx) -> Result<String, EngineError> {
    match v {
        Value::Literal(s) => Ok(s.clone()),
        Value::Var(name) => ctx
            .vars
            .get(name.as_str())
            .ok_or_else(|| EngineError::MissingVar(name.clone())),
    }
}

/// Move to another step: tries start again from zero there.
fn leave(
    flow: &Flow,
    next: StepIdx,
    mut state: CallState,
    say: Vec<Say>,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    state.no_input = 0;
    state.no_match = 0;
    enter(flow, next, state, say, ctx)
}

/// Run steps from `idx` until one waits for the caller, ends the call or
/// needs the report saved.
fn enter(
    flow: &Flow,
    mut idx: StepIdx,
    mut state: CallState,
    mut say: Vec<Say>,
    ctx: &Ctx,
) -> Result<Outcome, EngineError> {
    // A flow can loop only through steps that wait (checked at runtime here,
    // since conditions make it undecidable at load time in general).
    const MAX_HOPS: usize = 64;
    for _ in 0..MAX_HOPS {
        let step = &flow.steps[idx];
        state.step.clone_from(&step.name);
        if let Some(when) = &step.when
            && !when.holds(&state.answers)
        {
            idx = resolve_next(&step.next, &state.answers, &step.name)?;
            continue;
        }
        for (name, value) in &step.set {
            match value_of(value, ctx) {
                Ok(v) => state.answers.insert(name.clone(), v),
                Err(_) => state.answers.remove(name),
            };
        }
        say.extend(speakable(&step.prompt, &state.answers));
        match &step.kind {
            StepKind::Say => idx = resolve_next(&step.next, &state.answers, &step.name)?,
            StepKind::Lookup { what } => {
                return Ok(Outcome::Lookup {
                    what: *what,
                    pending: say,
                    state,
                });
            }
            StepKind::Save => {
                return Ok(Outcome::Save {
                    pending: say,
                    state,
                });
            }
            StepKind::Hangup => {
                return Ok(Outcome::Prompt {
                    say,
                    then: Then::Hangup,
                    state,
                });
            }
            kind => {
                return Ok(Outcome::Prompt {
                    then: waits_for(kind, step.timeout_secs, &state.answers),
                    say,
                    state,
                });
            }
        }
    }
    Err(EngineError::Loop(MAX_HOPS))
}

fn waits_for(kind: &StepKind, timeout_secs: u32, answers: &BTreeMap<String, String>) -> Then {
    match kind {
        StepKind::Menu { .. } | StepKind::Children { .. } => Then::Keys {
            timeout_secs,
            finish_key: None,
            max_digits: 1,
            finish_key_matters: false,
        },
        StepKind::Choices { finish_key, .. } => Then::Choices {
            timeout_secs,
            finish_key: *finish_key,
        },
        StepKind::Digits {
            max,
            finish_key,
            skip_on_finish_key,
            length,
            ..
        } => match fixed_length(length.as_deref(), answers) {
            // The length is known: the last key ends the entry, no `#`
            // (`#` still ends a short entry early, so a parent who presses
            // it out of habit hears "5 digits" at once.)
            Some(n) => Then::Keys {
                timeout_secs,
                finish_key: *finish_key,
                max_digits: n,
                finish_key_matters: false,
            },
            None => Then::Keys {
                timeout_secs,
                finish_key: *finish_key,
                max_digits: *max,
                finish_key_matters: *skip_on_finish_key,
            },
        },
        StepKind::Record {
            max_length_secs,
            finish_key,
            ..
        } => Then::Record {
            max_length_secs: *max_length_secs,
            finish_key: *finish_key,
        },
        StepKind::Say | StepKind::Save | StepKind::Hangup | StepKind::Lookup { .. } => Then::Hangup,
    }
}

fn speakable(prompts: &[Prompt], answers: &BTreeMap<String, String>) -> impl Iterator<Item = Say> {
    prompts
        .iter()
        .filter(|p| p.when.as_ref().is_none_or(|c| c.holds(answers)))
        .flat_map(|p| {
            let say = |item| Say {
                msg: p.msg.clone(),
                lang: p.lang.clone(),
                item,
            };
            match &p.each {
                None => vec![say(None)],
                // Once per item of the list, as many as it has.
                Some(list) => {
                    let count = answers
                        .get(&format!("{list}-count"))
                        .and_then(|c| c.parse::<u8>().ok())
                        .unwrap_or(0)
                        .min(MAX_CHILDREN as u8);
                    (1..=count)
                        .map(|n| {
                            say(Some(Item {
                                list: list.clone(),
                                n,
                            }))
                        })
                        .collect()
                }
            }
        })
        .collect::<Vec<_>>()
        .into_iter()
}

fn resolve_next(
    next: &Next,
    answers: &BTreeMap<String, String>,
    step: &str,
) -> Result<StepIdx, EngineError> {
    match next {
        Next::Goto(i) => Ok(*i),
        Next::Branches(bs) => bs
            .iter()
            .find(|(c, _)| c.as_ref().is_none_or(|c| c.holds(answers)))
            .map(|(_, i)| *i)
            .ok_or_else(|| EngineError::NotWaiting(step.to_owned())),
        Next::End => Err(EngineError::NotWaiting(step.to_owned())),
    }
}

/// Check digits against the step's rule; the value to store and any answers
/// that come with it (the roster's grade and class).
fn accept(validate: &Validate, d: &str, ctx: &Ctx) -> Option<(String, Vec<(String, String)>)> {
    match validate {
        Validate::None => Some((d.to_owned(), Vec::new())),
        Validate::Roster => match ctx.roster {
            None => Some((d.to_owned(), Vec::new())),
            Some(r) => {
                let s = r.find(d)?;
                Some((
                    d.to_owned(),
                    vec![
                        ("grade".to_owned(), s.grade.clone()),
                        ("class".to_owned(), s.class.clone()),
                        ("number".to_owned(), s.number.clone()),
                    ],
                ))
            }
        },
        Validate::Range { min, max, decimals } => {
            let n: i64 = d.parse().ok()?;
            if n < *min || n > *max {
                return None;
            }
            Some((scaled(n, *decimals), Vec::new()))
        }
        Validate::Time => {
            // `930` is 9:30: the minutes are always the last two keys.
            if !(3..=4).contains(&d.len()) {
                return None;
            }
            let split = d.len() - 2;
            let (h, m) = (
                d.get(..split)?.parse::<u32>().ok()?,
                d.get(split..)?.parse::<u32>().ok()?,
            );
            (h < 24 && m < 60).then(|| (format!("{h:02}:{m:02}"), Vec::new()))
        }
    }
}

/// `385` with one decimal → `38.5`.
fn scaled(n: i64, decimals: u32) -> String {
    if decimals == 0 {
        return n.to_string();
    }
    let p = 10i64.pow(decimals);
    let sign = if n < 0 { "-" } else { "" };
    let n = n.abs();
    format!(
        "{sign}{}.{:0width$}",
        n / p,
        n % p,
        width = decimals as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling() {
        assert_eq!(scaled(385, 1), "38.5");
        assert_eq!(scaled(350, 1), "35.0");
        assert_eq!(scaled(5, 2), "0.05");
        assert_eq!(scaled(42, 0), "42");
    }

    #[test]
    fn times() {
        let vars: BTreeMap<&str, String> = BTreeMap::new();
        let ja = LangTag::parse("ja").unwrap();
        let ctx = Ctx {
            roster: None,
            vars: &vars,
            default_lang: &ja,
        };
        assert_eq!(accept(&Validate::Time, "0930", &ctx).unwrap().0, "09:30");
        assert_eq!(accept(&Validate::Time, "2359", &ctx).unwrap().0, "23:59");
        assert!(accept(&Validate::Time, "2400", &ctx).is_none());
        assert!(accept(&Validate::Time, "0960", &ctx).is_none());
        assert_eq!(accept(&Validate::Time, "930", &ctx).unwrap().0, "09:30");
        assert_eq!(accept(&Validate::Time, "015", &ctx).unwrap().0, "00:15");
        assert!(accept(&Validate::Time, "960", &ctx).is_none());
        assert!(accept(&Validate::Time, "93", &ctx).is_none());
    }
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod flow_tests;
