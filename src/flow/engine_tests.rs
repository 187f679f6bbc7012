//! Tests for the pure engine, walking the shipped `call-flows/absence.toml`
//! with a fake roster and fixed call variables.

use std::collections::{BTreeMap, HashMap};

use super::*;
use crate::flow::load_flow;

const ABSENCE: &str = include_str!("../../call-flows/absence.toml");

struct FakeRoster(HashMap<&'static str, Student>);

impl Roster for FakeRoster {
    fn find(&self, student: &str) -> Option<&Student> {
        self.0.get(student)
    }
}

struct World {
    flow: Flow,
    roster: FakeRoster,
    vars: BTreeMap<&'static str, String>,
    ja: LangTag,
}

impl World {
    fn new() -> Self {
        World {
            flow: absence(),
            roster: FakeRoster(HashMap::from([(
                "10203",
                Student {
                    student: "10203".into(),
                    grade: "1".into(),
                    class: "2".into(),
                    number: "3".into(),
                    ..Student::default()
                },
            )])),
            vars: BTreeMap::from([
                ("today", "2026-11-25".to_owned()),
                ("next_school_day", "2026-11-26".to_owned()),
                ("this_school_day", "2026-11-25".to_owned()),
                ("today_moved", "no".to_owned()),
                ("this_day_moved", "no".to_owned()),
            ]),
            ja: lang("ja"),
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            roster: Some(&self.roster),
            vars: &self.vars,
            default_lang: &self.ja,
        }
    }

    fn ctx_without_roster(&self) -> Ctx<'_> {
        Ctx {
            roster: None,
            ..self.ctx()
        }
    }

    /// Start a call and feed it `inputs`; the last outcome.
    fn call(&self, inputs: &[Input]) -> Outcome {
        run(&self.flow, &self.ctx(), inputs)
    }

    /// Feed `inputs` to a call at `state`; the last outcome.
    fn feed(&self, state: CallState, inputs: &[Input]) -> Outcome {
        feed(&self.flow, &self.ctx(), state, inputs)
    }
}

