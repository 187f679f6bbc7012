//! What the command line accepts.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer Twilio's voice webhooks. The auth token is read from
    /// TWILIO_AUTH_TOKEN; without it, only a loopback address is allowed.
    Serve(ServeArgs),
    /// Print a school's reports for one school day.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (overrides `listen` in the config).
    #[arg(long)]
    pub listen: Option<SocketAddr>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long)]
    pub school: String,
    /// The school day, YYYY-MM-DD.
    #[arg(long)]
    pub date: chrono::NaiveDate,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}
