//! What the command line accepts.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Source;

#[derive(Debug, Parser)]
#[command(
    name = "absence-line",
    version,
    about = "A 24-hour telephone absence line for schools"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The deployment's configuration file.
    #[arg(long, global = true, default_value = "absence-line.toml")]
    pub config: PathBuf,
    /// Where the schools' stores live (overrides `data_dir` in the config).
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
}

impl Global {
    /// The config file and the overrides every command takes.
    pub fn source(&self) -> Source {
        Source {
            data_dir: self.data_dir.clone(),
            ..Source::new(&self.config)
        }
    }

    /// The config file, with the command line's overrides applied.
    pub fn load_config(&self) -> anyhow::Result<crate::config::Config> {
        Ok(self.source().load()?)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer Twilio's voice webhooks. The auth token is read from
    /// TWILIO_AUTH_TOKEN; without it, only a loopback address is allowed.
    Serve(ServeArgs),
    /// Print a school's reports for one school day.
    Export(ExportArgs),
    /// Import a school's student roster from CSV, or show what it holds.
    Roster(super::roster::RosterArgs),
    /// Copy the schools' stores into a directory, while the line answers.
    Backup(super::backup::BackupArgs),
    /// Remove caller numbers and recordings past a retention period.
    Purge(super::purge::PurgeArgs),
    /// A telephone in the terminal: hear (read) each prompt, type keys.
    Simulate(SimulateArgs),
    /// Check config, call flows, locales and recorded prompts together.
    Lint(LintArgs),
    /// Per language: which prompts are recorded, spoken by text-to-speech,
    /// or fall back to another language; and how long the call is.
    Prompts,
    /// The standard report walked in every language: keys pressed and
    /// seconds of speech heard, for a first-time and a recognised caller.
    CallLength(super::call_length::CallLengthArgs),
    /// Read a password from standard input and print its Argon2 hash, for
    /// `staff_password_hash`, `staff_token_hash` or `[board] password_hash`.
    HashPassword,
    /// Write a demo district: schools, rosters and a school year's reports
    /// (an influenza wave, a gastroenteritis cluster, corrections), with a
    /// config that serves them.
    DemoData(super::demo_data::DemoDataArgs),
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    #[arg(long)]
    pub school: String,
    /// The caller's language, as if they had chosen it on an earlier call.
    #[arg(long)]
    pub lang: Option<String>,
    /// Run without a person: keypad entries separated by commas. `10203#`
    /// ends with the finish key, `#` alone is the finish key only, an empty
    /// entry is silence, and at a recording any entry is a voice message.
    #[arg(long)]
    pub keys: Option<String>,
    /// The caller's number.
    #[arg(long, default_value = "+810000000000")]
    pub from: String,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (overrides `listen` in the config).
    #[arg(long)]
    pub listen: Option<SocketAddr>,
    /// Create the data directory if it does not exist (a first start).
    /// Without it the server refuses to start on a missing data directory,
    /// which is what an unmounted data disk looks like.
    #[arg(long)]
    pub create_data_dir: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long)]
    pub school: String,
    /// One school day, YYYY-MM-DD (or use --from and --to).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub date: Option<chrono::NaiveDate>,
    /// First school day of a range, YYYY-MM-DD.
    #[arg(long, requires = "to")]
    pub from: Option<chrono::NaiveDate>,
    /// Last school day of a range, YYYY-MM-DD.
    #[arg(long, requires = "from")]
    pub to: Option<chrono::NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// CSV, UTF-8 with a BOM.
    Csv,
    /// CSV in Shift_JIS.
    CsvSjis,
    Json,
}
