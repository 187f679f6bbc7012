//! The servers this process runs itself: `--spawn`'s absence-line on a
//! temporary deployment, and `--ceiling`'s minimal handler, on their own
//! pinned thread.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use absence_line::http::{Application, Secrets, Source};
use anyhow::{Context, bail};

use crate::args::{SPAWN_SCHOOL, SPAWN_TOKEN};
use crate::ceiling::ceiling_router;
use crate::measure::pin_current_thread;

/// `--spawn`'s temporary directory: config, data, log.
pub struct SpawnDir {
    pub dir: PathBuf,
    pub config: PathBuf,
    pub keep: bool,
}

impl SpawnDir {
    pub fn create(assets: &Path, keep: bool) -> anyhow::Result<SpawnDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "absence-line-loadgen-{}-{nanos:x}",
            std::process::id()
        ));
        std::fs::create_dir_all(dir.join("data"))
            .with_context(|| format!("creating {}", dir.display()))?;
        for name in ["call-flows", "locales", "prompts"] {
            if !assets.join(name).is_dir() {
                bail!(
                    "{} has no {name}/: point --assets at the repository",
                    assets.display()
                );
            }
        }
        let config = dir.join("absence-line.toml");
        let toml_str = |p: PathBuf| toml::Value::String(p.display().to_string()).to_string();
        std::fs::write(
            &config,
            format!(
                "listen = \"127.0.0.1:0\"\n\
                 data_dir = {data}\n\
                 flows_dir = {flows}\n\
                 locales_dir = {locales}\n\
                 prompts_dir = {prompts}\n\n\
                 [schools.{SPAWN_SCHOOL}]\n\
                 name = \"負荷試験小学校\"\n",
                data = toml_str(dir.join("data")),
                flows = toml_str(assets.join("call-flows")),
                locales = toml_str(assets.join("locales")),
                prompts = toml_str(assets.join("prompts")),
            ),
        )?;
        Ok(SpawnDir { dir, config, keep })
    }

    pub fn store_path(&self) -> PathBuf {
        self.dir.join("data").join(format!("{SPAWN_SCHOOL}.sqlite"))
    }
}

impl Drop for SpawnDir {
    fn drop(&mut self) {
        if self.keep {
            eprintln!("loadgen: kept {}", self.dir.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The servers running in this process.
pub struct Servers {
    pub app: Option<SocketAddr>,
    pub ceiling: Option<SocketAddr>,
}

pub fn start_servers(
    config: Option<PathBuf>,
    ceiling: bool,
    core: Option<usize>,
) -> anyhow::Result<Servers> {
    if let Some(config) = &config {
        // The server logs as `serve` does (info, or RUST_LOG), to a file
        // beside its data so the terminal keeps the figures.
        let log = std::fs::File::create(config.with_file_name("server.log"))?;
        tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
            )
            .with_ansi(false)
            .with_writer(Mutex::new(log))
            .init();
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("server".into())
        .spawn(move || {
            if let Some(c) = core
                && !pin_current_thread(c)
            {
                eprintln!("loadgen: could not pin the server to CPU {c}");
            }
            let rt = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("server-worker")
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    let _ = tx.send(Err(anyhow::Error::from(e)));
                    return;
                }
            };
            rt.block_on(async move {
                let started = async {
                    let app = match config {
                        Some(config) => {
                            let secrets = Secrets {
                                auth_token: Some(SPAWN_TOKEN.into()),
                                ..Secrets::default()
                            };
                            let app = Application::build(Source::new(&config), secrets)
                                .await
                                .context("starting the server")?;
                            let addr = app.local_addr();
                            tokio::spawn(app.run_until_stopped());
                            Some(addr)
                        }
                        None => None,
                    };
                    let ceiling = if ceiling {
                        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                        let addr = l.local_addr()?;
                        tokio::spawn(axum::serve(l, ceiling_router()).into_future());
                        Some(addr)
                    } else {
                        None
                    };
                    anyhow::Ok(Servers { app, ceiling })
                }
                .await;
                let _ = tx.send(started);
                // Serve until the process ends.
                std::future::pending::<()>().await;
            });
        })?;
    rx.recv().context("the server thread ended")?
}
