//! How long the parent's call is: the standard report walked through the
//! real turn driver ([`Line::turn`]) with a port that stores nothing, keys
//! counted and speech timed as a caller hears it. `absence-line call-length`
//! prints it per language.
//!
//! The walk follows a [`Script`]: what the caller enters at each step,
//! keyed by the step's name (not a list of keys), so that it survives a
//! reshaped flow; a step the script does not know is an error naming it.
//!
//! Keys: every key the caller must press, the language key included. A
//! `#` (the step's finish key) counts where the step needs one to end: at a
//! number shorter than the step's longest (the channel ends a number of
//! the longest length by itself), and at a `choices` step only if the
//! caller presses it; the standard report's caller waits there instead.
//!
//! Seconds of speech, two callers:
//! - full listen: hears every prompt to its end before pressing;
//! - first-time: presses as soon as they know their key. At a menu (and a
//!   `choices` step, and a read-back, which is a menu too) they hear
//!   everything up to the end of the clause that names their key, looked
//!   for from the end of the step's prompt backwards (the language menu:
//!   their language's option; a read-back: "… press 1", not the grade 1
//!   read out before it); see [`sentences`](super::sentences) for what a
//!   clause is. At a number, up to the end of the first sentence of the
//!   step's prompt. What the reply says before the step's own prompt (a
//!   welcome, a message of the step before) is heard whole. Where the call
//!   ends, or the caller hangs up (after the reference number), both hear
//!   the whole reply. A prompt that names no key is heard whole.
//!
//! Recordings count for their real length; a part of one (a first-time
//! caller's cut) in proportion to the units of its text
//! ([`speaking_rate`](super::speaking_rate)). Text-to-speech is timed by
//! the speaking-rate model. Silence the caller must wait through (the
//! `choices` step's timeout) is reported apart, as waiting.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use serde::Serialize;

use super::sentences::{first_sentence_end, key_clause_end};
use super::speaking_rate::Rate;
use crate::call::{CallError, Caller, KnownCaller, Line, Port, PortError, RosterAnswer, Turn};
use crate::deployment::School;
use crate::domain::{CallerId, Channel, LangTag, Student};
use crate::flow::{Flow, Input, StepKind, Then};
use crate::roster::Roster;
use crate::speech::{self, Speech};
use crate::store::{Existing, NewReport, Saved};

/// What the caller does at one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The key of the language being measured, read from the menu's options.
    LanguageKey,
    /// These keys (the finish key added where the step needs it).
    Keys(String),
    /// These keys at a `choices` step, then silence until it times out.
    KeysThenWait(String),
    /// The report is saved: the caller hangs up.
    HangUp,
}

/// What the caller enters, by step name.
#[derive(Debug, Clone)]
pub struct Script {
    entries: BTreeMap<&'static str, Entry>,
}

impl Script {
    /// The standard report (issue 13): absent today, illness, fever, 38.5,
    /// no disease, no message, save; for `student`. The one table of what
    /// the measured caller enters: a flow that gains a step the standard
    /// report passes through gains a line here.
    pub fn standard_report(student: &str) -> Script {
        let keys = |k: &str| Entry::Keys(k.to_owned());
        let entries = BTreeMap::from([
            ("language", Entry::LanguageKey),
            ("student", keys(student)),
            // A recognised caller's children: the first.
            ("pick-child", keys("1")),
            // Absent (the fast path, where there is one: absent today, ill).
            ("kind", keys("1")),
            ("reason", keys("1")),
            // Fever, then silence ends the entry.
            ("symptom", Entry::KeysThenWait("1".to_owned())),
            ("temperature", keys("385")),
            // Today (only where the flow has no fast path for it).
            ("day", keys("1")),
            // The read-back: save.
            ("summary", keys("1")),
            ("saved", Entry::HangUp),
        ]);
        Script { entries }
    }

    /// Every step the script has an entry for.
    pub fn steps(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().copied()
    }

