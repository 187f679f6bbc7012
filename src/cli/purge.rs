//! `absence-line purge`: the retention period. Caller numbers, recording
//! links and remembered language choices older than it are removed; the
//! reports and calls themselves stay, so counts and statistics do not
//! change.

use anyhow::bail;
use chrono::{SecondsFormat, Utc};
use clap::Args;

use super::args::Global;
use super::backup::{missing, stores};
use crate::store::{PurgeCounts, Store};

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Remove caller data received more than this many days ago (at least 1).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=36_500))]
    pub older_than: u32,
    /// Only this school (by default every school in the config).
    #[arg(long, value_name = "ID")]
    pub school: Option<String>,
    /// Count what would be removed, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(global: &Global, args: PurgeArgs) -> anyhow::Result<()> {
    let stores = stores(global, args.school.as_deref())?;
    let cutoff = (Utc::now() - chrono::Duration::days(args.older_than.into()))
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut failed = 0;
    for (id, path) in &stores {
        let done = if !path.exists() {
            Err(missing(path))
        } else {
            Store::open(path)
                .and_then(|s| {
                    if args.dry_run {
                        s.purge_preview(&cutoff)
                    } else {
                        s.purge_before(&cutoff)
                    }
                })
                .map_err(anyhow::Error::from)
        };
        match done {
            Ok(n) => println!("{id}: {}", describe(&n, &cutoff, args.dry_run)),
            Err(e) => {
                eprintln!("{id}: purge failed: {e:#}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of {} school(s) could not be purged", stores.len());
    }
    Ok(())
}

fn describe(n: &PurgeCounts, cutoff: &str, dry_run: bool) -> String {
    if n.is_empty() {
        return format!("no caller data from before {cutoff}; nothing to remove.");
    }
    format!(
        "{} caller numbers from {} report row(s) and {} call(s), {} recording link(s) \
         and {} remembered language choice(s), all from before {cutoff}; \
         the reports and calls themselves are kept.",
        if dry_run { "would remove" } else { "removed" },
        n.report_callers,
        n.call_numbers,
        n.report_recordings + n.call_recordings,
        n.caller_languages,
    )
}
