//! Who is asking: accounts, password checks (Argon2, through the bounded
//! `gate`), the session of a request, and which schools it may see
//! (`access` turns that into the pages' extractor).

use std::sync::OnceLock;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use subtle::ConstantTimeEq;

use super::cookie;
use super::gate::Busy;
use super::session::{self, Claims};
use super::ui::{LangChoice, Tr};
use crate::deployment::Deployment;
use crate::domain::SchoolId;
use crate::http::state::AppState;
use crate::password::{hash_password, verify_password};

/// A login: one school's staff, or the board of education (every school).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Account {
    School(SchoolId),
    Board,
}

pub const BOARD: &str = "board";

impl Account {
    pub fn parse(s: &str) -> Option<Account> {
        if s == BOARD {
            Some(Account::Board)
        } else {
            SchoolId::parse(s).ok().map(Account::School)
        }
    }

    /// The account's name: its school id, or `board`. Also the "user" of
    /// seen marks and list views.
    pub fn name(&self) -> &str {
        match self {
            Account::School(id) => id.as_str(),
            Account::Board => BOARD,
        }
    }

    pub fn may_see(&self, school: &SchoolId) -> bool {
        match self {
            Account::School(own) => own == school,
            Account::Board => true,
        }
    }

    /// Where the account lands after logging in.
    pub fn home(&self) -> String {
        match self {
            Account::School(id) => format!("/schools/{id}"),
            Account::Board => "/board".into(),
        }
    }

    /// The account's password hash in the current config, if it may log in.
    pub fn password_hash<'a>(&self, dep: &'a Deployment) -> Option<&'a str> {
        match self {
            Account::School(id) => dep.config.schools.get(id)?.staff_password_hash.as_deref(),
            Account::Board => dep.config.board.as_ref().map(|b| b.password_hash.as_str()),
        }
    }
}

/// Check `password` for `account` through the password checks' gate
/// ([`Busy`] when it is full). An unknown account costs as much as a known
/// one, so timing does not tell which exist.
pub async fn check_login(
    app: &AppState,
    dep: &Deployment,
    account: &str,
    password: String,
) -> Result<Option<Account>, Busy> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let account = Account::parse(account);
    let hash = account
        .as_ref()
        .and_then(|a| a.password_hash(dep))
        .map(str::to_owned);
    let known = hash.is_some();
    let ok = app
        .0
        .staff
        .gate
        .check(move || {
            // Made on a worker too: hashing is as slow as checking.
            let hash = hash.as_deref().unwrap_or_else(|| {
                DUMMY.get_or_init(|| hash_password("not a password").expect("hashing works"))
            });
            verify_password(&password, hash)
        })
        .await?;
    Ok(if ok && known { account } else { None })
}

/// A request's valid session.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    pub payload: String,
    pub csrf: String,
}

/// The session the request's cookie carries, if it is valid now: signed
/// with our key, not expired, for an account that may still log in with the
/// same password.
pub fn current(app: &AppState, headers: &HeaderMap) -> Option<Session> {
    let value = cookie::get(headers, session::COOKIE)?;
    let keys = &app.0.staff.keys;
    let Claims {
        account,
        password_tag,
        payload,
        ..
    } = keys.open(value, Utc::now())?;
    let dep = app.deployment();
    let hash = account.password_hash(&dep)?;
    if !bool::from(
        keys.password_tag(hash)
            .as_bytes()
            .ct_eq(password_tag.as_bytes()),
    ) {
        return None;
    }
    Some(Session {
        csrf: keys.csrf(&payload),
        account,
        payload,
    })
}

/// A page request from someone logged in, in their language. Without a
/// valid session, the page answers with a redirect to the login form.
pub struct Viewer {
    pub session: Session,
    pub lang: LangChoice,
    /// Path and query of the request (less `lang`), for the language toggle.
    pub path: String,
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Response> {
        let lang = LangChoice::of(parts);
        let path = without_lang(&parts.uri);
        match current(app, &parts.headers) {
            Some(session) => Ok(Viewer {
                session,
                lang,
                path,
            }),
            // A form posted without a session cannot be posted again after
            // login: go home then.
            None if parts.method != Method::GET => Err(Redirect::to("/login").into_response()),
            None => {
                let next = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
                Err(Redirect::to(&format!("/login?next={next}")).into_response())
            }
        }
    }
}

/// The request's path and query without `lang=`, for the language toggle.
pub fn without_lang(uri: &Uri) -> String {
    let kept: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .filter(|(k, _)| k != "lang")
        .collect();
    if kept.is_empty() {
        return uri.path().to_owned();
    }
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish();
    format!("{}?{query}", uri.path())
}

impl Viewer {
    pub fn tr<'a>(&self, app: &'a AppState) -> Tr<'a> {
        Tr {
            ui: &app.0.staff.ui,
            lang: self.lang.lang,
        }
    }
}
