//! The turn driver against a port held in memory, on the shipped flow and
//! the demo deployment: what every channel can rely on.

use std::path::Path;
use std::sync::Mutex;

use chrono::Utc;

use super::*;
use crate::config::Config;
use crate::deployment::Deployment;
use crate::domain::{Channel, LangTag, ReportKind, Student};
use crate::flow::{Input, Then};
use crate::store::{Existing, NewReport, Saved};

fn demo() -> Deployment {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("absence-line.toml");
    Deployment::load(Config::load(&path).unwrap()).unwrap()
}

/// A school's data in memory, remembering what the driver asked of it.
#[derive(Default)]
struct Memory {
    existing: Vec<Existing>,
    asked_roster: Mutex<Vec<String>>,
    chosen: Mutex<Vec<LangTag>>,
    saved: Mutex<Vec<NewReport>>,
}

impl Port for Memory {
    fn roster(&self, number: &str) -> Result<RosterAnswer, PortError> {
        self.asked_roster.lock().unwrap().push(number.to_owned());
        Ok(RosterAnswer {
            has_roster: true,
            student: (number == "10203").then(|| Student {
                student: "10203".into(),
                grade: "1".into(),
                class: "2".into(),
                number: "3".into(),
                ..Student::default()
            }),
        })
    }

    fn existing_reports(&self, _: &str, _: &[String]) -> Result<Vec<Existing>, PortError> {
        Ok(self.existing.clone())
    }

    fn caller_language(&self) -> Result<Option<LangTag>, PortError> {
        Ok(None)
    }

    fn language_chosen(&self, lang: &LangTag) {
        self.chosen.lock().unwrap().push(lang.clone());
    }

    async fn save(&self, report: NewReport) -> Result<Saved, PortError> {
        let mut saved = self.saved.lock().unwrap();
        saved.push(report);
        Ok(Saved {
            reference: 6 + saved.len() as u32,
            new: true,
        })
    }
}

const CALLER: Caller = Caller {
    call_sid: "CAseam",
    number: None,
    channel: Channel::Simulator,
};

/// Begin, then one `Next` turn per key entry (empty: silence); the last
/// reply.
async fn walk(line: &Line<'_>, port: &Memory, keys: &[&str]) -> Reply {
    let mut reply = line
        .turn(port, &CALLER, Turn::Begin, Utc::now())
        .await
        .unwrap();
    for k in keys {
        let input = if k.is_empty() {
            Input::NoInput
        } else {
            Input::Digits((*k).to_owned())
        };
        let turn = Turn::Next {
            state: reply.state,
            input,
        };
        reply = line.turn(port, &CALLER, turn, Utc::now()).await.unwrap();
    }
    reply
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

/// English, 10203, absent today ill (one key), fever and a cough, 38.5 °C:
/// up to the read-back (or the earlier report found on the day).
const TO_SUMMARY: [&str; 5] = ["2", "10203", "1", "12", "385"];

#[test]
fn a_whole_call_asks_the_port_once_for_each_thing_and_saves_once() {
    let dep = demo();
    let school = dep.schools.values().find(|s| s.roster.is_some()).unwrap();
    let line = Line::new(&dep, school).unwrap();
    let port = Memory::default();
    let mut keys = TO_SUMMARY.to_vec();
    keys.push("1"); // save
    let reply = runtime().block_on(walk(&line, &port, &keys));

    assert_eq!(*port.asked_roster.lock().unwrap(), ["10203"]);
    assert_eq!(
        *port.chosen.lock().unwrap(),
        [LangTag::parse("en").unwrap()]
    );
    let saved = port.saved.lock().unwrap();
    assert_eq!(saved.len(), 1);
    let r = &saved[0];
    assert_eq!(r.student.as_deref(), Some("10203"));
    assert_eq!(
        (r.grade.as_deref(), r.class.as_deref()),
        (Some("1"), Some("2"))
    );
    assert_eq!(r.kind, Some(ReportKind::Absence));
    assert_eq!(r.symptom.as_deref(), Some("fever,respiratory"));
    assert_eq!(r.temperature, Some(38.5));
    assert_eq!((r.channel, r.language.as_str()), (Channel::Simulator, "en"));
    assert!(!r.unconfirmed);
    assert_eq!(reply.saved.map(|s| s.reference), Some(7));
    assert_ne!(
        reply.then,
        Then::Hangup,
        "the caller may report another child"
    );
}

#[test]
fn a_caller_who_hangs_up_after_a_message_has_the_report_saved_once() {
    let dep = demo();
    let school = dep.schools.values().find(|s| s.roster.is_some()).unwrap();
    let line = Line::new(&dep, school).unwrap();
    let port = Memory::default();
    let rt = runtime();
    let mut keys = TO_SUMMARY.to_vec();
    keys.push("3"); // a message for the teacher, then save
    let at_recording = rt.block_on(walk(&line, &port, &keys));
    assert!(matches!(at_recording.then, Then::Record { .. }));
    assert!(port.saved.lock().unwrap().is_empty());

    let url = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1";
    let turn = Turn::LastWords {
        state: at_recording.state,
        input: Input::Recording(url.to_owned()),
    };
    let reply = rt
        .block_on(line.turn(&port, &CALLER, turn, Utc::now()))
        .unwrap();

    let saved = port.saved.lock().unwrap();
    assert_eq!(saved.len(), 1, "saved once, not read back to nobody");
    // Key 3 came after the read-back: the caller confirmed what is saved.
    assert!(!saved[0].unconfirmed);
    assert_eq!(saved[0].recording_url.as_deref(), Some(url));
    assert!(reply.saved.is_some());
}

#[test]
fn an_earlier_report_found_by_the_port_is_offered_before_the_save() {
    let dep = demo();
    let school = dep.schools.values().find(|s| s.roster.is_some()).unwrap();
    let line = Line::new(&dep, school).unwrap();
    let port = Memory {
        existing: vec![Existing {
            reference: 2,
            kind: Some("absence".into()),
            school_day: school.calendar.today(Utc::now()).to_string(),
            caller: String::new(),
        }],
        ..Memory::default()
    };
    let reply = runtime().block_on(walk(&line, &port, &TO_SUMMARY));
    assert!(port.saved.lock().unwrap().is_empty());
    assert_eq!(
        reply
            .state
            .answers
            .get("existing-reference")
            .map(String::as_str),
        Some("2")
    );
}
