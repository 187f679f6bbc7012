//! From a finished call's answers to the report the school stores:
//! the contract between the flow's answer names and the store's columns.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::deployment::School;
use crate::flow::CallState;
use crate::store::NewReport;

/// Who reported, over which channel.
pub struct Caller<'a> {
    pub call_sid: &'a str,
    pub number: Option<&'a str>,
    pub channel: &'a str,
}

/// Build the report in `state`. A report with no day (a voice message taken
/// when the student could not be identified) is for today.
pub fn new_report(
    state: &CallState,
    caller: &Caller,
    school: &School,
    now: DateTime<Utc>,
) -> NewReport {
    let a = &state.answers;
    let get = |k: &str| a.get(k).cloned();
    NewReport {
        call_sid: caller.call_sid.to_owned(),
        call_seq: u32::from(state.saved),
        student: get("student"),
        grade: get("grade"),
        class: get("class"),
        attendance_no: get("number"),
        kind: get("kind").filter(|k| ["absence", "late", "early"].contains(&k.as_str())),
        reason: get("reason"),
        symptom: get("symptom"),
        disease: get("disease"),
        temperature: a.get("temperature").and_then(|t| t.parse().ok()),
        school_day: get("day").unwrap_or_else(|| school.calendar.today(now).to_string()),
        time: get("time"),
        recording_url: get("recording"),
        language: state.lang.to_string(),
        channel: caller.channel.to_owned(),
        received_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        caller: caller.number.map(str::to_owned),
    }
}
