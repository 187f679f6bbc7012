//! `absence-line simulate`: a telephone in the terminal. It drives the same
//! engine and store as the webhook, and prints what a caller would hear.

use std::io::{BufRead, Write};

use anyhow::{Context, bail};
use chrono::{SecondsFormat, Utc};

use super::args::{Global, SimulateArgs};
use crate::call::{Line, Progress};
use crate::deployment::Deployment;
use crate::domain::{CallerId, LangTag, SchoolId};
use crate::flow::{Input, Then};
use crate::report::{self, Caller};
use crate::speech::{self, Speech};
use crate::store::{ReportRow, Store};

pub fn run(global: &Global, args: SimulateArgs) -> anyhow::Result<()> {
    let config = global.load_config()?;
    let dep = Deployment::load(config)?;
    let id = SchoolId::parse(&args.school)?;
    let Some(school) = dep.schools.get(&id) else {
        bail!("no school {id} in {}", global.config.display());
    };
    let lang = args.lang.as_deref().map(LangTag::parse).transpose()?;
    if let Some(l) = &lang
        && !dep.catalog.has_language(l)
    {
        bail!("no locale {l}: locales/{l}/ does not exist");
    }
    let store = Store::open(&crate::store::file_for(&dep.config.data_dir, &id))?;
    let line = Line::new(&dep, school)?;
    let call_sid = format!("SIM{:x}", Utc::now().timestamp_micros());
    // `--from anonymous` is a withheld number, as on the phone line.
    let caller_id = CallerId::parse(&args.from);
    let from = caller_id.as_ref().map_or("", CallerId::as_str);
    let caller = Caller {
        call_sid: &call_sid,
        number: caller_id.as_ref(),
        channel: "simulator",
    };
    let mut keys: Box<dyn Iterator<Item = String>> = match &args.keys {
        Some(k) => Box::new(
            k.split(',')
                .map(|s| s.trim().to_owned())
                .collect::<Vec<_>>()
                .into_iter(),
        ),
        None => Box::new(std::io::stdin().lock().lines().map_while(Result::ok)),
    };
    let interactive = args.keys.is_none();
    let mut out = std::io::stdout().lock();
    writeln!(out, "☎  {} ({id}), call {call_sid}", school.name)?;
    if interactive {
        writeln!(
            out,
            "   Type keys and Enter (e.g. 10203#); an empty line is silence; Ctrl-D hangs up."
        )?;
    }

    let now = Utc::now();
    let rfc3339 = |t: chrono::DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    store.call_started(&call_sid, from, "", &rfc3339(now), "simulator")?;
    let mut progress = line.begin(lang.as_ref(), &caller, now)?;
    loop {
        match progress {
            Progress::Lookup {
                what,
                pending,
                state,
            } => {
                let found = report::lookup(&store, &what, &state, school, Utc::now())?;
                progress = line.looked_up(state, pending, found, &caller, Utc::now())?;
            }
            Progress::Save {
                report,
                pending,
                state,
            } => {
                let saved = store.save_report(&report)?;
                progress = line.saved(state, pending, saved.reference, &caller, Utc::now())?;
            }
            Progress::Prompt { say, then, state } => {
                for s in speech::render(&dep, school, &say, &state) {
                    match s {
                        Speech::Tts { text, language, .. } => writeln!(out, "[{language}] {text}")?,
                        Speech::Recording {
                            lang, key, text, ..
                        } => writeln!(out, "[♪ prompts/{lang}/{key}] {text}")?,
                    }
                }
                let prompt = match &then {
                    Then::Hangup => {
                        writeln!(out, "── hung up")?;
                        break;
                    }
                    Then::Keys { max_digits: 1, .. } => "key".to_owned(),
                    Then::Choices { finish_key, .. } => {
                        format!("every key that applies, then {finish_key} or silence")
                    }
                    Then::Keys {
                        max_digits,
                        finish_key,
                        ..
                    } => match finish_key {
                        Some(k) => format!("up to {max_digits} keys, then {k}"),
                        None => format!("up to {max_digits} keys"),
                    },
                    Then::Record {
                        max_length_secs, ..
                    } => format!("recording, up to {max_length_secs} s (any text = a message)"),
                };
                write!(out, "   ({prompt}) > ")?;
                out.flush()?;
                let Some(entry) = keys.next() else {
                    writeln!(out, "\n── caller hung up")?;
                    break;
                };
                if !interactive {
                    writeln!(out, "{entry}")?;
                }
                let input = input_of(&entry, &then);
                let roster = match line.roster_question(&state, &input) {
                    Some(n) => Some(report::roster_answer(&store, school, n)?),
                    None => None,
                };
                progress = line
                    .next(state, input, roster.as_ref(), &caller, Utc::now())
                    .context("the engine refused the input")?;
            }
        }
    }
    // No status callback comes for a simulated call: end it here, so the
    // call log does not show it in progress (one killed before this line
    // is closed by the server's sweep).
    let end = Utc::now();
    let secs = end.signed_duration_since(now).num_seconds();
    store.call_ended(&call_sid, "completed", Some(secs), &rfc3339(end), from, "")?;
    let reports = store.reports_of_call(&call_sid)?;
    if reports.is_empty() {
        writeln!(out, "No report was saved.")?;
    }
    for r in &reports {
        print_report(&mut out, r)?;
    }
    Ok(())
}

fn input_of(entry: &str, then: &Then) -> Input {
    if let Then::Record { .. } = then {
        return if entry.is_empty() {
            Input::NoInput
        } else {
            Input::Recording(format!("simulated:{entry}"))
        };
    }
    let finish = match then {
        Then::Keys {
            finish_key: Some(k),
            ..
        }
        | Then::Choices { finish_key: k, .. } => Some(*k),
        _ => None,
    };
    match finish.and_then(|k| entry.strip_suffix(k)) {
        Some("") => Input::FinishKeyOnly,
        Some(d) => Input::Digits(d.to_owned()),
        None if entry.is_empty() => Input::NoInput,
        None => Input::Digits(entry.to_owned()),
    }
}

fn print_report(out: &mut impl Write, r: &ReportRow) -> std::io::Result<()> {
    writeln!(out, "── saved report {} ──", r.reference)?;
    let fields: [(&str, Option<String>); 14] = [
        ("school day", Some(r.school_day.clone())),
        ("student", r.student.clone()),
        ("grade", r.grade.clone()),
        ("class", r.class.clone()),
        ("number", r.attendance_no.clone()),
        ("kind", r.kind.clone()),
        ("reason", r.reason.clone()),
        ("symptom", r.symptom.clone()),
        ("temperature", r.temperature.map(|t| format!("{t:.1}"))),
        ("disease", r.disease.clone()),
        ("time", r.time.clone()),
        ("recording", r.recording_url.clone()),
        ("language", Some(r.language.clone())),
        ("channel", Some(r.channel.clone())),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            writeln!(out, "  {name:<12} {v}")?;
        }
    }
    Ok(())
}
