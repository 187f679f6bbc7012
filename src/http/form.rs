//! The parameters of a Twilio webhook, read from its form body after the
//! signature over all of them has been checked.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::state::AppState;

/// A webhook whose signature checked out (or was not required).
pub struct Twilio {
    pub params: Vec<(String, String)>,
    /// The query string of the URL Twilio requested (our call state).
    pub query: Vec<(String, String)>,
}

impl Twilio {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A caller or called address (`From`, `To`), as stored in the call log.
    /// Twilio's are short: E.164, `client:…`, `sip:…`, `anonymous`. Anything
    /// longer than 64 characters or holding control characters is no
    /// address, and reads as none (an unknown caller).
    pub fn address(&self, name: &str) -> &str {
        self.param(name)
            .filter(|v| v.chars().count() <= 64 && !v.chars().any(char::is_control))
            .unwrap_or("")
    }

    /// The CallSid, for logs and keys; bounded and plain so it is safe to log.
    pub fn call_sid(&self) -> Option<&str> {
        self.param("CallSid")
            .filter(|s| (2..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
    }
}

pub struct Rejected(&'static str);

impl IntoResponse for Rejected {
    fn into_response(self) -> Response {
        (StatusCode::FORBIDDEN, self.0).into_response()
    }
}

impl FromRequest<AppState> for Twilio {
    type Rejection = Rejected;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let path_and_query = parts
            .uri
            .path_and_query()
            .map_or("/", |pq| pq.as_str())
            .to_owned();
        let given = parts
            .headers
            .get("x-twilio-signature")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|_| Rejected("unreadable body"))?;
        let params = parse_form(&body);
        if let Some(signer) = &state.0.signer {
            let url = format!("{}{}", state.0.public_base, path_and_query);
            let ok = given
                .as_deref()
                .is_some_and(|sig| signer.is_valid(&url, &params, sig));
            if !ok {
                tracing::warn!(path = %path_and_query.split('?').next().unwrap_or(""), "refused a webhook with a missing or wrong X-Twilio-Signature");
                state
                    .0
                    .metrics
                    .rejected_signatures
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return Err(Rejected("invalid X-Twilio-Signature"));
            }
        }
        let query = path_and_query
            .split_once('?')
            .map(|(_, q)| parse_form(q.as_bytes()))
            .unwrap_or_default();
        Ok(Twilio { params, query })
    }
}

/// `application/x-www-form-urlencoded` into owned pairs, exactly as the
/// `form_urlencoded` crate decodes it (a property test holds them equal),
/// in far fewer instructions: it runs on every webhook, over some twenty
/// parameters, and most names and values need no decoding at all.
fn parse_form(input: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(24);
    for piece in input.split(|&b| b == b'&') {
        if piece.is_empty() {
            continue;
        }
        let (name, value) = match piece.iter().position(|&b| b == b'=') {
            Some(i) => (&piece[..i], &piece[i + 1..]),
            None => (piece, &piece[..0]),
        };
        out.push((decode(name), decode(value)));
    }
    out
}

/// `+` is a space, `%XX` a byte (a malformed escape stays as written), and
/// bytes that are not UTF-8 become U+FFFD.
fn decode(s: &[u8]) -> String {
    let owned = |bytes: &[u8]| match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    if !s.iter().any(|&b| b == b'+' || b == b'%') {
        return owned(s);
    }
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut bytes = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => bytes.push(b' '),
            b'%' if i + 2 < s.len() => match (hex(s[i + 1]), hex(s[i + 2])) {
                (Some(h), Some(l)) => {
                    bytes.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => bytes.push(b'%'),
            },
            b => bytes.push(b),
        }
        i += 1;
    }
    owned(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(input: &[u8]) -> Vec<(String, String)> {
        form_urlencoded::parse(input).into_owned().collect()
    }

    #[test]
    fn addresses_are_bounded_and_plain() {
        let tw = Twilio {
            params: parse_form(
                format!(
                    "From=%2B819012345678&To=sip%3Aline%40example.jp&Caller={}&Called=a%0Ab",
                    "9".repeat(65)
                )
                .as_bytes(),
            ),
            query: Vec::new(),
        };
        assert_eq!(tw.address("From"), "+819012345678");
        assert_eq!(tw.address("To"), "sip:line@example.jp");
        assert_eq!(tw.address("Caller"), "", "too long to be a number");
        assert_eq!(tw.address("Called"), "", "a control character");
        assert_eq!(tw.address("Missing"), "");
    }

    #[test]
    fn decodes_twilio_bodies() {
        let body = b"CallSid=CA123&From=%2B819012345678&Digits=1%23&SpeechResult=hello+world&Caller=&=x&&novalue&bad=%zz%4";
        assert_eq!(parse_form(body), reference(body));
        assert_eq!(parse_form(body)[1], ("From".into(), "+819012345678".into()));
        assert_eq!(parse_form(b"a=%E5%AD%A6%E6%A0%A1")[0].1, "学校");
    }

    proptest! {
        #[test]
        fn decodes_exactly_as_form_urlencoded(input in proptest::collection::vec(
            prop_oneof![
                Just(b'%'), Just(b'+'), Just(b'&'), Just(b'='),
                proptest::sample::select(b"0123456789abcdefABCDEFxyz".to_vec()),
                any::<u8>(),
            ],
            0..64,
        )) {
            prop_assert_eq!(parse_form(&input), reference(&input));
        }
    }
}
