//! Twilio's request signature (`X-Twilio-Signature`), computed exactly as
//! Twilio computes it: the full URL it requested, then every POST parameter's
//! name and value sorted by name, HMAC-SHA1 keyed with the auth token, base64.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use subtle::ConstantTimeEq;

type HmacSha1 = Hmac<Sha1>;

/// The auth token, keyed into HMAC-SHA1 once: every webhook is checked
/// with a copy of this state instead of hashing the key again.
#[derive(Clone)]
pub struct Signer {
    keyed: HmacSha1,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer(<auth token>)")
    }
}

impl Signer {
    pub fn new(token: &[u8]) -> Signer {
        Signer {
            keyed: HmacSha1::new_from_slice(token).expect("HMAC takes a key of any length"),
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
        let mut mac = self.keyed.clone();
        mac.update(url.as_bytes());
        for (name, value) in sorted {
            mac.update(name.as_bytes());
            mac.update(value.as_bytes());
        }
        BASE64.encode(mac.finalize().into_bytes())
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
