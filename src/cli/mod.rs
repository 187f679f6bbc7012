//! The command line: argument definitions and what each command does.

mod args;
mod export;
mod serve;

pub use args::{Cli, Command};

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(a) => serve::run(&cli.global, a),
        Command::Export(a) => export::run(&cli.global, a),
    }
}
