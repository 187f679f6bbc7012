//! The command line.

use std::path::PathBuf;

use clap::Parser;

/// The token `--spawn` gives its server (and the default `--token`).
pub const SPAWN_TOKEN: &str = "loadgen-auth-token-0123456789abcdef";
/// The school `--spawn` configures: no roster, so any 4–8 digit number works.
pub const SPAWN_SCHOOL: &str = "loadtest";
/// Twilio gives up on a webhook after 15 s.

#[derive(Debug, Parser)]
#[command(
    name = "loadgen",
    about = "Many simulated callers walking whole default calls over signed Twilio webhooks"
)]
pub struct Args {
    /// A running server's base URL, e.g. http://127.0.0.1:8080. Requests are
    /// signed for this base unless --public-url says otherwise (it must be the
    /// server's `public_url`, or its listen address when that is unset).
    #[arg(long, required_unless_present = "spawn", conflicts_with = "spawn")]
    pub target: Option<String>,
    /// Start the server in this process instead: 127.0.0.1:0, a temporary
    /// data directory, one school without a roster.
    #[arg(long)]
    pub spawn: bool,
    /// The base URL signatures are computed over (with --target).
    #[arg(long, requires = "target")]
    pub public_url: Option<String>,
    /// The server's TWILIO_AUTH_TOKEN (with --target).
    #[arg(long, env = "TWILIO_AUTH_TOKEN", default_value = SPAWN_TOKEN, hide_env_values = true)]
    pub token: String,
    /// The school to call (with --target; --spawn configures `loadtest`).
    #[arg(long, default_value = SPAWN_SCHOOL)]
    pub school: String,
    /// Keep-alive HTTP/1.1 connections to the server (the most requests in flight).
    #[arg(long, default_value_t = 64)]
    pub connections: usize,
    /// Stop after this many calls (with --menu-step: step requests).
    #[arg(long, conflicts_with = "seconds")]
    pub calls: Option<u64>,
    /// Stop after this many seconds (default 10 when --calls is not given);
    /// calls still going then are abandoned.
    #[arg(long)]
    pub seconds: Option<f64>,
    /// Each caller waits about this long before every key press or silence
    /// (each wait is drawn uniformly from ½ to 1½ times it, so that callers
    /// do not move in step).
    #[arg(long, default_value_t = 0)]
    pub think_ms: u64,
    /// Repeat one menu step (the kind menu, key 2 → the reason menu) instead
    /// of whole calls; each caller first dials and enters a student number.
    #[arg(long)]
    pub menu_step: bool,
    /// Hold this many calls in progress at once (callers, each with think
    /// time between steps, over --connections connections) and sample the
    /// server's resident memory.
    #[arg(long)]
    pub in_progress: Option<usize>,
    /// Also run the same load against a minimal axum handler (parse the form,
    /// answer fixed TwiML) in this process, and print the ratios.
    #[arg(long)]
    pub ceiling: bool,
    /// The server's process id (with --target): its CPU time and VmRSS.
    #[arg(long, requires = "target")]
    pub server_pid: Option<u32>,
    /// The server's data directory (with --target): count the reports stored.
    #[arg(long, requires = "target")]
    pub data_dir: Option<PathBuf>,
    /// Pin the in-process server (--spawn, --ceiling) to this CPU.
    #[arg(long, default_value_t = 0)]
    pub server_core: usize,
    /// Pin the load generator to this CPU.
    #[arg(long, default_value_t = 1)]
    pub load_core: usize,
    /// Do not pin threads to CPUs.
    #[arg(long)]
    pub no_pin: bool,
    /// Leave out Twilio's status callback at the end of each call.
    #[arg(long)]
    pub no_status_callback: bool,
    /// Where `call-flows/`, `locales/` and `prompts/` are (with --spawn).
    #[arg(long, default_value = env!("CARGO_MANIFEST_DIR"))]
    pub assets: PathBuf,
    /// Keep the temporary directory of --spawn (config, stores, server.log).
    #[arg(long)]
    pub keep: bool,
    /// After the run, run the same load again while this many unsigned,
    /// half-sent webhooks (headers and two bytes of a 100-byte body, to
    /// `/voice/<school>/step`) are held open at once, each reopened as soon
    /// as the server closes it; print both runs. The denial of service of
    /// issue 10, bounded, on loopback.
    #[arg(long)]
    pub attack: Option<usize>,
}