    fn entry(&self, step: &str) -> Option<&Entry> {
        self.entries.get(step)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MeasureError {
    #[error(transparent)]
    Call(#[from] CallError),
    #[error("the call waits at step {0:?}, which the script has no entry for")]
    UnknownStep(String),
    #[error("step {step:?} did not accept the script's entry {entered:?}")]
    Refused { step: String, entered: String },
    #[error("the language menu {step:?} has no option for {lang}")]
    NoLanguageKey { step: String, lang: LangTag },
    #[error("the call ended at step {0:?} without saving the report")]
    EndedUnsaved(String),
    #[error("the walk took more than {0} turns without ending")]
    TooLong(usize),
}

/// A port for a measured call: the school's roster answers, nothing earlier
/// is found, a save stores nothing (reference 1).
pub struct Listener<'a> {
    roster: Option<&'a Roster>,
    /// The language remembered from the caller's last call.
    language: Option<LangTag>,
    /// The students listed under the caller's number.
    children: Vec<Student>,
}

impl<'a> Listener<'a> {
    /// A caller the line has never heard: no language remembered.
    pub fn first_time(school: &'a School) -> Listener<'a> {
        Listener {
            roster: school.roster.as_ref(),
            language: None,
            children: Vec::new(),
        }
    }

    /// A caller whose number (`phone`, E.164) is on the roster and whose
    /// language is remembered: the students listed under it are theirs.
    pub fn recognised(school: &'a School, lang: &LangTag, phone: Option<&str>) -> Listener<'a> {
        let roster = school.roster.as_ref();
        let children = match (roster, phone) {
            (Some(r), Some(p)) => r.by_phone(p).into_iter().cloned().collect(),
            _ => Vec::new(),
        };
        Listener {
            roster,
            language: Some(lang.clone()),
            children,
        }
    }
}

impl Port for Listener<'_> {
    fn roster(&self, number: &str) -> Result<RosterAnswer, PortError> {
        Ok(match self.roster {
            None => RosterAnswer::default(),
            Some(r) => RosterAnswer {
                has_roster: true,
                student: r.get(number).cloned(),
            },
        })
    }

    fn existing_reports(&self, _: &str, _: &[String]) -> Result<Vec<Existing>, PortError> {
        Ok(Vec::new())
    }

    fn caller_language(&self) -> Result<Option<LangTag>, PortError> {
        Ok(self.language.clone())
    }

    fn caller(&self) -> Result<KnownCaller, PortError> {
        Ok(KnownCaller {
            language: self.language.clone(),
            children: self.children.clone(),
        })
    }

    fn language_chosen(&self, _: &LangTag) {}

    async fn save(&self, _: NewReport) -> Result<Saved, PortError> {
        Ok(Saved {
            reference: 1,
            new: true,
        })
    }
}

/// One step of the walk: what was pressed there and what was heard before.
#[derive(Debug, Clone, Serialize)]
pub struct StepLength {
    pub step: String,
    /// The keys as pressed, the finish key included (`10203#`).
    pub pressed: String,
    pub first_time_secs: f64,
    pub full_listen_secs: f64,
    pub waiting_secs: f64,
}

/// The whole walk in one language.
#[derive(Debug, Clone, Serialize)]
pub struct CallLength {
    pub keys: usize,
    pub first_time_secs: f64,
    pub full_listen_secs: f64,
    pub waiting_secs: f64,
    /// Of the full listen, seconds estimated by the speaking-rate model
    /// (the rest are recordings' real lengths).
    pub text_to_speech_secs: f64,
    pub steps: Vec<StepLength>,
}

/// Whether `flow` recognises callers by number (a `caller` step): the
/// recognised caller's walk means nothing without one.
pub fn recognises_callers(flow: &Flow) -> bool {
    flow.step_named("caller").is_some()
}

/// 07:00 at the school on its next school day from `now` (today, if it is
/// one): a parent's usual time, before the cut-off, so "today" is today.
pub fn school_morning(school: &School, now: DateTime<Utc>) -> DateTime<Utc> {
    let tz = school.calendar.tz();
    let mut day = now.with_timezone(&tz).date_naive();
    if !school.calendar.is_school_day(day) {
        day = school.calendar.next_school_day_after(day);
    }
    let seven = day.and_time(NaiveTime::from_hms_opt(7, 0, 0).expect("a valid time"));
    tz.from_local_datetime(&seven)
        .earliest()
        .map_or(now, |t| t.with_timezone(&Utc))
}

/// The measured call as the line sees its caller: from `number`, if the
/// walk is of a recognised caller.
pub fn caller(number: Option<&CallerId>) -> Caller<'_> {
    Caller {
        call_sid: "call-length",
        number,
        channel: Channel::Simulator,
    }
}

const MAX_TURNS: usize = 60;

/// Walk `script` in `lang` on `line` through `port`, at `now`.
pub fn walk(
    line: &Line,
    port: &impl Port,
    caller: &Caller,
    script: &Script,
    lang: &LangTag,
    now: DateTime<Utc>,
) -> Result<CallLength, MeasureError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime with no drivers cannot fail to build");
    runtime.block_on(async {
        let mut out = CallLength {
            keys: 0,
            first_time_secs: 0.0,
            full_listen_secs: 0.0,
            waiting_secs: 0.0,
            text_to_speech_secs: 0.0,
            steps: Vec::new(),
        };
        let mut saved = false;
        let mut last: Option<(String, String)> = None;
        let mut turn = Turn::Begin;
        for _ in 0..MAX_TURNS {
            let reply = line.turn(port, caller, turn, now).await?;
            saved |= reply.saved.is_some();
            let step = reply.state.step.clone();
            // Still at the same step with a failure counted: the engine
            // refused what the script entered.
            if let Some((at, entered)) = last.take()
                && at == step
                && (reply.state.no_match > 0 || reply.state.no_input > 0)
            {
                return Err(MeasureError::Refused { step, entered });
            }
            let heard = hear(line, &reply.say, &reply.state);
            out.text_to_speech_secs += heard
                .iter()
                .flatten()
                .filter(|p| !p.recorded)
                .map(|p| p.secs)
                .sum::<f64>();
            let full: f64 = heard.iter().flatten().map(|p| p.secs).sum();
            let entry = if reply.then == Then::Hangup {
                Entry::HangUp
            } else {
                script
                    .entry(&step)
                    .ok_or_else(|| MeasureError::UnknownStep(step.clone()))?
                    .clone()
            };
            let kind = line
                .flow
                .step_named(&step)
                .map(|i| &line.flow.steps[i].kind);
            let (typed, pressed, waiting) = match &entry {
                Entry::HangUp => {
                    if !saved {
                        return Err(MeasureError::EndedUnsaved(step));
                    }
                    out.first_time_secs += full;
                    out.full_listen_secs += full;
                    out.steps.push(StepLength {
                        step,
                        pressed: String::new(),
                        first_time_secs: full,
                        full_listen_secs: full,
                        waiting_secs: 0.0,
                    });
                    return Ok(out);
                }
                Entry::LanguageKey => {
                    let key =
                        language_key(kind, lang).ok_or_else(|| MeasureError::NoLanguageKey {
                            step: step.clone(),
                            lang: lang.clone(),
                        })?;
                    (key.to_string(), key.to_string(), 0.0)
                }
                Entry::Keys(k) => (k.clone(), with_finish_key(k, &reply.then), 0.0),
                Entry::KeysThenWait(k) => match reply.then {
                    Then::Choices { timeout_secs, .. } => {
                        (k.clone(), k.clone(), f64::from(timeout_secs))
                    }
                    _ => (k.clone(), with_finish_key(k, &reply.then), 0.0),
                },
            };
            let own = own_prompt_len(line.flow, &step, &reply.state.answers).min(heard.len());
            let before: f64 = heard[..heard.len() - own]
                .iter()
                .flatten()
                .map(|p| p.secs)
                .sum();
            let own_parts = &heard[heard.len() - own..];
            let first_time = before
                + match kind {
                    Some(StepKind::Digits { .. }) => first_sentence(own_parts),
                    _ => typed
                        .chars()
                        .next()
                        .and_then(|k| up_to_key(own_parts, k))
                        .unwrap_or_else(|| own_parts.iter().flatten().map(|p| p.secs).sum()),
                };
            out.keys += pressed.chars().count();
            out.first_time_secs += first_time;
            out.full_listen_secs += full;
            out.waiting_secs += waiting;
            out.steps.push(StepLength {
                step: step.clone(),
                pressed,
                first_time_secs: first_time,
                full_listen_secs: full,
                waiting_secs: waiting,
            });
            last = Some((step, typed.clone()));
            turn = Turn::Next {
                state: reply.state,
                input: Input::Digits(typed),
            };
        }
        Err(MeasureError::TooLong(MAX_TURNS))
    })
}

/// One part of what a reply says, as heard.
struct Part {
    text: String,
    lang: LangTag,
    secs: f64,
    recorded: bool,
}

impl Part {
    /// Seconds up to byte `end` of its text.
    fn secs_to(&self, end: usize) -> f64 {
        let rate = Rate::of(&self.lang);
        let head = &self.text[..end];
        if self.recorded {
            let whole = rate.units(&self.text);
            if whole > 0.0 {
                self.secs * rate.units(head) / whole
            } else {
                self.secs
            }
        } else {
            rate.seconds(head)
        }
    }
}

/// What `say` sounds like, message by message.
fn hear(
    line: &Line,
    say: &[crate::flow::engine::Say],
    state: &crate::flow::CallState,
) -> Vec<Vec<Part>> {
    say.iter()
        .map(|s| {
            speech::render(line.dep, line.school, std::slice::from_ref(s), state)
                .into_iter()
                .map(|sp| match sp {
                    Speech::Tts { text, lang, .. } => Part {
                        secs: Rate::of(&lang).seconds(&text),
                        text,
                        lang,
                        recorded: false,
                    },
                    Speech::Recording {
                        lang, key, text, ..
                    } => {
                        let measured = line
                            .dep
                            .recordings
                            .get(&lang, &key)
                            .and_then(|c| c.info.duration_secs);
                        Part {
                            // An MP3's length is not read: estimated.
                            secs: measured.unwrap_or_else(|| Rate::of(&lang).seconds(&text)),
                            recorded: measured.is_some(),
                            text,
                            lang,
                        }
                    }
                })
                .collect()
        })
        .collect()
}

/// The menu key that chooses `lang`.
fn language_key(kind: Option<&StepKind>, lang: &LangTag) -> Option<char> {
    let Some(StepKind::Menu { options, .. }) = kind else {
        return None;
    };
    options
        .iter()
        .find(|(_, c)| c.language.as_ref() == Some(lang))
        .map(|(k, _)| *k)
}

/// `keys` as the caller must press them where the call waits as `then`:
/// with the finish key when the entry is shorter than the channel waits for.
fn with_finish_key(keys: &str, then: &Then) -> String {
    let finish = match *then {
        Then::Keys {
            finish_key: Some(f),
            max_digits,
            ..
        } if (keys.chars().count() as u32) < max_digits => Some(f),
        Then::Choices { finish_key, .. } => Some(finish_key),
        _ => None,
    };
    let mut pressed = keys.to_owned();
    pressed.extend(finish);
    pressed
}

/// How many messages of a reply are the waiting step's own prompt (the
/// engine says them last).
fn own_prompt_len(flow: &Flow, step: &str, answers: &BTreeMap<String, String>) -> usize {
    flow.step_named(step).map_or(0, |i| {
        flow.steps[i]
            .prompt
            .iter()
            .filter(|p| p.when.as_ref().is_none_or(|c| c.holds(answers)))
            .count()
    })
}

/// Seconds to the end of the first sentence of `messages`.
fn first_sentence(messages: &[Vec<Part>]) -> f64 {
    let Some(first) = messages
        .iter()
        .flatten()
        .find(|p| !p.text.trim().is_empty())
    else {
        return 0.0;
    };
    first.secs_to(first_sentence_end(&first.text))
}

/// Seconds to the end of the clause naming `key`, looked for from the end
/// of `messages` backwards; `None` when no message names it.
fn up_to_key(messages: &[Vec<Part>], key: char) -> Option<f64> {
    let parts: Vec<&Part> = messages.iter().flatten().collect();
    let (i, end) = parts
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, p)| key_clause_end(&p.text, key).map(|end| (i, end)))?;
    let before: f64 = parts[..i].iter().map(|p| p.secs).sum();
    Some(before + parts[i].secs_to(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(finish_key: Option<char>, max_digits: u32) -> Then {
        Then::Keys {
            timeout_secs: 6,
            finish_key,
            max_digits,
            finish_key_matters: false,
        }
    }

    #[test]
    fn a_hash_counts_only_where_the_step_needs_one() {
        // A number shorter than the longest the step takes ends with `#`.
        assert_eq!(with_finish_key("10203", &keys(Some('#'), 8)), "10203#");
        // The longest length ends the number by itself.
        assert_eq!(with_finish_key("385", &keys(Some('#'), 3)), "385");
        assert_eq!(with_finish_key("10203", &keys(None, 5)), "10203");
        // A menu: one key, nothing more.
        assert_eq!(with_finish_key("1", &keys(None, 1)), "1");
        // A `choices` entry ended by the key rather than by waiting.
        let choices = Then::Choices {
            timeout_secs: 4,
            finish_key: '#',
        };
        assert_eq!(with_finish_key("12", &choices), "12#");
    }

    fn tts(text: &str) -> Part {
        let lang = LangTag::parse("en").unwrap();
        Part {
            secs: Rate::of(&lang).seconds(text),
            text: text.to_owned(),
            lang,
            recorded: false,
        }
    }

    #[test]
    fn a_first_time_caller_stops_at_their_key() {
        let menu = vec![
            vec![tts("Your child is in grade 1, class 2.")],
            vec![tts("If this is correct, press 1. To start again, press 2.")],
        ];
        let whole: f64 = menu.iter().flatten().map(|p| p.secs).sum();
        let one = up_to_key(&menu, '1').unwrap();
        let grade = menu[0][0].secs;
        let press_one = tts("If this is correct, press 1.").secs;
        // The read-back is heard, then the question up to "press 1".
        assert!((one - (grade + press_one)).abs() < 1e-9);
        assert!((up_to_key(&menu, '2').unwrap() - whole).abs() < 1e-9);
        assert_eq!(up_to_key(&menu, '9'), None);
        // A number: the first sentence only.
        let number = vec![vec![tts("Please enter the number. It has 5 digits.")]];
        assert!((first_sentence(&number) - tts("Please enter the number.").secs).abs() < 1e-9);
    }

    #[test]
    fn a_recording_is_cut_in_proportion_to_its_text() {
        let lang = LangTag::parse("ne").unwrap();
        let text = "आजका लागि 1 थिच्नुहोस्। भोलिका लागि 2 थिच्नुहोस्।";
        let clip = Part {
            text: text.to_owned(),
            lang: lang.clone(),
            secs: 10.0,
            recorded: true,
        };
        let end = key_clause_end(text, '1').unwrap();
        let rate = Rate::of(&lang);
        let share = rate.units(&text[..end]) / rate.units(text);
        assert!((clip.secs_to(end) - 10.0 * share).abs() < 1e-9);
        assert!(share > 0.3 && share < 0.7);
    }
}
