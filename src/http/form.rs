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
        let params: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
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
            .map(|(_, q)| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        Ok(Twilio { params, query })
    }
}
