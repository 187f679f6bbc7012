//! CPUs, CPU time, memory: pinning threads, and reading what the server,
//! the load generator and the rest of the machine spent.

use std::time::Duration;

#[cfg(target_os = "linux")]
pub fn pin_current_thread(core: usize) -> bool {
    // SAFETY: a zeroed cpu_set_t is the empty set; CPU_SET writes inside it;
    // sched_setaffinity(0, …) reads it for the calling thread.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(core, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) == 0
    }
}

#[cfg(not(target_os = "linux"))]
pub fn pin_current_thread(_core: usize) -> bool {
    false
}

#[cfg(target_os = "linux")]
pub fn cpu_time(who: libc::c_int) -> Duration {
    let mut ru = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; zeroed is a valid rusage.
    let ru = unsafe {
        libc::getrusage(who, ru.as_mut_ptr());
        ru.assume_init()
    };
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

/// (this process, this thread): CPU time so far.
#[cfg(target_os = "linux")]
pub fn own_cpu() -> (Duration, Duration) {
    (cpu_time(libc::RUSAGE_SELF), cpu_time(libc::RUSAGE_THREAD))
}

#[cfg(not(target_os = "linux"))]
pub fn own_cpu() -> (Duration, Duration) {
    (Duration::ZERO, Duration::ZERO)
}

/// Another process's CPU time (user + system), from /proc/<pid>/stat.
pub fn process_cpu(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat(5); `after` starts at field 3.
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    #[cfg(target_os = "linux")]
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    #[cfg(not(target_os = "linux"))]
    let hz = 100;
    Some(Duration::from_nanos(ticks * 1_000_000_000 / hz))
}

/// CPU time the whole machine spent busy (all CPUs), from /proc/stat.
pub fn machine_busy() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let f: Vec<u64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal …
    let busy = f.iter().take(8).sum::<u64>() - f.get(3)? - f.get(4)?;
    #[cfg(target_os = "linux")]
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    #[cfg(not(target_os = "linux"))]
    let hz = 100;
    Some(Duration::from_nanos(busy * 1_000_000_000 / hz))
}

/// VmRSS of a process, in kB.
pub fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}
