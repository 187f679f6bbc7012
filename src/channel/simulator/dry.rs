//! A dry walk of the default call (an absence with a fever, no voice
//! message) through the real turn driver, with a port that knows no
//! students, finds no earlier report and stores nothing: what is heard,
//! not who. `absence-line prompts` adds up its recordings' lengths.

use chrono::Utc;

use crate::call::{CallError, Caller, Line, Port, PortError, RosterAnswer, Turn};
use crate::domain::{Channel, LangTag};
use crate::flow::{Input, Then};
use crate::speech::{self, Speech};
use crate::store::{Existing, NewReport, Saved};

/// A port for a call nobody makes: no roster (any number is taken),
/// nothing found, and a save that stores nothing (reference 1).
struct Nowhere {
    lang: LangTag,
}

impl Port for Nowhere {
    fn roster(&self, _: &str) -> Result<RosterAnswer, PortError> {
        Ok(RosterAnswer::default())
    }

    fn existing_reports(&self, _: &str, _: &[String]) -> Result<Vec<Existing>, PortError> {
        Ok(Vec::new())
    }

    fn caller_language(&self) -> Result<Option<LangTag>, PortError> {
        Ok(Some(self.lang.clone()))
    }

    fn language_chosen(&self, _: &LangTag) {}

    async fn save(&self, _: NewReport) -> Result<Saved, PortError> {
        Ok(Saved {
            reference: 1,
            new: false,
        })
    }
}

/// What the walk heard: every part of every prompt, in order.
pub struct Walked {
    pub heard: Vec<Speech>,
}

/// Walk the default call in `lang` on `line`: the student `student`, then
/// absence, illness, fever, 38.5 °C, no disease named, no message, confirm.
pub fn walk_default_call(line: &Line, lang: &LangTag, student: &str) -> Result<Walked, CallError> {
    let mut keys = vec![String::new(), student.to_owned()];
    keys.extend(["1", "1", "1", "385", "1", "2", "1", ""].map(String::from));
    let port = Nowhere { lang: lang.clone() };
    let caller = Caller {
        call_sid: "prompts",
        number: None,
        channel: Channel::Simulator,
    };
    let now = Utc::now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime with no drivers cannot fail to build");
    runtime.block_on(async {
        let mut heard = Vec::new();
        let mut keys = keys.into_iter();
        let mut turn = Turn::Begin;
        loop {
            let reply = line.turn(&port, &caller, turn, now).await?;
            heard.extend(speech::render(
                line.dep,
                line.school,
                &reply.say,
                &reply.state,
            ));
            let (Some(k), false) = (keys.next(), reply.then == Then::Hangup) else {
                return Ok(Walked { heard });
            };
            let input = if k.is_empty() {
                Input::NoInput
            } else {
                Input::Digits(k)
            };
            turn = Turn::Next {
                state: reply.state,
                input,
            };
        }
    })
}