fn absence() -> Flow {
    load_flow("absence", "call-flows/absence.toml", ABSENCE, &|_| true)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn lang(tag: &str) -> LangTag {
    LangTag::parse(tag).unwrap()
}

fn d(keys: &str) -> Input {
    Input::Digits(keys.to_owned())
}

fn run(flow: &Flow, ctx: &Ctx, inputs: &[Input]) -> Outcome {
    let first = settle(flow, ctx, start(flow, ctx).unwrap());
    feed_from(flow, ctx, first, inputs)
}

fn feed(flow: &Flow, ctx: &Ctx, state: CallState, inputs: &[Input]) -> Outcome {
    let (first, rest) = inputs.split_first().expect("at least one input");
    let o = settle(flow, ctx, handle(flow, state, first.clone(), ctx).unwrap());
    feed_from(flow, ctx, o, rest)
}

/// Answer every lookup with "nothing found" (no earlier report).
fn settle(flow: &Flow, ctx: &Ctx, mut o: Outcome) -> Outcome {
    while let Outcome::Lookup { pending, state, .. } = o {
        o = after_lookup(flow, state, pending, Vec::new(), ctx).unwrap();
    }
    o
}

/// Feed `inputs` one by one; every outcome but the last must wait for input.
fn feed_from(flow: &Flow, ctx: &Ctx, mut o: Outcome, inputs: &[Input]) -> Outcome {
    for (i, input) in inputs.iter().enumerate() {
        let state = match o {
            Outcome::Prompt {
                then: Then::Hangup,
                ref state,
                ..
            } => panic!(
                "the call hung up at {:?} before input {i} ({input:?})",
                state.step
            ),
            Outcome::Prompt { state, .. } => state,
            Outcome::Save { ref state, .. } | Outcome::Lookup { ref state, .. } => panic!(
                "the call wants the store at {:?} before input {i} ({input:?})",
                state.step
            ),
        };
        o = settle(
            flow,
            ctx,
            handle(flow, state, input.clone(), ctx)
                .unwrap_or_else(|e| panic!("input {i} ({input:?}): {e}")),
        );
    }
    o
}

fn state(o: &Outcome) -> &CallState {
    match o {
        Outcome::Prompt { state, .. }
        | Outcome::Save { state, .. }
        | Outcome::Lookup { state, .. } => state,
    }
}

/// Message ids spoken (for a save: the pending ones).
fn says(o: &Outcome) -> Vec<&str> {
    let say = match o {
        Outcome::Prompt { say, .. } => say,
        Outcome::Save { pending, .. } | Outcome::Lookup { pending, .. } => pending,
    };
    say.iter().map(|s| &*s.msg).collect()
}

fn then(o: &Outcome) -> &Then {
    match o {
        Outcome::Prompt { then, .. } => then,
        Outcome::Save { state, .. } | Outcome::Lookup { state, .. } => {
            panic!("a save or lookup at {:?}, not a prompt", state.step)
        }
    }
}

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Language 1, student 10203 (read back at the summary, not here).
fn to_kind() -> Vec<Input> {
    vec![d("1"), d("10203")]
}

/// The whole absence report up to the summary (not confirmed yet).
fn to_summary() -> Vec<Input> {
    let mut v = to_kind();
    // absent today ill (one key), fever, 38.5: no day question, no message question
    v.extend(["1", "1", "385"].map(d));
    v
}

fn to_save() -> Vec<Input> {
    let mut v = to_summary();
    v.push(d("1"));
    v
}

fn full_answers() -> BTreeMap<String, String> {
    answers(&[
        ("student", "10203"),
        ("grade", "1"),
        ("class", "2"),
        ("number", "3"),
        ("kind", "absence"),
        ("reason", "illness"),
        ("symptom", "fever"),
        ("temperature", "38.5"),
        ("day", "2026-11-25"),
        ("today", "2026-11-25"),
        ("today-moved", "no"),
    ])
}

#[test]
fn start_is_the_language_menu() {
    let w = World::new();
    // The `caller` lookup first: nobody is known here.
    let o = settle(&w.flow, &w.ctx(), start(&w.flow, &w.ctx()).unwrap());
    let s = state(&o);
    assert_eq!(s.step, "language");
    assert_eq!(s.lang, lang("ja"));
    assert!(s.answers.is_empty());
    assert_eq!((s.no_input, s.no_match, s.saved), (0, 0, 0));
    let Outcome::Prompt { say, then, .. } = &o else {
        panic!("{o:?}")
    };
    assert_eq!(say[0].msg.as_ref(), "welcome");
    assert_eq!(say[0].lang, None);
    let options: Vec<_> = say[1..]
        .iter()
        .map(|s| (&*s.msg, s.lang.as_ref().map(LangTag::as_str)))
        .collect();
    assert_eq!(
        options,
        ["ja", "en", "zh-CN", "ko", "vi", "fil", "pt-BR", "es", "ne"]
            .map(|l| ("language-option", Some(l)))
    );
    assert_eq!(
        *then,
        Then::Keys {
            timeout_secs: 4,
            finish_key: None,
            max_digits: 1,
            finish_key_matters: false
        }
    );
}

#[test]
fn no_key_at_the_language_menu_chooses_japanese() {
    let w = World::new();
    let o = w.call(&[Input::NoInput]);
    assert_eq!(state(&o).step, "student");
    assert_eq!(state(&o).lang, lang("ja"));
    assert_eq!(says(&o), ["ask-student"]);

    // A call that started in another language (the caller's language last
    // time) keeps it.
    let en = lang("en");
    let ctx = Ctx {
        default_lang: &en,
        ..w.ctx()
    };
    let first = settle(&w.flow, &ctx, start(&w.flow, &ctx).unwrap());
    assert_eq!(state(&first).lang, en);
    let o = feed_from(&w.flow, &ctx, first, &[Input::NoInput]);
    assert_eq!(state(&o).lang, en);
    assert_eq!(state(&o).step, "student");
}

#[test]
fn key_2_chooses_english() {
    let w = World::new();
    let o = w.call(&[d("2")]);
    let s = state(&o);
    assert_eq!(s.lang, lang("en"));
    assert_eq!(s.step, "student");
    assert!(s.answers.is_empty(), "choosing a language stores no answer");
    assert_eq!(says(&o), ["ask-student"]);
    assert_eq!(
        *then(&o),
        Then::Keys {
            timeout_secs: 6,
            finish_key: Some('#'),
            max_digits: 8,
            finish_key_matters: false
        }
    );
}

#[test]
fn other_language_keys() {
    let w = World::new();
    for (key, tag) in [("3", "zh-CN"), ("7", "pt-BR"), ("9", "ne")] {
        assert_eq!(state(&w.call(&[d(key)])).lang, lang(tag), "key {key}");
    }
}

#[test]
fn a_known_student_goes_straight_to_the_kind_with_the_roster_kept_for_the_read_back() {
    let w = World::new();
    let o = w.call(&[d("1"), d("10203")]);
    assert_eq!(state(&o).step, "kind");
    assert_eq!(says(&o), ["ask-kind"]);
    assert_eq!(
        state(&o).answers,
        answers(&[
            ("student", "10203"),
            ("grade", "1"),
            ("class", "2"),
            ("number", "3"),
            ("today", "2026-11-25"),
            ("today-moved", "no"),
        ])
    );
}

#[test]
fn key_1_at_the_kind_is_absent_today_ill_and_skips_the_day() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.push(d("1"));
    let o = w.call(&inputs);
    assert_eq!(state(&o).step, "symptom");
    let a = &state(&o).answers;
    assert_eq!(
        (a["kind"].as_str(), a["reason"].as_str(), a["day"].as_str()),
        ("absence", "illness", "2026-11-25")
    );
    // No fever: straight on to the read-back, no day question.
    let o = w.feed(state(&o).clone(), &[d("5")]);
    assert_eq!(state(&o).step, "summary");
    assert!(says(&o).contains(&"summary-kind"));
}

#[test]
fn a_school_of_fixed_length_numbers_waits_for_that_many_keys_and_no_hash() {
    let mut w = World::new();
    w.vars.insert("student_digits", "5".into());
    let o = w.call(&[d("2")]);
    assert_eq!(says(&o), ["ask-student-fixed"]);
    assert_eq!(
        *then(&o),
        Then::Keys {
            timeout_secs: 6,
            // `#` is not needed, but ends a short entry at once.
            finish_key: Some('#'),
            max_digits: 5,
            finish_key_matters: false
        }
    );
    // A short entry (Twilio's timeout) is told the length, not "not found".
    let short = w.feed(state(&o).clone(), &[d("1020")]);
    assert_eq!(
        says(&short),
        ["student-wrong-length-fixed", "ask-student-fixed"]
    );
    let o = w.feed(state(&o).clone(), &[d("10203")]);
    assert_eq!(state(&o).step, "kind");
}

