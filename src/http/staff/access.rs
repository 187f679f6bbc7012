//! `SchoolAccess`: the extractor every page about one school starts with.
//! It runs the check those pages share, in one place and in one order:
//! a valid session (else the login redirect, as [`Viewer`] answers), the
//! `{school}` of the path parsed, the account allowed to see it (403 for
//! another school's staff, whether or not it exists; 404 for the board
//! when there is no such school), and the school loaded with its store. A
//! handler that takes it can only run for a request that may see the
//! school.

use std::sync::Arc;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use super::auth::{Account, Viewer};
use super::layout;
use crate::deployment::{Deployment, School};
use crate::domain::SchoolId;
use crate::http::state::AppState;
use crate::store::Store;

/// A request allowed to see one school: who asks, and the school with its
/// store.
pub struct SchoolAccess {
    pub viewer: Viewer,
    pub dep: Arc<Deployment>,
    pub id: SchoolId,
    pub store: Arc<Store>,
}

impl SchoolAccess {
    pub fn school(&self) -> &School {
        &self.dep.schools[&self.id]
    }
}

impl FromRequestParts<AppState> for SchoolAccess {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Response> {
        // The session first: without one the answer is the login redirect,
        // whatever the school.
        let viewer = Viewer::from_request_parts(parts, app).await?;
        let params = RawPathParams::from_request_parts(parts, app)
            .await
            .map_err(IntoResponse::into_response)?;
        let school = params
            .iter()
            .find_map(|(k, v)| (k == "school").then_some(v))
            .unwrap_or("");
        grant(viewer, app, school)
    }
}

/// Access to school `id` for `viewer`, or the page that refuses it.
fn grant(viewer: Viewer, app: &AppState, id: &str) -> Result<SchoolAccess, Response> {
    let tr = viewer.tr(app);
    let parsed = SchoolId::parse(id).ok();
    if !parsed
        .as_ref()
        .is_some_and(|p| viewer.session.account.may_see(p))
    {
        if viewer.session.account != Account::Board {
            tracing::warn!(
                account = viewer.session.account.name(),
                "refused a staff page of another school"
            );
            return Err(layout::error_page(
                &viewer,
                app,
                StatusCode::FORBIDDEN,
                &tr.t("error-forbidden"),
            ));
        }
        return Err(layout::error_page(
            &viewer,
            app,
            StatusCode::NOT_FOUND,
            &tr.t("error-no-school"),
        ));
    }
    let id = parsed.expect("checked above");
    let dep = app.deployment();
    let store = app.store(&id);
    match (dep.schools.contains_key(&id), store) {
        (true, Some(store)) => Ok(SchoolAccess {
            viewer,
            dep,
            id,
            store,
        }),
        _ => Err(layout::error_page(
            &viewer,
            app,
            StatusCode::NOT_FOUND,
            &tr.t("error-no-school"),
        )),
    }
}
