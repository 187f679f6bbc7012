//! The command line: argument definitions and what each command does.

mod args;
mod backup;
mod call_length;
mod demo_data;
mod export;
mod hash_password;
mod lint;
mod prompts;
mod purge;
mod roster;
mod serve;
mod simulate;

pub use args::{Cli, Command};

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(a) => serve::run(&cli.global, a),
        Command::Export(a) => export::run(&cli.global, a),
        Command::Roster(a) => roster::run(&cli.global, a),
        Command::Backup(a) => backup::run(&cli.global, a),
        Command::Purge(a) => purge::run(&cli.global, a),
        Command::Simulate(a) => simulate::run(&cli.global, a),
        Command::Prompts => prompts::run(&cli.global),
        Command::CallLength(a) => call_length::run(&cli.global, a),
        Command::Lint(a) => lint::run(&cli.global, a),
        Command::HashPassword => hash_password::run(),
        Command::DemoData(a) => demo_data::run(&cli.global, a),
    }
}
