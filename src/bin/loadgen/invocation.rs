//! What one `loadgen` invocation does: resolve the server, make the probe
//! call (it checks the flow and the signature and records the requests the
//! ceiling is given), then the runs asked for, each printed.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use absence_line::store::Store;
use anyhow::{Context, bail};
use fake_twilio::Signer;

use crate::args::{Args, SPAWN_SCHOOL};
use crate::attack::half_sent;
use crate::caller::{Caller, Load, Work};
use crate::pool::Pool;
use crate::report::{print_outcome, print_ratio};
use crate::run::{RunSpec, run_load};
use crate::script::{TO_KIND_MENU, default_call};
use crate::spawn::{Servers, SpawnDir};

pub fn count_reports(path: &Path) -> anyhow::Result<usize> {
    if !path.exists() {
        return Ok(0);
    }
    let store = Store::open(path).with_context(|| format!("opening {}", path.display()))?;
    Ok(store.reports_between("0000-01-01", "9999-12-31")?.len())
}

pub async fn run(
    args: &Args,
    spawn: Option<&SpawnDir>,
    servers: Option<&Servers>,
    pinned: bool,
) -> anyhow::Result<()> {
    let (addr, base, server_pid, store) = match (&args.target, spawn) {
        (Some(target), _) => {
            let t = target.trim_end_matches('/');
            let authority = t
                .strip_prefix("http://")
                .context("--target must be http://host:port")?;
            let addr = tokio::net::lookup_host(authority)
                .await
                .with_context(|| format!("resolving {authority}"))?
                .next()
                .with_context(|| format!("{authority} has no address"))?;
            let base = args
                .public_url
                .as_deref()
                .unwrap_or(t)
                .trim_end_matches('/')
                .to_owned();
            let store = args
                .data_dir
                .as_ref()
                .map(|d| d.join(format!("{}.sqlite", args.school)));
            (addr, base, args.server_pid, store)
        }
        (None, Some(dir)) => {
            let addr = servers
                .and_then(|s| s.app)
                .context("the in-process server did not start")?;
            (addr, format!("http://{addr}"), None, Some(dir.store_path()))
        }
        (None, None) => bail!("give --target URL or --spawn"),
    };
    if args.spawn && args.school != SPAWN_SCHOOL {
        bail!("--spawn configures the school {SPAWN_SCHOOL}; leave out --school");
    }
    let reports_before = match &store {
        Some(p) => Some(count_reports(p)?),
        None => None,
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let run_id = (nanos as u64) ^ (u64::from(std::process::id()) << 40);
    // Distinct 4–8 digit student numbers: a fresh store starts at 1000; a
    // running server's store may have today's reports from earlier runs, so
    // start somewhere else in the range.
    let student_base = if args.spawn {
        1000
    } else {
        1000 + run_id % 50_000_000
    };

    // One probe call: checks the flow and the signature, and records the
    // requests the ceiling is given.
    let probe_load = Arc::new(Load {
        pool: Pool::new(addr, 1),
        signer: Signer::new(&args.token),
        base: base.clone(),
        school: args.school.clone(),
        think: Duration::ZERO,
        work: Work::Walk,
        status_callback: true,
        handed_out: AtomicU64::new(0),
        limit: None,
        seconds: None,
        next_call: AtomicU64::new(0),
        run_id,
        student_base,
        in_call: AtomicUsize::new(0),
        stopping: AtomicBool::new(false),
    });
    let mut probe = Caller::new(probe_load, 0);
    probe.new_call();
    let mut script = Vec::new();
    let moves = default_call(&probe.student, !args.no_status_callback);
    if probe.walk(&moves, Some(&mut script)).await.is_err() {
        bail!(
            "the probe call failed: {}",
            probe.tally.first_error.unwrap_or_default()
        );
    }

    let callers = args.in_progress.unwrap_or(args.connections);
    let whole_calls = !args.menu_step;
    let shape = if args.menu_step {
        "one menu step (kind menu, key 2) repeated".to_owned()
    } else {
        format!("whole default calls ({} webhooks each)", script.len())
    };
    let placement = if pinned {
        format!(
            "server on CPU {}, load on CPU {}",
            args.server_core, args.load_core
        )
    } else {
        "unpinned".to_owned()
    };
    let run_length = match (args.calls, args.seconds) {
        (Some(n), _) => format!("{n} {}", if args.menu_step { "requests" } else { "calls" }),
        (None, s) => format!("{} s", s.unwrap_or(10.0)),
    };
    println!(
        "loadgen: {shape}; {callers} callers over {} connections, think {} ms, {run_length}; {placement}",
        args.connections, args.think_ms
    );
    let own_pid = std::process::id();
    let rss_pid = if args.in_progress.is_some() {
        server_pid.or(Some(own_pid))
    } else {
        server_pid
    };
    // This server's runs: the usual one, and the one under --attack.
    let own_run = |label: String, run_id: u64, first_call: u64| RunSpec {
        label,
        addr,
        base: base.clone(),
        work: if args.menu_step {
            Work::Menu
        } else {
            Work::Walk
        },
        callers,
        server_pid,
        rss_pid,
        args,
        student_base,
        run_id,
        first_call,
    };
    let label = if args.spawn {
        "absence-line (in-process)".to_owned()
    } else {
        format!("absence-line at {addr}")
    };
    let real = run_load(own_run(label, run_id, 1)).await;
    print_outcome(&real, whole_calls, args.in_progress.is_some());
    if rss_pid == Some(own_pid) {
        println!("                    (VmRSS of this process: server and load generator together)");
    }
    if let (Some(p), Some(before)) = (&store, reports_before) {
        let after = count_reports(p)?;
        println!(
            "  stored reports    {} new in the store ({} calls completed + 1 probe call)",
            after.saturating_sub(before),
            real.tally.completed
        );
    }

    if let Some(n) = args.attack {
        let stop = Arc::new(AtomicBool::new(false));
        let opened = Arc::new(AtomicU64::new(0));
        let path = format!("/voice/{}/step?s=kind&l=ja", args.school);
        // Started over 5 s (the server's body deadline), so that they are
        // cut off and come back spread out, as a steady attack is, rather
        // than all at once.
        for i in 0..n {
            let after = Duration::from_millis(5_000 * i as u64 / n as u64);
            tokio::spawn(half_sent(
                addr,
                path.clone(),
                after,
                stop.clone(),
                opened.clone(),
            ));
        }
        // Let the attack take hold before the callers come.
        tokio::time::sleep(Duration::from_secs(6)).await;
        let before = match &store {
            Some(p) => Some(count_reports(p)?),
            None => None,
        };
        let label = format!("the same, while {n} half-sent unsigned webhooks are held open");
        let attacked = run_load(own_run(label, run_id ^ 2, 1_000_000)).await;
        stop.store(true, Ordering::Relaxed);
        print_outcome(&attacked, whole_calls, args.in_progress.is_some());
        println!(
            "  attack            {n} held at once; {} opened in all",
            opened.load(Ordering::Relaxed)
        );
        if let (Some(p), Some(before)) = (&store, before) {
            println!(
                "  stored reports    {} new in the store ({} calls completed)",
                count_reports(p)?.saturating_sub(before),
                attacked.tally.completed
            );
        }
    }

    if args.ceiling {
        let ceiling_addr = servers
            .and_then(|s| s.ceiling)
            .context("the ceiling server did not start")?;
        let work = if args.menu_step {
            Work::ReplayOne(script[TO_KIND_MENU].clone())
        } else {
            Work::Replay(Arc::new(script))
        };
        let ceiling = run_load(RunSpec {
            label: "ceiling: minimal axum handler (in-process)".to_owned(),
            addr: ceiling_addr,
            base: format!("http://{ceiling_addr}"),
            work,
            callers,
            server_pid: None,
            rss_pid: None,
            args,
            student_base,
            run_id: run_id ^ 1,
            first_call: 1,
        })
        .await;
        print_outcome(&ceiling, whole_calls, false);
        print_ratio(&real, &ceiling, whole_calls);
    }
    Ok(())
}
