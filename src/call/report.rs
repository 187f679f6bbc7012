//! From a call's answers to the report the school stores, and from the
//! reports found by a lookup back to answers: the contract between the
//! flow's answer names and the store's columns. Pure.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use crate::deployment::School;
use crate::domain::{CallerId, Channel, Correction, ReportKind, Symptom, Symptoms};
use crate::flow::CallState;
use crate::store::{Existing, NewReport};

/// Who reported, over which channel.
pub struct Caller<'a> {
    /// The channel's id of the call (Twilio's `CallSid`): with the number
    /// of reports the call saved before, it makes a retried save a repeat.
    pub call_sid: &'a str,
    /// `None` when the number was withheld: the report's `caller` is then
    /// empty, never `anonymous` (see [`CallerId`]).
    pub number: Option<&'a CallerId>,
    pub channel: Channel,
}

/// Build the report in `state`. A report with no day (a voice message taken
/// when the student could not be identified) is for today. `correction`
/// (`replace`, `cancel`) says what to do with a report the student already
/// has for that day.
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
        kind: a.get("kind").and_then(|k| ReportKind::parse(k)),
        reason: get("reason"),
        symptom: get("symptom").map(national_order),
        disease: get("disease"),
        temperature: a.get("temperature").and_then(|t| t.parse().ok()),
        days: days(state, school, now),
        time: get("time"),
        recording_url: get("recording"),
        language: state.lang.to_string(),
        channel: caller.channel,
        received_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        caller: caller.number.map(|n| n.as_str().to_owned()),
        correction: a.get("correction").and_then(|c| Correction::parse(c)),
        unconfirmed: false,
    }
}

/// A symptom list (a `choices` answer, in key order) in the national
/// system's order, each once (`respiratory,fever` → `fever,respiratory`),
/// so the store and its counts see one spelling whatever the keypad's
/// order. A list with a word that is no national category (a school's own
/// flow) is kept as keyed.
fn national_order(list: String) -> String {
    if list.split(',').all(|w| Symptom::parse(w).is_some()) {
        Symptoms::parse(&list).to_string()
    } else {
        list
    }
}

/// The school days a report is for: its `day` (today when the flow did not
/// ask), or `days` school days from it, skipping weekends and holidays.
pub fn days(state: &CallState, school: &School, now: DateTime<Utc>) -> Vec<String> {
    let first = state
        .answers
        .get("day")
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or_else(|| school.calendar.today(now));
    let count = state
        .answers
        .get("days")
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=31).contains(n))
        .unwrap_or(1);
    school
        .calendar
        .school_days_from(first, count)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The answers of an `existing-report` lookup that found `found` (the
/// active reports the student already has on the days this report covers,
/// newest day first). The first as `existing-kind`, `existing-reference`
/// and `existing-day` (the first day it shares with this report); when
/// there are several, also `existing-count` and `existing-references`
/// (`4,7`), so the caller hears everything a replace or cancel will change.
/// Nothing found: no answers.
pub fn existing_answers(found: &[Existing]) -> Vec<(String, String)> {
    let Some(first) = found.first() else {
        return Vec::new();
    };
    let mut answers = vec![
        (
            "existing-kind".to_owned(),
            first.kind.clone().unwrap_or_else(|| "message".to_owned()),
        ),
        ("existing-reference".to_owned(), first.reference.to_string()),
        ("existing-day".to_owned(), first.school_day.clone()),
    ];
    if found.len() > 1 {
        let mut references: Vec<u32> = found.iter().map(|e| e.reference).collect();
        references.sort_unstable();
        let list: Vec<String> = references.iter().map(u32::to_string).collect();
        answers.push(("existing-count".to_owned(), found.len().to_string()));
        answers.push(("existing-references".to_owned(), list.join(",")));
    }
    answers
}

#[cfg(test)]
mod tests {
    use super::national_order;

    #[test]
    fn symptoms_are_stored_in_the_national_order() {
        // The keypad's order (5 headache after 2 respiratory) is not the
        // national system's (headache before respiratory).
        assert_eq!(
            national_order("fever,respiratory,headache".into()),
            "fever,headache,respiratory"
        );
        assert_eq!(national_order("rash".into()), "rash");
        // A call that began before the upgrade still says `digestive`.
        assert_eq!(national_order("digestive".into()), "diarrhoea");
        // A school's own word is kept as keyed, never dropped.
        assert_eq!(national_order("asthma,fever".into()), "asthma,fever");
    }
}
