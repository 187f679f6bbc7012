//! `absence-line serve`.

use anyhow::Context;

use super::args::{Global, ServeArgs};
use crate::config::Config;
use crate::http::Application;

pub fn run(global: &Global, args: ServeArgs) -> anyhow::Result<()> {
    let mut config = Config::load(&global.config)?;
    if let Some(d) = &global.data_dir {
        config.data_dir.clone_from(d);
    }
    if let Some(l) = args.listen {
        config.listen = l;
    }
    let token = std::env::var("TWILIO_AUTH_TOKEN").ok();
    let rt = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    rt.block_on(async {
        let app = Application::build(config, token).await?;
        app.run_until_stopped().await.context("serving")?;
        anyhow::Ok(())
    })
}
