//! Failed staff logins and export tokens slow an attacker down. Each try
//! reserves its place *before* the slow password check and keeps it while
//! the check runs, so guesses sent all at once are counted like guesses sent
//! one by one: ten failures per window mean ten, however they arrive.
//!
//! Two limits, both counted over [`WINDOW`]:
//! - per account (or export token of a school) *and* address: [`MAX_FAILURES`];
//!   keyed by both so that nobody can lock a school's staff out from
//!   elsewhere;
//! - per address across every name: [`ADDRESS_MAX_FAILURES`], so that
//!   rotating account names does not buy more guesses (nor more Argon2
//!   work). An IPv6 address counts by its /64, which one client usually has
//!   whole.
//!
//! Behind a proxy every client shares the proxy's address: the first limit
//! is then per account, the second for everyone together.
//!
//! Hand-written, not `governor`: its GCRA limits *tries* and refills one
//! cell every `WINDOW / limit` (90 s here), so an attacker would get ten
//! guesses and then one more every 90 s, about twenty per 15 minutes, where
//! these rules allow ten. And it has no way to give a cell back: a right
//! password here clears the pair's failures, a try whose check never ran
//! (every Argon2 worker busy: 503) is forgotten, and only failures count.
//! What remains would be this file's books kept beside the crate's.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed per account and address within [`WINDOW`].
pub const MAX_FAILURES: usize = 10;
/// Failures allowed per address, whatever the names, within [`WINDOW`].
pub const ADDRESS_MAX_FAILURES: usize = 30;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// What a refusal says when only tries still being checked fill the limit:
/// they end within a second or so, and may all turn out right.
const IN_FLIGHT_WAIT: Duration = Duration::from_secs(1);
/// Past this many remembered keys, forgotten ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

/// What is being tried: a staff login, or a school's export token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Door {
    Login,
    Token,
}

/// Where tries come from: an address, an IPv6 address by its /64.
type Source = Option<IpAddr>;

fn source(ip: Option<IpAddr>) -> Source {
    Some(match ip?.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !0u128 << 64).into()),
        v4 => v4,
    })
}

/// A door, the name tried at it (cut to 64 characters), and the source.
type Key = (Door, String, Source);

/// Recent failures and the tries being checked now, of one key.
#[derive(Default)]
struct Tries {
    failures: Vec<Instant>,
    in_flight: usize,
}

impl Tries {
    /// How long until one more try fits under `limit`, if it does not now.
    fn wait(&mut self, limit: usize, now: Instant) -> Option<Duration> {
        self.failures.retain(|t| now.duration_since(*t) < WINDOW);
        if self.failures.len() + self.in_flight < limit {
            return None;
        }
        Some(match self.failures.len().checked_sub(limit) {
            // The oldest failure that still counts leaves the window.
            Some(extra) => WINDOW - now.duration_since(self.failures[extra]),
            None => IN_FLIGHT_WAIT,
        })
    }

    fn fail(&mut self, limit: usize, now: Instant) {
        self.failures.push(now);
        if self.failures.len() > limit {
            self.failures.remove(0);
        }
    }

    fn forgotten(&self, now: Instant) -> bool {
        self.in_flight == 0
            && self
                .failures
                .last()
                .is_none_or(|t| now.duration_since(*t) >= WINDOW)
    }
}

#[derive(Default)]
struct Books {
    pairs: HashMap<Key, Tries>,
    sources: HashMap<Source, Tries>,
    /// Sizes above which each map is swept again: twice what the last
    /// sweep left, so that a flood of live entries is not scanned on every
    /// try.
    pairs_above: usize,
    sources_above: usize,
}

/// Forget the entries of `map` that no longer count, once it has grown
/// past `above` (at least [`SWEEP_ABOVE`]).
fn sweep<K>(map: &mut HashMap<K, Tries>, above: &mut usize, now: Instant) {
    if map.len() > (*above).max(SWEEP_ABOVE) {
        map.retain(|_, t| !t.forgotten(now));
        *above = map.len() * 2;
    }
}

#[derive(Default)]
pub struct LoginThrottle {
    books: Mutex<Books>,
}

/// One try, reserved: it counts against both limits until it is dropped.
/// Dropped after [`Attempt::failed`] it stays counted as a failure; after
/// [`Attempt::succeeded`] it clears the account's failures from that
/// address; dropped otherwise (the check never ran) it is forgotten.
#[must_use]
pub struct Attempt<'a> {
    throttle: &'a LoginThrottle,
    key: Key,
    outcome: Outcome,
}

enum Outcome {
    Unchecked,
    Failed(Instant),
    Succeeded,
}

impl LoginThrottle {
    /// Reserve a try of `name` at `door` from `ip`, or say how long until
    /// one may be made.
    pub fn reserve(
        &self,
        door: Door,
        name: &str,
        ip: Option<IpAddr>,
        now: Instant,
    ) -> Result<Attempt<'_>, Duration> {
        let key: Key = (door, name.chars().take(64).collect(), source(ip));
        let mut books = self.books.lock().unwrap_or_else(|p| p.into_inner());
        let Books {
            pairs,
            sources,
            pairs_above,
            sources_above,
        } = &mut *books;
        // Bound the memory an attacker can make us use.
        sweep(pairs, pairs_above, now);
        sweep(sources, sources_above, now);
        let by_source = sources.entry(key.2).or_default();
        let by_pair = pairs.entry(key.clone()).or_default();
        let wait = [
            by_pair.wait(MAX_FAILURES, now),
            by_source.wait(ADDRESS_MAX_FAILURES, now),
        ]
        .into_iter()
        .flatten()
        .max();
        if let Some(wait) = wait {
            return Err(wait);
        }
        by_pair.in_flight += 1;
        by_source.in_flight += 1;
        Ok(Attempt {
            throttle: self,
            key,
            outcome: Outcome::Unchecked,
        })
    }
}