#[test]
fn silence_at_the_student_number_never_says_not_found() {
    let w = World::new();
    let o = w.call(&[d("1"), Input::NoInput, Input::NoInput, Input::NoInput]);
    assert_eq!(state(&o).step, "voice-message");
    assert_eq!(says(&o), ["no-input", "voice-message"]);
}

#[test]
fn when_today_is_not_the_calendar_day_the_day_question_names_the_dates() {
    let mut w = World::new();
    w.vars.insert("today_moved", "yes".into());
    let mut inputs = to_kind();
    inputs.extend(["2", "4"].map(d));
    let o = w.call(&inputs);
    assert_eq!(state(&o).step, "day");
    assert_eq!(says(&o), ["ask-day-dates"]);
    let a = &state(&o).answers;
    assert_eq!(
        (a["today"].as_str(), a["next-day"].as_str()),
        ("2026-11-25", "2026-11-26")
    );
}

#[test]
fn a_late_arrival_on_another_day_says_which_day() {
    let mut w = World::new();
    w.vars.insert("this_school_day", "2026-11-26".into());
    w.vars.insert("this_day_moved", "yes".into());
    let mut inputs = to_kind();
    inputs.extend(["3", "3"].map(d));
    let o = w.call(&inputs);
    assert_eq!(says(&o), ["for-day", "ask-arrival-time"]);
    assert_eq!(state(&o).answers["day"], "2026-11-26");
}

#[test]
fn several_days_ask_the_channel_for_the_last_day() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["2", "4", "3"].map(d));
    let at_count = w.call(&inputs);
    let o = handle(&w.flow, state(&at_count).clone(), d("3"), &w.ctx()).unwrap();
    let Outcome::Lookup { what, .. } = o else {
        panic!("{o:?}")
    };
    assert_eq!(what, Lookup::LastDay);
}

#[test]
fn key_3_at_the_read_back_records_a_message_then_saves() {
    let w = World::new();
    let summary = w.call(&to_summary());
    let o = w.feed(state(&summary).clone(), &[d("3")]);
    assert_eq!(state(&o).step, "record-message");
    let url = "https://example.org/r";
    let o = w.feed(state(&o).clone(), &[Input::Recording(url.into())]);
    let Outcome::Save { state, .. } = &o else {
        panic!("{o:?}")
    };
    assert_eq!(state.answers["recording"], url);
    assert_eq!(state.answers["kind"], "absence");
}

#[test]
fn full_absence_call_saves_the_report() {
    let w = World::new();
    let summary = w.call(&to_summary());
    assert_eq!(state(&summary).step, "summary");
    assert_eq!(
        says(&summary),
        [
            "summary-student",
            "summary-kind",
            "summary-reason",
            "summary-symptom",
            "summary-temperature",
            "summary-confirm"
        ]
    );
    let o = w.feed(state(&summary).clone(), &[d("1")]);
    let Outcome::Save { pending, state } = &o else {
        panic!("expected a save, got {o:?}")
    };
    assert!(pending.is_empty(), "{pending:?}");
    assert_eq!(state.step, "save");
    assert_eq!(state.answers, full_answers());
    assert_eq!(state.lang, lang("ja"));
    assert_eq!(state.saved, 0);
}

#[test]
fn after_save_gives_the_reference() {
    let w = World::new();
    let Outcome::Save { pending, state } = w.call(&to_save()) else {
        panic!()
    };
    let o = after_save(&w.flow, state, pending, "7", &w.ctx()).unwrap();
    assert_eq!(says(&o), ["saved", "ask-another"]);
    let s = self::state(&o);
    assert_eq!(s.step, "saved");
    assert_eq!(s.saved, 1);
    assert_eq!(s.answers["reference"], "7");
    let mut expected = full_answers();
    expected.insert("reference".into(), "7".into());
    assert_eq!(s.answers, expected);
    assert_eq!(
        *then(&o),
        Then::Keys {
            timeout_secs: 5,
            finish_key: None,
            max_digits: 1,
            finish_key_matters: false
        }
    );
}

#[test]
fn after_save_speaks_pending_prompts_first() {
    let w = World::new();
    let Outcome::Save { state, .. } = w.call(&to_save()) else {
        panic!()
    };
    let pending = vec![Say {
        msg: "earlier".into(),
        lang: None,
        item: None,
    }];
    let o = after_save(&w.flow, state, pending, "8", &w.ctx()).unwrap();
    assert_eq!(says(&o), ["earlier", "saved", "ask-another"]);
}

#[test]
fn after_save_only_at_a_save_step() {
    let w = World::new();
    let o = w.call(&to_summary());
    assert_eq!(
        after_save(&w.flow, state(&o).clone(), Vec::new(), "7", &w.ctx()),
        Err(EngineError::NotWaiting("summary".into()))
    );
}

#[test]
fn temperature_skipped_with_the_finish_key() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["2", "1", "1"].map(d));
    let at_temperature = w.call(&inputs);
    assert_eq!(state(&at_temperature).step, "temperature");
    assert_eq!(says(&at_temperature), ["ask-temperature"]);
    assert_eq!(
        *then(&at_temperature),
        Then::Keys {
            timeout_secs: 6,
            finish_key: Some('#'),
            max_digits: 3,
            finish_key_matters: true
        }
    );
    let o = w.feed(state(&at_temperature).clone(), &[Input::FinishKeyOnly]);
    assert_eq!(state(&o).step, "day");
    assert_eq!(says(&o), ["ask-day"]);
    assert!(!state(&o).answers.contains_key("temperature"));
    assert_eq!(state(&o).answers["symptom"], "fever");
}

