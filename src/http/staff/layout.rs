//! The frame every staff page shares: head, navigation bar, language
//! toggle, logout; the answer's headers; error pages; the stylesheet and
//! the list's refresh script.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::auth::{Account, Session, Viewer};
use super::ui::{LANG_COOKIE, LangChoice, Tr};
use super::{cookie, csrf};
use crate::deployment::School;
use crate::http::state::AppState;

pub const STYLE: &str = include_str!("assets/style.css");
pub const SCRIPT: &str = include_str!("assets/refresh.js");
pub const STYLE_PATH: &str = "/staff/style.css";
pub const SCRIPT_PATH: &str = "/staff/refresh.js";

/// Who the page is for and in what language.
pub struct Ctx<'a> {
    pub tr: Tr<'a>,
    pub lang: LangChoice,
    /// The request's path and query (less `lang`), for the language toggle.
    pub path: &'a str,
    pub session: Option<&'a Session>,
}

impl Viewer {
    pub fn ctx<'a>(&'a self, app: &'a AppState) -> Ctx<'a> {
        Ctx {
            tr: self.tr(app),
            lang: self.lang,
            path: &self.path,
            session: Some(&self.session),
        }
    }
}

/// What a page adds to the frame.
#[derive(Default)]
pub struct Page<'a> {
    pub title: String,
    /// The school the page is about: its name and links in the bar.
    pub school: Option<&'a School>,
    /// Reload this URL every 60 s when scripts are off.
    pub refresh: Option<String>,
    pub script: bool,
}

/// A school's name in the page's language.
pub fn school_name<'a>(school: &'a School, tr: &Tr) -> &'a str {
    match tr.lang {
        super::ui::Lang::Ja => &school.name,
        super::ui::Lang::En => school
            .names
            .iter()
            .find(|(l, _)| l.as_str() == "en")
            .map_or(&school.name, |(_, n)| n.as_str()),
    }
}

pub fn render(ctx: &Ctx, page: Page, body: Markup) -> Markup {
    let tr = &ctx.tr;
    let other = ctx.tr.lang.other();
    html! {
        (DOCTYPE)
        html lang=(tr.lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex, nofollow";
                title { (page.title) " — " (tr.t("app-name")) }
                link rel="stylesheet" href=(STYLE_PATH);
                @if let Some(url) = &page.refresh {
                    noscript { meta http-equiv="refresh" content=(format!("60; url={url}")); }
                }
                @if page.script {
                    script src=(SCRIPT_PATH) defer {}
                }
            }
            body {
                header.bar {
                    div.brand {
                        a href="/" { (tr.t("app-name")) }
                        @if let Some(s) = page.school {
                            span.school-name { (school_name(s, tr)) }
                        }
                    }
                    @if let Some(session) = ctx.session {
                        nav.links {
                            @if let Some(s) = page.school {
                                a href=(format!("/schools/{}", s.id)) { (tr.t("nav-list")) }
                                a href=(format!("/schools/{}/calls", s.id)) { (tr.t("nav-calls")) }
                                a href=(format!("/board/schools/{}", s.id)) { (tr.t("board-dashboard")) }
                            }
                            @if session.account == Account::Board {
                                a href="/board" { (tr.t("nav-board")) }
                            }
                        }
                    }
                    div.who {
                        a.lang href=(toggle_url(ctx.path, other.tag())) lang=(other.tag()) {
                            (tr.t("lang-toggle"))
                        }
                        @if let Some(session) = ctx.session {
                            span.account {
                                @match &session.account {
                                    Account::Board => (tr.t("account-board")),
                                    Account::School(id) => (tr.ta("account-school", &[("school", id.as_str())])),
                                }
                            }
                            form.logout method="post" action="/logout" {
                                (csrf::field(&session.csrf))
                                button type="submit" { (tr.t("logout")) }
                            }
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// `path` (with its query) in language `lang`.
fn toggle_url(path: &str, lang: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}lang={lang}")
}

/// An HTML answer; remembers a language chosen with `?lang=`.
/// The "go to a date" form of the day pages (`GET action?date=…`).
pub fn date_picker(tr: &Tr, action: &str, date: chrono::NaiveDate) -> Markup {
    html! {
        form.picker method="get" action=(action) {
            label.sr for="date" { (tr.t("day-pick")) }
            input id="date" type="date" name="date" value=(date.to_string()) required;
            button type="submit" { (tr.t("day-show")) }
        }
    }
}

pub fn respond(app: &AppState, status: StatusCode, lang: LangChoice, markup: Markup) -> Response {
    let mut res = (status, maud_html(markup)).into_response();
    if lang.chosen_now {
        res.headers_mut().append(
            header::SET_COOKIE,
            cookie::set(
                LANG_COOKIE,
                lang.lang.tag(),
                365 * 24 * 60 * 60,
                false,
                app.0.staff.secure_cookies,
            ),
        );
    }
    res
}

fn maud_html(markup: Markup) -> axum::response::Html<String> {
    axum::response::Html(markup.into_string())
}

/// A page that only says what went wrong.
pub fn error_page(viewer: &Viewer, app: &AppState, status: StatusCode, message: &str) -> Response {
    let ctx = viewer.ctx(app);
    message_page(&ctx, app, status, message)
}

/// The page for a store that could not be read: the cause goes to the
/// log (`what` says which page), the viewer gets a plain apology.
pub fn store_error_page(
    viewer: &Viewer,
    app: &AppState,
    school: &str,
    what: &str,
    error: &dyn std::fmt::Display,
) -> Response {
    tracing::error!(school, error = %error, "cannot read the {what}");
    let tr = viewer.tr(app);
    error_page(
        viewer,
        app,
        StatusCode::INTERNAL_SERVER_ERROR,
        &tr.t("error-store"),
    )
}

pub fn message_page(ctx: &Ctx, app: &AppState, status: StatusCode, message: &str) -> Response {
    let title = ctx.tr.t(match status {
        StatusCode::FORBIDDEN => "error-forbidden-title",
        StatusCode::NOT_FOUND => "error-not-found-title",
        StatusCode::BAD_REQUEST => "error-bad-request-title",
        _ => "error-title",
    });
    let body = html! {
        section.message {
            h1 { (title) }
            p { (message) }
            p { a href="/" { (ctx.tr.t("back-home")) } }
        }
    };
    let page = Page {
        title: title.clone(),
        ..Page::default()
    };
    respond(app, status, ctx.lang, render(ctx, page, body))
}

/// Headers on every staff answer: no caching of children's data, no
/// framing, scripts and styles only from here.
pub async fn secure_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: header::HeaderName, v: &'static str| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(h, header::CACHE_CONTROL, "no-store");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "same-origin");
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; media-src 'self' https:; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    res
}

/// `GET /staff/style.css`.
pub async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

/// `GET /staff/refresh.js`.
pub async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}
