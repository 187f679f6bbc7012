//! `absence-line export`: a school day's reports on standard output.

use std::io::Write;

use anyhow::{Context, bail};

use super::args::{ExportArgs, Format, Global};
use crate::domain::SchoolId;
use crate::export::{to_csv, to_json};
use crate::store::Store;

pub fn run(global: &Global, args: ExportArgs) -> anyhow::Result<()> {
    let config = global.load_config()?;
    let id = SchoolId::parse(&args.school)?;
    if !config.schools.contains_key(&id) {
        bail!("no school {id} in {}", global.config.display());
    }
    let path = config.data_dir.join(format!("{id}.sqlite"));
    if !path.exists() {
        bail!(
            "{} does not exist: no call has reached school {id} with this data directory",
            path.display()
        );
    }
    let store = Store::open(&path)?;
    let day = args.date.to_string();
    let rows = store.reports_between(&day, &day)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Csv => out.write_all(&to_csv(&rows)),
        Format::Json => writeln!(out, "{}", to_json(&rows)),
    }
    .context("writing to standard output")?;
    Ok(())
}