#[test]
fn temperature_out_of_range_is_refused() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["2", "1", "1", "345"].map(d));
    let o = w.call(&inputs);
    assert_eq!(state(&o).step, "temperature");
    assert_eq!(says(&o), ["temperature-invalid", "ask-temperature"]);
    assert_eq!((state(&o).no_match, state(&o).no_input), (1, 0));
    assert!(!state(&o).answers.contains_key("temperature"));
    for bad in ["421", "38", "3851", "38a"] {
        let o = w.feed(state(&o).clone(), &[d(bad)]);
        assert_eq!(state(&o).step, "temperature", "{bad}");
        assert_eq!(says(&o)[0], "temperature-invalid", "{bad}");
    }
}

#[test]
fn temperature_range_ends_are_accepted() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["2", "1", "1"].map(d));
    let at = w.call(&inputs);
    for (keys, stored) in [("350", "35.0"), ("420", "42.0"), ("371", "37.1")] {
        let o = w.feed(state(&at).clone(), &[d(keys)]);
        assert_eq!(state(&o).step, "day", "{keys}");
        assert_eq!(state(&o).answers["temperature"], stored);
    }
}

#[test]
fn three_bad_temperatures_move_on_to_day() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["2", "1", "1", "345", "999"].map(d));
    let second = w.call(&inputs);
    assert_eq!(says(&second), ["temperature-invalid", "help-temperature"]);
    assert_eq!(state(&second).no_match, 2);
    let o = w.feed(state(&second).clone(), &[d("100")]);
    assert_eq!(state(&o).step, "day");
    assert_eq!(says(&o), ["temperature-invalid", "ask-day"]);
    assert_eq!((state(&o).no_match, state(&o).no_input), (0, 0));
    assert!(!state(&o).answers.contains_key("temperature"));
}

#[test]
fn no_temperature_without_fever() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["2", "1", "2"].map(d));
    let o = w.call(&inputs);
    assert_eq!(state(&o).step, "day");
    assert_eq!(says(&o), ["ask-day"]);
    assert_eq!(state(&o).answers["symptom"], "respiratory");
    let o = w.feed(state(&o).clone(), &[d("2")]);
    assert_eq!(state(&o).step, "summary");
    assert!(!says(&o).contains(&"summary-temperature"));
    assert!(says(&o).contains(&"summary-symptom"));
    assert_eq!(state(&o).answers["day"], "2026-11-26");
}

#[test]
fn temperature_step_is_skipped_when_its_condition_fails() {
    // Enter `temperature` as `symptom` would, but with another symptom: its
    // `when` fails and the call goes straight on to `day`.
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["2", "1"].map(d));
    let at_symptom = w.call(&inputs);
    let mut s = state(&at_symptom).clone();
    s.answers.insert("symptom".into(), "rash".into());
    let temperature = w.flow.step_named("temperature").unwrap();
    let o = enter(&w.flow, temperature, s, Vec::new(), &w.ctx()).unwrap();
    assert_eq!(state(&o).step, "day");
    assert_eq!(says(&o), ["ask-day"]);
}

#[test]
fn late_arrival_asks_the_time() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["3", "2"].map(d));
    let o = w.call(&inputs);
    assert_eq!(state(&o).step, "arrival-time");
    assert_eq!(says(&o), ["ask-arrival-time"]);
    let o = w.feed(state(&o).clone(), &[d("0930")]);
    assert_eq!(state(&o).step, "summary");
    let a = &state(&o).answers;
    assert_eq!(a["kind"], "late");
    assert_eq!(a["reason"], "injury");
    assert_eq!(a["time"], "09:30");
    assert_eq!(a["day"], "2026-11-25");
    let said = says(&o);
    assert!(said.contains(&"summary-time"), "{said:?}");
    assert!(said.contains(&"summary-kind"), "the date is said: {said:?}");
}

#[test]
fn early_leaving_asks_the_pickup_time() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["4", "4", "1500"].map(d));
    let o = w.call(&inputs);
    assert_eq!(state(&o).step, "summary");
    let a = &state(&o).answers;
    assert_eq!(a["kind"], "early");
    assert_eq!(a["time"], "15:00");
    assert_eq!(a["day"], "2026-11-25");
}

#[test]
fn invalid_time_is_refused() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["3", "2"].map(d));
    let at = w.call(&inputs);
    for bad in ["2460", "2400", "0960", "960", "93", "09300"] {
        let o = w.feed(state(&at).clone(), &[d(bad)]);
        assert_eq!(state(&o).step, "arrival-time", "{bad}");
        assert_eq!(says(&o), ["time-invalid", "ask-arrival-time"], "{bad}");
        assert!(!state(&o).answers.contains_key("time"), "{bad}");
    }
}

#[test]
fn no_input_at_kind_escalates() {
    let w = World::new();
    let at_kind = w.call(&to_kind());
    assert_eq!(state(&at_kind).step, "kind");

    let first = w.feed(state(&at_kind).clone(), &[Input::NoInput]);
    assert_eq!(says(&first), ["no-input", "ask-kind"]);
    assert_eq!(state(&first).step, "kind");
    assert_eq!(state(&first).no_input, 1);
    assert!(matches!(then(&first), Then::Keys { max_digits: 1, .. }));

    let second = w.feed(state(&first).clone(), &[Input::NoInput]);
    assert_eq!(says(&second), ["no-input", "help-kind"]);
    assert_eq!(state(&second).no_input, 2);

    // The child is known: a voice message rather than "call the school".
    let third = w.feed(state(&second).clone(), &[Input::NoInput]);
    assert_eq!(says(&third), ["no-input", "voice-message-child"]);
    assert_eq!(state(&third).step, "message-instead");
    assert!(matches!(then(&third), Then::Record { .. }));
}

