//! Building the server: load the deployment, open the stores, bind, route.

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use std::convert::Infallible;

use axum::extract::Request;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower::util::BoxCloneSyncService;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use super::state::{AppState, Inner};
use super::{admin, metrics, prompts, serve, shed, staff, stores};
use crate::channel::twilio::apology::apology;
use crate::channel::twilio::webhooks as voice;
use crate::channel::twilio::{signature, twiml};
use crate::config::{Limits, Source};
use crate::deployment::reload::{self, Reloader};
use crate::deployment::{Deployment, LoadError};
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "refusing to listen on {0} without TWILIO_AUTH_TOKEN: anyone could post fake calls. Set the token, or listen on 127.0.0.1 to try it out"
    )]
    UnsignedOnNetwork(SocketAddr),
    #[error(
        "ABSENCE_LINE_SESSION_KEY is {0} bytes long; it must be at least {min} (e.g. `openssl rand -base64 48`)",
        min = staff::MIN_KEY_BYTES
    )]
    SessionKeyTooShort(usize),
    #[error(transparent)]
    Ui(#[from] staff::UiError),
    #[error("cannot listen on {addr}: {cause}")]
    Bind {
        addr: SocketAddr,
        cause: std::io::Error,
    },
}

/// Secrets, from the environment only.
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    /// `TWILIO_AUTH_TOKEN`: signs every webhook (unless a Webhook Rule
    /// says a shared key does).
    pub auth_token: Option<String>,
    /// `TWILIO_WEBHOOK_SHARED_KEY` (and `…_PREVIOUS` while rotating): the
    /// shared key secrets of the account's Webhook Settings, newest first.
    pub webhook_shared_keys: Vec<String>,
    /// `ABSENCE_LINE_ADMIN_TOKEN`: the bearer token of `/admin/*`.
    pub admin_token: Option<String>,
    /// `ABSENCE_LINE_SESSION_KEY`: signs the staff pages' session cookies
    /// (at least 32 bytes). Without it a random key is made at start-up, and
    /// a restart logs every staff member out.
    pub session_key: Option<String>,
}

/// A bound, ready server.
pub struct Application {
    listener: TcpListener,
    app: App,
    addr: SocketAddr,
    limits: Limits,
    state: AppState,
}

