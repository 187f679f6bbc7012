//! Failed staff logins slow an attacker down: after too many failures for
//! one account from one address, that pair is refused for a while. Keyed by
//! account *and* address so that nobody can lock a school's staff out from
//! elsewhere; behind a proxy every client shares the proxy's address, and
//! then it is per account.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed within [`WINDOW`] before logins are refused.
pub const MAX_FAILURES: usize = 10;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// An account name and the address it was tried from.
type Key = (String, Option<IpAddr>);

#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<Key, Vec<Instant>>>,
}

impl LoginThrottle {
    /// How long until `account` from `ip` may try again, if it may not now.
    pub fn wait(&self, account: &str, ip: Option<IpAddr>, now: Instant) -> Option<Duration> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let list = map.get_mut(&(account.to_owned(), ip))?;
        list.retain(|t| now.duration_since(*t) < WINDOW);
        (list.len() >= MAX_FAILURES).then(|| WINDOW - now.duration_since(list[0]))
    }

    pub fn failed(&self, account: &str, ip: Option<IpAddr>, now: Instant) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Bound the memory an attacker can make us use.
        if map.len() > 10_000 {
            map.retain(|_, l| l.last().is_some_and(|t| now.duration_since(*t) < WINDOW));
        }
        let list = map
            .entry((account.chars().take(64).collect(), ip))
            .or_default();
        list.push(now);
        if list.len() > MAX_FAILURES {
            list.remove(0);
        }
    }

    pub fn succeeded(&self, account: &str, ip: Option<IpAddr>) {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&(account.to_owned(), ip));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_too_many_failures_per_account_and_address_only() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        let ip = Some("192.0.2.1".parse().unwrap());
        for _ in 0..MAX_FAILURES {
            assert!(t.wait("daiichi", ip, now).is_none());
            t.failed("daiichi", ip, now);
        }
        assert!(t.wait("daiichi", ip, now).is_some());
        assert!(
            t.wait("daiichi", Some("192.0.2.2".parse().unwrap()), now)
                .is_none(),
            "another address is not locked out"
        );
        assert!(
            t.wait("chuo", ip, now).is_none(),
            "another account is not locked out"
        );
        assert!(
            t.wait("daiichi", ip, now + WINDOW).is_none(),
            "the window passes"
        );
        t.succeeded("daiichi", ip);
        assert!(t.wait("daiichi", ip, now).is_none());
    }
}
