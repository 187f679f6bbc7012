//! `absence-line serve`.

use anyhow::Context;

use super::args::{Global, ServeArgs};
use crate::config::Source;
use crate::http::{Application, Secrets};

pub fn run(global: &Global, args: ServeArgs) -> anyhow::Result<()> {
    let source = Source {
        listen: args.listen,
        ..global.source()
    };
    if args.create_data_dir {
        let dir = source.load()?.data_dir;
        if !dir.is_dir() {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("creating the data directory {}", dir.display()))?;
            tracing::info!("created the data directory {}", dir.display());
        }
    }
    let secrets = Secrets {
        auth_token: std::env::var("TWILIO_AUTH_TOKEN").ok(),
        webhook_shared_keys: [
            "TWILIO_WEBHOOK_SHARED_KEY",
            "TWILIO_WEBHOOK_SHARED_KEY_PREVIOUS",
        ]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .collect(),
        admin_token: std::env::var("ABSENCE_LINE_ADMIN_TOKEN").ok(),
        session_key: std::env::var("ABSENCE_LINE_SESSION_KEY").ok(),
    };
    let rt = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    rt.block_on(async {
        let app = Application::build(source, secrets).await?;
        app.run_until_stopped().await.context("serving")?;
        anyhow::Ok(())
    })
}
