//! Reading and writing the staff pages' two cookies.
//!
//! Not the `cookie` crate: its `Set-Cookie` puts the attributes in an order
//! of its own (`HttpOnly; SameSite=Strict; Secure; Path=/; Max-Age=…`),
//! which changes the header byte for byte that the test below holds, for
//! twenty lines of code that need nothing more.

use axum::http::{HeaderMap, HeaderValue, header};

/// The value of cookie `name` in the request, if sent.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"'))
}

/// A `Set-Cookie` value. `value` must be cookie-safe (base64url, `.`, tags).
pub fn set(
    name: &str,
    value: &str,
    max_age_secs: i64,
    http_only: bool,
    secure: bool,
) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; Max-Age={max_age_secs}; SameSite=Strict");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).expect("cookie values are plain ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_one_cookie_among_several() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; al_session=x.y"),
        );
        h.append(header::COOKIE, HeaderValue::from_static("al_lang=en"));
        assert_eq!(get(&h, "al_session"), Some("x.y"));
        assert_eq!(get(&h, "al_lang"), Some("en"));
        assert_eq!(get(&h, "b"), None);
        let v = set("al_session", "v", 60, true, true);
        assert_eq!(
            v,
            "al_session=v; Path=/; Max-Age=60; SameSite=Strict; HttpOnly; Secure"
        );
    }
}
