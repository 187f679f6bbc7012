//! `absence-line simulate`: the command line of the simulator channel
//! (`channel::simulator`): checks the arguments, opens the store, prints
//! the reports the call saved.

use std::io::{BufRead, Write};

use anyhow::{Context, bail};
use chrono::Utc;

use super::args::{Global, SimulateArgs};
use crate::call::Line;
use crate::channel::simulator::Terminal;
use crate::deployment::Deployment;
use crate::domain::{CallerId, LangTag, SchoolId};
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
    let call_sid = format!("SIM{:x}", Utc::now().timestamp_micros());
    // `--from anonymous` is a withheld number, as on the phone line.
    let caller_id = CallerId::parse(&args.from);
    let keys: Box<dyn Iterator<Item = String>> = match &args.keys {
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
    let terminal = Terminal {
        line: Line::new(&dep, school)?,
        store: &store,
        lang,
        caller: caller_id.as_ref(),
        echo: !interactive,
    };
    let reports = terminal
        .call(&call_sid, keys, &mut out)
        .context("the simulated call failed")?;
    if reports.is_empty() {
        writeln!(out, "No report was saved.")?;
    }
    for r in &reports {
        print_report(&mut out, r)?;
    }
    Ok(())
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
