//! What every request handler shares.

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use crate::deployment::Deployment;
use crate::deployment::reload::{Host, Reloader};
use crate::domain::SchoolId;
use crate::store::Store;

#[derive(Clone)]
pub struct AppState(pub(crate) Arc<Inner>);

pub(crate) struct Inner {
    /// Swapped whole on reload; a request holds its own `Arc` for its life.
    pub deployment: RwLock<Arc<Deployment>>,
    /// Opened once each; a reload may add schools, never closes a store.
    pub stores: RwLock<BTreeMap<SchoolId, Arc<Store>>>,
    /// Schools whose store was set aside as unusable, and probe results.
    pub store_health: super::stores::StoreHealth,
    /// The keys Twilio signs webhooks with (auth token, shared keys); with
    /// none, signatures are not checked (loopback only).
    pub verifier: crate::channel::twilio::signature::Verifier,
    /// Bearer token for `/admin/*`; `None` turns the admin API off.
    pub admin_token: Option<String>,
    /// Where the deployment is read from again on reload, one at a time.
    pub reloader: Reloader,
    /// Scheme and authority Twilio uses to reach us, no trailing slash.
    pub public_base: String,
    /// The staff pages' session key and words.
    pub staff: super::staff::Staff,
    pub metrics: super::metrics::Metrics,
    /// Permits for requests in flight (`[limits] in_flight`).
    pub in_flight: Arc<tokio::sync::Semaphore>,
    /// Permits only calls already in progress may take (see `shed`).
    pub kept_for_calls: usize,
}

impl AppState {
    pub fn deployment(&self) -> Arc<Deployment> {
        self.0
            .deployment
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The store of school `id`, if it has one.
    pub fn store(&self, id: &SchoolId) -> Option<Arc<Store>> {
        self.0
            .stores
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .cloned()
    }
}

/// The running server, as a reload sees it.
impl Host for AppState {
    fn reloader(&self) -> &Reloader {
        &self.0.reloader
    }

    fn store(&self, id: &SchoolId) -> Option<Arc<Store>> {
        AppState::store(self, id)
    }

    async fn open_missing_stores(&self, dep: &Deployment) {
        super::stores::open_missing(self, dep).await;
    }

    fn public_base(&self) -> &str {
        &self.0.public_base
    }

    fn swap(&self, dep: Deployment) {
        *self.0.deployment.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(dep);
    }

    fn count(&self, applied: bool) {
        let counter = if applied {
            &self.0.metrics.reloads
        } else {
            &self.0.metrics.reload_failures
        };
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}
