//! The parameters of a Twilio webhook, read from its form body after the
//! signature over all of them has been checked.

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use super::signature::Refusal;
use crate::http::AppState;
use crate::http::log_limit::{LogLimit, short_path};

/// A webhook whose signature checked out (or was not required).
#[derive(Clone)]
pub struct Twilio {
    pub params: Pairs,
    /// The query string of the URL Twilio requested (our call state).
    pub query: Pairs,
}

/// Decoded `name=value` pairs, in order, all in one string: a webhook's
/// twenty-odd parameters cost two allocations, not forty.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pairs {
    text: String,
    /// Each pair: the name is `text[a..b]`, the value `text[b..c]`.
    spans: Vec<(usize, usize, usize)>,
}

impl Pairs {
    /// The first value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.spans
            .iter()
            .map(|&(a, b, c)| (&self.text[a..b], &self.text[b..c]))
    }
}

impl Twilio {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name)
    }

    pub fn query(&self, name: &str) -> Option<&str> {
        self.query.get(name)
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

    /// The webhook the admission layer (`shed`) already read and checked,
    /// before it gave the request a permit; read and checked here only if
    /// the request came another way.
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        if let Some(tw) = parts.extensions.remove::<Twilio>() {
            return Ok(tw);
        }
        // The body limit is a layer around the body, so this honours it.
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .map_err(|_| Rejected("unreadable body"))?;
        verify(state, &parts, &body)
    }
}

/// Parse a webhook's form body and check its signature against
/// `public_url` + path + query (unless no key is set: loopback only).
pub(crate) fn verify(state: &AppState, parts: &Parts, body: &[u8]) -> Result<Twilio, Rejected> {
    let params = parse_form(body);
    let path_and_query = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
    let verifier = &state.0.verifier;
    if verifier.checks() {
        let url = [state.0.public_base.as_str(), path_and_query].concat();
        let pairs: Vec<(&str, &str)> = params.iter().collect();
        let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
        let checked = verifier.verify(
            &url,
            &pairs,
            header("x-twilio-signature"),
            header("x-twilio-webhooks-signature-settings"),
        );
        if let Err(refusal) = checked {
            // Anyone can send these: one line a second at most, the path
            // cut short.
            static WRONG: LogLimit = LogLimit::new();
            static SETTING: LogLimit = LogLimit::new();
            let path = short_path(parts.uri.path());
            match refusal {
                Refusal::Wrong => {
                    if let Some(left_out) = WRONG.allow() {
                        tracing::warn!(path, left_out, "refused a webhook: {refusal}")
                    }
                }
                // Perhaps an operator's setting: every call fails until it
                // is fixed (or junk claiming a shared key).
                _ => {
                    if let Some(left_out) = SETTING.allow() {
                        tracing::error!(path, left_out, "refused a webhook: {refusal}")
                    }
                }
            }
            state
                .0
                .metrics
                .rejected_signatures
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return Err(Rejected("invalid X-Twilio-Signature"));
        }
    }
    let query = parts
        .uri
        .query()
        .map(|q| parse_form(q.as_bytes()))
        .unwrap_or_default();
    Ok(Twilio { params, query })
}

/// `application/x-www-form-urlencoded`, decoded exactly as the
/// `form_urlencoded` crate decodes it (a property test holds them equal),
/// in far fewer instructions: it runs on every webhook, over some twenty
/// parameters, and most names and values need no decoding at all.
pub fn parse_form(input: &[u8]) -> Pairs {
    let mut out = Pairs {
        text: String::with_capacity(input.len()),
        spans: Vec::with_capacity(24),
    };
    // Checked once for the whole body: then a piece without escapes is
    // copied as it stands (a piece of UTF-8 cut at ASCII is UTF-8).
    let text = std::str::from_utf8(input).ok();
    let mut scratch = Vec::new();
    // One pass over the bytes: where each pair starts, where its `=` is,
    // and whether its name or value holds an escape.
    let mut pair = Pair::at(0);
    for (i, &b) in input.iter().enumerate() {
        match b {
            b'&' => {
                pair.end(i, input, text, &mut out, &mut scratch);
                pair = Pair::at(i + 1);
            }
            b'=' if pair.eq.is_none() => pair.eq = Some(i),
            b'+' | b'%' if pair.eq.is_none() => pair.escaped_name = true,
            b'+' | b'%' => pair.escaped_value = true,
            _ => {}
        }
    }
    pair.end(input.len(), input, text, &mut out, &mut scratch);
    out
}

/// A `name=value` pair being scanned.
struct Pair {
    start: usize,
    eq: Option<usize>,
    escaped_name: bool,
    escaped_value: bool,
}

impl Pair {
    fn at(start: usize) -> Pair {
        Pair {
            start,
            eq: None,
            escaped_name: false,
            escaped_value: false,
        }
    }

    /// The pair ends at `end`: decode it into `out`, unless it is empty.
    fn end(
        &self,
        end: usize,
        input: &[u8],
        text: Option<&str>,
        out: &mut Pairs,
        scratch: &mut Vec<u8>,
    ) {
        if end == self.start {
            return;
        }
        let piece = |from: usize, to: usize| (&input[from..to], text.map(|t| &t[from..to]));
        let (name, value) = match self.eq {
            Some(eq) => (piece(self.start, eq), piece(eq + 1, end)),
            None => (piece(self.start, end), piece(end, end)),
        };
        let a = out.text.len();
        decode_into(&mut out.text, name, self.escaped_name, scratch);
        let b = out.text.len();
        decode_into(&mut out.text, value, self.escaped_value, scratch);
        out.spans.push((a, b, out.text.len()));
    }
}

/// `+` is a space, `%XX` a byte (a malformed escape stays as written), and
/// bytes that are not UTF-8 become U+FFFD. The piece comes as bytes and,
/// if known to be UTF-8, as text; `escaped`: it holds a `+` or a `%`.
fn decode_into(
    out: &mut String,
    (bytes, text): (&[u8], Option<&str>),
    escaped: bool,
    scratch: &mut Vec<u8>,
) {
    if !escaped {
        match text {
            Some(t) => out.push_str(t),
            None => out.push_str(&String::from_utf8_lossy(bytes)),
        }
        return;
    }
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    scratch.clear();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => scratch.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    scratch.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => scratch.push(b'%'),
            },
            b => scratch.push(b),
        }
        i += 1;
    }
    out.push_str(&String::from_utf8_lossy(scratch));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(input: &[u8]) -> Vec<(String, String)> {
        form_urlencoded::parse(input).into_owned().collect()
    }

    fn owned(p: &Pairs) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
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
            query: Pairs::default(),
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
        assert_eq!(owned(&parse_form(body)), reference(body));
        assert_eq!(parse_form(body).get("From"), Some("+819012345678"));
        assert_eq!(parse_form(b"a=%E5%AD%A6%E6%A0%A1").get("a"), Some("学校"));
        assert_eq!(parse_form(b"a=1&a=2").get("a"), Some("1"), "the first wins");
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
            prop_assert_eq!(owned(&parse_form(&input)), reference(&input));
        }
    }
}