#[test]
fn wrong_keys_at_kind_escalate() {
    let w = World::new();
    let at_kind = w.call(&to_kind());

    let first = w.feed(state(&at_kind).clone(), &[d("7")]);
    assert_eq!(says(&first), ["no-match", "ask-kind"]);
    assert_eq!(state(&first).step, "kind");
    assert_eq!((state(&first).no_match, state(&first).no_input), (1, 0));

    let second = w.feed(state(&first).clone(), &[d("12")]);
    assert_eq!(says(&second), ["no-match", "help-kind"]);

    let third = w.feed(state(&second).clone(), &[Input::FinishKeyOnly]);
    assert_eq!(says(&third), ["no-match", "voice-message-child"]);
    assert_eq!(state(&third).step, "message-instead");
    assert!(!state(&third).answers.contains_key("kind"));
    // The message is saved with the child.
    let url = "https://example.org/m";
    let o = w.feed(state(&third).clone(), &[Input::Recording(url.into())]);
    let Outcome::Save { state: saving, .. } = &o else {
        panic!("{o:?}")
    };
    assert_eq!(saving.step, "save-voice-message");
    assert_eq!(
        (
            saving.answers["student"].as_str(),
            saving.answers["recording"].as_str()
        ),
        ("10203", url)
    );
    // Without a child (a hand-built state), it still gives up.
    let mut unknown = state(&second).clone();
    unknown.answers.clear();
    let o = w.feed(unknown, &[Input::FinishKeyOnly]);
    assert_eq!(state(&o).step, "give-up");
    assert_eq!(*then(&o), Then::Hangup);
}

#[test]
fn no_input_and_no_match_are_counted_apart() {
    let w = World::new();
    let at_kind = w.call(&to_kind());
    let o = w.feed(
        state(&at_kind).clone(),
        &[Input::NoInput, d("7"), Input::NoInput, d("8")],
    );
    assert_eq!(state(&o).step, "kind");
    assert_eq!((state(&o).no_input, state(&o).no_match), (2, 2));
    assert_eq!(says(&o), ["no-match", "help-kind"]);
}

#[test]
fn a_good_key_after_failures_resets_the_tries() {
    let w = World::new();
    let at_kind = w.call(&to_kind());
    let o = w.feed(state(&at_kind).clone(), &[d("7"), Input::NoInput, d("2")]);
    assert_eq!(state(&o).step, "reason");
    assert_eq!((state(&o).no_input, state(&o).no_match), (0, 0));
    let o = w.feed(state(&o).clone(), &[d("8")]);
    assert_eq!(says(&o), ["no-match", "ask-reason"]);
}

#[test]
fn unknown_student_three_times_takes_a_voice_message() {
    let w = World::new();
    let first = w.call(&[d("1"), d("99999")]);
    assert_eq!(state(&first).step, "student");
    assert_eq!(says(&first), ["student-not-found", "ask-student"]);
    assert_eq!(
        state(&first).answers["keyed"],
        "99999",
        "read back to the caller"
    );
    let second = w.feed(state(&first).clone(), &[d("12345")]);
    assert_eq!(says(&second), ["student-not-found", "help-student"]);
    let third = w.feed(state(&second).clone(), &[d("1020")]);
    assert_eq!(state(&third).step, "voice-message");
    // Nothing says "enter it again" before the voice message.
    assert_eq!(
        says(&third),
        [
            "student-not-found",
            "voice-message-not-found",
            "voice-message"
        ]
    );
    assert_eq!(
        *then(&third),
        Then::Record {
            max_length_secs: 60,
            finish_key: '#'
        }
    );
    assert_eq!(state(&third).answers, answers(&[("keyed", "1020")]));

    let url = "https://example.org/rec/1";
    let o = w.feed(state(&third).clone(), &[Input::Recording(url.into())]);
    let Outcome::Save { pending, state } = &o else {
        panic!("expected a save, got {o:?}")
    };
    assert!(pending.is_empty());
    assert_eq!(state.step, "save-voice-message");
    assert_eq!(
        state.answers,
        answers(&[("keyed", "1020"), ("recording", url)])
    );
    assert!(!state.answers.contains_key("student"));

    let done = after_save(&w.flow, state.clone(), pending.clone(), "12", &w.ctx()).unwrap();
    assert_eq!(says(&done), ["saved", "goodbye"]);
    assert_eq!(*then(&done), Then::Hangup);
    assert_eq!(self::state(&done).answers["reference"], "12");
}

#[test]
fn malformed_student_numbers_are_no_match() {
    let w = World::new();
    let at = w.call(&[d("1")]);
    for (bad, why) in [
        ("123", "student-wrong-length"),
        ("123456789", "student-wrong-length"),
        // Not a number at all: told what a number is.
        ("10a03", "student-wrong-length"),
    ] {
        let o = w.feed(state(&at).clone(), &[d(bad)]);
        assert_eq!(state(&o).step, "student", "{bad}");
        assert_eq!(says(&o)[0], why, "{bad}");
        assert_eq!(state(&o).no_match, 1, "{bad}");
    }
    let o = w.feed(state(&at).clone(), &[Input::FinishKeyOnly]);
    assert_eq!(says(&o), ["no-input", "ask-student"]);
    assert_eq!(state(&o).no_input, 1);
}

