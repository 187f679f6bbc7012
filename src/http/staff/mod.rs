//! The school staff pages: log in, the morning list of a school day's
//! reports, marking them seen, the call log, the board of education's
//! overview, and exports. Server-rendered HTML (maud), Japanese by default,
//! every word from `ui/<lang>.ftl`.
//!
//! - `auth`: accounts, Argon2 password checks, a request's session.
//! - `access`: `SchoolAccess`, the extractor that lets a request see one
//!   school's pages (or refuses it).
//! - `throttle`, `gate`, `token_cache`: what keeps password and token
//!   guessing slow and its Argon2 work bounded.
//! - `session`: the signed session cookie and the CSRF token derived from it.
//! - `csrf`: the hidden form field and its check.
//! - `cookie`, `ui`, `fmt`, `layout`: cookies, words, dates, the page frame.
//! - `pages/`: one file per page; `export`: the export endpoint.

// A refusal is a finished page (403, 404, …) handed straight back by the
// handler: `Result<_, Response>` is the idiom here.
#![allow(clippy::result_large_err)]

mod access;
mod auth;
mod charts;
mod cookie;
mod csrf;
mod export;
mod fmt;
mod gate;
mod layout;
mod pages;
mod session;
mod throttle;
mod token_cache;
mod ui;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;

pub use gate::GateStats;
pub use session::MIN_KEY_BYTES;
pub use ui::UiError;

use super::state::AppState;
use crate::store::StoreError;

/// What the staff pages share: the session key, the words, and whether
/// cookies must be `Secure` (the server is reached over https).
pub struct Staff {
    keys: session::Keys,
    ui: ui::Ui,
    secure_cookies: bool,
    throttle: throttle::LoginThrottle,
    /// Every password and token check runs through it.
    gate: gate::Gate,
    tokens: token_cache::TokenCache,
    /// The board's district view's counts, kept per school.
    board_counts: pages::board::read::Cache,
    /// The board's alert list, kept per school.
    board_alerts: pages::board::alerts::Kept,
}

impl Staff {
    /// With `key` (≥ [`MIN_KEY_BYTES`]) sessions survive a restart; without
    /// one a random key is made and every restart ends them.
    pub fn new(key: Option<&[u8]>, public_base: &str) -> Result<Staff, UiError> {
        let keys = match key {
            Some(k) => session::Keys::new(k.to_vec()),
            None => {
                tracing::info!(
                    "ABSENCE_LINE_SESSION_KEY is not set: staff sessions use a random key and end when the server restarts"
                );
                session::Keys::random()
            }
        };
        Ok(Staff {
            keys,
            ui: ui::Ui::load()?,
            secure_cookies: public_base.starts_with("https://"),
            throttle: Default::default(),
            gate: gate::Gate::for_this_machine(),
            tokens: Default::default(),
            board_counts: Default::default(),
            board_alerts: Default::default(),
        })
    }

    /// The password checks' counts, for `/metrics`.
    pub fn password_checks(&self) -> GateStats {
        self.gate.stats()
    }
}

/// The staff pages' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::login::root))
        .route("/login", get(pages::login::form).post(pages::login::submit))
        .route("/logout", post(pages::login::logout))
        // The board's dashboard: district view, drill-down, alerts.
        .route("/board", get(pages::board::board))
        .route("/board/alerts", get(pages::board::alerts::page))
        .route("/board/alerts.json", get(pages::board::alerts::json))
        .route("/board/schools/{school}", get(pages::board::drill::school))
        .route(
            "/board/schools/{school}/grades/{grade}",
            get(pages::board::drill::grade),
        )
        .route(
            "/board/schools/{school}/grades/{grade}/classes/{class}",
            get(pages::board::drill::class),
        )
        .route("/schools/{school}", get(pages::morning_list::today))
        .route("/schools/{school}/days", get(pages::morning_list::pick))
        .route(
            "/schools/{school}/days/{day}",
            get(pages::morning_list::day),
        )
        .route(
            "/schools/{school}/reports/{report}/seen",
            post(pages::morning_list::mark_seen),
        )
        .route("/schools/{school}/calls", get(pages::call_log::pick))
        .route("/schools/{school}/calls/{day}", get(pages::call_log::day))
        .route("/schools/{school}/export", get(export::export))
        // Surveillance sheet, corrections and alerts.
        .route("/schools/{school}/sheet", get(pages::sheet::pick))
        .route("/schools/{school}/sheet/{day}", get(pages::sheet::day))
        .route(
            "/schools/{school}/reports/{reference}/edit",
            get(pages::correction::form).post(pages::correction::submit),
        )
        .route("/schools/{school}/alerts.json", get(pages::alerts::json))
        .route(layout::STYLE_PATH, get(layout::style))
        .route(layout::SCRIPT_PATH, get(layout::script))
        .layer(axum::middleware::map_response(layout::secure_headers))
        // A bug on a staff page is a plain 500, not the callers' TwiML apology.
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a staff page handler panicked");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "internal error\n",
            )
                .into_response()
        }))
}

#[derive(Debug, thiserror::Error)]
pub enum BlockingError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the store task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}

/// Run a store call on a blocking thread (the store is synchronous).
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, BlockingError> {
    Ok(tokio::task::spawn_blocking(f).await??)
}
