//! Twilio's request signature (`X-Twilio-Signature`), computed exactly as
//! Twilio computes it: the full URL it requested, then every POST parameter's
//! name and value sorted by name, HMAC-SHA1 keyed with the auth token, base64.
//!
//! A webhook that matches one of the account's Webhook Rules is signed with
//! that rule's shared key instead, by the algorithm the request names in
//! `X-Twilio-Webhooks-Signature-Settings` (`key=…,algorithm=HMAC_SHA256`):
//! the same string, another key and hash. [`Verifier`] picks the key and
//! algorithm from that header, so turning shared keys on in Twilio does not
//! silently turn every call into a 403.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::Sha256;
use subtle::ConstantTimeEq;

type HmacSha1 = Hmac<Sha1>;
type HmacSha256 = Hmac<Sha256>;

/// A key, keyed into its HMAC once: every webhook is checked with a copy
/// of this state instead of hashing the key again.
#[derive(Clone)]
pub struct Signer {
    keyed: Keyed,
}

#[derive(Clone)]
enum Keyed {
    Sha1(HmacSha1),
    Sha256(HmacSha256),
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer(<key>)")
    }
}

impl Signer {
    /// HMAC-SHA1, Twilio's default (keyed with the account's auth token).
    pub fn new(token: &[u8]) -> Signer {
        Signer {
            keyed: Keyed::Sha1(
                HmacSha1::new_from_slice(token).expect("HMAC takes a key of any length"),
            ),
        }
    }

    /// HMAC-SHA256, for a shared key of a Webhook Setting.
    pub fn sha256(key: &[u8]) -> Signer {
        Signer {
            keyed: Keyed::Sha256(
                HmacSha256::new_from_slice(key).expect("HMAC takes a key of any length"),
            ),
        }
    }

    /// The signature Twilio would send for a form POST of `params` to `url`.
    pub fn compute<K: AsRef<str>, V: AsRef<str>>(&self, url: &str, params: &[(K, V)]) -> String {
        let mut sorted: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_ref()))
            .collect();
        // Twilio sorts by name, and a repeated name's values by value.
        sorted.sort_unstable();
        fn sign<M: Mac + Clone>(keyed: &M, url: &str, sorted: &[(&str, &str)]) -> String {
            let mut mac = keyed.clone();
            mac.update(url.as_bytes());
            for (name, value) in sorted {
                mac.update(name.as_bytes());
                mac.update(value.as_bytes());
            }
            BASE64.encode(mac.finalize().into_bytes())
        }
        match &self.keyed {
            Keyed::Sha1(k) => sign(k, url, &sorted),
            Keyed::Sha256(k) => sign(k, url, &sorted),
        }
    }

    /// Whether `signature` is Twilio's for this request. Like Twilio's own
    /// validators it accepts the signature computed with or without the
    /// default port (`:443`, `:80`) because Twilio is not consistent about
    /// including it. Each comparison is constant-time; the URL as requested
    /// is tried first, and the port variants only if it does not match
    /// (which variant matched is no secret).
    pub fn is_valid<K: AsRef<str>, V: AsRef<str>>(
        &self,
        url: &str,
        params: &[(K, V)],
        signature: &str,
    ) -> bool {
        let given = signature.trim().as_bytes();
        let matches = |u: &str| bool::from(self.compute(u, params).as_bytes().ct_eq(given));
        matches(url)
            || [with_default_port(url), without_default_port(url)]
                .iter()
                .flatten()
                .any(|u| matches(u))
    }
}

/// Every key a webhook may be signed with: the auth token (HMAC-SHA1,
/// when no settings header is sent) and the shared keys of Webhook Settings
/// (the current one and, while rotating, the previous one).
#[derive(Debug, Clone, Default)]
pub struct Verifier {
    token: Option<Signer>,
    shared: Vec<SharedKey>,
}

/// A shared key keyed for both algorithms a Webhook Setting can name.
#[derive(Debug, Clone)]
struct SharedKey {
    sha1: Signer,
    sha256: Signer,
}

/// Why a webhook's signature was refused; the log says which.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("missing or wrong X-Twilio-Signature")]
    Wrong,
    #[error(
        "Twilio signed this webhook with a shared key (X-Twilio-Webhooks-Signature-Settings: a Webhook Rule matches this URL) but TWILIO_WEBHOOK_SHARED_KEY is not set: set it to the rule's SharedKey secret, or remove the rule"
    )]
    NoSharedKey,
    #[error(
        "X-Twilio-Webhooks-Signature-Settings names an algorithm this server does not know ({0:?}); HMAC_SHA1 and HMAC_SHA256 are supported"
    )]
    UnknownAlgorithm(String),
}

