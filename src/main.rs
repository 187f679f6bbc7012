//! The `absence-line` command: parse the arguments, hand over to the library.

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

/// Many small, short-lived allocations per webhook: mimalloc serves them
/// with far fewer instructions than glibc's malloc (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    match absence_line::cli::run(absence_line::cli::Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The whole chain of causes, without a backtrace: these are
            // messages for the person at the terminal.
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
