//! `loadgen`: many parents phoning at once, as Twilio would relay them.
//!
//! Each simulated caller has its own CallSid, caller number and student
//! number, and walks the whole default call (language 1, student number + #,
//! absence, illness, fever, 38.5, today, no message, confirm, then silence →
//! goodbye, then Twilio's status callback) by following the `<Gather action>`
//! / `<Redirect>` of each TwiML answer, every request signed with
//! `X-Twilio-Signature` exactly as Twilio signs it. A call counts as
//! completed only when the caller heard the reference number (the TwiML after
//! "confirm" waits at `s=saved` with `a.reference=` in its action).
//!
//! `--ceiling` runs the same load (same requests, connections and think
//! time) against a minimal axum handler in this process that only parses the
//! form and answers fixed TwiML, and prints every figure as a ratio to it.
//!
//! The client is hyper's HTTP/1.1 connection API over a fixed pool of
//! `--connections` keep-alive connections, on one single-threaded runtime.
//! With `--spawn` the server runs in this process on its own runtime (one
//! worker thread, like `absence-line serve` under `taskset -c 0`), pinned to
//! `--server-core`; the load runs on `--load-core`. Figures in BENCHMARKS.md.
//!
//! Webhook parameters, signatures, TwiML reading and the call's keys come
//! from the fake Twilio kit (`crates/fake-twilio`), shared with the tests
//! and the fuzz target. This file starts the servers and the runtime;
//! `invocation` does what the command line asks.

mod args;
mod attack;
mod caller;
mod ceiling;
mod invocation;
mod measure;
mod pool;
mod report;
mod run;
mod script;
mod spawn;

use anyhow::{Context, bail};
use clap::Parser;

use args::Args;
use measure::pin_current_thread;
use spawn::{SpawnDir, start_servers};

/// The same allocator as the server, so that the ceiling handler in this
/// process is measured on equal terms.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    match run_main(Args::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("loadgen: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run_main(args: Args) -> anyhow::Result<()> {
    if args.connections == 0 {
        bail!("--connections must be at least 1");
    }
    if args.in_progress.is_some() && args.think_ms == 0 {
        bail!(
            "--in-progress needs --think-ms: callers without think time are not waiting at a menu"
        );
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pin = !args.no_pin && args.server_core < cores && args.load_core < cores;
    if !args.no_pin && !pin {
        eprintln!("loadgen: {cores} CPU(s): not pinning");
    }
    let spawn = if args.spawn {
        Some(SpawnDir::create(&args.assets, args.keep)?)
    } else {
        None
    };
    // The in-process servers first, on their own pinned thread, so that
    // their runtime's threads (and the store's blocking threads, started
    // from them) inherit its CPU and not the load generator's.
    let servers = if spawn.is_some() || args.ceiling {
        Some(start_servers(
            spawn.as_ref().map(|d| d.config.clone()),
            args.ceiling,
            pin.then_some(args.server_core),
        )?)
    } else {
        None
    };
    if pin && !pin_current_thread(args.load_core) {
        eprintln!("loadgen: could not pin the load to CPU {}", args.load_core);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the load generator's runtime")?;
    let result = rt.block_on(invocation::run(
        &args,
        spawn.as_ref(),
        servers.as_ref(),
        pin,
    ));
    drop(spawn);
    result
}