impl Verifier {
    /// `token`: the auth token; `shared_keys`: shared key secrets, newest
    /// first. Empty values are ignored.
    pub fn new(token: Option<&str>, shared_keys: &[String]) -> Verifier {
        Verifier {
            token: token
                .filter(|t| !t.is_empty())
                .map(|t| Signer::new(t.as_bytes())),
            shared: shared_keys
                .iter()
                .filter(|k| !k.is_empty())
                .map(|k| SharedKey {
                    sha1: Signer::new(k.as_bytes()),
                    sha256: Signer::sha256(k.as_bytes()),
                })
                .collect(),
        }
    }

    /// Whether any key is set; without one signatures are not checked (and
    /// the server listens on loopback only).
    pub fn checks(&self) -> bool {
        self.token.is_some() || !self.shared.is_empty()
    }

    /// Check a form POST of `params` to `url`, given the request's
    /// `X-Twilio-Signature` and `X-Twilio-Webhooks-Signature-Settings`.
    pub fn verify<K: AsRef<str>, V: AsRef<str>>(
        &self,
        url: &str,
        params: &[(K, V)],
        signature: Option<&str>,
        settings: Option<&str>,
    ) -> Result<(), Refusal> {
        let signature = signature.ok_or(Refusal::Wrong)?;
        let Some(settings) = settings else {
            return match &self.token {
                Some(t) if t.is_valid(url, params, signature) => Ok(()),
                _ => Err(Refusal::Wrong),
            };
        };
        let sha256 = match algorithm(settings) {
            Some("HMAC_SHA256") => true,
            Some("HMAC_SHA1") => false,
            other => return Err(Refusal::UnknownAlgorithm(other.unwrap_or("").to_owned())),
        };
        if self.shared.is_empty() {
            return Err(Refusal::NoSharedKey);
        }
        let ok = self.shared.iter().any(|k| {
            let signer = if sha256 { &k.sha256 } else { &k.sha1 };
            signer.is_valid(url, params, signature)
        });
        if ok { Ok(()) } else { Err(Refusal::Wrong) }
    }
}

/// The `algorithm=` of `X-Twilio-Webhooks-Signature-Settings`
/// (`key=…,algorithm=HMAC_SHA256`), bounded so a log of it stays short.
fn algorithm(settings: &str) -> Option<&str> {
    settings
        .split(',')
        .filter_map(|part| part.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("algorithm"))
        .map(|(_, v)| v.trim())
        .filter(|v| v.len() <= 32 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

/// The signature Twilio would send for a form POST of `params` to `url`.
pub fn compute<K: AsRef<str>, V: AsRef<str>>(token: &[u8], url: &str, params: &[(K, V)]) -> String {
    Signer::new(token).compute(url, params)
}

/// [`Signer::is_valid`] with the token given.
pub fn is_valid<K: AsRef<str>, V: AsRef<str>>(
    token: &[u8],
    url: &str,
    params: &[(K, V)],
    signature: &str,
) -> bool {
    Signer::new(token).is_valid(url, params, signature)
}

/// Split `scheme://authority/rest` into its three parts.
fn split_url(url: &str) -> Option<(&str, &str, &str)> {
    let (scheme, after) = url.split_once("://")?;
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    Some((scheme, &after[..end], &after[end..]))
}

fn default_port(scheme: &str) -> Option<&'static str> {
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Some("443"),
        "http" => Some("80"),
        _ => None,
    }
}

fn host_has_port(authority: &str) -> bool {
    // Skip a bracketed IPv6 literal; a port follows its closing bracket.
    let host_end = authority.rfind(']').map_or(0, |i| i + 1);
    authority[host_end..].contains(':')
}

fn with_default_port(url: &str) -> Option<String> {
    let (scheme, authority, rest) = split_url(url)?;
    if host_has_port(authority) {
        return None;
    }
    let port = default_port(scheme)?;
    Some(format!("{scheme}://{authority}:{port}{rest}"))
}

