//! `GET /prompts/{lang}/{file}`: recorded prompts for Twilio's `<Play>`,
//! served from memory. Only files loaded at startup or reload exist here, so
//! no request can reach any other file.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::state::AppState;
use crate::domain::LangTag;

pub async fn serve(
    State(app): State<AppState>,
    Path((lang, file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let dep = app.deployment();
    let Some(clip) = LangTag::parse(&lang)
        .ok()
        .and_then(|l| dep.recordings.file(&l, &file).cloned())
    else {
        return (StatusCode::NOT_FOUND, "no such recording").into_response();
    };
    let etag = format!("\"{}\"", clip.version);
    let cache = [
        (
            header::ETAG,
            HeaderValue::from_str(&etag).expect("hex is a valid header"),
        ),
        // The URL carries the version, so a changed file has a new URL.
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=86400"),
        ),
    ];
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    (
        cache,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(clip.info.content_type),
        )],
        axum::body::Bytes::from_owner(clip.bytes.clone()),
    )
        .into_response()
}