impl Attempt<'_> {
    pub fn failed(mut self, now: Instant) {
        self.outcome = Outcome::Failed(now);
    }

    pub fn succeeded(mut self) {
        self.outcome = Outcome::Succeeded;
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        let mut books = self
            .throttle
            .books
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let Books { pairs, sources, .. } = &mut *books;
        if let Some(t) = sources.get_mut(&self.key.2) {
            t.in_flight -= 1;
            if let Outcome::Failed(now) = self.outcome {
                t.fail(ADDRESS_MAX_FAILURES, now);
            }
            if t.in_flight == 0 && t.failures.is_empty() {
                sources.remove(&self.key.2);
            }
        }
        if let Some(t) = pairs.get_mut(&self.key) {
            t.in_flight -= 1;
            match self.outcome {
                Outcome::Failed(now) => t.fail(MAX_FAILURES, now),
                Outcome::Succeeded => t.failures.clear(),
                Outcome::Unchecked => {}
            }
            if t.in_flight == 0 && t.failures.is_empty() {
                pairs.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn fail(t: &LoginThrottle, name: &str, from: &str, now: Instant) {
        t.reserve(Door::Login, name, ip(from), now)
            .expect("may try")
            .failed(now);
    }

    #[test]
    fn refuses_after_too_many_failures_per_account_and_address_only() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        let from = "192.0.2.1";
        for _ in 0..MAX_FAILURES {
            fail(&t, "daiichi", from, now);
        }
        assert!(t.reserve(Door::Login, "daiichi", ip(from), now).is_err());
        assert!(
            t.reserve(Door::Login, "daiichi", ip("192.0.2.2"), now)
                .is_ok(),
            "another address is not locked out"
        );
        assert!(
            t.reserve(Door::Login, "chuo", ip(from), now).is_ok(),
            "another account is not locked out"
        );
        assert!(
            t.reserve(Door::Token, "daiichi", ip(from), now).is_ok(),
            "nor the school's export token"
        );
        assert!(
            t.reserve(Door::Login, "daiichi", ip(from), now + WINDOW)
                .is_ok(),
            "the window passes"
        );
    }

    #[test]
    fn tries_being_checked_count_against_the_limit() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        let held: Vec<_> = (0..MAX_FAILURES)
            .map(|_| {
                t.reserve(Door::Login, "daiichi", ip("192.0.2.1"), now)
                    .unwrap()
            })
            .collect();
        assert_eq!(
            t.reserve(Door::Login, "daiichi", ip("192.0.2.1"), now)
                .err(),
            Some(IN_FLIGHT_WAIT),
            "ten tries in flight leave no room for an eleventh"
        );
        drop(held);
        assert!(
            t.reserve(Door::Login, "daiichi", ip("192.0.2.1"), now)
                .is_ok(),
            "a try that was never checked is forgotten"
        );
    }

    #[test]
    fn a_success_clears_the_accounts_failures_from_that_address() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..MAX_FAILURES - 1 {
            fail(&t, "daiichi", "192.0.2.1", now);
        }
        t.reserve(Door::Login, "daiichi", ip("192.0.2.1"), now)
            .unwrap()
            .succeeded();
        for _ in 0..MAX_FAILURES {
            fail(&t, "daiichi", "192.0.2.1", now);
        }
        assert!(
            t.reserve(Door::Login, "daiichi", ip("192.0.2.1"), now)
                .is_err()
        );
    }

    #[test]
    fn rotating_names_from_one_address_is_limited_too() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        for i in 0..ADDRESS_MAX_FAILURES {
            fail(&t, &format!("guess-{i}"), "192.0.2.1", now);
        }
        assert!(
            t.reserve(Door::Login, "another", ip("192.0.2.1"), now)
                .is_err()
        );
        assert!(
            t.reserve(Door::Token, "daiichi", ip("192.0.2.1"), now)
                .is_err(),
            "both doors share the address's limit"
        );
        assert!(
            t.reserve(Door::Login, "another", ip("192.0.2.9"), now)
                .is_ok()
        );
    }

    #[test]
    fn an_ipv6_client_counts_by_its_64() {
        let t = LoginThrottle::default();
        let now = Instant::now();
        for i in 0..ADDRESS_MAX_FAILURES {
            fail(
                &t,
                &format!("guess-{i}"),
                &format!("2001:db8:1:2::{i:x}"),
                now,
            );
        }
        let same_64 = ip("2001:db8:1:2:ffff::1");
        assert!(t.reserve(Door::Login, "x", same_64, now).is_err());
        assert!(
            t.reserve(Door::Login, "x", ip("2001:db8:1:3::1"), now)
                .is_ok()
        );
        assert_eq!(source(ip("::ffff:192.0.2.1")), ip("192.0.2.1"));
    }
}
