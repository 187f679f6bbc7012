//! The schools' stores as the server holds them: each opened and checked
//! (writable, sound) at start and for a school a reload adds; a school
//! whose store cannot be used is set aside, logged, and its callers hear
//! the apology at the greeting, while every other school is served. And
//! what `/healthz` and `/metrics` say of them.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::state::AppState;
use crate::deployment::Deployment;
use crate::domain::SchoolId;
use crate::store::{self, Store, StoreError};

/// `/healthz` writes through each store at most this often…
const PROBE_EVERY: Duration = Duration::from_secs(5);
/// …and calls a store that takes longer than this to answer unusable.
const PROBE_WITHIN: Duration = Duration::from_secs(2);

/// What is known to be wrong with the stores beyond the stores themselves.
#[derive(Default)]
pub(crate) struct StoreHealth {
    /// Schools whose store could not be opened or failed its check, and
    /// why in a few words. Tried again by the next reload.
    broken: RwLock<BTreeMap<SchoolId, &'static str>>,
    /// Each store's last probe: when, and what was wrong (if anything).
    probed: Mutex<BTreeMap<SchoolId, (Instant, Option<&'static str>)>>,
}

impl StoreHealth {
    /// Why school `id` has no store, if it was refused one.
    pub(crate) fn broken(&self, id: &SchoolId) -> Option<&'static str> {
        let broken = self.broken.read().unwrap_or_else(|p| p.into_inner());
        broken.get(id).copied()
    }
}

/// Open and check every school's store. Only a missing data directory
/// stops the server (an unmounted disk must not start the line on new,
/// empty stores); a school whose store is unusable is set aside.
pub(super) async fn open_all(
    dep: &Deployment,
) -> Result<(BTreeMap<SchoolId, Arc<Store>>, StoreHealth), StoreError> {
    let dir = &dep.config.data_dir;
    if !dir.is_dir() {
        return Err(StoreError::NoDataDir {
            path: dir.display().to_string(),
        });
    }
    let mut stores = BTreeMap::new();
    let mut broken = BTreeMap::new();
    for id in dep.schools.keys() {
        match open_checked(dep, id).await {
            Ok(store) => drop(stores.insert(id.clone(), store)),
            Err(why) => drop(broken.insert(id.clone(), why)),
        }
    }
    let health = StoreHealth {
        broken: RwLock::new(broken),
        ..StoreHealth::default()
    };
    Ok((stores, health))
}

/// A reload: open the stores of schools that have none, the new ones and
/// those set aside so far (put right since, perhaps). A store that is
/// still unusable does not hold the reload up.
pub(super) async fn open_missing(app: &AppState, dep: &Deployment) {
    let missing: Vec<SchoolId> = {
        let stores = app.0.stores.read().unwrap_or_else(|p| p.into_inner());
        (dep.schools.keys())
            .filter(|id| !stores.contains_key(*id))
            .cloned()
            .collect()
    };
    for id in missing {
        let opened = open_checked(dep, &id).await;
        let mut broken = (app.0.store_health.broken.write()).unwrap_or_else(|p| p.into_inner());
        match opened {
            Ok(store) => {
                broken.remove(&id);
                let mut stores = app.0.stores.write().unwrap_or_else(|p| p.into_inner());
                stores.insert(id, store);
            }
            Err(why) => drop(broken.insert(id, why)),
        }
    }
}

/// School `id`'s store, opened and checked; or why it cannot be used,
/// after saying so in the log.
async fn open_checked(dep: &Deployment, id: &SchoolId) -> Result<Arc<Store>, &'static str> {
    let path = store::file_for(&dep.config.data_dir, id);
    if !path.exists() {
        tracing::info!(school = %id, "creating the school's store {}", path.display());
    }
    // Migrations and `quick_check` (up to its budget) are file work: off
    // the runtime's threads, which are answering calls during a reload.
    let rt = tokio::runtime::Handle::current();
    let checked = tokio::task::spawn_blocking(move || {
        let store = Store::open(&path)?;
        rt.block_on(store.check())?;
        Ok::<_, crate::store::StoreError>(store)
    })
    .await;
    let e = match checked {
        Ok(Ok(store)) => return Ok(Arc::new(store)),
        Ok(Err(e)) => e,
        Err(panicked) => {
            tracing::error!(school = %id, error = %panicked, "SCHOOL OUT OF SERVICE: checking its store failed");
            return Err("its check failed");
        }
    };
    tracing::error!(
        school = %id,
        error = %e,
        "SCHOOL OUT OF SERVICE: its store cannot be used, so its callers hear the apology at the \
         greeting. The other schools are served. Put the store right, then reload or restart"
    );
    Err(e.summary())
}

/// Every configured school whose store cannot take a report now, and why.
/// With `probe`, a store not probed in the last few seconds is written to
/// first (through its writer, as a save is).
pub(super) async fn problems(app: &AppState, probe: bool) -> Vec<(SchoolId, &'static str)> {
    let dep = app.deployment();
    let health = &app.0.store_health;
    let mut found = Vec::new();
    for id in dep.schools.keys() {
        let why = match (health.broken(id), app.store(id)) {
            (Some(why), _) => Some(why),
            (None, None) => Some("it has no store"),
            (None, Some(store)) => match store.fault() {
                Some(why) => Some(why),
                None => last_probe(app, id, &store, probe).await,
            },
        };
        if let Some(why) = why {
            found.push((id.clone(), why));
        }
    }
    found
}

/// What the store's last probe found, probing again first if `probe` and
/// the last one is stale.
async fn last_probe(
    app: &AppState,
    id: &SchoolId,
    store: &Store,
    probe: bool,
) -> Option<&'static str> {
    let probed = &app.0.store_health.probed;
    let last = probed
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(id)
        .copied();
    if let Some((at, why)) = last
        && (!probe || at.elapsed() < PROBE_EVERY)
    {
        return why;
    }
    if !probe {
        return None;
    }
    let why = match tokio::time::timeout(PROBE_WITHIN, store.probe()).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) => {
            tracing::error!(school = %id, error = %e, "the school's store failed its health probe");
            Some(e.summary())
        }
        Err(_) => Some("it does not answer"),
    };
    (probed.lock().unwrap_or_else(|p| p.into_inner())).insert(id.clone(), (Instant::now(), why));
    why
}