#[test]
fn without_a_roster_any_well_formed_number_is_taken() {
    let w = World::new();
    let ctx = w.ctx_without_roster();
    for number in ["1234", "99999", "12345678"] {
        let o = run(&w.flow, &ctx, &[d("1"), d(number)]);
        assert_eq!(state(&o).step, "kind", "{number}");
        assert_eq!(says(&o), ["ask-kind"]);
        assert_eq!(
            state(&o).answers,
            answers(&[
                ("student", number),
                ("today", "2026-11-25"),
                ("today-moved", "no")
            ])
        );
    }
    for bad in ["123", "123456789"] {
        let o = run(&w.flow, &ctx, &[d("1"), d(bad)]);
        assert_eq!(state(&o).step, "student", "{bad}");
        assert_eq!(says(&o)[0], "student-wrong-length");
    }
}

#[test]
fn summary_2_starts_again_from_the_student_number_in_the_same_language() {
    let w = World::new();
    let mut inputs = vec![d("2"), d("10203")];
    inputs.extend(["3", "2", "0930"].map(d));
    let summary = w.call(&inputs);
    assert_eq!(state(&summary).step, "summary");
    // A wrong child is corrected here: everything goes, the student too.
    let o = w.feed(state(&summary).clone(), &[d("2")]);
    assert_eq!(state(&o).step, "student");
    assert_eq!(says(&o), ["restart", "ask-student"]);
    // Only the mark that the greeting was heard (`again`) is left.
    assert_eq!(
        state(&o).answers.keys().collect::<Vec<_>>(),
        ["again"],
        "{:?}",
        state(&o).answers
    );
    assert_eq!(state(&o).lang, lang("en"));
}

#[test]
fn another_child_after_a_save_starts_afresh() {
    let w = World::new();
    let Outcome::Save { pending, state } = w.call(&to_save()) else {
        panic!()
    };
    let saved = after_save(&w.flow, state, pending, "7", &w.ctx()).unwrap();
    let o = w.feed(self::state(&saved).clone(), &[d("1")]);
    let s = self::state(&o);
    assert_eq!(s.step, "student");
    assert_eq!(
        s.answers.keys().collect::<Vec<_>>(),
        ["again"],
        "{:?}",
        s.answers
    );
    assert_eq!(s.saved, 1, "the save count survives");
    assert_eq!(says(&o), ["ask-student"]);

    // The second report is saved as the second.
    let mut inputs = vec![d("10203")];
    inputs.extend(["2", "4", "1", "1"].map(d));
    let o = w.feed(s.clone(), &inputs);
    let Outcome::Save { state, pending } = o else {
        panic!("{o:?}")
    };
    assert_eq!(state.answers["reason"], "family");
    let o = after_save(&w.flow, state, pending, "8", &w.ctx()).unwrap();
    assert_eq!(self::state(&o).saved, 2);
    assert_eq!(self::state(&o).answers["reference"], "8");
}

#[test]
fn nothing_after_a_save_says_goodbye() {
    let w = World::new();
    let Outcome::Save { pending, state } = w.call(&to_save()) else {
        panic!()
    };
    let saved = after_save(&w.flow, state, pending, "7", &w.ctx()).unwrap();
    let o = w.feed(self::state(&saved).clone(), &[Input::NoInput]);
    assert_eq!(self::state(&o).step, "goodbye");
    assert_eq!(says(&o), ["goodbye"]);
    assert_eq!(*then(&o), Then::Hangup);
    // Any other key is not a choice: it is asked again.
    let o = w.feed(self::state(&saved).clone(), &[d("0")]);
    assert_eq!(self::state(&o).step, "saved");
    assert_eq!(says(&o)[0], "no-match");
}

#[test]
fn star_goes_to_the_language_menu_and_comes_back() {
    let w = World::new();
    // At the kind menu, in Japanese: "*", then 4 (Korean).
    let o = w.call(&[d("1"), d("10203"), d("*")]);
    assert_eq!(state(&o).step, "language");
    assert_eq!(state(&o).ret.as_deref(), Some("kind"));
    let o = w.feed(state(&o).clone(), &[d("4")]);
    assert_eq!(state(&o).step, "kind", "back where the caller was");
    assert_eq!(state(&o).lang, lang("ko"));
    assert_eq!(state(&o).ret, None);
    assert_eq!(state(&o).answers["student"], "10203", "answers are kept");
    assert_eq!(says(&o), ["ask-kind"]);
    // At a number step too, and no key keeps the language.
    let o = w.call(&[d("2"), d("*")]);
    assert_eq!(state(&o).step, "language");
    let o = w.feed(state(&o).clone(), &[Input::NoInput]);
    assert_eq!(
        (state(&o).step.as_str(), state(&o).lang.as_str()),
        ("student", "en")
    );
}

#[test]
fn a_vanished_step_resumes_at_the_student_number_with_an_apology() {
    let w = World::new();
    let o = w.call(&[d("2"), d("10203")]);
    let mut s = state(&o).clone();
    s.step = "a-step-a-reload-removed".into();
    s.saved = 1;
    let o = resume(&w.flow, s, &w.ctx()).unwrap();
    assert_eq!(says(&o), ["resumed", "ask-student"]);
    assert_eq!(state(&o).step, "student");
    assert_eq!(state(&o).lang, lang("en"));
    assert_eq!(
        state(&o).saved,
        1,
        "the save counter survives: no duplicate keys"
    );
    assert!(state(&o).answers.is_empty());
}

