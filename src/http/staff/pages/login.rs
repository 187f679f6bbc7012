//! `GET/POST /login`, `POST /logout`, and `GET /` (home or login).

use std::net::SocketAddr;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::ConnectInfo;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use maud::html;

use crate::http::log_limit::LogLimit;
use crate::http::staff::auth::{self, Account, Viewer};
use crate::http::staff::gate::{BUSY_RETRY_SECS, Busy};
use crate::http::staff::layout::{self, Ctx, Page};
use crate::http::staff::throttle::Door;
use crate::http::staff::ui::{LangChoice, Tr};
use crate::http::staff::{cookie, csrf, session};
use crate::http::state::AppState;

/// `GET /`: the account's home page, or the login form.
pub async fn root(State(app): State<AppState>, headers: HeaderMap) -> Response {
    match auth::current(&app, &headers) {
        Some(s) => Redirect::to(&s.account.home()).into_response(),
        None => Redirect::to("/login").into_response(),
    }
}

/// A `next` that stays on this site: a path, not `//host` or `/\host`.
fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?;
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    ok.then(|| next.to_owned())
}

fn query_param(uri: &Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// `GET /login`.
pub async fn form(State(app): State<AppState>, lang: LangChoice, uri: Uri) -> Response {
    let next = safe_next(query_param(&uri, "next").as_deref());
    let path = auth::without_lang(&uri);
    page(&app, lang, &path, StatusCode::OK, None, "", next.as_deref())
}

#[allow(clippy::too_many_arguments)]
fn page(
    app: &AppState,
    lang: LangChoice,
    path: &str,
    status: StatusCode,
    error: Option<&str>,
    account: &str,
    next: Option<&str>,
) -> Response {
    let tr = Tr {
        ui: &app.0.staff.ui,
        lang: lang.lang,
    };
    let dep = app.deployment();
    let ctx = Ctx {
        tr,
        lang,
        path,
        session: None,
    };
    let schools: Vec<_> = dep
        .schools
        .values()
        .filter(|s| {
            dep.config
                .schools
                .get(&s.id)
                .is_some_and(|c| c.staff_password_hash.is_some())
        })
        .collect();
    let body = html! {
        section.login {
            h1 { (tr.t("login-title")) }
            p.hint { (tr.t("login-hint")) }
            @if let Some(e) = error {
                p.error role="alert" { (e) }
            }
            form method="post" action="/login" {
                @if let Some(n) = next {
                    input type="hidden" name="next" value=(n);
                }
                label for="account" { (tr.t("login-account")) }
                select id="account" name="account" required autocomplete="username" {
                    option value="" { (tr.t("login-choose")) }
                    @for s in &schools {
                        option value=(s.id.as_str()) selected[s.id.as_str() == account] {
                            (layout::school_name(s, &tr))
                        }
                    }
                    @if dep.config.board.is_some() {
                        option value=(auth::BOARD) selected[account == auth::BOARD] { (tr.t("account-board")) }
                    }
                }
                label for="password" { (tr.t("login-password")) }
                input id="password" type="password" name="password" required autocomplete="current-password";
                button.primary type="submit" { (tr.t("login-submit")) }
            }
        }
    };
    let page = Page {
        title: tr.t("login-title"),
        ..Page::default()
    };
    layout::respond(app, status, lang, layout::render(&ctx, page, body))
}

/// `POST /login`: account, password, next.
pub async fn submit(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    lang: LangChoice,
    body: Bytes,
) -> Response {
    let ip = Some(peer.ip());
    let mut account = String::new();
    let mut password = String::new();
    let mut next = None;
    for (k, v) in form_urlencoded::parse(&body) {
        match &*k {
            "account" => account = v.into_owned(),
            "password" => password = v.into_owned(),
            "next" => next = Some(v.into_owned()),
            _ => {}
        }
    }
    let next = safe_next(next.as_deref());
    let dep = app.deployment();
    let tr = Tr {
        ui: &app.0.staff.ui,
        lang: lang.lang,
    };
    let refuse = |status, message: &str, retry_after: u64| {
        let mut res = page(
            &app,
            lang,
            "/login",
            status,
            Some(message),
            &account,
            next.as_deref(),
        );
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        res
    };
    // The try is counted from here, before the slow check, so that guesses
    // sent at once cannot all get past the limit.
    let attempt = match app
        .0
        .staff
        .throttle
        .reserve(Door::Login, &account, ip, Instant::now())
    {
        Ok(attempt) => attempt,
        Err(wait) => {
            app.0.metrics.login_refused();
            static THROTTLED: LogLimit = LogLimit::new();
            if let Some(left_out) = THROTTLED.allow() {
                tracing::warn!(
                    left_out,
                    "staff login refused: too many failures for this account or from this address"
                );
            }
            let minutes = (wait.as_secs() / 60 + 1).to_string();
            let message = tr.ta("login-throttled", &[("minutes", &minutes)]);
            return refuse(
                StatusCode::TOO_MANY_REQUESTS,
                &message,
                wait.as_secs().max(1),
            );
        }
    };
    let who = match auth::check_login(&app, &dep, &account, password).await {
        Ok(who) => who,
        // Not a failure of this account: the try is given back.
        Err(Busy) => {
            static BUSY: LogLimit = LogLimit::new();
            if let Some(left_out) = BUSY.allow() {
                tracing::warn!(
                    left_out,
                    "staff login refused: every password check is busy"
                );
            }
            return refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                &tr.t("error-checks-busy"),
                BUSY_RETRY_SECS,
            );
        }
    };
    let Some(who) = who else {
        attempt.failed(Instant::now());
        app.0.metrics.login_refused();
        // Never the password; the account only if it is a plain name.
        let shown = if Account::parse(&account).is_some() {
            account.as_str()
        } else {
            "(not an account name)"
        };
        tracing::warn!(
            account = shown,
            "failed staff login: wrong account or password"
        );
        let message = tr.t("login-failed");
        return page(
            &app,
            lang,
            "/login",
            StatusCode::UNAUTHORIZED,
            Some(&message),
            &account,
            next.as_deref(),
        );
    };
    let hash = who
        .password_hash(&dep)
        .expect("an account that logged in has a password");
    attempt.succeeded();
    let value = app.0.staff.keys.issue(&who, hash, Utc::now());
    tracing::info!(account = who.name(), "staff login");
    let mut res = Redirect::to(&next.unwrap_or_else(|| who.home())).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookie::set(
            session::COOKIE,
            &value,
            session::LIFETIME_SECS,
            true,
            app.0.staff.secure_cookies,
        ),
    );
    res
}

/// `POST /logout` (with the CSRF token).
pub async fn logout(
    State(app): State<AppState>,
    viewer: Result<Viewer, Response>,
    body: Bytes,
) -> Response {
    let Ok(viewer) = viewer else {
        return Redirect::to("/login").into_response();
    };
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    if let Err(refused) = csrf::check(&app, &viewer, &form) {
        return refused;
    }
    tracing::info!(account = viewer.session.account.name(), "staff logout");
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookie::set(session::COOKIE, "", 0, true, app.0.staff.secure_cookies),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/schools/a")), Some("/schools/a".into()));
        assert_eq!(safe_next(Some("//evil.example")), None);
        assert_eq!(safe_next(Some("/\\evil.example")), None);
        assert_eq!(safe_next(Some("https://evil.example")), None);
        assert_eq!(safe_next(None), None);
    }
}
