//! `absence-line call-length`: the standard report walked in every
//! language, for a first-time caller and for one recognised by number:
//! keys pressed, seconds of speech heard (first-time and full listen) and
//! seconds of waiting. `--check` fails when a language misses issue 13's
//! targets. The rules are in `channel::simulator::measure`.

use std::io::Write;

use anyhow::{Context, bail};
use chrono::Utc;
use clap::Args;
use serde::Serialize;

use super::args::Global;
use crate::call::Line;
use crate::channel::simulator::measure::{self, CallLength, Listener, Script};
use crate::deployment::{Deployment, School};
use crate::domain::{CallerId, LangTag};
use crate::flow::StepKind;

#[derive(Debug, Args)]
pub struct CallLengthArgs {
    /// The school whose flow, roster and recordings are measured.
    #[arg(long, default_value = "sumida-daiichi")]
    pub school: String,
    /// The student number the caller keys in (on the school's roster).
    #[arg(long, default_value = "10203")]
    pub student: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Exit non-zero if any language misses the targets.
    #[arg(long)]
    pub check: bool,
}

/// Issue 13's "done when".
const MAX_KEYS_FIRST_TIME: usize = 12;
const MAX_KEYS_RECOGNISED: usize = 6;
const MAX_FIRST_TIME_SECS: f64 = 60.0;
const MAX_FULL_LISTEN_SECS: f64 = 100.0;

/// Said instead of a recognised caller's figures when the flow has no
/// `caller` step.
const NOT_AVAILABLE: &str = "not available in this flow";

#[derive(Serialize)]
struct Report {
    school: String,
    /// The moment walked: 07:00 on the school's next school day.
    at: String,
    languages: Vec<LanguageLength>,
}

#[derive(Serialize)]
struct LanguageLength {
    lang: String,
    first_time_caller: CallLength,
    /// `None`: see `recognised_note`.
    recognised_caller: Option<CallLength>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recognised_note: Option<&'static str>,
}

pub fn run(global: &Global, args: CallLengthArgs) -> anyhow::Result<()> {
    let dep = Deployment::load(global.load_config()?)?;
    let Some(school) = dep.schools.values().find(|s| s.id.as_str() == args.school) else {
        bail!("no school {:?} in the config", args.school);
    };
    let line = Line::new(&dep, school)?;
    let now = measure::school_morning(school, Utc::now());
    let script = Script::standard_report(&args.student);
    let phone = recognised_number(school, &args.student);
    let mut report = Report {
        school: school.id.to_string(),
        at: now
            .with_timezone(&school.calendar.tz())
            .format("%Y-%m-%d %H:%M %Z")
            .to_string(),
        languages: Vec::new(),
    };
    for lang in languages(&dep, &line) {
        let first = measure::walk(
            &line,
            &Listener::first_time(school),
            &measure::caller(None),
            &script,
            &lang,
            now,
        )
        .with_context(|| format!("walking the first-time caller's call in {lang}"))?;
        let recognised = if measure::recognises_callers(line.flow) {
            Some(
                measure::walk(
                    &line,
                    &Listener::recognised(school, &lang, phone.as_ref().map(|p| p.as_str())),
                    &measure::caller(phone.as_ref()),
                    &script,
                    &lang,
                    now,
                )
                .with_context(|| format!("walking the recognised caller's call in {lang}"))?,
            )
        } else {
            None
        };
        report.languages.push(LanguageLength {
            lang: lang.to_string(),
            recognised_note: recognised.is_none().then_some(NOT_AVAILABLE),
            first_time_caller: first,
            recognised_caller: recognised,
        });
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        table(&mut out, &report)?;
    }
    if args.check {
        let missed = misses(&report);
        if !missed.is_empty() {
            bail!("targets missed:\n  {}", missed.join("\n  "));
        }
    }
    Ok(())
}

/// The languages to measure: those of the language menu in its key order,
/// then any other the catalog has.
fn languages(dep: &Deployment, line: &Line) -> Vec<LangTag> {
    let mut langs: Vec<LangTag> = line
        .flow
        .steps
        .iter()
        .filter_map(|s| match &s.kind {
            StepKind::Menu { options, .. } => Some(options.values()),
            _ => None,
        })
        .flatten()
        .filter_map(|c| c.language.clone())
        .collect();
    for l in dep.catalog.languages() {
        if !langs.contains(l) {
            langs.push(l.clone());
        }
    }
    langs.dedup();
    langs
}

/// The first guardian number the roster has for `student`.
fn recognised_number(school: &School, student: &str) -> Option<CallerId> {
    let s = school.roster.as_ref()?.get(student)?;
    crate::domain::phones_e164(&s.phones)
        .into_iter()
        .find_map(|p| CallerId::parse(&p))
}

fn table(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    writeln!(out, "Standard report at {}, {}", report.school, report.at)?;
    for (who, pick) in [("first-time caller", 0), ("caller recognised by number", 1)] {
        writeln!(out)?;
        writeln!(out, "{who}")?;
        writeln!(
            out,
            "{:<8}{:>6}{:>14}{:>15}{:>11}",
            "lang", "keys", "first-time s", "full-listen s", "waiting s"
        )?;
        for l in &report.languages {
            let length = if pick == 0 {
                Some(&l.first_time_caller)
            } else {
                l.recognised_caller.as_ref()
            };
            match length {
                Some(c) => writeln!(
                    out,
                    "{:<8}{:>6}{:>14.1}{:>15.1}{:>11.1}",
                    l.lang, c.keys, c.first_time_secs, c.full_listen_secs, c.waiting_secs
                )?,
                None => writeln!(out, "{:<8}{NOT_AVAILABLE}", l.lang)?,
            }
        }
    }
    Ok(())
}

/// Every target a language misses, as sentences.
fn misses(report: &Report) -> Vec<String> {
    let mut missed = Vec::new();
    for l in &report.languages {
        let walks = [
            (
                "first-time",
                Some(&l.first_time_caller),
                MAX_KEYS_FIRST_TIME,
            ),
            (
                "recognised",
                l.recognised_caller.as_ref(),
                MAX_KEYS_RECOGNISED,
            ),
        ];
        for (who, length, max_keys) in walks {
            let Some(c) = length else { continue };
            if c.keys > max_keys {
                missed.push(format!(
                    "{} {who}: {} keys (at most {max_keys})",
                    l.lang, c.keys
                ));
            }
            if c.first_time_secs > MAX_FIRST_TIME_SECS {
                missed.push(format!(
                    "{} {who}: {:.1} s heard pressing at once (at most {MAX_FIRST_TIME_SECS})",
                    l.lang, c.first_time_secs
                ));
            }
            if c.full_listen_secs > MAX_FULL_LISTEN_SECS {
                missed.push(format!(
                    "{} {who}: {:.1} s heard listening to everything (at most {MAX_FULL_LISTEN_SECS})",
                    l.lang, c.full_listen_secs
                ));
            }
        }
    }
    missed
}
