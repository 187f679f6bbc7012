//! `absence-line demo-data`: a district's schools with rosters and a
//! school year's reports (see `demo/`), into a directory that serves as it
//! is: `absence-line --config DIR/absence-line.toml serve`.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::Global;
use crate::demo::{self, Options, Template};

#[derive(Debug, Args)]
pub struct DemoDataArgs {
    /// How many schools (about two thirds elementary).
    #[arg(long, default_value_t = 35)]
    pub schools: usize,
    /// School days of reports, ending on --until.
    #[arg(long, default_value_t = 200)]
    pub days: usize,
    /// The same seed makes the same rosters and reports.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The directory to write: absence-line.toml, calendar.txt,
    /// PASSWORDS.txt and data/. It must hold no stores yet.
    #[arg(long)]
    pub out: PathBuf,
    /// The last day with reports, YYYY-MM-DD (default: today in Tokyo).
    #[arg(long)]
    pub until: Option<chrono::NaiveDate>,
}

pub fn run(global: &Global, args: DemoDataArgs) -> anyhow::Result<()> {
    if !(1..=9_999).contains(&args.schools) {
        bail!("--schools {}: choose 1 to 9999 schools", args.schools);
    }
    if !(1..=1_000).contains(&args.days) {
        bail!("--days {}: choose 1 to 1000 school days", args.days);
    }
    let template = Template::from_config(&global.config).with_context(|| {
        format!(
            "demo-data takes the flows, locales, prompts, voices and board login from --config {} \
             (the repository's absence-line.toml)",
            global.config.display()
        )
    })?;
    let until = args.until.unwrap_or_else(|| {
        chrono::Utc::now()
            .with_timezone(&chrono_tz::Asia::Tokyo)
            .date_naive()
    });
    let options = Options {
        schools: args.schools,
        days: args.days,
        seed: args.seed,
        until,
    };
    let bar = if std::io::stderr().is_terminal() && std::env::var_os("CI").is_none() {
        let style = ProgressStyle::with_template("schools  [{bar:40}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        ProgressBar::with_draw_target(Some(args.schools as u64), ProgressDrawTarget::stderr())
            .with_style(style)
    } else {
        ProgressBar::hidden()
    };
    let summary = demo::generate(&args.out, &options, &template, &global.config, &|n| {
        bar.set_position(n as u64)
    })?;
    bar.finish_and_clear();
    let s = &summary;
    println!(
        "{} schools ({} elementary, {} junior high), {} students",
        s.schools,
        s.elementary,
        s.schools - s.elementary,
        s.students
    );
    println!(
        "{} reports ({} rows, one per school day) on {} school days, {} to {}; \
         {} replaced and {} cancelled by a second call, {} corrected by staff",
        s.reports, s.rows, args.days, s.first_day, s.last_day, s.replaced, s.cancelled, s.edited
    );
    println!(
        "written to {} in {:.1} s; serve it: absence-line --config {} serve (logins: {})",
        args.out.display(),
        s.elapsed.as_secs_f64(),
        args.out.join("absence-line.toml").display(),
        args.out.join("PASSWORDS.txt").display()
    );
    Ok(())
}