impl Application {
    /// Load everything, open every school's store, bind, and start
    /// watching the files for changes. Without an auth token only loopback
    /// is allowed.
    pub async fn build(source: Source, secrets: Secrets) -> Result<Application, StartupError> {
        let config = source.load().map_err(LoadError::from)?;
        let verifier =
            signature::Verifier::new(secrets.auth_token.as_deref(), &secrets.webhook_shared_keys);
        if !verifier.checks() && !config.listen.ip().is_loopback() {
            return Err(StartupError::UnsignedOnNetwork(config.listen));
        }
        let session_key = secrets.session_key.filter(|k| !k.is_empty());
        if let Some(k) = &session_key
            && k.len() < staff::MIN_KEY_BYTES
        {
            return Err(StartupError::SessionKeyTooShort(k.len()));
        }
        let deployment = Deployment::load(config)?;
        // A school whose store is unusable is set aside, not fatal.
        let (stores, store_health) = stores::open_all(&deployment).await?;
        let listen = deployment.config.listen;
        let listener = TcpListener::bind(listen)
            .await
            .map_err(|cause| StartupError::Bind {
                addr: listen,
                cause,
            })?;
        let addr = listener.local_addr().map_err(|cause| StartupError::Bind {
            addr: listen,
            cause,
        })?;
        let public_base = deployment
            .config
            .public_base()
            .map_or_else(|| format!("http://{addr}"), str::to_owned);
        if !verifier.checks() {
            tracing::warn!(
                "NO TWILIO_AUTH_TOKEN: webhook signatures are NOT checked. Serving on loopback {addr} only, for trying the line out"
            );
        }
        tracing::info!(
            %addr, %public_base, schools = deployment.schools.len(),
            "absence line ready: point each number's Voice URL at {public_base}/voice/<school>"
        );
        let staff = staff::Staff::new(session_key.as_deref().map(str::as_bytes), &public_base)?;
        let deployment = Arc::new(deployment);
        let state = AppState(Arc::new(Inner {
            deployment: RwLock::new(deployment.clone()),
            stores: RwLock::new(stores),
            store_health,
            verifier,
            public_base,
            admin_token: secrets.admin_token.filter(|t| !t.is_empty()),
            reloader: Reloader::new(source),
            staff,
            metrics: Default::default(),
            in_flight: Arc::new(tokio::sync::Semaphore::new(
                deployment.config.limits.in_flight,
            )),
            kept_for_calls: shed::kept_for_calls(deployment.config.limits.in_flight),
        }));
        reload::sync_rosters(&state, &deployment)?;
        if let Err(e) = reload::watch(state.clone(), &deployment) {
            tracing::warn!(error = %e, "cannot watch the files for changes; reload with SIGHUP or POST /admin/reload");
        }
        reload::on_sighup(state.clone());
        super::sweep::spawn(state.clone());
        super::alert_watch::spawn(state.clone());
        Ok(Application {
            listener,
            app: app(state.clone()),
            state,
            addr,
            limits: deployment.config.limits.clone(),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The permits of `[limits] in_flight`. A test takes some to stand for
    /// requests being worked on (a slow disk, say) and checks who is still
    /// admitted; nothing else should touch them.
    #[doc(hidden)]
    pub fn in_flight_permits(&self) -> Arc<tokio::sync::Semaphore> {
        self.state.0.in_flight.clone()
    }

    /// Serve until SIGINT/SIGTERM, then finish the requests in flight and
    /// commit what the stores still have queued.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        serve::serve(
            self.listener,
            self.app,
            self.state.clone(),
            &self.limits,
            shutdown_signal(),
        )
        .await?;
        let stores: Vec<_> = (self.state.0.stores.read())
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .cloned()
            .collect();
        // Bounded: a stuck disk must not keep a supervisor waiting forever.
        for store in stores {
            match tokio::time::timeout(Duration::from_secs(10), store.flush()).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "a store's last writes were not committed")
                }
                Err(_) => tracing::error!(
                    store = %store.path().display(),
                    "a store's last writes were not committed within 10 s"
                ),
            }
        }
        Ok(())
    }
}

/// The whole server as one service: the routes inside the layers every
/// request passes.
pub(super) type App = BoxCloneSyncService<Request, Response, Infallible>;

/// The layers wrap the router once, not each route: a route's layers
/// would be cloned and boxed anew for every request.
fn app(state: AppState) -> App {
    let staff = staff::routes().with_state(state.clone());
    let routes = voice::routes()
        .route("/prompts/{lang}/{file}", get(prompts::serve))
        .route("/admin/reload", post(admin::reload))
        .route("/healthz", get(metrics::healthz))
        .route("/metrics", get(metrics::serve))
        .with_state(state.clone())
        .merge(staff)
        .fallback(unrouted)
        .with_state(state.clone());
    let app = ServiceBuilder::new()
        // Outermost: a request's whole body (at most 64 KB, quickly) and a
        // webhook's signature before it may hold a permit; past the cap it
        // costs next to nothing; voice webhooks are timed here for
        // `/metrics`.
        .layer(shed::ShedLayer(state))
        .map_response(IntoResponse::into_response)
        // Twilio gives up after 15 s; answer well before.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(10),
        ))
        // A bug must not leave a parent with Twilio's generic error either.
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked; apologising to the caller");
            (
                [(header::CONTENT_TYPE, twiml::CONTENT_TYPE)],
                apology(None, None, ""),
            )
                .into_response()
        }))
        .service(routes);
    BoxCloneSyncService::new(app)
}

/// No route: a Twilio webhook set up wrong (see `voice::misrouted`), or
/// nothing at all.
async fn unrouted(state: State<AppState>, req: Request) -> Response {
    if req.uri().path().starts_with("/voice/") {
        voice::misrouted(state, req).await
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