#[test]
fn unknown_step_is_an_error() {
    let w = World::new();
    let s = CallState::new("nowhere", lang("ja"));
    assert_eq!(
        handle(&w.flow, s.clone(), d("1"), &w.ctx()),
        Err(EngineError::UnknownStep("nowhere".into()))
    );
    assert_eq!(
        after_save(&w.flow, s, Vec::new(), "1", &w.ctx()),
        Err(EngineError::UnknownStep("nowhere".into()))
    );
}

#[test]
fn steps_that_do_not_wait_refuse_input() {
    let w = World::new();
    for step in ["goodbye", "restart", "save"] {
        let s = CallState::new(step, lang("ja"));
        assert_eq!(
            handle(&w.flow, s, d("1"), &w.ctx()),
            Err(EngineError::NotWaiting(step.into()))
        );
    }
}

#[test]
fn a_missing_call_variable_is_an_error() {
    let w = World::new();
    let vars: BTreeMap<&str, String> = BTreeMap::new();
    let ctx = Ctx {
        vars: &vars,
        ..w.ctx()
    };
    let at_kind = run(&w.flow, &ctx, &to_kind());
    assert_eq!(
        handle(&w.flow, state(&at_kind).clone(), d("1"), &ctx),
        Err(EngineError::MissingVar("today".into()))
    );
}

#[test]
fn a_loop_of_say_steps_is_stopped() {
    let text = r#"
[flow]
start = "a"
give_up = "a"
no_input = "x"
no_match = "x"

[steps.a]
type = "say"
prompt = ["x"]
next = "b"

[steps.b]
type = "say"
prompt = ["x"]
next = "a"
"#;
    let flow = load_flow("loop", "loop.toml", text, &|_| true).unwrap();
    let w = World::new();
    assert_eq!(start(&flow, &w.ctx()), Err(EngineError::Loop(64)));
}

mod arbitrary_input {
    use proptest::prelude::*;

    use super::*;

