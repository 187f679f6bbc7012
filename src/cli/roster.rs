//! `absence-line roster`: import a school's roster from its records
//! system's CSV into the school's store (checked whole first, then written
//! in one transaction: all or nothing), and show what the store holds and
//! where it came from. An import that would drop more than half of the
//! students is refused unless `--allow-shrink` says it is meant.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sha2::{Digest, Sha256};

use super::args::Global;
use crate::config::Config;
use crate::domain::SchoolId;
use crate::roster::{Roster, decode, shrink};
use crate::store::{self, IMPORTED, Store};

/// Files with more rows than this show a progress bar (on a terminal).
const PROGRESS_ROWS: usize = 2_000;

#[derive(Debug, Args)]
pub struct RosterArgs {
    #[command(subcommand)]
    pub command: RosterCommand,
}

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Check a roster CSV (UTF-8 or Shift_JIS) and, only if every row is
    /// right, replace the school's roster with it. Errors are printed as
    /// file:line:col and change nothing.
    Import(ImportArgs),
    /// Count the students of the school's roster by grade and class.
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(long)]
    pub school: String,
    /// Columns: student,grade,class,number,name[,kana[,phones]] (or
    /// 生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話), with a header row.
    pub file: PathBuf,
    /// Import even if the file drops more than half of the students the
    /// roster has now (without it, that is refused as a truncated export).
    #[arg(long)]
    pub allow_shrink: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[arg(long)]
    pub school: String,
}

pub fn run(global: &Global, args: RosterArgs) -> anyhow::Result<()> {
    match args.command {
        RosterCommand::Import(a) => import(global, a),
        RosterCommand::Show(a) => show(global, a),
    }
}

fn school(global: &Global, school: &str) -> anyhow::Result<(Config, SchoolId, PathBuf)> {
    let config = global.load_config()?;
    let id = SchoolId::parse(school)?;
    if !config.schools.contains_key(&id) {
        bail!("no school {id} in {}", global.config.display());
    }
    let path = store::file_for(&config.data_dir, &id);
    Ok((config, id, path))
}

fn import(global: &Global, args: ImportArgs) -> anyhow::Result<()> {
    let (config, id, path) = school(global, &args.school)?;
    let file = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {file}"))?;
    let rows = bytes.iter().filter(|&&b| b == b'\n').count();
    let show_progress = progress_wanted(
        rows,
        std::io::stderr().is_terminal(),
        std::env::var_os("CI").is_some(),
    );

    let checked = decode(&bytes, &file)
        .map_err(|e| vec![e])
        .and_then(|(text, encoding)| {
            let bar = progress_bar(show_progress, text.len(), "checking");
            let roster = Roster::parse_with_progress(&text, &file, &mut |done| {
                bar.set_position(done as u64)
            });
            bar.finish_and_clear();
            roster.map(|r| (r, encoding))
        });
    let (roster, encoding) = match checked {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            bail!(
                "{} error(s) in {file}; nothing was imported and the roster of {id} is unchanged",
                errors.len()
            );
        }
    };
    if roster.is_empty() {
        bail!(
            "{file} has a header but no students; nothing was imported and the roster of {id} is unchanged"
        );
    }
    // The line waits for exactly `student_digits` keys: a number of another
    // length could never be keyed.
    if let Some(n) = config.schools[&id].student_digits
        && let Some(other) = roster.students().find(|s| s.chars().count() != n as usize)
    {
        bail!(
            "{file}: student number {other:?} does not have {n} digits, as `student_digits` in the config says every number of {id} has; nothing was imported and the roster of {id} is unchanged (fix the file, or change or remove `student_digits`)"
        );
    }

    let store = Store::open(&path)?;
    let before = store.student_count()?;
    if let Some(s) = shrink(usize::try_from(before)?, roster.len())
        && !args.allow_shrink
    {
        bail!(
            "{file} has {} student(s) where the roster of {id} has {}: more than half would be dropped, as when a records system's export is cut short; nothing was imported and the roster of {id} is unchanged. If {id} really has only {} student(s) now, run the import again with --allow-shrink",
            s.after,
            s.before,
            s.after
        );
    }
    let source = format!(
        "sha256:{} {} {}",
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
        args.file
            .file_name()
            .map_or(file.clone(), |n| n.to_string_lossy().into_owned()),
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    );
    let bar = progress_bar(show_progress, roster.len(), "writing");
    store.replace_students_with_progress(roster.records(), IMPORTED, &source, &mut |n| {
        bar.set_position(n as u64)
    })?;
    bar.finish_and_clear();

    let counts = store.roster_counts()?;
    println!(
        "{id}: imported {} from {file} ({encoding}) into {}; it had {before} student(s) before.",
        totals(&counts),
        path.display()
    );
    print_grades(&counts);
    Ok(())
}