fn without_default_port(url: &str) -> Option<String> {
    let (scheme, authority, rest) = split_url(url)?;
    let port = default_port(scheme)?;
    let host = authority.strip_suffix(port)?.strip_suffix(':')?;
    if host.is_empty() || host.ends_with(':') {
        return None;
    }
    Some(format!("{scheme}://{host}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twilio_vector_params() -> Vec<(String, String)> {
        [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+14158675309"),
            ("Digits", "1234"),
            ("From", "+14158675309"),
            ("To", "+18005551212"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const URL_443: &str = "https://mycompany.com:443/myapp.php?foo=1&bar=2";

    #[test]
    fn matches_twilios_published_vectors() {
        let p = twilio_vector_params();
        assert_eq!(compute(b"12345", URL, &p), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assert_eq!(
            compute(b"12345", URL_443, &p),
            "kvajT1Ptam85bY51eRf/AJRuM3w="
        );
    }

    #[test]
    fn parameter_order_does_not_matter() {
        let mut p = twilio_vector_params();
        p.reverse();
        assert_eq!(compute(b"12345", URL, &p), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    #[test]
    fn accepts_either_port_form_like_twilios_validator() {
        let p = twilio_vector_params();
        for url in [URL, URL_443] {
            assert!(is_valid(b"12345", url, &p, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
            assert!(is_valid(b"12345", url, &p, "kvajT1Ptam85bY51eRf/AJRuM3w="));
        }
    }

    #[test]
    fn refuses_a_wrong_token_url_or_parameter() {
        let p = twilio_vector_params();
        let good = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
        assert!(!is_valid(b"54321", URL, &p, good));
        assert!(!is_valid(
            b"12345",
            "https://mycompany.com/myapp.php?foo=1&bar=3",
            &p,
            good
        ));
        let mut changed = p.clone();
        changed[2].1 = "1235".into();
        assert!(!is_valid(b"12345", URL, &changed, good));
        assert!(!is_valid(b"12345", URL, &p, ""));
        // A non-default port is part of the URL, never stripped.
        assert!(!is_valid(
            b"12345",
            "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
            &p,
            good
        ));
    }

    #[test]
    fn a_shared_key_signs_with_the_algorithm_the_settings_header_names() {
        let p = twilio_vector_params();
        let v = Verifier::new(Some("12345"), &["shared-secret".into()]);
        let sha256 = Signer::sha256(b"shared-secret").compute(URL, &p);
        let sha1 = Signer::new(b"shared-secret").compute(URL, &p);
        assert_ne!(sha256, sha1);
        let with = |sig: &str, settings| v.verify(URL, &p, Some(sig), settings);
        let s256 = Some("key=KS0123,algorithm=HMAC_SHA256");
        let s1 = Some("key=KS0123,algorithm=HMAC_SHA1");
        assert_eq!(with(&sha256, s256), Ok(()));
        assert_eq!(with(&sha1, s1), Ok(()));
        assert_eq!(with(&sha1, s256), Err(Refusal::Wrong), "wrong algorithm");
        assert_eq!(
            with(&sha256, None),
            Err(Refusal::Wrong),
            "no header: the token"
        );
        assert_eq!(
            with("RSOYDt4T1cUTdK1PDd93/VVr8B8=", None),
            Ok(()),
            "the auth token still signs webhooks without a rule"
        );
        assert_eq!(
            with("RSOYDt4T1cUTdK1PDd93/VVr8B8=", s1),
            Err(Refusal::Wrong),
            "a settings header means the shared key, never the token"
        );
        assert_eq!(
            with(&sha256, Some("key=KS0123,algorithm=HMAC_MD5")),
            Err(Refusal::UnknownAlgorithm("HMAC_MD5".into()))
        );
        let token_only = Verifier::new(Some("12345"), &[]);
        assert_eq!(
            token_only.verify(URL, &p, Some(&sha256), s256),
            Err(Refusal::NoSharedKey)
        );
        assert_eq!(v.verify(URL, &p, None, s256), Err(Refusal::Wrong));
    }

    #[test]
    fn a_previous_shared_key_still_verifies_while_keys_rotate() {
        let p = twilio_vector_params();
        let v = Verifier::new(None, &["new-key".into(), "old-key".into()]);
        assert!(v.checks());
        let settings = Some("key=KS1,algorithm=HMAC_SHA256");
        for key in ["new-key", "old-key"] {
            let sig = Signer::sha256(key.as_bytes()).compute(URL, &p);
            assert_eq!(v.verify(URL, &p, Some(&sig), settings), Ok(()), "{key}");
        }
        let sig = Signer::sha256(b"another").compute(URL, &p);
        assert_eq!(v.verify(URL, &p, Some(&sig), settings), Err(Refusal::Wrong));
        assert!(!Verifier::new(Some(""), &["".into()]).checks());
    }

    #[test]
    fn port_variants() {
        assert_eq!(
            with_default_port("http://a.example/x").as_deref(),
            Some("http://a.example:80/x")
        );
        assert_eq!(
            without_default_port("http://a.example:80").as_deref(),
            Some("http://a.example")
        );
        assert_eq!(with_default_port("http://[::1]:8080/x"), None);
        assert_eq!(without_default_port("https://a.example:8443/x"), None);
    }
}