    fn input() -> impl Strategy<Value = Input> {
        prop_oneof![
            "[0-9*#]{0,9}".prop_map(Input::Digits),
            Just(Input::NoInput),
            Just(Input::FinishKeyOnly),
            "https://api\\.twilio\\.com/[a-zA-Z0-9]{0,20}".prop_map(Input::Recording),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever a caller presses, the engine answers: it never fails on
        /// the shipped flow, its state survives the trip through a URL, and
        /// a call that hangs up said something first.
        #[test]
        fn the_shipped_flow_answers_any_keys(inputs in proptest::collection::vec(input(), 1..40)) {
            let w = World::new();
            let ctx = w.ctx();
            let mut o = settle(&w.flow, &ctx, start(&w.flow, &ctx).unwrap());
            for (n, i) in inputs.into_iter().enumerate() {
                let state = match o {
                    Outcome::Prompt { then: Then::Hangup, ref say, .. } => {
                        prop_assert!(!say.is_empty(), "hung up in silence");
                        break;
                    }
                    Outcome::Prompt { state, .. } => state,
                    Outcome::Save { pending, state } => {
                        let saved = after_save(&w.flow, state, pending, &n.to_string(), &ctx);
                        prop_assert!(saved.is_ok(), "{saved:?}");
                        o = settle(&w.flow, &ctx, saved.unwrap());
                        continue;
                    }
                    Outcome::Lookup { .. } => unreachable!("settled"),
                };
                let pairs = state.to_pairs();
                let back = CallState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                prop_assert_eq!(back.as_ref(), Ok(&state));
                let next = handle(&w.flow, state, i.clone(), &ctx);
                prop_assert!(next.is_ok(), "input {i:?}: {next:?}");
                o = settle(&w.flow, &ctx, next.unwrap());
            }
        }
    }
}

/// A caller who hangs up at the read-back has given everything it reads:
/// the report is saved (the channel marks it unconfirmed). Anywhere else
/// there is nothing to save.
#[test]
fn a_hang_up_at_the_read_back_saves_the_report() {
    let w = World::new();
    let mut inputs = to_kind();
    inputs.extend(["3", "2", "0930"].map(d));
    let summary = w.call(&inputs);
    assert_eq!(state(&summary).step, "summary");
    let Some(Outcome::Save { state: saving, .. }) =
        hang_up(&w.flow, state(&summary).clone(), &w.ctx()).unwrap()
    else {
        panic!("the read-back's report is saved");
    };
    assert_eq!(saving.step, "save");
    assert_eq!(saving.answers["time"], "09:30");

    for not_yet in [to_kind(), {
        let mut v = to_kind();
        v.push(d("1"));
        v
    }] {
        let o = w.call(&not_yet);
        assert_eq!(hang_up(&w.flow, state(&o).clone(), &w.ctx()).unwrap(), None);
    }
}

/// Language 1, student, absence (key 2, so the day is asked), illness:
/// waiting at the symptoms.
fn to_symptoms() -> Vec<Input> {
    let mut v = to_kind();
    v.extend(["2", "1"].map(d));
    v
}

#[test]
fn symptoms_wait_for_every_key_until_the_hash_key_or_a_short_silence() {
    let w = World::new();
    let o = w.call(&to_symptoms());
    assert_eq!(state(&o).step, "symptom");
    assert_eq!(says(&o), ["ask-symptom"]);
    // No count of keys: the channel collects until # or 4 s of silence.
    assert_eq!(
        *then(&o),
        Then::Choices {
            timeout_secs: 4,
            finish_key: '#'
        }
    );
}

#[test]
fn one_symptom_key_then_silence_is_one_symptom() {
    let w = World::new();
    // One key and nothing more: Twilio posts "1" once the silence ends the entry.
    let mut inputs = to_symptoms();
    inputs.push(d("1"));
    let o = w.call(&inputs);
    assert_eq!(state(&o).answers["symptom"], "fever");
    assert_eq!(state(&o).step, "temperature");
    assert_eq!(says(&o), ["ask-temperature"]);
    for (key, word) in [
        ("3", "diarrhoea"),
        ("4", "vomiting"),
        ("5", "headache"),
        ("6", "rash"),
        ("9", "other"),
    ] {
        let mut inputs = to_symptoms();
        inputs.push(d(key));
        let o = w.call(&inputs);
        assert_eq!(state(&o).answers["symptom"], word, "key {key}");
        assert_eq!(state(&o).step, "day", "key {key}: no temperature");
    }
}

#[test]
fn fever_and_respiratory_then_the_temperature() {
    let w = World::new();
    // 1 2 #: Twilio posts Digits=12 (the finish key is not in Digits).
    let mut inputs = to_symptoms();
    inputs.push(d("12"));
    let o = w.call(&inputs);
    assert_eq!(state(&o).answers["symptom"], "fever,respiratory");
    assert_eq!(state(&o).step, "temperature");
    let o = w.feed(state(&o).clone(), &[d("385"), d("1")]);
    assert_eq!(state(&o).step, "summary");
    assert_eq!(state(&o).answers["symptom"], "fever,respiratory");
    assert_eq!(state(&o).answers["temperature"], "38.5");
    assert!(says(&o).contains(&"summary-symptom"));
    assert!(says(&o).contains(&"summary-temperature"));
}

#[test]
fn respiratory_alone_asks_no_temperature() {
    let w = World::new();
    let mut inputs = to_symptoms();
    inputs.push(d("2"));
    let o = w.call(&inputs);
    assert_eq!(state(&o).answers["symptom"], "respiratory");
    assert_eq!(state(&o).step, "day");
    assert_eq!(says(&o), ["ask-day"]);
    // Several without fever: no temperature either.
    let mut inputs = to_symptoms();
    inputs.push(d("256"));
    let o = w.call(&inputs);
    assert_eq!(state(&o).answers["symptom"], "respiratory,headache,rash");
    assert_eq!(state(&o).step, "day");
}

#[test]
fn repeated_symptom_keys_count_once_in_key_order() {
    let w = World::new();
    let mut inputs = to_symptoms();
    inputs.push(d("21122"));
    let o = w.call(&inputs);
    assert_eq!(state(&o).answers["symptom"], "fever,respiratory");
    assert_eq!(state(&o).step, "temperature");
}

#[test]
fn a_key_that_is_no_symptom_spoils_the_entry_and_asks_again() {
    let w = World::new();
    for keys in ["7", "0", "17", "1#2"] {
        let mut inputs = to_symptoms();
        inputs.push(d(keys));
        let o = w.call(&inputs);
        assert_eq!(state(&o).step, "symptom", "{keys}");
        assert_eq!(says(&o), ["no-match", "ask-symptom"], "{keys}");
        assert_eq!(state(&o).no_match, 1);
        assert!(!state(&o).answers.contains_key("symptom"), "{keys}");
    }
    // The second wrong entry hears the fuller help; the third gives up.
    let mut inputs = to_symptoms();
    inputs.extend(["8", "8"].map(d));
    assert_eq!(says(&w.call(&inputs)), ["no-match", "help-symptom"]);
    inputs.push(d("8"));
    // The child is known: the third gives up to a voice message.
    assert!(matches!(*then(&w.call(&inputs)), Then::Record { .. }));
    // Silence, or the hash key alone, is no input (counted apart).
    let o = w.call(&to_symptoms());
    for nothing in [Input::NoInput, Input::FinishKeyOnly] {
        let o = w.feed(state(&o).clone(), &[nothing]);
        assert_eq!(says(&o), ["no-input", "ask-symptom"]);
        assert_eq!((state(&o).no_input, state(&o).no_match), (1, 0));
    }
}

#[test]
fn star_among_symptom_keys_goes_to_the_language_menu_and_back() {
    let w = World::new();
    for keys in ["*", "1*"] {
        let mut inputs = to_symptoms();
        inputs.push(d(keys));
        let o = w.call(&inputs);
        assert_eq!(state(&o).step, "language", "{keys}");
        assert_eq!(state(&o).ret.as_deref(), Some("symptom"));
        let o = w.feed(state(&o).clone(), &[d("2")]);
        assert_eq!(state(&o).step, "symptom");
        assert_eq!(state(&o).lang, lang("en"));
        assert!(!state(&o).answers.contains_key("symptom"));
    }
}

#[test]
fn the_disease_keys() {
    let w = World::new();
    for (key, word) in [
        ("1", "influenza"),
        ("2", "covid-19"),
        ("3", "gastroenteritis"),
        ("4", "strep"),
        ("5", "chickenpox"),
        ("6", "mumps"),
        ("7", "pharyngoconjunctival-fever"),
        ("8", "hand-foot-mouth"),
        ("9", "other"),
    ] {
        let mut inputs = to_kind();
        inputs.extend(["2", "6", key].map(d));
        let o = w.call(&inputs);
        assert_eq!(state(&o).answers["disease"], word, "key {key}");
        assert_eq!(state(&o).step, "day");
        assert!(!state(&o).answers.contains_key("symptom"));
    }
}
