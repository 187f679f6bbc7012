//! Export tokens that were checked and found right, remembered for a few
//! minutes, so that a records system fetching several exports in a row
//! pays one Argon2 check, not one per request, and still gets in while the
//! password checks are busy or its address is throttled (only the right
//! token can be found here). Remembered by a SHA-256 of the school, its
//! configured token hash and the token: never the token itself, and a
//! changed `staff_token_hash` no longer matches.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// How long a checked token is remembered.
pub const TTL: Duration = Duration::from_secs(10 * 60);
/// At most this many tokens are remembered: one or two per school's
/// records system.
const CAPACITY: usize = 256;

type Fingerprint = [u8; 32];

fn fingerprint(school: &str, token_hash: &str, token: &str) -> Fingerprint {
    let mut h = Sha256::new();
    for part in [school, token_hash, token] {
        // Length first, so that no two different triples run together.
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().into()
}

#[derive(Default)]
pub struct TokenCache {
    checked: Mutex<HashMap<Fingerprint, Instant>>,
}

impl TokenCache {
    /// Whether `token` was found right for `school` with `token_hash`
    /// within [`TTL`] of `now`.
    pub fn knows(&self, school: &str, token_hash: &str, token: &str, now: Instant) -> bool {
        let fp = fingerprint(school, token_hash, token);
        let map = self.checked.lock().unwrap_or_else(|p| p.into_inner());
        map.get(&fp).is_some_and(|at| now.duration_since(*at) < TTL)
    }

    /// Remember that `token` is right for `school` with `token_hash`.
    pub fn remember(&self, school: &str, token_hash: &str, token: &str, now: Instant) {
        let fp = fingerprint(school, token_hash, token);
        let mut map = self.checked.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= CAPACITY {
            map.retain(|_, at| now.duration_since(*at) < TTL);
        }
        if map.len() < CAPACITY || map.contains_key(&fp) {
            map.insert(fp, now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_token_is_known_for_its_school_and_hash_until_it_expires() {
        let c = TokenCache::default();
        let now = Instant::now();
        assert!(!c.knows("daiichi", "$argon2id$h", "tok", now));
        c.remember("daiichi", "$argon2id$h", "tok", now);
        assert!(c.knows("daiichi", "$argon2id$h", "tok", now + TTL / 2));
        assert!(!c.knows("daiichi", "$argon2id$h", "tok", now + TTL));
        assert!(
            !c.knows("chuo", "$argon2id$h", "tok", now),
            "another school"
        );
        assert!(
            !c.knows("daiichi", "$argon2id$new", "tok", now),
            "a changed hash"
        );
        assert!(!c.knows("daiichi", "$argon2id$h", "tok2", now));
    }
}
