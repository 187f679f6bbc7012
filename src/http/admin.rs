//! The admin API: `POST /admin/reload`. Only the door is here (the bearer
//! token, the status code); the reload itself is `deployment::reload`.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use super::state::AppState;
use crate::deployment::reload;

/// `POST /admin/reload` with `Authorization: Bearer <ABSENCE_LINE_ADMIN_TOKEN>`.
pub async fn reload(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = &app.0.admin_token else {
        return (
            StatusCode::FORBIDDEN,
            "the admin API is off: set ABSENCE_LINE_ADMIN_TOKEN to use it",
        )
            .into_response();
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !bool::from(given.as_bytes().ct_eq(token.as_bytes())) {
        tracing::warn!("refused an admin reload with a missing or wrong token");
        return (StatusCode::UNAUTHORIZED, "wrong or missing bearer token").into_response();
    }
    let r = reload::reload(&app, "POST /admin/reload").await;
    let status = if r.applied {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, axum::Json(r)).into_response()
}
