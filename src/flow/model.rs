//! The checked, ready-to-run form of a call flow.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::Cond;
use crate::domain::LangTag;

/// Index of a step in [`Flow::steps`].
pub type StepIdx = usize;

/// A message id in the locales (`ask-kind`).
pub type MsgId = Arc<str>;

#[derive(Debug)]
pub struct Flow {
    pub name: String,
    pub start: StepIdx,
    pub steps: Vec<Step>,
    /// Where `*` at any menu or number goes (the language menu); the call
    /// comes back to where it was once a language is chosen.
    pub star: Option<StepIdx>,
    /// Where a call resumes when its step vanished in a reload.
    pub resume: StepIdx,
    /// Said before resuming.
    pub resume_message: Option<MsgId>,
    pub(super) by_name: HashMap<String, StepIdx>,
}

impl Flow {
    pub fn step_named(&self, name: &str) -> Option<StepIdx> {
        self.by_name.get(name).copied()
    }

    /// Every message id the flow can speak, for checks against locales.
    pub fn message_ids(&self) -> impl Iterator<Item = &MsgId> {
        self.steps
            .iter()
            .flat_map(|s| {
                s.prompt
                    .iter()
                    .chain(&s.help)
                    .chain(match &s.kind {
                        StepKind::Digits { wrong_length, .. } => wrong_length.as_slice(),
                        _ => &[],
                    })
                    .map(|p| &p.msg)
                    .chain([&s.no_input, &s.no_match])
            })
            .chain(self.resume_message.iter())
    }
}

#[derive(Debug)]
pub struct Step {
    pub name: String,
    /// Entered only when this holds; otherwise the flow moves on to `next`.
    pub when: Option<Cond>,
    pub kind: StepKind,
    pub prompt: Vec<Prompt>,
    /// The fuller prompt for the second failed try.
    pub help: Vec<Prompt>,
    pub no_input: MsgId,
    pub no_match: MsgId,
    pub timeout_secs: u32,
    pub tries: u8,
    pub give_up: StepIdx,
    pub next: Next,
    /// Answers set on entering the step (before its prompt is spoken), so
    /// the prompt can read call variables such as the dates it names; a
    /// call variable with no value at this school leaves the answer unset.
    pub set: Vec<(String, Value)>,
}

/// One message to speak, optionally in a fixed language (the language menu
/// speaks each option in its own language) and only when a condition holds.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub msg: MsgId,
    pub lang: Option<LangTag>,
    pub when: Option<Cond>,
    /// Said once for each item of the list answer named so (`known`:
    /// `known-count` items), each time with that item's answers
    /// (`known-2-child-name` as `$child-name`) and its key as `$key`.
    pub each: Option<MsgId>,
}

#[derive(Debug)]
pub enum StepKind {
    /// One key chooses a branch.
    Menu {
        options: BTreeMap<char, Choice>,
        /// Taken when the caller presses nothing.
        default_key: Option<char>,
        /// Taken when the caller presses nothing and there is no default
        /// key (e.g. keep the current language).
        default: Option<Choice>,
        save_as: Option<String>,
    },
    /// Every key that applies, in one entry (the symptoms a child has):
    /// ended by `finish_key` or by `timeout_secs` of silence after the last
    /// key, so one key alone needs nothing more. Each option's value is
    /// saved once, in key order, comma-joined (`fever,respiratory`); the
    /// step's `next` says where the call goes (`when = "symptom has fever"`).
    Choices {
        /// Key (a digit) → the value it adds.
        options: BTreeMap<char, String>,
        finish_key: char,
        save_as: String,
    },
    /// A number of `min..=max` keys, ended by `finish_key`.
    Digits {
        min: u32,
        max: u32,
        finish_key: Option<char>,
        /// An answer holding a fixed length (`student-length`, set from the
        /// school's `student_digits`): when it is set, exactly that many
        /// keys end the entry and no finish key is needed.
        length: Option<String>,
        /// Said instead of `no_match` when the entry has the wrong number
        /// of keys ("a student number has 4 to 8 digits").
        wrong_length: Vec<Prompt>,
        /// The finish key alone skips the step (and saves nothing).
        skip_on_finish_key: bool,
        validate: Validate,
        save_as: String,
    },
    /// A voice message.
    Record {
        max_length_secs: u32,
        finish_key: char,
        save_as: String,
        /// Without a recording the step is tried again, then gives up;
        /// otherwise the call simply goes on without one.
        required: bool,
    },
    /// Speak the prompt and go on.
    Say,
    /// Save the report; the channel stores it and resumes the flow.
    Save,
    /// One key per item of a list the `caller` lookup found (the caller's
    /// children): keys 1 to `{list}-count` pick one, whose answers
    /// (`{list}-N-student`, …) become the call's (`student`, …) with
    /// `{list}` set to N, and the call goes to the step's `next`; the
    /// `options` hold the other keys (all of them, another child).
    Children {
        list: String,
        options: BTreeMap<char, Choice>,
    },
    /// Ask the channel to look something up in the school's store; what it
    /// finds becomes answers.
    Lookup { what: Lookup },
    /// Speak the prompt and end the call.
    Hangup,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub next: StepIdx,
    pub value: Option<Value>,
    pub language: Option<LangTag>,
    pub set: Vec<(String, Value)>,
    /// Answers to forget; `*` forgets all of them.
    pub clear: Vec<String>,
}

