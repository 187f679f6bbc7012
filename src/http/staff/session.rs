//! The staff session cookie `al_session`:
//! `base64url(payload) "." base64url(HMAC-SHA256(key, payload))`, where the
//! payload is `v1:<account>:<expires, unix seconds>:<nonce>:<password tag>`.
//! Nothing is kept on the server: a restart with the same key keeps
//! sessions, a new key ends them all. The password tag (a MAC of the
//! account's current password hash) ends an account's sessions when its
//! password changes.
//!
//! Signed by hand with `hmac` rather than `cookie`'s signed jar (or
//! axum-extra's `SignedCookieJar`): the jar signs only the cookie's value
//! and writes it as `base64(MAC) value`; the expiry, the password tag and
//! the CSRF token derived from the payload would stay here anyway, and the
//! format above, which a key-holding operator's tooling and the tests
//! (`a_changed_payload_is_refused`, tests/api/staff.rs's forged cookie)
//! rely on, would change, logging everyone out at the upgrade. Its
//! `Key` also wants 64 bytes where `ABSENCE_LINE_SESSION_KEY` takes 32.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::auth::Account;

type HmacSha256 = Hmac<Sha256>;

pub const COOKIE: &str = "al_session";
/// How long a login lasts: a school day and then some.
pub const LIFETIME_SECS: i64 = 12 * 60 * 60;
/// The shortest `ABSENCE_LINE_SESSION_KEY` accepted, in bytes.
pub const MIN_KEY_BYTES: usize = 32;

/// The server's session key.
pub struct Keys {
    key: Vec<u8>,
}

/// A session cookie that checked out (MAC and expiry; the password tag is
/// checked against the current config by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub account: Account,
    pub expires: i64,
    pub password_tag: String,
    /// The signed payload, from which the CSRF token is derived.
    pub payload: String,
}

impl Keys {
    pub fn new(key: Vec<u8>) -> Keys {
        Keys { key }
    }

    /// A random key, for a server started without one.
    pub fn random() -> Keys {
        Keys::new(rand::random::<[u8; 32]>().to_vec())
    }

    fn mac(&self, parts: &[&[u8]]) -> Vec<u8> {
        let mut mac =
            HmacSha256::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        for p in parts {
            mac.update(p);
        }
        mac.finalize().into_bytes().to_vec()
    }

    /// A short tag of an account's password hash.
    pub fn password_tag(&self, password_hash: &str) -> String {
        B64.encode(&self.mac(&[b"password:", password_hash.as_bytes()])[..9])
    }

    /// A new session cookie value for `account`.
    pub fn issue(&self, account: &Account, password_hash: &str, now: DateTime<Utc>) -> String {
        let nonce = B64.encode(rand::random::<[u8; 12]>());
        let payload = format!(
            "v1:{}:{}:{nonce}:{}",
            account.name(),
            now.timestamp() + LIFETIME_SECS,
            self.password_tag(password_hash)
        );
        let mac = self.mac(&[payload.as_bytes()]);
        format!("{}.{}", B64.encode(&payload), B64.encode(mac))
    }

    /// The claims of a cookie value, if it was made with this key and has
    /// not expired.
    pub fn open(&self, value: &str, now: DateTime<Utc>) -> Option<Claims> {
        let (payload, mac) = value.split_once('.')?;
        let payload = B64.decode(payload).ok()?;
        let mac = B64.decode(mac).ok()?;
        if !bool::from(self.mac(&[&payload]).ct_eq(&mac)) {
            return None;
        }
        let payload = String::from_utf8(payload).ok()?;
        let mut fields = payload.split(':');
        let (Some("v1"), Some(account), Some(expires), Some(_nonce), Some(tag), None) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            return None;
        };
        let account = Account::parse(account)?;
        let expires: i64 = expires.parse().ok()?;
        if expires <= now.timestamp() {
            return None;
        }
        Some(Claims {
            account,
            expires,
            password_tag: tag.to_owned(),
            payload: payload.clone(),
        })
    }

    /// The CSRF token of a session: every form it posts carries it.
    pub fn csrf(&self, payload: &str) -> String {
        B64.encode(self.mac(&[b"csrf", payload.as_bytes()]))
    }

    /// Whether `given` is the session's CSRF token (constant time).
    pub fn csrf_ok(&self, payload: &str, given: &str) -> bool {
        bool::from(self.csrf(payload).as_bytes().ct_eq(given.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SchoolId;

    fn keys() -> Keys {
        Keys::new(b"0123456789abcdef0123456789abcdef".to_vec())
    }

    #[test]
    fn a_cookie_opens_until_it_expires_and_only_with_its_key() {
        let k = keys();
        let now = Utc::now();
        let account = Account::School(SchoolId::parse("daiichi").unwrap());
        let c = k.issue(&account, "$argon2id$hash", now);
        let claims = k.open(&c, now).unwrap();
        assert_eq!(claims.account, account);
        assert_eq!(claims.password_tag, k.password_tag("$argon2id$hash"));
        assert_ne!(claims.password_tag, k.password_tag("$argon2id$other"));
        assert!(k.open(&c, now + chrono::Duration::hours(11)).is_some());
        assert!(k.open(&c, now + chrono::Duration::hours(12)).is_none());
        assert!(Keys::random().open(&c, now).is_none());
        assert!(
            k.issue(&account, "h", now) != k.issue(&account, "h", now),
            "each login is its own session"
        );
    }

    #[test]
    fn a_changed_payload_is_refused() {
        let k = keys();
        let now = Utc::now();
        let c = k.issue(&Account::School(SchoolId::parse("chuo").unwrap()), "h", now);
        let (payload, mac) = c.split_once('.').unwrap();
        let text = String::from_utf8(B64.decode(payload).unwrap()).unwrap();
        let forged = format!("{}.{mac}", B64.encode(text.replace(":chuo:", ":board:")));
        assert!(k.open(&forged, now).is_none());
        assert!(k.open("garbage", now).is_none());
        assert!(k.open("", now).is_none());
    }

    #[test]
    fn csrf_tokens_belong_to_one_session() {
        let k = keys();
        let now = Utc::now();
        let a = k.open(&k.issue(&Account::Board, "h", now), now).unwrap();
        let b = k.open(&k.issue(&Account::Board, "h", now), now).unwrap();
        let token = k.csrf(&a.payload);
        assert!(k.csrf_ok(&a.payload, &token));
        assert!(!k.csrf_ok(&b.payload, &token));
        assert!(!k.csrf_ok(&a.payload, ""));
    }
}
