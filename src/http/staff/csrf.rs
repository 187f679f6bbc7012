//! Cross-site request forgery: every state-changing form carries the
//! session's token (`HMAC(key, "csrf" + session payload)`) in a hidden
//! `csrf` field; a post without the right one changes nothing and gets 403.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::auth::Viewer;
use super::layout;
use crate::http::state::AppState;

pub const FIELD: &str = "csrf";

/// The hidden field for a form.
pub fn field(token: &str) -> Markup {
    html! { input type="hidden" name=(FIELD) value=(token); }
}

/// The `csrf` field of a form body, if any.
pub fn given(form: &[(String, String)]) -> &str {
    form.iter()
        .find(|(k, _)| k == FIELD)
        .map_or("", |(_, v)| v.as_str())
}

/// Ok if the form carries the viewer's session token; else the 403 page.
pub fn check(app: &AppState, viewer: &Viewer, form: &[(String, String)]) -> Result<(), Response> {
    if app
        .0
        .staff
        .keys
        .csrf_ok(&viewer.session.payload, given(form))
    {
        return Ok(());
    }
    tracing::warn!(
        account = viewer.session.account.name(),
        "refused a staff form with a missing or wrong CSRF token"
    );
    let tr = viewer.tr(app);
    Err(layout::error_page(
        viewer,
        app,
        StatusCode::FORBIDDEN,
        &tr.t("error-csrf"),
    ))
}
