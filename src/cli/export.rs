//! `absence-line export`: a school's reports for a day or a range, on
//! standard output.

use std::io::Write;

use anyhow::{Context, bail};

use super::args::{ExportArgs, Format, Global};
use crate::domain::SchoolId;
use crate::export::{self, Encoding, to_csv, to_json};
use crate::store::{self, Store};

pub fn run(global: &Global, args: ExportArgs) -> anyhow::Result<()> {
    let config = global.load_config()?;
    let id = SchoolId::parse(&args.school)?;
    if !config.schools.contains_key(&id) {
        bail!("no school {id} in {}", global.config.display());
    }
    let (from, to) = match (args.date, args.from, args.to) {
        (Some(d), _, _) => (d, d),
        (None, Some(f), Some(t)) if f <= t => (f, t),
        (None, Some(_), Some(_)) => bail!("--from must not be after --to"),
        _ => bail!("give --date YYYY-MM-DD, or --from and --to"),
    };
    let path = store::file_for(&config.data_dir, &id);
    if !path.exists() {
        bail!(
            "{} does not exist: no call has reached school {id} with this data directory",
            path.display()
        );
    }
    let store = Store::open(&path)?;
    let rows = export::rows(&store, &from.to_string(), &to.to_string())?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Csv => out.write_all(&to_csv(&rows, Encoding::Utf8Bom)),
        Format::CsvSjis => out.write_all(&to_csv(&rows, Encoding::ShiftJis)),
        Format::Json => writeln!(out, "{}", to_json(&rows)),
    }
    .context("writing to standard output")?;
    Ok(())
}