fn show(global: &Global, args: ShowArgs) -> anyhow::Result<()> {
    let (config, id, path) = school(global, &args.school)?;
    let store = if path.exists() {
        Some(Store::open(&path)?)
    } else {
        None
    };
    let counts = match &store {
        Some(store) => store.roster_counts()?,
        None => Vec::new(),
    };
    if counts.is_empty() {
        let fallback = match config.schools.get(&id).and_then(|s| s.roster.as_ref()) {
            Some(p) => format!("; the line uses the config's roster file {}", p.display()),
            None => "; any well-formed student number is accepted".to_owned(),
        };
        println!("{id}: no roster imported{fallback}.");
        return Ok(());
    }
    let Some(store) = store else {
        unreachable!("a roster was counted, so the store is open")
    };
    let state = store.roster_state()?;
    let file = config.schools.get(&id).and_then(|s| s.roster.as_ref());
    let source = match (&state.imported, &state.from_file, file) {
        (Some(s), _, _) => format!(", imported as {s}"),
        (None, Some(_), Some(f)) => {
            format!(", copied from the config's roster file {}", f.display())
        }
        _ => String::new(),
    };
    println!("{id}: {}{source}.", totals(&counts));
    print_grades(&counts);
    if let (Some(_), Some(f)) = (&state.imported, file) {
        println!(
            "The config's roster file {} is not used: the imported roster takes precedence.",
            f.display()
        );
    }
    Ok(())
}

/// A progress bar only for a large file, on a terminal, outside CI.
fn progress_wanted(rows: usize, stderr_is_terminal: bool, ci: bool) -> bool {
    rows > PROGRESS_ROWS && stderr_is_terminal && !ci
}

fn progress_bar(show: bool, len: usize, what: &'static str) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{msg:8} [{bar:40}] {percent:>3}%")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr())
        .with_style(style)
        .with_message(what)
}

/// "20000 students in 6 grades and 24 classes"
fn totals(counts: &[(String, String, i64)]) -> String {
    let students: i64 = counts.iter().map(|c| c.2).sum();
    let grades = counts
        .iter()
        .map(|c| &c.0)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    format!(
        "{students} student(s) in {grades} grade(s) and {} class(es)",
        counts.len()
    )
}

/// One line per grade: `  grade 1: 61 students (class 1: 30, class 2: 31)`.
fn print_grades(counts: &[(String, String, i64)]) {
    let mut grades: BTreeMap<(usize, &str), Vec<(&str, i64)>> = BTreeMap::new();
    for (grade, class, n) in counts {
        grades
            .entry((grade.len(), grade))
            .or_default()
            .push((class, *n));
    }
    for ((_, grade), classes) in grades {
        let total: i64 = classes.iter().map(|c| c.1).sum();
        let list: Vec<String> = classes
            .iter()
            .map(|(c, n)| format!("class {c}: {n}"))
            .collect();
        println!("  grade {grade}: {total} student(s) ({})", list.join(", "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_is_for_large_files_on_a_terminal_outside_ci() {
        assert!(progress_wanted(2_001, true, false));
        assert!(!progress_wanted(2_000, true, false), "2,000 rows or fewer");
        assert!(
            !progress_wanted(20_000, false, false),
            "stderr is not a terminal"
        );
        assert!(!progress_wanted(20_000, true, true), "in CI");
    }
}