/// A value to store: literal, or a call variable (`$today`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Literal(String),
    Var(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Validate {
    /// Any digits of the right length.
    None,
    /// The school's roster must know the number (when it has a roster).
    Roster,
    /// A number in `min..=max`, stored with `decimals` implied decimals
    /// (`385` with one decimal is stored as `38.5`).
    Range { min: i64, max: i64, decimals: u32 },
    /// `HHMM` or `HMM` (`930` is 09:30) on a 24-hour clock, stored as `HH:MM`.
    Time,
}

#[derive(Debug, Clone)]
pub enum Next {
    /// Nowhere: the step itself ends the call or branches by key.
    End,
    Goto(StepIdx),
    /// The first branch whose condition holds; the last has none.
    Branches(Vec<(Option<Cond>, StepIdx)>),
}

/// Names of steps and answers: `[a-z0-9_-]`, 1 to 32 characters.
pub fn is_name(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// What a `lookup` step may ask the channel for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// `existing-report`: the reports the student already has on the days
    /// this report covers, as answers `existing-kind`,
    /// `existing-reference`, `existing-day` (and `existing-count`,
    /// `existing-references` when there are several).
    ExistingReport,
    /// `last-day`: the last school day of a several-day absence, as the
    /// answer `last-day`, so the read-back can say it.
    LastDay,
    /// `caller`: who the caller is by their number: `caller-language` (the
    /// language they chose last time); for one child on the roster under
    /// their number `student`, `grade`, `class`, `number`, `child-kana` and
    /// `known` = `1`; for several, `known-count` and `known-N-student`,
    /// `-grade`, `-class`, `-number`, `-child-kana` (N from 1).
    Caller,
}

/// The most children one number is offered: keys 1 to 8 pick one.
pub const MAX_CHILDREN: usize = 8;

impl Lookup {
    /// Every lookup's name in a flow file.
    pub const NAMES: [&'static str; 3] = ["existing-report", "last-day", "caller"];

    /// The lookup named `name` in a flow file.
    pub fn parse(name: &str) -> Option<Lookup> {
        match name {
            "existing-report" => Some(Lookup::ExistingReport),
            "last-day" => Some(Lookup::LastDay),
            "caller" => Some(Lookup::Caller),
            _ => None,
        }
    }

    /// Its name in a flow file.
    pub fn as_str(self) -> &'static str {
        match self {
            Lookup::ExistingReport => "existing-report",
            Lookup::LastDay => "last-day",
            Lookup::Caller => "caller",
        }
    }

    /// The prefixes of the answers it sets (`existing-…`), all forgotten
    /// before a new lookup's are set (the caller's child, once picked, is
    /// the call's `student` and stays).
    pub fn answer_prefixes(self) -> &'static [&'static str] {
        match self {
            Lookup::ExistingReport => &["existing-"],
            Lookup::LastDay => &["last-day"],
            Lookup::Caller => &["known", "caller-language"],
        }
    }
}
